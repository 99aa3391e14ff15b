/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-course-index.h: search across the course's text — lesson titles and summaries,
 * section headings, paragraphs and list items, key points, quiz questions and choices —
 * accent- and case-insensitive. */
#pragma once

#include <gio/gio.h>

#include "ally-catalog.h"
#include "ally-course-match.h"

G_BEGIN_DECLS

#define ALLY_TYPE_COURSE_INDEX (ally_course_index_get_type ())
G_DECLARE_FINAL_TYPE (AllyCourseIndex, ally_course_index, ALLY, COURSE_INDEX, GObject)

AllyCourseIndex *ally_course_index_new    (AllyCatalog     *catalog);
GListModel      *ally_course_index_search (AllyCourseIndex *self,
                                           const char      *query,
                                           guint            max_results);

G_END_DECLS
