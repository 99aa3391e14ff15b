/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-language-keeps-place.c: switching the course language while reading lays the lesson
 * out again in the new language at the place the reader was, not at its top. */
#include "config.h"

#include <adwaita.h>

#include "ally-application.h"
#include "ally-journal-progress.h"
#include "ally-lesson-view.h"
#include "ally-window.h"
#include "ui-test-util.h"

/* Long enough to scroll well past its first screenful. */
#define LESSON "staying-with-it"

static AllyApplication *app;

typedef struct
{
  AllyWindow        *window;
  AllyLessonView    *lesson_view;
  GtkAdjustment     *adjustment;
} Reading;

static double
fraction (Reading *reading)
{
  double range = gtk_adjustment_get_upper (reading->adjustment) -
                 gtk_adjustment_get_page_size (reading->adjustment);

  return range > 0 ? gtk_adjustment_get_value (reading->adjustment) / range : 0;
}

static gboolean
place_is_saved (gpointer data)
{
  Reading *reading = data;
  AllyJournal *journal = ally_learn_view_get_journal (ally_window_get_learn_view (reading->window));
  g_auto(AllyLessonState) state = { 0 };

  return ally_journal_get_lesson_state (journal, LESSON, &state, NULL) &&
         state.position >= 550 && state.position <= 650;
}

static gboolean
french_and_settled (gpointer data)
{
  Reading *reading = data;
  AllyLesson *lesson = ally_lesson_view_get_lesson (reading->lesson_view);

  return lesson != NULL && g_strcmp0 (ally_lesson_get_title (lesson), "Tenir dans la durée") == 0 &&
         ally_lesson_view_is_page_shown (reading->lesson_view) &&
         ally_lesson_view_is_settled (reading->lesson_view);
}

static void
test_language_switch_keeps_place (void)
{
  GSettings *settings = ally_application_get_settings (app);
  AllyLearnView *learn;
  Reading reading = { 0 };

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  reading.window = ally_window_new (app);
  gtk_window_present (GTK_WINDOW (reading.window));
  g_assert_true (spin_until (ui_test_window_is_ready, reading.window));
  learn = ally_window_get_learn_view (reading.window);
  g_assert_true (ally_learn_view_open_lesson (learn, LESSON));
  reading.lesson_view = ALLY_LESSON_VIEW (find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW));
  reading.adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (find_descendant (GTK_WIDGET (reading.lesson_view), GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_true (spin_until (ui_test_lesson_page_shown, reading.window));

  /* The reader scrolls to 60 % of the page and stops there. */
  gtk_adjustment_set_value (reading.adjustment,
                            0.6 * (gtk_adjustment_get_upper (reading.adjustment) -
                                   gtk_adjustment_get_page_size (reading.adjustment)));
  g_assert_true (spin_until (place_is_saved, &reading));

  g_settings_set_string (settings, "course-language", "fr");
  g_assert_true (spin_until (french_and_settled, &reading));
  g_assert_cmpstr (ally_lesson_get_id (ally_lesson_view_get_lesson (reading.lesson_view)), ==, LESSON);
  g_assert_cmpfloat_with_epsilon (fraction (&reading), 0.6, 0.02);

  g_settings_reset (settings, "course-language");
  gtk_window_destroy (GTK_WINDOW (reading.window));
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

  g_test_add_func ("/language/switch-keeps-place", test_language_switch_keeps_place);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);
  return ret;
}
