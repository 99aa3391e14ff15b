/* test-journal-lock.c: tests of the journal lock — the keys (ally-journal-crypto.c). */
#define _GNU_SOURCE
#include <string.h>

#include "ally-journal-crypto.h"
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

  return g_test_run ();
}
