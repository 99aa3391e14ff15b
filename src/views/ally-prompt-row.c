/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-prompt-row.c: the child of a list row: the prompt's text and one button: a reflection goes to the journal
 * (AllyJournalButton), a commitment to Practice ("Add to Your Commitments"); both activate
 * lesson.use-prompt with the prompt's id. */
#include "config.h"

#include "ally-accessible.h"
#include "ally-lesson-text.h"
#include "ally-prompt-row.h"

struct _AllyPromptRow
{
  GtkGrid            parent_instance;

  AllyJournalButton *journal_button;

  GtkLabel          *label;
  GtkWidget         *add_button;
};

G_DEFINE_FINAL_TYPE (AllyPromptRow, ally_prompt_row, GTK_TYPE_GRID)

static void
ally_prompt_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALLY_TYPE_PROMPT_ROW);

  G_OBJECT_CLASS (ally_prompt_row_parent_class)->dispose (object);
}

static void
ally_prompt_row_class_init (AllyPromptRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_prompt_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-prompt-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyPromptRow, label);
  gtk_widget_class_bind_template_child (widget_class, AllyPromptRow, add_button);
  gtk_widget_class_bind_template_callback (widget_class, ally_lesson_label_on_link);
}

static void
ally_prompt_row_init (AllyPromptRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_prompt_row_new (AllyPrompt *prompt)
{
  AllyPromptRow *self;
  const char *id;

  g_return_val_if_fail (ALLY_IS_PROMPT (prompt), NULL);

  self = g_object_new (ALLY_TYPE_PROMPT_ROW, NULL);
  id = ally_prompt_get_id (prompt);
  gtk_label_set_markup (self->label, ally_prompt_get_markup (prompt));
  if (ally_prompt_get_kind (prompt) == ALLY_PROMPT_REFLECTION)
    {
      self->journal_button = ALLY_JOURNAL_BUTTON (ally_journal_button_new ("lesson.use-prompt", id));
      /* In place of the add button, hidden (a hidden column takes no room). */
      gtk_grid_attach (GTK_GRID (self), GTK_WIDGET (self->journal_button), 2, 0, 1, 1);
    }
  else
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s", id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "lesson.use-prompt");
      gtk_widget_set_visible (self->add_button, TRUE);
    }

  /* A list row is announced by its name: the prompt's text. */
  ally_accessible_name_row (GTK_WIDGET (GTK_GRID (self)), ally_prompt_get_text (prompt));
  ally_accessible_name_controls (GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

/* The reflection's journal button; NULL for a commitment. */
AllyJournalButton *
ally_prompt_row_get_journal_button (AllyPromptRow *self)
{
  g_return_val_if_fail (ALLY_IS_PROMPT_ROW (self), NULL);

  return self->journal_button;
}
