/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-rescue.c: text that could not be saved is never thrown away. A save can wait
 * briefly for another program to let go of the journal; when it still fails, the text is
 * kept in a private file in the cache folder, one per entry (by uid), until it is saved,
 * and the next start offers it back. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ally-entry-private.h"
#include "ally-journal-lock.h"
#include "ally-journal-private.h"
#include "ally-journal-rescue.h"

#define UNSAVED_GROUP "Unsaved Entry"
#define UNSAVED_SUFFIX ".unsaved"

/* A uid is a file name only when it is plainly one; anything else is hashed, so that an
 * imported uid can never point outside the folder. */
static char *
unsaved_file_name (const char *uid)
{
  gboolean plain = uid[0] != '\0' && strlen (uid) <= 64;
  g_autofree char *hash = NULL;

  for (const char *c = uid; plain && *c != '\0'; c++)
    plain = g_ascii_isalnum (*c) || *c == '-' || *c == '_';
  if (plain)
    return g_strconcat (uid, UNSAVED_SUFFIX, NULL);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uid, -1);
  return g_strconcat (hash, UNSAVED_SUFFIX, NULL);
}

/* The same form as the uids the journal makes itself. */
static char *
new_uid (void)
{
  GString *uid = g_string_sized_new (32);

  for (guint i = 0; i < 4; i++)
    g_string_append_printf (uid, "%08x", g_random_int ());
  return g_string_free (uid, FALSE);
}

static AllyEntry *
lookup_by_uid (AllyJournal  *self,
               const char   *uid,
               GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "SELECT " ALLY_ENTRY_COLUMNS " FROM entries e WHERE e.uid = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ally_journal_entry_from_row (self, stmt, error);
  if (rc != SQLITE_DONE)
    ally_journal_set_error (self, error, rc, _("The journal could not be read"));
  return NULL;
}

/* While the journal lock is on, a copy's title, text and tags are sealed (as the journal's
 * own values are) in one base64 "Sealed" key: the group of @text, for @uid. */
#define SEALED_KEY "Sealed"

static gboolean
seal_text_fields (AllyJournal  *journal,
                  GKeyFile     *key_file,
                  const char   *uid,
                  GError      **error)
{
  g_autoptr (GKeyFile) inner = g_key_file_new ();
  const char *text_keys[] = { "Title", "Body", "Tags" };
  g_autofree char *data = NULL;
  g_autofree char *encoded = NULL;
  g_autoptr (GBytes) sealed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (text_keys); i++)
    {
      g_autofree char *value = g_key_file_get_value (key_file, UNSAVED_GROUP, text_keys[i], NULL);

      if (value == NULL)
        continue;
      g_key_file_set_value (inner, UNSAVED_GROUP, text_keys[i], value);
      g_key_file_remove_key (key_file, UNSAVED_GROUP, text_keys[i], NULL);
    }
  data = g_key_file_to_data (inner, NULL, NULL);
  sealed = ally_journal_seal_text (journal, data, "unsaved", "copy", uid, error);
  if (sealed == NULL)
    return FALSE;
  encoded = g_base64_encode (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
  g_key_file_set_string (key_file, UNSAVED_GROUP, SEALED_KEY, encoded);
  return TRUE;
}

/* The other way; FALSE when the copy cannot be opened (the journal locked, or not its key). */
static gboolean
open_text_fields (AllyJournal *journal,
                  GKeyFile    *key_file,
                  const char  *uid)
{
  g_autofree char *encoded = g_key_file_get_string (key_file, UNSAVED_GROUP, SEALED_KEY, NULL);
  g_autoptr (GKeyFile) inner = g_key_file_new ();
  g_autofree guchar *sealed = NULL;
  g_autofree char *data = NULL;
  g_auto (GStrv) keys = NULL;
  gsize length = 0;

  if (encoded == NULL)
    return TRUE;
  if (journal == NULL)
    return FALSE;
  sealed = g_base64_decode (encoded, &length);
  data = ally_journal_open_text (journal, sealed, length, "unsaved", "copy", uid, NULL);
  if (data == NULL || !g_key_file_load_from_data (inner, data, -1, G_KEY_FILE_NONE, NULL))
    return FALSE;
  keys = g_key_file_get_keys (inner, UNSAVED_GROUP, NULL, NULL);
  for (guint i = 0; keys && keys[i]; i++)
    {
      g_autofree char *value = g_key_file_get_value (inner, UNSAVED_GROUP, keys[i], NULL);
      g_key_file_set_value (key_file, UNSAVED_GROUP, keys[i], value);
    }
  return TRUE;
}

static AllyEntry *
read_unsaved_file (AllyJournal *journal,
                   const char  *path)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (AllyEntry) entry = ally_entry_new ();
  g_autoptr (GDateTime) kept = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *kept_text = NULL;
  g_auto (GStrv) tags = NULL;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  uid = g_key_file_get_string (key_file, UNSAVED_GROUP, "Uid", NULL);
  kept_text = g_key_file_get_string (key_file, UNSAVED_GROUP, "Kept", NULL);
  if (uid == NULL || kept_text == NULL || (kept = g_date_time_new_from_iso8601 (kept_text, NULL)) == NULL ||
      !open_text_fields (journal, key_file, uid))
    return NULL;

  {
    g_autofree char *title = g_key_file_get_string (key_file, UNSAVED_GROUP, "Title", NULL);
    g_autofree char *body = g_key_file_get_string (key_file, UNSAVED_GROUP, "Body", NULL);
    g_autofree char *lesson_id = g_key_file_get_string (key_file, UNSAVED_GROUP, "LessonId", NULL);
    g_autofree char *prompt_id = g_key_file_get_string (key_file, UNSAVED_GROUP, "PromptId", NULL);

    ally_entry_set_title (entry, title ? title : "");
    ally_entry_set_body (entry, body ? body : "");
    ally_entry_set_lesson_id (entry, lesson_id);
    ally_entry_set_prompt_id (entry, prompt_id);
  }
  tags = g_key_file_get_string_list (key_file, UNSAVED_GROUP, "Tags", NULL, NULL);
  ally_entry_set_tags (entry, (const char * const *) tags);
  ally_entry_set_uid (entry, uid);
  ally_entry_set_updated (entry, kept);
  return g_steal_pointer (&entry);
}

static int
compare_kept (gconstpointer a,
              gconstpointer b)
{
  AllyEntry *first = *(AllyEntry * const *) a;
  AllyEntry *second = *(AllyEntry * const *) b;

  return g_date_time_compare (ally_entry_get_updated (first), ally_entry_get_updated (second));
}

/**
 * ally_journal_save_entry_waiting:
 * @wait_ms: how long to wait for another program to let go of the journal
 * @out_locked: (out) (optional): set to %TRUE when the save failed because it did not
 *
 * Like ally_journal_save_entry(), but waits at most @wait_ms rather than the journal's
 * usual five seconds: for saves the person is waiting on, and for retries.
 */
gint64
ally_journal_save_entry_waiting (AllyJournal  *self,
                                 AllyEntry    *entry,
                                 guint         wait_ms,
                                 gboolean     *out_locked,
                                 GError      **error)
{
  sqlite3 *db;
  gint64 id;
  int rc = SQLITE_OK;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), 0);
  g_return_val_if_fail (ALLY_IS_ENTRY (entry), 0);

  db = ally_journal_get_db (self);
  sqlite3_busy_timeout (db, (int) wait_ms);
  id = ally_journal_save_entry (self, entry, error);
  if (id == 0)
    rc = sqlite3_errcode (db);
  sqlite3_busy_timeout (db, ALLY_JOURNAL_BUSY_TIMEOUT_MS);

  if (out_locked != NULL)
    *out_locked = rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
  return id;
}

/* $XDG_CACHE_HOME/allyship/unsaved (allyship-devel in the development profile) */
GFile *
ally_journal_unsaved_dir (void)
{
  return g_file_new_build_filename (g_get_user_cache_dir (), DATA_FOLDER, "unsaved", NULL);
}

/**
 * ally_journal_keep_unsaved:
 * @dir: the folder for emergency copies, such as ally_journal_unsaved_dir()
 * @entry: an entry whose text could not be saved; given a uid if it has none yet, so that
 *   the next failures replace this copy and the save that works removes it
 *
 * Writes the title, text, tags and lesson of @entry, with its uid and the time, to a file
 * only the person can read in @dir, replacing the copy kept for it before. While the lock
 * of @journal is on, the title, text and tags are encrypted with its key.
 */
gboolean
ally_journal_keep_unsaved (AllyJournal  *journal,
                           GFile        *dir,
                           AllyEntry    *entry,
                           GError      **error)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) local = NULL;
  g_autofree char *kept = g_date_time_format_iso8601 (now);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  const char * const *tags = ally_entry_get_tags (entry);
  const char *folder = g_file_peek_path (dir);
  gsize length;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (ALLY_IS_ENTRY (entry), FALSE);

  if (ally_entry_get_uid (entry) == NULL)
    {
      g_autofree char *uid = new_uid ();
      ally_entry_set_uid (entry, uid);
    }

  g_key_file_set_string (key_file, UNSAVED_GROUP, "Uid", ally_entry_get_uid (entry));
  g_key_file_set_int64 (key_file, UNSAVED_GROUP, "Id", ally_entry_get_id (entry));
  g_key_file_set_string (key_file, UNSAVED_GROUP, "Kept", kept);
  g_key_file_set_string (key_file, UNSAVED_GROUP, "Title", ally_entry_get_title (entry));
  g_key_file_set_string (key_file, UNSAVED_GROUP, "Body", ally_entry_get_body (entry));
  g_key_file_set_string_list (key_file, UNSAVED_GROUP, "Tags",
                              tags ? tags : (const char * const[]) { NULL },
                              tags ? g_strv_length ((char **) tags) : 0);
  if (ally_entry_get_lesson_id (entry) != NULL)
    g_key_file_set_string (key_file, UNSAVED_GROUP, "LessonId", ally_entry_get_lesson_id (entry));
  if (ally_entry_get_prompt_id (entry) != NULL)
    g_key_file_set_string (key_file, UNSAVED_GROUP, "PromptId", ally_entry_get_prompt_id (entry));
  if (journal != NULL && ally_journal_is_lock_on (journal) &&
      !seal_text_fields (journal, key_file, ally_entry_get_uid (entry), error))
    return FALSE;
  data = g_key_file_to_data (key_file, &length, NULL);

  name = unsaved_file_name (ally_entry_get_uid (entry));
  path = g_build_filename (folder, name, NULL);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      /* Translators: the first %s is a folder, the second the reason */
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   _("A copy of your text could not be kept in %s: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local))
    {
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   _("A copy of your text could not be kept in %s: %s"), folder, local->message);
      return FALSE;
    }
  return TRUE;
}

/* Removes the copy kept for @uid, if there is one: its text is in the journal now. */
gboolean
ally_journal_forget_unsaved (GFile       *dir,
                             const char  *uid,
                             GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  if (uid == NULL)
    return TRUE;
  name = unsaved_file_name (uid);
  path = g_build_filename (g_file_peek_path (dir), name, NULL);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      /* Translators: %s is a file name, then the reason */
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   _("The copy of your text in %s could not be removed: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * ally_journal_list_unsaved:
 *
 * The copies kept in @dir, oldest first, as entries with no id whose uid is that of the
 * entry they belong to and whose edit date is when the copy was made. A file that cannot
 * be read — or, encrypted, opened with the key of @journal (unlocked) — is left where it
 * is, never removed.
 *
 * Returns: (transfer container) (element-type AllyEntry): the copies, maybe none
 */
GPtrArray *
ally_journal_list_unsaved (AllyJournal *journal,
                           GFile       *dir)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDir) folder = NULL;
  const char *name;

  g_return_val_if_fail (G_IS_FILE (dir), copies);

  folder = g_dir_open (g_file_peek_path (dir), 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      AllyEntry *copy;

      if (!g_str_has_suffix (name, UNSAVED_SUFFIX))
        continue;
      path = g_build_filename (g_file_peek_path (dir), name, NULL);
      copy = read_unsaved_file (journal, path);
      if (copy != NULL)
        g_ptr_array_add (copies, copy);
      else
        g_debug ("Allyship: %s is not an emergency copy it can read; left as it is", path);
    }

  g_ptr_array_sort (copies, compare_kept);
  return copies;
}

/**
 * ally_journal_restore_unsaved:
 * @unsaved: a copy from ally_journal_list_unsaved()
 *
 * Puts the text of @unsaved back in the journal: as the text of its entry when that entry
 * was not changed since the copy was made, or else as a new entry, so that nothing written
 * later is overwritten. The caller removes the copy once this succeeds.
 *
 * Returns: the id of the entry that holds the text, or 0 with @error set
 */
gint64
ally_journal_restore_unsaved (AllyJournal  *self,
                              AllyEntry    *unsaved,
                              GError      **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (AllyEntry) target = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), 0);
  g_return_val_if_fail (ALLY_IS_ENTRY (unsaved), 0);

  target = lookup_by_uid (self, ally_entry_get_uid (unsaved), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }

  /* Written to since the copy was made: the copy becomes an entry of its own. */
  if (target != NULL &&
      g_date_time_compare (ally_entry_get_updated (target), ally_entry_get_updated (unsaved)) > 0)
    g_clear_object (&target);
  else if (target == NULL)
    {
      target = ally_entry_new ();
      ally_entry_set_uid (target, ally_entry_get_uid (unsaved));
    }
  if (target == NULL)
    target = ally_entry_new ();

  ally_entry_set_title (target, ally_entry_get_title (unsaved));
  ally_entry_set_body (target, ally_entry_get_body (unsaved));
  ally_entry_set_tags (target, ally_entry_get_tags (unsaved));
  ally_entry_set_lesson_id (target, ally_entry_get_lesson_id (unsaved));
  ally_entry_set_prompt_id (target, ally_entry_get_prompt_id (unsaved));
  return ally_journal_save_entry (self, target, error);
}
