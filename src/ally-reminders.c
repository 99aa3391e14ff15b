/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-reminders.c: reminders that respect the person. Nothing is sent unless the
 * "reminders-enabled" setting is on (off until the learner says yes on the overview, or in
 * Preferences); then at most one notification a day ("last-reminder-day"), and only when
 * something is due. There is no background service: the check runs when the journal opens,
 * when reminders are turned on, and every hour while Allyship runs. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-journal-overview.h"
#include "ally-reminders.h"

#define CHECK_EVERY_SECONDS (60 * 60)
#define NOTIFICATION_ID "due-today"

struct _AllyReminders
{
  GObject       parent_instance;

  GApplication *application; /* unowned: it owns us */
  GSettings    *settings;
  AllyJournal  *journal;
  guint         timeout_id;
  guint         idle_id;
};

G_DEFINE_FINAL_TYPE (AllyReminders, ally_reminders, G_TYPE_OBJECT)

static GNotification *
build_notification (guint n_cards,
                    guint n_commitments)
{
  g_autoptr(GNotification) notification = g_notification_new (_("Due Today"));
  g_autoptr(GString) body = g_string_new (NULL);

  if (n_cards > 0)
    g_string_append_printf (body, ngettext ("%u card to review", "%u cards to review", n_cards),
                            n_cards);
  if (n_cards > 0 && n_commitments > 0)
    g_string_append_c (body, '\n');
  if (n_commitments > 0)
    /* Translators: %u is a number of commitments due today or before */
    g_string_append_printf (body, ngettext ("%u commitment due", "%u commitments due", n_commitments),
                            n_commitments);
  g_notification_set_body (notification, body->str);
  /* Clicking it brings Allyship forward, on its overview. */
  g_notification_set_default_action (notification, "app.show-overview");
  return g_steal_pointer (&notification);
}

/**
 * ally_reminders_check:
 * @now: the time of the check
 *
 * Decides whether a reminder is due now and, when one is, records today as the day of the
 * last reminder.
 *
 * Returns: (transfer full) (nullable): the notification to send, or %NULL
 */
GNotification *
ally_reminders_check (AllyReminders *self,
                      GDateTime     *now)
{
  g_autoptr(AllyJournalOverview) overview = NULL;
  g_autofree char *today = NULL;
  g_autofree char *last = NULL;
  guint n_cards, n_commitments;

  g_return_val_if_fail (ALLY_IS_REMINDERS (self), NULL);

  if (self->journal == NULL || !g_settings_get_boolean (self->settings, "reminders-enabled"))
    return NULL;

  today = g_date_time_format (now, "%Y-%m-%d");
  last = g_settings_get_string (self->settings, "last-reminder-day");
  if (g_strcmp0 (today, last) == 0)
    return NULL;

  overview = ally_journal_get_overview (self->journal, now, 1, NULL);
  if (overview == NULL)
    return NULL;
  n_cards = ally_journal_overview_get_n_reviews_due (overview);
  n_commitments = ally_journal_overview_get_n_due_commitments (overview);
  if (n_cards == 0 && n_commitments == 0)
    return NULL;

  g_settings_set_string (self->settings, "last-reminder-day", today);
  return build_notification (n_cards, n_commitments);
}

static void
check_and_send (AllyReminders *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GNotification) notification = ally_reminders_check (self, now);

  if (notification != NULL && self->application != NULL)
    g_application_send_notification (self->application, NOTIFICATION_ID, notification);
}

static gboolean
check_timeout (gpointer data)
{
  check_and_send (ALLY_REMINDERS (data));
  return G_SOURCE_CONTINUE;
}

static gboolean
check_idle (gpointer data)
{
  AllyReminders *self = ALLY_REMINDERS (data);

  self->idle_id = 0;
  check_and_send (self);
  return G_SOURCE_REMOVE;
}

static void
on_enabled_changed (GSettings     *settings,
                    const char    *key,
                    AllyReminders *self)
{
  check_and_send (self);
}

void
ally_reminders_set_journal (AllyReminders *self,
                            AllyJournal   *journal)
{
  g_return_if_fail (ALLY_IS_REMINDERS (self));

  if (!g_set_object (&self->journal, journal))
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (journal == NULL)
    return;
  /* Once what the learner came for is on screen: never before the first lesson paints. */
  self->idle_id = g_idle_add_full (G_PRIORITY_LOW, check_idle, self, NULL);
  self->timeout_id = g_timeout_add_seconds (CHECK_EVERY_SECONDS, check_timeout, self);
}

static void
ally_reminders_dispose (GObject *object)
{
  AllyReminders *self = ALLY_REMINDERS (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, on_enabled_changed, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (ally_reminders_parent_class)->dispose (object);
}

static void
ally_reminders_class_init (AllyRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ally_reminders_dispose;
}

static void
ally_reminders_init (AllyReminders *self)
{
}

/**
 * ally_reminders_new:
 * @application: (nullable): where notifications are sent from (%NULL: never sent, for tests)
 * @settings: the app's settings
 */
AllyReminders *
ally_reminders_new (GApplication *application,
                    GSettings    *settings)
{
  AllyReminders *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ALLY_TYPE_REMINDERS, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  g_signal_connect (settings, "changed::reminders-enabled", G_CALLBACK (on_enabled_changed), self);
  return self;
}
