/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-review-choice-row.h: one choice of a quiz question asked again in a review. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_REVIEW_CHOICE_ROW (ally_review_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (AllyReviewChoiceRow, ally_review_choice_row, ALLY, REVIEW_CHOICE_ROW, AdwActionRow)

/* Shows @choice's text; activating the row activates review.choose with @index. */
GtkWidget *ally_review_choice_row_new (AllyChoice *choice,
                                       guint       index);

G_END_DECLS
