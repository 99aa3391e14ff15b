/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lesson-row.c: AllyLessonRow on its own, in a GtkListView of the real course as the Learn
 * sidebar shows it: what it shows, how a screen reader names it, its mark once finished. */
#include "config.h"

#include <adwaita.h>

#include "ally-lesson-row.h"
#include "ui-test-util.h"

typedef struct
{
  AllyCatalog        *catalog;
  GHashTable         *finished;  /* ids of the lessons shown as finished */
  GtkWindow          *window;
  GtkListView        *list;
  GtkListItemFactory *factory;
} Fixture;

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, ally_lesson_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          Fixture                  *fixture)
{
  AllyLesson *lesson = gtk_list_item_get_item (item);

  ally_lesson_row_set_lesson (ALLY_LESSON_ROW (gtk_list_item_get_child (item)), lesson,
                              g_hash_table_contains (fixture->finished, ally_lesson_get_id (lesson)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *lessons;

  fixture->catalog = ui_test_load_course ();
  fixture->finished = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  fixture->factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (fixture->factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (fixture->factory, "bind", G_CALLBACK (bind_row), fixture);
  lessons = ally_catalog_get_lessons (fixture->catalog);
  fixture->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (lessons))),
                                                    g_object_ref (fixture->factory)));
  fixture->window = ui_test_present_in_window (GTK_WIDGET (fixture->list), 400, 1200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->factory);
  g_clear_pointer (&fixture->finished, g_hash_table_unref);
  g_clear_object (&fixture->catalog);
}

/* Binds every row again, as the Learn view does when progress changes. */
static void
rebind_rows (Fixture *fixture)
{
  gtk_list_view_set_factory (fixture->list, NULL);
  gtk_list_view_set_factory (fixture->list, fixture->factory);
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
} RowQuery;

/* The lesson row showing a lesson's title, once the list has made it. */
static GtkWidget *
row_showing (GtkWidget  *root,
             const char *title)
{
  GtkWidget *label = GTK_WIDGET (ui_test_find_label (root, title));

  return label != NULL ? gtk_widget_get_ancestor (label, ALLY_TYPE_LESSON_ROW) : NULL;
}

static gboolean
row_is_shown (gpointer data)
{
  RowQuery *query = data;

  return row_showing (query->root, query->title) != NULL;
}

static GtkWidget *
wait_for_row (Fixture    *fixture,
              AllyLesson *lesson)
{
  RowQuery query = { GTK_WIDGET (fixture->window), ally_lesson_get_title (lesson) };

  g_assert_true (spin_until (row_is_shown, &query));
  return row_showing (query.root, query.title);
}

/* The finished mark: the row's only image. */
static GtkWidget *
finished_mark (GtkWidget *row)
{
  return find_descendant (row, GTK_TYPE_IMAGE);
}

/* Number, title and reading time; the list row around it (what a screen reader announces)
 * says all three. */
static void
test_shows_lesson (Fixture       *fixture,
                   gconstpointer  data)
{
  AllyLesson *lesson = ally_catalog_lookup_lesson (fixture->catalog, "what-allyship-is");
  g_autofree char *number = g_strdup_printf ("%u", ally_lesson_get_number (lesson));
  g_autofree char *minutes = g_strdup_printf ("%u minutes", ally_lesson_get_minutes (lesson));
  g_autofree char *name = NULL;
  GtkWidget *row = wait_for_row (fixture, lesson);

  g_assert_cmpuint (ally_lesson_get_minutes (lesson), >, 1);
  g_assert_nonnull (ui_test_find_label (row, number));
  g_assert_nonnull (ui_test_find_label (row, minutes));
  g_assert_false (gtk_widget_get_visible (finished_mark (row)));

  name = g_strdup_printf ("Lesson %s: %s, %s", number, ally_lesson_get_title (lesson), minutes);
  g_assert_true (ui_test_has_accessible_label (row, name));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (gtk_widget_get_parent (row)), ==, "GtkListItemWidget");
  g_assert_true (ui_test_has_accessible_label (gtk_widget_get_parent (row), name));
}

/* A finished lesson shows a named mark and says so; bound again as not finished, both go. */
static void
test_marks_finished (Fixture       *fixture,
                     gconstpointer  data)
{
  AllyLesson *lesson = ally_catalog_lookup_lesson (fixture->catalog, "common-myths");
  g_autofree char *minutes = g_strdup_printf ("%u minutes", ally_lesson_get_minutes (lesson));
  g_autofree char *name = g_strdup_printf ("Lesson %u: %s, %s", ally_lesson_get_number (lesson),
                                           ally_lesson_get_title (lesson), minutes);
  g_autofree char *finished_name = g_strconcat (name, ", finished", NULL);
  GtkWidget *row;

  g_hash_table_add (fixture->finished, g_strdup ("common-myths"));
  rebind_rows (fixture);
  row = wait_for_row (fixture, lesson);
  g_assert_true (gtk_widget_get_visible (finished_mark (row)));
  g_assert_true (ui_test_has_accessible_label (finished_mark (row), "Finished"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (finished_mark (row)), ==, "Finished");
  g_assert_true (ui_test_has_accessible_label (row, finished_name));
  g_assert_true (ui_test_has_accessible_label (gtk_widget_get_parent (row), finished_name));

  /* The same row shows another state when it is bound again. */
  g_hash_table_remove_all (fixture->finished);
  ally_lesson_row_set_lesson (ALLY_LESSON_ROW (row), lesson, FALSE);
  g_assert_false (gtk_widget_get_visible (finished_mark (row)));
  g_assert_true (ui_test_has_accessible_label (row, name));
  g_assert_true (ui_test_has_accessible_label (gtk_widget_get_parent (row), name));
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

  g_test_add ("/lesson-row/shows-lesson", Fixture, NULL, fixture_set_up, test_shows_lesson,
              fixture_tear_down);
  g_test_add ("/lesson-row/marks-finished", Fixture, NULL, fixture_set_up, test_marks_finished,
              fixture_tear_down);

  return g_test_run ();
}
