/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-search-text.h: where a search query (folded by ally_search_fold(), ally-search.h)
 * is in a text, without case or accents. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ally_search_find (const char *text,
                           const char *folded_query,
                           gsize      *out_start,
                           gsize      *out_end);

G_END_DECLS
