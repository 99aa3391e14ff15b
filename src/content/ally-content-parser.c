/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-parser.c: one content file -> model objects: the bytes read as XML safely
 * and checked against the schema (ally-content-xml.c), then each element read into the
 * course's objects, with the inline markup of their texts. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-content-parser.h"

#include <string.h>

#include <libxml/parser.h>

#include "ally-content-markup-private.h"
#include "ally-content-reader-private.h"
#include "ally-content-xml-private.h"

/* ---- Problems ---------------------------------------------------------------------- */

void
ally_content_add_problem (GPtrArray        *problems,
                          AllyContentError  code,
                          const char       *file,
                          int               line,
                          const char       *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, g_error_new (ALLY_CONTENT_ERROR, code, "%s:%d: %s",
                                          file, MAX (line, 1), message));
}

/* ---- Building the models ----------------------------------------------------------------- */

typedef struct
{
  const char      *name;
  GPtrArray       *problems;
  AllyContentFile *file;
  gboolean         failed;
  xmlParserCtxtPtr fragment_parser;  /* reused for translations' escaped markup */
} Builder;

static void
builder_problem (Builder          *b,
                 AllyContentError  code,
                 int               line,
                 const char       *format,
                 ...) G_GNUC_PRINTF (4, 5);

static void
builder_problem (Builder          *b,
                 AllyContentError  code,
                 int               line,
                 const char       *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  ally_content_add_problem (b->problems, code, b->name, line, "%s", message);
  b->failed = TRUE;
}

/* Reads the translatable element at *CURSOR and the xml:lang copies that follow it;
 * leaves *CURSOR on the last one. */
static AllyText *
read_text (Builder     *b,
           xmlNodePtr  *cursor,
           gboolean     inline_markup)
{
  xmlNodePtr node = *cursor;
  const char *name = (const char *) node->name;
  char *text = NULL, *markup = NULL, *error = NULL;
  g_autofree char *node_lang = ally_content_get_lang (node);
  AllyText *result;

  if (node_lang != NULL)
    builder_problem (b, ALLY_CONTENT_ERROR_SCHEMA, ally_content_line_of (node),
                     /* Translators: %s are an XML element name, a language code and the
                        element name again; the XML is not translated. */
                     _("<%s xml:lang=\"%s\"> has no English <%s> before it"), name, node_lang, name);

  if (!ally_content_markup_convert (node, FALSE, inline_markup, b->file->term_refs, &b->fragment_parser,
                                    &text, &markup, &error))
    {
      builder_problem (b, ALLY_CONTENT_ERROR_SCHEMA, ally_content_line_of (node),
                       /* Translators: an XML element name, then what is wrong in it. */
                       _("<%s>: %s"), name, error);
      g_free (error);
      text = g_strdup ("");
      markup = g_strdup ("");
    }
  result = ally_text_new (text, markup);
  g_ptr_array_add (b->file->texts, result);

  for (xmlNodePtr next = ally_content_next_el (node->next); next != NULL && ally_content_is_el (next, name); next = ally_content_next_el (next->next))
    {
      g_autofree char *lang = ally_content_get_lang (next);

      if (lang == NULL)
        break;   /* the next English element */

      *cursor = next;

      if (ally_text_has_lang (result, lang))
        {
          builder_problem (b, ALLY_CONTENT_ERROR_SCHEMA, ally_content_line_of (next),
                           /* Translators: an XML element name, then a language code. */
                           _("<%s> has two '%s' translations"), name, lang);
          continue;
        }

      g_hash_table_add (b->file->langs, g_strdup (lang));

      if (!ally_content_markup_convert (next, TRUE, inline_markup, b->file->term_refs,
                                        &b->fragment_parser, &text, &markup, &error))
        {
          builder_problem (b, ALLY_CONTENT_ERROR_MARKUP, ally_content_line_of (next),
                           /* Translators: a language code, an XML element name, then
                              what is wrong with the markup. */
                           _("broken markup in the '%s' translation of <%s>: %s"), lang, name, error);
          g_clear_pointer (&error, g_free);
          continue;
        }
      ally_text_add_variant (result, lang, text, markup);
    }

  return result;
}

static char *
required_id (Builder    *b,
             xmlNodePtr  node,
             const char *attribute)
{
  char *id = ally_content_get_attr (node, attribute);

  if (!ally_content_valid_id (id))
    {
      builder_problem (b, ALLY_CONTENT_ERROR_SCHEMA, ally_content_line_of (node),
                       /* Translators: an XML element name, then an attribute name, such
                          as <term> and id; the XML is not translated. */
                       _("<%s> needs %s=\"…\" of a-z, 0-9 and -"), (const char *) node->name, attribute);
      g_free (id);
      return g_strdup ("invalid");
    }

  return id;
}

static int
lookup_name (const char         *value,
             const char * const *names)
{
  for (int i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (value, names[i]) == 0)
      return i;

  return -1;
}

static AllyCite *
read_cite (Builder    *b,
           xmlNodePtr  node)
{
  g_autofree char *source = required_id (b, node, "source");
  g_autofree char *locator = ally_content_get_attr (node, "locator");
  AllyCite *cite = ally_cite_new (source, locator, ally_content_line_of (node));

  if (cite->locator != NULL)
    g_strstrip (cite->locator);
  g_ptr_array_add (b->file->cites, g_object_ref (cite));
  return cite;
}

/* Checks that ID is new in SEEN (a per-kind table of id -> line). */
static void
check_unique (Builder    *b,
              GHashTable *seen,
              const char *kind,
              const char *id,
              int         line)
{
  gpointer first;

  if (g_hash_table_lookup_extended (seen, id, NULL, &first))
    builder_problem (b, ALLY_CONTENT_ERROR_DUPLICATE_ID, line,
                     /* Translators: the first %s is an XML element name such as
                        “question” (not translated), the second the repeated id, %d the
                        line where it was first used. */
                     _("duplicate %s id '%s' (first at line %d)"), kind, id, GPOINTER_TO_INT (first));
  else
    g_hash_table_insert (seen, g_strdup (id), GINT_TO_POINTER (line));
}

static AllySection *
read_section (Builder    *b,
              xmlNodePtr  node)
{
  AllySection *section = ally_section_new ();

  section->id = required_id (b, node, "id");

  FOREACH_EL (child, node)
    {
      if (ally_content_is_el (child, "heading") && section->heading == NULL)
        section->heading = read_text (b, &child, FALSE);
      else if (ally_content_is_el (child, "p"))
        {
          g_autoptr(AllyBlock) block = ally_block_new (ALLY_BLOCK_PARAGRAPH);

          ally_block_add_item (block, read_text (b, &child, TRUE));
          g_list_store_append (section->blocks, block);
        }
      else if (ally_content_is_el (child, "list"))
        {
          g_autoptr(AllyBlock) block = ally_block_new (ALLY_BLOCK_LIST);

          FOREACH_EL (item, child)
            if (ally_content_is_el (item, "item"))
              ally_block_add_item (block, read_text (b, &item, TRUE));
          g_list_store_append (section->blocks, block);
        }
      else if (ally_content_is_el (child, "cite"))
        {
          g_autoptr(AllyCite) cite = read_cite (b, child);
          g_list_store_append (section->cites, cite);
        }
    }

  if (section->heading == NULL)
    section->heading = ally_text_new (g_strdup (""), g_strdup (""));

  return section;
}

static AllyQuestion *
read_question (Builder    *b,
               xmlNodePtr  node)
{
  static const char * const kinds[] = { "recall", "scenario", NULL };
  AllyQuestion *question = ally_question_new ();
  g_autofree char *kind = ally_content_get_attr (node, "kind");
  guint n_correct = 0, index = 0;

  question->id = required_id (b, node, "id");
  question->kind = MAX (lookup_name (kind, kinds), 0);

  FOREACH_EL (child, node)
    {
      if (ally_content_is_el (child, "stem") && question->stem == NULL)
        question->stem = read_text (b, &child, TRUE);
      else if (ally_content_is_el (child, "choice"))
        {
          g_autoptr(AllyChoice) choice = ally_choice_new ();
          g_autofree char *correct = ally_content_get_attr (child, "correct");

          choice->correct = g_strcmp0 (correct, "true") == 0;
          if (choice->correct)
            {
              n_correct++;
              question->correct_index = index;
            }

          FOREACH_EL (part, child)
            {
              if (ally_content_is_el (part, "text") && choice->text == NULL)
                choice->text = read_text (b, &part, TRUE);
              else if (ally_content_is_el (part, "explanation") && choice->explanation == NULL)
                choice->explanation = read_text (b, &part, TRUE);
            }

          g_list_store_append (question->choices, choice);
          index++;
        }
    }

  if (n_correct != 1)
    builder_problem (b, ALLY_CONTENT_ERROR_CORRECT_CHOICE, ally_content_line_of (node),
                     /* Translators: %s is a question's id, %u a count; correct="true" is
                        XML and not translated. */
                     g_dngettext (GETTEXT_PACKAGE,
                                  "question '%s' has %u correct choice; it needs exactly one (correct=\"true\")",
                                  "question '%s' has %u correct choices; it needs exactly one (correct=\"true\")",
                                  n_correct),
                     question->id, n_correct);

  return question;
}

static AllyScenario *
read_scenario (Builder    *b,
               xmlNodePtr  node)
{
  static const char * const settings[] = { "work", "school", "family", "online", "community", NULL };
  AllyScenario *scenario = ally_scenario_new ();
  g_autofree char *setting = ally_content_get_attr (node, "setting");

  scenario->id = required_id (b, node, "id");
  scenario->setting = MAX (lookup_name (setting, settings), 0);

  FOREACH_EL (child, node)
    {
      if (ally_content_is_el (child, "situation") && scenario->situation == NULL)
        scenario->situation = read_text (b, &child, TRUE);
      else if (ally_content_is_el (child, "ask") && scenario->ask == NULL)
        scenario->ask = read_text (b, &child, TRUE);
      else if (ally_content_is_el (child, "response"))
        {
          /* A sample response and its discussion: a text and its comment, as a quiz
           * choice and its explanation are. */
          g_autoptr(AllyChoice) response = ally_choice_new ();

          FOREACH_EL (part, child)
            {
              if (ally_content_is_el (part, "text") && response->text == NULL)
                response->text = read_text (b, &part, TRUE);
              else if (ally_content_is_el (part, "discussion") && response->explanation == NULL)
                response->explanation = read_text (b, &part, TRUE);
            }
          g_list_store_append (scenario->responses, response);
        }
    }

  return scenario;
}

static void
read_prompts (Builder        *b,
              xmlNodePtr      node,
              const char     *element,
              AllyPromptKind  kind,
              AllyLesson     *lesson,
              GListStore     *store)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  FOREACH_EL (child, node)
    {
      g_autoptr(AllyPrompt) prompt = NULL;

      if (!ally_content_is_el (child, element))
        continue;

      prompt = ally_prompt_new (kind);
      prompt->id = required_id (b, child, "id");
      prompt->lesson_id = g_strdup (lesson->id);
      check_unique (b, seen, element, prompt->id, ally_content_line_of (child));
      prompt->text = read_text (b, &child, TRUE);
      g_list_store_append (store, prompt);
    }
}

static void
check_section_cites (Builder    *b,
                     AllyLesson *lesson)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_cites = g_list_model_get_n_items (G_LIST_MODEL (lesson->cites));
  guint n_sections = g_list_model_get_n_items (G_LIST_MODEL (lesson->sections));

  for (guint i = 0; i < n_cites; i++)
    {
      g_autoptr(AllyCite) cite = g_list_model_get_item (G_LIST_MODEL (lesson->cites), i);
      g_hash_table_add (listed, cite->source_id);   /* owned by the cite, kept by the store */
    }

  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(AllySection) section = g_list_model_get_item (G_LIST_MODEL (lesson->sections), s);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (section->cites));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AllyCite) cite = g_list_model_get_item (G_LIST_MODEL (section->cites), i);

          if (!g_hash_table_contains (listed, cite->source_id))
            builder_problem (b, ALLY_CONTENT_ERROR_UNLISTED_SOURCE, cite->line,
                             /* Translators: a section's id, then a source's id. */
                             _("section '%s' cites '%s', which the lesson's <sources> does not list"),
                             section->id, cite->source_id);
        }
    }
}

static void
read_lesson (Builder    *b,
             xmlNodePtr  root)
{
  AllyLesson *lesson = ally_lesson_new ();
  g_autofree char *minutes = ally_content_get_attr (root, "minutes");
  g_autoptr(GHashTable) sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) questions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) scenarios = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  b->file->lesson = lesson;
  lesson->id = required_id (b, root, "id");
  lesson->file = g_strdup (b->name);
  lesson->line = ally_content_line_of (root);
  lesson->minutes = minutes ? (guint) g_ascii_strtoull (minutes, NULL, 10) : 0;

  FOREACH_EL (child, root)
    {
      if (ally_content_is_el (child, "title") && lesson->title == NULL)
        lesson->title = read_text (b, &child, FALSE);
      else if (ally_content_is_el (child, "summary") && lesson->summary == NULL)
        lesson->summary = read_text (b, &child, FALSE);
      else if (ally_content_is_el (child, "section"))
        {
          g_autoptr(AllySection) section = read_section (b, child);

          check_unique (b, sections, "section", section->id, ally_content_line_of (child));
          g_list_store_append (lesson->sections, section);
        }
      else if (ally_content_is_el (child, "keypoints"))
        {
          FOREACH_EL (point, child)
            if (ally_content_is_el (point, "point"))
              {
                g_autoptr(AllyBlock) block = ally_block_new (ALLY_BLOCK_PARAGRAPH);

                ally_block_add_item (block, read_text (b, &point, TRUE));
                g_list_store_append (lesson->key_points, block);
              }
        }
      else if (ally_content_is_el (child, "quiz"))
        {
          FOREACH_EL (q, child)
            if (ally_content_is_el (q, "question"))
              {
                g_autoptr(AllyQuestion) question = read_question (b, q);

                check_unique (b, questions, "question", question->id, ally_content_line_of (q));
                g_list_store_append (lesson->questions, question);
              }
        }
      else if (ally_content_is_el (child, "scenarios"))
        {
          FOREACH_EL (s, child)
            if (ally_content_is_el (s, "scenario"))
              {
                g_autoptr(AllyScenario) scenario = read_scenario (b, s);

                check_unique (b, scenarios, "scenario", scenario->id, ally_content_line_of (s));
                g_list_store_append (lesson->scenarios, scenario);
              }
        }
      else if (ally_content_is_el (child, "reflections"))
        read_prompts (b, child, "reflection", ALLY_PROMPT_REFLECTION, lesson, lesson->reflections);
      else if (ally_content_is_el (child, "commitments"))
        read_prompts (b, child, "commitment", ALLY_PROMPT_COMMITMENT, lesson, lesson->commitments);
      else if (ally_content_is_el (child, "sources"))
        {
          FOREACH_EL (c, child)
            if (ally_content_is_el (c, "cite"))
              {
                g_autoptr(AllyCite) cite = read_cite (b, c);
                g_list_store_append (lesson->cites, cite);
              }
        }
    }

  if (lesson->title == NULL)
    lesson->title = ally_text_new (g_strdup (""), g_strdup (""));
  if (lesson->summary == NULL)
    lesson->summary = ally_text_new (g_strdup (""), g_strdup (""));

  if (g_list_model_get_n_items (G_LIST_MODEL (lesson->cites)) == 0)
    builder_problem (b, ALLY_CONTENT_ERROR_SCHEMA, lesson->line,
                     _("lesson '%s' lists no <sources>"), lesson->id);

  check_section_cites (b, lesson);
}

static void
read_glossary (Builder    *b,
               xmlNodePtr  root)
{
  FOREACH_EL (entry, root)
    {
      g_autoptr(AllyTerm) term = NULL;
      g_autoptr(GStrvBuilder) see_also = NULL;
      int line = ally_content_line_of (entry);

      if (!ally_content_is_el (entry, "entry"))
        continue;

      term = ally_term_new ();
      see_also = g_strv_builder_new ();
      term->id = required_id (b, entry, "id");

      FOREACH_EL (child, entry)
        {
          if (ally_content_is_el (child, "name") && term->name == NULL)
            term->name = read_text (b, &child, FALSE);
          else if (ally_content_is_el (child, "alias"))
            g_ptr_array_add (term->aliases, read_text (b, &child, FALSE));
          else if (ally_content_is_el (child, "definition") && term->definition == NULL)
            term->definition = read_text (b, &child, TRUE);
          else if (ally_content_is_el (child, "see-also"))
            {
              AllyContentRef *r = g_new0 (AllyContentRef, 1);

              r->id = required_id (b, child, "ref");
              r->line = ally_content_line_of (child);
              r->what = g_strdup ("see-also");
              g_strv_builder_add (see_also, r->id);
              g_ptr_array_add (b->file->term_refs, r);
            }
          else if (ally_content_is_el (child, "cite"))
            {
              g_autoptr(AllyCite) cite = read_cite (b, child);
              g_list_store_append (term->cites, cite);
            }
        }

      if (term->name == NULL)
        term->name = ally_text_new (g_strdup (""), g_strdup (""));
      term->see_also = g_strv_builder_end (see_also);

      g_ptr_array_add (b->file->terms, g_object_ref (term));
      g_array_append_val (b->file->term_lines, line);
    }
}

static void
read_sources (Builder    *b,
              xmlNodePtr  root)
{
  static const char * const kinds[] = { "article", "book", "web-page", "newsletter", NULL };

  FOREACH_EL (node, root)
    {
      g_autoptr(AllySource) source = NULL;
      g_autoptr(GStrvBuilder) authors = NULL;
      g_autofree char *kind = NULL;
      int line = ally_content_line_of (node);

      if (!ally_content_is_el (node, "source"))
        continue;

      source = ally_source_new ();
      authors = g_strv_builder_new ();
      kind = ally_content_get_attr (node, "kind");
      source->id = required_id (b, node, "id");
      source->kind = MAX (lookup_name (kind, kinds), 0);

      FOREACH_EL (child, node)
        {
          if (ally_content_is_el (child, "author"))
            {
              g_autofree char *author = ally_content_element_text (child);
              g_strv_builder_add (authors, author);
            }
          else if (ally_content_is_el (child, "title") && source->title == NULL)
            source->title = ally_content_element_text (child);
          else if (ally_content_is_el (child, "publication") && source->publication == NULL)
            source->publication = ally_content_element_text (child);
          else if (ally_content_is_el (child, "date") && source->date == NULL)
            source->date = ally_content_element_text (child);
          else if (ally_content_is_el (child, "note") && source->note == NULL)
            source->note = read_text (b, &child, FALSE);
        }

      source->authors = g_strv_builder_end (authors);

      g_ptr_array_add (b->file->sources, g_object_ref (source));
      g_array_append_val (b->file->source_lines, line);
    }
}

static void
read_power_map (Builder    *b,
                xmlNodePtr  root)
{
  FOREACH_EL (node, root)
    {
      g_autoptr(AllyMapQuestion) question = NULL;

      if (!ally_content_is_el (node, "question"))
        continue;

      question = ally_map_question_new ();
      question->id = required_id (b, node, "id");
      question->line = ally_content_line_of (node);   /* ids are checked across the course */

      FOREACH_EL (child, node)
        {
          if (ally_content_is_el (child, "title") && question->title == NULL)
            question->title = read_text (b, &child, FALSE);
          else if (ally_content_is_el (child, "prompt") && question->prompt == NULL)
            question->prompt = read_text (b, &child, FALSE);
        }

      if (question->title == NULL)
        question->title = ally_text_new (g_strdup (""), g_strdup (""));
      if (question->prompt == NULL)
        question->prompt = ally_text_new (g_strdup (""), g_strdup (""));

      g_ptr_array_add (b->file->map_questions, g_steal_pointer (&question));
    }
}

/* ---- Entry point ---------------------------------------------------------------------- */

AllyContentFile *
ally_content_file_new (const char *name)
{
  AllyContentFile *file = g_new0 (AllyContentFile, 1);

  file->name = g_strdup (name);
  file->terms = g_ptr_array_new_with_free_func (g_object_unref);
  file->term_lines = g_array_new (FALSE, FALSE, sizeof (int));
  file->sources = g_ptr_array_new_with_free_func (g_object_unref);
  file->source_lines = g_array_new (FALSE, FALSE, sizeof (int));
  file->map_questions = g_ptr_array_new_with_free_func (g_object_unref);
  file->term_refs = g_ptr_array_new_with_free_func (ally_content_ref_free);
  file->cites = g_ptr_array_new_with_free_func (g_object_unref);
  file->langs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  file->texts = g_ptr_array_new ();

  return file;
}

void
ally_content_file_free (AllyContentFile *file)
{
  if (file == NULL)
    return;

  g_free (file->name);
  g_clear_object (&file->lesson);
  g_ptr_array_unref (file->terms);
  g_array_unref (file->term_lines);
  g_ptr_array_unref (file->sources);
  g_array_unref (file->source_lines);
  g_ptr_array_unref (file->map_questions);
  g_ptr_array_unref (file->term_refs);
  g_ptr_array_unref (file->cites);
  g_hash_table_unref (file->langs);
  g_ptr_array_unref (file->texts);
  g_free (file);
}

AllyContentFile *
ally_content_parse_file (const char *name,
                         const char *data,
                         gsize       length,
                         GPtrArray  *problems)
{
  AllyContentFile *file = ally_content_file_new (name);
  g_autofree char *limit_message = NULL;
  int limit_line = 0;
  AllyXmlParseState state = { 0 };
  AllyXmlSavedErrors saved;
  AllyXmlSchemaError schema_error;
  xmlDocPtr doc;
  xmlNodePtr root;

  if (length > ALLY_CONTENT_MAX_FILE_SIZE)
    {
      ally_content_add_problem (problems, ALLY_CONTENT_ERROR_TOO_LARGE, name, 1,
                                /* Translators: the file's size, then the size limit. */
                                g_dngettext (GETTEXT_PACKAGE, "file is %llu byte, more than the %d byte limit",
                                             "file is %llu bytes, more than the %d byte limit", length),
                                (unsigned long long) length, ALLY_CONTENT_MAX_FILE_SIZE);
      return file;
    }

  if (!ally_content_check_limits (data, length, &limit_line, &limit_message))
    {
      ally_content_add_problem (problems, ALLY_CONTENT_ERROR_LIMIT, name, limit_line, "%s", limit_message);
      return file;
    }

  ally_content_xml_silence_errors (&saved);

  doc = ally_content_xml_parse (data, length, NULL, &state);

  if (state.doctype)
    {
      ally_content_add_problem (problems, ALLY_CONTENT_ERROR_DOCTYPE, name, state.doctype_line,
                                _("DOCTYPE is not allowed in content files (no DTDs, no entities)"));
      goto out;
    }
  if (doc == NULL)
    {
      ally_content_add_problem (problems, ALLY_CONTENT_ERROR_MALFORMED, name, state.error_line,
                                /* Translators: %s is the XML parser's explanation. */
                                _("not well-formed XML: %s"), state.error_message);
      goto out;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      ally_content_add_problem (problems, ALLY_CONTENT_ERROR_MALFORMED, name, 1, _("no root element"));
      goto out;
    }

  if (ally_content_is_el (root, "lesson"))
    file->kind = ALLY_CONTENT_FILE_LESSON;
  else if (ally_content_is_el (root, "glossary"))
    file->kind = ALLY_CONTENT_FILE_GLOSSARY;
  else if (ally_content_is_el (root, "sources"))
    file->kind = ALLY_CONTENT_FILE_SOURCES;
  else if (ally_content_is_el (root, "power-map"))
    file->kind = ALLY_CONTENT_FILE_POWER_MAP;

  switch (ally_content_xml_validate (doc, &schema_error))
    {
    case ALLY_XML_VALID:
      break;

    case ALLY_XML_NO_SCHEMA:
      ally_content_add_problem (problems, ALLY_CONTENT_ERROR_IO, name, 1,
                                /* Translators: %s is a resource path inside the program. */
                                _("cannot check: the schema (resource %s) is missing"),
                                ALLY_CONTENT_SCHEMA_RESOURCE);
      goto out;

    case ALLY_XML_INVALID:
    default:
      if (schema_error.message == NULL)
        ally_content_add_problem (problems, ALLY_CONTENT_ERROR_SCHEMA, name, ally_content_line_of (root),
                                  _("does not follow allyship.rng"));
      else if (schema_error.in_translation)
        ally_content_add_problem (problems, ALLY_CONTENT_ERROR_MARKUP, name, schema_error.line,
                                  /* Translators: %s is the XML parser's explanation. */
                                  _("broken markup in a translation: %s"), schema_error.message);
      else
        ally_content_add_problem (problems, ALLY_CONTENT_ERROR_SCHEMA, name, schema_error.line,
                                  /* Translators: %s is the schema checker's explanation. */
                                  _("does not follow allyship.rng: %s"), schema_error.message);
      g_free (schema_error.message);
      goto out;
    }

  {
    Builder b = { name, problems, file, FALSE, NULL };

    switch (file->kind)
      {
      case ALLY_CONTENT_FILE_LESSON:
        read_lesson (&b, root);
        break;
      case ALLY_CONTENT_FILE_GLOSSARY:
        read_glossary (&b, root);
        break;
      case ALLY_CONTENT_FILE_SOURCES:
        read_sources (&b, root);
        break;
      case ALLY_CONTENT_FILE_POWER_MAP:
        read_power_map (&b, root);
        break;
      case ALLY_CONTENT_FILE_UNKNOWN:
      default:
        builder_problem (&b, ALLY_CONTENT_ERROR_SCHEMA, ally_content_line_of (root),
                         /* Translators: %s is an XML element name. */
                         _("unknown root element <%s>"),
                         (const char *) root->name);
        break;
      }

    file->ok = !b.failed;
    if (b.fragment_parser != NULL)
      xmlFreeParserCtxt (b.fragment_parser);
  }

out:
  ally_content_xml_restore_errors (&saved);
  g_free (state.error_message);
  if (doc != NULL)
    xmlFreeDoc (doc);

  return file;
}
