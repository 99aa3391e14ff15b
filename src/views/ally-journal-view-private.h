/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-view-private.h: what ally-journal-view.c and ally-journal-view-actions.c share,
 * and what the Journal area's tests reach into. Not for other files of the app. */
#pragma once

#include "ally-entry-editor.h"
#include "ally-entry-list.h"
#include "ally-journal-view.h"
#include "ally-tag-filter.h"

G_BEGIN_DECLS

struct _AllyJournalView
{
  GtkWidget           parent_instance;

  AllyJournal        *journal;
  AllyCatalog        *catalog;
  GtkSingleSelection *selection;
  AllyEntryList      *search_results;  /* under the list while searching, for snippets */
  AllyEntry          *deleted;
  AdwToast           *save_toast;
  AdwToast           *import_toast;
  GFile              *import_file;     /* while importing, and after, to bring back deletions */
  AdwToast           *undo_toast;      /* "Entry deleted", while it shows */
  char               *toast_title;

  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  AdwStatusPage      *error_page;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkSearchEntry     *search_entry;
  AllyTagFilter      *tag_filter;
  GtkStack           *list_stack;
  GtkListView        *entry_list;
  GtkStack           *content_stack;
  AllyEntryEditor    *editor;
};

/* For the tests. */
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

/* ally-journal-view.c, for the actions. */
void             ally_journal_view_update_pages    (AllyJournalView *self);
/* Highlights the open entry in the list. */
void             ally_journal_view_sync_selection  (AllyJournalView *self);
void             ally_journal_view_refresh_tags    (AllyJournalView *self);
/* Opens ENTRY in the editor after saving the one open; FALSE if that save failed. */
gboolean         ally_journal_view_show_entry      (AllyJournalView *self,
                                                    AllyEntry       *entry);
/* ally-journal-view-actions.c */
AdwToast        *ally_journal_view_show_toast_for  (AllyJournalView *self,
                                                    const char      *title,
                                                    guint            timeout_s);
/* A toast that goes after five seconds. */
AdwToast        *ally_journal_view_show_toast      (AllyJournalView *self,
                                                    const char      *title);
/* The error's message without its last full stop, to read inside a sentence. */
char            *ally_journal_view_reason_from_error (const GError  *error);
/* Installs the journal.* actions and their shortcuts, and binds the editor's save callbacks. */
void             ally_journal_view_class_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
