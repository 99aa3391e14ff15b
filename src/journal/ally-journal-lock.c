/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-lock.c: the journal lock — turning it on and off, unlocking, and the text
 * the journal writes and reads through it.
 *
 * While the lock is on, everything a person wrote is sealed in the data file (entry titles,
 * bodies and tags, tag names, commitment texts, power-map answers; ally-journal-crypto.c).
 * The on-disk full-text index and its triggers are dropped: after unlocking, a worker thread
 * builds an index in memory from the decrypted entries, which is then attached to the
 * journal's connection as the schema "lockidx", where the same queries find it.
 *
 * Turning the lock on or off converts every value in ONE transaction, so a kill leaves the
 * journal all plain or all sealed. Turning it on then "scrubs" the file: VACUUM (no free
 * page or freed cell keeps old plain text), a truncating checkpoint (nor does the WAL), and
 * the backups, made in plain text, are replaced by a new one. journal_lock.scrubbed records
 * that this finished; the next open finishes it otherwise. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ally-journal-crypto.h"
#include "ally-journal-lock.h"
#include "ally-journal-private.h"

#define INDEX_SCHEMA "lockidx"
#define CONVERT_BATCH 256
#define INDEX_PROGRESS_STEP 1000
/* A wrong passphrase answers no sooner than this: guessing stays slow even where key
 * derivation is fast. */
#define WRONG_PASSPHRASE_WAIT_USEC G_USEC_PER_SEC

/* The on-disk index and its triggers, as migrations[1] in ally-journal.c made them. */
static const char fts_create_sql[] =
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
  "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');";

static const char fts_drop_sql[] =
  "DROP TRIGGER IF EXISTS entries_ai;"
  "DROP TRIGGER IF EXISTS entries_ad;"
  "DROP TRIGGER IF EXISTS entries_au;"
  "DROP TABLE IF EXISTS entries_fts;";

/* The in-memory index: a plain FTS5 table (it keeps its own copy of the text, in memory). */
static const char memory_index_sql[] =
  "CREATE VIRTUAL TABLE entries_fts USING fts5 (title, body, tags_text,"
  "  tokenize='unicode61 remove_diacritics 2')";

struct _AllyJournalLockState
{
  gboolean           on;
  gboolean           scrubbed;
  GBytes            *passphrase_key;  /* the data key, wrapped (ally-journal-crypto.c) */
  GBytes            *recovery_key;
  AllyJournalCrypto *crypto;          /* the data key while unlocked */

  gboolean           index_ready;     /* INDEX_SCHEMA is attached and current */
  GHashTable        *dirty;           /* ids saved or deleted while the index is built */
  GCancellable      *index_cancellable;
};

AllyJournalLockState *
ally_journal_lock_state_new (void)
{
  return g_new0 (AllyJournalLockState, 1);
}

/* For a second connection (an import on a worker thread): the same lock, a key of its own. */
AllyJournalLockState *
ally_journal_lock_state_dup_for_second (AllyJournalLockState *state)
{
  AllyJournalLockState *copy = ally_journal_lock_state_new ();

  copy->on = state->on;
  copy->scrubbed = state->scrubbed;
  if (state->crypto != NULL)
    copy->crypto = ally_journal_crypto_dup (state->crypto, NULL);
  return copy;
}

static void
forget_key (AllyJournalLockState *state)
{
  if (state->crypto != NULL)
    ally_journal_crypto_wipe (state->crypto);
  g_clear_object (&state->crypto);
}

void
ally_journal_lock_state_free (AllyJournalLockState *state)
{
  if (state == NULL)
    return;
  forget_key (state);
  g_cancellable_cancel (state->index_cancellable);
  g_clear_object (&state->index_cancellable);
  g_clear_pointer (&state->dirty, g_hash_table_unref);
  g_clear_pointer (&state->passphrase_key, g_bytes_unref);
  g_clear_pointer (&state->recovery_key, g_bytes_unref);
  g_free (state);
}

static void
set_not_unlocked_error (GError **error)
{
  g_set_error_literal (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_LOCKED,
                       _("Your journal is locked. Unlock it with your passphrase first."));
}

/* Text in and out, with a key or without */

/* @text as it is stored: sealed with @crypto, or as it is when @crypto is NULL. */
static gboolean
bind_value (AllyJournalCrypto  *crypto,
            sqlite3_stmt       *stmt,
            int                 index,
            const char         *text,
            const char         *table,
            const char         *column,
            const char         *row,
            GError            **error)
{
  g_autoptr (GBytes) sealed = NULL;

  if (text == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  if (crypto == NULL)
    {
      sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;
    }
  sealed = ally_journal_crypto_seal (crypto, text, table, column, row, error);
  if (sealed == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, index, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed),
                     SQLITE_TRANSIENT);
  return TRUE;
}

/* A stored value as text: a sealed one (a BLOB) is opened with @crypto. */
static char *
column_value (AllyJournalCrypto  *crypto,
              sqlite3_stmt       *stmt,
              int                 index,
              const char         *table,
              const char         *column,
              const char         *row,
              gboolean           *out_ok,
              GError            **error)
{
  char *text;

  *out_ok = TRUE;
  switch (sqlite3_column_type (stmt, index))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_BLOB:
      if (crypto == NULL)
        {
          set_not_unlocked_error (error);
          *out_ok = FALSE;
          return NULL;
        }
      text = ally_journal_crypto_open (crypto, sqlite3_column_blob (stmt, index),
                                       sqlite3_column_bytes (stmt, index), table, column, row,
                                       error);
      *out_ok = text != NULL;
      return text;
    default:
      return g_strdup ((const char *) sqlite3_column_text (stmt, index));
    }
}

static AllyJournalCrypto *
writing_key (AllyJournalLockState  *state,
             GError               **error)
{
  if (state->on && state->crypto == NULL)
    set_not_unlocked_error (error);
  return state->on ? state->crypto : NULL;
}

/**
 * ally_journal_bind_text:
 * @row: a key of the row that never changes (an entry's uid)
 *
 * Binds @text as the journal stores it: sealed for its table, column and row while the
 * lock is on (failing while the journal is locked), as it is otherwise.
 */
gboolean
ally_journal_bind_text (AllyJournal   *self,
                        sqlite3_stmt  *stmt,
                        int            index,
                        const char    *text,
                        const char    *table,
                        const char    *column,
                        const char    *row,
                        GError       **error)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);
  AllyJournalCrypto *crypto = writing_key (state, error);

  if (state->on && crypto == NULL)
    return FALSE;
  return bind_value (crypto, stmt, index, text, table, column, row, error);
}

/**
 * ally_journal_column_text:
 *
 * A column written with ally_journal_bind_text(), as text.
 *
 * Returns: the text, or %NULL: a NULL column (no error) or a failure (@error set)
 */
char *
ally_journal_column_text (AllyJournal   *self,
                          sqlite3_stmt  *stmt,
                          int            index,
                          const char    *table,
                          const char    *column,
                          const char    *row,
                          GError       **error)
{
  gboolean ok;

  return column_value (ally_journal_get_lock_state (self)->crypto, stmt, index, table,
                       column, row, &ok, error);
}

/* Text sealed with the journal's key outside the database (emergency copies of unsaved
 * text, ally-journal-rescue.c), bound to what it is like a stored value. */
GBytes *
ally_journal_seal_text (AllyJournal  *self,
                        const char   *text,
                        const char   *table,
                        const char   *column,
                        const char   *row,
                        GError      **error)
{
  AllyJournalCrypto *crypto = ally_journal_get_lock_state (self)->crypto;

  if (crypto == NULL)
    {
      set_not_unlocked_error (error);
      return NULL;
    }
  return ally_journal_crypto_seal (crypto, text, table, column, row, error);
}

char *
ally_journal_open_text (AllyJournal    *self,
                        gconstpointer   sealed,
                        gsize           length,
                        const char     *table,
                        const char     *column,
                        const char     *row,
                        GError        **error)
{
  AllyJournalCrypto *crypto = ally_journal_get_lock_state (self)->crypto;

  if (crypto == NULL)
    {
      set_not_unlocked_error (error);
      return NULL;
    }
  return ally_journal_crypto_open (crypto, sealed, length, table, column, row, error);
}

/* The name a tag is stored under: itself, or while the lock is on a keyed hash of it (so
 * that a tag can still be looked up). NULL while the journal is locked. */
char *
ally_journal_stored_tag_name (AllyJournal *self,
                              const char  *tag)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);

  if (!state->on)
    return g_strdup (tag);
  return state->crypto ? ally_journal_crypto_tag_token (state->crypto, tag) : NULL;
}

/* The in-memory search index */

#define INDEX_INSERT_SQL \
  "INSERT INTO entries_fts (rowid, title, body, tags_text) VALUES (?1, ?2, ?3, ?4)"

/* Runs @stmt (INDEX_INSERT_SQL) for one entry, and resets it. */
static gboolean
index_insert (sqlite3_stmt *stmt,
              gint64        id,
              const char   *title,
              const char   *body,
              const char   *tags_text)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, tags_text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE;
}

/* The same, into the journal's attached index, through its cached statement. */
static gboolean
index_insert_attached (AllyJournal  *self,
                       gint64        id,
                       const char   *title,
                       const char   *body,
                       const char   *tags_text,
                       GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "INSERT INTO " INDEX_SCHEMA ".entries_fts (rowid, title, body, tags_text)"
    " VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  if (index_insert (stmt, id, title, body, tags_text))
    return TRUE;
  ally_journal_set_error (self, error, sqlite3_errcode (ally_journal_get_db (self)),
                          _("The journal could not be saved"));
  return FALSE;
}

static gboolean
index_remove (AllyJournal  *self,
              gint64        id,
              GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "DELETE FROM " INDEX_SCHEMA ".entries_fts WHERE rowid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return ally_journal_step_done (self, stmt, error);
}

/* Called where an entry is written, inside its transaction: keeps the in-memory index
 * current (or, while it is being built, notes the entry to index again once it is). */
gboolean
ally_journal_index_entry (AllyJournal  *self,
                          gint64        id,
                          const char   *title,
                          const char   *body,
                          const char   *tags_text,
                          GError      **error)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);

  if (!state->on)
    return TRUE;  /* the on-disk index's triggers did it */
  if (state->dirty != NULL)
    g_hash_table_add (state->dirty, g_memdup2 (&id, sizeof id));
  if (!state->index_ready)
    return TRUE;
  return index_remove (self, id, error) &&
         index_insert_attached (self, id, title, body, tags_text, error);
}

gboolean
ally_journal_unindex_entry (AllyJournal  *self,
                            gint64        id,
                            GError      **error)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);

  if (!state->on)
    return TRUE;
  if (state->dirty != NULL)
    g_hash_table_add (state->dirty, g_memdup2 (&id, sizeof id));
  return !state->index_ready || index_remove (self, id, error);
}

static void
detach_index (AllyJournal *self)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);

  g_cancellable_cancel (state->index_cancellable);
  g_clear_object (&state->index_cancellable);
  g_clear_pointer (&state->dirty, g_hash_table_unref);
  if (state->index_ready)
    sqlite3_exec (ally_journal_get_db (self), "DETACH " INDEX_SCHEMA, NULL, NULL, NULL);
  state->index_ready = FALSE;
}

/* A build holds the journal weakly: closing it (and so its session lock) does not wait for
 * the build, which is then cancelled. */
typedef struct
{
  char              *path;
  AllyJournalCrypto *crypto;
  GMainContext      *context;
  GWeakRef           journal;
  GCancellable      *cancellable;
  unsigned char     *image;   /* the index, serialized (sqlite3_malloc()ed) */
  sqlite3_int64      image_size;
} IndexBuild;

static void
index_build_free (gpointer data)
{
  IndexBuild *build = data;

  g_free (build->path);
  g_clear_object (&build->crypto);
  g_main_context_unref (build->context);
  g_weak_ref_clear (&build->journal);
  g_clear_object (&build->cancellable);
  sqlite3_free (build->image);
  g_free (build);
}

typedef struct
{
  GWeakRef      journal;
  GCancellable *cancellable;
  double        fraction;
} IndexProgress;

static gboolean
report_index_progress_cb (gpointer data)
{
  IndexProgress *progress = data;
  g_autoptr (AllyJournal) journal = g_weak_ref_get (&progress->journal);

  if (journal != NULL && !g_cancellable_is_cancelled (progress->cancellable))
    ally_journal_emit_index_progress (journal, progress->fraction);
  g_weak_ref_clear (&progress->journal);
  g_object_unref (progress->cancellable);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
report_index_progress (IndexBuild *build,
                       double      fraction)
{
  IndexProgress *progress = g_new0 (IndexProgress, 1);
  g_autoptr (AllyJournal) journal = g_weak_ref_get (&build->journal);

  g_weak_ref_init (&progress->journal, journal);
  progress->cancellable = g_object_ref (build->cancellable);
  progress->fraction = fraction;
  g_main_context_invoke (build->context, report_index_progress_cb, progress);
}

static gboolean
index_rows (IndexBuild    *build,
            sqlite3       *from,
            sqlite3       *to,
            gint64         total,
            GCancellable  *cancellable,
            GError       **error)
{
  sqlite3_stmt *stmt = NULL, *insert = NULL;
  gint64 done = 0;
  int rc = sqlite3_prepare_v2 (from, "SELECT id, uid, title, body, tags_text FROM entries",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK && sqlite3_prepare_v2 (to, INDEX_INSERT_SQL, -1, &insert, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      ally_journal_set_sqlite_error (error, to, SQLITE_ERROR, _("Your journal could not be searched"));
      return FALSE;
    }
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uid = (const char *) sqlite3_column_text (stmt, 1);
      gboolean ok1, ok2, ok3;
      g_autofree char *title = column_value (build->crypto, stmt, 2, "entries", "title", uid, &ok1, error);
      g_autofree char *body = ok1 ? column_value (build->crypto, stmt, 3, "entries", "body", uid, &ok2, error) : NULL;
      g_autofree char *tags = ok1 && ok2 ? column_value (build->crypto, stmt, 4, "entries", "tags_text", uid, &ok3, error) : NULL;

      if (!ok1 || !ok2 || !ok3 ||
          (++done % INDEX_PROGRESS_STEP == 0 &&
           g_cancellable_set_error_if_cancelled (cancellable, error)))
        {
          sqlite3_finalize (stmt);
          sqlite3_finalize (insert);
          return FALSE;
        }
      if (!index_insert (insert, sqlite3_column_int64 (stmt, 0), title, body, tags))
        break;
      if (done % INDEX_PROGRESS_STEP == 0)
        report_index_progress (build, total > 0 ? (double) done / total : 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  sqlite3_finalize (insert);
  if (rc == SQLITE_DONE)
    return TRUE;
  ally_journal_set_sqlite_error (error, from, rc, _("Your journal could not be searched"));
  return FALSE;
}

static void
build_index_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  IndexBuild *build = task_data;
  GError *error = NULL;
  sqlite3 *from = NULL, *to = NULL;
  gint64 total = 0;
  gboolean ok;
  sqlite3_stmt *count = NULL;

  ok = sqlite3_open_v2 (build->path, &from, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
       sqlite3_open (":memory:", &to) == SQLITE_OK &&
       sqlite3_exec (to, memory_index_sql, NULL, NULL, NULL) == SQLITE_OK &&
       sqlite3_exec (to, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_busy_timeout (from, 5000);
      if (sqlite3_prepare_v2 (from, "SELECT count(*) FROM entries", -1, &count, NULL) == SQLITE_OK &&
          sqlite3_step (count) == SQLITE_ROW)
        total = sqlite3_column_int64 (count, 0);
      sqlite3_finalize (count);
      ok = index_rows (build, from, to, total, cancellable, &error) &&
           sqlite3_exec (to, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
      if (ok)
        build->image = sqlite3_serialize (to, "main", &build->image_size, 0);
      ok = ok && build->image != NULL;
    }
  if (!ok && error == NULL)
    ally_journal_set_sqlite_error (&error, to ? to : from, SQLITE_ERROR,
                                   _("Your journal could not be searched"));
  sqlite3_close (from);
  sqlite3_close (to);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Attaches the built index and brings it up to date with what was saved meanwhile. */
static gboolean
attach_index (AllyJournal  *self,
              IndexBuild   *build,
              GError      **error)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);
  sqlite3 *db = ally_journal_get_db (self);
  g_autoptr (GHashTable) dirty = g_steal_pointer (&state->dirty);
  GHashTableIter iter;
  gpointer key;
  int rc;

  if (!ally_journal_exec (self, "ATTACH ':memory:' AS " INDEX_SCHEMA, error))
    return FALSE;
  /* The connection frees the image (also when this fails). */
  rc = sqlite3_deserialize (db, INDEX_SCHEMA, g_steal_pointer (&build->image), build->image_size,
                            build->image_size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  if (rc != SQLITE_OK)
    {
      ally_journal_set_error (self, error, rc, _("Your journal could not be searched"));
      sqlite3_exec (db, "DETACH " INDEX_SCHEMA, NULL, NULL, NULL);
      return FALSE;
    }
  state->index_ready = TRUE;
  g_hash_table_iter_init (&iter, dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;
      g_autoptr (AllyEntry) entry = NULL;
      g_autofree char *tags_text = NULL;
      g_autoptr (GError) local = NULL;

      if (!index_remove (self, id, error))
        return FALSE;
      entry = ally_journal_get_entry (self, id, &local);
      if (entry == NULL)
        continue;  /* deleted meanwhile */
      tags_text = g_strjoinv ("\n", (char **) ally_entry_get_tags (entry));
      if (!index_insert_attached (self, id, ally_entry_get_title (entry),
                                  ally_entry_get_body (entry), tags_text, error))
        return FALSE;
    }
  return TRUE;
}

static void
index_built_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  IndexBuild *build = g_task_get_task_data (G_TASK (result));
  g_autoptr (AllyJournal) self = g_weak_ref_get (&build->journal);
  AllyJournalLockState *state;
  g_autoptr (GError) error = NULL;

  /* Closed, locked, or built again meanwhile: this one is not wanted any more. */
  if (self == NULL)
    return;
  state = ally_journal_get_lock_state (self);
  if (build->cancellable != state->index_cancellable ||
      g_cancellable_is_cancelled (build->cancellable))
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error) || !attach_index (self, build, &error))
    {
      g_warning ("Allyship: the search index could not be built: %s", error->message);
      g_clear_object (&state->index_cancellable);
      return;
    }
  g_clear_object (&state->index_cancellable);
  ally_journal_emit_index_progress (self, 1.0);
  /* Search lists count their rows again, now that there is an index. */
  g_signal_emit_by_name (self, "entries-reset");
}

/**
 * ally_journal_rebuild_search_index:
 *
 * While the lock is on and the journal unlocked, builds the in-memory search index again on
 * a worker thread (after unlocking, or an import); AllyJournal::search-index-progress says
 * how far it is, and 1.0 when search is ready.
 */
void
ally_journal_rebuild_search_index (AllyJournal *self)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);
  g_autoptr (GTask) task = NULL;
  IndexBuild *build;

  if (!state->on || state->crypto == NULL)
    return;
  detach_index (self);
  state->dirty = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  state->index_cancellable = g_cancellable_new ();
  build = g_new0 (IndexBuild, 1);
  build->path = g_file_get_path (ally_journal_get_file (self));
  build->crypto = ally_journal_crypto_dup (state->crypto, NULL);
  build->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&build->journal, self);
  build->cancellable = g_object_ref (state->index_cancellable);
  task = g_task_new (NULL, state->index_cancellable, index_built_cb, NULL);
  g_task_set_source_tag (task, ally_journal_rebuild_search_index);
  g_task_set_task_data (task, build, index_build_free);
  g_task_run_in_thread (task, build_index_in_thread);
  ally_journal_emit_index_progress (self, 0.0);
}

/* Reading the lock, and finishing turning it on */

static gboolean
checkpoint_truncate (AllyJournal  *self,
                     GError      **error)
{
  int n_log = -1, n_done = -1;
  int rc = sqlite3_wal_checkpoint_v2 (ally_journal_get_db (self), NULL,
                                      SQLITE_CHECKPOINT_TRUNCATE, &n_log, &n_done);

  if (rc == SQLITE_OK && n_log == n_done)
    return TRUE;
  ally_journal_set_error (self, error, rc == SQLITE_OK ? SQLITE_BUSY : rc,
                          _("Your journal could not be encrypted completely"));
  return FALSE;
}

/* Backups made before the lock was on hold the journal in plain text. */
static gboolean
delete_backups (AllyJournal  *self,
                GError      **error)
{
  g_autoptr (GPtrArray) backups = ally_journal_list_backups (ally_journal_get_data_dir (self),
                                                             error);

  if (backups == NULL)
    return FALSE;
  for (guint i = 0; i < backups->len; i++)
    if (!g_file_delete (g_ptr_array_index (backups, i), NULL, error))
      return FALSE;
  return TRUE;
}

/* Leaves no plain text in the file's free space, the WAL or the backups; see the top. */
static gboolean
scrub (AllyJournal  *self,
       GError      **error)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);
  g_autoptr (GError) backup_error = NULL;

  if (!ally_journal_exec (self, "VACUUM", error) ||
      !checkpoint_truncate (self, error) ||
      !delete_backups (self, error) ||
      !ally_journal_exec (self, "UPDATE journal_lock SET scrubbed = 1", error) ||
      !checkpoint_truncate (self, error))
    return FALSE;
  state->scrubbed = TRUE;
  if (!ally_journal_backup_now (self, &backup_error))
    g_message ("Allyship: the first encrypted backup failed: %s", backup_error->message);
  return TRUE;
}

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           index)
{
  return g_bytes_new (sqlite3_column_blob (stmt, index), sqlite3_column_bytes (stmt, index));
}

/* At open: whether the lock is on, its wrapped keys (read now, so that unlocking reads no
 * file), and the scrub a kill interrupted. */
gboolean
ally_journal_read_lock (AllyJournal  *self,
                        GError      **error)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);
  g_autoptr (GError) scrub_error = NULL;
  int rc;

  {
    g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
      "SELECT passphrase_key, recovery_key, scrubbed FROM journal_lock WHERE id = 1", error);

    if (stmt == NULL)
      return FALSE;
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
      {
        ally_journal_set_error (self, error, rc, _("Your journal could not be read"));
        return FALSE;
      }
    state->on = rc == SQLITE_ROW;
    if (state->on)
      {
        state->passphrase_key = column_bytes (stmt, 0);
        state->recovery_key = column_bytes (stmt, 1);
        state->scrubbed = sqlite3_column_int (stmt, 2) != 0;
      }
  }
  if (state->on && !state->scrubbed && !scrub (self, &scrub_error))
    g_message ("Allyship: the locked journal's free space could not be cleared yet: %s",
               scrub_error->message);
  return TRUE;
}

/* Converting the whole journal */

typedef struct
{
  AllyJournalCrypto *from;  /* NULL: plain */
  AllyJournalCrypto *to;
} Conversion;

static gboolean
convert_entries (AllyJournal  *self,
                 Conversion   *c,
                 GError      **error)
{
  static const char * const columns[] = { "title", "body", "tags_text" };
  gint64 last = 0;

  for (;;)
    {
      g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      int rc;

      {
        g_autoptr (AllyStmt) read = ally_journal_prepare (self,
          "SELECT id, uid, title, body, tags_text FROM entries WHERE id > ? ORDER BY id LIMIT ?",
          error);
        if (read == NULL)
          return FALSE;
        sqlite3_bind_int64 (read, 1, last);
        sqlite3_bind_int (read, 2, CONVERT_BATCH);
        while ((rc = sqlite3_step (read)) == SQLITE_ROW)
          {
            char **row = g_new0 (char *, 5);
            gint64 id = sqlite3_column_int64 (read, 0);
            gboolean ok = TRUE;

            row[0] = g_strdup ((const char *) sqlite3_column_text (read, 1));
            for (guint i = 0; i < G_N_ELEMENTS (columns) && ok; i++)
              row[i + 1] = column_value (c->from, read, 2 + i, "entries", columns[i],
                                         row[0], &ok, error);
            g_ptr_array_add (rows, row);
            if (!ok)
              return FALSE;
            g_array_append_val (ids, id);
            last = id;
          }
        if (rc != SQLITE_DONE)
          {
            ally_journal_set_error (self, error, rc, _("Your journal could not be read"));
            return FALSE;
          }
      }
      if (rows->len == 0)
        return TRUE;
      for (guint r = 0; r < rows->len; r++)
        {
          char **row = g_ptr_array_index (rows, r);
          g_autoptr (AllyStmt) write = ally_journal_prepare (self,
            "UPDATE entries SET title = ?1, body = ?2, tags_text = ?3 WHERE id = ?4", error);

          if (write == NULL)
            return FALSE;
          for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
            if (!bind_value (c->to, write, i + 1, row[i + 1] ? row[i + 1] : "", "entries",
                             columns[i], row[0], error))
              return FALSE;
          sqlite3_bind_int64 (write, 4, g_array_index (ids, gint64, r));
          if (!ally_journal_step_done (self, write, error))
            return FALSE;
        }
    }
}

/* Tags: plain names become keyed hashes with the name sealed beside them, and back. */
static gboolean
convert_tags (AllyJournal  *self,
              Conversion   *c,
              GError      **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  {
    g_autoptr (AllyStmt) read = ally_journal_prepare (self,
      "SELECT id, name, sealed_name FROM tags", error);
    if (read == NULL)
      return FALSE;
    while ((rc = sqlite3_step (read)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (read, 0);
        gboolean ok = TRUE;
        char *name = c->from == NULL
          ? g_strdup ((const char *) sqlite3_column_text (read, 1))
          : column_value (c->from, read, 2, "tags", "name",
                          (const char *) sqlite3_column_text (read, 1), &ok, error);
        if (!ok || name == NULL)
          {
            g_free (name);
            if (ok)
              set_not_unlocked_error (error);
            return FALSE;
          }
        g_ptr_array_add (names, name);
        g_array_append_val (ids, id);
      }
    if (rc != SQLITE_DONE)
      {
        ally_journal_set_error (self, error, rc, _("Your journal could not be read"));
        return FALSE;
      }
  }
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *stored = c->to ? ally_journal_crypto_tag_token (c->to, name) : g_strdup (name);
      g_autoptr (AllyStmt) write = ally_journal_prepare (self,
        "UPDATE tags SET name = ?1, sealed_name = ?2 WHERE id = ?3", error);

      if (write == NULL)
        return FALSE;
      sqlite3_bind_text (write, 1, stored, -1, SQLITE_TRANSIENT);
      if (c->to && !bind_value (c->to, write, 2, name, "tags", "name", stored, error))
        return FALSE;
      sqlite3_bind_int64 (write, 3, g_array_index (ids, gint64, i));
      if (!ally_journal_step_done (self, write, error))
        return FALSE;
    }
  return TRUE;
}

/* One text column of a small table, each row keyed by @key_sql (as text). */
static gboolean
convert_column (AllyJournal  *self,
                Conversion   *c,
                const char   *table,
                const char   *column,
                const char   *key_sql,
                GError      **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s, %s FROM %s", key_sql, column, table);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE %s = ?2",
                                             table, column, key_sql);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  int rc;

  {
    g_autoptr (AllyStmt) read = ally_journal_prepare (self, select, error);
    if (read == NULL)
      return FALSE;
    while ((rc = sqlite3_step (read)) == SQLITE_ROW)
      {
        gboolean ok = TRUE;
        char *key = g_strdup ((const char *) sqlite3_column_text (read, 0));
        char *text = column_value (c->from, read, 1, table, column, key, &ok, error);

        g_ptr_array_add (keys, key);
        g_ptr_array_add (texts, text);
        if (!ok)
          return FALSE;
      }
    if (rc != SQLITE_DONE)
      {
        ally_journal_set_error (self, error, rc, _("Your journal could not be read"));
        return FALSE;
      }
  }
  for (guint i = 0; i < keys->len; i++)
    {
      g_autoptr (AllyStmt) write = ally_journal_prepare (self, update, error);

      if (write == NULL ||
          !bind_value (c->to, write, 1, g_ptr_array_index (texts, i), table, column,
                       g_ptr_array_index (keys, i), error))
        return FALSE;
      sqlite3_bind_text (write, 2, g_ptr_array_index (keys, i), -1, SQLITE_TRANSIENT);
      if (!ally_journal_step_done (self, write, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_lock_row (AllyJournal  *self,
                GBytes       *passphrase_key,
                GBytes       *recovery_key,
                GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "INSERT INTO journal_lock (id, passphrase_key, recovery_key, scrubbed) VALUES (1, ?, ?, 0)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (passphrase_key, NULL),
                     g_bytes_get_size (passphrase_key), SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 2, g_bytes_get_data (recovery_key, NULL),
                     g_bytes_get_size (recovery_key), SQLITE_TRANSIENT);
  return ally_journal_step_done (self, stmt, error);
}

/* Every value from @c->from to @c->to, the index and the lock row, in one transaction. */
static gboolean
convert_journal (AllyJournal  *self,
                 Conversion   *c,
                 GBytes       *passphrase_key,
                 GBytes       *recovery_key,
                 GError      **error)
{
  /* Freed cells are zeroed, not left with their old text in the page. */
  if (!ally_journal_exec (self, "PRAGMA secure_delete = ON", error) ||
      !ally_journal_begin (self, error))
    return FALSE;
  if ((c->to != NULL && !ally_journal_exec (self, fts_drop_sql, error)) ||
      !convert_entries (self, c, error) ||
      !convert_tags (self, c, error) ||
      !convert_column (self, c, "commitments", "text", "id", error) ||
      !convert_column (self, c, "power_map", "answer", "axis_id", error) ||
      (c->to != NULL && !write_lock_row (self, passphrase_key, recovery_key, error)) ||
      (c->to == NULL && !ally_journal_exec (self, "DELETE FROM journal_lock;", error)) ||
      (c->to == NULL && !ally_journal_exec (self, fts_create_sql, error)))
    {
      ally_journal_rollback (self);
      return FALSE;
    }
  return ally_journal_commit (self, error);
}

static void
set_unlocked (AllyJournal       *self,
              AllyJournalCrypto *crypto)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);

  forget_key (state);
  state->crypto = crypto;
  ally_journal_emit_lock_changed (self);
  ally_journal_rebuild_search_index (self);
}

/* Public API */

/* Whether the lock is on (the journal is stored encrypted), unlocked or not. */
gboolean
ally_journal_is_lock_on (AllyJournal *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  return ally_journal_get_lock_state (self)->on;
}

/* Whether the journal can be read and written: the lock is off, or it was unlocked. */
gboolean
ally_journal_is_unlocked (AllyJournal *self)
{
  AllyJournalLockState *state;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  state = ally_journal_get_lock_state (self);
  return !state->on || state->crypto != NULL;
}

/* Whether search can run: always with the lock off; with it on, once the in-memory index
 * built after unlocking is ready. */
gboolean
ally_journal_is_search_ready (AllyJournal *self)
{
  AllyJournalLockState *state;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  state = ally_journal_get_lock_state (self);
  return !state->on || state->index_ready;
}

/* The new keys of a journal being locked: made apart from the journal (Argon2id takes a
 * moment), so that ally_journal_turn_lock_on_async() can make them on a worker thread. */
typedef struct
{
  AllyJournalCrypto *crypto;
  GBytes            *passphrase_key;
  GBytes            *recovery_key;
  char              *recovery;
} NewKeys;

static void
new_keys_free (NewKeys *keys)
{
  g_clear_object (&keys->crypto);
  g_clear_pointer (&keys->passphrase_key, g_bytes_unref);
  g_clear_pointer (&keys->recovery_key, g_bytes_unref);
  g_free (keys->recovery);
  g_free (keys);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewKeys, new_keys_free)

static NewKeys *
make_new_keys (const char  *passphrase,
               GError     **error)
{
  g_autoptr (NewKeys) keys = g_new0 (NewKeys, 1);

  keys->recovery = ally_journal_crypto_new_recovery_key ();
  if ((keys->crypto = ally_journal_crypto_new_random (error)) == NULL ||
      (keys->passphrase_key = ally_journal_crypto_wrap_passphrase (keys->crypto, passphrase, error)) == NULL ||
      (keys->recovery_key = ally_journal_crypto_wrap_recovery_key (keys->crypto, keys->recovery, error)) == NULL)
    return NULL;
  return g_steal_pointer (&keys);
}

static gboolean
check_lock_is_off (AllyJournal  *self,
                   GError      **error)
{
  if (!ally_journal_get_lock_state (self)->on)
    return TRUE;
  g_set_error_literal (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_INVALID_ARGUMENT,
                       _("Your journal is locked already."));
  return FALSE;
}

/* Converts the journal with @keys and clears it; returns the recovery key. */
static char *
lock_with_keys (AllyJournal  *self,
                NewKeys      *keys,
                GError      **error)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);
  g_autoptr (GError) scrub_error = NULL;
  Conversion c = { NULL, keys->crypto };

  if (!check_lock_is_off (self, error) ||
      !convert_journal (self, &c, keys->passphrase_key, keys->recovery_key, error))
    return NULL;
  state->on = TRUE;
  state->scrubbed = FALSE;
  state->passphrase_key = g_steal_pointer (&keys->passphrase_key);
  state->recovery_key = g_steal_pointer (&keys->recovery_key);
  if (!scrub (self, &scrub_error))
    g_message ("Allyship: the locked journal's free space could not be cleared yet (it will "
               "be at the next start): %s", scrub_error->message);
  set_unlocked (self, g_steal_pointer (&keys->crypto));
  return g_steal_pointer (&keys->recovery);
}

/**
 * ally_journal_turn_lock_on:
 * @passphrase: the passphrase that will unlock the journal
 *
 * Encrypts everything the person wrote, in one transaction, then clears the plain text
 * from the file's free space, the WAL and the backups (replaced by an encrypted one).
 * The journal stays unlocked.
 *
 * Returns: (transfer full): the recovery key, to be shown once, or %NULL with @error set
 */
char *
ally_journal_turn_lock_on (AllyJournal  *self,
                           const char   *passphrase,
                           GError      **error)
{
  g_autoptr (NewKeys) keys = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!check_lock_is_off (self, error) || (keys = make_new_keys (passphrase, error)) == NULL)
    return NULL;
  return lock_with_keys (self, keys, error);
}

static void
make_keys_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  NewKeys *keys = make_new_keys (task_data, &error);

  if (keys != NULL)
    g_task_return_pointer (task, keys, (GDestroyNotify) new_keys_free);
  else
    g_task_return_error (task, error);
}

static void
free_passphrase (gpointer data)
{
  char *passphrase = data;

  memset (passphrase, 0, strlen (passphrase));
  g_free (passphrase);
}

/**
 * ally_journal_turn_lock_on_async:
 *
 * Like ally_journal_turn_lock_on(), with the keys derived on a worker thread; the
 * conversion itself then runs here, in one transaction.
 */
void
ally_journal_turn_lock_on_async (AllyJournal         *self,
                                 const char          *passphrase,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (ALLY_IS_JOURNAL (self));
  g_return_if_fail (passphrase != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ally_journal_turn_lock_on_async);
  g_task_set_task_data (task, g_strdup (passphrase), free_passphrase);
  g_task_run_in_thread (task, make_keys_in_thread);
}

/* Returns: (transfer full): the recovery key, or %NULL with @error set */
char *
ally_journal_turn_lock_on_finish (AllyJournal   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr (NewKeys) keys = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  keys = g_task_propagate_pointer (G_TASK (result), error);
  if (keys == NULL)
    return NULL;
  return lock_with_keys (self, keys, error);
}

/**
 * ally_journal_turn_lock_off:
 *
 * Decrypts everything in one transaction and makes the on-disk search index again. The
 * journal must be unlocked. Backups made while it was locked stay encrypted.
 */
gboolean
ally_journal_turn_lock_off (AllyJournal  *self,
                            GError      **error)
{
  AllyJournalLockState *state;
  Conversion c = { NULL, NULL };

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);

  state = ally_journal_get_lock_state (self);
  if (!state->on)
    return TRUE;
  if (state->crypto == NULL)
    {
      set_not_unlocked_error (error);
      return FALSE;
    }
  detach_index (self);
  c.from = state->crypto;
  if (!convert_journal (self, &c, NULL, NULL, error))
    {
      ally_journal_rebuild_search_index (self);
      return FALSE;
    }
  state->on = FALSE;
  g_clear_pointer (&state->passphrase_key, g_bytes_unref);
  g_clear_pointer (&state->recovery_key, g_bytes_unref);
  forget_key (state);
  ally_journal_emit_lock_changed (self);
  g_signal_emit_by_name (self, "entries-reset");
  return TRUE;
}

/**
 * ally_journal_change_passphrase:
 *
 * Wraps the data key with a new passphrase: nothing is encrypted again, and the recovery
 * key stays valid. The journal must be unlocked.
 */
gboolean
ally_journal_change_passphrase (AllyJournal  *self,
                                const char   *passphrase,
                                GError      **error)
{
  AllyJournalLockState *state;
  g_autoptr (GBytes) wrapped = NULL;
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  state = ally_journal_get_lock_state (self);
  if (!state->on || state->crypto == NULL)
    {
      set_not_unlocked_error (error);
      return FALSE;
    }
  wrapped = ally_journal_crypto_wrap_passphrase (state->crypto, passphrase, error);
  if (wrapped == NULL)
    return FALSE;
  stmt = ally_journal_prepare (self, "UPDATE journal_lock SET passphrase_key = ? WHERE id = 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (wrapped, NULL), g_bytes_get_size (wrapped),
                     SQLITE_TRANSIENT);
  if (!ally_journal_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&state->passphrase_key, g_bytes_unref);
  state->passphrase_key = g_steal_pointer (&wrapped);
  return TRUE;
}

static AllyJournalCrypto *
unwrap (GBytes      *passphrase_key,
        GBytes      *recovery_key,
        const char  *secret,
        gboolean     is_recovery_key,
        GError     **error)
{
  if (is_recovery_key)
    return ally_journal_crypto_unwrap_recovery_key (recovery_key, secret, error);
  return ally_journal_crypto_unwrap_passphrase (passphrase_key, secret, error);
}

static gboolean
unlock_with (AllyJournal  *self,
             const char   *secret,
             gboolean      is_recovery_key,
             GError      **error)
{
  AllyJournalLockState *state = ally_journal_get_lock_state (self);
  AllyJournalCrypto *crypto;

  if (!state->on || state->crypto != NULL)
    return TRUE;
  crypto = unwrap (state->passphrase_key, state->recovery_key, secret, is_recovery_key, error);
  if (crypto == NULL)
    return FALSE;
  set_unlocked (self, crypto);
  return TRUE;
}

/**
 * ally_journal_unlock:
 *
 * Unlocks the journal with its passphrase, reading no file (the wrapped key was read at
 * open). A wrong passphrase is %ALLY_JOURNAL_CRYPTO_ERROR_WRONG_PASSPHRASE. The search
 * index is then built on a worker thread.
 */
gboolean
ally_journal_unlock (AllyJournal  *self,
                     const char   *passphrase,
                     GError      **error)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  return unlock_with (self, passphrase, FALSE, error);
}

gboolean
ally_journal_unlock_with_recovery_key (AllyJournal  *self,
                                       const char   *recovery_key,
                                       GError      **error)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  return unlock_with (self, recovery_key, TRUE, error);
}

typedef struct
{
  GBytes   *passphrase_key;
  GBytes   *recovery_key;
  char     *secret;
  gboolean  is_recovery_key;
} UnlockData;

static void
unlock_data_free (gpointer data)
{
  UnlockData *unlock = data;

  g_clear_pointer (&unlock->passphrase_key, g_bytes_unref);
  g_clear_pointer (&unlock->recovery_key, g_bytes_unref);
  if (unlock->secret != NULL)
    memset (unlock->secret, 0, strlen (unlock->secret));
  g_free (unlock->secret);
  g_free (unlock);
}

static void
unlock_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  UnlockData *unlock = task_data;
  gint64 start = g_get_monotonic_time ();
  GError *error = NULL;
  AllyJournalCrypto *crypto = unwrap (unlock->passphrase_key, unlock->recovery_key,
                                      unlock->secret, unlock->is_recovery_key, &error);
  gint64 spent = g_get_monotonic_time () - start;

  if (crypto != NULL)
    {
      g_task_return_pointer (task, crypto, g_object_unref);
      return;
    }
  if (spent < WRONG_PASSPHRASE_WAIT_USEC)
    g_usleep (WRONG_PASSPHRASE_WAIT_USEC - spent);
  g_task_return_error (task, error);
}

/**
 * ally_journal_unlock_async:
 * @secret: the passphrase, or the recovery key when @is_recovery_key
 *
 * Derives the key on a worker thread; a wrong passphrase answers after about a second.
 */
void
ally_journal_unlock_async (AllyJournal         *self,
                           const char          *secret,
                           gboolean             is_recovery_key,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  AllyJournalLockState *state;
  g_autoptr (GTask) task = NULL;
  UnlockData *unlock;

  g_return_if_fail (ALLY_IS_JOURNAL (self));
  g_return_if_fail (secret != NULL);

  state = ally_journal_get_lock_state (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ally_journal_unlock_async);
  unlock = g_new0 (UnlockData, 1);
  unlock->passphrase_key = state->passphrase_key ? g_bytes_ref (state->passphrase_key) : NULL;
  unlock->recovery_key = state->recovery_key ? g_bytes_ref (state->recovery_key) : NULL;
  unlock->secret = g_strdup (secret);
  unlock->is_recovery_key = is_recovery_key;
  g_task_set_task_data (task, unlock, unlock_data_free);
  if (!state->on || state->crypto != NULL)
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_run_in_thread (task, unlock_in_thread);
}

gboolean
ally_journal_unlock_finish (AllyJournal   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  GError *local = NULL;
  AllyJournalCrypto *crypto;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  crypto = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  /* Locked meanwhile by nobody; unlocked meanwhile by another call: keep that key. */
  if (crypto != NULL && ally_journal_get_lock_state (self)->crypto == NULL)
    set_unlocked (self, crypto);
  else
    g_clear_object (&crypto);
  return TRUE;
}

/**
 * ally_journal_lock:
 *
 * Locks an unlocked journal: the in-memory index is dropped and the key wiped
 * (sodium_memzero). Entry lists empty themselves (AllyJournal::lock-changed). Nothing is
 * written: every save is durable already.
 */
void
ally_journal_lock (AllyJournal *self)
{
  AllyJournalLockState *state;

  g_return_if_fail (ALLY_IS_JOURNAL (self));

  state = ally_journal_get_lock_state (self);
  if (!state->on || state->crypto == NULL)
    return;
  detach_index (self);
  forget_key (state);
  ally_journal_emit_lock_changed (self);
}
