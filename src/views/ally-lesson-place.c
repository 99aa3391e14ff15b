/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-place.c: where the reader is in a lesson's scrolled page. A moment after they
 * stop scrolling it emits "moved" with the offset they scrolled to; and it brings the page to a
 * place in one of its parts, to a term's first link or to a widget once the page is laid out,
 * holding it there while wrapped text settles, and while the parts above it are shown.
 *
 * The place is put back after each frame's layout and before its drawing (the frame clock's
 * layout phase runs again when the scroll offset changes), so a frame is never drawn with the
 * text being read moved. */
#include "config.h"

#include <math.h>

#include "ally-lesson-place.h"
#include "ally-lesson-text.h"

struct _AllyLessonPlace
{
  GObject            parent_instance;

  GtkScrolledWindow *scroller;

  /* The place is reported a moment after scrolling stops. */
  guint              moved_id;

  /* What to bring the page to: a term's first link, or a widget of the page: its top, a little
   * below the view's top (fraction -1), or the place @fraction of the way down it. */
  char              *term_id;
  GtkWidget         *widget;
  double             fraction;

  /* While the page is being laid out: put the place back until its height stops changing. */
  guint              tick_id;
  double             last_upper;
  double             last_goal;

  /* After each layout, before the frame is drawn: the place put back, or the held part kept. */
  GdkFrameClock     *clock;
  gulong             layout_id;

  /* A part kept where it is in the view while the page above it changes, until released: its
   * top in the page at the last layout (-1 before one). */
  gboolean           hold_when_there;
  GtkWidget         *held;
  double             held_top;

  /* The offset is being changed by this object, not by the reader. */
  gboolean           moving;
};

/* How far below the top of the page a revealed term's paragraph starts, in pixels. */
#define REVEAL_MARGIN 24

G_DEFINE_FINAL_TYPE (AllyLessonPlace, ally_lesson_place, G_TYPE_OBJECT)

enum {
  MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkAdjustment *
vadjustment (AllyLessonPlace *self)
{
  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

static GtkWidget *
page (AllyLessonPlace *self)
{
  return gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)));
}

/* TRUE while the page is being brought somewhere: not the reader's scrolling. */
static gboolean
is_restoring (AllyLessonPlace *self)
{
  return self->term_id != NULL || self->widget != NULL;
}

static void
forget_target (AllyLessonPlace *self)
{
  self->fraction = -1;
  g_clear_pointer (&self->term_id, g_free);
  g_clear_object (&self->widget);
}

static double
current_offset (AllyLessonPlace *self)
{
  return gtk_adjustment_get_value (vadjustment (self));
}

static gboolean
moved_timeout (gpointer data)
{
  AllyLessonPlace *self = data;

  self->moved_id = 0;
  if (!is_restoring (self))
    g_signal_emit (self, signals[MOVED], 0, current_offset (self));
  return G_SOURCE_REMOVE;
}

static void
on_value_changed (AllyLessonPlace *self)
{
  if (is_restoring (self) || self->moving)
    return;

  g_clear_handle_id (&self->moved_id, g_source_remove);
  self->moved_id = g_timeout_add (800, moved_timeout, self);
}

static void
set_offset (AllyLessonPlace *self,
            double           offset)
{
  self->moving = TRUE;
  gtk_adjustment_set_value (vadjustment (self), offset);
  self->moving = FALSE;
}

/* Where @widget's top is in the page, as last laid out. */
static gboolean
top_in_page (AllyLessonPlace *self,
             GtkWidget       *widget,
             double          *top)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (widget, page (self), &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  *top = point.y;
  return TRUE;
}

/* Where the page should be scrolled to, or -1 while that cannot be known yet; @top (if not
 * NULL) is set to the top of the widget the place is in. */
static double
target (AllyLessonPlace *self,
        double          *top)
{
  GtkAdjustment *adjustment = vadjustment (self);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  GtkWidget *label;
  double y;

  if (range <= 0)
    return -1;

  label = self->widget ? self->widget : ally_lesson_find_term_label (page (self), self->term_id);
  if (label == NULL || !top_in_page (self, label, &y))
    return -1;
  if (top != NULL)
    *top = y;
  if (self->fraction >= 0)
    return CLAMP (y + self->fraction * gtk_widget_get_height (label), 0, range);
  return CLAMP (y - REVEAL_MARGIN, 0, range);
}

/* Whether the page is drawn at the offset the scroll adjustment holds. */
static gboolean
page_follows_adjustment (AllyLessonPlace *self)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  graphene_point_t point;

  return gtk_widget_compute_point (page (self), viewport, &GRAPHENE_POINT_INIT (0, 0), &point) &&
         fabs (point.y + gtk_adjustment_get_value (vadjustment (self))) < 1;
}

/* A value set while the viewport was being allocated (from notify::upper) can leave the page
 * drawn at its old offset: allocates it again (before the frame is drawn, when called from
 * the layout phase). Returns whether it had to. */
static gboolean
reallocate_if_behind (AllyLessonPlace *self)
{
  if (page_follows_adjustment (self))
    return FALSE;
  gtk_widget_queue_allocate (gtk_scrolled_window_get_child (self->scroller));
  return TRUE;
}

static void
stop_layout_watch (AllyLessonPlace *self)
{
  /* A frame clock disposed with its window has dropped its handlers already. */
  if (self->clock != NULL && g_signal_handler_is_connected (self->clock, self->layout_id))
    g_signal_handler_disconnect (self->clock, self->layout_id);
  self->layout_id = 0;
  g_clear_object (&self->clock);
}

/* After the frame's layout: puts the place back, or keeps the held part where it was in the
 * view (the reader's own scrolling does not move its top in the page, so it is kept). */
static void
after_layout (GdkFrameClock *clock,
              gpointer       data)
{
  AllyLessonPlace *self = data;
  double top;

  if (is_restoring (self))
    {
      double goal = target (self, NULL);

      if (goal >= 0 && fabs (goal - current_offset (self)) >= 1)
        set_offset (self, goal);
      else
        reallocate_if_behind (self);
      return;
    }
  if (self->held == NULL || !top_in_page (self, self->held, &top))
    return;
  if (self->held_top >= 0 && fabs (top - self->held_top) >= 0.5)
    set_offset (self, current_offset (self) + top - self->held_top);
  self->held_top = top;
}

static void
watch_layout (AllyLessonPlace *self,
              GdkFrameClock   *clock)
{
  if (self->clock == clock)
    return;
  stop_layout_watch (self);
  self->clock = g_object_ref (clock);
  self->layout_id = g_signal_connect_after (clock, "layout", G_CALLBACK (after_layout), self);
}

/**
 * ally_lesson_place_release:
 *
 * Stops keeping the part a place was in where it is in the view (the page above it is
 * complete).
 */
void
ally_lesson_place_release (AllyLessonPlace *self)
{
  g_return_if_fail (ALLY_IS_LESSON_PLACE (self));

  self->hold_when_there = FALSE;
  g_clear_object (&self->held);
  if (!is_restoring (self))
    stop_layout_watch (self);
}

static gboolean
settle (AllyLessonPlace *self)
{
  self->tick_id = 0;
  /* Held from where the last layout put it: a part shown above it in this frame moves it. */
  if (self->hold_when_there && self->widget != NULL)
    {
      g_set_object (&self->held, self->widget);
      if (!top_in_page (self, self->held, &self->held_top))
        self->held_top = -1;
    }
  forget_target (self);
  if (self->held == NULL)
    stop_layout_watch (self);
  return G_SOURCE_REMOVE;
}

/* The place is put back at each frame until a frame is drawn with the place unchanged: wrapped
 * text settles over a few allocations (and the window may still be growing to its saved size),
 * and a place set against an early layout lands too high. */
static gboolean
tick (GtkWidget     *widget,
      GdkFrameClock *frame_clock,
      gpointer       data)
{
  AllyLessonPlace *self = data;
  GtkAdjustment *adjustment = vadjustment (self);
  double upper = gtk_adjustment_get_upper (adjustment);
  double top = 0;
  double goal = target (self, &top);

  watch_layout (self, frame_clock);
  if (goal < 0 || !is_restoring (self))
    {
      /* A page no taller than the window has nothing to scroll: stop once its height settles. */
      if (upper > 0 && upper == self->last_upper)
        return settle (self);
      self->last_upper = upper;
      return G_SOURCE_CONTINUE;
    }

  /* The last frame was drawn at the place (after_layout() saw to it), and from now on holding
   * its part keeps it there whatever moves the part. */
  if (self->hold_when_there && fabs (gtk_adjustment_get_value (adjustment) - goal) < 1 &&
      page_follows_adjustment (self))
    return settle (self);

  /* The place in its part, not the page's height: parts still being added below it do not
   * move it, and parts shown above it move the part with it. */
  if (goal - top == self->last_goal && fabs (gtk_adjustment_get_value (adjustment) - goal) < 1)
    {
      /* Allocated again until the page sits where it says. */
      if (reallocate_if_behind (self))
        return G_SOURCE_CONTINUE;
      return settle (self);
    }

  self->last_goal = goal - top;
  set_offset (self, goal);
  return G_SOURCE_CONTINUE;
}

static void
start_tick (AllyLessonPlace *self)
{
  if (self->tick_id != 0)
    return;
  self->last_upper = -1;
  self->last_goal = NAN;
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->scroller), tick, self, NULL);
}

/* The page's height is only known once it is laid out: then go to the place. */
static void
on_upper_changed (AllyLessonPlace *self)
{
  double goal;

  if (!is_restoring (self) || (goal = target (self, NULL)) < 0)
    return;

  set_offset (self, goal);
  start_tick (self);
}

static void
ally_lesson_place_dispose (GObject *object)
{
  AllyLessonPlace *self = ALLY_LESSON_PLACE (object);

  g_clear_handle_id (&self->moved_id, g_source_remove);
  if (self->scroller != NULL)
    {
      ally_lesson_place_stop (self);
      g_signal_handlers_disconnect_by_data (vadjustment (self), self);
      g_clear_weak_pointer (&self->scroller);
    }
  forget_target (self);
  ally_lesson_place_release (self);

  G_OBJECT_CLASS (ally_lesson_place_parent_class)->dispose (object);
}

static void
ally_lesson_place_class_init (AllyLessonPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ally_lesson_place_dispose;

  /**
   * AllyLessonPlace::moved:
   * @offset: how far down the page the view's top is, in pixels
   *
   * The reader scrolled and stopped a moment ago (never emitted while bringing the page to
   * a place).
   */
  signals[MOVED] =
    g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);
}

static void
ally_lesson_place_init (AllyLessonPlace *self)
{
  self->fraction = -1;
}

AllyLessonPlace *
ally_lesson_place_new (GtkScrolledWindow *scroller)
{
  AllyLessonPlace *self;

  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroller), NULL);

  self = g_object_new (ALLY_TYPE_LESSON_PLACE, NULL);
  g_set_weak_pointer (&self->scroller, scroller);
  g_signal_connect_swapped (vadjustment (self), "value-changed", G_CALLBACK (on_value_changed), self);
  g_signal_connect_swapped (vadjustment (self), "notify::upper", G_CALLBACK (on_upper_changed), self);

  return self;
}

/* Stops bringing the page anywhere; the reader's scrolling counts again. */
void
ally_lesson_place_stop (AllyLessonPlace *self)
{
  g_return_if_fail (ALLY_IS_LESSON_PLACE (self));

  forget_target (self);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->scroller), self->tick_id);
  self->tick_id = 0;
  ally_lesson_place_release (self);
}

void
ally_lesson_place_show_top (AllyLessonPlace *self)
{
  g_return_if_fail (ALLY_IS_LESSON_PLACE (self));

  ally_lesson_place_stop (self);
  gtk_adjustment_set_value (vadjustment (self), 0);
}

/**
 * ally_lesson_place_go_to_part:
 * @part: a widget of the page
 * @fraction: how far down @part the view's top goes, from 0 to 1
 *
 * Shows the page from its top until @part is laid out, then from that place in it; then keeps
 * @part where it is in the view until ally_lesson_place_release(), while the parts above it
 * are shown.
 */
void
ally_lesson_place_go_to_part (AllyLessonPlace *self,
                              GtkWidget       *part,
                              double           fraction)
{
  g_return_if_fail (ALLY_IS_LESSON_PLACE (self));
  g_return_if_fail (GTK_IS_WIDGET (part));

  ally_lesson_place_stop (self);
  self->widget = g_object_ref (part);
  self->fraction = CLAMP (fraction, 0, 1);
  self->hold_when_there = TRUE;
  set_offset (self, 0);
  on_upper_changed (self);
  start_tick (self);
}

/**
 * ally_lesson_place_go_to_term:
 *
 * Scrolls the page so that the first paragraph linking to @term_id is near the top.
 *
 * Returns: %FALSE when no shown label links to the term
 */
gboolean
ally_lesson_place_go_to_term (AllyLessonPlace *self,
                              const char      *term_id)
{
  g_return_val_if_fail (ALLY_IS_LESSON_PLACE (self), FALSE);

  if (ally_lesson_find_term_label (page (self), term_id) == NULL)
    return FALSE;

  ally_lesson_place_stop (self);
  self->term_id = g_strdup (term_id);
  on_upper_changed (self);
  start_tick (self);
  return TRUE;
}

/* Scrolls the page, once laid out, so that @widget is near the top. */
void
ally_lesson_place_go_to_widget (AllyLessonPlace *self,
                                GtkWidget       *widget)
{
  g_return_if_fail (ALLY_IS_LESSON_PLACE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  ally_lesson_place_stop (self);
  self->widget = g_object_ref (widget);
  on_upper_changed (self);
  start_tick (self);
}

/* Whether the page shows where it was brought to (or nothing is being brought anywhere). */
gboolean
ally_lesson_place_is_settled (AllyLessonPlace *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON_PLACE (self), FALSE);

  return !is_restoring (self) && self->tick_id == 0;
}

/* Reports a place the reader scrolled to now rather than in a moment ("moved"). */
void
ally_lesson_place_flush (AllyLessonPlace *self)
{
  g_return_if_fail (ALLY_IS_LESSON_PLACE (self));

  if (self->moved_id == 0)
    return;
  g_clear_handle_id (&self->moved_id, g_source_remove);
  if (!is_restoring (self))
    g_signal_emit (self, signals[MOVED], 0, current_offset (self));
}
