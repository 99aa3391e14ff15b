/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-reminders.h: a desktop notification, at most once a day and only when the learner
 * agreed, that reviews or commitments are due. */
#pragma once

#include <gio/gio.h>

#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_REMINDERS (ally_reminders_get_type ())
G_DECLARE_FINAL_TYPE (AllyReminders, ally_reminders, ALLY, REMINDERS, GObject)

AllyReminders *ally_reminders_new          (GApplication  *application,
                                            GSettings     *settings);
void           ally_reminders_set_journal  (AllyReminders *self,
                                            AllyJournal   *journal);
GNotification *ally_reminders_check        (AllyReminders *self,
                                            GDateTime     *now);

G_END_DECLS
