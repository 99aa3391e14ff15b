/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-save-problem-bar.h: the bar above a journal entry while it cannot be saved: what
 * failed, where the text is kept, and Retry (editor.retry-save). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ALLY_TYPE_SAVE_PROBLEM_BAR (ally_save_problem_bar_get_type ())
G_DECLARE_FINAL_TYPE (AllySaveProblemBar, ally_save_problem_bar, ALLY, SAVE_PROBLEM_BAR, GtkWidget)

GtkWidget *ally_save_problem_bar_new  (void);
/* Shows TITLE ("Not Saved") and why: SAVE_ERROR, and COPY_ERROR when not even an emergency
 * copy could be kept (nullable); a NULL SAVE_ERROR hides the bar. */
void       ally_save_problem_bar_show (AllySaveProblemBar *self,
                                       const char         *title,
                                       const GError       *save_error,
                                       const GError       *copy_error);

G_END_DECLS
