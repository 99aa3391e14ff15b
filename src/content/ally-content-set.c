/* ally-content-set.c: a whole course from a folder or a resource: reading the files,
 * then the checks across files (unique ids, references, course order and rules). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-content-parser.h"

#include <string.h>

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
  g_strfreev (set->locales);
  g_free (set);
}

void
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
  g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *rel_dir = g_file_get_relative_path (root, dir);
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  if (enumerator == NULL)
    {
      ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_IO, rel_dir ? rel_dir : ".", 1,
                                /* Translators: %s is the system's explanation. */
                                _("cannot read the folder: %s"), error->message);
      return;
    }

  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)) != NULL)
    {
      char *name = g_strdup (g_file_info_get_name (info));
      goffset *size = g_new (goffset, 1);

      *size = g_file_info_get_size (info);
      g_ptr_array_add (names, name);
      g_hash_table_insert (types, name, GINT_TO_POINTER (g_file_info_get_file_type (info)));
      g_hash_table_insert (sizes, name, size);
      g_object_unref (info);
    }

  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      GFileType type = GPOINTER_TO_INT (g_hash_table_lookup (types, name));
      g_autoptr(GFile) child = g_file_get_child (dir, name);
      g_autofree char *rel = g_file_get_relative_path (root, child);
      g_autofree char *merged = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) load_error = NULL;
      gsize length = 0;

      if (type == G_FILE_TYPE_DIRECTORY)
        {
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

      if (*(goffset *) g_hash_table_lookup (sizes, name) > ALLY_CONTENT_MAX_FILE_SIZE)
        {
          ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_TOO_LARGE, rel, 1,
                                    /* Translators: the file's size, then the size limit. */
                                    _("file is %lld bytes, more than the %d byte limit"),
                                    (long long) *(goffset *) g_hash_table_lookup (sizes, name),
                                    ALLY_CONTENT_MAX_FILE_SIZE);
          add_unreadable (set, rel);
          continue;
        }

      if (!g_file_load_contents (child, NULL, &contents, &length, NULL, &load_error))
        {
          ally_content_add_problem (set->problems, ALLY_CONTENT_ERROR_IO, rel, 1,
                                    /* Translators: %s is the system's explanation. */
                                    _("cannot read: %s"), load_error->message);
          add_unreadable (set, rel);
          continue;
        }

      ally_content_set_add_data (set, rel, contents, length);
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
                                    _("file is %llu bytes, more than the %d byte limit"),
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

  /* Glossary and sources: ids unique across the course. */
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
