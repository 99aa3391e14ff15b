/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-clean.c: the clean-close record (allyship.db.clean) that lets a warm open
 * skip the full PRAGMA quick_check when the file is exactly as a clean close left it. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ally-journal-private.h"

#define RECORD_GROUP "clean-close"

G_LOCK_DEFINE_STATIC (today_override);
static char *today_override;

/* Today's local date, YYYY-MM-DD: names the daily backup and dates the full check. */
char *
ally_journal_today (void)
{
  g_autoptr (GDateTime) now = NULL;
  char *today = NULL;

  G_LOCK (today_override);
  today = g_strdup (today_override);
  G_UNLOCK (today_override);
  if (today != NULL)
    return today;
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* For tests: pretend today is @date (YYYY-MM-DD), or the real date again with %NULL. */
void
ally_journal_set_today_for_testing (const char *date)
{
  G_LOCK (today_override);
  g_free (today_override);
  today_override = g_strdup (date);
  G_UNLOCK (today_override);
}

char *
ally_journal_clean_record_path (const char *db_path)
{
  return g_strconcat (db_path, ALLY_JOURNAL_CLEAN_SUFFIX, NULL);
}

/* A -wal file with frames in it means a session ended without a clean close. */
static gboolean
wal_has_content (const char *db_path)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (db_path, "-journal", NULL);
  GStatBuf st;

  return (g_stat (wal, &st) == 0 && st.st_size > 0) ||
         (g_stat (journal, &st) == 0 && st.st_size > 0);
}

static gint64
usec_of (const struct timespec *ts)
{
  return (gint64) ts->tv_sec * G_USEC_PER_SEC + ts->tv_nsec / 1000;
}

/* The file's identity and last change as the record keeps them. ctime is kept as well as
 * mtime: a tool can put mtime back after writing, but not ctime. */
static void
set_stat_keys (GKeyFile       *record,
               const GStatBuf *st)
{
  g_key_file_set_uint64 (record, RECORD_GROUP, "device", (guint64) st->st_dev);
  g_key_file_set_uint64 (record, RECORD_GROUP, "inode", (guint64) st->st_ino);
  g_key_file_set_int64 (record, RECORD_GROUP, "size", (gint64) st->st_size);
  g_key_file_set_int64 (record, RECORD_GROUP, "mtime-usec", usec_of (&st->st_mtim));
  g_key_file_set_int64 (record, RECORD_GROUP, "ctime-usec", usec_of (&st->st_ctim));
}

static gboolean
record_matches (GKeyFile       *record,
                const GStatBuf *st)
{
  g_autoptr (GKeyFile) expected = g_key_file_new ();
  g_auto (GStrv) keys = NULL;

  set_stat_keys (expected, st);
  keys = g_key_file_get_keys (expected, RECORD_GROUP, NULL, NULL);
  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *want = g_key_file_get_value (expected, RECORD_GROUP, keys[i], NULL);
      g_autofree char *have = g_key_file_get_value (record, RECORD_GROUP, keys[i], NULL);

      if (g_strcmp0 (want, have) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * ally_journal_take_clean_record:
 * @db_path: the data file
 *
 * Reads and removes the clean-close record, so a session that does not end in a clean
 * close leaves none behind. Call before anything may write to the data file.
 *
 * Returns: (nullable): the date of the last full check when the record matches the data
 *   file exactly (device, inode, size, mtime, ctime) and no -wal holds frames; else %NULL
 */
char *
ally_journal_take_clean_record (const char *db_path)
{
  g_autofree char *path = ally_journal_clean_record_path (db_path);
  g_autoptr (GKeyFile) record = g_key_file_new ();
  gboolean loaded = g_key_file_load_from_file (record, path, G_KEY_FILE_NONE, NULL);
  GStatBuf st;

  /* Could not remove it: it might outlive this session, so it is not trusted. */
  if (g_unlink (path) != 0 && errno != ENOENT)
    return NULL;
  if (!loaded || g_stat (db_path, &st) != 0 || !record_matches (record, &st) ||
      wal_has_content (db_path))
    return NULL;
  return g_key_file_get_string (record, RECORD_GROUP, "checked", NULL);
}

/**
 * ally_journal_write_clean_record:
 * @db_path: the data file, closed and checkpointed
 * @checked: the date (YYYY-MM-DD) of the last full check of the file
 *
 * Writes the record atomically, mode 0600. Fails when a -wal still holds frames.
 */
gboolean
ally_journal_write_clean_record (const char  *db_path,
                                 const char  *checked,
                                 GError     **error)
{
  g_autofree char *path = ally_journal_clean_record_path (db_path);
  g_autoptr (GKeyFile) record = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf st;

  if (wal_has_content (db_path) || g_stat (db_path, &st) != 0)
    {
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   _("Your journal “%s” was not closed completely."), db_path);
      return FALSE;
    }
  g_key_file_set_comment (record, NULL, NULL,
                          " Allyship: the journal was closed cleanly in this state", NULL);
  set_stat_keys (record, &st);
  g_key_file_set_string (record, RECORD_GROUP, "checked", checked);
  data = g_key_file_to_data (record, &length, NULL);
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}
