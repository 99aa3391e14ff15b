/* ally-response.c */
#include "ally-content-private.h"

enum { PROP_0, PROP_TEXT, PROP_MARKUP, PROP_DISCUSSION_TEXT, PROP_DISCUSSION_MARKUP, N_PROPS };
static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (AllyResponse, ally_response, G_TYPE_OBJECT)

static void
ally_response_finalize (GObject *object)
{
  AllyResponse *self = ALLY_RESPONSE (object);

  ally_text_free (self->text);
  ally_text_free (self->discussion);

  G_OBJECT_CLASS (ally_response_parent_class)->finalize (object);
}

static void
ally_response_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AllyResponse *self = ALLY_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, ally_text_get (self->text));
      break;
    case PROP_MARKUP:
      g_value_set_string (value, ally_text_get_markup (self->text));
      break;
    case PROP_DISCUSSION_TEXT:
      g_value_set_string (value, ally_text_get (self->discussion));
      break;
    case PROP_DISCUSSION_MARKUP:
      g_value_set_string (value, ally_text_get_markup (self->discussion));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_response_class_init (AllyResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ally_response_finalize;
  object_class->get_property = ally_response_get_property;

  props[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  props[PROP_MARKUP] = g_param_spec_string ("markup", NULL, NULL, NULL, flags);
  props[PROP_DISCUSSION_TEXT] = g_param_spec_string ("discussion-text", NULL, NULL, NULL, flags);
  props[PROP_DISCUSSION_MARKUP] = g_param_spec_string ("discussion-markup", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_response_init (AllyResponse *self)
{
}

AllyResponse *
ally_response_new (void)
{
  return g_object_new (ALLY_TYPE_RESPONSE, NULL);
}

void
ally_response_relocalize (AllyResponse  *self,
                        char       **wanted)
{
  if (self->text != NULL && ally_text_resolve (self->text, wanted))
    {
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MARKUP]);
    }
  if (self->discussion != NULL && ally_text_resolve (self->discussion, wanted))
    {
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DISCUSSION_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DISCUSSION_MARKUP]);
    }
}


const char *
ally_response_get_text (AllyResponse *self)
{
  g_return_val_if_fail (ALLY_IS_RESPONSE (self), NULL);
  return ally_text_get (self->text);
}

const char *
ally_response_get_markup (AllyResponse *self)
{
  g_return_val_if_fail (ALLY_IS_RESPONSE (self), NULL);
  return ally_text_get_markup (self->text);
}

const char *
ally_response_get_discussion_text (AllyResponse *self)
{
  g_return_val_if_fail (ALLY_IS_RESPONSE (self), NULL);
  return ally_text_get (self->discussion);
}

const char *
ally_response_get_discussion_markup (AllyResponse *self)
{
  g_return_val_if_fail (ALLY_IS_RESPONSE (self), NULL);
  return ally_text_get_markup (self->discussion);
}
