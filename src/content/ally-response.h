/* ally-response.h: the old names of a scenario's sample responses. A response is an
 * AllyChoice (its text, and its discussion as the comment, ally_choice_get_explanation_*):
 * one class for "a text and its comment" rather than the same class twice. These names stay
 * only until the lesson view and the course tests use ally_choice_* (then this file goes). */
#pragma once

#include "ally-choice.h"

G_BEGIN_DECLS

typedef AllyChoice AllyResponse;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AllyResponse, g_object_unref)

#define ALLY_TYPE_RESPONSE                  ALLY_TYPE_CHOICE
#define ally_response_get_text              ally_choice_get_text
#define ally_response_get_markup            ally_choice_get_markup
#define ally_response_get_discussion_text   ally_choice_get_explanation_text
#define ally_response_get_discussion_markup ally_choice_get_explanation_markup

G_END_DECLS
