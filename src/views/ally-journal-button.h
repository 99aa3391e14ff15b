/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-button.h: a button to the journal entry about a lesson's prompt or scenario. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ALLY_TYPE_JOURNAL_BUTTON (ally_journal_button_get_type ())
G_DECLARE_FINAL_TYPE (AllyJournalButton, ally_journal_button, ALLY, JOURNAL_BUTTON, GtkBox)

GtkWidget  *ally_journal_button_new           (const char        *action_name,
                                               const char        *prompt_id);
const char *ally_journal_button_get_prompt_id (AllyJournalButton *self);
void        ally_journal_button_set_written   (AllyJournalButton *self,
                                               gboolean           written);

G_END_DECLS
