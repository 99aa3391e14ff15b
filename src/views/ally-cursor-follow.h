/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-cursor-follow.h: keeps a text view's cursor in sight inside the scrolled window that
 * holds it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ally_cursor_follow (GtkTextView *view);

G_END_DECLS
