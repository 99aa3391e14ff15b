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
      /* A locked journal's entries do not open: nothing is exported. */
      g_autoptr (AllyEntry) entry = ally_journal_entry_from_row (self, stmt, error);
      if (entry == NULL || !func (entry, user_data, error))
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

/* JSON import. The file is read, scanned, parsed and checked into AllyEntry objects, then
 * every entry is added in one transaction, or none is. The asynchronous import does all of
 * it on a worker thread, writing through a second connection to the journal's file. */

/* Progress: checking the file takes the first part, writing the rest. */
#define WRITE_START 0.5
/* The asynchronous import's page cache, in KiB (see import_thread()). */
#define IMPORT_CACHE_KIB 262144

/* Where the worker sends progress: @task is the caller's import, done when it completes. */
typedef struct
{
  AllyJournalProgressFunc  func;
  gpointer                 data;
  GMainContext            *context;
  GTask                   *task;
  double                   reported;
} Progress;

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

/* Checking the text before json-glib parses it: json-glib recurses once per level of
 * nesting (deep files crash it), keeps only the first of two concatenated values, and
 * ends a string silently at \u0000. One linear pass finds all three. */

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
nul_error (GError **error,
           guint    line)
{
  return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                       /* Translators: %u is a line number in the file. “\u0000” is how
                          the null character is written in JSON; keep it as is. */
                       _("line %u holds a null character (\\u0000), which journal text "
                         "cannot contain. Remove it with a text editor, then import the "
                         "file again."), line);
}

/* Skips the string starting at data[*i] (its opening quote); leaves *i after its end. */
static gboolean
skip_string (const char  *data,
             gsize        length,
             gsize       *i,
             guint       *line,
             GError     **error)
{
  for (gsize p = *i + 1; p < length; p++)
    {
      if (data[p] == '"')
        {
          *i = p + 1;
          return TRUE;
        }
      if (data[p] == '\0')
        return nul_error (error, *line);
      if (data[p] == '\n')
        (*line)++;
      if (data[p] == '\\' && p + 1 < length)
        {
          if (data[p + 1] == 'u' && p + 5 < length && memcmp (data + p + 2, "0000", 4) == 0)
            return nul_error (error, *line);
          p++;
        }
    }
  *i = length; /* unterminated: json-glib says so */
  return TRUE;
}

static gboolean
scan_json (const char  *data,
           gsize        length,
           GError     **error)
{
  guint depth = 0;
  guint line = 1;
  gboolean ended = FALSE;
  gsize i = 0;

  while (i < length)
    {
      char c = data[i];

      if (ended && !is_json_space (c))
        return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
                             /* Translators: %u is a line number in the file. */
                             _("more text follows the end of the export, on line %u; it "
                               "may be two exports joined together. Import each export "
                               "from a file of its own."), line);
      if (c == '"')
        {
          if (!skip_string (data, length, &i, &line, error))
            return FALSE;
          ended = depth == 0;
          continue;
        }
      if (c == '\0')
        return nul_error (error, line);
      if (c == '\n')
        line++;
      else if (c == '[' || c == '{')
        {
          if (++depth > ALLY_JOURNAL_MAX_IMPORT_DEPTH)
            return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                                 /* Translators: %d is a number of levels, such as 32. */
                                 _("its lists and objects are nested more than %d levels "
                                   "deep, which a journal export never is. Check that "
                                   "you chose a journal exported by Allyship."),
                                 ALLY_JOURNAL_MAX_IMPORT_DEPTH);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        ended = --depth == 0;
      i++;
    }
  return TRUE;
}

/* Reads the file, refusing anything but a regular file of a size we can hold. */
static char *
read_export (GFile         *source,
             GCancellable  *cancellable,
             gsize         *out_length,
             GError       **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *limit = g_format_size (ALLY_JOURNAL_MAX_IMPORT_BYTES);
  g_autofree char *data = NULL;

  info = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
                         _("it is not a regular file. Choose a journal exported by "
                           "Allyship.")), NULL;
  if (g_file_info_get_size (info) > ALLY_JOURNAL_MAX_IMPORT_BYTES)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                         /* Translators: %s is a size, such as “537 MB”. */
                         _("it is larger than %s, the most Allyship can import at once."),
                         limit), NULL;
  if (!g_file_load_contents (source, cancellable, &data, out_length, NULL, error))
    return NULL;
  /* The file may have grown since it was measured. */
  if (*out_length > ALLY_JOURNAL_MAX_IMPORT_BYTES)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                         _("it is larger than %s, the most Allyship can import at once."),
                         limit), NULL;
  return g_steal_pointer (&data);
}

/* Checking the parsed values */

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* “entry 3 (“Title”)” or, with no usable title, “entry 3”: how messages name an entry. */
static char *
describe_entry (JsonObject *object,
                guint       index)
{
  JsonNode *node = json_object_get_member (object, "title");
  const char *title = node && is_string_node (node) ? json_node_get_string (node) : "";
  g_autoptr (GString) shown = NULL;

  if (*title == '\0' || !g_utf8_validate (title, -1, NULL))
    /* Translators: how an error message names an entry; %u is its number in the file. */
    return g_strdup_printf (_("entry %u"), index + 1);
  shown = g_string_new (NULL);
  for (guint n = 0; *title && n < 40; n++, title = g_utf8_next_char (title))
    g_string_append_unichar (shown, g_utf8_get_char (title));
  if (*title)
    g_string_append (shown, "…");
  /* Translators: how an error message names an entry; %u is its number in the file,
     %s its title. */
  return g_strdup_printf (_("entry %u (“%s”)"), index + 1, shown->str);
}

/* Every text value read from the file passes here: json-glib turns a lone surrogate
 * escape (\ud800) into bytes that are not UTF-8, which would show as an empty editor. */
static gboolean
check_text (JsonObject  *object,
            guint        index,
            const char  *name,
            const char  *text,
            GError     **error)
{
  g_autofree char *entry = NULL;

  if (g_utf8_validate (text, -1, NULL))
    return TRUE;
  entry = describe_entry (object, index);
  return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                       /* Translators: the first %s is the name of a field in the file
                          (not translated), the second names an entry, such as
                          “entry 3 (“Title”)”. Keep “\ud800” as is. */
                       _("“%s” of %s holds a character that is not valid text (such as "
                         "\\ud800 alone). Correct it with a text editor, then import the "
                         "file again."), name, entry);
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
  return check_text (object, index, name, *out, error);
}

static gboolean
get_uid (JsonObject  *object,
         guint        index,
         const char **out,
         GError     **error)
{
  g_autofree char *entry = NULL;

  if (!get_string (object, index, "uid", FALSE, out, error))
    return FALSE;
  if (**out != '\0' && strlen (*out) <= ALLY_JOURNAL_MAX_UID_BYTES)
    return TRUE;
  entry = describe_entry (object, index);
  if (**out == '\0')
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                         /* Translators: %s names an entry, such as “entry 3 (“Title”)”;
                            “uid” is the name of a field in the file (not translated). */
                         _("the “uid” of %s is empty. Give it a text no other entry uses, "
                           "then import the file again."), entry);
  return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                       /* Translators: %s names an entry, such as “entry 3 (“Title”)”,
                          %d is a size limit; “uid” is the name of a field (not translated). */
                       _("the “uid” of %s is longer than %d bytes."),
                       entry, ALLY_JOURNAL_MAX_UID_BYTES);
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

static gboolean
check_tag (JsonObject  *object,
           guint        index,
           const char  *tag,
           GError     **error)
{
  g_autofree char *entry = NULL;

  if (strlen (tag) > ALLY_JOURNAL_MAX_TAG_BYTES)
    {
      entry = describe_entry (object, index);
      return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                           /* Translators: %s names an entry, such as “entry 3 (“Title”)”,
                              %d is a size limit. */
                           _("a tag of %s is longer than %d bytes. Shorten it, then import "
                             "the file again."), entry, ALLY_JOURNAL_MAX_TAG_BYTES);
    }
  return check_text (object, index, "tags", tag, error);
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
  if (json_array_get_length (array) > ALLY_JOURNAL_MAX_TAGS)
    {
      g_autofree char *entry = describe_entry (object, index);
      return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                           /* Translators: %s names an entry, such as “entry 3 (“Title”)”,
                              %d is a number of tags. */
                           _("%s has more than %d tags."), entry, ALLY_JOURNAL_MAX_TAGS), NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *tag = json_array_get_element (array, i);
      if (!is_string_node (tag))
        return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                             _("a tag of entry %u is not text."), index + 1), NULL;
      if (!check_tag (object, index, json_node_get_string (tag), error))
        return NULL;
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
  if (!get_uid (object, index, &uid, error) ||
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

/* A uid twice in the file is a duplicate; the journal is checked while writing. */
static gboolean
check_duplicates_in_file (GPtrArray  *entries,
                          GError    **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entries->len; i++)
    {
      const char *uid = ally_entry_get_uid (g_ptr_array_index (entries, i));

      if (!g_hash_table_add (seen, (gpointer) uid))
        return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_DUPLICATE,
                             /* Translators: %u is the entry's number in the file, %s
                                its unique id. */
                             _("entry %u appears twice in the file (uid %s)."), i + 1, uid);
    }
  return TRUE;
}

static void
entry_unref0 (gpointer entry)
{
  if (entry != NULL)
    g_object_unref (entry);
}

/* Turns the parsed entries into AllyEntry objects, last first, dropping each JSON node
 * once it is read so that the tree and the entries are not both held whole. */
static GPtrArray *
take_entries (JsonArray     *array,
              GCancellable  *cancellable,
              Progress      *progress,
              GError       **error)
{
  guint n = json_array_get_length (array);
  g_autoptr (GPtrArray) entries = g_ptr_array_new_full (n, entry_unref0);

  g_ptr_array_set_size (entries, n);
  for (guint i = n; i-- > 0;)
    {
      AllyEntry *entry = parse_entry (json_array_get_element (array, i), i, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_index (entries, i) = entry;
      json_array_remove_element (array, i);
      if (i % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          report_progress (progress, WRITE_START * (0.5 + 0.5 * (n - i) / n));
        }
    }
  return g_steal_pointer (&entries);
}

/* Everything that needs no database: runs on the worker thread. */
static GPtrArray *
read_and_check (GFile         *source,
                GCancellable  *cancellable,
                Progress      *progress,
                GError       **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *data = NULL;
  gsize length;
  JsonNode *root;

  data = read_export (source, cancellable, &length, error);
  if (data == NULL || !scan_json (data, length, error))
    return NULL;
  report_progress (progress, WRITE_START * 0.1);
  if (!json_parser_load_from_data (parser, data, length, &local))
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
                         /* Translators: “it” is the file being imported; %s is the JSON
                            parser's explanation. */
                         _("it is not valid JSON (%s)."), local->message), NULL;
  g_clear_pointer (&data, g_free);
  report_progress (progress, WRITE_START * 0.5);
  root = json_parser_get_root (parser);
  if (root == NULL)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON, _("it is empty.")), NULL;
  if (!check_header (root, error))
    return NULL;
  entries = take_entries (json_object_get_array_member (json_node_get_object (root), "entries"),
                          cancellable, progress, error);
  if (entries == NULL || !check_duplicates_in_file (entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/* The write: one transaction, through @db — the journal itself (the blocking import) or a
 * second connection to its file on the worker thread. Adding rows one by one with the
 * search index's insert trigger took three quarters of the time, so the trigger is dropped,
 * the rows inserted, the new rows indexed with one INSERT … SELECT, and the trigger made
 * again from its own SQL: all in the transaction (SQLite's DDL is transactional), so a kill
 * at any moment leaves the journal as it was before the import or after it, trigger too. */

/* The SQL that made the insert trigger (migrations[] in ally-journal.c), or NULL if none. */
static gboolean
read_insert_trigger (AllyJournal  *db,
                     char        **out_sql,
                     GError      **error)
{
  g_autoptr (AllyStmt) stmt = ally_journal_prepare (db,
    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entries_ai'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  ally_journal_set_error (db, error, rc, _("The journal could not be read"));
  return FALSE;
}

static gboolean
insert_entry (AllyJournal  *db,
              AllyEntry    *entry,
              guint         index,
              gint64       *out_id,
              GError      **error)
{
  g_autoptr (GError) local = NULL;

  if (ally_journal_insert_entry_row (db, entry, out_id, &local))
    return TRUE;
  /* The uid is the only unique column given: the entry is in the journal already. */
  if (sqlite3_extended_errcode (ally_journal_get_db (db)) == SQLITE_CONSTRAINT_UNIQUE)
    return import_error (error, ALLY_JOURNAL_ERROR_IMPORT_DUPLICATE,
                         /* Translators: %u is the entry's number in the file, %s
                            its unique id. */
                         _("entry %u is already in your journal (uid %s)."), index + 1,
                         ally_entry_get_uid (entry));
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Inserts the rows; sets the lowest and highest id they were given. */
static gboolean
insert_entries (AllyJournal   *db,
                GPtrArray     *entries,
                GCancellable  *cancellable,
                Progress      *progress,
                gint64        *out_min,
                gint64        *out_max,
                GError       **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      gint64 id = 0;

      if (!insert_entry (db, g_ptr_array_index (entries, i), i, &id, error))
        return FALSE;
      *out_min = i == 0 ? id : MIN (*out_min, id);
      *out_max = i == 0 ? id : MAX (*out_max, id);
      if (i % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          report_progress (progress, WRITE_START + (1 - WRITE_START) * i / entries->len);
        }
    }
  return TRUE;
}

/* Indexes the @n new rows, ids @min to @max, as the insert trigger would have (the same
 * columns). New rows get ids above all others, so they fill that range exactly; were they
 * ever not to, the whole index is rebuilt from the entries. */
static gboolean
index_entries (AllyJournal  *db,
               gint64        min,
               gint64        max,
               guint         n,
               GError      **error)
{
  g_autoptr (AllyStmt) stmt = NULL;

  if (n == 0)
    return TRUE;
  if (max - min + 1 != n)
    return ally_journal_exec (db, "INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')", error);
  stmt = ally_journal_prepare (db,
    "INSERT INTO entries_fts (rowid, title, body, tags_text)"
    " SELECT id, title, body, tags_text FROM entries WHERE id BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, min);
  sqlite3_bind_int64 (stmt, 2, max);
  return ally_journal_step_done (db, stmt, error);
}

static gboolean
write_entries_in_transaction (AllyJournal   *db,
                              GPtrArray     *entries,
                              GCancellable  *cancellable,
                              Progress      *progress,
                              GError       **error)
{
  g_autofree char *trigger = NULL;
  gint64 min = 0, max = 0;

  if (!read_insert_trigger (db, &trigger, error))
    return FALSE;
  /* Without the trigger (never, in a journal we made) rows are not indexed one by one
   * either, and so not here. */
  if (trigger == NULL)
    return insert_entries (db, entries, cancellable, progress, &min, &max, error);
  return ally_journal_exec (db, "DROP TRIGGER entries_ai", error) &&
         insert_entries (db, entries, cancellable, progress, &min, &max, error) &&
         index_entries (db, min, max, entries->len, error) &&
         ally_journal_exec (db, trigger, error) &&
         !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Adds every entry in one transaction through @db, or none. */
static gboolean
write_entries (AllyJournal   *db,
               GPtrArray     *entries,
               GCancellable  *cancellable,
               Progress      *progress,
               GError       **error)
{
  if (!ally_journal_begin (db, error))
    return FALSE;
  if (!write_entries_in_transaction (db, entries, cancellable, progress, error))
    {
      ally_journal_rollback (db);
      return FALSE;
    }
  return ally_journal_commit (db, error);
}

/* The asynchronous import */

typedef struct
{
  GFile    *source;
  Progress  progress;
  guint     added;
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
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (AllyJournal) second = NULL;
  GError *error = NULL;

  entries = read_and_check (data->source, cancellable, &data->progress, &error);
  if (entries != NULL)
    second = ally_journal_open_second_connection (ALLY_JOURNAL (source_object), &error);
  /* A transaction larger than the page cache (2 MiB) writes its pages out again and again
   * before it commits: with room for them, 1,000,000 entries wrote in a fraction of the time.
   * The cache grows only as far as it is used, and goes with the connection. */
  if (second != NULL &&
      !ally_journal_exec (second, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB), &error))
    g_clear_object (&second);
  if (second == NULL ||
      !write_entries (second, entries, cancellable, &data->progress, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data->added = entries->len;
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
 * @out_added: (out) (optional): how many entries were added
 */
gboolean
ally_journal_import_json_finish (AllyJournal   *self,
                                 GAsyncResult  *result,
                                 guint         *out_added,
                                 GError       **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (out_added)
    *out_added = data->added;
  return TRUE;
}

/**
 * ally_journal_import_json:
 *
 * Reads an export (docs/journal-format.md), checks all of it, then adds every entry
 * in one transaction — or, on any problem, adds nothing. Blocks: the app uses
 * ally_journal_import_json_async().
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

  entries = read_and_check (source, NULL, NULL, error);
  if (entries == NULL || !write_entries (self, entries, NULL, NULL, error))
    return FALSE;
  ally_journal_emit_reset (self);
  if (out_added)
    *out_added = entries->len;
  return TRUE;
}
