/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-practice-view.h: the Practice area: commitments and the power and privilege map. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_PRACTICE_VIEW (ally_practice_view_get_type ())
G_DECLARE_FINAL_TYPE (AllyPracticeView, ally_practice_view, ALLY, PRACTICE_VIEW, GtkWidget)

GtkWidget   *ally_practice_view_new               (void);
void         ally_practice_view_set_journal       (AllyPracticeView *self,
                                                   AllyJournal      *journal);
void         ally_practice_view_set_catalog       (AllyPracticeView *self,
                                                   AllyCatalog      *catalog);
void         ally_practice_view_show_error        (AllyPracticeView *self,
                                                   const GError     *error);
gboolean     ally_practice_view_adopt_commitment  (AllyPracticeView *self,
                                                   const char       *lesson_id,
                                                   const char       *commitment_id,
                                                   GError          **error);

G_END_DECLS
