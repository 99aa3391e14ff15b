/* ally-entry-list.h: a GListModel of journal entries over a query, fetched in pages. */
#pragma once

#include <gio/gio.h>

#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_ENTRY_LIST_PAGE_SIZE 64
#define ALLY_ENTRY_LIST_MAX_PAGES 4

#define ALLY_TYPE_ENTRY_LIST (ally_entry_list_get_type ())
G_DECLARE_FINAL_TYPE (AllyEntryList, ally_entry_list, ALLY, ENTRY_LIST, GObject)

AllyEntryList *ally_entry_list_new_all          (AllyJournal   *journal);
AllyEntryList *ally_entry_list_new_for_tag      (AllyJournal   *journal,
                                                 const char    *tag);
AllyEntryList *ally_entry_list_new_for_search   (AllyJournal   *journal,
                                                 const char    *words);
guint          ally_entry_list_get_cached_items (AllyEntryList *self);
guint          ally_entry_list_get_peak_cached_items (AllyEntryList *self);

G_END_DECLS
