/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-overview.c: how long the overview's journal call (ally_journal_get_overview) takes
 * on a 100,000-entry journal with a year of study (make-bench-journal --year-of-study):
 * prints "BENCH overview_ms" for the first call after opening and the median of 20 more.
 * The goal is under 50 ms. Usage: bench-overview MAKE_BENCH_JOURNAL [N] */
#include <stdlib.h>

#include "ally-journal.h"
#include "ally-journal-overview.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
time_overview (AllyJournal *journal)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AllyJournalOverview) overview = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Five weeks of calendar, as the overview page asks for. */
  overview = ally_journal_get_overview (journal, now, 35, &error);
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("allyship-bench-overview-XXXXXX", NULL);
  g_autoptr(GFile) data_dir = g_file_new_build_filename (home, "allyship", NULL);
  const char *n = argc > 2 ? argv[2] : "100000";
  const char *make_argv[] = { argv[1], home, n, "--year-of-study", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(AllyJournal) journal = NULL;
  g_autofree char *rm = NULL;
  double runs[20];
  int status = 0;

  if (argc < 2)
    {
      g_printerr ("Usage: %s MAKE_BENCH_JOURNAL [N]\n", argv[0]);
      return 2;
    }

  g_assert_true (g_spawn_sync (NULL, (char **) make_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  journal = ally_journal_open (data_dir, &error);
  g_assert_no_error (error);
  g_print ("BENCH overview_first_ms %.2f ms\n", time_overview (journal));
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    runs[i] = time_overview (journal);
  qsort (runs, G_N_ELEMENTS (runs), sizeof (double), compare_doubles);
  g_print ("BENCH overview_ms %.2f ms\n", runs[G_N_ELEMENTS (runs) / 2]);
  g_print ("BENCH overview_max_ms %.2f ms\n", runs[G_N_ELEMENTS (runs) - 1]);

  g_clear_object (&journal);
  rm = g_strdup_printf ("rm -rf '%s'", home);
  return system (rm) == 0 ? 0 : 1;
}
