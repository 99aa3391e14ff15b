/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-reveal-queue.c: builds a long page's parts a few per frame, after its first screenful.
 *
 * Laying out wrapped text is most of what it costs to show a lesson (every label is shaped by
 * Pango and HarfBuzz at each width it is measured for), and building its widgets is the next
 * most. A page's parts are built in reading order: a screenful at once, so the part a person
 * reads first is on screen without waiting for the rest, then a frame's worth of text at a
 * time, so no frame holds the main loop for long. Parts built but deferred (above a place in
 * the middle of the page) are shown the same way, nearest the place first. */
#include "config.h"

#include "ally-reveal-queue.h"

/* The reading column is at most this wide (the lesson view's AdwClamp). */
#define COLUMN_WIDTH       720
/* How much of the page one character of lesson text takes, headings and spacing included, in
 * square pixels: measured on the first lesson at 1200 × 800 (about 1,360 characters shown in
 * a 680 × 740 px pane). */
#define PX2_PER_CHAR       370
/* The least a first screenful builds, for a page not shown yet in a tiny window. */
#define MIN_SCREEN_CHARS   600
/* How much text a frame lays out: a few milliseconds of shaping on a slow machine. */
#define CHARS_PER_FRAME    700

struct _AllyRevealQueue
{
  GObject              parent_instance;

  GtkWidget           *owner;   /* not owned: the widget whose frames pace the queue */
  AllyRevealBuildFunc  build;   /* builds the page's next part; NULL while nothing is to build */
  gpointer             build_data;
  GPtrArray           *deferred; /* parts built but hidden until a later frame, shown last first */
  guint                tick_id;
};

G_DEFINE_FINAL_TYPE (AllyRevealQueue, ally_reveal_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How much text @widget shows: the characters of its visible labels. */
static gsize
shown_chars (GtkWidget *widget)
{
  gsize n = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (GTK_IS_LABEL (widget))
    return g_utf8_strlen (gtk_label_get_text (GTK_LABEL (widget)), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += shown_chars (child);

  return n;
}

/* The size the owner will most likely get, before it has one: its window's size less the
 * header bar, and less the lesson list beside it on a wide window. */
static void
guess_owner_size (AllyRevealQueue *self,
                  int             *width,
                  int             *height)
{
  GtkRoot *root = gtk_widget_get_root (self->owner);
  GdkSurface *surface = GTK_IS_NATIVE (root) ? gtk_native_get_surface (GTK_NATIVE (root)) : NULL;

  *width = 1000, *height = 720;
  if (GTK_IS_WINDOW (root))
    gtk_window_get_default_size (GTK_WINDOW (root), width, height);
  if (GTK_IS_WINDOW (root) && gtk_window_is_maximized (GTK_WINDOW (root)) && surface != NULL)
    {
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                                surface);
      GdkRectangle geometry;

      if (monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &geometry);
          *width = geometry.width, *height = geometry.height;
        }
    }
  *height -= 50;
  if (*width >= 700)
    *width -= 300;
}

/* About a screenful of text, in characters: what the reading column shows in the owner's
 * height (the part that crosses the bottom of the screen is built whole, so the screen is
 * full). */
static gsize
screenful_chars (AllyRevealQueue *self)
{
  int width = self->owner ? gtk_widget_get_width (self->owner) : 0;
  int height = self->owner ? gtk_widget_get_height (self->owner) : 0;

  if ((width <= 0 || height <= 0) && self->owner != NULL)
    guess_owner_size (self, &width, &height);
  width = CLAMP (width, 0, COLUMN_WIDTH);
  height = MAX (height, 0);
  return MAX (MIN_SCREEN_CHARS, (gsize) width * (gsize) height / PX2_PER_CHAR);
}

static void
stop_ticking (AllyRevealQueue *self)
{
  if (self->tick_id != 0 && self->owner != NULL)
    gtk_widget_remove_tick_callback (self->owner, self->tick_id);
  self->tick_id = 0;
}

static void
forget_page (AllyRevealQueue *self)
{
  gboolean was_done = ally_reveal_queue_is_done (self);

  stop_ticking (self);
  self->build = NULL;
  self->build_data = NULL;
  g_ptr_array_set_size (self->deferred, 0);
  if (!was_done)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

/* Tells the page's watchers once nothing is left to build or show. */
static void
notify_if_done (AllyRevealQueue *self)
{
  if (ally_reveal_queue_is_done (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

/* Shows the parts deferred last first, up to @budget characters (at least one part); returns
 * the characters shown. */
static gsize
show_deferred (AllyRevealQueue *self,
               gsize            budget)
{
  gsize shown = 0;

  while (self->deferred->len > 0 && (shown == 0 || shown < budget))
    {
      g_autoptr(GtkWidget) part = g_ptr_array_steal_index (self->deferred, self->deferred->len - 1);

      gtk_widget_set_visible (part, TRUE);
      shown += shown_chars (part);
    }
  if (shown > 0)
    notify_if_done (self);
  return shown;
}

/* Builds the next parts, up to @budget characters (at least one part). */
static void
build_next (AllyRevealQueue *self,
            gsize            budget)
{
  gsize built = 0;

  while (self->build != NULL && (built == 0 || built < budget))
    {
      GtkWidget *part = self->build (self->build_data);

      if (part == NULL)
        {
          self->build = NULL;
          self->build_data = NULL;
          notify_if_done (self);
        }
      else
        built += shown_chars (part);
    }
}

static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *frame_clock,
             gpointer       user_data)
{
  AllyRevealQueue *self = user_data;
  gsize shown = show_deferred (self, CHARS_PER_FRAME);

  if (shown < CHARS_PER_FRAME)
    build_next (self, CHARS_PER_FRAME - shown);
  if (ally_reveal_queue_is_done (self))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
start_ticking (AllyRevealQueue *self)
{
  if (self->tick_id == 0 && self->owner != NULL)
    self->tick_id = gtk_widget_add_tick_callback (self->owner, reveal_tick, self, NULL);
}

/**
 * ally_reveal_queue_start:
 * @build: builds the page's next part, adds it to the page and returns it; returns %NULL
 *   once the page is complete
 *
 * Builds the page's first screenful now and the rest over the next frames. A page still
 * being built is forgotten.
 */
void
ally_reveal_queue_start (AllyRevealQueue     *self,
                         AllyRevealBuildFunc  build,
                         gpointer             user_data)
{
  g_return_if_fail (ALLY_IS_REVEAL_QUEUE (self));
  g_return_if_fail (build != NULL);

  forget_page (self);
  self->build = build;
  self->build_data = user_data;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);

  build_next (self, screenful_chars (self));
  if (!ally_reveal_queue_is_done (self))
    start_ticking (self);
}

/**
 * ally_reveal_queue_finish:
 *
 * Builds every part still to come, now (to scroll to a place, or find a word, in the page).
 */
void
ally_reveal_queue_finish (AllyRevealQueue *self)
{
  g_return_if_fail (ALLY_IS_REVEAL_QUEUE (self));

  show_deferred (self, G_MAXSIZE);
  build_next (self, G_MAXSIZE);
}

/**
 * ally_reveal_queue_build_screenful:
 *
 * Builds the next part now, and as many after it as about a screenful of text takes (to show
 * a place in the middle of the page with what follows it).
 */
void
ally_reveal_queue_build_screenful (AllyRevealQueue *self)
{
  g_return_if_fail (ALLY_IS_REVEAL_QUEUE (self));

  build_next (self, screenful_chars (self));
}

/**
 * ally_reveal_queue_build_one:
 *
 * Builds the next part now, if any.
 */
void
ally_reveal_queue_build_one (AllyRevealQueue *self)
{
  g_return_if_fail (ALLY_IS_REVEAL_QUEUE (self));

  build_next (self, 1);
}

/**
 * ally_reveal_queue_defer:
 * @part: a part of the page, built already
 *
 * Hides @part until a later frame (to show a place in the middle of the page without laying
 * out the text above it first). The parts deferred last are shown first, before any part still
 * to be built.
 */
void
ally_reveal_queue_defer (AllyRevealQueue *self,
                         GtkWidget       *part)
{
  g_return_if_fail (ALLY_IS_REVEAL_QUEUE (self));
  g_return_if_fail (GTK_IS_WIDGET (part));

  gtk_widget_set_visible (part, FALSE);
  g_ptr_array_add (self->deferred, g_object_ref (part));
  start_ticking (self);
}

/**
 * ally_reveal_queue_cancel:
 *
 * Builds nothing more (the page is being emptied).
 */
void
ally_reveal_queue_cancel (AllyRevealQueue *self)
{
  g_return_if_fail (ALLY_IS_REVEAL_QUEUE (self));

  forget_page (self);
}

gboolean
ally_reveal_queue_is_done (AllyRevealQueue *self)
{
  g_return_val_if_fail (ALLY_IS_REVEAL_QUEUE (self), TRUE);

  return self->build == NULL && self->deferred->len == 0;
}

AllyRevealQueue *
ally_reveal_queue_new (GtkWidget *owner)
{
  AllyRevealQueue *self = g_object_new (ALLY_TYPE_REVEAL_QUEUE, NULL);

  self->owner = owner;
  return self;
}

static void
ally_reveal_queue_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AllyRevealQueue *self = ALLY_REVEAL_QUEUE (object);

  switch (prop_id)
    {
    case PROP_DONE:
      g_value_set_boolean (value, ally_reveal_queue_is_done (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_reveal_queue_dispose (GObject *object)
{
  AllyRevealQueue *self = ALLY_REVEAL_QUEUE (object);

  stop_ticking (self);
  self->build = NULL;
  self->owner = NULL;
  g_ptr_array_set_size (self->deferred, 0);

  G_OBJECT_CLASS (ally_reveal_queue_parent_class)->dispose (object);
}

static void
ally_reveal_queue_finalize (GObject *object)
{
  AllyRevealQueue *self = ALLY_REVEAL_QUEUE (object);

  g_ptr_array_unref (self->deferred);

  G_OBJECT_CLASS (ally_reveal_queue_parent_class)->finalize (object);
}

static void
ally_reveal_queue_class_init (AllyRevealQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ally_reveal_queue_get_property;
  object_class->dispose = ally_reveal_queue_dispose;
  object_class->finalize = ally_reveal_queue_finalize;

  /**
   * AllyRevealQueue:done:
   *
   * Whether every part of the page is built and shown.
   */
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ally_reveal_queue_init (AllyRevealQueue *self)
{
  self->deferred = g_ptr_array_new_with_free_func (g_object_unref);
}
