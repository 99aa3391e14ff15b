/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-quiz-question.h: one self-check question of a lesson, as a card of choices. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_QUIZ_QUESTION (ally_quiz_question_get_type ())
G_DECLARE_FINAL_TYPE (AllyQuizQuestion, ally_quiz_question, ALLY, QUIZ_QUESTION, GtkBox)

GtkWidget    *ally_quiz_question_new             (AllyQuestion     *question,
                                                  guint             number);
AllyQuestion *ally_quiz_question_get_question    (AllyQuizQuestion *self);
gboolean      ally_quiz_question_show_answer     (AllyQuizQuestion *self,
                                                  guint             index);
gboolean      ally_quiz_question_take_back_wrong (AllyQuizQuestion *self);
void          ally_quiz_question_focus_first     (AllyQuizQuestion *self);

G_END_DECLS
