/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-course-loader.c: the course read on a worker thread: it arrives whole, a failure says
 * why, asking for the course while it is being read waits for that read, and a process that
 * exits meanwhile ends cleanly. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "ally-course-loader.h"

static gboolean
loader_is_done (AllyCourseLoader *loader)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!ally_course_loader_is_done (loader) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  return ally_course_loader_is_done (loader);
}

static void
test_reads_the_course (void)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(AllyCourseLoader) loader = ally_course_loader_new (catalog, NULL);
  g_autoptr(GError) error = NULL;

  /* Done is only said on the main thread, from its loop. */
  g_assert_false (ally_course_loader_is_done (loader));
  g_assert_true (loader_is_done (loader));
  g_assert_true (ally_course_loader_wait (loader, &error) == catalog);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ally_catalog_get_lessons (catalog)), ==, 15);
  g_assert_nonnull (ally_catalog_lookup_lesson (catalog, "what-allyship-is"));
}

static void
test_wait_before_done (void)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(AllyCourseLoader) loader = ally_course_loader_new (catalog, NULL);
  g_autoptr(GError) error = NULL;

  /* Without running the main loop: waiting blocks until the worker has read the course. */
  g_assert_true (ally_course_loader_wait (loader, &error) == catalog);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ally_catalog_get_lessons (catalog)), ==, 15);
}

static void
test_failure_says_why (void)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autofree char *tmp = g_dir_make_tmp ("course-loader-XXXXXX", NULL);
  g_autoptr(GFile) empty = g_file_new_for_path (tmp);
  g_autoptr(AllyCourseLoader) loader = ally_course_loader_new (catalog, empty);
  g_autoptr(GError) error = NULL;

  g_assert_true (loader_is_done (loader));
  g_assert_null (ally_course_loader_wait (loader, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_rmdir (tmp);
}

/* A process that calls exit() while the course is being read (GTK does, when it cannot open
 * a display) ends with its own status: libxml2's clean-up does not run under the worker. The
 * crash this guards against is a race, so the child is run many times (without the exit
 * handler, 4 runs in 20 of the app crashed). */
static void
test_exit_while_reading (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
      AllyCourseLoader *loader = ally_course_loader_new (catalog, NULL);

      (void) loader;
      g_usleep (g_random_int_range (0, 5000));
      exit (0);
    }

  /* Passed: the child exited with status 0; a crash (a signal) is a failure. */
  for (guint i = 0; i < 40; i++)
    {
      g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/course-loader/reads-the-course", test_reads_the_course);
  g_test_add_func ("/course-loader/wait-before-done", test_wait_before_done);
  g_test_add_func ("/course-loader/failure-says-why", test_failure_says_why);
  g_test_add_func ("/course-loader/exit-while-reading", test_exit_while_reading);

  return g_test_run ();
}
