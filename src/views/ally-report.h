/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-report.h: telling the person that something they did was not kept, and why. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ally_report_failure (GtkWidget    *widget,
                          const char   *what,
                          const GError *error);

G_END_DECLS
