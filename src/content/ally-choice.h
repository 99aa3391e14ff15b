/* ally-choice.h: one answer of a quiz question. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALLY_TYPE_CHOICE (ally_choice_get_type ())
G_DECLARE_FINAL_TYPE (AllyChoice, ally_choice, ALLY, CHOICE, GObject)

gboolean    ally_choice_get_correct            (AllyChoice *self);
const char *ally_choice_get_text               (AllyChoice *self);
const char *ally_choice_get_markup             (AllyChoice *self);
const char *ally_choice_get_explanation_text   (AllyChoice *self);
const char *ally_choice_get_explanation_markup (AllyChoice *self);

G_END_DECLS
