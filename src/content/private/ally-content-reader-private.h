/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-reader-private.h: reading the elements of a parsed content file
 * (ally-content-reader.c), for the parser and the inline markup. Not for views. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* NODE is the element NAME, in no namespace. */
gboolean    ally_content_is_el         (xmlNodePtr  node,
                                        const char *name);
/* NODE or the first element after it, or NULL. */
xmlNodePtr  ally_content_next_el       (xmlNodePtr  node);
int         ally_content_line_of       (xmlNodePtr  node);
/* The attribute's value (no namespace), or NULL. */
char       *ally_content_get_attr      (xmlNodePtr  node,
                                        const char *name);
/* xml:lang, or NULL. */
char       *ally_content_get_lang      (xmlNodePtr  node);
/* An id of a-z, 0-9 and -, not empty. */
gboolean    ally_content_valid_id      (const char *id);
/* The element's text, trimmed. */
char       *ally_content_element_text  (xmlNodePtr  node);

/* Each element child of PARENT in turn. */
#define FOREACH_EL(child, parent) \
  for (xmlNodePtr child = ally_content_next_el ((parent)->children); child != NULL; \
       child = ally_content_next_el (child->next))

G_END_DECLS
