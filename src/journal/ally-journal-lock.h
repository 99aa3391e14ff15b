/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-lock.h: the journal lock — what a person wrote, encrypted in the data file,
 * readable only after unlocking with a passphrase (or the recovery key). */
#pragma once

#include "ally-journal.h"

G_BEGIN_DECLS

gboolean  ally_journal_is_lock_on                 (AllyJournal          *self);
gboolean  ally_journal_is_unlocked                (AllyJournal          *self);
gboolean  ally_journal_is_search_ready            (AllyJournal          *self);

char     *ally_journal_turn_lock_on               (AllyJournal          *self,
                                                   const char           *passphrase,
                                                   GError              **error);
void      ally_journal_turn_lock_on_async         (AllyJournal          *self,
                                                   const char           *passphrase,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
char     *ally_journal_turn_lock_on_finish        (AllyJournal          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
gboolean  ally_journal_turn_lock_off              (AllyJournal          *self,
                                                   GError              **error);
gboolean  ally_journal_change_passphrase          (AllyJournal          *self,
                                                   const char           *passphrase,
                                                   GError              **error);

gboolean  ally_journal_unlock                     (AllyJournal          *self,
                                                   const char           *passphrase,
                                                   GError              **error);
gboolean  ally_journal_unlock_with_recovery_key   (AllyJournal          *self,
                                                   const char           *recovery_key,
                                                   GError              **error);
void      ally_journal_unlock_async               (AllyJournal          *self,
                                                   const char           *passphrase,
                                                   gboolean              is_recovery_key,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean  ally_journal_unlock_finish              (AllyJournal          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void      ally_journal_lock                       (AllyJournal          *self);

G_END_DECLS
