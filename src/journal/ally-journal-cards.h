/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-cards.h: review cards kept by AllyJournal — glossary terms the person has met
 * and quiz questions they missed — each scheduled by SM-2 in local days. */
#pragma once

#include "ally-journal.h"
#include "ally-sm2.h"

G_BEGIN_DECLS

/* A card's id says what it asks: "term:ID" (a glossary term) or "question:QUIZ/QUESTION"
 * (a quiz question, QUIZ being the lesson id). The journal keeps ids as given. */
#define ALLY_CARD_TERM_PREFIX "term:"
#define ALLY_CARD_QUESTION_PREFIX "question:"

char       *ally_card_id_for_term             (const char    *term_id);
char       *ally_card_id_for_question         (const char    *quiz_id,
                                               const char    *question_id);
gboolean    ally_card_id_parse_question       (const char    *card_id,
                                               char         **out_quiz_id,
                                               char         **out_question_id);

gboolean    ally_journal_add_card             (AllyJournal   *self,
                                               const char    *card_id,
                                               GDateTime     *now,
                                               gboolean      *out_added,
                                               GError       **error);
gboolean    ally_journal_add_cards            (AllyJournal        *self,
                                               const char * const *card_ids,
                                               GDateTime          *now,
                                               GError            **error);
gboolean    ally_journal_review_card          (AllyJournal   *self,
                                               const char    *card_id,
                                               int            quality,
                                               GDateTime     *now,
                                               GError       **error);
gboolean    ally_journal_get_card             (AllyJournal   *self,
                                               const char    *card_id,
                                               AllySm2State  *state,
                                               GDateTime    **out_due,
                                               GError       **error);
GStrv       ally_journal_list_due_cards       (AllyJournal   *self,
                                               GDateTime     *now,
                                               GError       **error);
GArray     *ally_journal_forecast_reviews     (AllyJournal   *self,
                                               GDateTime     *now,
                                               guint          n_days,
                                               GError       **error);

G_END_DECLS
