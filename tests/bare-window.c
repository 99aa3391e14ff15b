/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bare-window.c: the floor for the start-up benchmark, a libadwaita window with a header bar,
 * a view switcher and an empty view stack, and nothing else. It prints MAPPED after its first
 * frame is painted and quits, exactly like allyship does under ALLY_STARTUP_PROBE (or, with
 * BARE_WINDOW_STAY set, stays open for the idle benchmark). */
#include <adwaita.h>

static void
on_first_frame_painted (GdkFrameClock *frame_clock,
                        gpointer       app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted, app);
  g_print ("MAPPED\n");
  /* The idle benchmark keeps the window open to measure what it costs at rest. */
  if (g_getenv ("BARE_WINDOW_STAY") == NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
on_window_mapped (GtkWidget *window,
                  gpointer   app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_frame_painted), app);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *switcher = adw_view_switcher_title_new ();

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (switcher), ADW_VIEW_STACK (stack));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), stack);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);

  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), app);
  gtk_window_present (GTK_WINDOW (window));
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
