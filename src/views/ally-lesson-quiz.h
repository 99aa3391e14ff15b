/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-quiz.h: a lesson's self-check quiz, its answers kept in the journal. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"
#include "ally-journal.h"
#include "ally-quiz-question.h"

G_BEGIN_DECLS

#define ALLY_TYPE_LESSON_QUIZ (ally_lesson_quiz_get_type ())
G_DECLARE_FINAL_TYPE (AllyLessonQuiz, ally_lesson_quiz, ALLY, LESSON_QUIZ, GtkBox)

void              ally_lesson_quiz_show         (AllyLessonQuiz *self,
                                                 AllyLesson     *lesson,
                                                 AllyJournal    *journal);
GtkWidget        *ally_lesson_quiz_add_next     (AllyLessonQuiz *self);
AllyQuizQuestion *ally_lesson_quiz_retry_missed (AllyLessonQuiz *self);

G_END_DECLS
