/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lock-preferences.c: the Preferences section of the journal lock. Off: a passphrase
 * typed twice under a plain warning, then the recovery key shown once. On: the idle time
 * before it locks, a new passphrase, and turning it off. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-journal-lock.h"
#include "ally-lock-preferences.h"

struct _AllyLockPreferences
{
  AdwPreferencesGroup  parent_instance;

  AllyJournal         *journal;

  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirm_row;
  AdwActionRow        *turn_on_row;
  AdwActionRow        *recovery_row;
  AdwPreferencesRow   *recovery_key_row;
  GtkLabel            *recovery_label;
  AdwActionRow        *idle_row;
  GtkSpinButton       *idle_spin;
  AdwPasswordEntryRow *new_passphrase_row;
  AdwPasswordEntryRow *new_confirm_row;
  AdwActionRow        *change_row;
  AdwActionRow        *turn_off_row;
};

G_DEFINE_FINAL_TYPE (AllyLockPreferences, ally_lock_preferences, ADW_TYPE_PREFERENCES_GROUP)

static void
show_toast (AllyLockPreferences *self,
            const char          *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void
clear_entry (AdwPasswordEntryRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/* Shows the rows of the lock's state (the recovery key rows are shown by turn_on_action). */
static void
update_rows (AllyLockPreferences *self)
{
  gboolean on = self->journal != NULL && ally_journal_is_lock_on (self->journal);
  gboolean usable = self->journal != NULL && ally_journal_is_unlocked (self->journal);
  GtkWidget *off_rows[] = { GTK_WIDGET (self->passphrase_row), GTK_WIDGET (self->confirm_row),
                            GTK_WIDGET (self->turn_on_row) };
  GtkWidget *on_rows[] = { GTK_WIDGET (self->idle_row), GTK_WIDGET (self->new_passphrase_row),
                           GTK_WIDGET (self->new_confirm_row), GTK_WIDGET (self->change_row),
                           GTK_WIDGET (self->turn_off_row) };

  for (guint i = 0; i < G_N_ELEMENTS (off_rows); i++)
    gtk_widget_set_visible (off_rows[i], !on);
  for (guint i = 0; i < G_N_ELEMENTS (on_rows); i++)
    gtk_widget_set_visible (on_rows[i], on);
  gtk_widget_set_sensitive (GTK_WIDGET (self), usable);
}

/* The passphrase typed in both rows, or NULL after saying what is wrong. */
static const char *
typed_passphrase (AllyLockPreferences *self,
                  AdwPasswordEntryRow *row,
                  AdwPasswordEntryRow *again)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (row));

  if (*passphrase == '\0')
    {
      show_toast (self, _("Type a passphrase first."));
      return NULL;
    }
  if (g_strcmp0 (passphrase, gtk_editable_get_text (GTK_EDITABLE (again))) != 0)
    {
      show_toast (self, _("The two passphrases are not the same. Type them again."));
      clear_entry (again);
      return NULL;
    }
  return passphrase;
}

static void
on_turned_on (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AllyLockPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery = ally_journal_turn_lock_on_finish (ALLY_JOURNAL (object), result,
                                                                &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lock.turn-on", TRUE);
  if (recovery == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  gtk_label_set_label (self->recovery_label, recovery);
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_key_row), TRUE);
  update_rows (self);
  show_toast (self, _("Your journal is locked with your passphrase"));
}

/* The keys are derived on a worker thread (Argon2id takes a moment); the journal is then
 * converted in one transaction. */
static void
turn_on_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AllyLockPreferences *self = ALLY_LOCK_PREFERENCES (widget);
  const char *passphrase = typed_passphrase (self, self->passphrase_row, self->confirm_row);

  if (passphrase == NULL || self->journal == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lock.turn-on", FALSE);
  ally_journal_turn_lock_on_async (self->journal, passphrase, NULL, on_turned_on,
                                   g_object_ref (self));
  clear_entry (self->passphrase_row);
  clear_entry (self->confirm_row);
}

static void
hide_recovery_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AllyLockPreferences *self = ALLY_LOCK_PREFERENCES (widget);

  gtk_label_set_label (self->recovery_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->recovery_key_row), FALSE);
}

static void
change_passphrase_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AllyLockPreferences *self = ALLY_LOCK_PREFERENCES (widget);
  const char *passphrase = typed_passphrase (self, self->new_passphrase_row, self->new_confirm_row);
  g_autoptr(GError) error = NULL;

  if (passphrase == NULL || self->journal == NULL)
    return;
  if (!ally_journal_change_passphrase (self->journal, passphrase, &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Your passphrase was changed"));
  clear_entry (self->new_passphrase_row);
  clear_entry (self->new_confirm_row);
}

static void
turn_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AllyLockPreferences *self = ALLY_LOCK_PREFERENCES (widget);
  g_autoptr(GError) error = NULL;

  if (self->journal == NULL)
    return;
  hide_recovery_action (widget, NULL, NULL);
  if (!ally_journal_turn_lock_off (self->journal, &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Your journal is no longer encrypted"));
  update_rows (self);
}

static void
ally_lock_preferences_dispose (GObject *object)
{
  AllyLockPreferences *self = ALLY_LOCK_PREFERENCES (object);

  /* The recovery key and typed passphrases go with the window. */
  if (self->recovery_label != NULL)
    gtk_label_set_label (self->recovery_label, "");
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, update_rows, self);
  g_clear_object (&self->journal);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_LOCK_PREFERENCES);

  G_OBJECT_CLASS (ally_lock_preferences_parent_class)->dispose (object);
}

static void
ally_lock_preferences_class_init (AllyLockPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_lock_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-lock-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, turn_on_row);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, recovery_row);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, recovery_key_row);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, idle_row);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, new_passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, new_confirm_row);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, change_row);
  gtk_widget_class_bind_template_child (widget_class, AllyLockPreferences, turn_off_row);

  gtk_widget_class_install_action (widget_class, "lock.turn-on", NULL, turn_on_action);
  gtk_widget_class_install_action (widget_class, "lock.hide-recovery", NULL, hide_recovery_action);
  gtk_widget_class_install_action (widget_class, "lock.change-passphrase", NULL,
                                   change_passphrase_action);
  gtk_widget_class_install_action (widget_class, "lock.turn-off", NULL, turn_off_action);
}

static void
ally_lock_preferences_init (AllyLockPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_rows (self);
}

void
ally_lock_preferences_set_journal (AllyLockPreferences *self,
                                   AllyJournal         *journal)
{
  g_return_if_fail (ALLY_IS_LOCK_PREFERENCES (self));

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, update_rows, self);
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    g_signal_connect_swapped (journal, "lock-changed", G_CALLBACK (update_rows), self);
  update_rows (self);
}

void
ally_lock_preferences_set_settings (AllyLockPreferences *self,
                                    GSettings           *settings)
{
  g_return_if_fail (ALLY_IS_LOCK_PREFERENCES (self));
  g_settings_bind (settings, "lock-idle-minutes", self->idle_spin, "value", G_SETTINGS_BIND_DEFAULT);
}
