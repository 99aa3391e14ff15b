/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-view-private.h: what the Journal area's tests reach into. */
#pragma once

#include "ally-entry-editor.h"
#include "ally-journal-view.h"

G_BEGIN_DECLS

AllyEntryEditor *ally_journal_view_get_editor      (AllyJournalView *self);
GListModel      *ally_journal_view_get_entries     (AllyJournalView *self);
const char      *ally_journal_view_get_page_name   (AllyJournalView *self);
const char      *ally_journal_view_get_list_page_name (AllyJournalView *self);
const char      *ally_journal_view_get_toast_title (AllyJournalView *self);
gboolean         ally_journal_view_open_entry      (AllyJournalView *self,
                                                    gint64           id);
void             ally_journal_view_set_search      (AllyJournalView *self,
                                                    const char      *words);
void             ally_journal_view_set_tag         (AllyJournalView *self,
                                                    const char      *tag);
gboolean         ally_journal_view_export_file     (AllyJournalView *self,
                                                    GFile           *file,
                                                    const char      *format);
gboolean         ally_journal_view_import_file     (AllyJournalView *self,
                                                    GFile           *file);

G_END_DECLS
