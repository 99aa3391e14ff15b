/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-review-widgets.c: a review session's parts on their own: the answers bar (one row when
 * wide, two by two when narrow, intervals, which answers a missed question allows), the card
 * (a term, then a question with its choice rows and the explanation of a choice) and the last
 * page (the coming week), with the real course. */
#include "config.h"

#include <adwaita.h>

#include "ally-grade-bar.h"
#include "ally-review-card.h"
#include "ally-review-choice-row.h"
#include "ally-review-done-page.h"
#include "ui-test-util.h"

/* The answers as tools/pseudo-translate writes them: accented and ~40 % longer. */
static const char *long_answers[] = { "[Áĝáíñ ẋ]", "[Ĥáŕđ ẋ]", "[Ĝóóđ ẋ]", "[Éášý ẋ]" };
static const char *long_intervals[] = { "[< 10 ɱíñ ẋẋẋ]", "[15 đáýš ẋẋ]", "[15 đáýš ẋẋ]", "[15 đáýš ẋẋ]" };

typedef struct
{
  GtkWindow *window;
  GtkWidget *bar;
  GtkWidget *buttons[4];         /* Again, Hard, Good, Easy */
  int        graded;             /* the last review.grade activated, or -1 */
} BarFixture;

/* ---- Helpers ------------------------------------------------------------------------------ */

static const char *
interval_on (BarFixture *fixture,
             guint       grade)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (fixture->buttons[grade]));

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box)));
}

static void
on_grade (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  BarFixture *fixture = user_data;

  fixture->graded = g_variant_get_int32 (parameter);
}

static gboolean
bar_is_laid_out (gpointer data)
{
  BarFixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) && gtk_widget_get_width (fixture->bar) > 0;
}

/* The bar alone in a window of @width (at least its minimum), with review.grade recorded. */
static void
bar_set_up (BarFixture *fixture,
            int         width,
            gboolean    long_labels)
{
  const GActionEntry entries[] = { { "grade", on_grade, "i", NULL, NULL } };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  guint i = 0;

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);
  fixture->graded = -1;
  fixture->bar = ally_grade_bar_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (fixture->bar); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_button_get_child (GTK_BUTTON (child));

      g_assert_cmpuint (i, <, G_N_ELEMENTS (fixture->buttons));
      fixture->buttons[i] = child;
      if (long_labels)
        {
          gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), long_answers[i]);
          gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), long_intervals[i]);
        }
      i++;
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (fixture->buttons));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "review", G_ACTION_GROUP (group));
  gtk_window_set_default_size (fixture->window, width, -1);
  gtk_window_set_child (fixture->window, fixture->bar);
  gtk_window_present (fixture->window);
  g_assert_true (spin_until (bar_is_laid_out, fixture));
}

static void
bar_tear_down (BarFixture *fixture)
{
  gtk_window_destroy (fixture->window);
}

static void
position_of (BarFixture *fixture,
             guint       grade,
             double     *x,
             double     *y)
{
  g_assert_true (gtk_widget_translate_coordinates (fixture->buttons[grade], fixture->bar, 0, 0, x, y));
}

static gboolean
is_focused (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_has_focus (widget);
}

/* ---- Grade bar ---------------------------------------------------------------------------- */

/* Wide enough: the four answers side by side, in order, equally wide. */
static void
test_grade_bar_one_row_when_wide (void)
{
  BarFixture fixture;
  double x, y, previous_x = -1, first_y = 0;

  bar_set_up (&fixture, 1000, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (fixture.buttons); i++)
    {
      position_of (&fixture, i, &x, &y);
      if (i == 0)
        first_y = y;
      g_assert_cmpfloat (y, ==, first_y);
      g_assert_cmpfloat (x, >, previous_x);
      g_assert_cmpint (gtk_widget_get_width (fixture.buttons[i]), ==,
                       gtk_widget_get_width (fixture.buttons[0]));
      previous_x = x;
    }
  bar_tear_down (&fixture);
}

/* Too narrow for four long answers: two rows of two, which fit a 360 px window, and Tab still
 * goes Again, Hard, Good, Easy. */
static void
test_grade_bar_two_by_two_when_narrow (void)
{
  BarFixture fixture;
  double again_x, again_y, hard_x, hard_y, good_x, good_y, easy_x, easy_y;
  int minimum, natural;

  bar_set_up (&fixture, 1, TRUE);
  gtk_widget_measure (fixture.bar, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360 - 2 * 12);
  g_assert_cmpint (minimum, <, natural);
  g_assert_cmpint (gtk_widget_get_width (fixture.bar), <, natural);

  position_of (&fixture, 0, &again_x, &again_y);
  position_of (&fixture, 1, &hard_x, &hard_y);
  position_of (&fixture, 2, &good_x, &good_y);
  position_of (&fixture, 3, &easy_x, &easy_y);
  g_assert_cmpfloat (again_y, ==, hard_y);
  g_assert_cmpfloat (hard_x, >, again_x);
  g_assert_cmpfloat (good_y, >, again_y);
  g_assert_cmpfloat (good_y, ==, easy_y);
  g_assert_cmpfloat (good_x, ==, again_x);
  g_assert_cmpfloat (easy_x, ==, hard_x);

  gtk_widget_grab_focus (fixture.buttons[0]);
  for (guint i = 1; i < G_N_ELEMENTS (fixture.buttons); i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture.window), GTK_DIR_TAB_FORWARD));
      g_assert_true (spin_until (is_focused, fixture.buttons[i]));
    }
  bar_tear_down (&fixture);
}

static gboolean
again_right_of_hard (gpointer data)
{
  BarFixture *fixture = data;
  double again_x, again_y, hard_x, hard_y;

  position_of (fixture, 0, &again_x, &again_y);
  position_of (fixture, 1, &hard_x, &hard_y);
  return again_y == hard_y && again_x > hard_x;
}

/* Right to left, Again comes first from the right, in either layout. */
static void
test_grade_bar_mirrored_right_to_left (void)
{
  const int widths[] = { 1, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      BarFixture fixture;

      bar_set_up (&fixture, widths[i], TRUE);
      g_assert_false (again_right_of_hard (&fixture));
      gtk_widget_set_direction (fixture.bar, GTK_TEXT_DIR_RTL);
      g_assert_true (spin_until (again_right_of_hard, &fixture));
      bar_tear_down (&fixture);
    }
}

/* Each answer shows its interval; a repeat shows the interval already set; after a missed
 * question only Again can be chosen, and it has the focus. */
static void
test_grade_bar_intervals_and_answers (void)
{
  BarFixture fixture;
  AllySm2State state;

  bar_set_up (&fixture, 600, FALSE);
  ally_sm2_init (&state);
  ally_grade_bar_set_intervals (ALLY_GRADE_BAR (fixture.bar), &state, FALSE);
  g_assert_cmpstr (interval_on (&fixture, 0), ==, "< 10 min");
  g_assert_cmpstr (interval_on (&fixture, 1), ==, "1 day");
  g_assert_cmpstr (interval_on (&fixture, 2), ==, "1 day");
  g_assert_cmpstr (interval_on (&fixture, 3), ==, "1 day");

  /* Good a week ago and six days ago: the next step is 6 × 2.5 days. */
  ally_sm2_review (&state, 4);
  ally_sm2_review (&state, 4);
  ally_grade_bar_set_intervals (ALLY_GRADE_BAR (fixture.bar), &state, FALSE);
  g_assert_cmpstr (interval_on (&fixture, 2), ==, "15 days");
  ally_grade_bar_set_intervals (ALLY_GRADE_BAR (fixture.bar), &state, TRUE);
  for (guint i = 1; i < G_N_ELEMENTS (fixture.buttons); i++)
    g_assert_cmpstr (interval_on (&fixture, i), ==, "6 days");

  for (guint i = 0; i < G_N_ELEMENTS (fixture.buttons); i++)
    g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (fixture.buttons[i]),
                                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  ally_grade_bar_set_recalled (ALLY_GRADE_BAR (fixture.bar), FALSE);
  g_assert_false (ally_grade_bar_get_recalled (ALLY_GRADE_BAR (fixture.bar)));
  g_assert_true (gtk_widget_get_sensitive (fixture.buttons[0]));
  for (guint i = 1; i < G_N_ELEMENTS (fixture.buttons); i++)
    g_assert_false (gtk_widget_get_sensitive (fixture.buttons[i]));
  ally_grade_bar_focus_default (ALLY_GRADE_BAR (fixture.bar));
  g_assert_true (spin_until (is_focused, fixture.buttons[0]));
  g_signal_emit_by_name (fixture.buttons[0], "clicked");
  g_assert_cmpint (fixture.graded, ==, ALLY_SM2_AGAIN);

  ally_grade_bar_set_recalled (ALLY_GRADE_BAR (fixture.bar), TRUE);
  g_assert_true (ally_grade_bar_get_recalled (ALLY_GRADE_BAR (fixture.bar)));
  ally_grade_bar_focus_default (ALLY_GRADE_BAR (fixture.bar));
  g_assert_true (spin_until (is_focused, fixture.buttons[2]));
  g_signal_emit_by_name (fixture.buttons[3], "clicked");
  g_assert_cmpint (fixture.graded, ==, ALLY_SM2_EASY);
  bar_tear_down (&fixture);
}

/* ---- Card --------------------------------------------------------------------------------- */

static GtkWidget *
heading_of (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_HEADING)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = heading_of (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* No card yet: no heading for a screen reader to read out empty. A term: its name as the
 * heading, its definition the answer. A question: its stem and choices; a wrong choice
 * explains the right answer; a term card has no choices to make. */
static void
test_card_term_then_question (void)
{
  g_autoptr(AllyCatalog) catalog = ui_test_load_course ();
  g_autoptr(AllyTerm) term = g_list_model_get_item (ally_catalog_get_terms (catalog), 0);
  g_autoptr(AllyLesson) lesson = g_list_model_get_item (ally_catalog_get_lessons (catalog), 1);
  g_autoptr(AllyQuestion) question = g_list_model_get_item (ally_lesson_get_questions (lesson), 0);
  GListModel *choices = ally_question_get_choices (question);
  guint right_index = ally_question_get_correct_index (question);
  g_autoptr(AllyChoice) right = g_list_model_get_item (choices, right_index);
  g_autofree char *not_quite = g_strdup_printf ("Not quite. The right answer: %s", ally_choice_get_text (right));
  GtkWidget *card = g_object_ref_sink (ally_review_card_new ());
  GtkWidget *heading = heading_of (card);
  GtkWidget *list;
  GtkLabel *answer;
  gboolean chose_right = TRUE;

  g_assert_nonnull (heading);
  g_assert_false (gtk_widget_get_visible (heading));

  ally_review_card_show_term (ALLY_REVIEW_CARD (card), term);
  g_assert_true (gtk_widget_get_visible (heading));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (heading)), ==, ally_term_get_name (term));
  g_assert_true (gtk_widget_has_css_class (heading, "title-1"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_ROLE_HEADING);
  g_assert_nonnull (ui_test_find_label (card, ally_term_get_definition_text (term)));
  list = find_descendant (card, GTK_TYPE_LIST_BOX);
  g_assert_false (gtk_widget_get_visible (list));
  g_assert_false (ally_review_card_choose (ALLY_REVIEW_CARD (card), 0, &chose_right));

  ally_review_card_show_question (ALLY_REVIEW_CARD (card), question);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (heading)), ==, ally_question_get_stem_text (question));
  g_assert_true (gtk_widget_has_css_class (heading, "title-4"));
  g_assert_false (gtk_widget_has_css_class (heading, "title-1"));
  g_assert_true (gtk_widget_get_visible (list));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(AllyChoice) choice = g_list_model_get_item (choices, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      GVariant *target;

      g_assert_true (ALLY_IS_REVIEW_CHOICE_ROW (row));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, ally_choice_get_text (choice));
      g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
      g_assert_true (gtk_list_box_row_get_activatable (row));
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "review.choose");
      target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
      g_assert_nonnull (target);
      g_assert_cmpuint (g_variant_get_uint32 (target), ==, i);
    }
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), g_list_model_get_n_items (choices)));
  g_assert_false (ally_review_card_choose (ALLY_REVIEW_CARD (card), g_list_model_get_n_items (choices), NULL));

  g_assert_true (ally_review_card_choose (ALLY_REVIEW_CARD (card), right_index == 0 ? 1 : 0, &chose_right));
  g_assert_false (chose_right);
  g_assert_false (gtk_widget_get_sensitive (list));
  answer = GTK_LABEL (gtk_widget_get_last_child (gtk_revealer_get_child (GTK_REVEALER (
             find_descendant (card, GTK_TYPE_REVEALER)))));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (answer), not_quite));

  ally_review_card_show_question (ALLY_REVIEW_CARD (card), question);
  g_assert_true (gtk_widget_get_sensitive (list));
  g_assert_true (ally_review_card_choose (ALLY_REVIEW_CARD (card), right_index, &chose_right));
  g_assert_true (chose_right);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (answer), "Right. "));

  g_assert_finalize_object (card);
}

/* ---- Done page ---------------------------------------------------------------------------- */

/* The cards reviewed, then one line for each of the coming days, named from tomorrow. */
static void
test_done_page_shows_coming_week (void)
{
  GtkWidget *page = g_object_ref_sink (ally_review_done_page_new ());
  g_autoptr(GDateTime) sunday = g_date_time_new_local (2026, 11, 29, 12, 0, 0);
  g_autoptr(GArray) forecast = g_array_new (FALSE, FALSE, sizeof (guint));
  const guint counts[] = { 3, 0, 1 };
  AdwStatusPage *status = ADW_STATUS_PAGE (find_descendant (page, ADW_TYPE_STATUS_PAGE));
  g_autoptr(GDateTime) tuesday = g_date_time_add_days (sunday, 2);
  g_autoptr(GDateTime) wednesday = g_date_time_add_days (sunday, 3);
  g_autofree char *tuesday_name = g_date_time_format (tuesday, "%A");
  g_autofree char *wednesday_name = g_date_time_format (wednesday, "%A");
  g_autofree char *week = g_strdup_printf ("Tomorrow: 3 cards\n%s: 0 cards\n%s: 1 card",
                                           tuesday_name, wednesday_name);

  g_array_append_vals (forecast, counts, G_N_ELEMENTS (counts));
  ally_review_done_page_show (ALLY_REVIEW_DONE_PAGE (page), 3, sunday, forecast);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Review Finished");
  g_assert_cmpstr (adw_status_page_get_description (status), ==, "You reviewed 3 cards.");
  g_assert_nonnull (ui_test_find_label (page, week));

  ally_review_done_page_show (ALLY_REVIEW_DONE_PAGE (page), 1, sunday, NULL);
  g_assert_cmpstr (adw_status_page_get_description (status), ==, "You reviewed 1 card.");
  g_assert_null (ui_test_find_label (page, week));

  ally_review_done_page_show (ALLY_REVIEW_DONE_PAGE (page), 0, sunday, forecast);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Cards Due");
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (status), "A term becomes a card"));

  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible tree is kept only with the test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/review-widgets/grade-bar/one-row-when-wide", test_grade_bar_one_row_when_wide);
  g_test_add_func ("/review-widgets/grade-bar/two-by-two-when-narrow", test_grade_bar_two_by_two_when_narrow);
  g_test_add_func ("/review-widgets/grade-bar/mirrored-right-to-left", test_grade_bar_mirrored_right_to_left);
  g_test_add_func ("/review-widgets/grade-bar/intervals-and-answers", test_grade_bar_intervals_and_answers);
  g_test_add_func ("/review-widgets/card/term-then-question", test_card_term_then_question);
  g_test_add_func ("/review-widgets/done-page/shows-coming-week", test_done_page_shows_coming_week);

  return g_test_run ();
}
