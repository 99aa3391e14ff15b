/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-quiz-result-row.c: one lesson's quiz on the overview. Its button runs
 * "overview.retry-missed" with the lesson's id. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-quiz-result-row.h"

struct _AllyQuizResultRow
{
  AdwActionRow  parent_instance;

  GtkButton    *retry_button;
};

G_DEFINE_FINAL_TYPE (AllyQuizResultRow, ally_quiz_result_row, ADW_TYPE_ACTION_ROW)

static char *
describe_scores (AllyQuizResult *result)
{
  if (ally_quiz_result_get_attempts (result) == 0)
    return g_strdup (_("Some questions not answered yet"));

  /* Translators: a quiz's scores: “Best 4 of 5, last 3 of 5” */
  return g_strdup_printf (_("Best %d of %d, last %d of %d"),
                          ally_quiz_result_get_best_score (result),
                          ally_quiz_result_get_max_score (result),
                          ally_quiz_result_get_last_score (result),
                          ally_quiz_result_get_max_score (result));
}

static void
ally_quiz_result_row_class_init (AllyQuizResultRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-quiz-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyQuizResultRow, retry_button);
}

static void
ally_quiz_result_row_init (AllyQuizResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_quiz_result_row_new (AllyLesson     *lesson,
                          AllyQuizResult *result)
{
  AllyQuizResultRow *self;
  guint n_missed;
  g_autofree char *title = NULL;
  g_autofree char *scores = NULL;
  g_autofree char *retry = NULL;

  g_return_val_if_fail (ALLY_IS_LESSON (lesson), NULL);
  g_return_val_if_fail (ALLY_IS_QUIZ_RESULT (result), NULL);

  self = g_object_new (ALLY_TYPE_QUIZ_RESULT_ROW, NULL);
  n_missed = ally_quiz_result_get_n_missed (result);
  /* Translators: %u is the lesson's number, %s its title */
  title = g_strdup_printf (_("Lesson %u: %s"), ally_lesson_get_number (lesson),
                           ally_lesson_get_title (lesson));
  scores = describe_scores (result);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), scores);

  /* Translators: a button that asks again only the quiz questions answered wrongly */
  retry = g_strdup_printf (ngettext ("Retry %u Missed", "Retry %u Missed", n_missed), n_missed);
  gtk_button_set_label (self->retry_button, retry);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->retry_button), "s",
                                    ally_lesson_get_id (lesson));
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), n_missed > 0);

  return GTK_WIDGET (self);
}
