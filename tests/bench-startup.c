/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-startup.c: times allyship's start against a bare libadwaita window's first paint, in
 * alternating pairs, each run with a fresh temporary data folder: the first frame, and the
 * time to content (the lesson a person will read laid out and painted) for a first start, a
 * returning learner resuming the longest lesson, and one with 100,000 journal entries; plus
 * the longest main-loop stall in the first 3 s and each other area's first showing
 * (src/ally-startup-probe.c reports them), and opening the longest lesson afterwards: until
 * its first screenful and its whole page are painted, and the longest main-loop stall
 * meanwhile. Given the languages benchmark's script, also the time to content with the course
 * in 30 languages (shown in French) beside the same course in its 2. And the floor: the
 * same first screen built in the fewest plain widgets (tests/floor-window.c), against the
 * same bare window. Nothing here asserts a timing. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

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

/* Copies the data folder @from (a tree of folders and files) into @to. */
static void
copy_tree (GFile *from,
           GFile *to)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (from, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;
  GFile *child;

  g_file_make_directory_with_parents (to, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) target = g_file_get_child (to, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        copy_tree (child, target);
      else
        g_file_copy (child, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
}

/* Shared by every run (app and bare window alike), so neither pays for compiling shaders. */
static char *shader_cache;

typedef struct
{
  double first_ms;     /* MAPPED or CONTENT */
  double stall_ms;     /* STALL, or -1 */
  double area_ms[3];   /* AREA glossary, journal, practice, or -1 */
  double area_cpu_ms[3]; /* the main thread's processor time for each of those, or -1 */
  double lesson_ms[3]; /* LESSON first screenful, whole page, longest stall, or -1 */
} Run;

/* Starts @program (with @argument, if any) with a fresh data folder (a copy of @data, if
 * any) and ALLY_STARTUP_PROBE set to @probe, and the course from @content_dir (in French) if
 * not NULL; reads what it reports until it quits. FALSE when it failed. */
static gboolean
run_once (const char *program,
          const char *argument,
          const char *probe,
          GFile      *data,
          const char *content_dir,
          Run        *run)
{
  static const char *areas[] = { "glossary", "journal", "practice" };
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("ally-bench-startup-XXXXXX", &error);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  char *line;
  gint64 start;

  g_assert_no_error (error);
  if (data != NULL)
    {
      g_autoptr(GFile) to = g_file_new_for_path (tmp);
      copy_tree (data, to);
    }
  *run = (Run) { -1, -1, { -1, -1, -1 }, { -1, -1, -1 }, { -1, -1, -1 } };
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", tmp, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", tmp, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", tmp, TRUE);
  g_subprocess_launcher_setenv (launcher, "ALLY_STARTUP_PROBE", probe, TRUE);
  /* Shaders compiled once stay compiled, as on a person's machine (the cache is not theirs). */
  g_subprocess_launcher_setenv (launcher, "MESA_SHADER_CACHE_DIR", shader_cache, TRUE);

  if (content_dir != NULL)
    g_subprocess_launcher_setenv (launcher, "LANGUAGE", "fr", TRUE);

  g_ptr_array_add (args, (char *) program);
  if (argument != NULL)
    g_ptr_array_add (args, (char *) argument);
  if (content_dir != NULL)
    {
      g_ptr_array_add (args, "--content-dir");
      g_ptr_array_add (args, (char *) content_dir);
    }
  g_ptr_array_add (args, NULL);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  if (process == NULL)
    {
      g_printerr ("Could not start %s: %s\n", program, error->message);
      return FALSE;
    }

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line (output, NULL, NULL, NULL)) != NULL)
    {
      double elapsed = (g_get_monotonic_time () - start) / 1000.0;

      if (g_str_equal (line, "MAPPED") || g_str_equal (line, "CONTENT"))
        run->first_ms = elapsed;
      else if (g_str_has_prefix (line, "STALL "))
        run->stall_ms = g_ascii_strtod (line + 6, NULL);
      else if (g_str_has_prefix (line, "LESSON "))
        {
          char *at = line + 7;

          for (guint k = 0; k < 3; k++)
            run->lesson_ms[k] = g_ascii_strtod (at, &at);
        }
      else
        for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
          {
            g_autofree char *prefix = g_strdup_printf ("AREA %s ", areas[a]);
            if (g_str_has_prefix (line, prefix))
              {
                char *at = line + strlen (prefix);

                run->area_ms[a] = g_ascii_strtod (at, &at);
                run->area_cpu_ms[a] = g_ascii_strtod (at, NULL);
              }
          }
      g_free (line);
    }

  g_subprocess_wait (process, NULL, NULL);
  delete_tree (g_file_new_for_path (tmp));

  return run->first_ms >= 0;
}

/* @n alternating pairs of the app (with @app_argument, if any; probe @probe, data @data) and
 * a reference, usually the bare window (with @bare_argument, if any); prints each pair and
 * returns the medians. FALSE when a run failed. */
static gboolean
measure (const char *app,
         const char *app_argument,
         const char *bare,
         const char *bare_argument,
         const char *probe,
         GFile      *data,
         const char *content_dir,
         guint       n,
         double     *out_app_ms,
         double     *out_bare_ms,
         double     *out_ratio,
         Run        *out_median)
{
  g_autofree double *app_ms = g_new0 (double, n);
  g_autofree double *bare_ms = g_new0 (double, n);
  g_autofree double *ratios = g_new0 (double, n);
  g_autofree double *stalls = g_new0 (double, n);
  g_autofree double *areas = g_new0 (double, 3 * n);
  g_autofree double *area_cpus = g_new0 (double, 3 * n);
  g_autofree double *lessons = g_new0 (double, 3 * n);
  g_autofree char *app_name = g_path_get_basename (app);
  g_autofree char *bare_name = g_path_get_basename (bare);

  for (guint i = 0; i < n; i++)
    {
      Run a, b;
      /* Alternate which goes first so neither always gets the warmer machine. */
      gboolean ok = i % 2 == 0 ? run_once (bare, bare_argument, "1", NULL, NULL, &b) &&
                                 run_once (app, app_argument, probe, data, content_dir, &a)
                               : run_once (app, app_argument, probe, data, content_dir, &a) &&
                                 run_once (bare, bare_argument, "1", NULL, NULL, &b);

      if (!ok)
        {
          g_printerr ("A start-up run did not report %s\n", probe);
          return FALSE;
        }
      app_ms[i] = a.first_ms;
      bare_ms[i] = b.first_ms;
      ratios[i] = a.first_ms / b.first_ms;
      stalls[i] = a.stall_ms;
      for (guint k = 0; k < 3; k++)
        {
          areas[k * n + i] = a.area_ms[k];
          area_cpus[k * n + i] = a.area_cpu_ms[k];
          lessons[k * n + i] = a.lesson_ms[k];
        }
      g_print ("  %s %u: %s %.1f ms, %s %.1f ms", probe, i + 1, app_name, a.first_ms,
               bare_name, b.first_ms);
      if (a.stall_ms >= 0)
        g_print (", longest stall %.1f ms, areas %.1f / %.1f / %.1f ms, longest lesson %.1f / %.1f ms (stall %.1f ms)",
                 a.stall_ms, a.area_ms[0], a.area_ms[1], a.area_ms[2],
                 a.lesson_ms[0], a.lesson_ms[1], a.lesson_ms[2]);
      g_print ("\n");
    }
  *out_app_ms = median (app_ms, n);
  *out_bare_ms = median (bare_ms, n);
  *out_ratio = median (ratios, n);
  if (out_median != NULL)
    {
      out_median->stall_ms = median (stalls, n);
      for (guint k = 0; k < 3; k++)
        {
          out_median->area_ms[k] = median (areas + k * n, n);
          out_median->area_cpu_ms[k] = median (area_cpus + k * n, n);
          out_median->lesson_ms[k] = median (lessons + k * n, n);
        }
    }
  return TRUE;
}

/* Makes a returning learner's data folder with @n_entries journal entries and the longest
 * lesson to resume, with @maker (tests/make-bench-journal). */
static GFile *
make_data (const char *maker,
           guint       n_entries)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ally-bench-data-XXXXXX", &error);
  g_autofree char *count = g_strdup_printf ("%u", n_entries);
  g_autoptr(GSubprocess) process = NULL;

  g_assert_no_error (error);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, maker, dir, count, "--resume-longest", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  return g_file_new_for_path (dir);
}

/* Builds the course with @n_languages languages into a new folder, with the languages
 * benchmark's script (tests/content/bench-languages --build-tree); NULL when it failed. */
static char *
make_course (const char *script,
             const char *source_root,
             const char *its_dir,
             guint       n_languages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ally-bench-course-XXXXXX", &error);
  g_autofree char *tree = g_build_filename (dir, "course", NULL);
  g_autofree char *count = g_strdup_printf ("%u", n_languages);
  g_autoptr(GSubprocess) process = NULL;

  g_assert_no_error (error);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, script, "--build-tree", tree,
                              source_root, its_dir, count, NULL);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    {
      g_printerr ("Could not build the course in %u languages: %s\n", n_languages, error->message);
      return NULL;
    }
  return g_steal_pointer (&dir);
}

/* Time to content with the course in 2 and in 30 languages, from folders, shown in French. */
static gboolean
measure_languages (const char *app,
                   const char *bare,
                   const char *script,
                   const char *source_root,
                   const char *its_dir)
{
  static const guint counts[] = { 2, 30 };

  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      g_autofree char *dir = make_course (script, source_root, its_dir, counts[k]);
      g_autofree char *tree = dir ? g_build_filename (dir, "course", NULL) : NULL;
      double app_ms, bare_ms, ratio;
      gboolean ok;

      if (dir == NULL)
        return FALSE;
      ok = measure (app, NULL, bare, NULL, "content", NULL, tree, 5, &app_ms, &bare_ms, &ratio, NULL);
      delete_tree (g_file_new_for_path (dir));
      if (!ok)
        return FALSE;
      g_print ("BENCH time_to_content_%u_languages_ms %.1f ms\n", counts[k], app_ms);
      g_print ("BENCH time_to_content_%u_languages_ratio %.2f x\n", counts[k], ratio);
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  static const char *area_names[] = { "glossary", "journal", "practice" };
  const char *app, *bare, *floor_window, *lessons_dir, *maker;
  double app_ms, bare_ms, ratio, floor_ms, floor_ratio;
  Run first = { 0 }, again = { 0 };
  g_autoptr(GFile) returning = NULL;
  g_autoptr(GFile) big = NULL;

  if (argc != 6 && argc != 9)
    {
      g_printerr ("Usage: %s ALLYSHIP BARE-WINDOW FLOOR-WINDOW LESSONS-DIR MAKE-BENCH-JOURNAL "
                  "[BENCH-LANGUAGES SOURCE-ROOT ITS-DIR]\n", argv[0]);
      return 2;
    }
  app = argv[1], bare = argv[2], floor_window = argv[3], lessons_dir = argv[4], maker = argv[5];
  shader_cache = g_dir_make_tmp ("ally-bench-shaders-XXXXXX", NULL);

  /* One unmeasured run of each warms the disk cache and fontconfig's cache. */
  {
    Run warm;
    run_once (app, NULL, "content", NULL, NULL, &warm);
    run_once (bare, NULL, "1", NULL, NULL, &warm);
    run_once (floor_window, lessons_dir, "1", NULL, NULL, &warm);
  }

  /* The window's first frame (what the benchmark measured before time to content). */
  if (!measure (app, NULL, bare, NULL, "1", NULL, NULL, N_PAIRS, &app_ms, &bare_ms, &ratio, NULL))
    return 1;
  g_print ("BENCH startup_ms %.1f ms\n", app_ms);
  g_print ("BENCH bare_window_ms %.1f ms\n", bare_ms);
  g_print ("BENCH startup_ratio %.2f x\n", ratio);

  /* Time to content: a first start, a returning learner, and one with 100,000 journal
   * entries. */
  if (!measure (app, NULL, bare, NULL, "content", NULL, NULL, N_PAIRS, &app_ms, &bare_ms, &ratio, &first))
    return 1;
  g_print ("BENCH time_to_content_ms %.1f ms\n", app_ms);
  g_print ("BENCH time_to_content_ratio %.2f x\n", ratio);

  /* The floor: the same first screen in the fewest plain widgets, with no app code
   * (tests/floor-window.c). Beyond the bare window is GTK's cost for this screen; what the
   * app takes beyond the floor is its own. */
  if (!measure (floor_window, lessons_dir, bare, NULL, "1", NULL, NULL, N_PAIRS, &floor_ms, &bare_ms,
                &floor_ratio, NULL))
    return 1;
  g_print ("BENCH floor_window_ms %.1f ms\n", floor_ms);
  g_print ("BENCH floor_window_ratio %.2f x\n", floor_ratio);
  /* And the app against the floor, in pairs of their own. */
  if (!measure (app, NULL, floor_window, lessons_dir, "content", NULL, NULL, N_PAIRS, &app_ms,
                &floor_ms, &ratio, NULL))
    return 1;
  g_print ("BENCH time_to_content_over_floor_ratio %.2f x\n", ratio);
  g_print ("BENCH longest_stall_first_3s_ms %.1f ms\n", first.stall_ms);
  for (guint k = 0; k < 3; k++)
    {
      g_print ("BENCH first_show_%s_ms %.1f ms\n", area_names[k], first.area_ms[k]);
      g_print ("BENCH first_show_%s_main_thread_cpu_ms %.1f ms\n", area_names[k],
               first.area_cpu_ms[k]);
    }
  g_print ("BENCH open_longest_lesson_first_screen_ms %.1f ms\n", first.lesson_ms[0]);
  g_print ("BENCH open_longest_lesson_whole_page_ms %.1f ms\n", first.lesson_ms[1]);
  g_print ("BENCH open_longest_lesson_longest_stall_ms %.1f ms\n", first.lesson_ms[2]);

  /* A returning learner lands on the overview; opening the longest lesson then goes back to
   * its saved place: shown there first, then the page above it comes in, held still. */
  returning = make_data (maker, 20);
  if (!measure (app, NULL, bare, NULL, "content", returning, NULL, N_PAIRS, &app_ms, &bare_ms, &ratio, &again))
    return 1;
  g_print ("BENCH time_to_content_returning_ms %.1f ms\n", app_ms);
  g_print ("BENCH time_to_content_returning_ratio %.2f x\n", ratio);
  g_print ("BENCH continue_longest_lesson_first_screen_ms %.1f ms\n", again.lesson_ms[0]);
  g_print ("BENCH continue_longest_lesson_at_saved_place_ms %.1f ms\n", again.lesson_ms[1]);
  g_print ("BENCH continue_longest_lesson_longest_stall_ms %.1f ms\n", again.lesson_ms[2]);

  big = make_data (maker, 100000);
  if (!measure (app, NULL, bare, NULL, "content", big, NULL, 5, &app_ms, &bare_ms, &ratio, NULL))
    return 1;
  g_print ("BENCH time_to_content_100k_entries_ms %.1f ms\n", app_ms);
  g_print ("BENCH time_to_content_100k_entries_ratio %.2f x\n", ratio);

  /* With the course in 30 languages, the app still reads only English and the one shown. */
  if (argc == 9 && !measure_languages (app, bare, argv[6], argv[7], argv[8]))
    return 1;

  delete_tree (g_object_ref (returning));
  delete_tree (g_object_ref (big));
  delete_tree (g_file_new_for_path (shader_cache));
  return 0;
}
