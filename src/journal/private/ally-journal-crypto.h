/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-crypto.h: the journal lock's keys — a random data key, wrapped by a passphrase
 * (Argon2id) and by a recovery key, that seals each value the person wrote (libsodium). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ALLY_JOURNAL_CRYPTO_ERROR (ally_journal_crypto_error_quark ())

typedef enum
{
  ALLY_JOURNAL_CRYPTO_ERROR_FAILED,
  ALLY_JOURNAL_CRYPTO_ERROR_WRONG_PASSPHRASE,
  ALLY_JOURNAL_CRYPTO_ERROR_WRONG_RECOVERY_KEY,
  ALLY_JOURNAL_CRYPTO_ERROR_BAD_RECOVERY_KEY,
  ALLY_JOURNAL_CRYPTO_ERROR_DAMAGED,
  ALLY_JOURNAL_CRYPTO_ERROR_LOCKED,
} AllyJournalCryptoError;

#define ALLY_TYPE_JOURNAL_CRYPTO (ally_journal_crypto_get_type ())
G_DECLARE_FINAL_TYPE (AllyJournalCrypto, ally_journal_crypto, ALLY, JOURNAL_CRYPTO, GObject)

GQuark             ally_journal_crypto_error_quark          (void);

AllyJournalCrypto *ally_journal_crypto_new_random           (GError            **error);
AllyJournalCrypto *ally_journal_crypto_unwrap_passphrase    (GBytes             *wrapped,
                                                             const char         *passphrase,
                                                             GError            **error);
AllyJournalCrypto *ally_journal_crypto_unwrap_recovery_key  (GBytes             *wrapped,
                                                             const char         *recovery_key,
                                                             GError            **error);
GBytes            *ally_journal_crypto_wrap_passphrase      (AllyJournalCrypto  *self,
                                                             const char         *passphrase,
                                                             GError            **error);
GBytes            *ally_journal_crypto_wrap_recovery_key    (AllyJournalCrypto  *self,
                                                             const char         *recovery_key,
                                                             GError            **error);
char              *ally_journal_crypto_new_recovery_key     (void);

AllyJournalCrypto *ally_journal_crypto_dup                  (AllyJournalCrypto  *self,
                                                             GError            **error);
gboolean           ally_journal_crypto_is_wiped             (AllyJournalCrypto  *self);
void               ally_journal_crypto_wipe                 (AllyJournalCrypto  *self);

GBytes            *ally_journal_crypto_seal                 (AllyJournalCrypto  *self,
                                                             const char         *text,
                                                             const char         *table,
                                                             const char         *column,
                                                             const char         *row,
                                                             GError            **error);
char              *ally_journal_crypto_open                 (AllyJournalCrypto  *self,
                                                             gconstpointer       sealed,
                                                             gsize               sealed_len,
                                                             const char         *table,
                                                             const char         *column,
                                                             const char         *row,
                                                             GError            **error);
char              *ally_journal_crypto_tag_token            (AllyJournalCrypto  *self,
                                                             const char         *tag);

void               ally_journal_crypto_set_fast_kdf_for_testing (gboolean        fast);

G_END_DECLS
