/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-lock.c: the journal lock on generated journals of 1,000, 10,000 and 100,000 entries
 * (or the sizes given as arguments). Prints "BENCH <name> <value> <unit>" lines: turning the
 * lock on, unlocking (key derivation with the real Argon2id limits, then the in-memory search
 * index ready), saving with encryption (goal under 2 ms) and searching after unlock (goal:
 * as with the lock off, journal_search_ms in bench-journal). Nothing here asserts a timing. */
#include <stdio.h>
#include <stdlib.h>

#include "ally-entry-list.h"
#include "ally-journal-crypto.h"
#include "ally-journal-lock.h"
#include "ally-journal-private.h"
#include "journal-test-util.h"

#define PASSPHRASE "a bench passphrase"

static const char *words[] = {
  "I", "the", "and", "to", "a", "was", "it", "that", "my", "of", "in", "me", "they", "we",
  "felt", "said", "listen", "listened", "noticed", "meeting", "colleague", "friend", "family",
  "privilege", "ally", "allyship", "bias", "assumption", "interrupted", "voice", "space",
  "learn", "uncomfortable", "mistake", "apology", "question", "story", "power", "access",
  "pronouns", "name", "language", "culture", "school", "work", "manager", "team", "credit",
  "amplify", "support", "defensive", "curious", "today", "again", "better", "quiet", "class",
  "wheelchair", "ramp", "joke", "commitment", "repair", "harm", "impact", "solidarity",
  "community", "equity", "justice", "barrier", "microaggression", "tokenism", "emotional",
  "labour", "gratitude", "neighbour", "volunteer",
};

static const char *tags[] = { "work", "family", "friends", "listening", "mistakes", "reading" };

static const char *queries[] = {
  "listen", "privilege", "wheelchair ramp", "microaggression", "amplif", "meeting credit",
  "tokenism", "apolog", "neighbour", "emotional labour", "gratitude", "no-such-word",
};

static char *
make_text (GRand *rand,
           guint  min_words,
           guint  max_words)
{
  guint n = g_rand_int_range (rand, min_words, max_words + 1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      double r = g_rand_double (rand);

      g_string_append (text, words[(guint) (r * r * r * G_N_ELEMENTS (words))]);
      g_string_append_c (text, ' ');
    }
  return g_string_free (text, FALSE);
}

static AllyEntry *
make_entry (GRand *rand)
{
  AllyEntry *entry = ally_entry_new ();
  g_autofree char *title = make_text (rand, 2, 8);
  g_autofree char *body = make_text (rand, 20, 260);
  const char *entry_tags[] = { tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))], NULL };

  ally_entry_set_title (entry, title);
  ally_entry_set_body (entry, body);
  ally_entry_set_tags (entry, entry_tags);
  return entry;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

/* @n entries in one transaction, through the journal's own write path. */
static AllyJournal *
generate (GFile *dir,
          guint  n)
{
  g_autoptr (GError) error = NULL;
  AllyJournal *journal = ally_journal_open (dir, &error);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240301);

  g_assert_no_error (error);
  g_assert_true (ally_journal_begin (journal, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AllyEntry) entry = make_entry (rand);
      gint64 id;
      g_assert_true (ally_journal_insert_entry_row (journal, entry, &id, &error));
    }
  g_assert_true (ally_journal_commit (journal, &error));
  return journal;
}

static void
wait_for_search (AllyJournal *journal)
{
  while (!ally_journal_is_search_ready (journal))
    g_main_context_iteration (NULL, TRUE);
}

static double
search_median (AllyJournal *journal)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (AllyEntryList) list = ally_entry_list_new_for_search (journal, queries[i]);
      guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), ALLY_ENTRY_LIST_PAGE_SIZE);
      double ms;

      for (guint k = 0; k < n; k++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), k));
      ms = ms_since (start);
      g_array_append_val (samples, ms);
    }
  return median (samples);
}

static double
save_median (AllyJournal *journal)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr (AllyEntry) entry = make_entry (rand);
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_assert_cmpint (ally_journal_save_entry (journal, entry, &error), >, 0);
      ms = ms_since (start);
      g_array_append_val (samples, ms);
    }
  return median (samples);
}

static void
bench_size (guint n)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = generate (dir, n);
  g_autoptr (GError) error = NULL;
  g_autofree char *recovery = NULL;
  double plain_search = search_median (journal);
  double plain_save = save_median (journal);
  gint64 start;
  double kdf_ms;

  /* For comparison, under the same load: the on-disk index of the plain journal rebuilt. */
  start = g_get_monotonic_time ();
  g_assert_true (ally_journal_exec (journal, "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')",
                                    &error));
  printf ("BENCH plain_index_rebuild_ms_%u %.1f ms\n", n, ms_since (start));

  start = g_get_monotonic_time ();
  recovery = ally_journal_turn_lock_on (journal, PASSPHRASE, &error);
  g_assert_no_error (error);
  printf ("BENCH lock_turn_on_ms_%u %.1f ms\n", n, ms_since (start));
  g_clear_object (&journal);

  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_true (ally_journal_unlock (journal, PASSPHRASE, &error));
  kdf_ms = ms_since (start);
  wait_for_search (journal);
  printf ("BENCH lock_unlock_ms_%u %.1f ms\n", n, ms_since (start));
  printf ("BENCH lock_unlock_kdf_ms_%u %.1f ms\n", n, kdf_ms);
  printf ("BENCH lock_unlock_index_ms_%u %.1f ms\n", n, ms_since (start) - kdf_ms);
  printf ("BENCH lock_search_ms_%u %.2f ms\n", n, search_median (journal));
  printf ("BENCH plain_search_ms_%u %.2f ms\n", n, plain_search);
  printf ("BENCH lock_save_ms_%u %.2f ms\n", n, save_median (journal));
  printf ("BENCH plain_save_ms_%u %.2f ms\n", n, plain_save);
  fflush (stdout);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  guint sizes[] = { 1000, 10000, 100000 };

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        bench_size ((guint) g_ascii_strtoull (argv[i], NULL, 10));
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench_size (sizes[i]);
  return 0;
}
