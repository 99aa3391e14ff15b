/* journal-crash-helper.c: saves journal entries in a loop for the crash test, printing
 * "<id> <title>" (and flushing) only after each save has returned successfully. */
#include <stdio.h>
#include <stdlib.h>

#include "ally-journal.h"
#include "journal-crash-text.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GFile) dir = NULL;
  g_autoptr (AllyJournal) journal = NULL;
  g_autoptr (GError) error = NULL;
  guint seed;

  if (argc != 3)
    {
      g_printerr ("usage: %s DATA-DIR SEED\n", argv[0]);
      return 2;
    }
  dir = g_file_new_for_commandline_arg (argv[1]);
  seed = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  journal = ally_journal_open (dir, &error);
  if (journal == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < 1000000; i++)
    {
      g_autofree char *title = g_strdup_printf ("crash %u-%u", seed, i);
      g_autofree char *body = jc_body_for_title (title);
      g_autoptr (AllyEntry) entry = ally_entry_new ();
      const char *tags[] = { "crash", (i % 2) ? "odd" : "even", NULL };
      gint64 id;

      ally_entry_set_title (entry, title);
      ally_entry_set_body (entry, body);
      ally_entry_set_tags (entry, tags);
      id = ally_journal_save_entry (journal, entry, &error);
      if (id == 0)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%" G_GINT64_FORMAT " %s\n", id, title);
      fflush (stdout);
    }
  return 0;
}
