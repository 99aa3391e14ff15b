/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-search-query.c: turns a person's search words into a safe FTS5 query.
 *
 * The words are split where the FTS5 unicode61 tokenizer would split them (anything
 * not a letter, digit or mark), every token becomes a quoted string, and the last
 * one matches as a prefix so results appear while typing. Quotes, AND, *, - and
 * brackets are thereby plain text and never an FTS syntax error. */
#include "ally-search-query.h"

static gboolean
is_token_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static GPtrArray *
split_tokens (const char *words)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = words; ; p = g_utf8_next_char (p))
    {
      gboolean in_token = *p != '\0' && is_token_char (g_utf8_get_char (p));

      if (in_token && start == NULL)
        start = p;
      else if (!in_token && start != NULL)
        {
          g_ptr_array_add (tokens, g_strndup (start, p - start));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  return tokens;
}

/**
 * ally_search_query_from_words:
 * @words: what the person typed
 *
 * Returns: (nullable): an FTS5 MATCH expression, or %NULL when @words has no
 *   searchable token (then nothing is filtered)
 */
char *
ally_search_query_from_words (const char *words)
{
  g_autoptr (GPtrArray) tokens = NULL;
  g_autoptr (GString) query = g_string_new (NULL);
  g_autofree char *valid = NULL;

  if (words == NULL)
    return NULL;
  valid = g_utf8_make_valid (words, -1);
  tokens = split_tokens (valid);
  if (tokens->len == 0)
    return NULL;
  for (guint i = 0; i < tokens->len; i++)
    {
      /* Tokens hold no '"' (not a letter), so quoting needs no escaping. */
      g_string_append_printf (query, "%s\"%s\"", i ? " " : "",
                              (const char *) g_ptr_array_index (tokens, i));
    }
  g_string_append_c (query, '*');
  return g_string_free (g_steal_pointer (&query), FALSE);
}
