/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-place.h: the reader's place in a scrolled page: noticed, and put back. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ALLY_TYPE_LESSON_PLACE (ally_lesson_place_get_type ())
G_DECLARE_FINAL_TYPE (AllyLessonPlace, ally_lesson_place, ALLY, LESSON_PLACE, GObject)

AllyLessonPlace *ally_lesson_place_new          (GtkScrolledWindow *scroller);
void             ally_lesson_place_show_top     (AllyLessonPlace   *self);
void             ally_lesson_place_go_to_part   (AllyLessonPlace   *self,
                                                 GtkWidget         *part,
                                                 double             fraction);
gboolean         ally_lesson_place_go_to_term   (AllyLessonPlace   *self,
                                                 const char        *term_id);
void             ally_lesson_place_go_to_widget (AllyLessonPlace   *self,
                                                 GtkWidget         *widget);
void             ally_lesson_place_release      (AllyLessonPlace   *self);
void             ally_lesson_place_stop         (AllyLessonPlace   *self);
gboolean         ally_lesson_place_is_settled   (AllyLessonPlace   *self);
void             ally_lesson_place_flush        (AllyLessonPlace   *self);

G_END_DECLS
