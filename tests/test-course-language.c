/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-course-language.c: the course language chosen in Preferences, applied live to the
 * compiled-in course (one file set per language): the open lesson is laid out again in the
 * new language and stays open, the interface keeps its own language. */
#include "config.h"

#include <adwaita.h>

#include "ally-application.h"
#include "ally-preferences-window.h"
#include "ally-window.h"
#include "ui-test-util.h"

static AllyApplication *app;

static gboolean
course_is_loaded (gpointer data)
{
  AllyLearnView *learn = ally_window_get_learn_view (ALLY_WINDOW (data));

  return learn != NULL && ally_learn_view_get_catalog (learn) != NULL;
}

static GtkLabel *
find_label_with_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_is_drawable (widget))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with_text (child, text);
      if (found)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_is_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_label_with_text (wait->widget, wait->text) != NULL;
}

static AdwComboRow *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo_row (child, title);
      if (found)
        return found;
    }

  return NULL;
}

static guint
row_with_label (AdwComboRow *row,
                const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return i;

  g_error ("no row '%s' in the course language list", label);
  return 0;
}

static void
test_course_language_applies_live (void)
{
  GSettings *settings = ally_application_get_settings (app);
  AllyWindow *window;
  AllyLearnView *learn;
  AllyCatalog *catalog;
  GtkWidget *lesson_view;
  GtkWindow *prefs;
  AdwComboRow *row;
  GListModel *model;
  LabelWait french = { NULL, "Ce qu’est l’alliance" };
  LabelWait english = { NULL, "What allyship is" };

  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 720);
  window = ally_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (course_is_loaded, window));
  learn = ally_window_get_learn_view (window);
  catalog = ally_learn_view_get_catalog (learn);
  lesson_view = GTK_WIDGET (ally_window_get_learn_view (window));
  french.widget = english.widget = lesson_view;

  ally_learn_view_open_lesson (learn, "what-allyship-is");
  g_assert_true (spin_until (label_is_shown, &english));
  g_assert_null (ally_catalog_get_translation (catalog));   /* English only: nothing else read */

  /* Preferences offer the system's choice, English and each language of the course. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (spin_until (toplevel_is_shown, GSIZE_TO_POINTER (ALLY_TYPE_PREFERENCES_WINDOW)));
  prefs = find_visible_toplevel (ALLY_TYPE_PREFERENCES_WINDOW);
  row = find_combo_row (GTK_WIDGET (prefs), "Course Language");
  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "Follow System");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "English");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* French: the open lesson is laid out again in French and stays open */
  adw_combo_row_set_selected (row, row_with_label (row, "Français (French, 100 % translated)"));
  {
    g_autofree char *chosen = g_settings_get_string (settings, "course-language");

    g_assert_cmpstr (chosen, ==, "fr");
  }
  g_assert_true (spin_until (label_is_shown, &french));
  g_assert_null (find_label_with_text (lesson_view, "What allyship is"));
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "what-allyship-is");
  g_assert_cmpstr (ally_catalog_get_translation (catalog), ==, "fr");
  /* the interface keeps its own language */
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (prefs), "Course Language"));

  /* Spanish, then English again: one translation read at a time */
  adw_combo_row_set_selected (row, row_with_label (row, "Español (Spanish, 100 % translated)"));
  g_assert_cmpstr (ally_catalog_get_translation (catalog), ==, "es");
  adw_combo_row_set_selected (row, row_with_label (row, "English"));
  g_assert_true (spin_until (label_is_shown, &english));
  g_assert_null (ally_catalog_get_translation (catalog));
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "what-allyship-is");

  /* a choice made elsewhere (another window, gsettings) shows in the row */
  g_settings_set_string (settings, "course-language", "fr");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, row_with_label (row, "Français (French, 100 % translated)"));
  g_assert_true (spin_until (label_is_shown, &french));

  g_settings_reset (settings, "course-language");
  gtk_window_destroy (prefs);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ui_test_new_registered_app ();

  g_test_add_func ("/course-language/applies-live", test_course_language_applies_live);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);
  return ret;
}
