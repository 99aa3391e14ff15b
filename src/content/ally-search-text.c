/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-search-text.c: where a search matched, in the text itself. Text is folded the way
 * ally_search_fold() folds it (ally-search.c: decomposed, combining marks dropped, then
 * case-folded), one character at a time, so that each folded byte knows the character it
 * came from. */
#include "ally-search-text.h"

#include <string.h>

/* Appends @c folded to @folded. */
static void
append_folded_char (GString  *folded,
                    gunichar  c)
{
  char utf8[8];
  int len = g_unichar_to_utf8 (c, utf8);
  g_autofree char *decomposed = g_utf8_normalize (utf8, len, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autofree char *cased = NULL;

  if (decomposed == NULL)
    return;
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar d = g_utf8_get_char (p);

      if (!g_unichar_ismark (d))
        g_string_append_unichar (bare, d);
    }
  cased = g_utf8_casefold (bare->str, bare->len);
  g_string_append (folded, cased);
}

/**
 * ally_search_find:
 * @text: UTF-8 text
 * @folded_query: what to look for, folded with ally_search_fold()
 * @out_start: (out): where the first match starts in @text, in bytes
 * @out_end: (out): where it ends (the byte after it)
 *
 * Finds @folded_query in @text the way ally_search_fold() compares, and says where the
 * match is in @text itself (folding can change lengths: "ß" folds to "ss").
 *
 * Returns: whether @text holds the query
 */
gboolean
ally_search_find (const char *text,
                  const char *folded_query,
                  gsize      *out_start,
                  gsize      *out_end)
{
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autoptr(GArray) origin = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *found;
  gsize first, last;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (folded_query != NULL, FALSE);

  if (*folded_query == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  /* origin[i]: the byte in @text where the character that folded to folded[i] starts. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize before = folded->len;
      gsize at = p - text;

      append_folded_char (folded, g_utf8_get_char (p));
      for (gsize i = before; i < folded->len; i++)
        g_array_append_val (origin, at);
    }

  found = strstr (folded->str, folded_query);
  if (found == NULL)
    return FALSE;

  first = g_array_index (origin, gsize, found - folded->str);
  last = g_array_index (origin, gsize, found - folded->str + strlen (folded_query) - 1);
  if (out_start != NULL)
    *out_start = first;
  if (out_end != NULL)
    *out_end = g_utf8_next_char (text + last) - text;
  return TRUE;
}
