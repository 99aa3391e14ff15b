/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import.c: imports a generated JSON export (100,000 entries, or the count given as
 * the first argument) into an empty journal and prints "BENCH <name> <value> <unit>" lines:
 * the time (and processor time; and the time from the start of writing, as the progress
 * tells it), the process's peak memory, and the longest time the main loop went without
 * running (what a person would see as a frozen window). "--sync" uses the blocking call.
 * Nothing here asserts a timing. */
#include <stdio.h>
#include <sys/resource.h>

#include "ally-journal.h"
#include "journal-test-util.h"

typedef struct
{
  GMainLoop *loop;
  gint64     last_tick;
  gint64     max_stall;
  gint64     write_start;
  gboolean   done;
  gboolean   ok;
  AllyImportResult result;
  GError    *error;
} Run;

/* Streams the file so that making it costs almost no memory of its own. */
static void
write_export (GFile *file,
              guint  n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                      NULL, &error);
  g_autoptr (GString) chunk = g_string_new ("{\"format\": \"allyship-journal\", \"version\": 1,"
                                            " \"entries\": [\n");

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (chunk,
                              "%s{\"uid\": \"%032x\", \"created\": \"2024-03-01T09:30:00Z\","
                              " \"updated\": \"2024-03-02T18:00:00Z\", \"title\": \"Entry %u\","
                              " \"body\": \"I noticed how often I finish other people's sentences,"
                              " and today I waited. It felt uncomfortable, then better.\","
                              " \"lesson_id\": \"lesson-01\", \"prompt_id\": null,"
                              " \"tags\": [\"listening\", \"habits\"]}\n",
                              i ? "," : "", i + 1, i + 1);
      if (chunk->len > 1 << 20 || i + 1 == n)
        {
          g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk->str,
                                                    chunk->len, NULL, NULL, &error));
          g_string_truncate (chunk, 0);
        }
    }
  g_string_append (chunk, "]}\n");
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk->str, chunk->len,
                                            NULL, NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
}

static gboolean
tick_cb (gpointer user_data)
{
  Run *run = user_data;
  gint64 now = g_get_monotonic_time ();

  run->max_stall = MAX (run->max_stall, now - run->last_tick);
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

/* Checking the file takes the first half of the progress, writing it the second. */
static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  Run *run = user_data;

  if (fraction >= 0.5 && run->write_start == 0)
    run->write_start = g_get_monotonic_time ();
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;

  run->ok = ally_journal_import_json_finish (ALLY_JOURNAL (object), result, &run->result,
                                             &run->error);
  run->done = TRUE;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* Processor time (user and system) of the whole process: on a busy machine, a steadier
 * figure than the wall clock. */
static double
cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  gboolean sync = argc > 1 && g_str_equal (argv[argc - 1], "--sync");
  guint n = argc > 1 && !g_str_equal (argv[1], "--sync") ? (guint) g_ascii_strtoull (argv[1], NULL, 10)
                                                          : 100000;
  const char *label = n % 1000000 == 0 ? "m" : "k";
  guint scaled = n % 1000000 == 0 ? n / 1000000 : n / 1000;
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) source = g_file_get_child (dir, "export.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = NULL;
  Run run = { 0 };
  long rss_before;
  double cpu_before;
  gint64 start;

  write_export (source, n);
  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  rss_before = peak_rss_kib ();

  cpu_before = cpu_s ();
  start = g_get_monotonic_time ();
  if (sync)
    {
      run.ok = ally_journal_import_json (journal, source, 0, &run.result, &run.error);
      run.max_stall = g_get_monotonic_time () - start;
    }
  else
    {
      guint tick = g_timeout_add (5, tick_cb, &run);

      run.last_tick = start;
      ally_journal_import_json_async (journal, source, 0, NULL, on_progress_cb, &run,
                                      on_imported_cb, &run);
      while (!run.done)
        g_main_context_iteration (NULL, TRUE);
      tick_cb (&run); /* the last stretch, up to the result, counts too */
      g_source_remove (tick);
    }
  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  g_assert_cmpuint (run.result.added, ==, n);

  printf ("BENCH import_%u%s_entries_s %.2f s\n", scaled, label,
          (g_get_monotonic_time () - start) / 1e6);
  printf ("BENCH import_%u%s_cpu_s %.2f s\n", scaled, label, cpu_s () - cpu_before);
  if (run.write_start != 0)
    printf ("BENCH import_%u%s_write_s %.2f s\n", scaled, label,
            (g_get_monotonic_time () - run.write_start) / 1e6);
  printf ("BENCH import_%u%s_peak_rss_mib %.0f MiB\n", scaled, label, peak_rss_kib () / 1024.0);
  printf ("BENCH import_%u%s_main_loop_max_stall_ms %.0f ms\n", scaled, label,
          run.max_stall / 1000.0);
  g_print ("# %s import; peak before importing %.0f MiB\n", sync ? "blocking" : "async",
           rss_before / 1024.0);
  g_clear_object (&journal);
  jt_remove_tree (dir);
  return 0;
}
