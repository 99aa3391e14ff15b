/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-scroll-column.h: holds a scrolled page, measured only at the width it is shown at. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ALLY_TYPE_SCROLL_COLUMN (ally_scroll_column_get_type ())

G_DECLARE_FINAL_TYPE (AllyScrollColumn, ally_scroll_column, ALLY, SCROLL_COLUMN, GtkWidget)

G_END_DECLS
