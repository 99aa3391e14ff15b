/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-course-titles.h: the course's titles for the ids the journal keeps, for exports. */
#pragma once

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

char *ally_course_title (AllyTitleKind  kind,
                         const char    *id,
                         gpointer       catalog);

G_END_DECLS
