/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-xml.c: reading content bytes as XML safely, and checking them against the
 * course schema (content/allyship.rng), for the content parser.
 *
 * Security: the bytes are parsed by libxml2 without XML_PARSE_NOENT, _DTDLOAD, _DTDATTR
 * or _HUGE and with XML_PARSE_NONET; a SAX hook stops the parser as soon as a DOCTYPE
 * starts (before its internal subset is read), so no entity is ever declared, let alone
 * expanded or loaded.  Errors are taken through structured handlers (nothing is printed).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "ally-catalog.h"
#include "ally-content-xml-private.h"
#include "ally-xml-compat.h"

#define MAX_SCHEMA_ERRORS 64

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

/* libxml2 messages end with a newline and may hold control characters. */
static char *
clean_message (const char *message)
{
  char *s = g_strdup (message ? message : _("unknown error"));

  g_strstrip (s);
  for (char *p = s; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';

  return s;
}

/* ---- libxml2 setup ------------------------------------------------------------------ */

static void
silent_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

void
ally_content_xml_silence_errors (AllyXmlSavedErrors *saved)
{
  saved->func = xmlGenericError;
  saved->ctx = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (NULL, silent_generic_error);
}

void
ally_content_xml_restore_errors (AllyXmlSavedErrors *saved)
{
  xmlSetGenericErrorFunc (saved->ctx, saved->func);
}

static void
schema_parse_error (void         *data,
                    AllyXmlError  error)
{
  if (error != NULL && error->level >= XML_ERR_ERROR)
    g_critical ("allyship.rng: %s", error->message ? error->message : "error");
}

static xmlRelaxNGPtr
get_schema (void)
{
  static gsize initialized = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = NULL;
      AllyXmlSavedErrors saved;

      xmlInitParser ();
      ally_content_xml_silence_errors (&saved);

      bytes = g_resources_lookup_data (ALLY_CONTENT_SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes != NULL)
        {
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);
          xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);

          xmlRelaxNGSetParserStructuredErrors (pctxt, schema_parse_error, NULL);
          schema = xmlRelaxNGParse (pctxt);
          xmlRelaxNGFreeParserCtxt (pctxt);
        }

      ally_content_xml_restore_errors (&saved);
      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

/* ---- Secure parsing ------------------------------------------------------------------ */

static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  AllyXmlParseState *state = ctxt->_private;

  /* Called when "<!DOCTYPE name …" has been read, before any "[ internal subset ]":
   * stop here, so no entity or attribute declaration is ever looked at. */
  state->doctype = TRUE;
  state->doctype_line = ctxt->input ? ctxt->input->line : 1;
  xmlStopParser (ctxt);
}

static void
on_parse_error (void         *data,
                AllyXmlError  error)
{
  xmlParserCtxtPtr ctxt = data;
  AllyXmlParseState *state = ctxt->_private;

  if (error == NULL || error->level < XML_ERR_ERROR || state->failed)
    return;

  state->failed = TRUE;
  state->error_line = error->line;
  state->error_message = clean_message (error->message);
}

xmlParserCtxtPtr
ally_content_xml_new_parser (void)
{
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();

  if (ctxt == NULL)
    g_error ("libxml2: out of memory");

  return ctxt;
}

/* Returns a document or NULL with STATE telling why.  CTXT may be reused. */
xmlDocPtr
ally_content_xml_parse_with (xmlParserCtxtPtr   ctxt,
                             const char        *data,
                             gsize              length,
                             const char        *url,
                             AllyXmlParseState *state)
{
  xmlDocPtr doc;

  ctxt->_private = state;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->externalSubset = NULL;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;

  doc = xmlCtxtReadMemory (ctxt, data, (int) length, url, "UTF-8", PARSE_OPTIONS);

  if (doc != NULL && (state->doctype || state->failed || !ctxt->wellFormed))
    g_clear_pointer (&doc, xmlFreeDoc);

  if (doc == NULL && !state->doctype && !state->failed)
    {
      state->failed = TRUE;
      state->error_line = ctxt->input ? ctxt->input->line : 1;
      state->error_message = g_strdup (_("not well-formed XML"));
    }

  ctxt->_private = NULL;
  return doc;
}

xmlDocPtr
ally_content_xml_parse (const char        *data,
                        gsize              length,
                        const char        *url,
                        AllyXmlParseState *state)
{
  xmlParserCtxtPtr ctxt = ally_content_xml_new_parser ();
  xmlDocPtr doc = ally_content_xml_parse_with (ctxt, data, length, url, state);

  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* ---- Schema validation ----------------------------------------------------------------- */

static void
schema_error_clear (gpointer data)
{
  g_free (((AllyXmlSchemaError *) data)->message);
}

static gboolean
inside_translation (xmlNodePtr node)
{
  for (xmlNodePtr p = node ? node->parent : NULL; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (xmlHasNsProp (p, BAD_CAST "lang", XML_XML_NAMESPACE))
      return TRUE;

  return FALSE;
}

static void
on_schema_error (void         *data,
                 AllyXmlError  error)
{
  GArray *errors = data;
  AllyXmlSchemaError e;

  if (error == NULL || error->level < XML_ERR_ERROR || errors->len >= MAX_SCHEMA_ERRORS)
    return;

  e.line = error->line;
  e.message = clean_message (error->message);
  e.in_translation = FALSE;
  if (error->node != NULL)
    {
      xmlNodePtr node = error->node;

      if (e.line <= 0)
        e.line = (int) xmlGetLineNo (node);
      e.in_translation = inside_translation (node);
    }
  g_array_append_val (errors, e);
}

static gboolean
is_generic (const char *message)
{
  return strstr (message, "failed to validate") != NULL || strstr (message, "got nothing") != NULL;
}

/* libxml2 reports a cascade; the most telling one is the deepest, specific error. */
static const AllyXmlSchemaError *
best_schema_error (GArray *errors)
{
  const AllyXmlSchemaError *best = NULL;

  for (guint i = 0; i < errors->len; i++)
    {
      const AllyXmlSchemaError *e = &g_array_index (errors, AllyXmlSchemaError, i);

      if (best == NULL || e->line > best->line ||
          (e->line == best->line && is_generic (best->message) && !is_generic (e->message)))
        best = e;
    }

  return best;
}

AllyXmlValidity
ally_content_xml_validate (xmlDocPtr           doc,
                           AllyXmlSchemaError *out_error)
{
  xmlRelaxNGPtr schema = get_schema ();
  g_autoptr(GArray) errors = NULL;
  const AllyXmlSchemaError *best;
  xmlRelaxNGValidCtxtPtr vctxt;
  int result;

  *out_error = (AllyXmlSchemaError) { 0, NULL, FALSE };
  if (schema == NULL)
    return ALLY_XML_NO_SCHEMA;

  errors = g_array_new (FALSE, FALSE, sizeof (AllyXmlSchemaError));
  g_array_set_clear_func (errors, schema_error_clear);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_schema_error, errors);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  if (result == 0)
    return ALLY_XML_VALID;

  best = best_schema_error (errors);
  if (best != NULL)
    *out_error = (AllyXmlSchemaError) { best->line, g_strdup (best->message), best->in_translation };
  return ALLY_XML_INVALID;
}
