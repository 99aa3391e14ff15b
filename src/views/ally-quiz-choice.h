/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-quiz-choice.h: one answer to a quiz question, and what choosing it means. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_QUIZ_CHOICE (ally_quiz_choice_get_type ())
G_DECLARE_FINAL_TYPE (AllyQuizChoice, ally_quiz_choice, ALLY, QUIZ_CHOICE, GtkBox)

GtkWidget      *ally_quiz_choice_new        (AllyChoice     *choice);
AllyChoice     *ally_quiz_choice_get_choice (AllyQuizChoice *self);
GtkCheckButton *ally_quiz_choice_get_button (AllyQuizChoice *self);

G_END_DECLS
