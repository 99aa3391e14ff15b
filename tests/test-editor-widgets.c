/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-editor-widgets.c: the journal entry editor's parts on their own: the lesson and prompt
 * an entry answers, the entry's fields, the bar that says a save failed, and the autosave
 * timer. */
#include "config.h"

#include <adwaita.h>

#include "ally-autosave.h"
#include "ally-entry-editor.h"
#include "ally-entry-form.h"
#include "ally-linked-prompt.h"
#include "ally-save-problem-bar.h"
#include "ui-test-util.h"

/* ---- Helpers ------------------------------------------------------------------------------ */

/* Records the parameter of the action it stands for ("win.open-lesson", "editor.retry-save"). */
static void
on_action_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     GString       *record)
{
  g_string_append_printf (record, "%s(%s);", g_action_get_name (G_ACTION (action)),
                          parameter ? g_variant_get_string (parameter, NULL) : "");
}

/* @child in a window that has the action PREFIX.NAME, which @record records. */
static GtkWindow *
window_with_action (GtkWidget          *child,
                    const char         *prefix,
                    const char         *name,
                    const GVariantType *parameter_type,
                    GString            *record)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new (name, parameter_type);
  GtkWindow *window = ui_test_present_in_window (child, 400, 300);

  g_signal_connect (action, "activate", G_CALLBACK (on_action_activated), record);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (window), prefix, G_ACTION_GROUP (group));
  return window;
}

/* ---- Linked prompt ------------------------------------------------------------------------ */

/* An entry answering a lesson's prompt: the lesson as a link that opens it, then the prompt's
 * question; a prompt the lesson does not have shows the lesson alone; no lesson, nothing. */
static void
test_linked_prompt_shows_lesson_and_prompt (void)
{
  g_autoptr(AllyCatalog) catalog = ui_test_load_course ();
  g_autoptr(GString) record = g_string_new (NULL);
  g_autoptr(AllyPrompt) prompt = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *linked = ally_linked_prompt_new ();
  GtkWindow *window = window_with_action (linked, "win", "open-lesson", G_VARIANT_TYPE_STRING,
                                          record);
  GtkLabel *lesson_label = ui_test_find_label_with_class (linked, "accent");
  GtkLabel *prompt_label = ui_test_find_label_with_class (linked, "prompt-text");
  AllyLesson *lesson;
  gboolean handled = FALSE;

  lesson = ally_catalog_lookup_lesson (catalog, "what-allyship-is");
  prompt = g_list_model_get_item (ally_lesson_get_reflections (lesson), 0);
  g_assert_false (gtk_widget_get_visible (linked));

  ally_linked_prompt_set_lesson (ALLY_LINKED_PROMPT (linked), lesson, ally_prompt_get_id (prompt));
  g_assert_true (gtk_widget_get_visible (linked));
  expected = g_strdup_printf ("Lesson %u: %s", ally_lesson_get_number (lesson),
                              ally_lesson_get_title (lesson));
  g_assert_cmpstr (gtk_label_get_text (lesson_label), ==, expected);
  g_assert_cmpstr (gtk_label_get_label (prompt_label), ==, ally_prompt_get_text (prompt));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prompt_label)));

  /* Following the link opens the lesson. */
  g_signal_emit_by_name (lesson_label, "activate-link", "lesson:what-allyship-is", &handled);
  g_assert_true (handled);
  g_assert_cmpstr (record->str, ==, "open-lesson(what-allyship-is);");

  ally_linked_prompt_set_lesson (ALLY_LINKED_PROMPT (linked), lesson, "no-such-prompt");
  g_assert_true (gtk_widget_get_visible (linked));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (prompt_label)));

  /* An entry linked to a lesson but to none of its prompts: the lesson alone. */
  ally_linked_prompt_set_lesson (ALLY_LINKED_PROMPT (linked), lesson, NULL);
  g_assert_true (gtk_widget_get_visible (linked));
  g_assert_cmpstr (gtk_label_get_text (lesson_label), ==, expected);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (prompt_label)));

  ally_linked_prompt_set_lesson (ALLY_LINKED_PROMPT (linked), NULL, NULL);
  g_assert_false (gtk_widget_get_visible (linked));

  gtk_window_destroy (window);
}

/* ---- Entry form --------------------------------------------------------------------------- */

static void
count_changes (AllyEntryForm *form,
               guint         *changes)
{
  (*changes)++;
}

/* Loading an entry shows it without a ::changed; what the person types is one, and is read back
 * (tags split at commas, empty ones dropped); Enter in the title goes on to the text. */
static void
test_entry_form_loads_and_reads (void)
{
  const char * const tags[] = { "work", "listening", NULL };
  g_autoptr(AllyEntry) entry = ally_entry_new ();
  g_autoptr(GString) unused = g_string_new (NULL);
  GtkWidget *form = ally_entry_form_new ();
  GtkWindow *window = window_with_action (form, "win", "open-lesson", G_VARIANT_TYPE_STRING,
                                          unused);
  GtkWidget *title = find_descendant (form, GTK_TYPE_ENTRY);
  GtkWidget *body = find_descendant (form, GTK_TYPE_TEXT_VIEW);
  GtkWidget *tags_entry = gtk_widget_get_next_sibling (body);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));
  g_autofree char *read_title = NULL;
  g_autofree char *read_body = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) read_tags = NULL;
  GtkTextIter cursor, end;
  guint changes = 0, seen = 0;

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Title");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (body), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Entry Text");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tags_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Tags");

  g_signal_connect (form, "changed", G_CALLBACK (count_changes), &changes);
  ally_entry_set_title (entry, "Meeting");
  ally_entry_set_body (entry, "Line one\nLine two");
  ally_entry_set_tags (entry, tags);
  ally_entry_form_load (ALLY_ENTRY_FORM (form), entry);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Meeting");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tags_entry)), ==, "work, listening");
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 0);

  /* (Replacing a field's text is two changes: what was there goes, the new text comes.) */
  gtk_editable_set_text (GTK_EDITABLE (title), "Meeting again");
  g_assert_cmpuint (changes, >, seen);
  seen = changes;
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\nLine three", -1);
  g_assert_cmpuint (changes, >, seen);
  seen = changes;
  gtk_editable_set_text (GTK_EDITABLE (tags_entry), " home ,, work , ");
  g_assert_cmpuint (changes, >, seen);
  seen = changes;

  read_title = ally_entry_form_dup_title (ALLY_ENTRY_FORM (form));
  read_body = ally_entry_form_dup_body (ALLY_ENTRY_FORM (form));
  read_tags = ally_entry_form_dup_tags (ALLY_ENTRY_FORM (form));
  g_assert_cmpstr (read_title, ==, "Meeting again");
  g_assert_cmpstr (read_body, ==, "Line one\nLine two\nLine three");
  g_assert_cmpuint (g_strv_length (read_tags), ==, 2);
  g_assert_cmpstr (read_tags[0], ==, "home");
  g_assert_cmpstr (read_tags[1], ==, "work");
  text = ally_entry_form_format_text (ALLY_ENTRY_FORM (form));
  g_assert_cmpstr (text, ==,
                   "Meeting again\n\nLine one\nLine two\nLine three\n\nTags:  home ,, work , \n");

  /* Enter in the title: on to the text. */
  ally_entry_form_focus_title (ALLY_ENTRY_FORM (form));
  g_signal_emit_by_name (title, "activate");
  g_assert_true (gtk_widget_is_focus (body));

  /* Nothing loaded: all empty, still no ::changed. */
  ally_entry_form_load (ALLY_ENTRY_FORM (form), NULL);
  g_assert_cmpuint (changes, ==, seen);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "");
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);

  gtk_window_destroy (window);
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

/* In the editor the fields take all the height the problem bar leaves: the text is not a
 * sliver under the title. */
static void
test_entry_form_fills_the_editor (void)
{
  g_autoptr(AllyEntry) entry = ally_entry_new ();
  GtkWidget *editor = g_object_new (ALLY_TYPE_ENTRY_EDITOR, NULL);
  GtkWindow *window = ui_test_present_in_window (editor, 600, 700);
  GtkWidget *form = find_descendant (editor, ALLY_TYPE_ENTRY_FORM);
  GtkWidget *body = find_descendant (editor, GTK_TYPE_TEXT_VIEW);

  ally_entry_set_title (entry, "Words I want to get right");
  g_assert_true (ally_entry_editor_set_entry (ALLY_ENTRY_EDITOR (editor), entry));
  g_assert_true (spin_until (is_laid_out, body));
  g_assert_cmpint (gtk_widget_get_height (form), >=, gtk_widget_get_height (editor) - 1);
  g_assert_true (gtk_widget_is_drawable (body));
  /* Its height request, at least: nothing cut it down to what fits in a collapsed page. */
  g_assert_cmpint (gtk_widget_get_height (body), >=, 240);

  gtk_window_destroy (window);
}

/* ---- Save problem bar --------------------------------------------------------------------- */

/* Hidden while saving works; after a failure, an alert says what failed and where the text
 * is, and Retry asks the editor (editor.retry-save) to save again. */
static void
test_save_problem_bar_says_what_failed (void)
{
  g_autoptr(GString) record = g_string_new (NULL);
  g_autoptr(GError) save_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                                                      "The disk is full");
  g_autoptr(GError) copy_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                                      "No copy could be written");
  GtkWidget *bar = ally_save_problem_bar_new ();
  GtkWindow *window = window_with_action (bar, "editor", "retry-save", NULL, record);
  GtkRevealer *revealer = GTK_REVEALER (find_descendant (bar, GTK_TYPE_REVEALER));
  GtkWidget *alert = gtk_revealer_get_child (revealer);
  GtkWidget *retry = find_descendant (bar, GTK_TYPE_BUTTON);
  GtkLabel *title = ui_test_find_label_with_class (bar, "warning");
  GtkLabel *detail = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (title)));

  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (alert)), ==,
                   GTK_ACCESSIBLE_ROLE_ALERT);

  ally_save_problem_bar_show (ALLY_SAVE_PROBLEM_BAR (bar), "Not Saved", save_error, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_label_get_label (title), ==, "Not Saved");
  g_assert_cmpstr (gtk_label_get_label (detail), ==,
                   "The disk is full. Your text is still here, and a copy is kept until it is saved.");

  /* Not even an emergency copy: the window is the only place the text is. */
  ally_save_problem_bar_show (ALLY_SAVE_PROBLEM_BAR (bar), "Not Saved", save_error, copy_error);
  g_assert_cmpstr (gtk_label_get_label (detail), ==,
                   "The disk is full. No copy could be written. Your text is only in this "
                   "window: do not close it.");

  g_signal_emit_by_name (retry, "clicked");
  g_assert_cmpstr (record->str, ==, "retry-save();");

  ally_save_problem_bar_show (ALLY_SAVE_PROBLEM_BAR (bar), "Saved", NULL, NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  gtk_window_destroy (window);
}

/* ---- Autosave ----------------------------------------------------------------------------- */

/* A pause after the last change, but never past the longest wait since the first unsaved one. */
static void
test_autosave_delay (void)
{
  gint64 now = 100 * G_USEC_PER_SEC;

  g_assert_cmpint (ally_autosave_delay_ms (now, now, 800, 4000), ==, 800);
  g_assert_cmpint (ally_autosave_delay_ms (now - 3 * G_USEC_PER_SEC, now, 800, 4000), ==, 800);
  g_assert_cmpint (ally_autosave_delay_ms (now - 3500 * 1000, now, 800, 4000), ==, 500);
  g_assert_cmpint (ally_autosave_delay_ms (now - 5 * G_USEC_PER_SEC, now, 800, 4000), ==, 0);
}

static void
on_save (AllyAutosave *autosave,
         guint        *saves)
{
  (*saves)++;
}

static gboolean
saved_once (gpointer data)
{
  return *(guint *) data >= 1;
}

typedef struct
{
  AllyAutosave *autosave;
  guint         changes;
  guint         saves;
} Typing;

/* A keystroke every 10 ms, for at most 5 s. */
static gboolean
type_cb (gpointer data)
{
  Typing *typing = data;

  ally_autosave_changed (typing->autosave);
  return ++typing->changes < 500 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
typing_saved (gpointer data)
{
  return ((Typing *) data)->saves >= 1;
}

/* One change: one ::save after the pause; a cancelled one never comes; steady typing (never a
 * pause) is saved while it goes on. */
static void
test_autosave_saves (void)
{
  g_autoptr(AllyAutosave) autosave = ally_autosave_new (20, 200);
  g_autoptr(AllyAutosave) steady = ally_autosave_new (100, 300);
  Typing typing = { steady, 0, 0 };
  guint saves = 0;
  guint ticker;

  g_signal_connect (autosave, "save", G_CALLBACK (on_save), &saves);
  g_assert_false (ally_autosave_is_pending (autosave));
  ally_autosave_changed (autosave);
  g_assert_true (ally_autosave_is_pending (autosave));
  g_assert_true (spin_until (saved_once, &saves));
  g_assert_false (ally_autosave_is_pending (autosave));
  g_assert_cmpuint (saves, ==, 1);

  ally_autosave_changed (autosave);
  ally_autosave_cancel (autosave);
  g_assert_false (ally_autosave_is_pending (autosave));

  g_signal_connect (steady, "save", G_CALLBACK (on_save), &typing.saves);
  ticker = g_timeout_add (10, type_cb, &typing);
  g_assert_true (spin_until (typing_saved, &typing));
  /* Saved before the typing stopped. */
  g_assert_cmpuint (typing.changes, <, 500);
  g_source_remove (ticker);
  g_assert_cmpuint (saves, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  int ret;

  g_setenv ("LANGUAGE", "C", TRUE);
  /* GTK's test accessibility backend: the accessible names are read from it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/editor-widgets/linked-prompt/shows-lesson-and-prompt",
                   test_linked_prompt_shows_lesson_and_prompt);
  g_test_add_func ("/editor-widgets/entry-form/loads-and-reads", test_entry_form_loads_and_reads);
  g_test_add_func ("/editor-widgets/entry-form/fills-the-editor", test_entry_form_fills_the_editor);
  g_test_add_func ("/editor-widgets/save-problem-bar/says-what-failed",
                   test_save_problem_bar_says_what_failed);
  g_test_add_func ("/editor-widgets/autosave/delay", test_autosave_delay);
  g_test_add_func ("/editor-widgets/autosave/saves", test_autosave_saves);

  ret = g_test_run ();
  ui_test_remove_tree (user_dirs);

  return ret;
}
