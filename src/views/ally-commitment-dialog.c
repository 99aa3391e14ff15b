/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-commitment-dialog.c: editing a commitment's text and due date (Practice's Edit). */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-commitment-dialog.h"

struct _AllyCommitmentDialog
{
  AdwMessageDialog  parent_instance;

  gint64            id;

  GtkEntry         *text;
  GtkCheckButton   *has_due;
  GtkCalendar      *calendar;
};

G_DEFINE_FINAL_TYPE (AllyCommitmentDialog, ally_commitment_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_text_changed (GtkEditable          *text,
                 AllyCommitmentDialog *self)
{
  g_autofree char *stripped = ally_commitment_dialog_dup_text (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", stripped[0] != '\0');
}

static void
ally_commitment_dialog_class_init (AllyCommitmentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-commitment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyCommitmentDialog, text);
  gtk_widget_class_bind_template_child (widget_class, AllyCommitmentDialog, has_due);
  gtk_widget_class_bind_template_child (widget_class, AllyCommitmentDialog, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
}

static void
ally_commitment_dialog_init (AllyCommitmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AllyCommitmentDialog *
ally_commitment_dialog_new (GtkWindow      *parent,
                            AllyCommitment *commitment)
{
  AllyCommitmentDialog *self;
  GDateTime *due;

  g_return_val_if_fail (ALLY_IS_COMMITMENT (commitment), NULL);

  self = g_object_new (ALLY_TYPE_COMMITMENT_DIALOG, "transient-for", parent, NULL);
  self->id = ally_commitment_get_id (commitment);
  gtk_editable_set_text (GTK_EDITABLE (self->text), ally_commitment_get_text (commitment));
  due = ally_commitment_get_due (commitment);
  gtk_check_button_set_active (self->has_due, due != NULL);
  if (due != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (due);

      gtk_calendar_select_day (self->calendar, local);
    }

  return self;
}

void
ally_commitment_dialog_present (AllyCommitmentDialog *self)
{
  g_return_if_fail (ALLY_IS_COMMITMENT_DIALOG (self));

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text));
}

gint64
ally_commitment_dialog_get_id (AllyCommitmentDialog *self)
{
  g_return_val_if_fail (ALLY_IS_COMMITMENT_DIALOG (self), 0);

  return self->id;
}

char *
ally_commitment_dialog_dup_text (AllyCommitmentDialog *self)
{
  g_return_val_if_fail (ALLY_IS_COMMITMENT_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text))));
}

GDateTime *
ally_commitment_dialog_dup_due (AllyCommitmentDialog *self)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (ALLY_IS_COMMITMENT_DIALOG (self), NULL);

  if (!gtk_check_button_get_active (self->has_due))
    return NULL;

  day = gtk_calendar_get_date (self->calendar);
  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), 0, 0, 0);
}
