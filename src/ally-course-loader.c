/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-course-loader.c: reads the course on a worker thread while the window opens.
 *
 * Parsing and checking the course's XML takes tens of milliseconds; started as the app starts
 * up, it runs beside GTK's own start-up and the window's first frame instead of after them.
 * The main thread learns the result through AllyCourseLoader:done, or waits for it when it
 * needs the course at once (ally_course_loader_wait). */
#include "config.h"

#include <stdlib.h>

#include "ally-course-loader.h"

struct _AllyCourseLoader
{
  GObject      parent_instance;

  AllyCatalog *catalog;      /* configured on the main thread, filled by the worker */
  GFile       *content_dir;  /* or NULL: the copy compiled into the binary */

  /* Written by the worker under @lock, then never again. */
  GMutex       lock;
  GCond        finished_cond;
  gboolean     finished;
  gboolean     loaded;
  GError      *error;

  /* Main thread: the worker's end has been announced. */
  gboolean     done;
};

G_DEFINE_FINAL_TYPE (AllyCourseLoader, ally_course_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Reads under way in this process. A process that ends while a worker parses (GTK calls
 * exit() when it cannot open a display, say) would run libxml2's clean-up under it: an exit
 * handler, which runs before the libraries' own, waits for them. */
static GMutex reading_lock;
static GCond  reading_cond;
static guint  n_reading;

static void
wait_for_readers_at_exit (void)
{
  g_mutex_lock (&reading_lock);
  while (n_reading > 0)
    g_cond_wait (&reading_cond, &reading_lock);
  g_mutex_unlock (&reading_lock);
}

static void
count_reader (int change)
{
  static gsize handler_added;

  if (g_once_init_enter (&handler_added))
    {
      atexit (wait_for_readers_at_exit);
      g_once_init_leave (&handler_added, 1);
    }
  g_mutex_lock (&reading_lock);
  n_reading += change;
  g_cond_broadcast (&reading_cond);
  g_mutex_unlock (&reading_lock);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AllyCourseLoader *self = source_object;
  g_autoptr(GError) error = NULL;
  gboolean loaded;

  if (self->content_dir != NULL)
    loaded = ally_catalog_load_directory (self->catalog, self->content_dir, &error);
  else
    loaded = ally_catalog_load_resource (self->catalog, ALLY_CONTENT_RESOURCE_PATH, &error);

  g_mutex_lock (&self->lock);
  self->loaded = loaded;
  self->error = g_steal_pointer (&error);
  self->finished = TRUE;
  g_cond_broadcast (&self->finished_cond);
  g_mutex_unlock (&self->lock);

  count_reader (-1);
  g_task_return_boolean (task, TRUE);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AllyCourseLoader *self = ALLY_COURSE_LOADER (source);

  self->done = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

/**
 * ally_course_loader_new:
 * @catalog: an empty catalog, its languages already chosen; the loader fills it
 * @content_dir: (nullable): a folder to read the course from, or %NULL for the built-in copy
 *
 * Starts reading the course into @catalog on a worker thread. Until the loader is done,
 * nothing else may touch @catalog.
 */
AllyCourseLoader *
ally_course_loader_new (AllyCatalog *catalog,
                        GFile       *content_dir)
{
  AllyCourseLoader *self = g_object_new (ALLY_TYPE_COURSE_LOADER, NULL);
  g_autoptr(GTask) task = NULL;

  self->catalog = g_object_ref (catalog);
  self->content_dir = content_dir ? g_object_ref (content_dir) : NULL;

  count_reader (+1);
  task = g_task_new (self, NULL, on_loaded, NULL);
  g_task_set_source_tag (task, ally_course_loader_new);
  g_task_run_in_thread (task, load_in_thread);

  return self;
}

/* Whether AllyCourseLoader:done has been notified (main thread). */
gboolean
ally_course_loader_is_done (AllyCourseLoader *self)
{
  g_return_val_if_fail (ALLY_IS_COURSE_LOADER (self), FALSE);

  return self->done;
}

/**
 * ally_course_loader_wait:
 *
 * Waits for the worker, if it is still reading.
 *
 * Returns: (transfer none) (nullable): the loaded catalog, or %NULL with @error set
 */
AllyCatalog *
ally_course_loader_wait (AllyCourseLoader  *self,
                         GError           **error)
{
  gboolean loaded;

  g_return_val_if_fail (ALLY_IS_COURSE_LOADER (self), NULL);

  g_mutex_lock (&self->lock);
  while (!self->finished)
    g_cond_wait (&self->finished_cond, &self->lock);
  loaded = self->loaded;
  if (!loaded)
    g_propagate_error (error, g_error_copy (self->error));
  g_mutex_unlock (&self->lock);

  return loaded ? self->catalog : NULL;
}

static void
ally_course_loader_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AllyCourseLoader *self = ALLY_COURSE_LOADER (object);

  switch (prop_id)
    {
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_course_loader_finalize (GObject *object)
{
  AllyCourseLoader *self = ALLY_COURSE_LOADER (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->content_dir);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->finished_cond);

  G_OBJECT_CLASS (ally_course_loader_parent_class)->finalize (object);
}

static void
ally_course_loader_class_init (AllyCourseLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ally_course_loader_get_property;
  object_class->finalize = ally_course_loader_finalize;

  /**
   * AllyCourseLoader:done:
   *
   * Whether the worker has finished (loading or failing); notified on the main thread.
   */
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ally_course_loader_init (AllyCourseLoader *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->finished_cond);
}
