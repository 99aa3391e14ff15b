/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-grade-bar.h: a review card's four answers (Again, Hard, Good, Easy), each with the
 * interval it would give; in one row when they fit, else two rows of two. */
#pragma once

#include <adwaita.h>

#include "ally-sm2.h"

G_BEGIN_DECLS

#define ALLY_TYPE_GRADE_BAR (ally_grade_bar_get_type ())
G_DECLARE_FINAL_TYPE (AllyGradeBar, ally_grade_bar, ALLY, GRADE_BAR, GtkWidget)

GtkWidget *ally_grade_bar_new           (void);
/* Shows under each answer how long until the card comes back after it, from the card's
 * @state; a @repeat (a card already answered in this session) keeps @state's interval. */
void       ally_grade_bar_set_intervals (AllyGradeBar       *self,
                                         const AllySm2State *state,
                                         gboolean            repeat);
/* Hard, Good and Easy are for a card @recalled; otherwise only Again can be chosen. Call after
 * enabling review.grade, which makes every answer sensitive again. */
void       ally_grade_bar_set_recalled  (AllyGradeBar       *self,
                                         gboolean            recalled);
gboolean   ally_grade_bar_get_recalled  (AllyGradeBar       *self);
/* Focuses the answer a person most likely wants: Good, or Again when it is the only one. */
void       ally_grade_bar_focus_default (AllyGradeBar       *self);

G_END_DECLS
