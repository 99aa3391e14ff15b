/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-scroll-column.c: holds a scrolled page, measured only at the width it is shown at.
 *
 * A GtkScrolledWindow measures its child's height at no particular width to size itself,
 * though with a vertical scrollbar it then ignores the answer. An AdwClamp asked that lays
 * its child out at its widest (720 px), so every paragraph of a lesson was shaped at a width
 * it is seldom shown at, before being shaped again at the real one. This widget, put between
 * the scrolled window and the clamp, answers that question with no height, and passes every
 * other measure on (the viewport asks for the height at the width it gives). Only for a
 * scrolled window with a vertical scrollbar that does not take its child's natural height. */
#include "config.h"

#include "ally-scroll-column.h"

struct _AllyScrollColumn
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (AllyScrollColumn, ally_scroll_column, GTK_TYPE_WIDGET)

static void
ally_scroll_column_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child) ||
      (orientation == GTK_ORIENTATION_VERTICAL && for_size < 0))
    return;
  gtk_widget_measure (child, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
ally_scroll_column_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
ally_scroll_column_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
ally_scroll_column_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ally_scroll_column_parent_class)->dispose (object);
}

static void
ally_scroll_column_class_init (AllyScrollColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_scroll_column_dispose;
  widget_class->measure = ally_scroll_column_measure;
  widget_class->size_allocate = ally_scroll_column_size_allocate;
  widget_class->get_request_mode = ally_scroll_column_get_request_mode;
}

static void
ally_scroll_column_init (AllyScrollColumn *self)
{
}
