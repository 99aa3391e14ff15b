/* ally-response.h: a sample response to a scenario, with a discussion. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALLY_TYPE_RESPONSE (ally_response_get_type ())
G_DECLARE_FINAL_TYPE (AllyResponse, ally_response, ALLY, RESPONSE, GObject)

const char *ally_response_get_text              (AllyResponse *self);
const char *ally_response_get_markup            (AllyResponse *self);
const char *ally_response_get_discussion_text   (AllyResponse *self);
const char *ally_response_get_discussion_markup (AllyResponse *self);

G_END_DECLS
