/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-sync.c: which writes wait for the disk. Where a person is reading is written
 * without an fsync (it is written on the main thread as lessons open); everything a person
 * does is synced before the call returns. SQLite's syncs are counted by standing in for
 * fdatasync() and fsync(), which it calls through the dynamic linker. */
#define _GNU_SOURCE 1

#include <sys/syscall.h>
#include <unistd.h>

#include "ally-journal-private.h"
#include "ally-journal-progress.h"
#include "journal-test-util.h"

static guint n_syncs;

int
fdatasync (int fd)
{
  n_syncs++;
  return syscall (SYS_fdatasync, fd);
}

int
fsync (int fd)
{
  n_syncs++;
  return syscall (SYS_fsync, fd);
}

typedef JtJournal Fixture;

static int
synchronous_setting (AllyJournal *journal)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (ally_journal_get_db (journal), "PRAGMA synchronous",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Counting works: a write a person makes is synced. (Without this, a count of zero below
 * could mean the stand-ins are never called.) */
static void
test_a_completed_lesson_is_synced (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  n_syncs = 0;
  g_assert_true (ally_journal_complete_lesson (f->journal, "what-allyship-is", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_syncs, >, 0);
}

static void
test_reading_place_does_not_wait_for_the_disk (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AllyLessonState state = { 0 };
  g_autofree char *last = NULL;

  n_syncs = 0;
  g_assert_true (ally_journal_read_lesson (f->journal, "common-myths", &error));
  g_assert_no_error (error);
  g_assert_true (ally_journal_set_lesson_position (f->journal, "common-myths", 1200, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_syncs, ==, 0);

  /* Still written: a closed and reopened journal has both. */
  g_clear_object (&f->journal);
  f->journal = ally_journal_open (f->dir, &error);
  g_assert_no_error (error);
  last = ally_journal_get_last_read_lesson (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (last, ==, "common-myths");
  g_assert_true (ally_journal_get_lesson_state (f->journal, "common-myths", &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state.position, ==, 1200);
  ally_lesson_state_clear (&state);
}

/* After a reading place, the next write of a person's is synced again, and syncs the place
 * with it. */
static void
test_writes_after_a_reading_place_are_synced (Fixture       *f,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ally_journal_set_lesson_position (f->journal, "common-myths", 300, &error));
  g_assert_no_error (error);
  g_assert_cmpint (synchronous_setting (f->journal), ==, 2 /* FULL */);

  n_syncs = 0;
  g_assert_true (ally_journal_save_quiz_answer (f->journal, "common-myths", "q-myth-1", "b",
                                                FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_syncs, >, 0);
}

/* A reading place that cannot be written says so, and leaves later writes synced. */
static void
test_a_failed_reading_place_leaves_writes_synced (Fixture       *f,
                                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ally_journal_exec (f->journal, "DROP TABLE lesson_progress", &error));
  g_assert_no_error (error);
  g_assert_false (ally_journal_set_lesson_position (f->journal, "common-myths", 300, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (synchronous_setting (f->journal), ==, 2 /* FULL */);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/journal/sync/a-completed-lesson-is-synced", Fixture, NULL,
              jt_journal_set_up, test_a_completed_lesson_is_synced, jt_journal_tear_down);
  g_test_add ("/journal/sync/reading-place-does-not-wait-for-the-disk", Fixture, NULL,
              jt_journal_set_up, test_reading_place_does_not_wait_for_the_disk, jt_journal_tear_down);
  g_test_add ("/journal/sync/writes-after-a-reading-place-are-synced", Fixture, NULL,
              jt_journal_set_up, test_writes_after_a_reading_place_are_synced, jt_journal_tear_down);
  g_test_add ("/journal/sync/a-failed-reading-place-leaves-writes-synced", Fixture, NULL,
              jt_journal_set_up, test_a_failed_reading_place_leaves_writes_synced, jt_journal_tear_down);

  return g_test_run ();
}
