/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-view-page.c: builds a lesson's page part by part, in reading order: each
 * section's heading, paragraphs and sources, the key points, the quiz's questions, the
 * scenarios, the reflection and commitment prompts, and the lesson's sources. The reveal queue
 * asks for the parts a screenful at once and then a frame's worth at a time, so opening a long
 * lesson never builds (or lays out) what nobody can see yet. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-journal-progress.h"
#include "ally-lesson-text.h"
#include "ally-lesson-view-private.h"
#include "ally-prompt-row.h"
#include "ally-scenario-card.h"

/* The page's kinds of part, in reading order. */
enum {
  STAGE_SECTIONS,
  STAGE_KEY_POINTS,
  STAGE_QUIZ,
  STAGE_SCENARIOS,
  STAGE_REFLECTIONS,
  STAGE_COMMITMENTS,
  STAGE_SOURCES,
  STAGE_DONE
};

static void
update_journal_button (AllyLessonView    *self,
                       AllyJournalButton *button)
{
  gboolean done = FALSE;

  if (self->journal != NULL && self->lesson != NULL)
    done = ally_journal_find_prompt_entry (self->journal, ally_lesson_get_id (self->lesson),
                                           ally_journal_button_get_prompt_id (button), NULL) > 0;
  ally_journal_button_set_written (button, done);
}

/* Shows, on each journal button of the page, whether the person has written about its prompt. */
void
ally_lesson_view_update_journal_buttons (AllyLessonView *self)
{
  for (guint i = 0; i < self->journal_buttons->len; i++)
    update_journal_button (self, g_ptr_array_index (self->journal_buttons, i));
}

static void
track_journal_button (AllyLessonView    *self,
                      AllyJournalButton *button)
{
  g_ptr_array_add (self->journal_buttons, button);
  update_journal_button (self, button);
}

static GtkWidget *
append (GtkBox    *box,
        GtkWidget *part)
{
  gtk_box_append (box, part);
  return part;
}

/* A section is its heading, its blocks and its sources line: @sub says which. */
static GtkWidget *
section_part (AllyLessonView *self,
              AllySection    *section,
              guint           sub)
{
  GListModel *blocks = ally_section_get_blocks (section);
  guint n_blocks = g_list_model_get_n_items (blocks);

  if (sub == 0)
    {
      g_autofree char *heading = g_markup_escape_text (ally_section_get_heading (section), -1);
      GtkWidget *label = ally_lesson_label_new (heading, "title-3");

      gtk_widget_set_margin_top (label, 18);
      /* Under the lesson's title (level 1): a section is level 2. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
      return append (self->sections_box, label);
    }
  if (sub <= n_blocks)
    {
      g_autoptr(AllyBlock) block = g_list_model_get_item (blocks, sub - 1);

      return append (self->sections_box, ally_lesson_block_new (block));
    }
  if (sub == n_blocks + 1)
    {
      g_autofree char *cites = ally_lesson_cites_markup (ally_section_get_cites (section));

      return append (self->sections_box, ally_lesson_label_new (cites, "lesson-cites"));
    }
  return NULL;
}

static GtkWidget *
next_section_part (AllyLessonView *self)
{
  GListModel *sections = ally_lesson_get_sections (self->lesson);

  while (self->build_index < g_list_model_get_n_items (sections))
    {
      g_autoptr(AllySection) section = g_list_model_get_item (sections, self->build_index);
      GtkWidget *part = section_part (self, section, self->build_sub++);

      if (part != NULL)
        return part;
      self->build_index++;
      self->build_sub = 0;
    }
  return NULL;
}

static GtkWidget *
prompt_part (AllyLessonView *self,
             GtkListBox     *list,
             AllyPrompt     *prompt)
{
  GtkWidget *row = ally_prompt_row_new (prompt);
  AllyJournalButton *button = ally_prompt_row_get_journal_button (ALLY_PROMPT_ROW (row));

  if (button != NULL)
    track_journal_button (self, button);
  gtk_list_box_append (list, row);
  /* A list row is announced by its name: the prompt's text. */
  ally_accessible_name_row (row, ally_prompt_get_text (prompt));
  return row;
}

static GtkWidget *
source_part (AllyLessonView *self,
             AllyCite       *cite)
{
  AllySource *source = ally_cite_get_source (cite);
  g_autofree char *citation = source ? ally_source_format_citation (source)
                                     : g_strdup (ally_cite_get_source_id (cite));
  g_autofree char *escaped = g_markup_escape_text (citation, -1);

  return append (self->sources_box, ally_lesson_bullet_row (escaped, "lesson-source"));
}

/* The part at build_index of a stage whose parts are the items of @model, or NULL past its end. */
static GtkWidget *
next_item_part (AllyLessonView *self,
                GListModel     *model)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, self->build_index++);

  if (item == NULL)
    return NULL;

  switch (self->build_stage)
    {
    case STAGE_KEY_POINTS:
      return append (self->key_points_box,
                     ally_lesson_bullet_row (ally_block_get_markup (ALLY_BLOCK (item)), "lesson-text"));
    case STAGE_SCENARIOS:
      {
        GtkWidget *card = ally_scenario_card_new (ALLY_SCENARIO (item));

        track_journal_button (self, ally_scenario_card_get_journal_button (ALLY_SCENARIO_CARD (card)));
        return append (self->scenarios_box, card);
      }
    case STAGE_REFLECTIONS:
      return prompt_part (self, self->reflections_list, ALLY_PROMPT (item));
    case STAGE_COMMITMENTS:
      return prompt_part (self, self->commitments_list, ALLY_PROMPT (item));
    case STAGE_SOURCES:
      return source_part (self, ALLY_CITE (item));
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
next_part_of_stage (AllyLessonView *self)
{
  switch (self->build_stage)
    {
    case STAGE_SECTIONS:
      return next_section_part (self);
    case STAGE_KEY_POINTS:
      return next_item_part (self, ally_lesson_get_key_points (self->lesson));
    case STAGE_QUIZ:
      return ally_lesson_quiz_add_next (self->quiz);
    case STAGE_SCENARIOS:
      return next_item_part (self, ally_lesson_get_scenarios (self->lesson));
    case STAGE_REFLECTIONS:
      return next_item_part (self, ally_lesson_get_reflections (self->lesson));
    case STAGE_COMMITMENTS:
      return next_item_part (self, ally_lesson_get_commitments (self->lesson));
    case STAGE_SOURCES:
      return next_item_part (self, ally_lesson_get_cites (self->lesson));
    default:
      return NULL;
    }
}

/* The reveal queue's AllyRevealBuildFunc: builds the page's next part, or says it is complete. */
static GtkWidget *
build_next_part (gpointer data)
{
  AllyLessonView *self = data;

  for (; self->build_stage < STAGE_DONE; self->build_stage++, self->build_index = 0)
    {
      GtkWidget *part = next_part_of_stage (self);

      if (part != NULL)
        {
          ally_accessible_name_controls (part);
          g_ptr_array_add (self->parts, part);
          return part;
        }
    }
  return NULL;
}

static void
remove_all_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

void
ally_lesson_view_clear_page (AllyLessonView *self)
{
  ally_reveal_queue_cancel (self->reveal);
  remove_all_children (GTK_WIDGET (self->sections_box));
  remove_all_children (GTK_WIDGET (self->key_points_box));
  ally_lesson_quiz_show (self->quiz, NULL, NULL);
  remove_all_children (GTK_WIDGET (self->scenarios_box));
  remove_all_children (GTK_WIDGET (self->reflections_list));
  remove_all_children (GTK_WIDGET (self->commitments_list));
  remove_all_children (GTK_WIDGET (self->sources_box));
  g_ptr_array_set_size (self->journal_buttons, 0);
  g_ptr_array_set_size (self->parts, 0);
  self->n_parts = 0;
}

/* How many parts the page has: as many as build_next_part() builds. */
static guint
count_parts (AllyLesson *lesson)
{
  GListModel *sections = ally_lesson_get_sections (lesson);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AllySection) section = g_list_model_get_item (sections, i);

      /* Its heading, its blocks and its sources line. */
      n += 2 + g_list_model_get_n_items (ally_section_get_blocks (section));
    }
  return n + g_list_model_get_n_items (ally_lesson_get_key_points (lesson)) +
         g_list_model_get_n_items (ally_lesson_get_questions (lesson)) +
         g_list_model_get_n_items (ally_lesson_get_scenarios (lesson)) +
         g_list_model_get_n_items (ally_lesson_get_reflections (lesson)) +
         g_list_model_get_n_items (ally_lesson_get_commitments (lesson)) +
         g_list_model_get_n_items (ally_lesson_get_cites (lesson));
}

/**
 * ally_lesson_view_place_at:
 * @offset: how far down the page the view's top is
 *
 * The reader's place as the journal keeps it: thousandths of the way through the page's parts
 * (the part at the view's top, and how far into it), so that it finds the same paragraph
 * again without laying out the whole page, and in another language too.
 */
int
ally_lesson_view_place_at (AllyLessonView *self,
                           double          offset)
{
  GtkWidget *page = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)));

  if (self->n_parts == 0)
    return 0;

  for (guint i = 0; i < self->parts->len; i++)
    {
      GtkWidget *part = g_ptr_array_index (self->parts, i);
      double height = gtk_widget_get_height (part);
      graphene_point_t point;

      /* A part above a place being gone back to may not be shown yet. */
      if (!gtk_widget_get_visible (part) ||
          !gtk_widget_compute_point (part, page, &GRAPHENE_POINT_INIT (0, 0), &point) ||
          point.y + height <= offset)
        continue;
      return (int) (1000 * (i + (height > 0 ? CLAMP ((offset - point.y) / height, 0, 1) : 0)) /
                    self->n_parts);
    }
  return 1000 * self->parts->len / self->n_parts;
}

/**
 * ally_lesson_view_go_to_place:
 * @place: a place ally_lesson_view_place_at() gave
 *
 * Shows the page at the part @place is in, with a screenful after it. The parts above it are
 * built but shown over the next frames, while the place holds the part still, so that going
 * back to the end of a long lesson does not lay out all of its text first.
 */
void
ally_lesson_view_go_to_place (AllyLessonView *self,
                              int             place)
{
  double at = CLAMP (place, 0, 1000) * self->n_parts / 1000.0;
  guint part = MIN ((guint) at, self->n_parts - 1);
  GtkWidget *widget;

  if (self->n_parts == 0)
    return;

  while (self->parts->len <= part && !ally_reveal_queue_is_done (self->reveal))
    ally_reveal_queue_build_one (self->reveal);
  if (self->parts->len == 0)
    return;

  part = MIN (part, self->parts->len - 1);
  widget = g_ptr_array_index (self->parts, part);
  for (guint i = 0; i < part; i++)
    ally_reveal_queue_defer (self->reveal, g_ptr_array_index (self->parts, i));
  ally_reveal_queue_build_screenful (self->reveal);
  ally_lesson_place_go_to_part (self->place, widget, at - part);
}

static void
fill_header (AllyLessonView *self)
{
  /* Translators: %u is the lesson's number in the course */
  g_autofree char *number = g_strdup_printf (_("Lesson %u"), ally_lesson_get_number (self->lesson));
  /* Translators: how long a lesson takes to read; %u is a number of minutes */
  g_autofree char *minutes = g_strdup_printf (ngettext ("About %u minute", "About %u minutes",
                                                        ally_lesson_get_minutes (self->lesson)),
                                              ally_lesson_get_minutes (self->lesson));
  g_autofree char *summary = g_markup_escape_text (ally_lesson_get_summary (self->lesson), -1);

  gtk_label_set_label (self->number_label, number);
  gtk_label_set_label (self->title_label, ally_lesson_get_title (self->lesson));
  gtk_label_set_markup (self->summary_label, summary);
  gtk_label_set_label (self->minutes_label, minutes);
}

/* Shows the lesson's header now and builds its page: a screenful now, the rest over the next
 * frames (ally_reveal_queue_finish() builds it all at once). */
void
ally_lesson_view_fill_page (AllyLessonView *self)
{
  fill_header (self);
  gtk_widget_set_visible (self->scenarios_heading,
                          g_list_model_get_n_items (ally_lesson_get_scenarios (self->lesson)) > 0);
  ally_lesson_view_update_completion (self);
  ally_accessible_name_controls (GTK_WIDGET (self));

  ally_lesson_quiz_show (self->quiz, self->lesson, self->journal);
  self->n_parts = count_parts (self->lesson);
  self->build_stage = STAGE_SECTIONS;
  self->build_index = 0;
  self->build_sub = 0;
  ally_reveal_queue_start (self->reveal, build_next_part, self);
}
