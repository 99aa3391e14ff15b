/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-quiz-question.c: a question's stem and its choices (AllyQuizChoice), one of which can
 * be chosen. Choosing emits "answered"; putting back a saved answer does not. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-lesson-text.h"
#include "ally-quiz-choice.h"
#include "ally-quiz-question.h"

struct _AllyQuizQuestion
{
  GtkBox        parent_instance;

  AllyQuestion *question;
  /* TRUE while an answer is set from here, not chosen by the person. */
  gboolean      quiet;

  GtkLabel     *stem_label;
};

G_DEFINE_FINAL_TYPE (AllyQuizQuestion, ally_quiz_question, GTK_TYPE_BOX)

enum {
  ANSWERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The question's choices, in order. */
#define FOR_EACH_CHOICE(self, choice) \
  for (GtkWidget *choice = gtk_widget_get_next_sibling (GTK_WIDGET ((self)->stem_label)); \
       choice != NULL; choice = gtk_widget_get_next_sibling (choice))

static void
on_choice_toggled (GtkCheckButton   *button,
                   AllyQuizQuestion *self)
{
  guint index = 0;

  if (self->quiet || !gtk_check_button_get_active (button))
    return;

  FOR_EACH_CHOICE (self, choice)
    {
      AllyQuizChoice *quiz_choice = ALLY_QUIZ_CHOICE (choice);

      if (ally_quiz_choice_get_button (quiz_choice) == button)
        {
          g_signal_emit (self, signals[ANSWERED], 0, index,
                         ally_choice_get_correct (ally_quiz_choice_get_choice (quiz_choice)));
          return;
        }
      index++;
    }
}

static void
add_choices (AllyQuizQuestion *self)
{
  GListModel *choices = ally_question_get_choices (self->question);
  GtkCheckButton *group = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(AllyChoice) choice = g_list_model_get_item (choices, i);
      GtkWidget *widget = ally_quiz_choice_new (choice);
      GtkCheckButton *button = ally_quiz_choice_get_button (ALLY_QUIZ_CHOICE (widget));

      if (group == NULL)
        group = button;
      else
        gtk_check_button_set_group (button, group);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_choice_toggled), self, 0);
      gtk_box_append (GTK_BOX (self), widget);
    }
}

static void
ally_quiz_question_dispose (GObject *object)
{
  AllyQuizQuestion *self = ALLY_QUIZ_QUESTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_QUIZ_QUESTION);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (ally_quiz_question_parent_class)->dispose (object);
}

static void
ally_quiz_question_class_init (AllyQuizQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_quiz_question_dispose;

  /**
   * AllyQuizQuestion::answered:
   * @index: the chosen choice, from 0
   * @correct: whether it is the right answer
   *
   * The person chose an answer (not emitted for an answer put back).
   */
  signals[ANSWERED] =
    g_signal_new ("answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-quiz-question.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyQuizQuestion, stem_label);
  gtk_widget_class_bind_template_callback (widget_class, ally_lesson_label_on_link);
}

static void
ally_quiz_question_init (AllyQuizQuestion *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ally_quiz_question_new:
 * @number: the question's number in the quiz, from 1
 */
GtkWidget *
ally_quiz_question_new (AllyQuestion *question,
                        guint         number)
{
  AllyQuizQuestion *self;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (ALLY_IS_QUESTION (question), NULL);

  self = g_object_new (ALLY_TYPE_QUIZ_QUESTION, NULL);
  self->question = g_object_ref (question);
  /* Translators: a quiz question: %u is its number, %s its text */
  stem = g_strdup_printf (_("<b>%u.</b> %s"), number, ally_question_get_stem_markup (question));
  gtk_label_set_markup (self->stem_label, stem);
  add_choices (self);

  return GTK_WIDGET (self);
}

AllyQuestion *
ally_quiz_question_get_question (AllyQuizQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_QUESTION (self), NULL);

  return self->question;
}

/**
 * ally_quiz_question_show_answer:
 * @index: a choice, from 0
 *
 * Puts back an answer chosen earlier, with its explanation, without emitting "answered".
 *
 * Returns: %FALSE when the question has no such choice
 */
gboolean
ally_quiz_question_show_answer (AllyQuizQuestion *self,
                                guint             index)
{
  guint i = 0;

  g_return_val_if_fail (ALLY_IS_QUIZ_QUESTION (self), FALSE);

  FOR_EACH_CHOICE (self, choice)
    if (i++ == index)
      {
        self->quiet = TRUE;
        gtk_check_button_set_active (ally_quiz_choice_get_button (ALLY_QUIZ_CHOICE (choice)), TRUE);
        self->quiet = FALSE;
        return TRUE;
      }
  return FALSE;
}

/**
 * ally_quiz_question_take_back_wrong:
 *
 * Clears a wrong answer so the question can be answered again; a right one stays.
 *
 * Returns: whether the answer was wrong and is now cleared
 */
gboolean
ally_quiz_question_take_back_wrong (AllyQuizQuestion *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_QUESTION (self), FALSE);

  FOR_EACH_CHOICE (self, choice)
    {
      GtkCheckButton *button = ally_quiz_choice_get_button (ALLY_QUIZ_CHOICE (choice));

      if (gtk_check_button_get_active (button) &&
          !ally_choice_get_correct (ally_quiz_choice_get_choice (ALLY_QUIZ_CHOICE (choice))))
        {
          self->quiet = TRUE;
          gtk_check_button_set_active (button, FALSE);
          self->quiet = FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

/* Puts the keyboard on the first choice. */
void
ally_quiz_question_focus_first (AllyQuizQuestion *self)
{
  GtkWidget *first;

  g_return_if_fail (ALLY_IS_QUIZ_QUESTION (self));

  first = gtk_widget_get_next_sibling (GTK_WIDGET (self->stem_label));
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (ally_quiz_choice_get_button (ALLY_QUIZ_CHOICE (first))));
}
