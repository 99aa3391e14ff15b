/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-power-map.c: the power and privilege map worksheet in Practice. The questions are
 * the course's (content/power-map.xml, in its language), one AllyPowerAnswer each; the
 * answers are the person's, kept in the journal by question id. A failure to read or save
 * them is passed on as "failed" (the error and what the person can do). */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-journal-progress.h"
#include "ally-power-answer.h"
#include "ally-power-map.h"

struct _AllyPowerMap
{
  GtkBox       parent_instance;

  GListModel  *questions;
  AllyJournal *journal;
  GPtrArray   *answers;  /* of AllyPowerAnswer, in the questions' order */
};

G_DEFINE_FINAL_TYPE (AllyPowerMap, ally_power_map, GTK_TYPE_BOX)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_failed (AllyPowerMap *self,
             const GError *error,
             const char   *hint)
{
  g_signal_emit (self, signals[FAILED], 0, error, hint);
}

static void
on_answer_save_failed (AllyPowerAnswer *answer,
                       const GError    *error,
                       AllyPowerMap    *self)
{
  emit_failed (self, error, _("It is still on the page; Allyship tries again when you next pause."));
}

/* TRUE if the fields are those of the questions, in the same order. */
static gboolean
questions_match (AllyPowerMap *self)
{
  guint n = self->questions != NULL ? g_list_model_get_n_items (self->questions) : 0;

  if (n != self->answers->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AllyMapQuestion) question = g_list_model_get_item (self->questions, i);

      if (g_strcmp0 (ally_map_question_get_id (question),
                     ally_power_answer_get_id (self->answers->pdata[i])) != 0)
        return FALSE;
    }

  return TRUE;
}

/* The same questions in another language: only the labels change, so what is being typed
 * (and where the focus is) stays as it is. */
static void
relabel (AllyPowerMap *self)
{
  for (guint i = 0; i < self->answers->len; i++)
    {
      g_autoptr(AllyMapQuestion) question = g_list_model_get_item (self->questions, i);

      ally_power_answer_relabel (self->answers->pdata[i], question);
    }
}

/* The answers from the journal; UNSAVED (id -> text) wins over it, still waiting to be saved. */
static void
load_answers (AllyPowerMap *self,
              GHashTable   *unsaved)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GError) error = NULL;

  if (self->journal != NULL && self->answers->len > 0)
    {
      stored = ally_journal_get_power_map (self->journal, &error);
      if (stored == NULL)
        emit_failed (self, error, _("Try again after restarting Allyship."));
    }

  for (guint i = 0; i < self->answers->len; i++)
    {
      AllyPowerAnswer *answer = self->answers->pdata[i];
      const char *id = ally_power_answer_get_id (answer);
      const char *kept = unsaved != NULL ? g_hash_table_lookup (unsaved, id) : NULL;
      const char *text = stored != NULL ? g_hash_table_lookup (stored, id) : NULL;

      ally_power_answer_set_journal (answer, self->journal);
      ally_power_answer_load (answer, kept != NULL ? kept : text, kept != NULL);
    }
}

/* Other questions (a course loaded or reloaded): new fields. What was typed is saved first;
 * what cannot be saved is carried over to a field with the same id. */
static void
rebuild (AllyPowerMap *self)
{
  g_autoptr(GHashTable) unsaved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = self->questions != NULL ? g_list_model_get_n_items (self->questions) : 0;

  ally_power_map_save (self);
  while (self->answers->len > 0)
    {
      AllyPowerAnswer *answer = g_ptr_array_steal_index (self->answers, self->answers->len - 1);
      char *text = ally_power_answer_dup_unsaved (answer);

      if (text != NULL)
        g_hash_table_insert (unsaved, g_strdup (ally_power_answer_get_id (answer)), text);
      g_signal_handlers_disconnect_by_data (answer, self);
      gtk_box_remove (GTK_BOX (self), GTK_WIDGET (answer));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AllyMapQuestion) question = g_list_model_get_item (self->questions, i);
      AllyPowerAnswer *answer = ally_power_answer_new (question);

      g_signal_connect_object (answer, "save-failed", G_CALLBACK (on_answer_save_failed), self, 0);
      gtk_box_append (GTK_BOX (self), GTK_WIDGET (answer));
      g_ptr_array_add (self->answers, answer);
    }

  load_answers (self, unsaved);
}

static void
on_questions_changed (GListModel   *questions,
                      guint         position,
                      guint         removed,
                      guint         added,
                      AllyPowerMap *self)
{
  if (questions_match (self))
    relabel (self);
  else
    rebuild (self);
}

static void
ally_power_map_dispose (GObject *object)
{
  AllyPowerMap *self = ALLY_POWER_MAP (object);

  ally_power_map_save (self);
  if (self->questions != NULL)
    g_signal_handlers_disconnect_by_func (self->questions, on_questions_changed, self);
  g_clear_object (&self->questions);
  g_clear_object (&self->journal);
  if (self->answers != NULL)
    g_ptr_array_set_size (self->answers, 0);

  G_OBJECT_CLASS (ally_power_map_parent_class)->dispose (object);
}

static void
ally_power_map_finalize (GObject *object)
{
  g_clear_pointer (&ALLY_POWER_MAP (object)->answers, g_ptr_array_unref);

  G_OBJECT_CLASS (ally_power_map_parent_class)->finalize (object);
}

static void
ally_power_map_class_init (AllyPowerMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ally_power_map_dispose;
  object_class->finalize = ally_power_map_finalize;

  /**
   * AllyPowerMap::failed:
   * @error: what went wrong reading or saving the answers
   * @hint: what the person can do now
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_ERROR, G_TYPE_STRING);
}

static void
ally_power_map_init (AllyPowerMap *self)
{
  /* The answers are the box's children; the array only keeps their order. */
  self->answers = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);
}

GtkWidget *
ally_power_map_new (void)
{
  return g_object_new (ALLY_TYPE_POWER_MAP, NULL);
}

void
ally_power_map_set_questions (AllyPowerMap *self,
                              GListModel   *questions)
{
  g_return_if_fail (ALLY_IS_POWER_MAP (self));
  g_return_if_fail (questions == NULL || G_IS_LIST_MODEL (questions));

  if (self->questions == questions)
    return;

  if (self->questions != NULL)
    g_signal_handlers_disconnect_by_func (self->questions, on_questions_changed, self);
  g_set_object (&self->questions, questions);
  /* A course loaded or another language: the fields follow. */
  if (questions != NULL)
    g_signal_connect_object (questions, "items-changed", G_CALLBACK (on_questions_changed), self, 0);
  rebuild (self);
}

void
ally_power_map_set_journal (AllyPowerMap *self,
                            AllyJournal  *journal)
{
  g_return_if_fail (ALLY_IS_POWER_MAP (self));
  g_return_if_fail (journal == NULL || ALLY_IS_JOURNAL (journal));

  /* What was typed for the old journal goes there before the switch. */
  ally_power_map_save (self);
  g_set_object (&self->journal, journal);
  load_answers (self, NULL);
}

void
ally_power_map_save (AllyPowerMap *self)
{
  g_return_if_fail (ALLY_IS_POWER_MAP (self));

  for (guint i = 0; self->answers != NULL && i < self->answers->len; i++)
    ally_power_answer_save (self->answers->pdata[i]);
}
