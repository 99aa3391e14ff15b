/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-map-question.c: one question of the power and privilege map, in the language chosen. */
#include "ally-content-private.h"

enum { PROP_0, PROP_TITLE, PROP_PROMPT, N_PROPS };
static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (AllyMapQuestion, ally_map_question, G_TYPE_OBJECT)

static void
ally_map_question_finalize (GObject *object)
{
  AllyMapQuestion *self = ALLY_MAP_QUESTION (object);

  g_free (self->id);
  ally_text_free (self->title);
  ally_text_free (self->prompt);

  G_OBJECT_CLASS (ally_map_question_parent_class)->finalize (object);
}

static void
ally_map_question_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AllyMapQuestion *self = ALLY_MAP_QUESTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ally_text_get (self->title));
      break;
    case PROP_PROMPT:
      g_value_set_string (value, ally_text_get (self->prompt));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_map_question_class_init (AllyMapQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ally_map_question_finalize;
  object_class->get_property = ally_map_question_get_property;

  props[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  props[PROP_PROMPT] = g_param_spec_string ("prompt", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_map_question_init (AllyMapQuestion *self)
{
}

AllyMapQuestion *
ally_map_question_new (void)
{
  return g_object_new (ALLY_TYPE_MAP_QUESTION, NULL);
}

void
ally_map_question_relocalize (AllyMapQuestion  *self,
                              char            **wanted)
{
  ALLY_TEXT_RESOLVE (self->title, wanted, self, props[PROP_TITLE]);
  ALLY_TEXT_RESOLVE (self->prompt, wanted, self, props[PROP_PROMPT]);
}

const char *
ally_map_question_get_id (AllyMapQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_MAP_QUESTION (self), NULL);
  return self->id;
}

const char *
ally_map_question_get_title (AllyMapQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_MAP_QUESTION (self), NULL);
  return ally_text_get (self->title);
}

const char *
ally_map_question_get_prompt (AllyMapQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_MAP_QUESTION (self), NULL);
  return ally_text_get (self->prompt);
}
