/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-suggestion-row.c: one commitment a lesson suggests. Adopt activates practice.adopt
 * with the lesson's id and the suggestion's. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-suggestion-row.h"

struct _AllySuggestionRow
{
  GtkBox      parent_instance;

  AllyPrompt *prompt;

  GtkLabel   *title;
  GtkLabel   *subtitle;
  GtkButton  *adopt_button;
};

G_DEFINE_FINAL_TYPE (AllySuggestionRow, ally_suggestion_row, GTK_TYPE_BOX)

static void
ally_suggestion_row_dispose (GObject *object)
{
  AllySuggestionRow *self = ALLY_SUGGESTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_SUGGESTION_ROW);
  g_clear_object (&self->prompt);

  G_OBJECT_CLASS (ally_suggestion_row_parent_class)->dispose (object);
}

static void
ally_suggestion_row_class_init (AllySuggestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_suggestion_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-suggestion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AllySuggestionRow, title);
  gtk_widget_class_bind_template_child (widget_class, AllySuggestionRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, AllySuggestionRow, adopt_button);
}

static void
ally_suggestion_row_init (AllySuggestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));
}

GtkWidget *
ally_suggestion_row_new (void)
{
  return g_object_new (ALLY_TYPE_SUGGESTION_ROW, NULL);
}

AllyPrompt *
ally_suggestion_row_get_prompt (AllySuggestionRow *self)
{
  g_return_val_if_fail (ALLY_IS_SUGGESTION_ROW (self), NULL);

  return self->prompt;
}

void
ally_suggestion_row_set_prompt (AllySuggestionRow *self,
                                AllyPrompt        *prompt,
                                const char        *description)
{
  g_return_if_fail (ALLY_IS_SUGGESTION_ROW (self));
  g_return_if_fail (prompt == NULL || ALLY_IS_PROMPT (prompt));

  g_set_object (&self->prompt, prompt);
  if (prompt == NULL)
    return;

  gtk_label_set_label (self->title, ally_prompt_get_text (prompt));
  ally_accessible_name_row (GTK_WIDGET (self), ally_prompt_get_text (prompt));
  gtk_label_set_label (self->subtitle, description);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), description != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->adopt_button), "(ss)",
                                    ally_prompt_get_lesson_id (prompt),
                                    ally_prompt_get_id (prompt));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->adopt_button), "practice.adopt");
}

void
ally_suggestion_row_set_adopted (AllySuggestionRow *self,
                                 gboolean           adopted)
{
  GtkWidget *button;

  g_return_if_fail (ALLY_IS_SUGGESTION_ROW (self));

  button = GTK_WIDGET (self->adopt_button);
  gtk_button_set_label (self->adopt_button, adopted ? _("Adopted") : _("_Adopt"));
  gtk_widget_set_sensitive (button, !adopted);
  if (adopted)
    gtk_widget_remove_css_class (button, "suggested-action");
  else
    gtk_widget_add_css_class (button, "suggested-action");
}
