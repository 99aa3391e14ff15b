/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-crypto.c: the journal lock's keys, with libsodium only.
 *
 * A random 256-bit data key seals every value a person wrote (XChaCha20-Poly1305-IETF, a
 * fresh random nonce per value, and associated data naming the value's table, column and
 * row, so a sealed value copied to another row or column does not open). The data key is
 * stored only wrapped: once by a key derived from the passphrase with Argon2id, once by a
 * random recovery key shown to the person once. Changing the passphrase rewraps the data
 * key and re-encrypts nothing. Keys live in sodium_malloc()ed memory and are wiped with
 * sodium_memzero() when the journal locks.
 *
 * Wrapped passphrase key: 'P' 1 | opslimit (u64 LE) | memlimit (u64 LE) | salt | nonce | box
 * Wrapped recovery key:   'R' 1 | nonce | box
 * Sealed value:           1 | nonce | box
 * where box is the data key (or the value) and its Poly1305 tag; the wrapped keys' header
 * is their associated data, so their limits and salt cannot be changed unnoticed. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "ally-journal-crypto.h"

#define KEY_BYTES crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES
#define SALT_BYTES crypto_pwhash_SALTBYTES
#define PASSPHRASE_HEADER_BYTES (2 + 8 + 8 + SALT_BYTES)
#define RECOVERY_HEADER_BYTES 2
#define SEALED_VERSION 1
#define TAG_TOKEN_BYTES 16

/* Crockford's base32: no I, L, O or U, so a key written by hand reads back. */
static const char base32_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
#define RECOVERY_KEY_CHARS ((KEY_BYTES * 8 + 4) / 5)
#define RECOVERY_GROUP 4

struct _AllyJournalCrypto
{
  GObject        parent_instance;

  unsigned char *key;  /* KEY_BYTES, sodium_malloc()ed; NULL once wiped */
};

G_DEFINE_FINAL_TYPE (AllyJournalCrypto, ally_journal_crypto, G_TYPE_OBJECT)
G_DEFINE_QUARK (ally-journal-crypto-error-quark, ally_journal_crypto_error)

static gboolean fast_kdf_for_testing;

static gboolean
ensure_sodium (GError **error)
{
  static gsize ready = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&ready))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&ready, 1);
    }
  if (!ok)
    g_set_error_literal (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_FAILED,
                         _("The encryption library could not start. Your journal was not "
                           "changed; try starting Allyship again."));
  return ok;
}

static void
set_damaged_error (GError **error)
{
  g_set_error_literal (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_DAMAGED,
                       _("Part of your locked journal could not be decrypted: the file was "
                         "changed or damaged. Restore a backup to get it back."));
}

static void
set_no_memory_error (GError **error)
{
  g_set_error_literal (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_FAILED,
                       _("There was not enough protected memory for the journal's key. "
                         "Close other programs and try again."));
}

static void
set_locked_error (GError **error)
{
  g_set_error_literal (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_LOCKED,
                       _("Your journal is locked. Unlock it with your passphrase first."));
}

static void
write_u64_le (unsigned char *out,
              guint64        value)
{
  for (guint i = 0; i < 8; i++)
    out[i] = (value >> (8 * i)) & 0xff;
}

static guint64
read_u64_le (const unsigned char *in)
{
  guint64 value = 0;

  for (guint i = 0; i < 8; i++)
    value |= (guint64) in[i] << (8 * i);
  return value;
}

static void
ally_journal_crypto_finalize (GObject *object)
{
  ally_journal_crypto_wipe (ALLY_JOURNAL_CRYPTO (object));

  G_OBJECT_CLASS (ally_journal_crypto_parent_class)->finalize (object);
}

static void
ally_journal_crypto_class_init (AllyJournalCryptoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ally_journal_crypto_finalize;
}

static void
ally_journal_crypto_init (AllyJournalCrypto *self)
{
}

/* A crypto object that owns @key (sodium_malloc()ed), or NULL when the memory ran out. */
static AllyJournalCrypto *
crypto_with_key (unsigned char  *key,
                 GError        **error)
{
  AllyJournalCrypto *self;

  if (key == NULL)
    {
      set_no_memory_error (error);
      return NULL;
    }
  self = g_object_new (ALLY_TYPE_JOURNAL_CRYPTO, NULL);
  self->key = key;
  return self;
}

/* Argon2id of the NFC form of @passphrase (typed the same, whatever the input method)
 * into a sodium_malloc()ed key; NULL on failure (out of memory). */
static unsigned char *
derive_passphrase_key (const char          *passphrase,
                       const unsigned char *salt,
                       guint64              opslimit,
                       gsize                memlimit)
{
  g_autofree char *normal = g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
  unsigned char *key = sodium_malloc (KEY_BYTES);

  if (key == NULL || normal == NULL ||
      crypto_pwhash (key, KEY_BYTES, normal, strlen (normal), salt, opslimit, memlimit,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      if (normal != NULL)
        sodium_memzero (normal, strlen (normal));
      g_clear_pointer (&key, sodium_free);
      return NULL;
    }
  sodium_memzero (normal, strlen (normal));
  return key;
}

/* Encrypts the data key with @wrapping_key after @header_len bytes of header already in
 * @blob (the associated data). */
static void
wrap_key (AllyJournalCrypto   *self,
          const unsigned char *wrapping_key,
          unsigned char       *blob,
          gsize                header_len)
{
  unsigned char *nonce = blob + header_len;

  randombytes_buf (nonce, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (nonce + NONCE_BYTES, NULL, self->key, KEY_BYTES,
                                              blob, header_len, NULL, nonce, wrapping_key);
}

/* The data key from a wrapped blob; NULL when @wrapping_key is not the one that wrapped it. */
static unsigned char *
unwrap_key (const unsigned char *blob,
            gsize                header_len,
            const unsigned char *wrapping_key)
{
  const unsigned char *nonce = blob + header_len;
  unsigned char *key = sodium_malloc (KEY_BYTES);

  if (key == NULL)
    return NULL;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (key, NULL, NULL, nonce + NONCE_BYTES,
                                                  KEY_BYTES + TAG_BYTES, blob, header_len,
                                                  nonce, wrapping_key) != 0)
    g_clear_pointer (&key, sodium_free);
  return key;
}

static gboolean
check_usable (AllyJournalCrypto  *self,
              GError            **error)
{
  if (!ensure_sodium (error))
    return FALSE;
  if (self->key == NULL)
    {
      set_locked_error (error);
      return FALSE;
    }
  return TRUE;
}

/* Decodes a recovery key as written down: any case, dashes and spaces ignored, O read as
 * 0 and I or L as 1. NULL unless it is exactly a key's worth of characters. */
static unsigned char *
decode_recovery_key (const char *text)
{
  unsigned char *key = sodium_malloc (KEY_BYTES);
  guint n_chars = 0, n_bits = 0;
  guint32 buffer = 0;
  gsize out = 0;

  if (key == NULL)
    return NULL;
  for (const char *p = text; p && *p; p++)
    {
      char c = g_ascii_toupper (*p);
      const char *found;

      if (c == '-' || g_ascii_isspace (c))
        continue;
      c = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
      found = c != '\0' ? strchr (base32_alphabet, c) : NULL;
      if (found == NULL || ++n_chars > RECOVERY_KEY_CHARS)
        goto bad;
      buffer = (buffer << 5) | (guint32) (found - base32_alphabet);
      n_bits += 5;
      if (n_bits >= 8)
        {
          n_bits -= 8;
          if (out < KEY_BYTES)
            key[out++] = (buffer >> n_bits) & 0xff;
        }
    }
  /* The last character carries padding bits, always zero in a key we made. */
  if (n_chars == RECOVERY_KEY_CHARS && out == KEY_BYTES && (buffer & ((1u << n_bits) - 1)) == 0)
    return key;
bad:
  sodium_free (key);
  return NULL;
}

static void
set_bad_recovery_key_error (GError **error)
{
  g_set_error (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_BAD_RECOVERY_KEY,
               /* Translators: %d is the number of letters and digits in a recovery key. */
               ngettext ("That is not a recovery key: a recovery key has %d letter or digit. "
                         "Check what you wrote down and try again.",
                         "That is not a recovery key: a recovery key has %d letters and digits. "
                         "Check what you wrote down and try again.",
                         RECOVERY_KEY_CHARS),
               (int) RECOVERY_KEY_CHARS);
}

/* The associated data of a sealed value: what it is and where it belongs. */
static GByteArray *
value_context (const char *table,
               const char *column,
               const char *row)
{
  GByteArray *ad = g_byte_array_new ();
  const char *parts[] = { table, column, row };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_byte_array_append (ad, (const guint8 *) (parts[i] ? parts[i] : ""),
                         strlen (parts[i] ? parts[i] : "") + 1);
  return ad;
}

/* Public API */

void
ally_journal_crypto_set_fast_kdf_for_testing (gboolean fast)
{
  fast_kdf_for_testing = fast;
}

/**
 * ally_journal_crypto_new_random:
 *
 * A new random data key, for a journal being locked for the first time.
 */
AllyJournalCrypto *
ally_journal_crypto_new_random (GError **error)
{
  unsigned char *key;

  if (!ensure_sodium (error))
    return NULL;
  key = sodium_malloc (KEY_BYTES);
  if (key != NULL)
    crypto_aead_xchacha20poly1305_ietf_keygen (key);
  return crypto_with_key (key, error);
}

/**
 * ally_journal_crypto_wrap_passphrase:
 *
 * The data key encrypted by a key derived from @passphrase with Argon2id (libsodium's
 * interactive limits: docs/security.md says why), with its salt and limits.
 */
GBytes *
ally_journal_crypto_wrap_passphrase (AllyJournalCrypto  *self,
                                     const char         *passphrase,
                                     GError            **error)
{
  guint64 opslimit = fast_kdf_for_testing ? crypto_pwhash_OPSLIMIT_MIN
                                          : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  gsize memlimit = fast_kdf_for_testing ? crypto_pwhash_MEMLIMIT_MIN
                                        : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  gsize len = PASSPHRASE_HEADER_BYTES + NONCE_BYTES + KEY_BYTES + TAG_BYTES;
  g_autofree unsigned char *blob = g_malloc0 (len);
  unsigned char *wrapping_key;

  g_return_val_if_fail (ALLY_IS_JOURNAL_CRYPTO (self), NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!check_usable (self, error))
    return NULL;
  if (*passphrase == '\0')
    {
      g_set_error_literal (error, ALLY_JOURNAL_CRYPTO_ERROR, ALLY_JOURNAL_CRYPTO_ERROR_FAILED,
                           _("The passphrase is empty. Type a passphrase to lock your journal."));
      return NULL;
    }
  blob[0] = 'P';
  blob[1] = 1;
  write_u64_le (blob + 2, opslimit);
  write_u64_le (blob + 10, memlimit);
  randombytes_buf (blob + 18, SALT_BYTES);
  wrapping_key = derive_passphrase_key (passphrase, blob + 18, opslimit, memlimit);
  if (wrapping_key == NULL)
    {
      set_no_memory_error (error);
      return NULL;
    }
  wrap_key (self, wrapping_key, blob, PASSPHRASE_HEADER_BYTES);
  sodium_free (wrapping_key);
  return g_bytes_new_take (g_steal_pointer (&blob), len);
}

/**
 * ally_journal_crypto_unwrap_passphrase:
 *
 * The data key, if @passphrase is the one @wrapped was made with; otherwise
 * %ALLY_JOURNAL_CRYPTO_ERROR_WRONG_PASSPHRASE.
 */
AllyJournalCrypto *
ally_journal_crypto_unwrap_passphrase (GBytes      *wrapped,
                                       const char  *passphrase,
                                       GError     **error)
{
  gsize len = 0;
  const unsigned char *blob = wrapped ? g_bytes_get_data (wrapped, &len) : NULL;
  guint64 opslimit, memlimit;
  unsigned char *wrapping_key, *key;

  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;
  if (len != PASSPHRASE_HEADER_BYTES + NONCE_BYTES + KEY_BYTES + TAG_BYTES ||
      blob[0] != 'P' || blob[1] != 1)
    {
      set_damaged_error (error);
      return NULL;
    }
  opslimit = read_u64_le (blob + 2);
  memlimit = read_u64_le (blob + 10);
  /* A changed file must not make us spend minutes or gigabytes. */
  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE ||
      memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
    {
      set_damaged_error (error);
      return NULL;
    }
  wrapping_key = derive_passphrase_key (passphrase, blob + 18, opslimit, memlimit);
  if (wrapping_key == NULL)
    {
      set_no_memory_error (error);
      return NULL;
    }
  key = unwrap_key (blob, PASSPHRASE_HEADER_BYTES, wrapping_key);
  sodium_free (wrapping_key);
  if (key == NULL)
    {
      g_set_error_literal (error, ALLY_JOURNAL_CRYPTO_ERROR,
                           ALLY_JOURNAL_CRYPTO_ERROR_WRONG_PASSPHRASE,
                           _("That passphrase is not the right one. Check it and try again."));
      return NULL;
    }
  return crypto_with_key (key, error);
}

/**
 * ally_journal_crypto_new_recovery_key:
 *
 * A random recovery key, written for a person to copy down: 52 letters and digits of
 * Crockford's base32 in groups of four.
 */
char *
ally_journal_crypto_new_recovery_key (void)
{
  unsigned char raw[KEY_BYTES];
  GString *text = g_string_new (NULL);
  guint32 buffer = 0;
  guint n_bits = 0, n_chars = 0;

  if (!ensure_sodium (NULL))
    g_error ("libsodium could not start");
  randombytes_buf (raw, sizeof raw);
  for (gsize i = 0; i <= KEY_BYTES; i++)
    {
      if (i < KEY_BYTES)
        {
          buffer = (buffer << 8) | raw[i];
          n_bits += 8;
        }
      else if (n_bits > 0)
        {
          buffer <<= 5 - n_bits;
          n_bits = 5;
        }
      while (n_bits >= 5)
        {
          n_bits -= 5;
          if (n_chars > 0 && n_chars % RECOVERY_GROUP == 0)
            g_string_append_c (text, '-');
          g_string_append_c (text, base32_alphabet[(buffer >> n_bits) & 0x1f]);
          n_chars++;
        }
    }
  sodium_memzero (raw, sizeof raw);
  sodium_memzero (&buffer, sizeof buffer);
  return g_string_free (text, FALSE);
}

GBytes *
ally_journal_crypto_wrap_recovery_key (AllyJournalCrypto  *self,
                                       const char         *recovery_key,
                                       GError            **error)
{
  gsize len = RECOVERY_HEADER_BYTES + NONCE_BYTES + KEY_BYTES + TAG_BYTES;
  g_autofree unsigned char *blob = g_malloc0 (len);
  unsigned char *wrapping_key;

  g_return_val_if_fail (ALLY_IS_JOURNAL_CRYPTO (self), NULL);

  if (!check_usable (self, error))
    return NULL;
  wrapping_key = decode_recovery_key (recovery_key);
  if (wrapping_key == NULL)
    {
      set_bad_recovery_key_error (error);
      return NULL;
    }
  blob[0] = 'R';
  blob[1] = 1;
  wrap_key (self, wrapping_key, blob, RECOVERY_HEADER_BYTES);
  sodium_free (wrapping_key);
  return g_bytes_new_take (g_steal_pointer (&blob), len);
}

AllyJournalCrypto *
ally_journal_crypto_unwrap_recovery_key (GBytes      *wrapped,
                                         const char  *recovery_key,
                                         GError     **error)
{
  gsize len = 0;
  const unsigned char *blob = wrapped ? g_bytes_get_data (wrapped, &len) : NULL;
  unsigned char *wrapping_key, *key;

  if (!ensure_sodium (error))
    return NULL;
  if (len != RECOVERY_HEADER_BYTES + NONCE_BYTES + KEY_BYTES + TAG_BYTES ||
      blob[0] != 'R' || blob[1] != 1)
    {
      set_damaged_error (error);
      return NULL;
    }
  wrapping_key = decode_recovery_key (recovery_key);
  if (wrapping_key == NULL)
    {
      set_bad_recovery_key_error (error);
      return NULL;
    }
  key = unwrap_key (blob, RECOVERY_HEADER_BYTES, wrapping_key);
  sodium_free (wrapping_key);
  if (key == NULL)
    {
      g_set_error_literal (error, ALLY_JOURNAL_CRYPTO_ERROR,
                           ALLY_JOURNAL_CRYPTO_ERROR_WRONG_RECOVERY_KEY,
                           _("That recovery key is not this journal's. Check what you wrote "
                             "down and try again."));
      return NULL;
    }
  return crypto_with_key (key, error);
}

/**
 * ally_journal_crypto_dup:
 *
 * A copy of the key with a life of its own, for a worker thread: wiping one leaves the
 * other usable.
 */
AllyJournalCrypto *
ally_journal_crypto_dup (AllyJournalCrypto  *self,
                         GError            **error)
{
  unsigned char *key;

  g_return_val_if_fail (ALLY_IS_JOURNAL_CRYPTO (self), NULL);

  if (!check_usable (self, error))
    return NULL;
  key = sodium_malloc (KEY_BYTES);
  if (key != NULL)
    memcpy (key, self->key, KEY_BYTES);
  return crypto_with_key (key, error);
}

gboolean
ally_journal_crypto_is_wiped (AllyJournalCrypto *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_CRYPTO (self), TRUE);
  return self->key == NULL;
}

/**
 * ally_journal_crypto_wipe:
 *
 * Zeroes and frees the data key: nothing can be sealed or opened with @self afterwards.
 */
void
ally_journal_crypto_wipe (AllyJournalCrypto *self)
{
  g_return_if_fail (ALLY_IS_JOURNAL_CRYPTO (self));
  if (self->key == NULL)
    return;
  sodium_memzero (self->key, KEY_BYTES);
  g_clear_pointer (&self->key, sodium_free);
}

/**
 * ally_journal_crypto_seal:
 * @table: (not nullable): the value's table, bound to it as associated data
 * @column: (not nullable): its column
 * @row: (not nullable): a key of its row that never changes (an entry's uid)
 *
 * Encrypts @text with a fresh random nonce.
 */
GBytes *
ally_journal_crypto_seal (AllyJournalCrypto  *self,
                          const char         *text,
                          const char         *table,
                          const char         *column,
                          const char         *row,
                          GError            **error)
{
  gsize text_len = text ? strlen (text) : 0;
  gsize len = 1 + NONCE_BYTES + text_len + TAG_BYTES;
  g_autofree unsigned char *blob = NULL;
  g_autoptr (GByteArray) ad = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL_CRYPTO (self), NULL);

  if (!check_usable (self, error))
    return NULL;
  blob = g_malloc (len);
  ad = value_context (table, column, row);
  blob[0] = SEALED_VERSION;
  randombytes_buf (blob + 1, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (blob + 1 + NONCE_BYTES, NULL,
                                              (const unsigned char *) (text ? text : ""),
                                              text_len, ad->data, ad->len, NULL, blob + 1,
                                              self->key);
  return g_bytes_new_take (g_steal_pointer (&blob), len);
}

/**
 * ally_journal_crypto_open:
 *
 * Decrypts a value sealed for the same table, column and row. Fails with
 * %ALLY_JOURNAL_CRYPTO_ERROR_DAMAGED when it was changed or moved.
 *
 * Returns: the text (never containing NUL), or %NULL with @error set
 */
char *
ally_journal_crypto_open (AllyJournalCrypto  *self,
                          gconstpointer       sealed,
                          gsize               sealed_len,
                          const char         *table,
                          const char         *column,
                          const char         *row,
                          GError            **error)
{
  const unsigned char *blob = sealed;
  g_autoptr (GByteArray) ad = NULL;
  g_autofree char *text = NULL;
  gsize text_len;

  g_return_val_if_fail (ALLY_IS_JOURNAL_CRYPTO (self), NULL);

  if (!check_usable (self, error))
    return NULL;
  if (blob == NULL || sealed_len < 1 + NONCE_BYTES + TAG_BYTES || blob[0] != SEALED_VERSION)
    {
      set_damaged_error (error);
      return NULL;
    }
  text_len = sealed_len - 1 - NONCE_BYTES - TAG_BYTES;
  text = g_malloc (text_len + 1);
  ad = value_context (table, column, row);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt ((unsigned char *) text, NULL, NULL,
                                                  blob + 1 + NONCE_BYTES,
                                                  sealed_len - 1 - NONCE_BYTES,
                                                  ad->data, ad->len, blob + 1, self->key) != 0 ||
      memchr (text, '\0', text_len) != NULL)
    {
      set_damaged_error (error);
      return NULL;
    }
  text[text_len] = '\0';
  return g_steal_pointer (&text);
}

/**
 * ally_journal_crypto_tag_token:
 *
 * A keyed hash of @tag (BLAKE2b under a key derived from the data key): the same tag gives
 * the same token, so a locked journal can still find the entries with a tag, and the
 * token says nothing of the tag to someone without the key.
 *
 * Returns: (nullable): the token in hex, or %NULL when @self is wiped
 */
char *
ally_journal_crypto_tag_token (AllyJournalCrypto *self,
                               const char        *tag)
{
  unsigned char subkey[crypto_generichash_KEYBYTES];
  unsigned char token[TAG_TOKEN_BYTES];
  char hex[TAG_TOKEN_BYTES * 2 + 1];

  g_return_val_if_fail (ALLY_IS_JOURNAL_CRYPTO (self), NULL);

  if (!check_usable (self, NULL))
    return NULL;
  crypto_kdf_derive_from_key (subkey, sizeof subkey, 1, "AllyTags", self->key);
  crypto_generichash (token, sizeof token, (const unsigned char *) tag, strlen (tag),
                      subkey, sizeof subkey);
  sodium_memzero (subkey, sizeof subkey);
  return g_strdup (sodium_bin2hex (hex, sizeof hex, token, sizeof token));
}
