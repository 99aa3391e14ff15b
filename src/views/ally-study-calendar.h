/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-study-calendar.h: the days a learner studied or wrote, week by week: a quiet record,
 * with no count of days in a row. */
#pragma once

#include <gtk/gtk.h>

#include "ally-journal-overview.h"

G_BEGIN_DECLS

#define ALLY_TYPE_STUDY_CALENDAR (ally_study_calendar_get_type ())
G_DECLARE_FINAL_TYPE (AllyStudyCalendar, ally_study_calendar, ALLY, STUDY_CALENDAR, GtkWidget)

/* How many days to ask the journal for so that the calendar shows whole weeks (Monday to
 * Sunday) up to @now, @n_weeks of them. */
guint ally_study_calendar_days_for   (GDateTime           *now,
                                      guint                n_weeks);
void  ally_study_calendar_show       (AllyStudyCalendar   *self,
                                      AllyJournalOverview *overview,
                                      GDateTime           *now);

G_END_DECLS
