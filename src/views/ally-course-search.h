/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-course-search.h: the Learn sidebar's search of the course text: the places found, or
 * a line saying nothing matched. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_COURSE_SEARCH (ally_course_search_get_type ())
G_DECLARE_FINAL_TYPE (AllyCourseSearch, ally_course_search, ALLY, COURSE_SEARCH, GtkWidget)

void     ally_course_search_set_catalog     (AllyCourseSearch *self,
                                             AllyCatalog      *catalog);
gboolean ally_course_search_set_query       (AllyCourseSearch *self,
                                             const char       *query);
gboolean ally_course_search_activate_first  (AllyCourseSearch *self);

G_END_DECLS
