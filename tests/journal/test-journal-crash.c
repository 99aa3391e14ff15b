/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-crash.c: kills a process that is saving entries with SIGKILL at random
 * moments, then checks that every save it acknowledged is there, intact, and that the
 * database passes PRAGMA integrity_check; also with the journal lock on, and while it is
 * being turned on (the journal is then all plain or all encrypted). ALLY_CRASH_CYCLES sets
 * the cycles (50). */
#include <stdlib.h>
#include <sqlite3.h>

#include "ally-journal-lock.h"
#include "ally-journal-rescue.h"
#include "journal-crash-text.h"
#include "journal-test-util.h"

#define CRASH_PASSPHRASE "crash test passphrase"

typedef struct
{
  gint64  id;
  char   *title;
} Ack;

static void
ack_free (gpointer data)
{
  Ack *ack = data;

  g_free (ack->title);
  g_free (ack);
}

/* Parses complete "<id> <title>\n" lines; a line cut by the kill was not acknowledged. */
static void
parse_acks (const char *output,
            GPtrArray  *acks)
{
  g_auto (GStrv) lines = g_strsplit (output, "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i + 1 < n; i++)
    {
      char *space = strchr (lines[i], ' ');
      Ack *ack;

      /* "turning-on" and "locked" say what the helper is doing; they acknowledge nothing. */
      if (!g_ascii_isdigit (lines[i][0]))
        continue;
      ack = g_new0 (Ack, 1);
      g_assert_nonnull (space);
      ack->id = g_ascii_strtoll (lines[i], NULL, 10);
      ack->title = g_strdup (space + 1);
      g_ptr_array_add (acks, ack);
    }
}

static char *
read_rest (GInputStream *stream,
           const char   *first_line)
{
  g_autoptr (GString) text = g_string_new (first_line);
  char buffer[8192];
  gssize n;

  if (first_line)
    g_string_append_c (text, '\n');
  while ((n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (text, buffer, n);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GSubprocess *
spawn_helper (GFile       *dir,
              guint        cycle,
              const char  *mode,
              const char  *mode_arg)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "journal",
                                                   "journal-crash-helper", NULL);
  g_autofree char *seed = g_strdup_printf ("%u", cycle);
  g_autoptr (GError) error = NULL;
  GSubprocess *process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, helper,
                                           g_file_peek_path (dir), seed, mode, mode_arg, NULL);

  g_assert_no_error (error);
  return process;
}

/* Kills @process and reads what it printed after @read_so_far. */
static char *
kill_and_read (GSubprocess      *process,
               GDataInputStream *out,
               const char       *read_so_far)
{
  g_autoptr (GError) error = NULL;

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process) ||
                 g_subprocess_get_exit_status (process) == 0);
  return read_rest (G_INPUT_STREAM (out), read_so_far);
}

/* Runs the helper once and kills it: mostly a few ms after its first save, sometimes
 * blindly soon after the start (during open, migration, the daily backup, or unlocking). */
static void
run_and_kill (GFile      *dir,
              guint       cycle,
              const char *mode,
              GPtrArray  *acks)
{
  g_autoptr (GSubprocess) process = spawn_helper (dir, cycle, mode, NULL);
  g_autoptr (GDataInputStream) out = NULL;
  g_autofree char *first = NULL;
  g_autofree char *rest = NULL;

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  if (g_test_rand_int_range (0, 5) == 0)
    g_usleep (g_test_rand_int_range (0, 20000));
  else
    first = g_data_input_stream_read_line (out, NULL, NULL, NULL);
  g_usleep (g_test_rand_int_range (0, 30000));
  rest = kill_and_read (process, out, first);
  parse_acks (rest, acks);
}

static gint64
query_db (GFile      *db_file,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (g_file_peek_path (db_file), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  /* The journal closed just before can leave its search-index thread's connection closing,
   * which checkpoints under an exclusive lock: wait as the app's own connections do (CI saw
   * SQLITE_BUSY here once in the lock-on cycles). */
  sqlite3_busy_timeout (db, ALLY_JOURNAL_BUSY_TIMEOUT_MS);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* All plain (no lock row, no sealed value, the on-disk index there) or all encrypted (a lock
 * row, every value sealed, no on-disk index), never a mix. */
static void
check_all_or_nothing (GFile *db_file)
{
  gint64 locked = query_db (db_file, "SELECT count(*) FROM journal_lock");
  gint64 entries = query_db (db_file, "SELECT count(*) FROM entries");
  gint64 sealed = query_db (db_file,
    "SELECT count(*) FROM entries WHERE typeof (title) = 'blob' AND typeof (body) = 'blob'"
    " AND typeof (tags_text) = 'blob'");
  gint64 plain = query_db (db_file,
    "SELECT count(*) FROM entries WHERE typeof (title) = 'text' AND typeof (body) = 'text'"
    " AND typeof (tags_text) = 'text'");
  gint64 sealed_tags = query_db (db_file, "SELECT count(*) FROM tags WHERE sealed_name IS NOT NULL");
  gint64 tags = query_db (db_file, "SELECT count(*) FROM tags");
  gint64 index = query_db (db_file,
    "SELECT count(*) FROM sqlite_master WHERE name = 'entries_fts'");

  g_assert_cmpint (locked, >=, 0);
  g_assert_cmpint (locked, <=, 1);
  g_assert_cmpint (locked ? sealed : plain, ==, entries);
  g_assert_cmpint (sealed_tags, ==, locked ? tags : 0);
  g_assert_cmpint (index, ==, locked ? 0 : 1);
}

static void
check_acknowledged (GFile     *dir,
                    GPtrArray *acks)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (dir, &error);
  g_autoptr (GFile) file = g_file_get_child (dir, "allyship.db");
  g_autofree char *check = NULL;

  g_assert_no_error (error);
  if (ally_journal_is_lock_on (journal))
    {
      g_assert_true (ally_journal_unlock (journal, CRASH_PASSPHRASE, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < acks->len; i++)
    {
      Ack *ack = g_ptr_array_index (acks, i);
      g_autoptr (AllyEntry) entry = ally_journal_get_entry (journal, ack->id, &error);
      g_autofree char *body = jc_body_for_title (ack->title);

      g_assert_no_error (error);
      g_assert_cmpstr (ally_entry_get_title (entry), ==, ack->title);
      g_assert_cmpstr (ally_entry_get_body (entry), ==, body);
    }
  g_clear_object (&journal);
  check = jt_db_pragma (file, "integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  check_all_or_nothing (file);
}

static guint
crash_cycles (void)
{
  const char *env = g_getenv ("ALLY_CRASH_CYCLES");

  return env ? (guint) g_ascii_strtoull (env, NULL, 10) : 50;
}

static void
crash_cycles_in_mode (const char *mode)
{
  guint cycles = crash_cycles ();
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GPtrArray) acks = g_ptr_array_new_with_free_func (ack_free);

  for (guint cycle = 0; cycle < cycles; cycle++)
    {
      run_and_kill (dir, cycle, mode, acks);
      /* Checked after every kill: each one must leave a sound file behind. */
      check_acknowledged (dir, acks);
    }
  g_test_message ("%u cycles, %u acknowledged saves checked", cycles, acks->len);
  g_assert_cmpuint (acks->len, >, 0);
  jt_remove_tree (dir);
}

static void
test_crash_sigkill (void)
{
  crash_cycles_in_mode (NULL);
}

/* The first cycle turns the lock on; every later one unlocks and saves on. */
static void
test_crash_sigkill_lock_on (void)
{
  crash_cycles_in_mode ("lock");
}

#define ENTRIES_BEFORE_LOCK 400

/* Saves ENTRIES_BEFORE_LOCK entries, then turns the lock on: killed at a random moment after
 * it began turning it on (converting, clearing the file, or saving encrypted). */
static void
test_crash_sigkill_turning_lock_on (void)
{
  guint cycles = MAX (crash_cycles () / 2, 1);
  guint during = 0;

  for (guint cycle = 0; cycle < cycles; cycle++)
    {
      g_autoptr (GFile) dir = jt_make_tmp_dir ();
      g_autoptr (GPtrArray) acks = g_ptr_array_new_with_free_func (ack_free);
      g_autoptr (GString) before = g_string_new (NULL);
      g_autoptr (GSubprocess) process = spawn_helper (dir, cycle, "lock-after",
                                                      G_STRINGIFY (ENTRIES_BEFORE_LOCK));
      g_autoptr (GDataInputStream) out = NULL;
      g_autofree char *rest = NULL;
      char *line;

      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
      while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)) != NULL)
        {
          gboolean turning = g_str_equal (line, "turning-on");

          g_string_append_printf (before, "%s\n", line);
          g_free (line);
          if (turning)
            break;
        }
      g_usleep (g_test_rand_int_range (0, 300000));
      rest = kill_and_read (process, out, NULL);
      if (strstr (rest, "locked") == NULL)
        during++;
      g_string_append (before, rest);
      parse_acks (before->str, acks);
      g_assert_cmpuint (acks->len, >=, ENTRIES_BEFORE_LOCK);
      check_acknowledged (dir, acks);
      jt_remove_tree (dir);
    }
  g_test_message ("%u cycles, %u killed before the lock was on", cycles, during);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/journal/crash/sigkill-keeps-acknowledged-saves", test_crash_sigkill);
  g_test_add_func ("/journal/crash/sigkill-with-lock-on", test_crash_sigkill_lock_on);
  g_test_add_func ("/journal/crash/sigkill-while-turning-lock-on",
                   test_crash_sigkill_turning_lock_on);
  return g_test_run ();
}
