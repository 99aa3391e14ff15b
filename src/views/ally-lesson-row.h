/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-row.h: one lesson in the Learn sidebar: its number, title, reading time and a
 * mark once it is finished. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_LESSON_ROW (ally_lesson_row_get_type ())
G_DECLARE_FINAL_TYPE (AllyLessonRow, ally_lesson_row, ALLY, LESSON_ROW, GtkGrid)

GtkWidget *ally_lesson_row_new        (void);
/* Shows LESSON, marked when FINISHED, and names the row around it for a screen reader. */
void       ally_lesson_row_set_lesson (AllyLessonRow *self,
                                       AllyLesson    *lesson,
                                       gboolean       finished);

G_END_DECLS
