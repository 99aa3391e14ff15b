/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-power-answer.c: one question of the power and privilege map (the course's
 * AllyMapQuestion) and the person's answer, kept in the journal by the question's id.
 * Typing saves after a pause (ALLY_POWER_ANSWER_AUTOSAVE_MS) and when the field loses focus;
 * a failed save keeps the text on the page, says "Not saved", emits "save-failed" and tries
 * again at the next pause. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-cursor-follow.h"
#include "ally-journal-progress.h"
#include "ally-power-answer.h"

struct _AllyPowerAnswer
{
  GtkBox         parent_instance;

  char          *id;       /* the answer's key in the journal */
  AllyJournal   *journal;
  guint          save_id;
  gboolean       dirty;
  gboolean       loading;

  GtkLabel      *title;
  GtkLabel      *prompt;
  GtkTextView   *text_view;
  GtkLabel      *status;
};

G_DEFINE_FINAL_TYPE (AllyPowerAnswer, ally_power_answer, GTK_TYPE_BOX)

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
buffer_text (AllyPowerAnswer *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
autosave_cb (gpointer data)
{
  AllyPowerAnswer *self = data;

  self->save_id = 0;
  ally_power_answer_save (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (GtkTextBuffer   *buffer,
                   AllyPowerAnswer *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  gtk_label_set_label (self->status, "");
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (ALLY_POWER_ANSWER_AUTOSAVE_MS, autosave_cb, self);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                AllyPowerAnswer         *self)
{
  ally_power_answer_save (self);
}

static void
ally_power_answer_dispose (GObject *object)
{
  AllyPowerAnswer *self = ALLY_POWER_ANSWER (object);

  /* Nothing typed is lost when the map goes before the pause ends. */
  ally_power_answer_save (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_POWER_ANSWER);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (ally_power_answer_parent_class)->dispose (object);
}

static void
ally_power_answer_finalize (GObject *object)
{
  g_free (ALLY_POWER_ANSWER (object)->id);

  G_OBJECT_CLASS (ally_power_answer_parent_class)->finalize (object);
}

static void
ally_power_answer_class_init (AllyPowerAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_power_answer_dispose;
  object_class->finalize = ally_power_answer_finalize;

  /**
   * AllyPowerAnswer::save-failed:
   * @error: why the answer could not be saved
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-power-answer.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyPowerAnswer, title);
  gtk_widget_class_bind_template_child (widget_class, AllyPowerAnswer, prompt);
  gtk_widget_class_bind_template_child (widget_class, AllyPowerAnswer, text_view);
  gtk_widget_class_bind_template_child (widget_class, AllyPowerAnswer, status);
}

static void
ally_power_answer_init (AllyPowerAnswer *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, 0);
  /* A long answer typed at its end stays in sight: the page scrolls with the cursor. */
  ally_cursor_follow (self->text_view);
}

AllyPowerAnswer *
ally_power_answer_new (AllyMapQuestion *question)
{
  AllyPowerAnswer *self;

  g_return_val_if_fail (ALLY_IS_MAP_QUESTION (question), NULL);

  self = g_object_new (ALLY_TYPE_POWER_ANSWER, NULL);
  self->id = g_strdup (ally_map_question_get_id (question));
  /* The field is found by its question's id (tests, style). */
  gtk_widget_set_name (GTK_WIDGET (self->text_view), self->id);
  ally_power_answer_relabel (self, question);
  return self;
}

const char *
ally_power_answer_get_id (AllyPowerAnswer *self)
{
  g_return_val_if_fail (ALLY_IS_POWER_ANSWER (self), NULL);

  return self->id;
}

void
ally_power_answer_relabel (AllyPowerAnswer *self,
                           AllyMapQuestion *question)
{
  g_return_if_fail (ALLY_IS_POWER_ANSWER (self));

  gtk_label_set_label (self->title, ally_map_question_get_title (question));
  gtk_label_set_label (self->prompt, ally_map_question_get_prompt (question));
}

void
ally_power_answer_set_journal (AllyPowerAnswer *self,
                               AllyJournal     *journal)
{
  g_return_if_fail (ALLY_IS_POWER_ANSWER (self));

  g_set_object (&self->journal, journal);
}

void
ally_power_answer_load (AllyPowerAnswer *self,
                        const char      *text,
                        gboolean         unsaved)
{
  g_return_if_fail (ALLY_IS_POWER_ANSWER (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
  self->loading = FALSE;
  self->dirty = unsaved;
  gtk_label_set_label (self->status, "");
}

char *
ally_power_answer_dup_unsaved (AllyPowerAnswer *self)
{
  g_return_val_if_fail (ALLY_IS_POWER_ANSWER (self), NULL);

  return self->dirty ? buffer_text (self) : NULL;
}

gboolean
ally_power_answer_save (AllyPowerAnswer *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ALLY_IS_POWER_ANSWER (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->dirty || self->journal == NULL || self->text_view == NULL)
    return TRUE;

  text = buffer_text (self);
  if (!ally_journal_set_power_map_answer (self->journal, self->id, text, &error))
    {
      /* The text stays in the field and stays dirty: the next pause or leave tries again. */
      gtk_label_set_label (self->status, _("Not saved"));
      gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
      return FALSE;
    }

  self->dirty = FALSE;
  gtk_label_set_label (self->status, _("Saved"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
  return TRUE;
}
