/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-review-session.c: drives a review session (AllyReviewSession) with the real course and
 * a journal in a temporary folder: cards come from the lessons read, "Again" repeats a card
 * in the same session, the answer buttons show their intervals, a missed quiz question is
 * asked again, new cards wait for their day, and the last page shows the coming week; with
 * labels as long as a translation's the session still fits a 360 px window, and nothing
 * hidden behind the first page is read out as an empty heading. */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "ally-journal-progress.h"
#include "ally-review-session.h"
#include "ui-test-util.h"

typedef struct
{
  char              *dir;
  AllyCatalog       *catalog;
  AllyJournal       *journal;
  GtkWindow         *window;
  AllyReviewSession *session;
  AllyLesson        *lesson;     /* a lesson whose text uses several terms */
  GPtrArray         *terms;      /* of AllyTerm: those it uses */
} Fixture;

static gboolean
lesson_uses (AllyCatalog *catalog,
             AllyTerm    *term,
             AllyLesson  *lesson)
{
  g_autoptr(GListModel) lessons = ally_catalog_list_lessons_for_term (catalog, ally_term_get_id (term));

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) item = g_list_model_get_item (lessons, i);

      if (item == lesson)
        return TRUE;
    }
  return FALSE;
}

/* The first lesson that uses at least three terms and has a quiz. */
static void
pick_lesson (Fixture *fixture)
{
  GListModel *lessons = ally_catalog_get_lessons (fixture->catalog);
  GListModel *terms = ally_catalog_get_terms (fixture->catalog);

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);

      g_ptr_array_set_size (fixture->terms, 0);
      for (guint t = 0; t < g_list_model_get_n_items (terms); t++)
        {
          g_autoptr(AllyTerm) term = g_list_model_get_item (terms, t);

          if (lesson_uses (fixture->catalog, term, lesson))
            g_ptr_array_add (fixture->terms, g_object_ref (term));
        }
      if (fixture->terms->len >= 3 &&
          g_list_model_get_n_items (ally_lesson_get_questions (lesson)) > 0)
        {
          fixture->lesson = g_object_ref (lesson);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;

  fixture->catalog = ally_catalog_new ();
  g_assert_true (ally_catalog_load_resource (fixture->catalog, ALLY_CONTENT_RESOURCE_PATH, &error));
  g_assert_no_error (error);
  fixture->terms = g_ptr_array_new_with_free_func (g_object_unref);
  pick_lesson (fixture);

  fixture->dir = g_dir_make_tmp ("allyship-review-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (fixture->dir);
  fixture->journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);

  fixture->session = ally_review_session_new ();
  g_object_set (fixture->session, "catalog", fixture->catalog, "journal", fixture->journal, NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->session));
  gtk_window_present (fixture->window);
  g_assert_true (spin_until (window_is_mapped, fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->lesson);
  g_clear_pointer (&fixture->terms, g_ptr_array_unref);
  g_clear_object (&fixture->catalog);
  ui_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* ---- finding widgets -------------------------------------------------------------------- */

typedef gboolean (*WidgetPredicate) (GtkWidget  *widget,
                                     const char *data);

static GtkWidget *
find_widget (GtkWidget       *widget,
             WidgetPredicate  predicate,
             const char      *data)
{
  if (predicate (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label_with_text (GtkWidget  *widget,
                    const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), text);
}

static gboolean
is_heading (GtkWidget  *widget,
            const char *unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_HEADING &&
         gtk_widget_has_css_class (widget, "title-1") + gtk_widget_has_css_class (widget, "title-4") > 0;
}

static gboolean
is_status_page_titled (GtkWidget  *widget,
                       const char *title)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static gboolean
is_grade_button (GtkWidget  *widget,
                 const char *target)
{
  GVariant *value;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_is_drawable (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "review.grade") != 0)
    return FALSE;
  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return value != NULL && g_variant_get_int32 (value) == atoi (target);
}

/* The text under a grade button ("Again" 0 … "Easy" 3): the interval it would give. */
static const char *
interval_on (Fixture    *fixture,
             const char *grade)
{
  GtkWidget *button = find_widget (GTK_WIDGET (fixture->session), is_grade_button, grade);
  GtkWidget *box;

  g_assert_nonnull (button);
  box = gtk_button_get_child (GTK_BUTTON (button));
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box)));
}

/* What the card asks: a term's name or a question's stem. */
static const char *
prompt (Fixture *fixture)
{
  GtkWidget *label = find_widget (GTK_WIDGET (fixture->session), is_heading, NULL);

  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static gboolean
act (Fixture    *fixture,
     const char *action,
     GVariant   *parameter)
{
  return gtk_widget_activate_action_variant (GTK_WIDGET (fixture->session), action, parameter);
}

static gboolean
is_card (Fixture    *fixture,
         AllyTerm   *term)
{
  g_autofree char *card_id = ally_card_id_for_term (ally_term_get_id (term));
  AllySm2State state;

  return ally_journal_get_card (fixture->journal, card_id, &state, NULL, NULL);
}

static gboolean
done_page_shown (Fixture    *fixture,
                 const char *title)
{
  return find_widget (GTK_WIDGET (fixture->session), is_status_page_titled, title) != NULL;
}

/* ---- tests --------------------------------------------------------------------------------- */

/* Nothing read, nothing to review; finishing the lesson makes its terms cards, and only its. */
static void
test_cards_follow_reading (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *terms = ally_catalog_get_terms (fixture->catalog);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  guint n_cards = 0;

  ally_review_session_start (fixture->session);
  g_assert_true (done_page_shown (fixture, "No Cards Due"));
  for (guint i = 0; i < fixture->terms->len; i++)
    g_assert_false (is_card (fixture, g_ptr_array_index (fixture->terms, i)));
  g_assert_cmpuint (ally_journal_count_due_reviews (fixture->journal, now, &error), ==, 0);

  /* Reading is not enough: the lesson is finished. */
  g_assert_true (ally_journal_read_lesson (fixture->journal, ally_lesson_get_id (fixture->lesson), &error));
  ally_review_session_start (fixture->session);
  g_assert_true (done_page_shown (fixture, "No Cards Due"));

  g_assert_true (ally_journal_complete_lesson (fixture->journal, ally_lesson_get_id (fixture->lesson), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(AllyTerm) term = g_list_model_get_item (terms, i);
      gboolean used = lesson_uses (fixture->catalog, term, fixture->lesson);

      g_assert_cmpint (is_card (fixture, term), ==, used);
      n_cards += used;
    }
  g_assert_cmpuint (n_cards, ==, fixture->terms->len);
  g_assert_cmpuint (ally_journal_count_due_reviews (fixture->journal, now, &error), ==, MIN (n_cards, 10));

  ally_review_session_start (fixture->session);
  g_assert_nonnull (prompt (fixture));
  g_assert_cmpstr (prompt (fixture), ==, ally_term_get_name (g_ptr_array_index (fixture->terms, 0)));
}

/* "Again" brings the card back a few cards later; its schedule stays as "Again" set it. */
static void
test_again_repeats_card (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) asked = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  g_autofree char *first_card = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *tomorrow = NULL;
  guint n_first = 0;
  guint n = MIN (fixture->terms->len, 10);
  AllySm2State state;

  g_assert_true (ally_journal_complete_lesson (fixture->journal, ally_lesson_get_id (fixture->lesson), &error));
  ally_review_session_start (fixture->session);
  first = g_strdup (prompt (fixture));
  first_card = ally_card_id_for_term (ally_term_get_id (g_ptr_array_index (fixture->terms, 0)));
  g_assert_cmpstr (first, ==, ally_term_get_name (g_ptr_array_index (fixture->terms, 0)));

  g_assert_true (act (fixture, "review.show-answer", NULL));
  /* the key 1 is "Again" */
  g_assert_true (activate_window_shortcut (GTK_WIDGET (fixture->session), "1"));
  for (guint i = 0; i < 2 * n && !done_page_shown (fixture, "Review Finished"); i++)
    {
      g_ptr_array_add (asked, g_strdup (prompt (fixture)));
      g_assert_true (act (fixture, "review.show-answer", NULL));
      g_assert_true (act (fixture, "review.grade", g_variant_new_int32 (ALLY_SM2_GOOD)));
    }
  g_assert_true (done_page_shown (fixture, "Review Finished"));
  for (guint i = 0; i < asked->len; i++)
    n_first += g_strcmp0 (g_ptr_array_index (asked, i), first) == 0;
  g_assert_cmpuint (n_first, ==, 1);                          /* asked again, once */
  g_assert_cmpuint (asked->len, ==, n);                       /* n − 1 others + the repeat */

  g_assert_true (ally_journal_get_card (fixture->journal, first_card, &state, NULL, &error));
  g_assert_cmpint (state.repetitions, ==, 0);                 /* the repeat was practice */
  g_assert_cmpint (state.interval_days, ==, 1);

  reviewed = g_strdup_printf ("You reviewed %u cards.", n);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->session), is_label_with_text, reviewed));
  /* the coming week: every card answered today is due tomorrow */
  tomorrow = g_strdup_printf ("Tomorrow: %u cards\n", n);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->session), is_label_starting, tomorrow));
}

/* Each answer button shows the interval it would give: a new card, then one seen before. */
static void
test_grade_buttons_show_intervals (Fixture       *fixture,
                                   gconstpointer  data)
{
  AllyTerm *term = g_ptr_array_index (fixture->terms, 0);
  g_autofree char *card_id = ally_card_id_for_term (ally_term_get_id (term));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) six_days_ago = g_date_time_add_days (now, -6);
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (now, -7);
  g_autoptr(GError) error = NULL;

  g_assert_true (ally_journal_add_card (fixture->journal, card_id, now, NULL, &error));
  ally_review_session_start (fixture->session);
  g_assert_cmpstr (prompt (fixture), ==, ally_term_get_name (term));
  g_assert_null (find_widget (GTK_WIDGET (fixture->session), is_grade_button, "2"));
  g_assert_true (act (fixture, "review.show-answer", NULL));
  g_assert_cmpstr (interval_on (fixture, "0"), ==, "< 10 min");
  g_assert_cmpstr (interval_on (fixture, "1"), ==, "1 day");
  g_assert_cmpstr (interval_on (fixture, "2"), ==, "1 day");
  g_assert_cmpstr (interval_on (fixture, "3"), ==, "1 day");

  /* Good a week ago (1 day), Good six days ago (6 days: due today): next, 6 × 2.5 days. */
  g_assert_true (ally_journal_review_card (fixture->journal, card_id, 4, week_ago, &error));
  g_assert_true (ally_journal_review_card (fixture->journal, card_id, 4, six_days_ago, &error));
  g_assert_no_error (error);
  ally_review_session_start (fixture->session);
  g_assert_true (act (fixture, "review.show-answer", NULL));
  g_assert_cmpstr (interval_on (fixture, "0"), ==, "< 10 min");
  g_assert_cmpstr (interval_on (fixture, "1"), ==, "15 days");
  g_assert_cmpstr (interval_on (fixture, "2"), ==, "15 days");
  g_assert_cmpstr (interval_on (fixture, "3"), ==, "15 days");
  g_assert_true (act (fixture, "review.grade", g_variant_new_int32 (ALLY_SM2_GOOD)));
  g_assert_true (done_page_shown (fixture, "Review Finished"));
}

/* A question answered wrong in the quiz comes back with its choices; a wrong choice can
 * only be "Again", and brings it back once more. */
static void
test_missed_question_asked_again (Fixture       *fixture,
                                  gconstpointer  data)
{
  GListModel *questions = ally_lesson_get_questions (fixture->lesson);
  g_autoptr(AllyQuestion) question = g_list_model_get_item (questions, 0);
  const char *lesson_id = ally_lesson_get_id (fixture->lesson);
  g_autofree char *card_id = ally_card_id_for_question (lesson_id, ally_question_get_id (question));
  g_autoptr(GDateTime) yesterday = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  guint right = ally_question_get_correct_index (question);
  guint wrong = right == 0 ? 1 : 0;
  GtkWidget *good;

  g_assert_true (ally_journal_save_quiz_answer (fixture->journal, lesson_id,
                                                ally_question_get_id (question), "0", FALSE, &error));
  g_assert_no_error (error);
  /* Missed yesterday, so due today. */
  yesterday = g_date_time_add_days (now, -1);
  g_assert_true (ally_journal_review_card (fixture->journal, card_id, 1, yesterday, &error));

  ally_review_session_start (fixture->session);
  g_assert_cmpstr (prompt (fixture), ==, ally_question_get_stem_text (question));
  g_assert_null (find_widget (GTK_WIDGET (fixture->session), is_grade_button, "2"));
  g_assert_true (act (fixture, "review.choose", g_variant_new_uint32 (wrong)));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->session), is_label_starting, "Not quite."));
  good = find_widget (GTK_WIDGET (fixture->session), is_grade_button, "2");
  g_assert_false (gtk_widget_get_sensitive (good));
  g_assert_true (act (fixture, "review.grade", g_variant_new_int32 (ALLY_SM2_AGAIN)));

  /* the only card, so it comes back at once */
  g_assert_cmpstr (prompt (fixture), ==, ally_question_get_stem_text (question));
  g_assert_true (act (fixture, "review.choose", g_variant_new_uint32 (right)));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->session), is_label_starting, "Right."));
  g_assert_true (gtk_widget_get_sensitive (good));
  g_assert_true (act (fixture, "review.grade", g_variant_new_int32 (ALLY_SM2_GOOD)));
  g_assert_true (done_page_shown (fixture, "Review Finished"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->session), is_label_with_text, "You reviewed 1 card."));
}

/* A widget screen readers are given: it and every widget up to the session are visible (a
 * stack page behind another is still read out). */
static gboolean
is_exposed (GtkWidget *widget,
            GtkWidget *top)
{
  for (; widget != NULL; widget = widget == top ? NULL : gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget))
      return FALSE;
  return TRUE;
}

static void
check_headings_have_text (GtkWidget *widget,
                          GtkWidget *top)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_HEADING &&
      is_exposed (widget, top))
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widget)), !=, "");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_headings_have_text (child, top);
}

/* Before the first card, the card's empty heading is not given to screen readers (AT-SPI
 * read it as "GtkLabel"); once a card shows, its heading is. */
static void
test_no_empty_heading_before_review (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  check_headings_have_text (GTK_WIDGET (fixture->session), GTK_WIDGET (fixture->session));

  g_assert_true (ally_journal_complete_lesson (fixture->journal, ally_lesson_get_id (fixture->lesson), &error));
  ally_review_session_start (fixture->session);
  g_assert_cmpstr (prompt (fixture), ==, ally_term_get_name (g_ptr_array_index (fixture->terms, 0)));
  check_headings_have_text (GTK_WIDGET (fixture->session), GTK_WIDGET (fixture->session));
}

static void
collect_grade_buttons (GtkWidget *widget,
                       GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "review.grade") == 0)
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_grade_buttons (child, buttons);
}

/* With the answers as long as tools/pseudo-translate makes them (~40 % longer, accented), the
 * session still fits a 360 px window: the four answers go two by two. */
static void
test_fits_narrow_window_with_long_answers (Fixture       *fixture,
                                           gconstpointer  data)
{
  const char *answers[] = { "[Áĝáíñ ẋ]", "[Ĥáŕđ ẋ]", "[Ĝóóđ ẋ]", "[Éášý ẋ]" };
  const char *intervals[] = { "[< 10 ɱíñ ẋẋẋ]", "[15 đáýš ẋẋ]", "[15 đáýš ẋẋ]", "[15 đáýš ẋẋ]" };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int minimum;

  g_assert_true (ally_journal_complete_lesson (fixture->journal, ally_lesson_get_id (fixture->lesson), &error));
  ally_review_session_start (fixture->session);
  g_assert_true (act (fixture, "review.show-answer", NULL));
  collect_grade_buttons (GTK_WIDGET (fixture->session), buttons);
  g_assert_cmpuint (buttons->len, ==, G_N_ELEMENTS (answers));
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *box = gtk_button_get_child (g_ptr_array_index (buttons, i));

      gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), answers[i]);
      gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), intervals[i]);
    }

  gtk_widget_measure (GTK_WIDGET (fixture->session), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* Every lesson finished: the session brings in ten new cards, the daily limit. */
static void
test_new_cards_limited (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *lessons = ally_catalog_get_lessons (fixture->catalog);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);

      g_assert_true (ally_journal_complete_lesson (fixture->journal, ally_lesson_get_id (lesson), &error));
    }
  ally_review_session_start (fixture->session);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->session), is_label_with_text, "Card 1 of 10"));

  ally_journal_set_new_cards_per_day (fixture->journal, 3);
  ally_review_session_start (fixture->session);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->session), is_label_with_text, "Card 1 of 3"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Stack pages switch at once, so "not shown" means gone, not fading out. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/review-session/cards-follow-reading", test_cards_follow_reading);
  ADD ("/review-session/again-repeats-card", test_again_repeats_card);
  ADD ("/review-session/grade-buttons-show-intervals", test_grade_buttons_show_intervals);
  ADD ("/review-session/missed-question-asked-again", test_missed_question_asked_again);
  ADD ("/review-session/new-cards-limited", test_new_cards_limited);
  ADD ("/review-session/no-empty-heading-before-review", test_no_empty_heading_before_review);
  ADD ("/review-session/fits-narrow-window-with-long-answers", test_fits_narrow_window_with_long_answers);

#undef ADD

  return g_test_run ();
}
