/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-window-private.h: what the window's files share (ally-window.c: the areas and the
 * start; ally-window-actions.c: its actions and the links between areas; ally-window-lock.c:
 * the journal lock). */
#pragma once

#include <adwaita.h>

#include "ally-application.h"
#include "ally-glossary-view.h"
#include "ally-journal-view.h"
#include "ally-learn-view.h"
#include "ally-practice-view.h"
#include "ally-unlock-page.h"
#include "ally-window.h"

G_BEGIN_DECLS

typedef void (*InputsReadyFunc) (AllyWindow *self);

/* A wait for the course to be read and the journal to be known, at most a quarter of a
 * second (see inputs_wait_start()). */
typedef struct
{
  AllyWindow      *window;
  GtkApplication  *app;      /* not owned: it outlives its windows */
  InputsReadyFunc  then;
  guint            timeout_id;
  gulong           journal_handler;
  gulong           catalog_handler;
} InputsWait;

struct _AllyWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  AdwBin               *learn_bin;
  AdwBin               *glossary_bin;
  AdwBin               *journal_bin;
  AdwBin               *practice_bin;
  GtkStack             *lock_stack;
  AdwBin               *unlock_bin;
  AllyUnlockPage       *unlock_page;  /* built the first time the journal is locked */
  /* The areas: Learn built before the window is shown (or when it is mapped), the others when
   * first shown or once the window is idle (NULL until then: see ensure_glossary_view()). */
  AllyLearnView        *learn_view;
  AllyGlossaryView     *glossary_view;
  AllyJournalView      *journal_view;
  AllyPracticeView     *practice_view;
  /* Waiting a moment for the course and the journal before giving the areas the course, and
   * before the window is first shown. */
  InputsWait            course_wait;
  InputsWait            present_wait;
  gboolean              journal_connected;
  gboolean              learn_prepared;   /* Learn has been given the journal and course */
  /* Builds, then measures, the hidden areas while nothing else is happening, one step per
   * idle. */
  guint                 warm_areas_id;
  guint                 warm_step;
  /* A lesson or term asked for before the areas had the course (ally_window_open_at). */
  char                 *pending_action;
  char                 *pending_id;
  /* The journal lock: the journal the window watches, and the last key press or click. */
  AllyJournal          *journal;
  gint64                last_activity;
  guint                 idle_check_id;
};

/* ally-window.c */
void     ally_window_ensure_visible_area     (AllyWindow       *self);

/* ally-window-actions.c */
void     ally_window_class_add_actions       (GtkWidgetClass   *widget_class);
void     ally_window_on_glossary_open_lesson (AllyGlossaryView *glossary,
                                              const char       *lesson_id,
                                              AllyWindow       *self);
void     ally_window_on_scenario_activated   (AllyLearnView    *learn,
                                              AllyScenario     *scenario,
                                              AllyWindow       *self);
void     ally_window_on_prompt_activated     (AllyLearnView    *learn,
                                              AllyPrompt       *prompt,
                                              AllyWindow       *self);

/* ally-window-lock.c */
gboolean ally_window_journal_is_locked       (AllyWindow       *self);
void     ally_window_watch_lock              (AllyWindow       *self,
                                              AllyJournal      *journal);
gboolean ally_window_lock_journal            (AllyWindow       *self);
void     ally_window_watch_activity          (AllyWindow       *self);
void     ally_window_stop_watching_lock      (AllyWindow       *self);

G_END_DECLS
