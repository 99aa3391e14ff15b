/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-view-actions.c: the lesson page's actions (lesson.*): writing about a reflection
 * or a scenario, adopting a commitment, marking the lesson finished (or not), and going on to
 * the next lesson. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-date.h"
#include "ally-lesson-view-private.h"
#include "ally-report.h"

static void
lesson_use_prompt_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  AllyPrompt *prompt;

  if (self->lesson == NULL)
    return;

  prompt = ally_lesson_lookup_prompt (self->lesson, id);
  if (prompt != NULL)
    g_signal_emit_by_name (self, "prompt-activated", prompt);
}

static void
lesson_write_scenario_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  AllyScenario *scenario = self->lesson ? ally_lesson_lookup_scenario (self->lesson, id) : NULL;

  if (scenario != NULL)
    g_signal_emit_by_name (self, "scenario-activated", scenario);
}

static void
lesson_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit_by_name (widget, "next-lesson");
}

void
ally_lesson_view_update_completion (AllyLessonView *self)
{
  g_auto(AllyLessonState) state = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean completed = FALSE;

  if (self->journal != NULL && self->lesson != NULL &&
      ally_journal_get_lesson_state (self->journal, ally_lesson_get_id (self->lesson), &state, &error))
    completed = state.completed_at != NULL;

  gtk_widget_set_visible (self->complete_button, self->journal != NULL && !completed);
  gtk_widget_set_visible (GTK_WIDGET (self->completed_label), completed);
  gtk_widget_set_visible (self->uncomplete_button, completed);
  if (completed)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (state.completed_at);
      /* Translators: a date format, see g_date_time_format(); e.g. “26 November 2026” */
      g_autofree char *date = ally_date_format (local, _("%e %B %Y"));
      g_autofree char *text = NULL;

      g_strstrip (date);
      /* Translators: %s is a date */
      text = g_strdup_printf (_("You finished this lesson on %s."), date);
      gtk_label_set_label (self->completed_label, text);
    }
}

/* Marks the lesson finished or not; the button pressed is gone, so the keyboard moves to the
 * one that takes its place. */
static void
set_completed (AllyLessonView *self,
               gboolean        completed)
{
  g_autoptr(GError) error = NULL;
  const char *id;
  gboolean saved;

  if (self->journal == NULL || self->lesson == NULL)
    return;

  id = ally_lesson_get_id (self->lesson);
  saved = completed ? ally_journal_complete_lesson (self->journal, id, &error)
                    : ally_journal_uncomplete_lesson (self->journal, id, &error);
  if (!saved)
    {
      ally_report_failure (GTK_WIDGET (self), completed ? _("The lesson could not be marked as finished")
                                    : _("The lesson could not be marked as not finished"), error);
      return;
    }

  ally_lesson_view_update_completion (self);
  gtk_widget_grab_focus (completed ? self->uncomplete_button : self->complete_button);
  g_signal_emit_by_name (self, "lesson-completed", id);
}

static void
lesson_complete_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  set_completed (ALLY_LESSON_VIEW (widget), TRUE);
}

/* Mark as Finished can be taken back: the lesson counts as not finished again. */
static void
lesson_uncomplete_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  set_completed (ALLY_LESSON_VIEW (widget), FALSE);
}

void
ally_lesson_view_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "lesson.complete", NULL, lesson_complete_action);
  gtk_widget_class_install_action (widget_class, "lesson.uncomplete", NULL, lesson_uncomplete_action);
  gtk_widget_class_install_action (widget_class, "lesson.use-prompt", "s", lesson_use_prompt_action);
  gtk_widget_class_install_action (widget_class, "lesson.write-scenario", "s",
                                   lesson_write_scenario_action);
  gtk_widget_class_install_action (widget_class, "lesson.next", NULL, lesson_next_action);
}
