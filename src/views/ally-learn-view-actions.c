/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-learn-view-actions.c: the Learn area's actions (learn.*): back from the lesson to the
 * list on a narrow window (Alt+Left), and searching the course (Ctrl+F through the window). */
#include "config.h"

#include "ally-learn-view-private.h"

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AllyLearnView *self = ALLY_LEARN_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The search entry, with the sidebar brought in first on a narrow window. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AllyLearnView *self = ALLY_LEARN_VIEW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
ally_learn_view_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "learn.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "learn.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "learn.back", NULL);
}
