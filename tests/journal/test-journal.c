/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal.c: tests of the journal and progress store — opening, guarding the data
 * file, migrations, entries, search, paged lists, backups, export/import, progress. */
#include <fcntl.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ally-entry-list.h"
#include "ally-entry-private.h"
#include "ally-journal-private.h"
#include "ally-journal-progress.h"
#include "ally-search-query.h"
#include "journal-test-util.h"

typedef JtJournal Fixture;

static gint64
save (AllyJournal *journal,
      AllyEntry   *entry)
{
  g_autoptr (GError) error = NULL;
  gint64 id = ally_journal_save_entry (journal, entry, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
save_new (AllyJournal *journal,
          const char  *title,
          const char  *body)
{
  g_autoptr (AllyEntry) entry = jt_entry_new (title, body, NULL);

  return save (journal, entry);
}

static guint
mode_of (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static guint
count_children_with_prefix (GFile      *dir,
                            const char *prefix)
{
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr (GDir) listing = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing && (name = g_dir_read_name (listing)))
    n += g_str_has_prefix (name, prefix);
  return n;
}

/* Opening */

static void
test_open_creates_private_file (void)
{
  g_autoptr (GFile) tmp = jt_make_tmp_dir ();
  g_autoptr (GFile) dir = g_file_get_child (tmp, "allyship");
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (dir, &error);
  g_autofree char *version = NULL;
  g_autofree char *mode = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (dir), ==, 0700);
  g_assert_cmpuint (mode_of (ally_journal_get_file (journal)), ==, 0600);
  version = jt_db_pragma (ally_journal_get_file (journal), "user_version");
  g_assert_cmpstr (version, ==, G_STRINGIFY (ALLY_JOURNAL_SCHEMA_VERSION));
  mode = jt_db_pragma (ally_journal_get_file (journal), "journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (ally_journal_count_entries (journal, &error), ==, 0);
  g_clear_object (&journal);
  jt_remove_tree (tmp);
}

static void
test_open_default_dir (void)
{
  /* main() pointed XDG_DATA_HOME at a temporary folder. */
  g_autoptr (GFile) dir = ally_journal_default_data_dir ();
  g_autoptr (GFile) expected = g_file_new_build_filename (g_get_user_data_dir (),
                                                          "allyship", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (NULL, &error);
  g_autoptr (GFile) db = g_file_get_child (expected, "allyship.db");

  g_assert_no_error (error);
  g_assert_true (g_file_equal (dir, expected));
  g_assert_true (g_file_equal (ally_journal_get_file (journal), db));
  g_assert_true (g_file_query_exists (db, NULL));
  g_assert_true (g_str_has_prefix (g_file_peek_path (db), g_getenv ("XDG_DATA_HOME")));
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AllyJournal **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = ally_journal_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  AllyJournal *journal = NULL;

  ally_journal_open_async (dir, NULL, on_opened, &journal);
  while (journal == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ALLY_IS_JOURNAL (journal));
  save_new (journal, "async", "opened in a thread");
  g_object_unref (journal);
  jt_remove_tree (dir);
}

static void
test_open_rejects_not_a_database (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) file = jt_copy_fixture (dir, "not-a-database.db", "allyship.db");
  g_autofree char *before = jt_checksum_file (file);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (dir, &error);

  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_A_DATABASE);
  g_assert_null (journal);
  after = jt_checksum_file (file);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_children_with_prefix (dir, "allyship.db"), ==, 1);
  jt_remove_tree (dir);
}

static void
test_open_refuses_foreign_sqlite (gconstpointer data)
{
  const char *fixture = data;
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) file = g_file_get_child (dir, "allyship.db");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = NULL;
  GStatBuf st;

  jt_db_from_sql (dir, fixture);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  before = jt_checksum_file (file);
  journal = ally_journal_open (dir, &error);
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_assert_null (journal);
  after = jt_checksum_file (file);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  /* no -wal, -shm, backup or anything else beside it */
  g_assert_cmpuint (count_children_with_prefix (dir, ""), ==, 1);
  jt_remove_tree (dir);
}

static void
test_open_marks_our_files (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) file = g_file_get_child (dir, "allyship.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (dir, &error);
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  g_clear_object (&journal);
  id = jt_db_pragma (file, "application_id");
  g_assert_cmpstr (id, ==, "1097624697");   /* 0x416c6c79, "Ally" */
  jt_remove_tree (dir);
}

static void
test_open_second_copy_refused (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) first = ally_journal_open (dir, &error);
  g_autoptr (AllyJournal) second = NULL;

  g_assert_no_error (error);
  save_new (first, "first", "written by the first copy");
  second = ally_journal_open (dir, &error);
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IN_USE);
  g_assert_null (second);
  g_clear_error (&error);

  /* once the first copy has closed it, the journal opens again */
  g_clear_object (&first);
  second = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  g_clear_object (&second);
  jt_remove_tree (dir);
}

static void
test_open_rejects_newer_version (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) file = g_file_get_child (dir, "allyship.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = NULL;

  jt_db_from_sql (dir, "newer-schema.sql");
  before = jt_checksum_file (file);
  journal = ally_journal_open (dir, &error);
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Allyship"));
  after = jt_checksum_file (file);
  g_assert_cmpstr (before, ==, after);
  /* Not switched to WAL, no backup taken: nothing but the file itself. */
  g_assert_cmpuint (count_children_with_prefix (dir, ""), ==, 1);
  jt_remove_tree (dir);
}

static void
test_open_corrupt_moved_aside (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) file = jt_copy_fixture (dir, "corrupt-btree.db", "allyship.db");
  g_autofree char *before = jt_checksum_file (file);
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (dir, &error);
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autoptr (GDir) listing = g_dir_open (dir_path, 0, NULL);
  const char *name;
  gboolean found = FALSE;

  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "allyship.db.corrupt-"));
  g_assert_nonnull (strstr (error->message, "no backup"));
  g_assert_false (g_file_query_exists (file, NULL));
  while ((name = g_dir_read_name (listing)))
    if (g_str_has_prefix (name, "allyship.db.corrupt-"))
      {
        g_autoptr (GFile) moved = g_file_get_child (dir, name);
        g_autofree char *after = jt_checksum_file (moved);
        g_assert_cmpstr (before, ==, after);
        found = TRUE;
      }
  g_assert_true (found);
  jt_remove_tree (dir);
}

static void
test_open_corrupt_offers_newest_backup (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (dir, &error);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *newest = NULL;

  g_assert_no_error (error);
  save_new (journal, "kept", "in the backup");
  g_assert_true (ally_journal_backup_now (journal, &error));
  g_clear_object (&journal);
  {
    g_autofree char *db = g_build_filename (g_file_peek_path (dir), "allyship.db", NULL);
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (db);
  }
  file = jt_copy_fixture (dir, "corrupt-btree.db", "allyship.db");
  journal = ally_journal_open (dir, &error);
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT);
  backups = ally_journal_list_backups (dir, NULL);
  g_assert_cmpuint (backups->len, ==, 1);
  newest = g_file_get_path (g_ptr_array_index (backups, 0));
  g_assert_nonnull (strstr (error->message, newest));
  g_clear_error (&error);

  /* The offered backup restores the entry. */
  g_assert_true (ally_journal_restore_backup (dir, g_ptr_array_index (backups, 0), &error));
  g_assert_no_error (error);
  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, 1);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

/* Skipping the full check after a clean close */

static AllyJournal *
open_journal (GFile *dir)
{
  g_autoptr (GError) error = NULL;
  AllyJournal *journal = ally_journal_open (dir, &error);

  g_assert_no_error (error);
  return journal;
}

static GFile *
clean_record_of (GFile *dir)
{
  return g_file_get_child (dir, "allyship.db" ALLY_JOURNAL_CLEAN_SUFFIX);
}

static gint64
entries_root_page (AllyJournal *journal)
{
  sqlite3_stmt *stmt = NULL;
  gint64 page;

  g_assert_cmpint (sqlite3_prepare_v2 (ally_journal_get_db (journal),
                                       "SELECT rootpage FROM sqlite_schema WHERE name = 'entries'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return page;
}

/* Overwrites page @page (4096 bytes) with the pattern of make-corrupt-btree.py, in place. */
static void
damage_page (GFile  *file,
             gint64  page)
{
  g_autofree char *path = g_file_get_path (file);
  guint8 garbage[4096];
  FILE *out = fopen (path, "r+b");

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (i * 37 + 11) % 256;
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, (page - 1) * (long) sizeof garbage, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, out), ==, sizeof garbage);
  g_assert_cmpint (fclose (out), ==, 0);
}

static void
stat_file (GFile    *file,
           GStatBuf *st)
{
  g_autofree char *path = g_file_get_path (file);

  g_assert_cmpint (g_stat (path, st), ==, 0);
}

static void
test_open_clean_close_skips_check (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) record = clean_record_of (dir);
  g_autoptr (AllyJournal) journal = open_journal (dir);

  /* A new file has nothing to check; the record exists only between sessions. */
  g_assert_false (ally_journal_get_checked_at_open (journal));
  g_assert_false (g_file_query_exists (record, NULL));
  save_new (journal, "first", "session");
  g_clear_object (&journal);
  g_assert_true (g_file_query_exists (record, NULL));
  g_assert_cmpuint (mode_of (record), ==, 0600);

  journal = open_journal (dir);
  g_assert_false (ally_journal_get_checked_at_open (journal));
  g_assert_false (g_file_query_exists (record, NULL));
  save_new (journal, "second", "session");
  g_clear_object (&journal);

  /* The record follows the file through our own writes. */
  journal = open_journal (dir);
  g_assert_false (ally_journal_get_checked_at_open (journal));
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, 2);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

static void
test_open_changed_file_is_checked (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_journal (dir);
  g_autoptr (GFile) file = g_file_dup (ally_journal_get_file (journal));
  g_autoptr (GError) error = NULL;
  struct timespec times[2];
  GStatBuf before, after;
  gint64 page;

  save_new (journal, "soon", "damaged");
  page = entries_root_page (journal);
  g_clear_object (&journal);

  /* Damaged behind our back, with the size and mtime put back as they were. */
  stat_file (file, &before);
  damage_page (file, page);
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, g_file_peek_path (file), times, 0), ==, 0);
  stat_file (file, &after);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);

  journal = ally_journal_open (dir, &error);
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT);
  g_assert_null (journal);
  g_assert_nonnull (strstr (error->message, "allyship.db.corrupt-"));
  g_assert_false (g_file_query_exists (file, NULL));
  jt_remove_tree (dir);
}

static void
test_open_grown_file_is_checked (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_journal (dir);
  g_autoptr (GFile) file = g_file_dup (ally_journal_get_file (journal));
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GError) error = NULL;

  save_new (journal, "kept", "after garbage was appended");
  g_clear_object (&journal);
  out = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (out), "garbage", 7, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);

  journal = open_journal (dir);
  g_assert_true (ally_journal_get_checked_at_open (journal));
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, 1);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

static void
test_open_leftover_wal_forces_check (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_journal (dir);
  g_autoptr (GFile) file = g_file_dup (ally_journal_get_file (journal));
  g_autofree char *wal = g_strconcat (g_file_peek_path (file), "-wal", NULL);
  sqlite3 *db = NULL;
  GStatBuf before, after, wal_st;

  save_new (journal, "checkpointed", "into the file");
  g_clear_object (&journal);

  /* A session that saved into the WAL and died: the data file itself is untouched. */
  stat_file (file, &before);
  g_assert_cmpint (sqlite3_open (g_file_peek_path (file), &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO entries (created, updated, title)"
                                     " VALUES (1, 1, 'only in the wal')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  stat_file (file, &after);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  g_assert_cmpint (after.st_ctim.tv_nsec, ==, before.st_ctim.tv_nsec);
  g_assert_cmpint (g_stat (wal, &wal_st), ==, 0);
  g_assert_cmpint (wal_st.st_size, >, 0);

  journal = open_journal (dir);
  g_assert_true (ally_journal_get_checked_at_open (journal));
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, 2);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

static void
test_open_new_day_forces_check (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_journal (dir);
  g_autoptr (GFile) backup = g_file_new_build_filename (g_file_peek_path (dir), "backups",
                                                        "allyship-2999-01-01.db", NULL);

  save_new (journal, "yesterday", "checked then");
  g_clear_object (&journal);

  /* The first open of a day checks, then takes the day's backup. */
  ally_journal_set_today_for_testing ("2999-01-01");
  journal = open_journal (dir);
  g_assert_true (ally_journal_get_checked_at_open (journal));
  g_assert_true (g_file_query_exists (backup, NULL));
  g_clear_object (&journal);
  journal = open_journal (dir);
  g_assert_false (ally_journal_get_checked_at_open (journal));
  g_clear_object (&journal);

  /* A backup missing for today means one is due: the file is checked before it. */
  g_assert_true (g_file_delete (backup, NULL, NULL));
  journal = open_journal (dir);
  g_assert_true (ally_journal_get_checked_at_open (journal));
  g_assert_true (g_file_query_exists (backup, NULL));
  g_clear_object (&journal);

  ally_journal_set_today_for_testing (NULL);
  journal = open_journal (dir);
  g_assert_true (ally_journal_get_checked_at_open (journal));
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

static void
test_open_damage_found_later_is_corrupt (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_journal (dir);
  g_autoptr (GFile) file = g_file_dup (ally_journal_get_file (journal));
  g_autoptr (GFile) record = clean_record_of (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) entry = NULL;
  gint64 page, id;

  id = save_new (journal, "on a page", "that will be damaged");
  page = entries_root_page (journal);
  g_clear_object (&journal);

  /* Damage the check cannot see when it is skipped (bit rot keeps the file's stat). */
  journal = open_journal (dir);
  g_assert_false (ally_journal_get_checked_at_open (journal));
  damage_page (file, page);
  entry = ally_journal_get_entry (journal, id, &error);
  g_assert_null (entry);
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);

  /* That session records no clean close, so the next open checks and sets it aside. */
  g_clear_object (&journal);
  g_assert_false (g_file_query_exists (record, NULL));
  journal = ally_journal_open (dir, &error);
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT);
  g_assert_null (journal);
  g_assert_nonnull (strstr (error->message, "allyship.db.corrupt-"));
  jt_remove_tree (dir);
}

/* The change stamp moves with a write through this connection or another one, and not
 * without one (a read, or nothing). */
static void
test_change_stamp_follows_writes (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_journal (dir);
  g_autoptr (AllyJournal) second = NULL;
  g_autoptr (GError) error = NULL;
  guint64 stamp = ally_journal_get_change_stamp (journal);

  g_assert_cmpuint (ally_journal_get_change_stamp (journal), ==, stamp);
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, 0);
  g_assert_cmpuint (ally_journal_get_change_stamp (journal), ==, stamp);

  save_new (journal, "here", "through this connection");
  g_assert_cmpuint (ally_journal_get_change_stamp (journal), !=, stamp);
  stamp = ally_journal_get_change_stamp (journal);

  second = ally_journal_open_second_connection (journal, &error);
  g_assert_no_error (error);
  save_new (second, "there", "through another one");
  g_assert_cmpuint (ally_journal_get_change_stamp (journal), !=, stamp);

  g_clear_object (&second);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

/* Migration */

static void
test_migrate_v1_to_v2 (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = NULL;
  g_autoptr (AllyEntry) entry = NULL;
  g_autoptr (AllyEntryList) found = NULL;
  g_autofree char *version = NULL;
  g_autofree char *check = NULL;
  g_autofree char *created = NULL;

  jt_db_from_sql (dir, "v1-journal.sql");
  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  version = jt_db_pragma (ally_journal_get_file (journal), "user_version");
  g_assert_cmpstr (version, ==, G_STRINGIFY (ALLY_JOURNAL_SCHEMA_VERSION));
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, 3);

  entry = ally_journal_get_entry (journal, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ally_entry_get_title (entry), ==, "First listening");
  g_assert_cmpstr (ally_entry_get_lesson_id (entry), ==, "lesson-01");
  g_assert_cmpstr (ally_entry_get_prompt_id (entry), ==, "prompt-listen");
  g_assert_cmpuint (strlen (ally_entry_get_uid (entry)), ==, 32);
  created = g_date_time_format_iso8601 (ally_entry_get_created (entry));
  g_assert_cmpstr (created, ==, "2023-11-14T22:13:20Z");

  /* Old entries are searchable (the index was rebuilt) and new tables work. */
  found = ally_entry_list_new_for_search (journal, "cafe");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  g_assert_true (ally_journal_open_lesson (journal, "lesson-01", &error));
  check = jt_db_pragma (ally_journal_get_file (journal), "integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  jt_remove_tree (dir);
}

/* An upgrade is one transaction: a step that fails leaves the file as it was before the
 * first step, not half upgraded. */
static void
test_migrate_failure_changes_nothing (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) file = g_file_get_child (dir, "allyship.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = NULL;
  g_autofree char *version = NULL;
  g_autofree char *check = NULL;

  jt_db_from_sql (dir, "v1-journal-blocked-upgrade.sql");
  journal = ally_journal_open (dir, &error);
  g_assert_null (journal);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "could not be upgraded"));

  version = jt_db_pragma (file, "user_version");
  g_assert_cmpstr (version, ==, "1");
  check = jt_db_pragma (file, "integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  jt_remove_tree (dir);
}

/* Entries */

static void
test_entry_save_and_get (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (AllyEntry) entry = jt_entry_new ("A title", "Some words.\nMore.", "work", "home",
                                              NULL);
  g_autoptr (AllyEntry) stored = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  ally_entry_set_lesson_id (entry, "lesson-03");
  ally_entry_set_prompt_id (entry, "prompt-7");
  id = save (f->journal, entry);
  g_assert_cmpint (ally_entry_get_id (entry), ==, id);
  g_assert_nonnull (ally_entry_get_created (entry));

  stored = ally_journal_get_entry (f->journal, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ally_entry_get_title (stored), ==, "A title");
  g_assert_cmpstr (ally_entry_get_body (stored), ==, "Some words.\nMore.");
  g_assert_cmpstr (ally_entry_get_lesson_id (stored), ==, "lesson-03");
  g_assert_cmpstr (ally_entry_get_prompt_id (stored), ==, "prompt-7");
  g_assert_cmpstrv (ally_entry_get_tags (stored), ((const char *[]) { "work", "home", NULL }));
  g_assert_cmpstr (g_date_time_get_timezone_abbreviation (ally_entry_get_created (stored)),
                   ==, "UTC");
  g_assert_true (g_date_time_equal (ally_entry_get_created (stored),
                                    ally_entry_get_created (entry)));
  g_assert_cmpstr (ally_entry_get_uid (stored), ==, ally_entry_get_uid (entry));
}

static void
test_entry_edit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (AllyEntry) entry = jt_entry_new ("Draft", "first", "a", "b", NULL);
  g_autoptr (AllyEntry) stored = NULL;
  g_autoptr (GDateTime) created = NULL;
  g_autoptr (GDateTime) updated = NULL;
  gint64 id = save (f->journal, entry);

  created = g_date_time_ref (ally_entry_get_created (entry));
  updated = g_date_time_ref (ally_entry_get_updated (entry));
  g_usleep (2000);
  ally_entry_set_body (entry, "second");
  ally_entry_set_tags (entry, (const char *[]) { "b", " c ", "c", "", NULL });
  g_assert_cmpint (save (f->journal, entry), ==, id);

  stored = ally_journal_get_entry (f->journal, id, NULL);
  g_assert_cmpstr (ally_entry_get_body (stored), ==, "second");
  g_assert_cmpstrv (ally_entry_get_tags (stored), ((const char *[]) { "b", "c", NULL }));
  g_assert_true (g_date_time_equal (ally_entry_get_created (stored), created));
  g_assert_cmpint (g_date_time_compare (ally_entry_get_updated (stored), updated), >, 0);
  g_assert_cmpint (ally_journal_count_entries (f->journal, NULL), ==, 1);
}

/* Undoing a delete brings the entry back as it was: same uid and dates, new row. */
static void
test_entry_restore (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) entry = jt_entry_new ("Kept", "Words", "work", NULL);
  g_autoptr (AllyEntry) back = NULL;
  g_autofree char *uid = NULL;
  gint64 id = save (f->journal, entry);
  gint64 restored;

  uid = g_strdup (ally_entry_get_uid (entry));
  g_assert_nonnull (uid);
  g_assert_true (ally_journal_delete_entry (f->journal, id, &error));

  restored = ally_journal_restore_entry (f->journal, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (restored, >, 0);
  back = ally_journal_get_entry (f->journal, restored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ally_entry_get_uid (back), ==, uid);
  g_assert_cmpstr (ally_entry_get_body (back), ==, "Words");
  g_assert_true (g_date_time_equal (ally_entry_get_created (back), ally_entry_get_created (entry)));
  g_assert_true (g_date_time_equal (ally_entry_get_updated (back), ally_entry_get_updated (entry)));
  g_assert_cmpint (ally_journal_count_entries (f->journal, NULL), ==, 1);

  /* Only a deleted entry can come back: its uid is taken while it exists. */
  g_assert_cmpint (ally_journal_restore_entry (f->journal, back, &error), ==, 0);
  g_assert_nonnull (error);
}

static void
test_entry_delete (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) gone = NULL;
  g_autoptr (AllyEntry) entry = jt_entry_new ("x", "y", "tag", NULL);
  gint64 keep = save_new (f->journal, "keep", "me");
  gint64 id = save (f->journal, entry);
  g_auto (GStrv) tags = NULL;

  g_assert_true (ally_journal_delete_entry (f->journal, id, &error));
  g_assert_no_error (error);
  gone = ally_journal_get_entry (f->journal, id, &error);
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ally_journal_delete_entry (f->journal, id, &error));
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving an entry that was deleted meanwhile is an error, not a resurrection. */
  ally_entry_set_body (entry, "changed");
  g_assert_cmpint (ally_journal_save_entry (f->journal, entry, &error), ==, 0);
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND);
  g_assert_cmpint (ally_journal_count_entries (f->journal, NULL), ==, 1);
  tags = ally_journal_list_tags (f->journal, NULL);
  g_assert_cmpuint (g_strv_length (tags), ==, 0);
  g_assert_cmpint (keep, >, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_entry_notifies (void)
{
  g_autoptr (AllyEntry) entry = ally_entry_new ();
  guint n = 0;

  g_signal_connect (entry, "notify::title", G_CALLBACK (count_notify), &n);
  ally_entry_set_title (entry, "one");
  ally_entry_set_title (entry, "one");
  g_object_set (entry, "title", "two", NULL);
  g_assert_cmpuint (n, ==, 2);
}

static void
test_tags_listed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (AllyEntry) a = jt_entry_new ("a", "", "Work", "family", NULL);
  g_autoptr (AllyEntry) b = jt_entry_new ("b", "", "family", "line\nbreak", NULL);
  g_auto (GStrv) tags = NULL;

  save (f->journal, a);
  save (f->journal, b);
  tags = ally_journal_list_tags (f->journal, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "family", "line break", "Work", NULL }));
}

/* Search */

static void
test_search_query_builder (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "listen", "\"listen\"*" },
    { "  white   privilege ", "\"white\" \"privilege\"*" },
    { "\"quoted phrase", "\"quoted\" \"phrase\"*" },
    { "a AND b", "\"a\" \"AND\" \"b\"*" },
    { "anti-racism", "\"anti\" \"racism\"*" },
    { "(unmatched", "\"unmatched\"*" },
    { "café", "\"café\"*" },
    { "* - ( ) \" ^ :", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = ally_search_query_from_words (cases[i].in);
      g_assert_cmpstr (query, ==, cases[i].out);
    }
}

static guint
n_items (AllyEntryList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static guint
search_count (AllyJournal *journal,
              const char  *words)
{
  g_autoptr (AllyEntryList) list = ally_entry_list_new_for_search (journal, words);

  return n_items (list);
}

static void
test_search_hostile_input (Fixture       *f,
                           gconstpointer  data)
{
  const char *inputs[] = {
    "\"", "\"\"", "AND", "OR", "NOT", "NEAR", "*", "-", "(", ")", "a AND (b", "title:x",
    "^start", "x OR", "-listen", "listen*", "\"unterminated", "{a b}", "a + b", "🙂 emoji",
    "\xff\xfe broken utf-8", "'; DROP TABLE entries; --",
  };

  save_new (f->journal, "Listening", "AND OR NOT are just words here");
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      /* A syntax error would warn (fatal in tests) or count zero for plain words. */
      search_count (f->journal, inputs[i]);
    }
  g_assert_cmpuint (search_count (f->journal, "-listen"), ==, 1);
  g_assert_cmpuint (search_count (f->journal, "listen*"), ==, 1);
  g_assert_cmpuint (search_count (f->journal, "AND"), ==, 1);
  g_assert_cmpuint (search_count (f->journal, "(just"), ==, 1);
  g_assert_cmpint (ally_journal_count_entries (f->journal, NULL), ==, 1);
}

static void
test_search_matches (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (AllyEntry) tagged = jt_entry_new ("Meeting", "Someone was interrupted.",
                                               "workplace", NULL);

  save_new (f->journal, "Listening at dinner", "My uncle told a story.");
  save_new (f->journal, "Privilege walk", "I stepped forward more than most. Über-awkward.");
  save (f->journal, tagged);

  g_assert_cmpuint (search_count (f->journal, "listening"), ==, 1);
  g_assert_cmpuint (search_count (f->journal, "list"), ==, 1);      /* prefix while typing */
  g_assert_cmpuint (search_count (f->journal, "uncle story"), ==, 1);
  g_assert_cmpuint (search_count (f->journal, "uncle privilege"), ==, 0);
  g_assert_cmpuint (search_count (f->journal, "workpl"), ==, 1);    /* tags are searched */
  g_assert_cmpuint (search_count (f->journal, "uber"), ==, 1);      /* diacritics folded */
  g_assert_cmpuint (search_count (f->journal, "STEPPED"), ==, 1);
  g_assert_cmpuint (search_count (f->journal, "nothing-like-this"), ==, 0);
  g_assert_cmpuint (search_count (f->journal, "   "), ==, 3);
}

static void
test_search_follows_edits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (AllyEntry) entry = jt_entry_new ("Notes", "apples", NULL);

  save (f->journal, entry);
  g_assert_cmpuint (search_count (f->journal, "apples"), ==, 1);
  ally_entry_set_body (entry, "oranges");
  save (f->journal, entry);
  g_assert_cmpuint (search_count (f->journal, "apples"), ==, 0);
  g_assert_cmpuint (search_count (f->journal, "oranges"), ==, 1);
  g_assert_true (ally_journal_delete_entry (f->journal, ally_entry_get_id (entry), NULL));
  g_assert_cmpuint (search_count (f->journal, "oranges"), ==, 0);
}

/* Lists */

/* Adds @n entries quickly in one transaction (the list, not saving, is under test). */
static void
bulk_add (AllyJournal *journal,
          guint        n,
          const char  *tag_every_third)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ally_journal_begin (journal, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("entry %u", i);
      g_autoptr (AllyEntry) entry = jt_entry_new (title, "body", i % 3 == 0 ? tag_every_third
                                                  : NULL, NULL);
      g_autoptr (GDateTime) when = g_date_time_new_from_unix_utc (1700000000 + i * 60);
      gint64 id;

      ally_entry_set_created (entry, when);
      ally_entry_set_updated (entry, when);
      g_assert_true (ally_journal_insert_entry_row (journal, entry, &id, &error));
    }
  g_assert_true (ally_journal_commit (journal, &error));
  ally_journal_emit_reset (journal);
}

static void
test_list_pages_and_window (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (AllyEntryList) list = NULL;
  g_autoptr (GDateTime) previous = NULL;
  guint n;

  bulk_add (f->journal, 1000, "third");
  list = ally_entry_list_new_all (f->journal);
  n = n_items (list);
  g_assert_cmpuint (n, ==, 1000);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AllyEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *title = g_strdup_printf ("entry %u", 999 - i);

      g_assert_nonnull (entry);
      g_assert_cmpstr (ally_entry_get_title (entry), ==, title);
      g_assert_cmpuint (ally_entry_list_get_cached_items (list), <=,
                        ALLY_ENTRY_LIST_PAGE_SIZE * ALLY_ENTRY_LIST_MAX_PAGES);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  /* Random access backwards uses OFFSET pages and still agrees. */
  for (guint i = n; i-- > 0; i -= MIN (i, 97))
    {
      g_autoptr (AllyEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *title = g_strdup_printf ("entry %u", 999 - i);
      g_assert_cmpstr (ally_entry_get_title (entry), ==, title);
    }
  g_assert_cmpuint (ally_entry_list_get_peak_cached_items (list), ==,
                    ALLY_ENTRY_LIST_PAGE_SIZE * ALLY_ENTRY_LIST_MAX_PAGES);
}

typedef struct
{
  guint position, removed, added;
  guint calls;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->calls++;
}

/* The list after a change must equal a fresh list over the same query. */
static void
assert_same_titles (GListModel *list,
                    GListModel *fresh)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, g_list_model_get_n_items (fresh));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (AllyEntry) a = g_list_model_get_item (list, i);
      g_autoptr (AllyEntry) b = g_list_model_get_item (fresh, i);
      g_assert_cmpint (ally_entry_get_id (a), ==, ally_entry_get_id (b));
      g_assert_cmpstr (ally_entry_get_body (a), ==, ally_entry_get_body (b));
    }
}

static void
assert_change (Changes *c,
               guint    calls,
               guint    position,
               guint    removed,
               guint    added)
{
  g_assert_cmpuint (c->calls, ==, calls);
  g_assert_cmpuint (c->position, ==, position);
  g_assert_cmpuint (c->removed, ==, removed);
  g_assert_cmpuint (c->added, ==, added);
}

static void
test_list_items_changed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (AllyEntryList) list = NULL;
  g_autoptr (AllyEntry) old = NULL;
  Changes c = { 0 };
  gint64 id;

  bulk_add (f->journal, 200, "t");
  list = ally_entry_list_new_all (f->journal);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &c);
  g_clear_object (&old);
  old = g_list_model_get_item (G_LIST_MODEL (list), 150); /* caches page 2 */

  id = save_new (f->journal, "new", "newest");               /* added at the top */
  assert_change (&c, 1, 0, 0, 1);
  g_assert_cmpuint (n_items (list), ==, 201);

  ally_entry_set_body (old, "edited, moves to the top");   /* was 150, now 151 */
  save (f->journal, old);
  assert_change (&c, 2, 0, 152, 152);
  {
    g_autoptr (AllyEntry) top = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpint (ally_entry_get_id (top), ==, ally_entry_get_id (old));
  }

  g_assert_true (ally_journal_delete_entry (f->journal, id, NULL)); /* now at 1 */
  assert_change (&c, 3, 1, 1, 0);
  g_assert_cmpuint (n_items (list), ==, 200);
  {
    g_autoptr (AllyEntryList) fresh = ally_entry_list_new_all (f->journal);
    assert_same_titles (G_LIST_MODEL (list), G_LIST_MODEL (fresh));
  }
}

static void
test_list_by_tag_and_search_changes (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr (AllyEntryList) tagged = NULL;
  g_autoptr (AllyEntryList) found = NULL;
  g_autoptr (AllyEntry) entry = jt_entry_new ("x", "plain", NULL);
  Changes ct = { 0 }, cs = { 0 };

  bulk_add (f->journal, 30, "third");
  tagged = ally_entry_list_new_for_tag (f->journal, "third");
  found = ally_entry_list_new_for_search (f->journal, "kiwi");
  g_assert_cmpuint (n_items (tagged), ==, 10);
  g_assert_cmpuint (n_items (found), ==, 0);
  g_signal_connect (tagged, "items-changed", G_CALLBACK (on_items_changed), &ct);
  g_signal_connect (found, "items-changed", G_CALLBACK (on_items_changed), &cs);

  save (f->journal, entry);                 /* in neither list */
  g_assert_cmpuint (ct.calls + cs.calls, ==, 0);

  ally_entry_set_body (entry, "kiwi");      /* joins the search */
  ally_entry_set_tags (entry, (const char *[]) { "third", NULL }); /* and the tag */
  save (f->journal, entry);
  assert_change (&cs, 1, 0, 0, 1);
  assert_change (&ct, 1, 0, 0, 1);

  ally_entry_set_body (entry, "banana");    /* leaves the search, stays tagged */
  save (f->journal, entry);
  assert_change (&cs, 2, 0, 1, 0);
  assert_change (&ct, 2, 0, 1, 1);
  g_assert_cmpuint (n_items (found), ==, 0);
  g_assert_cmpuint (n_items (tagged), ==, 11);
}

/* Backups */

static void
touch_backup (GFile      *dir,
              const char *date)
{
  g_autofree char *name = g_strdup_printf ("allyship-%s.db", date);
  g_autoptr (GFile) backups = g_file_get_child (dir, "backups");
  g_autoptr (GFile) file = g_file_get_child (backups, name);

  g_file_make_directory_with_parents (backups, NULL, NULL);
  g_assert_true (g_file_replace_contents (file, "", 0, NULL, FALSE, 0, NULL, NULL, NULL));
}

static void
test_backup_daily_keeps_seven (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "allyship-%Y-%m-%d.db");
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *check = NULL;

  for (guint day = 1; day <= 10; day++)
    {
      g_autofree char *date = g_strdup_printf ("2020-01-%02u", day);
      touch_backup (dir, date);
    }
  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  backups = ally_journal_list_backups (dir, &error);
  g_assert_cmpuint (backups->len, ==, ALLY_JOURNAL_MAX_BACKUPS);
  newest = g_file_get_basename (g_ptr_array_index (backups, 0));
  g_assert_cmpstr (newest, ==, today);
  check = jt_db_pragma (g_ptr_array_index (backups, 0), "quick_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpuint (mode_of (g_ptr_array_index (backups, 0)), ==, 0600);
  {
    g_autofree char *oldest = g_file_get_basename (g_ptr_array_index (backups, 6));
    g_assert_cmpstr (oldest, ==, "allyship-2020-01-05.db");
  }

  /* A second open the same day does not rewrite it. */
  {
    g_autofree char *before = jt_checksum_file (g_ptr_array_index (backups, 0));
    g_autofree char *after = NULL;

    save_new (journal, "after", "the backup");
    g_clear_object (&journal);
    journal = ally_journal_open (dir, &error);
    g_assert_no_error (error);
    g_clear_object (&journal);
    after = jt_checksum_file (g_ptr_array_index (backups, 0));
    g_assert_cmpstr (before, ==, after);
  }
  jt_remove_tree (dir);
}

static void
test_backup_restore (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (dir, &error);
  g_autoptr (GPtrArray) backups = NULL;

  save_new (journal, "one", "in the backup");
  g_assert_true (ally_journal_backup_now (journal, &error));
  save_new (journal, "two", "after the backup");
  g_clear_object (&journal);

  backups = ally_journal_list_backups (dir, &error);
  g_assert_true (ally_journal_restore_backup (dir, g_ptr_array_index (backups, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_children_with_prefix (dir, "allyship.db.before-restore-"), >=, 1);

  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, 1);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

static void
test_backup_restore_rejects_damaged (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) bad = jt_copy_fixture (dir, "corrupt-btree.db", "bad-backup.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (dir, &error);

  save_new (journal, "keep", "me");
  g_clear_object (&journal);
  g_assert_false (ally_journal_restore_backup (dir, bad, &error));
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT);
  g_clear_error (&error);
  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, 1);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

/* Export and import */

static void
add_sample_entries (AllyJournal *journal)
{
  g_autoptr (AllyEntry) a = jt_entry_new ("Quote \"this\"", "Line one\nLine two", "x", "y z",
                                          NULL);
  g_autoptr (AllyEntry) b = jt_entry_new ("Second", "Body", NULL);

  ally_entry_set_lesson_id (a, "lesson-04");
  save (journal, a);
  save (journal, b);
}

static void
test_export_markdown_per_entry (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GFile) out = g_file_get_child (f->dir, "markdown");
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) first = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = g_date_time_format (now, "%Y-%m-%d-1.md");
  g_autofree char *text = NULL;

  add_sample_entries (f->journal);
  g_assert_true (ally_journal_export_markdown (f->journal, out, ALLY_MARKDOWN_FILE_PER_ENTRY,
                                               NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_children_with_prefix (out, ""), ==, 2);
  first = g_file_get_child (out, name);
  g_assert_true (g_file_load_contents (first, NULL, &text, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (text, "## Quote \"this\"\n\n*"));
  /* Without the course's titles, the lesson's id; each line of the text as written. */
  g_assert_nonnull (strstr (text, "*\n\nLesson: lesson-04\n\nTags: x, y z\n\n"
                                  "Line one\\\nLine two\n"));
}

static void
test_export_markdown_single_file (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GFile) out = g_file_get_child (f->dir, "journal.md");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) parts = NULL;

  add_sample_entries (f->journal);
  g_assert_true (ally_journal_export_markdown (f->journal, out, ALLY_MARKDOWN_SINGLE_FILE,
                                               NULL, NULL, &error));
  g_assert_true (g_file_load_contents (out, NULL, &text, NULL, NULL, &error));
  parts = g_strsplit (text, "\n## ", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_nonnull (strstr (text, "\n## Second\n"));
}

static char *
title_for_test (AllyTitleKind  kind,
                const char    *id,
                gpointer       user_data)
{
  if (kind == ALLY_TITLE_LESSON && g_str_equal (id, "lesson-04"))
    return g_strdup ("Words & [names]");
  return NULL;
}

/* The document reads as written: Markdown's own characters in the person's text are
 * escaped, the lesson is shown by the course's title, and the commitments follow. */
static void
test_export_markdown_escapes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GFile) out = g_file_get_child (f->dir, "journal.md");
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) entry = jt_entry_new ("#1 *bold* guess", "- not a list\n1. not a number\n"
                                              "> not a quote\n    not code\n\nnext <b>", NULL);
  g_autofree char *text = NULL;

  ally_entry_set_lesson_id (entry, "lesson-04");
  save (f->journal, entry);
  g_assert_cmpint (ally_journal_add_commitment (f->journal, "Ask _first_", NULL, NULL, 0,
                                                &error), >, 0);
  g_assert_true (ally_journal_export_markdown (f->journal, out, ALLY_MARKDOWN_SINGLE_FILE,
                                               title_for_test, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (out, NULL, &text, NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "\n## \\#1 \\*bold\\* guess\n"));
  g_assert_nonnull (strstr (text, "\nLesson: Words \\& \\[names\\]\n"));
  g_assert_nonnull (strstr (text, "\n\\- not a list\\\n1\\. not a number\\\n"
                                  "\\> not a quote\\\nnot code\n\nnext \\<b\\>\n"));
  g_assert_nonnull (strstr (text, "\n- [ ] Ask \\_first\\_\n"));
}

static void
test_export_json_roundtrip (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (GFile) out = g_file_get_child (f->dir, "export.json");
  g_autoptr (GFile) other_dir = jt_make_tmp_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) other = NULL;
  g_autoptr (AllyEntryList) a = NULL;
  g_autoptr (AllyEntryList) b = NULL;
  AllyImportResult result = { 0 };

  add_sample_entries (f->journal);
  g_assert_true (ally_journal_export_json (f->journal, out, &error));
  g_assert_no_error (error);
  other = ally_journal_open (other_dir, &error);
  g_assert_true (ally_journal_import_json (other, out, 0, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 2);

  a = ally_entry_list_new_all (f->journal);
  b = ally_entry_list_new_all (other);
  g_assert_cmpuint (n_items (a), ==, n_items (b));
  for (guint i = 0; i < n_items (a); i++)
    {
      g_autoptr (AllyEntry) x = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr (AllyEntry) y = g_list_model_get_item (G_LIST_MODEL (b), i);
      g_assert_cmpstr (ally_entry_get_uid (x), ==, ally_entry_get_uid (y));
      g_assert_cmpstr (ally_entry_get_title (x), ==, ally_entry_get_title (y));
      g_assert_cmpstr (ally_entry_get_body (x), ==, ally_entry_get_body (y));
      g_assert_cmpstr (ally_entry_get_lesson_id (x), ==, ally_entry_get_lesson_id (y));
      g_assert_cmpstrv (ally_entry_get_tags (x), ally_entry_get_tags (y));
      g_assert_true (g_date_time_equal (ally_entry_get_created (x), ally_entry_get_created (y)));
      g_assert_true (g_date_time_equal (ally_entry_get_updated (x), ally_entry_get_updated (y)));
    }

  /* Importing the same export again finds everything already here. */
  g_assert_true (ally_journal_import_json (other, out, 0, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 2);
  g_assert_cmpint (ally_journal_count_entries (other, NULL), ==, 2);
  g_clear_object (&other);
  jt_remove_tree (other_dir);
}

static void
test_import_valid_fixture (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = jt_fixture_path ("import-valid.json");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntryList) tagged = NULL;
  g_autoptr (AllyEntry) entry = NULL;
  g_autofree char *created = NULL;
  Changes c = { 0 };
  g_autoptr (AllyEntryList) all = ally_entry_list_new_all (f->journal);
  AllyImportResult result = { 0 };

  g_signal_connect (all, "items-changed", G_CALLBACK (on_items_changed), &c);
  g_assert_true (ally_journal_import_json (f->journal, file, 0, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 2);
  assert_change (&c, 1, 0, 0, 2);
  tagged = ally_entry_list_new_for_tag (f->journal, "listening");
  g_assert_cmpuint (n_items (tagged), ==, 1);
  entry = g_list_model_get_item (G_LIST_MODEL (all), 1);
  g_assert_cmpstr (ally_entry_get_title (entry), ==, "Interrupting less");
  created = g_date_time_format_iso8601 (ally_entry_get_created (entry));
  g_assert_cmpstr (created, ==, "2024-03-01T09:30:00Z");
  g_assert_cmpuint (search_count (f->journal, "schwester"), ==, 1);
}

typedef struct
{
  const char *fixture;
  int         code;
} BadImport;

static void
assert_import_fails (Fixture    *f,
                     GFile      *file,
                     int         code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AllyImportResult result = { 12345 };

  save_new (f->journal, "existing", "must survive");
  before = jt_db_pragma (ally_journal_get_file (f->journal), "data_version");
  g_assert_false (ally_journal_import_json (f->journal, file, 0, &result, &error));
  g_assert_error (error, ALLY_JOURNAL_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "This file cannot be imported"));
  g_assert_cmpuint (result.added, ==, 12345);
  g_assert_cmpint (ally_journal_count_entries (f->journal, NULL), ==, 1);
  after = jt_db_pragma (ally_journal_get_file (f->journal), "data_version");
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_rejects_fixture (Fixture       *f,
                             gconstpointer  data)
{
  const BadImport *bad = data;
  g_autofree char *path = jt_fixture_path (bad->fixture);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  assert_import_fails (f, file, bad->code);
}

static void
test_import_rejects_huge_field (Fixture       *f,
                                gconstpointer  data)
{
  /* Generated rather than committed: a body one byte over the 1 MiB limit. */
  g_autoptr (GFile) file = g_file_get_child (f->dir, "import-huge-field.json");
  g_autofree char *body = g_strnfill (ALLY_JOURNAL_MAX_FIELD_BYTES + 1, 'a');
  g_autofree char *json = g_strdup_printf (
    "{\"format\":\"allyship-journal\",\"version\":1,\"entries\":[{\"uid\":\"h\","
    "\"created\":\"2024-01-01T00:00:00Z\",\"updated\":\"2024-01-01T00:00:00Z\","
    "\"title\":\"huge\",\"body\":\"%s\",\"tags\":[]}]}", body);

  g_assert_true (g_file_replace_contents (file, json, strlen (json), NULL, FALSE, 0, NULL,
                                          NULL, NULL));
  assert_import_fails (f, file, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE);
}

/* A version 1 file twice: the second time, everything is already here and the journal's
 * file is not written at all. */
static void
test_import_twice_changes_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = jt_fixture_path ("import-valid.json");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AllyImportResult result = { 0 };

  g_assert_true (ally_journal_import_json (f->journal, file, 0, NULL, &error));
  before = jt_db_pragma (ally_journal_get_file (f->journal), "data_version");
  g_assert_true (ally_journal_import_json (f->journal, file, 0, &result, &error));
  g_assert_no_error (error);
  after = jt_db_pragma (ally_journal_get_file (f->journal), "data_version");
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (result.added + result.updated + result.removed, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 2);
  g_assert_cmpint (ally_journal_count_entries (f->journal, NULL), ==, 2);
}

/* Progress */

static void
test_progress_lessons (Fixture       *f,
                       gconstpointer  data)
{
  g_auto (AllyLessonState) state = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (ally_journal_get_lesson_state (f->journal, "l1", &state, &error));
  g_assert_false (state.opened);
  g_assert_true (ally_journal_open_lesson (f->journal, "l1", &error));
  g_assert_true (ally_journal_set_lesson_position (f->journal, "l1", 4, &error));
  g_assert_true (ally_journal_open_lesson (f->journal, "l1", &error)); /* keeps position */
  g_assert_true (ally_journal_get_lesson_state (f->journal, "l1", &state, &error));
  g_assert_true (state.opened);
  g_assert_cmpint (state.position, ==, 4);
  g_assert_null (state.completed_at);
  g_assert_false (ally_journal_is_lesson_finished (f->journal, "l1"));
  ally_lesson_state_clear (&state);
  g_assert_true (ally_journal_complete_lesson (f->journal, "l1", &error));
  g_assert_true (ally_journal_get_lesson_state (f->journal, "l1", &state, &error));
  g_assert_nonnull (state.completed_at);
  g_assert_true (ally_journal_is_lesson_finished (f->journal, "l1"));
  g_assert_false (ally_journal_is_lesson_finished (f->journal, "never-opened"));
  g_assert_no_error (error);
}

static void
test_progress_quiz (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *answer = NULL;
  gboolean correct = TRUE;
  int best = 0, max = 0;

  g_assert_false (ally_journal_get_quiz_best (f->journal, "q", &best, &max, &error));
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (ally_journal_save_quiz_answer (f->journal, "q", "1", "b", FALSE, &error));
  g_assert_true (ally_journal_save_quiz_answer (f->journal, "q", "1", "c", FALSE, &error));
  answer = ally_journal_get_quiz_answer (f->journal, "q", "1", &correct, &error);
  g_assert_cmpstr (answer, ==, "c");
  g_assert_false (correct);
  g_assert_true (ally_journal_record_quiz_score (f->journal, "q", 3, 5, &error));
  g_assert_true (ally_journal_record_quiz_score (f->journal, "q", 5, 5, &error));
  g_assert_true (ally_journal_record_quiz_score (f->journal, "q", 2, 5, &error));
  g_assert_true (ally_journal_get_quiz_best (f->journal, "q", &best, &max, &error));
  g_assert_cmpint (best, ==, 5);
  g_assert_cmpint (max, ==, 5);
  g_assert_no_error (error);
}

static void
test_progress_commitments (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GDateTime) due = g_date_time_new_utc (2025, 2, 1, 0, 0, 0);
  g_autoptr (GListModel) list = NULL;
  g_autoptr (AllyCommitment) first = NULL;
  g_autoptr (AllyCommitment) last = NULL;
  g_autoptr (GError) error = NULL;
  gint64 entry = save_new (f->journal, "why", "I committed");
  gint64 a = ally_journal_add_commitment (f->journal, "Speak up in meetings", "l2", due, entry,
                                          &error);
  gint64 b = ally_journal_add_commitment (f->journal, "Read a book", NULL, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_true (ally_journal_set_commitment_done (f->journal, a, TRUE, &error));
  g_assert_false (ally_journal_set_commitment_done (f->journal, 999, TRUE, &error));
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (ally_journal_delete_entry (f->journal, entry, &error));

  list = ally_journal_list_commitments (f->journal, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  last = g_list_model_get_item (list, 1);
  g_assert_cmpint (ally_commitment_get_id (first), ==, b);   /* open ones first */
  g_assert_null (ally_commitment_get_done_at (first));
  g_assert_cmpint (ally_commitment_get_id (last), ==, a);
  g_assert_nonnull (ally_commitment_get_done_at (last));
  g_assert_true (g_date_time_equal (ally_commitment_get_due (last), due));
  g_assert_cmpstr (ally_commitment_get_lesson_id (last), ==, "l2");
  g_assert_cmpint (ally_commitment_get_entry_id (last), ==, 0); /* entry deleted: unlinked */
  g_assert_true (ally_journal_delete_commitment (f->journal, b, &error));
}

static void
test_progress_power_map (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GHashTable) map = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (ally_journal_set_power_map_answer (f->journal, "education", "more", &error));
  g_assert_true (ally_journal_set_power_map_answer (f->journal, "language", "some", &error));
  g_assert_true (ally_journal_set_power_map_answer (f->journal, "education", "much", &error));
  map = ally_journal_get_power_map (f->journal, &error);
  g_assert_cmpuint (g_hash_table_size (map), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (map, "education"), ==, "much");
  g_assert_cmpstr (g_hash_table_lookup (map, "language"), ==, "some");
}

static void
test_progress_survives_reopen (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (dir, &error);
  g_auto (AllyLessonState) state = { 0 };
  int best = 0, max = 0;

  g_assert_true (ally_journal_set_lesson_position (journal, "l9", 2, &error));
  g_assert_true (ally_journal_record_quiz_score (journal, "q9", 4, 6, &error));
  g_clear_object (&journal);
  journal = ally_journal_open (dir, &error);
  g_assert_true (ally_journal_get_lesson_state (journal, "l9", &state, &error));
  g_assert_cmpint (state.position, ==, 2);
  g_assert_true (ally_journal_get_quiz_best (journal, "q9", &best, &max, &error));
  g_assert_cmpint (best, ==, 4);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

#define ADD_F(path, func) \
  g_test_add (path, Fixture, NULL, jt_journal_set_up, func, jt_journal_tear_down)

static const BadImport bad_imports[] = {
  { "import-not-json.json", ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON },
  { "import-not-an-export.json", ALLY_JOURNAL_ERROR_IMPORT_NOT_AN_EXPORT },
  { "import-wrong-version.json", ALLY_JOURNAL_ERROR_IMPORT_WRONG_VERSION },
  { "import-missing-field.json", ALLY_JOURNAL_ERROR_IMPORT_MISSING_FIELD },
  { "import-wrong-type.json", ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE },
  { "import-bad-date.json", ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE },
  { "import-duplicate.json", ALLY_JOURNAL_ERROR_IMPORT_DUPLICATE },
};

static const char *bad_import_paths[] = {
  "/journal/import/rejects-not-json",
  "/journal/import/rejects-not-an-export",
  "/journal/import/rejects-wrong-version",
  "/journal/import/rejects-missing-field",
  "/journal/import/rejects-wrong-type",
  "/journal/import/rejects-bad-date",
  "/journal/import/rejects-duplicate-in-file",
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GFile) data_home = jt_make_tmp_dir ();
  int status;

  /* Nothing may touch the real user data: XDG_DATA_HOME is a temporary folder for the
   * whole run (set before GLib first reads it; ISOLATE_DIRS would leak under LSan). */
  g_setenv ("XDG_DATA_HOME", g_file_peek_path (data_home), TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journal/open/creates-private-file", test_open_creates_private_file);
  g_test_add_func ("/journal/open/default-dir", test_open_default_dir);
  g_test_add_func ("/journal/open/async", test_open_async);
  g_test_add_func ("/journal/open/rejects-not-a-database", test_open_rejects_not_a_database);
  g_test_add_func ("/journal/open/rejects-newer-version", test_open_rejects_newer_version);
  g_test_add_data_func ("/journal/open/refuses-foreign-sqlite", "foreign-app.sql",
                        test_open_refuses_foreign_sqlite);
  g_test_add_data_func ("/journal/open/refuses-foreign-sqlite-v1", "foreign-app-v1.sql",
                        test_open_refuses_foreign_sqlite);
  g_test_add_data_func ("/journal/open/refuses-foreign-sqlite-wal", "foreign-app-wal.sql",
                        test_open_refuses_foreign_sqlite);
  g_test_add_func ("/journal/open/marks-our-files", test_open_marks_our_files);
  g_test_add_func ("/journal/open/second-copy-refused", test_open_second_copy_refused);
  g_test_add_func ("/journal/open/corrupt-moved-aside", test_open_corrupt_moved_aside);
  g_test_add_func ("/journal/open/corrupt-offers-newest-backup",
                   test_open_corrupt_offers_newest_backup);
  g_test_add_func ("/journal/open/clean-close-skips-check", test_open_clean_close_skips_check);
  g_test_add_func ("/journal/open/changed-file-is-checked", test_open_changed_file_is_checked);
  g_test_add_func ("/journal/open/grown-file-is-checked", test_open_grown_file_is_checked);
  g_test_add_func ("/journal/open/leftover-wal-forces-check",
                   test_open_leftover_wal_forces_check);
  g_test_add_func ("/journal/open/new-day-forces-check", test_open_new_day_forces_check);
  g_test_add_func ("/journal/open/damage-found-later-is-corrupt",
                   test_open_damage_found_later_is_corrupt);
  g_test_add_func ("/journal/migrate/v1-to-v2", test_migrate_v1_to_v2);
  g_test_add_func ("/journal/change-stamp-follows-writes", test_change_stamp_follows_writes);
  g_test_add_func ("/journal/migrate/failure-changes-nothing", test_migrate_failure_changes_nothing);
  ADD_F ("/journal/entry/save-and-get", test_entry_save_and_get);
  ADD_F ("/journal/entry/edit", test_entry_edit);
  ADD_F ("/journal/entry/delete", test_entry_delete);
  ADD_F ("/journal/entry/restore-keeps-uid-and-dates", test_entry_restore);
  g_test_add_func ("/journal/entry/notifies", test_entry_notifies);
  ADD_F ("/journal/tags/listed", test_tags_listed);
  g_test_add_func ("/journal/search/query-builder", test_search_query_builder);
  ADD_F ("/journal/search/hostile-input", test_search_hostile_input);
  ADD_F ("/journal/search/matches", test_search_matches);
  ADD_F ("/journal/search/follows-edits", test_search_follows_edits);
  ADD_F ("/journal/list/pages-and-window", test_list_pages_and_window);
  ADD_F ("/journal/list/items-changed", test_list_items_changed);
  ADD_F ("/journal/list/tag-and-search-changes", test_list_by_tag_and_search_changes);
  g_test_add_func ("/journal/backup/daily-keeps-seven", test_backup_daily_keeps_seven);
  g_test_add_func ("/journal/backup/restore", test_backup_restore);
  g_test_add_func ("/journal/backup/restore-rejects-damaged", test_backup_restore_rejects_damaged);
  ADD_F ("/journal/export/markdown-per-entry", test_export_markdown_per_entry);
  ADD_F ("/journal/export/markdown-single-file", test_export_markdown_single_file);
  ADD_F ("/journal/export/markdown-escapes", test_export_markdown_escapes);
  ADD_F ("/journal/export/json-roundtrip", test_export_json_roundtrip);
  ADD_F ("/journal/import/valid", test_import_valid_fixture);
  for (guint i = 0; i < G_N_ELEMENTS (bad_imports); i++)
    g_test_add (bad_import_paths[i], Fixture, &bad_imports[i], jt_journal_set_up,
                test_import_rejects_fixture, jt_journal_tear_down);
  ADD_F ("/journal/import/rejects-huge-field", test_import_rejects_huge_field);
  ADD_F ("/journal/import/twice-changes-nothing", test_import_twice_changes_nothing);
  ADD_F ("/journal/progress/lessons", test_progress_lessons);
  ADD_F ("/journal/progress/quiz", test_progress_quiz);
  ADD_F ("/journal/progress/commitments", test_progress_commitments);
  ADD_F ("/journal/progress/power-map", test_progress_power_map);
  g_test_add_func ("/journal/progress/survives-reopen", test_progress_survives_reopen);

  status = g_test_run ();
  jt_remove_tree (data_home);
  return status;
}
