/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-question.h: a quiz question with 2 to 5 choices, exactly one correct. */
#pragma once

#include <gio/gio.h>

#include "ally-choice.h"

G_BEGIN_DECLS

typedef enum
{
  ALLY_QUESTION_RECALL,
  ALLY_QUESTION_SCENARIO,
} AllyQuestionKind;

#define ALLY_TYPE_QUESTION (ally_question_get_type ())
G_DECLARE_FINAL_TYPE (AllyQuestion, ally_question, ALLY, QUESTION, GObject)

const char      *ally_question_get_id            (AllyQuestion *self);
AllyQuestionKind ally_question_get_kind          (AllyQuestion *self);
const char      *ally_question_get_stem_text     (AllyQuestion *self);
const char      *ally_question_get_stem_markup   (AllyQuestion *self);
/* Of AllyChoice, in document order. */
GListModel      *ally_question_get_choices       (AllyQuestion *self);
guint            ally_question_get_correct_index (AllyQuestion *self);

G_END_DECLS
