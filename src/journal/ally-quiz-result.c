/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-quiz-result.c: how a learner did on one lesson's quiz (best and last score, the
 * questions missed); immutable, made by ally_journal_get_overview(). */
#include "ally-quiz-result.h"

struct _AllyQuizResult
{
  GObject  parent_instance;

  char    *quiz_id;
  int      best_score;
  int      last_score;
  int      max_score;
  int      attempts;
  GStrv    missed;
};

G_DEFINE_FINAL_TYPE (AllyQuizResult, ally_quiz_result, G_TYPE_OBJECT)

static void
ally_quiz_result_finalize (GObject *object)
{
  AllyQuizResult *self = ALLY_QUIZ_RESULT (object);

  g_clear_pointer (&self->quiz_id, g_free);
  g_clear_pointer (&self->missed, g_strfreev);

  G_OBJECT_CLASS (ally_quiz_result_parent_class)->finalize (object);
}

static void
ally_quiz_result_class_init (AllyQuizResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ally_quiz_result_finalize;
}

static void
ally_quiz_result_init (AllyQuizResult *self)
{
}

/**
 * ally_quiz_result_new:
 * @missed: (nullable): the ids of the questions answered wrongly
 */
AllyQuizResult *
ally_quiz_result_new (const char         *quiz_id,
                      int                 best_score,
                      int                 last_score,
                      int                 max_score,
                      int                 attempts,
                      const char * const *missed)
{
  AllyQuizResult *self;

  g_return_val_if_fail (quiz_id != NULL, NULL);

  self = g_object_new (ALLY_TYPE_QUIZ_RESULT, NULL);
  self->quiz_id = g_strdup (quiz_id);
  self->best_score = best_score;
  self->last_score = last_score;
  self->max_score = max_score;
  self->attempts = attempts;
  self->missed = missed ? g_strdupv ((char **) missed) : g_new0 (char *, 1);
  return self;
}

const char *
ally_quiz_result_get_quiz_id (AllyQuizResult *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_RESULT (self), NULL);
  return self->quiz_id;
}

int
ally_quiz_result_get_best_score (AllyQuizResult *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_RESULT (self), 0);
  return self->best_score;
}

int
ally_quiz_result_get_last_score (AllyQuizResult *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_RESULT (self), 0);
  return self->last_score;
}

int
ally_quiz_result_get_max_score (AllyQuizResult *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_RESULT (self), 0);
  return self->max_score;
}

int
ally_quiz_result_get_attempts (AllyQuizResult *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_RESULT (self), 0);
  return self->attempts;
}

const char * const *
ally_quiz_result_get_missed (AllyQuizResult *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_RESULT (self), NULL);
  return (const char * const *) self->missed;
}

guint
ally_quiz_result_get_n_missed (AllyQuizResult *self)
{
  g_return_val_if_fail (ALLY_IS_QUIZ_RESULT (self), 0);
  return g_strv_length (self->missed);
}
