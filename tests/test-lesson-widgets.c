/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lesson-widgets.c: the lesson page's parts on their own: a quiz question and its
 * choices, the quiz with its answers kept in a real journal, the journal button, a prompt
 * row, a scenario card, and the reader's place in a scrolled page. */
#include "config.h"

#include <adwaita.h>

#include "ally-journal-button.h"
#include "ally-journal-progress.h"
#include "ally-lesson-place.h"
#include "ally-lesson-quiz.h"
#include "ally-lesson-text.h"
#include "ally-prompt-row.h"
#include "ally-quiz-choice.h"
#include "ally-quiz-question.h"
#include "ally-scenario-card.h"
#include "ally-scroll-column.h"
#include "ui-test-util.h"

typedef struct
{
  char        *dir;
  AllyJournal *journal;
  AllyCatalog *catalog;
  AllyLesson  *lesson;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;

  fixture->dir = g_dir_make_tmp ("lesson-widgets-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (fixture->dir);
  fixture->journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  fixture->catalog = ui_test_load_course ();
  /* A lesson with a quiz, scenarios, reflections and commitments. */
  fixture->lesson = ally_catalog_lookup_lesson (fixture->catalog, "why-and-who");
  g_assert_nonnull (fixture->lesson);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->catalog);
  ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* ---- Helpers ------------------------------------------------------------------------------ */

static AllyQuizChoice *
nth_choice (GtkWidget *card,
            guint      n)
{
  GtkWidget *child = gtk_widget_get_first_child (card);

  for (child = gtk_widget_get_next_sibling (child); child && n > 0; n--)
    child = gtk_widget_get_next_sibling (child);
  g_assert_true (ALLY_IS_QUIZ_CHOICE (child));
  return ALLY_QUIZ_CHOICE (child);
}

static guint
choice_index (AllyQuestion *question,
              gboolean      correct)
{
  GListModel *choices = ally_question_get_choices (question);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(AllyChoice) choice = g_list_model_get_item (choices, i);

      if (ally_choice_get_correct (choice) == correct)
        return i;
    }
  g_assert_not_reached ();
}

static void
choose (GtkWidget *card,
        guint      n)
{
  gtk_check_button_set_active (ally_quiz_choice_get_button (nth_choice (card, n)), TRUE);
}

static GtkLabel *
feedback_of (AllyQuizChoice *choice)
{
  return GTK_LABEL (gtk_widget_get_last_child (GTK_WIDGET (choice)));
}

typedef struct { guint n; guint index; gboolean correct; } Answers;

static void
on_answered (AllyQuizQuestion *card,
             guint             index,
             gboolean          correct,
             Answers          *answers)
{
  answers->n++;
  answers->index = index;
  answers->correct = correct;
}

static AllyQuestion *
first_question (AllyLesson *lesson)
{
  return g_list_model_get_item (ally_lesson_get_questions (lesson), 0);
}

/* ---- Quiz question ------------------------------------------------------------------------ */

/* Choosing says "Correct" or "Not quite" with the explanation, and emits "answered"; an answer
 * put back does not; only a wrong answer is taken back. */
static void
test_quiz_question_answers (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AllyQuestion) question = first_question (fixture->lesson);
  guint wrong = choice_index (question, FALSE);
  guint right = choice_index (question, TRUE);
  GtkWidget *card = g_object_ref_sink (ally_quiz_question_new (question, 3));
  Answers answers = { 0 };
  g_autofree char *stem_start = NULL;

  g_signal_connect (card, "answered", G_CALLBACK (on_answered), &answers);
  stem_start = g_strndup (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (card))), 3);
  g_assert_cmpstr (stem_start, ==, "3. ");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (feedback_of (nth_choice (card, wrong)))));

  choose (card, wrong);
  g_assert_cmpuint (answers.n, ==, 1);
  g_assert_cmpuint (answers.index, ==, wrong);
  g_assert_false (answers.correct);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (feedback_of (nth_choice (card, wrong)))));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (feedback_of (nth_choice (card, wrong))),
                                   "Not quite\n"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (feedback_of (nth_choice (card, wrong))),
                                           "quiz-wrong"));

  g_assert_true (ally_quiz_question_take_back_wrong (ALLY_QUIZ_QUESTION (card)));
  g_assert_false (gtk_check_button_get_active (ally_quiz_choice_get_button (nth_choice (card, wrong))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (feedback_of (nth_choice (card, wrong)))));
  g_assert_cmpuint (answers.n, ==, 1);

  g_assert_true (ally_quiz_question_show_answer (ALLY_QUIZ_QUESTION (card), right));
  g_assert_cmpuint (answers.n, ==, 1);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (feedback_of (nth_choice (card, right))),
                                   "Correct\n"));
  g_assert_false (ally_quiz_question_take_back_wrong (ALLY_QUIZ_QUESTION (card)));
  g_assert_true (gtk_check_button_get_active (ally_quiz_choice_get_button (nth_choice (card, right))));
  g_assert_false (ally_quiz_question_show_answer (ALLY_QUIZ_QUESTION (card), 99));

  g_object_unref (card);
}

/* A child that wraps like a label (its height depends on its width), and counts the times it
 * is asked for its width at a given height: the question that makes a wrapping label search
 * (about ten Pango layouts each time). */
#define PROBE_TYPE_TEXT (probe_text_get_type ())
G_DECLARE_FINAL_TYPE (ProbeText, probe_text, PROBE, TEXT, GtkWidget)

struct _ProbeText
{
  GtkWidget parent_instance;
  guint     width_for_height;
};

G_DEFINE_FINAL_TYPE (ProbeText, probe_text, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
probe_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
probe_text_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      PROBE_TEXT (widget)->width_for_height += for_size >= 0;
      *minimum = 60, *natural = 600;
      return;
    }
  /* 6,000 square pixels of text: as many lines as the width needs. */
  *minimum = *natural = for_size > 0 ? MAX (20, 6000 / for_size) : 20;
}

static void
probe_text_class_init (ProbeTextClass *klass)
{
  GTK_WIDGET_CLASS (klass)->get_request_mode = probe_text_get_request_mode;
  GTK_WIDGET_CLASS (klass)->measure = probe_text_measure;
}

static void
probe_text_init (ProbeText *self)
{
}

/* A quiz answer's text is beside its mark, and measuring the answer's height at a width asks
 * the text for its height at its own width only: never for its width at some height, as the
 * check button's own layout (a horizontal box) does, over and over. */
static void
test_quiz_choice_text_measured_at_its_width (Fixture       *fixture,
                                             gconstpointer  data)
{
  g_autoptr(AllyQuestion) question = first_question (fixture->lesson);
  g_autoptr(AllyChoice) choice = g_list_model_get_item (ally_question_get_choices (question), 0);
  GtkWidget *quiz_choice = g_object_ref_sink (ally_quiz_choice_new (choice));
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *text = g_object_new (PROBE_TYPE_TEXT, NULL);
  int min, nat;

  g_assert_true (GTK_IS_GRID_LAYOUT (gtk_widget_get_layout_manager (
    GTK_WIDGET (ally_quiz_choice_get_button (ALLY_QUIZ_CHOICE (quiz_choice))))));

  g_object_ref_sink (button);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), text);
  ally_lesson_lay_out_in_a_row (button);
  gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, 200, &min, &nat, NULL, NULL);
  g_assert_cmpuint (PROBE_TEXT (text)->width_for_height, ==, 0);
  /* The mark takes its width, the text the rest: more lines than at the whole width. */
  g_assert_cmpint (min, >, 6000 / 200);
  g_assert_cmpint (min, <, 6000 / 100);

  g_object_unref (button);
  g_object_unref (quiz_choice);
}

/* ---- Quiz --------------------------------------------------------------------------------- */

/* Answers go to the journal; all answered, the score is a try; shown again, they are back;
 * Retry Missed clears only the wrong ones. */
static void
test_quiz_keeps_answers (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *questions = ally_lesson_get_questions (fixture->lesson);
  guint n = g_list_model_get_n_items (questions);
  GtkWidget *quiz = g_object_ref_sink (g_object_new (ALLY_TYPE_LESSON_QUIZ, NULL));
  GtkWidget *card;
  guint i = 0;
  int best = -1, max = -1;

  g_assert_cmpuint (n, >=, 2);
  ally_lesson_quiz_show (ALLY_LESSON_QUIZ (quiz), fixture->lesson, fixture->journal);
  g_assert_null (gtk_widget_get_first_child (quiz));
  while (ally_lesson_quiz_add_next (ALLY_LESSON_QUIZ (quiz)) != NULL)
    ;
  /* The first question wrong, the others right. */
  for (card = gtk_widget_get_first_child (quiz); card; card = gtk_widget_get_next_sibling (card), i++)
    {
      g_autoptr(AllyQuestion) question = g_list_model_get_item (questions, i);
      choose (card, choice_index (question, i > 0));
    }
  g_assert_cmpuint (i, ==, n);
  g_assert_true (ally_journal_get_quiz_best (fixture->journal, "why-and-who", &best, &max, NULL));
  g_assert_cmpint (best, ==, n - 1);
  g_assert_cmpint (max, ==, n);

  ally_lesson_quiz_show (ALLY_LESSON_QUIZ (quiz), NULL, NULL);
  g_assert_null (gtk_widget_get_first_child (quiz));
  ally_lesson_quiz_show (ALLY_LESSON_QUIZ (quiz), fixture->lesson, fixture->journal);
  card = ally_lesson_quiz_add_next (ALLY_LESSON_QUIZ (quiz));
  g_assert_true (card == gtk_widget_get_first_child (quiz));
  {
    g_autoptr(AllyQuestion) question = first_question (fixture->lesson);
    g_assert_true (gtk_check_button_get_active (
      ally_quiz_choice_get_button (nth_choice (card, choice_index (question, FALSE)))));
  }

  g_assert_true (ally_lesson_quiz_retry_missed (ALLY_LESSON_QUIZ (quiz)) == ALLY_QUIZ_QUESTION (card));
  g_assert_null (ally_lesson_quiz_retry_missed (ALLY_LESSON_QUIZ (quiz)));

  g_object_unref (quiz);
}

/* ---- Journal button and prompt rows -------------------------------------------------------- */

static void
test_journal_button_says_written (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *widget = g_object_ref_sink (ally_journal_button_new ("lesson.use-prompt", "p-1"));
  GtkWidget *written = gtk_widget_get_first_child (widget);
  GtkWidget *button = gtk_widget_get_last_child (widget);

  g_assert_cmpstr (ally_journal_button_get_prompt_id (ALLY_JOURNAL_BUTTON (widget)), ==, "p-1");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "lesson.use-prompt");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)),
                                         NULL), ==, "p-1");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "document-edit-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Write About This in Your Journal");
  g_assert_false (gtk_widget_get_visible (written));

  ally_journal_button_set_written (ALLY_JOURNAL_BUTTON (widget), TRUE);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Open Your Entry");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "document-open-symbolic");
  g_assert_true (gtk_widget_get_visible (written));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (written)), ==, "Written");

  /* The entry deleted: back as it began (the button remembers what it shows). */
  ally_journal_button_set_written (ALLY_JOURNAL_BUTTON (widget), FALSE);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Write About This in Your Journal");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "document-edit-symbolic");
  g_assert_false (gtk_widget_get_visible (written));

  g_object_unref (widget);
}

static GtkWidget *
shown_button (GtkWidget *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && (GTK_IS_BUTTON (child) || ALLY_IS_JOURNAL_BUTTON (child)))
      return child;
  return NULL;
}

/* A reflection offers the journal; a commitment offers Practice; each with the prompt's id. */
static void
test_prompt_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AllyPrompt) reflection = g_list_model_get_item (ally_lesson_get_reflections (fixture->lesson), 0);
  g_autoptr(AllyPrompt) commitment = g_list_model_get_item (ally_lesson_get_commitments (fixture->lesson), 0);
  GtkWidget *reflection_row = g_object_ref_sink (ally_prompt_row_new (reflection));
  GtkWidget *commitment_row = g_object_ref_sink (ally_prompt_row_new (commitment));
  AllyJournalButton *journal_button = ally_prompt_row_get_journal_button (ALLY_PROMPT_ROW (reflection_row));
  GtkWidget *add;

  g_assert_nonnull (journal_button);
  g_assert_true (shown_button (reflection_row) == GTK_WIDGET (journal_button));
  g_assert_cmpstr (ally_journal_button_get_prompt_id (journal_button), ==, ally_prompt_get_id (reflection));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (reflection_row))), ==,
                   ally_prompt_get_text (reflection));

  g_assert_null (ally_prompt_row_get_journal_button (ALLY_PROMPT_ROW (commitment_row)));
  add = shown_button (commitment_row);
  g_assert_true (GTK_IS_BUTTON (add));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add), ==, "Add to Your Commitments");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (add)), ==, "lesson.use-prompt");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (add)), NULL),
                   ==, ally_prompt_get_id (commitment));

  g_object_unref (reflection_row);
  g_object_unref (commitment_row);
}

/* ---- Scenario card ------------------------------------------------------------------------ */

/* The samples wait behind an expander that says what it does; the ask goes to the journal. */
static void
test_scenario_card (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AllyScenario) scenario = g_list_model_get_item (ally_lesson_get_scenarios (fixture->lesson), 0);
  GtkWidget *card = g_object_ref_sink (ally_scenario_card_new (scenario));
  GtkExpander *expander = GTK_EXPANDER (find_descendant (card, GTK_TYPE_EXPANDER));
  GtkWidget *samples = gtk_expander_get_child (expander);
  guint n_labels = 0;

  g_assert_cmpstr (ally_journal_button_get_prompt_id (ally_scenario_card_get_journal_button (ALLY_SCENARIO_CARD (card))),
                   ==, ally_scenario_get_id (scenario));
  g_assert_cmpstr (gtk_expander_get_label (expander), ==, "Show sample responses");
  for (GtkWidget *child = gtk_widget_get_first_child (samples); child; child = gtk_widget_get_next_sibling (child))
    n_labels++;
  /* Each sample and its discussion. */
  g_assert_cmpuint (n_labels, ==, 2 * g_list_model_get_n_items (ally_scenario_get_responses (scenario)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (samples))),
                                   "Response 1. "));

  gtk_expander_set_expanded (expander, TRUE);
  g_assert_cmpstr (gtk_expander_get_label (expander), ==, "Hide sample responses");
  gtk_expander_set_expanded (expander, FALSE);
  g_assert_cmpstr (gtk_expander_get_label (expander), ==, "Show sample responses");

  g_object_unref (card);
}

/* ---- The reader's place ------------------------------------------------------------------- */

typedef struct
{
  GtkWindow         *window;
  GtkScrolledWindow *scroller;
  AllyLessonPlace   *place;
  double             moved;
} Page;

static void
on_moved (AllyLessonPlace *place,
          double           offset,
          Page            *page)
{
  page->moved = offset;
}

static gboolean
place_settled (gpointer data)
{
  Page *page = data;

  return ally_lesson_place_is_settled (page->place);
}

static gboolean
place_moved (gpointer data)
{
  return ((Page *) data)->moved >= 0;
}

static double
range (Page *page)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (page->scroller);

  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
}

static gboolean
page_laid_out (gpointer data)
{
  return range (data) > 1000;
}

/* A place is put back once the page is laid out, without being reported as the reader's;
 * the reader's scrolling is reported a moment after it stops. */
static void
test_place_goes_back_and_reports (Fixture       *fixture,
                                  gconstpointer  data)
{
  Page page = { .moved = -1 };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *parts[2];
  GtkAdjustment *adjustment;

  /* A page of two parts, 2,500 px each. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      parts[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_size_request (parts[i], 200, 2500);
      gtk_box_append (GTK_BOX (box), parts[i]);
    }
  page.window = GTK_WINDOW (gtk_window_new ());
  page.scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (page.scroller, box);
  gtk_window_set_child (page.window, GTK_WIDGET (page.scroller));
  gtk_window_set_default_size (page.window, 300, 400);
  page.place = ally_lesson_place_new (page.scroller);
  g_signal_connect (page.place, "moved", G_CALLBACK (on_moved), &page);
  adjustment = gtk_scrolled_window_get_vadjustment (page.scroller);

  /* A fifth of the way into the second part. */
  ally_lesson_place_go_to_part (page.place, parts[1], 0.2);
  g_assert_false (ally_lesson_place_is_settled (page.place));
  gtk_window_present (page.window);
  g_assert_true (spin_until (page_laid_out, &page));
  g_assert_true (spin_until (place_settled, &page));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), 2500 + 500, 1);
  /* Going back is not the reader's move. */
  g_assert_false (spin_until (place_moved, &page));

  gtk_adjustment_set_value (adjustment, 1234);
  g_assert_true (spin_until (place_moved, &page));
  g_assert_cmpfloat_with_epsilon (page.moved, 1234, 0.5);

  page.moved = -1;
  gtk_adjustment_set_value (adjustment, 400);
  ally_lesson_place_flush (page.place);
  g_assert_cmpfloat_with_epsilon (page.moved, 400, 0.5);

  ally_lesson_place_show_top (page.place);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  g_object_unref (page.place);
  gtk_window_destroy (page.window);
}

/* The scroll column answers "how tall, at no particular width?" (a scrolled window's
 * question, whose answer it does not use) with no height, so the page's text is not laid out
 * at another width just to answer it; the height at a width, and widths, pass through. */
static void
test_scroll_column_height_only_at_a_width (void)
{
  GtkWidget *column = g_object_ref_sink (g_object_new (ALLY_TYPE_SCROLL_COLUMN, NULL));
  GtkWidget *label = gtk_label_new ("A paragraph long enough to wrap onto several lines when "
                                    "the column is narrow, as a lesson's paragraphs do in a "
                                    "small window, and onto fewer lines when it is wide.");
  int min, nat, label_min, label_nat;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_parent (label, column);

  gtk_widget_measure (column, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (nat, ==, 0);

  gtk_widget_measure (column, GTK_ORIENTATION_VERTICAL, 150, &min, &nat, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 150, &label_min, &label_nat, NULL, NULL);
  g_assert_cmpint (nat, >, 0);
  g_assert_cmpint (min, ==, label_min);
  g_assert_cmpint (nat, ==, label_nat);

  gtk_widget_measure (column, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &label_min, &label_nat, NULL, NULL);
  g_assert_cmpint (min, ==, label_min);
  g_assert_cmpint (nat, ==, label_nat);

  g_object_unref (column);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  int ret;

  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/lesson-widgets/quiz-question/answers", test_quiz_question_answers);
  ADD ("/lesson-widgets/quiz-choice/text-measured-at-its-width",
       test_quiz_choice_text_measured_at_its_width);
  ADD ("/lesson-widgets/quiz/keeps-answers", test_quiz_keeps_answers);
  ADD ("/lesson-widgets/journal-button/says-written", test_journal_button_says_written);
  ADD ("/lesson-widgets/prompt-row/reflection-and-commitment", test_prompt_rows);
  ADD ("/lesson-widgets/scenario-card/samples-behind-expander", test_scenario_card);
  ADD ("/lesson-widgets/place/goes-back-and-reports", test_place_goes_back_and_reports);
#undef ADD
  g_test_add_func ("/lesson-widgets/scroll-column/height-only-at-a-width",
                   test_scroll_column_height_only_at_a_width);

  ret = g_test_run ();
  ui_test_remove_tree (user_dirs);

  return ret;
}
