/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lock-preferences.h: the Preferences section of the journal lock. */
#pragma once

#include <adwaita.h>

#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_LOCK_PREFERENCES (ally_lock_preferences_get_type ())
G_DECLARE_FINAL_TYPE (AllyLockPreferences, ally_lock_preferences, ALLY, LOCK_PREFERENCES,
                      AdwPreferencesGroup)

void ally_lock_preferences_set_journal  (AllyLockPreferences *self,
                                         AllyJournal         *journal);
void ally_lock_preferences_set_settings (AllyLockPreferences *self,
                                         GSettings           *settings);

G_END_DECLS
