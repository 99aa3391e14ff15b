/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-progress.h: learning progress kept by AllyJournal — lessons, quizzes,
 * flashcards, commitments and power & privilege map answers. */
#pragma once

#include "ally-commitment.h"
#include "ally-journal.h"
#include "ally-journal-cards.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean   opened;
  int        position;
  GDateTime *completed_at; /* nullable */
} AllyLessonState;

void ally_lesson_state_clear (AllyLessonState *state);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AllyLessonState, ally_lesson_state_clear)

gboolean    ally_journal_open_lesson            (AllyJournal      *self,
                                                 const char       *lesson_id,
                                                 GError          **error);
gboolean    ally_journal_set_lesson_position    (AllyJournal      *self,
                                                 const char       *lesson_id,
                                                 int               position,
                                                 GError          **error);
gboolean    ally_journal_complete_lesson        (AllyJournal      *self,
                                                 const char       *lesson_id,
                                                 GError          **error);
gboolean    ally_journal_uncomplete_lesson      (AllyJournal      *self,
                                                 const char       *lesson_id,
                                                 GError          **error);
gboolean    ally_journal_read_lesson            (AllyJournal      *self,
                                                 const char       *lesson_id,
                                                 GError          **error);
char       *ally_journal_get_last_read_lesson   (AllyJournal      *self,
                                                 GError          **error);
gint64      ally_journal_find_prompt_entry      (AllyJournal      *self,
                                                 const char       *lesson_id,
                                                 const char       *prompt_id,
                                                 GError          **error);
gboolean    ally_journal_get_lesson_state       (AllyJournal      *self,
                                                 const char       *lesson_id,
                                                 AllyLessonState  *state,
                                                 GError          **error);
gboolean    ally_journal_is_lesson_finished     (AllyJournal      *self,
                                                 const char       *lesson_id);

gboolean    ally_journal_save_quiz_answer       (AllyJournal      *self,
                                                 const char       *quiz_id,
                                                 const char       *question_id,
                                                 const char       *answer,
                                                 gboolean          correct,
                                                 GError          **error);
char       *ally_journal_get_quiz_answer        (AllyJournal      *self,
                                                 const char       *quiz_id,
                                                 const char       *question_id,
                                                 gboolean         *out_correct,
                                                 GError          **error);
gboolean    ally_journal_record_quiz_score      (AllyJournal      *self,
                                                 const char       *quiz_id,
                                                 int               score,
                                                 int               max_score,
                                                 GError          **error);
gboolean    ally_journal_get_quiz_best          (AllyJournal      *self,
                                                 const char       *quiz_id,
                                                 int              *out_best,
                                                 int              *out_max_score,
                                                 GError          **error);

gint64      ally_journal_add_commitment         (AllyJournal      *self,
                                                 const char       *text,
                                                 const char       *lesson_id,
                                                 GDateTime        *due,
                                                 gint64            entry_id,
                                                 GError          **error);
gboolean    ally_journal_set_commitment_done    (AllyJournal      *self,
                                                 gint64            id,
                                                 gboolean          done,
                                                 GError          **error);
gboolean    ally_journal_update_commitment      (AllyJournal      *self,
                                                 gint64            id,
                                                 const char       *text,
                                                 GDateTime        *due,
                                                 GError          **error);
gboolean    ally_journal_delete_commitment      (AllyJournal      *self,
                                                 gint64            id,
                                                 GError          **error);
GListModel *ally_journal_list_commitments       (AllyJournal      *self,
                                                 GError          **error);

gboolean    ally_journal_set_power_map_answer   (AllyJournal      *self,
                                                 const char       *axis_id,
                                                 const char       *answer,
                                                 GError          **error);
GHashTable *ally_journal_get_power_map          (AllyJournal      *self,
                                                 GError          **error);

G_END_DECLS
