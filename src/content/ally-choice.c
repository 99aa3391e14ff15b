/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-choice.c */
#include "ally-content-private.h"

enum { PROP_0, PROP_TEXT, PROP_MARKUP, PROP_EXPLANATION_TEXT, PROP_EXPLANATION_MARKUP, N_PROPS };
static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (AllyChoice, ally_choice, G_TYPE_OBJECT)

static void
ally_choice_finalize (GObject *object)
{
  AllyChoice *self = ALLY_CHOICE (object);

  ally_text_free (self->text);
  ally_text_free (self->explanation);

  G_OBJECT_CLASS (ally_choice_parent_class)->finalize (object);
}

static void
ally_choice_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AllyChoice *self = ALLY_CHOICE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, ally_text_get (self->text));
      break;
    case PROP_MARKUP:
      g_value_set_string (value, ally_text_get_markup (self->text));
      break;
    case PROP_EXPLANATION_TEXT:
      g_value_set_string (value, ally_text_get (self->explanation));
      break;
    case PROP_EXPLANATION_MARKUP:
      g_value_set_string (value, ally_text_get_markup (self->explanation));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_choice_class_init (AllyChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ally_choice_finalize;
  object_class->get_property = ally_choice_get_property;

  props[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  props[PROP_MARKUP] = g_param_spec_string ("markup", NULL, NULL, NULL, flags);
  props[PROP_EXPLANATION_TEXT] = g_param_spec_string ("explanation-text", NULL, NULL, NULL, flags);
  props[PROP_EXPLANATION_MARKUP] = g_param_spec_string ("explanation-markup", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_choice_init (AllyChoice *self)
{
}

AllyChoice *
ally_choice_new (void)
{
  return g_object_new (ALLY_TYPE_CHOICE, NULL);
}

void
ally_choice_relocalize (AllyChoice  *self,
                        char       **wanted)
{
  if (self->text != NULL && ally_text_resolve (self->text, wanted))
    {
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MARKUP]);
    }
  if (self->explanation != NULL && ally_text_resolve (self->explanation, wanted))
    {
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXPLANATION_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXPLANATION_MARKUP]);
    }
}

gboolean
ally_choice_get_correct (AllyChoice *self)
{
  g_return_val_if_fail (ALLY_IS_CHOICE (self), FALSE);
  return self->correct;
}

const char *
ally_choice_get_text (AllyChoice *self)
{
  g_return_val_if_fail (ALLY_IS_CHOICE (self), NULL);
  return ally_text_get (self->text);
}

const char *
ally_choice_get_markup (AllyChoice *self)
{
  g_return_val_if_fail (ALLY_IS_CHOICE (self), NULL);
  return ally_text_get_markup (self->text);
}

const char *
ally_choice_get_explanation_text (AllyChoice *self)
{
  g_return_val_if_fail (ALLY_IS_CHOICE (self), NULL);
  return ally_text_get (self->explanation);
}

const char *
ally_choice_get_explanation_markup (AllyChoice *self)
{
  g_return_val_if_fail (ALLY_IS_CHOICE (self), NULL);
  return ally_text_get_markup (self->explanation);
}
