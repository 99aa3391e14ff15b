/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lesson-list.c: AllyLessonList on its own, with the real course and a real journal: the
 * rows follow progress, a chosen row gives its position, and the list is one Tab stop. */
#include "config.h"

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal-progress.h"
#include "ally-lesson-list.h"
#include "ui-test-util.h"

typedef struct
{
  char           *dir;
  AllyJournal    *journal;
  AllyCatalog    *catalog;
  GtkWindow      *window;
  GtkWidget      *before;
  GtkWidget      *after;
  AllyLessonList *list;
  GArray         *activated;  /* guint positions, as "lesson-activated" gave them */
} Fixture;

static void
on_lesson_activated (AllyLessonList *list,
                     guint           position,
                     Fixture        *fixture)
{
  g_array_append_val (fixture->activated, position);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  fixture->dir = g_dir_make_tmp ("lesson-list-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (fixture->dir);
  fixture->journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  fixture->catalog = ui_test_load_course ();
  fixture->activated = g_array_new (FALSE, FALSE, sizeof (guint));

  selection = gtk_single_selection_new (g_object_ref (ally_catalog_get_lessons (fixture->catalog)));
  fixture->list = g_object_new (ALLY_TYPE_LESSON_LIST, "vexpand", TRUE, NULL);
  ally_lesson_list_set_model (fixture->list, GTK_SELECTION_MODEL (selection));
  g_signal_connect (fixture->list, "lesson-activated", G_CALLBACK (on_lesson_activated), fixture);
  fixture->before = gtk_button_new_with_label ("Before");
  fixture->after = gtk_button_new_with_label ("After");
  gtk_box_append (GTK_BOX (box), fixture->before);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->list));
  gtk_box_append (GTK_BOX (box), fixture->after);
  fixture->window = ui_test_present_in_window (box, 360, 1200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_pointer (&fixture->activated, g_array_unref);
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->catalog);
  ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The list row (what a screen reader announces) named @name. */
static GtkWidget *
row_named (GtkWidget  *widget,
           const char *name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget") && ui_test_has_accessible_label (widget, name))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = row_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *name;
} RowQuery;

static gboolean
row_is_shown (gpointer data)
{
  RowQuery *query = data;

  return row_named (GTK_WIDGET (query->fixture->list), query->name) != NULL;
}

static gboolean
wait_for_row (Fixture    *fixture,
              const char *name)
{
  RowQuery query = { fixture, name };

  return spin_until (row_is_shown, &query);
}

/* How the list names a lesson's row: "Lesson 4: Common myths, 20 minutes". */
static char *
row_name (AllyLesson *lesson)
{
  return g_strdup_printf ("Lesson %u: %s, %u minutes", ally_lesson_get_number (lesson),
                          ally_lesson_get_title (lesson), ally_lesson_get_minutes (lesson));
}

/* A lesson finished in the journal is marked once the list is refreshed; without a journal no
 * lesson is. */
static void
test_marks_follow_progress (Fixture       *fixture,
                            gconstpointer  data)
{
  AllyLesson *lesson = ally_catalog_lookup_lesson (fixture->catalog, "common-myths");
  g_autofree char *name = row_name (lesson);
  g_autofree char *finished_name = g_strconcat (name, ", finished", NULL);
  g_autoptr(GError) error = NULL;

  ally_lesson_list_set_journal (fixture->list, fixture->journal);
  g_assert_true (wait_for_row (fixture, name));

  g_assert_true (ally_journal_complete_lesson (fixture->journal, "common-myths", &error));
  g_assert_no_error (error);
  ally_lesson_list_refresh (fixture->list);
  g_assert_true (wait_for_row (fixture, finished_name));
  g_assert_false (row_is_shown (&(RowQuery) { fixture, name }));

  ally_lesson_list_set_journal (fixture->list, NULL);
  g_assert_true (wait_for_row (fixture, name));
  g_assert_false (row_is_shown (&(RowQuery) { fixture, finished_name }));
}

/* Choosing a row gives its position. */
static void
test_activating_gives_position (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *list_view = find_descendant (GTK_WIDGET (fixture->list), GTK_TYPE_LIST_VIEW);

  g_assert_true (ui_test_has_accessible_label (list_view, "Lessons"));
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 3));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->activated, guint, 0), ==, 3);
}

static gboolean
focus_is_inside (Fixture   *fixture,
                 GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab and Shift+Tab leave the list from a row in one step; outside the list they are left to
 * GTK. */
static void
test_one_tab_stop (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *list = GTK_WIDGET (fixture->list);
  AllyLesson *lesson = ally_catalog_lookup_lesson (fixture->catalog, "common-myths");
  g_autofree char *name = row_name (lesson);
  GtkWidget *row;

  g_assert_true (wait_for_row (fixture, name));
  row = row_named (list, name);

  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (activate_window_shortcut (list, "Tab"));
  g_assert_true (focus_is_inside (fixture, fixture->after));

  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (activate_window_shortcut (list, "<Shift>Tab"));
  g_assert_true (focus_is_inside (fixture, fixture->before));

  g_assert_false (activate_window_shortcut (list, "Tab"));
  g_assert_true (focus_is_inside (fixture, fixture->before));

  /* The area's first control: the list, at a lesson. */
  ally_lesson_list_focus_lesson (fixture->list, 5);
  g_assert_true (focus_is_inside (fixture, list));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  int ret;

  g_setenv ("LANGUAGE", "C", TRUE);
  /* The test backend keeps every accessible property where the GtkAccessible test API reads it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/lesson-list/marks-follow-progress", test_marks_follow_progress);
  ADD ("/lesson-list/activating-gives-position", test_activating_gives_position);
  ADD ("/lesson-list/one-tab-stop", test_one_tab_stop);
#undef ADD

  ret = g_test_run ();
  ui_test_remove_tree (user_dirs);

  return ret;
}
