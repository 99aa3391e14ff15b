/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-export.c: the journal out to a JSON export, version 2 — every entry and
 * everything else the person made or earned, and what was deleted (docs/journal-format.md).
 * Written item by item to the file, so that a large journal is never held whole. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-entry-private.h"
#include "ally-journal-exchange-private.h"

/* Written out when this much is buffered. */
#define FLUSH_BYTES (64 * 1024)

typedef struct
{
  GOutputStream *out;
  GString       *buffer;
  guint          n_items; /* in the current list */
} Writer;

/**
 * ally_journal_foreach_entry:
 *
 * Calls @func for every entry, oldest first; stops at the first FALSE.
 */
gboolean
ally_journal_foreach_entry (AllyJournal    *self,
                            AllyEntryFunc   func,
                            gpointer        user_data,
                            GError        **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "SELECT " ALLY_ENTRY_COLUMNS " FROM entries e ORDER BY e.created, e.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* A locked journal's entries do not open: nothing is exported. */
      g_autoptr (AllyEntry) entry = ally_journal_entry_from_row (self, stmt, error);
      if (entry == NULL || !func (entry, user_data, error))
        return FALSE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  ally_journal_set_error (self, error, rc, _("The journal could not be read"));
  return FALSE;
}

static gboolean
writer_flush (Writer   *writer,
              gboolean  all,
              GError  **error)
{
  if (writer->buffer->len == 0 || (!all && writer->buffer->len < FLUSH_BYTES))
    return TRUE;
  if (!g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                                  NULL, NULL, error))
    return FALSE;
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

static void
writer_begin_list (Writer     *writer,
                   const char *name)
{
  g_string_append_printf (writer->buffer, ",\n  \"%s\": [", name);
  writer->n_items = 0;
}

static void
writer_end_list (Writer *writer)
{
  g_string_append (writer->buffer, writer->n_items > 0 ? "\n  ]" : "]");
}

/* One item a line: the file stays readable, and diffs of two exports line up. */
static gboolean
writer_add_item (Writer      *writer,
                 JsonObject  *object,
                 GError     **error)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);

  g_string_append (writer->buffer, writer->n_items++ > 0 ? ",\n    " : "\n    ");
  g_string_append (writer->buffer, text);
  return writer_flush (writer, FALSE, error);
}

static void
set_time (JsonObject *object,
          const char *name,
          GDateTime  *time)
{
  g_autofree char *text = time ? g_date_time_format_iso8601 (time) : NULL;

  json_object_set_string_member (object, name, text);
}

static void
set_time_usec (JsonObject *object,
               const char *name,
               gint64      usec)
{
  g_autoptr (GDateTime) time = ally_date_time_from_usec (usec);

  set_time (object, name, time);
}

/* Entries */

static gboolean
add_entry (AllyEntry  *entry,
           gpointer    user_data,
           GError    **error)
{
  Writer *writer = user_data;
  g_autoptr (JsonObject) object = json_object_new ();
  g_autoptr (JsonArray) tags = json_array_new ();
  const char * const *tag = ally_entry_get_tags (entry);

  for (guint i = 0; tag[i]; i++)
    json_array_add_string_element (tags, tag[i]);
  json_object_set_string_member (object, "uid", ally_entry_get_uid (entry));
  set_time (object, "created", ally_entry_get_created (entry));
  set_time (object, "updated", ally_entry_get_updated (entry));
  json_object_set_string_member (object, "title", ally_entry_get_title (entry));
  json_object_set_string_member (object, "body", ally_entry_get_body (entry));
  json_object_set_string_member (object, "lesson_id", ally_entry_get_lesson_id (entry));
  json_object_set_string_member (object, "prompt_id", ally_entry_get_prompt_id (entry));
  json_object_set_array_member (object, "tags", g_steal_pointer (&tags));
  return writer_add_item (writer, object, error);
}

/* Every other kind, from its table (ally-journal-items.c) */

static char *
select_sql (const AllyItemKind *kind)
{
  g_autoptr (GString) sql = g_string_new ("SELECT ");

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const AllyItemField *field = &kind->fields[i];

      g_string_append (sql, i > 0 ? ", " : "");
      if (field->type == ALLY_FIELD_ENTRY_REF)
        g_string_append_printf (sql, "(SELECT uid FROM entries WHERE id = t.%s)", field->column);
      else
        g_string_append_printf (sql, "t.%s", field->column);
    }
  /* Last, the row's id, for the values sealed by it. */
  g_string_append_printf (sql, ", t.rowid FROM %s t ORDER BY %s", kind->table, kind->order_by);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* A sealed value's row: its id (commitments), or its key (the first column). */
static char *
sealed_row (const AllyItemKind *kind,
            sqlite3_stmt       *stmt)
{
  if (kind->sealed_by_id)
    return g_strdup_printf ("%" G_GINT64_FORMAT,
                            (gint64) sqlite3_column_int64 (stmt, kind->n_fields));
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
set_field (AllyJournal          *self,
           const AllyItemKind   *kind,
           JsonObject           *object,
           const AllyItemField  *field,
           sqlite3_stmt         *stmt,
           int                   column,
           GError              **error)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      json_object_set_null_member (object, field->name);
      return TRUE;
    }
  if (field->sealed)
    {
      g_autofree char *row = sealed_row (kind, stmt);
      /* A locked journal's text does not open: nothing is exported. */
      g_autofree char *text = ally_journal_column_text (self, stmt, column, kind->table,
                                                        field->column, row, error);

      if (text == NULL)
        return FALSE;
      json_object_set_string_member (object, field->name, text);
      return TRUE;
    }
  switch (field->type)
    {
    case ALLY_FIELD_TEXT:
    case ALLY_FIELD_ENTRY_REF:
      json_object_set_string_member (object, field->name,
                                     (const char *) sqlite3_column_text (stmt, column));
      break;
    case ALLY_FIELD_INT:
      json_object_set_int_member (object, field->name, sqlite3_column_int64 (stmt, column));
      break;
    case ALLY_FIELD_REAL:
      json_object_set_double_member (object, field->name, sqlite3_column_double (stmt, column));
      break;
    case ALLY_FIELD_BOOL:
      json_object_set_boolean_member (object, field->name, sqlite3_column_int (stmt, column));
      break;
    case ALLY_FIELD_TIME:
      set_time_usec (object, field->name, sqlite3_column_int64 (stmt, column));
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
add_kind (AllyJournal         *self,
          Writer              *writer,
          const AllyItemKind  *kind,
          GError             **error)
{
  g_autofree char *sql = select_sql (kind);
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  writer_begin_list (writer, kind->list);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (JsonObject) object = json_object_new ();

      for (guint i = 0; i < kind->n_fields; i++)
        if (!set_field (self, kind, object, &kind->fields[i], stmt, i, error))
          return FALSE;
      if (!writer_add_item (writer, object, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ally_journal_set_error (self, error, rc, _("The journal could not be read"));
      return FALSE;
    }
  writer_end_list (writer);
  return TRUE;
}

static gboolean
add_tombstones (AllyJournal  *self,
                Writer       *writer,
                GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "SELECT kind, uid, deleted FROM tombstones ORDER BY kind, uid", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  writer_begin_list (writer, "deleted");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (JsonObject) object = json_object_new ();

      json_object_set_string_member (object, "kind", (const char *) sqlite3_column_text (stmt, 0));
      json_object_set_string_member (object, "uid", (const char *) sqlite3_column_text (stmt, 1));
      set_time_usec (object, "deleted", sqlite3_column_int64 (stmt, 2));
      if (!writer_add_item (writer, object, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      ally_journal_set_error (self, error, rc, _("The journal could not be read"));
      return FALSE;
    }
  writer_end_list (writer);
  return TRUE;
}

static gboolean
write_export (AllyJournal  *self,
              Writer       *writer,
              GError      **error)
{
  guint n_kinds;
  const AllyItemKind *kinds = ally_item_kinds (&n_kinds);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported = g_date_time_format_iso8601 (now);

  g_string_append_printf (writer->buffer, "{\n  \"format\": \"%s\",\n  \"version\": %d,\n"
                          "  \"exported\": \"%s\"", ALLY_EXPORT_FORMAT, ALLY_EXPORT_VERSION,
                          exported);
  writer_begin_list (writer, "entries");
  if (!ally_journal_foreach_entry (self, add_entry, writer, error))
    return FALSE;
  writer_end_list (writer);
  for (guint i = 0; i < n_kinds; i++)
    if (!add_kind (self, writer, &kinds[i], error))
      return FALSE;
  if (!add_tombstones (self, writer, error))
    return FALSE;
  g_string_append (writer->buffer, "\n}\n");
  return writer_flush (writer, TRUE, error);
}

/**
 * ally_journal_export_json:
 *
 * Writes everything the journal holds to @target as an export (version 2). The file is
 * replaced only once it is whole; it is readable by its owner only.
 */
gboolean
ally_journal_export_json (AllyJournal  *self,
                          GFile        *target,
                          GError      **error)
{
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GString) buffer = g_string_sized_new (FLUSH_BYTES * 2);
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  Writer writer = { NULL, buffer, 0 };

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);

  out = g_file_replace (target, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        NULL, error);
  if (out != NULL)
    {
      writer.out = G_OUTPUT_STREAM (out);
      g_cancellable_cancel (cancelled);
      /* A read in one statement sees one state of the journal, even while it changes. */
      if (ally_journal_exec (self, "SAVEPOINT export", error))
        {
          gboolean written = write_export (self, &writer, error);

          ally_journal_exec (self, "RELEASE export", NULL);
          /* Closed normally after a failure, the stream would put the half-written file in
           * place: closed cancelled, it removes it and leaves the target as it was. */
          if (written && g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
            return TRUE;
          g_output_stream_close (G_OUTPUT_STREAM (out), cancelled, NULL);
        }
    }
  g_prefix_error (error, _("The export could not be written: "));
  return FALSE;
}
