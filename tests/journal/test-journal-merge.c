/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-merge.c: the export holds everything and the import merges it — every
 * table comes back the same, two journals merged both ways end up the same, one bad item
 * changes nothing, a second import changes nothing, and a deleted entry stays deleted. */
#include <glib/gstdio.h>

#include "ally-entry-private.h"
#include "ally-journal-private.h"
#include "ally-journal-cards.h"
#include "ally-journal-lock.h"
#include "ally-journal-progress.h"
#include "journal-test-util.h"

typedef struct
{
  GFile       *dir_a;
  GFile       *dir_b;
  AllyJournal *a;
  AllyJournal *b;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir_a = jt_make_tmp_dir ();
  f->dir_b = jt_make_tmp_dir ();
  f->a = ally_journal_open (f->dir_a, &error);
  g_assert_no_error (error);
  f->b = ally_journal_open (f->dir_b, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  jt_remove_tree (f->dir_a);
  jt_remove_tree (f->dir_b);
  g_clear_object (&f->dir_a);
  g_clear_object (&f->dir_b);
}

static gint64
save (AllyJournal *journal,
      AllyEntry   *entry)
{
  g_autoptr (GError) error = NULL;
  gint64 id = ally_journal_save_entry (journal, entry, &error);

  g_assert_no_error (error);
  return id;
}

static AllyEntry *
find_entry (AllyJournal *journal,
            const char  *uid)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (ally_journal_get_db (journal),
                                       "SELECT id FROM entries WHERE uid = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id ? ally_journal_get_entry (journal, id, NULL) : NULL;
}

/* Something in every table: entries (one with a lesson and tags, one deleted), commitments
 * (open and due, done, tied to an entry, deleted), lesson progress, quiz answers and
 * scores, a review card and a power map answer. */
static void
fill (AllyJournal *journal)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) kept = jt_entry_new ("Listening", "I let them finish.\n\nThen I asked.",
                                             "listening", "meetings", NULL);
  g_autoptr (AllyEntry) gone = jt_entry_new ("Gone", "Deleted later.", NULL);
  g_autoptr (GDateTime) due = g_date_time_new_utc (2026, 12, 24, 12, 0, 0);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gint64 kept_id, gone_id, done, dropped;

  ally_entry_set_lesson_id (kept, "lesson-03");
  ally_entry_set_prompt_id (kept, "p1");
  kept_id = save (journal, kept);
  gone_id = save (journal, gone);
  g_assert_true (ally_journal_delete_entry (journal, gone_id, &error));

  g_assert_cmpint (ally_journal_add_commitment (journal, "Credit ideas by name", "lesson-03",
                                                due, kept_id, &error), >, 0);
  done = ally_journal_add_commitment (journal, "Read one source", NULL, NULL, 0, &error);
  g_assert_true (ally_journal_set_commitment_done (journal, done, TRUE, &error));
  dropped = ally_journal_add_commitment (journal, "Dropped", NULL, NULL, 0, &error);
  g_assert_true (ally_journal_delete_commitment (journal, dropped, &error));

  g_assert_true (ally_journal_read_lesson (journal, "lesson-01", &error));
  g_assert_true (ally_journal_set_lesson_position (journal, "lesson-01", 420, &error));
  g_assert_true (ally_journal_complete_lesson (journal, "lesson-02", &error));
  g_assert_true (ally_journal_save_quiz_answer (journal, "quiz-1", "q1", "b", TRUE, &error));
  g_assert_true (ally_journal_save_quiz_answer (journal, "quiz-1", "q2", "a", FALSE, &error));
  g_assert_true (ally_journal_record_quiz_score (journal, "quiz-1", 1, 2, &error));
  g_assert_true (ally_journal_add_card (journal, "term:ally", now, NULL, &error));
  g_assert_true (ally_journal_review_card (journal, "term:ally", 4, now, &error));
  g_assert_true (ally_journal_add_card (journal, "term:accomplice", now, NULL, &error));
  g_assert_true (ally_journal_set_power_map_answer (journal, "race", "I am rarely asked "
                                                    "where I am “really” from.", &error));
  g_assert_no_error (error);
}

static GFile *
export (AllyJournal *journal,
        GFile       *dir,
        const char  *name)
{
  g_autoptr (GError) error = NULL;
  GFile *file = g_file_get_child (dir, name);

  g_assert_true (ally_journal_export_json (journal, file, &error));
  g_assert_no_error (error);
  return file;
}

static AllyImportResult
import (AllyJournal     *journal,
        GFile           *file,
        AllyImportFlags  flags)
{
  g_autoptr (GError) error = NULL;
  AllyImportResult result = { 0 };

  gboolean ok = ally_journal_import_json (journal, file, flags, &result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return result;
}

static void
test_every_table_round_trips (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *text = NULL;
  AllyImportResult result;

  fill (f->a);
  file = export (f->a, f->dir_a, "all.json");
  result = import (f->b, file, ALLY_IMPORT_FLAGS_NONE);
  /* 1 entry, 2 commitments, 1 power map answer, 2 lessons, 2 answers, 1 score, 3 review
   * cards (two terms, and the question answered wrong). */
  g_assert_cmpuint (result.added, ==, 12);
  dump_a = jt_dump_journal (f->a);
  dump_b = jt_dump_journal (f->b);
  g_assert_cmpstr (dump_a, ==, dump_b);
  /* Every table had something to compare: the deletions came along too. */
  g_assert_nonnull (strstr (dump_b, "\ncommitment|"));
  g_assert_nonnull (strstr (dump_b, "\nentry|"));
  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"version\": 2"));
}

/* A and B start alike, are edited apart, then each imports the other's export. */
static void
test_merged_both_ways_agree (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) start = NULL;
  g_autoptr (GFile) from_a = NULL;
  g_autoptr (GFile) from_b = NULL;
  g_autoptr (AllyEntry) listening_a = NULL;
  g_autoptr (AllyEntry) listening_b = NULL;
  g_autoptr (AllyEntry) only_a = jt_entry_new ("Only on A", "Laptop.", NULL);
  g_autoptr (AllyEntry) only_b = jt_entry_new ("Only on B", "Desktop.", NULL);
  g_autoptr (AllyEntry) shared = jt_entry_new ("Shared", "Both have it.", NULL);
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autoptr (AllyEntry) merged = NULL;
  AllyImportResult result;

  fill (f->a);
  save (f->a, shared);
  start = export (f->a, f->dir_a, "start.json");
  import (f->b, start, ALLY_IMPORT_FLAGS_NONE);

  /* Apart: A edits an entry, then B edits it later (B's wins); each adds one; B deletes
   * the shared entry; each answers something. */
  listening_a = find_entry (f->a, ally_entry_get_uid (shared));
  ally_entry_set_body (listening_a, "Edited on A.");
  save (f->a, listening_a);
  listening_b = find_entry (f->b, ally_entry_get_uid (shared));
  ally_entry_set_body (listening_b, "Edited on B, later.");
  save (f->b, listening_b);
  save (f->a, only_a);
  save (f->b, only_b);
  g_assert_true (ally_journal_set_power_map_answer (f->a, "class", "A's answer", &error));
  g_assert_true (ally_journal_save_quiz_answer (f->b, "quiz-1", "q2", "c", TRUE, &error));
  g_assert_true (ally_journal_complete_lesson (f->b, "lesson-01", &error));

  from_a = export (f->a, f->dir_a, "a.json");
  from_b = export (f->b, f->dir_b, "b.json");
  result = import (f->b, from_a, ALLY_IMPORT_FLAGS_NONE);
  g_assert_cmpuint (result.added, ==, 2); /* the entry and the power map answer */
  import (f->a, from_b, ALLY_IMPORT_FLAGS_NONE);

  dump_a = jt_dump_journal (f->a);
  dump_b = jt_dump_journal (f->b);
  g_assert_cmpstr (dump_a, ==, dump_b);
  merged = find_entry (f->a, ally_entry_get_uid (shared));
  g_assert_cmpstr (ally_entry_get_body (merged), ==, "Edited on B, later.");
  g_assert_nonnull (strstr (dump_a, "Only on A"));
  g_assert_nonnull (strstr (dump_a, "Only on B"));
}

/* A file whose one item, late in the file, is wrong: nothing of it is merged, and the
 * message names the item by its kind and position. */
static void
test_one_bad_item_changes_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr (GFile) good = NULL;
  g_autoptr (GFile) bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) mine = jt_entry_new ("Mine", "B's own.", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GString) broken = NULL;
  const char *second;
  AllyImportResult result = { 0 };

  fill (f->a);
  save (f->b, mine);
  good = export (f->a, f->dir_a, "good.json");
  g_assert_true (g_file_load_contents (good, NULL, &text, NULL, NULL, NULL));
  /* The second commitment's text becomes a number. */
  broken = g_string_new (text);
  second = strstr (strstr (broken->str, "\"text\":"), "\"text\":\"Read one source\"");
  g_assert_nonnull (second);
  g_string_erase (broken, second - broken->str, strlen ("\"text\":\"Read one source\""));
  g_string_insert (broken, second - broken->str, "\"text\":42");
  bad = g_file_get_child (f->dir_a, "bad.json");
  g_assert_true (g_file_replace_contents (bad, broken->str, broken->len, NULL, FALSE, 0, NULL,
                                          NULL, NULL));

  before = jt_dump_journal (f->b);
  g_assert_false (ally_journal_import_json (f->b, bad, 0, &result, &error));
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE);
  g_assert_nonnull (strstr (error->message, "“text” of commitment 2 is not text."));
  after = jt_dump_journal (f->b);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (result.added, ==, 0);
}

static void
test_second_import_changes_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *said = NULL;
  AllyImportResult result;
  gint64 writes;

  fill (f->a);
  file = export (f->a, f->dir_a, "twice.json");
  import (f->b, file, ALLY_IMPORT_FLAGS_NONE);
  first = jt_dump_journal (f->b);
  writes = jt_count_writes (f->b);
  result = import (f->b, file, ALLY_IMPORT_FLAGS_NONE);
  second = jt_dump_journal (f->b);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpint (jt_count_writes (f->b), ==, writes);
  g_assert_cmpuint (result.added + result.updated + result.removed + result.not_restored, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 12);
  said = ally_import_result_describe (&result);
  g_assert_cmpstr (said, ==, "12 already here.");
}

static void
test_deleted_entry_stays_deleted (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) entry = jt_entry_new ("Regret", "Deleted after the backup.", NULL);
  g_autoptr (GFile) backup = NULL;
  g_autoptr (AllyEntry) back = NULL;
  g_autofree char *said = NULL;
  AllyImportResult result;
  gint64 id;

  id = save (f->a, entry);
  backup = export (f->a, f->dir_a, "backup.json");
  g_assert_true (ally_journal_delete_entry (f->a, id, &error));

  result = import (f->a, backup, ALLY_IMPORT_FLAGS_NONE);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.not_restored, ==, 1);
  g_assert_cmpint (ally_journal_count_entries (f->a, NULL), ==, 0);
  said = ally_import_result_describe (&result);
  g_assert_cmpstr (said, ==, "1 deleted here was not brought back.");

  /* Asked for, it comes back as it was, and its tombstone goes. */
  result = import (f->a, backup, ALLY_IMPORT_RESTORE_DELETED);
  g_assert_cmpuint (result.added, ==, 1);
  back = find_entry (f->a, ally_entry_get_uid (entry));
  g_assert_nonnull (back);
  g_assert_cmpstr (ally_entry_get_body (back), ==, "Deleted after the backup.");
  result = import (f->a, backup, ALLY_IMPORT_FLAGS_NONE);
  g_assert_cmpuint (result.unchanged, ==, 1);
}

/* A deletion on one computer reaches the other, unless the entry was edited there after. */
static void
test_deletion_travels (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) entry = jt_entry_new ("Old", "To be deleted on A.", NULL);
  g_autoptr (GFile) start = NULL;
  g_autoptr (GFile) from_a = NULL;
  AllyImportResult result;
  gint64 id;

  id = save (f->a, entry);
  start = export (f->a, f->dir_a, "start.json");
  import (f->b, start, ALLY_IMPORT_FLAGS_NONE);
  g_assert_true (ally_journal_delete_entry (f->a, id, &error));
  from_a = export (f->a, f->dir_a, "a.json");
  result = import (f->b, from_a, ALLY_IMPORT_FLAGS_NONE);
  g_assert_cmpuint (result.removed, ==, 1);
  g_assert_cmpint (ally_journal_count_entries (f->b, NULL), ==, 0);
}

static void
test_version_1_merges (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = jt_fixture_path ("import-valid.json");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  AllyImportResult result;

  result = import (f->b, file, ALLY_IMPORT_FLAGS_NONE);
  g_assert_cmpuint (result.added, ==, 2);
  result = import (f->b, file, ALLY_IMPORT_FLAGS_NONE);
  g_assert_cmpuint (result.unchanged, ==, 2);
}

static gint64
count_rows (AllyJournal *journal,
            const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (ally_journal_get_db (journal), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* An export without its first lines (format, version, time written). */
static char *
export_body (GFile *file)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  return g_strdup (strstr (text, "\"entries\""));
}

/* With the lock on at both ends, the file holds the text as written (it is the person's
 * own copy), and the other journal seals it again for its own rows: exported from there,
 * it is the same file. */
static void
test_with_the_lock_on (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  g_autoptr (GFile) from_a = NULL;
  g_autoptr (GFile) from_b = NULL;
  g_autofree char *body_a = NULL;
  g_autofree char *body_b = NULL;
  g_autoptr (GHashTable) map = NULL;

  key_a = ally_journal_turn_lock_on (f->a, "correct horse battery", &error);
  g_assert_no_error (error);
  key_b = ally_journal_turn_lock_on (f->b, "another passphrase", &error);
  g_assert_no_error (error);
  fill (f->a);
  from_a = export (f->a, f->dir_a, "a.json");
  body_a = export_body (from_a);
  g_assert_nonnull (strstr (body_a, "Credit ideas by name"));
  g_assert_nonnull (strstr (body_a, "where I am “really” from."));

  g_assert_cmpuint (import (f->b, from_a, ALLY_IMPORT_FLAGS_NONE).added, ==, 12);
  /* Sealed in B's file: no written word is stored as text. */
  g_assert_cmpint (count_rows (f->b, "SELECT count(*) FROM commitments"
                                     " WHERE typeof (text) = 'text'"), ==, 0);
  g_assert_cmpint (count_rows (f->b, "SELECT count(*) FROM power_map"
                                     " WHERE typeof (answer) = 'text'"), ==, 0);
  g_assert_cmpint (count_rows (f->b, "SELECT count(*) FROM entries"
                                     " WHERE typeof (body) = 'text'"), ==, 0);
  map = ally_journal_get_power_map (f->b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (map, "race"), ==,
                   "I am rarely asked where I am “really” from.");
  from_b = export (f->b, f->dir_b, "b.json");
  body_b = export_body (from_b);
  g_assert_cmpstr (body_a, ==, body_b);
}

static void
test_result_in_words (void)
{
  AllyImportResult result = { .added = 12, .updated = 1, .unchanged = 140 };
  g_autofree char *said = ally_import_result_describe (&result);
  AllyImportResult nothing = { 0 };
  g_autofree char *none = ally_import_result_describe (&nothing);

  g_assert_cmpstr (said, ==, "12 added, 1 updated, 140 already here.");
  g_assert_cmpstr (none, ==, "The file holds nothing to import.");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD_F(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_F ("/journal/merge/every-table-round-trips", test_every_table_round_trips);
  ADD_F ("/journal/merge/both-ways-agree", test_merged_both_ways_agree);
  ADD_F ("/journal/merge/one-bad-item-changes-nothing", test_one_bad_item_changes_nothing);
  ADD_F ("/journal/merge/second-import-changes-nothing", test_second_import_changes_nothing);
  ADD_F ("/journal/merge/deleted-entry-stays-deleted", test_deleted_entry_stays_deleted);
  ADD_F ("/journal/merge/deletion-travels", test_deletion_travels);
  ADD_F ("/journal/merge/version-1-merges", test_version_1_merges);
  ADD_F ("/journal/merge/with-the-lock-on", test_with_the_lock_on);
  g_test_add_func ("/journal/merge/result-in-words", test_result_in_words);
  return g_test_run ();
}
