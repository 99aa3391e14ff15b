/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-practice-view-actions.c: the Practice area's actions (practice.*): adopting a
 * suggestion, adding, editing and deleting a commitment (with Undo), the new commitment's
 * due date, and showing the suggestions. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-commitment-dialog.h"
#include "ally-journal-progress.h"
#include "ally-practice-view-private.h"

static void
adopt_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *lesson_id, *commitment_id;

  g_variant_get (parameter, "(&s&s)", &lesson_id, &commitment_id);
  if (ally_practice_view_adopt_commitment (self, lesson_id, commitment_id, &error))
    ally_practice_view_show_toast (self, _("Added to your commitments"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      AdwToast *toast = adw_toast_new (error->message);

      /* The answer to what was just clicked: before any older toast still waiting. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    ally_practice_view_show_failure (self, error, _("Please try again."));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(AllyCommitment) commitment = ally_practice_view_find_commitment (self, id);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->journal == NULL || commitment == NULL)
    return;

  if (!ally_journal_delete_commitment (self->journal, id, &error))
    {
      ally_practice_view_show_failure (self, error, _("Please try again."));
      return;
    }

  g_set_object (&self->deleted, commitment);
  gtk_widget_action_set_enabled (widget, "practice.undo-delete", TRUE);
  ally_practice_view_reload_commitments (self);

  toast = adw_toast_new (_("Commitment deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "practice.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  g_autoptr(AllyCommitment) deleted = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;
  gint64 id;

  gtk_widget_action_set_enabled (widget, "practice.undo-delete", FALSE);
  if (deleted == NULL || self->journal == NULL)
    return;

  id = ally_journal_add_commitment (self->journal, ally_commitment_get_text (deleted),
                                    ally_commitment_get_lesson_id (deleted),
                                    ally_commitment_get_due (deleted),
                                    ally_commitment_get_entry_id (deleted), &error);
  if (id != 0 && ally_commitment_get_done_at (deleted) != NULL)
    ally_journal_set_commitment_done (self->journal, id, TRUE, &error);
  if (error != NULL)
    ally_practice_view_show_failure (self, error, _("Please add it again."));

  ally_practice_view_reload_commitments (self);
}

static void
on_edit_response (AllyCommitmentDialog *dialog,
                  const char           *response,
                  AllyPracticeView     *self)
{
  g_autofree char *text = ally_commitment_dialog_dup_text (dialog);
  g_autoptr(GDateTime) due = ally_commitment_dialog_dup_due (dialog);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || self->journal == NULL || text[0] == '\0')
    return;

  if (!ally_journal_update_commitment (self->journal, ally_commitment_dialog_get_id (dialog),
                                       text, due, &error))
    ally_practice_view_show_failure (self, error, _("Please try again."));
  ally_practice_view_reload_commitments (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  g_autoptr(AllyCommitment) commitment =
    ally_practice_view_find_commitment (self, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (widget);
  AllyCommitmentDialog *dialog;

  if (commitment == NULL || self->journal == NULL)
    return;

  dialog = ally_commitment_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, commitment);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_edit_response), self, 0);
  ally_commitment_dialog_present (dialog);
}

static void
set_due_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  ally_practice_view_set_new_due (self, date);
  gtk_popover_popdown (self->due_popover);
}

static void
clear_due_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);

  ally_practice_view_set_new_due (self, NULL);
  gtk_popover_popdown (self->due_popover);
}

static void
show_suggestions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->sections, "suggestions");
}

static void
add_commitment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_entry))));
  g_autoptr(GError) error = NULL;

  if (text[0] == '\0' || self->journal == NULL)
    return;

  /* On failure the text and date stay, so nothing the person wrote is lost. */
  if (ally_journal_add_commitment (self->journal, text, NULL, self->new_due, 0, &error) == 0)
    {
      ally_practice_view_show_failure (self, error, _("It is still in the box; please try again."));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_entry), "");
  ally_practice_view_set_new_due (self, NULL);
  ally_practice_view_reload_commitments (self);
}

void
ally_practice_view_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "practice.add-commitment", NULL,
                                   add_commitment_action);
  gtk_widget_class_install_action (widget_class, "practice.set-due", NULL, set_due_action);
  gtk_widget_class_install_action (widget_class, "practice.clear-due", NULL, clear_due_action);
  gtk_widget_class_install_action (widget_class, "practice.show-suggestions", NULL,
                                   show_suggestions_action);
  gtk_widget_class_install_action (widget_class, "practice.adopt", "(ss)", adopt_action);
  gtk_widget_class_install_action (widget_class, "practice.edit-commitment", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "practice.delete-commitment", "x",
                                   delete_action);
  gtk_widget_class_install_action (widget_class, "practice.undo-delete", NULL,
                                   undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "practice.undo-delete", NULL);
}
