/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-review-card.h: the card of a review: a glossary term to recall, its definition shown on
 * request, or a missed quiz question asked again with its choices, then its explanation. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_REVIEW_CARD (ally_review_card_get_type ())
G_DECLARE_FINAL_TYPE (AllyReviewCard, ally_review_card, ALLY, REVIEW_CARD, GtkBox)

GtkWidget *ally_review_card_new            (void);
/* Asks @term: its name large, its definition hidden until ally_review_card_reveal_answer(). */
void       ally_review_card_show_term      (AllyReviewCard *self,
                                            AllyTerm       *term);
/* Asks @question with its choices; a choice activates review.choose with its index. */
void       ally_review_card_show_question  (AllyReviewCard *self,
                                            AllyQuestion   *question);
/* Puts the explanation of choice @index of the question shown in the answer (not yet
 * revealed) and sets @right; FALSE when no question is shown or there is no such choice. */
gboolean   ally_review_card_choose         (AllyReviewCard *self,
                                            guint           index,
                                            gboolean       *right);
/* The answer slides in; hiding it is immediate, so the next card's answer never shows. */
void       ally_review_card_reveal_answer  (AllyReviewCard *self);
void       ally_review_card_hide_answer    (AllyReviewCard *self);
/* Moves the focus to the first choice of the question shown. */
void       ally_review_card_focus_choices  (AllyReviewCard *self);

G_END_DECLS
