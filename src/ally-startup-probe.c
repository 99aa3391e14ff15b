/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-startup-probe.c: what tests/bench-startup.c measures, reported from inside the app.
 *
 * ALLY_STARTUP_PROBE selects what is reported on standard output, then the app quits:
 *  - "1" (or any other value): MAPPED after the window's first painted frame;
 *  - "content": CONTENT after the first painted frame that shows the lesson a person will
 *    read (the course loaded, the journal opened or failed, the lesson laid out) and
 *    CONTENT_CPU <ms>, the main thread's processor time until then; then, still
 *    running, STALL <ms>: the longest time the main loop went without running during the
 *    first 3 seconds after spawn (measured by a 1 ms timer), and AREA <name> <ms> <cpu ms>
 *    for each other area: from asking for it to the end of the frame that painted it, and
 *    the main thread's processor time meanwhile (the work, without waiting for a frame); then LESSON
 *    <first ms> <whole ms> <stall ms>: opening the course's longest lesson from the Learn
 *    area, until the frame that paints its first screenful, until the frame that paints its
 *    whole page, and the longest the main loop went without running meanwhile;
 *  - "content-only": CONTENT and CONTENT_CPU, then quits (for profiling the start alone). */
#define _GNU_SOURCE 1  /* RUSAGE_THREAD */
#include "config.h"

#include <sys/resource.h>

#include "ally-startup-probe.h"
#include "ally-window.h"
#include "ally-lesson-view.h"

#define STALL_WINDOW_US (3 * G_USEC_PER_SEC)

typedef struct
{
  GApplication *app;
  AllyWindow   *window;
  gint64        spawn_us;      /* process start, approximately: when the probe was set up */
  gint64        last_tick_us;
  gint64        longest_stall_us;
  guint         tick_id;
  const char  **areas;         /* still to show */
  gint64        area_asked_us;
  double        area_asked_cpu_ms;
  gboolean      content_seen;
  gint64        lesson_asked_us;
  gint64        lesson_first_us;
  gint64        lesson_stall_us;
  gint64        lesson_tick_us;
  guint         lesson_tick_id;
} Probe;

/* The lesson a switch is timed on: the course's longest. */
#define LONGEST_LESSON "staying-with-it"

static const char *other_areas[] = { "glossary", "journal", "practice", NULL };

static void show_next_area (Probe *probe);
static void open_longest_lesson (Probe *probe);

static gboolean
on_tick (gpointer data)
{
  Probe *probe = data;
  gint64 now = g_get_monotonic_time ();

  probe->longest_stall_us = MAX (probe->longest_stall_us, now - probe->last_tick_us);
  probe->last_tick_us = now;
  if (now - probe->spawn_us < STALL_WINDOW_US)
    return G_SOURCE_CONTINUE;

  probe->tick_id = 0;
  g_print ("STALL %.1f\n", probe->longest_stall_us / 1000.0);
  show_next_area (probe);
  return G_SOURCE_REMOVE;
}

/* Processor time the main thread has used: what the machine's other load does not change. */
static double
main_thread_cpu_ms (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_THREAD, &usage) != 0)
    return -1;
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static GtkWidget *
find_lesson_view (GtkWidget *widget)
{
  if (ALLY_IS_LESSON_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_lesson_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The lesson a person will read is on screen: the course and journal known, the lesson laid
 * out, and the page at the place it was left (its first screenful: the rest of a long page is
 * shown over the next frames, below what can be seen). */
static gboolean
shows_content (AllyWindow *window)
{
  AllyLearnView *learn = ally_window_get_learn_view (window);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  gboolean journal_known = ALLY_IS_APPLICATION (app) &&
                           (ally_application_get_journal (ALLY_APPLICATION (app)) != NULL ||
                            ally_application_get_journal_error (ALLY_APPLICATION (app)) != NULL);

  GtkWidget *lesson_view = learn ? find_lesson_view (GTK_WIDGET (learn)) : NULL;
  /* A returning learner's overview, or a new learner's first lesson laid out. */
  gboolean overview_shown = learn != NULL &&
                            g_strcmp0 (ally_learn_view_get_visible_page (learn), "overview") == 0;
  gboolean lesson_shown = learn != NULL && ally_learn_view_get_lesson (learn) != NULL &&
                          lesson_view != NULL &&
                          ally_lesson_view_is_settled (ALLY_LESSON_VIEW (lesson_view));

  return learn != NULL && journal_known && (overview_shown || lesson_shown) &&
         gtk_widget_get_mapped (GTK_WIDGET (learn)) &&
         gtk_widget_get_height (GTK_WIDGET (learn)) > 0;
}

static void
on_area_painted (GdkFrameClock *clock,
                 Probe         *probe)
{
  const char *area = *probe->areas;
  GtkWidget *view = NULL;

  if (g_str_equal (area, "glossary"))
    view = GTK_WIDGET (ally_window_get_glossary_view (probe->window));
  else if (g_str_equal (area, "journal"))
    view = GTK_WIDGET (ally_window_get_journal_view (probe->window));
  else
    view = GTK_WIDGET (ally_window_get_practice_view (probe->window));
  if (view == NULL || !gtk_widget_get_mapped (view))
    return;

  g_signal_handlers_disconnect_by_func (clock, on_area_painted, probe);
  g_print ("AREA %s %.1f %.1f\n", area, (g_get_monotonic_time () - probe->area_asked_us) / 1000.0,
           main_thread_cpu_ms () - probe->area_asked_cpu_ms);
  probe->areas++;
  show_next_area (probe);
}

static gboolean
on_lesson_tick (gpointer data)
{
  Probe *probe = data;
  gint64 now = g_get_monotonic_time ();

  probe->lesson_stall_us = MAX (probe->lesson_stall_us, now - probe->lesson_tick_us);
  probe->lesson_tick_us = now;
  return G_SOURCE_CONTINUE;
}

static void
on_lesson_painted (GdkFrameClock *clock,
                   Probe         *probe)
{
  GtkWidget *lesson_view = find_lesson_view (GTK_WIDGET (ally_window_get_learn_view (probe->window)));
  AllyLesson *lesson = lesson_view ? ally_lesson_view_get_lesson (ALLY_LESSON_VIEW (lesson_view)) : NULL;

  if (lesson == NULL || g_strcmp0 (ally_lesson_get_id (lesson), LONGEST_LESSON) != 0 ||
      !gtk_widget_get_mapped (lesson_view) ||
      !ally_lesson_view_is_settled (ALLY_LESSON_VIEW (lesson_view)))
    return;
  if (probe->lesson_first_us == 0)
    probe->lesson_first_us = g_get_monotonic_time ();
  if (!ally_lesson_view_is_page_shown (ALLY_LESSON_VIEW (lesson_view)))
    return;

  g_signal_handlers_disconnect_by_func (clock, on_lesson_painted, probe);
  g_clear_handle_id (&probe->lesson_tick_id, g_source_remove);
  g_print ("LESSON %.1f %.1f %.1f\n", (probe->lesson_first_us - probe->lesson_asked_us) / 1000.0,
           (g_get_monotonic_time () - probe->lesson_asked_us) / 1000.0,
           probe->lesson_stall_us / 1000.0);
  g_application_quit (probe->app);
}

/* Back in Learn, opens the longest lesson, as choosing it in the list would. */
static void
open_longest_lesson (Probe *probe)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (probe->window));

  ally_window_set_visible_area (probe->window, "learn");
  probe->lesson_asked_us = probe->lesson_tick_us = g_get_monotonic_time ();
  probe->lesson_tick_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_lesson_tick, probe, NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_lesson_painted), probe);
  if (!ally_learn_view_open_lesson (ally_window_get_learn_view (probe->window), LONGEST_LESSON))
    {
      g_printerr ("No lesson %s\n", LONGEST_LESSON);
      g_application_quit (probe->app);
    }
}

static void
show_next_area (Probe *probe)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (probe->window));

  /* The areas are asked for once the content is on screen and the stall window is over. */
  if (!probe->content_seen || probe->tick_id != 0)
    return;
  if (*probe->areas == NULL)
    {
      open_longest_lesson (probe);
      return;
    }
  probe->area_asked_us = g_get_monotonic_time ();
  probe->area_asked_cpu_ms = main_thread_cpu_ms ();
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_area_painted), probe);
  ally_window_set_visible_area (probe->window, *probe->areas);
}

static void
on_content_frame (GdkFrameClock *clock,
                  Probe         *probe)
{
  if (!shows_content (probe->window))
    return;

  g_signal_handlers_disconnect_by_func (clock, on_content_frame, probe);
  g_print ("CONTENT\n");
  g_print ("CONTENT_CPU %.1f\n", main_thread_cpu_ms ());
  probe->content_seen = TRUE;
  if (g_strcmp0 (g_getenv ("ALLY_STARTUP_PROBE"), "content-only") == 0)
    {
      g_application_quit (probe->app);
      return;
    }
  show_next_area (probe);
}

/* A journal that opens without changing what is on screen paints no frame: ask for one, so
 * the frame after it can say the content is there. */
static void
on_journal_known (GObject    *app,
                  GParamSpec *pspec,
                  Probe      *probe)
{
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
}

static void
on_first_frame (GdkFrameClock *clock,
                Probe         *probe)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, probe);
  g_print ("MAPPED\n");
  g_application_quit (probe->app);
}

static void
on_window_mapped (GtkWidget *window,
                  Probe     *probe)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (g_str_has_prefix (g_getenv ("ALLY_STARTUP_PROBE"), "content"))
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_content_frame), probe);
  else
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame), probe);
}

void
ally_startup_probe_attach (GApplication *app,
                           AllyWindow   *window)
{
  Probe *probe;

  if (g_getenv ("ALLY_STARTUP_PROBE") == NULL)
    return;

  probe = g_new0 (Probe, 1);
  probe->app = app;
  probe->window = window;
  probe->spawn_us = probe->last_tick_us = g_get_monotonic_time ();
  probe->areas = other_areas;
  g_object_set_data_full (G_OBJECT (window), "ally-startup-probe", probe, g_free);
  if (g_str_has_prefix (g_getenv ("ALLY_STARTUP_PROBE"), "content"))
    {
      probe->tick_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_tick, probe, NULL);
      g_signal_connect (app, "notify::journal", G_CALLBACK (on_journal_known), probe);
    }
  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), probe);
}
