/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-due-commitment-row.c: a commitment due today or overdue; activating it goes to
 * Practice, where commitments are kept ("win.show-area"). */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-date.h"
#include "ally-due-commitment-row.h"

struct _AllyDueCommitmentRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (AllyDueCommitmentRow, ally_due_commitment_row, ADW_TYPE_ACTION_ROW)

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static char *
describe_due (GDateTime *due,
              GDateTime *now)
{
  g_autoptr(GDateTime) local_due = g_date_time_to_local (due);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autofree char *date = NULL;

  if (same_day (local_due, local_now))
    return g_strdup (_("Due today"));

  date = ally_date_format (local_due, _("%A %-d %B"));
  /* Translators: %s is a date, such as “Monday 3 November” */
  return g_strdup_printf (_("Was due on %s"), date);
}

static void
ally_due_commitment_row_class_init (AllyDueCommitmentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-due-commitment-row.ui");
}

static void
ally_due_commitment_row_init (AllyDueCommitmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_due_commitment_row_new (AllyCommitment *commitment,
                             GDateTime      *now)
{
  AllyDueCommitmentRow *self;
  g_autofree char *due = NULL;

  g_return_val_if_fail (ALLY_IS_COMMITMENT (commitment), NULL);
  g_return_val_if_fail (ally_commitment_get_due (commitment) != NULL, NULL);

  self = g_object_new (ALLY_TYPE_DUE_COMMITMENT_ROW, NULL);
  due = describe_due (ally_commitment_get_due (commitment), now);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ally_commitment_get_text (commitment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), due);
  return GTK_WIDGET (self);
}
