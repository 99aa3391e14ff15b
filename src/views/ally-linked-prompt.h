/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-linked-prompt.h: above a journal entry, the lesson it belongs to (a link back to it)
 * and the prompt it answers. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_LINKED_PROMPT (ally_linked_prompt_get_type ())
G_DECLARE_FINAL_TYPE (AllyLinkedPrompt, ally_linked_prompt, ALLY, LINKED_PROMPT, GtkBox)

GtkWidget *ally_linked_prompt_new        (void);
/* Shows "Lesson 3: Privilege and identity" and, when PROMPT_ID is one of its reflection
 * prompts, the prompt's question; a NULL LESSON hides it all. */
void       ally_linked_prompt_set_lesson (AllyLinkedPrompt *self,
                                          AllyLesson       *lesson,
                                          const char       *prompt_id);

G_END_DECLS
