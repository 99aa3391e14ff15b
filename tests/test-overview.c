/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-overview.c: the Learn area's overview, driven through the real window: a first start
 * opens lesson 1, a returning learner lands on the overview, which shows the lessons
 * finished, the minutes left and the quiz results; "Retry Missed" asks again only the
 * questions answered wrongly. The tests share one journal and run in order. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ally-application.h"
#include "ally-learn-view.h"
#include "ally-lesson-view.h"
#include "ally-overview-page.h"
#include "ally-search-result-row.h"
#include "ally-study-calendar.h"
#include "ally-window.h"
#include "ui-test-util.h"

static AllyApplication *app;

static AllyWindow *
ready_window (void)
{
  AllyWindow *window;

  g_settings_set_int (ally_application_get_settings (app), "window-width", 1200);
  g_settings_set_int (ally_application_get_settings (app), "window-height", 800);
  window = ally_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (ui_test_window_is_ready, window));
  return window;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The quiz's choices in page order, as GtkCheckButtons. */
static void
collect_choices (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    {
      g_ptr_array_add (buttons, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_choices (child, buttons);
}

/* Answers every question of the open lesson, the one at @wrong wrongly; returns the index
 * (among all the choices) of the wrong answer given. */
static guint
answer_quiz (AllyLearnView *learn,
             guint          wrong)
{
  GtkWidget *lesson_view = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW);
  GListModel *questions = ally_lesson_get_questions (ally_learn_view_get_lesson (learn));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint first = 0, wrong_index = 0;

  /* The quiz is built over the frames after the lesson is opened. */
  g_assert_true (spin_until (ui_test_lesson_page_shown, gtk_widget_get_root (lesson_view)));
  collect_choices (lesson_view, buttons);
  for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
    {
      g_autoptr(AllyQuestion) question = g_list_model_get_item (questions, q);
      guint correct = ally_question_get_correct_index (question);
      guint choice = q == wrong ? (correct == 0 ? 1 : 0) : correct;

      if (q == wrong)
        wrong_index = first + choice;
      gtk_check_button_set_active (g_ptr_array_index (buttons, first + choice), TRUE);
      first += g_list_model_get_n_items (ally_question_get_choices (question));
    }
  g_assert_cmpuint (first, ==, buttons->len);
  return wrong_index;
}

static void
finish_lesson (AllyLearnView *learn,
               const char    *lesson_id)
{
  GtkWidget *lesson_view = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW);

  g_assert_true (ally_learn_view_open_lesson (learn, lesson_id));
  g_assert_true (gtk_widget_activate_action (lesson_view, "lesson.complete", NULL));
}

static void
test_first_start_opens_lesson_one (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);

  g_assert_cmpstr (ally_learn_view_get_visible_page (learn), ==, "lesson");
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "how-to-use");
  /* The overview is built the first time it is shown, not for a start that does not show it. */
  g_assert_null (find_descendant (GTK_WIDGET (learn), ALLY_TYPE_OVERVIEW_PAGE));
  ally_learn_view_show_overview (learn);
  g_assert_true (gtk_widget_get_mapped (find_descendant (GTK_WIDGET (learn),
                                                         ALLY_TYPE_OVERVIEW_PAGE)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shows_progress (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);
  GtkWidget *overview;
  GListModel *lessons = ally_catalog_get_lessons (ally_learn_view_get_catalog (learn));
  g_autoptr(AllyLesson) second = g_list_model_get_item (lessons, 1);
  guint n_questions = g_list_model_get_n_items (ally_lesson_get_questions (second));
  g_autofree char *progress = NULL;
  g_autofree char *minutes = NULL;
  g_autofree char *scores = NULL;
  g_autofree char *title = NULL;
  guint minutes_left = 0;

  finish_lesson (learn, "how-to-use");
  finish_lesson (learn, ally_lesson_get_id (second));
  answer_quiz (learn, 1);
  for (guint i = 2; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
      minutes_left += ally_lesson_get_minutes (lesson);
    }

  ally_learn_view_show_overview (learn);
  g_assert_cmpstr (ally_learn_view_get_visible_page (learn), ==, "overview");
  overview = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_OVERVIEW_PAGE);
  progress = g_strdup_printf ("2 of %u lessons finished", g_list_model_get_n_items (lessons));
  minutes = g_strdup_printf ("About %u minutes of reading left", minutes_left);
  title = g_strdup_printf ("Lesson 2: %s", ally_lesson_get_title (second));
  scores = g_strdup_printf ("Best %u of %u, last %u of %u", n_questions - 1, n_questions,
                            n_questions - 1, n_questions);
  g_assert_true (has_label (overview, progress));
  g_assert_true (has_label (overview, minutes));
  /* "Continue" offers the lesson read last; the quiz row shows its scores and the retry. */
  g_assert_true (has_label (overview, title));
  g_assert_true (has_label (overview, scores));
  g_assert_true (has_label (overview, "Retry 1 Missed"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_returning_learner_lands_on_overview (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);

  g_assert_cmpstr (ally_learn_view_get_visible_page (learn), ==, "overview");
  g_assert_null (ally_learn_view_get_lesson (learn));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Every label under @widget ~40 % longer, in short words, as a pseudo-translation makes it. */
static void
lengthen_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && !gtk_label_get_use_markup (GTK_LABEL (widget)))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (widget));
      g_autoptr(GString) longer = g_string_new ("[");
      glong extra = (g_utf8_strlen (text, -1) * 2 + 4) / 5;

      g_string_append (longer, text);
      for (glong i = 0; i < extra; i++)
        g_string_append (longer, i % 4 == 0 ? " " : "x");
      g_string_append_c (longer, ']');
      gtk_label_set_label (GTK_LABEL (widget), longer->str);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    lengthen_labels (child);
}

/* With text as long as a translation's, the overview (its calendar's weekday names, the
 * reminder question's buttons) still fits a 360 px window. */
static void
test_fits_narrow_window_with_long_text (void)
{
  AllyWindow *window;
  GtkWidget *page;
  int minimum;

  g_settings_set_boolean (ally_application_get_settings (app), "reminders-asked", FALSE);
  window = ready_window ();
  ally_learn_view_show_overview (ally_window_get_learn_view (window));
  page = find_descendant (GTK_WIDGET (window), ALLY_TYPE_OVERVIEW_PAGE);
  g_assert_nonnull (page);
  g_assert_true (spin_until (is_mapped, page));
  g_assert_true (has_label (page, "Remind me about due reviews and commitments?"));
  g_assert_true (has_label (page, "Mon"));

  lengthen_labels (page);
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  g_settings_reset (ally_application_get_settings (app), "reminders-asked");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_retry_missed_asks_only_those (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);
  GtkWidget *overview = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_OVERVIEW_PAGE);
  GtkWidget *lesson_view = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GListModel *questions;
  guint n_active = 0;

  g_assert_true (gtk_widget_activate_action (overview, "overview.retry-missed", "s",
                                             "what-allyship-is"));
  g_assert_cmpstr (ally_learn_view_get_visible_page (learn), ==, "lesson");
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "what-allyship-is");

  /* Every question keeps its answer but the one missed, which has none now and the focus. */
  questions = ally_lesson_get_questions (ally_learn_view_get_lesson (learn));
  /* The quiz is built over the frames after the lesson is opened. */
  g_assert_true (spin_until (ui_test_lesson_page_shown, gtk_widget_get_root (lesson_view)));
  collect_choices (lesson_view, buttons);
  for (guint i = 0; i < buttons->len; i++)
    n_active += gtk_check_button_get_active (g_ptr_array_index (buttons, i));
  g_assert_cmpuint (n_active, ==, g_list_model_get_n_items (questions) - 1);
  g_assert_true (GTK_IS_CHECK_BUTTON (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (gtk_root_get_focus (GTK_ROOT (window)))));

  /* Answered rightly now, the quiz counts a new try with every answer right. */
  answer_quiz (learn, G_MAXUINT);
  ally_learn_view_show_overview (learn);
  g_assert_true (spin_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, overview));
  {
    guint n = g_list_model_get_n_items (questions);
    g_autofree char *scores = g_strdup_printf ("Best %u of %u, last %u of %u", n, n, n, n);

    g_assert_true (has_label (overview, scores));
    g_assert_false (has_label (overview, "Retry 1 Missed"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_result (gpointer learn)
{
  return find_descendant (GTK_WIDGET (learn), ALLY_TYPE_SEARCH_RESULT_ROW) != NULL;
}

static GtkWidget *
find_with_css_class (GtkWidget  *widget,
                     const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_css_class (child, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The highlighted match is on screen, in the lesson's scrolled page. */
static gboolean
match_is_shown (gpointer data)
{
  GtkWidget *lesson_view = data;
  GtkWidget *match = find_with_css_class (lesson_view, "search-match");
  GtkWidget *scroller = find_descendant (lesson_view, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t point;

  return match != NULL && scroller != NULL &&
         gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))) > 0 &&
         gtk_widget_compute_point (match, scroller, &GRAPHENE_POINT_INIT (0, 0), &point) &&
         point.y >= 0 && point.y < gtk_widget_get_height (scroller) / 2.0;
}

/* A word only in a lesson's body (lesson 10's, in no title), typed in capitals with an
 * accent, finds that lesson; choosing the result opens it scrolled to the paragraph, which
 * is highlighted. */
static void
test_search_opens_lesson_at_match (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);
  GtkWidget *lesson_view = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW);
  GtkWidget *entry = find_descendant (GTK_WIDGET (learn), GTK_TYPE_SEARCH_ENTRY);
  GListModel *lessons = ally_catalog_get_lessons (ally_learn_view_get_catalog (learn));
  GtkWidget *row;
  GtkWidget *match;

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
      g_autofree char *title = g_utf8_casefold (ally_lesson_get_title (lesson), -1);
      g_assert_null (strstr (title, "commodification"));
    }

  gtk_editable_set_text (GTK_EDITABLE (entry), "COMMODIFICATIÓN");
  g_assert_true (spin_until (has_result, learn));
  row = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_SEARCH_RESULT_ROW);
  g_assert_cmpstr (ally_lesson_get_id (ally_course_match_get_lesson (ally_search_result_row_get_match (ALLY_SEARCH_RESULT_ROW (row)))),
                   ==, "performative-allyship");
  gtk_widget_activate (row);

  g_assert_cmpstr (ally_learn_view_get_visible_page (learn), ==, "lesson");
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "performative-allyship");
  g_assert_true (spin_until (match_is_shown, lesson_view));
  match = find_with_css_class (lesson_view, "search-match");
  g_assert_true (GTK_IS_LABEL (match));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (match)), "commodification"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A page read just before it is shown (as Learn does at start-up) is not read again when it
 * is mapped; once something is written, showing it again reads the journal again. */
static void
test_read_once_when_shown_just_after (void)
{
  AllyWindow *window = ready_window ();
  AllyJournal *journal = ally_application_get_journal (app);
  AllyCatalog *catalog = ally_application_get_catalog (app, NULL);
  GtkWidget *holder = gtk_window_new ();
  GtkWidget *page = g_object_new (ALLY_TYPE_OVERVIEW_PAGE, NULL);
  GtkWidget *day;
  g_autoptr(AllyEntry) entry = ally_entry_new ();
  g_autoptr(GError) error = NULL;

  ally_overview_page_set_catalog (ALLY_OVERVIEW_PAGE (page), catalog);
  ally_overview_page_set_journal (ALLY_OVERVIEW_PAGE (page), journal);
  ally_overview_page_refresh (ALLY_OVERVIEW_PAGE (page));
  /* The calendar's labels are made again at each read. */
  day = find_descendant (find_descendant (page, ALLY_TYPE_STUDY_CALENDAR), GTK_TYPE_LABEL);
  g_assert_nonnull (day);
  g_object_add_weak_pointer (G_OBJECT (day), (gpointer *) &day);

  gtk_window_set_child (GTK_WINDOW (holder), page);
  gtk_window_present (GTK_WINDOW (holder));
  g_assert_true (spin_until (is_mapped, page));
  g_assert_nonnull (day);

  gtk_widget_set_visible (page, FALSE);
  ally_entry_set_title (entry, "Written meanwhile");
  g_assert_cmpint (ally_journal_save_entry (journal, entry, &error), >, 0);
  g_assert_no_error (error);
  gtk_widget_set_visible (page, TRUE);
  g_assert_true (spin_until (is_mapped, page));
  g_assert_null (day);

  gtk_window_destroy (GTK_WINDOW (holder));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_days (GtkWidget *widget,
              GPtrArray *days)
{
  if (gtk_widget_has_css_class (widget, "calendar-day"))
    g_ptr_array_add (days, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_days (child, days);
}

/* Every day of the calendar is shown and says its date in its tooltip; today, studied in the
 * tests before, says so. (Each label gets its tooltip while still hidden.) */
static void
test_calendar_days_say_their_date (void)
{
  AllyJournal *journal = ally_application_get_journal (app);
  GtkWidget *page = g_object_ref_sink (g_object_new (ALLY_TYPE_OVERVIEW_PAGE, NULL));
  g_autoptr(GPtrArray) days = g_ptr_array_new ();
  GtkWidget *today;

  ally_overview_page_set_catalog (ALLY_OVERVIEW_PAGE (page), ally_application_get_catalog (app, NULL));
  ally_overview_page_set_journal (ALLY_OVERVIEW_PAGE (page), journal);
  ally_overview_page_refresh (ALLY_OVERVIEW_PAGE (page));
  collect_days (find_descendant (page, ALLY_TYPE_STUDY_CALENDAR), days);

  g_assert_cmpuint (days->len, >=, 7);
  for (guint i = 0; i < days->len; i++)
    {
      GtkWidget *day = g_ptr_array_index (days, i);

      g_assert_true (gtk_widget_get_visible (day));
      g_assert_nonnull (gtk_widget_get_tooltip_text (day));
      g_assert_cmpuint (strlen (gtk_widget_get_tooltip_text (day)), >, 4);
    }
  today = g_ptr_array_index (days, days->len - 1);
  g_assert_true (gtk_widget_has_css_class (today, "today"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (today), "you studied or wrote"));

  g_object_unref (page);
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

  /* In this order: each test builds on the journal the one before left. */
  g_test_add_func ("/overview/first-start-opens-lesson-one", test_first_start_opens_lesson_one);
  g_test_add_func ("/overview/shows-progress", test_shows_progress);
  g_test_add_func ("/overview/returning-learner-lands-on-overview",
                   test_returning_learner_lands_on_overview);
  g_test_add_func ("/overview/retry-missed-asks-only-those", test_retry_missed_asks_only_those);
  g_test_add_func ("/overview/fits-narrow-window-with-long-text",
                   test_fits_narrow_window_with_long_text);
  g_test_add_func ("/overview/search-opens-lesson-at-match", test_search_opens_lesson_at_match);
  g_test_add_func ("/overview/read-once-when-shown-just-after", test_read_once_when_shown_just_after);
  g_test_add_func ("/overview/calendar-days-say-their-date", test_calendar_days_say_their_date);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);

  return ret;
}
