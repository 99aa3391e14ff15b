/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-glossary-view-private.h: what ally-glossary-view.c and ally-glossary-view-actions.c
 * share. Not for other files. */
#pragma once

#include "ally-glossary-term-page.h"
#include "ally-glossary-view.h"
#include "ally-review-session.h"

G_BEGIN_DECLS

struct _AllyGlossaryView
{
  GtkWidget             parent_instance;

  AllyCatalog          *catalog;
  AllyJournal          *journal;
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkCustomSorter      *ranker;
  GtkSortListModel     *ranked;      /* the terms listed: name and alias matches first */
  GtkSingleSelection   *selection;
  char                 *query;       /* folded for matching; NULL: every term */
  char                 *term_id;     /* the term shown */
  GPtrArray            *history;     /* term ids left by following links, for Back */

  AdwToastOverlay      *toast_overlay;   /* the root child: dispose_template unparents it */
  GtkStack             *stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  GtkListView          *term_list;
  GtkLabel             *due_label;
  GtkStack             *detail_stack;
  AllyGlossaryTermPage *term_page;
  AllyReviewSession    *review_session;
};

/* What opening a term does to the Back history. */
typedef enum
{
  ALLY_GLOSSARY_HISTORY_CLEAR,  /* chosen from the list or from elsewhere in the app */
  ALLY_GLOSSARY_HISTORY_PUSH,   /* a link followed: Back returns to the term shown before */
  ALLY_GLOSSARY_HISTORY_KEEP,   /* going back */
} AllyGlossaryHistoryStep;

/* Shows TERM_ID (or "term:ID") in the browse page; a search that would hide it is cleared
 * first. FALSE, and nothing changes, if there is no such term. */
gboolean ally_glossary_view_open_term             (AllyGlossaryView        *self,
                                                   const char              *term_id,
                                                   AllyGlossaryHistoryStep  step);
/* "12 cards to review" under the Review Cards button. */
void     ally_glossary_view_update_due_label      (AllyGlossaryView        *self);
/* Installs the glossary.* actions and their shortcuts (ally-glossary-view-actions.c). */
void     ally_glossary_view_class_install_actions (GtkWidgetClass          *widget_class);

G_END_DECLS
