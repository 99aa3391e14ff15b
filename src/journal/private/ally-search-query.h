/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-search-query.h: turns a person's search words into a safe FTS5 query. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ally_search_query_from_words (const char *words);

G_END_DECLS
