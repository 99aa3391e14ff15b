/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-autosave.c: a timer that says when to save typed text. Waiting for a pause alone would
 * never save steady typing; the longest wait bounds what a crash could take. */
#include "config.h"

#include "ally-autosave.h"

struct _AllyAutosave
{
  GObject parent_instance;

  guint   pause_ms;
  guint   max_ms;
  guint   timeout_id;
  /* When the oldest change not yet saved was made (monotonic), or 0. */
  gint64  first_change_usec;
};

G_DEFINE_FINAL_TYPE (AllyAutosave, ally_autosave, G_TYPE_OBJECT)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
timeout_cb (gpointer user_data)
{
  AllyAutosave *self = user_data;

  self->timeout_id = 0;
  self->first_change_usec = 0;
  g_signal_emit (self, signals[SAVE], 0);
  return G_SOURCE_REMOVE;
}

static void
ally_autosave_dispose (GObject *object)
{
  ally_autosave_cancel (ALLY_AUTOSAVE (object));

  G_OBJECT_CLASS (ally_autosave_parent_class)->dispose (object);
}

static void
ally_autosave_class_init (AllyAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ally_autosave_dispose;

  /* Time to save. */
  signals[SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ally_autosave_init (AllyAutosave *self)
{
}

AllyAutosave *
ally_autosave_new (guint pause_ms,
                   guint max_ms)
{
  AllyAutosave *self = g_object_new (ALLY_TYPE_AUTOSAVE, NULL);

  self->pause_ms = pause_ms;
  self->max_ms = max_ms;
  return self;
}

gint64
ally_autosave_delay_ms (gint64 first_change_usec,
                        gint64 now_usec,
                        guint  pause_ms,
                        guint  max_ms)
{
  gint64 delay_ms = (first_change_usec - now_usec) / 1000 + max_ms;

  return CLAMP (delay_ms, 0, (gint64) pause_ms);
}

void
ally_autosave_changed (AllyAutosave *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 delay_ms;

  g_return_if_fail (ALLY_IS_AUTOSAVE (self));

  if (self->first_change_usec == 0)
    self->first_change_usec = now;
  delay_ms = ally_autosave_delay_ms (self->first_change_usec, now, self->pause_ms, self->max_ms);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add ((guint) delay_ms, timeout_cb, self);
}

void
ally_autosave_cancel (AllyAutosave *self)
{
  g_return_if_fail (ALLY_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->first_change_usec = 0;
}

gboolean
ally_autosave_is_pending (AllyAutosave *self)
{
  g_return_val_if_fail (ALLY_IS_AUTOSAVE (self), FALSE);

  return self->timeout_id != 0;
}
