/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry.h: one journal entry — text the person wrote, with its dates, tags and lesson. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALLY_TYPE_ENTRY (ally_entry_get_type ())
G_DECLARE_FINAL_TYPE (AllyEntry, ally_entry, ALLY, ENTRY, GObject)

AllyEntry          *ally_entry_new            (void);
gint64              ally_entry_get_id         (AllyEntry          *self);
GDateTime          *ally_entry_get_created    (AllyEntry          *self);
GDateTime          *ally_entry_get_updated    (AllyEntry          *self);
const char         *ally_entry_get_uid        (AllyEntry          *self);
const char         *ally_entry_get_title      (AllyEntry          *self);
void                ally_entry_set_title      (AllyEntry          *self,
                                               const char         *title);
const char         *ally_entry_get_body       (AllyEntry          *self);
void                ally_entry_set_body       (AllyEntry          *self,
                                               const char         *body);
const char         *ally_entry_get_lesson_id  (AllyEntry          *self);
void                ally_entry_set_lesson_id  (AllyEntry          *self,
                                               const char         *lesson_id);
const char         *ally_entry_get_prompt_id  (AllyEntry          *self);
void                ally_entry_set_prompt_id  (AllyEntry          *self,
                                               const char         *prompt_id);
const char * const *ally_entry_get_tags       (AllyEntry          *self);
void                ally_entry_set_tags       (AllyEntry          *self,
                                               const char * const *tags);

G_END_DECLS
