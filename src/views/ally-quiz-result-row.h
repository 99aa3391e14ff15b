/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-quiz-result-row.h: one lesson's quiz on the overview: best and last score, and a
 * button to answer again the questions missed. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-quiz-result.h"

G_BEGIN_DECLS

#define ALLY_TYPE_QUIZ_RESULT_ROW (ally_quiz_result_row_get_type ())
G_DECLARE_FINAL_TYPE (AllyQuizResultRow, ally_quiz_result_row, ALLY, QUIZ_RESULT_ROW, AdwActionRow)

GtkWidget *ally_quiz_result_row_new (AllyLesson     *lesson,
                                     AllyQuizResult *result);

G_END_DECLS
