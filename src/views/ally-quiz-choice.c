/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-quiz-choice.c: a radio-style check button with the answer's text; once chosen, it says
 * in a word whether the answer is right, then why (the course gives every choice its
 * explanation). */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-lesson-text.h"
#include "ally-quiz-choice.h"

struct _AllyQuizChoice
{
  GtkBox          parent_instance;

  AllyChoice     *choice;

  GtkCheckButton *button;
  GtkLabel       *label;
  GtkLabel       *feedback;
};

G_DEFINE_FINAL_TYPE (AllyQuizChoice, ally_quiz_choice, GTK_TYPE_BOX)

/* A word first, so the result never rests on colour alone; the explanation says why. */
static void
on_toggled (AllyQuizChoice *self)
{
  gboolean active = gtk_check_button_get_active (self->button);
  gboolean correct = ally_choice_get_correct (self->choice);
  g_autofree char *markup = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->feedback), active);
  if (!active)
    return;

  markup = g_strdup_printf ("<b>%s</b>\n%s", correct ? _("Correct") : _("Not quite"),
                            ally_choice_get_explanation_markup (self->choice));
  gtk_label_set_markup (self->feedback, markup);
  gtk_widget_remove_css_class (GTK_WIDGET (self->feedback), correct ? "quiz-wrong" : "quiz-right");
  gtk_widget_add_css_class (GTK_WIDGET (self->feedback), correct ? "quiz-right" : "quiz-wrong");
}

static void
ally_quiz_choice_dispose (GObject *object)
{
  AllyQuizChoice *self = ALLY_QUIZ_CHOICE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_QUIZ_CHOICE);
  g_clear_object (&self->choice);

  G_OBJECT_CLASS (ally_quiz_choice_parent_class)->dispose (object);
}

static void
ally_quiz_choice_class_init (AllyQuizChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_quiz_choice_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-quiz-choice.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyQuizChoice, button);
  gtk_widget_class_bind_template_child (widget_class, AllyQuizChoice, label);
  gtk_widget_class_bind_template_child (widget_class, AllyQuizChoice, feedback);
  gtk_widget_class_bind_template_callback (widget_class, on_toggled);
  gtk_widget_class_bind_template_callback (widget_class, ally_lesson_label_on_link);
}

static void
ally_quiz_choice_init (AllyQuizChoice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The answer's text wraps: its mark and it as a grid, not the check button's box. */
  ally_lesson_lay_out_in_a_row (GTK_WIDGET (self->button));
}

GtkWidget *
ally_quiz_choice_new (AllyChoice *choice)
{
  AllyQuizChoice *self;

  g_return_val_if_fail (ALLY_IS_CHOICE (choice), NULL);

  self = g_object_new (ALLY_TYPE_QUIZ_CHOICE, NULL);
  self->choice = g_object_ref (choice);
  gtk_label_set_markup (self->label, ally_choice_get_markup (choice));

  return GTK_WIDGET (self);
}

AllyChoice *
ally_quiz_choice_get_choice (AllyQuizChoice *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_CHOICE (self), NULL);

  return self->choice;
}

GtkCheckButton *
ally_quiz_choice_get_button (AllyQuizChoice *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_CHOICE (self), NULL);

  return self->button;
}
