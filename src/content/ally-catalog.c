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

  g_strfreev (self->locales);
  self->locales = g_steal_pointer (&set->locales);

  replace_store (self->lessons, set->lessons);
  replace_store (self->terms, set->terms);
  replace_store (self->sources, set->sources);
  replace_store (self->power_map, set->map_questions);
}

static gboolean
ally_catalog_load_set (AllyCatalog     *self,
                       AllyContentSet  *set,
                       GError         **error)
{
  if (!ally_content_set_finish (set))
    {
      if (error != NULL)
        *error = g_error_copy (set->problems->pdata[0]);
      return FALSE;
    }

  ally_catalog_take_set (self, set);
  return TRUE;
}

gboolean
ally_catalog_load_directory (AllyCatalog  *self,
                             GFile        *dir,
                             GError      **error)
{
  g_autoptr(AllyContentSet) set = ally_content_set_new ();

  g_return_val_if_fail (ALLY_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ally_content_set_read_directory (set, dir);
  return ally_catalog_load_set (self, set, error);
}

gboolean
ally_catalog_load_resource (AllyCatalog  *self,
                            const char   *resource_path,
                            GError      **error)
{
  g_autoptr(AllyContentSet) set = ally_content_set_new ();

  g_return_val_if_fail (ALLY_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (resource_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ally_content_set_read_resource (set, resource_path);
  return ally_catalog_load_set (self, set, error);
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

const char * const *
ally_catalog_get_languages (AllyCatalog *self)
{
  g_return_val_if_fail (ALLY_IS_CATALOG (self), NULL);

  return self->languages ? (const char * const *) self->languages : g_get_language_names ();
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
