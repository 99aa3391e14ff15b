/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-view.h: the Journal area: the person's entries beside the one being written. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_JOURNAL_VIEW (ally_journal_view_get_type ())
G_DECLARE_FINAL_TYPE (AllyJournalView, ally_journal_view, ALLY, JOURNAL_VIEW, GtkWidget)

GtkWidget   *ally_journal_view_new                   (void);
AllyJournal *ally_journal_view_get_journal           (AllyJournalView *self);
void         ally_journal_view_set_journal           (AllyJournalView *self,
                                                      AllyJournal     *journal);
void         ally_journal_view_set_catalog           (AllyJournalView *self,
                                                      AllyCatalog     *catalog);
void         ally_journal_view_show_error            (AllyJournalView *self,
                                                      const GError    *error);
void         ally_journal_view_new_entry             (AllyJournalView *self);
/* Moves the keyboard focus to the area's first control. */
void         ally_journal_view_focus_default         (AllyJournalView *self);
void         ally_journal_view_new_entry_for_prompt  (AllyJournalView *self,
                                                      const char      *lesson_id,
                                                      const char      *prompt_id,
                                                      const char      *prompt_text);

G_END_DECLS
