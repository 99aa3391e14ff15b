/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-course-index.c: the course's text in reading order, folded for search. It is made at
 * the first search, not at start-up (15 lessons: a few milliseconds), and made again after
 * the course changes language. */
#include "ally-course-index.h"

#include <string.h>

#include "ally-block.h"
#include "ally-choice.h"
#include "ally-question.h"
#include "ally-search.h"
#include "ally-search-text.h"
#include "ally-section.h"

typedef struct
{
  AllyLesson *lesson; /* the catalog's */
  char       *text;
  char       *folded;
} Unit;

struct _AllyCourseIndex
{
  GObject      parent_instance;

  AllyCatalog *catalog;
  GArray      *units; /* of Unit; NULL until the first search */
};

G_DEFINE_FINAL_TYPE (AllyCourseIndex, ally_course_index, G_TYPE_OBJECT)

static void
unit_clear (gpointer data)
{
  Unit *unit = data;

  g_free (unit->text);
  g_free (unit->folded);
}

static void
add_unit (AllyCourseIndex *self,
          AllyLesson      *lesson,
          const char      *text)
{
  Unit unit = { lesson, NULL, NULL };

  if (text == NULL || *text == '\0')
    return;
  unit.text = g_strdup (text);
  unit.folded = ally_search_fold (text);
  g_array_append_val (self->units, unit);
}

static void
add_block (AllyCourseIndex *self,
           AllyLesson      *lesson,
           AllyBlock       *block)
{
  for (guint i = 0; i < ally_block_get_n_items (block); i++)
    add_unit (self, lesson, ally_block_get_item_text (block, i));
}

static void
add_blocks (AllyCourseIndex *self,
            AllyLesson      *lesson,
            GListModel      *blocks)
{
  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(AllyBlock) block = g_list_model_get_item (blocks, i);
      add_block (self, lesson, block);
    }
}

static void
add_questions (AllyCourseIndex *self,
               AllyLesson      *lesson)
{
  GListModel *questions = ally_lesson_get_questions (lesson);

  for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
    {
      g_autoptr(AllyQuestion) question = g_list_model_get_item (questions, q);
      GListModel *choices = ally_question_get_choices (question);

      add_unit (self, lesson, ally_question_get_stem_text (question));
      for (guint c = 0; c < g_list_model_get_n_items (choices); c++)
        {
          g_autoptr(AllyChoice) choice = g_list_model_get_item (choices, c);
          add_unit (self, lesson, ally_choice_get_text (choice));
        }
    }
}

/* In the order the lesson page shows them. */
static void
add_lesson (AllyCourseIndex *self,
            AllyLesson      *lesson)
{
  GListModel *sections = ally_lesson_get_sections (lesson);

  add_unit (self, lesson, ally_lesson_get_title (lesson));
  add_unit (self, lesson, ally_lesson_get_summary (lesson));
  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(AllySection) section = g_list_model_get_item (sections, s);

      add_unit (self, lesson, ally_section_get_heading (section));
      add_blocks (self, lesson, ally_section_get_blocks (section));
    }
  add_blocks (self, lesson, ally_lesson_get_key_points (lesson));
  add_questions (self, lesson);
}

static void
build (AllyCourseIndex *self)
{
  GListModel *lessons = ally_catalog_get_lessons (self->catalog);

  self->units = g_array_new (FALSE, TRUE, sizeof (Unit));
  g_array_set_clear_func (self->units, unit_clear);
  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
      add_lesson (self, lesson);
    }
}

static void
on_languages_changed (AllyCatalog     *catalog,
                      GParamSpec      *pspec,
                      AllyCourseIndex *self)
{
  g_clear_pointer (&self->units, g_array_unref);
}

/**
 * ally_course_index_search:
 * @query: what the person typed
 * @max_results: the most matches to return
 *
 * Returns: (transfer full): a list of #AllyCourseMatch in course order, one per text that
 *   holds @query (empty for a blank query)
 */
GListModel *
ally_course_index_search (AllyCourseIndex *self,
                          const char      *query,
                          guint            max_results)
{
  g_autoptr(GListStore) matches = g_list_store_new (ALLY_TYPE_COURSE_MATCH);
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (ALLY_IS_COURSE_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  trimmed = g_strstrip (g_strdup (query));
  folded = ally_search_fold (trimmed);
  if (*folded == '\0')
    return G_LIST_MODEL (g_steal_pointer (&matches));

  if (self->units == NULL)
    build (self);
  for (guint i = 0; i < self->units->len && g_list_model_get_n_items (G_LIST_MODEL (matches)) < max_results; i++)
    {
      Unit *unit = &g_array_index (self->units, Unit, i);
      gsize start, end;

      if (strstr (unit->folded, folded) != NULL &&
          ally_search_find (unit->text, folded, &start, &end))
        {
          g_autoptr(AllyCourseMatch) match = ally_course_match_new (unit->lesson, unit->text,
                                                                    start, end);
          g_list_store_append (matches, match);
        }
    }
  return G_LIST_MODEL (g_steal_pointer (&matches));
}

static void
ally_course_index_dispose (GObject *object)
{
  AllyCourseIndex *self = ALLY_COURSE_INDEX (object);

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_func (self->catalog, on_languages_changed, self);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->units, g_array_unref);

  G_OBJECT_CLASS (ally_course_index_parent_class)->dispose (object);
}

static void
ally_course_index_class_init (AllyCourseIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ally_course_index_dispose;
}

static void
ally_course_index_init (AllyCourseIndex *self)
{
}

AllyCourseIndex *
ally_course_index_new (AllyCatalog *catalog)
{
  AllyCourseIndex *self;

  g_return_val_if_fail (ALLY_IS_CATALOG (catalog), NULL);

  self = g_object_new (ALLY_TYPE_COURSE_INDEX, NULL);
  self->catalog = g_object_ref (catalog);
  g_signal_connect (catalog, "notify::languages", G_CALLBACK (on_languages_changed), self);
  return self;
}
