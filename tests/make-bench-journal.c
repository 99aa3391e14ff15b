/* SPDX-License-Identifier: GPL-3.0-or-later */
/* make-bench-journal.c: makes the data folder a returning learner would have, for the
 * start-up benchmark: DATA_HOME/allyship/allyship.db with N journal entries (imported from a
 * generated export) and, with --resume-longest, the course's longest lesson as the one last
 * read, half-way down, with every lesson before it finished. With --year-of-study the entries
 * are spread over the past year (one in ten written for a lesson's prompt), and the journal
 * holds a year of study beside them: every lesson opened and most finished, every quiz
 * answered, every glossary card reviewed on its SM-2 schedule, and 400 commitments.
 * Usage: make-bench-journal DATA_HOME N [--resume-longest | --year-of-study] */
#include <stdlib.h>

#include "ally-content.h"
#include "ally-journal.h"
#include "ally-journal-progress.h"

static void
write_export (GFile    *file,
              guint     n,
              gboolean  over_a_year)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_autoptr(GString) text = g_string_new ("{\"format\": \"allyship-journal\", \"version\": 1, \"entries\": [\n");

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *created = g_strdup ("2024-03-01T09:30:00Z");
      g_autofree char *updated = g_strdup ("2024-03-02T18:00:00Z");
      const char *link = "\"lesson_id\": null, \"prompt_id\": null";

      if (over_a_year)
        {
          /* Newest last, as a journal grows: entry i is (n - i) / n of a year old. */
          g_autoptr(GDateTime) when = g_date_time_add_seconds (now, -(365.0 * 86400 * (n - i) / n));
          g_autoptr(GDateTime) edited = g_date_time_add_hours (when, 2);

          g_free (created);
          g_free (updated);
          created = g_date_time_format_iso8601 (when);
          updated = g_date_time_format_iso8601 (edited);
          if (i % 10 == 0)
            link = "\"lesson_id\": \"what-allyship-is\", \"prompt_id\": \"first-ally\"";
        }
      g_string_append_printf (text,
                              "%s{\"uid\": \"bench-%08x\", \"created\": \"%s\","
                              " \"updated\": \"%s\", \"title\": \"Entry %u\","
                              " \"body\": \"I noticed how often I finish other people's sentences,"
                              " and today I waited. It felt uncomfortable, then better.\","
                              " %s, \"tags\": [\"listening\"]}\n",
                              i ? "," : "", i + 1, created, updated, i + 1, link);
      if (text->len > 1 << 20)
        {
          g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), text->str, text->len, NULL, NULL, &error));
          g_string_truncate (text, 0);
        }
    }
  g_string_append (text, "]}\n");
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), text->str, text->len, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
}

/* The lesson with the most text in its sections: the most a first frame can have to lay out. */
static AllyLesson *
longest_lesson (AllyCatalog *catalog,
                guint       *out_position)
{
  GListModel *lessons = ally_catalog_get_lessons (catalog);
  AllyLesson *longest = NULL;
  gsize most = 0;

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
      GListModel *sections = ally_lesson_get_sections (lesson);
      gsize length = 0;

      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(AllySection) section = g_list_model_get_item (sections, s);
          GListModel *blocks = ally_section_get_blocks (section);

          for (guint b = 0; b < g_list_model_get_n_items (blocks); b++)
            {
              g_autoptr(AllyBlock) block = g_list_model_get_item (blocks, b);
              length += strlen (ally_block_get_text (block));
            }
        }
      if (length > most)
        {
          most = length;
          longest = lesson;
          *out_position = i;
        }
    }
  return longest;
}

static AllyCatalog *
load_english_course (void)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  const char * const english[] = { "C", NULL };
  g_autoptr(GError) error = NULL;

  ally_catalog_set_languages (catalog, english);
  g_assert_true (ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error));
  return g_steal_pointer (&catalog);
}

static void
resume_longest (AllyJournal *journal)
{
  g_autoptr(AllyCatalog) catalog = load_english_course ();
  g_autoptr(GError) error = NULL;
  GListModel *lessons;
  AllyLesson *longest;
  guint position = 0;

  lessons = ally_catalog_get_lessons (catalog);
  longest = longest_lesson (catalog, &position);
  for (guint i = 0; i < position; i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);

      g_assert_true (ally_journal_open_lesson (journal, ally_lesson_get_id (lesson), &error));
      g_assert_true (ally_journal_complete_lesson (journal, ally_lesson_get_id (lesson), &error));
    }
  g_assert_true (ally_journal_open_lesson (journal, ally_lesson_get_id (longest), &error));
  g_assert_true (ally_journal_set_lesson_position (journal, ally_lesson_get_id (longest), 500, &error));
  g_print ("resume at lesson %u, %s\n", position + 1, ally_lesson_get_id (longest));
}

/* Every lesson opened, the first twelve finished, every quiz answered (one question in three
 * wrongly) with a score. */
static void
add_lessons_and_quizzes (AllyJournal *journal,
                         AllyCatalog *catalog)
{
  GListModel *lessons = ally_catalog_get_lessons (catalog);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
      const char *id = ally_lesson_get_id (lesson);
      GListModel *questions = ally_lesson_get_questions (lesson);
      guint n = g_list_model_get_n_items (questions);
      int score = 0;

      g_assert_true (ally_journal_read_lesson (journal, id, &error));
      if (i < 12)
        g_assert_true (ally_journal_complete_lesson (journal, id, &error));
      for (guint q = 0; q < n; q++)
        {
          g_autoptr(AllyQuestion) question = g_list_model_get_item (questions, q);
          gboolean correct = q % 3 != 0;

          g_assert_true (ally_journal_save_quiz_answer (journal, id, ally_question_get_id (question),
                                                        "0", correct, &error));
          score += correct;
        }
      g_assert_true (ally_journal_record_quiz_score (journal, id, score, n, &error));
    }
  g_assert_no_error (error);
}

/* Each card from a day in the year's first month, then again whenever SM-2 says it is due
 * (one answer in seven forgotten), up to today. */
static guint
add_card_reviews (AllyJournal *journal,
                  AllyCatalog *catalog,
                  GDateTime   *now)
{
  GListModel *terms = ally_catalog_get_terms (catalog);
  g_autoptr(GError) error = NULL;
  guint n_reviews = 0;

  for (guint t = 0; t < g_list_model_get_n_items (terms); t++)
    {
      g_autoptr(AllyTerm) term = g_list_model_get_item (terms, t);
      g_autoptr(GDateTime) when = g_date_time_add_days (now, -365 + (int) (t % 30));
      g_autofree char *card_id = ally_card_id_for_term (ally_term_get_id (term));

      while (g_date_time_compare (when, now) < 0)
        {
          AllySm2State state;
          GDateTime *due = NULL;

          g_assert_true (ally_journal_review_card (journal, card_id,
                                                  n_reviews % 7 == 6 ? 1 : 4, when, &error));
          g_assert_true (ally_journal_get_card (journal, card_id, &state, &due, &error));
          g_date_time_unref (when);
          when = due;
          n_reviews++;
        }
    }
  g_assert_no_error (error);
  return n_reviews;
}

/* 400 commitments due over the year; the older half done. */
static void
add_commitments (AllyJournal *journal,
                 GDateTime   *now)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 400; i++)
    {
      g_autoptr(GDateTime) due = g_date_time_add_days (now, -365 + i * 380 / 400);
      gint64 id = ally_journal_add_commitment (journal, "Ask who is missing from the meeting",
                                               NULL, due, 0, &error);

      g_assert_cmpint (id, >, 0);
      if (i < 200)
        g_assert_true (ally_journal_set_commitment_done (journal, id, TRUE, &error));
    }
  g_assert_no_error (error);
}

static void
add_year_of_study (AllyJournal *journal)
{
  g_autoptr(AllyCatalog) catalog = load_english_course ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint n_reviews;

  add_lessons_and_quizzes (journal, catalog);
  n_reviews = add_card_reviews (journal, catalog, now);
  add_commitments (journal, now);
  g_print ("a year of study: %u card reviews\n", n_reviews);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) data_dir = NULL;
  g_autoptr(AllyJournal) journal = NULL;
  gboolean year_of_study = argc > 3 && g_str_equal (argv[3], "--year-of-study");
  guint n;

  if (argc < 3)
    {
      g_printerr ("Usage: %s DATA_HOME N [--resume-longest | --year-of-study]\n", argv[0]);
      return 2;
    }
  n = (guint) strtoul (argv[2], NULL, 10);
  data_dir = g_file_new_build_filename (argv[1], "allyship", NULL);
  journal = ally_journal_open (data_dir, &error);
  g_assert_no_error (error);

  if (n > 0)
    {
      g_autoptr(GFile) export = g_file_new_build_filename (argv[1], "bench-export.json", NULL);
      AllyImportResult result = { 0 };

      write_export (export, n, year_of_study);
      g_assert_true (ally_journal_import_json (journal, export, 0, &result, &error));
      g_assert_no_error (error);
      g_file_delete (export, NULL, NULL);
      g_print ("%u entries\n", result.added);
    }
  if (argc > 3 && g_str_equal (argv[3], "--resume-longest"))
    resume_longest (journal);
  if (year_of_study)
    add_year_of_study (journal);

  return 0;
}
