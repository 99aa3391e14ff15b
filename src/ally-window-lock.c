/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-window-lock.c: the window and the journal lock: the unlock page while the journal is
 * locked, the areas dropped on every lock, Ctrl+L, and locking after the idle time set in
 * Preferences. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-journal-lock.h"
#include "ally-kept-text-dialog.h"
#include "ally-journal-view-private.h"
#include "ally-window-private.h"

/* How often the idle lock looks at the time since the last key press or click. */
#define IDLE_CHECK_SECONDS 10

gboolean
ally_window_journal_is_locked (AllyWindow *self)
{
  return self->journal != NULL && !ally_journal_is_unlocked (self->journal);
}

/* The areas that show what a person wrote are dropped on every lock, so that no widget keeps
 * their text (the text buffers go with them); they are built again, empty, when next shown. */
static void
ally_window_drop_private_areas (AllyWindow *self)
{
  if (self->journal_view != NULL)
    {
      self->journal_view = NULL;
      adw_bin_set_child (self->journal_bin, NULL);
    }
  if (self->practice_view != NULL)
    {
      self->practice_view = NULL;
      adw_bin_set_child (self->practice_bin, NULL);
    }
}

static void
ensure_unlock_page (AllyWindow *self)
{
  if (self->unlock_page != NULL)
    return;
  self->unlock_page = g_object_new (ALLY_TYPE_UNLOCK_PAGE, NULL);
  ally_unlock_page_set_journal (self->unlock_page, self->journal);
  adw_bin_set_child (self->unlock_bin, GTK_WIDGET (self->unlock_page));
}

/* Shows the unlock page while the journal is locked, and the areas (with the journal) when
 * it is not. */
static void
ally_window_update_lock (AllyWindow *self)
{
  gboolean locked = ally_window_journal_is_locked (self);

  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), !locked);
  if (locked)
    {
      ally_window_drop_private_areas (self);
      ensure_unlock_page (self);
      gtk_stack_set_visible_child_name (self->lock_stack, "locked");
      gtk_widget_grab_focus (GTK_WIDGET (self->unlock_page));
      return;
    }
  gtk_stack_set_visible_child_name (self->lock_stack, "content");
  if (self->journal != NULL)
    {
      if (self->journal_view != NULL)
        ally_journal_view_set_journal (self->journal_view, self->journal);
      if (self->practice_view != NULL)
        ally_practice_view_set_journal (self->practice_view, self->journal);
      ally_kept_text_dialog_offer (GTK_WINDOW (self), self->journal);
    }
  ally_window_ensure_visible_area (self);
  self->last_activity = g_get_monotonic_time ();
}

void
ally_window_watch_lock (AllyWindow  *self,
                        AllyJournal *journal)
{
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, ally_window_update_lock, self);
  g_set_object (&self->journal, journal);
  if (self->unlock_page != NULL)
    ally_unlock_page_set_journal (self->unlock_page, journal);
  g_signal_connect_swapped (journal, "lock-changed", G_CALLBACK (ally_window_update_lock), self);
  ally_window_update_lock (self);
}

/* Ctrl+L, and the idle time: saves the open entry, then locks (the window follows through
 * AllyJournal::lock-changed). FALSE, having said why, when it cannot. */
gboolean
ally_window_lock_journal (AllyWindow *self)
{
  AllyEntryEditor *editor = self->journal_view ? ally_journal_view_get_editor (self->journal_view) : NULL;

  if (self->journal == NULL || !ally_journal_is_lock_on (self->journal))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                                  _("The journal lock is off. Turn it on in Preferences."));
      return FALSE;
    }
  if (!ally_journal_is_unlocked (self->journal))
    return TRUE;
  if (editor != NULL && !ally_entry_editor_save (editor))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                                  _("Your entry could not be saved, so the journal stays unlocked."));
      return FALSE;
    }
  ally_journal_lock (self->journal);
  return TRUE;
}

/* Every key press, click or scroll in the window counts as activity for the idle lock. */
static gboolean
on_window_event (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 AllyWindow               *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
      self->last_activity = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
idle_check_cb (gpointer data)
{
  AllyWindow *self = data;
  guint minutes = self->settings ? g_settings_get_uint (self->settings, "lock-idle-minutes") : 0;

  if (minutes > 0 && self->journal != NULL && ally_journal_is_lock_on (self->journal) &&
      ally_journal_is_unlocked (self->journal) &&
      g_get_monotonic_time () - self->last_activity >= (gint64) minutes * 60 * G_USEC_PER_SEC)
    ally_window_lock_journal (self);
  return G_SOURCE_CONTINUE;
}

/* Counts the window's key presses and clicks, and looks at the idle time now and then. */
void
ally_window_watch_activity (AllyWindow *self)
{
  GtkEventController *activity = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (activity, GTK_PHASE_CAPTURE);
  g_signal_connect (activity, "event", G_CALLBACK (on_window_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), activity);
  self->last_activity = g_get_monotonic_time ();
  self->idle_check_id = g_timeout_add_seconds (IDLE_CHECK_SECONDS, idle_check_cb, self);
}

void
ally_window_stop_watching_lock (AllyWindow *self)
{
  g_clear_handle_id (&self->idle_check_id, g_source_remove);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, ally_window_update_lock, self);
  g_clear_object (&self->journal);
}
