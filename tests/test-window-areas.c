/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-areas.c: the four areas in one real window, and the ways a person moves
 * between them: a lesson's prompt to the journal or Practice, a term to the Glossary, the
 * Glossary's "Used in" back to a lesson. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ally-application.h"
#include "ally-glossary-view.h"
#include "ally-entry-editor.h"
#include "ally-entry-list.h"
#include "ally-journal-view-private.h"
#include "ally-lesson-view.h"
#include "ally-practice-view.h"
#include "ally-term-popover.h"
#include "ally-window.h"
#include "ui-test-util.h"

static AllyApplication *app;

static void
activate_quit (void)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>q");

  g_assert_true (g_strv_contains ((const char * const *) actions, "app.quit"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static AllyWindow *
ready_window (void)
{
  AllyWindow *window = ally_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (ui_test_window_is_ready, window));

  return window;
}

static AllyLessonView *
open_lesson (AllyWindow *window,
             const char *lesson_id)
{
  AllyLearnView *learn = ally_window_get_learn_view (window);

  g_assert_true (ally_learn_view_open_lesson (learn, lesson_id));
  /* The page's parts below its first screenful are built over the next frames. */
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  return ALLY_LESSON_VIEW (find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW));
}

static gboolean
area_is_built (AllyWindow *window,
               GType       view_type)
{
  return find_descendant (GTK_WIDGET (window), view_type) != NULL;
}

static gboolean
other_areas_built (gpointer window)
{
  return area_is_built (window, ALLY_TYPE_GLOSSARY_VIEW) &&
         area_is_built (window, ALLY_TYPE_JOURNAL_VIEW) &&
         area_is_built (window, ALLY_TYPE_PRACTICE_VIEW);
}

/* Start-up builds Learn only; an area is built when first shown, with the course and the
 * journal already in it, and the rest once the window is idle. */
static void
test_areas_built_when_first_shown (void)
{
  AllyWindow *window = ally_window_new (app);
  AllyLearnView *learn;
  GtkWidget *glossary;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (ui_test_window_is_ready, window));
  learn = ally_window_get_learn_view (window);
  g_assert_nonnull (learn);
  g_assert_false (area_is_built (window, ALLY_TYPE_GLOSSARY_VIEW));
  g_assert_false (area_is_built (window, ALLY_TYPE_JOURNAL_VIEW));
  g_assert_false (area_is_built (window, ALLY_TYPE_PRACTICE_VIEW));

  ally_window_set_visible_area (window, "glossary");
  glossary = find_descendant (GTK_WIDGET (window), ALLY_TYPE_GLOSSARY_VIEW);
  g_assert_nonnull (glossary);
  g_assert_true (ally_glossary_view_get_catalog (ALLY_GLOSSARY_VIEW (glossary)) ==
                 ally_learn_view_get_catalog (learn));
  g_assert_true (ally_glossary_view_get_journal (ALLY_GLOSSARY_VIEW (glossary)) ==
                 ally_learn_view_get_journal (learn));

  ally_window_set_visible_area (window, "journal");
  g_assert_true (area_is_built (window, ALLY_TYPE_JOURNAL_VIEW));
  g_assert_true (ally_journal_view_get_journal (ally_window_get_journal_view (window)) ==
                 ally_learn_view_get_journal (learn));
  ally_window_set_visible_area (window, "learn");

  /* The one left is built while nothing else happens. */
  g_assert_false (area_is_built (window, ALLY_TYPE_PRACTICE_VIEW));
  g_assert_true (spin_until (other_areas_built, window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reflection_opens_journal_entry (void)
{
  AllyWindow *window = ready_window ();
  AllyLessonView *lesson_view = open_lesson (window, "what-allyship-is");
  AllyLesson *lesson = ally_lesson_view_get_lesson (lesson_view);
  g_autoptr(AllyPrompt) reflection = g_list_model_get_item (ally_lesson_get_reflections (lesson), 0);
  AllyEntryEditor *editor;
  AllyEntry *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lesson_view), "lesson.use-prompt", "s",
                                             ally_prompt_get_id (reflection)));
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "journal");

  editor = ally_journal_view_get_editor (ally_window_get_journal_view (window));
  entry = ally_entry_editor_get_entry (editor);
  g_assert_nonnull (entry);
  g_assert_cmpstr (ally_entry_get_lesson_id (entry), ==, "what-allyship-is");
  g_assert_cmpstr (ally_entry_get_prompt_id (entry), ==, ally_prompt_get_id (reflection));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Types @text into the open entry and saves it, as the autosave would. */
static gint64
write_in_editor (AllyWindow *window,
                 const char *text)
{
  AllyEntryEditor *editor = ally_journal_view_get_editor (ally_window_get_journal_view (window));
  GtkWidget *text_view = find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
  g_assert_true (ally_entry_editor_save (editor));
  return ally_entry_get_id (ally_entry_editor_get_entry (editor));
}

/* The journal button beside a prompt (the one whose action targets @prompt_id). */
static GtkWidget *
find_journal_button (GtkWidget  *widget,
                     const char *prompt_id)
{
  if (GTK_IS_BUTTON (widget) && gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) &&
      g_strcmp0 (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)),
                                       NULL), prompt_id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_journal_button (child, prompt_id);
      if (found)
        return found;
    }

  return NULL;
}

/* A scenario's ask goes to the journal first, like a reflection: the entry is linked to the
 * lesson and the scenario, and titled with the ask. */
static void
test_scenario_opens_journal_entry (void)
{
  AllyWindow *window = ready_window ();
  AllyLessonView *lesson_view = open_lesson (window, "why-and-who");
  AllyLesson *lesson = ally_lesson_view_get_lesson (lesson_view);
  g_autoptr(AllyScenario) scenario = g_list_model_get_item (ally_lesson_get_scenarios (lesson), 0);
  GtkWidget *button = find_journal_button (GTK_WIDGET (lesson_view), ally_scenario_get_id (scenario));
  AllyEntry *entry;

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Write About This in Your Journal");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "journal");

  entry = ally_entry_editor_get_entry (ally_journal_view_get_editor (ally_window_get_journal_view (window)));
  g_assert_nonnull (entry);
  g_assert_cmpstr (ally_entry_get_lesson_id (entry), ==, "why-and-who");
  g_assert_cmpstr (ally_entry_get_prompt_id (entry), ==, ally_scenario_get_id (scenario));
  g_assert_cmpstr (ally_entry_get_title (entry), ==, ally_scenario_get_ask_text (scenario));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
button_says_written (gpointer data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (data), "Open Your Entry") == 0;
}

/* Coming back to a reflection already answered opens that answer, and the prompt says so. */
static void
test_reflection_reopens_its_entry (void)
{
  AllyWindow *window = ready_window ();
  AllyLessonView *lesson_view = open_lesson (window, "dos-and-donts");
  AllyLesson *lesson = ally_lesson_view_get_lesson (lesson_view);
  g_autoptr(AllyPrompt) reflection = g_list_model_get_item (ally_lesson_get_reflections (lesson), 0);
  const char *prompt_id = ally_prompt_get_id (reflection);
  AllyJournal *journal = ally_application_get_journal (app);
  AllyEntryEditor *editor = ally_journal_view_get_editor (ally_window_get_journal_view (window));
  GtkWidget *button = find_journal_button (GTK_WIDGET (lesson_view), prompt_id);
  gint64 count, id;

  g_assert_false (button_says_written (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lesson_view), "lesson.use-prompt", "s",
                                             prompt_id));
  id = write_in_editor (window, "My first answer.");
  g_assert_cmpint (id, >, 0);
  count = ally_journal_count_entries (journal, NULL);

  /* Back in the lesson, the prompt shows it was answered. */
  ally_window_set_visible_area (window, "learn");
  g_assert_true (spin_until (button_says_written, button));
  /* "Written" beside the button (AllyJournalButton). */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_prev_sibling (button))), ==, "Written");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_prev_sibling (button)));

  /* The same button opens the same entry, not a new one. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "journal");
  g_assert_cmpint (ally_entry_get_id (ally_entry_editor_get_entry (editor)), ==, id);
  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, count);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_label_linking (GtkWidget  *widget,
                    const char *link)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), link) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_linking (child, link);
      if (found)
        return found;
    }

  return NULL;
}

/* The lesson header of an entry written for a lesson is a link back to that lesson. */
static void
test_entry_lesson_header_opens_lesson (void)
{
  AllyWindow *window = ready_window ();
  AllyLessonView *lesson_view = open_lesson (window, "common-myths");
  AllyLesson *lesson = ally_lesson_view_get_lesson (lesson_view);
  g_autoptr(AllyPrompt) reflection = g_list_model_get_item (ally_lesson_get_reflections (lesson), 0);
  AllyEntryEditor *editor = ally_journal_view_get_editor (ally_window_get_journal_view (window));
  GtkWidget *header;
  gboolean handled = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lesson_view), "lesson.use-prompt", "s",
                                             ally_prompt_get_id (reflection)));
  open_lesson (window, "how-to-use");
  ally_window_set_visible_area (window, "journal");

  header = find_label_linking (GTK_WIDGET (editor), "href=\"lesson:");
  g_assert_nonnull (header);
  g_assert_true (gtk_widget_is_drawable (header));

  g_signal_emit_by_name (header, "activate-link", "lesson:common-myths", &handled);
  g_assert_true (handled);
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "learn");
  g_assert_cmpstr (ally_lesson_get_id (ally_lesson_view_get_lesson (lesson_view)), ==, "common-myths");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
commitment_saved (gpointer data)
{
  AllyJournal *journal = ally_application_get_journal (app);
  g_autoptr(GListModel) commitments = ally_journal_list_commitments (journal, NULL);

  for (guint i = 0; commitments && i < g_list_model_get_n_items (commitments); i++)
    {
      g_autoptr(AllyCommitment) commitment = g_list_model_get_item (commitments, i);

      if (g_strcmp0 (ally_commitment_get_text (commitment), data) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_commitment_is_adopted (void)
{
  AllyWindow *window = ready_window ();
  AllyLessonView *lesson_view = open_lesson (window, "common-myths");
  AllyLesson *lesson = ally_lesson_view_get_lesson (lesson_view);
  g_autoptr(AllyPrompt) commitment = g_list_model_get_item (ally_lesson_get_commitments (lesson), 0);

  g_assert_false (commitment_saved ((gpointer) ally_prompt_get_text (commitment)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (lesson_view), "lesson.use-prompt", "s",
                                             ally_prompt_get_id (commitment)));
  g_assert_true (commitment_saved ((gpointer) ally_prompt_get_text (commitment)));
  /* The learner stays with the lesson; a toast says where the commitment went. */
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "learn");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_term_opens_in_glossary (void)
{
  AllyWindow *window = ready_window ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-term", "s", "privilege"));
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "glossary");
  g_assert_cmpstr (ally_glossary_view_get_term_id (ally_window_get_glossary_view (window)), ==,
                   "privilege");

  /* An unknown term changes nothing. */
  ally_window_set_visible_area (window, "learn");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-term", "s", "no-such-term");
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "learn");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
term_popover_mapped (gpointer data)
{
  GtkWidget *popover = find_descendant (GTK_WIDGET (data), ALLY_TYPE_TERM_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
no_term_popover (gpointer data)
{
  return find_descendant (GTK_WIDGET (data), ALLY_TYPE_TERM_POPOVER) == NULL;
}

static void
test_popover_opens_term_in_glossary (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);
  GtkWidget *popover;
  GtkWidget *button;

  ally_learn_view_open_lesson (learn, "what-allyship-is");
  g_assert_true (spin_until (ui_test_lesson_page_shown, window));
  g_assert_true (ally_learn_view_show_term (learn, "power"));
  g_assert_true (spin_until (term_popover_mapped, learn));
  popover = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_TERM_POPOVER);
  button = find_descendant (popover, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);

  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "glossary");
  g_assert_cmpstr (ally_glossary_view_get_term_id (ally_window_get_glossary_view (window)), ==, "power");
  g_assert_true (spin_until (no_term_popover, learn));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts_reach_other_areas (void)
{
  AllyWindow *window = ready_window ();

  /* Ctrl+N from Learn starts a journal entry; Ctrl+F from Learn searches the course. */
  g_assert_true (activate_window_shortcut (GTK_WIDGET (window), "<Control>n"));
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "journal");
  g_assert_nonnull (ally_entry_editor_get_entry (ally_journal_view_get_editor (ally_window_get_journal_view (window))));

  ally_window_set_visible_area (window, "learn");
  g_assert_true (activate_window_shortcut (GTK_WIDGET (window), "<Control>f"));
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "learn");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         find_descendant (GTK_WIDGET (ally_window_get_learn_view (window)),
                                                          GTK_TYPE_SEARCH_ENTRY)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_glossary_lesson_link_opens_lesson (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);

  ally_window_set_visible_area (window, "glossary");
  g_signal_emit_by_name (ally_window_get_glossary_view (window), "open-lesson", "common-myths");
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "learn");
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "common-myths");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first label, in reading order, whose text links to the term. */
static GtkWidget *
find_term_link_label (GtkWidget  *widget,
                      const char *link)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), link) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_term_link_label (child, link);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  AllyWindow *window;
  GtkWidget  *label;
  guint       frames;
} RevealCheck;

/* The label lies inside the part of the lesson's scrolled window that is shown, the page has
 * stopped moving, and it has stayed so for a few frames (so a late restore would be seen). */
static gboolean
term_label_shown (gpointer data)
{
  RevealCheck *check = data;
  AllyLearnView *learn = ally_window_get_learn_view (check->window);
  GtkWidget *lesson_view = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW);
  GtkWidget *scroller = find_descendant (lesson_view, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  check->label = find_term_link_label (lesson_view, "href=\"term:emotional-labor\"");
  if (scroller == NULL || check->label == NULL || !gtk_widget_get_mapped (check->label) ||
      !gtk_widget_compute_bounds (check->label, scroller, &bounds) ||
      bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > gtk_widget_get_height (scroller))
    {
      check->frames = 0;
      return FALSE;
    }
  return ++check->frames > 30;
}

static gboolean
frames_passed (gpointer data)
{
  guint *frames = data;

  return ++*frames > 30;
}

/* "Used in" opens the lesson at the term's first link, not at the top nor at the place the
 * lesson was left (here its very end). */
static void
test_used_in_opens_lesson_at_term (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);
  AllyGlossaryView *glossary = ally_window_get_glossary_view (window);
  RevealCheck check = { window, NULL, 0 };
  g_autoptr(GError) error = NULL;
  guint frames = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (ally_journal_set_lesson_position (ally_learn_view_get_journal (learn),
                                                   "common-myths", 1000, &error));
  g_assert_no_error (error);
  open_lesson (window, "how-to-use");
  ally_window_set_visible_area (window, "glossary");
  g_assert_true (ally_glossary_view_show_term (glossary, "emotional-labor"));
  spin_until (frames_passed, &frames);

  gtk_widget_activate_action (GTK_WIDGET (glossary), "glossary.open-lesson", "s", "common-myths");
  g_assert_cmpstr (ally_window_get_visible_area (window), ==, "learn");
  g_assert_cmpstr (ally_lesson_get_id (ally_learn_view_get_lesson (learn)), ==, "common-myths");
  g_assert_true (spin_until (term_label_shown, &check));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Text typed a moment before Ctrl+Q is not lost: quitting closes the windows, and the editor
 * saves as it goes. */
static void
test_quit_saves_typed_text (void)
{
  AllyWindow *window = ready_window ();
  AllyJournalView *journal_view = ally_window_get_journal_view (window);
  AllyJournal *journal = ally_application_get_journal (app);
  gint64 before = ally_journal_count_entries (journal, NULL);
  g_autoptr(AllyEntryList) entries = NULL;
  g_autoptr(AllyEntry) newest = NULL;
  GtkWidget *text_view;

  ally_window_set_visible_area (window, "journal");
  ally_journal_view_new_entry (journal_view);
  text_view = find_descendant (GTK_WIDGET (ally_journal_view_get_editor (journal_view)),
                               GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (text_view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "Written just before quitting.", -1);

  /* No time for the autosave pause: quit at once, as with Ctrl+Q. */
  activate_quit ();

  g_assert_cmpint (ally_journal_count_entries (journal, NULL), ==, before + 1);
  entries = ally_entry_list_new_all (journal);
  newest = g_list_model_get_item (G_LIST_MODEL (entries), 0);
  g_assert_cmpstr (ally_entry_get_body (newest), ==, "Written just before quitting.");
}

static gboolean
journal_opened (gpointer data)
{
  return ally_application_get_journal (app) != NULL;
}

/* A journal file that is not a database: the person is told, nothing is lost, and the newest
 * backup can be restored from the dialog. Runs in a child with its own data folder. */
static void
test_broken_journal_offers_backup (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GFile) data_dir = ally_journal_default_data_dir ();
      g_autofree char *dir = g_file_get_path (data_dir);
      g_autofree char *backups = g_build_filename (dir, "backups", NULL);
      g_autofree char *db = g_build_filename (dir, "allyship.db", NULL);
      g_autofree char *backup = g_build_filename (backups, "allyship-2026-01-01.db", NULL);
      g_autofree char *kept = NULL;
      g_autoptr(AllyEntry) entry = ally_entry_new ();
      AllyWindow *window;
      AdwMessageDialog *dialog;

      /* A real journal with one entry becomes the backup; then the file is ruined. */
      {
        g_autoptr(AllyJournal) journal = ally_journal_open (data_dir, NULL);
        ally_entry_set_body (entry, "Kept in the backup.");
        g_assert_cmpint (ally_journal_save_entry (journal, entry, NULL), >, 0);
      }
      /* Only this backup: not the empty one the first open of the day made. */
      ui_test_remove_tree (backups);
      g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
      g_assert_cmpint (g_rename (db, backup), ==, 0);
      g_assert_true (g_file_set_contents (db, "this is not a database", -1, NULL));

      window = ally_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (spin_until (toplevel_is_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG)));
      dialog = ADW_MESSAGE_DIALOG (find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), dir));
      g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
      /* Nothing was changed yet. */
      g_assert_true (g_file_get_contents (db, &kept, NULL, NULL));
      g_assert_cmpstr (kept, ==, "this is not a database");

      adw_message_dialog_response (dialog, "restore");
      g_assert_true (spin_until (journal_opened, NULL));
      g_assert_cmpint (ally_journal_count_entries (ally_application_get_journal (app), NULL), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
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

  app = ui_test_new_registered_app ();

  g_test_add_func ("/areas/built-when-first-shown", test_areas_built_when_first_shown);
  g_test_add_func ("/areas/reflection-opens-journal-entry", test_reflection_opens_journal_entry);
  g_test_add_func ("/areas/scenario-opens-journal-entry", test_scenario_opens_journal_entry);
  g_test_add_func ("/areas/reflection-reopens-its-entry", test_reflection_reopens_its_entry);
  g_test_add_func ("/areas/entry-lesson-header-opens-lesson", test_entry_lesson_header_opens_lesson);
  g_test_add_func ("/areas/commitment-is-adopted", test_commitment_is_adopted);
  g_test_add_func ("/areas/term-opens-in-glossary", test_term_opens_in_glossary);
  g_test_add_func ("/areas/popover-opens-term-in-glossary", test_popover_opens_term_in_glossary);
  g_test_add_func ("/areas/shortcuts-reach-other-areas", test_shortcuts_reach_other_areas);
  g_test_add_func ("/areas/broken-journal-offers-backup", test_broken_journal_offers_backup);
  g_test_add_func ("/areas/glossary-lesson-link-opens-lesson", test_glossary_lesson_link_opens_lesson);
  g_test_add_func ("/areas/used-in-opens-lesson-at-term", test_used_in_opens_lesson_at_term);
  /* Closes every window, so it runs last. */
  g_test_add_func ("/areas/quit-saves-typed-text", test_quit_saves_typed_text);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);

  return ret;
}
