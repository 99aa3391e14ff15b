/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-prompt.h: a reflection (a question to write about) or a commitment (an action). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ALLY_PROMPT_REFLECTION,
  ALLY_PROMPT_COMMITMENT,
} AllyPromptKind;

#define ALLY_TYPE_PROMPT (ally_prompt_get_type ())
G_DECLARE_FINAL_TYPE (AllyPrompt, ally_prompt, ALLY, PROMPT, GObject)

/* Unique within its lesson; (lesson id, prompt id) is a stable key for the journal. */
const char     *ally_prompt_get_id        (AllyPrompt *self);
const char     *ally_prompt_get_lesson_id (AllyPrompt *self);
AllyPromptKind  ally_prompt_get_kind      (AllyPrompt *self);
const char     *ally_prompt_get_text      (AllyPrompt *self);
const char     *ally_prompt_get_markup    (AllyPrompt *self);

G_END_DECLS
