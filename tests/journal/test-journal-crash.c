/* test-journal-crash.c: kills a process that is saving entries with SIGKILL at random
 * moments, then checks that every save it acknowledged is there, intact, and that the
 * database passes PRAGMA integrity_check. ALLY_CRASH_CYCLES sets the cycles (50). */
#include <stdlib.h>

#include "ally-journal.h"
#include "journal-crash-text.h"
#include "journal-test-util.h"

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
      Ack *ack = g_new0 (Ack, 1);

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

/* Runs the helper once and kills it: mostly a few ms after its first save, sometimes
 * blindly soon after the start (during open, migration or the daily backup). */
static void
run_and_kill (GFile     *dir,
              guint      cycle,
              GPtrArray *acks)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "journal",
                                                   "journal-crash-helper", NULL);
  g_autofree char *seed = g_strdup_printf ("%u", cycle);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autofree char *first = NULL;
  g_autofree char *rest = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, helper,
                              g_file_peek_path (dir), seed, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  if (g_test_rand_int_range (0, 5) == 0)
    g_usleep (g_test_rand_int_range (0, 20000));
  else
    first = g_data_input_stream_read_line (out, NULL, NULL, NULL);
  g_usleep (g_test_rand_int_range (0, 30000));
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process) ||
                 g_subprocess_get_exit_status (process) == 0);
  rest = read_rest (G_INPUT_STREAM (out), first);
  parse_acks (rest, acks);
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
}

static void
test_crash_sigkill (void)
{
  const char *env = g_getenv ("ALLY_CRASH_CYCLES");
  guint cycles = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 50;
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GPtrArray) acks = g_ptr_array_new_with_free_func (ack_free);

  for (guint cycle = 0; cycle < cycles; cycle++)
    {
      run_and_kill (dir, cycle, acks);
      /* Checked after every kill: each one must leave a sound file behind. */
      check_acknowledged (dir, acks);
    }
  g_test_message ("%u cycles, %u acknowledged saves checked", cycles, acks->len);
  g_assert_cmpuint (acks->len, >, 0);
  jt_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/journal/crash/sigkill-keeps-acknowledged-saves", test_crash_sigkill);
  return g_test_run ();
}
