/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-cursor-follow.c: keeps a text view's cursor in sight inside the scrolled window that
 * holds it.
 *
 * A text view laid out in a page with other widgets (the journal editor's title and tags,
 * the power map's several answers) is not scrollable itself: it is as tall as its text, and
 * the page's GtkScrolledWindow scrolls. GtkTextView keeps its cursor in sight only through
 * its own adjustments, so with none of its own, typing at the end of a long text went on
 * below the window's edge. Here the page scrolls instead, whenever the cursor moves or the
 * text changes while the view has the focus.
 *
 * The view grows only when the page is next laid out, after the keystroke, and a long text
 * is measured bit by bit over several frames, so the page is scrolled at the start of each
 * frame (before the layout, never during it: a scroll made while the page is being laid
 * out is not laid out until something else asks) until the cursor has stayed in sight for a
 * few frames. A line begun at the bottom edge may show for one frame below it. Following
 * then stops (or after two seconds at most), so that scrolling away to read is never undone. */
#include "config.h"

#include "ally-cursor-follow.h"

/* Room kept between the cursor and the edge of the page, at most. */
#define CONTEXT_PX 32
/* Following stops once the cursor has been in sight, at the same place on a page of the
 * same height, for this many frames (a long text is measured over several), or this many
 * frames after the last move at the latest. */
#define SETTLE_FRAMES 3
#define MAX_FRAMES 120

#define FOLLOW_KEY "ally-cursor-follow"

typedef struct
{
  GtkTextView *view;          /* not owned: the Follow is the view's data */
  guint        tick_id;
  guint        frames_left;   /* while following: frames until it stops anyway */
  guint        settle_left;   /* frames the cursor must stay put, in sight */
  double       last_y;        /* where the cursor was, and the page's height, last time */
  double       last_upper;
} Follow;

/* The widget that moves when @scroller scrolls: the child of its viewport, or NULL when the
 * scrolled window's child scrolls itself in a way that cannot be followed from here. */
static GtkWidget *
scrolled_content (GtkScrolledWindow *scroller)
{
  GtkWidget *child = gtk_scrolled_window_get_child (scroller);

  return GTK_IS_VIEWPORT (child) ? gtk_viewport_get_child (GTK_VIEWPORT (child)) : NULL;
}

/* Scrolls the page to the cursor; FALSE when it may yet have to scroll again: the page
 * cannot go far enough yet (it has not grown to the text's new height), or the cursor or
 * the page's height moved since the last time. */
static gboolean
scroll_to_cursor (Follow *follow)
{
  GtkWidget *view = GTK_WIDGET (follow->view);
  GtkWidget *scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (follow->view);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  GdkRectangle cursor;
  GtkTextIter iter;
  graphene_point_t top;
  double value, page, upper, context, y_top, y_bottom;
  gboolean settled;
  int x, y;

  if (scroller == NULL || !gtk_widget_get_mapped (view))
    return TRUE;
  content = scrolled_content (GTK_SCROLLED_WINDOW (scroller));
  if (content == NULL)
    return TRUE;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (follow->view, &iter, &cursor);
  gtk_text_view_buffer_to_window_coords (follow->view, GTK_TEXT_WINDOW_WIDGET,
                                         cursor.x, cursor.y, &x, &y);
  /* In the content's own coordinates, which do not change as the page scrolls. */
  if (!gtk_widget_compute_point (view, content, &GRAPHENE_POINT_INIT (x, y), &top))
    return TRUE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  upper = gtk_adjustment_get_upper (adjustment);
  context = MIN (CONTEXT_PX, MAX (0, (page - cursor.height) / 4));
  y_top = top.y - context;
  y_bottom = top.y + MAX (cursor.height, 1) + context;

  if (y_bottom > value + page)
    value = y_bottom - page;
  if (y_top < value)
    value = y_top;
  gtk_adjustment_set_value (adjustment, value);

  settled = value <= upper - page && G_APPROX_VALUE (top.y, follow->last_y, 0.5) &&
            G_APPROX_VALUE (upper, follow->last_upper, 0.5);
  follow->last_y = top.y;
  follow->last_upper = upper;
  return settled;
}

static gboolean
follow_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Follow *follow = data;

  if (!scroll_to_cursor (follow))
    follow->settle_left = SETTLE_FRAMES;
  else if (follow->settle_left > 0)
    follow->settle_left--;
  if (follow->frames_left > 0)
    follow->frames_left--;
  if (follow->settle_left > 0 && follow->frames_left > 0)
    return G_SOURCE_CONTINUE;

  follow->frames_left = 0;
  follow->tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* The person moved the cursor or typed: bring it into sight from the next frame on, as the
 * page's size catches up with the text. Moves made by the program while the person is
 * elsewhere in the window (an entry being loaded) leave the page where it is. Whether the
 * window is the active one does not matter. */
static void
follow_cursor (Follow *follow)
{
  GtkWidget *view = GTK_WIDGET (follow->view);

  if (!gtk_widget_is_focus (view) || !gtk_widget_get_mapped (view))
    return;

  follow->frames_left = MAX_FRAMES;
  follow->settle_left = SETTLE_FRAMES;
  if (follow->tick_id == 0)
    follow->tick_id = gtk_widget_add_tick_callback (view, follow_tick_cb, follow, NULL);
}

static void
on_mark_set (GtkTextBuffer     *buffer,
             const GtkTextIter *location,
             GtkTextMark       *mark,
             GtkTextView       *view)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    follow_cursor (g_object_get_data (G_OBJECT (view), FOLLOW_KEY));
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   GtkTextView   *view)
{
  follow_cursor (g_object_get_data (G_OBJECT (view), FOLLOW_KEY));
}

static void
follow_free (gpointer data)
{
  /* The view is going away: its tick callback went with it. */
  g_free (data);
}

/**
 * ally_cursor_follow:
 * @view: a text view inside a GtkScrolledWindow (at any depth), not scrollable itself
 *
 * Scrolls the page holding @view so that its cursor stays in sight as the person types and
 * moves it, for as long as @view lives. Call once, with @view's buffer in place.
 */
void
ally_cursor_follow (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  Follow *follow;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (g_object_get_data (G_OBJECT (view), FOLLOW_KEY) == NULL);

  follow = g_new0 (Follow, 1);
  follow->view = view;
  g_object_set_data_full (G_OBJECT (view), FOLLOW_KEY, follow, follow_free);

  buffer = gtk_text_view_get_buffer (view);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_mark_set), view, 0);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), view, 0);
}
