/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-term-popover.c: shows a term's definition and lets the reader follow its links.
 *
 * A long definition scrolls inside the popover, at most half the window high, so that its
 * See also links and its Open in Glossary button are always in sight. Following a link
 * changes the text once the click is over: rebuilding a label's links from inside its own
 * click handler took its event controllers away while GTK was still delivering the click to
 * them (Gtk-CRITICAL in gtk_event_controller_get_propagation_phase), and the links of the
 * new text then did nothing. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-term-popover.h"

/* The definition's greatest height: half the window's, but never less than this. Its
 * width: the popover's content's (ui/ally-term-popover.ui). */
#define MIN_DEFINITION_HEIGHT 160
#define DEFINITION_WIDTH 340

struct _AllyTermPopover
{
  GtkPopover         parent_instance;

  AllyCatalog       *catalog;
  char              *term_id;
  /* A link followed inside the popover, shown once its click is over. */
  char              *pending_term_id;
  guint              pending_id;

  GtkLabel          *name_label;
  GtkScrolledWindow *definition_scroller;
  GtkLabel          *definition_label;
  GtkLabel          *see_also_label;
};

G_DEFINE_FINAL_TYPE (AllyTermPopover, ally_term_popover, GTK_TYPE_POPOVER)

AllyTermPopover *
ally_term_popover_new (AllyCatalog *catalog)
{
  AllyTermPopover *self = g_object_new (ALLY_TYPE_TERM_POPOVER, NULL);

  self->catalog = g_object_ref (catalog);
  return self;
}

const char *
ally_term_popover_get_term_id (AllyTermPopover *self)
{
  g_return_val_if_fail (ALLY_IS_TERM_POPOVER (self), NULL);

  return self->term_id;
}

/* "See also: power, privilege" as links the reader can follow inside the popover. */
static char *
see_also_markup (AllyTermPopover *self,
                 AllyTerm        *term)
{
  const char * const *see_also = ally_term_get_see_also (term);
  g_autoptr(GString) links = g_string_new (NULL);

  for (guint i = 0; see_also != NULL && see_also[i] != NULL; i++)
    {
      AllyTerm *other = ally_catalog_lookup_term (self->catalog, see_also[i]);
      g_autofree char *name = NULL;

      if (other == NULL)
        continue;
      name = g_markup_escape_text (ally_term_get_name (other), -1);
      g_string_append_printf (links, "%s<a href=\"term:%s\">%s</a>",
                              links->len > 0 ? ", " : "", see_also[i], name);
    }

  if (links->len == 0)
    return NULL;

  /* Translators: %s is a list of related glossary terms */
  return g_strdup_printf (_("See also: %s"), links->str);
}

/* The definition would be as high as its text at the width it gets (a scrolled window
 * measures its child at the child's own natural width, narrower than the popover's: a gap
 * showed under shorter definitions), and at most half the window's height. That is only
 * its natural height: with less room around the link than that (a small window, a link
 * half-way down), the popover is given less, and the definition shrinks and scrolls, down
 * to MIN_DEFINITION_HEIGHT, rather than push the links and button out of the popover. */
static void
fit_definition_to_window (AllyTermPopover *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self->definition_label));
  int most = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) / 2 : 0;
  int natural;

  most = MAX (most, MIN_DEFINITION_HEIGHT);
  gtk_widget_measure (GTK_WIDGET (self->definition_label), GTK_ORIENTATION_VERTICAL,
                      width > 0 ? width : DEFINITION_WIDTH, NULL, &natural, NULL, NULL);
  gtk_scrolled_window_set_min_content_height (self->definition_scroller, -1);
  gtk_scrolled_window_set_max_content_height (self->definition_scroller, MIN (natural, most));
  gtk_scrolled_window_set_min_content_height (self->definition_scroller,
                                              MIN (natural, MIN_DEFINITION_HEIGHT));
}

gboolean
ally_term_popover_show_term (AllyTermPopover *self,
                             const char      *term_id)
{
  AllyTerm *term;
  g_autofree char *see_also = NULL;

  g_return_val_if_fail (ALLY_IS_TERM_POPOVER (self), FALSE);

  term = ally_catalog_lookup_term (self->catalog, term_id);
  if (term == NULL)
    return FALSE;

  g_free (self->term_id);
  self->term_id = g_strdup (ally_term_get_id (term));

  gtk_label_set_label (self->name_label, ally_term_get_name (term));
  gtk_label_set_markup (self->definition_label, ally_term_get_definition_markup (term));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->definition_scroller), 0);

  /* Dimmed by its style class (ui/ally-term-popover.ui). */
  see_also = see_also_markup (self, term);
  gtk_label_set_markup (self->see_also_label, see_also != NULL ? see_also : "");
  gtk_widget_set_visible (GTK_WIDGET (self->see_also_label), see_also != NULL);

  /* Following a link inside the popover changes its text: fit the new text. */
  fit_definition_to_window (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  return TRUE;
}

/* The link's term, shown once the click that followed the link is over (see the top). */
static gboolean
show_pending_term_cb (gpointer data)
{
  AllyTermPopover *self = data;
  g_autofree char *term_id = g_steal_pointer (&self->pending_term_id);

  self->pending_id = 0;
  if (term_id != NULL)
    ally_term_popover_show_term (self, term_id);
  return G_SOURCE_REMOVE;
}

static gboolean
on_definition_activate_link (GtkLabel        *label,
                             const char      *uri,
                             AllyTermPopover *self)
{
  if (!g_str_has_prefix (uri, "term:"))
    return FALSE;

  g_free (self->pending_term_id);
  self->pending_term_id = g_strdup (uri + strlen ("term:"));
  if (self->pending_id == 0)
    self->pending_id = g_idle_add (show_pending_term_cb, self);
  return TRUE;
}

/* The glossary takes over: the popover gets out of the way. The action is activated by hand:
 * a button made before its popover had a parent never learns of the window's actions. */
static void
on_glossary_button_clicked (GtkButton       *button,
                            AllyTermPopover *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-term", "s", self->term_id);
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Tab and Shift+Tab go round the popover's own controls: GTK 4.8 hands them to the window,
 * which takes the focus out and leaves the popover open behind it. */
static void
ally_term_popover_move_focus (GtkWidget        *widget,
                              GtkDirectionType  direction)
{
  if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
    gtk_widget_child_focus (widget, direction);
  else
    GTK_WIDGET_CLASS (ally_term_popover_parent_class)->move_focus (widget, direction);
}

static void
ally_term_popover_map (GtkWidget *widget)
{
  fit_definition_to_window (ALLY_TERM_POPOVER (widget));

  GTK_WIDGET_CLASS (ally_term_popover_parent_class)->map (widget);
}

static void
ally_term_popover_dispose (GObject *object)
{
  AllyTermPopover *self = ALLY_TERM_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_TERM_POPOVER);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->term_id, g_free);
  g_clear_pointer (&self->pending_term_id, g_free);
  g_clear_handle_id (&self->pending_id, g_source_remove);

  G_OBJECT_CLASS (ally_term_popover_parent_class)->dispose (object);
}

static void
ally_term_popover_class_init (AllyTermPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_term_popover_dispose;
  widget_class->map = ally_term_popover_map;
  widget_class->move_focus = ally_term_popover_move_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-term-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyTermPopover, name_label);
  gtk_widget_class_bind_template_child (widget_class, AllyTermPopover, definition_scroller);
  gtk_widget_class_bind_template_child (widget_class, AllyTermPopover, definition_label);
  gtk_widget_class_bind_template_child (widget_class, AllyTermPopover, see_also_label);
  gtk_widget_class_bind_template_callback (widget_class, on_definition_activate_link);
  gtk_widget_class_bind_template_callback (widget_class, on_glossary_button_clicked);
}

static void
ally_term_popover_init (AllyTermPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));
}
