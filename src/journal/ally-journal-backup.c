/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-backup.c: daily copies of the data file with SQLite's online backup API,
 * and restoring one of them. */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ally-journal-private.h"

#define BACKUP_PREFIX "allyship-"
#define BACKUP_SUFFIX ".db"

static GFile *
backups_dir (GFile *data_dir)
{
  return g_file_get_child (data_dir, "backups");
}

static gboolean
is_backup_name (const char *name)
{
  /* allyship-YYYY-MM-DD.db */
  return strlen (name) == strlen (BACKUP_PREFIX "YYYY-MM-DD" BACKUP_SUFFIX) &&
         g_str_has_prefix (name, BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX);
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Names of the backups, newest first (the date in the name sorts). */
static GPtrArray *
list_backup_names (GFile   *data_dir,
                   GError **error)
{
  g_autoptr (GFile) dir = backups_dir (data_dir);
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) listing = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&names);
  listing = g_dir_open (path, 0, error);
  if (listing == NULL)
    return NULL;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (is_backup_name (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names_newest_first);
  return g_steal_pointer (&names);
}

/**
 * ally_journal_list_backups:
 *
 * Returns: (transfer full) (element-type GFile): the backups in @data_dir, newest first
 */
GPtrArray *
ally_journal_list_backups (GFile   *data_dir,
                           GError **error)
{
  g_autoptr (GFile) dir = backups_dir (data_dir);
  g_autoptr (GPtrArray) names = list_backup_names (data_dir, error);
  GPtrArray *files;

  if (names == NULL)
    return NULL;
  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_file_get_child (dir, g_ptr_array_index (names, i)));
  return files;
}

char *
ally_journal_describe_newest_backup (GFile *data_dir)
{
  g_autoptr (GPtrArray) files = ally_journal_list_backups (data_dir, NULL);

  if (files == NULL || files->len == 0)
    return NULL;
  return g_file_get_path (g_ptr_array_index (files, 0));
}

/* Copies the whole database @from into a new file at @path (mode 0600). */
static gboolean
copy_database (sqlite3     *from,
               const char  *path,
               GError     **error)
{
  sqlite3 *to = NULL;
  sqlite3_backup *backup;
  int rc;
  int fd = g_open (path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0 || !g_close (fd, NULL))
    {
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   _("The copy “%s” could not be created."), path);
      return FALSE;
    }
  rc = sqlite3_open_v2 (path, &to, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (to, "main", from, "main");
      rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (to);
      if (backup)
        sqlite3_backup_finish (backup);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  if (rc != SQLITE_OK)
    ally_journal_set_sqlite_error (error, to, rc, _("Your journal could not be copied"));
  sqlite3_close (to);
  return rc == SQLITE_OK;
}

static void
prune_backups (GFile *data_dir)
{
  g_autoptr (GFile) dir = backups_dir (data_dir);
  g_autoptr (GPtrArray) names = list_backup_names (data_dir, NULL);

  for (guint i = ALLY_JOURNAL_MAX_BACKUPS; names && i < names->len; i++)
    {
      g_autoptr (GFile) old = g_file_get_child (dir, g_ptr_array_index (names, i));
      g_file_delete (old, NULL, NULL);
    }
}

/* Writes backups/allyship-<today>.db through a temporary name, so a backup that
 * exists is always complete. */
static gboolean
write_backup (AllyJournal  *self,
              const char   *name,
              GError      **error)
{
  g_autoptr (GFile) dir = backups_dir (ally_journal_get_data_dir (self));
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *final = g_build_filename (dir_path, name, NULL);
  g_autofree char *partial = g_strconcat (final, ".part", NULL);
  g_autoptr (GError) local = NULL;

  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    {
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   _("The backup folder “%s” could not be created."), dir_path);
      return FALSE;
    }
  if (!copy_database (ally_journal_get_db (self), partial, &local))
    {
      g_unlink (partial);
      /* Damage met while reading the journal marks the session, as any read would. */
      if (g_error_matches (local, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT))
        ally_journal_mark_damaged (self);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (g_rename (partial, final) != 0)
    {
      g_set_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IO,
                   _("The backup “%s” could not be saved."), final);
      return FALSE;
    }
  prune_backups (ally_journal_get_data_dir (self));
  return TRUE;
}

static char *
backup_name (const char *date)
{
  return g_strconcat (BACKUP_PREFIX, date, BACKUP_SUFFIX, NULL);
}

/* TRUE when there is no backup for @today (YYYY-MM-DD) yet. */
gboolean
ally_journal_backup_is_due (GFile      *data_dir,
                            const char *today)
{
  g_autoptr (GFile) dir = backups_dir (data_dir);
  g_autofree char *name = backup_name (today);
  g_autoptr (GFile) file = g_file_get_child (dir, name);

  return !g_file_query_exists (file, NULL);
}

/* Writes the backup for @today unless it exists. The caller has just run the full
 * check on the file (see ally_journal_open()), so a damaged file is never copied. */
gboolean
ally_journal_backup_if_due (AllyJournal  *self,
                            const char   *today,
                            GError      **error)
{
  g_autofree char *name = backup_name (today);

  if (!ally_journal_backup_is_due (ally_journal_get_data_dir (self), today))
    return TRUE;
  return write_backup (self, name, error);
}

/**
 * ally_journal_backup_now:
 *
 * Writes (or rewrites) today's backup and keeps only the newest ones.
 */
gboolean
ally_journal_backup_now (AllyJournal  *self,
                         GError      **error)
{
  g_autofree char *today = ally_journal_today ();
  g_autofree char *name = backup_name (today);

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);
  return write_backup (self, name, error);
}

/**
 * ally_journal_restore_backup:
 * @data_dir: the journal's folder; no #AllyJournal may be open on it
 * @backup: one of ally_journal_list_backups()
 *
 * Checks @backup, moves the current data file aside (allyship.db.before-restore-<time>)
 * and puts a copy of @backup in its place. Open the journal again afterwards.
 */
gboolean
ally_journal_restore_backup (GFile   *data_dir,
                             GFile   *backup,
                             GError **error)
{
  g_autoptr (GFile) file = g_file_get_child (data_dir, ALLY_JOURNAL_FILE_NAME);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup_path = g_file_get_path (backup);
  g_autofree char *record = ally_journal_clean_record_path (path);
  sqlite3 *from = NULL;
  gboolean ok;
  int rc;

  if (!ally_check_database_file (backup_path, error))
    {
      g_prefix_error (error, _("The backup cannot be restored: "));
      return FALSE;
    }
  /* The restored file is checked in full when it is next opened. */
  g_unlink (record);
  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      !ally_move_database_aside (path, "before-restore", NULL, error))
    return FALSE;
  rc = sqlite3_open_v2 (backup_path, &from, SQLITE_OPEN_READONLY, NULL);
  ok = rc == SQLITE_OK && copy_database (from, path, error);
  if (rc != SQLITE_OK)
    ally_journal_set_sqlite_error (error, from, rc, _("The backup could not be opened"));
  sqlite3_close (from);
  return ok;
}
