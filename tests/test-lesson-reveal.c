/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lesson-reveal.c: a lesson's first screenful is laid out first, and the rest of its page
 * follows over the next frames; going to a term builds the whole page at once, so the term can
 * be found; going to a saved place builds the page down to it and a screenful more, and shows
 * the place before the text above it. */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ally-application.h"
#include "ally-journal-progress.h"
#include "ally-lesson-text.h"
#include "ally-lesson-view.h"
#include "ally-window.h"
#include "ui-test-util.h"

static AllyApplication *app;

/* The course's longest lesson. */
#define LONG_LESSON "staying-with-it"

static AllyWindow *
ready_window_sized (int width,
                    int height)
{
  AllyWindow *window = ally_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (ui_test_window_is_ready, window));

  return window;
}

static AllyWindow *
ready_window (void)
{
  return ready_window_sized (1000, 720);
}

static AllyLessonView *
lesson_view_of (AllyWindow *window)
{
  return ALLY_LESSON_VIEW (find_descendant (GTK_WIDGET (ally_window_get_learn_view (window)),
                                            ALLY_TYPE_LESSON_VIEW));
}

static gboolean
page_is_shown (gpointer data)
{
  return ally_lesson_view_is_page_shown (data);
}

/* Counts the quiz's answer buttons that are shown (every ancestor visible). */
static guint
count_shown_choices (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (GTK_IS_CHECK_BUTTON (widget))
    return 1;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_shown_choices (child);

  return n;
}

static guint
count_choices (AllyLesson *lesson)
{
  GListModel *questions = ally_lesson_get_questions (lesson);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(AllyQuestion) question = g_list_model_get_item (questions, i);

      n += g_list_model_get_n_items (ally_question_get_choices (question));
    }

  return n;
}

static void
test_first_screen_then_the_rest (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);
  AllyLessonView *lesson_view = lesson_view_of (window);
  AllyLesson *lesson;

  g_assert_true (ally_learn_view_open_lesson (learn, LONG_LESSON));
  lesson = ally_lesson_view_get_lesson (lesson_view);
  g_assert_cmpstr (ally_lesson_get_id (lesson), ==, LONG_LESSON);

  /* Right after opening: the start of the page is there, the quiz at its end is not yet. */
  g_assert_false (ally_lesson_view_is_page_shown (lesson_view));
  g_assert_cmpuint (count_choices (lesson), >, 0);
  g_assert_cmpuint (count_shown_choices (GTK_WIDGET (lesson_view)), ==, 0);

  /* A few frames later, all of it. */
  g_assert_true (spin_until (page_is_shown, lesson_view));
  g_assert_cmpuint (count_shown_choices (GTK_WIDGET (lesson_view)), ==, count_choices (lesson));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_height (gpointer widget)
{
  return gtk_widget_get_height (widget) > 0;
}

/* The page's height as built so far, at the width it has. */
static int
built_page_height (AllyLessonView *lesson_view)
{
  GtkWidget *scroller = find_descendant (GTK_WIDGET (lesson_view), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *page = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  int min, nat;

  gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (scroller),
                      &min, &nat, NULL, NULL);
  return nat;
}

/* What is built at once fills the view, whatever the window's size (a tall window needs more
 * than a small one), and is not the whole of a long lesson. */
static void
test_first_screen_fills_the_view (void)
{
  const int sizes[][2] = { { 1000, 720 }, { 1600, 1180 }, { 360, 640 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      AllyWindow *window = ready_window_sized (sizes[i][0], sizes[i][1]);
      AllyLessonView *lesson_view = lesson_view_of (window);
      GtkWidget *scroller;
      int view_height;

      /* A lesson on screen first (the window may show the overview), so the view has a size. */
      g_assert_true (ally_learn_view_open_lesson (ally_window_get_learn_view (window), "what-allyship-is"));
      scroller = find_descendant (GTK_WIDGET (lesson_view), GTK_TYPE_SCROLLED_WINDOW);
      g_assert_true (spin_until (has_height, scroller));
      g_assert_true (ally_learn_view_open_lesson (ally_window_get_learn_view (window), LONG_LESSON));
      view_height = gtk_widget_get_height (scroller);
      g_assert_cmpint (view_height, >, 0);
      g_assert_false (ally_lesson_view_is_page_shown (lesson_view));
      g_assert_cmpint (built_page_height (lesson_view), >=, view_height);

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_term_shows_whole_page (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);
  AllyLessonView *lesson_view = lesson_view_of (window);

  g_assert_true (ally_learn_view_open_lesson (learn, LONG_LESSON));
  g_assert_false (ally_lesson_view_is_page_shown (lesson_view));
  /* "pronouns" is linked once, far below the lesson's first screenful. */
  g_assert_true (ally_lesson_view_reveal_term (lesson_view, "pronouns"));
  g_assert_true (ally_lesson_view_is_page_shown (lesson_view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
settled (gpointer data)
{
  return ally_lesson_view_is_settled (data);
}

typedef struct
{
  AllyJournal *journal;
  int          position;
} SavedPlace;

static gboolean
place_saved_again (gpointer data)
{
  SavedPlace *saved = data;
  g_auto(AllyLessonState) state = { 0 };

  ally_journal_get_lesson_state (saved->journal, LONG_LESSON, &state, NULL);
  saved->position = state.position;
  return state.position != 0;
}

/* A saved place in the middle of a long lesson is shown without building (and laying out)
 * the page below it first; the place shown is the place saved. */
static void
test_saved_place_shown_before_the_rest (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);
  AllyLessonView *lesson_view = lesson_view_of (window);
  GtkAdjustment *adjustment;
  SavedPlace saved = { ally_learn_view_get_journal (learn), -1 };
  g_autoptr(GError) error = NULL;

  /* The window may have resumed the long lesson: start from another one. */
  g_assert_true (ally_learn_view_open_lesson (learn, "what-allyship-is"));
  g_assert_true (ally_journal_set_lesson_position (saved.journal, LONG_LESSON, 600, &error));
  g_assert_no_error (error);
  g_assert_true (ally_learn_view_open_lesson (learn, LONG_LESSON));
  g_assert_false (ally_lesson_view_is_page_shown (lesson_view));
  g_assert_true (spin_until (settled, lesson_view));
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (find_descendant (GTK_WIDGET (lesson_view), GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  /* Read a pixel further: the place saved is the one shown, give or take that pixel. */
  g_assert_true (ally_journal_set_lesson_position (saved.journal, LONG_LESSON, 0, &error));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 1);
  g_assert_true (spin_until (place_saved_again, &saved));
  g_assert_cmpint (saved.position, >=, 600);
  g_assert_cmpint (saved.position, <=, 602);
  g_assert_true (spin_until (page_is_shown, lesson_view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The long lesson's first section heading, built or not. */
static GtkLabel *
first_heading (AllyLessonView *lesson_view)
{
  GListModel *sections = ally_lesson_get_sections (ally_lesson_view_get_lesson (lesson_view));
  g_autoptr(AllySection) first = g_list_model_get_item (sections, 0);

  return ui_test_find_label (GTK_WIDGET (lesson_view), ally_section_get_heading (first));
}

/* What is being read, followed through the frames drawn while the page above it comes in. */
typedef struct
{
  GtkWidget *viewport;
  GtkWidget *read;     /* the widget at the top of the view when the place was first shown */
  double     top;      /* where it was in the view then */
  double     moved;    /* how far it has been drawn from there, at most */
  guint      frames;
} Reading;

static double
top_in_view (Reading *reading)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (reading->read, reading->viewport,
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static void
on_frame_drawn (GdkFrameClock *clock,
                Reading       *reading)
{
  reading->moved = MAX (reading->moved, fabs (top_in_view (reading) - reading->top));
  reading->frames++;
}

/* Going back to a place far down a long lesson shows it before the text above it is laid out;
 * that text then comes in over the next frames without moving what is being read, in any
 * frame drawn. */
static void
test_saved_place_held_while_the_page_above_comes_in (void)
{
  AllyWindow *window = ready_window ();
  AllyLearnView *learn = ally_window_get_learn_view (window);
  AllyLessonView *lesson_view = lesson_view_of (window);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (find_descendant (GTK_WIDGET (lesson_view), GTK_TYPE_SCROLLED_WINDOW)));
  SavedPlace saved = { ally_learn_view_get_journal (learn), -1 };
  g_autoptr(GError) error = NULL;
  Reading reading = { 0 };
  GdkFrameClock *clock;
  GtkLabel *heading;

  g_assert_true (ally_learn_view_open_lesson (learn, "what-allyship-is"));
  g_assert_true (ally_journal_set_lesson_position (saved.journal, LONG_LESSON, 600, &error));
  g_assert_no_error (error);
  g_assert_true (ally_learn_view_open_lesson (learn, LONG_LESSON));

  /* The page's beginning is built, but not shown (nor laid out) when the place first is. */
  heading = first_heading (lesson_view);
  g_assert_nonnull (heading);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (heading)));
  g_assert_true (spin_until (settled, lesson_view));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (heading)));

  reading.viewport = find_descendant (GTK_WIDGET (lesson_view), GTK_TYPE_VIEWPORT);
  reading.read = gtk_widget_pick (reading.viewport, 40, 8, GTK_PICK_DEFAULT);
  g_assert_nonnull (reading.read);
  reading.top = top_in_view (&reading);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_drawn), &reading);

  /* Once all of the page is shown, the place shown is still the place saved, and it was
   * drawn still in every frame meanwhile. */
  g_assert_true (spin_until (page_is_shown, lesson_view));
  g_signal_handlers_disconnect_by_func (clock, on_frame_drawn, &reading);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (heading)));
  g_assert_cmpuint (reading.frames, >, 1);
  g_assert_cmpfloat (reading.moved, <, 1);
  g_assert_true (ally_journal_set_lesson_position (saved.journal, LONG_LESSON, 0, &error));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 1);
  g_assert_true (spin_until (place_saved_again, &saved));
  g_assert_cmpint (saved.position, >=, 600);
  g_assert_cmpint (saved.position, <=, 602);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Counts the wrapping labels under @widget that GTK would measure at width 0 for their least
 * width (no "width-chars"): in word-char wrapping that is a line per character, most of what
 * showing a page cost. Each one found is named in the test's log. */
static guint
count_costly_wrapping_labels (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
      gtk_label_get_ellipsize (GTK_LABEL (widget)) == PANGO_ELLIPSIZE_NONE &&
      gtk_label_get_width_chars (GTK_LABEL (widget)) < ALLY_LABEL_MIN_CHARS)
    {
      g_test_message ("no least width in characters: \"%.60s\"",
                      gtk_label_get_text (GTK_LABEL (widget)));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_costly_wrapping_labels (child);

  return n;
}

/* Every wrapping label of a whole lesson page (text, lists, quiz, scenarios, prompts) says its
 * least width in characters, so measuring it is one layout at that width. */
static void
test_wrapping_labels_have_a_least_width (void)
{
  AllyWindow *window = ready_window ();
  AllyLessonView *lesson_view = lesson_view_of (window);

  g_assert_true (ally_learn_view_open_lesson (ally_window_get_learn_view (window), LONG_LESSON));
  g_assert_true (spin_until (page_is_shown, lesson_view));
  g_assert_cmpuint (count_costly_wrapping_labels (GTK_WIDGET (lesson_view)), ==, 0);

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

  app = ui_test_new_registered_app ();

  g_test_add_func ("/lesson-reveal/first-screen-then-the-rest", test_first_screen_then_the_rest);
  g_test_add_func ("/lesson-reveal/first-screen-fills-the-view", test_first_screen_fills_the_view);
  g_test_add_func ("/lesson-reveal/term-shows-whole-page", test_term_shows_whole_page);
  g_test_add_func ("/lesson-reveal/wrapping-labels-have-a-least-width",
                   test_wrapping_labels_have_a_least_width);
  g_test_add_func ("/lesson-reveal/saved-place-shown-before-the-rest",
                   test_saved_place_shown_before_the_rest);
  g_test_add_func ("/lesson-reveal/saved-place-held-while-the-page-above-comes-in",
                   test_saved_place_held_while_the_page_above_comes_in);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);

  return ret;
}
