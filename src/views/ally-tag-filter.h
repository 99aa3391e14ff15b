/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-tag-filter.h: "Tag: [All Tags ▾]", the Journal list's choice of one tag to show. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ALLY_TYPE_TAG_FILTER (ally_tag_filter_get_type ())
G_DECLARE_FINAL_TYPE (AllyTagFilter, ally_tag_filter, ALLY, TAG_FILTER, GtkBox)

GtkWidget  *ally_tag_filter_new      (void);
/* The tag chosen, or NULL for all entries. */
const char *ally_tag_filter_get_tag  (AllyTagFilter      *self);
/* Chooses TAG when it is listed, else all entries. */
void        ally_tag_filter_set_tag  (AllyTagFilter      *self,
                                      const char         *tag);
/* Lists "All Tags" and then TAGS (nullable: none); a chosen tag that is gone stops filtering.
 * Shown only when there is a tag to choose. */
void        ally_tag_filter_set_tags (AllyTagFilter      *self,
                                      const char * const *tags);
/* Forgets the tags and the choice, for another journal. */
void        ally_tag_filter_reset    (AllyTagFilter      *self);

G_END_DECLS
