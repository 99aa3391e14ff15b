/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-view.c: drives the Journal area in a plain window over a real journal in a
 * temporary folder: autosave (after a pause, and while typing goes on), switching entries,
 * search, tags, prompts, delete, failed saves (a deleted entry, a journal locked by another
 * program), import and export. */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ally-journal-view-private.h"
#include "ui-test-util.h"

typedef struct
{
  GFile           *dir;
  AllyJournal     *journal;
  GtkWindow       *window;
  AllyJournalView *view;
  AllyEntryEditor *editor;
} Fixture;

static AllyJournal *
open_journal_in (GFile **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("allyship-journal-view-XXXXXX", &error);
  AllyJournal *journal;

  g_assert_no_error (error);
  *dir = g_file_new_for_path (path);
  journal = ally_journal_open (*dir, &error);
  g_assert_no_error (error);
  return journal;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->journal = open_journal_in (&fixture->dir);
  fixture->view = ALLY_JOURNAL_VIEW (ally_journal_view_new ());
  fixture->editor = ally_journal_view_get_editor (fixture->view);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  g_assert_true (spin_until (window_is_mapped, fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  destroy_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->journal);
  ui_test_remove_tree (g_file_peek_path (fixture->dir));
  g_clear_object (&fixture->dir);
}

static gint64
add_entry (AllyJournal *journal,
           const char  *title,
           const char  *body,
           const char  *tags_text)
{
  g_autoptr(AllyEntry) entry = ally_entry_new ();
  g_auto(GStrv) tags = g_strsplit (tags_text ? tags_text : "", ",", -1);
  g_autoptr(GError) error = NULL;
  gint64 id;

  ally_entry_set_title (entry, title);
  ally_entry_set_body (entry, body);
  ally_entry_set_tags (entry, (const char * const *) tags);
  id = ally_journal_save_entry (journal, entry, &error);
  g_assert_no_error (error);
  return id;
}

static char *
stored_body (AllyJournal *journal,
             gint64       id)
{
  g_autoptr(AllyEntry) entry = ally_journal_get_entry (journal, id, NULL);

  return entry ? g_strdup (ally_entry_get_body (entry)) : NULL;
}

/* The first widget in @widget with the style class @name. */
static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *name)
{
  if (gtk_widget_has_css_class (widget, name))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkTextView *
body_view (Fixture *fixture)
{
  return GTK_TEXT_VIEW (find_with_class (GTK_WIDGET (fixture->editor), "journal-body"));
}

static GtkTextBuffer *
body_buffer (Fixture *fixture)
{
  return gtk_text_view_get_buffer (body_view (fixture));
}

static char *
title_text (Fixture *fixture)
{
  GtkWidget *entry = find_with_class (GTK_WIDGET (fixture->editor), "title-entry");

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Types at the cursor, as a key press would. */
static void
type_in_body (Fixture    *fixture,
              const char *text)
{
  gtk_text_buffer_insert_at_cursor (body_buffer (fixture), text, -1);
}

static char *
body_text (Fixture *fixture)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (body_buffer (fixture), &start, &end);
  return gtk_text_buffer_get_text (body_buffer (fixture), &start, &end, FALSE);
}

static gboolean
journal_has_one_entry (gpointer data)
{
  return ally_journal_count_entries (ALLY_JOURNAL (data), NULL) == 1;
}

static gboolean
editor_is_saved (gpointer data)
{
  return !ally_entry_editor_has_unsaved_changes (ALLY_ENTRY_EDITOR (data));
}

static gboolean
save_has_failed (gpointer data)
{
  return g_strcmp0 (ally_entry_editor_get_status (ALLY_ENTRY_EDITOR (data)), "Not Saved") == 0;
}

static void
test_empty_journal (Fixture       *fixture,
                    gconstpointer  data)
{
  g_assert_cmpstr (ally_journal_view_get_page_name (fixture->view), ==, "error");

  ally_journal_view_set_journal (fixture->view, fixture->journal);
  g_assert_cmpstr (ally_journal_view_get_page_name (fixture->view), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "journal.new-entry", NULL));
  g_assert_cmpstr (ally_journal_view_get_page_name (fixture->view), ==, "journal");
  g_assert_nonnull (ally_entry_editor_get_entry (fixture->editor));

  /* An entry nobody wrote in is not kept. */
  g_assert_true (ally_entry_editor_set_entry (fixture->editor, NULL));
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 0);
}

static void
test_typing_autosaves (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AllyEntry) saved = NULL;
  g_autofree char *body = NULL;
  GListModel *entries;

  ally_journal_view_set_journal (fixture->view, fixture->journal);
  ally_journal_view_new_entry (fixture->view);
  type_in_body (fixture, "I noticed who spoke first.");

  /* Not at once: after a pause in typing. */
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 0);
  g_assert_cmpstr (ally_entry_editor_get_status (fixture->editor), ==, "Saving…");
  g_assert_true (spin_until (journal_has_one_entry, fixture->journal));
  g_assert_cmpstr (ally_entry_editor_get_status (fixture->editor), ==, "Saved");

  entries = ally_journal_view_get_entries (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  saved = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (ally_entry_get_body (saved), ==, "I noticed who spoke first.");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (entries)), ==, 0);

  /* More typing saves the same entry again. */
  type_in_body (fixture, " Then I waited.");
  g_assert_true (spin_until (editor_is_saved, fixture->editor));
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 1);
  body = stored_body (fixture->journal, ally_entry_get_id (ally_entry_editor_get_entry (fixture->editor)));
  g_assert_cmpstr (body, ==, "I noticed who spoke first. Then I waited.");
}

/* The list view showing @entries (the tag dropdown holds a list view too). */
static GtkWidget *
find_entry_list (GtkWidget  *widget,
                 GListModel *entries)
{
  if (GTK_IS_LIST_VIEW (widget) &&
      G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget))) == entries)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_list (child, entries);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
position_of (Fixture *fixture,
             gint64   id)
{
  GListModel *entries = ally_journal_view_get_entries (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(AllyEntry) entry = g_list_model_get_item (entries, i);

      if (ally_entry_get_id (entry) == id)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_switching_saves_at_once (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 first = add_entry (fixture->journal, "First", "one", NULL);
  gint64 second = add_entry (fixture->journal, "Second", "two", NULL);
  g_autofree char *body = NULL;
  g_autofree char *shown = NULL;

  ally_journal_view_set_journal (fixture->view, fixture->journal);
  g_assert_true (ally_journal_view_open_entry (fixture->view, first));
  gtk_text_buffer_set_text (body_buffer (fixture), "one, rewritten", -1);
  g_assert_true (ally_entry_editor_has_unsaved_changes (fixture->editor));

  /* Opened from the list, as a click does; no waiting for the autosave. */
  g_signal_emit_by_name (find_entry_list (GTK_WIDGET (fixture->view),
                                          ally_journal_view_get_entries (fixture->view)),
                         "activate", position_of (fixture, second));
  body = stored_body (fixture->journal, first);
  g_assert_cmpstr (body, ==, "one, rewritten");
  g_assert_cmpint (ally_entry_get_id (ally_entry_editor_get_entry (fixture->editor)), ==, second);
  shown = body_text (fixture);
  g_assert_cmpstr (shown, ==, "two");
}

static guint
n_entries_listed (Fixture *fixture)
{
  return g_list_model_get_n_items (ally_journal_view_get_entries (fixture->view));
}

static gboolean
two_entries_imported (gpointer data)
{
  return g_strcmp0 (ally_journal_view_get_toast_title (data), "2 added.") == 0;
}

static gboolean
two_entries_already_here (gpointer data)
{
  return g_strcmp0 (ally_journal_view_get_toast_title (data), "2 already here.") == 0;
}

static gboolean
deleted_one_not_brought_back (gpointer data)
{
  return g_strcmp0 (ally_journal_view_get_toast_title (data),
                    "1 already here, 1 deleted here was not brought back.") == 0;
}

static gboolean
one_entry_brought_back (gpointer data)
{
  return g_strcmp0 (ally_journal_view_get_toast_title (data), "1 added, 1 already here.") == 0;
}

static gboolean
one_entry_listed (gpointer data)
{
  return n_entries_listed (data) == 1;
}

static gboolean
no_entry_listed (gpointer data)
{
  return n_entries_listed (data) == 0;
}

static gboolean
three_entries_listed (gpointer data)
{
  return n_entries_listed (data) == 3;
}

static void
test_search_narrows_list (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AllyEntry) found = NULL;

  add_entry (fixture->journal, "Meeting", "I spoke over a giraffe keeper.", NULL);
  add_entry (fixture->journal, "Lunch", "Listened more than I talked.", NULL);
  add_entry (fixture->journal, "Walk", "Thought about who plans the events.", NULL);
  ally_journal_view_set_journal (fixture->view, fixture->journal);
  g_assert_cmpuint (n_entries_listed (fixture), ==, 3);

  ally_journal_view_set_search (fixture->view, "giraffe");
  g_assert_true (spin_until (one_entry_listed, fixture));
  found = g_list_model_get_item (ally_journal_view_get_entries (fixture->view), 0);
  g_assert_cmpstr (ally_entry_get_title (found), ==, "Meeting");

  /* Words that would break a raw FTS query are only words. */
  ally_journal_view_set_search (fixture->view, "\"unclosed AND (");
  g_assert_true (spin_until (no_entry_listed, fixture));
  g_assert_cmpstr (ally_journal_view_get_list_page_name (fixture->view), ==, "no-results");
  g_assert_cmpstr (ally_journal_view_get_page_name (fixture->view), ==, "journal");

  ally_journal_view_set_search (fixture->view, "");
  g_assert_true (spin_until (three_entries_listed, fixture));
  g_assert_cmpstr (ally_journal_view_get_list_page_name (fixture->view), ==, "list");
}

static GtkWidget *
find_snippet_containing (GtkWidget  *widget,
                         const char *markup)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "entry-snippet") &&
      gtk_widget_is_drawable (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), markup) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_snippet_containing (child, markup);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
snippet_shows_match (gpointer data)
{
  Fixture *fixture = data;

  return find_snippet_containing (GTK_WIDGET (fixture->view), "<b>giraffe</b>") != NULL;
}

/* A search result's row shows the words around the match, the match in bold; Enter in the
 * search entry opens the first result. */
static void
test_search_snippet_and_enter (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *snippet;
  AllyEntry *open;
  gint64 id;

  id = add_entry (fixture->journal, "Meeting",
                  "A long morning. I spoke over a giraffe keeper & didn't <notice>.", NULL);
  add_entry (fixture->journal, "Lunch", "Listened more than I talked.", NULL);
  ally_journal_view_set_journal (fixture->view, fixture->journal);
  /* Without a search, rows show no snippet. */
  g_assert_cmpuint (n_entries_listed (fixture), ==, 2);
  g_assert_null (find_snippet_containing (GTK_WIDGET (fixture->view), ""));

  gtk_editable_set_text (GTK_EDITABLE (entry), "giraf");
  g_assert_true (spin_until (one_entry_listed, fixture));
  g_assert_true (spin_until (snippet_shows_match, fixture));
  snippet = find_snippet_containing (GTK_WIDGET (fixture->view), "<b>giraffe</b>");
  /* The person's text is text, never markup. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (snippet)), "keeper & didn't <notice>"));

  /* Enter opens the first result. */
  g_assert_null (ally_entry_editor_get_entry (fixture->editor));
  g_signal_emit_by_name (entry, "activate");
  open = ally_entry_editor_get_entry (fixture->editor);
  g_assert_nonnull (open);
  g_assert_cmpint (ally_entry_get_id (open), ==, id);
}

static void
test_tag_filter (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkDropDown *dropdown;
  g_autoptr(AllyEntry) found = NULL;

  add_entry (fixture->journal, "At work", "Credit for ideas at work.", "work,listening");
  add_entry (fixture->journal, "At home", "Who does the dishes, at work or home.", "home");
  add_entry (fixture->journal, "Reading", "A book on work and power.", "work");
  ally_journal_view_set_journal (fixture->view, fixture->journal);

  dropdown = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN));
  /* "All Tags", then home, listening, work. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 4);

  ally_journal_view_set_tag (fixture->view, "work");
  g_assert_cmpuint (n_entries_listed (fixture), ==, 2);
  ally_journal_view_set_tag (fixture->view, "home");
  g_assert_cmpuint (n_entries_listed (fixture), ==, 1);

  /* Search and tag together. */
  ally_journal_view_set_tag (fixture->view, "work");
  ally_journal_view_set_search (fixture->view, "credit");
  g_assert_true (spin_until (one_entry_listed, fixture));
  found = g_list_model_get_item (ally_journal_view_get_entries (fixture->view), 0);
  g_assert_cmpstr (ally_entry_get_title (found), ==, "At work");

  ally_journal_view_set_search (fixture->view, "");
  ally_journal_view_set_tag (fixture->view, NULL);
  g_assert_true (spin_until (three_entries_listed, fixture));
}

static void
test_prompt_links_entry (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AllyPrompt) prompt = NULL;
  g_autoptr(AllyEntry) stored = NULL;
  g_autofree char *title = NULL;
  AllyLesson *lesson;

  g_assert_true (ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error));
  g_assert_no_error (error);
  lesson = ally_catalog_lookup_lesson (catalog, "what-allyship-is");
  g_assert_nonnull (lesson);
  prompt = g_list_model_get_item (ally_lesson_get_reflections (lesson), 0);
  g_assert_nonnull (prompt);

  ally_journal_view_set_catalog (fixture->view, catalog);
  ally_journal_view_set_journal (fixture->view, fixture->journal);
  ally_journal_view_new_entry_for_prompt (fixture->view, "what-allyship-is",
                                          ally_prompt_get_id (prompt), ally_prompt_get_text (prompt));
  title = title_text (fixture);
  g_assert_cmpstr (title, ==, ally_prompt_get_text (prompt));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (body_view (fixture))));

  type_in_body (fixture, "Being asked, not assuming.");
  g_assert_true (spin_until (journal_has_one_entry, fixture->journal));
  stored = ally_journal_get_entry (fixture->journal,
                                   ally_entry_get_id (ally_entry_editor_get_entry (fixture->editor)),
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ally_entry_get_lesson_id (stored), ==, "what-allyship-is");
  g_assert_cmpstr (ally_entry_get_prompt_id (stored), ==, ally_prompt_get_id (prompt));
  g_assert_cmpstr (ally_entry_get_title (stored), ==, ally_prompt_get_text (prompt));
}

/* Deleting asks nothing: the toast's Undo, or Ctrl+Z while it shows, brings the entry back. */
static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = add_entry (fixture->journal, "To go", "Short-lived.", NULL);
  g_autoptr(AllyEntry) back = NULL;

  ally_journal_view_set_journal (fixture->view, fixture->journal);
  /* Nothing deleted yet: Ctrl+Z has nothing to undo. */
  activate_window_shortcut (GTK_WIDGET (fixture->view), "<Control>z");
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 1);
  g_assert_true (ally_journal_view_open_entry (fixture->view, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "journal.delete-entry", NULL));

  /* Deleted at once, without a dialog. */
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 0);
  g_assert_false (toplevel_is_shown (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  g_assert_null (ally_entry_editor_get_entry (fixture->editor));
  g_assert_cmpstr (ally_journal_view_get_page_name (fixture->view), ==, "empty");
  g_assert_cmpstr (ally_journal_view_get_toast_title (fixture->view), ==, "Entry deleted");

  /* Ctrl+Z, as in Practice. */
  g_assert_true (activate_window_shortcut (GTK_WIDGET (fixture->view), "<Control>z"));
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 1);
  back = g_list_model_get_item (ally_journal_view_get_entries (fixture->view), 0);
  g_assert_cmpstr (ally_entry_get_title (back), ==, "To go");
  g_assert_cmpstr (ally_entry_get_body (back), ==, "Short-lived.");

  /* Once undone, a second Ctrl+Z brings back nothing more. */
  activate_window_shortcut (GTK_WIDGET (fixture->view), "<Control>z");
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 1);

  /* The toast's Undo button works too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "journal.delete-entry", NULL));
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "journal.undo-delete", NULL));
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 1);
}

/* The entry is deleted behind the editor's back (another window, a restore): the save
 * fails with NOT_FOUND, the text stays, and Retry brings it back as a new entry. */
static void
test_failed_save_keeps_text (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 id = add_entry (fixture->journal, "Draft", "", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AllyEntry) saved = NULL;
  g_autofree char *shown = NULL;

  ally_journal_view_set_journal (fixture->view, fixture->journal);
  g_assert_true (ally_journal_view_open_entry (fixture->view, id));
  type_in_body (fixture, "Words I must not lose.");
  g_assert_true (ally_journal_delete_entry (fixture->journal, id, &error));
  g_assert_no_error (error);

  g_assert_true (spin_until (save_has_failed, fixture->editor));
  shown = body_text (fixture);
  g_assert_cmpstr (shown, ==, "Words I must not lose.");
  g_assert_true (ally_entry_editor_has_unsaved_changes (fixture->editor));
  g_assert_true (g_str_has_prefix (ally_journal_view_get_toast_title (fixture->view),
                                   "Could not save: "));
  g_assert_true (g_str_has_suffix (ally_journal_view_get_toast_title (fixture->view),
                                   "Your text is still here; try again."));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "journal.retry-save", NULL));
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 1);
  saved = g_list_model_get_item (ally_journal_view_get_entries (fixture->view), 0);
  g_assert_cmpstr (ally_entry_get_body (saved), ==, "Words I must not lose.");
  g_assert_cmpstr (ally_entry_get_title (saved), ==, "Draft");
}

/* Another program holds the journal's write lock, as `sqlite3 allyship.db "BEGIN EXCLUSIVE;"`
 * left open does. */
static sqlite3 *
lock_journal (AllyJournal *journal)
{
  GFile *file = ally_journal_get_file (journal);
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

static gboolean
set_true_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets @ms of time pass with the main loop running, as it does while a person types or
 * looks: for what must still hold after a while, not to wait for something to happen. */
static void
run_main_loop_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A label on screen in @widget that says @words. */
static GtkWidget *
find_shown_label_with (GtkWidget  *widget,
                       const char *words)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), words) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_label_with (child, words);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
lock_not_shown (gpointer data)
{
  return find_shown_label_with (GTK_WIDGET (data), "database is locked") == NULL;
}

static gboolean
save_did_not_work (gpointer data)
{
  const char *status = ally_entry_editor_get_status (ALLY_ENTRY_EDITOR (data));

  return g_strcmp0 (status, "Saving…") != 0 && g_strcmp0 (status, "Saved") != 0;
}

/* Steady typing, a word every 300 ms for 6 s with no pause: it is saved while it goes on
 * (a kill at any moment loses at most a few seconds), not only once the person stops. */
static void
test_continuous_typing_saves (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 typing_started = g_get_monotonic_time ();
  gint64 saved_after_us = 0;
  g_autofree char *stored = NULL;

  ally_journal_view_set_journal (fixture->view, fixture->journal);
  ally_journal_view_new_entry (fixture->view);
  for (guint i = 0; i < 20; i++)
    {
      type_in_body (fixture, "word ");
      run_main_loop_for (300);
      if (saved_after_us == 0 && ally_journal_count_entries (fixture->journal, NULL) == 1)
        saved_after_us = g_get_monotonic_time () - typing_started;
    }

  g_assert_cmpint (saved_after_us, >, 0);
  g_assert_cmpint (saved_after_us, <=, (ALLY_ENTRY_EDITOR_AUTOSAVE_MAX_MS + 1000) * 1000);
  /* Still typing: the last save is at most a few seconds behind. */
  g_assert_true (ally_entry_editor_has_unsaved_changes (fixture->editor) ||
                 g_str_equal (ally_entry_editor_get_status (fixture->editor), "Saved"));
  stored = stored_body (fixture->journal, ally_entry_get_id (ally_entry_editor_get_entry (fixture->editor)));
  g_assert_nonnull (stored);
  g_assert_cmpuint (strlen (stored), >=, strlen ("word ") * 8);
}

/* A journal locked by another program: the failure stays on screen (not a toast that goes
 * after 5 s), the save is retried by itself, and the message goes once it worked. */
static void
test_locked_journal_failure_stays (Fixture       *fixture,
                                   gconstpointer  data)
{
  sqlite3 *locker;
  g_autofree char *stored = NULL;

  ally_journal_view_set_journal (fixture->view, fixture->journal);
  ally_journal_view_new_entry (fixture->view);
  locker = lock_journal (fixture->journal);
  type_in_body (fixture, "Written while another program held the journal.");

  g_assert_true (spin_until (save_did_not_work, fixture->editor));
  g_assert_cmpstr (ally_entry_editor_get_status (fixture->editor), ==, "Not saved yet — retrying");
  run_main_loop_for (6000);
  g_assert_nonnull (find_shown_label_with (GTK_WIDGET (fixture->view), "database is locked"));
  g_assert_true (ally_entry_editor_has_unsaved_changes (fixture->editor));

  /* Let go: the next retry saves it, without anyone asking. */
  unlock_journal (locker);
  g_assert_true (spin_until (editor_is_saved, fixture->editor));
  stored = stored_body (fixture->journal, ally_entry_get_id (ally_entry_editor_get_entry (fixture->editor)));
  g_assert_cmpstr (stored, ==, "Written while another program held the journal.");
  g_assert_true (spin_until (lock_not_shown, fixture->view));
}

static void
test_error_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NEWER_VERSION,
                                                 "The journal was made by a newer Allyship.");
  AdwStatusPage *page;

  ally_journal_view_set_journal (fixture->view, fixture->journal);
  g_assert_cmpstr (ally_journal_view_get_page_name (fixture->view), ==, "empty");

  ally_journal_view_show_error (fixture->view, error);
  g_assert_cmpstr (ally_journal_view_get_page_name (fixture->view), ==, "error");
  g_assert_null (ally_journal_view_get_journal (fixture->view));
  page = ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), error->message));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "journal.new-entry", NULL);
  g_assert_cmpstr (ally_journal_view_get_page_name (fixture->view), ==, "error");
  g_assert_null (ally_entry_editor_get_entry (fixture->editor));
}

static void
test_export_and_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) other_dir = NULL;
  g_autoptr(AllyJournal) other = open_journal_in (&other_dir);
  g_autoptr(GFile) json = g_file_get_child (fixture->dir, "export.json");
  g_autoptr(GFile) markdown = g_file_get_child (fixture->dir, "export.md");
  g_autofree char *markdown_text = NULL;

  add_entry (fixture->journal, "One", "First words.", "a");
  add_entry (fixture->journal, "Two", "Second words.", NULL);
  ally_journal_view_set_journal (fixture->view, fixture->journal);

  g_assert_true (ally_journal_view_export_file (fixture->view, json, "json"));
  g_assert_cmpstr (ally_journal_view_get_toast_title (fixture->view), ==, "Journal exported");
  g_assert_true (ally_journal_view_export_file (fixture->view, markdown, "markdown"));
  g_assert_true (g_file_load_contents (markdown, NULL, &markdown_text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (markdown_text, "Second words."));

  /* The same entries again are already here, and the result says so in words. Imports
   * run in the background, the progress in a toast. */
  g_assert_true (ally_journal_view_import_file (fixture->view, json));
  g_assert_false (ally_journal_view_import_file (fixture->view, json));
  g_assert_true (g_str_has_prefix (ally_journal_view_get_toast_title (fixture->view),
                                   "Importing the journal"));
  g_assert_true (spin_until (two_entries_already_here, fixture->view));
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 2);

  ally_journal_view_set_journal (fixture->view, other);
  g_assert_cmpstr (ally_journal_view_get_page_name (fixture->view), ==, "empty");
  g_assert_true (ally_journal_view_import_file (fixture->view, json));
  g_assert_true (spin_until (two_entries_imported, fixture->view));
  g_assert_cmpuint (n_entries_listed (fixture), ==, 2);
  g_assert_cmpstr (ally_journal_view_get_page_name (fixture->view), ==, "journal");

  /* An entry deleted here does not come back from the file unless asked: the result
   * offers it, and Bring Back brings it. */
  {
    g_autoptr(AllyEntry) first = g_list_model_get_item (ally_journal_view_get_entries (fixture->view), 0);
    GtkWindow *dialog;

    g_assert_true (ally_journal_delete_entry (other, ally_entry_get_id (first), NULL));
    g_assert_true (ally_journal_view_import_file (fixture->view, json));
    g_assert_true (spin_until (deleted_one_not_brought_back, fixture->view));
    g_assert_cmpint (ally_journal_count_entries (other, NULL), ==, 1);
    g_assert_true (spin_until (toplevel_is_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
    dialog = find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
    g_assert_true (spin_until (one_entry_brought_back, fixture->view));
    g_assert_cmpint (ally_journal_count_entries (other, NULL), ==, 2);
    destroy_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);
  }

  ally_journal_view_set_journal (fixture->view, NULL);
  g_clear_object (&other);
  ui_test_remove_tree (g_file_peek_path (other_dir));
}

static void
test_closing_saves (Fixture       *fixture,
                    gconstpointer  data)
{
  ally_journal_view_set_journal (fixture->view, fixture->journal);
  ally_journal_view_new_entry (fixture->view);
  type_in_body (fixture, "Typed just before closing.");
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 0);

  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  g_assert_cmpint (ally_journal_count_entries (fixture->journal, NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* Emergency copies of text that could not be saved go to the cache folder. */
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  int ret;

  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/journal-view/empty-journal", test_empty_journal);
  ADD ("/journal-view/typing-autosaves", test_typing_autosaves);
  ADD ("/journal-view/switching-saves-at-once", test_switching_saves_at_once);
  ADD ("/journal-view/search-narrows-list", test_search_narrows_list);
  ADD ("/journal-view/search-snippet-and-enter", test_search_snippet_and_enter);
  ADD ("/journal-view/tag-filter", test_tag_filter);
  ADD ("/journal-view/prompt-links-entry", test_prompt_links_entry);
  ADD ("/journal-view/delete-and-undo", test_delete_and_undo);
  ADD ("/journal-view/failed-save-keeps-text", test_failed_save_keeps_text);
  ADD ("/journal-view/continuous-typing-saves", test_continuous_typing_saves);
  ADD ("/journal-view/locked-journal-failure-stays", test_locked_journal_failure_stays);
  ADD ("/journal-view/error-page", test_error_page);
  ADD ("/journal-view/export-and-import", test_export_and_import);
  ADD ("/journal-view/closing-saves", test_closing_saves);
#undef ADD

  ret = g_test_run ();
  ui_test_remove_tree (user_dirs);
  return ret;
}
