/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson.c */
#include "ally-content-private.h"

enum { PROP_0, PROP_TITLE, PROP_SUMMARY, N_PROPS };
static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (AllyLesson, ally_lesson, G_TYPE_OBJECT)

static void
ally_lesson_finalize (GObject *object)
{
  AllyLesson *self = ALLY_LESSON (object);

  g_free (self->id);
  g_free (self->file);
  ally_text_free (self->title);
  ally_text_free (self->summary);
  g_object_unref (self->sections);
  g_object_unref (self->key_points);
  g_object_unref (self->questions);
  g_object_unref (self->scenarios);
  g_object_unref (self->reflections);
  g_object_unref (self->commitments);
  g_object_unref (self->cites);

  G_OBJECT_CLASS (ally_lesson_parent_class)->finalize (object);
}

static void
ally_lesson_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AllyLesson *self = ALLY_LESSON (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ally_text_get (self->title));
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, ally_text_get (self->summary));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_lesson_class_init (AllyLessonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ally_lesson_finalize;
  object_class->get_property = ally_lesson_get_property;

  props[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  props[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_lesson_init (AllyLesson *self)
{
  self->sections = g_list_store_new (ALLY_TYPE_SECTION);
  self->key_points = g_list_store_new (ALLY_TYPE_BLOCK);
  self->questions = g_list_store_new (ALLY_TYPE_QUESTION);
  self->scenarios = g_list_store_new (ALLY_TYPE_SCENARIO);
  self->reflections = g_list_store_new (ALLY_TYPE_PROMPT);
  self->commitments = g_list_store_new (ALLY_TYPE_PROMPT);
  self->cites = g_list_store_new (ALLY_TYPE_CITE);
}

AllyLesson *
ally_lesson_new (void)
{
  return g_object_new (ALLY_TYPE_LESSON, NULL);
}

typedef void (*RelocalizeFunc) (gpointer item, char **wanted);

static void
relocalize_list (GListStore     *store,
                 RelocalizeFunc  func,
                 char          **wanted)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      func (item, wanted);
    }
}

void
ally_lesson_relocalize (AllyLesson  *self,
                        char       **wanted)
{
  g_object_freeze_notify (G_OBJECT (self));
  ALLY_TEXT_RESOLVE (self->title, wanted, self, props[PROP_TITLE]);
  ALLY_TEXT_RESOLVE (self->summary, wanted, self, props[PROP_SUMMARY]);
  relocalize_list (self->sections, (RelocalizeFunc) ally_section_relocalize, wanted);
  relocalize_list (self->key_points, (RelocalizeFunc) ally_block_relocalize, wanted);
  relocalize_list (self->questions, (RelocalizeFunc) ally_question_relocalize, wanted);
  relocalize_list (self->scenarios, (RelocalizeFunc) ally_scenario_relocalize, wanted);
  relocalize_list (self->reflections, (RelocalizeFunc) ally_prompt_relocalize, wanted);
  relocalize_list (self->commitments, (RelocalizeFunc) ally_prompt_relocalize, wanted);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ally_lesson_get_id (AllyLesson *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON (self), NULL);
  return self->id;
}

guint
ally_lesson_get_number (AllyLesson *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON (self), 0);
  return self->number;
}

const char *
ally_lesson_get_title (AllyLesson *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON (self), NULL);
  return ally_text_get (self->title);
}

const char *
ally_lesson_get_summary (AllyLesson *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON (self), NULL);
  return ally_text_get (self->summary);
}

guint
ally_lesson_get_minutes (AllyLesson *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON (self), 0);
  return self->minutes;
}

#define LIST_GETTER(name, field) \
  GListModel * \
  ally_lesson_get_##name (AllyLesson *self) \
  { \
    g_return_val_if_fail (ALLY_IS_LESSON (self), NULL); \
    return G_LIST_MODEL (self->field); \
  }

LIST_GETTER (sections, sections)
LIST_GETTER (key_points, key_points)
LIST_GETTER (questions, questions)
LIST_GETTER (scenarios, scenarios)
LIST_GETTER (reflections, reflections)
LIST_GETTER (commitments, commitments)
LIST_GETTER (cites, cites)

const char *
ally_lesson_get_file (AllyLesson *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON (self), NULL);
  return self->file;
}

static AllyPrompt *
find_prompt (GListModel *prompts,
             const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (prompts); i++)
    {
      g_autoptr(AllyPrompt) prompt = g_list_model_get_item (prompts, i);

      if (g_strcmp0 (ally_prompt_get_id (prompt), id) == 0)
        return prompt;   /* the lesson keeps it */
    }
  return NULL;
}

/**
 * ally_lesson_lookup_prompt:
 * @id: a reflection prompt's or a suggested commitment's id
 *
 * Returns: (transfer none) (nullable): the lesson's prompt with that id
 */
AllyPrompt *
ally_lesson_lookup_prompt (AllyLesson *self,
                           const char *id)
{
  AllyPrompt *prompt;

  g_return_val_if_fail (ALLY_IS_LESSON (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  prompt = find_prompt (G_LIST_MODEL (self->reflections), id);
  return prompt != NULL ? prompt : find_prompt (G_LIST_MODEL (self->commitments), id);
}

/**
 * ally_lesson_lookup_scenario:
 * @id: a practice scenario's id
 *
 * Returns: (transfer none) (nullable): the lesson's scenario with that id
 */
AllyScenario *
ally_lesson_lookup_scenario (AllyLesson *self,
                             const char *id)
{
  g_return_val_if_fail (ALLY_IS_LESSON (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->scenarios)); i++)
    {
      g_autoptr(AllyScenario) scenario = g_list_model_get_item (G_LIST_MODEL (self->scenarios), i);

      if (g_strcmp0 (ally_scenario_get_id (scenario), id) == 0)
        return scenario;   /* the lesson keeps it */
    }
  return NULL;
}
