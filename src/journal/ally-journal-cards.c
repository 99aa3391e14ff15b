/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-cards.c: review cards in the data file and their SM-2 schedule, counted in
 * local days: a card due "tomorrow" is due from local midnight, whatever the hour of the
 * review and whatever daylight saving does in between (dates are GDate calendar days, not
 * multiples of 24 hours). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ally-journal-cards.h"
#include "ally-journal-private.h"

/* ---- Card ids ---- */

char *
ally_card_id_for_term (const char *term_id)
{
  g_return_val_if_fail (term_id != NULL, NULL);
  if (g_str_has_prefix (term_id, ALLY_CARD_TERM_PREFIX))
    return g_strdup (term_id);
  return g_strconcat (ALLY_CARD_TERM_PREFIX, term_id, NULL);
}

char *
ally_card_id_for_question (const char *quiz_id,
                           const char *question_id)
{
  g_return_val_if_fail (quiz_id != NULL && question_id != NULL, NULL);
  return g_strconcat (ALLY_CARD_QUESTION_PREFIX, quiz_id, "/", question_id, NULL);
}

/* Splits "question:QUIZ/QUESTION"; FALSE for any other id. */
gboolean
ally_card_id_parse_question (const char  *card_id,
                             char       **out_quiz_id,
                             char       **out_question_id)
{
  const char *quiz;
  const char *slash;

  if (card_id == NULL || !g_str_has_prefix (card_id, ALLY_CARD_QUESTION_PREFIX))
    return FALSE;
  quiz = card_id + strlen (ALLY_CARD_QUESTION_PREFIX);
  slash = strchr (quiz, '/');
  if (slash == NULL || slash == quiz || slash[1] == '\0')
    return FALSE;
  if (out_quiz_id)
    *out_quiz_id = g_strndup (quiz, slash - quiz);
  if (out_question_id)
    *out_question_id = g_strdup (slash + 1);
  return TRUE;
}

/* ---- Local days ---- */

/* The local calendar day @days after the day of @now, as YYYY-MM-DD (how due dates are
 * stored: they sort and compare as text). */
static char *
local_date_after (GDateTime *now,
                  int        days)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (now);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  if (days > 0)
    g_date_add_days (&date, days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/* Local midnight at the start of @date (YYYY-MM-DD), or NULL if it is not a date. */
static GDateTime *
local_midnight (const char *date)
{
  int year, month, day;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

/* ---- Reading ---- */

/* Fills @state and @out_due_date (NULL for a new card); NOT_FOUND if there is no such card. */
static gboolean
read_card (AllyJournal   *self,
           const char    *card_id,
           AllySm2State  *state,
           char         **out_due_date,
           GError       **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "SELECT repetitions, interval_days, ease, due_date FROM review_cards WHERE card_id = ?",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, card_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND,
                           _("This card is not among your reviews."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      ally_journal_set_error (self, error, rc, _("Your reviews could not be read"));
      return FALSE;
    }
  state->repetitions = sqlite3_column_int (stmt, 0);
  state->interval_days = sqlite3_column_int (stmt, 1);
  state->ease = sqlite3_column_double (stmt, 2);
  if (out_due_date)
    *out_due_date = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  return TRUE;
}

/* How many new cards today may still bring in: the limit less those first reviewed today. */
static gboolean
count_new_allowed (AllyJournal  *self,
                   const char   *today,
                   guint        *out_allowed,
                   GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "SELECT count(*) FROM review_cards WHERE first_review_date = ?", error);
  guint limit = ally_journal_get_new_cards_per_day (self);
  gint64 introduced;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      ally_journal_set_error (self, error, rc, _("Your reviews could not be read"));
      return FALSE;
    }
  introduced = sqlite3_column_int64 (stmt, 0);
  *out_allowed = introduced >= limit ? 0 : limit - (guint) introduced;
  return TRUE;
}

/* Adds the ids @sql selects (with today bound to ?1 and a row limit to ?2) to @builder. */
static gboolean
collect_ids (AllyJournal   *self,
             const char    *sql,
             const char    *today,
             gint64         limit,
             GStrvBuilder  *builder,
             GError       **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      ally_journal_set_error (self, error, rc, _("Your reviews could not be read"));
      return FALSE;
    }
  return TRUE;
}

/* ---- Public API ---- */

/**
 * ally_journal_add_card:
 * @card_id: "term:ID" or "question:QUIZ/QUESTION"
 * @out_added: (out) (optional): %FALSE if it was a card already (nothing changes then)
 *
 * Makes @card_id a new card: it is reviewed for the first time on a day whose limit on new
 * cards leaves room for it.
 */
gboolean
ally_journal_add_card (AllyJournal  *self,
                       const char   *card_id,
                       GDateTime    *now,
                       gboolean     *out_added,
                       GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (card_id != NULL && now != NULL, FALSE);
  stmt = ally_journal_prepare (self,
    "INSERT INTO review_cards (card_id, added_at) VALUES (?, ?) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, card_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, ally_usec_from_date_time (now));
  if (!ally_journal_step_done (self, stmt, error))
    return FALSE;
  if (out_added)
    *out_added = sqlite3_changes (ally_journal_get_db (self)) > 0;
  return TRUE;
}

/**
 * ally_journal_add_cards:
 * @card_ids: (array zero-terminated=1): cards to add, in the order they are to be introduced
 *
 * ally_journal_add_card() for each, in one transaction: all are added or none.
 */
gboolean
ally_journal_add_cards (AllyJournal        *self,
                        const char * const *card_ids,
                        GDateTime          *now,
                        GError            **error)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (card_ids != NULL && now != NULL, FALSE);

  if (card_ids[0] == NULL)
    return TRUE;
  if (!ally_journal_begin (self, error))
    return FALSE;
  for (guint i = 0; card_ids[i] != NULL; i++)
    {
      /* One microsecond apart, so that they come up in the order given. */
      g_autoptr (GDateTime) when = g_date_time_add (now, i);

      if (!ally_journal_add_card (self, card_ids[i], when, NULL, error))
        {
          ally_journal_rollback (self);
          return FALSE;
        }
    }
  return ally_journal_commit (self, error);
}

/* A missed question is due the next day, as SM-2's first interval says; missed again, an
 * existing card starts its repetitions over (its ease stays). */
gboolean
ally_journal_add_missed_question (AllyJournal  *self,
                                  const char   *quiz_id,
                                  const char   *question_id,
                                  GDateTime    *now,
                                  GError      **error)
{
  g_autofree char *card_id = ally_card_id_for_question (quiz_id, question_id);
  g_autofree char *tomorrow = local_date_after (now, 1);
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "INSERT INTO review_cards (card_id, added_at, interval_days, due_date) VALUES (?1, ?2, 1, ?3)"
    " ON CONFLICT (card_id) DO UPDATE SET repetitions = 0, interval_days = 1, due_date = ?3",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, card_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, ally_usec_from_date_time (now));
  sqlite3_bind_text (stmt, 3, tomorrow, -1, SQLITE_TRANSIENT);
  return ally_journal_step_done (self, stmt, error);
}

/**
 * ally_journal_review_card:
 * @quality: SM-2 quality, 0 (forgotten) to 5 (perfect); see ally_sm2_grade_quality()
 * @now: the time of the review (UTC or local)
 *
 * Schedules the card's next review with SM-2: due from local midnight, interval days after
 * the local day of @now. A card not added yet becomes one.
 */
gboolean
ally_journal_review_card (AllyJournal  *self,
                          const char   *card_id,
                          int           quality,
                          GDateTime    *now,
                          GError      **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (AllyStmt) stmt = NULL;
  g_autofree char *today = NULL;
  g_autofree char *due = NULL;
  AllySm2State state;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (card_id != NULL && now != NULL, FALSE);
  ally_sm2_init (&state);
  if (!read_card (self, card_id, &state, NULL, &local) &&
      !g_error_matches (local, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  ally_sm2_review (&state, quality);
  today = local_date_after (now, 0);
  due = local_date_after (now, state.interval_days);
  stmt = ally_journal_prepare (self,
    "INSERT INTO review_cards (card_id, added_at, repetitions, interval_days, ease, due_date,"
    " first_review_date, reviewed_at) VALUES (?1, ?6, ?2, ?3, ?4, ?5, ?7, ?6)"
    " ON CONFLICT (card_id) DO UPDATE SET repetitions = ?2, interval_days = ?3, ease = ?4,"
    " due_date = ?5, reviewed_at = ?6,"
    " first_review_date = CASE WHEN due_date IS NULL THEN ?7 ELSE first_review_date END",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, card_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, state.repetitions);
  sqlite3_bind_int (stmt, 3, state.interval_days);
  sqlite3_bind_double (stmt, 4, state.ease);
  sqlite3_bind_text (stmt, 5, due, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, ally_usec_from_date_time (now));
  sqlite3_bind_text (stmt, 7, today, -1, SQLITE_TRANSIENT);
  return ally_journal_step_done (self, stmt, error);
}

/**
 * ally_journal_get_card:
 * @out_due: (out) (optional) (nullable): local midnight of the day the card is due, or
 *   %NULL for a new card
 *
 * Returns: %FALSE with NOT_FOUND if @card_id is not a card
 */
gboolean
ally_journal_get_card (AllyJournal   *self,
                       const char    *card_id,
                       AllySm2State  *state,
                       GDateTime    **out_due,
                       GError       **error)
{
  g_autofree char *due = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  if (!read_card (self, card_id, state, &due, error))
    return FALSE;
  if (out_due)
    *out_due = local_midnight (due);
  return TRUE;
}

/**
 * ally_journal_list_due_cards:
 *
 * Returns: (transfer full): the cards to review on the local day of @now: those due that
 *   day or before, most overdue first, then new cards in the order they were added, as
 *   many as the day's limit on new cards still allows; %NULL with @error set on failure
 */
GStrv
ally_journal_list_due_cards (AllyJournal  *self,
                             GDateTime    *now,
                             GError      **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *today = NULL;
  guint allowed;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  today = local_date_after (now, 0);
  if (!count_new_allowed (self, today, &allowed, error) ||
      !collect_ids (self,
                    "SELECT card_id FROM review_cards WHERE due_date <= ?1"
                    " ORDER BY due_date, card_id LIMIT ?2", today, -1, builder, error) ||
      !collect_ids (self,
                    "SELECT card_id FROM review_cards WHERE due_date IS NULL"
                    " ORDER BY added_at, card_id LIMIT ?2", today, allowed, builder, error))
    return NULL;
  return g_strv_builder_end (builder);
}

/**
 * ally_journal_count_due_reviews:
 *
 * Returns: how many reviews the local day of @now holds: term cards and missed questions
 *   due that day or before, and new cards up to the day's limit (0 with @error set on
 *   failure)
 */
guint
ally_journal_count_due_reviews (AllyJournal  *self,
                                GDateTime    *now,
                                GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;
  g_autofree char *today = NULL;
  guint allowed;
  int rc;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), 0);
  g_return_val_if_fail (now != NULL, 0);
  today = local_date_after (now, 0);
  if (!count_new_allowed (self, today, &allowed, error))
    return 0;
  stmt = ally_journal_prepare (self,
    "SELECT (SELECT count(*) FROM review_cards WHERE due_date <= ?1),"
    " (SELECT count(*) FROM review_cards WHERE due_date IS NULL)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      ally_journal_set_error (self, error, rc, _("Your reviews could not be read"));
      return 0;
    }
  return (guint) sqlite3_column_int64 (stmt, 0) +
         MIN ((guint) sqlite3_column_int64 (stmt, 1), allowed);
}

/**
 * ally_journal_forecast_reviews:
 * @n_days: how many days after today
 *
 * Returns: (transfer full) (element-type guint): for each of the @n_days local days after
 *   the day of @now, how many cards fall due that day (new cards not counted); %NULL with
 *   @error set on failure
 */
GArray *
ally_journal_forecast_reviews (AllyJournal  *self,
                               GDateTime    *now,
                               guint         n_days,
                               GError      **error)
{
  g_autoptr (GArray) counts = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_days);
  g_autoptr (AllyStmt) stmt = NULL;
  g_autofree char *today = NULL;
  g_autofree char *last = NULL;
  int rc;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_array_set_size (counts, n_days);
  today = local_date_after (now, 0);
  last = local_date_after (now, n_days);
  stmt = ally_journal_prepare (self,
    "SELECT due_date, count(*) FROM review_cards WHERE due_date > ?1 AND due_date <= ?2"
    " GROUP BY due_date", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *due = (const char *) sqlite3_column_text (stmt, 0);

      for (guint day = 0; day < n_days; day++)
        {
          g_autofree char *date = local_date_after (now, day + 1);

          if (g_strcmp0 (date, due) == 0)
            g_array_index (counts, guint, day) = (guint) sqlite3_column_int64 (stmt, 1);
        }
    }
  if (rc != SQLITE_DONE)
    {
      ally_journal_set_error (self, error, rc, _("Your reviews could not be read"));
      return NULL;
    }
  return g_steal_pointer (&counts);
}
