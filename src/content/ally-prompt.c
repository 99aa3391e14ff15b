/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-prompt.c */
#include "ally-content-private.h"

enum { PROP_0, PROP_TEXT, PROP_MARKUP, N_PROPS };
static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (AllyPrompt, ally_prompt, G_TYPE_OBJECT)

static void
ally_prompt_finalize (GObject *object)
{
  AllyPrompt *self = ALLY_PROMPT (object);

  g_free (self->id);
  g_free (self->lesson_id);
  ally_text_free (self->text);

  G_OBJECT_CLASS (ally_prompt_parent_class)->finalize (object);
}

static void
ally_prompt_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AllyPrompt *self = ALLY_PROMPT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, ally_text_get (self->text));
      break;
    case PROP_MARKUP:
      g_value_set_string (value, ally_text_get_markup (self->text));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_prompt_class_init (AllyPromptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ally_prompt_finalize;
  object_class->get_property = ally_prompt_get_property;

  props[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  props[PROP_MARKUP] = g_param_spec_string ("markup", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_prompt_init (AllyPrompt *self)
{
}

AllyPrompt *
ally_prompt_new (AllyPromptKind kind)
{
  AllyPrompt *self = g_object_new (ALLY_TYPE_PROMPT, NULL);

  self->kind = kind;
  return self;
}

void
ally_prompt_relocalize (AllyPrompt  *self,
                        char       **wanted)
{
  if (self->text != NULL && ally_text_resolve (self->text, wanted))
    {
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MARKUP]);
    }
}

const char *
ally_prompt_get_id (AllyPrompt *self)
{
  g_return_val_if_fail (ALLY_IS_PROMPT (self), NULL);
  return self->id;
}

const char *
ally_prompt_get_lesson_id (AllyPrompt *self)
{
  g_return_val_if_fail (ALLY_IS_PROMPT (self), NULL);
  return self->lesson_id;
}

AllyPromptKind
ally_prompt_get_kind (AllyPrompt *self)
{
  g_return_val_if_fail (ALLY_IS_PROMPT (self), ALLY_PROMPT_REFLECTION);
  return self->kind;
}

const char *
ally_prompt_get_text (AllyPrompt *self)
{
  g_return_val_if_fail (ALLY_IS_PROMPT (self), NULL);
  return ally_text_get (self->text);
}

const char *
ally_prompt_get_markup (AllyPrompt *self)
{
  g_return_val_if_fail (ALLY_IS_PROMPT (self), NULL);
  return ally_text_get_markup (self->text);
}
