/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-suggestion-row.h: one commitment a lesson suggests, with Adopt (or Adopted). */
#pragma once

#include <adwaita.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_SUGGESTION_ROW (ally_suggestion_row_get_type ())
G_DECLARE_FINAL_TYPE (AllySuggestionRow, ally_suggestion_row, ALLY, SUGGESTION_ROW, GtkBox)

GtkWidget  *ally_suggestion_row_new         (void);
AllyPrompt *ally_suggestion_row_get_prompt  (AllySuggestionRow *self);
/* Shows PROMPT, with DESCRIPTION ("Lesson 6 · Privilege and identity") under it if not NULL;
 * NULL PROMPT: the row shows nothing (unbound). */
void        ally_suggestion_row_set_prompt  (AllySuggestionRow *self,
                                             AllyPrompt        *prompt,
                                             const char        *description);
/* An adopted suggestion says so instead of offering Adopt again. */
void        ally_suggestion_row_set_adopted (AllySuggestionRow *self,
                                             gboolean           adopted);

G_END_DECLS
