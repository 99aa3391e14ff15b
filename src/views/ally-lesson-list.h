/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-list.h: the course's lessons in the Learn sidebar, one AllyLessonRow each,
 * marked once finished; one Tab stop, with the arrow keys inside it. */
#pragma once

#include <gtk/gtk.h>

#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_LESSON_LIST (ally_lesson_list_get_type ())
G_DECLARE_FINAL_TYPE (AllyLessonList, ally_lesson_list, ALLY, LESSON_LIST, GtkWidget)

void ally_lesson_list_set_model    (AllyLessonList    *self,
                                    GtkSelectionModel *lessons);
void ally_lesson_list_set_journal  (AllyLessonList    *self,
                                    AllyJournal       *journal);
void ally_lesson_list_refresh      (AllyLessonList    *self);
void ally_lesson_list_focus_lesson (AllyLessonList    *self,
                                    guint              position);

G_END_DECLS
