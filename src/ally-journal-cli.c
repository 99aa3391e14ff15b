/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-cli.c: the journal's export and import from the command line, for scripts
 * and scheduled backups: the same files and the same messages as the app's, the result on
 * standard output, problems on standard error, exit status 0 or 1. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-course-titles.h"
#include "ally-journal-cli.h"
#include "ally-journal.h"

static AllyJournal *
open_journal (void)
{
  g_autoptr(GFile) data_dir = ally_journal_default_data_dir ();
  g_autoptr(GError) error = NULL;
  AllyJournal *journal = ally_journal_open (data_dir, &error);

  if (journal == NULL)
    g_printerr ("%s\n", error->message);
  return journal;
}

/**
 * ally_journal_cli_export:
 * @catalog_or_null: the course, for the Markdown document's lesson titles
 *
 * Writes the journal to @path: a JSON export (version 2) for a name ending in .json, a
 * Markdown document for one ending in .md.
 */
int
ally_journal_cli_export (const char  *path,
                         AllyCatalog *catalog_or_null)
{
  g_autoptr(AllyJournal) journal = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  gboolean markdown = g_str_has_suffix (path, ".md");
  gboolean ok;

  if (!markdown && !g_str_has_suffix (path, ".json"))
    {
      g_printerr ("%s\n", _("Give the file a name that ends in .json (everything, to import "
                            "again) or .md (a document to read)."));
      return 1;
    }
  journal = open_journal ();
  if (journal == NULL)
    return 1;
  if (markdown)
    ok = ally_journal_export_markdown (journal, file, ALLY_MARKDOWN_SINGLE_FILE,
                                       ally_course_title, catalog_or_null, &error);
  else
    ok = ally_journal_export_json (journal, file, &error);
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", _("Journal exported"));
  return 0;
}

/**
 * ally_journal_cli_import:
 *
 * Merges the export at @path into the journal and prints what it did.
 */
int
ally_journal_cli_import (const char *path,
                         gboolean    restore_deleted)
{
  g_autoptr(AllyJournal) journal = open_journal ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;
  AllyImportResult result = { 0 };

  if (journal == NULL)
    return 1;
  if (!ally_journal_import_json (journal, file,
                                 restore_deleted ? ALLY_IMPORT_RESTORE_DELETED : 0,
                                 &result, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  said = ally_import_result_describe (&result);
  g_print ("%s\n", said);
  if (result.not_restored > 0)
    /* Translators: after an import's result on the command line; %s is the file's name as
       given. Keep “allyship --import” and “--restore-deleted” as they are. */
    g_print (ngettext ("To bring it back as in the file, run: allyship --import %s --restore-deleted\n",
                       "To bring them back as in the file, run: allyship --import %s --restore-deleted\n",
                       result.not_restored), path);
  return 0;
}
