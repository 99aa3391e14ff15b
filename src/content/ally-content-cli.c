/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-cli.c: the text of --validate-content and --list-lessons, without GTK.
 * Nothing is printed here: the command line's owner prints it (see ally-content-cli.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-content-parser.h"

#include <stdlib.h>
#include <string.h>

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "content OK: 15 lessons, 53 terms, …": each count in the plural form it needs. */
static void
append_counts (GString        *report,
               AllyContentSet *set,
               guint           n_locales,
               const char     *locales)
{
  guint n_lessons = set->lessons->len, n_terms = set->terms->len, n_sources = set->sources->len;
  g_autofree char *lessons = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lesson", "%u lessons", n_lessons), n_lessons);
  g_autofree char *terms = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u term", "%u terms", n_terms), n_terms);
  g_autofree char *sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n_sources), n_sources);
  g_autofree char *questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                                             set->n_questions), set->n_questions);
  g_autofree char *scenarios = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u scenario", "%u scenarios",
                                                             set->n_scenarios), set->n_scenarios);
  g_autofree char *prompts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u prompt", "%u prompts",
                                                           set->n_prompts), set->n_prompts);
  g_autofree char *languages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u locale", "%u locales",
                                                             n_locales), n_locales);

  /* Translators: counts of each kind of course item ("15 lessons"), then the list of
     language codes. */
  g_string_append_printf (report, _("content OK: %s, %s, %s, %s, %s, %s, %s (%s)\n"),
                          lessons, terms, sources, questions, scenarios, prompts, languages, locales);
}

/* Checks the course in DIR; FALSE after adding its problems to REPORT, each file named
 * PREFIX and its name in DIR. */
static gboolean
validate_one (GFile          *dir,
              const char     *prefix,
              AllyContentSet *set,
              GString        *report)
{
  ally_content_set_read_directory (set, dir);
  if (ally_content_set_finish (set))
    return TRUE;

  for (guint i = 0; i < set->problems->len; i++)
    g_string_append_printf (report, "%s%s\n", prefix, ((GError *) set->problems->pdata[i])->message);
  return FALSE;
}

/* Checks the English course in DIR and each DIR/languages/LL/ (the course merged with LL),
 * every language in full. */
gboolean
ally_content_cli_validate (const char  *dir,
                           char       **out_report)
{
  g_autoptr(AllyContentSet) set = ally_content_set_new ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) languages_dir = NULL;
  g_autoptr(GFileEnumerator) languages = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) locales = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *sorted = NULL;
  g_autofree char *list = NULL;
  gboolean ok;
  GFileInfo *info;
  guint n_locales;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);

  file = g_file_new_for_commandline_arg (dir);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *shown = ally_content_display_name (dir);

      g_string_append_printf (report, "%s:1: %s\n", shown, _("not a folder"));
      *out_report = g_string_free (g_steal_pointer (&report), FALSE);
      return FALSE;
    }

  ok = validate_one (file, "", set, report);
  for (guint i = 0; ok && set->locales[i] != NULL; i++)
    g_hash_table_add (locales, set->locales[i]);

  languages_dir = g_file_get_child (file, ALLY_CONTENT_LANGUAGES_DIR);
  languages = g_file_enumerate_children (languages_dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                         G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                         G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (languages != NULL && (info = g_file_enumerator_next_file (languages, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(AllyContentSet) merged = ally_content_set_new ();
      g_autoptr(GFile) lang_dir = g_file_get_child (languages_dir, names->pdata[i]);
      g_autofree char *shown = ally_content_display_name (names->pdata[i]);
      g_autofree char *prefix = g_strdup_printf ("%s/%s/", ALLY_CONTENT_LANGUAGES_DIR, shown);

      if (!validate_one (lang_dir, prefix, merged, report))
        {
          ok = FALSE;
          continue;
        }
      g_hash_table_add (locales, names->pdata[i]);
    }

  if (!ok)
    {
      *out_report = g_string_free (g_steal_pointer (&report), FALSE);
      return FALSE;
    }

  /* "en" first, as the catalog lists them */
  g_hash_table_remove (locales, "en");
  sorted = g_hash_table_get_keys_as_array (locales, &n_locales);
  qsort (sorted, n_locales, sizeof (gpointer), compare_strings);
  sorted = g_renew (gpointer, sorted, n_locales + 2);
  memmove (sorted + 1, sorted, n_locales * sizeof (gpointer));
  sorted[0] = "en";
  sorted[++n_locales] = NULL;
  list = g_strjoinv (", ", (char **) sorted);
  append_counts (report, set, n_locales, list);
  *out_report = g_string_free (g_steal_pointer (&report), FALSE);
  return TRUE;
}

char *
ally_content_cli_list_lessons (const char  *content_dir_or_null,
                               const char  *language_or_null,
                               GError     **error)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GString) list = g_string_new (NULL);
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
      ok = ally_catalog_load_directory (catalog, dir, error);
    }
  else
    ok = ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, error);

  if (!ok)
    return NULL;

  lessons = ally_catalog_get_lessons (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);

      g_string_append_printf (list, "%s\t%s\n", ally_lesson_get_id (lesson), ally_lesson_get_title (lesson));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}
