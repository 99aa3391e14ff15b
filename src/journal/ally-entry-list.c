/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry-list.c: a GListModel of journal entries over a query (all, a tag, a search).
 *
 * Rows are read in pages of ALLY_ENTRY_LIST_PAGE_SIZE on demand and at most
 * ALLY_ENTRY_LIST_MAX_PAGES pages are kept (least recently used go first), so a
 * 100,000-entry journal never means 100,000 objects. Pages after a known page are read
 * by keyset (WHERE key < last key), others by OFFSET. The journal's change signals
 * give exact items-changed positions: the old one is computed before the write. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-entry-list.h"
#include "ally-journal-lock.h"
#include "ally-journal-private.h"
#include "ally-search-query.h"

typedef struct
{
  gint64   k1;
  gint64   k2;
  gboolean known;
} PageEnd;

struct _AllyEntryList
{
  GObject      parent_instance;

  AllyJournal *journal;
  char        *argument;
  gboolean     is_search;  /* argument is an FTS5 query */
  gboolean     is_tag;     /* argument is a tag (stored hashed while the lock is on) */
  char        *sql_count;
  char        *sql_offset;
  char        *sql_after;
  char        *sql_key;
  char        *sql_position;

  guint        n_items;
  GHashTable  *pages;      /* page number -> GPtrArray of AllyEntry */
  GQueue       lru;        /* page numbers, most recently used first */
  GArray      *page_ends;  /* PageEnd per page, the order key of its last row */
  guint        peak_cached;

  gint64       pending_id;
  int          pending_position;
};

static void ally_entry_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AllyEntryList, ally_entry_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ally_entry_list_model_init))

/* The rows of one query: a FROM/WHERE (with ?1 its argument), a cheaper FROM/WHERE
 * over the same rows for counting, and a key that orders them, newest first (k2 breaks
 * ties of k1; NULL when k1 is unique). */
typedef struct
{
  const char *from_where;
  const char *count_from_where;
  const char *k1;
  const char *k2;
} QuerySpec;

static const QuerySpec all_spec = {
  "FROM entries e WHERE 1", "FROM entries e", "e.updated", "e.id"
};
/* Walks entries in (updated, id) order and keeps the tagged ones: a page costs about a
 * page divided by the tag's share, never a sort of every tagged entry. */
static const QuerySpec tag_spec = {
  "FROM entries e WHERE EXISTS (SELECT 1 FROM entry_tags t WHERE t.entry_id = e.id"
  " AND t.tag_id = (SELECT id FROM tags WHERE name = ?1))",
  "FROM entry_tags t WHERE t.tag_id = (SELECT id FROM tags WHERE name = ?1)",
  "e.updated", "e.id"
};
/* Search results are newest-created first: FTS5 hands rows out in rowid order, so a
 * page costs the page and not a sort of every match. */
static const QuerySpec search_spec = {
  "FROM entries_fts f JOIN entries e ON e.id = f.rowid WHERE entries_fts MATCH ?1",
  "FROM entries_fts f WHERE entries_fts MATCH ?1",
  "f.rowid", NULL
};

static void
build_sql (AllyEntryList   *self,
           const QuerySpec *q)
{
  const char *k1 = q->k1;
  const char *k2 = q->k2 ? q->k2 : q->k1;
  g_autofree char *order = q->k2 ? g_strdup_printf ("%s DESC, %s DESC", k1, k2)
                                 : g_strdup_printf ("%s DESC", k1);
  g_autofree char *after = q->k2 ? g_strdup_printf ("%s <= ?2 AND (%s < ?2 OR %s < ?3)",
                                                    k1, k1, k2)
                                 : g_strdup_printf ("%s < ?2", k1);
  g_autofree char *before = q->k2 ? g_strdup_printf ("(%s > ?2 OR (%s = ?2 AND %s > ?3))",
                                                     k1, k1, k2)
                                  : g_strdup_printf ("%s > ?2", k1);

  self->sql_count = g_strdup_printf ("SELECT count(*) %s", q->count_from_where);
  self->sql_offset = g_strdup_printf (
    "SELECT " ALLY_ENTRY_COLUMNS ", %s, %s %s ORDER BY %s LIMIT ?4 OFFSET ?5",
    k1, k2, q->from_where, order);
  self->sql_after = g_strdup_printf (
    "SELECT " ALLY_ENTRY_COLUMNS ", %s, %s %s AND %s ORDER BY %s LIMIT ?4",
    k1, k2, q->from_where, after, order);
  self->sql_key = g_strdup_printf ("SELECT %s, %s %s AND e.id = ?2", k1, k2, q->from_where);
  self->sql_position = g_strdup_printf ("SELECT count(*) %s AND %s", q->from_where, before);
}

static void
clear_cache (AllyEntryList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  g_array_set_size (self->page_ends, 0);
}

static void
ally_entry_list_finalize (GObject *object)
{
  AllyEntryList *self = ALLY_ENTRY_LIST (object);

  clear_cache (self);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->page_ends, g_array_unref);
  g_clear_object (&self->journal);
  g_free (self->argument);
  g_free (self->sql_count);
  g_free (self->sql_offset);
  g_free (self->sql_after);
  g_free (self->sql_key);
  g_free (self->sql_position);

  G_OBJECT_CLASS (ally_entry_list_parent_class)->finalize (object);
}

static void
ally_entry_list_class_init (AllyEntryListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ally_entry_list_finalize;
}

static void
ally_entry_list_init (AllyEntryList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->page_ends = g_array_new (FALSE, TRUE, sizeof (PageEnd));
}

static void
bind_argument (AllyEntryList *self,
               sqlite3_stmt  *stmt)
{
  if (self->argument == NULL)
    return;
  if (self->is_tag)
    sqlite3_bind_text (stmt, 1, ally_journal_stored_tag_name (self->journal, self->argument), -1,
                       g_free);
  else
    sqlite3_bind_text (stmt, 1, self->argument, -1, SQLITE_STATIC);
}

/* A locked journal lists nothing, and searches nothing until its in-memory index is ready. */
static gboolean
can_read (AllyEntryList *self)
{
  return ally_journal_is_unlocked (self->journal) &&
         (!self->is_search || ally_journal_is_search_ready (self->journal));
}

static void
warn_read_failure (AllyEntryList *self,
                   const GError  *error)
{
  g_warning ("Allyship: journal entries could not be read: %s", error->message);
}

static guint
query_count (AllyEntryList *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyStmt) stmt = NULL;
  int rc;

  if (!can_read (self))
    return 0;
  stmt = ally_journal_prepare (self->journal, self->sql_count, &error);
  if (stmt == NULL)
    {
      warn_read_failure (self, error);
      return 0;
    }
  bind_argument (self, stmt);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return (guint) sqlite3_column_int64 (stmt, 0);
  ally_journal_set_error (self->journal, &error, rc,
                          _("Journal entries could not be counted"));
  warn_read_failure (self, error);
  return 0;
}

/* The position of entry @id in the list now, or -1 when it is not in it. */
static int
position_of (AllyEntryList *self,
             gint64         id)
{
  g_autoptr (AllyStmt) key = NULL;
  g_autoptr (AllyStmt) pos = NULL;
  int rc;

  if (!can_read (self))
    return -1;
  key = ally_journal_prepare (self->journal, self->sql_key, NULL);
  pos = ally_journal_prepare (self->journal, self->sql_position, NULL);
  if (key == NULL || pos == NULL)
    return -1;
  bind_argument (self, key);
  sqlite3_bind_int64 (key, 2, id);
  if ((rc = sqlite3_step (key)) != SQLITE_ROW)
    goto missing;
  bind_argument (self, pos);
  sqlite3_bind_int64 (pos, 2, sqlite3_column_int64 (key, 0));
  sqlite3_bind_int64 (pos, 3, sqlite3_column_int64 (key, 1));
  if ((rc = sqlite3_step (pos)) != SQLITE_ROW)
    goto missing;
  return (int) sqlite3_column_int64 (pos, 0);

missing:
  /* Not in the list (DONE), or damage, which must still mark the session. */
  if (rc != SQLITE_DONE)
    {
      g_autoptr (GError) error = NULL;
      ally_journal_set_error (self->journal, &error, rc, _("Journal entries could not be read"));
      warn_read_failure (self, error);
    }
  return -1;
}

static PageEnd *
page_end (AllyEntryList *self,
          guint          page)
{
  if (page >= self->page_ends->len)
    g_array_set_size (self->page_ends, page + 1);
  return &g_array_index (self->page_ends, PageEnd, page);
}

/* Prepares the statement that reads @page: by keyset after a known page, else OFFSET. */
static AllyStmt *
prepare_page_query (AllyEntryList  *self,
                    guint           page,
                    GError        **error)
{
  PageEnd *before = page > 0 ? page_end (self, page - 1) : NULL;
  AllyStmt *stmt;

  if (before && before->known)
    {
      stmt = ally_journal_prepare (self->journal, self->sql_after, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 2, before->k1);
      sqlite3_bind_int64 (stmt, 3, before->k2);
      sqlite3_bind_int (stmt, 4, ALLY_ENTRY_LIST_PAGE_SIZE);
    }
  else
    {
      stmt = ally_journal_prepare (self->journal, self->sql_offset, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int (stmt, 4, ALLY_ENTRY_LIST_PAGE_SIZE);
      sqlite3_bind_int64 (stmt, 5, (gint64) page * ALLY_ENTRY_LIST_PAGE_SIZE);
    }
  bind_argument (self, stmt);
  return stmt;
}

static GPtrArray *
fetch_page (AllyEntryList  *self,
            guint           page,
            GError        **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (AllyStmt) stmt = prepare_page_query (self, page, error);
  PageEnd *end;
  int rc;

  if (stmt == NULL)
    return NULL;
  end = page_end (self, page);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AllyEntry *entry = ally_journal_entry_from_row (self->journal, stmt, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (rows, entry);
      end->k1 = sqlite3_column_int64 (stmt, 9);
      end->k2 = sqlite3_column_int64 (stmt, 10);
    }
  if (rc != SQLITE_DONE)
    {
      ally_journal_set_error (self->journal, error, rc,
                              _("Journal entries could not be read"));
      return NULL;
    }
  end->known = rows->len == ALLY_ENTRY_LIST_PAGE_SIZE;
  return g_steal_pointer (&rows);
}

static guint
cached_items (AllyEntryList *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((GPtrArray *) value)->len;
  return n;
}

static void
cache_page (AllyEntryList *self,
            guint          page,
            GPtrArray     *rows)
{
  while (g_queue_get_length (&self->lru) >= ALLY_ENTRY_LIST_MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  self->peak_cached = MAX (self->peak_cached, cached_items (self));
}

static GPtrArray *
lookup_page (AllyEntryList *self,
             guint          page)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (rows != NULL)
    {
      if (g_queue_peek_head (&self->lru) != GUINT_TO_POINTER (page))
        {
          g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
          g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
        }
      return rows;
    }
  rows = fetch_page (self, page, &error);
  if (rows == NULL)
    {
      warn_read_failure (self, error);
      return NULL;
    }
  cache_page (self, page, rows);
  return rows;
}

static GType
ally_entry_list_get_item_type (GListModel *model)
{
  return ALLY_TYPE_ENTRY;
}

static guint
ally_entry_list_get_n_items (GListModel *model)
{
  return ALLY_ENTRY_LIST (model)->n_items;
}

static gpointer
ally_entry_list_get_item (GListModel *model,
                          guint       position)
{
  AllyEntryList *self = ALLY_ENTRY_LIST (model);
  guint index = position % ALLY_ENTRY_LIST_PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;
  rows = lookup_page (self, position / ALLY_ENTRY_LIST_PAGE_SIZE);
  if (rows == NULL || index >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, index));
}

static void
ally_entry_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ally_entry_list_get_item_type;
  iface->get_n_items = ally_entry_list_get_n_items;
  iface->get_item = ally_entry_list_get_item;
}

static void
on_entry_changing (AllyEntryList *self,
                   gint64         id)
{
  self->pending_id = id;
  self->pending_position = position_of (self, id);
}

/* One items-changed covering everything between the old and the new position. */
static void
on_entry_changed (AllyEntryList *self,
                  gint64         id,
                  int            kind)
{
  int old_pos = (kind != ALLY_ENTRY_CHANGE_ADDED && self->pending_id == id)
                ? self->pending_position : -1;
  int new_pos;

  self->pending_id = 0;
  clear_cache (self);
  self->n_items = query_count (self);
  new_pos = kind == ALLY_ENTRY_CHANGE_DELETED ? -1 : position_of (self, id);

  if (old_pos >= 0 && new_pos >= 0)
    {
      guint span = ABS (old_pos - new_pos) + 1;
      g_list_model_items_changed (G_LIST_MODEL (self), MIN (old_pos, new_pos), span, span);
    }
  else if (old_pos >= 0)
    g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
  else if (new_pos >= 0)
    g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
}

static void
on_entries_reset (AllyEntryList *self)
{
  guint old_n = self->n_items;

  clear_cache (self);
  self->n_items = query_count (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

/* Locked, the list is emptied (and its cached entries, plain text, dropped); unlocked, it is
 * filled again. */
static void
on_lock_changed (AllyEntryList *self)
{
  on_entries_reset (self);
}

static AllyEntryList *
entry_list_new (AllyJournal     *journal,
                const QuerySpec *spec,
                char            *argument)
{
  AllyEntryList *self = g_object_new (ALLY_TYPE_ENTRY_LIST, NULL);

  self->journal = g_object_ref (journal);
  self->argument = argument;
  self->is_search = spec == &search_spec;
  self->is_tag = spec == &tag_spec;
  build_sql (self, spec);
  self->n_items = query_count (self);
  g_signal_connect_object (journal, "entry-changing",
                           G_CALLBACK (on_entry_changing), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (journal, "entry-changed",
                           G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (journal, "entries-reset",
                           G_CALLBACK (on_entries_reset), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (journal, "lock-changed",
                           G_CALLBACK (on_lock_changed), self, G_CONNECT_SWAPPED);
  return self;
}

AllyEntryList *
ally_entry_list_new_all (AllyJournal *journal)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (journal), NULL);
  return entry_list_new (journal, &all_spec, NULL);
}

AllyEntryList *
ally_entry_list_new_for_tag (AllyJournal *journal,
                             const char  *tag)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (tag != NULL, NULL);
  return entry_list_new (journal, &tag_spec, g_strdup (tag));
}

/**
 * ally_entry_list_new_for_search:
 * @words: what the person typed; any text is safe
 *
 * Entries matching every word (the last one as a prefix), newest first. Words
 * without any searchable token give all entries.
 */
AllyEntryList *
ally_entry_list_new_for_search (AllyJournal *journal,
                                const char  *words)
{
  char *query = ally_search_query_from_words (words);

  g_return_val_if_fail (ALLY_IS_JOURNAL (journal), NULL);

  if (query == NULL)
    return entry_list_new (journal, &all_spec, NULL);
  return entry_list_new (journal, &search_spec, query);
}

/**
 * ally_entry_list_dup_snippet:
 * @entry_id: an entry of the list
 *
 * The words around the search's best match in the entry (title, body or tags), at
 * most about a dozen words, with each matching word between
 * %ALLY_ENTRY_LIST_MATCH_START and %ALLY_ENTRY_LIST_MATCH_END.
 *
 * Returns: (transfer full) (nullable): the snippet, or %NULL when the list is not a
 *   search or the entry does not match it
 */
char *
ally_entry_list_dup_snippet (AllyEntryList *self,
                             gint64         entry_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AllyStmt) stmt = NULL;

  g_return_val_if_fail (ALLY_IS_ENTRY_LIST (self), NULL);

  if (!self->is_search || !can_read (self))
    return NULL;
  /* Column -1: FTS5 picks the column whose match scores best. */
  stmt = ally_journal_prepare (self->journal,
    "SELECT snippet (entries_fts, -1, '" ALLY_ENTRY_LIST_MATCH_START "', '"
    ALLY_ENTRY_LIST_MATCH_END "', '…', 12)"
    " FROM entries_fts WHERE entries_fts MATCH ?1 AND rowid = ?2", &error);
  if (stmt == NULL)
    {
      warn_read_failure (self, error);
      return NULL;
    }
  bind_argument (self, stmt);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_text (stmt, 0) == NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* How many entries the cache holds now; never more than pages × page size. */
guint
ally_entry_list_get_cached_items (AllyEntryList *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_LIST (self), 0);
  return cached_items (self);
}

guint
ally_entry_list_get_peak_cached_items (AllyEntryList *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_LIST (self), 0);
  return self->peak_cached;
}
