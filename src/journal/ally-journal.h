/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal.h: the user's data file — journal entries and learning progress in SQLite.
 * Its public API is this header and the headers it includes (at the end, as they build on
 * AllyJournal), all in src/journal/; the store's own headers are in src/journal/private/,
 * off the app's include path (tools/check-public-headers). */
#pragma once

#include <gio/gio.h>

#include "ally-entry.h"

G_BEGIN_DECLS

#define ALLY_JOURNAL_ERROR (ally_journal_error_quark ())

typedef enum
{
  ALLY_JOURNAL_ERROR_FAILED,
  ALLY_JOURNAL_ERROR_IO,
  ALLY_JOURNAL_ERROR_NOT_A_DATABASE,
  ALLY_JOURNAL_ERROR_CORRUPT,
  ALLY_JOURNAL_ERROR_NEWER_VERSION,
  ALLY_JOURNAL_ERROR_NOT_FOUND,
  ALLY_JOURNAL_ERROR_INVALID_ARGUMENT,
  ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
  ALLY_JOURNAL_ERROR_IMPORT_NOT_AN_EXPORT,
  ALLY_JOURNAL_ERROR_IMPORT_WRONG_VERSION,
  ALLY_JOURNAL_ERROR_IMPORT_MISSING_FIELD,
  ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
  ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
  ALLY_JOURNAL_ERROR_IMPORT_DUPLICATE,
  ALLY_JOURNAL_ERROR_IN_USE,
} AllyJournalError;

/* What happened to an entry, as carried by AllyJournal::entry-changed. */
typedef enum
{
  ALLY_ENTRY_CHANGE_ADDED,
  ALLY_ENTRY_CHANGE_EDITED,
  ALLY_ENTRY_CHANGE_DELETED,
} AllyEntryChange;

typedef enum
{
  ALLY_MARKDOWN_FILE_PER_ENTRY,
  ALLY_MARKDOWN_SINGLE_FILE,
} AllyMarkdownMode;

#define ALLY_JOURNAL_SCHEMA_VERSION 6
#define ALLY_JOURNAL_MAX_BACKUPS 7
#define ALLY_JOURNAL_MAX_FIELD_BYTES (1024 * 1024)
/* How many cards a day a review introduces, unless the journal is told otherwise. */
#define ALLY_JOURNAL_DEFAULT_NEW_CARDS_PER_DAY 10

/* Import limits beyond the field size (docs/journal-format.md). */
#define ALLY_JOURNAL_MAX_IMPORT_BYTES (512 * 1024 * 1024)
#define ALLY_JOURNAL_MAX_IMPORT_DEPTH 32
#define ALLY_JOURNAL_MAX_UID_BYTES 256
#define ALLY_JOURNAL_MAX_TAG_BYTES 1024
#define ALLY_JOURNAL_MAX_TAGS 1000

/* Called with the fraction of a long task done, from 0 to 1. */
typedef void (*AllyJournalProgressFunc) (double   fraction,
                                         gpointer user_data);

#define ALLY_TYPE_JOURNAL (ally_journal_get_type ())
G_DECLARE_FINAL_TYPE (AllyJournal, ally_journal, ALLY, JOURNAL, GObject)

GQuark       ally_journal_error_quark        (void);

GFile       *ally_journal_default_data_dir   (void);
AllyJournal *ally_journal_open               (GFile               *data_dir,
                                              GError             **error);
void         ally_journal_open_async         (GFile               *data_dir,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
AllyJournal *ally_journal_open_finish        (GAsyncResult        *result,
                                              GError             **error);
GFile       *ally_journal_get_data_dir       (AllyJournal         *self);
GFile       *ally_journal_get_file           (AllyJournal         *self);
guint64      ally_journal_get_change_stamp   (AllyJournal         *self);

gint64       ally_journal_save_entry         (AllyJournal         *self,
                                              AllyEntry           *entry,
                                              GError             **error);
AllyEntry   *ally_journal_get_entry          (AllyJournal         *self,
                                              gint64               id,
                                              GError             **error);
gboolean     ally_journal_delete_entry       (AllyJournal         *self,
                                              gint64               id,
                                              GError             **error);
gint64       ally_journal_restore_entry      (AllyJournal         *self,
                                              AllyEntry           *deleted,
                                              GError             **error);
gint64       ally_journal_count_entries      (AllyJournal         *self,
                                              GError             **error);
GStrv        ally_journal_list_tags          (AllyJournal         *self,
                                              GError             **error);

/* Reviews (ally-journal-cards.c; the rest in ally-journal-cards.h) */
guint        ally_journal_count_due_reviews  (AllyJournal         *self,
                                              GDateTime           *now,
                                              GError             **error);
guint        ally_journal_get_new_cards_per_day (AllyJournal      *self);
void         ally_journal_set_new_cards_per_day (AllyJournal      *self,
                                                 guint             limit);

/* Backups (ally-journal-backup.c) */
gboolean     ally_journal_backup_now         (AllyJournal         *self,
                                              GError             **error);
GPtrArray   *ally_journal_list_backups       (GFile               *data_dir,
                                              GError             **error);
gboolean     ally_journal_restore_backup     (GFile               *data_dir,
                                              GFile               *backup,
                                              GError             **error);

/* Export and import (ally-journal-export.c, ally-journal-markdown.c, ally-journal-import.c) */

/* What the course calls something the journal knows only by its id. */
typedef enum
{
  ALLY_TITLE_LESSON,
  ALLY_TITLE_MAP_QUESTION,
} AllyTitleKind;

/* Returns the course's title for @id in the person's language, or NULL if it has none:
 * the journal knows nothing of the course, the application does. */
typedef char *(*AllyTitleFunc) (AllyTitleKind  kind,
                                const char    *id,
                                gpointer       user_data);

typedef enum
{
  ALLY_IMPORT_FLAGS_NONE = 0,
  /* Bring back what the file holds and was deleted here since it was exported. */
  ALLY_IMPORT_RESTORE_DELETED = 1 << 0,
} AllyImportFlags;

/* What an import did, counted over every kind of item. */
typedef struct
{
  guint added;
  guint updated;
  guint unchanged;    /* the same here, or newer here */
  guint removed;      /* deleted in the file's journal after the copy here was edited */
  guint not_restored; /* deleted here, so not brought back (ALLY_IMPORT_RESTORE_DELETED) */
} AllyImportResult;

char        *ally_import_result_describe     (const AllyImportResult *result);

gboolean     ally_journal_export_markdown    (AllyJournal         *self,
                                              GFile               *target,
                                              AllyMarkdownMode     mode,
                                              AllyTitleFunc        title_func,
                                              gpointer             user_data,
                                              GError             **error);
gboolean     ally_journal_export_json        (AllyJournal         *self,
                                              GFile               *target,
                                              GError             **error);
gboolean     ally_journal_import_json        (AllyJournal         *self,
                                              GFile               *source,
                                              AllyImportFlags      flags,
                                              AllyImportResult    *out_result,
                                              GError             **error);
void         ally_journal_import_json_async  (AllyJournal             *self,
                                              GFile                   *source,
                                              AllyImportFlags          flags,
                                              GCancellable            *cancellable,
                                              AllyJournalProgressFunc  progress,
                                              gpointer                 progress_data,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data);
gboolean     ally_journal_import_json_finish (AllyJournal         *self,
                                              GAsyncResult        *result,
                                              AllyImportResult    *out_result,
                                              GError             **error);

G_END_DECLS

#include "ally-commitment.h"
#include "ally-entry-list.h"
#include "ally-journal-cards.h"
#include "ally-journal-lock.h"
#include "ally-journal-overview.h"
#include "ally-journal-progress.h"
#include "ally-journal-rescue.h"
#include "ally-quiz-result.h"
