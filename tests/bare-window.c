/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bare-window.c: the start-up benchmark's bare reference, a libadwaita window with a header
 * bar, a view switcher and an empty view stack, and nothing else (reference-window.c). */
#include "reference-window.h"

static void
on_activate (GtkApplication *app)
{
  gtk_window_present (GTK_WINDOW (reference_window_new (app, adw_view_stack_new ())));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.allyship.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
