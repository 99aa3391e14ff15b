/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry-form.h: the fields of one journal entry: the lesson and prompt it answers, its
 * title, its text and its tags. Saving them is the editor's job (AllyEntryEditor). */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_ENTRY_FORM (ally_entry_form_get_type ())
G_DECLARE_FINAL_TYPE (AllyEntryForm, ally_entry_form, ALLY, ENTRY_FORM, GtkWidget)

GtkWidget *ally_entry_form_new         (void);
/* Shows ENTRY's title, text and tags (all empty for NULL), the cursor at the start of the
 * text; ::changed is for what the person types, not for this. */
void       ally_entry_form_load        (AllyEntryForm *self,
                                        AllyEntry     *entry);
/* The lesson the entry belongs to and its prompt (see AllyLinkedPrompt). */
void       ally_entry_form_show_lesson (AllyEntryForm *self,
                                        AllyLesson    *lesson,
                                        const char    *prompt_id);
char      *ally_entry_form_dup_title   (AllyEntryForm *self);
char      *ally_entry_form_dup_body    (AllyEntryForm *self);
/* The tags as typed, "listening, habits ,, work" → { "listening", "habits", "work" }. */
GStrv      ally_entry_form_dup_tags    (AllyEntryForm *self);
/* The entry as plain text a person can read anywhere: its title, its text and its tags. */
char      *ally_entry_form_format_text (AllyEntryForm *self);
void       ally_entry_form_focus_title (AllyEntryForm *self);
void       ally_entry_form_focus_body  (AllyEntryForm *self);

G_END_DECLS
