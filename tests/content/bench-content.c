/* bench-content.c: BENCH content_load_ms — read, parse, validate and build the models of
 * the whole course with every locale, then resolve the text once per locale; median of 20.
 * Usage: bench-content [DIR…]: the first DIR with content (merged build dir or sources);
 * with none, the compiled-in resource. */
#include <stdlib.h>

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
           guint       *n_lessons,
           guint       *n_locales)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  const char * const *locales;
  gboolean ok;

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
  for (guint i = 0; locales[i] != NULL; i++)
    {
      const char * const languages[] = { locales[i], NULL };
      ally_catalog_set_languages (catalog, languages);
    }

  *n_lessons = g_list_model_get_n_items (ally_catalog_get_lessons (catalog));
  *n_locales = g_strv_length ((char **) locales);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = NULL;
  double times[RUNS];
  guint n_lessons = 0, n_locales = 0;

  for (int i = 1; i < argc && dir == NULL; i++)
    {
      g_autofree char *lessons = g_build_filename (argv[i], "lessons", NULL);

      if (g_file_test (lessons, G_FILE_TEST_IS_DIR))
        dir = argv[i];
    }

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!load_once (dir, &n_lessons, &n_locales))
        return 1;
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, RUNS, sizeof (double), compare_doubles);
  g_print ("# loaded %s: %u lessons, %u locales; min %.2f ms, max %.2f ms\n",
           dir ? dir : "the compiled-in resource", n_lessons, n_locales, times[0], times[RUNS - 1]);
  g_print ("BENCH content_load_ms %.2f ms\n", (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2);
  return 0;
}
