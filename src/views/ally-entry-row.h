/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry-row.h: one journal entry in the Journal's list: its title, when it was last
 * changed, its tags and, while searching, the words around the match. */
#pragma once

#include <adwaita.h>

#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_ENTRY_ROW (ally_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (AllyEntryRow, ally_entry_row, ALLY, ENTRY_ROW, GtkBox)

GtkWidget *ally_entry_row_new       (void);
AllyEntry *ally_entry_row_get_entry (AllyEntryRow *self);
/* Shows ENTRY; SNIPPET (nullable) is a search result's text around the match, the matching
 * words between ALLY_ENTRY_LIST_MATCH_START and ALLY_ENTRY_LIST_MATCH_END, shown in bold. */
void       ally_entry_row_set_entry (AllyEntryRow *self,
                                     AllyEntry    *entry,
                                     const char   *snippet);

G_END_DECLS
