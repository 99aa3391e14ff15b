/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-merge.c: merges a 100,000-entry export (or the count given) into a journal of as
 * many entries, half of them the same (of which half edited later in the file), as a
 * person moving between two computers would, and prints "BENCH <name> <value> <unit>":
 * the time, the peak memory of the merge, and the file's size. The journal is made by a
 * child process first, so that the peak is the merge's own. "--sync" uses the blocking
 * call; the app uses the asynchronous one. Nothing here asserts a timing. */
#include <stdio.h>
#include <sys/resource.h>

#include "ally-journal.h"
#include "journal-test-util.h"

typedef struct
{
  gboolean          done;
  gboolean          ok;
  AllyImportResult  result;
  GError           *error;
} Run;

/* Entries @first to @first + @n - 1, streamed so that making the file costs almost no
 * memory; an entry whose number is a multiple of @newer_every is edited a day later. */
static void
write_export (GFile *file,
              guint  first,
              guint  n,
              guint  newer_every)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                      NULL, &error);
  g_autoptr (GString) chunk = g_string_new ("{\"format\": \"allyship-journal\", \"version\": 2,"
                                            "\n  \"entries\": [\n");

  g_assert_no_error (error);
  for (guint i = first; i < first + n; i++)
    {
      gboolean newer = newer_every > 0 && i % newer_every == 0;

      g_string_append_printf (chunk,
                              "%s    {\"uid\":\"%032x\",\"created\":\"2024-03-01T09:30:00Z\","
                              "\"updated\":\"2024-03-0%dT18:00:00Z\",\"title\":\"Entry %u\","
                              "\"body\":\"I noticed how often I finish other people's sentences,"
                              " and today I waited. It felt uncomfortable, then better.\","
                              "\"lesson_id\":\"what-allyship-is\",\"prompt_id\":null,"
                              "\"tags\":[\"listening\",\"habits\"]}\n",
                              i > first ? "," : "", i + 1, newer ? 3 : 2, i + 1);
      if (chunk->len > 1 << 20 || i + 1 == first + n)
        {
          g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk->str,
                                                    chunk->len, NULL, NULL, &error));
          g_string_truncate (chunk, 0);
        }
    }
  g_string_append (chunk, "  ],\n  \"commitments\": [],\n  \"deleted\": []\n}\n");
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk->str, chunk->len,
                                            NULL, NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
}

/* The child: a journal in @dir holding entries 0 to @n - 1. */
static int
make_journal (const char *dir,
              guint       n)
{
  g_autoptr (GFile) data_dir = g_file_new_for_path (dir);
  g_autoptr (GFile) file = g_file_get_child (data_dir, "start.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = NULL;

  write_export (file, 0, n, 0);
  journal = ally_journal_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (ally_journal_import_json (journal, file, 0, NULL, &error));
  g_assert_no_error (error);
  g_file_delete (file, NULL, NULL);
  return 0;
}

static void
on_merged_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;

  run->ok = ally_journal_import_json_finish (ALLY_JOURNAL (object), result, &run->result,
                                             &run->error);
  run->done = TRUE;
}

/* Processor time (user and system) of this process: on a busy machine, a steadier figure
 * than the wall clock. */
static double
cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (int   argc,
      char *argv[])
{
  gboolean sync = argc > 1 && g_str_equal (argv[argc - 1], "--sync");
  guint n = argc > 1 && g_ascii_isdigit (argv[1][0]) ? (guint) g_ascii_strtoull (argv[1], NULL, 10)
                                                     : 100000;
  g_autoptr (GFile) dir = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (AllyJournal) journal = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  const char *child_argv[] = { argv[0], "--make-journal", NULL, NULL, NULL };
  g_autofree char *count = NULL;
  int status;
  long before_kib;
  gint64 start, elapsed;
  double cpu_start;
  Run run = { 0 };

  if (argc == 4 && g_str_equal (argv[1], "--make-journal"))
    return make_journal (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));

  dir = jt_make_tmp_dir ();
  count = g_strdup_printf ("%u", n);
  child_argv[2] = g_file_peek_path (dir);
  child_argv[3] = count;
  g_assert_true (g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Half the file is new, half already there; of those, half edited later in the file. */
  file = g_file_get_child (dir, "merge.json");
  write_export (file, n / 2, n, 2);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  g_assert_no_error (error);
  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);

  before_kib = peak_rss_kib ();
  start = g_get_monotonic_time ();
  cpu_start = cpu_s ();
  if (sync)
    run.ok = ally_journal_import_json (journal, file, 0, &run.result, &run.error);
  else
    {
      ally_journal_import_json_async (journal, file, 0, NULL, NULL, NULL, on_merged_cb, &run);
      while (!run.done)
        g_main_context_iteration (NULL, TRUE);
    }
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.result.added, ==, n - n / 2);
  g_assert_cmpuint (run.result.updated + run.result.unchanged, ==, n / 2);
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, n + n - n / 2);

  name = n == 100000 ? g_strdup ("merge_100k") : g_strdup_printf ("merge_%u", n);
  printf ("# %u entries into %u: %u added, %u updated, %u already here (%s)\n", n, n,
          run.result.added, run.result.updated, run.result.unchanged,
          sync ? "blocking" : "asynchronous, as the app");
  printf ("BENCH %s_ms %.0f ms\n", name, elapsed / 1000.0);
  printf ("BENCH %s_cpu_s %.2f s\n", name, cpu_s () - cpu_start);
  printf ("BENCH %s_peak_rss_mb %.1f MB\n", name, peak_rss_kib () / 1024.0);
  printf ("BENCH %s_rss_before_mb %.1f MB\n", name, before_kib / 1024.0);
  printf ("BENCH %s_file_mb %.1f MB\n", name, g_file_info_get_size (info) / 1048576.0);

  g_clear_object (&journal);
  jt_remove_tree (dir);
  return 0;
}
