/* bench-startup.c: times spawn-to-first-frame of allyship against a bare libadwaita window,
 * in alternating pairs, each run with a fresh temporary data folder. */
#include <gio/gio.h>
#include <glib/gstdio.h>

#define N_PAIRS 9

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

/* Removes @file and everything under it; takes ownership of @file. */
static void
delete_tree (GFile *file)
{
  g_autoptr(GFile) owned = file;
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (owned, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    delete_tree (g_object_ref (child));

  g_file_delete (owned, NULL, NULL);
}

/* Starts @program with a fresh data folder and returns the milliseconds until it reports its
 * first frame, or a negative number when it fails. */
static double
time_to_first_frame (const char *program)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("ally-bench-startup-XXXXXX", &error);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;
  gint64 start;
  double elapsed;

  g_assert_no_error (error);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", tmp, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", tmp, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", tmp, TRUE);
  g_subprocess_launcher_setenv (launcher, "ALLY_STARTUP_PROBE", "1", TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, program, NULL);
  if (process == NULL)
    {
      g_printerr ("Could not start %s: %s\n", program, error->message);
      return -1;
    }

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line (output, NULL, NULL, NULL)) != NULL)
    {
      if (g_str_equal (line, "MAPPED"))
        break;
      g_clear_pointer (&line, g_free);
    }
  elapsed = (g_get_monotonic_time () - start) / 1000.0;

  g_subprocess_wait (process, NULL, NULL);
  delete_tree (g_file_new_for_path (tmp));

  return line != NULL ? elapsed : -1;
}

int
main (int   argc,
      char *argv[])
{
  double app_ms[N_PAIRS], bare_ms[N_PAIRS], ratios[N_PAIRS];

  if (argc != 3)
    {
      g_printerr ("Usage: %s ALLYSHIP BARE-WINDOW\n", argv[0]);
      return 2;
    }

  /* One unmeasured run of each warms the disk cache and fontconfig's cache. */
  time_to_first_frame (argv[1]);
  time_to_first_frame (argv[2]);

  for (guint i = 0; i < N_PAIRS; i++)
    {
      /* Alternate which goes first so neither always gets the warmer machine. */
      if (i % 2 == 0)
        {
          bare_ms[i] = time_to_first_frame (argv[2]);
          app_ms[i] = time_to_first_frame (argv[1]);
        }
      else
        {
          app_ms[i] = time_to_first_frame (argv[1]);
          bare_ms[i] = time_to_first_frame (argv[2]);
        }

      if (app_ms[i] < 0 || bare_ms[i] < 0)
        {
          g_printerr ("A start-up run did not reach its first frame\n");
          return 1;
        }
      ratios[i] = app_ms[i] / bare_ms[i];
      g_print ("pair %u: allyship %.1f ms, bare window %.1f ms\n", i + 1, app_ms[i], bare_ms[i]);
    }

  g_print ("BENCH startup_ms %.1f ms\n", median (app_ms, N_PAIRS));
  g_print ("BENCH bare_window_ms %.1f ms\n", median (bare_ms, N_PAIRS));
  g_print ("BENCH startup_ratio %.2f x\n", median (ratios, N_PAIRS));

  return 0;
}
