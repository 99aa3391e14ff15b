/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-import.c: hostile JSON imports — deep nesting, broken and null characters,
 * limits of the format, two exports in one file, files that are not files — are refused
 * whole; the asynchronous import reports progress and writes on a worker thread; imported
 * entries are found by search, and the schema is as before. */
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "ally-entry-private.h"
#include "ally-journal-private.h"
#include "ally-journal-progress.h"
#include "ally-journal-rescue.h"
#include "journal-test-util.h"

typedef JtJournal Fixture;

typedef struct
{
  gboolean  done;
  gboolean  ok;
  AllyImportResult result;
  guint     n_progress;
  double    last_fraction;
  GError   *error;
} AsyncRun;

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  GFile *file = g_file_get_child (f->dir, name);

  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE, 0, NULL,
                                          NULL, NULL));
  return file;
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = jt_fixture_path (name);

  return g_file_new_for_path (path);
}

/* An export of one entry whose tags are given as JSON text. */
static char *
export_with_tags (const char *tags_json)
{
  return g_strdup_printf ("{\"format\":\"allyship-journal\",\"version\":1,\"entries\":[{"
                          "\"uid\":\"t\",\"created\":\"2024-01-01T00:00:00Z\","
                          "\"updated\":\"2024-01-01T00:00:00Z\",\"title\":\"Tagged\","
                          "\"body\":\"\",\"tags\":%s}]}", tags_json);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncRun *run = user_data;

  g_assert_cmpfloat (fraction, >=, run->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  run->last_fraction = fraction;
  run->n_progress++;
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->ok = ally_journal_import_json_finish (ALLY_JOURNAL (object), result, &run->result,
                                             &run->error);
  run->done = TRUE;
}

static void
import_async (AllyJournal *journal,
              GFile       *file,
              AsyncRun    *run)
{
  ally_journal_import_json_async (journal, file, 0, NULL, on_progress, run, on_imported, run);
  while (!run->done)
    g_main_context_iteration (NULL, TRUE);
}

/* The file is refused with @code, through the blocking and the asynchronous call, and
 * the journal is left exactly as it was. Returns the message, for further checks. */
static char *
assert_import_fails (Fixture *f,
                     GFile   *file,
                     int      code)
{
  g_autoptr (AllyEntry) existing = jt_entry_new ("existing", "must survive", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AsyncRun run = { 0 };
  AllyImportResult result = { 12345 };
  gint64 count;

  g_assert_cmpint (ally_journal_save_entry (f->journal, existing, &error), >, 0);
  count = ally_journal_count_entries (f->journal, NULL);
  before = jt_db_pragma (ally_journal_get_file (f->journal), "data_version");

  g_assert_false (ally_journal_import_json (f->journal, file, 0, &result, &error));
  g_assert_error (error, ALLY_JOURNAL_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "This file cannot be imported"));
  g_assert_cmpuint (result.added, ==, 12345);

  import_async (f->journal, file, &run);
  g_assert_false (run.ok);
  g_assert_error (run.error, ALLY_JOURNAL_ERROR, code);
  g_assert_cmpstr (run.error->message, ==, error->message);
  g_clear_error (&run.error);

  g_assert_cmpint (ally_journal_count_entries (f->journal, NULL), ==, count);
  after = jt_db_pragma (ally_journal_get_file (f->journal), "data_version");
  g_assert_cmpstr (before, ==, after);
  g_test_message ("%s", error->message);
  return g_strdup (error->message);
}

static void
test_deep_nesting (Fixture       *f,
                   gconstpointer  data)
{
  /* 100,000 levels (a 200 KB file) inside an otherwise valid entry: json-glib recurses
   * once per level and runs out of stack. */
  guint levels = 100000;
  g_autoptr (GString) text = g_string_new ("{\"format\":\"allyship-journal\",\"version\":1,"
                                           "\"entries\":[{\"uid\":\"deep\",\"extra\":");
  g_autoptr (GFile) file = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}]}");
  file = write_file (f, "import-deeply-nested.json", text->str);
  message = assert_import_fails (f, file, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE);
  g_assert_nonnull (strstr (message, "nested more than 32 levels"));
}

static void
test_nesting_at_the_limit (Fixture       *f,
                           gconstpointer  data)
{
  /* 32 levels in all (the root object, the list of entries and an entry are three). */
  g_autoptr (GString) text = g_string_new ("{\"format\":\"allyship-journal\",\"version\":1,"
                                           "\"entries\":[{\"uid\":\"deep\","
                                           "\"created\":\"2024-01-01T00:00:00Z\","
                                           "\"updated\":\"2024-01-01T00:00:00Z\","
                                           "\"title\":\"\",\"body\":\"\",\"tags\":[],"
                                           "\"future\":");
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 3; i < ALLY_JOURNAL_MAX_IMPORT_DEPTH; i++)
    g_string_append_c (text, '[');
  for (guint i = 3; i < ALLY_JOURNAL_MAX_IMPORT_DEPTH; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}]}");
  file = write_file (f, "import-nested-32-levels.json", text->str);
  g_assert_true (ally_journal_import_json (f->journal, file, 0, NULL, &error));
  g_assert_no_error (error);
}

static void
test_lone_surrogate (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GFile) file = fixture_file ("import-lone-surrogate.json");
  g_autofree char *message = assert_import_fails (f, file, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE);

  /* Named by its number and title, with the field; nothing of the first entry is added. */
  g_assert_nonnull (strstr (message, "“body” of entry 2 (“Interrupting less”)"));
}

static void
test_nul_character (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GFile) file = fixture_file ("import-nul-in-title.json");
  g_autofree char *message = assert_import_fails (f, file, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE);

  g_assert_nonnull (strstr (message, "line 9 holds a null character"));
}

static void
test_raw_nul_byte (Fixture       *f,
                   gconstpointer  data)
{
  static const char text[] = "{\"format\":\"allyship-journal\0\",\"version\":1,\"entries\":[]}";
  g_autoptr (GFile) file = g_file_get_child (f->dir, "import-nul-byte.json");

  g_assert_true (g_file_replace_contents (file, text, sizeof text - 1, NULL, FALSE, 0, NULL,
                                          NULL, NULL));
  g_free (assert_import_fails (f, file, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE));
}

static void
test_escapes_that_look_bad (Fixture       *f,
                            gconstpointer  data)
{
  /* Brackets and quotes inside text, an escaped backslash before “u0000” and a proper
   * surrogate pair are all fine. */
  g_autoptr (GFile) file = fixture_file ("import-escapes-that-look-bad.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) entry = NULL;
  AllyImportResult result = { 0 };

  g_assert_true (ally_journal_import_json (f->journal, file, 0, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 1);
  entry = ally_journal_get_entry (f->journal, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ally_entry_get_title (entry), ==, "Brackets [[{{ and a quote \" inside text");
  g_assert_cmpstr (ally_entry_get_body (entry), ==,
                   "A written backslash before u0000: \\u0000, and an emoji \360\237\230\200.");
}

static void
test_empty_uid (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GFile) file = fixture_file ("import-empty-uid.json");
  g_autofree char *message = assert_import_fails (f, file, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE);

  g_assert_nonnull (strstr (message, "“uid” of entry 1 (“Interrupting less”) is empty"));
}

static void
test_long_uid (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *uid = g_strnfill (ALLY_JOURNAL_MAX_UID_BYTES + 1, 'u');
  g_autofree char *text = g_strdup_printf (
    "{\"format\":\"allyship-journal\",\"version\":1,\"entries\":[{\"uid\":\"%s\","
    "\"created\":\"2024-01-01T00:00:00Z\",\"updated\":\"2024-01-01T00:00:00Z\","
    "\"title\":\"\",\"body\":\"\",\"tags\":[]}]}", uid);
  g_autoptr (GFile) file = write_file (f, "import-long-uid.json", text);

  g_free (assert_import_fails (f, file, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE));
}

static void
test_oversized_tag (Fixture       *f,
                    gconstpointer  data)
{
  /* A one-megabyte tag: under the 1 MiB of other text, far over the tag limit. */
  g_autofree char *tag = g_strnfill (1000 * 1000, 't');
  g_autofree char *tags = g_strdup_printf ("[\"fine\", \"%s\"]", tag);
  g_autofree char *text = export_with_tags (tags);
  g_autoptr (GFile) file = write_file (f, "import-megabyte-tag.json", text);
  g_autofree char *message = assert_import_fails (f, file, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE);

  g_assert_nonnull (strstr (message, "a tag of entry 1 (“Tagged”) is longer than 1024 bytes"));
}

static void
test_tag_at_the_limit (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *tag = g_strnfill (ALLY_JOURNAL_MAX_TAG_BYTES, 't');
  g_autofree char *tags = g_strdup_printf ("[\"%s\"]", tag);
  g_autofree char *text = export_with_tags (tags);
  g_autoptr (GFile) file = write_file (f, "import-longest-tag.json", text);
  g_autoptr (GError) error = NULL;

  g_assert_true (ally_journal_import_json (f->journal, file, 0, NULL, &error));
  g_assert_no_error (error);
}

static void
test_too_many_tags (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GString) tags = g_string_new ("[");
  g_autofree char *text = NULL;
  g_autoptr (GFile) file = NULL;

  for (guint i = 0; i <= ALLY_JOURNAL_MAX_TAGS; i++)
    g_string_append_printf (tags, "%s\"tag %u\"", i ? "," : "", i);
  g_string_append_c (tags, ']');
  text = export_with_tags (tags->str);
  file = write_file (f, "import-too-many-tags.json", text);
  g_free (assert_import_fails (f, file, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE));
}

static void
test_two_exports (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GFile) file = fixture_file ("import-two-exports.json");
  g_autofree char *message = assert_import_fails (f, file, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON);

  g_assert_nonnull (strstr (message, "on line 15"));
}

static void
test_trailing_space_is_fine (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GFile) file = write_file (f, "import-trailing-space.json",
                                       "{\"format\":\"allyship-journal\",\"version\":1,"
                                       "\"entries\":[]}\n\r\n\t \n");
  g_autoptr (GError) error = NULL;

  g_assert_true (ally_journal_import_json (f->journal, file, 0, NULL, &error));
  g_assert_no_error (error);
}

static void
test_not_a_regular_file (Fixture       *f,
                         gconstpointer  data)
{
  /* A FIFO would block a read for ever; a folder cannot be read at all. */
  g_autoptr (GFile) fifo = g_file_get_child (f->dir, "import-fifo.json");
  g_autoptr (GFile) folder = g_file_get_child (f->dir, "import-folder.json");

  g_assert_cmpint (mkfifo (g_file_peek_path (fifo), 0600), ==, 0);
  g_assert_cmpint (g_mkdir (g_file_peek_path (folder), 0700), ==, 0);
  g_free (assert_import_fails (f, fifo, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON));
  g_free (assert_import_fails (f, folder, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON));
}

static void
test_async_imports_with_progress (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GString) text = g_string_new ("{\"format\":\"allyship-journal\",\"version\":1,"
                                           "\"entries\":[");
  g_autoptr (GFile) file = NULL;
  AsyncRun run = { 0 };
  guint n = 5000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"uid\":\"%u\",\"created\":\"2024-01-01T00:00:00Z\","
                            "\"updated\":\"2024-01-01T00:00:00Z\",\"title\":\"Entry %u\","
                            "\"body\":\"Words.\",\"tags\":[\"many\"]}", i ? "," : "", i, i);
  g_string_append (text, "]}");
  file = write_file (f, "import-many.json", text->str);

  import_async (f->journal, file, &run);
  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.result.added, ==, n);
  g_assert_cmpuint (run.n_progress, >, 0);
  g_assert_cmpint (ally_journal_count_entries (f->journal, NULL), ==, n);
}

static void
test_async_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = jt_fixture_path ("import-valid.json");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  AsyncRun run = { 0 };

  g_cancellable_cancel (cancellable);
  ally_journal_import_json_async (f->journal, file, 0, cancellable, NULL, NULL, on_imported, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (run.ok);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);
  g_assert_cmpint (ally_journal_count_entries (f->journal, NULL), ==, 0);
}

/* Large imports: search, triggers, a second thread */

/* An export of @n entries whose bodies hold the word “quokka”; uids start at @first. The
 * last entry gets @last_uid instead, when given. */
static GFile *
write_quokka_export (Fixture    *f,
                     const char *name,
                     guint       n,
                     guint       first,
                     const char *last_uid)
{
  g_autoptr (GString) text = g_string_new ("{\"format\":\"allyship-journal\",\"version\":1,"
                                           "\"entries\":[");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = g_strdup_printf ("quokka-%u", first + i);

      g_string_append_printf (text, "%s{\"uid\":\"%s\",\"created\":\"2024-01-01T00:00:00Z\","
                              "\"updated\":\"2024-01-01T00:00:00Z\",\"title\":\"Entry %u\","
                              "\"body\":\"A quokka smiled at me, %u.\",\"tags\":[\"marsupials\"]}",
                              i ? "," : "", i + 1 == n && last_uid ? last_uid : uid, i, i);
    }
  g_string_append (text, "]}");
  return write_file (f, name, text->str);
}

static gint64
query_count (AllyJournal *journal,
             const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (ally_journal_get_db (journal), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static gint64
count_matches (AllyJournal *journal,
               const char  *word)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM entries_fts"
                                          " WHERE entries_fts MATCH '%s'", word);
  return query_count (journal, sql);
}

/* The search index holds exactly what the entries say (FTS5 compares the two). */
static void
assert_index_matches_entries (AllyJournal *journal)
{
  g_assert_cmpint (sqlite3_exec (ally_journal_get_db (journal),
                                 "INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Every table, index and trigger with its SQL. */
static char *
describe_schema (AllyJournal *journal)
{
  g_autoptr (GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (ally_journal_get_db (journal),
                                       "SELECT type, name, sql FROM sqlite_master ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s %s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_imported_entries_are_searchable (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr (AllyEntry) existing = jt_entry_new ("Wombats", "A wombat dug a hole.", NULL);
  g_autoptr (AllyEntry) later = jt_entry_new ("Echidnas", "An echidna walked by.", NULL);
  g_autoptr (GFile) first = write_quokka_export (f, "first.json", 300, 0, NULL);
  g_autoptr (GFile) second = write_quokka_export (f, "second.json", 200, 300, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *schema_after = NULL;
  AsyncRun run = { 0 };

  g_assert_cmpint (ally_journal_save_entry (f->journal, existing, &error), >, 0);
  schema = describe_schema (f->journal);
  g_assert_nonnull (strstr (schema, "trigger entries_ai: CREATE TRIGGER entries_ai"));

  import_async (f->journal, first, &run);
  g_assert_no_error (run.error);
  g_assert_true (ally_journal_import_json (f->journal, second, 0, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_matches (f->journal, "quokka"), ==, 500);
  g_assert_cmpint (count_matches (f->journal, "marsupials"), ==, 500);
  g_assert_cmpint (count_matches (f->journal, "wombat"), ==, 1);
  assert_index_matches_entries (f->journal);
  schema_after = describe_schema (f->journal);
  g_assert_cmpstr (schema_after, ==, schema);

  /* The triggers made again still index what is saved next. */
  g_assert_cmpint (ally_journal_save_entry (f->journal, later, &error), >, 0);
  g_assert_cmpint (count_matches (f->journal, "echidna"), ==, 1);
  assert_index_matches_entries (f->journal);
}

static void
test_failed_write_changes_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (AllyEntry) existing = jt_entry_new ("Wombats", "A wombat dug a hole.", "burrows", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *schema_after = NULL;
  AsyncRun run = { 0 };
  gint64 entries, indexed, tags;

  g_assert_cmpint (ally_journal_save_entry (f->journal, existing, &error), >, 0);
  /* Items are checked as they are merged: the last entry, the first one's uid again, is
   * found when 2,999 rows are in, and all of them go. */
  file = write_quokka_export (f, "clash.json", 3000, 0, "quokka-0");
  schema = describe_schema (f->journal);
  entries = query_count (f->journal, "SELECT count(*) FROM entries");
  indexed = query_count (f->journal, "SELECT count(*) FROM entries_fts_docsize");
  tags = query_count (f->journal, "SELECT count(*) FROM tags");

  import_async (f->journal, file, &run);
  g_assert_error (run.error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IMPORT_DUPLICATE);
  g_assert_nonnull (strstr (run.error->message, "entry 3000 has the same “uid” as entry 1"));
  g_assert_false (ally_journal_import_json (f->journal, file, 0, NULL, &error));
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IMPORT_DUPLICATE);
  g_clear_error (&run.error);

  g_assert_cmpint (query_count (f->journal, "SELECT count(*) FROM entries"), ==, entries);
  g_assert_cmpint (query_count (f->journal, "SELECT count(*) FROM entries_fts_docsize"), ==, indexed);
  g_assert_cmpint (query_count (f->journal, "SELECT count(*) FROM tags"), ==, tags);
  g_assert_cmpint (count_matches (f->journal, "quokka"), ==, 0);
  g_assert_cmpint (count_matches (f->journal, "wombat"), ==, 1);
  assert_index_matches_entries (f->journal);
  schema_after = describe_schema (f->journal);
  g_assert_cmpstr (schema_after, ==, schema);
}

typedef struct
{
  AllyJournal *journal;
  gint64       last_tick;
  gint64       max_gap;
  guint        n_ticks;
  guint        n_locked;
  gint64       write_usec;
  GError      *write_error;
} Watch;

/* Whether another connection is writing: BEGIN IMMEDIATE is refused at once. */
static gboolean
journal_is_being_written (AllyJournal *journal)
{
  sqlite3 *db = ally_journal_get_db (journal);
  int rc;

  sqlite3_busy_timeout (db, 0);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_busy_timeout (db, ALLY_JOURNAL_BUSY_TIMEOUT_MS);
  return rc == SQLITE_BUSY;
}

static gboolean
watch_tick_cb (gpointer user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  watch->max_gap = MAX (watch->max_gap, now - watch->last_tick);
  watch->n_ticks++;
  if (journal_is_being_written (watch->journal))
    {
      /* The first time, a write of our own meanwhile: it waits briefly, then says why. */
      if (watch->n_locked++ == 0)
        {
          ally_journal_set_lesson_position (watch->journal, "lesson-01", 500, &watch->write_error);
          watch->write_usec = g_get_monotonic_time () - now;
        }
    }
  watch->last_tick = g_get_monotonic_time ();
  return G_SOURCE_CONTINUE;
}

static void
test_async_writes_on_another_thread (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr (GFile) file = write_quokka_export (f, "big.json", 50000, 0, NULL);
  Watch watch = { .journal = f->journal };
  AsyncRun run = { 0 };
  gint64 start = g_get_monotonic_time ();
  guint tick;

  watch.last_tick = start;
  tick = g_timeout_add (10, watch_tick_cb, &watch);
  import_async (f->journal, file, &run);
  g_source_remove (tick);
  watch.max_gap = MAX (watch.max_gap, g_get_monotonic_time () - watch.last_tick);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.result.added, ==, 50000);
  g_test_message ("50,000 entries in %.2f s; the main loop ran %u times, %u of them while the "
                  "import was writing; its longest gap was %.0f ms; a write meanwhile took %.0f ms",
                  (g_get_monotonic_time () - start) / 1e6, watch.n_ticks, watch.n_locked,
                  watch.max_gap / 1e3, watch.write_usec / 1e3);

  /* The main loop went on running while another connection wrote the import... */
  g_assert_cmpuint (watch.n_locked, >=, 2);
  /* ...and a write of its own meanwhile was refused, saying why, not kept waiting. */
  g_assert_error (watch.write_error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_FAILED);
  g_assert_nonnull (strstr (watch.write_error->message, "being imported"));
  /* 200 ms are asked for; only the journal's usual wait (5 s) would come near this. */
  g_assert_cmpint (watch.write_usec, <, ALLY_JOURNAL_BUSY_TIMEOUT_MS * 1000 / 2);
  g_clear_error (&watch.write_error);

  /* Once the import is done, the journal's own connection sees it, and writes again. */
  g_assert_cmpint (ally_journal_count_entries (f->journal, NULL), ==, 50000);
  g_assert_true (ally_journal_set_lesson_position (f->journal, "lesson-01", 500, NULL));
}

#define ADD_F(path, func) \
  g_test_add (path, Fixture, NULL, jt_journal_set_up, func, jt_journal_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GFile) data_home = jt_make_tmp_dir ();
  int status;

  /* Nothing may touch the real user data (set before GLib first reads it). */
  g_setenv ("XDG_DATA_HOME", g_file_peek_path (data_home), TRUE);
  g_test_init (&argc, &argv, NULL);

  ADD_F ("/journal/import/rejects-deep-nesting", test_deep_nesting);
  ADD_F ("/journal/import/nesting-at-the-limit", test_nesting_at_the_limit);
  ADD_F ("/journal/import/rejects-lone-surrogate", test_lone_surrogate);
  ADD_F ("/journal/import/rejects-nul-character", test_nul_character);
  ADD_F ("/journal/import/rejects-raw-nul-byte", test_raw_nul_byte);
  ADD_F ("/journal/import/escapes-that-look-bad", test_escapes_that_look_bad);
  ADD_F ("/journal/import/rejects-empty-uid", test_empty_uid);
  ADD_F ("/journal/import/rejects-long-uid", test_long_uid);
  ADD_F ("/journal/import/rejects-oversized-tag", test_oversized_tag);
  ADD_F ("/journal/import/tag-at-the-limit", test_tag_at_the_limit);
  ADD_F ("/journal/import/rejects-too-many-tags", test_too_many_tags);
  ADD_F ("/journal/import/rejects-two-exports", test_two_exports);
  ADD_F ("/journal/import/trailing-space-is-fine", test_trailing_space_is_fine);
  ADD_F ("/journal/import/rejects-not-a-regular-file", test_not_a_regular_file);
  ADD_F ("/journal/import/async-with-progress", test_async_imports_with_progress);
  ADD_F ("/journal/import/async-cancelled", test_async_cancelled);
  ADD_F ("/journal/import/entries-are-searchable", test_imported_entries_are_searchable);
  ADD_F ("/journal/import/failed-write-changes-nothing", test_failed_write_changes_nothing);
  ADD_F ("/journal/import/async-writes-on-another-thread", test_async_writes_on_another_thread);

  status = g_test_run ();
  jt_remove_tree (data_home);
  return status;
}
