/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-content.c: BENCH content_load_ms — read, parse, validate and build the models of
 * the whole course the way the app does: English and the one language it shows (a course
 * built with languages/LL/), or every language in the files (an older course); median of 20.
 * BENCH content_peak_rss_mb: the process's peak resident memory after those loads.
 * Usage: bench-content [--language LL] [DIR…]: the first DIR with content; with none, the
 * compiled-in resource.  Without --language, every locale is shown once in turn.
 *
 * bench-content --hostile GOOD-DIR: BENCH hostile_*_ms — loading a copy of the good
 * fixture course with one hostile lesson, generated here (the inputs of issue 9, each
 * under the 2 MiB cap): 150,000 attributes on one element, 180,000 <em> or 60,000
 * <term ref> in one paragraph, the slowest shape still within the limits, a FIFO and a
 * link to /dev/zero as lesson files; median of 3. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "ally-content.h"

#define RUNS 20

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static gboolean
load_once (const char  *dir,
           const char  *language,
           guint       *n_lessons,
           guint       *n_locales)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  const char * const *locales;
  const char * const wanted[] = { language, NULL };
  gboolean ok;

  if (language != NULL)
    ally_catalog_set_languages (catalog, wanted);

  if (dir != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (dir);
      ok = ally_catalog_load_directory (catalog, file, &error);
    }
  else
    ok = ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error);

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  locales = ally_catalog_get_locales (catalog);
  for (guint i = 0; language == NULL && locales[i] != NULL; i++)
    {
      const char * const languages[] = { locales[i], NULL };
      ally_catalog_set_languages (catalog, languages);
    }

  *n_lessons = g_list_model_get_n_items (ally_catalog_get_lessons (catalog));
  *n_locales = g_strv_length ((char **) locales);
  return TRUE;
}


/* ---- hostile inputs ------------------------------------------------------------------- */

#define HOSTILE_RUNS 3

static void
copy_tree (GFile *from,
           GFile *to)
{
  g_autoptr(GFileEnumerator) e = g_file_enumerate_children (from, "standard::name,standard::type", 0, NULL, NULL);
  GFileInfo *info;

  g_file_make_directory_with_parents (to, NULL, NULL);
  while (e != NULL && (info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) src = g_file_get_child (from, g_file_info_get_name (info));
      g_autoptr(GFile) dst = g_file_get_child (to, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        copy_tree (src, dst);
      else
        g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
      g_object_unref (info);
    }
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) e = g_file_enumerate_children (file, "standard::name", G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (e != NULL && (info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static void
write_attributes (GString *body)
{
  g_string_append (body, "<p");
  for (guint i = 0; i < 150000; i++)
    g_string_append_printf (body, " a%u=\"\"", i);
  g_string_append (body, ">x</p>");
}

static void
write_em (GString *body)
{
  g_string_append (body, "<p>");
  for (guint i = 0; i < 180000; i++)
    g_string_append (body, "<em>x</em>");
  g_string_append (body, "</p>");
}

static void
write_term_refs (GString *body)
{
  g_string_append (body, "<p>");
  for (guint i = 0; i < 60000; i++)
    g_string_append (body, "<term ref=\"privilege\">x</term>");
  g_string_append (body, "</p>");
}

/* The slowest accepted shape found: lists of 1,000 items up to the element limit. */
static void
write_within_limits (GString *body)
{
  for (guint i = 0; i < 19; i++)
    {
      g_string_append (body, "<list>");
      for (guint j = 0; j < 1000; j++)
        g_string_append (body, "<item>x</item>");
      g_string_append (body, "</list>");
    }
}

typedef struct
{
  const char *name;
  void      (*write) (GString *body);   /* into lesson 01, or NULL: */
  const char *link_to;                  /* lessons/04-hostile.xml.in is a link to this, */
  gboolean    fifo;                     /* or a FIFO */
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "attributes", write_attributes, NULL, FALSE },
  { "em", write_em, NULL, FALSE },
  { "term_refs", write_term_refs, NULL, FALSE },
  { "within_limits", write_within_limits, NULL, FALSE },
  { "fifo", NULL, NULL, TRUE },
  { "dev_zero", NULL, "/dev/zero", FALSE },
};

static gboolean
make_hostile (const HostileCase *hostile,
              const char        *dir)
{
  g_autofree char *lesson_path = g_build_filename (dir, "lessons", "01-basics.xml.in", NULL);
  g_autofree char *extra_path = g_build_filename (dir, "lessons", "04-hostile.xml.in", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) lesson = g_string_new (NULL);
  const char *anchor = "<heading>A working definition</heading>";
  const char *at;

  if (hostile->fifo)
    return mkfifo (extra_path, 0600) == 0;
  if (hostile->link_to != NULL)
    return symlink (hostile->link_to, extra_path) == 0;

  if (!g_file_get_contents (lesson_path, &contents, NULL, NULL) ||
      (at = strstr (contents, anchor)) == NULL)
    return FALSE;

  g_string_append_len (lesson, contents, at - contents + strlen (anchor));
  hostile->write (lesson);
  g_string_append (lesson, at + strlen (anchor));
  g_print ("# %s: lesson of %" G_GSIZE_FORMAT " bytes\n", hostile->name, lesson->len);
  return g_file_set_contents (lesson_path, lesson->str, lesson->len, NULL);
}

static int
bench_hostile (const char *good)
{
  g_autoptr(GFile) from = g_file_new_for_path (good);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      const HostileCase *hostile = &hostile_cases[i];
      g_autofree char *dir = g_dir_make_tmp ("allyship-bench-XXXXXX", NULL);
      g_autoptr(GFile) root = NULL;
      double times[HOSTILE_RUNS];

      if (dir == NULL)
        return 1;
      root = g_file_new_for_path (dir);
      copy_tree (from, root);
      if (!make_hostile (hostile, dir))
        {
          g_printerr ("cannot write the %s case in %s\n", hostile->name, dir);
          remove_tree (root);
          return 1;
        }

      for (guint run = 0; run < HOSTILE_RUNS; run++)
        {
          g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
          g_autoptr(GError) error = NULL;
          gint64 start = g_get_monotonic_time ();

          ally_catalog_load_directory (catalog, root, &error);
          times[run] = (g_get_monotonic_time () - start) / 1000.0;
          if (run == 0)
            g_print ("# %s: %s\n", hostile->name, error ? error->message : "loaded");
        }

      remove_tree (root);
      qsort (times, HOSTILE_RUNS, sizeof (double), compare_doubles);
      g_print ("BENCH hostile_%s_ms %.2f ms\n", hostile->name, times[HOSTILE_RUNS / 2]);
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = NULL;
  const char *language = NULL;
  double times[RUNS];
  guint n_lessons = 0, n_locales = 0;
  struct rusage usage;
  int first = 1;

  if (argc == 3 && strcmp (argv[1], "--hostile") == 0)
    return bench_hostile (argv[2]);

  if (argc >= 3 && strcmp (argv[1], "--language") == 0)
    {
      language = argv[2];
      first = 3;
    }

  for (int i = first; i < argc && dir == NULL; i++)
    {
      g_autofree char *lessons = g_build_filename (argv[i], "lessons", NULL);

      if (g_file_test (lessons, G_FILE_TEST_IS_DIR))
        dir = argv[i];
    }

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!load_once (dir, language, &n_lessons, &n_locales))
        return 1;
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, RUNS, sizeof (double), compare_doubles);
  g_print ("# loaded %s: %u lessons, %u locales; min %.2f ms, max %.2f ms\n",
           dir ? dir : "the compiled-in resource", n_lessons, n_locales, times[0], times[RUNS - 1]);
  g_print ("BENCH content_load_ms %.2f ms\n", (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("BENCH content_peak_rss_mb %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
