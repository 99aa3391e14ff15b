/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-catalog.h: the whole course (lessons, glossary, sources, power map) in one language
 * choice. */
#pragma once

#include <gio/gio.h>

#include "ally-lesson.h"
#include "ally-term.h"
#include "ally-source.h"
#include "ally-map-question.h"

G_BEGIN_DECLS

#define ALLY_CONTENT_RESOURCE_PATH "/io/github/allyship/Allyship/content"

#define ALLY_TYPE_CATALOG (ally_catalog_get_type ())
G_DECLARE_FINAL_TYPE (AllyCatalog, ally_catalog, ALLY, CATALOG, GObject)

AllyCatalog        *ally_catalog_new               (void);

/* Both loads replace the whole content, or on error leave the catalog as it was.
 * A folder: every *.xml and *.xml.in below it (not *.gresource.xml); where both X.xml
 * (merged with translations) and X.xml.in exist, X.xml is used.  Lessons are ordered by
 * file name (lessons/NN-slug.xml).  Errors: ALLY_CONTENT_ERROR, "FILE:LINE: message". */
gboolean            ally_catalog_load_directory    (AllyCatalog        *self,
                                                    GFile              *dir,
                                                    GError            **error);
gboolean            ally_catalog_load_resource     (AllyCatalog        *self,
                                                    const char         *resource_path,
                                                    GError            **error);

/* Wanted languages, most wanted first ("fr_FR.UTF-8", "fr", "C" …); NULL means
 * g_get_language_names ().  Re-resolves every text; the lesson, term, source and power map
 * lists emit items-changed and objects notify their text properties. */
void                ally_catalog_set_languages     (AllyCatalog        *self,
                                                    const char * const *languages);
/* Languages the content has: "en" first, then every translation (languages/LL/), or for a
 * course whose files hold every language, every xml:lang found; sorted. */
const char * const *ally_catalog_get_locales       (AllyCatalog        *self);
/* A course built with one file set per language (languages/LL/) holds English and the one
 * translation the languages want: which one (NULL: English only, or every language is in
 * the files).  ally_catalog_set_languages () loads another one when it is wanted. */
const char         *ally_catalog_get_translation   (AllyCatalog        *self);
/* From languages/status.ini (written by the build): the share of the course's strings
 * LANGUAGE translates (-1: not known), the language's English name and its name in itself
 * ("Español", from its translators' po file) (NULL: not known). */
int                 ally_catalog_get_translation_percent  (AllyCatalog  *self,
                                                           const char   *language);
char               *ally_catalog_get_translation_name     (AllyCatalog  *self,
                                                           const char   *language);
char               *ally_catalog_get_translation_own_name (AllyCatalog  *self,
                                                           const char   *language);

/* Of AllyLesson, in course order. */
GListModel         *ally_catalog_get_lessons       (AllyCatalog        *self);
/* Of AllyTerm, sorted by name in the current language. */
GListModel         *ally_catalog_get_terms         (AllyCatalog        *self);
/* Of AllySource, in file order. */
GListModel         *ally_catalog_get_sources       (AllyCatalog        *self);
/* Of AllyMapQuestion, in file order: the power and privilege map's questions (empty for a
 * course without power-map.xml). */
GListModel         *ally_catalog_get_power_map     (AllyCatalog        *self);

AllyLesson         *ally_catalog_lookup_lesson     (AllyCatalog        *self,
                                                    const char         *id);
/* ID may also be a term link href, "term:ID". */
AllyTerm           *ally_catalog_lookup_term       (AllyCatalog        *self,
                                                    const char         *id);
AllySource         *ally_catalog_lookup_source     (AllyCatalog        *self,
                                                    const char         *id);
/* Of AllyLesson, in course order: the lessons whose text links to the term (ID or
 * "term:ID"); empty for an unknown term. */
GListModel         *ally_catalog_list_lessons_for_term (AllyCatalog    *self,
                                                        const char     *term_id);

G_END_DECLS
