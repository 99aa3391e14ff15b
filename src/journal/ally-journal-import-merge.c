/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-import-merge.c: merges an export's items into the journal.
 *
 * Every item has a uid (entries, commitments) or the course's own ids (lessons, quizzes,
 * review cards, power map axes), the same on every computer, and an edit time: an item new
 * here is added, one edited later in the file replaces the copy here, any other is left
 * alone. A deletion (the "deleted" list) removes the copy here if it was not edited since;
 * and an item deleted here after its last edit in the file is not brought back unless the
 * person asks (ALLY_IMPORT_RESTORE_DELETED). Merging A into B and B into A so gives both
 * the same data. The caller runs all of it in one transaction: any invalid item anywhere
 * leaves the journal as it was. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-entry-private.h"
#include "ally-journal-exchange-private.h"

struct _AllyMerge
{
  AllyJournal          *db;
  AllyImportFlags       flags;
  AllyImportResult      result;
  AllyExportReader     *reader;
  GCancellable         *cancellable;
  void                (*progress) (double fraction, gpointer data);
  gpointer              progress_data;
  guint                 n_read;

  /* The items of the list being merged, by key → their index + 1, to find one twice. */
  GHashTable           *seen;
  const AllyItemKind   *kind;
  char                 *lookup_sql;
  char                 *upsert_sql;

  /* The entries added: their row ids, to index them at once (see merge_entries()). */
  char                 *insert_trigger;
  gboolean              trigger_dropped;
  gint64                first_new;
  gint64                last_new;
  guint                 n_new;
};

AllyMerge *
ally_merge_new (AllyJournal     *db,
                AllyImportFlags  flags)
{
  AllyMerge *self = g_new0 (AllyMerge, 1);

  self->db = g_object_ref (db);
  self->flags = flags;
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
ally_merge_free (AllyMerge *self)
{
  g_clear_object (&self->db);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->lookup_sql, g_free);
  g_clear_pointer (&self->upsert_sql, g_free);
  g_clear_pointer (&self->insert_trigger, g_free);
  g_free (self);
}

void
ally_merge_set_progress (AllyMerge  *self,
                         void      (*func) (double fraction, gpointer data),
                         gpointer    data)
{
  self->progress = func;
  self->progress_data = data;
}

const AllyImportResult *
ally_merge_get_result (AllyMerge *self)
{
  return &self->result;
}

/* After each item: now and then, progress and cancellation. */
static gboolean
tick (AllyMerge  *self,
      GError    **error)
{
  if (++self->n_read % 1024 != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (self->progress != NULL)
    self->progress (ally_export_reader_get_fraction (self->reader), self->progress_data);
  return TRUE;
}

/* Says so if an earlier item of the list being merged has the same @key. */
static gboolean
check_unique (AllyMerge   *self,
              const char  *list,
              guint        index,
              const char  *name,
              const char  *key,
              GError     **error)
{
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (self->seen, key));
  g_autofree char *item = NULL;
  g_autofree char *earlier = NULL;

  if (first == 0)
    {
      g_hash_table_insert (self->seen, g_strdup (key), GUINT_TO_POINTER (index + 1));
      return TRUE;
    }
  item = ally_item_describe (list, index);
  earlier = ally_item_describe (list, first - 1);
  return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_DUPLICATE,
                            /* Translators: the first and last %s name items, such as
                               “entry 7” and “entry 2”; the second is the name of a field
                               in the file (not translated). */
                            _("%s has the same “%s” as %s. Remove one of them, then import "
                              "the file again."), item, name, earlier);
}

/* Runs @stmt, with its parameters bound, for at most one row: its first two columns. */
static gboolean
find_row (AllyMerge     *self,
          sqlite3_stmt  *stmt,
          gboolean      *found,
          gint64        *out_first,
          gint64        *out_second,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      *out_first = sqlite3_column_int64 (stmt, 0);
      if (out_second != NULL)
        *out_second = sqlite3_column_int64 (stmt, 1);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  ally_journal_set_error (self->db, error, rc, _("The journal could not be read"));
  return FALSE;
}

/* Whether an item not here, edited at @updated in the file, may be added: not if it was
 * deleted here since, unless the person asked for what was deleted back. */
static gboolean
may_add (AllyMerge   *self,
         const char  *tombstone,
         const char  *uid,
         gint64       updated,
         gboolean    *out_may,
         GError     **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self->db,
    "SELECT deleted FROM tombstones WHERE kind = ? AND uid = ?", error);
  gboolean found;
  gint64 deleted = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tombstone, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  if (!find_row (self, stmt, &found, &deleted, NULL, error))
    return FALSE;
  *out_may = !found || deleted < updated || (self->flags & ALLY_IMPORT_RESTORE_DELETED);
  if (!*out_may)
    self->result.not_restored++;
  return TRUE;
}

/* Deletions */

static gboolean
record_tombstone (AllyMerge   *self,
                  const char  *tombstone,
                  const char  *uid,
                  gint64       deleted,
                  GError     **error)
{
  /* The later of two deletions is kept, so that both journals keep the same one. */
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self->db,
    "INSERT INTO tombstones (kind, uid, deleted) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (kind, uid) DO UPDATE SET deleted = excluded.deleted"
    " WHERE excluded.deleted > tombstones.deleted", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tombstone, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, deleted);
  return ally_journal_step_done (self->db, stmt, error);
}

/* Deletes row @id of @table, with the deletion time the file gives (not now, which the
 * delete trigger writes), so that both journals keep the same tombstone. */
static gboolean
delete_row (AllyMerge   *self,
            const char  *table,
            const char  *tombstone,
            gint64       id,
            const char  *uid,
            gint64       deleted,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self->db, sql, error);
  g_autoptr (AllyStmt) mark = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ally_journal_step_done (self->db, stmt, error))
    return FALSE;
  /* While the lock is on, the search index is the lock's, kept by code, not triggers. */
  if (g_str_equal (table, "entries") && !ally_journal_unindex_entry (self->db, id, error))
    return FALSE;
  mark = ally_journal_prepare (self->db,
    "INSERT OR REPLACE INTO tombstones (kind, uid, deleted) VALUES (?1, ?2, ?3)", error);
  if (mark == NULL)
    return FALSE;
  sqlite3_bind_text (mark, 1, tombstone, -1, SQLITE_STATIC);
  sqlite3_bind_text (mark, 2, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (mark, 3, deleted);
  self->result.removed++;
  return ally_journal_step_done (self->db, mark, error);
}

static gboolean
merge_deletion (JsonObject  *item,
                guint        index,
                gpointer     user_data,
                GError     **error)
{
  AllyMerge *self = user_data;
  g_autoptr (GDateTime) time = NULL;
  g_autoptr (AllyStmt) stmt = NULL;
  g_autofree char *key = NULL;
  const char *kind, *uid, *table;
  gboolean found;
  gint64 id = 0, updated = 0, deleted;

  if (!ally_item_get_key (item, "deleted", index, "kind", &kind, error) ||
      !ally_item_get_key (item, "deleted", index, "uid", &uid, error) ||
      !ally_item_get_time (item, "deleted", index, "deleted", FALSE, &time, error))
    return FALSE;
  if (g_str_equal (kind, "entry"))
    table = "entries";
  else if (g_str_equal (kind, "commitment"))
    table = "commitments";
  else
    {
      g_autofree char *what = ally_item_describe ("deleted", index);
      return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                                /* Translators: %s names an item, such as “deletion 3”;
                                   “kind”, “entry” and “commitment” are as written in the
                                   file (not translated). */
                                _("the “kind” of %s is neither “entry” nor “commitment”."),
                                what);
    }
  key = g_strconcat (kind, "\x1f", uid, NULL);
  if (!check_unique (self, "deleted", index, "uid", key, error))
    return FALSE;
  deleted = ally_usec_from_date_time (time);
  stmt = ally_journal_prepare (self->db, g_str_equal (table, "entries")
                               ? "SELECT id, updated FROM entries WHERE uid = ?"
                               : "SELECT id, updated FROM commitments WHERE uid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if (!find_row (self, stmt, &found, &id, &updated, error))
    return FALSE;
  /* Edited here after it was deleted there: kept, and the other journal gets it back. */
  if (found && updated > deleted)
    return tick (self, error);
  if (found && !delete_row (self, table, kind, id, uid, deleted, error))
    return FALSE;
  if (!found && !record_tombstone (self, kind, uid, deleted, error))
    return FALSE;
  return tick (self, error);
}

/* Entries: through the journal's own row functions, which keep tags and search in step. */

static AllyEntry *
read_entry (JsonObject  *item,
            guint        index,
            GError     **error)
{
  g_autoptr (AllyEntry) entry = ally_entry_new ();
  g_autoptr (GDateTime) created = NULL;
  g_autoptr (GDateTime) updated = NULL;
  g_auto (GStrv) tags = NULL;
  const char *uid, *title, *body, *lesson, *prompt;

  if (!ally_item_get_key (item, "entries", index, "uid", &uid, error) ||
      !ally_item_get_time (item, "entries", index, "created", FALSE, &created, error) ||
      !ally_item_get_time (item, "entries", index, "updated", FALSE, &updated, error) ||
      !ally_item_get_text (item, "entries", index, "title", FALSE, &title, error) ||
      !ally_item_get_text (item, "entries", index, "body", FALSE, &body, error) ||
      !ally_item_get_text (item, "entries", index, "lesson_id", TRUE, &lesson, error) ||
      !ally_item_get_text (item, "entries", index, "prompt_id", TRUE, &prompt, error) ||
      !ally_item_get_tags (item, "entries", index, &tags, error))
    return NULL;
  ally_entry_set_uid (entry, uid);
  ally_entry_set_created (entry, created);
  ally_entry_set_updated (entry, updated);
  ally_entry_set_title (entry, title);
  ally_entry_set_body (entry, body);
  ally_entry_set_lesson_id (entry, lesson);
  ally_entry_set_prompt_id (entry, prompt);
  ally_entry_set_tags (entry, (const char * const *) tags);
  return g_steal_pointer (&entry);
}

static gboolean
add_entry (AllyMerge  *self,
           AllyEntry  *entry,
           GError    **error)
{
  gint64 id = 0;

  /* Dropped at the first new entry only: an import that adds none changes no schema, and
   * so, when it changes nothing else, leaves the file as it was. */
  if (self->insert_trigger != NULL && !self->trigger_dropped)
    {
      if (!ally_journal_exec (self->db, "DROP TRIGGER entries_ai", error))
        return FALSE;
      self->trigger_dropped = TRUE;
    }
  if (!ally_journal_insert_entry_row (self->db, entry, &id, error))
    return FALSE;
  self->first_new = self->n_new == 0 ? id : MIN (self->first_new, id);
  self->last_new = self->n_new == 0 ? id : MAX (self->last_new, id);
  self->n_new++;
  self->result.added++;
  return TRUE;
}

static gboolean
merge_entry (JsonObject  *item,
             guint        index,
             gpointer     user_data,
             GError     **error)
{
  AllyMerge *self = user_data;
  g_autoptr (AllyEntry) entry = read_entry (item, index, error);
  g_autoptr (AllyStmt) stmt = NULL;
  gboolean found, may;
  gint64 id = 0, local = 0, updated;

  if (entry == NULL ||
      !check_unique (self, "entries", index, "uid", ally_entry_get_uid (entry), error))
    return FALSE;
  updated = ally_usec_from_date_time (ally_entry_get_updated (entry));
  stmt = ally_journal_prepare (self->db, "SELECT id, updated FROM entries WHERE uid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ally_entry_get_uid (entry), -1, SQLITE_TRANSIENT);
  if (!find_row (self, stmt, &found, &id, &local, error))
    return FALSE;
  g_clear_pointer (&stmt, ally_stmt_release);
  if (found && updated <= local)
    self->result.unchanged++;
  else if (found)
    {
      ally_entry_set_id (entry, id);
      if (!ally_journal_update_entry_row (self->db, entry, updated, error))
        return FALSE;
      self->result.updated++;
    }
  else if (!may_add (self, "entry", ally_entry_get_uid (entry), updated, &may, error) ||
           (may && !add_entry (self, entry, error)))
    return FALSE;
  return tick (self, error);
}

/* The SQL that made the search index's insert trigger, or NULL if there is none. */
static gboolean
read_insert_trigger (AllyMerge  *self,
                     char      **out_sql,
                     GError    **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self->db,
    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entries_ai'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  ally_journal_set_error (self->db, error, rc, _("The journal could not be read"));
  return FALSE;
}

/* Indexes the entries added, as the insert trigger would have (the same columns). New rows
 * get ids above all others, so they fill their range exactly; were they ever not to, the
 * whole index is rebuilt from the entries. */
static gboolean
index_new_entries (AllyMerge  *self,
                   GError    **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  if (self->n_new == 0)
    return TRUE;
  if (self->last_new - self->first_new + 1 != self->n_new)
    return ally_journal_exec (self->db,
                              "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')", error);
  stmt = ally_journal_prepare (self->db,
    "INSERT INTO entries_fts (rowid, title, body, tags_text)"
    " SELECT id, title, body, tags_text FROM entries WHERE id BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->first_new);
  sqlite3_bind_int64 (stmt, 2, self->last_new);
  return ally_journal_step_done (self->db, stmt, error);
}

static gboolean
merge_list (AllyMerge     *self,
            const char    *list,
            AllyItemFunc   func,
            GError       **error)
{
  g_hash_table_remove_all (self->seen);
  return ally_export_reader_foreach (self->reader, list, func, self, error);
}

/* Adding rows one by one with the search index's insert trigger took three quarters of
 * the time: the trigger is dropped, the rows added, the new rows indexed with one
 * INSERT … SELECT, and the trigger made again from its own SQL — all in the caller's
 * transaction (SQLite's DDL is transactional), so a kill at any moment leaves the journal
 * as it was before the import or after it, trigger too. Updated rows go through the update
 * trigger as usual. */
static gboolean
merge_entries (AllyMerge  *self,
               GError    **error)
{
  if (!read_insert_trigger (self, &self->insert_trigger, error) ||
      !merge_list (self, "entries", merge_entry, error))
    return FALSE;
  /* Without the trigger (never, in a journal we made) rows are not indexed one by one
   * either, and so not here. */
  if (!self->trigger_dropped)
    return TRUE;
  return index_new_entries (self, error) &&
         ally_journal_exec (self->db, self->insert_trigger, error);
}

/* Every other kind (ally-journal-items.c), by its table's columns */

static void
build_kind_sql (AllyMerge          *self,
                const AllyItemKind *kind)
{
  g_autoptr (GString) lookup = g_string_new (NULL);
  g_autoptr (GString) columns = g_string_new (NULL);
  g_autoptr (GString) values = g_string_new (NULL);
  g_autoptr (GString) keys = g_string_new (NULL);
  g_autoptr (GString) set = g_string_new (NULL);

  g_string_printf (lookup, "SELECT %s, rowid FROM %s WHERE ",
                   kind->fields[kind->updated_field].column, kind->table);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const AllyItemField *field = &kind->fields[i];

      g_string_append_printf (columns, "%s%s", i > 0 ? ", " : "", field->column);
      if (field->type == ALLY_FIELD_ENTRY_REF)
        g_string_append_printf (values, "%s(SELECT id FROM entries WHERE uid = ?%u)",
                                i > 0 ? ", " : "", i + 1);
      else
        g_string_append_printf (values, "%s?%u", i > 0 ? ", " : "", i + 1);
      if (i < kind->n_keys)
        {
          g_string_append_printf (lookup, "%s%s = ?%u", i > 0 ? " AND " : "", field->column, i + 1);
          g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", field->column);
        }
      else
        g_string_append_printf (set, "%s%s = excluded.%s", set->len > 0 ? ", " : "",
                                field->column, field->column);
    }
  /* A sealed text is bound to its row's id: a new row's is chosen first. */
  if (kind->sealed_by_id)
    {
      g_string_append (columns, ", id");
      g_string_append_printf (values, ", ?%u", kind->n_fields + 1);
    }
  self->kind = kind;
  g_free (self->lookup_sql);
  self->lookup_sql = g_string_free (g_steal_pointer (&lookup), FALSE);
  g_free (self->upsert_sql);
  self->upsert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) ON CONFLICT (%s)"
                                      " DO UPDATE SET %s", kind->table, columns->str,
                                      values->str, keys->str, set->str);
}

/* The item's key, its key fields joined, to find a second item with the same. */
static char *
item_key (const AllyItemKind  *kind,
          JsonObject          *item,
          guint                index,
          GError             **error)
{
  g_autoptr (GString) key = g_string_new (NULL);

  for (guint i = 0; i < kind->n_keys; i++)
    {
      const char *part;

      if (!ally_item_get_key (item, kind->list, index, kind->fields[i].name, &part, error))
        return NULL;
      if (i > 0)
        g_string_append_c (key, '\x1f');
      g_string_append (key, part);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* The id a new row of @table gets: one above the highest, as SQLite would choose it. */
static gboolean
next_row_id (AllyMerge   *self,
             const char  *table,
             gint64      *out_id,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (rowid), 0) + 1 FROM %s", table);
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self->db, sql, error);
  gboolean found;

  return stmt != NULL && find_row (self, stmt, &found, out_id, NULL, error);
}

/* Checks every field of @item, binding it to @upsert; sealed ones for @row_id or the key.
 * A new row gets @row_id; one here (@found) keeps its own, through the upsert's update
 * (giving its id again would be a conflict on the id, not on the uid). */
static gboolean
bind_item (AllyMerge     *self,
           JsonObject    *item,
           guint          index,
           const char    *key,
           gboolean       found,
           gint64         row_id,
           sqlite3_stmt  *upsert,
           GError       **error)
{
  const AllyItemKind *kind = self->kind;
  g_autofree char *row = kind->sealed_by_id ? g_strdup_printf ("%" G_GINT64_FORMAT, row_id)
                                            : g_strdup (key);

  for (guint i = 0; i < kind->n_fields; i++)
    if (!ally_item_bind_field (self->db, kind, row, item, kind->list, index, &kind->fields[i],
                               i < kind->n_keys, upsert, i + 1, error))
      return FALSE;
  if (kind->sealed_by_id && !found)
    sqlite3_bind_int64 (upsert, kind->n_fields + 1, row_id);
  else if (kind->sealed_by_id)
    sqlite3_bind_null (upsert, kind->n_fields + 1);
  return TRUE;
}

static gboolean
merge_item (JsonObject  *item,
            guint        index,
            gpointer     user_data,
            GError     **error)
{
  AllyMerge *self = user_data;
  const AllyItemKind *kind = self->kind;
  g_autoptr (AllyStmt) upsert = NULL;
  g_autoptr (AllyStmt) lookup = NULL;
  g_autoptr (GDateTime) time = NULL;
  g_autofree char *key = NULL;
  gboolean found, may = TRUE;
  gint64 local = 0, row_id = 0, updated;

  key = item_key (kind, item, index, error);
  if (key == NULL ||
      !check_unique (self, kind->list, index, kind->fields[0].name, key, error) ||
      !ally_item_get_time (item, kind->list, index, kind->fields[kind->updated_field].name,
                           FALSE, &time, error))
    return FALSE;
  updated = ally_usec_from_date_time (time);
  lookup = ally_journal_prepare (self->db, self->lookup_sql, error);
  if (lookup == NULL)
    return FALSE;
  for (guint i = 0; i < kind->n_keys; i++)
    if (!ally_item_bind_field (self->db, kind, NULL, item, kind->list, index, &kind->fields[i],
                               TRUE, lookup, i + 1, error))
      return FALSE;
  if (!find_row (self, lookup, &found, &local, &row_id, error))
    return FALSE;
  g_clear_pointer (&lookup, ally_stmt_release);
  if (!found && kind->sealed_by_id && !next_row_id (self, kind->table, &row_id, error))
    return FALSE;

  /* Every field is checked, whether or not the item is then written. */
  upsert = ally_journal_prepare (self->db, self->upsert_sql, error);
  if (upsert == NULL || !bind_item (self, item, index, key, found, row_id, upsert, error))
    return FALSE;
  if (found && updated <= local)
    {
      self->result.unchanged++;
      return tick (self, error);
    }
  if (!found && kind->tombstone != NULL &&
      !may_add (self, kind->tombstone, key, updated, &may, error))
    return FALSE;
  if (may && !ally_journal_step_done (self->db, upsert, error))
    return FALSE;
  if (may && found)
    self->result.updated++;
  else if (may)
    self->result.added++;
  return tick (self, error);
}

static gboolean
merge_kind (AllyMerge          *self,
            const AllyItemKind *kind,
            GError            **error)
{
  build_kind_sql (self, kind);
  return merge_list (self, kind->list, merge_item, error);
}

/**
 * ally_merge_run:
 *
 * Merges every item @reader holds; deletions first, then entries (commitments refer to
 * them), then every other kind. Must run inside a transaction, which the caller rolls back
 * on failure.
 */
gboolean
ally_merge_run (AllyMerge         *self,
                AllyExportReader  *reader,
                GCancellable      *cancellable,
                GError           **error)
{
  guint n_kinds;
  const AllyItemKind *kinds = ally_item_kinds (&n_kinds);

  self->reader = reader;
  self->cancellable = cancellable;
  if (!merge_list (self, "deleted", merge_deletion, error) || !merge_entries (self, error))
    return FALSE;
  for (guint i = 0; i < n_kinds; i++)
    if (!merge_kind (self, &kinds[i], error))
      return FALSE;
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}
