/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-text.h: the labels a lesson's page is made of, and finding them again. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"

G_BEGIN_DECLS

/* The least width of a wrapping label, in characters ("width-chars"); the templates' wrapping
 * labels say the same. See ally_lesson_label_new(). */
#define ALLY_LABEL_MIN_CHARS 12

GtkWidget *ally_lesson_label_new       (const char *markup,
                                        const char *css_class);
gboolean   ally_lesson_label_on_link   (GtkLabel   *label,
                                        const char *uri,
                                        gpointer    user_data);
GtkWidget *ally_lesson_bullet_row      (const char *markup,
                                        const char *css_class);
void       ally_lesson_lay_out_in_a_row (GtkWidget *widget);
GtkWidget *ally_lesson_block_new       (AllyBlock  *block);
char      *ally_lesson_cites_markup    (GListModel *cites);

GtkWidget *ally_lesson_find_term_label (GtkWidget  *page,
                                        const char *term_id);
GtkWidget *ally_lesson_find_text_label (GtkWidget  *page,
                                        const char *text,
                                        const char *folded_query);

G_END_DECLS
