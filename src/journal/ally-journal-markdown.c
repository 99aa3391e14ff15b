/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-markdown.c: the journal as a Markdown document to read — every entry under
 * its own heading with its date in the person's language, its lesson and tags, then the
 * commitments and the power and privilege map. Text the person wrote is escaped, so that
 * it reads as written: a “#” or a “*” in an entry stays one. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-journal-exchange-private.h"
#include "ally-journal-progress.h"

typedef struct
{
  AllyTitleFunc  title_func;
  gpointer       title_data;
  GString       *text;
  GFile         *folder; /* one file per entry, or NULL */
} Document;

/* Characters that mean something anywhere in a line of Markdown. */
#define INLINE_SPECIAL "\\`*_[]<>#|~!&"

static void
append_inline (GString    *out,
               const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        {
          if (strchr (INLINE_SPECIAL, *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
}

/* Appends one line of the person's text, so that its start does not begin a list, a quote,
 * a heading underline or a rule: “- ”, “> ”, “=”, “1. ” are escaped (“1\\. ”). */
static void
append_line (GString    *out,
             const char *line)
{
  gsize digits = strspn (line, "0123456789");

  /* “>” and “#” are escaped wherever they are (INLINE_SPECIAL). */
  if (*line != '\0' && strchr ("-+=", *line) != NULL)
    g_string_append_c (out, '\\');
  else if (digits > 0 && (line[digits] == '.' || line[digits] == ')'))
    {
      g_string_append_len (out, line, digits);
      g_string_append_c (out, '\\');
      line += digits;
    }
  append_inline (out, line);
}

/* The person's text: each line as written (a hard line break, “\” at its end), blank
 * lines between paragraphs kept. */
static void
append_text_block (GString    *out,
                   const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      gboolean blank = *g_strchomp (lines[i]) == '\0';
      gboolean next_blank = lines[i + 1] == NULL || *lines[i + 1] == '\0' ||
                            strspn (lines[i + 1], " \t\r") == strlen (lines[i + 1]);

      if (!blank)
        {
          /* Four spaces would make a code block; the text's own indent is not Markdown. */
          line += strspn (line, " \t");
          append_line (out, line);
          if (!next_blank)
            g_string_append_c (out, '\\');
        }
      g_string_append_c (out, '\n');
    }
}

static char *
format_local (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);

  /* Translators: the date and time of an entry in the Markdown export, a
     g_date_time_format() format; “Sunday, November 29, 2026, 15:20”. */
  return g_date_time_format (local, _("%A, %B %-d, %Y, %H:%M"));
}

static char *
format_day (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);

  /* Translators: a day in the Markdown export, a g_date_time_format() format. */
  return g_date_time_format (local, _("%B %-d, %Y"));
}

static char *
look_up_title (Document      *doc,
               AllyTitleKind  kind,
               const char    *id)
{
  char *title = doc->title_func ? doc->title_func (kind, id, doc->title_data) : NULL;

  return title ? title : g_strdup (id);
}

static void
append_entry (Document  *doc,
              GString   *out,
              AllyEntry *entry)
{
  const char * const *tags = ally_entry_get_tags (entry);
  const char *title = ally_entry_get_title (entry);
  const char *lesson = ally_entry_get_lesson_id (entry);
  g_autofree char *when = format_local (ally_entry_get_created (entry));

  g_string_append (out, "## ");
  append_inline (out, *title ? title : _("Untitled Entry"));
  g_string_append (out, "\n\n*");
  append_inline (out, when);
  g_string_append (out, "*\n");
  if (lesson != NULL)
    {
      g_autofree char *lesson_title = look_up_title (doc, ALLY_TITLE_LESSON, lesson);

      /* Translators: before the title of the lesson an entry was written for. */
      g_string_append_printf (out, "\n%s ", _("Lesson:"));
      append_inline (out, lesson_title);
      g_string_append_c (out, '\n');
    }
  if (tags[0] != NULL)
    {
      /* Translators: before an entry's tags. */
      g_string_append_printf (out, "\n%s ", _("Tags:"));
      for (guint i = 0; tags[i]; i++)
        {
          g_string_append (out, i > 0 ? ", " : "");
          append_inline (out, tags[i]);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
  append_text_block (out, ally_entry_get_body (entry));
  g_string_append_c (out, '\n');
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
add_entry (AllyEntry  *entry,
           gpointer    user_data,
           GError    **error)
{
  Document *doc = user_data;
  g_autoptr (GString) text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GFile) file = NULL;

  if (doc->folder == NULL)
    {
      append_entry (doc, doc->text, entry);
      return TRUE;
    }
  text = g_string_new (NULL);
  date = g_date_time_format (ally_entry_get_created (entry), "%Y-%m-%d");
  name = g_strdup_printf ("%s-%" G_GINT64_FORMAT ".md", date, ally_entry_get_id (entry));
  file = g_file_get_child (doc->folder, name);
  append_entry (doc, text, entry);
  return write_text (file, text, error);
}

static gboolean
append_commitments (AllyJournal  *self,
                    Document     *doc,
                    GError      **error)
{
  g_autoptr (GListModel) list = ally_journal_list_commitments (self, error);
  guint n;

  if (list == NULL)
    return FALSE;
  n = g_list_model_get_n_items (list);
  if (n == 0)
    return TRUE;
  g_string_append_printf (doc->text, "# %s\n\n", _("Commitments"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AllyCommitment) item = g_list_model_get_item (list, i);
      GDateTime *done = ally_commitment_get_done_at (item);
      GDateTime *due = ally_commitment_get_due (item);
      const char *lesson = ally_commitment_get_lesson_id (item);

      g_string_append (doc->text, done ? "- [x] " : "- [ ] ");
      append_inline (doc->text, ally_commitment_get_text (item));
      if (done != NULL || due != NULL)
        {
          g_autofree char *day = format_day (done ? done : due);
          /* Translators: after a commitment in the Markdown export; %s is a day. */
          g_autofree char *when = g_strdup_printf (done ? _("done %s") : _("due %s"), day);

          g_string_append (doc->text, " — ");
          append_inline (doc->text, when);
        }
      if (lesson != NULL)
        {
          g_autofree char *title = look_up_title (doc, ALLY_TITLE_LESSON, lesson);

          g_string_append (doc->text, " (");
          append_inline (doc->text, title);
          g_string_append_c (doc->text, ')');
        }
      g_string_append_c (doc->text, '\n');
    }
  g_string_append_c (doc->text, '\n');
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static gboolean
append_power_map (AllyJournal  *self,
                  Document     *doc,
                  GError      **error)
{
  g_autoptr (GHashTable) map = ally_journal_get_power_map (self, error);
  g_autofree gpointer *axes = NULL;
  guint n;

  if (map == NULL)
    return FALSE;
  if (g_hash_table_size (map) == 0)
    return TRUE;
  axes = g_hash_table_get_keys_as_array (map, &n);
  qsort (axes, n, sizeof (gpointer), compare_strings);
  g_string_append_printf (doc->text, "# %s\n\n", _("Power and Privilege Map"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *question = look_up_title (doc, ALLY_TITLE_MAP_QUESTION, axes[i]);

      g_string_append (doc->text, "### ");
      append_inline (doc->text, question);
      g_string_append (doc->text, "\n\n");
      append_text_block (doc->text, g_hash_table_lookup (map, axes[i]));
      g_string_append_c (doc->text, '\n');
    }
  return TRUE;
}

/**
 * ally_journal_export_markdown:
 * @target: a folder (one file per entry, made if missing) or a file (single file)
 * @title_func: (nullable): the course's titles for lessons and map questions; without it,
 *   or for an id it does not know, the id is shown
 *
 * Writes the journal as a Markdown document to read: a heading per entry (its title),
 * the local date and time, the lesson, the tags, then the text; in a single file the
 * commitments and the power and privilege map follow.
 */
gboolean
ally_journal_export_markdown (AllyJournal       *self,
                              GFile             *target,
                              AllyMarkdownMode   mode,
                              AllyTitleFunc      title_func,
                              gpointer           user_data,
                              GError           **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) local = NULL;
  Document doc = { title_func, user_data, text, NULL };

  g_return_val_if_fail (ALLY_IS_JOURNAL (self), FALSE);

  if (mode == ALLY_MARKDOWN_FILE_PER_ENTRY)
    {
      if (!g_file_make_directory_with_parents (target, NULL, &local) &&
          !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      doc.folder = target;
      return ally_journal_foreach_entry (self, add_entry, &doc, error);
    }
  g_string_append_printf (text, "# %s\n\n", _("Journal"));
  return ally_journal_foreach_entry (self, add_entry, &doc, error) &&
         append_commitments (self, &doc, error) &&
         append_power_map (self, &doc, error) &&
         write_text (target, text, error);
}
