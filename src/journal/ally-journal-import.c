/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-import.c: an export back in, merged into the journal in one transaction —
 * blocking, or on a worker thread with progress — and what it did, in words. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-journal-exchange-private.h"

/* Progress: reading and outlining the file takes the first part, merging the rest. */
#define MERGE_START 0.1
/* The asynchronous import's page cache, in KiB: a quarter of the file's size, within these
 * bounds (see cache_pragma()). */
#define IMPORT_CACHE_MIN_KIB 2048
#define IMPORT_CACHE_MAX_KIB 262144

/* Where the worker sends progress: @task is the caller's import, done when it completes. */
typedef struct
{
  AllyJournalProgressFunc  func;
  gpointer                 data;
  GMainContext            *context;
  GTask                   *task;
  double                   reported;
} Progress;

/**
 * ally_import_result_describe:
 *
 * Says what an import did, such as “12 added, 3 updated, 140 already here.”
 */
char *
ally_import_result_describe (const AllyImportResult *result)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (result->added + result->updated + result->unchanged + result->removed +
      result->not_restored == 0)
    return g_strdup (_("The file holds nothing to import."));
  if (result->added > 0)
    /* Translators: part of an import's result, such as “12 added, 3 updated, 140 already
       here”; %u is a number of items (entries, commitments, answers…). */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u added", "%u added", result->added),
                                             result->added));
  if (result->updated > 0)
    /* Translators: part of an import's result: items replaced by a newer edit in the file. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u updated", "%u updated",
                                                       result->updated), result->updated));
  if (result->unchanged > 0)
    /* Translators: part of an import's result: items that were the same here, or newer. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u already here", "%u already here",
                                                       result->unchanged), result->unchanged));
  if (result->removed > 0)
    /* Translators: part of an import's result: items deleted in the journal the file comes
       from, and so deleted here too. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u deleted as in the file",
                                                       "%u deleted as in the file",
                                                       result->removed), result->removed));
  if (result->not_restored > 0)
    /* Translators: part of an import's result: items the file holds that were deleted
       here, and that the import did not bring back. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u deleted here was not brought back",
                                                       "%u deleted here were not brought back",
                                                       result->not_restored),
                                             result->not_restored));
  g_ptr_array_add (parts, NULL);
  /* Translators: what separates the parts of an import's result. */
  joined = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: an import's result; %s is its parts, such as “12 added, 3 updated”. */
  return g_strdup_printf (_("%s."), joined);
}

/* Progress is reported to the thread that started the import, at most once a percent. */

typedef struct
{
  AllyJournalProgressFunc  func;
  gpointer                 data;
  GTask                   *task;
  double                   fraction;
} ProgressReport;

static void
progress_report_free (ProgressReport *report)
{
  g_clear_object (&report->task);
  g_free (report);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  ProgressReport *report = user_data;

  if (!g_task_get_completed (report->task))
    report->func (report->fraction, report->data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (Progress *progress,
                 double    fraction)
{
  ProgressReport *report;

  if (progress == NULL || progress->func == NULL || fraction < progress->reported + 0.01)
    return;
  progress->reported = fraction;
  report = g_new0 (ProgressReport, 1);
  report->func = progress->func;
  report->data = progress->data;
  report->task = g_object_ref (progress->task);
  report->fraction = fraction;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, deliver_progress_cb,
                              report, (GDestroyNotify) progress_report_free);
}

static void
on_merge_progress (double   fraction,
                   gpointer user_data)
{
  report_progress (user_data, MERGE_START + (1 - MERGE_START) * fraction);
}

/* Reads @source and merges it through @db — the journal itself (the blocking import) or a
 * second connection to its file on the worker thread — in one transaction, or not at all. */
static gboolean
import_through (AllyJournal       *db,
                GFile             *source,
                AllyImportFlags    flags,
                GCancellable      *cancellable,
                Progress          *progress,
                AllyImportResult  *out_result,
                GError           **error)
{
  g_autoptr (AllyExportReader) reader = ally_export_reader_new (source, cancellable, error);
  g_autoptr (AllyMerge) merge = NULL;

  if (reader == NULL)
    return FALSE;
  report_progress (progress, MERGE_START);
  merge = ally_merge_new (db, flags);
  if (progress != NULL)
    ally_merge_set_progress (merge, on_merge_progress, progress);
  if (!ally_journal_begin (db, error))
    return FALSE;
  if (!ally_merge_run (merge, reader, cancellable, error))
    {
      ally_journal_rollback (db);
      return FALSE;
    }
  if (!ally_journal_commit (db, error))
    return FALSE;
  *out_result = *ally_merge_get_result (merge);
  return TRUE;
}

/* The asynchronous import */

typedef struct
{
  GFile            *source;
  AllyImportFlags   flags;
  Progress          progress;
  AllyImportResult  result;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->source);
  g_clear_pointer (&data->progress.context, g_main_context_unref);
  g_free (data);
}

/* Reads, checks and writes, all on the worker thread, through a connection of its own:
 * the journal's thread goes on reading (WAL) meanwhile. Of @source_object only the file's
 * location is read here. */
/* A transaction larger than the page cache (2 MiB) writes its pages out again and again
 * before it commits: with room for them, 1,000,000 entries wrote in a fraction of the time.
 * But the file's text is held while it is merged, and the cache grows as far as it is used:
 * at 256 MiB, merging 100,000 entries (a 32 MB file) into as many peaked at 106 MB, at a
 * quarter of the file's size 56 MB, in the same processor time. */
static char *
cache_pragma (GFile *source)
{
  g_autoptr (GFileInfo) info = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);
  goffset kib = info ? g_file_info_get_size (info) / 1024 / 4 : 0;

  return g_strdup_printf ("PRAGMA cache_size = -%" G_GOFFSET_FORMAT,
                          CLAMP (kib, IMPORT_CACHE_MIN_KIB, IMPORT_CACHE_MAX_KIB));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr (AllyJournal) second = NULL;
  GError *error = NULL;

  g_autofree char *cache = cache_pragma (data->source);

  second = ally_journal_open_second_connection (ALLY_JOURNAL (source_object), &error);
  /* The cache goes with the connection. */
  if (second != NULL && !ally_journal_exec (second, cache, &error))
    g_clear_object (&second);
  if (second == NULL ||
      !import_through (second, data->source, data->flags, cancellable, &data->progress,
                       &data->result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Back on the journal's thread: the import is written, or failed and changed nothing. */
static void
on_import_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  AllyJournal *self = ALLY_JOURNAL (object);
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  ally_journal_release_from_import (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT))
        ally_journal_mark_damaged (self);
      g_task_return_error (task, error);
      return;
    }
  ally_journal_emit_reset (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * ally_journal_import_json_async:
 * @progress: (nullable): called on the calling thread as the file is checked and written,
 *   with the fraction done; @progress_data must stay valid until @callback runs
 *
 * Like ally_journal_import_json(), but reads, checks and writes on a worker thread, through
 * a second connection to the journal's file. Until @callback runs, a write through @self
 * waits only briefly for the import (ALLY_JOURNAL_IMPORT_WAIT_MS), then fails, saying why.
 * Once the import began writing, cancelling does not stop it: it ends as a whole.
 */
void
ally_journal_import_json_async (AllyJournal             *self,
                                GFile                   *source,
                                AllyImportFlags          flags,
                                GCancellable            *cancellable,
                                AllyJournalProgressFunc  progress,
                                gpointer                 progress_data,
                                GAsyncReadyCallback      callback,
                                gpointer                 user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) work = NULL;
  ImportData *data;

  g_return_if_fail (ALLY_IS_JOURNAL (self));
  g_return_if_fail (G_IS_FILE (source));

  data = g_new0 (ImportData, 1);
  data->source = g_object_ref (source);
  data->flags = flags;
  data->progress.func = progress;
  data->progress.data = progress_data;
  data->progress.context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ally_journal_import_json_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  /* A written import is reported as written, even if cancelled after. */
  g_task_set_check_cancellable (task, FALSE);
  data->progress.task = task;

  ally_journal_hold_for_import (self);
  work = g_task_new (self, cancellable, on_import_written_cb, g_object_ref (task));
  g_task_set_source_tag (work, import_thread);
  g_task_set_task_data (work, data, NULL);
  g_task_set_check_cancellable (work, FALSE);
  g_task_run_in_thread (work, import_thread);
}

/**
 * ally_journal_import_json_finish:
 * @out_result: (out) (optional): what the import did
 */
gboolean
ally_journal_import_json_finish (AllyJournal       *self,
                                 GAsyncResult      *result,
                                 AllyImportResult  *out_result,
                                 GError           **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (out_result)
    *out_result = data->result;
  return TRUE;
}

/**
 * ally_journal_import_json:
 * @out_result: (out) (optional): what the import did
 *
 * Reads an export (docs/journal-format.md, version 1 or 2) and merges it into the journal
 * in one transaction — or, on any problem anywhere in the file, changes nothing. Blocks:
 * the app uses ally_journal_import_json_async().
 */
gboolean
ally_journal_import_json (AllyJournal       *self,
                          GFile             *source,
                          AllyImportFlags    flags,
                          AllyImportResult  *out_result,
                          GError           **error)
{
  AllyImportResult result = { 0 };

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);

  if (!import_through (self, source, flags, NULL, NULL, &result, error))
    return FALSE;
  ally_journal_emit_reset (self);
  if (out_result)
    *out_result = result;
  return TRUE;
}
