/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: drives the real main window, its actions and shortcuts under a display,
 * and closing or quitting with text the journal could not take. */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ally-application.h"
#include "ally-entry-editor.h"
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

/* How many widgets of @type are under @widget (itself included). */
static guint
count_descendants (GtkWidget *widget,
                   GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child, type);

  return n;
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
  /* A wide window does not make the bar's buttons. */
  g_assert_cmpuint (count_descendants (bar, GTK_TYPE_TOGGLE_BUTTON), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);
  window = present_new_window ();
  bar = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_true (spin_until (switcher_bar_revealed, bar));
  /* A button for each area: Learn, Glossary, Journal, Practice. */
  g_assert_cmpuint (count_descendants (bar, GTK_TYPE_TOGGLE_BUTTON), ==, 4);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
menu_is_open (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The main menu (made the first time it opens) opens, with its items. */
static void
test_main_menu_opens (void)
{
  AllyWindow *window = present_new_window ();
  GtkWidget *header = find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkMenuButton *button = GTK_MENU_BUTTON (find_descendant (header, GTK_TYPE_MENU_BUTTON));
  GMenuModel *menu;

  gtk_menu_button_popup (button);
  g_assert_true (spin_until (menu_is_open, button));
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), >, 0);

  /* Opened again, it is the same popover. */
  gtk_menu_button_popdown (button);
  {
    GtkPopover *first = gtk_menu_button_get_popover (button);

    gtk_menu_button_popup (button);
    g_assert_true (spin_until (menu_is_open, button));
    g_assert_true (gtk_menu_button_get_popover (button) == first);
  }
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

/* Start-up begins reading the course on a worker thread, and a window waiting for it (or for
 * the journal) builds Learn meanwhile: the main thread does not sit idle while the workers
 * finish. Runs in a child, whose application starts up here. */
static void
test_start_works_while_course_is_read (void)
{
  if (g_test_subprocess ())
    {
      AllyWindow *window;

      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
      g_assert_true (ally_application_is_loading_course (app));

      ally_application_open_journal (app);
      window = ally_window_new (app);
      ally_window_present_when_ready (window);
      /* Not shown yet (the journal is still opening), but Learn is there, without a course. */
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
      g_assert_nonnull (find_descendant (GTK_WIDGET (window), ALLY_TYPE_LEARN_VIEW));
      g_assert_null (ally_learn_view_get_catalog (ally_window_get_learn_view (window)));

      g_assert_true (spin_until (window_is_mapped, window));
      g_assert_nonnull (ally_learn_view_get_catalog (ally_window_get_learn_view (window)));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static gboolean
journal_is_known (gpointer data)
{
  return ally_application_get_journal (app) != NULL ||
         ally_application_get_journal_error (app) != NULL;
}

/* Asked to, start-up begins opening the journal, beside GTK's own start-up: a window does
 * not wait for it afterwards (the full daily check of a large journal takes a while). Runs
 * in a child, whose application starts up here. */
static void
test_journal_opens_at_startup (void)
{
  if (g_test_subprocess ())
    {
      ally_application_open_journal_at_startup (app);
      g_assert_false (ally_application_is_opening_journal (app));
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
      g_assert_true (ally_application_is_opening_journal (app));
      g_assert_true (spin_until (journal_is_known, NULL));
      g_assert_nonnull (ally_application_get_journal (app));
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
note_learn_has_course (GtkWidget *window,
                       gboolean  *has_course)
{
  AllyLearnView *learn = ally_window_get_learn_view (ALLY_WINDOW (window));

  *has_course = learn != NULL && ally_learn_view_get_catalog (learn) != NULL;
}

/* A window presented when ready has Learn, with the course, before it is realized: showing a
 * window validates its widgets' styles before sizing it, and GTK 4.8 lays out the text of a
 * widget added later twice in its first frame (HACKING.md). Runs in a child, whose
 * application opens its journal here. */
static void
test_learn_built_before_window_shown (void)
{
  if (g_test_subprocess ())
    {
      gboolean had_course = FALSE;
      AllyWindow *window;

      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
      g_assert_nonnull (ally_application_get_catalog (app, NULL));
      ally_application_open_journal (app);
      g_assert_true (spin_until (journal_is_known, NULL));

      window = ally_window_new (app);
      g_signal_connect (window, "realize", G_CALLBACK (note_learn_has_course), &had_course);
      ally_window_present_when_ready (window);
      g_assert_true (spin_until (window_is_mapped, window));
      g_assert_true (had_course);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A service start (D-Bus activation, for GNOME Shell's search) leaves the journal closed. */
static void
test_service_start_leaves_journal_closed (void)
{
  if (g_test_subprocess ())
    {
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_NON_UNIQUE | G_APPLICATION_IS_SERVICE);
      ally_application_open_journal_at_startup (app);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
      g_assert_false (ally_application_is_opening_journal (app));
      g_assert_null (ally_application_get_journal (app));
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static gboolean
journal_is_shown (gpointer data)
{
  AllyJournalView *view = ally_window_get_journal_view (ALLY_WINDOW (data));

  return view != NULL && ally_journal_view_get_journal (view) != NULL;
}

/* A window with the Journal open on a new entry in which @text was just typed. */
static AllyWindow *
window_with_typed_text (const char       *text,
                        AllyEntryEditor **out_editor)
{
  AllyWindow *window = present_new_window ();
  GtkWidget *editor;
  GtkWidget *body;

  g_assert_true (spin_until (journal_is_shown, window));
  ally_window_set_visible_area (window, "journal");
  ally_journal_view_new_entry (ally_window_get_journal_view (window));
  editor = find_descendant (GTK_WIDGET (window), ALLY_TYPE_ENTRY_EDITOR);
  body = find_descendant (editor, GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), text, -1);
  *out_editor = ALLY_ENTRY_EDITOR (editor);
  return window;
}

/* Another program holds the journal's write lock, as `sqlite3 allyship.db "BEGIN EXCLUSIVE;"`
 * left open does. */
static sqlite3 *
lock_journal (void)
{
  GFile *file = ally_journal_get_file (ally_application_get_journal (app));
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (g_file_peek_path (file), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
unlock_journal (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
unsaved_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "allyship", "unsaved", NULL);
}

/* The emergency copies in the cache folder. */
static GPtrArray *
list_unsaved_copies (void)
{
  g_autofree char *dir = unsaved_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  return paths;
}

static AdwMessageDialog *
wait_for_message_dialog (void)
{
  g_assert_true (spin_until (toplevel_is_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  return ADW_MESSAGE_DIALOG (find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static char *
stored_body_of (AllyEntry *entry)
{
  g_autoptr(AllyEntry) stored = NULL;

  if (ally_entry_get_id (entry) == 0)
    return NULL;
  stored = ally_journal_get_entry (ally_application_get_journal (app), ally_entry_get_id (entry), NULL);
  return stored ? g_strdup (ally_entry_get_body (stored)) : NULL;
}

/* Ctrl+Q while the journal is locked: no 15 s freeze and no silent loss. The window stays,
 * says what failed and offers Retry, Save Text As… and Quit Anyway; the text is already in
 * a private emergency copy; Retry once the lock is gone saves it, removes the copy and quits. */
static void
test_quit_with_locked_journal_asks (void)
{
  const char *text = "Typed while another program held the journal.";
  AllyEntryEditor *editor;
  AllyWindow *window = window_with_typed_text (text, &editor);
  g_autoptr(AllyEntry) entry = g_object_ref (ally_entry_editor_get_entry (editor));
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *copy_text = NULL;
  g_autofree char *folder = unsaved_dir ();
  g_autofree char *stored = NULL;
  sqlite3 *locker = lock_journal ();
  gint64 asked_at = g_get_monotonic_time ();
  AdwMessageDialog *dialog;
  GStatBuf st;

  activate_app_accel ("<Control>q", "app.quit", GTK_WIDGET (window));
  dialog = wait_for_message_dialog ();
  g_assert_cmpint (g_get_monotonic_time () - asked_at, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your Text Is Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "database is locked"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "A copy of the text is kept in"));
  g_assert_true (adw_message_dialog_has_response (dialog, "retry"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "quit"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_true (toplevel_is_shown (GSIZE_TO_POINTER (ALLY_TYPE_WINDOW)));

  /* The emergency copy: one private file holding the text. */
  copies = list_unsaved_copies ();
  g_assert_cmpuint (copies->len, ==, 1);
  g_assert_true (g_file_get_contents (g_ptr_array_index (copies, 0), &copy_text, NULL, NULL));
  g_assert_nonnull (strstr (copy_text, text));
  g_assert_cmpint (g_stat (g_ptr_array_index (copies, 0), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  unlock_journal (locker);
  adw_message_dialog_response (dialog, "retry");
  destroy_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (spin_until (no_toplevels_of_type, GSIZE_TO_POINTER (ALLY_TYPE_WINDOW)));
  stored = stored_body_of (entry);
  g_assert_cmpstr (stored, ==, text);
  g_clear_pointer (&copies, g_ptr_array_unref);
  copies = list_unsaved_copies ();
  g_assert_cmpuint (copies->len, ==, 0);
}

/* As with a full disk: the cache folder cannot be written either. Closing the window says so
 * before Quit Anyway loses the text. */
static void
test_close_without_copy_says_so (void)
{
  AllyEntryEditor *editor;
  AllyWindow *window = window_with_typed_text ("Nowhere to keep this.", &editor);
  g_autofree char *folder = unsaved_dir ();
  g_autofree char *parent = g_path_get_dirname (folder);
  sqlite3 *locker;
  AdwMessageDialog *dialog;

  /* A file where the folder should be: nothing can be written there, even by root. */
  g_rmdir (folder);
  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (folder, "", 0, NULL));
  locker = lock_journal ();

  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "No copy of the text could be kept either"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the text will be lost"));

  adw_message_dialog_response (dialog, "quit");
  destroy_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (spin_until (no_toplevels_of_type, GSIZE_TO_POINTER (ALLY_TYPE_WINDOW)));
  unlock_journal (locker);
  g_remove (folder);
}

static gboolean
journal_has_text (gpointer data)
{
  AllyJournal *journal = ally_application_get_journal (app);
  gint64 count = ally_journal_count_entries (journal, NULL);

  /* Ids start at 1 and nothing is deleted in these tests. */
  for (gint64 id = 1; id <= count; id++)
    {
      g_autoptr(AllyEntry) entry = ally_journal_get_entry (journal, id, NULL);

      if (entry != NULL && g_strcmp0 (ally_entry_get_body (entry), data) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Quit Anyway keeps the emergency copy; the next start offers it back, and Restore puts the
 * text in the journal and removes the copy. */
static void
test_kept_text_offered_at_next_start (void)
{
  const char *text = "Kept for next time.";
  AllyEntryEditor *editor;
  AllyWindow *window = window_with_typed_text (text, &editor);
  g_autoptr(GPtrArray) copies = NULL;
  sqlite3 *locker = lock_journal ();
  AdwMessageDialog *dialog;

  gtk_window_close (GTK_WINDOW (window));
  adw_message_dialog_response (wait_for_message_dialog (), "quit");
  destroy_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (spin_until (no_toplevels_of_type, GSIZE_TO_POINTER (ALLY_TYPE_WINDOW)));
  unlock_journal (locker);
  g_assert_false (journal_has_text ((gpointer) text));
  copies = list_unsaved_copies ();
  g_assert_cmpuint (copies->len, ==, 1);

  window = present_new_window ();
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Unsaved Text Was Kept");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), text));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  adw_message_dialog_response (dialog, "restore");
  destroy_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_true (journal_has_text ((gpointer) text));
  g_clear_pointer (&copies, g_ptr_array_unref);
  copies = list_unsaved_copies ();
  g_assert_cmpuint (copies->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Keyboard ------------------------------------------------------------------------------ */

static AllyWindow *
present_ready_wide_window (void)
{
  GSettings *settings = ally_application_get_settings (app);
  AllyWindow *window;

  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 800);
  window = ally_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (ui_test_window_is_ready, window));

  return window;
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 GtkShortcutTrigger *wanted)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), wanted);

  return gtk_shortcut_trigger_equal (trigger, wanted);
}

/* Delivers @accel as a key press reaches shortcuts in the bubble phase: those of the focus
 * widget first, then of each widget above it, until one handles it. GTK has no public way to
 * make a key event, and Tab and the arrow keys are all shortcuts. */
static gboolean
press_key (GtkWindow  *window,
           const char *accel)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *widget = focus ? focus : GTK_WIDGET (window); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
              gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != GTK_PHASE_BUBBLE)
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (trigger_matches (gtk_shortcut_get_trigger (shortcut), wanted) &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }

  return FALSE;
}

static gboolean
focus_is_inside (GtkWindow *window,
                 GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The sidebar's Overview row: the first row of a navigation-sidebar list in Learn (the
 * overview page has rows of its own). */
static gboolean
focus_is_overview_row (GtkWindow *window,
                       GtkWidget *learn)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *list = focus ? gtk_widget_get_parent (focus) : NULL;

  return GTK_IS_LIST_BOX_ROW (focus) && gtk_widget_is_ancestor (focus, learn) &&
         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus)) == 0 &&
         gtk_widget_has_css_class (list, "navigation-sidebar");
}

static void
test_area_shortcut_moves_focus (void)
{
  AllyWindow *window = present_ready_wide_window ();
  GtkWindow *win = GTK_WINDOW (window);
  GtkWidget *glossary = GTK_WIDGET (ally_window_get_glossary_view (window));
  GtkWidget *journal = GTK_WIDGET (ally_window_get_journal_view (window));
  GtkWidget *practice = GTK_WIDGET (ally_window_get_practice_view (window));
  GtkWidget *learn = GTK_WIDGET (ally_window_get_learn_view (window));

  g_assert_true (activate_window_shortcut (GTK_WIDGET (window), "<Alt>2"));
  g_assert_true (focus_is_inside (win, glossary));
  g_assert_true (focus_is_inside (win, find_descendant (glossary, GTK_TYPE_SEARCH_ENTRY)));

  g_assert_true (activate_window_shortcut (GTK_WIDGET (window), "<Alt>3"));
  g_assert_true (focus_is_inside (win, journal));

  g_assert_true (activate_window_shortcut (GTK_WIDGET (window), "<Alt>4"));
  g_assert_true (focus_is_inside (win, practice));

  /* Learn's first control: its selected lesson or, on the overview, the Overview row. */
  g_assert_true (activate_window_shortcut (GTK_WIDGET (window), "<Alt>1"));
  if (g_strcmp0 (ally_learn_view_get_visible_page (ALLY_LEARN_VIEW (learn)), "overview") == 0)
    g_assert_true (focus_is_overview_row (win, learn));
  else
    g_assert_true (focus_is_inside (win, find_descendant (learn, GTK_TYPE_LIST_VIEW)));

  gtk_window_destroy (win);
}

/* The first label of the open lesson with a term link in it. */
static GtkWidget *
find_term_link_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), "href=\"term:") != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        continue;
      found = find_term_link_label (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
popover_is_mapped (gpointer data)
{
  GtkWidget *popover = find_descendant (GTK_WIDGET (data), GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

/* The last widget in @widget that takes focus, in tab order. */
static GtkWidget *
last_focusable (GtkWidget *widget)
{
  GtkWidget *last = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = last_focusable (child);

      if (found != NULL)
        last = found;
    }

  if (last == NULL && gtk_widget_get_focusable (widget) && gtk_widget_get_mapped (widget))
    last = widget;

  return last;
}

static void
test_tab_stays_in_term_popover (void)
{
  AllyWindow *window = present_ready_wide_window ();
  GtkWindow *win = GTK_WINDOW (window);
  AllyLearnView *learn = ally_window_get_learn_view (window);
  GtkWidget *label, *popover, *last;

  g_assert_true (ally_learn_view_open_lesson (learn, "what-allyship-is"));
  label = find_term_link_label (GTK_WIDGET (learn));
  g_assert_nonnull (label);

  /* A link reached with Tab and opened with Enter, as a person without a mouse would. */
  g_assert_true (gtk_widget_grab_focus (label));
  g_signal_emit_by_name (label, "activate-current-link");
  g_assert_true (spin_until (popover_is_mapped, label));
  popover = find_descendant (label, GTK_TYPE_POPOVER);

  last = last_focusable (popover);
  g_assert_nonnull (last);
  g_assert_true (gtk_widget_grab_focus (last));
  g_assert_true (press_key (win, "Tab"));
  g_assert_true (focus_is_inside (win, popover));
  g_assert_true (press_key (win, "<Shift>Tab"));
  g_assert_true (focus_is_inside (win, popover));
  g_assert_true (gtk_widget_get_visible (popover));

  /* Escape closes it (GtkPopover's own key handler calls popdown) and the link has focus again. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (focus_is_inside (win, label));

  gtk_window_destroy (win);
}

static void
test_lesson_list_is_one_tab_stop (void)
{
  AllyWindow *window = present_ready_wide_window ();
  GtkWindow *win = GTK_WINDOW (window);
  GtkWidget *list = find_descendant (GTK_WIDGET (ally_window_get_learn_view (window)),
                                     GTK_TYPE_LIST_VIEW);
  GtkWidget *row;

  g_assert_true (gtk_widget_grab_focus (list));
  g_assert_true (focus_is_inside (win, list));
  row = gtk_root_get_focus (GTK_ROOT (win));

  /* Arrow keys move within the list... */
  g_assert_true (press_key (win, "Down"));
  g_assert_true (focus_is_inside (win, list));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (win)) != row);

  /* ...Tab leaves it, and Shift+Tab comes back to it in one step and leaves it in the next. */
  g_assert_true (press_key (win, "Tab"));
  g_assert_false (focus_is_inside (win, list));
  g_assert_true (press_key (win, "<Shift>Tab"));
  g_assert_true (focus_is_inside (win, list));
  g_assert_true (press_key (win, "<Shift>Tab"));
  g_assert_false (focus_is_inside (win, list));

  gtk_window_destroy (win);
}

/* F10 opens the main menu, made the first time it opens, from the keyboard alone. */
static void
test_f10_opens_main_menu (void)
{
  AllyWindow *window = present_new_window ();
  GtkWidget *header = find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkMenuButton *button = GTK_MENU_BUTTON (find_descendant (header, GTK_TYPE_MENU_BUTTON));

  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (activate_window_shortcut (GTK_WIDGET (window), "F10"));
  g_assert_true (spin_until (menu_is_open, button));
  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add_func ("/window/learn-built-before-window-shown", test_learn_built_before_window_shown);
  g_test_add_func ("/window/start-works-while-course-is-read",
                   test_start_works_while_course_is_read);
  g_test_add_func ("/window/journal-opens-at-startup", test_journal_opens_at_startup);
  g_test_add_func ("/window/service-start-leaves-journal-closed",
                   test_service_start_leaves_journal_closed);

  if (!g_test_subprocess ())
    g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/has-four-areas", test_window_has_four_areas);
  g_test_add_func ("/window/restores-size", test_window_restores_size);
  g_test_add_func ("/window/narrow-shows-bottom-switcher", test_window_narrow_shows_bottom_switcher);
  g_test_add_func ("/window/main-menu-opens", test_main_menu_opens);
  g_test_add_func ("/window/preferences-switch-dark-mode", test_preferences_switch_dark_mode);
  g_test_add_func ("/window/about-window-opens", test_about_window_opens);
  g_test_add_func ("/window/shortcuts-window-opens", test_shortcuts_window_opens);
  g_test_add_func ("/window/close-shortcut-closes-window", test_close_shortcut_closes_window);
  g_test_add_func ("/window/quit-with-locked-journal-asks", test_quit_with_locked_journal_asks);
  g_test_add_func ("/window/close-without-copy-says-so", test_close_without_copy_says_so);
  g_test_add_func ("/window/kept-text-offered-at-next-start", test_kept_text_offered_at_next_start);
  g_test_add_func ("/window/keyboard/area-shortcut-moves-focus", test_area_shortcut_moves_focus);
  g_test_add_func ("/window/keyboard/f10-opens-main-menu", test_f10_opens_main_menu);
  g_test_add_func ("/window/keyboard/tab-stays-in-term-popover", test_tab_stays_in_term_popover);
  g_test_add_func ("/window/keyboard/lesson-list-is-one-tab-stop", test_lesson_list_is_one_tab_stop);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);

  return ret;
}
