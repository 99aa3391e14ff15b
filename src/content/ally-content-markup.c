/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-markup.c: the inline markup of a course text (<em>, <term ref="…">) turned
 * into plain text and Pango markup, with the term links collected; a translation's escaped
 * markup (as msgfmt writes it) is parsed on its own, under the same limits as a file. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "ally-content-markup-private.h"
#include "ally-content-parser.h"
#include "ally-content-reader-private.h"
#include "ally-content-xml-private.h"

typedef struct
{
  GString  *text;
  GString  *markup;
  gboolean  pending_space;
  GPtrArray *refs;      /* of AllyContentRef, may be NULL */
  int        line;
  char      *error;     /* first problem */
} InlineOut;

static void
out_flush_space (InlineOut *o)
{
  if (o->pending_space && o->text->len > 0)
    {
      g_string_append_c (o->text, ' ');
      g_string_append_c (o->markup, ' ');
    }
  o->pending_space = FALSE;
}

static inline gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline gboolean
is_markup_special (char c)
{
  return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
}

/* Appends S collapsing whitespace runs to one space, escaped for Pango in the markup.
 * This is the loader's innermost loop (every word of every language), so the text is
 * collapsed straight into its buffer and copied to the markup in one go when nothing in it
 * needs escaping. */
static void
out_text (InlineOut  *o,
          const char *s)
{
  gsize len = s != NULL ? strlen (s) : 0;
  gsize start = o->text->len;
  gboolean special = FALSE;
  gsize n = 0;
  char *dst;

  if (len == 0)
    return;

  /* Collapsing only shrinks the text; one more byte for a space pending from before. */
  g_string_set_size (o->text, start + len + 1);
  dst = o->text->str + start;

  for (const char *p = s; *p != '\0'; p++)
    {
      if (is_xml_space (*p))
        {
          o->pending_space = TRUE;
          continue;
        }
      if (o->pending_space && start + n > 0)
        dst[n++] = ' ';
      o->pending_space = FALSE;
      special |= is_markup_special (*p);
      dst[n++] = *p;
    }
  g_string_truncate (o->text, start + n);

  if (!special)
    {
      g_string_append_len (o->markup, o->text->str + start, n);
      return;
    }

  for (gsize i = 0; i < n; i++)
    {
      switch (o->text->str[start + i])
        {
        case '&': g_string_append (o->markup, "&amp;"); break;
        case '<': g_string_append (o->markup, "&lt;"); break;
        case '>': g_string_append (o->markup, "&gt;"); break;
        case '"': g_string_append (o->markup, "&quot;"); break;
        case '\'': g_string_append (o->markup, "&apos;"); break;
        default: g_string_append_c (o->markup, o->text->str[start + i]); break;
        }
    }
}

static void
out_fail (InlineOut  *o,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
out_fail (InlineOut  *o,
          const char *format,
          ...)
{
  va_list args;

  if (o->error != NULL)
    return;

  va_start (args, format);
  o->error = g_strdup_vprintf (format, args);
  va_end (args);
}

/* ALLOW_TERM / ALLOW_EM: which inline elements may appear at this level. */
static void
inline_walk (InlineOut  *o,
             xmlNodePtr  parent,
             gboolean    allow_term,
             gboolean    allow_em)
{
  for (xmlNodePtr node = parent->children; node != NULL && o->error == NULL; node = node->next)
    {
      switch (node->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          out_text (o, (const char *) node->content);
          break;

        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          break;

        case XML_ELEMENT_NODE:
          if (allow_term && ally_content_is_el (node, "term"))
            {
              g_autofree char *ref = ally_content_get_attr (node, "ref");

              if (!ally_content_valid_id (ref))
                {
                  out_fail (o, "%s", _("<term> needs a ref=\"TERM-ID\" of a-z, 0-9 and -"));
                  break;
                }
              if (o->refs != NULL)
                {
                  AllyContentRef *r = g_new0 (AllyContentRef, 1);

                  r->id = g_strdup (ref);
                  r->line = o->line > 0 ? o->line : ally_content_line_of (node);
                  r->what = g_strdup ("term");
                  g_ptr_array_add (o->refs, r);
                }
              out_flush_space (o);
              g_string_append_printf (o->markup, "<a href=\"term:%s\">", ref);
              inline_walk (o, node, FALSE, FALSE);
              g_string_append (o->markup, "</a>");
            }
          else if (allow_em && ally_content_is_el (node, "em"))
            {
              out_flush_space (o);
              g_string_append (o->markup, "<i>");
              inline_walk (o, node, allow_term, FALSE);
              g_string_append (o->markup, "</i>");
            }
          else
            /* Translators: %s is an XML element name. */
            out_fail (o, _("<%s> is not allowed here"), (const char *) node->name);
          break;

        default:
          out_fail (o, "%s", _("unexpected XML node here"));
          break;
        }
    }
}

void
ally_content_ref_free (gpointer data)
{
  AllyContentRef *r = data;

  g_free (r->id);
  g_free (r->what);
  g_free (r);
}

static gboolean
has_element_children (xmlNodePtr node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return TRUE;

  return FALSE;
}

static xmlDocPtr
parse_fragment (xmlParserCtxtPtr  *fragment_parser,
                const char        *wrapped,
                AllyXmlParseState *state)
{
  if (*fragment_parser == NULL)
    *fragment_parser = ally_content_xml_new_parser ();

  return ally_content_xml_parse_with (*fragment_parser, wrapped, strlen (wrapped), NULL, state);
}

/* Converts ELEMENT's content. For a translated copy holding only text, the text is the
 * msgstr as msgfmt (gettext 0.21) wrote it: escaped inline markup, parsed here. */
gboolean
ally_content_markup_convert (xmlNodePtr         element,
                             gboolean           is_translation,
                             gboolean           inline_markup,
                             GPtrArray         *refs,
                             xmlParserCtxtPtr  *fragment_parser,
                             char             **text_out,
                             char             **markup_out,
                             char             **error_out)
{
  InlineOut o = { g_string_new (NULL), g_string_new (NULL), FALSE, refs, 0, NULL };
  xmlChar *content = NULL;

  if (is_translation && !has_element_children (element) &&
      (content = xmlNodeGetContent (element)) != NULL &&
      strpbrk ((const char *) content, "<&") != NULL)
    {
      g_autofree char *wrapped = g_strconcat ("<t>", (const char *) content, "</t>", NULL);
      g_autofree char *limit_message = NULL;
      AllyXmlParseState state = { 0 };
      xmlDocPtr fragment;
      int limit_line;

      o.line = ally_content_line_of (element);
      /* the escaped markup is parsed on its own: the same limits as the file's */
      if (!ally_content_check_limits (wrapped, strlen (wrapped), &limit_line, &limit_message))
        out_fail (&o, "%s", limit_message);
      else if ((fragment = parse_fragment (fragment_parser, wrapped, &state)) != NULL)
        {
          inline_walk (&o, xmlDocGetRootElement (fragment), inline_markup, inline_markup);
          xmlFreeDoc (fragment);
        }
      else if (strchr ((const char *) content, '<') == NULL)
        out_text (&o, (const char *) content);   /* a literal "&" from a newer msgfmt */
      else
        out_fail (&o, "%s", state.error_message ? state.error_message : _("not well-formed"));

      g_free (state.error_message);
    }
  else
    inline_walk (&o, element, inline_markup, inline_markup);

  xmlFree (content);

  if (o.error != NULL)
    {
      *error_out = o.error;
      g_string_free (o.text, TRUE);
      g_string_free (o.markup, TRUE);
      return FALSE;
    }

  *text_out = g_string_free (o.text, FALSE);
  *markup_out = g_string_free (o.markup, FALSE);
  return TRUE;
}
