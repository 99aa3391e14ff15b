/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-learn-view.c: drives the Learn area in a real window: lessons, term links, quiz. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "ally-application.h"
#include "ally-lesson-view.h"
#include "ally-overview-page.h"
#include "ally-term-popover.h"
#include "ally-window.h"
#include "ui-test-util.h"

static AllyApplication *app;

static gboolean
course_is_loaded (gpointer data)
{
  AllyLearnView *learn = ally_window_get_learn_view (ALLY_WINDOW (data));

  return learn != NULL && ally_learn_view_get_catalog (learn) != NULL;
}

static gboolean
learn_view_is_built (gpointer data)
{
  return ally_window_get_learn_view (ALLY_WINDOW (data)) != NULL;
}

static AllyWindow *
present_window (int width)
{
  AllyWindow *window;

  g_settings_set_int (ally_application_get_settings (app), "window-width", width);
  g_settings_set_int (ally_application_get_settings (app), "window-height", 720);
  window = ally_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (window_is_mapped, window));

  return window;
}

static AllyLearnView *
loaded_learn_view (AllyWindow *window)
{
  g_assert_true (spin_until (course_is_loaded, window));
  return ally_window_get_learn_view (window);
}

static void
test_course_loads_after_first_frame (void)
{
  AllyWindow *window = ally_window_new (app);
  AllyLearnView *learn;
  GListModel *lessons;

  /* Nothing of the course is built while the window is: start-up only pays for the frame. */
  g_assert_null (ally_window_get_learn_view (window));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (course_is_loaded, window));
  learn = ally_window_get_learn_view (window);

  lessons = ally_catalog_get_lessons (ally_learn_view_get_catalog (learn));
  g_assert_cmpuint (g_list_model_get_n_items (lessons), >=, 12);
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "how-to-use");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_lesson_shows_it (void)
{
  AllyWindow *window = present_window (1200);
  AllyLearnView *learn = loaded_learn_view (window);
  AllyLessonView *lesson_view = ALLY_LESSON_VIEW (find_descendant (GTK_WIDGET (learn),
                                                                   ALLY_TYPE_LESSON_VIEW));

  g_assert_true (ally_learn_view_open_lesson (learn, "what-allyship-is"));
  g_assert_cmpstr (ally_lesson_get_id (ally_lesson_view_get_lesson (lesson_view)), ==,
                   "what-allyship-is");
  g_assert_false (ally_learn_view_open_lesson (learn, "no-such-lesson"));
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "what-allyship-is");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first label in @widget whose text links to a glossary term. */
static GtkLabel *
find_label_with_term_link (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), "href=\"term:"))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with_term_link (child);
      if (found)
        return found;
    }

  return NULL;
}

static gboolean
term_popover_shown (gpointer data)
{
  GtkWidget *popover = find_descendant (GTK_WIDGET (data), ALLY_TYPE_TERM_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static void
test_term_link_opens_definition (void)
{
  AllyWindow *window = present_window (1200);
  AllyLearnView *learn = loaded_learn_view (window);
  AllyTermPopover *popover;
  GtkLabel *label;
  g_autofree char *term_id = NULL;
  g_autofree char *uri = NULL;
  const char *href;
  gboolean handled = FALSE;

  ally_learn_view_open_lesson (learn, "what-allyship-is");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  label = find_label_with_term_link (GTK_WIDGET (learn));
  g_assert_nonnull (label);

  /* Activate the label's own link, as a click on it would. */
  href = strstr (gtk_label_get_label (label), "href=\"term:") + strlen ("href=\"");
  term_id = g_strndup (href + strlen ("term:"), strchr (href, '"') - href - strlen ("term:"));
  uri = g_strconcat ("term:", term_id, NULL);
  g_signal_emit_by_name (label, "activate-link", uri, &handled);
  g_assert_true (handled);
  g_assert_true (spin_until (term_popover_shown, learn));

  popover = ALLY_TERM_POPOVER (find_descendant (GTK_WIDGET (learn), ALLY_TYPE_TERM_POPOVER));
  g_assert_cmpstr (ally_term_popover_get_term_id (popover), ==, term_id);

  /* Links inside the definition move to the linked term. */
  g_assert_true (ally_term_popover_show_term (popover, "power"));
  g_assert_cmpstr (ally_term_popover_get_term_id (popover), ==, "power");
  g_assert_false (ally_term_popover_show_term (popover, "no-such-term"));
  g_assert_cmpstr (ally_term_popover_get_term_id (popover), ==, "power");

  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkCheckButton *buttons[8];
  guint           n_buttons;
} Choices;

static void
collect_check_buttons (GtkWidget *widget,
                       Choices   *choices)
{
  if (GTK_IS_CHECK_BUTTON (widget) && choices->n_buttons < G_N_ELEMENTS (choices->buttons))
    {
      choices->buttons[choices->n_buttons++] = GTK_CHECK_BUTTON (widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_check_buttons (child, choices);
}

/* The feedback label follows its choice's button in the question card. */
static GtkWidget *
feedback_of (GtkCheckButton *button)
{
  return gtk_widget_get_next_sibling (GTK_WIDGET (button));
}

static void
test_quiz_answer_shows_explanation (void)
{
  AllyWindow *window = present_window (1200);
  AllyLearnView *learn = loaded_learn_view (window);
  AllyLesson *lesson;
  g_autoptr(AllyQuestion) question = NULL;
  Choices choices = { 0 };
  guint correct, wrong;

  ally_learn_view_open_lesson (learn, "what-allyship-is");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  lesson = ally_learn_view_get_lesson (learn);
  question = g_list_model_get_item (ally_lesson_get_questions (lesson), 0);
  correct = ally_question_get_correct_index (question);
  wrong = correct == 0 ? 1 : 0;

  collect_check_buttons (GTK_WIDGET (learn), &choices);
  g_assert_cmpuint (choices.n_buttons, >=, g_list_model_get_n_items (ally_question_get_choices (question)));
  g_assert_false (gtk_widget_get_visible (feedback_of (choices.buttons[correct])));

  gtk_check_button_set_active (choices.buttons[wrong], TRUE);
  g_assert_true (gtk_widget_get_visible (feedback_of (choices.buttons[wrong])));
  g_assert_true (gtk_widget_has_css_class (feedback_of (choices.buttons[wrong]), "quiz-wrong"));

  /* Changing the answer moves the explanation to the new choice. */
  gtk_check_button_set_active (choices.buttons[correct], TRUE);
  g_assert_false (gtk_widget_get_visible (feedback_of (choices.buttons[wrong])));
  g_assert_true (gtk_widget_get_visible (feedback_of (choices.buttons[correct])));
  g_assert_true (gtk_widget_has_css_class (feedback_of (choices.buttons[correct]), "quiz-right"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
leaflet_is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (data));
}

static void
test_narrow_window_navigates_back (void)
{
  AllyWindow *window = present_window (360);
  AllyLearnView *learn = loaded_learn_view (window);
  AdwLeaflet *leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (learn), ADW_TYPE_LEAFLET));
  GtkWidget *lesson_list = find_descendant (GTK_WIDGET (learn), GTK_TYPE_LIST_VIEW);

  g_assert_true (spin_until (leaflet_is_folded, leaflet));
  /* A learner on a narrow screen starts at the list of lessons. */
  g_assert_true (gtk_widget_is_ancestor (lesson_list, adw_leaflet_get_visible_child (leaflet)));

  ally_learn_view_open_lesson (learn, "common-myths");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_false (gtk_widget_is_ancestor (lesson_list, adw_leaflet_get_visible_child (leaflet)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (learn), "learn.back", NULL));
  g_assert_true (gtk_widget_is_ancestor (lesson_list, adw_leaflet_get_visible_child (leaflet)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
copy_file (const char *from,
           const char *to_dir,
           const char *name)
{
  g_autofree char *contents = NULL;
  g_autofree char *to = g_build_filename (to_dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* The first label showing exactly @text (markup aside). */
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

static gboolean
error_page_shown (gpointer data)
{
  GtkStack *stack = GTK_STACK (find_descendant (GTK_WIDGET (data), GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "error") == 0;
}

static void
test_broken_content_shows_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ally-learn-XXXXXX", &error);
  g_autofree char *lessons = g_build_filename (dir, "lessons", NULL);
  g_autofree char *broken = g_build_filename (lessons, "01-broken.xml.in", NULL);
  AllyWindow *window;
  AllyLearnView *learn;
  AdwStatusPage *page;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (lessons, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken, "<lesson id=\"x\"><title>Broken", -1, NULL));

  ally_application_set_content_dir (app, dir);
  window = present_window (1200);
  g_assert_true (spin_until (learn_view_is_built, window));
  learn = ally_window_get_learn_view (window);
  g_assert_true (spin_until (error_page_shown, learn));
  page = ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (learn), ADW_TYPE_STATUS_PAGE));
  /* The message names the file and line, so an author knows where to look. */
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "01-broken.xml.in:1"));

  gtk_window_destroy (GTK_WINDOW (window));
  ally_application_set_content_dir (app, NULL);
  g_remove (broken);
  g_rmdir (lessons);
  g_rmdir (dir);
}

static void
test_language_change_refreshes_lesson (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ally-learn-XXXXXX", &error);
  g_autofree char *lessons = g_build_filename (dir, "lessons", NULL);
  const char *languages_fr[] = { "fr", NULL };
  const char *languages_en[] = { "en", NULL };
  const char *good = g_test_get_filename (G_TEST_DIST, "content", "fixtures", "good", NULL);
  g_autofree char *glossary = g_build_filename (good, "glossary.xml.in", NULL);
  g_autofree char *sources = g_build_filename (good, "sources.xml.in", NULL);
  AllyWindow *window;
  AllyLearnView *learn;
  AllyCatalog *catalog;
  GtkWidget *lesson_view;

  /* The real msgfmt merged a partial French translation into this fixture lesson. */
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (lessons, 0700), ==, 0);
  copy_file (g_test_get_filename (G_TEST_BUILT, "content", "msgfmt-01-basics.xml", NULL),
             lessons, "01-basics.xml");
  copy_file (glossary, dir, "glossary.xml.in");
  copy_file (sources, dir, "sources.xml.in");

  ally_application_set_content_dir (app, dir);
  window = present_window (1200);
  learn = loaded_learn_view (window);
  catalog = ally_learn_view_get_catalog (learn);
  lesson_view = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW);
  /* The journal has progress from the tests before: open the lesson rather than the overview. */
  g_assert_true (ally_learn_view_open_lesson (learn, "basics"));
  ally_catalog_set_languages (catalog, languages_en);
  g_assert_nonnull (find_label_with_text (lesson_view, "What allyship is"));

  /* The page being read changes language, not only the list of lessons. */
  ally_catalog_set_languages (catalog, languages_fr);
  g_assert_nonnull (find_label_with_text (lesson_view, "Ce qu’est l’alliance"));
  g_assert_null (find_label_with_text (lesson_view, "What allyship is"));
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "basics");

  gtk_window_destroy (GTK_WINDOW (window));
  ally_application_set_content_dir (app, NULL);
  ui_test_remove_tree (dir);
}

static gboolean
journal_is_open (gpointer data)
{
  AllyLearnView *learn = ally_window_get_learn_view (ALLY_WINDOW (data));

  return learn != NULL && ally_learn_view_get_journal (learn) != NULL;
}

/* A window whose course and journal are both ready. */
static AllyLearnView *
learn_view_with_journal (AllyWindow *window)
{
  loaded_learn_view (window);
  g_assert_true (spin_until (journal_is_open, window));
  return ally_window_get_learn_view (window);
}

static void
test_quiz_answer_is_kept (void)
{
  AllyWindow *window = present_window (1200);
  AllyLearnView *learn = learn_view_with_journal (window);
  AllyJournal *journal = ally_learn_view_get_journal (learn);
  g_autoptr(AllyQuestion) question = NULL;
  g_autofree char *answer = NULL;
  Choices choices = { 0 };
  gboolean correct = TRUE;
  guint wrong;

  ally_learn_view_open_lesson (learn, "common-myths");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  question = g_list_model_get_item (ally_lesson_get_questions (ally_learn_view_get_lesson (learn)), 0);
  wrong = ally_question_get_correct_index (question) == 0 ? 1 : 0;
  collect_check_buttons (GTK_WIDGET (learn), &choices);
  gtk_check_button_set_active (choices.buttons[wrong], TRUE);

  answer = ally_journal_get_quiz_answer (journal, "common-myths", ally_question_get_id (question),
                                         &correct, NULL);
  g_assert_nonnull (answer);
  g_assert_cmpuint (g_ascii_strtoull (answer, NULL, 10), ==, wrong);
  g_assert_false (correct);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A new window shows the answer chosen before, with its explanation. */
  window = present_window (1200);
  learn = learn_view_with_journal (window);
  ally_learn_view_open_lesson (learn, "common-myths");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  memset (&choices, 0, sizeof choices);
  collect_check_buttons (GTK_WIDGET (learn), &choices);
  g_assert_true (gtk_check_button_get_active (choices.buttons[wrong]));
  g_assert_true (gtk_widget_get_visible (feedback_of (choices.buttons[wrong])));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
lesson_position_saved (gpointer data)
{
  AllyJournal *journal = ally_application_get_journal (app);
  g_auto(AllyLessonState) state = { 0 };

  return ally_journal_get_lesson_state (journal, data, &state, NULL) && state.position > 0;
}

static GtkAdjustment *
lesson_scroll (AllyLearnView *learn)
{
  GtkWidget *lesson_view = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_descendant (lesson_view,
                                                                                   GTK_TYPE_SCROLLED_WINDOW)));
}

static gboolean
scrolled_down (gpointer data)
{
  return gtk_adjustment_get_value (lesson_scroll (data)) > 0;
}

static gboolean
scroll_range_known (gpointer data)
{
  GtkAdjustment *adjustment = lesson_scroll (data);

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 100;
}

/* Leaving a lesson half read and coming back later finds the same place. */
static void
test_place_in_lesson_is_kept (void)
{
  AllyWindow *window = present_window (1200);
  AllyLearnView *learn = learn_view_with_journal (window);
  GtkAdjustment *adjustment;

  ally_learn_view_open_lesson (learn, "privilege-and-identity");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_true (spin_until (scroll_range_known, learn));
  adjustment = lesson_scroll (learn);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                         gtk_adjustment_get_page_size (adjustment)) / 2);
  g_assert_true (spin_until (lesson_position_saved, (gpointer) "privilege-and-identity"));

  ally_learn_view_open_lesson (learn, "common-myths");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_cmpfloat (gtk_adjustment_get_value (lesson_scroll (learn)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));

  window = present_window (1200);
  learn = learn_view_with_journal (window);
  ally_learn_view_open_lesson (learn, "privilege-and-identity");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_true (spin_until (scrolled_down, learn));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
at_saved_place (gpointer data)
{
  GtkAdjustment *adjustment = lesson_scroll (data);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  AllyLessonView *lesson_view = ALLY_LESSON_VIEW (find_descendant (GTK_WIDGET (data),
                                                                   ALLY_TYPE_LESSON_VIEW));
  g_auto(AllyLessonState) state = { 0 };

  ally_journal_get_lesson_state (ally_lesson_view_get_journal (lesson_view),
                                 ally_lesson_get_id (ally_lesson_view_get_lesson (lesson_view)),
                                 &state, NULL);
  return range > 0 && state.position > 0 &&
         fabs (gtk_adjustment_get_value (adjustment) / range - state.position / 1000.0) < 0.01;
}

static gboolean
tick_and_count (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  (*(int *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
ten_frames_drawn (gpointer data)
{
  return *(int *) data >= 10;
}

/* Coming back, the app opens on the overview; its "Continue" opens the lesson read last (not
 * the first one unfinished), at the place it was left, and it stays there once the page is
 * laid out. */
static void
test_last_read_lesson_reopens (void)
{
  AllyWindow *window = present_window (1200);
  AllyLearnView *learn = learn_view_with_journal (window);
  GtkAdjustment *adjustment;
  int frames = 0;
  guint tick;

  ally_learn_view_open_lesson (learn, "how-to-use");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  ally_learn_view_open_lesson (learn, "ally-vs-accomplice");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_true (spin_until (scroll_range_known, learn));
  adjustment = lesson_scroll (learn);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                         gtk_adjustment_get_page_size (adjustment)) * 0.7);
  g_assert_true (spin_until (lesson_position_saved, (gpointer) "ally-vs-accomplice"));
  gtk_window_destroy (GTK_WINDOW (window));

  window = present_window (1200);
  learn = learn_view_with_journal (window);
  g_assert_cmpstr (ally_learn_view_get_visible_page (learn), ==, "overview");
  g_assert_null (ally_learn_view_get_lesson (learn));
  g_assert_true (gtk_widget_activate_action (find_descendant (GTK_WIDGET (learn), ALLY_TYPE_OVERVIEW_PAGE),
                                             "overview.continue", NULL));
  g_assert_cmpstr (ally_learn_view_get_visible_page (learn), ==, "lesson");
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "ally-vs-accomplice");
  g_assert_true (spin_until (at_saved_place, learn));
  /* Still there after the page has settled and been drawn a few times. */
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (learn), tick_and_count, &frames, NULL);
  g_assert_true (spin_until (ten_frames_drawn, &frames));
  gtk_widget_remove_tick_callback (GTK_WIDGET (learn), tick);
  g_assert_true (at_saved_place (learn));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_with_prefix_is_drawable (GtkWidget  *widget,
                               const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return gtk_widget_is_drawable (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (label_with_prefix_is_drawable (child, prefix))
      return TRUE;

  return FALSE;
}

static gboolean
finished_label_shown (gpointer data)
{
  return label_with_prefix_is_drawable (GTK_WIDGET (data), "You finished this lesson on");
}

static void
test_finished_lesson_is_marked (void)
{
  AllyWindow *window = present_window (1200);
  AllyLearnView *learn = learn_view_with_journal (window);
  AllyLessonView *lesson_view = ALLY_LESSON_VIEW (find_descendant (GTK_WIDGET (learn),
                                                                   ALLY_TYPE_LESSON_VIEW));
  g_auto(AllyLessonState) state = { 0 };

  ally_learn_view_open_lesson (learn, "how-to-use");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lesson_view), "lesson.complete", NULL));
  g_assert_true (ally_journal_get_lesson_state (ally_learn_view_get_journal (learn), "how-to-use",
                                                &state, NULL));
  g_assert_nonnull (state.completed_at);
  g_assert_true (spin_until (finished_label_shown, lesson_view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
unfinished_button_shown (gpointer data)
{
  return label_with_prefix_is_drawable (GTK_WIDGET (data), "Mark as Not Finished");
}

static gboolean
finish_button_shown (gpointer data)
{
  return label_with_prefix_is_drawable (GTK_WIDGET (data), "Mark as Finished");
}

/* Mark as Finished pressed by mistake can be taken back. */
static void
test_finish_can_be_undone (void)
{
  AllyWindow *window = present_window (1200);
  AllyLearnView *learn = learn_view_with_journal (window);
  AllyLessonView *lesson_view = ALLY_LESSON_VIEW (find_descendant (GTK_WIDGET (learn),
                                                                   ALLY_TYPE_LESSON_VIEW));
  g_auto(AllyLessonState) state = { 0 };

  ally_learn_view_open_lesson (learn, "common-myths");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_true (spin_until (finish_button_shown, lesson_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lesson_view), "lesson.complete", NULL));
  g_assert_true (spin_until (unfinished_button_shown, lesson_view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lesson_view), "lesson.uncomplete", NULL));
  g_assert_true (ally_journal_get_lesson_state (ally_learn_view_get_journal (learn), "common-myths",
                                                &state, NULL));
  g_assert_null (state.completed_at);
  g_assert_true (spin_until (finish_button_shown, lesson_view));
  g_assert_false (finished_label_shown (lesson_view));
  g_assert_false (unfinished_button_shown (lesson_view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
expander_says (GtkWidget  *widget,
               const char *label)
{
  GtkWidget *expander = find_descendant (widget, GTK_TYPE_EXPANDER);

  return expander != NULL && g_strcmp0 (gtk_expander_get_label (GTK_EXPANDER (expander)), label) == 0;
}

/* The sample responses' expander says what it will do: show them, or hide them again. */
static void
test_expander_says_hide_when_open (void)
{
  AllyWindow *window = present_window (1200);
  AllyLearnView *learn = loaded_learn_view (window);
  GtkWidget *expander;

  ally_learn_view_open_lesson (learn, "why-and-who");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  expander = find_descendant (GTK_WIDGET (learn), GTK_TYPE_EXPANDER);
  g_assert_nonnull (expander);
  g_assert_true (expander_says (GTK_WIDGET (learn), "Show sample responses"));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  g_assert_true (expander_says (GTK_WIDGET (learn), "Hide sample responses"));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), FALSE);
  g_assert_true (expander_says (GTK_WIDGET (learn), "Show sample responses"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
next_button_shown (gpointer data)
{
  return label_with_prefix_is_drawable (GTK_WIDGET (data), "Next Lesson");
}

/* Each lesson but the last ends with a button to the next, which opens at its top even when
 * it was left half read. */
static void
test_next_lesson_button (void)
{
  AllyWindow *window = present_window (1200);
  AllyLearnView *learn = learn_view_with_journal (window);
  AllyLessonView *lesson_view = ALLY_LESSON_VIEW (find_descendant (GTK_WIDGET (learn),
                                                                   ALLY_TYPE_LESSON_VIEW));
  GListModel *lessons = ally_catalog_get_lessons (ally_learn_view_get_catalog (learn));
  g_autoptr(AllyLesson) last = g_list_model_get_item (lessons, g_list_model_get_n_items (lessons) - 1);
  GtkAdjustment *adjustment;

  /* "language-and-names" was left half way. */
  ally_learn_view_open_lesson (learn, "language-and-names");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_true (spin_until (scroll_range_known, learn));
  adjustment = lesson_scroll (learn);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                         gtk_adjustment_get_page_size (adjustment)) / 2);
  g_assert_true (spin_until (lesson_position_saved, (gpointer) "language-and-names"));

  ally_learn_view_open_lesson (learn, "dos-and-donts");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_true (spin_until (next_button_shown, lesson_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lesson_view), "lesson.next", NULL));
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "language-and-names");
  g_assert_true (spin_until (scroll_range_known, learn));
  g_assert_cmpfloat (gtk_adjustment_get_value (lesson_scroll (learn)), ==, 0);

  ally_learn_view_open_lesson (learn, ally_lesson_get_id (last));
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_true (spin_until (scroll_range_known, learn));
  g_assert_false (next_button_shown (lesson_view));

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

  g_test_add_func ("/learn/course-loads-after-first-frame", test_course_loads_after_first_frame);
  g_test_add_func ("/learn/open-lesson-shows-it", test_open_lesson_shows_it);
  g_test_add_func ("/learn/term-link-opens-definition", test_term_link_opens_definition);
  g_test_add_func ("/learn/quiz-answer-shows-explanation", test_quiz_answer_shows_explanation);
  g_test_add_func ("/learn/narrow-window-navigates-back", test_narrow_window_navigates_back);
  g_test_add_func ("/learn/broken-content-shows-error", test_broken_content_shows_error);
  g_test_add_func ("/learn/language-change-refreshes-lesson", test_language_change_refreshes_lesson);
  g_test_add_func ("/learn/expander-says-hide-when-open", test_expander_says_hide_when_open);
  /* These keep progress in the test's journal, so they run last. */
  g_test_add_func ("/learn/progress/quiz-answer-is-kept", test_quiz_answer_is_kept);
  g_test_add_func ("/learn/progress/finished-lesson-is-marked", test_finished_lesson_is_marked);
  g_test_add_func ("/learn/progress/place-in-lesson-is-kept", test_place_in_lesson_is_kept);
  g_test_add_func ("/learn/progress/finish-can-be-undone", test_finish_can_be_undone);
  g_test_add_func ("/learn/progress/next-lesson-button", test_next_lesson_button);
  g_test_add_func ("/learn/progress/last-read-lesson-reopens", test_last_read_lesson_reopens);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);

  return ret;
}
