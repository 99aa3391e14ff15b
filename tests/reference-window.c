/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reference-window.c: the window the start-up benchmark's references are drawn in, as
 * allyship's is: a libadwaita window with a header bar and a view switcher over a view stack,
 * 1000 × 720. It prints MAPPED after its first painted frame and quits, exactly like allyship
 * does under ALLY_STARTUP_PROBE (or, with BARE_WINDOW_STAY set, stays open for the idle
 * benchmark). */
#include "reference-window.h"

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

/**
 * reference_window_new:
 * @stack: an AdwViewStack, with its pages already added
 *
 * Returns: (transfer none): the window, not yet presented
 */
GtkWidget *
reference_window_new (GtkApplication *app,
                      GtkWidget      *stack)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *switcher = adw_view_switcher_title_new ();

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (switcher), ADW_VIEW_STACK (stack));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), stack);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), app);
  return window;
}
