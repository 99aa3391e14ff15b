/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalog.c: tests of the content engine: loading, models, markup, languages, every
 * class of bad input (each with its error code and FILE:LINE), and the CLI helpers. */
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ally-content.h"

/* ---- helpers ----------------------------------------------------------------------- */

static char *
fixture_path (const char *first,
              ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, "content");
  g_ptr_array_add (parts, "fixtures");
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static void
copy_tree (GFile *from,
           GFile *to)
{
  g_autoptr(GFileEnumerator) e = NULL;
  GFileInfo *info;

  g_assert_true (g_file_make_directory_with_parents (to, NULL, NULL) || g_file_query_exists (to, NULL));
  e = g_file_enumerate_children (from, "standard::name,standard::type", 0, NULL, NULL);
  g_assert_nonnull (e);
  while ((info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) src = g_file_get_child (from, g_file_info_get_name (info));
      g_autoptr(GFile) dst = g_file_get_child (to, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        copy_tree (src, dst);
      else
        g_assert_true (g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
      g_object_unref (info);
    }
}

typedef struct
{
  char  *dir;
  GFile *root;
} TempCourse;

/* A temporary copy of the good fixture course. */
static TempCourse *
temp_course_new (void)
{
  TempCourse *course = g_new0 (TempCourse, 1);
  g_autofree char *good = fixture_path ("good", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (good);
  g_autoptr(GError) error = NULL;

  course->dir = g_dir_make_tmp ("allyship-content-XXXXXX", &error);
  g_assert_no_error (error);
  course->root = g_file_new_for_path (course->dir);
  copy_tree (from, course->root);

  return course;
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) e = g_file_enumerate_children (file, "standard::name", G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (e != NULL && (info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static void
temp_course_free (TempCourse *course)
{
  remove_tree (course->root);
  g_object_unref (course->root);
  g_free (course->dir);
  g_free (course);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TempCourse, temp_course_free)

static void
temp_course_write (TempCourse *course,
                   const char *rel_path,
                   const char *contents,
                   gssize      length)
{
  g_autofree char *path = g_build_filename (course->dir, rel_path, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
temp_course_add_bad (TempCourse *course,
                     const char *fixture,
                     const char *rel_path)
{
  g_autofree char *path = fixture_path ("bad", fixture, NULL);
  g_autofree char *contents = read_file (path);

  temp_course_write (course, rel_path, contents, -1);
}

static AllyCatalog *
load_good (void)
{
  AllyCatalog *catalog = ally_catalog_new ();
  g_autofree char *good = fixture_path ("good", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (good);
  const char * const english[] = { "C", NULL };
  g_autoptr(GError) error = NULL;

  ally_catalog_set_languages (catalog, english);
  g_assert_true (ally_catalog_load_directory (catalog, dir, &error));
  g_assert_no_error (error);
  return catalog;
}

/* Loads COURSE and expects an error with CODE whose message starts with PREFIX. */
static char *
expect_error (TempCourse *course,
              int         code,
              const char *prefix)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ally_catalog_load_directory (catalog, course->root, &error));
  g_assert_error (error, ALLY_CONTENT_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected \"%s…\", got \"%s\"", prefix, error->message);
  g_assert_cmpuint (g_list_model_get_n_items (ally_catalog_get_lessons (catalog)), ==, 0);

  return g_strdup (error->message);
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

/* ---- good content --------------------------------------------------------------------- */

static void
test_good_loads (void)
{
  g_autoptr(AllyCatalog) catalog = load_good ();
  GListModel *lessons = ally_catalog_get_lessons (catalog);
  GListModel *terms = ally_catalog_get_terms (catalog);
  AllyLesson *lesson;
  AllyQuestion *question;
  AllySection *section;
  AllyBlock *block;
  AllyScenario *scenario;
  AllyPrompt *prompt;

  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 3);
  g_assert_cmpstr (ally_lesson_get_id (item (lessons, 0)), ==, "basics");
  g_assert_cmpstr (ally_lesson_get_id (item (lessons, 1)), ==, "practice");
  g_assert_cmpstr (ally_lesson_get_id (item (lessons, 2)), ==, "acting");
  g_assert_cmpuint (ally_lesson_get_number (item (lessons, 2)), ==, 3);

  lesson = ally_catalog_lookup_lesson (catalog, "acting");
  g_assert_true (lesson == item (lessons, 2));
  g_assert_cmpstr (ally_lesson_get_title (lesson), ==, "Acting & speaking up");
  g_assert_cmpstr (ally_lesson_get_summary (lesson), ==, "Learn what allyship means & why it matters.");
  g_assert_cmpuint (ally_lesson_get_minutes (lesson), ==, 15);
  g_assert_cmpstr (ally_lesson_get_file (lesson), ==, "lessons/03-acting.xml.in");
  g_assert_null (ally_catalog_lookup_lesson (catalog, "nope"));

  g_assert_cmpuint (g_list_model_get_n_items (ally_lesson_get_sections (lesson)), ==, 3);
  section = item (ally_lesson_get_sections (lesson), 0);
  g_assert_cmpstr (ally_section_get_id (section), ==, "definition");
  g_assert_cmpstr (ally_section_get_heading (section), ==, "A working definition");
  g_assert_cmpuint (g_list_model_get_n_items (ally_section_get_blocks (section)), ==, 2);
  block = item (ally_section_get_blocks (section), 1);
  g_assert_cmpint (ally_block_get_kind (block), ==, ALLY_BLOCK_LIST);
  g_assert_cmpuint (ally_block_get_n_items (block), ==, 2);
  g_assert_cmpstr (ally_block_get_item_text (block, 0), ==, "Listen first.");
  g_assert_cmpstr (ally_block_get_text (block), ==, "Listen first.\nAct with the power you have.");
  block = item (ally_section_get_blocks (section), 0);
  g_assert_cmpint (ally_block_get_kind (block), ==, ALLY_BLOCK_PARAGRAPH);

  {
    AllyCite *cite = item (ally_section_get_cites (section), 0);

    g_assert_cmpstr (ally_cite_get_source_id (cite), ==, "kim-2019");
    g_assert_cmpstr (ally_cite_get_locator (cite), ==, "Definition");
    g_assert_true (ally_cite_get_source (cite) == ally_catalog_lookup_source (catalog, "kim-2019"));
  }

  g_assert_cmpuint (g_list_model_get_n_items (ally_lesson_get_key_points (lesson)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ally_lesson_get_questions (lesson)), ==, 3);
  question = item (ally_lesson_get_questions (lesson), 1);
  g_assert_cmpstr (ally_question_get_id (question), ==, "q-privilege");
  g_assert_cmpuint (ally_question_get_correct_index (question), ==, 1);
  g_assert_true (ally_choice_get_correct (item (ally_question_get_choices (question), 1)));
  g_assert_false (ally_choice_get_correct (item (ally_question_get_choices (question), 2)));
  g_assert_cmpstr (ally_choice_get_explanation_text (item (ally_question_get_choices (question), 0)), ==, "Not quite.");
  g_assert_cmpint (ally_question_get_kind (item (ally_lesson_get_questions (lesson), 2)), ==, ALLY_QUESTION_SCENARIO);

  g_assert_cmpuint (g_list_model_get_n_items (ally_lesson_get_scenarios (lesson)), ==, 1);
  scenario = item (ally_lesson_get_scenarios (lesson), 0);
  g_assert_cmpint (ally_scenario_get_setting (scenario), ==, ALLY_SETTING_WORK);
  g_assert_cmpstr (ally_scenario_get_ask_text (scenario), ==, "What could you say?");
  g_assert_cmpuint (g_list_model_get_n_items (ally_scenario_get_responses (scenario)), ==, 2);
  g_assert_cmpstr (ally_choice_get_markup (item (ally_scenario_get_responses (scenario), 0)), ==,
                   "“I think that was <i>Sam’s</i> point.”");
  g_assert_cmpuint (g_list_model_get_n_items (ally_lesson_get_scenarios (item (lessons, 0))), ==, 0);

  prompt = item (ally_lesson_get_reflections (lesson), 0);
  g_assert_cmpstr (ally_prompt_get_id (prompt), ==, "r-power");
  g_assert_cmpstr (ally_prompt_get_lesson_id (prompt), ==, "acting");
  g_assert_cmpint (ally_prompt_get_kind (prompt), ==, ALLY_PROMPT_REFLECTION);
  prompt = item (ally_lesson_get_commitments (lesson), 0);
  g_assert_cmpint (ally_prompt_get_kind (prompt), ==, ALLY_PROMPT_COMMITMENT);
  g_assert_cmpuint (g_list_model_get_n_items (ally_lesson_get_cites (lesson)), ==, 2);

  /* terms sorted by name, case-insensitively */
  g_assert_cmpuint (g_list_model_get_n_items (terms), ==, 3);
  g_assert_cmpstr (ally_term_get_name (item (terms, 0)), ==, "ally");
  g_assert_cmpstr (ally_term_get_name (item (terms, 1)), ==, "Power");
  g_assert_cmpstr (ally_term_get_name (item (terms, 2)), ==, "privilege");
  g_assert_cmpuint (g_list_model_get_n_items (ally_catalog_get_sources (catalog)), ==, 3);
}

static void
test_lookups (void)
{
  g_autoptr(AllyCatalog) catalog = load_good ();
  AllyTerm *term = ally_catalog_lookup_term (catalog, "ally");
  AllySource *source;
  g_autofree char *citation = NULL;
  g_autofree char *anonymous = NULL;
  g_autofree char *authors = NULL;
  const char * const aliases[] = { "allies", "allyship", NULL };
  const char * const see_also[] = { "privilege", "power", NULL };

  g_assert_nonnull (term);
  g_assert_true (ally_catalog_lookup_term (catalog, "term:ally") == term);
  g_assert_null (ally_catalog_lookup_term (catalog, "saviour"));
  g_assert_cmpstrv (ally_term_get_aliases (term), aliases);
  g_assert_cmpstrv (ally_term_get_see_also (term), see_also);
  g_assert_cmpuint (g_list_model_get_n_items (ally_term_get_cites (term)), ==, 1);
  g_assert_true (ally_cite_get_source (item (ally_term_get_cites (term), 0)) ==
                 ally_catalog_lookup_source (catalog, "hall-2024"));

  source = ally_catalog_lookup_source (catalog, "kim-2019");
  g_assert_nonnull (source);
  g_assert_cmpint (ally_source_get_kind (source), ==, ALLY_SOURCE_ARTICLE);
  g_assert_cmpstr (ally_source_get_title (source), ==, "Allyship (& Accomplice): The What, Why, and How");
  g_assert_cmpstr (ally_source_get_date (source), ==, "2019-11-11");
  g_assert_cmpstr (ally_source_get_note (source), ==, "The working definition.");
  citation = ally_source_format_citation (source);
  g_assert_cmpstr (citation, ==, "Michelle MiJung Kim and Kay Martinez, “Allyship (& Accomplice): The What, "
                                 "Why, and How”, Awaken Blog (Medium), 11 November 2019.");
  authors = ally_source_format_authors (source);
  g_assert_cmpstr (authors, ==, "Michelle MiJung Kim and Kay Martinez");

  source = ally_catalog_lookup_source (catalog, "what-is");
  g_assert_cmpstrv (ally_source_get_authors (source), ((const char * const []) { NULL }));
  g_assert_null (ally_source_get_publication (source));
  anonymous = ally_source_format_citation (source);
  g_assert_cmpstr (anonymous, ==, "“What is Allyship?”, web page, author not named.");
  g_assert_null (ally_source_format_authors (source));
}

static void
test_markup_escaping (void)
{
  g_autoptr(AllyCatalog) catalog = load_good ();
  AllyLesson *lesson = ally_catalog_lookup_lesson (catalog, "basics");
  AllySection *section = item (ally_lesson_get_sections (lesson), 0);
  AllyBlock *p = item (ally_section_get_blocks (section), 0);
  AllyBlock *list = item (ally_section_get_blocks (section), 1);

  /* whitespace (line breaks, indentation) collapses to one space */
  g_assert_cmpstr (ally_block_get_text (p), ==,
                   "Allyship is a practice, not a label: using your privilege to support people "
                   "who lack it. Use <care> & \"quotes\".");
  g_assert_cmpstr (ally_block_get_markup (p), ==,
                   "Allyship is a practice, not a label: using your <a href=\"term:privilege\">privilege</a> "
                   "to support people who lack it. Use &lt;care&gt; &amp; &quot;quotes&quot;.");
  g_assert_cmpstr (ally_block_get_item_markup (list, 1), ==,
                   "Act with <i>the <a href=\"term:power\">power</a></i> you have.");
  g_assert_cmpstr (ally_block_get_markup (list), ==,
                   "Listen <i>first</i>.\nAct with <i>the <a href=\"term:power\">power</a></i> you have.");
}

static void
test_term_links (void)
{
  g_autoptr(AllyCatalog) catalog = load_good ();
  AllyTerm *ally = ally_catalog_lookup_term (catalog, "ally");
  AllyTerm *power = ally_catalog_lookup_term (catalog, "power");

  g_assert_cmpstr (ally_term_get_definition_markup (ally), ==,
                   "A person who uses their <i>own</i> <a href=\"term:privilege\">privilege</a> to support others.");
  g_assert_cmpstr (ally_term_get_definition_text (ally), ==,
                   "A person who uses their own privilege to support others.");
  g_assert_cmpstr (ally_term_get_definition_markup (power), ==,
                   "The ability to shape what happens &amp; to whom.");
  /* every link in the lessons resolves */
  g_assert_nonnull (ally_catalog_lookup_term (catalog, "term:privilege"));
}

static void
test_lessons_for_term (void)
{
  g_autoptr(AllyCatalog) catalog = load_good ();
  g_autoptr(GListModel) ally = ally_catalog_list_lessons_for_term (catalog, "ally");
  g_autoptr(GListModel) by_href = ally_catalog_list_lessons_for_term (catalog, "term:power");
  g_autoptr(GListModel) unknown = ally_catalog_list_lessons_for_term (catalog, "saviour");
  const char *expected[] = { "basics", "practice", "acting" };

  /* each lesson once, in course order, though it links to the term more than once */
  g_assert_cmpuint (g_list_model_get_n_items (ally), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (ally_lesson_get_id (item (ally, i)), ==, expected[i]);
  g_assert_cmpuint (g_list_model_get_n_items (by_href), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (unknown), ==, 0);
}

static void
test_resource (void)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;

  /* the real course, as compiled into the binary */
  g_assert_true (ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ally_catalog_get_lessons (catalog)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ally_catalog_get_terms (catalog)), >, 0);

  g_assert_false (ally_catalog_load_resource (catalog, "/io/github/allyship/Allyship/nothing", &error));
  g_assert_error (error, ALLY_CONTENT_ERROR, ALLY_CONTENT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/io/github/allyship/Allyship/nothing:1: "));
  /* a failed load keeps what was loaded */
  g_assert_cmpuint (g_list_model_get_n_items (ally_catalog_get_lessons (catalog)), >, 0);
}

/* ---- languages ----------------------------------------------------------------------- */

static TempCourse *
translated_course (const char *msgfmt_output)
{
  TempCourse *course = temp_course_new ();
  g_autofree char *merged = g_test_build_filename (G_TEST_BUILT, "content", msgfmt_output, NULL);
  g_autofree char *contents = read_file (merged);

  /* lessons/01-basics.xml (merged) takes the place of lessons/01-basics.xml.in */
  temp_course_write (course, "lessons/01-basics.xml", contents, -1);
  return course;
}

typedef struct
{
  guint items_changed;
  guint title_notified;
} Counts;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  g_assert_cmpuint (removed, ==, added);
  (*count)++;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_language_fallback (void)
{
  g_autoptr(TempCourse) course = translated_course ("msgfmt-01-basics.xml");
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  const char * const french[] = { "fr_FR.UTF-8", "C", NULL };
  const char * const spanish[] = { "es", NULL };
  const char * const german_then_spanish[] = { "de_DE", "es_ES.UTF-8", NULL };
  const char * const english_first[] = { "en_GB", "fr", NULL };
  const char * const locales[] = { "en", "es", "fr", NULL };
  AllyLesson *lesson;
  AllySection *section;
  AllyBlock *p, *list;
  guint lessons_changed = 0, terms_changed = 0, title_notified = 0;

  ally_catalog_set_languages (catalog, french);
  g_assert_true (ally_catalog_load_directory (catalog, course->root, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (ally_catalog_get_locales (catalog), locales);

  lesson = ally_catalog_lookup_lesson (catalog, "basics");
  g_assert_cmpstr (ally_lesson_get_file (lesson), ==, "lessons/01-basics.xml");
  section = item (ally_lesson_get_sections (lesson), 0);
  p = item (ally_section_get_blocks (section), 0);
  list = item (ally_section_get_blocks (section), 1);

  /* French where translated, per element; English elsewhere */
  g_assert_cmpstr (ally_lesson_get_title (lesson), ==, "Ce qu’est l’alliance");
  g_assert_cmpstr (ally_lesson_get_summary (lesson), ==, "Comprendre l’alliance & pourquoi elle compte.");
  g_assert_cmpstr (ally_section_get_heading (section), ==, "A working definition");
  g_assert_cmpstr (ally_block_get_markup (p), ==,
                   "L’alliance est une pratique : utiliser son <a href=\"term:privilege\">privilège</a> "
                   "pour soutenir. &lt;soin&gt; &amp; « guillemets ».");
  g_assert_cmpstr (ally_block_get_item_text (list, 0), ==, "Listen first.");
  g_assert_cmpstr (ally_block_get_item_markup (list, 1), ==,
                   "Agir avec <i>le <a href=\"term:power\">pouvoir</a></i> que l’on a.");
  /* other lessons are untranslated */
  g_assert_cmpstr (ally_lesson_get_title (ally_catalog_lookup_lesson (catalog, "acting")), ==,
                   "Acting & speaking up");

  g_signal_connect (ally_catalog_get_lessons (catalog), "items-changed", G_CALLBACK (on_items_changed), &lessons_changed);
  g_signal_connect (ally_catalog_get_terms (catalog), "items-changed", G_CALLBACK (on_items_changed), &terms_changed);
  g_signal_connect (lesson, "notify::title", G_CALLBACK (on_notify), &title_notified);

  /* switch at run time */
  ally_catalog_set_languages (catalog, spanish);
  g_assert_cmpuint (lessons_changed, ==, 1);
  g_assert_cmpuint (terms_changed, ==, 1);
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpstr (ally_lesson_get_title (lesson), ==, "Qué es ser aliado");
  g_assert_cmpstr (ally_lesson_get_summary (lesson), ==, "Learn what allyship means & why it matters.");
  g_assert_cmpstr (ally_section_get_heading (section), ==, "Una definición de trabajo");
  g_assert_cmpstr (ally_block_get_text (p), ==,
                   "Allyship is a practice, not a label: using your privilege to support people "
                   "who lack it. Use <care> & \"quotes\".");

  /* the first wanted language that has a variant, per element */
  ally_catalog_set_languages (catalog, german_then_spanish);
  g_assert_cmpstr (ally_lesson_get_title (lesson), ==, "Qué es ser aliado");
  g_assert_cmpuint (title_notified, ==, 1);   /* unchanged: no notification */

  /* English before French: the untagged original wins */
  ally_catalog_set_languages (catalog, english_first);
  g_assert_cmpstr (ally_lesson_get_title (lesson), ==, "What allyship is");
  g_assert_cmpuint (title_notified, ==, 2);
  g_assert_cmpuint (lessons_changed, ==, 3);
}

/* The course built one file set per language: the English course, and languages/LL/ with
 * every file merged with LL alone (here only lesson 01 has translations). */
static TempCourse *
per_language_course (void)
{
  TempCourse *course = temp_course_new ();
  g_autofree char *good = fixture_path ("good", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (good);
  const char * const langs[] = { "es", "fr" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *rel = g_build_filename ("languages", langs[i], NULL);
      g_autoptr(GFile) to = g_file_resolve_relative_path (course->root, rel);
      g_autofree char *name = g_strdup_printf ("msgfmt-%s-01-basics.xml", langs[i]);
      g_autofree char *merged = g_test_build_filename (G_TEST_BUILT, "content", name, NULL);
      g_autofree char *contents = read_file (merged);
      g_autofree char *lesson = g_build_filename (rel, "lessons", "01-basics.xml", NULL);

      copy_tree (from, to);
      temp_course_write (course, lesson, contents, -1);
    }
  temp_course_write (course, "languages/status.ini",
                     "[es]\nname=Spanish\nown-name=Español\ncourse-percent=4\n"
                     "[fr]\nname=French\ncourse-percent=7\n", -1);

  return course;
}

static void
test_language_per_language_files (void)
{
  g_autoptr(TempCourse) course = per_language_course ();
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  const char * const french[] = { "fr_FR.UTF-8", NULL };
  const char * const spanish[] = { "es", NULL };
  const char * const german[] = { "de", NULL };
  const char * const locales[] = { "en", "es", "fr", NULL };
  g_autofree char *name = NULL;
  AllyLesson *lesson, *acting;
  AllySection *section;
  guint title_notified = 0, heading_notified = 0;

  ally_catalog_set_languages (catalog, french);
  g_assert_true (ally_catalog_load_directory (catalog, course->root, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (ally_catalog_get_locales (catalog), locales);
  g_assert_cmpstr (ally_catalog_get_translation (catalog), ==, "fr");
  g_assert_cmpint (ally_catalog_get_translation_percent (catalog, "fr"), ==, 7);
  g_assert_cmpint (ally_catalog_get_translation_percent (catalog, "de"), ==, -1);
  name = ally_catalog_get_translation_name (catalog, "es");
  g_assert_cmpstr (name, ==, "Spanish");
  g_clear_pointer (&name, g_free);
  name = ally_catalog_get_translation_own_name (catalog, "es");
  g_assert_cmpstr (name, ==, "Español");
  g_clear_pointer (&name, g_free);
  name = ally_catalog_get_translation_own_name (catalog, "fr");   /* not written: not known */
  g_assert_null (name);

  lesson = ally_catalog_lookup_lesson (catalog, "basics");
  acting = ally_catalog_lookup_lesson (catalog, "acting");
  section = item (ally_lesson_get_sections (lesson), 0);

  /* per string: French where translated, English elsewhere */
  g_assert_cmpstr (ally_lesson_get_title (lesson), ==, "Ce qu’est l’alliance");
  g_assert_cmpstr (ally_section_get_heading (section), ==, "A working definition");
  g_assert_cmpstr (ally_lesson_get_title (acting), ==, "Acting & speaking up");

  /* another language at run time: its file set is loaded, the objects stay */
  g_signal_connect (lesson, "notify::title", G_CALLBACK (on_notify), &title_notified);
  g_signal_connect (section, "notify::heading", G_CALLBACK (on_notify), &heading_notified);
  ally_catalog_set_languages (catalog, spanish);
  g_assert_cmpstr (ally_catalog_get_translation (catalog), ==, "es");
  g_assert_true (ally_catalog_lookup_lesson (catalog, "basics") == lesson);
  g_assert_cmpstr (ally_lesson_get_title (lesson), ==, "Qué es ser aliado");
  g_assert_cmpstr (ally_lesson_get_summary (lesson), ==, "Learn what allyship means & why it matters.");
  g_assert_cmpstr (ally_section_get_heading (section), ==, "Una definición de trabajo");
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpuint (heading_notified, ==, 1);

  /* a language the course does not have: English, and the Spanish is let go */
  ally_catalog_set_languages (catalog, german);
  g_assert_null (ally_catalog_get_translation (catalog));
  g_assert_cmpstr (ally_lesson_get_title (lesson), ==, "What allyship is");
  g_assert_cmpstr (ally_section_get_heading (section), ==, "A working definition");
  g_assert_cmpuint (title_notified, ==, 2);

  /* and back */
  ally_catalog_set_languages (catalog, french);
  g_assert_cmpstr (ally_lesson_get_title (lesson), ==, "Ce qu’est l’alliance");
  g_assert_cmpstr (ally_section_get_heading (section), ==, "A working definition");
  g_assert_cmpuint (heading_notified, ==, 2);
}

/* A course in de, pt_BR, sr (Cyrillic) and sr@latin: each languages/LL/ is the Spanish
 * merge of lesson 01 relabelled with LL's xml:lang as the build writes it (BCP 47: pt-BR,
 * sr-Latn), its title marked with LL to tell them apart. */
static TempCourse *
locale_course (void)
{
  TempCourse *course = temp_course_new ();
  g_autofree char *good = fixture_path ("good", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (good);
  g_autofree char *merged = g_test_build_filename (G_TEST_BUILT, "content", "msgfmt-es-01-basics.xml", NULL);
  g_autofree char *spanish = read_file (merged);
  const char * const langs[] = { "de", "pt_BR", "sr", "sr@latin" };
  const char * const tags[] = { "de", "pt-BR", "sr", "sr-Latn" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *rel = g_build_filename ("languages", langs[i], NULL);
      g_autoptr(GFile) to = g_file_resolve_relative_path (course->root, rel);
      g_autofree char *lesson = g_build_filename (rel, "lessons", "01-basics.xml", NULL);
      g_autofree char *lang_attr = g_strdup_printf ("xml:lang=\"%s\"", tags[i]);
      g_autofree char *title = g_strdup_printf ("Qué es ser aliado [%s]", langs[i]);
      g_autoptr(GString) contents = g_string_new (spanish);

      g_assert_cmpuint (g_string_replace (contents, "xml:lang=\"es\"", lang_attr, 0), >, 0);
      g_assert_cmpuint (g_string_replace (contents, "Qué es ser aliado", title, 0), ==, 1);
      copy_tree (from, to);
      temp_course_write (course, lesson, contents->str, -1);
    }

  return course;
}

/* System locales pick the course language as gettext picks a catalog: the modifier names a
 * language of its own (sr@latin is not sr), the codeset does not count, and a country
 * falls back to the language (de_CH to de); none at all is English. */
static void
test_language_locale_names (void)
{
  g_autoptr(TempCourse) course = locale_course ();
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  const struct { const char *locale; const char *translation; const char *title; } cases[] = {
    { "sr_RS.UTF-8@latin", "sr@latin", "Qué es ser aliado [sr@latin]" },
    { "sr@latin", "sr@latin", "Qué es ser aliado [sr@latin]" },
    { "sr_RS.UTF-8", "sr", "Qué es ser aliado [sr]" },
    { "pt_BR.UTF-8", "pt_BR", "Qué es ser aliado [pt_BR]" },
    { "pt-BR", "pt_BR", "Qué es ser aliado [pt_BR]" },
    { "pt_PT.UTF-8", NULL, "What allyship is" },
    { "de_CH", "de", "Qué es ser aliado [de]" },
    { "de_AT.UTF-8@euro", "de", "Qué es ser aliado [de]" },
    { "en_GB.UTF-8", NULL, "What allyship is" },
  };

  g_assert_true (ally_catalog_load_directory (catalog, course->root, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const wanted[] = { cases[i].locale, NULL };

      g_test_message ("%s", cases[i].locale);
      ally_catalog_set_languages (catalog, wanted);
      g_assert_cmpstr (ally_catalog_get_translation (catalog), ==, cases[i].translation);
      g_assert_cmpstr (ally_lesson_get_title (ally_catalog_lookup_lesson (catalog, "basics")),
                       ==, cases[i].title);
    }
}

/* A language's file set that is not the same course (here: an English sentence changed)
 * is refused as a whole, with a warning: no text of it is shown, the English is. */
static void
test_language_mismatched_translation (void)
{
  g_autoptr(TempCourse) course = per_language_course ();
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (course->dir, "languages", "es", "lessons", "01-basics.xml", NULL);
  g_autofree char *contents = read_file (path);
  g_autoptr(GString) edited = NULL;
  const char * const french[] = { "fr", NULL };
  const char * const spanish[] = { "es", NULL };
  AllyLesson *lesson;

  g_assert_nonnull (strstr (contents, "Listen before you speak this week."));
  edited = g_string_new (contents);
  g_string_replace (edited, "Listen before you speak this week.", "Listen before you speak.", 0);
  temp_course_write (course, "languages/es/lessons/01-basics.xml", edited->str, -1);

  ally_catalog_set_languages (catalog, french);
  g_assert_true (ally_catalog_load_directory (catalog, course->root, &error));
  lesson = ally_catalog_lookup_lesson (catalog, "basics");

  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*not the same course*");
  ally_catalog_set_languages (catalog, spanish);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (ally_catalog_get_translation (catalog), ==, "fr");
  g_assert_cmpstr (ally_lesson_get_title (lesson), ==, "What allyship is");
}

static void
test_msgfmt_broken_markup (void)
{
  g_autoptr(TempCourse) course = translated_course ("msgfmt-broken-markup.xml");
  g_autofree char *merged = g_test_build_filename (G_TEST_BUILT, "content", "msgfmt-broken-markup.xml", NULL);
  g_autofree char *contents = read_file (merged);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autofree char *prefix = NULL;
  g_autofree char *message = NULL;
  guint line = 0;

  for (guint i = 0; lines[i] != NULL && line == 0; i++)
    if (strstr (lines[i], "xml:lang=\"fr\"") != NULL && strstr (lines[i], "couter") != NULL)
      line = i + 1;
  g_assert_cmpuint (line, >, 0);

  prefix = g_strdup_printf ("lessons/01-basics.xml:%u: ", line);
  message = expect_error (course, ALLY_CONTENT_ERROR_MARKUP, prefix);
  g_assert_nonnull (strstr (message, "'fr'"));
}

/* ---- the power and privilege map --------------------------------------------------------- */

static void
test_power_map_good (void)
{
  g_autoptr(AllyCatalog) catalog = load_good ();
  GListModel *map = ally_catalog_get_power_map (catalog);
  AllyMapQuestion *question;

  g_assert_cmpuint (g_list_model_get_n_items (map), ==, 2);
  question = item (map, 0);
  g_assert_cmpstr (ally_map_question_get_id (question), ==, "roles");
  g_assert_cmpstr (ally_map_question_get_title (question), ==, "Your Roles");
  g_assert_cmpstr (ally_map_question_get_prompt (question), ==, "Where do you have a say & in what?");
  g_assert_cmpstr (ally_map_question_get_id (item (map, 1)), ==, "next-step");
}

/* The course's map keeps the seven ids the journal's answers are saved under. */
static void
test_power_map_course (void)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  const char * const english[] = { "C", NULL };
  const char * const ids[] = { "roles", "access", "voices", "risks", "affected", "lead", "next-step" };
  GListModel *map = ally_catalog_get_power_map (catalog);
  AllyMapQuestion *question;

  ally_catalog_set_languages (catalog, english);
  g_assert_true (ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (map), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      question = item (map, i);
      g_assert_cmpstr (ally_map_question_get_id (question), ==, ids[i]);
      g_assert_cmpstr (ally_map_question_get_title (question), !=, "");
      g_assert_cmpstr (ally_map_question_get_prompt (question), !=, "");
    }
  question = item (map, 0);
  g_assert_cmpstr (ally_map_question_get_title (question), ==, "Your Roles");
  g_assert_cmpstr (ally_map_question_get_prompt (question), ==,
                   "What roles do you hold at work, at school, at home or in your community? "
                   "Where in them do you have a say in what happens?");
  question = item (map, 6);
  g_assert_cmpstr (ally_map_question_get_title (question), ==, "One Concrete Next Step");
}

/* As msgfmt writes it: the title translated into French, the prompt not yet. */
static const char translated_power_map[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<power-map xmlns:its=\"http://www.w3.org/2005/11/its\">\n"
  "  <question id=\"roles\">\n"
  "    <title its:locNote=\"a heading\">Your Roles</title>\n"
  "    <title xml:lang=\"fr\">Vos rôles</title>\n"
  "    <prompt>Where do you have a say?</prompt>\n"
  "  </question>\n"
  "  <question id=\"lead\">\n"
  "    <title>Who Should Lead</title>\n"
  "    <title xml:lang=\"fr\">Qui devrait mener</title>\n"
  "    <prompt>Who should lead here?</prompt>\n"
  "    <prompt xml:lang=\"fr\">Qui devrait mener ici ?</prompt>\n"
  "  </question>\n"
  "</power-map>\n";

static void
test_power_map_fallback (void)
{
  g_autoptr(TempCourse) course = temp_course_new ();
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  g_autoptr(GError) error = NULL;
  const char * const french[] = { "fr_FR.UTF-8", "C", NULL };
  const char * const english[] = { "C", NULL };
  const char * const locales[] = { "en", "fr", NULL };
  GListModel *map = ally_catalog_get_power_map (catalog);
  AllyMapQuestion *roles, *lead;
  guint map_changed = 0, title_notified = 0, prompt_notified = 0;

  /* power-map.xml (merged) takes the place of power-map.xml.in */
  temp_course_write (course, "power-map.xml", translated_power_map, -1);
  ally_catalog_set_languages (catalog, french);
  g_assert_true (ally_catalog_load_directory (catalog, course->root, &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (ally_catalog_get_locales (catalog), locales);

  /* French where translated, per string; English elsewhere */
  g_assert_cmpuint (g_list_model_get_n_items (map), ==, 2);
  roles = item (map, 0);
  lead = item (map, 1);
  g_assert_cmpstr (ally_map_question_get_title (roles), ==, "Vos rôles");
  g_assert_cmpstr (ally_map_question_get_prompt (roles), ==, "Where do you have a say?");
  g_assert_cmpstr (ally_map_question_get_title (lead), ==, "Qui devrait mener");
  g_assert_cmpstr (ally_map_question_get_prompt (lead), ==, "Qui devrait mener ici ?");

  /* switch at run time: the same objects, new text, the list says so */
  g_signal_connect (map, "items-changed", G_CALLBACK (on_items_changed), &map_changed);
  g_signal_connect (roles, "notify::title", G_CALLBACK (on_notify), &title_notified);
  g_signal_connect (roles, "notify::prompt", G_CALLBACK (on_notify), &prompt_notified);
  ally_catalog_set_languages (catalog, english);
  g_assert_cmpuint (map_changed, ==, 1);
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpuint (prompt_notified, ==, 0);   /* English in both: unchanged */
  g_assert_true (item (map, 0) == roles);
  g_assert_cmpstr (ally_map_question_get_title (roles), ==, "Your Roles");
  g_assert_cmpstr (ally_map_question_get_prompt (lead), ==, "Who should lead here?");
}

static void
test_power_map_duplicate_id (void)
{
  g_autoptr(TempCourse) course = temp_course_new ();
  g_autofree char *message = NULL;

  temp_course_write (course, "power-map.xml.in",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<power-map>\n"
                     "  <question id=\"roles\"><title>A</title><prompt>B</prompt></question>\n"
                     "  <question id=\"lead\"><title>C</title><prompt>D</prompt></question>\n"
                     "  <question id=\"roles\"><title>E</title><prompt>F</prompt></question>\n"
                     "</power-map>\n", -1);
  message = expect_error (course, ALLY_CONTENT_ERROR_DUPLICATE_ID, "power-map.xml.in:5: ");
  g_assert_nonnull (strstr (message, "'roles'"));
  g_assert_nonnull (strstr (message, "power-map.xml.in:3"));
}

/* ---- bad content: one fixture per class ------------------------------------------------ */

typedef struct
{
  const char *fixture;
  const char *installed_as;
  int         code;
  const char *prefix;
} BadCase;

static const BadCase bad_cases[] = {
  { "malformed.xml.in", "lessons/04-bad.xml.in", ALLY_CONTENT_ERROR_MALFORMED, "lessons/04-bad.xml.in:12: " },
  { "schema-invalid.xml.in", "lessons/04-bad.xml.in", ALLY_CONTENT_ERROR_SCHEMA, "lessons/04-bad.xml.in:21: " },
  { "unknown-term-ref.xml.in", "lessons/04-bad.xml.in", ALLY_CONTENT_ERROR_UNKNOWN_TERM, "lessons/04-bad.xml.in:26: " },
  { "duplicate-id.xml.in", "lessons/04-bad.xml.in", ALLY_CONTENT_ERROR_DUPLICATE_ID, "lessons/04-bad.xml.in:2: " },
  { "two-correct-choices.xml.in", "lessons/04-bad.xml.in", ALLY_CONTENT_ERROR_CORRECT_CHOICE, "lessons/04-bad.xml.in:37: " },
  { "entity-bomb.xml.in", "lessons/04-bad.xml.in", ALLY_CONTENT_ERROR_DOCTYPE, "lessons/04-bad.xml.in:2: " },
  { "lesson-without-sources.xml.in", "lessons/04-bad.xml.in", ALLY_CONTENT_ERROR_SCHEMA, "lessons/04-bad.xml.in:2: " },
  { "translation-broken-markup.xml", "lessons/01-basics.xml", ALLY_CONTENT_ERROR_MARKUP, "lessons/01-basics.xml:13: " },
};

static void
test_bad_case (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(TempCourse) course = temp_course_new ();
  g_autofree char *message = NULL;

  temp_course_add_bad (course, bad->fixture, bad->installed_as);
  message = expect_error (course, bad->code, bad->prefix);
  g_test_message ("%s", message);
}

static void
test_bad_doctype_external_entity (void)
{
  g_autoptr(TempCourse) course = temp_course_new ();
  g_autofree char *secret_path = g_build_filename (course->dir, "secret.txt", NULL);
  g_autofree char *fixture = fixture_path ("bad", "doctype-external-entity.xml.in", NULL);
  g_autofree char *template = read_file (fixture);
  g_auto(GStrv) parts = g_strsplit (template, "SECRET_PATH", -1);
  g_autofree char *contents = g_strjoinv (secret_path, parts);
  const char *secret = "TOP-SECRET-7f3a9c";
  g_autofree char *message = NULL;
  g_autofree char *tool = g_test_build_filename (G_TEST_BUILT, "content", "ally-content-tool", NULL);
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (secret_path, secret, -1, NULL));
  temp_course_write (course, "lessons/04-bad.xml.in", contents, -1);

  message = expect_error (course, ALLY_CONTENT_ERROR_DOCTYPE, "lessons/04-bad.xml.in:2: ");
  g_assert_null (strstr (message, secret));

  /* nor anywhere in the validator's output */
  {
    const char *argv[] = { tool, "validate", course->dir, NULL };
    g_autoptr(GError) error = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_null (strstr (out, secret));
    g_assert_null (strstr (err, secret));
    g_assert_nonnull (strstr (err, "lessons/04-bad.xml.in:2: "));
  }
}

static void
test_bad_too_large (void)
{
  g_autoptr(TempCourse) course = temp_course_new ();
  gsize size = ALLY_CONTENT_MAX_FILE_SIZE + 1;
  g_autofree char *big = g_malloc (size);

  memset (big, ' ', size);
  memcpy (big, "<lesson>", 8);
  temp_course_write (course, "lessons/04-huge.xml.in", big, size);
  g_free (expect_error (course, ALLY_CONTENT_ERROR_TOO_LARGE, "lessons/04-huge.xml.in:1: "));
}

static void
test_bad_scenarios_required (void)
{
  g_autoptr(TempCourse) course = temp_course_new ();
  g_autofree char *path = fixture_path ("good", "lessons", "02-practice.xml.in", NULL);
  g_autofree char *contents = read_file (path);
  g_auto(GStrv) parts = g_strsplit (contents, "id=\"practice\"", -1);
  g_autofree char *renamed = g_strjoinv ("id=\"no-scenarios\"", parts);

  /* lesson 4 without <scenarios> */
  temp_course_write (course, "lessons/04-no-scenarios.xml.in", renamed, -1);
  g_free (expect_error (course, ALLY_CONTENT_ERROR_STRUCTURE, "lessons/04-no-scenarios.xml.in:2: "));
}

static void
test_failed_load_keeps_content (void)
{
  g_autoptr(AllyCatalog) catalog = load_good ();
  g_autoptr(TempCourse) course = temp_course_new ();
  g_autoptr(GError) error = NULL;

  temp_course_add_bad (course, "unknown-term-ref.xml.in", "lessons/04-bad.xml.in");
  g_assert_false (ally_catalog_load_directory (catalog, course->root, &error));
  g_assert_error (error, ALLY_CONTENT_ERROR, ALLY_CONTENT_ERROR_UNKNOWN_TERM);
  g_assert_cmpuint (g_list_model_get_n_items (ally_catalog_get_lessons (catalog)), ==, 3);
}

/* ---- the command-line helpers (through the test tool) ------------------------------------- */

static int
run_tool (const char * const *args,
          char              **out,
          char              **err)
{
  g_autofree char *tool = g_test_build_filename (G_TEST_BUILT, "content", "ally-content-tool", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, tool);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli_validate (void)
{
  g_autofree char *good = fixture_path ("good", NULL);
  g_autoptr(TempCourse) course = temp_course_new ();
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_tool ((const char *[]) { "validate", good, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "content OK: 3 lessons, 3 terms, 3 sources, 9 questions, 1 scenario, "
                            "9 prompts, 1 locale (en)\n");
  g_assert_cmpstr (err, ==, "");

  /* two broken files: one line per problem, every line FILE:LINE: */
  temp_course_add_bad (course, "unknown-term-ref.xml.in", "lessons/04-bad.xml.in");
  temp_course_add_bad (course, "malformed.xml.in", "lessons/05-bad.xml.in");
  g_assert_cmpint (run_tool ((const char *[]) { "validate", course->dir, NULL }, &out2, &err2), ==, 1);
  g_assert_cmpstr (out2, ==, "");
  lines = g_strsplit (g_strchomp (err2), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "lessons/05-bad.xml.in:12: "));
  g_assert_true (g_str_has_prefix (lines[1], "lessons/04-bad.xml.in:26: "));
}

/* A course built one file set per language: every language is checked. */
static void
test_cli_validate_languages (void)
{
  g_autoptr(TempCourse) course = per_language_course ();
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree char *path = g_build_filename (course->dir, "languages", "es", "lessons", "01-basics.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) broken = NULL;

  g_assert_cmpint (run_tool ((const char *[]) { "validate", course->dir, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "content OK: 3 lessons, 3 terms, 3 sources, 9 questions, 1 scenario, "
                            "9 prompts, 3 locales (en, es, fr)\n");

  /* the Spanish lesson with a glossary link to a term that does not exist */
  g_file_get_contents (path, &contents, NULL, NULL);
  broken = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (broken, "term ref=\"power\"", "term ref=\"powr\"", 1), ==, 1);
  temp_course_write (course, "languages/es/lessons/01-basics.xml", broken->str, -1);
  g_assert_cmpint (run_tool ((const char *[]) { "validate", course->dir, NULL }, &out2, &err2), ==, 1);
  g_assert_true (g_str_has_prefix (err2, "languages/es/lessons/01-basics.xml:"));
  g_assert_nonnull (strstr (err2, "powr"));
}

static void
test_cli_list_lessons (void)
{
  g_autoptr(TempCourse) course = translated_course ("msgfmt-01-basics.xml");
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run_tool ((const char *[]) { "list", "--content-dir", course->dir, "--language", "fr", NULL },
                             &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "basics\tCe qu’est l’alliance\npractice\tAllyship in practice\n"
                            "acting\tActing & speaking up\n");

  g_assert_cmpint (run_tool ((const char *[]) { "list", "--content-dir", course->dir, "--language", "C", NULL },
                             &out2, &err2), ==, 0);
  g_assert_true (g_str_has_prefix (out2, "basics\tWhat allyship is\n"));

  /* the compiled-in course */
  g_assert_cmpint (run_tool ((const char *[]) { "list", NULL }, &out3, &err3), ==, 0);
  g_assert_nonnull (strchr (out3, '\t'));
}

/* ---- hostile files: never a hang, never a read without end -------------------------------- */

/* A hostile case runs in a subprocess, killed if it takes longer than this: a hang fails
 * the test instead of blocking the suite (a guard, not a timing). */
#define HOSTILE_TIMEOUT (30 * G_USEC_PER_SEC)
#define HOSTILE_COURSE_VAR "ALLY_TEST_HOSTILE_COURSE"

/* Runs the current test again in a subprocess, which loads COURSE (see hostile_course). */
static void
run_guarded (TempCourse *course)
{
  g_setenv (HOSTILE_COURSE_VAR, course->dir, TRUE);
  g_test_trap_subprocess (NULL, HOSTILE_TIMEOUT, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (HOSTILE_COURSE_VAR);
  g_test_trap_assert_passed ();
}

/* In the subprocess: the course its parent made.  A loader that reads without end fails
 * on an allocation past 1 GiB instead of taking the machine's memory (not under ASan,
 * which reserves far more address space than that). */
static TempCourse *
hostile_course (void)
{
  TempCourse *course = g_new0 (TempCourse, 1);
#if !defined(__SANITIZE_ADDRESS__)
  struct rlimit limit = { 1024 * 1024 * 1024, 1024 * 1024 * 1024 };

  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
#endif

  course->dir = g_strdup (g_getenv (HOSTILE_COURSE_VAR));
  g_assert_nonnull (course->dir);
  course->root = g_file_new_for_path (course->dir);
  return course;
}

static void
hostile_course_free (TempCourse *course)
{
  g_object_unref (course->root);
  g_free (course->dir);
  g_free (course);
}

static void
test_hostile_fifo (void)
{
  g_autoptr(TempCourse) course = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      TempCourse *guarded = hostile_course ();
      g_autofree char *message = expect_error (guarded, ALLY_CONTENT_ERROR_IO, "lessons/04-pipe.xml.in:1: ");
      g_autofree char *out = NULL, *err = NULL;

      g_assert_nonnull (strstr (message, "not a regular file"));
      /* the validator too */
      g_assert_cmpint (run_tool ((const char *[]) { "validate", guarded->dir, NULL }, &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, "lessons/04-pipe.xml.in:1: "));
      hostile_course_free (guarded);
      return;
    }

  course = temp_course_new ();
  path = g_build_filename (course->dir, "lessons", "04-pipe.xml.in", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  run_guarded (course);
}

static void
test_hostile_dev_zero (void)
{
  g_autoptr(TempCourse) course = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      TempCourse *guarded = hostile_course ();
      g_autofree char *message = expect_error (guarded, ALLY_CONTENT_ERROR_IO, "lessons/04-zero.xml.in:1: ");

      g_assert_nonnull (strstr (message, "not a regular file"));
      hostile_course_free (guarded);
      return;
    }

  course = temp_course_new ();
  path = g_build_filename (course->dir, "lessons", "04-zero.xml.in", NULL);
  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  run_guarded (course);
}

/* The size that counts is the target's, not the link's: a sparse 16 GiB file is refused
 * without being read. */
static void
test_hostile_large_through_symlink (void)
{
  g_autoptr(TempCourse) course = NULL;
  g_autofree char *target = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (g_test_subprocess ())
    {
      TempCourse *guarded = hostile_course ();
      g_autofree char *message = expect_error (guarded, ALLY_CONTENT_ERROR_TOO_LARGE, "lessons/04-big.xml.in:1: ");

      g_assert_nonnull (strstr (message, "17179869184 bytes"));
      hostile_course_free (guarded);
      return;
    }

  course = temp_course_new ();
  target = g_build_filename (course->dir, "big.data", NULL);
  path = g_build_filename (course->dir, "lessons", "04-big.xml.in", NULL);
  fd = g_open (target, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 16 * 1024 * 1024 * 1024), ==, 0);
  g_assert_true (g_close (fd, NULL));
  g_assert_cmpint (symlink ("../big.data", path), ==, 0);
  run_guarded (course);
}

static gboolean
has_control_characters (const char *s)
{
  for (const char *p = s; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n')
      return TRUE;

  return FALSE;
}

static void
test_hostile_file_name (void)
{
  g_autoptr(TempCourse) course = temp_course_new ();
  const char *shown = "lessons/04-bad\\n\\x1b[2J\\xff.xml.in:12: ";
  g_autofree char *message = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  temp_course_add_bad (course, "malformed.xml.in", "lessons/04-bad\n\033[2J\377.xml.in");
  message = expect_error (course, ALLY_CONTENT_ERROR_MALFORMED, shown);
  g_assert_null (strchr (message, '\n'));
  g_assert_true (g_utf8_validate (message, -1, NULL));

  /* the validator prints one line, the name escaped */
  g_assert_cmpint (run_tool ((const char *[]) { "validate", course->dir, NULL }, &out, &err), ==, 1);
  lines = g_strsplit (g_strchomp (err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], shown));
  g_assert_false (has_control_characters (err));
}

/* ---- shapes no course needs, refused before libxml2's quadratic steps -------------------- */

typedef struct
{
  const char *name;
  void      (*write) (GString *body);
} LimitCase;

static void
write_attributes (GString *body)
{
  g_string_append (body, "<p");
  for (guint i = 0; i <= ALLY_CONTENT_MAX_ATTRIBUTES; i++)
    g_string_append_printf (body, " its:note%u=\"\"", i);
  g_string_append (body, ">Text.</p>");
}

static void
write_children (GString *body)
{
  g_string_append (body, "<p>");
  for (guint i = 0; i <= ALLY_CONTENT_MAX_CHILDREN; i++)
    g_string_append (body, "<em>x</em>");
  g_string_append (body, "</p>");
}

static void
write_elements (GString *body)
{
  for (guint i = 0; i <= ALLY_CONTENT_MAX_ELEMENTS / 100; i++)
    {
      g_string_append (body, "<p>");
      for (guint j = 0; j < 100; j++)
        g_string_append (body, "<term ref=\"power\">power</term>");
      g_string_append (body, "</p>");
    }
}

static void
write_nesting (GString *body)
{
  g_string_append (body, "<p>");
  for (guint i = 0; i < ALLY_CONTENT_MAX_NESTING; i++)
    g_string_append (body, "<em>");
  for (guint i = 0; i < ALLY_CONTENT_MAX_NESTING; i++)
    g_string_append (body, "</em>");
  g_string_append (body, "</p>");
}

/* In a translation, as msgfmt writes it: markup escaped, parsed on its own. */
static void
write_translated_attributes (GString *body)
{
  g_string_append (body, "<p>The power.</p><p xml:lang=\"fr\">Le &lt;term ref=\"power\"");
  for (guint i = 0; i <= ALLY_CONTENT_MAX_ATTRIBUTES; i++)
    g_string_append_printf (body, " a%u=\"\"", i);
  g_string_append (body, "&gt;pouvoir&lt;/term&gt;.</p>");
}

static const LimitCase limit_cases[] = {
  { "attributes", write_attributes },
  { "children", write_children },
  { "elements", write_elements },
  { "nesting", write_nesting },
  { "translation-markup", write_translated_attributes },
};

/* Each shape goes into the good lesson 01 on line 7 (the first section's heading), all on
 * that line, so the error is there whichever element passes the limit. */
static void
test_limit_case (gconstpointer data)
{
  const LimitCase *limit = data;
  g_autoptr(TempCourse) course = temp_course_new ();
  g_autofree char *path = fixture_path ("good", "lessons", "01-basics.xml.in", NULL);
  g_autofree char *contents = read_file (path);
  const char *anchor = "<heading>A working definition</heading>";
  const char *at = strstr (contents, anchor);
  g_autoptr(GString) lesson = g_string_new (NULL);
  g_autofree char *message = NULL;

  g_assert_nonnull (at);
  g_string_append_len (lesson, contents, at - contents + strlen (anchor));
  limit->write (lesson);
  g_string_append (lesson, at + strlen (anchor));
  if (limit->write == write_translated_attributes)
    {
      temp_course_write (course, "lessons/01-basics.xml", lesson->str, lesson->len);
      message = expect_error (course, ALLY_CONTENT_ERROR_MARKUP, "lessons/01-basics.xml:7: ");
      g_assert_nonnull (strstr (message, "more than"));
    }
  else
    {
      temp_course_write (course, "lessons/01-basics.xml.in", lesson->str, lesson->len);
      message = expect_error (course, ALLY_CONTENT_ERROR_LIMIT, "lessons/01-basics.xml.in:7: ");
    }
  g_test_message ("%s", message);
}

/* A lesson finds its own prompts (reflections and commitments) and scenarios by id. */
static void
test_lesson_lookups (void)
{
  g_autoptr(AllyCatalog) catalog = load_good ();
  GListModel *lessons = ally_catalog_get_lessons (catalog);
  guint n_found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
      GListModel *kinds[] = { ally_lesson_get_reflections (lesson), ally_lesson_get_commitments (lesson) };
      GListModel *scenarios = ally_lesson_get_scenarios (lesson);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        for (guint j = 0; j < g_list_model_get_n_items (kinds[k]); j++, n_found++)
          {
            g_autoptr(AllyPrompt) prompt = g_list_model_get_item (kinds[k], j);

            g_assert_true (ally_lesson_lookup_prompt (lesson, ally_prompt_get_id (prompt)) == prompt);
            g_assert_null (ally_lesson_lookup_scenario (lesson, ally_prompt_get_id (prompt)));
          }
      for (guint j = 0; j < g_list_model_get_n_items (scenarios); j++, n_found++)
        {
          g_autoptr(AllyScenario) scenario = g_list_model_get_item (scenarios, j);

          g_assert_true (ally_lesson_lookup_scenario (lesson, ally_scenario_get_id (scenario)) == scenario);
          g_assert_null (ally_lesson_lookup_prompt (lesson, ally_scenario_get_id (scenario)));
        }
      g_assert_null (ally_lesson_lookup_prompt (lesson, "no-such-prompt"));
      g_assert_null (ally_lesson_lookup_scenario (lesson, "no-such-scenario"));
    }
  g_assert_cmpuint (n_found, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/good/loads", test_good_loads);
  g_test_add_func ("/content/good/lookups", test_lookups);
  g_test_add_func ("/content/good/lesson-lookups", test_lesson_lookups);
  g_test_add_func ("/content/good/markup-escaping", test_markup_escaping);
  g_test_add_func ("/content/good/term-links", test_term_links);
  g_test_add_func ("/content/good/lessons-for-term", test_lessons_for_term);
  g_test_add_func ("/content/good/resource", test_resource);
  g_test_add_func ("/content/language/fallback-and-switch", test_language_fallback);
  g_test_add_func ("/content/power-map/good", test_power_map_good);
  g_test_add_func ("/content/power-map/course", test_power_map_course);
  g_test_add_func ("/content/power-map/fallback-and-switch", test_power_map_fallback);
  g_test_add_func ("/content/power-map/duplicate-id", test_power_map_duplicate_id);
  g_test_add_func ("/content/language/msgfmt-broken-markup", test_msgfmt_broken_markup);
  g_test_add_func ("/content/language/per-language-files", test_language_per_language_files);
  g_test_add_func ("/content/language/mismatched-translation", test_language_mismatched_translation);
  g_test_add_func ("/content/language/locale-names", test_language_locale_names);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/content/bad/%s", bad_cases[i].fixture);
      g_test_add_data_func (path, &bad_cases[i], test_bad_case);
    }
  g_test_add_func ("/content/bad/doctype-external-entity", test_bad_doctype_external_entity);
  g_test_add_func ("/content/bad/too-large", test_bad_too_large);
  g_test_add_func ("/content/bad/scenarios-required", test_bad_scenarios_required);
  g_test_add_func ("/content/bad/failed-load-keeps-content", test_failed_load_keeps_content);
  g_test_add_func ("/content/cli/validate", test_cli_validate);
  g_test_add_func ("/content/cli/validate-languages", test_cli_validate_languages);
  g_test_add_func ("/content/cli/list-lessons", test_cli_list_lessons);
  g_test_add_func ("/content/hostile/fifo", test_hostile_fifo);
  g_test_add_func ("/content/hostile/dev-zero", test_hostile_dev_zero);
  g_test_add_func ("/content/hostile/large-through-symlink", test_hostile_large_through_symlink);
  g_test_add_func ("/content/hostile/file-name-control-characters", test_hostile_file_name);
  for (guint i = 0; i < G_N_ELEMENTS (limit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/content/limits/%s", limit_cases[i].name);
      g_test_add_data_func (path, &limit_cases[i], test_limit_case);
    }

  return g_test_run ();
}
