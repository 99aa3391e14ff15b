/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-progress.c: learning progress in the data file. Every change is a
 * single statement, so it is its own transaction; all but where a person is reading are
 * synced to disk before they return (run_reading_update()). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-journal-lock.h"
#include "ally-journal-private.h"
#include "ally-journal-progress.h"

void
ally_lesson_state_clear (AllyLessonState *state)
{
  g_clear_pointer (&state->completed_at, g_date_time_unref);
  state->opened = FALSE;
  state->position = 0;
}

static void
bind_optional_time (sqlite3_stmt *stmt,
                    int           index,
                    GDateTime    *dt)
{
  if (dt)
    sqlite3_bind_int64 (stmt, index, ally_usec_from_date_time (dt));
  else
    sqlite3_bind_null (stmt, index);
}

static GDateTime *
column_optional_time (sqlite3_stmt *stmt,
                      int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return ally_date_time_from_usec (sqlite3_column_int64 (stmt, column));
}

/* Steps a read statement expecting one row; a missing row is NOT_FOUND. */
static gboolean
step_row (AllyJournal   *self,
          sqlite3_stmt  *stmt,
          const char    *missing,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND, missing);
  else
    ally_journal_set_error (self, error, rc,
                            _("Your progress could not be read"));
  return FALSE;
}

/* Runs @sql with the text @a, the optional text @b and the integer @n. */
static gboolean
run_text_update (AllyJournal  *self,
                 const char   *sql,
                 const char   *a,
                 const char   *b,
                 gint64        n,
                 GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, n);
  sqlite3_bind_int64 (stmt, 4, ally_now_usec ());
  return ally_journal_step_done (self, stmt, error);
}

/* Where a person is reading (the lesson opened last, the place in it) changes with every
 * lesson opened and every pause in scrolling: not worth waiting for the disk each time, on
 * the main thread, before the lesson is drawn. So these are written with synchronous NORMAL:
 * the WAL keeps the file whole, and the next write that is synced (anything a person writes,
 * answers or completes) makes them durable too. Only a power cut before then can take back
 * the last of them; a quit or a crash cannot. */
static gboolean
run_reading_update (AllyJournal  *self,
                    const char   *sql,
                    const char   *lesson_id,
                    gint64        n,
                    GError      **error)
{
  gboolean written, restored;

  if (!ally_journal_exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;
  written = run_text_update (self, sql, lesson_id, NULL, n, error);
  /* Everything else is synced again, whether or not this write was made. */
  restored = ally_journal_exec (self, "PRAGMA synchronous = FULL", written ? error : NULL);
  return written && restored;
}

/* Lessons */

gboolean
ally_journal_open_lesson (AllyJournal  *self,
                          const char   *lesson_id,
                          GError      **error)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  return run_text_update (self,
    "INSERT INTO lesson_progress (lesson_id, opened_at) VALUES (?1, ?4)"
    " ON CONFLICT (lesson_id) DO NOTHING", lesson_id, NULL, 0, error);
}

gboolean
ally_journal_set_lesson_position (AllyJournal  *self,
                                  const char   *lesson_id,
                                  int           position,
                                  GError      **error)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  return run_reading_update (self,
    "INSERT INTO lesson_progress (lesson_id, opened_at, position) VALUES (?1, ?4, ?3)"
    " ON CONFLICT (lesson_id) DO UPDATE SET position = excluded.position",
    lesson_id, position, error);
}

/* Emits AllyJournal::lesson-completed once the lesson is recorded as finished. */
gboolean
ally_journal_complete_lesson (AllyJournal  *self,
                              const char   *lesson_id,
                              GError      **error)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  if (!run_text_update (self,
        "INSERT INTO lesson_progress (lesson_id, opened_at, completed_at) VALUES (?1, ?4, ?4)"
        " ON CONFLICT (lesson_id) DO UPDATE SET completed_at = coalesce (completed_at, ?4)",
        lesson_id, NULL, 0, error))
    return FALSE;
  ally_journal_emit_lesson_completed (self, lesson_id);
  return TRUE;
}

/**
 * ally_journal_uncomplete_lesson:
 *
 * Takes back ally_journal_complete_lesson(): the lesson counts as not finished again.
 */
gboolean
ally_journal_uncomplete_lesson (AllyJournal  *self,
                                const char   *lesson_id,
                                GError      **error)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  return run_text_update (self,
    "UPDATE lesson_progress SET completed_at = NULL WHERE lesson_id = ?1",
    lesson_id, NULL, 0, error);
}

/**
 * ally_journal_read_lesson:
 *
 * Records that @lesson_id is being read now, so that ally_journal_get_last_read_lesson()
 * finds it. opened_at holds when a lesson was last opened; it always moves forward, so the
 * lesson opened last wins even within one clock tick. Like the place in a lesson
 * (ally_journal_set_lesson_position()), it is written without waiting for the disk.
 */
gboolean
ally_journal_read_lesson (AllyJournal  *self,
                          const char   *lesson_id,
                          GError      **error)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  return run_reading_update (self,
    "INSERT INTO lesson_progress (lesson_id, opened_at)"
    " VALUES (?1, max (?4, coalesce ((SELECT max (opened_at) + 1 FROM lesson_progress), 0)))"
    " ON CONFLICT (lesson_id) DO UPDATE SET opened_at = excluded.opened_at",
    lesson_id, 0, error);
}

/**
 * ally_journal_get_last_read_lesson:
 *
 * Returns: (transfer full) (nullable): the lesson opened last, or %NULL if none was (or on
 *   error, with @error set)
 */
char *
ally_journal_get_last_read_lesson (AllyJournal  *self,
                                   GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);
  stmt = ally_journal_prepare (self,
    "SELECT lesson_id FROM lesson_progress ORDER BY opened_at DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  if (!step_row (self, stmt, "", &local))
    {
      if (!g_error_matches (local, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/**
 * ally_journal_find_prompt_entry:
 *
 * Returns: the id of the newest entry written for @prompt_id of @lesson_id (a reflection or
 *   a scenario), or 0 if there is none (or on error, with @error set)
 */
gint64
ally_journal_find_prompt_entry (AllyJournal  *self,
                                const char   *lesson_id,
                                const char   *prompt_id,
                                GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), 0);
  stmt = ally_journal_prepare (self,
    "SELECT id FROM entries WHERE lesson_id = ? AND prompt_id = ?"
    " ORDER BY updated DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, lesson_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, prompt_id, -1, SQLITE_TRANSIENT);
  if (!step_row (self, stmt, "", &local))
    {
      if (!g_error_matches (local, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * ally_journal_get_lesson_state:
 *
 * Fills @state; a lesson never opened is not an error (opened is %FALSE).
 */
gboolean
ally_journal_get_lesson_state (AllyJournal      *self,
                               const char       *lesson_id,
                               AllyLessonState  *state,
                               GError          **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "SELECT position, completed_at FROM lesson_progress WHERE lesson_id = ?", error);

  *state = (AllyLessonState) { FALSE, 0, NULL };
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, lesson_id, -1, SQLITE_TRANSIENT);
  if (!step_row (self, stmt, "", &local))
    {
      if (g_error_matches (local, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  state->opened = TRUE;
  state->position = sqlite3_column_int (stmt, 0);
  state->completed_at = column_optional_time (stmt, 1);
  return TRUE;
}

/* Whether @lesson_id is marked finished; FALSE too when the journal cannot say (a list's mark
 * is then simply not shown). */
gboolean
ally_journal_is_lesson_finished (AllyJournal *self,
                                 const char  *lesson_id)
{
  g_auto(AllyLessonState) state = { 0 };

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);

  return ally_journal_get_lesson_state (self, lesson_id, &state, NULL) && state.completed_at != NULL;
}

/* Quizzes */

gboolean
ally_journal_save_quiz_answer (AllyJournal  *self,
                               const char   *quiz_id,
                               const char   *question_id,
                               const char   *answer,
                               gboolean      correct,
                               GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  stmt = ally_journal_prepare (self,
    "INSERT OR REPLACE INTO quiz_answers (quiz_id, question_id, answer, correct, answered_at)"
    " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, quiz_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, question_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, answer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, correct ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, ally_now_usec ());
  if (!ally_journal_step_done (self, stmt, error))
    return FALSE;
  /* A missed question comes back for review (ally-journal-cards.c). */
  if (!correct)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

      return ally_journal_add_missed_question (self, quiz_id, question_id, now, error);
    }
  return TRUE;
}

char *
ally_journal_get_quiz_answer (AllyJournal  *self,
                              const char   *quiz_id,
                              const char   *question_id,
                              gboolean     *out_correct,
                              GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);
  stmt = ally_journal_prepare (self,
    "SELECT answer, correct FROM quiz_answers WHERE quiz_id = ? AND question_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, quiz_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, question_id, -1, SQLITE_TRANSIENT);
  if (!step_row (self, stmt, _("This question has not been answered yet."), error))
    return NULL;
  if (out_correct)
    *out_correct = sqlite3_column_int (stmt, 1) != 0;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Keeps the best score (and the last one, and the number of attempts). */
gboolean
ally_journal_record_quiz_score (AllyJournal  *self,
                                const char   *quiz_id,
                                int           score,
                                int           max_score,
                                GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  stmt = ally_journal_prepare (self,
    "INSERT INTO quiz_scores (quiz_id, best_score, max_score, last_score, attempts, updated)"
    " VALUES (?1, ?2, ?3, ?2, 1, ?4) ON CONFLICT (quiz_id) DO UPDATE SET"
    " best_score = max (best_score, excluded.best_score), max_score = excluded.max_score,"
    " last_score = excluded.last_score, attempts = attempts + 1, updated = excluded.updated",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, quiz_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, score);
  sqlite3_bind_int (stmt, 3, max_score);
  sqlite3_bind_int64 (stmt, 4, ally_now_usec ());
  return ally_journal_step_done (self, stmt, error);
}

gboolean
ally_journal_get_quiz_best (AllyJournal  *self,
                            const char   *quiz_id,
                            int          *out_best,
                            int          *out_max_score,
                            GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  stmt = ally_journal_prepare (self,
    "SELECT best_score, max_score FROM quiz_scores WHERE quiz_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, quiz_id, -1, SQLITE_TRANSIENT);
  if (!step_row (self, stmt, _("This quiz has not been taken yet."), error))
    return FALSE;
  *out_best = sqlite3_column_int (stmt, 0);
  *out_max_score = sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* Commitments */

static gint64
next_commitment_id (AllyJournal  *self,
                    GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "SELECT coalesce (max (id), 0) + 1 FROM commitments", error);
  int rc;

  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  ally_journal_set_error (self, error, rc, _("Your commitments could not be read"));
  return 0;
}

/**
 * ally_journal_add_commitment:
 * @due: (nullable): when the person means to have done it
 * @entry_id: a linked journal entry, or 0
 *
 * Returns: the commitment's id, or 0 with @error set
 */
gint64
ally_journal_add_commitment (AllyJournal  *self,
                             const char   *text,
                             const char   *lesson_id,
                             GDateTime    *due,
                             gint64        entry_id,
                             GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;
  g_autofree char *row = NULL;
  gint64 id;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), 0);
  /* The id is chosen first (as SQLite would: one above the highest), as a sealed text is
   * bound to its row; the transaction keeps it free. */
  if (!ally_journal_begin (self, error))
    return 0;
  if ((id = next_commitment_id (self, error)) == 0)
    goto failed;
  row = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  stmt = ally_journal_prepare (self,
    "INSERT INTO commitments (text, lesson_id, due, entry_id, created, id)"
    " VALUES (?, ?, ?, nullif (?, 0), ?, ?)", error);
  if (stmt == NULL ||
      !ally_journal_bind_text (self, stmt, 1, text, "commitments", "text", row, error))
    goto failed;
  sqlite3_bind_text (stmt, 2, lesson_id, -1, SQLITE_TRANSIENT);
  bind_optional_time (stmt, 3, due);
  sqlite3_bind_int64 (stmt, 4, entry_id);
  sqlite3_bind_int64 (stmt, 5, ally_now_usec ());
  sqlite3_bind_int64 (stmt, 6, id);
  if (!ally_journal_step_done (self, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, ally_stmt_release);
  return ally_journal_commit (self, error) ? id : 0;

failed:
  g_clear_pointer (&stmt, ally_stmt_release);
  ally_journal_rollback (self);
  return 0;
}

static gboolean
expect_changed (AllyJournal  *self,
                GError      **error)
{
  if (sqlite3_changes (ally_journal_get_db (self)) > 0)
    return TRUE;
  g_set_error_literal (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND,
                       _("This commitment does not exist."));
  return FALSE;
}

gboolean
ally_journal_set_commitment_done (AllyJournal  *self,
                                  gint64        id,
                                  gboolean      done,
                                  GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  stmt = ally_journal_prepare (self, "UPDATE commitments SET done_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  if (done)
    sqlite3_bind_int64 (stmt, 1, ally_now_usec ());
  sqlite3_bind_int64 (stmt, 2, id);
  return ally_journal_step_done (self, stmt, error) && expect_changed (self, error);
}

/**
 * ally_journal_update_commitment:
 * @text: what the person means to do
 * @due: (nullable): when they mean to have done it; %NULL for no date
 *
 * Rewrites a commitment's text and due date; where it came from and whether it is
 * done stay as they were.
 */
gboolean
ally_journal_update_commitment (AllyJournal  *self,
                                gint64        id,
                                const char   *text,
                                GDateTime    *due,
                                GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;
  g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  stmt = ally_journal_prepare (self, "UPDATE commitments SET text = ?, due = ? WHERE id = ?", error);
  if (stmt == NULL ||
      !ally_journal_bind_text (self, stmt, 1, text, "commitments", "text", row, error))
    return FALSE;
  bind_optional_time (stmt, 2, due);
  sqlite3_bind_int64 (stmt, 3, id);
  return ally_journal_step_done (self, stmt, error) && expect_changed (self, error);
}

gboolean
ally_journal_delete_commitment (AllyJournal  *self,
                                gint64        id,
                                GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  stmt = ally_journal_prepare (self, "DELETE FROM commitments WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return ally_journal_step_done (self, stmt, error) && expect_changed (self, error);
}

/**
 * ally_journal_list_commitments:
 *
 * Returns: (transfer full): a list of #AllyCommitment, open ones first (soonest due
 *   first), then done ones
 */
GListModel *
ally_journal_list_commitments (AllyJournal  *self,
                               GError      **error)
{
  g_autoptr (GListStore) store = g_list_store_new (ALLY_TYPE_COMMITMENT);
  g_autoptr (AllyStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);
  stmt = ally_journal_prepare (self,
    "SELECT id, text, lesson_id, due, done_at, coalesce (entry_id, 0) FROM commitments"
    " ORDER BY done_at IS NOT NULL, due IS NULL, due, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GDateTime) due = column_optional_time (stmt, 3);
      g_autoptr (GDateTime) done_at = column_optional_time (stmt, 4);
      g_autoptr (AllyCommitment) item = NULL;
      g_autoptr (GError) local = NULL;
      g_autofree char *text = ally_journal_column_text (self, stmt, 1, "commitments", "text",
                                                        (const char *) sqlite3_column_text (stmt, 0),
                                                        &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      item = ally_commitment_new (sqlite3_column_int64 (stmt, 0), text,
                                  (const char *) sqlite3_column_text (stmt, 2), due, done_at,
                                  sqlite3_column_int64 (stmt, 5));
      g_list_store_append (store, item);
    }
  if (rc != SQLITE_DONE)
    {
      ally_journal_set_error (self, error, rc,
                              _("Your commitments could not be read"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Power & privilege map */

gboolean
ally_journal_set_power_map_answer (AllyJournal  *self,
                                   const char   *axis_id,
                                   const char   *answer,
                                   GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  stmt = ally_journal_prepare (self,
    "INSERT OR REPLACE INTO power_map (axis_id, answer, updated) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL ||
      !ally_journal_bind_text (self, stmt, 2, answer, "power_map", "answer", axis_id, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, axis_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, ally_now_usec ());
  return ally_journal_step_done (self, stmt, error);
}

/**
 * ally_journal_get_power_map:
 *
 * Returns: (transfer full) (element-type utf8 utf8): axis id → answer
 */
GHashTable *
ally_journal_get_power_map (AllyJournal  *self,
                            GError      **error)
{
  g_autoptr (GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                          g_free, g_free);
  g_autoptr (AllyStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);
  stmt = ally_journal_prepare (self, "SELECT axis_id, answer FROM power_map", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *axis_id = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr (GError) local = NULL;
      char *answer = ally_journal_column_text (self, stmt, 1, "power_map", "answer", axis_id,
                                               &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_hash_table_insert (answers, g_strdup (axis_id), answer);
    }
  if (rc != SQLITE_DONE)
    {
      ally_journal_set_error (self, error, rc,
                              _("Your power map could not be read"));
      return NULL;
    }
  return g_steal_pointer (&answers);
}
