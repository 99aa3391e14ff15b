/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-prompt-row.h: a lesson's reflection prompt or suggested commitment, as a list row. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"
#include "ally-journal-button.h"

G_BEGIN_DECLS

#define ALLY_TYPE_PROMPT_ROW (ally_prompt_row_get_type ())
G_DECLARE_FINAL_TYPE (AllyPromptRow, ally_prompt_row, ALLY, PROMPT_ROW, GtkGrid)

GtkWidget         *ally_prompt_row_new                (AllyPrompt    *prompt);
AllyJournalButton *ally_prompt_row_get_journal_button (AllyPromptRow *self);

G_END_DECLS
