/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-accessible.c: gives screen readers a name for every control under a widget.
 *
 * GTK 4.8 names a button after its child, so an icon-only button is read as "GtkImage", a
 * menu button (whose inner toggle is labelled by it) as "GtkMenuButton", a mnemonic button
 * twice ("_Adopt Adopt": its own name, then its label's), and a check button or expander with
 * a label widget of its own by its type. The name is set here from what a sighted person sees: the tooltip of
 * an icon, the text of a label, and kept in step when that changes. Call it on a view after
 * building (or rebuilding) its widgets; calling it again is harmless. */
#include "config.h"

#include "ally-accessible.h"

#define NAMED_KEY "ally-accessible-named"

static char *
without_mnemonic (const char *label)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    if (*p != '_' || p[1] == '_')
      g_string_append_c (plain, *p);
  return g_string_free (plain, FALSE);
}

static void
set_name (GtkWidget  *widget,
          const char *name)
{
  if (name != NULL && *name != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static gboolean
shows_only_an_icon (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  return gtk_button_get_icon_name (button) != NULL || GTK_IS_IMAGE (child);
}

static void
name_button (GtkButton *button)
{
  /* A button that shows text is named by that text (GTK relates it to its label); a name of
   * our own would be read as well ("Adopt Adopt"), and GTK's own keeps the underscore. */
  if (shows_only_an_icon (button))
    set_name (GTK_WIDGET (button), gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  else if (GTK_IS_LABEL (gtk_button_get_child (button)))
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      gtk_button_get_child (button), NULL, -1);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static void
name_menu_button (GtkMenuButton *menu_button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (menu_button));
  const char *label = gtk_menu_button_get_label (menu_button);
  g_autofree char *name = label != NULL ? without_mnemonic (label) : g_strdup (tooltip);

  /* The toggle inside, which takes focus, is labelled by the menu button: naming the toggle
   * too would read the name twice. */
  set_name (GTK_WIDGET (menu_button), name);
}

/* A drop-down is read through the toggle inside it, which nothing labels. */
static void
name_drop_down (GtkDropDown *drop_down)
{
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down));
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (drop_down));

  set_name (GTK_WIDGET (drop_down), tooltip);
  if (GTK_IS_TOGGLE_BUTTON (toggle))
    set_name (toggle, tooltip);
}

static void
name_expander (GtkExpander *expander)
{
  const char *label = gtk_expander_get_label (expander);

  if (label != NULL)
    {
      g_autofree char *plain = gtk_expander_get_use_underline (expander) ? without_mnemonic (label)
                                                                          : g_strdup (label);
      set_name (GTK_WIDGET (expander), plain);
    }
}

static void
name_check_button (GtkCheckButton *check)
{
  GtkWidget *child = gtk_check_button_get_child (check);

  if (GTK_IS_LABEL (child))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    child, NULL, -1);
  else if (gtk_check_button_get_label (check) == NULL)
    set_name (GTK_WIDGET (check), gtk_widget_get_tooltip_text (GTK_WIDGET (check)));
}

static void
name_one (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    name_menu_button (GTK_MENU_BUTTON (widget));
  else if (GTK_IS_DROP_DOWN (widget))
    name_drop_down (GTK_DROP_DOWN (widget));
  else if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) &&
           !GTK_IS_DROP_DOWN (gtk_widget_get_parent (widget)))
    name_button (GTK_BUTTON (widget));
  else if (GTK_IS_EXPANDER (widget))
    name_expander (GTK_EXPANDER (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    name_check_button (GTK_CHECK_BUTTON (widget));
}

static void
on_name_source_changed (GtkWidget  *widget,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  name_one (widget);
}

static void
follow (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), NAMED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), NAMED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "notify::tooltip-text", G_CALLBACK (on_name_source_changed), NULL);
  g_signal_connect (widget, "notify::label", G_CALLBACK (on_name_source_changed), NULL);
}

void
ally_accessible_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root) || GTK_IS_EXPANDER (root) ||
      GTK_IS_CHECK_BUTTON (root) || GTK_IS_DROP_DOWN (root))
    {
      name_one (root);
      follow (root);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ally_accessible_name_controls (child);
}

/**
 * ally_accessible_name_row:
 * @row_child: what a list row shows: a list item's child, or a list box row's child
 * @name: what the row is, in words, as a screen reader should announce it
 *
 * GTK 4.8 gives a list row no name, so a screen reader reads only "list item". The name goes
 * on the row's child and on the row around it (GtkListView's row widget, or the GtkListBoxRow),
 * which is the object a screen reader announces. Call it again when the row shows another item.
 */
void
ally_accessible_name_row (GtkWidget  *row_child,
                          const char *name)
{
  GtkWidget *row = gtk_widget_get_parent (row_child);

  g_return_if_fail (GTK_IS_WIDGET (row_child));

  set_name (row_child, name);
  if (row != NULL)
    set_name (row, name);
}
