/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-set.c: a whole course from a folder or a resource: reading the files,
 * then the checks across files (unique ids, references, course order and rules). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-content-parser.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#define MAX_DEPTH 8

AllyContentSet *
ally_content_set_new (void)
{
  AllyContentSet *set = g_new0 (AllyContentSet, 1);

  set->files = g_ptr_array_new_with_free_func ((GDestroyNotify) ally_content_file_free);
  set->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  set->lessons = g_ptr_array_new_with_free_func (g_object_unref);
  set->terms = g_ptr_array_new_with_free_func (g_object_unref);
  set->sources = g_ptr_array_new_with_free_func (g_object_unref);
  set->map_questions = g_ptr_array_new_with_free_func (g_object_unref);

  return set;
}

void
ally_content_set_free (AllyContentSet *set)
{
  if (set == NULL)
    return;

  g_ptr_array_unref (set->files);
  g_ptr_array_unref (set->problems);
  g_ptr_array_unref (set->lessons);
  g_ptr_array_unref (set->terms);
  g_ptr_array_unref (set->sources);
  g_ptr_array_unref (set->map_questions);
  g_strfreev (set->locales);
  g_free (set);
}

static void
ally_content_set_add_data (AllyContentSet *set,
                           const char     *name,
                           const char     *data,
                           gsize           length)
{
  g_ptr_array_add (set->files, ally_content_parse_file (name, data, length, set->problems));
}

/* A file that could not be read still counts, so that its kind is known to be broken. */
static void
add_unreadable (AllyContentSet *set,
                const char     *name)
{
  g_ptr_array_add (set->files, ally_content_file_new (name));
}

static gboolean
is_invisible (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_UNASSIGNED:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
ally_content_display_name (const char *name)
{
  GString *shown = g_string_sized_new (strlen (name));

  for (const char *p = name; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (shown, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      if (c == '\\')
        g_string_append (shown, "\\\\");
      else if (c == '\n')
        g_string_append (shown, "\\n");
      else if (c == '\r')
        g_string_append (shown, "\\r");
      else if (c == '\t')
        g_string_append (shown, "\\t");
      else if (is_invisible (c) && c < 0x100)
        g_string_append_printf (shown, "\\x%02x", c);
      else if (is_invisible (c))
        g_string_append_printf (shown, "\\u%04x", c);
      else
        g_string_append_len (shown, p, g_utf8_next_char (p) - p);

      p = g_utf8_next_char (p);
    }

  return g_string_free (shown, FALSE);
}

static gboolean
set_not_regular (GError **error)
{
  g_set_error_literal (error, ALLY_CONTENT_ERROR, ALLY_CONTENT_ERROR_IO,
                       _("not a regular file: a content file cannot be a folder, a pipe or a device"));
  return FALSE;
}

static gboolean
set_too_large (goffset   size,
               GError  **error)
{
  g_set_error (error, ALLY_CONTENT_ERROR, ALLY_CONTENT_ERROR_TOO_LARGE,
               /* Translators: the file's size, then the size limit. */
               g_dngettext (GETTEXT_PACKAGE, "file is %llu byte, more than the %d byte limit",
                            "file is %llu bytes, more than the %d byte limit", (gulong) size),
               (unsigned long long) size, ALLY_CONTENT_MAX_FILE_SIZE);
  return FALSE;
}

static gboolean
set_errno (int      saved_errno,
           GError **error)
{
  g_set_error (error, ALLY_CONTENT_ERROR, ALLY_CONTENT_ERROR_IO,
               /* Translators: %s is the system's explanation. */
               _("cannot read: %s"), g_strerror (saved_errno));
  return FALSE;
}

/* Reads FD, a regular file of SIZE bytes when it was opened, never past the size cap, even
 * if the file grows meanwhile. */
static gboolean
read_capped (int       fd,
             goffset   size,
             char    **contents,
             gsize    *length,
             GError  **error)
{
  gsize allocated = MIN ((gsize) size, ALLY_CONTENT_MAX_FILE_SIZE) + 1;
  g_autofree char *buffer = g_malloc (allocated);
  gsize len = 0;

  while (len <= ALLY_CONTENT_MAX_FILE_SIZE)
    {
      gssize n;

      if (len == allocated)
        {
          allocated = MIN (allocated * 2, (gsize) ALLY_CONTENT_MAX_FILE_SIZE + 1);
          buffer = g_realloc (buffer, allocated);
        }

      n = read (fd, buffer + len, allocated - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno (errno, error);
      if (n == 0)
        break;
      len += n;
    }

  if (len > ALLY_CONTENT_MAX_FILE_SIZE)
    {
      g_set_error (error, ALLY_CONTENT_ERROR, ALLY_CONTENT_ERROR_TOO_LARGE,
                   /* Translators: %d is the size limit in bytes. */
                   ngettext ("the file grew past the limit of %d byte while it was read",
                             "the file grew past the limit of %d bytes while it was read",
                             ALLY_CONTENT_MAX_FILE_SIZE),
                   ALLY_CONTENT_MAX_FILE_SIZE);
      return FALSE;
    }

  *contents = g_steal_pointer (&buffer);
  *length = len;
  return TRUE;
}

/* Reads the content file at PATH.  A symbolic link is followed, but what is read must be a
 * regular file: a FIFO would block forever, a device never end.  The type and size are
 * those of the file opened (O_NONBLOCK, so that opening a FIFO cannot block either). */
static gboolean
read_regular_file (const char  *path,
                   char       **contents,
                   gsize       *length,
                   GError     **error)
{
  struct stat st;
  gboolean ok;
  int fd;

  /* Refuse devices and pipes before opening them: opening some has effects. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    return set_not_regular (error);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return set_errno (errno, error);

  if (fstat (fd, &st) != 0)
    ok = set_errno (errno, error);
  else if (!S_ISREG (st.st_mode))
    ok = set_not_regular (error);
  else if (st.st_size > ALLY_CONTENT_MAX_FILE_SIZE)
    ok = set_too_large (st.st_size, error);
  else
    ok = read_capped (fd, st.st_size, contents, length, error);

  g_close (fd, NULL);
  return ok;
}

static gboolean
is_content_name (const char *name)
{
  if (name[0] == '.' || g_str_has_suffix (name, ".gresource.xml"))
    return FALSE;

  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".xml.in");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
read_directory (AllyContentSet *set,
                GFile          *root,
                GFile          *dir,
                int             depth)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *rel_dir = g_file_get_relative_path (root, dir);
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (enumerator == NULL)
    {
      g_autofree char *shown = ally_content_display_name (rel_dir ? rel_dir : ".");

      ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_IO, shown, 1,
                                /* Translators: %s is the system's explanation. */
                                _("cannot read the folder: %s"), error->message);
      return;
    }

  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)) != NULL)
    {
      char *name = g_strdup (g_file_info_get_name (info));

      g_ptr_array_add (names, name);
      g_hash_table_insert (types, name, GINT_TO_POINTER (g_file_info_get_file_type (info)));
      g_object_unref (info);
    }

  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      GFileType type = GPOINTER_TO_INT (g_hash_table_lookup (types, name));
      g_autoptr(GFile) child = g_file_get_child (dir, name);
      g_autofree char *rel = g_file_get_relative_path (root, child);
      g_autofree char *shown = NULL;
      g_autofree char *path = NULL;
      g_autofree char *merged = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) load_error = NULL;
      gsize length = 0;

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          /* languages/LL/: the course merged with one translation each, read on its own */
          if (depth == 0 && strcmp (name, ALLY_CONTENT_LANGUAGES_DIR) == 0)
            continue;
          if (name[0] != '.' && depth < MAX_DEPTH)
            read_directory (set, root, child, depth + 1);
          continue;
        }

      if (!is_content_name (name))
        continue;

      /* X.xml (merged with translations) wins over its source X.xml.in */
      if (g_str_has_suffix (name, ".xml.in"))
        {
          merged = g_strndup (name, strlen (name) - 3);
          if (g_hash_table_contains (types, merged))
            continue;
        }

      /* From here on the file is known by its name as a person can read it. */
      shown = ally_content_display_name (rel);
      path = g_file_get_path (child);
      if (path == NULL)
        g_set_error_literal (&load_error, ALLY_CONTENT_ERROR, ALLY_CONTENT_ERROR_IO,
                             _("cannot read: not a local file"));

      if (load_error != NULL || !read_regular_file (path, &contents, &length, &load_error))
        {
          ally_content_add_problem (set->problems, load_error->code, shown, 1, "%s", load_error->message);
          add_unreadable (set, shown);
          continue;
        }

      ally_content_set_add_data (set, shown, contents, length);
    }
}

void
ally_content_set_read_directory (AllyContentSet *set,
                                 GFile          *dir)
{
  read_directory (set, dir, dir, 0);
}

static void
read_resource (AllyContentSet *set,
               const char     *path,
               int             depth)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (children == NULL)
    {
      ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_IO, path, 1,
                                /* Translators: %s is the system's explanation. */
                                _("cannot read the resource folder: %s"), error->message);
      return;
    }

  qsort (children, g_strv_length (children), sizeof (char *), compare_strings);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *child = g_build_path ("/", path, children[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) lookup_error = NULL;
      gsize size = 0;

      if (g_str_has_suffix (children[i], "/"))
        {
          if (depth == 0 && strcmp (children[i], ALLY_CONTENT_LANGUAGES_DIR "/") == 0)
            continue;
          if (depth < MAX_DEPTH)
            read_resource (set, child, depth + 1);
          continue;
        }

      if (!is_content_name (children[i]))
        continue;

      if (g_resources_get_info (child, G_RESOURCE_LOOKUP_FLAGS_NONE, &size, NULL, NULL) &&
          size > ALLY_CONTENT_MAX_FILE_SIZE)
        {
          ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_TOO_LARGE, child, 1,
                                    /* Translators: the file's size, then the size limit. */
                                    g_dngettext (GETTEXT_PACKAGE, "file is %llu byte, more than the %d byte limit",
                                                 "file is %llu bytes, more than the %d byte limit", size),
                                    (unsigned long long) size, ALLY_CONTENT_MAX_FILE_SIZE);
          add_unreadable (set, child);
          continue;
        }

      bytes = g_resources_lookup_data (child, G_RESOURCE_LOOKUP_FLAGS_NONE, &lookup_error);
      if (bytes == NULL)
        {
          ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_IO, child, 1,
                                    /* Translators: %s is the system's explanation. */
                                    _("cannot read: %s"), lookup_error->message);
          add_unreadable (set, child);
          continue;
        }

      ally_content_set_add_data (set, child, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
}

void
ally_content_set_read_resource (AllyContentSet *set,
                                const char     *path)
{
  g_autofree char *trimmed = g_strdup (path);
  gsize len = strlen (trimmed);

  while (len > 1 && trimmed[len - 1] == '/')
    trimmed[--len] = '\0';

  read_resource (set, trimmed, 0);
}

/* ---- Checks across files ----------------------------------------------------------- */

typedef struct
{
  const char *file;
  int         line;
} Where;

static const char *
file_basename (const char *name)
{
  const char *slash = strrchr (name, '/');

  return slash ? slash + 1 : name;
}

/* A file that failed before its root element was known: guess from its name. */
static AllyContentFileKind
guess_kind (AllyContentFile *file)
{
  const char *base = file_basename (file->name);

  if (file->kind != ALLY_CONTENT_FILE_UNKNOWN)
    return file->kind;
  if (g_str_has_prefix (base, "glossary"))
    return ALLY_CONTENT_FILE_GLOSSARY;
  if (g_str_has_prefix (base, "sources"))
    return ALLY_CONTENT_FILE_SOURCES;
  if (g_str_has_prefix (base, "power-map"))
    return ALLY_CONTENT_FILE_POWER_MAP;

  return ALLY_CONTENT_FILE_LESSON;
}

static int
compare_lesson_files (gconstpointer a,
                      gconstpointer b)
{
  const AllyContentFile *fa = *(AllyContentFile * const *) a;
  const AllyContentFile *fb = *(AllyContentFile * const *) b;
  int cmp = strcmp (file_basename (fa->name), file_basename (fb->name));

  return cmp != 0 ? cmp : strcmp (fa->name, fb->name);
}

static void
check_id (AllyContentSet *set,
          GHashTable     *seen,
          const char     *kind,
          const char     *id,
          const char     *file,
          int             line)
{
  Where *first = g_hash_table_lookup (seen, id);

  if (first != NULL)
    {
      ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_DUPLICATE_ID, file, line,
                                /* Translators: the first %s is an XML element name such as
                                   “term” (not translated), the second the repeated id; then
                                   the file and line where it was first used. */
                                _("duplicate %s id '%s' (first in %s:%d)"), kind, id, first->file, first->line);
      return;
    }

  first = g_new (Where, 1);
  first->file = file;
  first->line = line;
  g_hash_table_insert (seen, (gpointer) id, first);
}

typedef struct
{
  AllyContentSet *set;
  GHashTable     *sources;
  const char     *file;
  gboolean        check;
} CiteCheck;

static void
resolve_cite (gpointer item,
              gpointer user_data)
{
  AllyCite *cite = item;
  CiteCheck *check = user_data;
  AllySource *source = g_hash_table_lookup (check->sources, cite->source_id);

  if (source != NULL)
    ally_cite_set_source (cite, source);
  else if (check->check)
    ally_content_add_problem (check->set->problems, ALLY_CONTENT_ERROR_UNKNOWN_SOURCE, check->file, cite->line,
                              /* Translators: %s is a source's id; the XML is not translated. */
                              _("<cite source=\"%s\">: no such source in sources.xml"), cite->source_id);
}

static gboolean
lesson_file_name_ok (const char *base)
{
  return g_ascii_isdigit (base[0]) && g_ascii_isdigit (base[1]) && base[2] == '-';
}

gboolean
ally_content_set_finish (AllyContentSet *set)
{
  g_autoptr(GPtrArray) lesson_files = g_ptr_array_new ();
  g_autoptr(GHashTable) lesson_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) term_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) map_question_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) terms = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) langs = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean glossary_seen = FALSE, sources_seen = FALSE, lessons_seen = FALSE;
  gboolean glossary_broken = FALSE, sources_broken = FALSE;
  GStrvBuilder *locales;

  for (guint i = 0; i < set->files->len; i++)
    {
      AllyContentFile *file = set->files->pdata[i];

      switch (guess_kind (file))
        {
        case ALLY_CONTENT_FILE_LESSON:
          lessons_seen = TRUE;
          g_ptr_array_add (lesson_files, file);
          break;
        case ALLY_CONTENT_FILE_GLOSSARY:
          glossary_seen = TRUE;
          glossary_broken |= !file->ok;
          break;
        case ALLY_CONTENT_FILE_SOURCES:
          sources_seen = TRUE;
          sources_broken |= !file->ok;
          break;
        case ALLY_CONTENT_FILE_POWER_MAP:
          /* optional: a course without it has an empty map */
          break;
        case ALLY_CONTENT_FILE_UNKNOWN:
        default:
          break;
        }
    }

  if (!lessons_seen)
    ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_MISSING, "lessons", 1,
                              _("no lesson files (lessons/NN-slug.xml.in)"));
  if (!glossary_seen)
    ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_MISSING, "glossary.xml.in", 1,
                              _("no glossary file"));
  if (!sources_seen)
    ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_MISSING, "sources.xml.in", 1,
                              _("no sources file"));

  /* Glossary, sources and power map questions: ids unique across the course (a question's
   * id keys the person's answer in the journal). */
  for (guint i = 0; i < set->files->len; i++)
    {
      AllyContentFile *file = set->files->pdata[i];

      for (guint j = 0; j < file->terms->len; j++)
        {
          AllyTerm *term = file->terms->pdata[j];
          int line = g_array_index (file->term_lines, int, j);

          check_id (set, term_ids, "term", term->id, file->name, line);
          if (!g_hash_table_contains (terms, term->id))
            g_hash_table_insert (terms, term->id, term);
        }

      for (guint j = 0; j < file->sources->len; j++)
        {
          AllySource *source = file->sources->pdata[j];
          int line = g_array_index (file->source_lines, int, j);

          check_id (set, source_ids, "source", source->id, file->name, line);
          if (!g_hash_table_contains (sources, source->id))
            g_hash_table_insert (sources, source->id, source);
        }

      for (guint j = 0; j < file->map_questions->len; j++)
        {
          AllyMapQuestion *question = file->map_questions->pdata[j];

          check_id (set, map_question_ids, "question", question->id, file->name, question->line);
        }

      GHashTableIter iter;
      gpointer lang;
      g_hash_table_iter_init (&iter, file->langs);
      while (g_hash_table_iter_next (&iter, &lang, NULL))
        g_hash_table_add (langs, lang);
    }

  /* Lessons: course order by file name, unique numbers and ids, scenarios from lesson 3. */
  g_ptr_array_sort (lesson_files, compare_lesson_files);
  for (guint i = 0; i < lesson_files->len; i++)
    {
      AllyContentFile *file = lesson_files->pdata[i];
      const char *base = file_basename (file->name);
      AllyLesson *lesson = file->lesson;

      if (!lesson_file_name_ok (base))
        ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_STRUCTURE, file->name, 1,
                                  _("lesson file names start with their two-digit number: NN-slug.xml.in"));
      else
        {
          g_autofree char *number = g_strndup (base, 2);
          const char *other = g_hash_table_lookup (numbers, number);

          if (other != NULL)
            ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_STRUCTURE, file->name, 1,
                                      /* Translators: a two-digit lesson number, then a file name. */
                                      _("lesson number %s is also used by %s"), number, other);
          else
            g_hash_table_insert (numbers, g_steal_pointer (&number), file->name);
        }

      if (lesson == NULL)
        continue;

      lesson->number = i + 1;
      check_id (set, lesson_ids, "lesson", lesson->id, file->name, lesson->line);

      if (lesson->number >= 3 && g_list_model_get_n_items (G_LIST_MODEL (lesson->scenarios)) == 0)
        ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_STRUCTURE, file->name, lesson->line,
                                  /* Translators: a lesson's number, then its id; <scenarios>
                                     is XML and not translated. */
                                  _("lesson %u ('%s') needs <scenarios> (optional only in lessons 1 and 2)"),
                                  lesson->number, lesson->id);
    }
  /* the numbers table borrows keys it owns: free them */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, numbers);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_free (key);
  }

  /* References. */
  for (guint i = 0; i < set->files->len; i++)
    {
      AllyContentFile *file = set->files->pdata[i];
      CiteCheck check = { set, sources, file->name, sources_seen && !sources_broken };

      if (glossary_seen && !glossary_broken)
        for (guint j = 0; j < file->term_refs->len; j++)
          {
            AllyContentRef *ref = file->term_refs->pdata[j];

            if (!g_hash_table_contains (terms, ref->id))
              ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_UNKNOWN_TERM, file->name, ref->line,
                                        /* Translators: an XML element name, then a term's id;
                                           the XML is not translated. */
                                        _("<%s ref=\"%s\">: no such term in the glossary"), ref->what, ref->id);
          }

      for (guint j = 0; j < file->cites->len; j++)
        resolve_cite (file->cites->pdata[j], &check);
    }

  if (set->problems->len > 0)
    return FALSE;

  /* All good: hand out the models. */
  for (guint i = 0; i < lesson_files->len; i++)
    {
      AllyLesson *lesson = ((AllyContentFile *) lesson_files->pdata[i])->lesson;

      g_ptr_array_add (set->lessons, g_object_ref (lesson));
      set->n_questions += g_list_model_get_n_items (G_LIST_MODEL (lesson->questions));
      set->n_scenarios += g_list_model_get_n_items (G_LIST_MODEL (lesson->scenarios));
      set->n_prompts += g_list_model_get_n_items (G_LIST_MODEL (lesson->reflections)) +
                        g_list_model_get_n_items (G_LIST_MODEL (lesson->commitments));
    }

  for (guint i = 0; i < set->files->len; i++)
    {
      AllyContentFile *file = set->files->pdata[i];

      for (guint j = 0; j < file->terms->len; j++)
        g_ptr_array_add (set->terms, g_object_ref (file->terms->pdata[j]));
      for (guint j = 0; j < file->sources->len; j++)
        g_ptr_array_add (set->sources, g_object_ref (file->sources->pdata[j]));
      for (guint j = 0; j < file->map_questions->len; j++)
        g_ptr_array_add (set->map_questions, g_object_ref (file->map_questions->pdata[j]));
    }


  {
    g_autofree gpointer *keys = g_hash_table_get_keys_as_array (langs, NULL);
    guint n = g_hash_table_size (langs);

    qsort (keys, n, sizeof (gpointer), compare_strings);
    locales = g_strv_builder_new ();
    g_strv_builder_add (locales, "en");
    for (guint i = 0; i < n; i++)
      g_strv_builder_add (locales, keys[i]);
    set->locales = g_strv_builder_end (locales);
    g_strv_builder_unref (locales);
  }

  return TRUE;
}
