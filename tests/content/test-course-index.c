/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-course-index.c: finding text in the course without case or accents
 * (ally_search_find, AllyCourseIndex, AllyCourseMatch). */
#include <string.h>

#include "ally-content.h"
#include "ally-search.h"

static void
test_find_maps_back (void)
{
  g_autofree char *query = ally_search_fold ("strasse");
  gsize start = 0, end = 0;

  /* "ß" folds to "ss": the match ends after the whole "ße", in the text's own bytes. */
  g_assert_true (ally_search_find ("Die Straße hier", query, &start, &end));
  g_assert_cmpuint (start, ==, 4);
  g_assert_cmpuint (end, ==, strlen ("Die Straße"));

  g_clear_pointer (&query, g_free);
  query = ally_search_fold ("ÉQUITÉ");
  g_assert_true (ally_search_find ("l’equite, puis l’équité", query, &start, &end));
  g_assert_cmpuint (start, ==, strlen ("l’"));
  g_assert_false (ally_search_find ("equal", query, NULL, NULL));
}

static void
test_snippet_marks_match (void)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  const char * const english[] = { "C", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AllyCourseIndex) index = NULL;
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(AllyCourseMatch) match = NULL;
  const char *snippet;
  gsize start, end;

  ally_catalog_set_languages (catalog, english);
  g_assert_true (ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error));
  index = ally_course_index_new (catalog);

  /* A word of lesson 10's body (in no title), in capitals, with an accent. */
  matches = ally_course_index_search (index, "  COMMODIFICATIÓN ", 50);
  g_assert_cmpuint (g_list_model_get_n_items (matches), >=, 1);
  match = g_list_model_get_item (matches, 0);
  g_assert_cmpstr (ally_lesson_get_id (ally_course_match_get_lesson (match)), ==, "performative-allyship");
  g_assert_nonnull (strstr (ally_course_match_get_text (match), "commodification"));
  snippet = ally_course_match_get_snippet (match);
  start = ally_course_match_get_snippet_start (match);
  end = ally_course_match_get_snippet_end (match);
  g_assert_cmpuint (end - start, ==, strlen ("commodification"));
  g_assert_true (strncmp (snippet + start, "commodification", end - start) == 0);
  g_assert_cmpuint (g_utf8_strlen (snippet, -1), <, g_utf8_strlen (ally_course_match_get_text (match), -1) + 3);

  /* Nothing is found for a blank query, or for a word the course does not have. */
  none = ally_course_index_search (index, "   ", 50);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  g_clear_object (&none);
  none = ally_course_index_search (index, "zzyzx-not-a-word", 50);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/search/find-maps-back", test_find_maps_back);
  g_test_add_func ("/content/search/snippet-marks-match", test_snippet_marks_match);

  return g_test_run ();
}
