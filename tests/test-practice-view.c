/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-practice-view.c: drives the Practice area in a plain window with a real course and a
 * real journal: commitments (adopt, done, delete and undo, add) and the power map. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "ally-journal-progress.h"
#include "ally-practice-view.h"
#include "ui-test-util.h"

typedef struct
{
  char             *dir;
  AllyJournal      *journal;
  AllyCatalog      *catalog;
  GtkWindow        *window;
  AllyPracticeView *view;
} Fixture;

static void
present_view (Fixture *fixture)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  fixture->view = ALLY_PRACTICE_VIEW (ally_practice_view_new ());
  g_object_set (fixture->view, "catalog", fixture->catalog, "journal", fixture->journal, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  g_assert_true (spin_until (window_is_mapped, fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;

  fixture->dir = g_dir_make_tmp ("practice-view-XXXXXX", &error);
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
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->catalog);
  ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* ---- Finding things ---------------------------------------------------------------------- */

static GListModel *
commitments (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = ally_journal_list_commitments (fixture->journal, &error);

  g_assert_no_error (error);
  return list;
}

static AllyCommitment *
commitment_at (Fixture *fixture,
               guint    position)
{
  g_autoptr(GListModel) list = commitments (fixture);

  return g_list_model_get_item (list, position);
}

static guint
n_commitments (Fixture *fixture)
{
  g_autoptr(GListModel) list = commitments (fixture);

  return g_list_model_get_n_items (list);
}

/* The @index-th GtkListView in the view: 0 commitments, 1 suggestions. */
static GtkListView *
list_view (Fixture *fixture,
           guint    index)
{
  GtkWidget *stack[256];
  guint top = 0, found = 0;

  stack[top++] = GTK_WIDGET (fixture->view);
  while (top > 0)
    {
      GtkWidget *widget = stack[--top];
      GtkWidget *children[64];
      guint n = 0;

      if (GTK_IS_LIST_VIEW (widget) && found++ == index)
        return GTK_LIST_VIEW (widget);
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c && n < 64; c = gtk_widget_get_next_sibling (c))
        children[n++] = c;
      while (n > 0 && top < G_N_ELEMENTS (stack))
        stack[top++] = children[--n];
    }

  return NULL;
}

/* The visible label in @root whose text is @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);
      if (found)
        return found;
    }

  return NULL;
}

/* A row is a box: [check] [text box: title, subtitle] [button], or [text box] [button]. */
static GtkWidget *
row_of_label (GtkWidget *title)
{
  return gtk_widget_get_parent (gtk_widget_get_parent (title));
}

typedef struct
{
  Fixture    *fixture;
  guint       list;
  const char *text;
} RowQuery;

static gboolean
row_shown (gpointer data)
{
  RowQuery *query = data;
  GtkListView *list = list_view (query->fixture, query->list);

  return list != NULL && find_label (GTK_WIDGET (list), query->text) != NULL;
}

static AllyPrompt *
lesson_commitment (Fixture    *fixture,
                   const char *lesson_id,
                   guint       position)
{
  AllyLesson *lesson = ally_catalog_lookup_lesson (fixture->catalog, lesson_id);

  g_assert_nonnull (lesson);
  return g_list_model_get_item (ally_lesson_get_commitments (lesson), position);
}

/* As a click on the section's button in the switcher does. */
static void
show_section (Fixture    *fixture,
              const char *name)
{
  AdwViewStack *sections = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (fixture->view),
                                                            ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (sections, name);
}

/* ---- Tests --------------------------------------------------------------------------------- */

static gboolean
status_page_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *page = find_descendant (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE);

  return page != NULL && gtk_widget_is_drawable (page) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (page)), "Practice Needs the Journal") == 0;
}

static gboolean
status_page_hidden (gpointer data)
{
  return !status_page_shown (data);
}

static void
test_no_journal_shows_status_page (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "The disk is full.");
  g_autoptr(AllyJournal) journal = g_steal_pointer (&fixture->journal);
  AdwStatusPage *page;

  present_view (fixture);
  g_assert_true (spin_until (status_page_shown, fixture));

  ally_practice_view_show_error (fixture->view, error);
  page = ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "The disk is full."));

  /* Once the journal opens, the practice tools replace the page. */
  ally_practice_view_set_journal (fixture->view, journal);
  g_assert_true (spin_until (status_page_hidden, fixture));
  fixture->journal = g_steal_pointer (&journal);
}

static gboolean
empty_state_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *title = find_label (GTK_WIDGET (fixture->view), "No Commitments Yet");

  return title != NULL;
}

static gboolean
already_yours_shown (gpointer data)
{
  Fixture *fixture = data;

  return find_label (GTK_WIDGET (fixture->view),
                     "This suggestion is already one of your commitments.") != NULL;
}

static gboolean
adopt_button_says_adopted (gpointer data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (data)), "Adopted") == 0;
}

static void
test_adopt_suggestion (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AllyPrompt) prompt = lesson_commitment (fixture, "accomplice-at-work", 0);
  g_autoptr(AllyCommitment) adopted = NULL;
  g_autoptr(GError) error = NULL;
  RowQuery in_suggestions, in_commitments;
  GtkWidget *label, *adopt;

  present_view (fixture);
  in_suggestions = (RowQuery) { fixture, 1, ally_prompt_get_text (prompt) };
  in_commitments = (RowQuery) { fixture, 0, ally_prompt_get_text (prompt) };
  g_assert_true (spin_until (empty_state_shown, fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "practice.show-suggestions", NULL);
  g_assert_true (spin_until (row_shown, &in_suggestions));

  /* Click the row's own Adopt button. */
  label = find_label (GTK_WIDGET (list_view (fixture, 1)), ally_prompt_get_text (prompt));
  adopt = gtk_widget_get_last_child (row_of_label (label));
  g_assert_true (GTK_IS_BUTTON (adopt));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (adopt)), ==, "_Adopt");
  g_signal_emit_by_name (adopt, "clicked");
  /* The row stays and shows it is adopted. */
  g_assert_true (spin_until (adopt_button_says_adopted, adopt));
  g_assert_false (gtk_widget_get_sensitive (adopt));

  show_section (fixture, "commitments");
  g_assert_true (spin_until (row_shown, &in_commitments));
  g_assert_cmpuint (n_commitments (fixture), ==, 1);
  adopted = commitment_at (fixture, 0);
  g_assert_cmpstr (ally_commitment_get_text (adopted), ==, ally_prompt_get_text (prompt));
  g_assert_cmpstr (ally_commitment_get_lesson_id (adopted), ==, "accomplice-at-work");

  /* The public call (for the Learn view) adopts once, says it is already yours, and names
   * what it cannot find. */
  g_assert_false (ally_practice_view_adopt_commitment (fixture->view, "accomplice-at-work",
                                                       ally_prompt_get_id (prompt), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "This suggestion is already one of your commitments.");
  g_clear_error (&error);
  g_assert_cmpuint (n_commitments (fixture), ==, 1);
  /* The action (the row's button) says so too, in a toast. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "practice.adopt", "(ss)",
                              "accomplice-at-work", ally_prompt_get_id (prompt));
  g_assert_true (spin_until (already_yours_shown, fixture));
  g_assert_cmpuint (n_commitments (fixture), ==, 1);
  g_assert_false (ally_practice_view_adopt_commitment (fixture->view, "accomplice-at-work",
                                                       "no-such-commitment", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_commitments (fixture), ==, 1);
}

static gboolean
first_commitment_is_second (gpointer data)
{
  Fixture *fixture = data;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view (fixture, 0)));
  g_autoptr(AllyCommitment) first = g_list_model_get_item (model, 0);

  return first != NULL && g_strcmp0 (ally_commitment_get_text (first), "Second") == 0;
}

static GtkCheckButton *
check_of_row (Fixture    *fixture,
              const char *text)
{
  GtkWidget *label = find_label (GTK_WIDGET (list_view (fixture, 0)), text);

  g_assert_nonnull (label);
  return GTK_CHECK_BUTTON (gtk_widget_get_first_child (row_of_label (label)));
}

static void
test_mark_done_moves_it (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AllyCommitment) first = NULL;
  g_autoptr(AllyCommitment) last = NULL;

  ally_journal_add_commitment (fixture->journal, "First", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  ally_journal_add_commitment (fixture->journal, "Second", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  present_view (fixture);
  g_assert_true (spin_until (row_shown, &(RowQuery) { fixture, 0, "First" }));
  g_assert_false (first_commitment_is_second (fixture));
  g_assert_false (gtk_check_button_get_active (check_of_row (fixture, "First")));

  gtk_check_button_set_active (check_of_row (fixture, "First"), TRUE);
  g_assert_true (spin_until (first_commitment_is_second, fixture));
  g_assert_true (spin_until (row_shown, &(RowQuery) { fixture, 0, "First" }));
  g_assert_true (gtk_check_button_get_active (check_of_row (fixture, "First")));
  g_assert_false (gtk_check_button_get_active (check_of_row (fixture, "Second")));
  last = commitment_at (fixture, 1);
  g_assert_cmpstr (ally_commitment_get_text (last), ==, "First");
  g_assert_nonnull (ally_commitment_get_done_at (last));

  /* And back: undone goes up again. */
  gtk_check_button_set_active (check_of_row (fixture, "First"), FALSE);
  first = commitment_at (fixture, 0);
  g_assert_cmpstr (ally_commitment_get_text (first), ==, "First");
  g_assert_null (ally_commitment_get_done_at (first));
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) due = g_date_time_new_local (2030, 5, 17, 0, 0, 0);
  g_autoptr(AllyCommitment) back = NULL;
  GtkWidget *label, *delete;

  ally_journal_add_commitment (fixture->journal, "Ask what would help", "accomplice-at-work",
                               due, 0, &error);
  g_assert_no_error (error);
  present_view (fixture);
  g_assert_true (spin_until (row_shown, &(RowQuery) { fixture, 0, "Ask what would help" }));
  g_assert_false (empty_state_shown (fixture));

  label = find_label (GTK_WIDGET (list_view (fixture, 0)), "Ask what would help");
  delete = gtk_widget_get_last_child (row_of_label (label));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (delete), ==, "Delete Commitment");
  g_signal_emit_by_name (delete, "clicked");

  g_assert_true (spin_until (empty_state_shown, fixture));
  g_assert_cmpuint (n_commitments (fixture), ==, 0);

  /* What the toast's Undo button does. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "practice.undo-delete", NULL);
  g_assert_true (spin_until (row_shown, &(RowQuery) { fixture, 0, "Ask what would help" }));
  g_assert_cmpuint (n_commitments (fixture), ==, 1);
  back = commitment_at (fixture, 0);
  g_assert_cmpstr (ally_commitment_get_lesson_id (back), ==, "accomplice-at-work");
  g_assert_nonnull (ally_commitment_get_due (back));
  g_assert_true (g_date_time_equal (ally_commitment_get_due (back), due));

  /* Undo works once. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "practice.undo-delete", NULL);
  g_assert_cmpuint (n_commitments (fixture), ==, 1);
}

static gboolean
commitment_text_is (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(AllyCommitment) first = commitment_at (fixture, 0);

  return g_strcmp0 (ally_commitment_get_text (first), "Ask what would help, then listen") == 0;
}

/* The row's edit button opens a dialog; its text and due date are saved. */
static void
test_edit_commitment (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) due = g_date_time_new_local (2030, 5, 17, 0, 0, 0);
  g_autoptr(GDateTime) new_due = g_date_time_new_local (2031, 2, 3, 0, 0, 0);
  g_autoptr(AllyCommitment) edited = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *label, *edit, *entry;

  ally_journal_add_commitment (fixture->journal, "Ask what would help", "accomplice-at-work",
                               due, 0, &error);
  g_assert_no_error (error);
  present_view (fixture);
  g_assert_true (spin_until (row_shown, &(RowQuery) { fixture, 0, "Ask what would help" }));

  label = find_label (GTK_WIDGET (list_view (fixture, 0)), "Ask what would help");
  edit = gtk_widget_get_prev_sibling (gtk_widget_get_last_child (row_of_label (label)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (edit), ==, "Edit Commitment");
  g_signal_emit_by_name (edit, "clicked");
  g_assert_true (spin_until (toplevel_is_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
  dialog = ADW_MESSAGE_DIALOG (find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Edit Commitment");

  entry = find_descendant (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Ask what would help");
  /* An empty commitment cannot be saved. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ask what would help, then listen");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_calendar_select_day (GTK_CALENDAR (find_descendant (adw_message_dialog_get_extra_child (dialog),
                                                          GTK_TYPE_CALENDAR)), new_due);
  adw_message_dialog_response (dialog, "save");
  destroy_toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_true (spin_until (commitment_text_is, fixture));
  g_assert_true (spin_until (row_shown, &(RowQuery) { fixture, 0, "Ask what would help, then listen" }));
  edited = commitment_at (fixture, 0);
  g_assert_cmpuint (n_commitments (fixture), ==, 1);
  g_assert_cmpstr (ally_commitment_get_lesson_id (edited), ==, "accomplice-at-work");
  g_assert_true (g_date_time_equal (ally_commitment_get_due (edited), new_due));
}

static void
test_add_custom_commitment (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AllyCommitment) added = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2031, 2, 3, 0, 0, 0);
  GtkEntry *entry;
  GtkCalendar *calendar;
  GtkWidget *due_label;

  present_view (fixture);
  g_assert_true (spin_until (empty_state_shown, fixture));
  entry = GTK_ENTRY (find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_ENTRY));

  /* Blank text adds nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (n_commitments (fixture), ==, 0);

  calendar = GTK_CALENDAR (find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_CALENDAR));
  gtk_calendar_select_day (calendar, day);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "practice.set-due", NULL);
  due_label = find_label (GTK_WIDGET (fixture->view), "Due 3 February 2031");
  g_assert_nonnull (due_label);
  g_assert_false (gtk_widget_is_ancestor (due_label, GTK_WIDGET (list_view (fixture, 0))));

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Credit Ana’s idea in the next meeting ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (spin_until (row_shown, &(RowQuery) { fixture, 0, "Credit Ana’s idea in the next meeting" }));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  /* The date now shows in the row only; the form is ready for the next one. */
  due_label = find_label (GTK_WIDGET (fixture->view), "Due 3 February 2031");
  g_assert_nonnull (due_label);
  g_assert_true (gtk_widget_is_ancestor (due_label, GTK_WIDGET (list_view (fixture, 0))));

  g_assert_cmpuint (n_commitments (fixture), ==, 1);
  added = commitment_at (fixture, 0);
  g_assert_cmpstr (ally_commitment_get_text (added), ==, "Credit Ana’s idea in the next meeting");
  g_assert_null (ally_commitment_get_lesson_id (added));
  g_assert_nonnull (ally_commitment_get_due (added));
  g_assert_true (g_date_time_equal (ally_commitment_get_due (added), day));
}

static GtkTextView *
answer_view (Fixture    *fixture,
             const char *id)
{
  GtkWidget *stack[512];
  guint top = 0;

  stack[top++] = GTK_WIDGET (fixture->view);
  while (top > 0)
    {
      GtkWidget *widget = stack[--top];

      if (GTK_IS_TEXT_VIEW (widget) && g_strcmp0 (gtk_widget_get_name (widget), id) == 0)
        return GTK_TEXT_VIEW (widget);
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c && top < G_N_ELEMENTS (stack);
           c = gtk_widget_get_next_sibling (c))
        stack[top++] = c;
    }

  g_assert_not_reached ();
}

static char *
answer_text (Fixture    *fixture,
             const char *id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (answer_view (fixture, id));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_answer (Fixture    *fixture,
             const char *id,
             const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (answer_view (fixture, id));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
}

static char *
saved_answer (Fixture    *fixture,
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
} AnswerQuery;

static gboolean
answer_saved (gpointer data)
{
  AnswerQuery *query = data;
  g_autofree char *saved = saved_answer (query->fixture, query->id);

  return g_strcmp0 (saved, query->text) == 0;
}

static void
test_power_map_autosaves (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *roles = NULL;
  g_autofree char *risks = NULL;
  g_autofree char *unsaved = NULL;

  present_view (fixture);
  show_section (fixture, "power-map");
  type_answer (fixture, "roles", "I interview candidates.");
  /* Not at once: the save waits for typing to pause. */
  unsaved = saved_answer (fixture, "roles");
  g_assert_null (unsaved);
  g_assert_true (spin_until (answer_saved, &(AnswerQuery) { fixture, "roles", "I interview candidates." }));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->view), "Saved"));

  /* Closing before the pause ends still keeps what was typed. */
  type_answer (fixture, "risks", "Some shifts.");
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  risks = saved_answer (fixture, "risks");
  g_assert_cmpstr (risks, ==, "Some shifts.");

  /* A new view shows both again. */
  present_view (fixture);
  roles = answer_text (fixture, "roles");
  g_assert_cmpstr (roles, ==, "I interview candidates.");
  g_clear_pointer (&risks, g_free);
  risks = answer_text (fixture, "risks");
  g_assert_cmpstr (risks, ==, "Some shifts.");
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
} LabelQuery;

static gboolean
label_shown (gpointer data)
{
  LabelQuery *query = data;

  return find_label (GTK_WIDGET (query->fixture->view), query->text) != NULL;
}

static AllyMapQuestion *
map_question (Fixture *fixture,
              guint    position)
{
  AllyMapQuestion *question = g_list_model_get_item (ally_catalog_get_power_map (fixture->catalog),
                                                     position);

  g_assert_nonnull (question);
  return question;
}

/* The map's questions are the course's (content/power-map.xml), in the course's language;
 * answers stay keyed by question id through a language switch and a new view. */
static void
test_power_map_follows_the_course (Fixture       *fixture,
                                   gconstpointer  data)
{
  const char * const french[] = { "fr", NULL };
  const char * const english[] = { "C", NULL };
  GListModel *questions = ally_catalog_get_power_map (fixture->catalog);
  g_autoptr(AllyMapQuestion) first = map_question (fixture, 0);
  g_autoptr(AllyMapQuestion) last = NULL;
  g_autofree char *english_title = NULL;
  g_autofree char *roles = NULL;
  g_autofree char *kept = NULL;

  ally_catalog_set_languages (fixture->catalog, english);
  english_title = g_strdup (ally_map_question_get_title (first));
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 7);
  g_assert_cmpstr (ally_map_question_get_id (first), ==, "roles");
  last = map_question (fixture, g_list_model_get_n_items (questions) - 1);

  present_view (fixture);
  show_section (fixture, "power-map");
  g_assert_true (spin_until (label_shown, &(LabelQuery) { fixture, english_title }));
  g_assert_true (spin_until (label_shown, &(LabelQuery) { fixture, ally_map_question_get_prompt (first) }));
  g_assert_true (spin_until (label_shown, &(LabelQuery) { fixture, ally_map_question_get_title (last) }));
  /* one field per question, named by its id */
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(AllyMapQuestion) question = map_question (fixture, i);

      g_assert_nonnull (answer_view (fixture, ally_map_question_get_id (question)));
    }

  type_answer (fixture, "roles", "I chair the team meeting.");
  g_assert_true (spin_until (answer_saved, &(AnswerQuery) { fixture, "roles", "I chair the team meeting." }));

  /* Another language: the questions change, what was written stays. */
  ally_catalog_set_languages (fixture->catalog, french);
  g_assert_cmpstr (ally_map_question_get_title (first), !=, english_title);
  g_assert_true (spin_until (label_shown, &(LabelQuery) { fixture, ally_map_question_get_title (first) }));
  g_assert_false (label_shown (&(LabelQuery) { fixture, english_title }));
  roles = answer_text (fixture, "roles");
  g_assert_cmpstr (roles, ==, "I chair the team meeting.");

  /* A new view reads it back from the journal. */
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  present_view (fixture);
  show_section (fixture, "power-map");
  g_assert_true (spin_until (label_shown, &(LabelQuery) { fixture, ally_map_question_get_title (first) }));
  kept = answer_text (fixture, "roles");
  g_assert_cmpstr (kept, ==, "I chair the team meeting.");
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  GFile *file = ally_journal_get_file (fixture->journal);
  g_autofree char *path = g_file_get_path (file);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gboolean
not_saved_shown (gpointer data)
{
  return find_label (GTK_WIDGET (((Fixture *) data)->view), "Not saved") != NULL;
}

static void
test_failed_save_keeps_text (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *saved = NULL;
  g_autofree char *text = NULL;

  present_view (fixture);
  show_section (fixture, "power-map");
  /* Another connection makes every power map write fail, as a full disk would. */
  exec_sql (fixture, "CREATE TRIGGER fail_power_map BEFORE INSERT ON power_map"
                     " BEGIN SELECT RAISE (ABORT, 'no room left'); END;");

  type_answer (fixture, "lead", "The people on visas.");
  g_assert_true (spin_until (not_saved_shown, fixture));
  saved = saved_answer (fixture, "lead");
  g_assert_null (saved);
  text = answer_text (fixture, "lead");
  g_assert_cmpstr (text, ==, "The people on visas.");

  /* When writing works again, the next pause saves all of it. */
  exec_sql (fixture, "DROP TRIGGER fail_power_map;");
  type_answer (fixture, "lead", " They decide.");
  g_assert_true (spin_until (answer_saved, &(AnswerQuery) { fixture, "lead", "The people on visas. They decide." }));
  g_assert_false (not_saved_shown (fixture));
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
  ADD ("/practice/no-journal-shows-status-page", test_no_journal_shows_status_page);
  ADD ("/practice/commitments/adopt-suggestion", test_adopt_suggestion);
  ADD ("/practice/commitments/mark-done-moves-it", test_mark_done_moves_it);
  ADD ("/practice/commitments/delete-and-undo", test_delete_and_undo);
  ADD ("/practice/commitments/add-custom", test_add_custom_commitment);
  ADD ("/practice/commitments/edit", test_edit_commitment);
  ADD ("/practice/power-map/autosaves", test_power_map_autosaves);
  ADD ("/practice/power-map/failed-save-keeps-text", test_failed_save_keeps_text);
  ADD ("/practice/power-map/follows-the-course", test_power_map_follows_the_course);
#undef ADD

  ret = g_test_run ();
  ui_test_remove_tree (user_dirs);

  return ret;
}
