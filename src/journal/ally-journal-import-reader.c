/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-import-reader.c: reads an export file item by item and checks what it says.
 *
 * json-glib's JsonParser builds a tree of the whole text, about ten times its size (an
 * import of 1,000,000 entries peaked at 2.5 GB). Here the file is first checked in one
 * linear pass (nesting depth, null characters, text after the end), then its outline is
 * found — the top-level members and, in each list, where every item begins and ends — and
 * each item is parsed on its own when it is read. Only the file's text and one item's tree
 * are held at a time. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-entry-private.h"
#include "ally-journal-exchange-private.h"

typedef struct
{
  gsize start;
  gsize end;
  guint line;
} Span;

struct _AllyExportReader
{
  char       *data;
  gsize       length;
  GHashTable *members; /* name → Span */
  JsonParser *parser;
  gint64      version;
  gsize       position;
};

gboolean
ally_import_error (GError     **error,
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

/* The first pass: json-glib recurses once per level of nesting (deep files crash it),
 * and ends a string silently at \u0000. */

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
nul_error (GError **error,
           guint    line)
{
  return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
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
  *i = length;
  return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
                            /* Translators: %u is a line number in the file. */
                            _("it is not valid JSON (a text that begins on line %u never "
                              "ends)."), *line);
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
        return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
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
            return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                                      /* Translators: %d is a number of levels, such as 32. */
                                      ngettext ("its lists and objects are nested more than "
                                                "%d level deep, which a journal export never "
                                                "is. Check that you chose a journal exported "
                                                "by Allyship.",
                                                "its lists and objects are nested more than "
                                                "%d levels deep, which a journal export never "
                                                "is. Check that you chose a journal exported "
                                                "by Allyship.",
                                                ALLY_JOURNAL_MAX_IMPORT_DEPTH),
                                      ALLY_JOURNAL_MAX_IMPORT_DEPTH);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        ended = --depth == 0;
      i++;
    }
  return TRUE;
}

/* The outline: where values begin and end. json-glib checks each item's own syntax. */

static gboolean
syntax_error (GError **error,
              guint    line)
{
  return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
                            /* Translators: %u is a line number in the file. */
                            _("it is not valid JSON (something is missing or out of place "
                              "on line %u)."), line);
}

static void
skip_space (const char *data,
            gsize       length,
            gsize      *i,
            guint      *line)
{
  for (; *i < length && is_json_space (data[*i]); (*i)++)
    if (data[*i] == '\n')
      (*line)++;
}

/* Leaves *i after the value starting at data[*i]. */
static gboolean
skip_value (const char  *data,
            gsize        length,
            gsize       *i,
            guint       *line,
            GError     **error)
{
  guint depth = 0;
  gsize start = *i;

  if (*i >= length)
    return syntax_error (error, *line);
  if (data[*i] == '"')
    return skip_string (data, length, i, line, error);
  if (data[*i] != '{' && data[*i] != '[')
    {
      while (*i < length && !is_json_space (data[*i]) && strchr (",:]}[{\"", data[*i]) == NULL)
        (*i)++;
      return *i > start || syntax_error (error, *line);
    }
  while (*i < length)
    {
      char c = data[*i];

      if (c == '"')
        {
          if (!skip_string (data, length, i, line, error))
            return FALSE;
          continue;
        }
      if (c == '\n')
        (*line)++;
      else if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && --depth == 0)
        {
          (*i)++;
          return TRUE;
        }
      (*i)++;
    }
  return syntax_error (error, *line);
}

static gboolean
expect (const char  *data,
        gsize        length,
        gsize       *i,
        guint       *line,
        char         c,
        GError     **error)
{
  skip_space (data, length, i, line);
  if (*i >= length || data[*i] != c)
    return syntax_error (error, *line);
  (*i)++;
  return TRUE;
}

/* After a member or an item: a comma (TRUE in *more) or @close. */
static gboolean
next_or_close (const char  *data,
               gsize        length,
               gsize       *i,
               guint       *line,
               char         close,
               gboolean    *more,
               GError     **error)
{
  skip_space (data, length, i, line);
  if (*i < length && (data[*i] == ',' || data[*i] == close))
    {
      *more = data[(*i)++] == ',';
      return TRUE;
    }
  return syntax_error (error, *line);
}

static gboolean
read_outline (AllyExportReader  *self,
              GError           **error)
{
  const char *data = self->data;
  gsize length = self->length;
  gsize i = 0;
  guint line = 1;
  gboolean more = TRUE;

  skip_space (data, length, &i, &line);
  if (i >= length)
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON, _("it is empty."));
  if (data[i] != '{')
    {
      /* Valid JSON that is not an object, or not JSON at all. */
      return skip_value (data, length, &i, &line, error) &&
             ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_AN_EXPORT,
                                _("it is not an Allyship journal export."));
    }
  i++;
  skip_space (data, length, &i, &line);
  if (i < length && data[i] == '}')
    return TRUE;
  while (more)
    {
      gsize name_start, name_end;
      Span *span = g_new0 (Span, 1);

      skip_space (data, length, &i, &line);
      name_start = i + 1;
      if (i >= length || data[i] != '"')
        return g_free (span), syntax_error (error, line);
      if (!skip_string (data, length, &i, &line, error))
        return g_free (span), FALSE;
      name_end = i - 1;
      if (!expect (data, length, &i, &line, ':', error))
        return g_free (span), FALSE;
      skip_space (data, length, &i, &line);
      span->start = i;
      span->line = line;
      if (!skip_value (data, length, &i, &line, error))
        return g_free (span), FALSE;
      span->end = i;
      /* A name with escapes matches nothing we read, like any unknown member. */
      g_hash_table_replace (self->members, g_strndup (data + name_start, name_end - name_start),
                            span);
      if (!next_or_close (data, length, &i, &line, '}', &more, error))
        return FALSE;
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
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
                              _("it is not a regular file. Choose a journal exported by "
                                "Allyship.")), NULL;
  if (g_file_info_get_size (info) > ALLY_JOURNAL_MAX_IMPORT_BYTES)
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                              /* Translators: %s is a size, such as “537 MB”. */
                              _("it is larger than %s, the most Allyship can import at once."),
                              limit), NULL;
  if (!g_file_load_contents (source, cancellable, &data, out_length, NULL, error))
    return NULL;
  /* The file may have grown since it was measured. */
  if (*out_length > ALLY_JOURNAL_MAX_IMPORT_BYTES)
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                              _("it is larger than %s, the most Allyship can import at once."),
                              limit), NULL;
  return g_steal_pointer (&data);
}

static Span *
get_member (AllyExportReader *self,
            const char       *name)
{
  return g_hash_table_lookup (self->members, name);
}

static gboolean
span_is (AllyExportReader *self,
         Span             *span,
         const char       *text)
{
  return span->end - span->start == strlen (text) &&
         memcmp (self->data + span->start, text, span->end - span->start) == 0;
}

static gboolean
check_header (AllyExportReader  *self,
              GError           **error)
{
  Span *format = get_member (self, "format");
  Span *version = get_member (self, "version");
  Span *entries = get_member (self, "entries");
  g_autofree char *text = NULL;

  if (format == NULL || !span_is (self, format, "\"" ALLY_EXPORT_FORMAT "\""))
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_AN_EXPORT,
                              _("it is not an Allyship journal export."));
  if (version == NULL)
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_MISSING_FIELD,
                              _("it has no format version."));
  text = g_strndup (self->data + version->start, version->end - version->start);
  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &self->version, NULL))
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                              _("its format version is not a whole number."));
  if (self->version != 1 && self->version != ALLY_EXPORT_VERSION)
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_VERSION,
                              /* Translators: “it” is the file being imported; the first
                                 number is the file's format version, the second the newest
                                 this version of Allyship reads. */
                              _("it uses format version %lld, this version of Allyship reads "
                                "versions 1 to %d. Update Allyship, then import the file "
                                "again."),
                              (long long) self->version, ALLY_EXPORT_VERSION);
  if (entries == NULL)
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_MISSING_FIELD,
                              /* Translators: “it” is the file being imported; %s is the name
                                 of a field in the file (not translated). */
                              _("it has no “%s”."), "entries");
  return TRUE;
}

/**
 * ally_export_reader_new:
 *
 * Reads @source and checks its outline and header; the items are checked as they are
 * read (ally_export_reader_foreach()).
 */
AllyExportReader *
ally_export_reader_new (GFile         *source,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr (AllyExportReader) self = g_new0 (AllyExportReader, 1);

  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->parser = json_parser_new_immutable ();
  self->data = read_export (source, cancellable, &self->length, error);
  if (self->data == NULL || !scan_json (self->data, self->length, error) ||
      !read_outline (self, error) || !check_header (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
ally_export_reader_free (AllyExportReader *self)
{
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_object (&self->parser);
  g_clear_pointer (&self->data, g_free);
  g_free (self);
}

double
ally_export_reader_get_fraction (AllyExportReader *self)
{
  return self->length > 0 ? (double) self->position / self->length : 1;
}

static gboolean
parse_item (AllyExportReader  *self,
            const char        *list,
            guint              index,
            gsize              start,
            gsize              end,
            JsonObject       **out,
            GError           **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *item = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (self->parser, self->data + start, end - start, &local))
    {
      item = ally_item_describe (list, index);
      return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_NOT_JSON,
                                /* Translators: the first %s names an item, such as
                                   “entry 3”; the second is the JSON parser's explanation. */
                                _("%s is not valid JSON (%s)."), item, local->message);
    }
  root = json_parser_get_root (self->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      item = ally_item_describe (list, index);
      /* Translators: %s names an item, such as “entry 3”. */
      return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                                _("%s is not an object."), item);
    }
  *out = json_node_get_object (root);
  return TRUE;
}

/**
 * ally_export_reader_foreach:
 *
 * Parses the items of list @list one at a time and passes each to @func. A missing list is
 * an empty one (a version 1 file has only "entries").
 */
gboolean
ally_export_reader_foreach (AllyExportReader  *self,
                            const char        *list,
                            AllyItemFunc       func,
                            gpointer           user_data,
                            GError           **error)
{
  Span *span = get_member (self, list);
  gsize i;
  guint line, index = 0;
  gboolean more = TRUE;

  if (span == NULL || span_is (self, span, "null"))
    return TRUE;
  if (self->data[span->start] != '[')
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                              /* Translators: “its” is the imported file's; %s is the name of
                                 a field in the file (not translated). */
                              _("its “%s” is not a list."), list);
  i = span->start + 1;
  line = span->line;
  skip_space (self->data, span->end, &i, &line);
  if (self->data[i] == ']')
    return TRUE;
  while (more)
    {
      JsonObject *item = NULL;
      gsize start;

      skip_space (self->data, span->end, &i, &line);
      start = i;
      if (!skip_value (self->data, span->end, &i, &line, error) ||
          !parse_item (self, list, index, start, i, &item, error) ||
          !func (item, index, user_data, error) ||
          !next_or_close (self->data, span->end, &i, &line, ']', &more, error))
        return FALSE;
      self->position = i;
      index++;
    }
  return TRUE;
}

/* Checking an item's values */

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* “entry 3 (“Title”)” or, with no usable title, “entry 3”: how messages name an item. */
static char *
describe (JsonObject *item,
          const char *list,
          guint       index)
{
  JsonNode *node = json_object_get_member (item, "title");
  const char *title = node && is_string_node (node) ? json_node_get_string (node) : "";
  g_autoptr (GString) shown = NULL;

  if (*title == '\0' || !g_utf8_validate (title, -1, NULL) || !g_str_equal (list, "entries"))
    return ally_item_describe (list, index);
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
check_text (JsonObject  *item,
            const char  *list,
            guint        index,
            const char  *name,
            const char  *text,
            GError     **error)
{
  g_autofree char *what = NULL;

  if (g_utf8_validate (text, -1, NULL))
    return TRUE;
  what = describe (item, list, index);
  return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                            /* Translators: the first %s is the name of a field in the file
                               (not translated), the second names an item, such as
                               “entry 3 (“Title”)”. Keep “\ud800” as is. */
                            _("“%s” of %s holds a character that is not valid text (such as "
                              "\\ud800 alone). Correct it with a text editor, then import the "
                              "file again."), name, what);
}

/* Fetches member @name, or says that it is missing (unless @optional). */
static JsonNode *
get_member_node (JsonObject  *item,
                 const char  *list,
                 guint        index,
                 const char  *name,
                 gboolean     optional,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (item, name);
  g_autofree char *what = NULL;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;
  if (!optional)
    {
      what = describe (item, list, index);
      /* Translators: the first %s names an item, such as “entry 3 (“Title”)”, the
         second is the name of a field in the file, such as “created” (not translated). */
      ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_MISSING_FIELD,
                         _("%s has no “%s”."), what, name);
    }
  return NULL;
}

static gboolean
wrong_type (JsonObject  *item,
            const char  *list,
            guint        index,
            const char  *name,
            const char  *format,
            GError     **error)
{
  g_autofree char *what = describe (item, list, index);

  return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE, format, name, what);
}

gboolean
ally_item_get_text (JsonObject   *item,
                    const char   *list,
                    guint         index,
                    const char   *name,
                    gboolean      optional,
                    const char  **out,
                    GError      **error)
{
  JsonNode *node = get_member_node (item, list, index, name, optional, error);

  *out = NULL;
  if (node == NULL)
    return optional; /* if not, get_member_node() said so */
  if (!is_string_node (node))
    /* Translators: the first %s is the name of a field in the file (not translated), the
       second names an item, such as “entry 3 (“Title”)”. */
    return wrong_type (item, list, index, name, _("“%s” of %s is not text."), error);
  *out = json_node_get_string (node);
  if (strlen (*out) > ALLY_JOURNAL_MAX_FIELD_BYTES)
    {
      g_autofree char *what = describe (item, list, index);
      return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                                /* Translators: the first %s is the name of a field in the
                                   file (not translated), the second names an item, %d is
                                   a size limit. */
                                ngettext ("“%s” of %s is larger than %d byte.",
                                          "“%s” of %s is larger than %d bytes.",
                                          ALLY_JOURNAL_MAX_FIELD_BYTES),
                                name, what, ALLY_JOURNAL_MAX_FIELD_BYTES);
    }
  return check_text (item, list, index, name, *out, error);
}

/* A uid or a course id: text that is neither empty nor long. */
gboolean
ally_item_get_key (JsonObject   *item,
                   const char   *list,
                   guint         index,
                   const char   *name,
                   const char  **out,
                   GError      **error)
{
  g_autofree char *what = NULL;

  if (!ally_item_get_text (item, list, index, name, FALSE, out, error))
    return FALSE;
  if (**out != '\0' && strlen (*out) <= ALLY_JOURNAL_MAX_UID_BYTES)
    return TRUE;
  what = describe (item, list, index);
  if (**out == '\0')
    return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                              /* Translators: the first %s is the name of a field in the
                                 file (not translated), the second names an item, such as
                                 “entry 3 (“Title”)”. */
                              _("the “%s” of %s is empty. Give it a text no other item of "
                                "its kind uses, then import the file again."), name, what);
  return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                            /* Translators: the first %s is the name of a field in the file
                               (not translated), the second names an item, %d is a size
                               limit. */
                            ngettext ("the “%s” of %s is longer than %d byte.",
                                      "the “%s” of %s is longer than %d bytes.",
                                      ALLY_JOURNAL_MAX_UID_BYTES),
                            name, what, ALLY_JOURNAL_MAX_UID_BYTES);
}

gboolean
ally_item_get_time (JsonObject   *item,
                    const char   *list,
                    guint         index,
                    const char   *name,
                    gboolean      optional,
                    GDateTime   **out,
                    GError      **error)
{
  const char *text;

  *out = NULL;
  if (!ally_item_get_text (item, list, index, name, optional, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  *out = g_date_time_new_from_iso8601 (text, NULL);
  if (*out != NULL)
    return TRUE;
  /* Translators: the first %s is the name of a field in the file (not translated), the
     second names an item, such as “entry 3 (“Title”)”. */
  return wrong_type (item, list, index, name, _("“%s” of %s is not a date and time "
                                                "(ISO 8601)."), error);
}

static gboolean
check_tag (JsonObject  *item,
           const char  *list,
           guint        index,
           const char  *tag,
           GError     **error)
{
  g_autofree char *what = NULL;

  if (strlen (tag) <= ALLY_JOURNAL_MAX_TAG_BYTES)
    return check_text (item, list, index, "tags", tag, error);
  what = describe (item, list, index);
  return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                            /* Translators: %s names an entry, such as “entry 3 (“Title”)”,
                               %d is a size limit. */
                            ngettext ("a tag of %s is longer than %d byte. Shorten it, then "
                                      "import the file again.",
                                      "a tag of %s is longer than %d bytes. Shorten it, then "
                                      "import the file again.",
                                      ALLY_JOURNAL_MAX_TAG_BYTES),
                            what, ALLY_JOURNAL_MAX_TAG_BYTES);
}

gboolean
ally_item_get_tags (JsonObject   *item,
                    const char   *list,
                    guint         index,
                    GStrv        *out,
                    GError      **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = get_member_node (item, list, index, "tags", FALSE, error);
  g_autofree char *what = NULL;
  JsonArray *array;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    /* Translators: the first %s is the name of a field in the file (not translated), the
       second names an item, such as “entry 3 (“Title”)”. */
    return wrong_type (item, list, index, "tags", _("“%s” of %s is not a list."), error);
  array = json_node_get_array (node);
  if (json_array_get_length (array) > ALLY_JOURNAL_MAX_TAGS)
    {
      what = describe (item, list, index);
      return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_TOO_LARGE,
                                /* Translators: %s names an entry, such as “entry 3 (“Title”)”,
                                   %d is a number of tags. */
                                ngettext ("%s has more than %d tag.", "%s has more than %d tags.",
                                          ALLY_JOURNAL_MAX_TAGS),
                                what, ALLY_JOURNAL_MAX_TAGS);
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *tag = json_array_get_element (array, i);

      if (!is_string_node (tag))
        {
          what = describe (item, list, index);
          return ally_import_error (error, ALLY_JOURNAL_ERROR_IMPORT_WRONG_TYPE,
                                    /* Translators: %s names an entry, such as “entry 3”. */
                                    _("a tag of %s is not text."), what);
        }
      if (!check_tag (item, list, index, json_node_get_string (tag), error))
        return FALSE;
      g_strv_builder_add (builder, json_node_get_string (tag));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
get_number (JsonObject  *item,
            const char  *list,
            guint        index,
            const char  *name,
            gboolean     whole,
            JsonNode   **out,
            GError     **error)
{
  JsonNode *node = get_member_node (item, list, index, name, FALSE, error);
  GType type;

  if (node == NULL)
    return FALSE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  *out = node;
  if (type == G_TYPE_INT64 || (!whole && type == G_TYPE_DOUBLE))
    return TRUE;
  if (whole)
    /* Translators: the first %s is the name of a field in the file (not translated), the
       second names an item, such as “review card 3”. */
    return wrong_type (item, list, index, name, _("“%s” of %s is not a whole number."), error);
  /* Translators: the first %s is the name of a field in the file (not translated), the
     second names an item, such as “review card 3”. */
  return wrong_type (item, list, index, name, _("“%s” of %s is not a number."), error);
}

static gboolean
bind_time (JsonObject          *item,
           const char          *list,
           guint                index,
           const AllyItemField *field,
           sqlite3_stmt        *stmt,
           int                  param,
           GError             **error)
{
  g_autoptr (GDateTime) time = NULL;

  if (!ally_item_get_time (item, list, index, field->name, field->optional, &time, error))
    return FALSE;
  if (time == NULL)
    sqlite3_bind_null (stmt, param);
  else
    sqlite3_bind_int64 (stmt, param, ally_usec_from_date_time (time));
  return TRUE;
}

static gboolean
bind_text (AllyJournal         *db,
           const AllyItemKind  *kind,
           const char          *row,
           JsonObject          *item,
           const char          *list,
           guint                index,
           const AllyItemField *field,
           gboolean             key,
           sqlite3_stmt        *stmt,
           int                  param,
           GError             **error)
{
  const char *text;

  if (key ? !ally_item_get_key (item, list, index, field->name, &text, error)
          : !ally_item_get_text (item, list, index, field->name, field->optional, &text, error))
    return FALSE;
  if (field->sealed && text != NULL)
    return ally_journal_bind_text (db, stmt, param, text, kind->table, field->column, row,
                                   error);
  sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
  return TRUE;
}

/* Binds @field's value (checked) to @param of @stmt; a missing optional one as NULL. */
gboolean
ally_item_bind_field (AllyJournal         *db,
                      const AllyItemKind  *kind,
                      const char          *row,
                      JsonObject          *item,
                      const char          *list,
                      guint                index,
                      const AllyItemField *field,
                      gboolean             key,
                      sqlite3_stmt        *stmt,
                      int                  param,
                      GError             **error)
{
  JsonNode *node;

  switch (field->type)
    {
    case ALLY_FIELD_TEXT:
    case ALLY_FIELD_ENTRY_REF:
      return bind_text (db, kind, row, item, list, index, field, key, stmt, param, error);
    case ALLY_FIELD_TIME:
      return bind_time (item, list, index, field, stmt, param, error);
    case ALLY_FIELD_INT:
      if (!get_number (item, list, index, field->name, TRUE, &node, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, param, json_node_get_int (node));
      return TRUE;
    case ALLY_FIELD_REAL:
      if (!get_number (item, list, index, field->name, FALSE, &node, error))
        return FALSE;
      sqlite3_bind_double (stmt, param, json_node_get_double (node));
      return TRUE;
    case ALLY_FIELD_BOOL:
      node = get_member_node (item, list, index, field->name, FALSE, error);
      if (node == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        /* Translators: the first %s is the name of a field in the file (not translated),
           the second names an item, such as “quiz answer 3”. */
        return wrong_type (item, list, index, field->name, _("“%s” of %s is not true or "
                                                             "false."), error);
      sqlite3_bind_int (stmt, param, json_node_get_boolean (node));
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}
