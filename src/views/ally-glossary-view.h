/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-glossary-view.h: the Glossary area: searchable terms with their definitions, and
 * flashcard reviews scheduled by the journal. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_GLOSSARY_VIEW (ally_glossary_view_get_type ())
G_DECLARE_FINAL_TYPE (AllyGlossaryView, ally_glossary_view, ALLY, GLOSSARY_VIEW, GtkWidget)

AllyGlossaryView *ally_glossary_view_new          (void);
AllyCatalog      *ally_glossary_view_get_catalog  (AllyGlossaryView *self);
void              ally_glossary_view_set_catalog  (AllyGlossaryView *self,
                                                   AllyCatalog      *catalog);
AllyJournal      *ally_glossary_view_get_journal  (AllyGlossaryView *self);
void              ally_glossary_view_set_journal  (AllyGlossaryView *self,
                                                   AllyJournal      *journal);
/* Shows the term (ID or "term:ID"); FALSE, and nothing changes, if there is no such term. */
gboolean          ally_glossary_view_show_term    (AllyGlossaryView *self,
                                                   const char       *term_id);
/* The id of the term shown, or NULL. */
const char       *ally_glossary_view_get_term_id  (AllyGlossaryView *self);
/* Starts a flashcard review session (what the "Review Cards" button does). */
void              ally_glossary_view_start_review (AllyGlossaryView *self);
/* Moves the keyboard focus to the area's first control. */
void              ally_glossary_view_focus_default (AllyGlossaryView *self);

G_END_DECLS
