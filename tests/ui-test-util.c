/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-util.c: waiting on the main loop and finding widgets, for the UI tests. */
#include "ui-test-util.h"

#include "ally-lesson-view.h"
#include "ally-window.h"

#include <glib/gstdio.h>

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until check() holds or five seconds pass. */
gboolean
spin_until (gboolean (*check) (gpointer),
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (5, timed_out_cb, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return check (data);
}

gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

gboolean
no_toplevels_of_type (gpointer data)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  GType type = GPOINTER_TO_SIZE (data);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        return FALSE;
    }

  return TRUE;
}

GtkWindow *
find_visible_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

gboolean
toplevel_is_shown (gpointer data)
{
  return find_visible_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

void
destroy_toplevels_of_type (GType type)
{
  GtkWindow *window;

  while ((window = find_visible_toplevel (type)) != NULL)
    gtk_window_destroy (window);
}

GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkLabel *
ui_test_find_label (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = ui_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkLabel *
ui_test_find_label_with_class (GtkWidget  *widget,
                               const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = ui_test_find_label_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}


char *
ui_test_isolate_user_dirs (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("allyship-ui-test-XXXXXX", &error);
  const char *names[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_mkdir (path, 0700);
      g_setenv (names[i], path, TRUE);
    }

  return dir;
}

void
ui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      ui_test_remove_tree (child);
    }
  g_remove (path);
}

/* Finds the shortcut the window class installed for @accel and activates it, as a key press would. */
gboolean
activate_window_shortcut (GtkWidget  *window,
                          const char *accel)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

AllyApplication *
ui_test_new_registered_app (void)
{
  AllyApplication *app = ally_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

gboolean
ui_test_window_is_ready (gpointer window)
{
  AllyLearnView *learn = ally_window_get_learn_view (ALLY_WINDOW (window));

  return learn != NULL && ally_learn_view_get_catalog (learn) != NULL &&
         ally_learn_view_get_journal (learn) != NULL;
}

gboolean
ui_test_lesson_page_shown (gpointer window)
{
  AllyLearnView *learn = ally_window_get_learn_view (ALLY_WINDOW (window));
  GtkWidget *lesson_view = learn ? find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW) : NULL;

  return lesson_view != NULL && ally_lesson_view_is_page_shown (ALLY_LESSON_VIEW (lesson_view));
}

GtkWindow *
ui_test_present_in_window (GtkWidget *child,
                           int        width,
                           int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  g_assert_true (spin_until (window_is_mapped, window));
  return window;
}

AllyCatalog *
ui_test_load_course (void)
{
  g_autoptr(GError) error = NULL;
  AllyCatalog *catalog = ally_catalog_new ();

  ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error);
  g_assert_no_error (error);
  return catalog;
}

gboolean
ui_test_has_accessible_label (GtkWidget  *widget,
                              const char *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                  expected);

  return mismatch == NULL;
}
