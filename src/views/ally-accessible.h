/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-accessible.h: accessible names that GTK 4.8 does not give by itself. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ally_accessible_name_controls (GtkWidget  *root);
void ally_accessible_name_row      (GtkWidget  *row_child,
                                    const char *name);

G_END_DECLS
