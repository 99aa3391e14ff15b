/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson.h: one lesson of the course. */
#pragma once

#include <gio/gio.h>

#include "ally-prompt.h"
#include "ally-scenario.h"

G_BEGIN_DECLS

#define ALLY_TYPE_LESSON (ally_lesson_get_type ())
G_DECLARE_FINAL_TYPE (AllyLesson, ally_lesson, ALLY, LESSON, GObject)

const char *ally_lesson_get_id          (AllyLesson *self);
/* 1-based position in the course. */
guint       ally_lesson_get_number      (AllyLesson *self);
const char *ally_lesson_get_title       (AllyLesson *self);
const char *ally_lesson_get_summary     (AllyLesson *self);
guint       ally_lesson_get_minutes     (AllyLesson *self);
/* Of AllySection. */
GListModel *ally_lesson_get_sections    (AllyLesson *self);
/* Of AllyBlock (each a paragraph). */
GListModel *ally_lesson_get_key_points  (AllyLesson *self);
/* Of AllyQuestion. */
GListModel *ally_lesson_get_questions   (AllyLesson *self);
/* Of AllyScenario (may be empty in lessons 1 and 2). */
GListModel *ally_lesson_get_scenarios   (AllyLesson *self);
/* Of AllyPrompt. */
GListModel *ally_lesson_get_reflections (AllyLesson *self);
GListModel *ally_lesson_get_commitments (AllyLesson *self);
/* Of AllyCite: the lesson's <sources>. */
GListModel *ally_lesson_get_cites       (AllyLesson *self);
AllyPrompt   *ally_lesson_lookup_prompt   (AllyLesson *self,
                                          const char *id);
AllyScenario *ally_lesson_lookup_scenario (AllyLesson *self,
                                          const char *id);
/* Where it was loaded from, e.g. "lessons/01-what-allyship-is.xml". */
const char *ally_lesson_get_file        (AllyLesson *self);

G_END_DECLS
