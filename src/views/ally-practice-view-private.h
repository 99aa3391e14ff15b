/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-practice-view-private.h: what ally-practice-view.c and ally-practice-view-actions.c
 * share. Not for other files. */
#pragma once

#include "ally-power-map.h"
#include "ally-practice-view.h"

G_BEGIN_DECLS

struct _AllyPracticeView
{
  GtkWidget           parent_instance;

  AllyJournal        *journal;
  AllyCatalog        *catalog;

  GListStore         *commitments;
  GtkFilterListModel *suggestions;
  GHashTable         *adopted;          /* "lesson id\ntext" of every commitment */
  GPtrArray          *suggestion_rows;  /* AllySuggestionRow bound now */
  AllyCommitment     *deleted;          /* for Undo */
  GDateTime          *new_due;          /* due date of the commitment being written */

  AdwToastOverlay    *toast_overlay;
  GtkStack           *main_stack;
  AdwStatusPage      *no_journal_page;
  AdwViewStack       *sections;
  GtkEntry           *new_entry;
  GtkMenuButton      *due_button;
  GtkPopover         *due_popover;
  GtkCalendar        *calendar;
  GtkLabel           *due_label;
  GtkStack           *commitments_stack;
  GtkListView        *commitment_list;
  AdwViewStackPage   *suggestions_page;
  GtkStack           *suggestions_stack;
  GtkListView        *suggestion_list;
  AllyPowerMap       *power_map;
};

void            ally_practice_view_show_toast          (AllyPracticeView *self,
                                                        const char       *title);
/* A failure, said for a person: the error says what happened, HINT what to do now. */
void            ally_practice_view_show_failure        (AllyPracticeView *self,
                                                        const GError     *error,
                                                        const char       *hint);
void            ally_practice_view_reload_commitments  (AllyPracticeView *self);
AllyCommitment *ally_practice_view_find_commitment     (AllyPracticeView *self,
                                                        gint64            id);
void            ally_practice_view_set_new_due         (AllyPracticeView *self,
                                                        GDateTime        *due);
/* Installs the practice.* actions (ally-practice-view-actions.c). */
void            ally_practice_view_class_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
