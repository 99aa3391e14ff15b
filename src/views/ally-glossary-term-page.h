/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-glossary-term-page.h: one glossary term read in full: its name and other forms, its
 * definition, related terms, the lessons that use it and its sources, with “Add to Reviews”.
 * Its links run the Glossary view's actions: glossary.show-term (a related term, or a term
 * link in the definition, with "term:ID"), glossary.open-lesson and glossary.back. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_GLOSSARY_TERM_PAGE (ally_glossary_term_page_get_type ())
G_DECLARE_FINAL_TYPE (AllyGlossaryTermPage, ally_glossary_term_page, ALLY, GLOSSARY_TERM_PAGE, GtkWidget)

AllyGlossaryTermPage *ally_glossary_term_page_new            (void);
/* The course the term's related terms and lessons come from. */
void                  ally_glossary_term_page_set_catalog    (AllyGlossaryTermPage *self,
                                                              AllyCatalog          *catalog);
/* The journal “Add to Reviews” writes to; without one, the button is hidden. */
void                  ally_glossary_term_page_set_journal    (AllyGlossaryTermPage *self,
                                                              AllyJournal          *journal);
AllyTerm             *ally_glossary_term_page_get_term       (AllyGlossaryTermPage *self);
/* Shows TERM from the top of the page (again, with its new text, if it is the one shown). */
void                  ally_glossary_term_page_set_term       (AllyGlossaryTermPage *self,
                                                              AllyTerm             *term);
/* “Back to …” names PREVIOUS, the term read before a link was followed; NULL hides it. */
void                  ally_glossary_term_page_set_back_term  (AllyGlossaryTermPage *self,
                                                              AllyTerm             *previous);
/* Asks the journal again whether the term is a card (a review or a finished lesson may
 * have made it one). */
void                  ally_glossary_term_page_update_card    (AllyGlossaryTermPage *self);
/* Makes the term shown a card now, whatever the person has read (the button's
 * term-page.add-to-reviews action); says so in a toast if the journal cannot. */
void                  ally_glossary_term_page_add_to_reviews (AllyGlossaryTermPage *self);

G_END_DECLS
