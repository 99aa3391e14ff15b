/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-journal.c: measures the journal on a generated 100,000-entry journal and prints
 * "BENCH <name> <value> <unit>" lines. Goals: open + first page ≤ 50 ms (the warm open,
 * after a clean close the same day; the checked open is reported beside it), search ≤ 5 ms,
 * save ≤ 2 ms; scrolling the whole list never holds more than the cache window.
 * ALLY_BENCH_ENTRIES overrides the size, ALLY_BENCH_KEEP=1 keeps the journal. Nothing here asserts a timing. */
#include <stdio.h>
#include <stdlib.h>

#include "ally-entry-list.h"
#include "ally-entry-private.h"
#include "ally-journal-private.h"
#include "journal-test-util.h"

static const char *words[] = {
  "I", "the", "and", "to", "a", "was", "it", "that", "my", "of", "in", "me", "they", "we",
  "felt", "said", "listen", "listened", "noticed", "meeting", "colleague", "friend", "family",
  "privilege", "ally", "allyship", "bias", "assumption", "interrupted", "voice", "space",
  "learn", "learning", "uncomfortable", "mistake", "apology", "apologized", "question",
  "asked", "story", "experience", "power", "access", "accessible", "pronouns", "name",
  "language", "culture", "neighbour", "school", "work", "manager", "team", "credit", "idea",
  "amplify", "amplified", "support", "center", "decentre", "defensive", "curious", "today",
  "yesterday", "again", "next", "time", "better", "harder", "easier", "quiet", "loud", "class",
  "race", "gender", "disability", "age", "religion", "accent", "wheelchair", "ramp", "joke",
  "laughed", "didn't", "should", "could", "would", "read", "book", "article", "podcast",
  "donated", "volunteered", "commitment", "promise", "follow", "through", "repair", "harm",
  "impact", "intent", "performative", "genuine", "solidarity", "community", "organizer",
  "protest", "petition", "vote", "representative", "equity", "equality", "justice", "fair",
  "unfair", "invisible", "visible", "advantage", "barrier", "door", "open", "closed", "table",
  "seat", "microaggression", "stereotype", "tokenism", "emotional", "labour", "rest", "care",
};

static const char *tags[] = {
  "work", "family", "friends", "listening", "mistakes", "reading", "school", "community",
  "commitments", "reflection", "meetings", "online", "language", "money", "health", "travel",
  "neighbours", "volunteering", "news", "gratitude",
};

/* Zipf-like: low indexes (common words) are picked far more often. */
static const char *
pick_word (GRand *rand)
{
  double r = g_rand_double (rand);

  return words[(guint) (r * r * r * G_N_ELEMENTS (words))];
}

static char *
make_text (GRand *rand,
           guint  min_words,
           guint  max_words)
{
  guint n = g_rand_int_range (rand, min_words, max_words + 1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_string_append (text, pick_word (rand));
      g_string_append (text, (i % 17 == 16) ? ".\n" : " ");
    }
  return g_string_free (text, FALSE);
}

static AllyEntry *
make_entry (GRand *rand,
            gint64 created_unix)
{
  g_autoptr (AllyEntry) entry = ally_entry_new ();
  g_autofree char *title = make_text (rand, 2, 8);
  g_autofree char *body = make_text (rand, 20, 260);
  const char *entry_tags[4] = { NULL };
  guint n_tags = g_rand_int_range (rand, 0, 4);
  g_autoptr (GDateTime) created = g_date_time_new_from_unix_utc (created_unix);
  g_autoptr (GDateTime) updated = g_date_time_add_seconds (created,
                                                           g_rand_int_range (rand, 0, 86400));

  for (guint i = 0; i < n_tags; i++)
    entry_tags[i] = tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))];
  ally_entry_set_title (entry, title);
  ally_entry_set_body (entry, body);
  ally_entry_set_tags (entry, entry_tags);
  ally_entry_set_created (entry, created);
  ally_entry_set_updated (entry, updated);
  if (g_rand_int_range (rand, 0, 3) == 0)
    ally_entry_set_lesson_id (entry, "lesson-03");
  return g_steal_pointer (&entry);
}

/* One transaction and the journal's own prepared statements: the real write path. */
static void
generate (GFile *dir,
          guint  n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = ally_journal_open (dir, &error);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240301);
  gint64 start = 1577836800; /* 2020-01-01 */

  g_assert_no_error (error);
  g_assert_true (ally_journal_begin (journal, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AllyEntry) entry = make_entry (rand, start + (gint64) i * 1500);
      gint64 id;
      g_assert_true (ally_journal_insert_entry_row (journal, entry, &id, &error));
    }
  g_assert_true (ally_journal_commit (journal, &error));
  g_assert_true (ally_journal_exec (journal, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
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

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
touch_first_page (AllyEntryList *list)
{
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), ALLY_ENTRY_LIST_PAGE_SIZE);

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
}

/* Median of 7 opens showing the first page. @checked: each open is made to run the full
 * check (its clean-close record removed, as after a crash); otherwise each open follows a
 * clean close the same day, the normal case, and must skip it. */
static double
time_open (GFile    *dir,
           gboolean  checked)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GFile) record = g_file_get_child (dir, "allyship.db" ALLY_JOURNAL_CLEAN_SUFFIX);

  for (guint run = 0; run < 7; run++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AllyJournal) journal = NULL;
      g_autoptr (AllyEntryList) list = NULL;
      gint64 start;
      double ms;

      if (checked)
        g_file_delete (record, NULL, NULL);
      start = g_get_monotonic_time ();
      journal = ally_journal_open (dir, &error);
      g_assert_no_error (error);
      list = ally_entry_list_new_all (journal);
      touch_first_page (list);
      ms = ms_since (start);
      g_assert_true (ally_journal_get_checked_at_open (journal) == checked);
      g_array_append_val (samples, ms);
    }
  return median (samples);
}

static void
bench_open (GFile *dir)
{
  printf ("BENCH journal_open_first_page_ms %.2f ms\n", time_open (dir, FALSE));
  printf ("BENCH journal_open_checked_first_page_ms %.2f ms\n", time_open (dir, TRUE));
}

/* The part of opening that checks every page (PRAGMA quick_check), on its own. */
static void
bench_quick_check (GFile *dir)
{
  g_autoptr (GFile) file = g_file_get_child (dir, "allyship.db");
  gint64 start = g_get_monotonic_time ();
  g_autofree char *result = jt_db_pragma (file, "quick_check");

  g_assert_cmpstr (result, ==, "ok");
  printf ("BENCH journal_quick_check_ms %.2f ms\n", ms_since (start));
}

/* The first open of a day runs the full check and writes the daily backup (a full copy). */
static void
bench_open_with_backup (GFile *dir)
{
  g_autoptr (GPtrArray) backups = ally_journal_list_backups (dir, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyJournal) journal = NULL;
  gint64 start;

  for (guint i = 0; i < backups->len; i++)
    g_file_delete (g_ptr_array_index (backups, i), NULL, NULL);
  start = g_get_monotonic_time ();
  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  printf ("BENCH journal_open_with_daily_backup_ms %.2f ms\n", ms_since (start));
}

static void
bench_search (AllyJournal *journal)
{
  const char *queries[] = {
    "listen", "privilege", "wheelchair ramp", "microaggression", "amplif", "meeting credit",
    "performative", "tokenism", "apolog", "neighbour", "emotional labour", "\"pronouns",
    "gratitude", "volunteer", "repair harm", "accent joke", "no-such-word", "petit",
    "solidarity community", "c",
  };
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (AllyEntryList) list = ally_entry_list_new_for_search (journal, queries[i]);
      double ms;

      touch_first_page (list);
      ms = ms_since (start);
      g_array_append_val (samples, ms);
      g_print ("# search %-22s %6u hits %8.2f ms\n", queries[i],
               g_list_model_get_n_items (G_LIST_MODEL (list)), ms);
    }
  printf ("BENCH journal_search_ms %.2f ms\n", median (samples));
}

static void
bench_tag (AllyJournal *journal)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (AllyEntryList) list = ally_entry_list_new_for_tag (journal, tags[i]);
      double ms;

      touch_first_page (list);
      ms = ms_since (start);
      g_array_append_val (samples, ms);
    }
  printf ("BENCH journal_tag_first_page_ms %.2f ms\n", median (samples));
}

static void
bench_save (AllyJournal *journal)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr (AllyEntry) entry = make_entry (rand, 1700000000);
      g_autoptr (GError) error = NULL;
      gint64 start;
      double ms;

      /* Saved as new entries: the journal sets created/updated itself. */
      ally_entry_set_created (entry, NULL);
      ally_entry_set_updated (entry, NULL);
      start = g_get_monotonic_time ();
      g_assert_cmpint (ally_journal_save_entry (journal, entry, &error), >, 0);
      ms = ms_since (start);
      g_array_append_val (samples, ms);
    }
  printf ("BENCH journal_save_ms %.2f ms\n", median (samples));
}

static void
bench_scroll (AllyJournal *journal)
{
  g_autoptr (AllyEntryList) list = ally_entry_list_new_all (journal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gint64 start = g_get_monotonic_time ();
  guint window = ALLY_ENTRY_LIST_PAGE_SIZE * ALLY_ENTRY_LIST_MAX_PAGES;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AllyEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_nonnull (entry);
    }
  printf ("BENCH journal_scroll_all_ms %.2f ms\n", ms_since (start));
  printf ("BENCH journal_scroll_peak_cached_items %u items\n",
          ally_entry_list_get_peak_cached_items (list));
  g_print ("# walked %u entries; cache window %u entries\n", n, window);
  g_assert_cmpuint (ally_entry_list_get_peak_cached_items (list), <=, window);
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("ALLY_BENCH_ENTRIES");
  guint n = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 100000;
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  generate (dir, n);
  g_print ("# generated %u entries in %.0f ms\n", n, ms_since (start));
  bench_open (dir);
  bench_quick_check (dir);
  bench_open_with_backup (dir);
  journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  bench_search (journal);
  bench_tag (journal);
  bench_save (journal);
  bench_scroll (journal);
  g_clear_object (&journal);
  if (g_getenv ("ALLY_BENCH_KEEP"))
    g_print ("# kept %s\n", g_file_peek_path (dir));
  else
    jt_remove_tree (dir);
  return 0;
}
