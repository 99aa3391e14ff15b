/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-power-answer.h: one question of the power and privilege map and the person's answer,
 * saved to the journal when typing pauses or the field loses focus. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_POWER_ANSWER (ally_power_answer_get_type ())
G_DECLARE_FINAL_TYPE (AllyPowerAnswer, ally_power_answer, ALLY, POWER_ANSWER, GtkBox)

/* How long typing must pause before an answer is saved. */
#define ALLY_POWER_ANSWER_AUTOSAVE_MS 800

AllyPowerAnswer *ally_power_answer_new         (AllyMapQuestion *question);
const char      *ally_power_answer_get_id      (AllyPowerAnswer *self);
/* The same question in another language: only the labels change. */
void             ally_power_answer_relabel     (AllyPowerAnswer *self,
                                                AllyMapQuestion *question);
void             ally_power_answer_set_journal (AllyPowerAnswer *self,
                                                AllyJournal     *journal);
/* Shows TEXT as the answer; UNSAVED: it is not in the journal yet and will be saved. */
void             ally_power_answer_load        (AllyPowerAnswer *self,
                                                const char      *text,
                                                gboolean         unsaved);
/* The text typed and not saved yet, or NULL. */
char            *ally_power_answer_dup_unsaved (AllyPowerAnswer *self);
/* Saves what was typed and not saved yet; FALSE (and "save-failed") when it could not be. */
gboolean         ally_power_answer_save        (AllyPowerAnswer *self);

G_END_DECLS
