/* test-window.c: drives the real main window, its actions and shortcuts under a display. */
#include "config.h"

#include <adwaita.h>

#include "ally-application.h"
#include "ally-preferences-window.h"
#include "ally-window.h"
#include "ui-test-util.h"

static AllyApplication *app;

static AllyWindow *
present_new_window (void)
{
  AllyWindow *window = ally_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (window_is_mapped, window));

  return window;
}

/* Activates the application-level accelerator @accel the way GtkApplication would. */
static void
activate_app_accel (const char *accel,
                    const char *expected_action,
                    GtkWidget  *window)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);

  g_assert_nonnull (actions);
  g_assert_true (g_strv_contains ((const char * const *) actions, expected_action));
  g_assert_true (gtk_widget_activate_action (window, expected_action, NULL));
}

static void
test_window_has_four_areas (void)
{
  AllyWindow *window = present_new_window ();
  const char *areas[] = { "learn", "glossary", "journal", "practice" };

  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "learn");

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      g_assert_true (activate_window_shortcut (GTK_WIDGET (window), accel));
      g_assert_cmpstr (ally_window_get_visible_area (window), ==, areas[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_restores_size (void)
{
  GSettings *settings = ally_application_get_settings (app);
  AllyWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);

  window = present_new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  /* A size the person chose is written back and used by the next window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);

  window = present_new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
switcher_bar_revealed (gpointer data)
{
  return adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (data));
}

static gboolean
switcher_bar_hidden (gpointer data)
{
  return !switcher_bar_revealed (data);
}

static void
test_window_narrow_shows_bottom_switcher (void)
{
  GSettings *settings = ally_application_get_settings (app);
  AllyWindow *window;
  GtkWidget *bar;

  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 800);
  window = present_new_window ();
  bar = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_nonnull (bar);
  g_assert_true (spin_until (switcher_bar_hidden, bar));
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);
  window = present_new_window ();
  bar = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_true (spin_until (switcher_bar_revealed, bar));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
style_is_dark (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static gboolean
style_is_light (gpointer data)
{
  return !style_is_dark (data);
}

static void
test_preferences_switch_dark_mode (void)
{
  AllyWindow *window = present_new_window ();
  GSettings *settings = ally_application_get_settings (app);
  g_autofree char *style = NULL;
  GtkWindow *prefs;
  GtkWidget *style_row;

  activate_app_accel ("<Control>comma", "app.preferences", GTK_WIDGET (window));
  g_assert_true (spin_until (toplevel_is_shown, GSIZE_TO_POINTER (ALLY_TYPE_PREFERENCES_WINDOW)));
  prefs = find_visible_toplevel (ALLY_TYPE_PREFERENCES_WINDOW);
  style_row = find_descendant (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (style_row);

  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 2);
  style = g_settings_get_string (settings, "style-variant");
  g_assert_cmpstr (style, ==, "dark");
  g_assert_true (spin_until (style_is_dark, NULL));
  g_clear_pointer (&style, g_free);

  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 1);
  style = g_settings_get_string (settings, "style-variant");
  g_assert_cmpstr (style, ==, "light");
  g_assert_true (spin_until (style_is_light, NULL));

  /* And the other way: a setting changed elsewhere shows in the open window. */
  g_settings_set_string (settings, "style-variant", "default");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (style_row)), ==, 0);

  gtk_window_destroy (prefs);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_about_window_opens (void)
{
  AllyWindow *window = present_new_window ();
  GtkWindow *about;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  g_assert_true (spin_until (toplevel_is_shown, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW)));
  about = find_visible_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Allyship");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);

  destroy_toplevels_of_type (ADW_TYPE_ABOUT_WINDOW);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts_window_opens (void)
{
  AllyWindow *window = present_new_window ();

  g_assert_true (activate_window_shortcut (GTK_WIDGET (window), "<Control>question"));
  g_assert_true (spin_until (toplevel_is_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW)));

  destroy_toplevels_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_close_shortcut_closes_window (void)
{
  AllyWindow *window = present_new_window ();

  g_assert_true (activate_window_shortcut (GTK_WIDGET (window), "<Control>w"));
  g_assert_true (spin_until (no_toplevels_of_type, GSIZE_TO_POINTER (ALLY_TYPE_WINDOW)));
}

static gboolean
quit_via_accel (gpointer data)
{
  activate_app_accel ("<Control>q", "app.quit",
                      GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (data))));
  return G_SOURCE_REMOVE;
}

static void
on_activate_then_quit (GApplication *application)
{
  g_idle_add (quit_via_accel, application);
}

static void
test_quit_shortcut_quits (void)
{
  if (g_test_subprocess ())
    {
      /* In the child: run the real application and press Ctrl+Q once the window is up. */
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_then_quit), NULL);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ally_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);

  g_test_add_func ("/window/quit-shortcut-quits", test_quit_shortcut_quits);

  if (!g_test_subprocess ())
    g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/has-four-areas", test_window_has_four_areas);
  g_test_add_func ("/window/restores-size", test_window_restores_size);
  g_test_add_func ("/window/narrow-shows-bottom-switcher", test_window_narrow_shows_bottom_switcher);
  g_test_add_func ("/window/preferences-switch-dark-mode", test_preferences_switch_dark_mode);
  g_test_add_func ("/window/about-window-opens", test_about_window_opens);
  g_test_add_func ("/window/shortcuts-window-opens", test_shortcuts_window_opens);
  g_test_add_func ("/window/close-shortcut-closes-window", test_close_shortcut_closes_window);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);

  return ret;
}
