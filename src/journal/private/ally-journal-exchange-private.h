/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-exchange-private.h: what the export and import files share — the kinds of
 * item an export holds (ally-journal-items.c), reading an export file item by item
 * (ally-journal-import-reader.c) and merging items into the journal
 * (ally-journal-import-merge.c). The format is docs/journal-format.md. */
#pragma once

#include <json-glib/json-glib.h>

#include "ally-journal-private.h"

G_BEGIN_DECLS

#define ALLY_EXPORT_FORMAT "allyship-journal"
#define ALLY_EXPORT_VERSION 2

typedef enum
{
  ALLY_FIELD_TEXT,
  ALLY_FIELD_INT,
  ALLY_FIELD_REAL,
  ALLY_FIELD_BOOL,
  ALLY_FIELD_TIME,
  /* An entry's uid in the file, its row id in the journal (a commitment's entry). */
  ALLY_FIELD_ENTRY_REF,
} AllyFieldType;

typedef struct
{
  const char    *name;     /* in the file */
  const char    *column;   /* in the table */
  AllyFieldType  type;
  gboolean       optional; /* may be null or missing */
  gboolean       sealed;   /* kept encrypted while the journal's lock is on */
} AllyItemField;

/* One kind of item other than journal entries, which have their own code (tags, search
 * index): a table whose first n_keys fields identify a row on every computer (a uid, or
 * the course's own ids) and whose updated_field says which of two copies is newer. */
typedef struct
{
  const char          *list;       /* the file's list of them, such as "commitments" */
  const char          *table;
  const char          *tombstone;  /* the kind in the tombstones table, or NULL */
  const AllyItemField *fields;
  guint                n_fields;
  guint                n_keys;
  guint                updated_field;
  const char          *order_by;   /* how the export lists them (the table is "t") */
  /* A sealed value is bound to its row: by the row's id (commitments), or else by its key. */
  gboolean             sealed_by_id;
} AllyItemKind;

/* The kinds, in the order they are written and merged (entries come first, then these). */
const AllyItemKind *ally_item_kinds               (guint        *n_kinds);
char               *ally_item_describe            (const char   *list,
                                                   guint         index);

typedef gboolean (*AllyEntryFunc) (AllyEntry  *entry,
                                   gpointer    user_data,
                                   GError    **error);
gboolean            ally_journal_foreach_entry    (AllyJournal    *self,
                                                   AllyEntryFunc   func,
                                                   gpointer        user_data,
                                                   GError        **error);

/* Reading */

typedef struct _AllyExportReader AllyExportReader;

AllyExportReader   *ally_export_reader_new        (GFile         *source,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
void                ally_export_reader_free       (AllyExportReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AllyExportReader, ally_export_reader_free)
/* Calls @func for each item of list @list, in order; stops at the first FALSE. */
typedef gboolean (*AllyItemFunc) (JsonObject  *item,
                                  guint        index,
                                  gpointer     user_data,
                                  GError     **error);
gboolean            ally_export_reader_foreach    (AllyExportReader *reader,
                                                   const char       *list,
                                                   AllyItemFunc      func,
                                                   gpointer          user_data,
                                                   GError          **error);
/* How far through the file the last item read was, from 0 to 1. */
double              ally_export_reader_get_fraction (AllyExportReader *reader);

gboolean            ally_import_error             (GError     **error,
                                                   int          code,
                                                   const char  *format,
                                                   ...) G_GNUC_PRINTF (3, 4);

/* Checked values of an item; each error names the item (@list, @index). */
gboolean            ally_item_get_text            (JsonObject   *item,
                                                   const char   *list,
                                                   guint         index,
                                                   const char   *name,
                                                   gboolean      optional,
                                                   const char  **out,
                                                   GError      **error);
gboolean            ally_item_get_key             (JsonObject   *item,
                                                   const char   *list,
                                                   guint         index,
                                                   const char   *name,
                                                   const char  **out,
                                                   GError      **error);
gboolean            ally_item_get_time            (JsonObject   *item,
                                                   const char   *list,
                                                   guint         index,
                                                   const char   *name,
                                                   gboolean      optional,
                                                   GDateTime   **out,
                                                   GError      **error);
gboolean            ally_item_get_tags            (JsonObject   *item,
                                                   const char   *list,
                                                   guint         index,
                                                   GStrv        *out,
                                                   GError      **error);
/* Binds field @field of @item to parameter @param of @stmt, checking it; a sealed field
 * is sealed for @row of the kind's table through @db. */
gboolean            ally_item_bind_field          (AllyJournal         *db,
                                                   const AllyItemKind  *kind,
                                                   const char          *row,
                                                   JsonObject          *item,
                                                   const char          *list,
                                                   guint                index,
                                                   const AllyItemField *field,
                                                   gboolean             key,
                                                   sqlite3_stmt        *stmt,
                                                   int                  param,
                                                   GError             **error);

/* Merging */

typedef struct _AllyMerge AllyMerge;

AllyMerge          *ally_merge_new                (AllyJournal      *db,
                                                   AllyImportFlags   flags);
void                ally_merge_free               (AllyMerge        *merge);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AllyMerge, ally_merge_free)
/* Merges every item of @reader through @db; must run inside a transaction. */
gboolean            ally_merge_run                (AllyMerge         *merge,
                                                   AllyExportReader  *reader,
                                                   GCancellable      *cancellable,
                                                   GError           **error);
void                ally_merge_set_progress       (AllyMerge         *merge,
                                                   void             (*func) (double fraction,
                                                                              gpointer data),
                                                   gpointer           data);
const AllyImportResult *ally_merge_get_result     (AllyMerge         *merge);

G_END_DECLS
