/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-course-loader.h: reads the course on a worker thread while the window opens. */
#pragma once

#include <gio/gio.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_COURSE_LOADER (ally_course_loader_get_type ())

G_DECLARE_FINAL_TYPE (AllyCourseLoader, ally_course_loader, ALLY, COURSE_LOADER, GObject)

AllyCourseLoader *ally_course_loader_new     (AllyCatalog       *catalog,
                                              GFile             *content_dir);
gboolean          ally_course_loader_is_done (AllyCourseLoader  *self);
AllyCatalog      *ally_course_loader_wait    (AllyCourseLoader  *self,
                                              GError           **error);

G_END_DECLS
