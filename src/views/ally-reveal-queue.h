/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-reveal-queue.h: builds a long page's parts a few per frame, after its first screenful. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ALLY_TYPE_REVEAL_QUEUE (ally_reveal_queue_get_type ())

G_DECLARE_FINAL_TYPE (AllyRevealQueue, ally_reveal_queue, ALLY, REVEAL_QUEUE, GObject)

typedef GtkWidget *(*AllyRevealBuildFunc) (gpointer user_data);

AllyRevealQueue *ally_reveal_queue_new     (GtkWidget           *owner);
void             ally_reveal_queue_start   (AllyRevealQueue     *self,
                                            AllyRevealBuildFunc  build,
                                            gpointer             user_data);
void             ally_reveal_queue_finish  (AllyRevealQueue *self);
void             ally_reveal_queue_build_one       (AllyRevealQueue *self);
void             ally_reveal_queue_build_screenful (AllyRevealQueue *self);
void             ally_reveal_queue_defer   (AllyRevealQueue *self,
                                            GtkWidget       *part);
void             ally_reveal_queue_cancel  (AllyRevealQueue *self);
gboolean         ally_reveal_queue_is_done (AllyRevealQueue *self);

G_END_DECLS
