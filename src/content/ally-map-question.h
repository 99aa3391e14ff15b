/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-map-question.h: one question of the power and privilege map (content/power-map.xml). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALLY_TYPE_MAP_QUESTION (ally_map_question_get_type ())
G_DECLARE_FINAL_TYPE (AllyMapQuestion, ally_map_question, ALLY, MAP_QUESTION, GObject)

/* Unique in the map and stable: the key of the person's answer in the journal. */
const char *ally_map_question_get_id     (AllyMapQuestion *self);
const char *ally_map_question_get_title  (AllyMapQuestion *self);
const char *ally_map_question_get_prompt (AllyMapQuestion *self);

G_END_DECLS
