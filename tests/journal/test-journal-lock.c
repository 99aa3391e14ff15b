/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-lock.c: tests of the journal lock — the keys (ally-journal-crypto.c) and the
 * journal stored encrypted (ally-journal-lock.c). */
#define _GNU_SOURCE
#include <string.h>
#include <glib/gstdio.h>

#include "ally-entry-list.h"
#include "ally-journal-crypto.h"
#include "ally-journal-lock.h"
#include "ally-journal-progress.h"
#include "ally-journal-rescue.h"
#include "journal-test-util.h"

static AllyJournalCrypto *
new_key (void)
{
  g_autoptr (GError) error = NULL;
  AllyJournalCrypto *crypto = ally_journal_crypto_new_random (&error);

  g_assert_no_error (error);
  g_assert_nonnull (crypto);
  return crypto;
}

static GBytes *
seal (AllyJournalCrypto *crypto,
      const char        *text,
      const char        *row)
{
  g_autoptr (GError) error = NULL;
  GBytes *sealed = ally_journal_crypto_seal (crypto, text, "entries", "body", row, &error);

  g_assert_no_error (error);
  return sealed;
}

static char *
try_open (AllyJournalCrypto  *crypto,
          GBytes             *sealed,
          const char         *table,
          const char         *column,
          const char         *row,
          GError            **error)
{
  gsize len;
  gconstpointer data = g_bytes_get_data (sealed, &len);

  return ally_journal_crypto_open (crypto, data, len, table, column, row, error);
}

static void
test_seal_round_trip (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (GBytes) sealed = seal (crypto, "Ce que j’ai vu au travail", "uid-1");
  g_autoptr (GBytes) empty = seal (crypto, "", "uid-1");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = try_open (crypto, sealed, "entries", "body", "uid-1", &error);
  g_autofree char *nothing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Ce que j’ai vu au travail");
  /* The plaintext is nowhere in the sealed bytes. */
  g_assert_null (memmem (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed),
                         "travail", 7));
  nothing = try_open (crypto, empty, "entries", "body", "uid-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nothing, ==, "");
}

static void
test_seal_fresh_nonce (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (GBytes) a = seal (crypto, "same words", "uid-1");
  g_autoptr (GBytes) b = seal (crypto, "same words", "uid-1");

  g_assert_false (g_bytes_equal (a, b));
}

/* A sealed value moved to another row, column or table does not open. */
static void
test_seal_bound_to_place (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (GBytes) sealed = seal (crypto, "private", "uid-1");
  const char *places[][3] = {
    { "entries", "body", "uid-2" },
    { "entries", "title", "uid-1" },
    { "commitments", "body", "uid-1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = try_open (crypto, sealed, places[i][0], places[i][1],
                                        places[i][2], &error);
      g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_DAMAGED);
      g_assert_null (text);
    }
}

static void
test_seal_detects_change (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (GBytes) sealed = seal (crypto, "private", "uid-1");
  gsize len;
  g_autofree guint8 *bytes = g_bytes_unref_to_data (g_bytes_ref (sealed), &len);

  for (gsize i = 0; i < len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;

      bytes[i] ^= 0x01;
      text = ally_journal_crypto_open (crypto, bytes, len, "entries", "body", "uid-1", &error);
      g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_DAMAGED);
      g_assert_null (text);
      bytes[i] ^= 0x01;
    }
}

static void
test_wrong_key_cannot_open (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (AllyJournalCrypto) other = new_key ();
  g_autoptr (GBytes) sealed = seal (crypto, "private", "uid-1");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = try_open (other, sealed, "entries", "body", "uid-1", &error);

  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_DAMAGED);
  g_assert_null (text);
}

static void
test_passphrase_unwraps (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (GBytes) sealed = seal (crypto, "private", "uid-1");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) wrapped = ally_journal_crypto_wrap_passphrase (crypto, "café au lait", &error);
  g_autoptr (AllyJournalCrypto) unwrapped = NULL;
  g_autoptr (AllyJournalCrypto) wrong = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  /* The same passphrase typed with a combining accent (NFD) unlocks too. */
  unwrapped = ally_journal_crypto_unwrap_passphrase (wrapped, "cafe\xcc\x81 au lait", &error);
  g_assert_no_error (error);
  text = try_open (unwrapped, sealed, "entries", "body", "uid-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "private");

  wrong = ally_journal_crypto_unwrap_passphrase (wrapped, "cafe au lait", &error);
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_WRONG_PASSPHRASE);
  g_assert_null (wrong);
}

static void
test_passphrase_empty_refused (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) wrapped = ally_journal_crypto_wrap_passphrase (crypto, "", &error);

  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_FAILED);
  g_assert_null (wrapped);
}

/* A file whose wrapped key was changed (its limits raised to take hours, its salt or its
 * box edited) is refused as damaged, not run. */
static void
test_passphrase_blob_tampered (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) wrapped = ally_journal_crypto_wrap_passphrase (crypto, "secret", &error);
  gsize len;
  g_autofree guint8 *bytes = g_bytes_unref_to_data (g_bytes_ref (wrapped), &len);
  guint offsets[] = { 9, 17, 20, 60 };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autoptr (GBytes) changed = NULL;
      g_autoptr (AllyJournalCrypto) opened = NULL;

      bytes[offsets[i]] ^= 0x40;
      changed = g_bytes_new (bytes, len);
      opened = ally_journal_crypto_unwrap_passphrase (changed, "secret", &error);
      g_assert_null (opened);
      g_assert_true (g_error_matches (error, ALLY_JOURNAL_CRYPTO_ERROR,
                                      ALLY_JOURNAL_CRYPTO_ERROR_DAMAGED) ||
                     g_error_matches (error, ALLY_JOURNAL_CRYPTO_ERROR,
                                      ALLY_JOURNAL_CRYPTO_ERROR_WRONG_PASSPHRASE));
      g_clear_error (&error);
      bytes[offsets[i]] ^= 0x40;
    }
}

/* With libsodium's interactive limits, as a person's journal has them (slow: one run). */
static void
test_passphrase_real_limits (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) wrapped = NULL;
  g_autoptr (AllyJournalCrypto) unwrapped = NULL;

  ally_journal_crypto_set_fast_kdf_for_testing (FALSE);
  wrapped = ally_journal_crypto_wrap_passphrase (crypto, "secret", &error);
  ally_journal_crypto_set_fast_kdf_for_testing (TRUE);
  g_assert_no_error (error);
  unwrapped = ally_journal_crypto_unwrap_passphrase (wrapped, "secret", &error);
  g_assert_no_error (error);
  g_assert_nonnull (unwrapped);
}

static void
test_recovery_key_format (void)
{
  g_autofree char *key = ally_journal_crypto_new_recovery_key ();
  g_autofree char *other = ally_journal_crypto_new_recovery_key ();
  g_auto (GStrv) groups = g_strsplit (key, "-", -1);

  g_assert_cmpstr (key, !=, other);
  g_assert_cmpuint (g_strv_length (groups), ==, 13);
  for (guint i = 0; groups[i]; i++)
    {
      g_assert_cmpuint (strlen (groups[i]), ==, 4);
      for (const char *c = groups[i]; *c; c++)
        g_assert_nonnull (strchr ("0123456789ABCDEFGHJKMNPQRSTVWXYZ", *c));
    }
}

/* Written down and typed back in lower case, without dashes, O for 0: it still opens. */
static void
test_recovery_key_unwraps (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (GBytes) sealed = seal (crypto, "private", "uid-1");
  g_autofree char *key = ally_journal_crypto_new_recovery_key ();
  g_autofree char *typed = g_ascii_strdown (key, -1);
  g_autofree char *other_key = ally_journal_crypto_new_recovery_key ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) wrapped = ally_journal_crypto_wrap_recovery_key (crypto, key, &error);
  g_autoptr (AllyJournalCrypto) unwrapped = NULL;
  g_autoptr (AllyJournalCrypto) wrong = NULL;
  g_autofree char *text = NULL;
  GString *sloppy = g_string_new (NULL);

  g_assert_no_error (error);
  for (const char *c = typed; *c; c++)
    if (*c != '-')
      g_string_append_c (sloppy, *c == '0' ? 'o' : *c == '1' ? 'l' : *c);
  g_string_append (sloppy, "  ");
  unwrapped = ally_journal_crypto_unwrap_recovery_key (wrapped, sloppy->str, &error);
  g_string_free (sloppy, TRUE);
  g_assert_no_error (error);
  text = try_open (unwrapped, sealed, "entries", "body", "uid-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "private");

  wrong = ally_journal_crypto_unwrap_recovery_key (wrapped, other_key, &error);
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_WRONG_RECOVERY_KEY);
  g_assert_null (wrong);
}

static void
test_recovery_key_malformed (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autofree char *key = ally_journal_crypto_new_recovery_key ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) wrapped = ally_journal_crypto_wrap_recovery_key (crypto, key, &error);
  g_autofree char *short_key = g_strndup (key, strlen (key) - 1);
  g_autofree char *long_key = g_strconcat (key, "A", NULL);
  const char *bad[] = { "", short_key, long_key, "UUUU-UUUU", "not a key at all" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (AllyJournalCrypto) opened = ally_journal_crypto_unwrap_recovery_key (wrapped, bad[i], &error);
      g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_BAD_RECOVERY_KEY);
      g_assert_null (opened);
      g_clear_error (&error);
    }
}

static void
test_wipe (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (GBytes) sealed = seal (crypto, "private", "uid-1");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *token = NULL;

  g_assert_false (ally_journal_crypto_is_wiped (crypto));
  ally_journal_crypto_wipe (crypto);
  g_assert_true (ally_journal_crypto_is_wiped (crypto));
  text = try_open (crypto, sealed, "entries", "body", "uid-1", &error);
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_LOCKED);
  g_assert_null (text);
  g_clear_error (&error);
  again = ally_journal_crypto_seal (crypto, "x", "entries", "body", "uid-1", &error);
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_LOCKED);
  g_assert_null (again);
  token = ally_journal_crypto_tag_token (crypto, "work");
  g_assert_null (token);
}

static void
test_tag_token (void)
{
  g_autoptr (AllyJournalCrypto) crypto = new_key ();
  g_autoptr (AllyJournalCrypto) other = new_key ();
  g_autofree char *a = ally_journal_crypto_tag_token (crypto, "family");
  g_autofree char *b = ally_journal_crypto_tag_token (crypto, "family");
  g_autofree char *c = ally_journal_crypto_tag_token (crypto, "work");
  g_autofree char *d = ally_journal_crypto_tag_token (other, "family");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (a, !=, d);
  g_assert_cmpuint (strlen (a), ==, 32);
  g_assert_null (strstr (a, "family"));
}


/* The journal stored encrypted */

#define PASSPHRASE "correct horse battery staple"

/* Words that appear nowhere else: each must never be found in a file while the lock is on. */
static const char * const secret_words[] = {
  "Quokkaflux", "zanzibarite", "Marmalovely", "tagfamilysecret", "speakupmonday",
  "privilegeanswer", "Aftersavewords", "Editedlater",
};

/* One more word a test looks for, or NULL. */
static const char *secret_words_extra;

static void
save_secret_entries (AllyJournal *journal,
                     const char  *title,
                     const char  *body,
                     const char  *tag)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) entry = jt_entry_new (title, body, tag, NULL);

  g_assert_cmpint (ally_journal_save_entry (journal, entry, &error), >, 0);
  g_assert_no_error (error);
}

/* A journal with an entry of each kind of text, written before the lock is turned on. */
static AllyJournal *
open_with_plain_text (GFile *dir)
{
  g_autoptr (GError) error = NULL;
  AllyJournal *journal = ally_journal_open (dir, &error);

  g_assert_no_error (error);
  save_secret_entries (journal, "Quokkaflux at work", "The zanzibarite meeting", "tagfamilysecret");
  save_secret_entries (journal, "Marmalovely", "second body", NULL);
  g_assert_cmpint (ally_journal_add_commitment (journal, "I will speakupmonday", "lesson-01",
                                                NULL, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (ally_journal_set_power_map_answer (journal, "race", "my privilegeanswer", &error));
  g_assert_no_error (error);
  /* A backup holding all of it in plain text. */
  g_assert_true (ally_journal_backup_now (journal, &error));
  g_assert_no_error (error);
  return journal;
}

static void
wait_for_search (AllyJournal *journal)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!ally_journal_is_search_ready (journal) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ally_journal_is_search_ready (journal));
}

static char *
turn_on (AllyJournal *journal)
{
  g_autoptr (GError) error = NULL;
  char *recovery = ally_journal_turn_lock_on (journal, PASSPHRASE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (recovery);
  g_assert_true (ally_journal_is_lock_on (journal));
  g_assert_true (ally_journal_is_unlocked (journal));
  /* The search index is built in a thread with a connection of its own: a test that closes
   * the journal and opens it again at once must not meet that connection's lock. */
  wait_for_search (journal);
  return recovery;
}


/* Every regular file under @dir (the database, its -wal and -shm, backups, records). */
static void
list_files (const char *dir,
            GPtrArray  *out)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (path, out);
      else
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
}

/* Asserts that no secret word is in any file under @dir; returns how many files it read. */
static guint
assert_no_plain_text (GFile *dir)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  gboolean saw_backup = FALSE;

  list_files (g_file_peek_path (dir), files);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      saw_backup |= strstr (path, "backup") != NULL;
      for (guint w = 0; w < G_N_ELEMENTS (secret_words); w++)
        if (memmem (data, len, secret_words[w], strlen (secret_words[w])) != NULL)
          g_error ("“%s” is in %s in plain text", secret_words[w], path);
      if (secret_words_extra != NULL &&
          memmem (data, len, secret_words_extra, strlen (secret_words_extra)) != NULL)
        g_error ("“%s” is in %s in plain text", secret_words_extra, path);
    }
  g_assert_true (saw_backup);
  return files->len;
}

static void
test_store_no_plain_text (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_with_plain_text (dir);
  g_autofree char *recovery = NULL;
  g_autoptr (AllyEntry) edited = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = g_strconcat (g_file_peek_path (ally_journal_get_file (journal)), "-wal", NULL);
  GStatBuf st;

  recovery = turn_on (journal);
  /* Written with the lock on: a new entry, and an edit. */
  save_secret_entries (journal, "Aftersavewords", "more", "tagfamilysecret");
  edited = ally_journal_get_entry (journal, 2, &error);
  g_assert_no_error (error);
  ally_entry_set_body (edited, "Editedlater body");
  g_assert_cmpint (ally_journal_save_entry (journal, edited, &error), ==, 2);
  g_assert_no_error (error);

  /* While open: the WAL holds the last saves. */
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
  g_assert_cmpuint (assert_no_plain_text (dir), >=, 4);
  g_clear_object (&journal);
  /* Closed (checkpointed into the database file). */
  assert_no_plain_text (dir);
  jt_remove_tree (dir);
}

/* Hashes of every file under @dir, by path. */
static GHashTable *
hash_files (GFile *dir)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  GHashTable *hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  list_files (g_file_peek_path (dir), files);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      g_hash_table_insert (hashes, g_strdup (g_ptr_array_index (files, i)),
                           jt_checksum_file (file));
    }
  return hashes;
}

static void
assert_same_files (GHashTable *before,
                   GHashTable *after)
{
  GHashTableIter iter;
  gpointer path, hash;

  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &path, &hash))
    g_assert_cmpstr (g_hash_table_lookup (after, path), ==, hash);
}

static void
on_unlocked (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (ally_journal_unlock_finish (ALLY_JOURNAL (object), result, error));
}

static AllyJournal *
reopen (GFile *dir)
{
  g_autoptr (GError) error = NULL;
  AllyJournal *journal = ally_journal_open (dir, &error);

  g_assert_no_error (error);
  return journal;
}

static void
test_store_wrong_passphrase_changes_nothing (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_with_plain_text (dir);
  g_autofree char *recovery = turn_on (journal);
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GHashTable) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) entry = NULL;
  gint64 start;

  g_clear_object (&journal);
  journal = reopen (dir);
  g_assert_true (ally_journal_is_lock_on (journal));
  g_assert_false (ally_journal_is_unlocked (journal));
  before = hash_files (dir);

  g_assert_false (ally_journal_unlock (journal, "wrong horse", &error));
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (ally_journal_unlock_with_recovery_key (journal, "0000-0000", &error));
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_BAD_RECOVERY_KEY);
  g_clear_error (&error);
  /* The asynchronous unlock (the window's) also waits about a second before saying so. */
  start = g_get_monotonic_time ();
  ally_journal_unlock_async (journal, "wrong again", FALSE, NULL, on_unlocked, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_WRONG_PASSPHRASE);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC * 9 / 10);
  g_clear_error (&error);

  g_assert_false (ally_journal_is_unlocked (journal));
  entry = ally_journal_get_entry (journal, 1, &error);
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_LOCKED);
  g_assert_null (entry);
  after = hash_files (dir);
  assert_same_files (before, after);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

/* Everything written before the lock, as it was. */
static void
assert_everything_kept (AllyJournal *journal)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntry) first = ally_journal_get_entry (journal, 1, &error);
  g_autoptr (AllyEntry) second = NULL;
  g_autoptr (GListModel) commitments = NULL;
  g_autoptr (AllyCommitment) commitment = NULL;
  g_autoptr (GHashTable) map = NULL;
  g_auto (GStrv) tags = NULL;
  g_autoptr (AllyEntryList) tagged = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ally_entry_get_title (first), ==, "Quokkaflux at work");
  g_assert_cmpstr (ally_entry_get_body (first), ==, "The zanzibarite meeting");
  g_assert_cmpstr (ally_entry_get_tags (first)[0], ==, "tagfamilysecret");
  second = ally_journal_get_entry (journal, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ally_entry_get_title (second), ==, "Marmalovely");
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, 2);

  tags = ally_journal_list_tags (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 1);
  g_assert_cmpstr (tags[0], ==, "tagfamilysecret");
  tagged = ally_entry_list_new_for_tag (journal, "tagfamilysecret");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tagged)), ==, 1);

  commitments = ally_journal_list_commitments (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (commitments), ==, 1);
  commitment = g_list_model_get_item (commitments, 0);
  g_assert_cmpstr (ally_commitment_get_text (commitment), ==, "I will speakupmonday");
  map = ally_journal_get_power_map (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (map, "race"), ==, "my privilegeanswer");
}

static guint
search_count (AllyJournal *journal,
              const char  *words)
{
  g_autoptr (AllyEntryList) found = ally_entry_list_new_for_search (journal, words);

  return g_list_model_get_n_items (G_LIST_MODEL (found));
}

static void
test_store_unlock_keeps_everything (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_with_plain_text (dir);
  g_autofree char *recovery = turn_on (journal);
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyEntryList) all = NULL;

  assert_everything_kept (journal);
  g_clear_object (&journal);

  journal = reopen (dir);
  all = ally_entry_list_new_all (journal);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 0);
  g_assert_cmpuint (search_count (journal, "zanzibarite"), ==, 0);
  g_assert_true (ally_journal_unlock (journal, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 2);
  assert_everything_kept (journal);
  wait_for_search (journal);
  g_assert_cmpuint (search_count (journal, "zanzibarite"), ==, 1);
  g_assert_cmpuint (search_count (journal, "tagfamilysecret"), ==, 1);

  /* Locking again drops the list's entries and the key. */
  ally_journal_lock (journal);
  g_assert_false (ally_journal_is_unlocked (journal));
  g_assert_false (ally_journal_is_search_ready (journal));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 0);
  g_clear_object (&all);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

/* Saves while the index is being built are found once it is ready; edits and deletes keep
 * it current. */
static void
test_store_search_follows_saves (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_with_plain_text (dir);
  g_autofree char *recovery = turn_on (journal);
  g_autoptr (AllyEntry) entry = jt_entry_new ("Written while indexing", "ocelotwords", NULL);
  g_autoptr (GError) error = NULL;
  gint64 id;

  id = ally_journal_save_entry (journal, entry, &error);
  g_assert_no_error (error);
  wait_for_search (journal);
  g_assert_cmpuint (search_count (journal, "ocelotwords"), ==, 1);
  ally_entry_set_body (entry, "pangolinwords instead");
  g_assert_cmpint (ally_journal_save_entry (journal, entry, &error), ==, id);
  g_assert_cmpuint (search_count (journal, "ocelotwords"), ==, 0);
  g_assert_cmpuint (search_count (journal, "pangolinwords"), ==, 1);
  g_assert_true (ally_journal_delete_entry (journal, id, &error));
  g_assert_cmpuint (search_count (journal, "pangolinwords"), ==, 0);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

static void
test_store_locked_refuses_writes (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_with_plain_text (dir);
  g_autofree char *recovery = turn_on (journal);
  g_autoptr (AllyEntry) entry = jt_entry_new ("New", "words", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) export = g_file_get_child (dir, "export.json");

  ally_journal_lock (journal);
  g_assert_cmpint (ally_journal_save_entry (journal, entry, &error), ==, 0);
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (ally_journal_add_commitment (journal, "x", NULL, NULL, 0, &error), ==, 0);
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_LOCKED);
  g_clear_error (&error);
  /* Export needs the journal unlocked. */
  g_assert_false (ally_journal_export_json (journal, export, &error));
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, 2);

  g_assert_true (ally_journal_unlock (journal, PASSPHRASE, &error));
  g_assert_true (ally_journal_export_json (journal, export, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = NULL;
    g_assert_true (g_file_load_contents (export, NULL, &text, NULL, NULL, NULL));
    g_assert_nonnull (strstr (text, "zanzibarite"));
  }
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

static void
test_store_change_passphrase (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_with_plain_text (dir);
  g_autofree char *recovery = turn_on (journal);
  g_autoptr (GError) error = NULL;

  g_assert_true (ally_journal_change_passphrase (journal, "a new passphrase", &error));
  g_assert_no_error (error);
  g_clear_object (&journal);
  journal = reopen (dir);
  g_assert_false (ally_journal_unlock (journal, PASSPHRASE, &error));
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (ally_journal_unlock (journal, "a new passphrase", &error));
  g_assert_no_error (error);
  assert_everything_kept (journal);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

static void
test_store_recovery_key (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_with_plain_text (dir);
  g_autofree char *recovery = turn_on (journal);
  g_autofree char *other = ally_journal_crypto_new_recovery_key ();
  g_autoptr (GError) error = NULL;

  g_clear_object (&journal);
  journal = reopen (dir);
  g_assert_false (ally_journal_unlock_with_recovery_key (journal, other, &error));
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_WRONG_RECOVERY_KEY);
  g_clear_error (&error);
  g_assert_true (ally_journal_unlock_with_recovery_key (journal, recovery, &error));
  g_assert_no_error (error);
  assert_everything_kept (journal);
  /* The forgotten passphrase is replaced; the recovery key stays valid. */
  g_assert_true (ally_journal_change_passphrase (journal, "remembered now", &error));
  g_clear_object (&journal);
  journal = reopen (dir);
  g_assert_true (ally_journal_unlock (journal, "remembered now", &error));
  g_assert_no_error (error);
  assert_everything_kept (journal);
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

static void
test_store_turn_off (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (AllyJournal) journal = open_with_plain_text (dir);
  g_autofree char *recovery = turn_on (journal);
  g_autoptr (GError) error = NULL;
  g_autofree char *check = NULL;

  g_clear_object (&journal);
  journal = reopen (dir);
  g_assert_false (ally_journal_turn_lock_off (journal, &error));
  g_assert_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (ally_journal_unlock (journal, PASSPHRASE, &error));
  g_assert_true (ally_journal_turn_lock_off (journal, &error));
  g_assert_no_error (error);
  g_assert_false (ally_journal_is_lock_on (journal));
  assert_everything_kept (journal);
  /* The on-disk index is back. */
  g_assert_cmpuint (search_count (journal, "zanzibarite"), ==, 1);
  g_clear_object (&journal);

  journal = reopen (dir);
  g_assert_false (ally_journal_is_lock_on (journal));
  assert_everything_kept (journal);
  g_assert_cmpuint (search_count (journal, "tagfamilysecret"), ==, 1);
  g_clear_object (&journal);
  check = jt_db_pragma (g_file_get_child (dir, "allyship.db"), "integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  jt_remove_tree (dir);
}

/* With the lock on, an emergency copy of text that could not be saved is encrypted too, and
 * opens only with the journal unlocked. */
static void
test_store_unsaved_copy_sealed (void)
{
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) copies_dir = g_file_get_child (dir, "unsaved");
  g_autoptr (AllyJournal) journal = open_with_plain_text (dir);
  g_autofree char *recovery = turn_on (journal);
  g_autoptr (AllyEntry) entry = jt_entry_new ("Cachedsecret title", "Cachedsecret body", "Cachedtag", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) copies = NULL;
  g_autoptr (GPtrArray) while_locked = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  AllyEntry *copy;

  g_assert_true (ally_journal_keep_unsaved (journal, copies_dir, entry, &error));
  g_assert_no_error (error);
  list_files (g_file_peek_path (copies_dir), files);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_true (g_file_get_contents (g_ptr_array_index (files, 0), &data, &len, NULL));
  g_assert_null (memmem (data, len, "Cachedsecret", 12));
  g_assert_null (memmem (data, len, "Cachedtag", 9));

  copies = ally_journal_list_unsaved (journal, copies_dir);
  g_assert_cmpuint (copies->len, ==, 1);
  copy = g_ptr_array_index (copies, 0);
  g_assert_cmpstr (ally_entry_get_title (copy), ==, "Cachedsecret title");
  g_assert_cmpstr (ally_entry_get_body (copy), ==, "Cachedsecret body");
  g_assert_cmpstr (ally_entry_get_tags (copy)[0], ==, "Cachedtag");

  /* Locked: not offered, and left where it is. */
  ally_journal_lock (journal);
  while_locked = ally_journal_list_unsaved (journal, copies_dir);
  g_assert_cmpuint (while_locked->len, ==, 0);
  g_assert_true (g_file_test (g_ptr_array_index (files, 0), G_FILE_TEST_EXISTS));
  g_clear_object (&journal);
  jt_remove_tree (dir);
}

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;
  AllyImportResult counts = { 0 };

  g_assert_true (ally_journal_import_json_finish (ALLY_JOURNAL (object), result, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, >=, 1);
  *done = TRUE;
}

/* An import into a locked-on journal (on the worker thread's second connection) is stored
 * encrypted, found by search once the index is built again, and refused while locked. */
static void
test_store_import_sealed (void)
{
  g_autoptr (GFile) other_dir = jt_make_tmp_dir ();
  g_autoptr (GFile) dir = jt_make_tmp_dir ();
  g_autoptr (GFile) export = g_file_get_child (other_dir, "export.json");
  g_autoptr (AllyJournal) journal = NULL;
  g_autofree char *recovery = NULL;
  g_autoptr (GError) error = NULL;
  AllyImportResult counts = { 0 };
  gboolean done = FALSE;

  {
    g_autoptr (AllyJournal) other = ally_journal_open (other_dir, &error);
    g_assert_no_error (error);
    save_secret_entries (other, "Importedsecret title", "Importedsecret body", "Importedtag");
    g_assert_cmpint (ally_journal_add_commitment (other, "Importedsecret commitment", NULL, NULL,
                                                  0, &error), >, 0);
    g_assert_true (ally_journal_set_power_map_answer (other, "class", "Importedsecret answer", &error));
    g_assert_true (ally_journal_export_json (other, export, &error));
    g_assert_no_error (error);
  }
  journal = open_with_plain_text (dir);
  recovery = turn_on (journal);
  ally_journal_lock (journal);
  g_assert_false (ally_journal_import_json (journal, export, ALLY_IMPORT_FLAGS_NONE, &counts, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (ally_journal_unlock (journal, PASSPHRASE, &error));

  ally_journal_import_json_async (journal, export, ALLY_IMPORT_FLAGS_NONE, NULL, NULL, NULL, on_imported, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  wait_for_search (journal);
  g_assert_cmpuint (search_count (journal, "Importedsecret"), ==, 1);
  g_assert_cmpuint (search_count (journal, "zanzibarite"), ==, 1);
  {
    g_autoptr (GListModel) commitments = ally_journal_list_commitments (journal, &error);
    g_autoptr (GHashTable) map = ally_journal_get_power_map (journal, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (commitments), ==, 2);
    g_assert_cmpstr (g_hash_table_lookup (map, "class"), ==, "Importedsecret answer");
  }
  g_clear_object (&journal);

  /* The export file itself is plain (it says so); the journal's folder is not. */
  secret_words_extra = "Importedsecret";
  assert_no_plain_text (dir);
  secret_words_extra = NULL;
  jt_remove_tree (dir);
  jt_remove_tree (other_dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ally_journal_crypto_set_fast_kdf_for_testing (TRUE);

  g_test_add_func ("/journal/lock/crypto/seal-round-trip", test_seal_round_trip);
  g_test_add_func ("/journal/lock/crypto/seal-fresh-nonce", test_seal_fresh_nonce);
  g_test_add_func ("/journal/lock/crypto/seal-bound-to-place", test_seal_bound_to_place);
  g_test_add_func ("/journal/lock/crypto/seal-detects-change", test_seal_detects_change);
  g_test_add_func ("/journal/lock/crypto/wrong-key-cannot-open", test_wrong_key_cannot_open);
  g_test_add_func ("/journal/lock/crypto/passphrase-unwraps", test_passphrase_unwraps);
  g_test_add_func ("/journal/lock/crypto/passphrase-empty-refused", test_passphrase_empty_refused);
  g_test_add_func ("/journal/lock/crypto/passphrase-blob-tampered", test_passphrase_blob_tampered);
  g_test_add_func ("/journal/lock/crypto/passphrase-real-limits", test_passphrase_real_limits);
  g_test_add_func ("/journal/lock/crypto/recovery-key-format", test_recovery_key_format);
  g_test_add_func ("/journal/lock/crypto/recovery-key-unwraps", test_recovery_key_unwraps);
  g_test_add_func ("/journal/lock/crypto/recovery-key-malformed", test_recovery_key_malformed);
  g_test_add_func ("/journal/lock/crypto/wipe", test_wipe);
  g_test_add_func ("/journal/lock/crypto/tag-token", test_tag_token);
  g_test_add_func ("/journal/lock/store/no-plain-text-on-disk", test_store_no_plain_text);
  g_test_add_func ("/journal/lock/store/wrong-passphrase-changes-nothing",
                   test_store_wrong_passphrase_changes_nothing);
  g_test_add_func ("/journal/lock/store/unlock-keeps-everything", test_store_unlock_keeps_everything);
  g_test_add_func ("/journal/lock/store/search-follows-saves", test_store_search_follows_saves);
  g_test_add_func ("/journal/lock/store/locked-refuses-writes", test_store_locked_refuses_writes);
  g_test_add_func ("/journal/lock/store/change-passphrase", test_store_change_passphrase);
  g_test_add_func ("/journal/lock/store/recovery-key", test_store_recovery_key);
  g_test_add_func ("/journal/lock/store/turn-off", test_store_turn_off);
  g_test_add_func ("/journal/lock/store/unsaved-copy-sealed", test_store_unsaved_copy_sealed);
  g_test_add_func ("/journal/lock/store/import-sealed", test_store_import_sealed);

  return g_test_run ();
}
