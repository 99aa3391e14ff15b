/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-learn-view-private.h: what ally-learn-view.c and ally-learn-view-actions.c share. Not
 * for other files. */
#pragma once

#include "ally-course-search.h"
#include "ally-learn-view.h"
#include "ally-lesson-list.h"
#include "ally-lesson-view.h"
#include "ally-overview-page.h"
#include "ally-term-popover-keeper.h"

G_BEGIN_DECLS

struct _AllyLearnView
{
  GtkWidget              parent_instance;

  AllyCatalog           *catalog;
  AllyJournal           *journal;
  GtkSingleSelection    *selection;
  /* The definitions that the lesson's glossary links open. */
  AllyTermPopoverKeeper *term_popovers;

  GtkStack              *stack;
  AdwStatusPage         *error_page;
  AdwLeaflet            *leaflet;
  AllyLessonList        *lesson_list;
  GtkWidget             *sidebar;
  GtkWidget             *content;
  GtkStack              *content_stack;
  AllyLessonView        *lesson_view;
  AdwBin                *overview_bin;
  AllyOverviewPage      *overview_page;   /* in overview_bin, once first shown */
  GtkListBox            *home_list;
  GtkListBoxRow         *overview_row;
  GtkSearchEntry        *search_entry;
  GtkStack              *sidebar_stack;
  AllyCourseSearch      *course_search;
};

/* Installs the learn.* actions and their shortcuts (ally-learn-view-actions.c). */
void ally_learn_view_class_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
