/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-practice-widgets.c: the Practice area's parts on their own: a commitment row, a
 * suggestion row, the commitment edit dialog, a power map answer and the power map, with a
 * real journal and the real course. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "ally-commitment-dialog.h"
#include "ally-commitment-row.h"
#include "ally-journal-progress.h"
#include "ally-power-answer.h"
#include "ally-power-map.h"
#include "ally-suggestion-row.h"
#include "ui-test-util.h"

typedef struct
{
  char        *dir;
  AllyJournal *journal;
  AllyCatalog *catalog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;

  fixture->dir = g_dir_make_tmp ("practice-widgets-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (fixture->dir);
  fixture->journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);
  fixture->catalog = ally_catalog_new ();
  ally_catalog_load_resource (fixture->catalog, ALLY_CONTENT_RESOURCE_PATH, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->catalog);
  ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* ---- Helpers ------------------------------------------------------------------------------ */

static GtkLabel *
label_with_text (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = label_with_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static AllyCommitment *
add_commitment (Fixture    *fixture,
                const char *text,
                GDateTime  *due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  g_assert_cmpint (ally_journal_add_commitment (fixture->journal, text, "accomplice-at-work", due,
                                                0, &error), !=, 0);
  g_assert_no_error (error);
  list = ally_journal_list_commitments (fixture->journal, &error);
  g_assert_no_error (error);
  return g_list_model_get_item (list, 0);
}

static void
on_done_toggled (AllyCommitmentRow *row,
                 gboolean           done,
                 int               *last)
{
  *last = done;
}

/* ---- Commitment row ----------------------------------------------------------------------- */

static void
test_commitment_row_shows_commitment (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GDateTime) due = g_date_time_new_local (2001, 1, 2, 0, 0, 0);
  g_autoptr(AllyCommitment) commitment = add_commitment (fixture, "Ask what would help", due);
  GtkWidget *row = g_object_ref_sink (ally_commitment_row_new ());
  GtkCheckButton *check = GTK_CHECK_BUTTON (find_descendant (row, GTK_TYPE_CHECK_BUTTON));
  GtkLabel *subtitle;
  GtkWidget *edit, *delete;
  int last = -1;

  g_signal_connect (row, "done-toggled", G_CALLBACK (on_done_toggled), &last);
  ally_commitment_row_set_commitment (ALLY_COMMITMENT_ROW (row), commitment, "Allies at work");

  g_assert_true (ally_commitment_row_get_commitment (ALLY_COMMITMENT_ROW (row)) == commitment);
  g_assert_nonnull (label_with_text (row, "Ask what would help"));
  subtitle = label_with_text (row, "From “Allies at work” · Was due 2 January 2001");
  g_assert_nonnull (subtitle);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (subtitle)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (subtitle), "warning"));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (check)), ==, "Mark as Done");
  /* Showing a commitment is not the person ticking it. */
  g_assert_cmpint (last, ==, -1);

  /* Edit and Delete act on this commitment. */
  delete = gtk_widget_get_last_child (row);
  edit = gtk_widget_get_prev_sibling (delete);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (edit)), ==, "practice.edit-commitment");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (delete)), ==, "practice.delete-commitment");
  g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (delete))),
                   ==, ally_commitment_get_id (commitment));

  /* Ticking it says so. */
  gtk_check_button_set_active (check, TRUE);
  g_assert_cmpint (last, ==, TRUE);

  /* Done: when, no longer a warning. */
  g_assert_true (ally_journal_set_commitment_done (fixture->journal, ally_commitment_get_id (commitment),
                                                   TRUE, NULL));
  g_clear_object (&commitment);
  commitment = add_commitment (fixture, "Listen first", NULL);
  ally_commitment_row_set_commitment (ALLY_COMMITMENT_ROW (row), commitment, NULL);
  /* Neither from a lesson nor due: no empty line under the text. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (subtitle)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (subtitle), "warning"));

  g_object_unref (row);
}

/* ---- Suggestion row ----------------------------------------------------------------------- */

static void
test_suggestion_row_adopt_and_adopted (Fixture       *fixture,
                                       gconstpointer  data)
{
  AllyLesson *lesson = ally_catalog_lookup_lesson (fixture->catalog, "accomplice-at-work");
  g_autoptr(AllyPrompt) prompt = g_list_model_get_item (ally_lesson_get_commitments (lesson), 0);
  GtkWidget *row = g_object_ref_sink (ally_suggestion_row_new ());
  GtkButton *adopt = GTK_BUTTON (gtk_widget_get_last_child (row));
  GVariant *target;
  const char *lesson_id, *prompt_id;

  ally_suggestion_row_set_prompt (ALLY_SUGGESTION_ROW (row), prompt, "Lesson 13 · Allies and accomplices at work");
  ally_suggestion_row_set_adopted (ALLY_SUGGESTION_ROW (row), FALSE);
  g_assert_nonnull (label_with_text (row, ally_prompt_get_text (prompt)));
  g_assert_nonnull (label_with_text (row, "Lesson 13 · Allies and accomplices at work"));
  g_assert_cmpstr (gtk_button_get_label (adopt), ==, "_Adopt");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (adopt)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (adopt), "suggested-action"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (adopt)), ==, "practice.adopt");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (adopt));
  g_variant_get (target, "(&s&s)", &lesson_id, &prompt_id);
  g_assert_cmpstr (lesson_id, ==, "accomplice-at-work");
  g_assert_cmpstr (prompt_id, ==, ally_prompt_get_id (prompt));

  /* Adopted: said in the row, not offered again. */
  ally_suggestion_row_set_adopted (ALLY_SUGGESTION_ROW (row), TRUE);
  g_assert_cmpstr (gtk_button_get_label (adopt), ==, "Adopted");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (adopt)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (adopt), "suggested-action"));

  /* Unbound: it lets the prompt go. */
  ally_suggestion_row_set_prompt (ALLY_SUGGESTION_ROW (row), NULL, NULL);
  g_assert_null (ally_suggestion_row_get_prompt (ALLY_SUGGESTION_ROW (row)));

  g_object_unref (row);
}

/* ---- Commitment dialog -------------------------------------------------------------------- */

static void
test_commitment_dialog_edits_text_and_due (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(GDateTime) due = g_date_time_new_local (2030, 5, 17, 0, 0, 0);
  g_autoptr(AllyCommitment) commitment = add_commitment (fixture, "Ask what would help", due);
  AllyCommitmentDialog *dialog = ally_commitment_dialog_new (NULL, commitment);
  GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkEditable *entry = GTK_EDITABLE (find_descendant (extra, GTK_TYPE_ENTRY));
  GtkCheckButton *has_due = GTK_CHECK_BUTTON (find_descendant (extra, GTK_TYPE_CHECK_BUTTON));
  GtkWidget *calendar = find_descendant (extra, GTK_TYPE_CALENDAR);
  g_autoptr(GDateTime) got_due = ally_commitment_dialog_dup_due (dialog);
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) no_due = NULL;

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Edit Commitment");
  g_assert_cmpint (ally_commitment_dialog_get_id (dialog), ==, ally_commitment_get_id (commitment));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Ask what would help");
  g_assert_true (gtk_check_button_get_active (has_due));
  g_assert_nonnull (got_due);
  g_assert_true (g_date_time_equal (got_due, due));

  /* A blank commitment cannot be saved; spaces around the text are not kept. */
  gtk_editable_set_text (entry, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (entry, "  Listen first ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  text = ally_commitment_dialog_dup_text (dialog);
  g_assert_cmpstr (text, ==, "Listen first");

  /* No due date: the calendar is off, and there is no date. */
  gtk_check_button_set_active (has_due, FALSE);
  g_assert_false (gtk_widget_get_sensitive (calendar));
  no_due = ally_commitment_dialog_dup_due (dialog);
  g_assert_null (no_due);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ---- Power map ---------------------------------------------------------------------------- */

static char *
stored_answer (Fixture    *fixture,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) map = ally_journal_get_power_map (fixture->journal, &error);

  g_assert_no_error (error);
  return g_strdup (g_hash_table_lookup (map, id));
}

typedef struct
{
  Fixture    *fixture;
  const char *id;
  const char *text;
} Stored;

static gboolean
is_stored (gpointer data)
{
  Stored *query = data;
  g_autofree char *text = stored_answer (query->fixture, query->id);

  return g_strcmp0 (text, query->text) == 0;
}

static void
type_into (GtkWidget  *root,
           const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (find_descendant (root, GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autofree char *path = g_file_get_path (ally_journal_get_file (fixture->journal));
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
on_save_failed (AllyPowerAnswer *answer,
                const GError    *error,
                int             *failures)
{
  g_assert_nonnull (error);
  (*failures)++;
}

static void
test_power_answer_saves_after_a_pause (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(AllyMapQuestion) question =
    g_list_model_get_item (ally_catalog_get_power_map (fixture->catalog), 0);
  AllyPowerAnswer *answer = g_object_ref_sink (ally_power_answer_new (question));
  g_autofree char *before = NULL;
  g_autofree char *unsaved = NULL;
  int failures = 0;

  g_signal_connect (answer, "save-failed", G_CALLBACK (on_save_failed), &failures);
  g_assert_cmpstr (ally_power_answer_get_id (answer), ==, ally_map_question_get_id (question));
  g_assert_nonnull (label_with_text (GTK_WIDGET (answer), ally_map_question_get_title (question)));
  ally_power_answer_set_journal (answer, fixture->journal);
  ally_power_answer_load (answer, NULL, FALSE);

  type_into (GTK_WIDGET (answer), "I interview candidates.");
  before = stored_answer (fixture, "roles");
  g_assert_null (before);  /* not at once: after a pause */
  g_assert_true (spin_until (is_stored, &(Stored) { fixture, "roles", "I interview candidates." }));
  g_assert_nonnull (label_with_text (GTK_WIDGET (answer), "Saved"));

  /* A failed save keeps the text on the page, says so, and is tried again. */
  exec_sql (fixture, "CREATE TRIGGER no_room BEFORE INSERT ON power_map"
                     " BEGIN SELECT RAISE (ABORT, 'no room left'); END;"
                     "CREATE TRIGGER no_room_update BEFORE UPDATE ON power_map"
                     " BEGIN SELECT RAISE (ABORT, 'no room left'); END;");
  type_into (GTK_WIDGET (answer), " And I lead.");
  g_assert_false (ally_power_answer_save (answer));
  g_assert_cmpint (failures, ==, 1);
  g_assert_nonnull (label_with_text (GTK_WIDGET (answer), "Not saved"));
  unsaved = ally_power_answer_dup_unsaved (answer);
  g_assert_cmpstr (unsaved, ==, "I interview candidates. And I lead.");
  exec_sql (fixture, "DROP TRIGGER no_room; DROP TRIGGER no_room_update;");
  g_assert_true (ally_power_answer_save (answer));
  g_assert_true (is_stored (&(Stored) { fixture, "roles", "I interview candidates. And I lead." }));
  g_assert_null (ally_power_answer_dup_unsaved (answer));

  g_object_unref (answer);
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static void
test_power_map_follows_questions_and_journal (Fixture       *fixture,
                                              gconstpointer  data)
{
  GListModel *questions = ally_catalog_get_power_map (fixture->catalog);
  GtkWidget *map = g_object_ref_sink (ally_power_map_new ());
  g_autoptr(GError) error = NULL;
  GtkTextView *first_view;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  g_assert_true (ally_journal_set_power_map_answer (fixture->journal, "roles", "Team lead.", &error));
  g_assert_no_error (error);

  ally_power_map_set_questions (ALLY_POWER_MAP (map), questions);
  g_assert_cmpuint (n_children (map), ==, g_list_model_get_n_items (questions));
  g_assert_true (ALLY_IS_POWER_ANSWER (gtk_widget_get_first_child (map)));

  /* The person's answers come from the journal. */
  ally_power_map_set_journal (ALLY_POWER_MAP (map), fixture->journal);
  first_view = GTK_TEXT_VIEW (find_descendant (gtk_widget_get_first_child (map), GTK_TYPE_TEXT_VIEW));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (first_view)), ==, "roles");
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (first_view), &start, &end);
  shown = gtk_text_buffer_get_text (gtk_text_view_get_buffer (first_view), &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, "Team lead.");

  /* What is typed is saved by ally_power_map_save, without waiting for the pause. */
  type_into (gtk_widget_get_last_child (map), "Some shifts.");
  ally_power_map_save (ALLY_POWER_MAP (map));
  g_assert_true (is_stored (&(Stored) { fixture,
                                        ally_power_answer_get_id (ALLY_POWER_ANSWER (gtk_widget_get_last_child (map))),
                                        "Some shifts." }));

  /* No course: no fields. */
  ally_power_map_set_questions (ALLY_POWER_MAP (map), NULL);
  g_assert_cmpuint (n_children (map), ==, 0);

  g_object_unref (map);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  int ret;

  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/practice-widgets/commitment-row/shows-commitment", test_commitment_row_shows_commitment);
  ADD ("/practice-widgets/suggestion-row/adopt-and-adopted", test_suggestion_row_adopt_and_adopted);
  ADD ("/practice-widgets/commitment-dialog/edits-text-and-due", test_commitment_dialog_edits_text_and_due);
  ADD ("/practice-widgets/power-answer/saves-after-a-pause", test_power_answer_saves_after_a_pause);
  ADD ("/practice-widgets/power-map/follows-questions-and-journal",
       test_power_map_follows_questions_and_journal);
#undef ADD

  ret = g_test_run ();
  ui_test_remove_tree (user_dirs);

  return ret;
}
