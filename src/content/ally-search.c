/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-search.c: finding course items by the words a person types, whatever their accents
 * and case. */
#include "config.h"

#include "ally-search.h"

#include <string.h>

char *
ally_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = g_string_new (NULL);

  decomposed = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  /* Decomposed, an accented letter is the letter and a combining mark: drop the marks. */
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

/* The folded, non-empty words: NULL when there are none. */
static GStrv
fold_words (const char * const *words)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean any = FALSE;

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      g_autofree char *folded = ally_search_fold (words[i]);

      g_strstrip (folded);
      if (*folded == '\0')
        continue;
      g_strv_builder_add (builder, folded);
      any = TRUE;
    }

  return any ? g_strv_builder_end (builder) : NULL;
}

static gboolean
folded_matches (const char *text,
                char      **folded_words)
{
  g_autofree char *folded = ally_search_fold (text);

  for (guint i = 0; folded_words[i] != NULL; i++)
    if (strstr (folded, folded_words[i]) == NULL)
      return FALSE;

  return TRUE;
}

gboolean
ally_search_matches (const char         *text,
                     const char * const *words)
{
  g_auto(GStrv) folded_words = fold_words (words);

  return folded_words != NULL && folded_matches (text, folded_words);
}

static gboolean
term_matches (AllyTerm  *term,
              char     **folded_words)
{
  const char * const *aliases = ally_term_get_aliases (term);

  if (folded_matches (ally_term_get_name (term), folded_words))
    return TRUE;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (folded_matches (aliases[i], folded_words))
      return TRUE;

  return FALSE;
}

GPtrArray *
ally_search_catalog (AllyCatalog        *catalog,
                     const char * const *words)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) folded_words = fold_words (words);
  GListModel *terms;
  GListModel *lessons;
  guint n_lessons;

  g_return_val_if_fail (ALLY_IS_CATALOG (catalog), NULL);

  if (folded_words == NULL)
    return g_steal_pointer (&found);

  terms = ally_catalog_get_terms (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(AllyTerm) term = g_list_model_get_item (terms, i);

      if (term_matches (term, folded_words))
        g_ptr_array_add (found, g_steal_pointer (&term));
    }

  /* Lessons whose title has the words come before those that only mention them. */
  lessons = ally_catalog_get_lessons (catalog);
  n_lessons = g_list_model_get_n_items (lessons);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_lessons; i++)
      {
        g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
        gboolean in_title = folded_matches (ally_lesson_get_title (lesson), folded_words);

        if ((pass == 0 && in_title) ||
            (pass == 1 && !in_title && folded_matches (ally_lesson_get_summary (lesson), folded_words)))
          g_ptr_array_add (found, g_steal_pointer (&lesson));
      }

  return g_steal_pointer (&found);
}
