/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-commitment-row.c: one commitment in the Practice list. Ticking it emits
 * "done-toggled"; Edit and Delete activate practice.edit-commitment and
 * practice.delete-commitment with the commitment's id. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-commitment-row.h"
#include "ally-date.h"

struct _AllyCommitmentRow
{
  GtkBox          parent_instance;

  AllyCommitment *commitment;

  GtkCheckButton *check;
  GtkLabel       *title;
  GtkLabel       *subtitle;
  GtkButton      *edit_button;
  GtkButton      *delete_button;
};

G_DEFINE_FINAL_TYPE (AllyCommitmentRow, ally_commitment_row, GTK_TYPE_BOX)

enum {
  DONE_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_before_today (GDateTime *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      0, 0, 0);

  return g_date_time_compare (local, today) < 0;
}

/* Where a commitment came from and when it is due: "From “Privilege and identity” · Due …". */
static char *
describe_commitment (AllyCommitment *commitment,
                     const char     *lesson_title,
                     gboolean       *out_overdue)
{
  GString *text = g_string_new (NULL);
  GDateTime *due = ally_commitment_get_due (commitment);
  GDateTime *done_at = ally_commitment_get_done_at (commitment);

  *out_overdue = FALSE;
  if (lesson_title != NULL)
    /* Translators: where a commitment came from; %s is a lesson title */
    g_string_append_printf (text, _("From “%s”"), lesson_title);

  if (done_at != NULL)
    {
      g_autofree char *date = ally_date_format_day (done_at);

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: %s is a date */
      g_string_append_printf (text, _("Done %s"), date);
    }
  else if (due != NULL)
    {
      g_autofree char *date = ally_date_format_day (due);

      if (text->len > 0)
        g_string_append (text, " · ");
      *out_overdue = is_before_today (due);
      /* Translators: %s is a date */
      g_string_append_printf (text, *out_overdue ? _("Was due %s") : _("Due %s"), date);
    }

  return g_string_free (text, FALSE);
}

static void
on_check_toggled (GtkCheckButton    *check,
                  AllyCommitmentRow *self)
{
  if (self->commitment != NULL)
    g_signal_emit (self, signals[DONE_TOGGLED], 0, gtk_check_button_get_active (check));
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
ally_commitment_row_dispose (GObject *object)
{
  AllyCommitmentRow *self = ALLY_COMMITMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_COMMITMENT_ROW);
  g_clear_object (&self->commitment);

  G_OBJECT_CLASS (ally_commitment_row_parent_class)->dispose (object);
}

static void
ally_commitment_row_class_init (AllyCommitmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_commitment_row_dispose;

  /**
   * AllyCommitmentRow::done-toggled:
   * @done: whether the person ticked it (TRUE) or unticked it
   */
  signals[DONE_TOGGLED] = g_signal_new ("done-toggled", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-commitment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyCommitmentRow, check);
  gtk_widget_class_bind_template_child (widget_class, AllyCommitmentRow, title);
  gtk_widget_class_bind_template_child (widget_class, AllyCommitmentRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, AllyCommitmentRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AllyCommitmentRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
}

static void
ally_commitment_row_init (AllyCommitmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));
}

GtkWidget *
ally_commitment_row_new (void)
{
  return g_object_new (ALLY_TYPE_COMMITMENT_ROW, NULL);
}

AllyCommitment *
ally_commitment_row_get_commitment (AllyCommitmentRow *self)
{
  g_return_val_if_fail (ALLY_IS_COMMITMENT_ROW (self), NULL);

  return self->commitment;
}

void
ally_commitment_row_set_commitment (AllyCommitmentRow *self,
                                    AllyCommitment    *commitment,
                                    const char        *lesson_title)
{
  g_autofree char *description = NULL;
  gboolean overdue;
  gboolean done;
  const char *tooltip;
  gint64 id;

  g_return_if_fail (ALLY_IS_COMMITMENT_ROW (self));
  g_return_if_fail (ALLY_IS_COMMITMENT (commitment));

  g_set_object (&self->commitment, commitment);
  done = ally_commitment_get_done_at (commitment) != NULL;
  id = ally_commitment_get_id (commitment);

  /* Showing the state is not the person ticking it. */
  g_signal_handlers_block_by_func (self->check, on_check_toggled, self);
  gtk_check_button_set_active (self->check, done);
  g_signal_handlers_unblock_by_func (self->check, on_check_toggled, self);
  tooltip = done ? _("Mark as Not Done") : _("Mark as Done");
  /* Only when it changes: setting a tooltip asks the display server where the pointer is. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->check)), tooltip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->check), tooltip);

  gtk_label_set_label (self->title, ally_commitment_get_text (commitment));
  ally_accessible_name_row (GTK_WIDGET (self), ally_commitment_get_text (commitment));
  set_css_class (GTK_WIDGET (self->title), "commitment-done", done);

  description = describe_commitment (commitment, lesson_title, &overdue);
  gtk_label_set_label (self->subtitle, description);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), description[0] != '\0');
  set_css_class (GTK_WIDGET (self->subtitle), "warning", overdue);

  /* The target first: a name without it would not match the action's parameter type. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "practice.delete-commitment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "practice.edit-commitment");
}
