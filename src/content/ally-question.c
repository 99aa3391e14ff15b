/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-question.c */
#include "ally-content-private.h"

enum { PROP_0, PROP_STEM_TEXT, PROP_STEM_MARKUP, N_PROPS };
static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (AllyQuestion, ally_question, G_TYPE_OBJECT)

static void
ally_question_finalize (GObject *object)
{
  AllyQuestion *self = ALLY_QUESTION (object);

  g_free (self->id);
  ally_text_free (self->stem);
  g_object_unref (self->choices);

  G_OBJECT_CLASS (ally_question_parent_class)->finalize (object);
}

static void
ally_question_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AllyQuestion *self = ALLY_QUESTION (object);

  switch (prop_id)
    {
    case PROP_STEM_TEXT:
      g_value_set_string (value, ally_text_get (self->stem));
      break;
    case PROP_STEM_MARKUP:
      g_value_set_string (value, ally_text_get_markup (self->stem));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_question_class_init (AllyQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ally_question_finalize;
  object_class->get_property = ally_question_get_property;

  props[PROP_STEM_TEXT] = g_param_spec_string ("stem-text", NULL, NULL, NULL, flags);
  props[PROP_STEM_MARKUP] = g_param_spec_string ("stem-markup", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_question_init (AllyQuestion *self)
{
  self->choices = g_list_store_new (ALLY_TYPE_CHOICE);
}

AllyQuestion *
ally_question_new (void)
{
  return g_object_new (ALLY_TYPE_QUESTION, NULL);
}

void
ally_question_relocalize (AllyQuestion  *self,
                          char         **wanted)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->choices));

  if (self->stem != NULL && ally_text_resolve (self->stem, wanted))
    {
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STEM_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STEM_MARKUP]);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AllyChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->choices), i);
      ally_choice_relocalize (choice, wanted);
    }
}

const char *
ally_question_get_id (AllyQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_QUESTION (self), NULL);
  return self->id;
}

AllyQuestionKind
ally_question_get_kind (AllyQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_QUESTION (self), ALLY_QUESTION_RECALL);
  return self->kind;
}

const char *
ally_question_get_stem_text (AllyQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_QUESTION (self), NULL);
  return ally_text_get (self->stem);
}

const char *
ally_question_get_stem_markup (AllyQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_QUESTION (self), NULL);
  return ally_text_get_markup (self->stem);
}

GListModel *
ally_question_get_choices (AllyQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_QUESTION (self), NULL);
  return G_LIST_MODEL (self->choices);
}

guint
ally_question_get_correct_index (AllyQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_QUESTION (self), 0);
  return self->correct_index;
}
