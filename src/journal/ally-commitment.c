/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-commitment.c: a commitment read from the journal (text, lesson, due and done
 * dates, linked entry); immutable — changes go through AllyJournal. */
#include "ally-commitment.h"

struct _AllyCommitment
{
  GObject    parent_instance;

  gint64     id;
  char      *text;
  char      *lesson_id;
  GDateTime *due;
  GDateTime *done_at;
  gint64     entry_id;
};

G_DEFINE_FINAL_TYPE (AllyCommitment, ally_commitment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_LESSON_ID,
  PROP_DUE,
  PROP_DONE_AT,
  PROP_ENTRY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ally_commitment_finalize (GObject *object)
{
  AllyCommitment *self = ALLY_COMMITMENT (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->lesson_id, g_free);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_clear_pointer (&self->done_at, g_date_time_unref);

  G_OBJECT_CLASS (ally_commitment_parent_class)->finalize (object);
}

static void
ally_commitment_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AllyCommitment *self = ALLY_COMMITMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_LESSON_ID: g_value_set_string (value, self->lesson_id); break;
    case PROP_DUE: g_value_set_boxed (value, self->due); break;
    case PROP_DONE_AT: g_value_set_boxed (value, self->done_at); break;
    case PROP_ENTRY_ID: g_value_set_int64 (value, self->entry_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_commitment_class_init (AllyCommitmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ally_commitment_finalize;
  object_class->get_property = ally_commitment_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_LESSON_ID] = g_param_spec_string ("lesson-id", NULL, NULL, NULL, ro);
  properties[PROP_DUE] = g_param_spec_boxed ("due", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_DONE_AT] = g_param_spec_boxed ("done-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_ENTRY_ID] = g_param_spec_int64 ("entry-id", NULL, NULL, 0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ally_commitment_init (AllyCommitment *self)
{
}

AllyCommitment *
ally_commitment_new (gint64      id,
                     const char *text,
                     const char *lesson_id,
                     GDateTime  *due,
                     GDateTime  *done_at,
                     gint64      entry_id)
{
  AllyCommitment *self = g_object_new (ALLY_TYPE_COMMITMENT, NULL);

  self->id = id;
  self->text = g_strdup (text);
  self->lesson_id = g_strdup (lesson_id);
  self->due = due ? g_date_time_ref (due) : NULL;
  self->done_at = done_at ? g_date_time_ref (done_at) : NULL;
  self->entry_id = entry_id;
  return self;
}

gint64
ally_commitment_get_id (AllyCommitment *self)
{
  g_return_val_if_fail (ALLY_IS_COMMITMENT (self), 0);
  return self->id;
}

const char *
ally_commitment_get_text (AllyCommitment *self)
{
  g_return_val_if_fail (ALLY_IS_COMMITMENT (self), NULL);
  return self->text;
}

const char *
ally_commitment_get_lesson_id (AllyCommitment *self)
{
  g_return_val_if_fail (ALLY_IS_COMMITMENT (self), NULL);
  return self->lesson_id;
}

GDateTime *
ally_commitment_get_due (AllyCommitment *self)
{
  g_return_val_if_fail (ALLY_IS_COMMITMENT (self), NULL);
  return self->due;
}

GDateTime *
ally_commitment_get_done_at (AllyCommitment *self)
{
  g_return_val_if_fail (ALLY_IS_COMMITMENT (self), NULL);
  return self->done_at;
}

gint64
ally_commitment_get_entry_id (AllyCommitment *self)
{
  g_return_val_if_fail (ALLY_IS_COMMITMENT (self), 0);
  return self->entry_id;
}
