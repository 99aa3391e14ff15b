/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-quiz-result.h: how a learner did on one lesson's quiz, read from the journal. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALLY_TYPE_QUIZ_RESULT (ally_quiz_result_get_type ())
G_DECLARE_FINAL_TYPE (AllyQuizResult, ally_quiz_result, ALLY, QUIZ_RESULT, GObject)

AllyQuizResult     *ally_quiz_result_new                (const char         *quiz_id,
                                                         int                 best_score,
                                                         int                 last_score,
                                                         int                 max_score,
                                                         int                 attempts,
                                                         const char * const *missed);
const char         *ally_quiz_result_get_quiz_id        (AllyQuizResult     *self);
/* Scores of whole tries (every question answered); attempts is 0 before the first. */
int                 ally_quiz_result_get_best_score     (AllyQuizResult     *self);
int                 ally_quiz_result_get_last_score     (AllyQuizResult     *self);
int                 ally_quiz_result_get_max_score      (AllyQuizResult     *self);
int                 ally_quiz_result_get_attempts       (AllyQuizResult     *self);
/* The questions whose kept answer is wrong, in question-id order. */
const char * const *ally_quiz_result_get_missed         (AllyQuizResult     *self);
guint               ally_quiz_result_get_n_missed       (AllyQuizResult     *self);

G_END_DECLS
