/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry-list.h: a GListModel of journal entries over a query, fetched in pages. */
#pragma once

#include <gio/gio.h>

#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_ENTRY_LIST_PAGE_SIZE 64
#define ALLY_ENTRY_LIST_MAX_PAGES 4

/* Around a matching word in a search snippet (control characters: never in the text). */
#define ALLY_ENTRY_LIST_MATCH_START "\x02"
#define ALLY_ENTRY_LIST_MATCH_END   "\x03"

#define ALLY_TYPE_ENTRY_LIST (ally_entry_list_get_type ())
G_DECLARE_FINAL_TYPE (AllyEntryList, ally_entry_list, ALLY, ENTRY_LIST, GObject)

AllyEntryList *ally_entry_list_new_all          (AllyJournal   *journal);
AllyEntryList *ally_entry_list_new_for_tag      (AllyJournal   *journal,
                                                 const char    *tag);
AllyEntryList *ally_entry_list_new_for_search   (AllyJournal   *journal,
                                                 const char    *words);
char          *ally_entry_list_dup_snippet      (AllyEntryList *self,
                                                 gint64         entry_id);
guint          ally_entry_list_get_cached_items (AllyEntryList *self);
guint          ally_entry_list_get_peak_cached_items (AllyEntryList *self);

G_END_DECLS
