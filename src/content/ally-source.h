/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-source.h: a work the course draws on. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ALLY_SOURCE_ARTICLE,
  ALLY_SOURCE_BOOK,
  ALLY_SOURCE_WEB_PAGE,
  ALLY_SOURCE_NEWSLETTER,
} AllySourceKind;

#define ALLY_TYPE_SOURCE (ally_source_get_type ())
G_DECLARE_FINAL_TYPE (AllySource, ally_source, ALLY, SOURCE, GObject)

AllySourceKind      ally_source_get_kind        (AllySource *self);
/* NULL-terminated; empty when the author is not named. */
const char * const *ally_source_get_authors     (AllySource *self);
const char         *ally_source_get_title       (AllySource *self);
/* NULL when absent. */
const char         *ally_source_get_publication (AllySource *self);
/* "YYYY", "YYYY-MM" or "YYYY-MM-DD"; NULL when absent. */
const char         *ally_source_get_date        (AllySource *self);
/* Translated note on what the course uses it for; NULL when absent. */
const char         *ally_source_get_note        (AllySource *self);
/* Every author, e.g. "Michelle MiJung Kim and Kay Martinez"; NULL when none is named. */
char               *ally_source_format_authors  (AllySource *self);
/* One readable plain-text citation (not markup: escape it for a markup label), e.g.
 * "Michelle MiJung Kim, “Allyship (& Accomplice): …”, Awaken Blog, 11 November 2019." */
char               *ally_source_format_citation (AllySource *self);

G_END_DECLS
