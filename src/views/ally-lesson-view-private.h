/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-view-private.h: what ally-lesson-view.c and ally-lesson-view-actions.c share.
 * Not for other files. */
#pragma once

#include "ally-lesson-place.h"
#include "ally-lesson-quiz.h"
#include "ally-lesson-view.h"
#include "ally-reveal-queue.h"

G_BEGIN_DECLS

struct _AllyLessonView
{
  GtkWidget        parent_instance;

  AllyLesson      *lesson;
  AllyJournal     *journal;

  /* The reader's place: saved when they stop scrolling, put back when the lesson is shown. */
  AllyLessonPlace *place;

  /* The label a search opened the lesson at, highlighted. */
  GtkWidget       *search_match;

  /* Shows the page's parts below its first screenful over the next frames. */
  AllyRevealQueue *reveal;

  /* The next part of the page to build (ally-lesson-view-page.c). */
  guint            build_stage;
  guint            build_index;
  guint            build_sub;
  /* The parts built so far, in reading order (not owned), of how many. */
  GPtrArray       *parts;
  guint            n_parts;

  /* The AllyJournalButtons of reflections and scenarios, to show which were written about. */
  GPtrArray       *journal_buttons;

  GtkScrolledWindow *scroller;
  GtkLabel       *number_label;
  GtkLabel       *title_label;
  GtkLabel       *summary_label;
  GtkLabel       *minutes_label;
  GtkBox         *sections_box;
  GtkBox         *key_points_box;
  GtkWidget      *quiz_heading;
  AllyLessonQuiz *quiz;
  GtkWidget      *scenarios_heading;
  GtkBox         *scenarios_box;
  GtkListBox     *reflections_list;
  GtkListBox     *commitments_list;
  GtkBox         *sources_box;
  GtkWidget      *complete_button;
  GtkLabel       *completed_label;
  GtkWidget      *uncomplete_button;
  GtkWidget      *next_box;
  GtkLabel       *next_title_label;
};

void ally_lesson_view_class_install_actions (GtkWidgetClass *widget_class);
void ally_lesson_view_update_completion     (AllyLessonView *self);
void ally_lesson_view_clear_page            (AllyLessonView *self);
void ally_lesson_view_fill_page             (AllyLessonView *self);
void ally_lesson_view_update_journal_buttons (AllyLessonView *self);
int  ally_lesson_view_place_at              (AllyLessonView *self,
                                             double          offset);
void ally_lesson_view_go_to_place           (AllyLessonView *self,
                                             int             place);

G_END_DECLS
