/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-unlock-page.c: the page shown while the journal is locked. One passphrase field and
 * Unlock; a wrong passphrase says so (the journal answers after about a second and reads or
 * writes no file); "Use Recovery Key" takes the key written down instead. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-journal-lock.h"
#include "ally-unlock-page.h"

struct _AllyUnlockPage
{
  GtkWidget       parent_instance;

  AllyJournal    *journal;
  GCancellable   *cancellable;
  gboolean        recovery;

  AdwStatusPage  *status_page;
  GtkPasswordEntry *secret_entry;
  GtkLabel       *secret_label;
  GtkLabel       *error_label;
  GtkButton      *unlock_button;
  GtkSpinner     *spinner;
  GtkButton      *mode_button;
};

G_DEFINE_FINAL_TYPE (AllyUnlockPage, ally_unlock_page, GTK_TYPE_WIDGET)

static void
set_busy (AllyUnlockPage *self,
          gboolean        busy)
{
  /* Not insensitive: GTK 4.8 warns when a focused text field is made insensitive. */
  gtk_editable_set_editable (GTK_EDITABLE (self->secret_entry), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.unlock", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.toggle-recovery", !busy);
}

static void
show_mode (AllyUnlockPage *self)
{
  const char *name = self->recovery ? _("Recovery key") : _("Passphrase");

  adw_status_page_set_description (self->status_page,
                                   self->recovery
                                   ? _("Type the recovery key you wrote down when you locked your journal. "
                                       "Then choose a new passphrase in Preferences.")
                                   : _("Type your passphrase to open it."));
  gtk_button_set_label (self->mode_button, self->recovery ? _("Use _Passphrase") : _("Use _Recovery Key"));
  gtk_label_set_label (self->secret_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->secret_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set (self->secret_entry, "placeholder-text", name, NULL);
}

static void
clear_secret (AllyUnlockPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->secret_entry), "");
}

/* Back to the passphrase, the field empty: nothing typed is kept once the page is left. */
static void
reset (AllyUnlockPage *self)
{
  self->recovery = FALSE;
  clear_secret (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_mode (self);
}

static void
on_unlocked (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AllyUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ally_journal_unlock_finish (ALLY_JOURNAL (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      clear_secret (self);
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->secret_entry));
      return;
    }
  set_busy (self, FALSE);
  reset (self);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AllyUnlockPage *self = ALLY_UNLOCK_PAGE (widget);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_entry));

  if (self->journal == NULL || *secret == '\0')
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  ally_journal_unlock_async (self->journal, secret, self->recovery, self->cancellable,
                             on_unlocked, g_object_ref (self));
}

static void
toggle_recovery_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AllyUnlockPage *self = ALLY_UNLOCK_PAGE (widget);

  self->recovery = !self->recovery;
  clear_secret (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_mode (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->secret_entry));
}

static void
on_secret_activate (AllyUnlockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock.unlock", NULL);
}

static void
on_secret_changed (AllyUnlockPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static gboolean
ally_unlock_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (ALLY_UNLOCK_PAGE (widget)->secret_entry));
}

static void
ally_unlock_page_dispose (GObject *object)
{
  AllyUnlockPage *self = ALLY_UNLOCK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_UNLOCK_PAGE);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (ally_unlock_page_parent_class)->dispose (object);
}

static void
ally_unlock_page_class_init (AllyUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_unlock_page_dispose;
  widget_class->grab_focus = ally_unlock_page_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyUnlockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AllyUnlockPage, secret_entry);
  gtk_widget_class_bind_template_child (widget_class, AllyUnlockPage, secret_label);
  gtk_widget_class_bind_template_child (widget_class, AllyUnlockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AllyUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, AllyUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AllyUnlockPage, mode_button);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_changed);

  gtk_widget_class_install_action (widget_class, "unlock.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "unlock.toggle-recovery", NULL,
                                   toggle_recovery_action);
}

static void
ally_unlock_page_init (AllyUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_mode (self);
}

void
ally_unlock_page_set_journal (AllyUnlockPage *self,
                              AllyJournal    *journal)
{
  g_return_if_fail (ALLY_IS_UNLOCK_PAGE (self));
  g_set_object (&self->journal, journal);
}

