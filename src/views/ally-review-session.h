/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-review-session.h: a review session — today's cards one at a time, graded Again, Hard,
 * Good or Easy (SM-2, kept by the journal), then the coming week. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_REVIEW_SESSION (ally_review_session_get_type ())
G_DECLARE_FINAL_TYPE (AllyReviewSession, ally_review_session, ALLY, REVIEW_SESSION, GtkWidget)

AllyReviewSession *ally_review_session_new           (void);
void               ally_review_session_set_catalog   (AllyReviewSession *self,
                                                      AllyCatalog       *catalog);
void               ally_review_session_set_journal   (AllyReviewSession *self,
                                                      AllyJournal       *journal);
/* Asks the cards due now, from the first. */
void               ally_review_session_start         (AllyReviewSession *self);
/* Makes every term of the lessons the person finished a card (new ones wait for their day). */
gboolean           ally_review_session_add_read_terms (AllyReviewSession *self,
                                                       GError           **error);
/* Moves the keyboard focus to the card's own button. */
void               ally_review_session_focus_default (AllyReviewSession *self);

G_END_DECLS
