/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-reader.c: reading the elements of a parsed content file: names, attributes,
 * languages, ids and lines, for the parser and the inline markup. */
#include "config.h"

#include <string.h>

#include "ally-content-reader-private.h"

gboolean
ally_content_is_el (xmlNodePtr  node,
                    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns == NULL &&
         strcmp ((const char *) node->name, name) == 0;
}

xmlNodePtr
ally_content_next_el (xmlNodePtr node)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;

  return NULL;
}

int
ally_content_line_of (xmlNodePtr node)
{
  return node ? (int) xmlGetLineNo (node) : 1;
}

char *
ally_content_get_attr (xmlNodePtr  node,
                       const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

char *
ally_content_get_lang (xmlNodePtr node)
{
  xmlChar *value = xmlGetNsProp (node, BAD_CAST "lang", XML_XML_NAMESPACE);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

gboolean
ally_content_valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
      return FALSE;

  return TRUE;
}

char *
ally_content_element_text (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *s = g_strdup (content ? (const char *) content : "");

  xmlFree (content);
  return g_strstrip (s);
}
