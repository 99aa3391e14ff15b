/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal-crash-helper.c: saves journal entries in a loop for the crash test, printing
 * "<id> <title>" (and flushing) only after each save has returned successfully.
 *   journal-crash-helper DATA-DIR SEED [lock | lock-after N]
 * "lock" turns the journal lock on first (or unlocks it); "lock-after N" saves N entries,
 * prints "turning-on", turns the lock on and prints "locked", then saves on. */
#include <stdio.h>
#include <stdlib.h>

#include "ally-journal-crypto.h"
#include "ally-journal-lock.h"
#include "journal-crash-text.h"

#define CRASH_PASSPHRASE "crash test passphrase"

static gboolean
save_one (AllyJournal  *journal,
          guint         seed,
          guint         i,
          GError      **error)
{
  g_autofree char *title = g_strdup_printf ("crash %u-%u", seed, i);
  g_autofree char *body = jc_body_for_title (title);
  g_autoptr (AllyEntry) entry = ally_entry_new ();
  const char *tags[] = { "crash", (i % 2) ? "odd" : "even", NULL };
  gint64 id;

  ally_entry_set_title (entry, title);
  ally_entry_set_body (entry, body);
  ally_entry_set_tags (entry, tags);
  id = ally_journal_save_entry (journal, entry, error);
  if (id == 0)
    return FALSE;
  printf ("%" G_GINT64_FORMAT " %s\n", id, title);
  fflush (stdout);
  return TRUE;
}

static gboolean
lock_or_unlock (AllyJournal  *journal,
                GError      **error)
{
  g_autofree char *recovery = NULL;

  if (ally_journal_is_lock_on (journal))
    return ally_journal_unlock (journal, CRASH_PASSPHRASE, error);
  printf ("turning-on\n");
  fflush (stdout);
  recovery = ally_journal_turn_lock_on (journal, CRASH_PASSPHRASE, error);
  if (recovery == NULL)
    return FALSE;
  printf ("locked\n");
  fflush (stdout);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GFile) dir = NULL;
  g_autoptr (AllyJournal) journal = NULL;
  g_autoptr (GError) error = NULL;
  const char *mode = argc > 3 ? argv[3] : NULL;
  guint lock_after = 0;
  guint seed;

  if (argc < 3 || (mode && g_strcmp0 (mode, "lock") != 0 && g_strcmp0 (mode, "lock-after") != 0) ||
      (g_strcmp0 (mode, "lock-after") == 0 && argc != 5))
    {
      g_printerr ("usage: %s DATA-DIR SEED [lock | lock-after N]\n", argv[0]);
      return 2;
    }
  ally_journal_crypto_set_fast_kdf_for_testing (TRUE);
  dir = g_file_new_for_commandline_arg (argv[1]);
  seed = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (g_strcmp0 (mode, "lock-after") == 0)
    lock_after = (guint) g_ascii_strtoull (argv[4], NULL, 10);
  journal = ally_journal_open (dir, &error);
  if (journal == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (g_strcmp0 (mode, "lock") == 0 && !lock_or_unlock (journal, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < 1000000; i++)
    {
      if (lock_after > 0 && i == lock_after && !lock_or_unlock (journal, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (!save_one (journal, seed, i, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  return 0;
}
