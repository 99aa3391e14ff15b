/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-overview.c: the overview's data in one call. Each part is one indexed query
 * (schema version 3 added the indexes), so the whole stays well under 50 ms on a
 * 100,000-entry journal (tests/journal/bench-overview.c). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-commitment.h"
#include "ally-journal-overview.h"
#include "ally-journal-private.h"

struct _AllyJournalOverview
{
  GObject     parent_instance;

  char       *last_lesson_id;
  int         last_position;
  GHashTable *finished;        /* lesson ids */
  GListStore *quiz_results;    /* of AllyQuizResult */
  guint       n_reviews_due;
  GListStore *due_commitments; /* of AllyCommitment, soonest due first */
  guint       n_due_commitments;
  GListStore *reflections;     /* of AllyEntry, newest first */
  GDateTime  *first_day;
  GArray     *studied;         /* of gboolean, one per day from first_day */
};

G_DEFINE_FINAL_TYPE (AllyJournalOverview, ally_journal_overview, G_TYPE_OBJECT)

static gboolean
read_failed (AllyJournal  *journal,
             int           rc,
             GError      **error)
{
  ally_journal_set_error (journal, error, rc, _("Your progress could not be read"));
  return FALSE;
}

/* Midnight starting the local day @days_ago days before @now's day. Built from the date, not
 * by adding hours, so a day with a clock change is still one day. */
static GDateTime *
start_of_day (GDateTime *now,
              int        days_ago)
{
  g_autoptr(GDateTime) noon = g_date_time_new (g_date_time_get_timezone (now),
                                               g_date_time_get_year (now),
                                               g_date_time_get_month (now),
                                               g_date_time_get_day_of_month (now), 12, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (noon, -days_ago);

  return g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day), 0, 0, 0);
}

static gboolean
read_lessons (AllyJournalOverview  *self,
              AllyJournal          *journal,
              GError              **error)
{
  g_autoptr(AllyStmt) stmt = ally_journal_prepare (journal,
    "SELECT lesson_id, position, completed_at IS NOT NULL FROM lesson_progress"
    " ORDER BY opened_at DESC", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *lesson_id = (const char *) sqlite3_column_text (stmt, 0);

      if (self->last_lesson_id == NULL)
        {
          self->last_lesson_id = g_strdup (lesson_id);
          self->last_position = sqlite3_column_int (stmt, 1);
        }
      if (sqlite3_column_int (stmt, 2))
        g_hash_table_add (self->finished, g_strdup (lesson_id));
    }
  return rc == SQLITE_DONE || read_failed (journal, rc, error);
}

/* Every quiz with a score or an answer, with the questions whose kept answer is wrong. */
static gboolean
read_quiz_results (AllyJournalOverview  *self,
                   AllyJournal          *journal,
                   GError              **error)
{
  g_autoptr(AllyStmt) stmt = ally_journal_prepare (journal,
    "SELECT q.quiz_id, coalesce (s.best_score, 0), coalesce (s.last_score, 0),"
    "  coalesce (s.max_score, 0), coalesce (s.attempts, 0), a.question_id"
    " FROM (SELECT quiz_id FROM quiz_scores UNION SELECT quiz_id FROM quiz_answers) q"
    " LEFT JOIN quiz_scores s ON s.quiz_id = q.quiz_id"
    " LEFT JOIN quiz_answers a ON a.quiz_id = q.quiz_id AND a.correct = 0"
    " ORDER BY q.quiz_id, a.question_id", error);
  g_autoptr(GStrvBuilder) missed = NULL;
  g_autofree char *quiz_id = NULL;
  int scores[4] = { 0 };
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      const char *row_quiz = NULL;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        row_quiz = (const char *) sqlite3_column_text (stmt, 0);

      /* A new quiz (or the end): the one gathered so far is complete. */
      if (quiz_id != NULL && g_strcmp0 (row_quiz, quiz_id) != 0)
        {
          g_auto(GStrv) ids = g_strv_builder_end (missed);
          g_autoptr(AllyQuizResult) result = ally_quiz_result_new (quiz_id, scores[0], scores[1],
                                                                   scores[2], scores[3],
                                                                   (const char * const *) ids);

          g_list_store_append (self->quiz_results, result);
          g_clear_pointer (&quiz_id, g_free);
          g_clear_pointer (&missed, g_strv_builder_unref);
        }
      if (rc != SQLITE_ROW)
        break;

      if (quiz_id == NULL)
        {
          quiz_id = g_strdup (row_quiz);
          missed = g_strv_builder_new ();
          for (int i = 0; i < 4; i++)
            scores[i] = sqlite3_column_int (stmt, 1 + i);
        }
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        g_strv_builder_add (missed, (const char *) sqlite3_column_text (stmt, 5));
    }
  return rc == SQLITE_DONE || read_failed (journal, rc, error);
}

/* Reviews today holds: cards and missed questions due, new cards up to the daily limit. */
static gboolean
read_reviews_due (AllyJournalOverview  *self,
                  AllyJournal          *journal,
                  GDateTime            *now,
                  GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  self->n_reviews_due = ally_journal_count_due_reviews (journal, now, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Open commitments whose due date is today or past (the index commitments_open_due). */
static gboolean
read_due_commitments (AllyJournalOverview  *self,
                      AllyJournal          *journal,
                      gint64                end_of_today,
                      GError              **error)
{
  g_autoptr(AllyStmt) stmt = ally_journal_prepare (journal,
    "SELECT id, text, lesson_id, due, coalesce (entry_id, 0), count (*) OVER ()"
    " FROM commitments WHERE done_at IS NULL AND due < ?1 ORDER BY due, id LIMIT ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, end_of_today);
  sqlite3_bind_int (stmt, 2, ALLY_JOURNAL_OVERVIEW_MAX_COMMITMENTS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) due = ally_date_time_from_usec (sqlite3_column_int64 (stmt, 3));
      g_autoptr(AllyCommitment) commitment = NULL;
      g_autoptr(GError) local = NULL;
      /* Decrypted while the journal lock is on (ally-journal-lock.c). */
      g_autofree char *text = ally_journal_column_text (journal, stmt, 1, "commitments", "text",
                                                        (const char *) sqlite3_column_text (stmt, 0),
                                                        &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      commitment = ally_commitment_new (sqlite3_column_int64 (stmt, 0), text,
                                        (const char *) sqlite3_column_text (stmt, 2), due, NULL,
                                        sqlite3_column_int64 (stmt, 4));

      self->n_due_commitments = sqlite3_column_int (stmt, 5);
      g_list_store_append (self->due_commitments, commitment);
    }
  return rc == SQLITE_DONE || read_failed (journal, rc, error);
}

/* The newest entries written for a lesson's prompt (the index entries_reflections). */
static gboolean
read_reflections (AllyJournalOverview  *self,
                  AllyJournal          *journal,
                  GError              **error)
{
  g_autoptr(AllyStmt) stmt = ally_journal_prepare (journal,
    "SELECT " ALLY_ENTRY_COLUMNS " FROM entries e WHERE e.prompt_id IS NOT NULL"
    " ORDER BY e.updated DESC LIMIT ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, ALLY_JOURNAL_OVERVIEW_MAX_REFLECTIONS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AllyEntry) entry = ally_journal_entry_from_row (journal, stmt, error);

      if (entry == NULL)
        return FALSE;
      g_list_store_append (self->reflections, entry);
    }
  return rc == SQLITE_DONE || read_failed (journal, rc, error);
}

/* Whether anything was done on each day: one probe of each index per day rather than a scan
 * of a year of entries. A lesson counts on the day it was last opened or finished (the
 * journal keeps no history of every opening); a card on the day it was last reviewed. */
static gboolean
read_study_days (AllyJournalOverview  *self,
                 AllyJournal          *journal,
                 GDateTime            *now,
                 guint                 n_days,
                 GError              **error)
{
  g_autoptr(AllyStmt) stmt = ally_journal_prepare (journal,
    "SELECT EXISTS (SELECT 1 FROM entries WHERE created >= ?1 AND created < ?2)"
    " OR EXISTS (SELECT 1 FROM entries WHERE updated >= ?1 AND updated < ?2)"
    " OR EXISTS (SELECT 1 FROM lesson_progress WHERE (opened_at >= ?1 AND opened_at < ?2)"
    "            OR (completed_at >= ?1 AND completed_at < ?2))"
    " OR EXISTS (SELECT 1 FROM quiz_answers WHERE answered_at >= ?1 AND answered_at < ?2)"
    " OR EXISTS (SELECT 1 FROM review_cards WHERE reviewed_at >= ?1 AND reviewed_at < ?2)"
    " OR EXISTS (SELECT 1 FROM commitments WHERE (created >= ?1 AND created < ?2)"
    "            OR (done_at >= ?1 AND done_at < ?2))", error);

  if (stmt == NULL)
    return FALSE;
  self->first_day = start_of_day (now, n_days - 1);
  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) start = start_of_day (now, n_days - 1 - i);
      g_autoptr(GDateTime) end = start_of_day (now, (int) n_days - 2 - (int) i);
      gboolean studied;
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ally_usec_from_date_time (start));
      sqlite3_bind_int64 (stmt, 2, ally_usec_from_date_time (end));
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        return read_failed (journal, rc, error);
      studied = sqlite3_column_int (stmt, 0) != 0;
      g_array_append_val (self->studied, studied);
    }
  return TRUE;
}

static void
ally_journal_overview_finalize (GObject *object)
{
  AllyJournalOverview *self = ALLY_JOURNAL_OVERVIEW (object);

  g_clear_pointer (&self->last_lesson_id, g_free);
  g_clear_pointer (&self->finished, g_hash_table_unref);
  g_clear_object (&self->quiz_results);
  g_clear_object (&self->due_commitments);
  g_clear_object (&self->reflections);
  g_clear_pointer (&self->first_day, g_date_time_unref);
  g_clear_pointer (&self->studied, g_array_unref);

  G_OBJECT_CLASS (ally_journal_overview_parent_class)->finalize (object);
}

static void
ally_journal_overview_class_init (AllyJournalOverviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ally_journal_overview_finalize;
}

static void
ally_journal_overview_init (AllyJournalOverview *self)
{
  self->finished = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->quiz_results = g_list_store_new (ALLY_TYPE_QUIZ_RESULT);
  self->due_commitments = g_list_store_new (ALLY_TYPE_COMMITMENT);
  self->reflections = g_list_store_new (ALLY_TYPE_ENTRY);
  self->studied = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

/**
 * ally_journal_get_overview:
 * @now: the time the overview is for (its "today" is @now's day, in @now's time zone)
 * @n_days: how many days, today included, the calendar of days studied covers (1 to
 *   %ALLY_JOURNAL_OVERVIEW_MAX_DAYS)
 *
 * Returns: (transfer full): what the overview shows, or %NULL with @error set when the
 *   journal cannot be read
 */
AllyJournalOverview *
ally_journal_get_overview (AllyJournal  *self,
                           GDateTime    *now,
                           guint         n_days,
                           GError      **error)
{
  g_autoptr(AllyJournalOverview) overview = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  gint64 end_of_today;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (n_days >= 1 && n_days <= ALLY_JOURNAL_OVERVIEW_MAX_DAYS, NULL);

  overview = g_object_new (ALLY_TYPE_JOURNAL_OVERVIEW, NULL);
  tomorrow = start_of_day (now, -1);
  end_of_today = ally_usec_from_date_time (tomorrow);

  if (!read_lessons (overview, self, error) ||
      !read_quiz_results (overview, self, error) ||
      !read_reviews_due (overview, self, now, error) ||
      !read_due_commitments (overview, self, end_of_today, error) ||
      !read_reflections (overview, self, error) ||
      !read_study_days (overview, self, now, n_days, error))
    return NULL;

  return g_steal_pointer (&overview);
}

/* Whether the learner has begun the course (opened a lesson). */
gboolean
ally_journal_overview_has_progress (AllyJournalOverview *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), FALSE);
  return self->last_lesson_id != NULL;
}

/* The lesson read last, or %NULL. */
const char *
ally_journal_overview_get_last_lesson_id (AllyJournalOverview *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), NULL);
  return self->last_lesson_id;
}

/* Where in it, from 0 (top) to 1000 (end). */
int
ally_journal_overview_get_last_position (AllyJournalOverview *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), 0);
  return self->last_position;
}

gboolean
ally_journal_overview_is_finished (AllyJournalOverview *self,
                                   const char          *lesson_id)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), FALSE);
  return lesson_id != NULL && g_hash_table_contains (self->finished, lesson_id);
}

/* Of AllyQuizResult, by quiz id. */
GListModel *
ally_journal_overview_get_quiz_results (AllyJournalOverview *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), NULL);
  return G_LIST_MODEL (self->quiz_results);
}

/* Returns: (transfer none) (nullable): the result of @quiz_id, if it was ever answered */
AllyQuizResult *
ally_journal_overview_lookup_quiz_result (AllyJournalOverview *self,
                                          const char          *quiz_id)
{
  GListModel *results;

  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), NULL);

  results = G_LIST_MODEL (self->quiz_results);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(AllyQuizResult) result = g_list_model_get_item (results, i);

      if (g_strcmp0 (ally_quiz_result_get_quiz_id (result), quiz_id) == 0)
        return result;
    }
  return NULL;
}

guint
ally_journal_overview_get_n_reviews_due (AllyJournalOverview *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), 0);
  return self->n_reviews_due;
}

/* Of AllyCommitment: open ones due today or before, soonest first, at most
 * %ALLY_JOURNAL_OVERVIEW_MAX_COMMITMENTS. */
GListModel *
ally_journal_overview_get_due_commitments (AllyJournalOverview *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), NULL);
  return G_LIST_MODEL (self->due_commitments);
}

/* All of them, beyond the ones the list holds. */
guint
ally_journal_overview_get_n_due_commitments (AllyJournalOverview *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), 0);
  return self->n_due_commitments;
}

/* Of AllyEntry: the newest entries linked to a lesson's prompt. */
GListModel *
ally_journal_overview_get_reflections (AllyJournalOverview *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), NULL);
  return G_LIST_MODEL (self->reflections);
}

/* The calendar's first day, at its local midnight. */
GDateTime *
ally_journal_overview_get_first_day (AllyJournalOverview *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), NULL);
  return self->first_day;
}

guint
ally_journal_overview_get_n_days (AllyJournalOverview *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), 0);
  return self->studied->len;
}

/* Whether the learner studied or wrote on the calendar's @day (0 is the first day). */
gboolean
ally_journal_overview_studied_on (AllyJournalOverview *self,
                                  guint                day)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_OVERVIEW (self), FALSE);
  return day < self->studied->len && g_array_index (self->studied, gboolean, day);
}
