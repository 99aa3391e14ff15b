/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-choice.h: a text and its comment: one answer of a quiz question and its explanation,
 * or a scenario's sample response and its discussion (ally_scenario_get_responses). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALLY_TYPE_CHOICE (ally_choice_get_type ())
G_DECLARE_FINAL_TYPE (AllyChoice, ally_choice, ALLY, CHOICE, GObject)

/* Whether this is the right answer of its question (FALSE for a scenario's response). */
gboolean    ally_choice_get_correct            (AllyChoice *self);
const char *ally_choice_get_text               (AllyChoice *self);
const char *ally_choice_get_markup             (AllyChoice *self);
const char *ally_choice_get_explanation_text   (AllyChoice *self);
const char *ally_choice_get_explanation_markup (AllyChoice *self);

G_END_DECLS
