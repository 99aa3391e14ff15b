/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-private.h: what the journal's own files share — the connection, statements, rows. */
#pragma once

#include <sqlite3.h>

#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_JOURNAL_FILE_NAME "allyship.db"
#define ALLY_JOURNAL_CLEAN_SUFFIX ".clean"
/* The time now in microseconds since 1970, as SQL (julianday() keeps milliseconds). */
#define ALLY_SQL_NOW_USEC \
  "CAST ((julianday ('now') - 2440587.5) * 86400000000 AS INTEGER)"
#define ALLY_ENTRY_COLUMNS \
  "e.id, e.created, e.updated, e.uid, e.title, e.body, e.lesson_id, e.prompt_id, e.tags_text"

/* A cached prepared statement; the autoptr cleanup resets it rather than finalizing it. */
typedef sqlite3_stmt AllyStmt;
void ally_stmt_release (AllyStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AllyStmt, ally_stmt_release)

sqlite3    *ally_journal_get_db            (AllyJournal  *self);
AllyStmt   *ally_journal_prepare           (AllyJournal  *self,
                                            const char   *sql,
                                            GError      **error);
gboolean    ally_journal_exec              (AllyJournal  *self,
                                            const char   *sql,
                                            GError      **error);
gboolean    ally_journal_begin             (AllyJournal  *self,
                                            GError      **error);
gboolean    ally_journal_commit            (AllyJournal  *self,
                                            GError      **error);
void        ally_journal_rollback          (AllyJournal  *self);
gboolean    ally_journal_step_done         (AllyJournal  *self,
                                            AllyStmt     *stmt,
                                            GError      **error);
void        ally_journal_set_sqlite_error  (GError      **error,
                                            sqlite3      *db,
                                            int           rc,
                                            const char   *what);
void        ally_journal_set_error         (AllyJournal  *self,
                                            GError      **error,
                                            int           rc,
                                            const char   *what);
void        ally_journal_mark_damaged      (AllyJournal  *self);
gboolean    ally_journal_get_checked_at_open (AllyJournal *self);
AllyEntry  *ally_journal_entry_from_row    (AllyJournal  *self,
                                            sqlite3_stmt *stmt,
                                            GError      **error);
gboolean    ally_journal_insert_entry_row  (AllyJournal  *self,
                                            AllyEntry    *entry,
                                            gint64       *out_id,
                                            GError      **error);
gboolean    ally_journal_update_entry_row  (AllyJournal  *self,
                                            AllyEntry    *entry,
                                            gint64        now,
                                            GError      **error);
void        ally_journal_emit_reset        (AllyJournal  *self);
void        ally_journal_emit_lesson_completed (AllyJournal *self,
                                                const char  *lesson_id);

/* ally-journal-cards.c */
gboolean    ally_journal_add_missed_question (AllyJournal *self,
                                              const char  *quiz_id,
                                              const char  *question_id,
                                              GDateTime   *now,
                                              GError     **error);

/* Imports (ally-journal-export.c) write through a connection of their own, on a worker
 * thread; meanwhile a write through the journal's waits at most this long (milliseconds). */
#define ALLY_JOURNAL_IMPORT_WAIT_MS 200
AllyJournal *ally_journal_open_second_connection (AllyJournal  *self,
                                                  GError      **error);
void        ally_journal_hold_for_import   (AllyJournal  *self);
void        ally_journal_release_from_import (AllyJournal *self);

gint64      ally_usec_from_date_time       (GDateTime    *dt);
GDateTime  *ally_date_time_from_usec       (gint64        usec);
gint64      ally_now_usec                  (void);
gboolean    ally_move_database_aside       (const char   *path,
                                            const char   *reason,
                                            char        **out_moved,
                                            GError      **error);
gboolean    ally_check_database_file       (const char   *path,
                                            GError      **error);

/* ally-journal-lock.c: the lock's state, and text written and read through it */
typedef struct _AllyJournalLockState AllyJournalLockState;
AllyJournalLockState *ally_journal_lock_state_new   (void);
AllyJournalLockState *ally_journal_lock_state_dup_for_second (AllyJournalLockState *state);
void        ally_journal_lock_state_free   (AllyJournalLockState *state);
AllyJournalLockState *ally_journal_get_lock_state (AllyJournal *self);
void        ally_journal_emit_lock_changed (AllyJournal  *self);
void        ally_journal_emit_index_progress (AllyJournal *self,
                                            double        fraction);
gboolean    ally_journal_read_lock         (AllyJournal  *self,
                                            GError      **error);
gboolean    ally_journal_bind_text         (AllyJournal  *self,
                                            sqlite3_stmt *stmt,
                                            int           index,
                                            const char   *text,
                                            const char   *table,
                                            const char   *column,
                                            const char   *row,
                                            GError      **error);
char       *ally_journal_column_text       (AllyJournal  *self,
                                            sqlite3_stmt *stmt,
                                            int           index,
                                            const char   *table,
                                            const char   *column,
                                            const char   *row,
                                            GError      **error);
GBytes     *ally_journal_seal_text         (AllyJournal  *self,
                                            const char   *text,
                                            const char   *table,
                                            const char   *column,
                                            const char   *row,
                                            GError      **error);
char       *ally_journal_open_text         (AllyJournal  *self,
                                            gconstpointer sealed,
                                            gsize         length,
                                            const char   *table,
                                            const char   *column,
                                            const char   *row,
                                            GError      **error);
char       *ally_journal_stored_tag_name   (AllyJournal  *self,
                                            const char   *tag);
gboolean    ally_journal_index_entry       (AllyJournal  *self,
                                            gint64        id,
                                            const char   *title,
                                            const char   *body,
                                            const char   *tags_text,
                                            GError      **error);
gboolean    ally_journal_unindex_entry     (AllyJournal  *self,
                                            gint64        id,
                                            GError      **error);
void        ally_journal_rebuild_search_index (AllyJournal *self);

/* ally-journal-clean.c */
char       *ally_journal_today             (void);
void        ally_journal_set_today_for_testing (const char *date);
char       *ally_journal_clean_record_path (const char   *db_path);
char       *ally_journal_take_clean_record (const char   *db_path);
gboolean    ally_journal_write_clean_record (const char  *db_path,
                                             const char  *checked,
                                             GError     **error);

/* ally-journal-backup.c */
gboolean    ally_journal_backup_is_due     (GFile        *data_dir,
                                            const char   *today);
gboolean    ally_journal_backup_if_due     (AllyJournal  *self,
                                            const char   *today,
                                            GError      **error);
char       *ally_journal_describe_newest_backup (GFile   *data_dir);

G_END_DECLS
