/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-course-search.c: AllyCourseSearch on its own with the real course: what a search
 * lists and how a screen reader names it, the line when nothing matches, choosing a place. */
#include "config.h"

#include <adwaita.h>

#include "ally-course-search.h"
#include "ally-search-result-row.h"
#include "ui-test-util.h"

typedef struct
{
  AllyCatalog      *catalog;
  GtkWindow        *window;
  AllyCourseSearch *search;
  GPtrArray        *activated;  /* AllyCourseMatch, as "match-activated" gave them */
} Fixture;

static void
on_match_activated (AllyCourseSearch *search,
                    AllyCourseMatch  *match,
                    Fixture          *fixture)
{
  g_ptr_array_add (fixture->activated, g_object_ref (match));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->catalog = ui_test_load_course ();
  fixture->activated = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->search = g_object_new (ALLY_TYPE_COURSE_SEARCH, NULL);
  g_signal_connect (fixture->search, "match-activated", G_CALLBACK (on_match_activated), fixture);
  fixture->window = ui_test_present_in_window (GTK_WIDGET (fixture->search), 300, 600);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
  g_clear_object (&fixture->catalog);
}

static GtkListBox *
results_list (Fixture *fixture)
{
  return GTK_LIST_BOX (find_descendant (GTK_WIDGET (fixture->search), GTK_TYPE_LIST_BOX));
}

static guint
n_results (Fixture *fixture)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (results_list (fixture), n) != NULL)
    n++;
  return n;
}

static AllySearchResultRow *
result (Fixture *fixture,
        guint    index)
{
  return ALLY_SEARCH_RESULT_ROW (gtk_list_box_get_row_at_index (results_list (fixture), index));
}

/* The line that says nothing matched (the widget's only label outside the results). */
static GtkWidget *
no_results_label (Fixture *fixture)
{
  return gtk_widget_get_next_sibling (GTK_WIDGET (results_list (fixture)));
}

/* A word only in a lesson's body, in capitals with an accent, lists that lesson; each row is
 * named with the lesson and the text found. */
static void
test_lists_matches (Fixture       *fixture,
                    gconstpointer  data)
{
  AllyCourseMatch *match;
  AllyLesson *lesson;
  g_autofree char *name = NULL;

  ally_course_search_set_catalog (fixture->search, fixture->catalog);
  g_assert_true (ally_course_search_set_query (fixture->search, "COMMODIFICATIÓN"));

  g_assert_true (ui_test_has_accessible_label (GTK_WIDGET (results_list (fixture)), "Search results"));
  g_assert_cmpuint (n_results (fixture), >=, 1);
  match = ally_search_result_row_get_match (result (fixture, 0));
  lesson = ally_course_match_get_lesson (match);
  g_assert_cmpstr (ally_lesson_get_id (lesson), ==, "performative-allyship");
  name = g_strdup_printf ("Lesson %u: %s: %s", ally_lesson_get_number (lesson),
                          ally_lesson_get_title (lesson), ally_course_match_get_snippet (match));
  g_assert_true (ui_test_has_accessible_label (GTK_WIDGET (result (fixture, 0)), name));
  g_assert_false (gtk_widget_get_visible (no_results_label (fixture)));

  /* A word in every lesson lists no more than fifty places. */
  g_assert_true (ally_course_search_set_query (fixture->search, "the"));
  g_assert_cmpuint (n_results (fixture), ==, 50);
}

static void
test_says_when_nothing_matches (Fixture       *fixture,
                                gconstpointer  data)
{
  ally_course_search_set_catalog (fixture->search, fixture->catalog);
  g_assert_true (ally_course_search_set_query (fixture->search, "zqxjvw"));

  g_assert_cmpuint (n_results (fixture), ==, 0);
  g_assert_true (gtk_widget_get_visible (no_results_label (fixture)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (no_results_label (fixture))), ==,
                   "Nothing in the course matches. Try another word.");
}

/* Nothing but spaces, or no course yet, is not a search: the list is emptied. */
static void
test_blank_query_empties_list (Fixture       *fixture,
                               gconstpointer  data)
{
  g_assert_false (ally_course_search_set_query (fixture->search, "allyship"));
  g_assert_cmpuint (n_results (fixture), ==, 0);

  ally_course_search_set_catalog (fixture->search, fixture->catalog);
  g_assert_true (ally_course_search_set_query (fixture->search, "allyship"));
  g_assert_cmpuint (n_results (fixture), >, 0);
  g_assert_false (ally_course_search_set_query (fixture->search, "  \t "));
  g_assert_cmpuint (n_results (fixture), ==, 0);
  g_assert_false (ally_course_search_set_query (fixture->search, NULL));
  g_assert_false (ally_course_search_activate_first (fixture->search));
  g_assert_cmpuint (fixture->activated->len, ==, 0);
}

/* Choosing a row, or Enter (the first row), gives its place in the course. */
static void
test_activating_gives_match (Fixture       *fixture,
                             gconstpointer  data)
{
  ally_course_search_set_catalog (fixture->search, fixture->catalog);
  g_assert_true (ally_course_search_set_query (fixture->search, "accomplice"));
  g_assert_cmpuint (n_results (fixture), >=, 2);

  gtk_widget_activate (GTK_WIDGET (result (fixture, 1)));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->activated, 0) ==
                 ally_search_result_row_get_match (result (fixture, 1)));

  g_assert_true (ally_course_search_activate_first (fixture->search));
  g_assert_cmpuint (fixture->activated->len, ==, 2);
  g_assert_true (g_ptr_array_index (fixture->activated, 1) ==
                 ally_search_result_row_get_match (result (fixture, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  /* The test backend keeps every accessible property where the GtkAccessible test API reads it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/course-search/lists-matches", test_lists_matches);
  ADD ("/course-search/says-when-nothing-matches", test_says_when_nothing_matches);
  ADD ("/course-search/blank-query-empties-list", test_blank_query_empties_list);
  ADD ("/course-search/activating-gives-match", test_activating_gives_match);
#undef ADD

  return g_test_run ();
}
