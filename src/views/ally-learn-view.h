/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-learn-view.h: the Learn area: the list of lessons and the lesson being read. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_LEARN_VIEW (ally_learn_view_get_type ())
G_DECLARE_FINAL_TYPE (AllyLearnView, ally_learn_view, ALLY, LEARN_VIEW, GtkWidget)

AllyCatalog *ally_learn_view_get_catalog   (AllyLearnView *self);
void         ally_learn_view_set_catalog   (AllyLearnView *self,
                                            AllyCatalog   *catalog);
AllyJournal *ally_learn_view_get_journal   (AllyLearnView *self);
void         ally_learn_view_set_journal   (AllyLearnView *self,
                                            AllyJournal   *journal);
void         ally_learn_view_show_error    (AllyLearnView *self,
                                            const GError  *error);
gboolean     ally_learn_view_open_lesson   (AllyLearnView *self,
                                            const char    *lesson_id);
gboolean     ally_learn_view_open_lesson_at_term (AllyLearnView *self,
                                                  const char    *lesson_id,
                                                  const char    *term_id);
AllyLesson  *ally_learn_view_get_lesson    (AllyLearnView *self);
gboolean     ally_learn_view_show_term     (AllyLearnView *self,
                                            const char    *term_id);
void         ally_learn_view_focus_default (AllyLearnView *self);
void         ally_learn_view_show_overview (AllyLearnView *self);
const char  *ally_learn_view_get_visible_page (AllyLearnView *self);

G_END_DECLS
