/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-xml-private.h: safe XML for the content parser (ally-content-xml.c): reading
 * bytes without DTDs, entities or network, and checking a document against the course
 * schema. Not for views. */
#pragma once

#include <glib.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

#define ALLY_CONTENT_SCHEMA_RESOURCE ALLY_CONTENT_RESOURCE_PATH "/allyship.rng"

/* Why a parse gave no document. */
typedef struct
{
  gboolean  doctype;        /* a DOCTYPE was met (and the parse stopped there) */
  int       doctype_line;
  gboolean  failed;         /* not well-formed */
  int       error_line;
  char     *error_message;  /* owned by the caller */
} AllyXmlParseState;

/* libxml2's generic error handler, silenced while the content is read. */
typedef struct
{
  xmlGenericErrorFunc  func;
  void                *ctx;
} AllyXmlSavedErrors;

typedef struct
{
  int       line;
  char     *message;         /* NULL: no specific explanation */
  gboolean  in_translation;  /* inside an xml:lang copy */
} AllyXmlSchemaError;

typedef enum
{
  ALLY_XML_VALID,
  ALLY_XML_INVALID,
  ALLY_XML_NO_SCHEMA,
} AllyXmlValidity;

void             ally_content_xml_silence_errors (AllyXmlSavedErrors *saved);
void             ally_content_xml_restore_errors (AllyXmlSavedErrors *saved);

xmlParserCtxtPtr ally_content_xml_new_parser     (void);
/* A document, or NULL with STATE telling why. CTXT may be reused. */
xmlDocPtr        ally_content_xml_parse_with     (xmlParserCtxtPtr    ctxt,
                                                  const char         *data,
                                                  gsize               length,
                                                  const char         *url,
                                                  AllyXmlParseState  *state);
xmlDocPtr        ally_content_xml_parse          (const char         *data,
                                                  gsize               length,
                                                  const char         *url,
                                                  AllyXmlParseState  *state);

/* DOC against allyship.rng; ALLY_XML_INVALID fills OUT_ERROR with the most telling error
 * (its message is the caller's to free). */
AllyXmlValidity  ally_content_xml_validate       (xmlDocPtr           doc,
                                                  AllyXmlSchemaError *out_error);

G_END_DECLS
