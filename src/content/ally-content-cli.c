/* ally-content-cli.c: --validate-content and --list-lessons, without GTK.
 * Output is UTF-8 as in the content (printf, not g_print, which would turn it into "?"
 * under the C locale). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-content-parser.h"

#include <stdio.h>

int
ally_content_cli_validate (const char *dir)
{
  g_autoptr(AllyContentSet) set = ally_content_set_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *locales = NULL;

  g_return_val_if_fail (dir != NULL, 1);

  file = g_file_new_for_commandline_arg (dir);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *shown = ally_content_display_name (dir);

      fprintf (stderr, "%s:1: %s\n", shown, _("not a folder"));
      return 1;
    }

  ally_content_set_read_directory (set, file);
  if (!ally_content_set_finish (set))
    {
      for (guint i = 0; i < set->problems->len; i++)
        fprintf (stderr, "%s\n", ((GError *) set->problems->pdata[i])->message);
      return 1;
    }

  locales = g_strjoinv (", ", set->locales);
  /* Translators: counts of each kind of course item, then the list of language codes. */
  printf (_("content OK: %u lessons, %u terms, %u sources, %u questions, %u scenarios, "
            "%u prompts, %u locales (%s)\n"),
           set->lessons->len, set->terms->len, set->sources->len, set->n_questions,
           set->n_scenarios, set->n_prompts, g_strv_length (set->locales), locales);
  return 0;
}

int
ally_content_cli_list_lessons (const char *content_dir_or_null,
                               const char *language_or_null)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  GListModel *lessons;
  gboolean ok;

  if (language_or_null != NULL)
    {
      const char * const languages[] = { language_or_null, NULL };
      ally_catalog_set_languages (catalog, languages);
    }

  if (content_dir_or_null != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_commandline_arg (content_dir_or_null);
      ok = ally_catalog_load_directory (catalog, dir, &error);
    }
  else
    ok = ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error);

  if (!ok)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  lessons = ally_catalog_get_lessons (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
      printf ("%s\t%s\n", ally_lesson_get_id (lesson), ally_lesson_get_title (lesson));
    }

  return 0;
}
