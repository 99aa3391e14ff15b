/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-course-titles.c: the course's titles for the ids the journal keeps — the lookup the
 * Markdown export is given (AllyTitleFunc), since the journal knows nothing of the course. */
#include "config.h"

#include "ally-course-titles.h"

static char *
map_question_title (AllyCatalog *catalog,
                    const char  *id)
{
  GListModel *questions = ally_catalog_get_power_map (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr (AllyMapQuestion) question = g_list_model_get_item (questions, i);

      if (g_strcmp0 (ally_map_question_get_id (question), id) == 0)
        return g_strdup (ally_map_question_get_title (question));
    }
  return NULL;
}

/**
 * ally_course_title:
 * @catalog: (nullable): an #AllyCatalog, or NULL while the course is not loaded
 *
 * An #AllyTitleFunc: the title of lesson or map question @id in the course's language,
 * or NULL if the course has none by that id.
 */
char *
ally_course_title (AllyTitleKind  kind,
                   const char    *id,
                   gpointer       catalog)
{
  AllyLesson *lesson;

  if (catalog == NULL)
    return NULL;
  if (kind == ALLY_TITLE_MAP_QUESTION)
    return map_question_title (catalog, id);
  lesson = ally_catalog_lookup_lesson (catalog, id);
  return lesson ? g_strdup (ally_lesson_get_title (lesson)) : NULL;
}
