/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-long-texts.c: long texts stay in sight: the cursor while typing at the end of a long
 * journal entry or power map answer, and a long definition's links and button in a term
 * popover, also after following its See-also links. Run with fatal warnings (criticals). */
#include "config.h"

#include <adwaita.h>
#include <dlfcn.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "ally-application.h"
#include "ally-entry-editor.h"
#include "ally-practice-view.h"
#include "ally-term-popover.h"
#include "ally-window.h"
#include "ui-test-util.h"

static AllyApplication *app;

/* ---- Waiting on frames ------------------------------------------------------------------- */

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *frames_left = data;

  if (*frames_left > 0)
    (*frames_left)--;
  return *frames_left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
no_frames_left (gpointer data)
{
  return *(guint *) data == 0;
}

/* Lets @widget's window lay out and draw @n more frames. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  guint frames_left = n;

  gtk_widget_add_tick_callback (widget, count_frame_cb, &frames_left, NULL);
  g_assert_true (spin_until (no_frames_left, &frames_left));
}

/* ---- The cursor in sight ----------------------------------------------------------------- */

/* 2,000 words in paragraphs, as a long journal entry or answer would have. */
static char *
long_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    {
      g_string_append (text, i % 10 == 0 ? "Listening " : "matters ");
      if (i % 80 == 79)
        g_string_append (text, "\n\n");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* TRUE when the cursor of @view (its strong cursor's rectangle, in window coordinates) lies
 * inside the visible part of the scrolled window that holds @view. */
static gboolean
cursor_in_sight (gpointer data)
{
  GtkTextView *view = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter cursor;
  GdkRectangle strong;
  graphene_rect_t visible;
  graphene_point_t top, bottom;
  int x, y;

  g_assert_nonnull (scroller);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_cursor_locations (view, &cursor, &strong, NULL);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, strong.x, strong.y, &x, &y);

  if (!gtk_widget_compute_bounds (scroller, GTK_WIDGET (gtk_widget_get_root (scroller)), &visible) ||
      !gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (gtk_widget_get_root (scroller)),
                                 &GRAPHENE_POINT_INIT (x, y), &top) ||
      !gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (gtk_widget_get_root (scroller)),
                                 &GRAPHENE_POINT_INIT (x, y + strong.height), &bottom))
    return FALSE;

  return graphene_rect_contains_point (&visible, &top) &&
         graphene_rect_contains_point (&visible, &bottom);
}

static void
type_text (GtkTextView *view,
           const char  *text)
{
  /* What a key press does once the input method has it. */
  g_signal_emit_by_name (view, "insert-at-cursor", text);
}

/* Ctrl+End, then typing several lines' worth, a word at a time, a new paragraph among them:
 * the cursor is in sight after every word, once the window has drawn it. */
static void
assert_typing_at_end_stays_in_sight (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (view)));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  wait_frames (GTK_WIDGET (view), 3);
  g_assert_true (cursor_in_sight (view));

  /* Ctrl+End, as the key binding does it. */
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  g_assert_true (spin_until (cursor_in_sight, view));

  for (guint i = 0; i < 60; i++)
    {
      type_text (view, i == 30 ? "\n" : "word ");
      wait_frames (GTK_WIDGET (view), 1);
      g_assert_true (spin_until (cursor_in_sight, view));
    }

  /* And back to the start. */
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, -1, FALSE);
  g_assert_true (spin_until (cursor_in_sight, view));
}

static AllyJournal *
open_journal (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  AllyJournal *journal;

  *dir = g_dir_make_tmp ("long-texts-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (*dir);
  journal = ally_journal_open (file, &error);
  g_assert_no_error (error);

  return journal;
}

static GtkWindow *
present_in_window (GtkWidget *child,
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

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_journal_cursor_stays_in_sight (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(AllyJournal) journal = open_journal (&dir);
  g_autofree char *body = long_text ();
  g_autoptr(AllyEntry) entry = ally_entry_new ();
  AllyEntryEditor *editor = g_object_new (ALLY_TYPE_ENTRY_EDITOR, "journal", journal, NULL);
  GtkWindow *window = present_in_window (GTK_WIDGET (editor), 900, 600);
  GtkTextView *view = GTK_TEXT_VIEW (find_with_class (GTK_WIDGET (editor), "journal-body"));

  ally_entry_set_title (entry, "A long day");
  ally_entry_set_body (entry, body);
  g_assert_true (ally_entry_editor_set_entry (editor, entry));
  assert_typing_at_end_stays_in_sight (view);

  gtk_window_destroy (window);
  ui_test_remove_tree (dir);
}

static void
test_power_map_cursor_stays_in_sight (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(AllyJournal) journal = open_journal (&dir);
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = long_text ();
  AllyPracticeView *practice = ALLY_PRACTICE_VIEW (ally_practice_view_new ());
  GtkWindow *window;
  GtkTextView *view;

  ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error);
  g_assert_no_error (error);
  g_object_set (practice, "catalog", catalog, "journal", journal, NULL);
  window = present_in_window (GTK_WIDGET (practice), 900, 600);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_descendant (GTK_WIDGET (practice),
                                                                          ADW_TYPE_VIEW_STACK)),
                                         "power-map");
  /* The first question's field, with a long answer in it. */
  view = GTK_TEXT_VIEW (find_with_class (GTK_WIDGET (practice), "power-answer"));
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), answer, -1);
  wait_frames (GTK_WIDGET (view), 2);
  assert_typing_at_end_stays_in_sight (view);

  gtk_window_destroy (window);
  ui_test_remove_tree (dir);
}

/* ---- Term popovers ------------------------------------------------------------------------ */

/* A real pointer click, through the X server (XTest), so that the label's own gesture
 * handles it as it handles a person's: following a link from inside the label's click
 * handler is what used to break the popover. */
#ifdef GDK_WINDOWING_X11
typedef struct
{
  int  (*fake_motion) (Display *, int, int, int, unsigned long);
  int  (*fake_button) (Display *, unsigned int, Bool, unsigned long);
  Bool (*translate)   (Display *, Window, Window, int, int, int *, int *, Window *);
  int  (*flush)       (Display *);
} XCalls;

/* Looked up at run time: the app itself needs neither libXtst nor to link libX11. */
static gboolean
load_x_calls (XCalls *calls)
{
  void *xtst = dlopen ("libXtst.so.6", RTLD_NOW);
  void *x11 = dlopen ("libX11.so.6", RTLD_NOW);

  if (xtst == NULL || x11 == NULL)
    return FALSE;
  calls->fake_motion = dlsym (xtst, "XTestFakeMotionEvent");
  calls->fake_button = dlsym (xtst, "XTestFakeButtonEvent");
  calls->translate = dlsym (x11, "XTranslateCoordinates");
  calls->flush = dlsym (x11, "XFlush");
  return calls->fake_motion && calls->fake_button && calls->translate && calls->flush;
}
#endif

static gboolean
click (GtkWidget *widget,
       double     x,
       double     y)
{
#ifdef GDK_WINDOWING_X11
  static XCalls calls;
  static gboolean loaded = FALSE;
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  Display *xdisplay;
  Window child;
  double dx, dy;
  int root_x, root_y;

  if (!GDK_IS_X11_SURFACE (surface))
    return FALSE;
  if (!loaded)
    loaded = load_x_calls (&calls);
  if (!loaded)
    return FALSE;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  calls.translate (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay),
                   (int) (point.x + dx), (int) (point.y + dy), &root_x, &root_y, &child);
  calls.fake_motion (xdisplay, -1, root_x, root_y, 0);
  calls.fake_button (xdisplay, 1, True, 0);
  calls.fake_button (xdisplay, 1, False, 0);
  calls.flush (xdisplay);
  return TRUE;
#else
  return FALSE;
#endif
}

static AllyTermPopover *
shown_popover (AllyLearnView *learn)
{
  GtkWidget *popover = find_descendant (GTK_WIDGET (learn), ALLY_TYPE_TERM_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover) ? ALLY_TERM_POPOVER (popover) : NULL;
}

/* The label in @widget that lists @term_id under See also, and where in it the link's name
 * is drawn. */
static GtkLabel *
find_link (GtkWidget  *widget,
           const char *term_id,
           double     *x,
           double     *y)
{
  g_autofree char *href = g_strdup_printf ("href=\"term:%s\"", term_id);
  const char *markup = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
                       ? strstr (gtk_label_get_label (GTK_LABEL (widget)), href) : NULL;

  if (markup != NULL)
    {
      GtkLabel *label = GTK_LABEL (widget);
      g_autofree char *name = g_strndup (strchr (markup, '>') + 1,
                                         strstr (markup, "</a>") - strchr (markup, '>') - 1);
      PangoLayout *layout = gtk_label_get_layout (label);
      const char *text = pango_layout_get_text (layout);
      const char *found = NULL;

      /* The name as an item of the See also list ("See also: a, b, c"), not a link of the
       * definition (which may be scrolled out of sight). */
      for (const char *at = strstr (text, name); at != NULL; at = strstr (at + 1, name))
        {
          char after = at[strlen (name)];

          if (at - text >= 2 && at[-1] == ' ' && (at[-2] == ':' || at[-2] == ',') &&
              (after == ',' || after == '\0' || after == '\n'))
            found = at;
        }
      if (found != NULL)
        {
          PangoRectangle pos;
          int offset_x, offset_y;

          pango_layout_index_to_pos (layout, found - text + strlen (name) / 2, &pos);
          gtk_label_get_layout_offsets (label, &offset_x, &offset_y);
          *x = offset_x + pango_units_to_double (pos.x) + 1;
          *y = offset_y + pango_units_to_double (pos.y + pos.height / 2);
          return label;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_link (child, term_id, x, y);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* Clicks on the link to @term_id in @popover; FALSE (and the test skipped) without XTest. */
static gboolean
click_link (AllyTermPopover *popover,
            const char      *term_id)
{
  GtkLabel *label;
  double x, y;

  label = find_link (GTK_WIDGET (popover), term_id, &x, &y);
  g_assert_nonnull (label);
  if (click (GTK_WIDGET (label), x, y))
    return TRUE;

  g_test_skip ("Needs an X display with XTest to click on a link");
  return FALSE;
}

typedef struct
{
  AllyLearnView *learn;
  const char    *term_id;
} TermQuery;

static gboolean
popover_shows_term (gpointer data)
{
  TermQuery *query = data;
  AllyTermPopover *popover = shown_popover (query->learn);

  return popover != NULL &&
         g_strcmp0 (ally_term_popover_get_term_id (popover), query->term_id) == 0;
}

/* TRUE when @widget is mapped and drawn whole inside @popover's allocation. */
static gboolean
inside_popover (GtkWidget  *widget,
                GtkWidget  *popover)
{
  graphene_rect_t inside, bounds;

  return widget != NULL && gtk_widget_get_mapped (widget) &&
         gtk_widget_compute_bounds (popover, popover, &inside) &&
         gtk_widget_compute_bounds (widget, popover, &bounds) &&
         bounds.size.height > 0 && graphene_rect_contains_rect (&inside, &bounds);
}

/* Every label and button of @widget that is shown is whole inside @popover; a scrolled
 * window counts as one (what is inside it may scroll). */
static gboolean
all_inside_popover (GtkWidget *widget,
                    GtkWidget *popover)
{
  if (!gtk_widget_get_visible (widget))
    return TRUE;
  if (GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_LABEL (widget) || GTK_IS_BUTTON (widget))
    return inside_popover (widget, popover);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!all_inside_popover (child, popover))
      return FALSE;

  return TRUE;
}

/* The popover's Open in Glossary button is drawn whole, inside the popover, and so are its
 * title and the links to related terms (its size follows its text a few frames later). */
static gboolean
popover_fits (gpointer data)
{
  GtkWidget *popover = data;

  return inside_popover (find_descendant (popover, GTK_TYPE_BUTTON), popover) &&
         all_inside_popover (gtk_popover_get_child (GTK_POPOVER (popover)), popover);
}

static void
assert_popover_fits (AllyTermPopover *popover)
{
  g_assert_true (spin_until (popover_fits, popover));
  /* And stays so. */
  wait_frames (GTK_WIDGET (popover), 3);
  g_assert_true (popover_fits (popover));
}

static gboolean
course_is_loaded (gpointer data)
{
  AllyLearnView *learn = ally_window_get_learn_view (ALLY_WINDOW (data));

  return learn != NULL && ally_learn_view_get_catalog (learn) != NULL;
}

/* A window of @width × @height with @lesson_id open in Learn. */
static AllyWindow *
window_with_lesson (int         width,
                    int         height,
                    const char *lesson_id)
{
  AllyWindow *window;

  g_settings_set_int (ally_application_get_settings (app), "window-width", width);
  g_settings_set_int (ally_application_get_settings (app), "window-height", height);
  window = ally_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (window_is_mapped, window));
  g_assert_true (spin_until (course_is_loaded, window));
  g_assert_true (ally_learn_view_open_lesson (ally_window_get_learn_view (window), lesson_id));
  wait_frames (GTK_WIDGET (ally_window_get_learn_view (window)), 3);
  return window;
}

/* Opens @term_id's popover from the lesson @learn shows, and checks that it fits. */
static AllyTermPopover *
popover_for_term (AllyLearnView *learn,
                  const char    *term_id)
{
  AllyTermPopover *popover;

  g_assert_true (ally_learn_view_show_term (learn, term_id));
  g_assert_true (spin_until (popover_shows_term, &(TermQuery) { learn, term_id }));
  popover = shown_popover (learn);
  wait_frames (GTK_WIDGET (popover), 2);
  assert_popover_fits (popover);
  return popover;
}

static void
test_popover_links_work_after_hops (void)
{
  AllyWindow *window;
  AllyLearnView *learn;
  AllyTermPopover *popover;
  /* Long definitions, each linking to the next. */
  const char *hops[] = { "accomplice", "ally", "allyship" };

  window = window_with_lesson (1000, 600, "what-allyship-is");
  learn = ally_window_get_learn_view (window);
  popover = popover_for_term (learn, hops[0]);

  for (guint i = 1; i < G_N_ELEMENTS (hops); i++)
    {
      if (!click_link (popover, hops[i]))
        goto out;
      g_assert_true (spin_until (popover_shows_term, &(TermQuery) { learn, hops[i] }));
      /* The same popover, fitted to the new text. */
      g_assert_true (shown_popover (learn) == popover);
      wait_frames (GTK_WIDGET (popover), 2);
      assert_popover_fits (popover);
    }

  /* After two hops, its links still work: one more click moves on again. */
  g_assert_true (click_link (popover, "accompliceship"));
  g_assert_true (spin_until (popover_shows_term, &(TermQuery) { learn, "accompliceship" }));
  wait_frames (GTK_WIDGET (popover), 2);
  assert_popover_fits (popover);

out:
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The longest definition asks for the room its text needs, but makes do with less: on a
 * small screen, with the link half-way down, the popover is given less than its natural
 * height, and the definition then scrolls while the links and the button stay whole (a
 * screenshot showed the button cut off, when the definition's least height was its whole
 * text, up to half the window). */
static void
test_popover_definition_can_shrink (void)
{
  AllyWindow *window;
  AllyTermPopover *popover;
  GtkWidget *scroller, *definition;
  int min, nat, text_height;

  window = window_with_lesson (1200, 800, "ally-vs-accomplice");
  popover = popover_for_term (ally_window_get_learn_view (window), "accomplice");

  scroller = find_descendant (GTK_WIDGET (popover), GTK_TYPE_SCROLLED_WINDOW);
  definition = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  if (GTK_IS_VIEWPORT (definition))
    definition = gtk_viewport_get_child (GTK_VIEWPORT (definition));
  gtk_widget_measure (definition, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (definition),
                      NULL, &text_height, NULL, NULL);
  gtk_widget_measure (scroller, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (scroller),
                      &min, &nat, NULL, NULL);
  /* Its text is longer than the least height: it can shrink, and it asks for all of it. */
  g_assert_cmpint (text_height, >, 160);
  g_assert_cmpint (min, <=, 160);
  g_assert_cmpint (nat, >=, text_height);

  gtk_popover_popdown (GTK_POPOVER (popover));
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

  g_test_add_func ("/long-texts/popover-definition-can-shrink", test_popover_definition_can_shrink);
  g_test_add_func ("/long-texts/journal-cursor-stays-in-sight", test_journal_cursor_stays_in_sight);
  g_test_add_func ("/long-texts/power-map-cursor-stays-in-sight",
                   test_power_map_cursor_stays_in_sight);
  g_test_add_func ("/long-texts/popover-links-work-after-hops", test_popover_links_work_after_hops);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);

  return ret;
}
