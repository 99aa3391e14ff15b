/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-autosave.h: when to save what a person types: a pause after the last change, and
 * never later than a longest wait after the first change not yet saved. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALLY_TYPE_AUTOSAVE (ally_autosave_get_type ())
G_DECLARE_FINAL_TYPE (AllyAutosave, ally_autosave, ALLY, AUTOSAVE, GObject)

/* ::save is emitted PAUSE_MS after the last change, or MAX_MS after the first one not yet
 * saved, whichever comes first. */
AllyAutosave *ally_autosave_new        (guint         pause_ms,
                                        guint         max_ms);
/* Something was typed: (re)schedules ::save. */
void          ally_autosave_changed    (AllyAutosave *self);
/* Saved, or nothing to save: no ::save until the next change. */
void          ally_autosave_cancel     (AllyAutosave *self);
gboolean      ally_autosave_is_pending (AllyAutosave *self);
/* How long to wait, in ms, after a change at NOW_USEC when the first change not yet saved
 * was at FIRST_CHANGE_USEC (both monotonic). */
gint64        ally_autosave_delay_ms   (gint64        first_change_usec,
                                        gint64        now_usec,
                                        guint         pause_ms,
                                        guint         max_ms);

G_END_DECLS
