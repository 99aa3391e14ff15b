/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-course.c: checks the real, compiled-in course against the course rules (minimums,
 * per-lesson, per-question, per-term, glossary links), and that each check catches a broken
 * copy of the course.  Every problem is printed with the lesson, question or term to fix. */
#include <string.h>

#include <glib/gstdio.h>

#include "ally-content.h"

#define MIN_LESSONS     12
#define MIN_TERMS       40
#define MIN_QUESTIONS   36
#define MIN_REFLECTIONS 24

typedef void (*CourseCheck) (AllyCatalog *catalog,
                             GPtrArray   *problems);

/* ---- helpers ----------------------------------------------------------------------- */

static void problem (GPtrArray  *problems,
                     const char *format,
                     ...) G_GNUC_PRINTF (2, 3);

static void
problem (GPtrArray  *problems,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gpointer
item (GListModel *model,
      guint       position)
{
  gpointer object = g_list_model_get_item (model, position);

  g_assert_nonnull (object);
  g_object_unref (object);   /* the model keeps it alive */
  return object;
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static AllyCatalog *
load_course (void)
{
  AllyCatalog *catalog = ally_catalog_new ();
  const char * const english[] = { "C", NULL };
  g_autoptr(GError) error = NULL;

  ally_catalog_set_languages (catalog, english);
  ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error);
  g_assert_no_error (error);
  return catalog;
}

/* Prints every problem (so an author sees them all at once) and fails if there are any. */
static void
assert_no_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("course: %s\n", (const char *) problems->pdata[i]);
  if (problems->len > 0)
    g_printerr ("course: %u problem(s)\n", problems->len);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
run_check (CourseCheck check)
{
  g_autoptr(AllyCatalog) catalog = load_course ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  check (catalog, problems);
  assert_no_problems (problems);
}

/* Adds the term ids linked (href="term:ID") in MARKUP to LINKED. */
static void
collect_links (const char *markup,
               GHashTable *linked)
{
  static const char prefix[] = "href=\"term:";
  const char *p = markup;

  while (p != NULL && (p = strstr (p, prefix)) != NULL)
    {
      const char *start = p + strlen (prefix);
      const char *end = strchr (start, '"');

      if (end == NULL)
        break;
      g_hash_table_add (linked, g_strndup (start, end - start));
      p = end;
    }
}

/* Every term id linked anywhere in LESSON: sections, key points, quiz, scenarios, prompts. */
static GHashTable *
lesson_links (AllyLesson *lesson)
{
  GHashTable *linked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *sections = ally_lesson_get_sections (lesson);
  GListModel *points = ally_lesson_get_key_points (lesson);
  GListModel *questions = ally_lesson_get_questions (lesson);
  GListModel *scenarios = ally_lesson_get_scenarios (lesson);
  GListModel *reflections = ally_lesson_get_reflections (lesson);
  GListModel *commitments = ally_lesson_get_commitments (lesson);

  for (guint s = 0; s < n_items (sections); s++)
    {
      GListModel *blocks = ally_section_get_blocks (item (sections, s));

      for (guint b = 0; b < n_items (blocks); b++)
        collect_links (ally_block_get_markup (item (blocks, b)), linked);
    }
  for (guint i = 0; i < n_items (points); i++)
    collect_links (ally_block_get_markup (item (points, i)), linked);
  for (guint q = 0; q < n_items (questions); q++)
    {
      AllyQuestion *question = item (questions, q);
      GListModel *choices = ally_question_get_choices (question);

      collect_links (ally_question_get_stem_markup (question), linked);
      for (guint c = 0; c < n_items (choices); c++)
        {
          collect_links (ally_choice_get_markup (item (choices, c)), linked);
          collect_links (ally_choice_get_explanation_markup (item (choices, c)), linked);
        }
    }
  for (guint i = 0; i < n_items (scenarios); i++)
    {
      AllyScenario *scenario = item (scenarios, i);
      GListModel *responses = ally_scenario_get_responses (scenario);

      collect_links (ally_scenario_get_situation_markup (scenario), linked);
      collect_links (ally_scenario_get_ask_markup (scenario), linked);
      for (guint r = 0; r < n_items (responses); r++)
        {
          collect_links (ally_choice_get_markup (item (responses, r)), linked);
          collect_links (ally_choice_get_explanation_markup (item (responses, r)), linked);
        }
    }
  for (guint i = 0; i < n_items (reflections); i++)
    collect_links (ally_prompt_get_markup (item (reflections, i)), linked);
  for (guint i = 0; i < n_items (commitments); i++)
    collect_links (ally_prompt_get_markup (item (commitments, i)), linked);

  return linked;
}

/* The plain text of LESSON's sections (paragraphs and list items), case-folded. */
static char *
lesson_section_text (AllyLesson *lesson)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *sections = ally_lesson_get_sections (lesson);

  for (guint s = 0; s < n_items (sections); s++)
    {
      GListModel *blocks = ally_section_get_blocks (item (sections, s));

      for (guint b = 0; b < n_items (blocks); b++)
        {
          g_string_append (text, ally_block_get_text (item (blocks, b)));
          g_string_append_c (text, '\n');
        }
    }

  return g_utf8_casefold (text->str, -1);
}

/* Letters, digits and hyphens join into one word: "anti-racism" is not "racism". */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '-';
}

/* Whether WORD (case-folded, may hold spaces) is in TEXT (case-folded) as a whole word. */
static gboolean
has_whole_word (const char *text,
                const char *word)
{
  gsize length = strlen (word);
  const char *p = text;

  if (length == 0)
    return FALSE;
  while ((p = strstr (p, word)) != NULL)
    {
      const char *before = p > text ? g_utf8_find_prev_char (text, p) : NULL;
      gboolean starts = before == NULL || !is_word_char (g_utf8_get_char (before));
      gboolean ends = p[length] == '\0' || !is_word_char (g_utf8_get_char (p + length));

      if (starts && ends)
        return TRUE;
      p = g_utf8_next_char (p);
    }
  return FALSE;
}

/* The name or alias of TERM found as a whole word in TEXT, or NULL. */
static char *
term_word_in (AllyTerm   *term,
              const char *text)
{
  const char * const *aliases = ally_term_get_aliases (term);
  g_autofree char *name = g_utf8_casefold (ally_term_get_name (term), -1);

  if (has_whole_word (text, name))
    return g_strdup (ally_term_get_name (term));
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *alias = g_utf8_casefold (aliases[i], -1);

      if (has_whole_word (text, alias))
        return g_strdup (aliases[i]);
    }
  return NULL;
}

/* ---- the checks ---------------------------------------------------------------------- */

static void
check_minimums (AllyCatalog *catalog,
                GPtrArray   *problems)
{
  GListModel *lessons = ally_catalog_get_lessons (catalog);
  guint questions = 0, reflections = 0;

  for (guint i = 0; i < n_items (lessons); i++)
    {
      questions += n_items (ally_lesson_get_questions (item (lessons, i)));
      reflections += n_items (ally_lesson_get_reflections (item (lessons, i)));
    }

  if (n_items (lessons) < MIN_LESSONS)
    problem (problems, "the course has %u lessons; it needs at least %d", n_items (lessons), MIN_LESSONS);
  if (n_items (ally_catalog_get_terms (catalog)) < MIN_TERMS)
    problem (problems, "the glossary has %u terms; it needs at least %d",
             n_items (ally_catalog_get_terms (catalog)), MIN_TERMS);
  if (questions < MIN_QUESTIONS)
    problem (problems, "the course has %u quiz questions; it needs at least %d", questions, MIN_QUESTIONS);
  if (reflections < MIN_REFLECTIONS)
    problem (problems, "the course has %u reflection prompts; it needs at least %d", reflections, MIN_REFLECTIONS);
}

static void
check_sections (AllyLesson *lesson,
                GPtrArray  *problems)
{
  const char *id = ally_lesson_get_id (lesson);
  GListModel *sections = ally_lesson_get_sections (lesson);

  if (n_items (sections) < 3 || n_items (sections) > 6)
    problem (problems, "lesson '%s': %u sections; it needs 3 to 6", id, n_items (sections));
  for (guint s = 0; s < n_items (sections); s++)
    {
      AllySection *section = item (sections, s);
      GListModel *blocks = ally_section_get_blocks (section);
      guint filled = 0;

      for (guint b = 0; b < n_items (blocks); b++)
        if (!is_blank (ally_block_get_text (item (blocks, b))))
          filled++;
      if (is_blank (ally_section_get_heading (section)))
        problem (problems, "lesson '%s', section '%s': no heading", id, ally_section_get_id (section));
      if (filled == 0)
        problem (problems, "lesson '%s', section '%s': no paragraph or list with text",
                 id, ally_section_get_id (section));
      if (n_items (ally_section_get_cites (section)) == 0)
        problem (problems, "lesson '%s', section '%s': cites no source", id, ally_section_get_id (section));
    }
}

static void
check_lessons (AllyCatalog *catalog,
               GPtrArray   *problems)
{
  GListModel *lessons = ally_catalog_get_lessons (catalog);

  for (guint i = 0; i < n_items (lessons); i++)
    {
      AllyLesson *lesson = item (lessons, i);
      const char *id = ally_lesson_get_id (lesson);
      guint minutes = ally_lesson_get_minutes (lesson);
      guint points = n_items (ally_lesson_get_key_points (lesson));
      guint reflections = n_items (ally_lesson_get_reflections (lesson));

      if (is_blank (ally_lesson_get_title (lesson)))
        problem (problems, "lesson '%s': no title", id);
      if (is_blank (ally_lesson_get_summary (lesson)))
        problem (problems, "lesson '%s': no summary", id);
      if (minutes < 5 || minutes > 60)
        problem (problems, "lesson '%s': minutes=\"%u\"; it needs 5 to 60", id, minutes);
      check_sections (lesson, problems);
      if (points < 3 || points > 5)
        problem (problems, "lesson '%s': %u key points; it needs 3 to 5", id, points);
      for (guint p = 0; p < points; p++)
        if (is_blank (ally_block_get_text (item (ally_lesson_get_key_points (lesson), p))))
          problem (problems, "lesson '%s': key point %u is empty", id, p + 1);
      if (reflections < 2)
        problem (problems, "lesson '%s': %u reflections; it needs at least 2", id, reflections);
      if (n_items (ally_lesson_get_commitments (lesson)) < 1)
        problem (problems, "lesson '%s': no commitment", id);
      if (n_items (ally_lesson_get_cites (lesson)) < 1)
        problem (problems, "lesson '%s': lists no <sources>", id);
    }
}

static void
check_questions (AllyCatalog *catalog,
                 GPtrArray   *problems)
{
  GListModel *lessons = ally_catalog_get_lessons (catalog);

  for (guint i = 0; i < n_items (lessons); i++)
    {
      AllyLesson *lesson = item (lessons, i);
      const char *id = ally_lesson_get_id (lesson);
      GListModel *questions = ally_lesson_get_questions (lesson);
      guint scenario_questions = 0;

      if (n_items (questions) < 3)
        problem (problems, "lesson '%s': %u quiz questions; it needs at least 3", id, n_items (questions));
      for (guint q = 0; q < n_items (questions); q++)
        {
          AllyQuestion *question = item (questions, q);
          const char *qid = ally_question_get_id (question);
          GListModel *choices = ally_question_get_choices (question);
          guint correct = 0;

          if (ally_question_get_kind (question) == ALLY_QUESTION_SCENARIO)
            scenario_questions++;
          if (is_blank (ally_question_get_stem_text (question)))
            problem (problems, "lesson '%s', question '%s': empty stem", id, qid);
          if (n_items (choices) < 2 || n_items (choices) > 5)
            problem (problems, "lesson '%s', question '%s': %u choices; it needs 2 to 5",
                     id, qid, n_items (choices));
          for (guint c = 0; c < n_items (choices); c++)
            {
              AllyChoice *choice = item (choices, c);

              if (ally_choice_get_correct (choice))
                correct++;
              if (is_blank (ally_choice_get_text (choice)))
                problem (problems, "lesson '%s', question '%s', choice %u: no text", id, qid, c + 1);
              if (is_blank (ally_choice_get_explanation_text (choice)))
                problem (problems, "lesson '%s', question '%s', choice %u: no explanation", id, qid, c + 1);
            }
          if (correct != 1)
            problem (problems, "lesson '%s', question '%s': %u correct choices; it needs exactly 1",
                     id, qid, correct);
        }
      if (scenario_questions == 0)
        problem (problems, "lesson '%s': no quiz question of kind=\"scenario\"", id);
    }
}

/* Length of a choice's plain text in characters. */
static glong
choice_length (AllyChoice *choice)
{
  return g_utf8_strlen (ally_choice_get_text (choice), -1);
}

/* TRUE when the right answer of QUESTION is at least as long as every other choice. */
static gboolean
right_answer_is_longest (AllyQuestion *question)
{
  GListModel *choices = ally_question_get_choices (question);
  glong right = choice_length (item (choices, ally_question_get_correct_index (question)));

  for (guint c = 0; c < n_items (choices); c++)
    if (choice_length (item (choices, c)) > right)
      return FALSE;
  return TRUE;
}

/* TRUE when the right answer of QUESTION is no longer than any other choice. */
static gboolean
right_answer_is_shortest (AllyQuestion *question)
{
  GListModel *choices = ally_question_get_choices (question);
  glong right = choice_length (item (choices, ally_question_get_correct_index (question)));

  for (guint c = 0; c < n_items (choices); c++)
    if (choice_length (item (choices, c)) < right)
      return FALSE;
  return TRUE;
}

/* A quiz a learner can pass without reading is no quiz: the right answer may be the longest
 * choice in at most 40 % of questions, and the shortest in at most 40 % (picking the shortest
 * must not pay either), and each position holds it about as often as chance
 * would (within 30 %, or 3 questions where chance gives few). Stems are never repeated. */
static void
check_quiz_balance (AllyCatalog *catalog,
                    GPtrArray   *problems)
{
  GListModel *lessons = ally_catalog_get_lessons (catalog);
  g_autoptr(GHashTable) stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint total = 0, longest = 0, shortest = 0;
  guint right_at[5] = { 0 };
  double chance[5] = { 0 };

  for (guint i = 0; i < n_items (lessons); i++)
    {
      AllyLesson *lesson = item (lessons, i);
      GListModel *questions = ally_lesson_get_questions (lesson);

      for (guint q = 0; q < n_items (questions); q++)
        {
          AllyQuestion *question = item (questions, q);
          guint n = MIN (n_items (ally_question_get_choices (question)), 5);
          g_autofree char *stem = g_utf8_casefold (ally_question_get_stem_text (question), -1);
          const char *earlier = g_hash_table_lookup (stems, stem);

          if (earlier != NULL)
            problem (problems, "lesson '%s', question '%s' repeats the stem of %s",
                     ally_lesson_get_id (lesson), ally_question_get_id (question), earlier);
          else
            g_hash_table_insert (stems, g_steal_pointer (&stem),
                                 g_strdup_printf ("lesson '%s', question '%s'", ally_lesson_get_id (lesson),
                                                  ally_question_get_id (question)));
          total++;
          longest += right_answer_is_longest (question);
          shortest += right_answer_is_shortest (question);
          right_at[MIN (ally_question_get_correct_index (question), 4)]++;
          for (guint p = 0; p < n; p++)
            chance[p] += 1.0 / n;
        }
    }

  if (longest * 10 > total * 4)
    problem (problems, "the right answer is the longest choice in %u of %u questions; at most 40%% may be",
             longest, total);
  if (shortest * 10 > total * 4)
    problem (problems, "the right answer is the shortest choice in %u of %u questions; at most 40%% may be",
             shortest, total);
  for (guint p = 0; p < 5; p++)
    if (ABS ((double) right_at[p] - chance[p]) > MAX (3.0, 0.3 * chance[p]))
      problem (problems, "the right answer is choice %u in %u questions; chance would give %.1f",
               p + 1, right_at[p], chance[p]);
}

static void
check_scenarios (AllyCatalog *catalog,
                 GPtrArray   *problems)
{
  GListModel *lessons = ally_catalog_get_lessons (catalog);

  for (guint i = 0; i < n_items (lessons); i++)
    {
      AllyLesson *lesson = item (lessons, i);
      const char *id = ally_lesson_get_id (lesson);
      GListModel *scenarios = ally_lesson_get_scenarios (lesson);

      if (ally_lesson_get_number (lesson) >= 3 && n_items (scenarios) == 0)
        problem (problems, "lesson %u '%s': no practice scenario (needed from lesson 3 on)",
                 ally_lesson_get_number (lesson), id);
      for (guint s = 0; s < n_items (scenarios); s++)
        {
          AllyScenario *scenario = item (scenarios, s);
          const char *sid = ally_scenario_get_id (scenario);
          GListModel *responses = ally_scenario_get_responses (scenario);

          if (is_blank (ally_scenario_get_situation_text (scenario)))
            problem (problems, "lesson '%s', scenario '%s': empty situation", id, sid);
          if (is_blank (ally_scenario_get_ask_text (scenario)))
            problem (problems, "lesson '%s', scenario '%s': empty ask", id, sid);
          if (n_items (responses) < 2 || n_items (responses) > 3)
            problem (problems, "lesson '%s', scenario '%s': %u sample responses; it needs 2 to 3",
                     id, sid, n_items (responses));
          for (guint r = 0; r < n_items (responses); r++)
            {
              AllyChoice *response = item (responses, r);

              if (is_blank (ally_choice_get_text (response)))
                problem (problems, "lesson '%s', scenario '%s', response %u: no text", id, sid, r + 1);
              if (is_blank (ally_choice_get_explanation_text (response)))
                problem (problems, "lesson '%s', scenario '%s', response %u: no discussion", id, sid, r + 1);
            }
        }
    }
}

static void
check_term_entries (AllyCatalog *catalog,
                    GPtrArray   *problems)
{
  GListModel *terms = ally_catalog_get_terms (catalog);

  for (guint i = 0; i < n_items (terms); i++)
    {
      AllyTerm *term = item (terms, i);
      const char *id = ally_term_get_id (term);
      const char * const *see_also = ally_term_get_see_also (term);

      if (is_blank (ally_term_get_name (term)))
        problem (problems, "term '%s': no name", id);
      if (is_blank (ally_term_get_definition_text (term)))
        problem (problems, "term '%s': no definition", id);
      if (n_items (ally_term_get_cites (term)) < 1)
        problem (problems, "term '%s': cites no source", id);
      for (guint s = 0; see_also != NULL && see_also[s] != NULL; s++)
        {
          if (g_strcmp0 (see_also[s], id) == 0)
            problem (problems, "term '%s': <see-also> points to itself", id);
          else if (ally_catalog_lookup_term (catalog, see_also[s]) == NULL)
            problem (problems, "term '%s': <see-also ref=\"%s\"> is not in the glossary", id, see_also[s]);
        }
    }
}

static void
check_terms_linked (AllyCatalog *catalog,
                    GPtrArray   *problems)
{
  GListModel *lessons = ally_catalog_get_lessons (catalog);
  GListModel *terms = ally_catalog_get_terms (catalog);
  g_autoptr(GHashTable) linked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_items (lessons); i++)
    {
      g_autoptr(GHashTable) in_lesson = lesson_links (item (lessons, i));
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, in_lesson);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (linked, g_strdup (key));
    }

  for (guint i = 0; i < n_items (terms); i++)
    if (!g_hash_table_contains (linked, ally_term_get_id (item (terms, i))))
      problem (problems, "term '%s' (%s): no lesson links it with <term ref=\"%s\">",
               ally_term_get_id (item (terms, i)), ally_term_get_name (item (terms, i)),
               ally_term_get_id (item (terms, i)));
}

static void
check_glossary_words_linked (AllyCatalog *catalog,
                             GPtrArray   *problems)
{
  GListModel *lessons = ally_catalog_get_lessons (catalog);
  GListModel *terms = ally_catalog_get_terms (catalog);

  for (guint i = 0; i < n_items (lessons); i++)
    {
      AllyLesson *lesson = item (lessons, i);
      g_autoptr(GHashTable) linked = lesson_links (lesson);
      g_autofree char *text = lesson_section_text (lesson);

      for (guint t = 0; t < n_items (terms); t++)
        {
          AllyTerm *term = item (terms, t);
          g_autofree char *word = NULL;

          if (g_hash_table_contains (linked, ally_term_get_id (term)))
            continue;
          word = term_word_in (term, text);
          if (word != NULL)
            problem (problems, "lesson '%s' (%s): uses \"%s\" but never links <term ref=\"%s\">",
                     ally_lesson_get_id (lesson), ally_lesson_get_file (lesson), word,
                     ally_term_get_id (term));
        }
    }
}

/* The part of Kim's article from "Allyship vs. Accomplice" to the end is co-written with Kay
 * Martinez: every cite of it must credit both (the source kim-martinez-2019), not Kim alone. */
static const char *co_written_parts[] = {
  "Allyship vs. Accomplice", "Can you be an accomplice in the workplace?", "closing paragraphs",
};

static void
check_cites_credit_co_writer (GListModel *cites,
                              const char *where,
                              GPtrArray  *problems)
{
  for (guint i = 0; i < n_items (cites); i++)
    {
      AllyCite *cite = item (cites, i);
      const char *locator = ally_cite_get_locator (cite);
      AllySource *source = ally_cite_get_source (cite);
      const char * const *authors = source ? ally_source_get_authors (source) : NULL;

      if (locator == NULL || authors == NULL)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (co_written_parts); k++)
        if (strstr (locator, co_written_parts[k]) != NULL &&
            !g_strv_contains (authors, "Kay Martinez"))
          problem (problems, "%s: cites “%s” of %s without its co-writer Kay Martinez", where,
                   co_written_parts[k], ally_cite_get_source_id (cite));
    }
}

static void
check_co_written_credit (AllyCatalog *catalog,
                         GPtrArray   *problems)
{
  GListModel *lessons = ally_catalog_get_lessons (catalog);

  for (guint i = 0; i < n_items (lessons); i++)
    {
      AllyLesson *lesson = item (lessons, i);
      GListModel *sections = ally_lesson_get_sections (lesson);

      check_cites_credit_co_writer (ally_lesson_get_cites (lesson), ally_lesson_get_id (lesson),
                                    problems);
      for (guint k = 0; k < n_items (sections); k++)
        check_cites_credit_co_writer (ally_section_get_cites (item (sections, k)),
                                      ally_lesson_get_id (lesson), problems);
    }
}

/* ---- the real course ------------------------------------------------------------------- */

static void
test_minimums (void)
{
  run_check (check_minimums);
}

static void
test_co_written_part_credits_both (void)
{
  run_check (check_co_written_credit);
}

static void
test_lessons_structure (void)
{
  run_check (check_lessons);
}

static void
test_questions_explanations (void)
{
  run_check (check_questions);
}

static void
test_questions_balance (void)
{
  run_check (check_quiz_balance);
}

static void
test_lessons_scenarios (void)
{
  run_check (check_scenarios);
}

static void
test_terms_entries (void)
{
  run_check (check_term_entries);
}

static void
test_terms_linked_from_lessons (void)
{
  run_check (check_terms_linked);
}

static void
test_terms_glossary_words_linked (void)
{
  run_check (check_glossary_words_linked);
}

/* ---- each check catches a broken copy of the course ------------------------------------ */

static void
copy_resource_tree (const char *resource_dir,
                    const char *to_dir)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = g_resources_enumerate_children (resource_dir, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (to_dir, 0700), ==, 0);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *from = g_build_path ("/", resource_dir, children[i], NULL);
      g_autofree char *to = g_build_filename (to_dir, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        copy_resource_tree (from, to);
      else
        {
          g_autoptr(GBytes) bytes = g_resources_lookup_data (from, 0, &error);

          g_assert_no_error (error);
          g_file_set_contents (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
          g_assert_no_error (error);
        }
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

typedef struct
{
  const char  *name;
  const char  *file;        /* relative to the course folder */
  const char  *pattern;     /* its first match is replaced */
  const char  *replacement;
  CourseCheck  check;
  const char  *expected[3]; /* substrings of one reported problem */
} Breakage;

static const Breakage breakages[] = {
  { "minutes", "lessons/05-why-and-who.xml", "minutes=\"[0-9]+\"", "minutes=\"90\"",
    check_lessons, { "lesson 'why-and-who'", "minutes=\"90\"", NULL } },
  { "summary", "lessons/03-what-allyship-is-not.xml", "(<summary[^>]*>).*?</summary>", "\\1 </summary>",
    check_lessons, { "lesson 'what-allyship-is-not'", "no summary", NULL } },
  { "key-point", "lessons/04-common-myths.xml", "(<point[^>]*>).*?</point>", "\\1 </point>",
    check_lessons, { "lesson 'common-myths'", "key point 1 is empty", NULL } },
  { "title", "lessons/11-ally-vs-accomplice.xml", "(<title[^>]*>).*?</title>", "\\1 </title>",
    check_lessons, { "lesson 'ally-vs-accomplice'", "no title", NULL } },
  { "heading", "lessons/12-individuals-and-structures.xml", "(<heading[^>]*>).*?</heading>", "\\1 </heading>",
    check_lessons, { "lesson 'individuals-and-structures', section '", "no heading", NULL } },
  { "stem", "lessons/13-accomplice-at-work.xml", "(<stem[^>]*>).*?</stem>", "\\1 </stem>",
    check_questions, { "lesson 'accomplice-at-work', question '", "empty stem", NULL } },
  { "explanation", "lessons/06-privilege-and-identity.xml", "(<explanation[^>]*>).*?</explanation>",
    "\\1 </explanation>",
    check_questions, { "lesson 'privilege-and-identity', question '", "choice 1: no explanation", NULL } },
  { "choice-text", "lessons/09-shamed-or-shut-down.xml", "(<choice[^>]*>\\s*<text[^>]*>).*?</text>", "\\1 </text>",
    check_questions, { "lesson 'shamed-or-shut-down', question '", "choice 1: no text", NULL } },
  { "scenario-question", "lessons/07-dos-and-donts.xml", "kind=\"scenario\"", "kind=\"recall\"",
    check_questions, { "lesson 'dos-and-donts'", "no quiz question of kind=\"scenario\"", NULL } },
  { "discussion", "lessons/08-language-and-names.xml", "(<discussion[^>]*>).*?</discussion>", "\\1 </discussion>",
    check_scenarios, { "lesson 'language-and-names', scenario '", "response 1: no discussion", NULL } },
  { "situation", "lessons/10-performative-allyship.xml", "(<situation[^>]*>).*?</situation>", "\\1 </situation>",
    check_scenarios, { "lesson 'performative-allyship', scenario '", "empty situation", NULL } },
  { "ask", "lessons/14-what-will-you-give-up.xml", "(<ask[^>]*>).*?</ask>", "\\1 </ask>",
    check_scenarios, { "lesson 'what-will-you-give-up', scenario '", "empty ask", NULL } },
  { "response-text", "lessons/15-staying-with-it.xml", "(<response[^>]*>\\s*<text[^>]*>).*?</text>", "\\1 </text>",
    check_scenarios, { "lesson 'staying-with-it', scenario '", "response 1: no text", NULL } },
  { "definition", "glossary.xml", "(<entry id=\"equity\">.*?<definition[^>]*>).*?</definition>",
    "\\1 </definition>",
    check_term_entries, { "term 'equity'", "no definition", NULL } },
  { "see-also-self", "glossary.xml", "(<entry id=\"solidarity\">.*?)(<cite )",
    "\\1<see-also ref=\"solidarity\"/>\\2",
    check_term_entries, { "term 'solidarity'", "points to itself", NULL } },
  { "term-not-linked", "glossary.xml", "</glossary>",
    "<entry id=\"zz-journal\"><name>journal</name><definition>A test entry.</definition>"
    "<cite source=\"kim-2019\"/></entry></glossary>",
    check_terms_linked, { "term 'zz-journal'", "no lesson links it", NULL } },
  { "glossary-word", "glossary.xml", "</glossary>",
    "<entry id=\"zz-journal\"><name>Journal</name><definition>A test entry.</definition>"
    "<cite source=\"kim-2019\"/></entry></glossary>",
    check_glossary_words_linked, { "lesson 'how-to-use'", "uses \"Journal\"", "<term ref=\"zz-journal\">" } },
  /* After the name and its translations (xml:lang copies follow the English one). */
  { "glossary-alias", "glossary.xml",
    "(<entry id=\"solidarity\">\\s*<name>[^<]*</name>(\\s*<name xml:lang=\"[^\"]*\">[^<]*</name>)*)",
    "\\1<alias>the course</alias>",
    check_glossary_words_linked, { "lesson '", "uses \"the course\"", "<term ref=\"solidarity\">" } },
};

/* Replaces the first match of PATTERN in DIR/FILE, which must match. */
static void
edit_first_match (const char *dir,
                  const char *file,
                  const char *pattern,
                  const char *replacement)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GError) error = NULL;
  int start, end;

  g_assert_nonnull (regex);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  if (!g_regex_match (regex, contents, 0, &match))
    g_error ("%s: no match for %s", file, pattern);
  g_assert_true (g_match_info_fetch_pos (match, 0, &start, &end));
  replaced = g_match_info_expand_references (match, replacement, &error);
  g_assert_no_error (error);
  edited = g_strdup_printf ("%.*s%s%s", start, contents, replaced, contents + end);
  g_file_set_contents (path, edited, -1, &error);
  g_assert_no_error (error);
}

static AllyCatalog *
load_dir (const char *path)
{
  AllyCatalog *catalog = ally_catalog_new ();
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  const char * const english[] = { "C", NULL };
  g_autoptr(GError) error = NULL;

  ally_catalog_set_languages (catalog, english);
  ally_catalog_load_directory (catalog, dir, &error);
  g_assert_no_error (error);
  return catalog;
}

static gboolean
has_problem (GPtrArray          *problems,
             const char * const *expected)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const char *message = problems->pdata[i];
      gboolean all = TRUE;

      for (guint e = 0; e < 3 && expected[e] != NULL; e++)
        all = all && strstr (message, expected[e]) != NULL;
      if (all)
        return TRUE;
    }
  return FALSE;
}

static void
test_check_catches (gconstpointer data)
{
  const Breakage *breakage = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("allyship-course-XXXXXX", &error);
  g_autoptr(AllyCatalog) intact = NULL;
  g_autoptr(AllyCatalog) broken = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  copy_resource_tree (ALLY_CONTENT_RESOURCE_PATH, dir);

  /* the copy as compiled in does not have the problem … */
  intact = load_dir (dir);
  breakage->check (intact, before);
  g_assert_false (has_problem (before, breakage->expected));

  /* … and the check reports it, naming what to fix, once it is broken */
  edit_first_match (dir, breakage->file, breakage->pattern, breakage->replacement);
  broken = load_dir (dir);
  breakage->check (broken, after);
  if (!has_problem (after, breakage->expected))
    {
      for (guint i = 0; i < after->len; i++)
        g_printerr ("reported: %s\n", (const char *) after->pdata[i]);
      g_error ("breakage '%s' was not reported as \"%s … %s\"", breakage->name,
               breakage->expected[0], breakage->expected[1]);
    }

  remove_tree (dir);
}

/* Replaces every match of PATTERN in every lesson under DIR. */
static void
edit_all_lessons (const char *dir,
                  const char *pattern,
                  const char *replacement)
{
  g_autofree char *lessons = g_build_filename (dir, "lessons", NULL);
  g_autoptr(GDir) listing = g_dir_open (lessons, 0, NULL);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  g_assert_nonnull (regex);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (lessons, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *edited = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      edited = g_regex_replace (regex, contents, -1, 0, replacement, 0, &error);
      g_assert_no_error (error);
      g_file_set_contents (path, edited, -1, &error);
      g_assert_no_error (error);
    }
}

typedef struct
{
  const char *pattern;
  const char *replacement;
} LessonEdit;

/* Quizzes an author could write carelessly: right answers padded to be the longest, or cut to
 * be the shortest; every right answer moved to the first choice. The balance check must catch each. */
static void
test_check_catches_quiz_balance (void)
{
  static const LessonEdit padded[] = {
    { "(<choice correct=\"true\">\\s*<text>)",
      "\\1As a careless quiz author might pad it, this right answer is longer than the rest. " },
    { NULL, NULL } };
  static const LessonEdit first[] = {
    { "<choice correct=\"true\">", "<choice>" },
    { "(<quiz>|</question>)(\\s*<question[^>]*>\\s*<stem>.*?</stem>\\s*)<choice>",
      "\\1\\2<choice correct=\"true\">" },
    { NULL, NULL } };
  static const LessonEdit trimmed[] = {
    { "(<choice correct=\"true\">\\s*<text>)[^<]*", "\\1Yes." },
    { NULL, NULL } };
  const struct { const LessonEdit *edits; const char *expected; } cases[] = {
    { padded, "is the longest choice in" },
    { trimmed, "is the shortest choice in" },
    { first, "the right answer is choice 1 in" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("allyship-course-XXXXXX", &error);
      g_autoptr(AllyCatalog) catalog = NULL;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      const char * const expected[] = { cases[i].expected, NULL };

      g_assert_no_error (error);
      copy_resource_tree (ALLY_CONTENT_RESOURCE_PATH, dir);
      for (const LessonEdit *e = cases[i].edits; e->pattern != NULL; e++)
        edit_all_lessons (dir, e->pattern, e->replacement);
      catalog = load_dir (dir);
      check_quiz_balance (catalog, problems);
      if (!has_problem (problems, expected))
        g_error ("a quiz broken so that \"%s\" was not reported", cases[i].expected);
      remove_tree (dir);
    }
}

static void
test_check_catches_minimums (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("allyship-course-XXXXXX", &error);
  g_autofree char *lessons = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(AllyCatalog) catalog = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  const char * const few_lessons[] = { "the course has 3 lessons", NULL };
  const char * const few_questions[] = { "quiz questions; it needs at least 36", NULL };
  const char * const few_reflections[] = { "reflection prompts; it needs at least 24", NULL };
  const char * const few_terms[] = { "the glossary has 0 terms", NULL };

  g_assert_no_error (error);
  copy_resource_tree (ALLY_CONTENT_RESOURCE_PATH, dir);

  /* keep lessons 01–03 only, and an empty glossary */
  lessons = g_build_filename (dir, "lessons", NULL);
  listing = g_dir_open (lessons, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_has_prefix (name, "01-") && !g_str_has_prefix (name, "02-") && !g_str_has_prefix (name, "03-"))
      {
        g_autofree char *path = g_build_filename (lessons, name, NULL);

        g_assert_cmpint (g_remove (path), ==, 0);
      }
  edit_first_match (dir, "glossary.xml", "<glossary([^>]*)>.*</glossary>", "<glossary\\1></glossary>");
  edit_first_match (dir, "glossary.xml", "<glossary([^>]*)></glossary>",
                    "<glossary\\1><entry id=\"x\"><name>x</name><definition>x</definition>"
                    "<cite source=\"kim-2019\"/></entry></glossary>");
  /* lessons link glossary terms, so keep the links' targets out of the way: drop them */
  {
    g_autoptr(GDir) again = g_dir_open (lessons, 0, &error);

    g_assert_no_error (error);
    while ((name = g_dir_read_name (again)) != NULL)
      {
        g_autofree char *path = g_build_filename (lessons, name, NULL);
        g_autofree char *contents = NULL;
        g_autofree char *stripped = NULL;
        /* Links are elements in English and escaped text in msgfmt's translated copies. */
        g_autoptr(GRegex) link = g_regex_new ("<term ref=\"[^\"]*\">(.*?)</term>|"
                                              "&lt;term ref=\"[^\"]*\"&gt;(.*?)&lt;/term&gt;",
                                              G_REGEX_DOTALL, 0, NULL);

        g_file_get_contents (path, &contents, NULL, &error);
        g_assert_no_error (error);
        stripped = g_regex_replace (link, contents, -1, 0, "\\1\\2", 0, &error);
        g_assert_no_error (error);
        g_file_set_contents (path, stripped, -1, &error);
        g_assert_no_error (error);
      }
  }

  catalog = load_dir (dir);
  check_minimums (catalog, problems);
  g_assert_true (has_problem (problems, few_lessons));
  g_assert_true (has_problem (problems, few_questions));
  g_assert_true (has_problem (problems, few_reflections));
  g_assert_false (has_problem (problems, few_terms));   /* one term is left */
  g_assert_cmpuint (problems->len, ==, 4);

  remove_tree (dir);
}

/* Each language in po/LINGUAS reaches the compiled-in course: every lesson's title and
 * summary read differently from the English. */
static void
test_translations_reach_the_course (void)
{
  g_autoptr(AllyCatalog) catalog = load_course ();
  g_autofree char *linguas_path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *linguas = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GListModel *lessons = ally_catalog_get_lessons (catalog);
  guint n_languages = 0;

  g_assert_true (g_file_get_contents (linguas_path, &linguas, NULL, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
      g_ptr_array_add (english, g_strconcat (ally_lesson_get_title (lesson), "\n",
                                             ally_lesson_get_summary (lesson), NULL));
    }

  lines = g_strsplit (linguas, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *language = g_strstrip (lines[l]);
      const char *wanted[] = { language, NULL };

      if (*language == '\0' || *language == '#')
        continue;
      n_languages++;
      if (!g_strv_contains (ally_catalog_get_locales (catalog), language))
        g_ptr_array_add (problems, g_strdup_printf ("%s: no course text in this language", language));

      ally_catalog_set_languages (catalog, wanted);
      for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
        {
          g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
          g_autofree char *text = g_strconcat (ally_lesson_get_title (lesson), "\n",
                                               ally_lesson_get_summary (lesson), NULL);

          if (g_str_equal (text, english->pdata[i]))
            g_ptr_array_add (problems, g_strdup_printf ("%s: lesson '%s' is not translated",
                                                        language, ally_lesson_get_id (lesson)));
        }
    }

  if (n_languages == 0)
    g_test_skip ("po/LINGUAS lists no language");
  assert_no_problems (problems);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/course/minimums", test_minimums);
  g_test_add_func ("/course/sources/co-written-part-credits-both", test_co_written_part_credits_both);
  g_test_add_func ("/course/translations/reach-the-course", test_translations_reach_the_course);
  g_test_add_func ("/course/lessons/structure", test_lessons_structure);
  g_test_add_func ("/course/lessons/scenarios", test_lessons_scenarios);
  g_test_add_func ("/course/questions/explanations", test_questions_explanations);
  g_test_add_func ("/course/questions/balance", test_questions_balance);
  g_test_add_func ("/course/terms/entries", test_terms_entries);
  g_test_add_func ("/course/terms/linked-from-lessons", test_terms_linked_from_lessons);
  g_test_add_func ("/course/terms/glossary-words-linked", test_terms_glossary_words_linked);
  g_test_add_func ("/course/checks/minimums", test_check_catches_minimums);
  g_test_add_func ("/course/checks/quiz-balance", test_check_catches_quiz_balance);
  for (guint i = 0; i < G_N_ELEMENTS (breakages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/course/checks/%s", breakages[i].name);
      g_test_add_data_func (path, &breakages[i], test_check_catches);
    }

  return g_test_run ();
}
