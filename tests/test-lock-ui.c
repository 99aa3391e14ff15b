/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lock-ui.c: the journal lock in the window — the unlock page at start (a wrong
 * passphrase says so), Ctrl+L, and the Preferences section (change the passphrase, turn the
 * lock off and on, the recovery key shown once). Its own small process (GLib's quarks). */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "ally-application.h"
#include "ally-journal-crypto.h"
#include "ally-journal-lock.h"
#include "ally-journal-view.h"
#include "ally-lock-preferences.h"
#include "ally-preferences-window.h"
#include "ally-unlock-page.h"
#include "ally-window.h"
#include "ui-test-util.h"

#define PASSPHRASE "a long walk home"

static AllyApplication *app;

/* A journal with one entry and the lock on, where the app will open it. */
static void
make_locked_journal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AllyJournal) journal = ally_journal_open (NULL, &error);
  g_autoptr(AllyEntry) entry = ally_entry_new ();
  g_autofree char *recovery = NULL;

  g_assert_no_error (error);
  ally_entry_set_title (entry, "Before the lock");
  ally_entry_set_body (entry, "Something private");
  g_assert_cmpint (ally_journal_save_entry (journal, entry, &error), >, 0);
  recovery = ally_journal_turn_lock_on (journal, PASSPHRASE, &error);
  g_assert_no_error (error);
}

static gboolean
unlock_page_is_shown (gpointer window)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (window), ALLY_TYPE_UNLOCK_PAGE);

  return page != NULL && gtk_widget_get_mapped (page);
}

static gboolean
unlock_page_is_hidden (gpointer window)
{
  return !unlock_page_is_shown (window);
}

static gboolean
journal_view_has_journal (gpointer window)
{
  AllyJournalView *view = ally_window_get_journal_view (ALLY_WINDOW (window));

  return view != NULL && ally_journal_view_get_journal (view) != NULL;
}

/* The first visible label with the style class "error" under @widget, or NULL. */
static GtkWidget *
find_error_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      gtk_widget_has_css_class (widget, "error"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
page_shows_error (gpointer page)
{
  return find_error_label (GTK_WIDGET (page)) != NULL;
}

static void
type_and_unlock (GtkWidget  *page,
                 const char *secret)
{
  GtkWidget *entry = find_descendant (page, GTK_TYPE_PASSWORD_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), secret);
  g_assert_true (gtk_widget_activate_action (page, "unlock.unlock", NULL));
}

static AllyJournal *
app_journal (void)
{
  return ally_application_get_journal (app);
}

static void
test_unlock_page_then_ctrl_l (void)
{
  AllyWindow *window = ally_window_new (app);
  GtkWidget *page, *entry;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (window_is_mapped, window));
  g_assert_true (spin_until (ui_test_window_is_ready, window));
  g_assert_true (spin_until (unlock_page_is_shown, window));
  g_assert_false (journal_view_has_journal (window));
  page = find_descendant (GTK_WIDGET (window), ALLY_TYPE_UNLOCK_PAGE);
  entry = find_descendant (page, GTK_TYPE_PASSWORD_ENTRY);

  /* A wrong passphrase: said so, the field emptied, still locked. */
  type_and_unlock (page, "not the passphrase");
  g_assert_true (spin_until (page_shows_error, page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (ally_journal_is_unlocked (app_journal ()));
  g_assert_true (unlock_page_is_shown (window));

  type_and_unlock (page, PASSPHRASE);
  g_assert_true (spin_until (unlock_page_is_hidden, window));
  g_assert_true (ally_journal_is_unlocked (app_journal ()));
  g_assert_true (journal_view_has_journal (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* Ctrl+L: the page again, the key wiped, the journal area made again without the journal. */
  g_assert_true (activate_window_shortcut (GTK_WIDGET (window), "<Control>l"));
  g_assert_true (spin_until (unlock_page_is_shown, window));
  g_assert_false (ally_journal_is_unlocked (app_journal ()));
  g_assert_false (journal_view_has_journal (window));

  type_and_unlock (page, PASSPHRASE);
  g_assert_true (spin_until (unlock_page_is_hidden, window));
  g_assert_true (spin_until (journal_view_has_journal, window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The descendants of @widget of @type, in order. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static void
set_row (GPtrArray  *rows,
         guint       index,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, index)), text);
}

static GtkLabel *
recovery_label (GtkWidget *group)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (group, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "monospace"))
      return g_ptr_array_index (labels, i);
  return NULL;
}

static gboolean
lock_is_on (gpointer journal)
{
  return ally_journal_is_lock_on (journal);
}

static void
test_preferences_section (void)
{
  AllyJournal *journal = app_journal ();
  g_autoptr(GError) error = NULL;
  AllyPreferencesWindow *prefs;
  GtkWidget *group;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkLabel *key;

  g_assert_nonnull (journal);
  if (!ally_journal_is_unlocked (journal))
    g_assert_true (ally_journal_unlock (journal, PASSPHRASE, &error));
  prefs = ally_preferences_window_new (ally_application_get_settings (app), journal, NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (spin_until (window_is_mapped, prefs));
  group = find_descendant (GTK_WIDGET (prefs), ALLY_TYPE_LOCK_PREFERENCES);
  g_assert_nonnull (group);
  collect (group, ADW_TYPE_PASSWORD_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 4);
  /* Lock on: the turn-on rows are hidden, the change rows shown. */
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (rows, 0)));
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (rows, 2)));

  /* Two different passphrases change nothing. */
  set_row (rows, 2, "first try");
  set_row (rows, 3, "second try");
  g_assert_true (gtk_widget_activate_action (group, "lock.change-passphrase", NULL));
  set_row (rows, 2, "a new passphrase");
  set_row (rows, 3, "a new passphrase");
  g_assert_true (gtk_widget_activate_action (group, "lock.change-passphrase", NULL));
  ally_journal_lock (journal);
  g_assert_false (ally_journal_unlock (journal, "first try", NULL));
  g_assert_true (ally_journal_unlock (journal, "a new passphrase", &error));
  g_assert_no_error (error);

  /* Off, then on again from the section: the recovery key is shown once. */
  g_assert_true (gtk_widget_activate_action (group, "lock.turn-off", NULL));
  g_assert_false (ally_journal_is_lock_on (journal));
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (rows, 0)));
  set_row (rows, 0, PASSPHRASE);
  set_row (rows, 1, PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (group, "lock.turn-on", NULL));
  g_assert_true (spin_until (lock_is_on, journal));
  key = recovery_label (group);
  g_assert_nonnull (key);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (key)));
  g_assert_cmpuint (strlen (gtk_label_get_label (key)), ==, 64);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (rows, 0))), ==, "");
  {
    g_autofree char *written = g_strdup (gtk_label_get_label (key));

    g_assert_true (gtk_widget_activate_action (group, "lock.hide-recovery", NULL));
    g_assert_cmpstr (gtk_label_get_label (key), ==, "");
    ally_journal_lock (journal);
    g_assert_true (ally_journal_unlock_with_recovery_key (journal, written, &error));
    g_assert_no_error (error);
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  ally_journal_crypto_set_fast_kdf_for_testing (TRUE);
  make_locked_journal ();

  app = ui_test_new_registered_app ();

  g_test_add_func ("/lock-ui/unlock-page-then-ctrl-l", test_unlock_page_then_ctrl_l);
  g_test_add_func ("/lock-ui/preferences-section", test_preferences_section);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);

  return ret;
}
