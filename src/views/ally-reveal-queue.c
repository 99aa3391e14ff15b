/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-reveal-queue.c: shows a long page's parts a few per frame, after its first screenful.
 *
 * Laying out wrapped text is most of what it costs to show a lesson (every label is shaped by
 * Pango and HarfBuzz at each width it is measured for). A page's parts are all built at once,
 * but those below the first screenful are hidden, and shown in order, a frame's worth of text
 * at a time, so the part a person reads first is on screen without waiting for the rest, and
 * no frame holds the main loop for long. */
#include "config.h"

#include "ally-reveal-queue.h"

/* About a screenful of text at the widest reading column (720 px), in characters. */
#define FIRST_SCREEN_CHARS 1800
/* How much text a frame lays out: a few milliseconds of shaping on a slow machine. */
#define CHARS_PER_FRAME    700

struct _AllyRevealQueue
{
  GObject    parent_instance;

  GtkWidget *owner;   /* not owned: the widget whose frames pace the queue */
  GPtrArray *hidden;  /* parts still to show, in page order */
  guint      next;
  guint      tick_id;
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

static void
stop_ticking (AllyRevealQueue *self)
{
  if (self->tick_id != 0 && self->owner != NULL)
    gtk_widget_remove_tick_callback (self->owner, self->tick_id);
  self->tick_id = 0;
}

static void
forget_parts (AllyRevealQueue *self)
{
  gboolean was_done = ally_reveal_queue_is_done (self);

  stop_ticking (self);
  g_ptr_array_set_size (self->hidden, 0);
  self->next = 0;
  if (!was_done)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

/* Shows the next parts, up to @budget characters (at least one part). */
static void
show_next (AllyRevealQueue *self,
           gsize            budget)
{
  gsize shown = 0;

  while (self->next < self->hidden->len && (shown == 0 || shown < budget))
    {
      GtkWidget *part = g_ptr_array_index (self->hidden, self->next++);

      gtk_widget_set_visible (part, TRUE);
      shown += shown_chars (part);
    }

  if (self->next >= self->hidden->len)
    forget_parts (self);
}

static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *frame_clock,
             gpointer       user_data)
{
  AllyRevealQueue *self = user_data;

  show_next (self, CHARS_PER_FRAME);
  if (ally_reveal_queue_is_done (self))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/**
 * ally_reveal_queue_start:
 * @parts: (element-type GtkWidget): a page's parts in reading order, all shown
 *
 * Keeps the first screenful of @parts shown and hides the rest, to be shown over the next
 * frames. Parts already waiting from an earlier page are forgotten.
 */
void
ally_reveal_queue_start (AllyRevealQueue *self,
                         GPtrArray       *parts)
{
  gsize chars = 0;
  guint i = 0;

  g_return_if_fail (ALLY_IS_REVEAL_QUEUE (self));

  forget_parts (self);
  for (; i < parts->len && chars < FIRST_SCREEN_CHARS; i++)
    chars += shown_chars (g_ptr_array_index (parts, i));
  for (; i < parts->len; i++)
    {
      GtkWidget *part = g_ptr_array_index (parts, i);

      if (!gtk_widget_get_visible (part))
        continue;
      gtk_widget_set_visible (part, FALSE);
      g_ptr_array_add (self->hidden, g_object_ref (part));
    }

  if (self->hidden->len == 0)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  self->tick_id = gtk_widget_add_tick_callback (self->owner, reveal_tick, self, NULL);
}

/**
 * ally_reveal_queue_finish:
 *
 * Shows every part still waiting, now (to scroll to a place, or find a word, in the page).
 */
void
ally_reveal_queue_finish (AllyRevealQueue *self)
{
  g_return_if_fail (ALLY_IS_REVEAL_QUEUE (self));

  if (!ally_reveal_queue_is_done (self))
    show_next (self, G_MAXSIZE);
}

/**
 * ally_reveal_queue_cancel:
 *
 * Forgets the parts still waiting, leaving them hidden (their page is being emptied).
 */
void
ally_reveal_queue_cancel (AllyRevealQueue *self)
{
  g_return_if_fail (ALLY_IS_REVEAL_QUEUE (self));

  forget_parts (self);
}

gboolean
ally_reveal_queue_is_done (AllyRevealQueue *self)
{
  g_return_val_if_fail (ALLY_IS_REVEAL_QUEUE (self), TRUE);

  return self->next >= self->hidden->len;
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
  g_ptr_array_set_size (self->hidden, 0);
  self->next = 0;
  self->owner = NULL;

  G_OBJECT_CLASS (ally_reveal_queue_parent_class)->dispose (object);
}

static void
ally_reveal_queue_finalize (GObject *object)
{
  AllyRevealQueue *self = ALLY_REVEAL_QUEUE (object);

  g_ptr_array_unref (self->hidden);

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
   * Whether every part of the page is shown.
   */
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ally_reveal_queue_init (AllyRevealQueue *self)
{
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
}
