/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal.c: opens, checks and migrates the data file, and saves journal entries.
 *
 * Opening never writes to a file it has not checked. The full check (PRAGMA quick_check,
 * which reads every page) runs unless all of these hold:
 *  - allyship.db.clean, written by the last clean close, matches the file's device,
 *    inode, size, mtime and ctime exactly (a crash, or any change by another program,
 *    leaves no record or one that does not match);
 *  - no -wal file holds frames (a session that did not close cleanly);
 *  - the record says the last full check was today;
 *  - today's backup exists already (a backup is only ever taken of a checked file).
 * The record is removed before anything writes, so only a clean close brings it back.
 * Every open still reads user_version without writing (newer-schema guard), and damage
 * met later (SQLITE_CORRUPT) is an ALLY_JOURNAL_ERROR_CORRUPT that keeps the session
 * from writing a record, so the next open checks and sets the file aside. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ally-entry-private.h"
#include "ally-journal-crypto.h"
#include "ally-journal-lock.h"
#include "ally-journal-private.h"
#include "ally-journal-rescue.h"

struct _AllyJournal
{
  GObject     parent_instance;

  sqlite3    *db;
  GFile      *data_dir;
  GFile      *file;
  GHashTable *statements;

  /* The date (YYYY-MM-DD) of the file's last full check; set once open succeeded. */
  char       *last_checked;
  gboolean    checked_at_open;
  /* SQLite reported damage during this session: no clean-close record at close. */
  gboolean    damaged;
  /* The journal file, flock()ed for as long as this journal is open: one writer at a time. */
  int         lock_fd;
  /* A second connection to another journal's file, for an import on a worker thread: it
   * holds no lock of its own and leaves checkpoints and the clean-close record to that one. */
  gboolean    second;
  /* Imports under way, each writing through a second connection: see wait_briefly(). */
  guint       n_imports;
  /* How many new review cards a day may introduce (a setting; see ally-journal-cards.c). */
  guint       new_cards_per_day;

  /* The journal lock: whether it is on, its keys, the in-memory index (ally-journal-lock.c). */
  AllyJournalLockState *lock;
};

/* PRAGMA application_id of our databases ("Ally"): a SQLite file without it is not ours. */
#define ALLY_JOURNAL_APPLICATION_ID 0x416c6c79

G_DEFINE_FINAL_TYPE (AllyJournal, ally_journal, G_TYPE_OBJECT)
G_DEFINE_QUARK (ally-journal-error-quark, ally_journal_error)

enum {
  ENTRY_CHANGING,
  ENTRY_CHANGED,
  ENTRIES_RESET,
  LESSON_COMPLETED,
  LOCK_CHANGED,
  SEARCH_INDEX_PROGRESS,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_NEW_CARDS_PER_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

/* migrations[i] takes the schema from version i to version i + 1. */
static const char * const migrations[ALLY_JOURNAL_SCHEMA_VERSION] = {
  "CREATE TABLE entries ("
  "  id INTEGER PRIMARY KEY,"
  "  created INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  lesson_id TEXT,"
  "  prompt_id TEXT);",

  "ALTER TABLE entries ADD COLUMN uid TEXT;"
  "ALTER TABLE entries ADD COLUMN tags_text TEXT NOT NULL DEFAULT '';"
  "UPDATE entries SET uid = lower(hex(randomblob(16)));"
  "CREATE UNIQUE INDEX entries_uid ON entries (uid);"
  "CREATE INDEX entries_updated ON entries (updated DESC, id DESC);"
  "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE entry_tags ("
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (tag_id, entry_id)) WITHOUT ROWID;"
  "CREATE INDEX entry_tags_entry ON entry_tags (entry_id);"
  "CREATE VIRTUAL TABLE entries_fts USING fts5 (title, body, tags_text,"
  "  content='entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN"
  "  INSERT INTO entries_fts (rowid, title, body, tags_text)"
  "  VALUES (new.id, new.title, new.body, new.tags_text); END;"
  "CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN"
  "  INSERT INTO entries_fts (entries_fts, rowid, title, body, tags_text)"
  "  VALUES ('delete', old.id, old.title, old.body, old.tags_text); END;"
  "CREATE TRIGGER entries_au AFTER UPDATE OF title, body, tags_text ON entries BEGIN"
  "  INSERT INTO entries_fts (entries_fts, rowid, title, body, tags_text)"
  "  VALUES ('delete', old.id, old.title, old.body, old.tags_text);"
  "  INSERT INTO entries_fts (rowid, title, body, tags_text)"
  "  VALUES (new.id, new.title, new.body, new.tags_text); END;"
  "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');"
  "CREATE TABLE lesson_progress ("
  "  lesson_id TEXT PRIMARY KEY, opened_at INTEGER NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0, completed_at INTEGER);"
  "CREATE TABLE quiz_answers ("
  "  quiz_id TEXT NOT NULL, question_id TEXT NOT NULL, answer TEXT NOT NULL,"
  "  correct INTEGER NOT NULL, answered_at INTEGER NOT NULL,"
  "  PRIMARY KEY (quiz_id, question_id));"
  "CREATE TABLE quiz_scores ("
  "  quiz_id TEXT PRIMARY KEY, best_score INTEGER NOT NULL, max_score INTEGER NOT NULL,"
  "  last_score INTEGER NOT NULL, attempts INTEGER NOT NULL, updated INTEGER NOT NULL);"
  "CREATE TABLE flashcards ("
  "  term_id TEXT PRIMARY KEY, repetitions INTEGER NOT NULL, interval_days INTEGER NOT NULL,"
  "  ease REAL NOT NULL, due INTEGER NOT NULL, reviewed_at INTEGER NOT NULL);"
  "CREATE INDEX flashcards_due ON flashcards (due);"
  "CREATE TABLE commitments ("
  "  id INTEGER PRIMARY KEY, text TEXT NOT NULL, lesson_id TEXT, due INTEGER,"
  "  done_at INTEGER, created INTEGER NOT NULL,"
  "  entry_id INTEGER REFERENCES entries (id) ON DELETE SET NULL);"
  "CREATE TABLE power_map ("
  "  axis_id TEXT PRIMARY KEY, answer TEXT NOT NULL, updated INTEGER NOT NULL);",

  /* For the overview (ally-journal-overview.c): the days entries were written, the newest
   * reflections, and the open commitments by due date. */
  "CREATE INDEX entries_created ON entries (created);"
  "CREATE INDEX entries_reflections ON entries (updated DESC) WHERE prompt_id IS NOT NULL;"
  "CREATE INDEX commitments_open_due ON commitments (due) WHERE done_at IS NULL;",

  /* Review cards (ally-journal-cards.c): a card exists once the person met its term or
   * missed its question, and is due from local midnight of due_date (NULL: new, never
   * reviewed). Old flashcards keep their schedule; a question missed so far is due the day
   * after it was answered, as one missed from now on is. */
  "CREATE TABLE review_cards ("
  "  card_id TEXT PRIMARY KEY, added_at INTEGER NOT NULL,"
  "  repetitions INTEGER NOT NULL DEFAULT 0, interval_days INTEGER NOT NULL DEFAULT 0,"
  "  ease REAL NOT NULL DEFAULT 2.5, due_date TEXT, first_review_date TEXT, reviewed_at INTEGER);"
  "CREATE INDEX review_cards_due ON review_cards (due_date);"
  "CREATE INDEX review_cards_reviewed ON review_cards (reviewed_at);"
  "INSERT INTO review_cards (card_id, added_at, repetitions, interval_days, ease, due_date,"
  "  first_review_date, reviewed_at)"
  "  SELECT 'term:' || term_id, reviewed_at, repetitions, interval_days, ease,"
  "    date (due / 1000000, 'unixepoch', 'localtime'),"
  "    date (reviewed_at / 1000000, 'unixepoch', 'localtime'), reviewed_at FROM flashcards;"
  "INSERT OR IGNORE INTO review_cards (card_id, added_at, due_date)"
  "  SELECT 'question:' || quiz_id || '/' || question_id, answered_at,"
  "    date (answered_at / 1000000, 'unixepoch', 'localtime', '+1 day')"
  "  FROM quiz_answers WHERE NOT correct;"
  "DROP TABLE flashcards;",
  /* The journal lock (ally-journal-lock.c): its wrapped keys, while it is on; a locked
   * journal keeps a keyed hash of each tag in tags.name and the tag itself sealed. */
  "CREATE TABLE journal_lock ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1), passphrase_key BLOB NOT NULL,"
  "  recovery_key BLOB NOT NULL, scrubbed INTEGER NOT NULL DEFAULT 0);"
  "ALTER TABLE tags ADD COLUMN sealed_name BLOB;",

  /* Version 6: what a merging import needs (docs/journal-format.md). Commitments get a uid
   * and an edit time, lesson progress an edit time, kept by triggers so that every writer
   * keeps them without knowing; deleting an entry or a commitment leaves a tombstone, so
   * that an older export does not bring it back, and putting one back removes it. */
  "ALTER TABLE commitments ADD COLUMN uid TEXT;"
  "ALTER TABLE commitments ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;"
  "UPDATE commitments SET uid = lower(hex(randomblob(16))),"
  "  updated = max(created, coalesce(done_at, 0));"
  "CREATE UNIQUE INDEX commitments_uid ON commitments (uid);"
  "CREATE TRIGGER commitments_new AFTER INSERT ON commitments"
  "  WHEN new.uid IS NULL OR new.updated = 0 BEGIN"
  "  UPDATE commitments SET uid = coalesce(new.uid, lower(hex(randomblob(16)))),"
  "    updated = CASE new.updated WHEN 0 THEN " ALLY_SQL_NOW_USEC " ELSE new.updated END"
  "  WHERE id = new.id; END;"
  "CREATE TRIGGER commitments_edited AFTER UPDATE OF text, lesson_id, due, done_at"
  "  ON commitments WHEN new.updated IS old.updated BEGIN"
  "  UPDATE commitments SET updated = " ALLY_SQL_NOW_USEC " WHERE id = new.id; END;"
  "ALTER TABLE lesson_progress ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;"
  "UPDATE lesson_progress SET updated = max(opened_at, coalesce(completed_at, 0));"
  "CREATE TRIGGER lesson_progress_new AFTER INSERT ON lesson_progress"
  "  WHEN new.updated = 0 BEGIN"
  "  UPDATE lesson_progress SET updated = " ALLY_SQL_NOW_USEC " WHERE lesson_id = new.lesson_id;"
  "  END;"
  "CREATE TRIGGER lesson_progress_edited AFTER UPDATE OF opened_at, position, completed_at"
  "  ON lesson_progress WHEN new.updated IS old.updated BEGIN"
  "  UPDATE lesson_progress SET updated = " ALLY_SQL_NOW_USEC " WHERE lesson_id = new.lesson_id;"
  "  END;"
  "CREATE TABLE tombstones ("
  "  kind TEXT NOT NULL, uid TEXT NOT NULL, deleted INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, uid)) WITHOUT ROWID;"
  "CREATE TRIGGER entries_tombstone AFTER DELETE ON entries BEGIN"
  "  INSERT OR REPLACE INTO tombstones VALUES ('entry', old.uid, " ALLY_SQL_NOW_USEC "); END;"
  "CREATE TRIGGER entries_back AFTER INSERT ON entries BEGIN"
  "  DELETE FROM tombstones WHERE kind = 'entry' AND uid = new.uid; END;"
  "CREATE TRIGGER commitments_tombstone AFTER DELETE ON commitments BEGIN"
  "  INSERT OR REPLACE INTO tombstones VALUES ('commitment', old.uid, " ALLY_SQL_NOW_USEC ");"
  "  END;"
  "CREATE TRIGGER commitments_back AFTER INSERT ON commitments WHEN new.uid IS NOT NULL BEGIN"
  "  DELETE FROM tombstones WHERE kind = 'commitment' AND uid = new.uid; END;"
  /* Review cards get an edit time too (a card never reviewed has no reviewed_at). */
  "ALTER TABLE review_cards ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;"
  "UPDATE review_cards SET updated = coalesce(reviewed_at, added_at);"
  "CREATE TRIGGER review_cards_new AFTER INSERT ON review_cards WHEN new.updated = 0 BEGIN"
  "  UPDATE review_cards SET updated = " ALLY_SQL_NOW_USEC " WHERE card_id = new.card_id; END;"
  "CREATE TRIGGER review_cards_edited AFTER UPDATE OF repetitions, interval_days, ease,"
  "  due_date, first_review_date, reviewed_at ON review_cards"
  "  WHEN new.updated IS old.updated BEGIN"
  "  UPDATE review_cards SET updated = " ALLY_SQL_NOW_USEC " WHERE card_id = new.card_id; END;",
};

void
ally_stmt_release (AllyStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Checkpoints everything into the data file (leaving an empty -wal), closes, and records
 * the clean close, so that the next open can skip the full check. */
static void
close_database (AllyJournal *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  int n_log = -1, n_done = -1;
  gboolean clean;

  if (self->db == NULL)
    return;
  if (self->second)
    {
      sqlite3_close (self->db);
      self->db = NULL;
      return;
    }
  /* Closing must not hang on another program's lock (quitting froze for the full busy
   * timeout): a checkpoint that cannot run now only means a full check at the next open. */
  sqlite3_busy_timeout (self->db, 200);
  clean = self->last_checked != NULL && !self->damaged &&
          sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE,
                                     &n_log, &n_done) == SQLITE_OK &&
          n_log == n_done;
  clean = sqlite3_close (self->db) == SQLITE_OK && clean;
  self->db = NULL;
  if (!clean)
    return;
  path = g_file_get_path (self->file);
  if (!ally_journal_write_clean_record (path, self->last_checked, &error))
    g_debug ("Allyship: the journal will be checked in full at the next open: %s",
             error->message);
}

static void
ally_journal_finalize (GObject *object)
{
  AllyJournal *self = ALLY_JOURNAL (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->lock, ally_journal_lock_state_free);
  close_database (self);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_clear_pointer (&self->last_checked, g_free);
  g_clear_object (&self->data_dir);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ally_journal_parent_class)->finalize (object);
}

static void
ally_journal_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AllyJournal *self = ALLY_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_NEW_CARDS_PER_DAY:
      g_value_set_uint (value, self->new_cards_per_day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_journal_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AllyJournal *self = ALLY_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_NEW_CARDS_PER_DAY:
      ally_journal_set_new_cards_per_day (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_journal_class_init (AllyJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ally_journal_finalize;
  object_class->get_property = ally_journal_get_property;
  object_class->set_property = ally_journal_set_property;

  /* How many cards never reviewed a day's reviews may bring in (the rest wait). */
  properties[PROP_NEW_CARDS_PER_DAY] =
    g_param_spec_uint ("new-cards-per-day", NULL, NULL,
                       0, 1000, ALLY_JOURNAL_DEFAULT_NEW_CARDS_PER_DAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted before an entry is edited or deleted, while its old row can still be read. */
  signals[ENTRY_CHANGING] =
    g_signal_new ("entry-changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Emitted after a save or delete committed; the int is an AllyEntryChange. */
  signals[ENTRY_CHANGED] =
    g_signal_new ("entry-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);
  /* Emitted after many entries changed at once (an import). */
  signals[ENTRIES_RESET] =
    g_signal_new ("entries-reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Emitted after ally_journal_complete_lesson() recorded a lesson as finished (the terms
   * it uses become review cards: see AllyReviewSession). */
  signals[LESSON_COMPLETED] =
    g_signal_new ("lesson-completed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Emitted when the journal lock is turned on or off, or the journal locked or unlocked. */
  signals[LOCK_CHANGED] =
    g_signal_new ("lock-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* While a locked journal's search index is built after unlocking: the fraction done,
   * 1.0 when search is ready. */
  signals[SEARCH_INDEX_PROGRESS] =
    g_signal_new ("search-index-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ally_journal_init (AllyJournal *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->lock_fd = -1;
  self->new_cards_per_day = ALLY_JOURNAL_DEFAULT_NEW_CARDS_PER_DAY;
  self->lock = ally_journal_lock_state_new ();
}

/* Time helpers: the database stores microseconds since the epoch, UTC. */

gint64
ally_usec_from_date_time (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

GDateTime *
ally_date_time_from_usec (gint64 usec)
{
  g_autoptr (GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

gint64
ally_now_usec (void)
{
  return g_get_real_time ();
}

static char *
ally_timestamp_suffix (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* SQLite helpers */

void
ally_journal_set_sqlite_error (GError    **error,
                               sqlite3    *db,
                               int         rc,
                               const char *what)
{
  int code = ALLY_JOURNAL_ERROR_FAILED;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB: code = ALLY_JOURNAL_ERROR_NOT_A_DATABASE; break;
    case SQLITE_CORRUPT: code = ALLY_JOURNAL_ERROR_CORRUPT; break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY: code = ALLY_JOURNAL_ERROR_IO; break;
    default: break;
    }
  /* Translators: the first %s says what failed, such as “The journal could not be
     read”; the second is SQLite's own explanation, in English. */
  g_set_error (error, ALLY_JOURNAL_ERROR, code, _("%s (%s)"), what, detail);
}

void
ally_journal_mark_damaged (AllyJournal *self)
{
  self->damaged = TRUE;
}

/* Like ally_journal_set_sqlite_error() for the journal's own connection. Damage found
 * after opening gets a message that says what to do: the next open checks the file. */
void
ally_journal_set_error (AllyJournal  *self,
                        GError      **error,
                        int           rc,
                        const char   *what)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_BUSY && self->n_imports > 0)
    {
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_FAILED,
                   /* Translators: %s says what failed, such as “The journal could not be
                      saved”. */
                   _("%s: entries are being imported into your journal. Try again when the "
                     "import has finished."), what);
      return;
    }
  if (primary != SQLITE_CORRUPT && primary != SQLITE_NOTADB)
    {
      ally_journal_set_sqlite_error (error, self->db, rc, what);
      return;
    }
  ally_journal_mark_damaged (self);
  g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT,
               /* Translators: the first %s says what failed, such as “The journal could
                  not be read”; the second is SQLite's own explanation, in English. */
               _("%s: your journal file is damaged (%s). Quit Allyship and start it "
                 "again: the damaged file will be set aside, unchanged, and the newest "
                 "backup offered."), what, sqlite3_errmsg (self->db));
}

sqlite3 *
ally_journal_get_db (AllyJournal *self)
{
  return self->db;
}

AllyStmt *
ally_journal_prepare (AllyJournal  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ally_journal_set_error (self, error, rc, _("The journal could not be read"));
      return NULL;
    }
  /* Keyed by the statement's own copy of its SQL, which lives as long as it does. */
  g_hash_table_insert (self->statements, (gpointer) sqlite3_sql (stmt), stmt);
  return stmt;
}

static gboolean
exec_on (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      ally_journal_set_sqlite_error (error, db, rc, _("The journal could not be updated"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ally_journal_exec (AllyJournal  *self,
                   const char   *sql,
                   GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      ally_journal_set_error (self, error, rc, _("The journal could not be updated"));
      return FALSE;
    }
  return TRUE;
}

/* While an import writes through a second connection, a write here would wait for the
 * whole import, with the window frozen: it waits briefly instead, then fails, saying why
 * (ally_journal_set_error()). Set before each write, as callers change the timeout too. */
static void
wait_briefly_while_importing (AllyJournal *self)
{
  if (self->n_imports > 0)
    sqlite3_busy_timeout (self->db, ALLY_JOURNAL_IMPORT_WAIT_MS);
}

gboolean
ally_journal_begin (AllyJournal  *self,
                    GError      **error)
{
  wait_briefly_while_importing (self);
  return ally_journal_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
ally_journal_commit (AllyJournal  *self,
                     GError      **error)
{
  if (ally_journal_exec (self, "COMMIT", error))
    return TRUE;
  ally_journal_rollback (self);
  return FALSE;
}

void
ally_journal_rollback (AllyJournal *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Steps a statement that returns no rows. */
gboolean
ally_journal_step_done (AllyJournal  *self,
                        AllyStmt     *stmt,
                        GError      **error)
{
  int rc;

  wait_briefly_while_importing (self);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  ally_journal_set_error (self, error, rc, _("The journal could not be saved"));
  return FALSE;
}

/* Opening */

static gboolean
ensure_private_dir (GFile   *dir,
                    GError **error)
{
  g_autofree char *path = g_file_get_path (dir);
  /* Only a folder we make is made private: one the person chose (a link to a folder of
   * theirs, say) keeps its mode; the files in it are private (0600) in any case. */
  gboolean existed = g_file_test (path, G_FILE_TEST_IS_DIR);

  if (g_mkdir_with_parents (path, 0700) != 0 || (!existed && g_chmod (path, 0700) != 0))
    {
      int saved = errno;
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   /* Translators: the first %s is a folder's path, the second the
                      system's explanation. */
                   _("The folder “%s” for your journal could not be made private: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Creates the file with mode 0600 before SQLite does, so it never exists world-readable. */
static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved = errno;
      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   /* Translators: the first %s is the journal file's path, the second
                      the system's explanation. */
                   _("Your journal “%s” could not be opened: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return g_close (fd, error);
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           int         *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  *out_rc = rc;
  return rc == SQLITE_ROW;
}

/* Runs PRAGMA quick_check; TRUE only when it answers a single "ok". */
static gboolean
quick_check_ok (sqlite3 *db,
                int     *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      rc = sqlite3_step (stmt);
      ok = ok && rc == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  *out_rc = rc;
  return ok;
}

gboolean
ally_move_database_aside (const char  *path,
                          const char  *reason,
                          char       **out_moved,
                          GError     **error)
{
  g_autofree char *suffix = ally_timestamp_suffix ();
  g_autofree char *moved = g_strdup_printf ("%s.%s-%s", path, reason, suffix);
  const char *extras[] = { "-wal", "-shm", "-journal" };
  g_autofree char *record = ally_journal_clean_record_path (path);

  if (g_rename (path, moved) != 0)
    {
      int saved = errno;
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   /* Translators: the first %s is a file path, the second the system's
                      explanation. */
                   _("Your journal could not be moved aside to “%s”: %s"),
                   moved, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
    {
      g_autofree char *from = g_strconcat (path, extras[i], NULL);
      g_autofree char *to = g_strconcat (moved, extras[i], NULL);
      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  g_unlink (record);
  if (out_moved)
    *out_moved = g_steal_pointer (&moved);
  return TRUE;
}

static void
set_corrupt_error (GError     **error,
                   const char  *moved,
                   GFile       *data_dir)
{
  g_autofree char *backup = ally_journal_describe_newest_backup (data_dir);

  if (backup != NULL)
    g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT,
                 /* Translators: the first %s is where the damaged file now is, the
                    second the backup file's path. */
                 _("Your journal file is damaged. It was moved aside to “%s”, unchanged. "
                   "The newest backup, “%s”, can be restored."), moved, backup);
  else
    g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT,
                 _("Your journal file is damaged. It was moved aside to “%s”, unchanged. "
                   "There is no backup to restore."), moved);
}

/* Opens @path for checking without changing the database: read-only, or read-write
 * when a session killed in WAL mode left an index that only a writer may rebuild. Never
 * checkpoints on close, so only the -shm index is ever written, not the database. The
 * memory map makes quick_check, which reads every page, about a quarter faster. */
static int
open_for_check (const char  *path,
                gboolean     writable,
                sqlite3    **db)
{
  int flags = writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
  int rc = sqlite3_open_v2 (path, db, flags, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_db_config (*db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_exec (*db, "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL);
    }
  return rc;
}

typedef enum
{
  CHECK_OK,
  CHECK_CORRUPT,
  CHECK_FAILED,
} CheckResult;

/* @full adds PRAGMA quick_check to the cheap checks (a database, not a newer schema). */
static CheckResult
run_checks (sqlite3   *db,
            gboolean   full,
            int       *out_rc,
            GError   **error)
{
  gint64 version = 0;

  if (!query_int (db, "PRAGMA user_version", &version, out_rc))
    return (*out_rc & 0xff) == SQLITE_CORRUPT ? CHECK_CORRUPT : CHECK_FAILED;
  if (version > ALLY_JOURNAL_SCHEMA_VERSION)
    {
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NEWER_VERSION,
                   _("Your journal was made by a newer version of Allyship. "
                     "Please update Allyship to open it; nothing was changed."));
      return CHECK_FAILED;
    }
  if (!full || quick_check_ok (db, out_rc))
    return CHECK_OK;
  /* quick_check answered (rows other than "ok"), or reading hit damage. */
  if (*out_rc == SQLITE_ROW || *out_rc == SQLITE_DONE || (*out_rc & 0xff) == SQLITE_CORRUPT)
    return CHECK_CORRUPT;
  return CHECK_FAILED;
}

static CheckResult
check_once (const char  *path,
            gboolean     writable,
            gboolean     full,
            int         *out_rc,
            GError     **error)
{
  sqlite3 *db = NULL;
  CheckResult result = CHECK_FAILED;
  g_autoptr (GError) local = NULL;

  *out_rc = open_for_check (path, writable, &db);
  if (*out_rc == SQLITE_OK)
    result = run_checks (db, full, out_rc, &local);
  if (result == CHECK_FAILED && local == NULL)
    ally_journal_set_sqlite_error (&local, db, *out_rc, _("Your journal could not be read"));
  sqlite3_close (db);
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  return result;
}

/* Checks of a file that may be anything, without changing it: TRUE if it is a
 * database this version can open. Sets *out_corrupt when it is damaged. */
static gboolean
check_without_changing (const char  *path,
                        gboolean     full,
                        gboolean    *out_corrupt,
                        GError     **error)
{
  g_autoptr (GError) local = NULL;
  int rc;
  CheckResult result = check_once (path, FALSE, full, &rc, &local);

  if (result == CHECK_FAILED && (rc & 0xff) == SQLITE_READONLY)
    {
      g_clear_error (&local);
      result = check_once (path, TRUE, full, &rc, &local);
    }
  *out_corrupt = result == CHECK_CORRUPT;
  if (result != CHECK_FAILED)
    return result == CHECK_OK;
  if (g_error_matches (local, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_A_DATABASE))
    g_prefix_error_literal (&local, _("This file is not an Allyship journal. "));
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

gboolean
ally_check_database_file (const char  *path,
                          GError     **error)
{
  g_autoptr (GError) local = NULL;
  gboolean corrupt = FALSE;

  if (check_without_changing (path, TRUE, &corrupt, &local) && !corrupt)
    return TRUE;
  if (local)
    g_propagate_error (error, g_steal_pointer (&local));
  else
    g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT,
                 _("The file “%s” is damaged."), path);
  return FALSE;
}

/* Who the file belongs to, read from its header (no SQLite, so nothing beside it is made). */
typedef enum
{
  OWNER_NOT_SQLITE,
  OWNER_US,
  OWNER_UNMARKED,
  OWNER_OTHER,
} Owner;

static Owner
read_owner (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  guint32 application_id;
  ssize_t n = -1;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);

  if (fd >= 0)
    {
      n = read (fd, header, sizeof header);
      g_close (fd, NULL);
    }
  if (n != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    return OWNER_NOT_SQLITE;
  application_id = (guint32) header[68] << 24 | (guint32) header[69] << 16 |
                   (guint32) header[70] << 8 | header[71];
  if (application_id == ALLY_JOURNAL_APPLICATION_ID)
    return OWNER_US;
  return application_id == 0 ? OWNER_UNMARKED : OWNER_OTHER;
}

/* A database without our application_id is ours only if an earlier version of Allyship made
 * it: a schema version we wrote and our entries table. Read without changing anything: as an
 * immutable file (no -wal/-shm made) unless one of our sessions left a -wal to read. */
static gboolean
unmarked_file_is_ours (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *immutable = uri ? g_strconcat (uri, "?immutable=1", NULL) : NULL;
  gboolean has_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  sqlite3 *db = NULL;
  gint64 version = 0, tables = 0;
  int rc;
  gboolean ours = FALSE;

  if (has_wal)
    rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  else if (immutable != NULL)
    rc = sqlite3_open_v2 (immutable, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  else
    rc = SQLITE_CANTOPEN;
  if (rc == SQLITE_OK)
    ours = query_int (db, "PRAGMA user_version", &version, &rc) && version >= 1 &&
           query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'entries'",
                      &tables, &rc) && tables == 1;
  sqlite3_close (db);
  return ours;
}

/* Refuses, without touching it, a SQLite file that another program made. */
static gboolean
check_owner (const char  *path,
             GError     **error)
{
  switch (read_owner (path))
    {
    case OWNER_NOT_SQLITE:  /* the checks that follow say what it is */
    case OWNER_US:
      return TRUE;
    case OWNER_UNMARKED:
      if (unmarked_file_is_ours (path))
        return TRUE;
      break;
    case OWNER_OTHER:
    default:
      break;
    }
  g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_A_DATABASE,
               /* Translators: %s is a file's path. */
               _("The file “%s” is a database of another program, not an Allyship journal. "
                 "It was left exactly as it was."), path);
  return FALSE;
}

/* Checks an existing file before anything writes to it; in full (every page) when
 * @full. Sets *out_checked when it ran the full check. */
static gboolean
check_existing (const char  *path,
                GFile       *data_dir,
                gboolean     full,
                gboolean    *out_checked,
                GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *moved = NULL;
  gboolean corrupt = FALSE;
  GStatBuf st;

  *out_checked = FALSE;
  if (g_stat (path, &st) != 0 || st.st_size == 0)
    return TRUE;
  if (!check_owner (path, error))
    return FALSE;
  *out_checked = full;
  if (check_without_changing (path, full, &corrupt, &local) && !corrupt)
    return TRUE;
  if (!corrupt)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!ally_move_database_aside (path, "corrupt", &moved, error))
    return FALSE;
  set_corrupt_error (error, moved, data_dir);
  return FALSE;
}

static gboolean
configure_connection (sqlite3  *db,
                      GError  **error)
{
  sqlite3_busy_timeout (db, ALLY_JOURNAL_BUSY_TIMEOUT_MS);
  /* FULL: with WAL, NORMAL would survive a killed process but could lose the last
   * saves on power loss; a journal is worth the extra fsync per save. */
  return exec_on (db, "PRAGMA foreign_keys = ON;"
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA synchronous = FULL;", error);
}

static gboolean
migrate (AllyJournal  *self,
         GError      **error)
{
  gint64 version = 0;
  int rc;

  if (!query_int (self->db, "PRAGMA user_version", &version, &rc))
    {
      ally_journal_set_error (self, error, rc, _("Your journal could not be read"));
      return FALSE;
    }
  /* Checked before opening already; kept so that no path can downgrade a newer file. */
  if (version > ALLY_JOURNAL_SCHEMA_VERSION)
    {
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NEWER_VERSION,
                   _("Your journal was made by a newer version of Allyship. "
                     "Please update Allyship to open it; nothing was changed."));
      return FALSE;
    }
  if (version == ALLY_JOURNAL_SCHEMA_VERSION)
    return TRUE;

  /* Every step in one transaction: the file is upgraded whole or not at all, and a new
   * journal is made with one commit (one sync of the disk) instead of one per step. */
  if (!ally_journal_begin (self, error))
    return FALSE;
  for (gint64 v = version; v < ALLY_JOURNAL_SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, v + 1);

      if (!ally_journal_exec (self, migrations[v], error) || !ally_journal_exec (self, bump, error))
        {
          ally_journal_rollback (self);
          g_prefix_error (error, _("Your journal could not be upgraded: "));
          return FALSE;
        }
    }
  return ally_journal_commit (self, error);
}

static gboolean
open_connection (AllyJournal  *self,
                 const char   *path,
                 GError      **error)
{
  int rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    {
      ally_journal_set_sqlite_error (error, self->db, rc, _("Your journal could not be opened"));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  /* Marked once, on a new file or an older journal of ours, and before WAL so that even a
   * new file's header says it is ours at once; a marked file is not written to here. */
  if (read_owner (path) != OWNER_US &&
      !exec_on (self->db, "PRAGMA application_id = " G_STRINGIFY (ALLY_JOURNAL_APPLICATION_ID), error))
    return FALSE;
  return configure_connection (self->db, error);
}

/* $XDG_DATA_HOME/allyship (allyship-devel in the development profile: see meson.build). */
GFile *
ally_journal_default_data_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), DATA_FOLDER, NULL);
}

/* Whether this open must run the full check: see the comment at the top of the file.
 * Takes (removes) the clean-close record; sets *out_last_checked to its date. */
static gboolean
needs_full_check (const char  *path,
                  GFile       *data_dir,
                  const char  *today,
                  char       **out_last_checked)
{
  g_autofree char *last_checked = ally_journal_take_clean_record (path);
  gboolean full = last_checked == NULL || g_strcmp0 (last_checked, today) != 0 ||
                  ally_journal_backup_is_due (data_dir, today);

  *out_last_checked = g_steal_pointer (&last_checked);
  return full;
}

/* Holds an flock() on the journal file for as long as the journal is open, so that a second
 * copy of the app (in another session, say) cannot write over this one's changes. flock()
 * locks are apart from SQLite's own (fcntl) locks, and need no file of their own. Opening
 * read-only makes an absent file (0600) but changes nothing in one that is there. */
static gboolean
take_session_lock (AllyJournal  *self,
                   const char   *path,
                   GError      **error)
{
  int fd = g_open (path, O_RDONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   /* Translators: the first %s is the journal file's path, the second
                      the system's explanation. */
                   _("Your journal “%s” could not be opened: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;

      /* A file system without locks (some network shares) must not lock a person out of
       * their journal: it opens without the guard against a second copy. */
      if (saved != EWOULDBLOCK)
        {
          g_message ("Allyship: the journal could not be locked (%s); a second copy of the "
                     "app would not be stopped", g_strerror (saved));
          self->lock_fd = fd;
          return TRUE;
        }
      close (fd);
      g_set_error_literal (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IN_USE,
                           _("Your journal is open in another copy of Allyship, perhaps in "
                             "another session. Close Allyship there, then open it here again; "
                             "nothing was changed."));
      return FALSE;
    }
  self->lock_fd = fd;
  return TRUE;
}

/**
 * ally_journal_open:
 * @data_dir: (nullable): folder holding allyship.db, or %NULL for the user's data folder
 *
 * Opens (creating, checking, migrating and backing up as needed) the journal.
 */
AllyJournal *
ally_journal_open (GFile   *data_dir,
                   GError **error)
{
  g_autoptr (AllyJournal) self = g_object_new (ALLY_TYPE_JOURNAL, NULL);
  g_autoptr (GError) backup_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *today = ally_journal_today ();
  g_autofree char *last_checked = NULL;
  gboolean full;

  self->data_dir = data_dir ? g_object_ref (data_dir) : ally_journal_default_data_dir ();
  self->file = g_file_get_child (self->data_dir, ALLY_JOURNAL_FILE_NAME);
  path = g_file_get_path (self->file);

  if (!ensure_private_dir (self->data_dir, error) || !take_session_lock (self, path, error))
    return NULL;
  full = needs_full_check (path, self->data_dir, today, &last_checked);
  if (!check_existing (path, self->data_dir, full, &self->checked_at_open, error) ||
      !ensure_private_file (path, error) ||
      !open_connection (self, path, error) ||
      !migrate (self, error) ||
      !ally_journal_read_lock (self, error))
    return NULL;

  /* A failed backup must not keep someone from writing; it is retried next open. */
  if (!ally_journal_backup_if_due (self, today, &backup_error))
    g_message ("Allyship: daily backup failed: %s", backup_error->message);

  /* A new (empty) file needed no check; a skipped check keeps the record's date. */
  self->last_checked = full ? g_steal_pointer (&today) : g_steal_pointer (&last_checked);
  return g_steal_pointer (&self);
}

/**
 * ally_journal_open_second_connection:
 *
 * Opens a second connection to @self's file, set up like the first (foreign keys, busy
 * timeout, synchronous FULL), for a long write on a worker thread: WAL lets @self read
 * meanwhile. Use it from one thread only; @self must stay open while it is.
 */
AllyJournal *
ally_journal_open_second_connection (AllyJournal  *self,
                                     GError      **error)
{
  g_autoptr (AllyJournal) second = g_object_new (ALLY_TYPE_JOURNAL, NULL);
  int rc;

  second->second = TRUE;
  g_clear_pointer (&second->lock, ally_journal_lock_state_free);
  second->lock = ally_journal_lock_state_dup_for_second (self->lock);
  second->data_dir = g_object_ref (self->data_dir);
  second->file = g_object_ref (self->file);
  rc = sqlite3_open_v2 (g_file_peek_path (self->file), &second->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      ally_journal_set_sqlite_error (error, second->db, rc, _("Your journal could not be opened"));
      return NULL;
    }
  sqlite3_extended_result_codes (second->db, TRUE);
  if (!configure_connection (second->db, error))
    return NULL;
  return g_steal_pointer (&second);
}

/* An import that writes through a second connection begins, or ends: while any is under
 * way, writes here wait only briefly (wait_briefly_while_importing()). */
void
ally_journal_hold_for_import (AllyJournal *self)
{
  self->n_imports++;
}

void
ally_journal_release_from_import (AllyJournal *self)
{
  g_return_if_fail (self->n_imports > 0);
  if (--self->n_imports == 0)
    sqlite3_busy_timeout (self->db, ALLY_JOURNAL_BUSY_TIMEOUT_MS);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  AllyJournal *journal = ally_journal_open (task_data, &error);

  if (journal)
    g_task_return_pointer (task, journal, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
ally_journal_open_async (GFile               *data_dir,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ally_journal_open_async);
  if (data_dir)
    g_task_set_task_data (task, g_object_ref (data_dir), g_object_unref);
  g_task_run_in_thread (task, open_in_thread);
}

AllyJournal *
ally_journal_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
ally_journal_get_data_dir (AllyJournal *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);
  return self->data_dir;
}

GFile *
ally_journal_get_file (AllyJournal *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);
  return self->file;
}

/**
 * ally_journal_get_change_stamp:
 *
 * A number that is different once the journal's file has been written, through this
 * connection or another one (an import's): SQLite's count of the rows this connection changed,
 * and the file's data version, which moves when another connection commits. For a view that
 * read the journal a moment ago and wants to know whether to read it again.
 */
guint64
ally_journal_get_change_stamp (AllyJournal *self)
{
  gint64 data_version = 0;
  int rc;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), 0);

  if (self->db == NULL)
    return 0;
  query_int (self->db, "PRAGMA data_version", &data_version, &rc);
  return ((guint64) data_version << 40) + (guint64) sqlite3_total_changes64 (self->db);
}

/* Whether opening ran the full check (PRAGMA quick_check) on an existing file. */
gboolean
ally_journal_get_checked_at_open (AllyJournal *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  return self->checked_at_open;
}

void
ally_journal_emit_reset (AllyJournal *self)
{
  /* Many entries changed (an import): a locked journal's in-memory index is built again. */
  ally_journal_rebuild_search_index (self);
  g_signal_emit (self, signals[ENTRIES_RESET], 0);
}

void
ally_journal_emit_lesson_completed (AllyJournal *self,
                                    const char  *lesson_id)
{
  g_signal_emit (self, signals[LESSON_COMPLETED], 0, lesson_id);
}

guint
ally_journal_get_new_cards_per_day (AllyJournal *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), 0);
  return self->new_cards_per_day;
}

void
ally_journal_set_new_cards_per_day (AllyJournal *self,
                                    guint        limit)
{
  g_return_if_fail (ALLY_IS_JOURNAL (self));
  if (self->new_cards_per_day == limit)
    return;
  self->new_cards_per_day = limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_CARDS_PER_DAY]);
}

AllyJournalLockState *
ally_journal_get_lock_state (AllyJournal *self)
{
  return self->lock;
}

void
ally_journal_emit_lock_changed (AllyJournal *self)
{
  g_signal_emit (self, signals[LOCK_CHANGED], 0);
}

void
ally_journal_emit_index_progress (AllyJournal *self,
                                  double       fraction)
{
  g_signal_emit (self, signals[SEARCH_INDEX_PROGRESS], 0, fraction);
}

/* Entries */

/* An entry from a row of ALLY_ENTRY_COLUMNS, its text decrypted while the lock is on (and
 * %NULL with @error set while the journal is locked, or when a value does not open). */
AllyEntry *
ally_journal_entry_from_row (AllyJournal   *self,
                             sqlite3_stmt  *stmt,
                             GError       **error)
{
  g_autoptr (AllyEntry) entry = ally_entry_new ();
  g_autoptr (GDateTime) created = ally_date_time_from_usec (sqlite3_column_int64 (stmt, 1));
  g_autoptr (GDateTime) updated = ally_date_time_from_usec (sqlite3_column_int64 (stmt, 2));
  const char *uid = (const char *) sqlite3_column_text (stmt, 3);
  g_autoptr (GError) local = NULL;
  g_autofree char *title = ally_journal_column_text (self, stmt, 4, "entries", "title", uid, &local);
  g_autofree char *body = local ? NULL : ally_journal_column_text (self, stmt, 5, "entries", "body", uid, &local);
  g_autofree char *tags_text = local ? NULL : ally_journal_column_text (self, stmt, 8, "entries", "tags_text", uid, &local);
  g_auto (GStrv) tags = g_strsplit (tags_text ? tags_text : "", "\n", -1);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  ally_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
  ally_entry_set_created (entry, created);
  ally_entry_set_updated (entry, updated);
  ally_entry_set_uid (entry, uid);
  ally_entry_set_title (entry, title);
  ally_entry_set_body (entry, body);
  ally_entry_set_lesson_id (entry, (const char *) sqlite3_column_text (stmt, 6));
  ally_entry_set_prompt_id (entry, (const char *) sqlite3_column_text (stmt, 7));
  ally_entry_set_tags (entry, (const char * const *) tags);
  return g_steal_pointer (&entry);
}

/* Tags are trimmed, newline-free, non-empty and unique, in the order given. */
static GStrv
normalize_tags (const char * const *tags)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; tags && tags[i]; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdelimit (g_strdup (tags[i]), "\r\n\t", ' '));
      if (*tag == '\0' || g_hash_table_contains (seen, tag))
        continue;
      g_strv_builder_add (builder, tag);
      g_hash_table_add (seen, g_steal_pointer (&tag));
    }
  return g_strv_builder_end (builder);
}

static gboolean
write_tags (AllyJournal         *self,
            gint64               id,
            const char * const  *tags,
            GError             **error)
{
  g_autoptr (AllyStmt) clear = ally_journal_prepare (self,
    "DELETE FROM entry_tags WHERE entry_id = ?", error);

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, id);
  if (!ally_journal_step_done (self, clear, error))
    return FALSE;
  for (guint i = 0; tags[i]; i++)
    {
      /* While the lock is on, a keyed hash of the tag, with the tag sealed beside it. */
      g_autofree char *name = ally_journal_stored_tag_name (self, tags[i]);
      g_autoptr (AllyStmt) tag = ally_journal_prepare (self,
        "INSERT OR IGNORE INTO tags (name, sealed_name) VALUES (?1, ?2)", error);
      g_autoptr (AllyStmt) link = NULL;

      if (tag == NULL)
        return FALSE;
      sqlite3_bind_text (tag, 1, name, -1, SQLITE_STATIC);
      if (ally_journal_is_lock_on (self) &&
          !ally_journal_bind_text (self, tag, 2, tags[i], "tags", "name", name, error))
        return FALSE;
      if (!ally_journal_step_done (self, tag, error))
        return FALSE;
      link = ally_journal_prepare (self,
        "INSERT OR IGNORE INTO entry_tags (tag_id, entry_id)"
        " SELECT id, ? FROM tags WHERE name = ?", error);
      if (link == NULL)
        return FALSE;
      sqlite3_bind_int64 (link, 1, id);
      sqlite3_bind_text (link, 2, name, -1, SQLITE_STATIC);
      if (!ally_journal_step_done (self, link, error))
        return FALSE;
    }
  return TRUE;
}

/* The entry's text is sealed for its row (@uid) while the lock is on. */
static gboolean
bind_entry_fields (AllyJournal   *self,
                   sqlite3_stmt  *stmt,
                   AllyEntry     *entry,
                   const char    *uid,
                   const char    *tags_text,
                   gint64         updated,
                   GError       **error)
{
  sqlite3_bind_int64 (stmt, 1, updated);
  sqlite3_bind_text (stmt, 4, ally_entry_get_lesson_id (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, ally_entry_get_prompt_id (entry), -1, SQLITE_TRANSIENT);
  return ally_journal_bind_text (self, stmt, 2, ally_entry_get_title (entry), "entries", "title", uid, error) &&
         ally_journal_bind_text (self, stmt, 3, ally_entry_get_body (entry), "entries", "body", uid, error) &&
         ally_journal_bind_text (self, stmt, 6, tags_text, "entries", "tags_text", uid, error);
}

/* The same form as the uids SQLite makes: lower (hex (randomblob (16))). */
static char *
new_uid (void)
{
  GString *uid = g_string_sized_new (32);

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (uid, "%08x", g_random_int ());
  return g_string_free (uid, FALSE);
}

static gboolean
index_saved_entry (AllyJournal  *self,
                   gint64        id,
                   AllyEntry    *entry,
                   const char   *tags_text,
                   GError      **error)
{
  return ally_journal_index_entry (self, id, ally_entry_get_title (entry),
                                   ally_entry_get_body (entry), tags_text, error);
}

/* Inserts a new row for @entry, keeping its created/updated/uid when it has them
 * (an import), and its tags. Must run inside a transaction. */
gboolean
ally_journal_insert_entry_row (AllyJournal  *self,
                               AllyEntry    *entry,
                               gint64       *out_id,
                               GError      **error)
{
  g_auto (GStrv) tags = normalize_tags (ally_entry_get_tags (entry));
  g_autofree char *tags_text = g_strjoinv ("\n", tags);
  GDateTime *created = ally_entry_get_created (entry);
  GDateTime *updated = ally_entry_get_updated (entry);
  gint64 now = ally_now_usec ();
  /* Made here, not by SQLite: a sealed value is bound to its row's uid. */
  g_autofree char *uid = ally_entry_get_uid (entry) ? g_strdup (ally_entry_get_uid (entry))
                                                    : new_uid ();
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "INSERT INTO entries (updated, title, body, lesson_id, prompt_id, tags_text, created, uid)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    error);

  if (stmt == NULL)
    return FALSE;
  if (!bind_entry_fields (self, stmt, entry, uid, tags_text,
                          updated ? ally_usec_from_date_time (updated) : now, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 7, created ? ally_usec_from_date_time (created) : now);
  sqlite3_bind_text (stmt, 8, uid, -1, SQLITE_TRANSIENT);
  if (!ally_journal_step_done (self, stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (self->db);
  return write_tags (self, *out_id, (const char * const *) tags, error) &&
         index_saved_entry (self, *out_id, entry, tags_text, error);
}

/* The uid of entry @id (NULL with @error set when there is no such entry). */
static char *
lookup_uid (AllyJournal  *self,
            gint64        id,
            GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self, "SELECT uid FROM entries WHERE id = ?",
                                                    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND,
                 _("The journal entry could not be saved because it was deleted."));
  else
    ally_journal_set_error (self, error, rc, _("The journal could not be saved"));
  return NULL;
}

/* Updates @entry's row (by its id) and tags, setting its edit time to @now (an import gives
 * the file's). Must run inside a transaction. */
gboolean
ally_journal_update_entry_row (AllyJournal  *self,
                               AllyEntry    *entry,
                               gint64        now,
                               GError      **error)
{
  g_auto (GStrv) tags = normalize_tags (ally_entry_get_tags (entry));
  g_autofree char *tags_text = g_strjoinv ("\n", tags);
  gint64 id = ally_entry_get_id (entry);
  g_autofree char *uid = NULL;
  g_autoptr (AllyStmt) stmt = NULL;

  if (ally_journal_is_lock_on (self) && (uid = lookup_uid (self, id, error)) == NULL)
    return FALSE;
  stmt = ally_journal_prepare (self,
    "UPDATE entries SET updated = ?1, title = ?2, body = ?3, lesson_id = ?4,"
    " prompt_id = ?5, tags_text = ?6 WHERE id = ?7", error);
  if (stmt == NULL)
    return FALSE;
  if (!bind_entry_fields (self, stmt, entry, uid, tags_text, now, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 7, id);
  if (!ally_journal_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND,
                   _("The journal entry could not be saved because it was deleted."));
      return FALSE;
    }
  return write_tags (self, id, (const char * const *) tags, error) &&
         index_saved_entry (self, id, entry, tags_text, error);
}

/* Reads back the fields the database decided (id, dates, uid) into @entry. */
static gboolean
refresh_entry (AllyJournal  *self,
               AllyEntry    *entry,
               gint64        id,
               GError      **error)
{
  g_autoptr (AllyEntry) stored = ally_journal_get_entry (self, id, error);

  if (stored == NULL)
    return FALSE;
  ally_entry_set_id (entry, id);
  ally_entry_set_created (entry, ally_entry_get_created (stored));
  ally_entry_set_updated (entry, ally_entry_get_updated (stored));
  ally_entry_set_uid (entry, ally_entry_get_uid (stored));
  ally_entry_set_tags (entry, ally_entry_get_tags (stored));
  return TRUE;
}

/**
 * ally_journal_save_entry:
 *
 * Saves @entry in one durable transaction: a new entry (id 0) is inserted, an
 * existing one updated. When this returns the id, the text survives a crash.
 *
 * Returns: the entry's id, or 0 with @error set
 */
gint64
ally_journal_save_entry (AllyJournal  *self,
                         AllyEntry    *entry,
                         GError      **error)
{
  gint64 id = ally_entry_get_id (entry);
  gboolean is_new = id == 0;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), 0);
  g_return_val_if_fail (ALLY_IS_ENTRY (entry), 0);

  if (!is_new)
    g_signal_emit (self, signals[ENTRY_CHANGING], 0, id);
  if (!ally_journal_begin (self, error))
    return 0;
  if (is_new && !ally_journal_insert_entry_row (self, entry, &id, error))
    goto failed;
  if (!is_new && !ally_journal_update_entry_row (self, entry, ally_now_usec (), error))
    goto failed;
  if (!ally_journal_commit (self, error))
    return 0;

  g_signal_emit (self, signals[ENTRY_CHANGED], 0, id,
                 is_new ? ALLY_ENTRY_CHANGE_ADDED : ALLY_ENTRY_CHANGE_EDITED);
  /* Saved already; a failed read-back only leaves the object's dates stale. */
  refresh_entry (self, entry, id, NULL);
  return id;

failed:
  ally_journal_rollback (self);
  return 0;
}

/**
 * ally_journal_restore_entry:
 * @deleted: an entry as it was read before being deleted
 *
 * Puts back a deleted entry as it was: same uid, creation and edit dates, so an undo does not
 * turn it into a new entry (which an earlier export would then import a second time).
 *
 * Returns: the restored entry's new id, or 0 with @error set
 */
gint64
ally_journal_restore_entry (AllyJournal  *self,
                            AllyEntry    *deleted,
                            GError      **error)
{
  g_autoptr(AllyEntry) copy = ally_entry_new ();

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), 0);
  g_return_val_if_fail (ALLY_IS_ENTRY (deleted), 0);

  ally_entry_set_title (copy, ally_entry_get_title (deleted));
  ally_entry_set_body (copy, ally_entry_get_body (deleted));
  ally_entry_set_lesson_id (copy, ally_entry_get_lesson_id (deleted));
  ally_entry_set_prompt_id (copy, ally_entry_get_prompt_id (deleted));
  ally_entry_set_tags (copy, ally_entry_get_tags (deleted));
  ally_entry_set_created (copy, ally_entry_get_created (deleted));
  ally_entry_set_updated (copy, ally_entry_get_updated (deleted));
  ally_entry_set_uid (copy, ally_entry_get_uid (deleted));

  return ally_journal_save_entry (self, copy, error);
}

AllyEntry *
ally_journal_get_entry (AllyJournal  *self,
                        gint64        id,
                        GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);

  stmt = ally_journal_prepare (self, "SELECT " ALLY_ENTRY_COLUMNS " FROM entries e WHERE id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ally_journal_entry_from_row (self, stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND,
                 _("The journal entry does not exist."));
  else
    ally_journal_set_error (self, error, rc, _("The journal entry could not be read"));
  return NULL;
}

gboolean
ally_journal_delete_entry (AllyJournal  *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);

  stmt = ally_journal_prepare (self, "DELETE FROM entries WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  g_signal_emit (self, signals[ENTRY_CHANGING], 0, id);
  sqlite3_bind_int64 (stmt, 1, id);
  /* Autocommit: the delete (and its cascades and triggers) is one transaction. */
  if (!ally_journal_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND,
                   _("The journal entry does not exist."));
      return FALSE;
    }
  /* Deleted already; a row left in the in-memory index joins no entry. */
  ally_journal_unindex_entry (self, id, NULL);
  g_signal_emit (self, signals[ENTRY_CHANGED], 0, id, ALLY_ENTRY_CHANGE_DELETED);
  return TRUE;
}

gint64
ally_journal_count_entries (AllyJournal  *self,
                            GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), -1);

  stmt = ally_journal_prepare (self, "SELECT count(*) FROM entries", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  ally_journal_set_error (self, error, rc, _("The journal could not be read"));
  return -1;
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char * const *) a, *(const char * const *) b);
}

/* The tags in use, in the order of SQLite's NOCASE (sorted here: while the lock is on, the
 * stored names are keyed hashes and the tags themselves are sealed). */
GStrv
ally_journal_list_tags (AllyJournal  *self,
                        GError      **error)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (AllyStmt) stmt = NULL;
  gboolean lock_on;
  int rc;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);

  lock_on = ally_journal_is_lock_on (self);
  stmt = ally_journal_prepare (self,
    "SELECT name, sealed_name FROM tags"
    " WHERE EXISTS (SELECT 1 FROM entry_tags WHERE tag_id = tags.id)", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr (GError) local = NULL;
      char *tag = lock_on ? ally_journal_column_text (self, stmt, 1, "tags", "name", name, &local)
                          : g_strdup (name);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (tag != NULL)
        g_ptr_array_add (tags, tag);
    }
  if (rc != SQLITE_DONE)
    {
      ally_journal_set_error (self, error, rc, _("The tags could not be read"));
      return NULL;
    }
  g_ptr_array_sort (tags, compare_tags);
  g_ptr_array_add (tags, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}
