/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-cli.c: `allyship --export FILE` and `allyship --import FILE`, run as the
 * built program with data folders of the test's own (XDG_DATA_HOME): a journal exported
 * and imported elsewhere holds the same data; the result is said on standard output,
 * problems on standard error, with exit status 0 or 1. */
#include "ally-journal-private.h"
#include "ally-journal-progress.h"
#include "journal-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs allyship with @data_home as XDG_DATA_HOME, in the C locale. */
static void
run_allyship (GFile      *data_home,
              Run        *run,
              const char *first_arg,
              ...)
{
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *) ALLYSHIP_EXE);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_file_peek_path (data_home), TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err,
                                                &error));
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static AllyJournal *
open_in (GFile *data_home)
{
  g_autoptr (GFile) dir = g_file_get_child (data_home, "allyship");
  g_autoptr (GError) error = NULL;
  AllyJournal *journal = ally_journal_open (dir, &error);

  g_assert_no_error (error);
  return journal;
}

static void
fill (AllyJournal *journal)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) entry = jt_entry_new ("Listening # 1", "I let them *finish*.", "work",
                                              NULL);
  gint64 id;

  ally_entry_set_lesson_id (entry, "how-to-use");
  id = ally_journal_save_entry (journal, entry, &error);
  g_assert_cmpint (ally_journal_add_commitment (journal, "Credit ideas", NULL, NULL, id,
                                                &error), >, 0);
  g_assert_true (ally_journal_set_power_map_answer (journal, "race", "Rarely asked.", &error));
  g_assert_true (ally_journal_save_quiz_answer (journal, "quiz-1", "q1", "b", TRUE, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autoptr (GFile) home_a = jt_make_tmp_dir ();
  g_autoptr (GFile) home_b = jt_make_tmp_dir ();
  g_autoptr (GFile) export = g_file_get_child (home_a, "Allyship journal.json");
  g_autoptr (GFile) markdown = g_file_get_child (home_a, "journal.md");
  g_autoptr (AllyJournal) a = open_in (home_a);
  g_autoptr (AllyJournal) b = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *text = NULL;
  Run run = { 0 };

  fill (a);
  dump_a = jt_dump_journal (a);
  g_clear_object (&a); /* the program refuses a journal another copy has open */

  run_allyship (home_a, &run, "--export", g_file_peek_path (export), NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "Journal exported\n");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_allyship (home_b, &run, "--import", g_file_peek_path (export), NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "4 added.\n");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run_allyship (home_b, &run, "--import", g_file_peek_path (export), NULL);
  g_assert_cmpstr (run.out, ==, "4 already here.\n");
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  b = open_in (home_b);
  dump_b = jt_dump_journal (b);
  g_assert_cmpstr (dump_a, ==, dump_b);
  g_clear_object (&b);

  run_allyship (home_b, &run, "--export", g_file_peek_path (markdown), NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_true (g_file_load_contents (markdown, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "\n## Listening \\# 1\n"));
  g_assert_nonnull (strstr (text, "I let them \\*finish\\*."));
  /* The lesson by the course's title, not its id. */
  g_assert_nonnull (strstr (text, "\nLesson: How to use this course\n"));

  jt_remove_tree (home_a);
  jt_remove_tree (home_b);
}

static void
test_bad_file_fails (void)
{
  g_autoptr (GFile) home = jt_make_tmp_dir ();
  g_autoptr (GFile) bad = g_file_get_child (home, "bad.json");
  g_autoptr (GFile) wrong = g_file_get_child (home, "journal.txt");
  const char *text = "{\"format\":\"allyship-journal\",\"version\":2,\"entries\":[{\"uid\":7}]}";
  Run run = { 0 };

  g_assert_true (g_file_replace_contents (bad, text, strlen (text), NULL, FALSE, 0, NULL, NULL,
                                          NULL));
  run_allyship (home, &run, "--import", g_file_peek_path (bad), NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "This file cannot be imported, nothing was changed: “uid” of "
                                "entry 1 is not text.\n");
  run_clear (&run);

  run_allyship (home, &run, "--export", g_file_peek_path (wrong), NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ".json"));
  g_assert_false (g_file_query_exists (wrong, NULL));
  run_clear (&run);
  jt_remove_tree (home);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/journal/cli/round-trip", test_round_trip);
  g_test_add_func ("/journal/cli/bad-file-fails", test_bad_file_fails);
  return g_test_run ();
}
