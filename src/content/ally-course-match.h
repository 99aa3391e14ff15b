/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-course-match.h: one place in the course that a search found: its lesson, the text
 * (a heading, a paragraph or list item, a key point, a quiz question or choice) and a
 * snippet of it around the match. */
#pragma once

#include <gio/gio.h>

#include "ally-lesson.h"

G_BEGIN_DECLS

#define ALLY_TYPE_COURSE_MATCH (ally_course_match_get_type ())
G_DECLARE_FINAL_TYPE (AllyCourseMatch, ally_course_match, ALLY, COURSE_MATCH, GObject)

AllyCourseMatch *ally_course_match_new             (AllyLesson      *lesson,
                                                    const char      *text,
                                                    gsize            match_start,
                                                    gsize            match_end);
AllyLesson      *ally_course_match_get_lesson      (AllyCourseMatch *self);
/* The whole text the match is in, as the lesson shows it (plain text). */
const char      *ally_course_match_get_text        (AllyCourseMatch *self);
/* A short part of it around the match, with "…" where it was cut. */
const char      *ally_course_match_get_snippet     (AllyCourseMatch *self);
/* Where the match is in the snippet, in bytes. */
gsize            ally_course_match_get_snippet_start (AllyCourseMatch *self);
gsize            ally_course_match_get_snippet_end   (AllyCourseMatch *self);

G_END_DECLS
