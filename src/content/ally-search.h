/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-search.h: finding course items by the words a person types, whatever their accents
 * and case (the Shell search provider; the glossary's search can use the same folding). */
#pragma once

#include <gio/gio.h>

#include "ally-catalog.h"

G_BEGIN_DECLS

/* Lower case without accents, so "Ableïsm" and "ABLEISM" both become "ableism". */
char      *ally_search_fold    (const char         *text);

/* TRUE when every word of WORDS (as typed; folded here) is in TEXT. No words: FALSE. */
gboolean   ally_search_matches (const char         *text,
                                const char * const *words);

/* The glossary terms (by name or alias), then the lessons (by title, then by summary) in
 * which every word of WORDS appears, in the catalog's current language; each item once.
 * Returns a new array of AllyTerm and AllyLesson references. */
GPtrArray *ally_search_catalog (AllyCatalog        *catalog,
                                const char * const *words);

G_END_DECLS
