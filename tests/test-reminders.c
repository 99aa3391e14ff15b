/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reminders.c: reminders are off until the learner agrees, come at most once a day,
 * and only when something is due (AllyReminders, without sending anything). */
#include "config.h"

#include <stdlib.h>

#include "ally-journal-progress.h"
#include "ally-reminders.h"

typedef struct
{
  char          *dir;
  AllyJournal   *journal;
  GSettings     *settings;
  AllyReminders *reminders;
  GDateTime     *now;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;

  f->dir = g_dir_make_tmp ("allyship-reminders-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (f->dir);
  f->journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "reminders-enabled");
  g_settings_reset (f->settings, "last-reminder-day");
  f->reminders = ally_reminders_new (NULL, f->settings);
  ally_reminders_set_journal (f->reminders, f->journal);
  f->now = g_date_time_new_local (2026, 11, 2, 10, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->reminders);
  g_clear_object (&f->settings);
  g_clear_object (&f->journal);
  g_clear_pointer (&f->now, g_date_time_unref);
  g_assert_cmpint (system (rm), ==, 0);
  g_free (f->dir);
}

/* A card reviewed wrongly yesterday: due again today. */
static void
make_card_due (Fixture *f)
{
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (f->now, -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (ally_journal_review_card (f->journal, "ally", 1, yesterday, &error));
  g_assert_no_error (error);
}

static void
test_off_until_agreed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GNotification) notification = NULL;

  make_card_due (f);
  notification = ally_reminders_check (f->reminders, f->now);
  g_assert_null (notification);
}

static void
test_once_a_day (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GNotification) first = NULL;
  g_autoptr(GNotification) again = NULL;
  g_autoptr(GNotification) tomorrow = NULL;
  g_autoptr(GDateTime) later = g_date_time_add_hours (f->now, 5);
  g_autoptr(GDateTime) next_day = g_date_time_add_days (f->now, 1);
  g_autofree char *day = NULL;

  make_card_due (f);
  g_settings_set_boolean (f->settings, "reminders-enabled", TRUE);
  first = ally_reminders_check (f->reminders, f->now);
  g_assert_nonnull (first);
  day = g_settings_get_string (f->settings, "last-reminder-day");
  g_assert_cmpstr (day, ==, "2026-11-02");

  again = ally_reminders_check (f->reminders, later);
  g_assert_null (again);
  tomorrow = ally_reminders_check (f->reminders, next_day);
  g_assert_nonnull (tomorrow);
}

static void
test_nothing_due_nothing_sent (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *day = NULL;

  g_settings_set_boolean (f->settings, "reminders-enabled", TRUE);
  notification = ally_reminders_check (f->reminders, f->now);
  g_assert_null (notification);
  /* Nothing was sent: a commitment falling due later today can still be reminded of. */
  day = g_settings_get_string (f->settings, "last-reminder-day");
  g_assert_cmpstr (day, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reminders/off-until-agreed", test_off_until_agreed);
  ADD ("/reminders/once-a-day", test_once_a_day);
  ADD ("/reminders/nothing-due-nothing-sent", test_nothing_due_nothing_sent);
#undef ADD

  return g_test_run ();
}
