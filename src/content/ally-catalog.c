/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-catalog.c: the loaded course and its language choice. */
#include "ally-content-parser.h"

#include <string.h>

struct _AllyCatalog
{
  GObject      parent_instance;

  GListStore  *lessons;
  GListStore  *terms;
  GListStore  *sources;
  GListStore  *power_map;      /* of AllyMapQuestion */
  GHashTable  *lesson_table;   /* id -> AllyLesson (borrowed from the stores) */
  GHashTable  *term_table;
  GHashTable  *source_table;
  GHashTable  *term_lessons;   /* term id -> GPtrArray of AllyLesson linking to it, course order */
  GStrv        locales;
  GStrv        languages;      /* as set; NULL: the user's */
  char       **wanted;         /* normalized search list */

  /* Where the course came from (one of them), to load another language from it later. */
  char        *resource_path;
  GFile       *root;
  GStrv        translations;   /* the languages/LL/ sets there, sorted; NULL: none */
  char        *translation;    /* the one loaded; NULL: English only (or all in the files) */
  GPtrArray   *file_texts;     /* per file, its AllyText in document order (GPtrArray) */
  GKeyFile    *status;         /* languages/status.ini, read on first use */
};

enum { PROP_0, PROP_LANGUAGES, N_PROPS };
static GParamSpec *props[N_PROPS];

static const char * const english_only[] = { "en", NULL };

G_DEFINE_FINAL_TYPE (AllyCatalog, ally_catalog, G_TYPE_OBJECT)

static void
ally_catalog_finalize (GObject *object)
{
  AllyCatalog *self = ALLY_CATALOG (object);

  g_hash_table_unref (self->lesson_table);
  g_hash_table_unref (self->term_table);
  g_hash_table_unref (self->source_table);
  g_hash_table_unref (self->term_lessons);
  g_object_unref (self->lessons);
  g_object_unref (self->terms);
  g_object_unref (self->sources);
  g_object_unref (self->power_map);
  g_strfreev (self->locales);
  g_strfreev (self->languages);
  g_strfreev (self->wanted);
  g_free (self->resource_path);
  g_clear_object (&self->root);
  g_strfreev (self->translations);
  g_free (self->translation);
  g_clear_pointer (&self->file_texts, g_ptr_array_unref);
  g_clear_pointer (&self->status, g_key_file_unref);

  G_OBJECT_CLASS (ally_catalog_parent_class)->finalize (object);
}

static void
ally_catalog_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AllyCatalog *self = ALLY_CATALOG (object);

  switch (prop_id)
    {
    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_catalog_class_init (AllyCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ally_catalog_finalize;
  object_class->get_property = ally_catalog_get_property;

  props[PROP_LANGUAGES] = g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_catalog_init (AllyCatalog *self)
{
  self->lessons = g_list_store_new (ALLY_TYPE_LESSON);
  self->terms = g_list_store_new (ALLY_TYPE_TERM);
  self->sources = g_list_store_new (ALLY_TYPE_SOURCE);
  self->power_map = g_list_store_new (ALLY_TYPE_MAP_QUESTION);
  self->lesson_table = g_hash_table_new (g_str_hash, g_str_equal);
  self->term_table = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_table = g_hash_table_new (g_str_hash, g_str_equal);
  self->term_lessons = g_hash_table_new_full (g_str_hash, g_str_equal,
                                              g_free, (GDestroyNotify) g_ptr_array_unref);
  self->wanted = ally_languages_normalize (NULL);
}

AllyCatalog *
ally_catalog_new (void)
{
  return g_object_new (ALLY_TYPE_CATALOG, NULL);
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  AllyTerm *ta = *(AllyTerm * const *) a;
  AllyTerm *tb = *(AllyTerm * const *) b;
  int cmp = g_strcmp0 (ta->sort_key, tb->sort_key);

  return cmp != 0 ? cmp : g_strcmp0 (ta->id, tb->id);
}

static void
relocalize_all (GPtrArray  *lessons,
                GPtrArray  *terms,
                GPtrArray  *sources,
                GPtrArray  *map_questions,
                char      **wanted)
{
  for (guint i = 0; i < lessons->len; i++)
    ally_lesson_relocalize (lessons->pdata[i], wanted);
  for (guint i = 0; i < terms->len; i++)
    ally_term_relocalize (terms->pdata[i], wanted);
  for (guint i = 0; i < sources->len; i++)
    ally_source_relocalize (sources->pdata[i], wanted);
  for (guint i = 0; i < map_questions->len; i++)
    ally_map_question_relocalize (map_questions->pdata[i], wanted);

  g_ptr_array_sort (terms, compare_terms);
}

static GPtrArray *
store_items (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));

  return items;
}

static void
replace_store (GListStore *store,
               GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static int
compare_lesson_numbers (gconstpointer a,
                        gconstpointer b)
{
  AllyLesson *la = *(AllyLesson * const *) a;
  AllyLesson *lb = *(AllyLesson * const *) b;

  return (la->number > lb->number) - (la->number < lb->number);
}

/* Which lessons link to each term, from the term references the parser kept per file. */
static void
index_term_lessons (AllyCatalog    *self,
                    AllyContentSet *set)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_remove_all (self->term_lessons);
  for (guint i = 0; i < set->files->len; i++)
    {
      AllyContentFile *file = set->files->pdata[i];

      if (file->kind != ALLY_CONTENT_FILE_LESSON || file->lesson == NULL)
        continue;

      for (guint j = 0; j < file->term_refs->len; j++)
        {
          AllyContentRef *ref = file->term_refs->pdata[j];
          GPtrArray *lessons = g_hash_table_lookup (self->term_lessons, ref->id);

          if (lessons == NULL)
            {
              lessons = g_ptr_array_new ();
              g_hash_table_insert (self->term_lessons, g_strdup (ref->id), lessons);
            }
          /* a file's references come together: the last lesson added is the only one
           * that can be this file's (no search through the list, which could be long) */
          if (lessons->len == 0 || lessons->pdata[lessons->len - 1] != file->lesson)
            g_ptr_array_add (lessons, file->lesson);
        }
    }

  g_hash_table_iter_init (&iter, self->term_lessons);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_lesson_numbers);
}

static void
ally_catalog_take_set (AllyCatalog    *self,
                       AllyContentSet *set)
{
  relocalize_all (set->lessons, set->terms, set->sources, set->map_questions, self->wanted);

  g_hash_table_remove_all (self->lesson_table);
  g_hash_table_remove_all (self->term_table);
  g_hash_table_remove_all (self->source_table);
  for (guint i = 0; i < set->lessons->len; i++)
    g_hash_table_insert (self->lesson_table, ((AllyLesson *) set->lessons->pdata[i])->id, set->lessons->pdata[i]);
  for (guint i = 0; i < set->terms->len; i++)
    g_hash_table_insert (self->term_table, ((AllyTerm *) set->terms->pdata[i])->id, set->terms->pdata[i]);
  for (guint i = 0; i < set->sources->len; i++)
    g_hash_table_insert (self->source_table, ((AllySource *) set->sources->pdata[i])->id, set->sources->pdata[i]);
  index_term_lessons (self, set);

  g_clear_pointer (&self->file_texts, g_ptr_array_unref);
  self->file_texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < set->files->len; i++)
    g_ptr_array_add (self->file_texts,
                     g_ptr_array_ref (((AllyContentFile *) set->files->pdata[i])->texts));

  g_strfreev (self->locales);
  self->locales = g_steal_pointer (&set->locales);

  replace_store (self->lessons, set->lessons);
  replace_store (self->terms, set->terms);
  replace_store (self->sources, set->sources);
  replace_store (self->power_map, set->map_questions);
}

/* ---- Where the course comes from, and its translations ------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The languages/LL/ folders (resource folders end in '/'), sorted. NULL: none. */
static GStrv
list_translations (GStrv children)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv list;

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup (children[i]);
      gsize len = strlen (name);

      if (len < 2 || name[len - 1] != '/')
        continue;
      name[len - 1] = '\0';
      g_strv_builder_add (builder, name);
    }

  list = g_strv_builder_end (builder);
  if (list[0] == NULL)
    g_clear_pointer (&list, g_strfreev);
  else
    qsort (list, g_strv_length (list), sizeof (char *), compare_strings);

  return list;
}

static GStrv
resource_translations (const char *resource_path)
{
  g_autofree char *dir = g_build_path ("/", resource_path, ALLY_CONTENT_LANGUAGES_DIR, NULL);
  g_auto(GStrv) children = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  return list_translations (children);
}

static GStrv
directory_translations (GFile *root)
{
  g_autoptr(GFile) dir = g_file_get_child (root, ALLY_CONTENT_LANGUAGES_DIR);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (enumerator != NULL && (info = g_file_enumerator_next_file (enumerator, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY && g_file_info_get_name (info)[0] != '.')
        g_ptr_array_add (children, g_strconcat (g_file_info_get_name (info), "/", NULL));
      g_object_unref (info);
    }
  g_ptr_array_add (children, NULL);

  return list_translations ((GStrv) children->pdata);
}

/* The first wanted language the course has a translation for; NULL: English. */
static const char *
pick_translation (AllyCatalog *self)
{
  for (guint w = 0; self->translations != NULL && self->wanted[w] != NULL; w++)
    for (guint i = 0; self->translations[i] != NULL; i++)
      {
        g_autofree char *norm = ally_language_normalize (self->translations[i]);

        if (strcmp (norm, self->wanted[w]) == 0)
          return self->translations[i];
      }

  return NULL;
}

/* Reads the English course, or its merge with TRANSLATION, from where the catalog's course
 * comes from. */
static AllyContentSet *
read_course (AllyCatalog *self,
             const char  *translation)
{
  AllyContentSet *set = ally_content_set_new ();

  if (self->root != NULL)
    {
      g_autoptr(GFile) dir = translation == NULL ? g_object_ref (self->root)
        : g_file_resolve_relative_path (self->root, ALLY_CONTENT_LANGUAGES_DIR);
      g_autoptr(GFile) lang_dir = translation == NULL ? g_object_ref (dir)
        : g_file_get_child (dir, translation);

      ally_content_set_read_directory (set, lang_dir);
    }
  else
    {
      g_autofree char *path = translation == NULL ? g_strdup (self->resource_path)
        : g_build_path ("/", self->resource_path, ALLY_CONTENT_LANGUAGES_DIR, translation, NULL);

      ally_content_set_read_resource (set, path);
    }

  return set;
}

static void
set_source (AllyCatalog *self,
            const char  *resource_path,
            GFile       *root)
{
  g_free (self->resource_path);
  self->resource_path = g_strdup (resource_path);
  g_set_object (&self->root, root);
  g_strfreev (self->translations);
  self->translations = root != NULL ? directory_translations (root) : resource_translations (resource_path);
  g_clear_pointer (&self->status, g_key_file_unref);
}

/* Course languages: English, then each translation there is a file set for (or, for a
 * course whose files hold every language, each xml:lang found). */
static void
update_locales (AllyCatalog *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  if (self->translations == NULL)
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, "en");
  g_strv_builder_addv (builder, (const char **) self->translations);
  g_strfreev (self->locales);
  self->locales = g_strv_builder_end (builder);
}

static gboolean
ally_catalog_load (AllyCatalog  *self,
                   const char   *resource_path,
                   GFile        *root,
                   GError      **error)
{
  g_autofree char *old_resource_path = g_strdup (self->resource_path);
  g_autoptr(GFile) old_root = self->root ? g_object_ref (self->root) : NULL;
  g_autoptr(AllyContentSet) set = NULL;
  const char *translation;

  set_source (self, resource_path, root);
  translation = pick_translation (self);
  set = read_course (self, translation);

  if (!ally_content_set_finish (set))
    {
      if (error != NULL)
        *error = g_error_copy (set->problems->pdata[0]);
      set_source (self, old_resource_path, old_root);   /* as it was */
      return FALSE;
    }

  g_free (self->translation);
  self->translation = g_strdup (translation);
  ally_catalog_take_set (self, set);
  update_locales (self);
  return TRUE;
}

gboolean
ally_catalog_load_directory (AllyCatalog  *self,
                             GFile        *dir,
                             GError      **error)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ally_catalog_load (self, NULL, dir, error);
}

gboolean
ally_catalog_load_resource (AllyCatalog  *self,
                            const char   *resource_path,
                            GError      **error)
{
  g_autofree char *trimmed = NULL;
  gsize len;

  g_return_val_if_fail (ALLY_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (resource_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strdup (resource_path);
  len = strlen (trimmed);
  while (len > 1 && trimmed[len - 1] == '/')
    trimmed[--len] = '\0';

  return ally_catalog_load (self, trimmed, NULL, error);
}

/* Moves the translations of SET (the same course merged with another language) into the
 * texts the catalog shows, so that every object stays and only its text changes.  All or
 * nothing: FALSE, and nothing moved, if SET is not the same English course. */
static gboolean
adopt_translations (AllyCatalog    *self,
                    AllyContentSet *set)
{
  if (self->file_texts == NULL || self->file_texts->len != set->files->len)
    return FALSE;

  for (guint i = 0; i < set->files->len; i++)
    {
      GPtrArray *mine = self->file_texts->pdata[i];
      GPtrArray *theirs = ((AllyContentFile *) set->files->pdata[i])->texts;

      if (mine->len != theirs->len)
        return FALSE;
      for (guint j = 0; j < mine->len; j++)
        if (!ally_text_same_original (mine->pdata[j], theirs->pdata[j]))
          return FALSE;
    }

  for (guint i = 0; i < set->files->len; i++)
    {
      GPtrArray *mine = self->file_texts->pdata[i];
      GPtrArray *theirs = ((AllyContentFile *) set->files->pdata[i])->texts;

      for (guint j = 0; j < mine->len; j++)
        ally_text_take_translations (mine->pdata[j], theirs->pdata[j]);
    }

  return TRUE;
}

/* Loads the file set of the translation now wanted, if it is another one: the memory and
 * the time it takes do not grow with the number of languages the course has. */
static void
switch_translation (AllyCatalog *self)
{
  const char *translation = pick_translation (self);
  g_autoptr(AllyContentSet) set = NULL;

  if (self->translations == NULL || g_strcmp0 (translation, self->translation) == 0)
    return;

  set = read_course (self, translation);
  if (!ally_content_set_finish (set))
    {
      /* only a broken installation gets here: the English stays */
      g_warning ("Cannot load the course in '%s': %s", translation ? translation : "en",
                 ((GError *) set->problems->pdata[0])->message);
      return;
    }
  if (!adopt_translations (self, set))
    {
      g_warning ("The course in '%s' is not the same course as the one shown",
                 translation ? translation : "en");
      return;
    }

  g_free (self->translation);
  self->translation = g_strdup (translation);
}

void
ally_catalog_set_languages (AllyCatalog        *self,
                            const char * const *languages)
{
  g_autoptr(GPtrArray) lessons = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) map_questions = NULL;

  g_return_if_fail (ALLY_IS_CATALOG (self));

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);
  g_strfreev (self->wanted);
  self->wanted = ally_languages_normalize (languages);

  switch_translation (self);

  lessons = store_items (self->lessons);
  terms = store_items (self->terms);
  sources = store_items (self->sources);
  map_questions = store_items (self->power_map);
  relocalize_all (lessons, terms, sources, map_questions, self->wanted);

  /* Same objects, new text: views rebind their rows. */
  replace_store (self->lessons, lessons);
  replace_store (self->terms, terms);
  replace_store (self->sources, sources);
  replace_store (self->power_map, map_questions);

  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LANGUAGES]);
}

const char *
ally_catalog_get_translation (AllyCatalog *self)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);

  return self->translation;
}

static GKeyFile *
get_status (AllyCatalog *self)
{
  g_autoptr(GBytes) bytes = NULL;

  if (self->status != NULL)
    return self->status;

  self->status = g_key_file_new ();
  if (self->root != NULL)
    {
      g_autoptr(GFile) file = g_file_resolve_relative_path (self->root, ALLY_CONTENT_LANGUAGES_DIR "/"
                                                            ALLY_CONTENT_LANGUAGES_STATUS);
      bytes = g_file_load_bytes (file, NULL, NULL, NULL);
    }
  else if (self->resource_path != NULL)
    {
      g_autofree char *path = g_build_path ("/", self->resource_path, ALLY_CONTENT_LANGUAGES_DIR,
                                            ALLY_CONTENT_LANGUAGES_STATUS, NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }

  if (bytes != NULL)
    g_key_file_load_from_bytes (self->status, bytes, G_KEY_FILE_NONE, NULL);

  return self->status;
}

int
ally_catalog_get_translation_percent (AllyCatalog *self,
                                      const char  *language)
{
  GKeyFile *status;
  g_autoptr(GError) error = NULL;
  int percent;

  g_return_val_if_fail (ALLY_IS_CATALOG (self), -1);
  g_return_val_if_fail (language != NULL, -1);

  status = get_status (self);
  percent = g_key_file_get_integer (status, language, "course-percent", &error);

  return error != NULL ? -1 : CLAMP (percent, 0, 100);
}

char *
ally_catalog_get_translation_name (AllyCatalog *self,
                                   const char  *language)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return g_key_file_get_string (get_status (self), language, "name", NULL);
}

char *
ally_catalog_get_translation_own_name (AllyCatalog *self,
                                       const char  *language)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return g_key_file_get_string (get_status (self), language, "own-name", NULL);
}

const char * const *
ally_catalog_get_locales (AllyCatalog *self)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);

  return self->locales ? (const char * const *) self->locales : english_only;
}

GListModel *
ally_catalog_get_lessons (AllyCatalog *self)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->lessons);
}

GListModel *
ally_catalog_get_terms (AllyCatalog *self)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->terms);
}

GListModel *
ally_catalog_get_sources (AllyCatalog *self)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->sources);
}

GListModel *
ally_catalog_get_power_map (AllyCatalog *self)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->power_map);
}

AllyLesson *
ally_catalog_lookup_lesson (AllyCatalog *self,
                            const char  *id)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);
  return id ? g_hash_table_lookup (self->lesson_table, id) : NULL;
}

AllyTerm *
ally_catalog_lookup_term (AllyCatalog *self,
                          const char  *id)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);

  if (id != NULL && g_str_has_prefix (id, "term:"))
    id += strlen ("term:");   /* accept the href of a term link as is */

  return id ? g_hash_table_lookup (self->term_table, id) : NULL;
}

AllySource *
ally_catalog_lookup_source (AllyCatalog *self,
                            const char  *id)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);
  return id ? g_hash_table_lookup (self->source_table, id) : NULL;
}

GListModel *
ally_catalog_list_lessons_for_term (AllyCatalog *self,
                                    const char  *term_id)
{
  GListStore *store;
  GPtrArray *lessons;

  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);

  store = g_list_store_new (ALLY_TYPE_LESSON);
  if (term_id != NULL && g_str_has_prefix (term_id, "term:"))
    term_id += strlen ("term:");
  lessons = term_id ? g_hash_table_lookup (self->term_lessons, term_id) : NULL;
  if (lessons != NULL)
    g_list_store_splice (store, 0, 0, lessons->pdata, lessons->len);

  return G_LIST_MODEL (store);
}
