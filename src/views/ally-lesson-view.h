/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-view.h: shows one lesson: sections, key points, quiz, practice and sources. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"
#include "ally-journal-progress.h"

G_BEGIN_DECLS

#define ALLY_TYPE_LESSON_VIEW (ally_lesson_view_get_type ())
G_DECLARE_FINAL_TYPE (AllyLessonView, ally_lesson_view, ALLY, LESSON_VIEW, GtkWidget)

AllyLesson     *ally_lesson_view_get_lesson (AllyLessonView *self);
void            ally_lesson_view_set_lesson (AllyLessonView *self,
                                             AllyLesson     *lesson);
void            ally_lesson_view_scroll_to_top (AllyLessonView *self);
gboolean        ally_lesson_view_reveal_term   (AllyLessonView *self,
                                                const char     *term_id);
gboolean        ally_lesson_view_retry_missed  (AllyLessonView *self);
gboolean        ally_lesson_view_reveal_text   (AllyLessonView *self,
                                                const char     *text,
                                                const char     *query);
void            ally_lesson_view_set_next_title (AllyLessonView *self,
                                                 const char     *title);
AllyJournal    *ally_lesson_view_get_journal (AllyLessonView *self);
void            ally_lesson_view_set_journal (AllyLessonView *self,
                                              AllyJournal    *journal);

gboolean        ally_lesson_view_is_page_shown (AllyLessonView *self);
gboolean        ally_lesson_view_is_settled    (AllyLessonView *self);

G_END_DECLS
