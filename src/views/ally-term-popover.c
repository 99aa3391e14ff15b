/* ally-term-popover.c: shows a term's definition and lets the reader follow its links. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-term-popover.h"

struct _AllyTermPopover
{
  GtkPopover   parent_instance;

  AllyCatalog *catalog;
  char        *term_id;

  GtkLabel    *name_label;
  GtkLabel    *definition_label;
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

gboolean
ally_term_popover_show_term (AllyTermPopover *self,
                             const char      *term_id)
{
  AllyTerm *term;
  g_autofree char *see_also = NULL;
  g_autofree char *markup = NULL;

  g_return_val_if_fail (ALLY_IS_TERM_POPOVER (self), FALSE);

  term = ally_catalog_lookup_term (self->catalog, term_id);
  if (term == NULL)
    return FALSE;

  g_free (self->term_id);
  self->term_id = g_strdup (ally_term_get_id (term));

  gtk_label_set_label (self->name_label, ally_term_get_name (term));
  /* One label for definition and related terms, so the popover's height fits the text. */
  see_also = see_also_markup (self, term);
  markup = see_also ? g_strdup_printf ("%s\n\n<span alpha=\"70%%\">%s</span>",
                                       ally_term_get_definition_markup (term), see_also)
                    : g_strdup (ally_term_get_definition_markup (term));
  gtk_label_set_markup (self->definition_label, markup);
  /* Following a link inside the popover changes its text: fit the new text. */
  gtk_widget_queue_resize (GTK_WIDGET (self));

  return TRUE;
}

static gboolean
on_definition_activate_link (GtkLabel        *label,
                             const char      *uri,
                             AllyTermPopover *self)
{
  if (!g_str_has_prefix (uri, "term:"))
    return FALSE;

  ally_term_popover_show_term (self, uri + strlen ("term:"));
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
ally_term_popover_dispose (GObject *object)
{
  AllyTermPopover *self = ALLY_TERM_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_TERM_POPOVER);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->term_id, g_free);

  G_OBJECT_CLASS (ally_term_popover_parent_class)->dispose (object);
}

static void
ally_term_popover_class_init (AllyTermPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_term_popover_dispose;
  widget_class->move_focus = ally_term_popover_move_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-term-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyTermPopover, name_label);
  gtk_widget_class_bind_template_child (widget_class, AllyTermPopover, definition_label);
  gtk_widget_class_bind_template_callback (widget_class, on_definition_activate_link);
  gtk_widget_class_bind_template_callback (widget_class, on_glossary_button_clicked);
}

static void
ally_term_popover_init (AllyTermPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));
}
