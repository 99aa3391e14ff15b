/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-search-result-row.h: one place a course search found: the lesson, and a snippet of
 * the text with the match in bold. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_SEARCH_RESULT_ROW (ally_search_result_row_get_type ())
G_DECLARE_FINAL_TYPE (AllySearchResultRow, ally_search_result_row, ALLY, SEARCH_RESULT_ROW, GtkListBoxRow)

GtkWidget       *ally_search_result_row_new       (AllyCourseMatch     *match);
AllyCourseMatch *ally_search_result_row_get_match (AllySearchResultRow *self);

G_END_DECLS
