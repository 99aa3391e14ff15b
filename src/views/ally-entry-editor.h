/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry-editor.h: edits one journal entry and saves it as the person types. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

/* How long after the last keystroke the entry is saved, and how long at most after the
 * first change not yet saved, however steadily the person types. */
#define ALLY_ENTRY_EDITOR_AUTOSAVE_MS 800
#define ALLY_ENTRY_EDITOR_AUTOSAVE_MAX_MS 4000
/* How long a save waits for another program to let go of the journal, and how often a
 * save that found it locked is tried again. */
#define ALLY_ENTRY_EDITOR_LOCK_WAIT_MS 200
#define ALLY_ENTRY_EDITOR_RETRY_SECONDS 2

#define ALLY_TYPE_ENTRY_EDITOR (ally_entry_editor_get_type ())
G_DECLARE_FINAL_TYPE (AllyEntryEditor, ally_entry_editor, ALLY, ENTRY_EDITOR, GtkWidget)

void         ally_entry_editor_set_journal             (AllyEntryEditor  *self,
                                                        AllyJournal      *journal);
void         ally_entry_editor_set_catalog             (AllyEntryEditor  *self,
                                                        AllyCatalog      *catalog);
AllyEntry   *ally_entry_editor_get_entry               (AllyEntryEditor  *self);
gboolean     ally_entry_editor_set_entry               (AllyEntryEditor  *self,
                                                        AllyEntry        *entry);
gboolean     ally_entry_editor_save                    (AllyEntryEditor  *self);
gboolean     ally_entry_editor_has_unsaved_changes     (AllyEntryEditor  *self);
const GError *ally_entry_editor_get_save_error         (AllyEntryEditor  *self);
const GError *ally_entry_editor_get_copy_error         (AllyEntryEditor  *self);
char        *ally_entry_editor_format_text             (AllyEntryEditor  *self);
const char  *ally_entry_editor_get_status              (AllyEntryEditor  *self);
void         ally_entry_editor_focus_title             (AllyEntryEditor  *self);
void         ally_entry_editor_focus_body              (AllyEntryEditor  *self);

G_END_DECLS
