/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-window.h: the main window with the four areas of the app. */
#pragma once

#include <adwaita.h>

#include "ally-application.h"
#include "ally-glossary-view.h"
#include "ally-journal-view.h"
#include "ally-learn-view.h"
#include "ally-practice-view.h"

G_BEGIN_DECLS

#define ALLY_TYPE_WINDOW (ally_window_get_type ())
G_DECLARE_FINAL_TYPE (AllyWindow, ally_window, ALLY, WINDOW, AdwApplicationWindow)

AllyWindow *ally_window_new              (AllyApplication *application);
void        ally_window_present_when_ready (AllyWindow    *self);
const char *ally_window_get_visible_area (AllyWindow      *self);
void        ally_window_set_visible_area (AllyWindow      *self,
                                          const char      *area);
void        ally_window_open_at          (AllyWindow      *self,
                                          const char      *action,
                                          const char      *id);
AllyLearnView    *ally_window_get_learn_view    (AllyWindow *self);
AllyGlossaryView *ally_window_get_glossary_view (AllyWindow *self);
AllyJournalView  *ally_window_get_journal_view  (AllyWindow *self);
AllyPracticeView *ally_window_get_practice_view (AllyWindow *self);

G_END_DECLS
