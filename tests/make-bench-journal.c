/* make-bench-journal.c: makes the data folder a returning learner would have, for the
 * start-up benchmark: DATA_HOME/allyship/allyship.db with N journal entries (imported from a
 * generated export) and, with --resume-longest, the course's longest lesson as the one last
 * read, half-way down, with every lesson before it finished.
 * Usage: make-bench-journal DATA_HOME N [--resume-longest] */
#include <stdlib.h>

#include "ally-content.h"
#include "ally-journal.h"
#include "ally-journal-progress.h"

static void
write_export (GFile *file,
              guint  n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_autoptr(GString) text = g_string_new ("{\"format\": \"allyship-journal\", \"version\": 1, \"entries\": [\n");

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text,
                              "%s{\"uid\": \"bench-%08x\", \"created\": \"2024-03-01T09:30:00Z\","
                              " \"updated\": \"2024-03-02T18:00:00Z\", \"title\": \"Entry %u\","
                              " \"body\": \"I noticed how often I finish other people's sentences,"
                              " and today I waited. It felt uncomfortable, then better.\","
                              " \"lesson_id\": null, \"prompt_id\": null, \"tags\": [\"listening\"]}\n",
                              i ? "," : "", i + 1, i + 1);
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

static void
resume_longest (AllyJournal *journal)
{
  g_autoptr(AllyCatalog) catalog = ally_catalog_new ();
  const char * const english[] = { "C", NULL };
  g_autoptr(GError) error = NULL;
  GListModel *lessons;
  AllyLesson *longest;
  guint position = 0;

  ally_catalog_set_languages (catalog, english);
  g_assert_true (ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, &error));
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) data_dir = NULL;
  g_autoptr(AllyJournal) journal = NULL;
  guint n;

  if (argc < 3)
    {
      g_printerr ("Usage: %s DATA_HOME N [--resume-longest]\n", argv[0]);
      return 2;
    }
  n = (guint) strtoul (argv[2], NULL, 10);
  data_dir = g_file_new_build_filename (argv[1], "allyship", NULL);
  journal = ally_journal_open (data_dir, &error);
  g_assert_no_error (error);

  if (n > 0)
    {
      g_autoptr(GFile) export = g_file_new_build_filename (argv[1], "bench-export.json", NULL);
      guint added = 0;

      write_export (export, n);
      g_assert_true (ally_journal_import_json (journal, export, &added, &error));
      g_assert_no_error (error);
      g_file_delete (export, NULL, NULL);
      g_print ("%u entries\n", added);
    }
  if (argc > 3 && g_str_equal (argv[3], "--resume-longest"))
    resume_longest (journal);

  return 0;
}
