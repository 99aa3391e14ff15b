/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-quiz.c: the quiz's question cards (AllyQuizQuestion). Every answer is saved in
 * the journal and put back when the lesson is shown again; once every question is answered,
 * the score counts as a try. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-journal-progress.h"
#include "ally-lesson-quiz.h"
#include "ally-report.h"

struct _AllyLessonQuiz
{
  GtkBox       parent_instance;

  AllyLesson  *lesson;
  AllyJournal *journal;
  /* Question id → whether the chosen answer is right, for the score. */
  GHashTable  *answers;
  /* How many of the lesson's questions are on the page. */
  guint        n_shown;
};

G_DEFINE_FINAL_TYPE (AllyLessonQuiz, ally_lesson_quiz, GTK_TYPE_BOX)

static void
record_score (AllyLessonQuiz *self)
{
  guint n_questions = g_list_model_get_n_items (ally_lesson_get_questions (self->lesson));
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer value;
  int score = 0;

  if (g_hash_table_size (self->answers) != n_questions)
    return;

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    score += GPOINTER_TO_INT (value);

  if (!ally_journal_record_quiz_score (self->journal, ally_lesson_get_id (self->lesson), score,
                                       n_questions, &error))
    ally_report_failure (GTK_WIDGET (self), _("Your quiz score was not saved"), error);
}

static void
on_answered (AllyQuizQuestion *card,
             guint             index,
             gboolean          correct,
             AllyLessonQuiz   *self)
{
  const char *question_id = ally_question_get_id (ally_quiz_question_get_question (card));
  g_autofree char *answer = g_strdup_printf ("%u", index);
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (self->answers, g_strdup (question_id), GINT_TO_POINTER (correct));
  if (self->journal == NULL)
    return;

  if (!ally_journal_save_quiz_answer (self->journal, ally_lesson_get_id (self->lesson),
                                      question_id, answer, correct, &error))
    ally_report_failure (GTK_WIDGET (self), _("Your answer was not saved"), error);
  else
    record_score (self);
}

/* Puts back the answer chosen last time, if the journal has one. */
static void
restore_answer (AllyLessonQuiz   *self,
                AllyQuizQuestion *card)
{
  const char *question_id = ally_question_get_id (ally_quiz_question_get_question (card));
  g_autofree char *answer = NULL;
  gboolean correct = FALSE;
  guint64 index;

  if (self->journal == NULL)
    return;

  answer = ally_journal_get_quiz_answer (self->journal, ally_lesson_get_id (self->lesson),
                                         question_id, &correct, NULL);
  if (answer != NULL && g_ascii_string_to_unsigned (answer, 10, 0, G_MAXUINT, &index, NULL) &&
      ally_quiz_question_show_answer (card, index))
    g_hash_table_insert (self->answers, g_strdup (question_id), GINT_TO_POINTER (correct));
}

static void
clear (AllyLessonQuiz *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_box_remove (GTK_BOX (self), child);
  g_hash_table_remove_all (self->answers);
}

static void
ally_lesson_quiz_dispose (GObject *object)
{
  AllyLessonQuiz *self = ALLY_LESSON_QUIZ (object);

  g_clear_object (&self->lesson);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (ally_lesson_quiz_parent_class)->dispose (object);
}

static void
ally_lesson_quiz_finalize (GObject *object)
{
  AllyLessonQuiz *self = ALLY_LESSON_QUIZ (object);

  g_hash_table_unref (self->answers);

  G_OBJECT_CLASS (ally_lesson_quiz_parent_class)->finalize (object);
}

static void
ally_lesson_quiz_class_init (AllyLessonQuizClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ally_lesson_quiz_dispose;
  object_class->finalize = ally_lesson_quiz_finalize;
}

static void
ally_lesson_quiz_init (AllyLessonQuiz *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 18);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * ally_lesson_quiz_show:
 * @lesson: (nullable): the lesson whose questions to ask, or %NULL for none
 * @journal: (nullable): where answers are kept and found again
 *
 * Empties the quiz; ally_lesson_quiz_add_next() then adds @lesson's questions one by one.
 */
void
ally_lesson_quiz_show (AllyLessonQuiz *self,
                       AllyLesson     *lesson,
                       AllyJournal    *journal)
{
  g_return_if_fail (ALLY_IS_LESSON_QUIZ (self));

  clear (self);
  g_set_object (&self->lesson, lesson);
  g_set_object (&self->journal, journal);
  self->n_shown = 0;
}

/**
 * ally_lesson_quiz_add_next:
 *
 * Adds the lesson's next question, with the answer the journal has for it.
 *
 * Returns: (transfer none) (nullable): the question's card, or %NULL once every question
 *   is there
 */
GtkWidget *
ally_lesson_quiz_add_next (AllyLessonQuiz *self)
{
  g_autoptr(AllyQuestion) question = NULL;
  GtkWidget *card;

  g_return_val_if_fail (ALLY_IS_LESSON_QUIZ (self), NULL);

  if (self->lesson == NULL ||
      (question = g_list_model_get_item (ally_lesson_get_questions (self->lesson), self->n_shown)) == NULL)
    return NULL;

  card = ally_quiz_question_new (question, ++self->n_shown);
  g_signal_connect_object (card, "answered", G_CALLBACK (on_answered), self, 0);
  gtk_box_append (GTK_BOX (self), card);
  restore_answer (self, ALLY_QUIZ_QUESTION (card));
  return card;
}

/**
 * ally_lesson_quiz_retry_missed:
 *
 * Takes back the wrong answers, so that those questions (and only those) can be answered
 * again.
 *
 * Returns: (transfer none) (nullable): the first question taken back, or %NULL when no
 *   answer was wrong
 */
AllyQuizQuestion *
ally_lesson_quiz_retry_missed (AllyLessonQuiz *self)
{
  AllyQuizQuestion *first = NULL;

  g_return_val_if_fail (ALLY_IS_LESSON_QUIZ (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AllyQuizQuestion *card = ALLY_QUIZ_QUESTION (child);

      if (!ally_quiz_question_take_back_wrong (card))
        continue;
      g_hash_table_remove (self->answers,
                           ally_question_get_id (ally_quiz_question_get_question (card)));
      if (first == NULL)
        first = card;
    }
  return first;
}
