/* ally-journal-export.c: journal entries out to Markdown and JSON, and JSON back in.
 * The JSON format is documented in docs/journal-format.md. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ally-entry-private.h"
#include "ally-journal-private.h"

#define EXPORT_FORMAT "allyship-journal"
#define EXPORT_VERSION 1

typedef gboolean (*EntryFunc) (AllyEntry *entry, gpointer user_data, GError **error);

/* Calls @func for every entry, oldest first. */
static gboolean
foreach_entry (AllyJournal  *self,
               EntryFunc     func,
               gpointer      user_data,
               GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "SELECT " ALLY_ENTRY_COLUMNS " FROM entries e ORDER BY e.created, e.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (AllyEntry) entry = ally_journal_entry_from_row (stmt);
      if (!func (entry, user_data, error))
        return FALSE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  ally_journal_set_error (self, error, rc,
                          _("The journal could not be read"));
  return FALSE;
}

static char *
format_utc (GDateTime *dt)
{
  return g_date_time_format_iso8601 (dt);
}

/* Markdown */

/* A YAML double-quoted scalar (also valid JSON). */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_markdown (GString   *out,
                 AllyEntry *entry)
{
  const char * const *tags = ally_entry_get_tags (entry);
  g_autofree char *created = format_utc (ally_entry_get_created (entry));
  g_autofree char *updated = format_utc (ally_entry_get_updated (entry));

  g_string_append (out, "---\ntitle: ");
  append_quoted (out, ally_entry_get_title (entry));
  g_string_append_printf (out, "\ndate: %s\nupdated: %s\ntags: [", created, updated);
  for (guint i = 0; tags[i]; i++)
    {
      g_string_append (out, i ? ", " : "");
      append_quoted (out, tags[i]);
    }
  g_string_append (out, "]\n");
  if (ally_entry_get_lesson_id (entry))
    {
      g_string_append (out, "lesson: ");
      append_quoted (out, ally_entry_get_lesson_id (entry));
      g_string_append_c (out, '\n');
    }
  if (ally_entry_get_prompt_id (entry))
    {
      g_string_append (out, "prompt: ");
      append_quoted (out, ally_entry_get_prompt_id (entry));
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "---\n\n%s\n", ally_entry_get_body (entry));
}

static gboolean
write_text (GFile       *file,
            GString     *text,
            GError     **error)
{
  if (g_file_replace_contents (file, text->str, text->len, NULL, FALSE,
                               G_FILE_CREATE_PRIVATE, NULL, NULL, error))
    return TRUE;
  g_prefix_error (error, _("The export could not be written: "));
  return FALSE;
}

static gboolean
write_entry_file (AllyEntry *entry,
                  gpointer   user_data,
                  GError   **error)
{
  GFile *folder = user_data;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *date = g_date_time_format (ally_entry_get_created (entry), "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".md", date,
                                           ally_entry_get_id (entry));
  g_autoptr (GFile) file = g_file_get_child (folder, name);

  append_markdown (text, entry);
  return write_text (file, text, error);
}

static gboolean
append_entry_text (AllyEntry *entry,
                   gpointer   user_data,
                   GError   **error)
{
  GString *text = user_data;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  append_markdown (text, entry);
  return TRUE;
}

/**
 * ally_journal_export_markdown:
 * @target: a folder (one file per entry, made if missing) or a file (single file)
 *
 * Writes every entry as Markdown with front matter (title, date, updated, tags,
 * lesson, prompt).
 */
gboolean
ally_journal_export_markdown (AllyJournal       *self,
                              GFile             *target,
                              AllyMarkdownMode   mode,
                              GError           **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);

  if (mode == ALLY_MARKDOWN_FILE_PER_ENTRY)
    {
      if (!g_file_make_directory_with_parents (target, NULL, &local) &&
          !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      return foreach_entry (self, write_entry_file, target, error);
    }
  return foreach_entry (self, append_entry_text, text, error) && write_text (target, text, error);
}

/* JSON export */

static gboolean
add_json_entry (AllyEntry *entry,
                gpointer   user_data,
                GError   **error)
{
  JsonBuilder *builder = user_data;
  const char * const *tags = ally_entry_get_tags (entry);
  g_autofree char *created = format_utc (ally_entry_get_created (entry));
  g_autofree char *updated = format_utc (ally_entry_get_updated (entry));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uid");
  json_builder_add_string_value (builder, ally_entry_get_uid (entry));
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_string_value (builder, updated);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, ally_entry_get_title (entry));
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, ally_entry_get_body (entry));
  json_builder_set_member_name (builder, "lesson_id");
  json_builder_add_string_value (builder, ally_entry_get_lesson_id (entry));
  json_builder_set_member_name (builder, "prompt_id");
  json_builder_add_string_value (builder, ally_entry_get_prompt_id (entry));
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i]; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

gboolean
ally_journal_export_json (AllyJournal  *self,
                          GFile        *target,
                          GError      **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, EXPORT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, EXPORT_VERSION);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  if (!foreach_entry (self, add_json_entry, builder, error))
    return FALSE;
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);
  if (g_file_replace_contents (target, data, length, NULL, FALSE,
                               G_FILE_CREATE_PRIVATE, NULL, NULL, error))
    return TRUE;
  g_prefix_error (error, _("The export could not be written: "));
  return FALSE;
}

/* JSON import: everything is validated into AllyEntry objects before any write. */

static gboolean
import_error (GError     **error,
              int          code,
              const char  *format,
              ...) G_GNUC_PRINTF (3, 4);

static gboolean
import_error (GError     **error,
              int          code,
              const char  *format,
              ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, ALLY_JOURNAL_ERROR, code,
               /* Translators: %s is the reason, one of the “it is not valid JSON…” or
                  “entry %u has no…” messages. */
               _("This file cannot be imported, nothing was changed: %s"), message);
  return FALSE;
}

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Fetches string member @name of entry @index; @optional allows missing or null. */
static gboolean
get_string (JsonObject  *object,
            guint        index,
            const char  *name,
            gboolean     optional,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return optional ||
           import_error (error, ALLY_JOURNAL_ERROR_IMPORT_MISSING_FIELD,
                         /* Translators: %u is the entry's number in the file, %s the
                            name of a field in the file, such as “created” (not translated). */
                         _("entry %u has no “%s”."), index + 1, name);
  if (!is_string_node (node))
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                         /* Translators: %s is the name of a field in the file (not
                            translated), %u the entry's number in the file. */
                         _("“%s” of entry %u is not text."), name, index + 1);
  *out = json_node_get_string (node);
  if (strlen (*out) > ALLY_JOURNAL_MAX_FIELD_BYTES)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                         /* Translators: %s is the name of a field in the file (not
                            translated), %u the entry's number, %d a size limit. */
                         _("“%s” of entry %u is larger than %d bytes."),
                         name, index + 1, ALLY_JOURNAL_MAX_FIELD_BYTES);
  return TRUE;
}

static GDateTime *
get_date (JsonObject  *object,
          guint        index,
          const char  *name,
          GError     **error)
{
  const char *text;
  GDateTime *dt;

  if (!get_string (object, index, name, FALSE, &text, error))
    return NULL;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                  /* Translators: %s is the name of a field in the file (not
                     translated), %u the entry's number in the file. */
                  _("“%s” of entry %u is not a date and time (ISO 8601)."), name, index + 1);
  return dt;
}

static GStrv
get_tags (JsonObject  *object,
          guint        index,
          GError     **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, "tags");
  JsonArray *array;

  if (node == NULL)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_MISSING_FIELD,
                         _("entry %u has no “%s”."), index + 1, "tags"), NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                         /* Translators: %s is the name of a field in the file (not
                            translated), %u the entry's number in the file. */
                         _("“%s” of entry %u is not a list."), "tags", index + 1), NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *tag = json_array_get_element (array, i);
      if (!is_string_node (tag))
        return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                             _("a tag of entry %u is not text."), index + 1), NULL;
      g_strv_builder_add (builder, json_node_get_string (tag));
    }
  return g_strv_builder_end (builder);
}

static AllyEntry *
parse_entry (JsonNode  *node,
             guint      index,
             GError   **error)
{
  g_autoptr (AllyEntry) entry = ally_entry_new ();
  g_autoptr (GDateTime) created = NULL;
  g_autoptr (GDateTime) updated = NULL;
  g_auto (GStrv) tags = NULL;
  const char *uid, *title, *body, *lesson, *prompt;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                         _("entry %u is not an object."), index + 1), NULL;
  object = json_node_get_object (node);
  if (!get_string (object, index, "uid", FALSE, &uid, error) ||
      !(created = get_date (object, index, "created", error)) ||
      !(updated = get_date (object, index, "updated", error)) ||
      !get_string (object, index, "title", FALSE, &title, error) ||
      !get_string (object, index, "body", FALSE, &body, error) ||
      !get_string (object, index, "lesson_id", TRUE, &lesson, error) ||
      !get_string (object, index, "prompt_id", TRUE, &prompt, error) ||
      !(tags = get_tags (object, index, error)))
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
check_header (JsonNode  *root,
              GError   **error)
{
  JsonObject *object;
  JsonNode *format, *version, *entries;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_AN_EXPORT,
                         _("it is not an Allyship journal export."));
  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL || !is_string_node (format) ||
      g_strcmp0 (json_node_get_string (format), EXPORT_FORMAT) != 0)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_AN_EXPORT,
                         _("it is not an Allyship journal export."));
  version = json_object_get_member (object, "version");
  if (version == NULL)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_MISSING_FIELD,
                         _("it has no format version."));
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                         _("its format version is not a whole number."));
  if (json_node_get_int (version) != EXPORT_VERSION)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_VERSION,
                         /* Translators: “it” is the file being imported; the first
                            number is the file's format version, the second ours. */
                         _("it uses format version %lld, this version of Allyship reads "
                           "version %d."),
                         (long long) json_node_get_int (version), EXPORT_VERSION);
  entries = json_object_get_member (object, "entries");
  if (entries == NULL)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_MISSING_FIELD,
                         /* Translators: “it” is the file being imported; %s is the name
                            of a field in the file (not translated). */
                         _("it has no “%s”."), "entries");
  if (!JSON_NODE_HOLDS_ARRAY (entries))
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                         /* Translators: “its” is the imported file's; %s is the name of
                            a field in the file (not translated). */
                         _("its “%s” is not a list."), "entries");
  return TRUE;
}

static gboolean
uid_exists (AllyJournal  *self,
            const char   *uid,
            gboolean     *out_exists,
            GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (self,
    "SELECT 1 FROM entries WHERE uid = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *out_exists = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  ally_journal_set_error (self, error, rc, _("The journal could not be read"));
  return FALSE;
}

/* An entry is a duplicate when its uid appears twice in the file or is in the journal. */
static gboolean
check_duplicates (AllyJournal  *self,
                  GPtrArray    *entries,
                  GError      **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entries->len; i++)
    {
      const char *uid = ally_entry_get_uid (g_ptr_array_index (entries, i));
      gboolean exists = FALSE;

      if (!g_hash_table_add (seen, (gpointer) uid))
        return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_DUPLICATE,
                             /* Translators: %u is the entry's number in the file, %s
                                its unique id. */
                             _("entry %u appears twice in the file (uid %s)."), i + 1, uid);
      if (!uid_exists (self, uid, &exists, error))
        return FALSE;
      if (exists)
        return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_DUPLICATE,
                             /* Translators: %u is the entry's number in the file, %s
                                its unique id. */
                             _("entry %u is already in your journal (uid %s)."), i + 1, uid);
    }
  return TRUE;
}

static GPtrArray *
parse_export (AllyJournal  *self,
              GFile        *source,
              GError      **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) local = NULL;
  g_autofree char *data = NULL;
  gsize length;
  JsonArray *array;
  JsonNode *root;

  if (!g_file_load_contents (source, NULL, &data, &length, NULL, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &local))
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
                         /* Translators: “it” is the file being imported; %s is the JSON
                            parser's explanation. */
                         _("it is not valid JSON (%s)."), local->message), NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !check_header (root, error))
    return root ? NULL : (import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
                                        _("it is empty.")), NULL);
  array = json_object_get_array_member (json_node_get_object (root), "entries");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      AllyEntry *entry = parse_entry (json_array_get_element (array, i), i, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }
  if (!check_duplicates (self, entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}

static gboolean
insert_all (AllyJournal  *self,
            GPtrArray    *entries,
            GError      **error)
{
  if (!ally_journal_begin (self, error))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      gint64 id;
      if (!ally_journal_insert_entry_row (self, g_ptr_array_index (entries, i), &id, error))
        {
          ally_journal_rollback (self);
          return FALSE;
        }
    }
  return ally_journal_commit (self, error);
}

/**
 * ally_journal_import_json:
 *
 * Reads an export (docs/journal-format.md), checks all of it, then adds every entry
 * in one transaction — or, on any problem, adds nothing.
 *
 * @out_added: (out) (optional): how many entries were added
 */
gboolean
ally_journal_import_json (AllyJournal  *self,
                          GFile        *source,
                          guint        *out_added,
                          GError      **error)
{
  g_autoptr (GPtrArray) entries = NULL;

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);

  entries = parse_export (self, source, error);
  if (entries == NULL || !insert_all (self, entries, error))
    return FALSE;
  ally_journal_emit_reset (self);
  if (out_added)
    *out_added = entries->len;
  return TRUE;
}
