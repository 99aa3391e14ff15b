/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reference-window.h: what the start-up benchmark's reference windows (bare-window.c,
 * floor-window.c) share. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *reference_window_new (GtkApplication *app,
                                 GtkWidget      *stack);

G_END_DECLS
