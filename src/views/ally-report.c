/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-report.c: a failure as a toast of the window (win.show-toast): what was not done, then
 * the reason the journal gave, which says what to do. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-report.h"

/**
 * ally_report_failure:
 * @widget: a widget inside the window
 * @what: what failed, such as “Your answer was not saved”
 */
void
ally_report_failure (GtkWidget    *widget,
                     const char   *what,
                     const GError *error)
{
  /* Translators: %s is what failed, then the reason, e.g. “Your answer was not saved: disk full” */
  g_autofree char *message = g_strdup_printf (_("%s: %s"), what, error->message);

  gtk_widget_activate_action (widget, "win.show-toast", "s", message);
}
