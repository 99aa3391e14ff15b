/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-preferences-window.h: the preferences window. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_PREFERENCES_WINDOW (ally_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AllyPreferencesWindow, ally_preferences_window, ALLY, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* CATALOG (may be NULL) gives the course languages offered. */
AllyPreferencesWindow *ally_preferences_window_new (GSettings   *settings,
                                                    AllyJournal *journal,
                                                    AllyCatalog *catalog);

G_END_DECLS
