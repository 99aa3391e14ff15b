/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-markup-private.h: a course text's inline markup to plain text and Pango
 * markup (ally-content-markup.c). Not for views. */
#pragma once

#include <glib.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

/* Converts ELEMENT's content: TRUE with *TEXT_OUT and *MARKUP_OUT, or FALSE with
 * *ERROR_OUT (the first problem). INLINE_MARKUP: <em> and <term> are allowed; each term
 * link is added to REFS (of AllyContentRef, may be NULL). For a translated copy
 * (IS_TRANSLATION) holding only text, that text is the msgstr as msgfmt wrote it: escaped
 * markup, parsed with *FRAGMENT_PARSER (made on first use; the caller frees it). */
gboolean ally_content_markup_convert (xmlNodePtr         element,
                                      gboolean           is_translation,
                                      gboolean           inline_markup,
                                      GPtrArray         *refs,
                                      xmlParserCtxtPtr  *fragment_parser,
                                      char             **text_out,
                                      char             **markup_out,
                                      char             **error_out);

/* Frees an AllyContentRef (the free function of AllyContentFile.term_refs). */
void     ally_content_ref_free       (gpointer           data);

G_END_DECLS
