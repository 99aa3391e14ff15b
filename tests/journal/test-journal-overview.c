/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-overview.c: the overview's one journal call (ally_journal_get_overview):
 * progress, quiz results, what is due, recent reflections and the calendar of days studied. */
#include "ally-entry-private.h"
#include "ally-journal-overview.h"
#include "ally-journal-progress.h"
#include "journal-test-util.h"

typedef struct
{
  GFile       *dir;
  AllyJournal *journal;
  GDateTime   *now;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");

  f->dir = jt_make_tmp_dir ();
  f->journal = ally_journal_open (f->dir, &error);
  g_assert_no_error (error);
  /* An afternoon in a zone with clock changes, a week after one (2026-10-25). */
  f->now = g_date_time_new (zone, 2026, 11, 1, 15, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->journal);
  g_clear_pointer (&f->now, g_date_time_unref);
  jt_remove_tree (f->dir);
  g_clear_object (&f->dir);
}

static AllyJournalOverview *
get_overview (Fixture *f,
              guint    n_days)
{
  g_autoptr(GError) error = NULL;
  AllyJournalOverview *overview = ally_journal_get_overview (f->journal, f->now, n_days, &error);

  g_assert_no_error (error);
  g_assert_nonnull (overview);
  return overview;
}

static void
save_entry_at (Fixture    *f,
               GDateTime  *when,
               const char *title,
               const char *prompt_id)
{
  g_autoptr(AllyEntry) entry = jt_entry_new (title, "Some words.", NULL);
  g_autoptr(GError) error = NULL;

  ally_entry_set_created (entry, when);
  ally_entry_set_updated (entry, when);
  if (prompt_id != NULL)
    {
      ally_entry_set_lesson_id (entry, "what-allyship-is");
      ally_entry_set_prompt_id (entry, prompt_id);
    }
  g_assert_cmpint (ally_journal_save_entry (f->journal, entry, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(AllyJournalOverview) overview = get_overview (f, 35);
  GDateTime *first = ally_journal_overview_get_first_day (overview);

  g_assert_false (ally_journal_overview_has_progress (overview));
  g_assert_null (ally_journal_overview_get_last_lesson_id (overview));
  g_assert_cmpuint (g_list_model_get_n_items (ally_journal_overview_get_quiz_results (overview)), ==, 0);
  g_assert_cmpuint (ally_journal_overview_get_n_reviews_due (overview), ==, 0);
  g_assert_cmpuint (ally_journal_overview_get_n_due_commitments (overview), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ally_journal_overview_get_reflections (overview)), ==, 0);
  g_assert_cmpuint (ally_journal_overview_get_n_days (overview), ==, 35);
  for (guint i = 0; i < 35; i++)
    g_assert_false (ally_journal_overview_studied_on (overview, i));
  /* 35 days ending on 1 November: from 28 September, at local midnight. */
  g_assert_cmpint (g_date_time_get_month (first), ==, 9);
  g_assert_cmpint (g_date_time_get_day_of_month (first), ==, 28);
  g_assert_cmpint (g_date_time_get_hour (first), ==, 0);
}

static void
test_lessons (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(AllyJournalOverview) overview = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ally_journal_read_lesson (f->journal, "what-allyship-is", &error));
  g_assert_true (ally_journal_complete_lesson (f->journal, "what-allyship-is", &error));
  g_assert_true (ally_journal_read_lesson (f->journal, "privilege", &error));
  g_assert_true (ally_journal_set_lesson_position (f->journal, "privilege", 420, &error));
  g_assert_no_error (error);

  overview = get_overview (f, 7);
  g_assert_true (ally_journal_overview_has_progress (overview));
  g_assert_cmpstr (ally_journal_overview_get_last_lesson_id (overview), ==, "privilege");
  g_assert_cmpint (ally_journal_overview_get_last_position (overview), ==, 420);
  g_assert_true (ally_journal_overview_is_finished (overview, "what-allyship-is"));
  g_assert_false (ally_journal_overview_is_finished (overview, "privilege"));
  g_assert_false (ally_journal_overview_is_finished (overview, "never-opened"));
}

static void
test_quiz_results (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AllyJournalOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  AllyQuizResult *first, *second;

  /* Lesson a: a whole try (2 of 3) then a better one; q2 is still wrong. */
  g_assert_true (ally_journal_save_quiz_answer (f->journal, "a", "q1", "0", TRUE, &error));
  g_assert_true (ally_journal_save_quiz_answer (f->journal, "a", "q2", "1", FALSE, &error));
  g_assert_true (ally_journal_save_quiz_answer (f->journal, "a", "q3", "1", FALSE, &error));
  g_assert_true (ally_journal_record_quiz_score (f->journal, "a", 1, 3, &error));
  g_assert_true (ally_journal_save_quiz_answer (f->journal, "a", "q3", "2", TRUE, &error));
  g_assert_true (ally_journal_record_quiz_score (f->journal, "a", 2, 3, &error));
  /* Lesson b: one answer, no whole try yet. */
  g_assert_true (ally_journal_save_quiz_answer (f->journal, "b", "q1", "3", FALSE, &error));
  g_assert_no_error (error);

  overview = get_overview (f, 7);
  g_assert_cmpuint (g_list_model_get_n_items (ally_journal_overview_get_quiz_results (overview)), ==, 2);
  first = ally_journal_overview_lookup_quiz_result (overview, "a");
  g_assert_nonnull (first);
  g_assert_cmpint (ally_quiz_result_get_best_score (first), ==, 2);
  g_assert_cmpint (ally_quiz_result_get_last_score (first), ==, 2);
  g_assert_cmpint (ally_quiz_result_get_max_score (first), ==, 3);
  g_assert_cmpint (ally_quiz_result_get_attempts (first), ==, 2);
  g_assert_cmpuint (ally_quiz_result_get_n_missed (first), ==, 1);
  g_assert_cmpstr (ally_quiz_result_get_missed (first)[0], ==, "q2");

  second = ally_journal_overview_lookup_quiz_result (overview, "b");
  g_assert_nonnull (second);
  g_assert_cmpint (ally_quiz_result_get_attempts (second), ==, 0);
  g_assert_cmpuint (ally_quiz_result_get_n_missed (second), ==, 1);
  g_assert_null (ally_journal_overview_lookup_quiz_result (overview, "c"));
}

static void
test_due (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(AllyJournalOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last_week = g_date_time_add_days (f->now, -7);
  g_autoptr(GDateTime) tonight = g_date_time_add_hours (f->now, 8);     /* 23:00 today */
  g_autoptr(GDateTime) tomorrow = g_date_time_add_hours (f->now, 10);   /* 01:00 tomorrow */
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (f->now, -1);
  g_autoptr(AllyCommitment) first = NULL;
  gint64 done;

  g_assert_cmpint (ally_journal_add_commitment (f->journal, "Due tomorrow", NULL, tomorrow, 0, &error), >, 0);
  g_assert_cmpint (ally_journal_add_commitment (f->journal, "Due tonight", NULL, tonight, 0, &error), >, 0);
  g_assert_cmpint (ally_journal_add_commitment (f->journal, "Overdue", NULL, last_week, 0, &error), >, 0);
  g_assert_cmpint (ally_journal_add_commitment (f->journal, "No date", NULL, NULL, 0, &error), >, 0);
  done = ally_journal_add_commitment (f->journal, "Done", NULL, yesterday, 0, &error);
  g_assert_true (ally_journal_set_commitment_done (f->journal, done, TRUE, &error));
  /* A card reviewed yesterday is due again today; one reviewed today, tomorrow. */
  g_assert_true (ally_journal_review_card (f->journal, "ally", 1, yesterday, &error));
  g_assert_true (ally_journal_review_card (f->journal, "bias", 5, f->now, &error));
  g_assert_no_error (error);

  overview = get_overview (f, 7);
  g_assert_cmpuint (ally_journal_overview_get_n_due_commitments (overview), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ally_journal_overview_get_due_commitments (overview)), ==, 2);
  first = g_list_model_get_item (ally_journal_overview_get_due_commitments (overview), 0);
  g_assert_cmpstr (ally_commitment_get_text (first), ==, "Overdue");
  g_assert_cmpuint (ally_journal_overview_get_n_reviews_due (overview), ==, 1);
}

static void
test_reflections (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AllyJournalOverview) overview = NULL;
  g_autoptr(AllyEntry) newest = NULL;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (f->now, -24 * (5 - i));
      g_autofree char *title = g_strdup_printf ("Reflection %d", i);

      save_entry_at (f, when, title, "prompt");
      save_entry_at (f, when, "Not linked", NULL);
    }

  overview = get_overview (f, 7);
  g_assert_cmpuint (g_list_model_get_n_items (ally_journal_overview_get_reflections (overview)), ==,
                    ALLY_JOURNAL_OVERVIEW_MAX_REFLECTIONS);
  newest = g_list_model_get_item (ally_journal_overview_get_reflections (overview), 0);
  g_assert_cmpstr (ally_entry_get_title (newest), ==, "Reflection 4");
}

static void
test_study_days (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AllyJournalOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  /* Just after midnight at the start of 25 October (the day the clocks went back, 25 hours
   * long), just before midnight at its end, and 10 days ago; a quiz answered today. */
  g_autoptr(GDateTime) early = g_date_time_new (zone, 2026, 10, 25, 0, 10, 0);
  g_autoptr(GDateTime) late = g_date_time_new (zone, 2026, 10, 26, 23, 50, 0);
  g_autoptr(GDateTime) older = g_date_time_new (zone, 2026, 10, 22, 12, 0, 0);
  g_autoptr(GDateTime) after_midnight = g_date_time_new (zone, 2026, 10, 28, 0, 5, 0);

  save_entry_at (f, early, "Early", NULL);
  save_entry_at (f, late, "Late", NULL);
  save_entry_at (f, older, "Older than the calendar", NULL);
  save_entry_at (f, after_midnight, "After midnight", NULL);
  g_assert_true (ally_journal_save_quiz_answer (f->journal, "a", "q1", "0", TRUE, &error));
  g_assert_no_error (error);

  /* 8 days: 25 October to 1 November. */
  overview = get_overview (f, 8);
  g_assert_true (ally_journal_overview_studied_on (overview, 0));   /* 25 October */
  g_assert_true (ally_journal_overview_studied_on (overview, 1));   /* 26 October */
  g_assert_false (ally_journal_overview_studied_on (overview, 2));  /* 27 October */
  g_assert_true (ally_journal_overview_studied_on (overview, 3));   /* 28 October */
  for (guint i = 4; i < 7; i++)
    g_assert_false (ally_journal_overview_studied_on (overview, i));
  /* The quiz answer was saved at the real time, after the test's "now". */
  g_assert_false (ally_journal_overview_studied_on (overview, 7));
  g_assert_false (ally_journal_overview_studied_on (overview, 8));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/journal/overview/empty", test_empty);
  ADD ("/journal/overview/lessons", test_lessons);
  ADD ("/journal/overview/quiz-results", test_quiz_results);
  ADD ("/journal/overview/due", test_due);
  ADD ("/journal/overview/reflections", test_reflections);
  ADD ("/journal/overview/study-days", test_study_days);
#undef ADD

  return g_test_run ();
}
