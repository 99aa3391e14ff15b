/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-overview.h: what a returning learner's overview shows, read from the journal
 * in one call: the lesson to continue, lessons finished, quiz results, reviews and
 * commitments due, recent reflections and the days studied. */
#pragma once

#include "ally-journal.h"
#include "ally-quiz-result.h"

G_BEGIN_DECLS

/* How many recent reflections and due commitments an overview holds at most. */
#define ALLY_JOURNAL_OVERVIEW_MAX_REFLECTIONS 3
#define ALLY_JOURNAL_OVERVIEW_MAX_COMMITMENTS 10
/* The most days its calendar can cover. */
#define ALLY_JOURNAL_OVERVIEW_MAX_DAYS 366

#define ALLY_TYPE_JOURNAL_OVERVIEW (ally_journal_overview_get_type ())
G_DECLARE_FINAL_TYPE (AllyJournalOverview, ally_journal_overview, ALLY, JOURNAL_OVERVIEW, GObject)

AllyJournalOverview *ally_journal_get_overview                 (AllyJournal          *self,
                                                                GDateTime            *now,
                                                                guint                 n_days,
                                                                GError              **error);

gboolean             ally_journal_overview_has_progress        (AllyJournalOverview  *self);
const char          *ally_journal_overview_get_last_lesson_id  (AllyJournalOverview  *self);
int                  ally_journal_overview_get_last_position   (AllyJournalOverview  *self);
gboolean             ally_journal_overview_is_finished         (AllyJournalOverview  *self,
                                                                const char           *lesson_id);
GListModel          *ally_journal_overview_get_quiz_results    (AllyJournalOverview  *self);
AllyQuizResult      *ally_journal_overview_lookup_quiz_result  (AllyJournalOverview  *self,
                                                                const char           *quiz_id);
guint                ally_journal_overview_get_n_reviews_due   (AllyJournalOverview  *self);
GListModel          *ally_journal_overview_get_due_commitments (AllyJournalOverview  *self);
guint                ally_journal_overview_get_n_due_commitments (AllyJournalOverview *self);
GListModel          *ally_journal_overview_get_reflections     (AllyJournalOverview  *self);
GDateTime           *ally_journal_overview_get_first_day       (AllyJournalOverview  *self);
guint                ally_journal_overview_get_n_days          (AllyJournalOverview  *self);
gboolean             ally_journal_overview_studied_on          (AllyJournalOverview  *self,
                                                                guint                 day);

G_END_DECLS
