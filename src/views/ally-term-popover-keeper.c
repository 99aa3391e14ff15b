/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-term-popover-keeper.c: opens a glossary term's AllyTermPopover beside the label whose
 * link named it, in a widget showing text with links (the lesson view), and lets go of it once
 * it is closed. */
#include "config.h"

#include "ally-term-popover.h"
#include "ally-term-popover-keeper.h"

struct _AllyTermPopoverKeeper
{
  GObject          parent_instance;

  /* The widget whose labels hold the links (not owned). */
  GtkWidget       *text_widget;
  AllyTermPopover *open_popover;
  /* Popovers that were closed, waiting to be unparented once their event is over. */
  GPtrArray       *closed_popovers;
  guint            unparent_id;

  /* Where the pointer last pressed in the text widget, to point the popover at the link. */
  double           press_x;
  double           press_y;
};

G_DEFINE_FINAL_TYPE (AllyTermPopoverKeeper, ally_term_popover_keeper, G_TYPE_OBJECT)

static void
unparent_closed_popovers (AllyTermPopoverKeeper *self)
{
  for (guint i = 0; i < self->closed_popovers->len; i++)
    {
      GtkWidget *popover = g_ptr_array_index (self->closed_popovers, i);

      if (gtk_widget_get_parent (popover) != NULL)
        gtk_widget_unparent (popover);
    }
  g_ptr_array_set_size (self->closed_popovers, 0);
}

static gboolean
unparent_closed_popovers_idle (gpointer data)
{
  AllyTermPopoverKeeper *self = data;

  self->unparent_id = 0;
  unparent_closed_popovers (self);
  return G_SOURCE_REMOVE;
}

static void on_popover_closed (GtkPopover            *popover,
                               AllyTermPopoverKeeper *self);

/* Closed popovers are let go once the event that closed them is over: unparenting one from
 * inside its own button's click pulls its event controllers away mid-event. They are let go
 * at once, too, before the text they point at is replaced (close_all). */
static void
let_go_of_popover (AllyTermPopoverKeeper *self,
                   AllyTermPopover       *popover)
{
  g_signal_handlers_disconnect_by_func (popover, on_popover_closed, self);
  g_ptr_array_add (self->closed_popovers, popover);
  if (self->unparent_id == 0)
    self->unparent_id = g_idle_add (unparent_closed_popovers_idle, self);
}

static void
on_popover_closed (GtkPopover            *popover,
                   AllyTermPopoverKeeper *self)
{
  let_go_of_popover (self, g_steal_pointer (&self->open_popover));
}

static void
on_text_pressed (GtkGestureClick       *gesture,
                 int                    n_press,
                 double                 x,
                 double                 y,
                 AllyTermPopoverKeeper *self)
{
  self->press_x = x;
  self->press_y = y;
}

static void
ally_term_popover_keeper_dispose (GObject *object)
{
  AllyTermPopoverKeeper *self = ALLY_TERM_POPOVER_KEEPER (object);

  if (self->open_popover != NULL)
    let_go_of_popover (self, g_steal_pointer (&self->open_popover));
  if (self->closed_popovers != NULL)
    unparent_closed_popovers (self);
  g_clear_handle_id (&self->unparent_id, g_source_remove);
  g_clear_pointer (&self->closed_popovers, g_ptr_array_unref);
  g_clear_weak_pointer (&self->text_widget);

  G_OBJECT_CLASS (ally_term_popover_keeper_parent_class)->dispose (object);
}

static void
ally_term_popover_keeper_class_init (AllyTermPopoverKeeperClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ally_term_popover_keeper_dispose;
}

static void
ally_term_popover_keeper_init (AllyTermPopoverKeeper *self)
{
  self->closed_popovers = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Keeps the popovers of links in @text_widget's labels, and follows the pointer's presses
 * there (before the labels see them) to know where a link was clicked. */
AllyTermPopoverKeeper *
ally_term_popover_keeper_new (GtkWidget *text_widget)
{
  AllyTermPopoverKeeper *self;
  GtkGesture *press;

  g_return_val_if_fail (GTK_IS_WIDGET (text_widget), NULL);

  self = g_object_new (ALLY_TYPE_TERM_POPOVER_KEEPER, NULL);
  g_set_weak_pointer (&self->text_widget, text_widget);
  press = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect_object (press, "pressed", G_CALLBACK (on_text_pressed), self, 0);
  gtk_widget_add_controller (text_widget, GTK_EVENT_CONTROLLER (press));
  return self;
}

/**
 * ally_term_popover_keeper_popup:
 * @anchor: the label holding the link, or the text widget itself (from the keyboard)
 *
 * Opens the definition of @term_id beside @anchor, pointing at the place pressed when that is
 * on @anchor; the popover open before is closed.
 *
 * Returns: FALSE when @catalog has no such term (nothing is opened)
 */
gboolean
ally_term_popover_keeper_popup (AllyTermPopoverKeeper *self,
                                AllyCatalog           *catalog,
                                const char            *term_id,
                                GtkWidget             *anchor)
{
  double x = self->press_x, y = self->press_y;

  g_return_val_if_fail (ALLY_IS_TERM_POPOVER_KEEPER (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (anchor), FALSE);

  if (catalog == NULL || ally_catalog_lookup_term (catalog, term_id) == NULL)
    return FALSE;

  /* Let go of the open one before closing it: its "closed" would let go of it a second time. */
  if (self->open_popover != NULL)
    {
      AllyTermPopover *old = g_steal_pointer (&self->open_popover);

      let_go_of_popover (self, old);
      gtk_popover_popdown (GTK_POPOVER (old));
    }

  self->open_popover = g_object_ref_sink (ally_term_popover_new (catalog));
  ally_term_popover_show_term (self->open_popover, term_id);
  gtk_widget_set_parent (GTK_WIDGET (self->open_popover), anchor);
  g_signal_connect (self->open_popover, "closed", G_CALLBACK (on_popover_closed), self);

  /* A link activated with the pointer: point at it. From the keyboard: at the label. */
  if (self->text_widget != NULL && anchor != self->text_widget &&
      gtk_widget_translate_coordinates (self->text_widget, anchor, x, y, &x, &y) &&
      x >= 0 && y >= 0 &&
      x < gtk_widget_get_width (anchor) && y < gtk_widget_get_height (anchor))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->open_popover),
                                 &(GdkRectangle) { (int) x, (int) y, 1, 1 });

  gtk_popover_popup (GTK_POPOVER (self->open_popover));
  return TRUE;
}

/* Closes the open popover and lets go of every closed one now: before the text they point at
 * is replaced. */
void
ally_term_popover_keeper_close_all (AllyTermPopoverKeeper *self)
{
  g_return_if_fail (ALLY_IS_TERM_POPOVER_KEEPER (self));

  if (self->open_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->open_popover));
  unparent_closed_popovers (self);
}
