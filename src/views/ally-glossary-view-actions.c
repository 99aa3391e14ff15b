/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-glossary-view-actions.c: the Glossary area's actions (glossary.*): searching, going
 * back, opening a term or a lesson, and moving between the terms and a flashcard review. */
#include "config.h"

#include "ally-glossary-view-private.h"

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ally_glossary_view_start_review (ALLY_GLOSSARY_VIEW (widget));
}

/* Back from a review to the terms: what it graded may change the counts. */
static void
browse_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AllyGlossaryView *self = ALLY_GLOSSARY_VIEW (widget);

  if (self->catalog == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack, "browse");
  ally_glossary_view_update_due_label (self);
  ally_glossary_term_page_update_card (self->term_page);
}

/* The term shown becomes a card now, whatever the person has read; the term page says so
 * and tells the view (AllyGlossaryTermPage::card-added). */
static void
add_to_reviews_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AllyGlossaryView *self = ALLY_GLOSSARY_VIEW (widget);

  if (self->journal == NULL || self->term_id == NULL)
    return;

  ally_glossary_term_page_add_to_reviews (self->term_page);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AllyGlossaryView *self = ALLY_GLOSSARY_VIEW (widget);

  if (self->catalog == NULL)
    return;

  browse_action (widget, NULL, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AllyGlossaryView *self = ALLY_GLOSSARY_VIEW (widget);
  gboolean reading = !adw_leaflet_get_folded (self->leaflet) ||
                     adw_leaflet_get_visible_child (self->leaflet) == self->content;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "review") == 0)
    {
      browse_action (widget, NULL, NULL);
    }
  else if (reading && self->history->len > 0)
    {
      /* Back from a followed link: the term read before. */
      g_autofree char *previous = g_ptr_array_steal_index (self->history, self->history->len - 1);

      ally_glossary_view_open_term (self, previous, ALLY_GLOSSARY_HISTORY_KEEP);
    }
  else
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
    }
}

static void
show_term_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ally_glossary_view_open_term (ALLY_GLOSSARY_VIEW (widget), g_variant_get_string (parameter, NULL),
                                ALLY_GLOSSARY_HISTORY_PUSH);
}

static void
open_lesson_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit_by_name (widget, "open-lesson", g_variant_get_string (parameter, NULL));
}

void
ally_glossary_view_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "glossary.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "glossary.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "glossary.show-term", "s", show_term_action);
  gtk_widget_class_install_action (widget_class, "glossary.open-lesson", "s", open_lesson_action);
  gtk_widget_class_install_action (widget_class, "glossary.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "glossary.browse", NULL, browse_action);
  gtk_widget_class_install_action (widget_class, "glossary.add-to-reviews", NULL, add_to_reviews_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "glossary.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "glossary.back", NULL);
}
