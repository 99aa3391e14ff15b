/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-error.h: errors of the course content engine. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ALLY_CONTENT_ERROR (ally_content_error_quark ())

/**
 * AllyContentError:
 * @ALLY_CONTENT_ERROR_IO: a file or resource could not be read
 * @ALLY_CONTENT_ERROR_TOO_LARGE: a file is over the size cap (%ALLY_CONTENT_MAX_FILE_SIZE)
 * @ALLY_CONTENT_ERROR_MALFORMED: not well-formed XML (or not UTF-8)
 * @ALLY_CONTENT_ERROR_DOCTYPE: the file has a DOCTYPE (DTDs and entities are not allowed)
 * @ALLY_CONTENT_ERROR_SCHEMA: the file does not follow allyship.rng
 * @ALLY_CONTENT_ERROR_MARKUP: a translation (xml:lang copy) has broken inline markup
 * @ALLY_CONTENT_ERROR_DUPLICATE_ID: an id is used twice where it must be unique
 * @ALLY_CONTENT_ERROR_UNKNOWN_TERM: <term ref> or <see-also ref> names no glossary entry
 * @ALLY_CONTENT_ERROR_UNKNOWN_SOURCE: <cite source> names no source
 * @ALLY_CONTENT_ERROR_UNLISTED_SOURCE: a section cites a source missing from the lesson's <sources>
 * @ALLY_CONTENT_ERROR_CORRECT_CHOICE: a question without exactly one correct choice
 * @ALLY_CONTENT_ERROR_STRUCTURE: a course-level rule (lesson file names, scenarios from lesson 3 on)
 * @ALLY_CONTENT_ERROR_MISSING: no lessons, glossary or sources were found
 * @ALLY_CONTENT_ERROR_LIMIT: a file is shaped like no course file: too many attributes on
 *   an element, children in an element, elements in the file, or too deep a nesting
 *
 * Every message starts with `FILE:LINE: `, FILE being the path relative to the loaded
 * folder or the resource path.
 */
typedef enum
{
  ALLY_CONTENT_ERROR_IO,
  ALLY_CONTENT_ERROR_TOO_LARGE,
  ALLY_CONTENT_ERROR_MALFORMED,
  ALLY_CONTENT_ERROR_DOCTYPE,
  ALLY_CONTENT_ERROR_SCHEMA,
  ALLY_CONTENT_ERROR_MARKUP,
  ALLY_CONTENT_ERROR_DUPLICATE_ID,
  ALLY_CONTENT_ERROR_UNKNOWN_TERM,
  ALLY_CONTENT_ERROR_UNKNOWN_SOURCE,
  ALLY_CONTENT_ERROR_UNLISTED_SOURCE,
  ALLY_CONTENT_ERROR_CORRECT_CHOICE,
  ALLY_CONTENT_ERROR_STRUCTURE,
  ALLY_CONTENT_ERROR_MISSING,
  ALLY_CONTENT_ERROR_LIMIT,
} AllyContentError;

/* Files larger than this are rejected before parsing. */
#define ALLY_CONTENT_MAX_FILE_SIZE (2 * 1024 * 1024)

/* Limits on a file's shape, checked before parsing: far above what a course needs (the
 * largest file has under 1,000 elements, 60 children in one element, 3 attributes on one),
 * low enough that libxml2, which is quadratic in attributes per element and in children per
 * element, reads any file under the size cap in well under a second. */
#define ALLY_CONTENT_MAX_ATTRIBUTES 32
#define ALLY_CONTENT_MAX_CHILDREN   1000
#define ALLY_CONTENT_MAX_ELEMENTS   20000
#define ALLY_CONTENT_MAX_NESTING    64

GQuark ally_content_error_quark (void);

G_END_DECLS
