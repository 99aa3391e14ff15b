/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-reflection-row.c: a recent reflection; activating it opens the entry in the Journal
 * ("win.open-entry" with its id). */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-date.h"
#include "ally-reflection-row.h"

struct _AllyReflectionRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (AllyReflectionRow, ally_reflection_row, ADW_TYPE_ACTION_ROW)

static void
ally_reflection_row_class_init (AllyReflectionRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-reflection-row.ui");
}

static void
ally_reflection_row_init (AllyReflectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_reflection_row_new (AllyEntry *entry)
{
  AllyReflectionRow *self;
  g_autoptr(GDateTime) updated = NULL;
  g_autofree char *date = NULL;
  const char *title;

  g_return_val_if_fail (ALLY_IS_ENTRY (entry), NULL);

  self = g_object_new (ALLY_TYPE_REFLECTION_ROW, NULL);
  title = ally_entry_get_title (entry);
  updated = g_date_time_to_local (ally_entry_get_updated (entry));
  date = ally_date_format (updated, _("%-d %B %Y"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 title != NULL && *title != '\0' ? title : _("Untitled"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), date);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", ally_entry_get_id (entry));
  return GTK_WIDGET (self);
}
