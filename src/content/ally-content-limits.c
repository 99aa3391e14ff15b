/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-limits.c: one quick pass over a content file's bytes, before libxml2 reads
 * them, that refuses shapes no course needs and that libxml2 handles in time growing with
 * the square of their size: many attributes on one element (its attribute list and the
 * RELAX NG validator) and many children in one element (the validator).  A lesson has a
 * few hundred elements, a handful of attributes on each and a few dozen children at most. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-content-parser.h"

#include <string.h>

/* Longest element name shown in a message. */
#define MAX_SHOWN_NAME 64

typedef struct
{
  const char *name;
  gsize       name_len;
  int         line;
  guint       n_children;
} OpenElement;

typedef struct
{
  const char *p;
  const char *end;
  int         line;
} Scanner;

static gboolean
looking_at (Scanner    *s,
            const char *literal)
{
  gsize len = strlen (literal);

  return (gsize) (s->end - s->p) >= len && memcmp (s->p, literal, len) == 0;
}

/* Moves to END (or the end of the data), counting lines. */
static void
advance_to (Scanner    *s,
            const char *end)
{
  const char *nl;

  while ((nl = memchr (s->p, '\n', end - s->p)) != NULL)
    {
      s->line++;
      s->p = nl + 1;
    }
  s->p = end;
}

/* Moves past the next LITERAL (comment, CDATA and processing instruction ends). */
static void
skip_past (Scanner    *s,
           const char *literal)
{
  gsize len = strlen (literal);
  const char *q = s->p;

  while ((q = memchr (q, literal[0], s->end - q)) != NULL)
    {
      if ((gsize) (s->end - q) >= len && memcmp (q, literal, len) == 0)
        {
          advance_to (s, q + len);
          return;
        }
      q++;
    }
  advance_to (s, s->end);
}

static char *
shown_name (const OpenElement *element)
{
  g_autofree char *name = g_strndup (element->name, MIN (element->name_len, MAX_SHOWN_NAME));

  return ally_content_display_name (name);
}

/* At S->p, just after "<NAME": counts the attributes (one "=" outside quotes each) up to
 * the closing ">", leaving S->p on it.  Returns the count. */
static guint
scan_attributes (Scanner *s)
{
  guint n = 0;
  char quote = '\0';

  for (; s->p < s->end; s->p++)
    {
      char c = *s->p;

      if (c == '\n')
        s->line++;
      if (quote != '\0')
        {
          if (c == quote)
            quote = '\0';
        }
      else if (c == '"' || c == '\'')
        quote = c;
      else if (c == '=')
        n++;
      else if (c == '>')
        break;
    }

  return n;
}

gboolean
ally_content_check_limits (const char  *data,
                           gsize        length,
                           int         *line,
                           char       **message)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenElement));
  Scanner s = { data, data + length, 1 };
  guint n_elements = 0;

  while (s.p < s.end)
    {
      const char *lt = memchr (s.p, '<', s.end - s.p);
      OpenElement element = { NULL, 0, 0, 0 };
      guint n_attributes;

      if (lt == NULL)
        break;
      advance_to (&s, lt);

      if (looking_at (&s, "<!--"))
        {
          skip_past (&s, "-->");
          continue;
        }
      if (looking_at (&s, "<![CDATA["))
        {
          skip_past (&s, "]]>");
          continue;
        }
      if (looking_at (&s, "<?"))
        {
          skip_past (&s, "?>");
          continue;
        }
      if (looking_at (&s, "<!"))
        break;   /* a DOCTYPE, which the parser refuses */
      if (looking_at (&s, "</"))
        {
          if (open->len > 0)
            g_array_set_size (open, open->len - 1);
          skip_past (&s, ">");
          continue;
        }

      /* A start tag. */
      element.line = s.line;
      element.name = ++s.p;
      while (s.p < s.end && !g_ascii_isspace (*s.p) && *s.p != '/' && *s.p != '>')
        s.p++;
      element.name_len = s.p - element.name;

      if (open->len > 0)
        {
          OpenElement *parent = &g_array_index (open, OpenElement, open->len - 1);

          if (++parent->n_children > ALLY_CONTENT_MAX_CHILDREN)
            {
              g_autofree char *shown = shown_name (parent);

              *line = parent->line;
              /* Translators: an XML element name, then a count. */
              *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "<%s> holds more than %d element; split it into several",
                                                       "<%s> holds more than %d elements; split it into several",
                                                       ALLY_CONTENT_MAX_CHILDREN),
                                          shown, ALLY_CONTENT_MAX_CHILDREN);
              return FALSE;
            }
        }

      if (++n_elements > ALLY_CONTENT_MAX_ELEMENTS)
        {
          *line = element.line;
          /* Translators: %d is a count. */
          *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "more than %d element in one file; no course file needs that many",
                                                   "more than %d elements in one file; no course file needs that many",
                                                   ALLY_CONTENT_MAX_ELEMENTS),
                                      ALLY_CONTENT_MAX_ELEMENTS);
          return FALSE;
        }

      n_attributes = scan_attributes (&s);
      if (n_attributes > ALLY_CONTENT_MAX_ATTRIBUTES)
        {
          g_autofree char *shown = shown_name (&element);

          *line = element.line;
          /* Translators: an XML element name, then a count. */
          *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "<%s> has more than %d attribute",
                                                   "<%s> has more than %d attributes",
                                                   ALLY_CONTENT_MAX_ATTRIBUTES),
                                      shown, ALLY_CONTENT_MAX_ATTRIBUTES);
          return FALSE;
        }

      if (s.p >= s.end)
        break;   /* unfinished tag: the parser explains */

      if (s.p[-1] != '/')
        {
          if (open->len >= ALLY_CONTENT_MAX_NESTING)
            {
              *line = element.line;
              /* Translators: %d is a count. */
              *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "elements nested more than %d level deep",
                                                       "elements nested more than %d levels deep",
                                                       ALLY_CONTENT_MAX_NESTING),
                                          ALLY_CONTENT_MAX_NESTING);
              return FALSE;
            }
          g_array_append_val (open, element);
        }
      s.p++;
    }

  return TRUE;
}
