/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal-test-util.c: temporary folders, fixtures and checks shared by the journal tests. */
#include <glib/gstdio.h>

#include "ally-journal-private.h"
#include "journal-test-util.h"

GFile *
jt_make_tmp_dir (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("allyship-journal-XXXXXX", &error);

  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

void
jt_remove_tree (GFile *dir)
{
  g_autoptr (GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        jt_remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (dir, NULL, NULL);
}

char *
jt_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "journal", "fixtures", name, NULL);
}

/* Builds <data_dir>/allyship.db by running an SQL fixture with the SQLite API. */
void
jt_db_from_sql (GFile      *data_dir,
                const char *sql_fixture)
{
  g_autofree char *sql_path = jt_fixture_path (sql_fixture);
  g_autoptr (GFile) db_file = g_file_get_child (data_dir, "allyship.db");
  g_autofree char *db_path = g_file_get_path (db_file);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

GFile *
jt_copy_fixture (GFile      *data_dir,
                 const char *fixture,
                 const char *as_name)
{
  g_autofree char *path = jt_fixture_path (fixture);
  g_autoptr (GFile) source = g_file_new_for_path (path);
  GFile *target = g_file_get_child (data_dir, as_name);
  g_autoptr (GError) error = NULL;

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return target;
}

/* The first column of the first row of `PRAGMA <pragma>` on a separate connection. */
char *
jt_db_pragma (GFile      *db_file,
              const char *pragma)
{
  g_autofree char *path = g_file_get_path (db_file);
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* A journal closed a moment ago can still have its search-index thread's read-only
   * connection open, and the last connection to close checkpoints the write-ahead log under
   * an exclusive lock: wait for it as the app's own connections do. */
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

AllyEntry *
jt_entry_new (const char *title,
              const char *body,
              const char *first_tag,
              ...)
{
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_auto (GStrv) strv = NULL;
  AllyEntry *entry = ally_entry_new ();
  va_list args;

  va_start (args, first_tag);
  for (const char *tag = first_tag; tag; tag = va_arg (args, const char *))
    g_strv_builder_add (tags, tag);
  va_end (args);
  strv = g_strv_builder_end (tags);
  ally_entry_set_title (entry, title);
  ally_entry_set_body (entry, body);
  ally_entry_set_tags (entry, (const char * const *) strv);
  return entry;
}

char *
jt_checksum_file (GFile *file)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_file_load_contents (file, NULL, &data, &length, NULL, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* Every table a person's data lives in, as text, without the row ids that differ from one
 * journal to another (a commitment's entry is shown by its uid): two journals that hold
 * the same data dump the same. */
static const char * const dump_queries[] = {
  "SELECT uid, created, updated, title, body, lesson_id, prompt_id, tags_text"
  " FROM entries ORDER BY uid",
  "SELECT e.uid, t.name FROM entry_tags et JOIN entries e ON e.id = et.entry_id"
  " JOIN tags t ON t.id = et.tag_id ORDER BY 1, 2",
  "SELECT uid, created, updated, text, lesson_id, due, done_at,"
  " (SELECT uid FROM entries WHERE id = entry_id) FROM commitments ORDER BY uid",
  "SELECT * FROM lesson_progress ORDER BY lesson_id",
  "SELECT * FROM quiz_answers ORDER BY quiz_id, question_id",
  "SELECT * FROM quiz_scores ORDER BY quiz_id",
  "SELECT * FROM review_cards ORDER BY card_id",
  "SELECT * FROM power_map ORDER BY axis_id",
  "SELECT * FROM tombstones ORDER BY kind, uid",
  "SELECT count(*) FROM entries_fts_docsize",
};

char *
jt_dump_journal (AllyJournal *journal)
{
  g_autoptr (GString) dump = g_string_new (NULL);
  sqlite3 *db = ally_journal_get_db (journal);

  for (guint q = 0; q < G_N_ELEMENTS (dump_queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, dump_queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (dump, "-- %u\n", q);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (dump, "%s|", text ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* Rows changed through the journal's connection, and schema changes: what a no-op must
 * leave as it was. */
gint64
jt_count_writes (AllyJournal *journal)
{
  sqlite3 *db = ally_journal_get_db (journal);
  sqlite3_stmt *stmt = NULL;
  gint64 schema;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA schema_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  schema = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return sqlite3_total_changes64 (db) + schema * 1000000000;
}

void
jt_journal_set_up (JtJournal     *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = jt_make_tmp_dir ();
  f->journal = ally_journal_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->journal);
}

void
jt_journal_tear_down (JtJournal     *f,
                      gconstpointer  data)
{
  g_clear_object (&f->journal);
  jt_remove_tree (f->dir);
  g_clear_object (&f->dir);
}
