/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-cards.c: the SM-2 scheduler against worked examples, and review cards in the
 * journal — due dates in local days across daylight saving, the daily limit on new cards,
 * missed quiz questions, the forecast and the migration of the old flashcards. The tests run
 * in Europe/Paris, whose clocks go forward on 29 March 2026 and back on 25 October 2026. */
#include <glib/gstdio.h>

#include "ally-journal-private.h"
#include "ally-journal-progress.h"
#include "journal-test-util.h"

typedef JtJournal Fixture;

static GDateTime *
paris (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static void
assert_review (AllySm2State *s,
               AllySm2Grade  grade,
               int           interval,
               double        ease)
{
  ally_sm2_review (s, ally_sm2_grade_quality (grade));
  g_assert_cmpint (s->interval_days, ==, interval);
  g_assert_cmpfloat_with_epsilon (s->ease, ease, 1e-9);
}

/* ---- SM-2 ---- */

/* One card through a year: Good, Good, Good, Easy, Hard, Again, Good, Good, Good. */
static void
test_sm2_worked_example (void)
{
  AllySm2State s;

  ally_sm2_init (&s);
  g_assert_cmpint (s.repetitions, ==, 0);
  g_assert_cmpfloat (s.ease, ==, 2.5);
  assert_review (&s, ALLY_SM2_GOOD, 1, 2.5);    /* I(1) = 1 */
  assert_review (&s, ALLY_SM2_GOOD, 6, 2.5);    /* I(2) = 6 */
  assert_review (&s, ALLY_SM2_GOOD, 15, 2.5);   /* 6 × 2.5 = 15 */
  assert_review (&s, ALLY_SM2_EASY, 38, 2.6);   /* 15 × 2.5 = 37.5 → 38; ease + 0.1 */
  assert_review (&s, ALLY_SM2_HARD, 99, 2.46);  /* 38 × 2.6 = 98.8 → 99; ease − 0.14 */
  g_assert_cmpint (s.repetitions, ==, 5);
  assert_review (&s, ALLY_SM2_AGAIN, 1, 1.92);  /* forgotten: start again; ease − 0.54 */
  g_assert_cmpint (s.repetitions, ==, 0);
  assert_review (&s, ALLY_SM2_GOOD, 1, 1.92);
  assert_review (&s, ALLY_SM2_GOOD, 6, 1.92);
  assert_review (&s, ALLY_SM2_GOOD, 12, 1.92);  /* 6 × 1.92 = 11.52 → 12 */
}

/* EF' = EF + (0.1 − (5−q)(0.08 + (5−q)·0.02)) for each quality, and the 1.3 floor. */
static void
test_sm2_ease_by_quality (void)
{
  const double change[] = { -0.8, -0.54, -0.32, -0.14, 0.0, 0.1 };

  for (int q = 0; q <= 5; q++)
    {
      AllySm2State s;

      ally_sm2_init (&s);
      ally_sm2_review (&s, q);
      g_assert_cmpfloat_with_epsilon (s.ease, 2.5 + change[q], 1e-9);
      g_assert_cmpint (s.repetitions, ==, q >= 3 ? 1 : 0);
      g_assert_cmpint (s.interval_days, ==, 1);
    }

  {
    AllySm2State s;

    ally_sm2_init (&s);
    for (guint i = 0; i < 3; i++)
      ally_sm2_review (&s, 0);                  /* 2.5 − 2.4 = 0.1 → 1.3 */
    g_assert_cmpfloat (s.ease, ==, ALLY_SM2_MIN_EASE);
    ally_sm2_review (&s, 5);
    g_assert_cmpfloat_with_epsilon (s.ease, 1.4, 1e-9);
  }
}

/* Again, Hard, Good, Easy stand for qualities 1, 3, 4, 5; a preview changes nothing. */
static void
test_sm2_grades (void)
{
  AllySm2State s = { 2, 6, 2.5 };

  g_assert_cmpint (ally_sm2_grade_quality (ALLY_SM2_AGAIN), ==, 1);
  g_assert_cmpint (ally_sm2_grade_quality (ALLY_SM2_HARD), ==, 3);
  g_assert_cmpint (ally_sm2_grade_quality (ALLY_SM2_GOOD), ==, 4);
  g_assert_cmpint (ally_sm2_grade_quality (ALLY_SM2_EASY), ==, 5);
  g_assert_cmpint (ally_sm2_next_interval (&s, 1), ==, 1);
  g_assert_cmpint (ally_sm2_next_interval (&s, 3), ==, 15);
  g_assert_cmpint (ally_sm2_next_interval (&s, 5), ==, 15);
  g_assert_cmpint (s.repetitions, ==, 2);
  g_assert_cmpint (s.interval_days, ==, 6);
}

/* ---- Cards in the journal ---- */

static void
assert_due (AllyJournal *journal,
            const char  *card_id,
            GDateTime   *expected)
{
  g_autoptr (GDateTime) due = NULL;
  g_autoptr (GError) error = NULL;
  AllySm2State s;

  g_assert_true (ally_journal_get_card (journal, card_id, &s, &due, &error));
  g_assert_no_error (error);
  if (expected == NULL)
    {
      g_assert_null (due);
      return;
    }
  g_assert_nonnull (due);
  g_assert_true (g_date_time_equal (due, expected));
}

static guint
count_due (AllyJournal *journal,
           GDateTime   *now)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) due = ally_journal_list_due_cards (journal, now, &error);
  guint n = ally_journal_count_due_reviews (journal, now, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, g_strv_length (due));
  return n;
}

/* A review late on the evening before clocks go forward: due from the next local
 * midnight, not 24 hours later; six days on, from midnight in summer time. */
static void
test_cards_due_in_local_days (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GDateTime) evening = paris (2026, 3, 28, 23, 30);
  g_autoptr (GDateTime) before_midnight = paris (2026, 3, 28, 23, 59);
  g_autoptr (GDateTime) midnight = paris (2026, 3, 29, 0, 0);
  g_autoptr (GDateTime) morning = paris (2026, 3, 29, 8, 0);
  g_autoptr (GDateTime) six_days = paris (2026, 4, 4, 0, 0);
  g_autoptr (GDateTime) day_before = paris (2026, 4, 3, 23, 59);
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GError) error = NULL;
  AllySm2State s;

  g_assert_true (ally_journal_review_card (f->journal, "term:ally", 4, evening, &error));
  g_assert_no_error (error);
  assert_due (f->journal, "term:ally", midnight);
  utc = g_date_time_to_utc (midnight);
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 23);       /* 00:00 CET */
  g_assert_cmpuint (count_due (f->journal, before_midnight), ==, 0);
  g_assert_cmpuint (count_due (f->journal, midnight), ==, 1);

  g_assert_true (ally_journal_review_card (f->journal, "term:ally", 4, morning, &error));
  assert_due (f->journal, "term:ally", six_days);
  g_clear_pointer (&utc, g_date_time_unref);
  utc = g_date_time_to_utc (six_days);
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 22);       /* 00:00 CEST */
  g_assert_cmpint (g_date_time_difference (six_days, morning), ==,
                   6 * G_TIME_SPAN_DAY - 8 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (count_due (f->journal, day_before), ==, 0);
  g_assert_cmpuint (count_due (f->journal, six_days), ==, 1);

  g_assert_true (ally_journal_get_card (f->journal, "term:ally", &s, NULL, &error));
  g_assert_cmpint (s.repetitions, ==, 2);
  g_assert_cmpint (s.interval_days, ==, 6);
  g_assert_false (ally_journal_get_card (f->journal, "term:unknown", &s, NULL, &error));
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND);
}

/* Clocks go back on 25 October: 15 days after 11 October is 26 October, from midnight. */
static void
test_cards_due_across_autumn (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GDateTime) first = paris (2026, 10, 4, 10, 0);
  g_autoptr (GDateTime) second = paris (2026, 10, 5, 10, 0);
  g_autoptr (GDateTime) third = paris (2026, 10, 11, 18, 0);
  g_autoptr (GDateTime) expected = paris (2026, 10, 26, 0, 0);
  g_autoptr (GError) error = NULL;

  g_assert_true (ally_journal_review_card (f->journal, "term:privilege", 4, first, &error));
  g_assert_true (ally_journal_review_card (f->journal, "term:privilege", 4, second, &error));
  g_assert_true (ally_journal_review_card (f->journal, "term:privilege", 4, third, &error));
  g_assert_no_error (error);
  assert_due (f->journal, "term:privilege", expected);        /* 11 Oct + 15 days */
}

/* Fifteen new cards, ten a day: today offers the first ten added, and each first review
 * uses up one of them; tomorrow brings the next ten and the cards reviewed today. */
static void
test_cards_new_card_limit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GDateTime) now = paris (2026, 5, 4, 9, 0);
  g_autoptr (GDateTime) later = paris (2026, 5, 4, 21, 0);
  g_autoptr (GDateTime) tomorrow = paris (2026, 5, 5, 9, 0);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) due = NULL;
  gboolean added = FALSE;

  g_assert_cmpuint (ally_journal_get_new_cards_per_day (f->journal), ==, 10);
  for (guint i = 0; i < 15; i++)
    {
      g_autofree char *id = g_strdup_printf ("term:t%02u", i);
      g_autoptr (GDateTime) when = g_date_time_add_seconds (now, -100.0 + i);

      g_assert_true (ally_journal_add_card (f->journal, id, when, &added, &error));
      g_assert_no_error (error);
      g_assert_true (added);
    }
  g_assert_true (ally_journal_add_card (f->journal, "term:t00", now, &added, &error));
  g_assert_false (added);
  assert_due (f->journal, "term:t00", NULL);

  due = ally_journal_list_due_cards (f->journal, now, &error);
  g_assert_cmpuint (g_strv_length (due), ==, 10);
  g_assert_cmpstr (due[0], ==, "term:t00");
  g_assert_cmpstr (due[9], ==, "term:t09");

  for (guint i = 0; i < 4; i++)
    g_assert_true (ally_journal_review_card (f->journal, due[i], 4, now, &error));
  g_assert_cmpuint (count_due (f->journal, later), ==, 6);
  g_assert_cmpuint (count_due (f->journal, tomorrow), ==, 4 + 10);

  ally_journal_set_new_cards_per_day (f->journal, 3);
  g_assert_cmpuint (count_due (f->journal, later), ==, 0);
  g_assert_cmpuint (count_due (f->journal, tomorrow), ==, 4 + 3);
  g_object_set (f->journal, "new-cards-per-day", 0, NULL);
  g_assert_cmpuint (count_due (f->journal, tomorrow), ==, 4);
}

/* A question answered wrong comes back the next day; one answered right does not. */
static void
test_cards_missed_question (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *quiz = NULL;
  g_autofree char *question = NULL;
  g_auto (GStrv) due = NULL;
  AllySm2State s;

  g_assert_true (ally_journal_save_quiz_answer (f->journal, "lesson-02", "q1", "1", FALSE, &error));
  g_assert_true (ally_journal_save_quiz_answer (f->journal, "lesson-02", "q2", "0", TRUE, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_due (f->journal, now), ==, 0);
  due = ally_journal_list_due_cards (f->journal, tomorrow, &error);
  g_assert_cmpstrv (due, ((const char *[]) { "question:lesson-02/q1", NULL }));
  g_assert_true (ally_card_id_parse_question (due[0], &quiz, &question));
  g_assert_cmpstr (quiz, ==, "lesson-02");
  g_assert_cmpstr (question, ==, "q1");
  g_assert_false (ally_card_id_parse_question ("term:ally", NULL, NULL));
  g_assert_false (ally_card_id_parse_question ("question:lesson-02", NULL, NULL));

  /* Reviewing it is not a first look at a new card: the day's new cards stay ten. */
  g_assert_true (ally_journal_review_card (f->journal, due[0], 4, tomorrow, &error));
  g_assert_true (ally_journal_get_card (f->journal, due[0], &s, NULL, &error));
  g_assert_cmpint (s.repetitions, ==, 1);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("term:t%02u", i);

      g_assert_true (ally_journal_add_card (f->journal, id, now, NULL, &error));
    }
  g_assert_cmpuint (count_due (f->journal, tomorrow), ==, 10);
}

/* The next seven days: how many cards fall due each day. */
static void
test_cards_forecast (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GDateTime) now = paris (2026, 3, 27, 20, 0);
  g_autoptr (GArray) forecast = NULL;
  g_autoptr (GError) error = NULL;
  const guint expected[] = { 2, 0, 0, 0, 0, 1, 0 };

  g_assert_true (ally_journal_review_card (f->journal, "term:a", 4, now, &error));
  g_assert_true (ally_journal_review_card (f->journal, "term:b", 1, now, &error));
  g_assert_true (ally_journal_review_card (f->journal, "term:c", 4, now, &error));
  g_assert_true (ally_journal_review_card (f->journal, "term:c", 4, now, &error));
  g_assert_true (ally_journal_add_card (f->journal, "term:new", now, NULL, &error));
  g_assert_no_error (error);

  forecast = ally_journal_forecast_reviews (f->journal, now, G_N_ELEMENTS (expected), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (forecast->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < forecast->len; i++)
    g_assert_cmpuint (g_array_index (forecast, guint, i), ==, expected[i]);
}

/* A version 2 journal: its flashcards keep their schedule (in local days) and its missed
 * question becomes a card due the day after the answer. */
static void
test_cards_migrate_from_v2 (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GDateTime) ally_due = paris (2026, 1, 1, 0, 0);
  g_autoptr (GDateTime) privilege_due = paris (2025, 12, 27, 0, 0);
  g_autoptr (GDateTime) now = paris (2025, 12, 28, 10, 0);
  g_autoptr (AllyJournal) journal = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *version = NULL;
  g_auto (GStrv) due = NULL;
  AllySm2State s;

  jt_db_from_sql (dir, "v2-journal-with-reviews.sql");
  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  version = jt_db_pragma (ally_journal_get_file (journal), "user_version");
  g_assert_cmpstr (version, ==, G_STRINGIFY (ALLY_JOURNAL_SCHEMA_VERSION));

  g_assert_true (ally_journal_get_card (journal, "term:ally", &s, NULL, &error));
  g_assert_cmpint (s.repetitions, ==, 2);
  g_assert_cmpint (s.interval_days, ==, 6);
  g_assert_cmpfloat_with_epsilon (s.ease, 2.6, 1e-9);
  assert_due (journal, "term:ally", ally_due);
  assert_due (journal, "term:privilege", privilege_due);
  assert_due (journal, "question:lesson-01/q1", privilege_due);
  g_assert_false (ally_journal_get_card (journal, "question:lesson-01/q2", &s, NULL, NULL));

  due = ally_journal_list_due_cards (journal, now, &error);
  g_assert_cmpstrv (due, ((const char *[]) { "question:lesson-01/q1", "term:privilege", NULL }));
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything asks for the local time zone (GLib and SQLite both read TZ). */
  g_setenv ("TZ", "Europe/Paris", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD_F(path, func) \
  g_test_add (path, Fixture, NULL, jt_journal_set_up, func, jt_journal_tear_down)

  g_test_add_func ("/journal/cards/sm2/worked-example", test_sm2_worked_example);
  g_test_add_func ("/journal/cards/sm2/ease-by-quality", test_sm2_ease_by_quality);
  g_test_add_func ("/journal/cards/sm2/grades", test_sm2_grades);
  ADD_F ("/journal/cards/due-in-local-days", test_cards_due_in_local_days);
  ADD_F ("/journal/cards/due-across-autumn", test_cards_due_across_autumn);
  ADD_F ("/journal/cards/new-card-limit", test_cards_new_card_limit);
  ADD_F ("/journal/cards/missed-question", test_cards_missed_question);
  ADD_F ("/journal/cards/forecast", test_cards_forecast);
  g_test_add_func ("/journal/cards/migrate-from-v2", test_cards_migrate_from_v2);

  return g_test_run ();
}
