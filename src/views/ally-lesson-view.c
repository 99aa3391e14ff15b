/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-view.c: lays out one lesson as a readable page and runs its self-check quiz. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-date.h"
#include "ally-lesson-place.h"
#include "ally-lesson-text.h"
#include "ally-lesson-view-private.h"
#include "ally-prompt-row.h"
#include "ally-report.h"
#include "ally-reveal-queue.h"
#include "ally-scenario-card.h"
#include "ally-search.h"


G_DEFINE_FINAL_TYPE (AllyLessonView, ally_lesson_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LESSON,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TERM_ACTIVATED,
  LESSON_COMPLETED,
  PROMPT_ACTIVATED,
  SCENARIO_ACTIVATED,
  NEXT_LESSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

AllyLessonView *
ally_lesson_view_new (void)
{
  return g_object_new (ALLY_TYPE_LESSON_VIEW, NULL);
}

AllyLesson *
ally_lesson_view_get_lesson (AllyLessonView *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), NULL);

  return self->lesson;
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

static void
add_section (AllyLessonView *self,
             AllySection    *section)
{
  GListModel *blocks = ally_section_get_blocks (section);
  g_autofree char *heading = g_markup_escape_text (ally_section_get_heading (section), -1);
  g_autofree char *cites = ally_lesson_cites_markup (ally_section_get_cites (section));
  GtkWidget *label;

  label = ally_lesson_label_new (heading, "title-3");
  gtk_widget_set_margin_top (label, 18);
  /* Under the lesson's title (level 1): a section is level 2. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (self->sections_box, label);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(AllyBlock) block = g_list_model_get_item (blocks, i);
      gtk_box_append (self->sections_box, ally_lesson_block_new (block));
    }

  gtk_box_append (self->sections_box, ally_lesson_label_new (cites, "lesson-cites"));
}

/* Shows whether the person has written about @button's prompt: then it opens that entry. */
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

static void
update_journal_buttons (AllyLessonView *self)
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

static void
add_scenario (AllyLessonView *self,
              AllyScenario   *scenario)
{
  GtkWidget *card = ally_scenario_card_new (scenario);

  track_journal_button (self, ally_scenario_card_get_journal_button (ALLY_SCENARIO_CARD (card)));
  gtk_box_append (self->scenarios_box, card);
}

static void
fill_prompt_list (AllyLessonView *self,
                  GtkListBox     *list,
                  GListModel     *prompts)
{
  for (guint i = 0; i < g_list_model_get_n_items (prompts); i++)
    {
      g_autoptr(AllyPrompt) prompt = g_list_model_get_item (prompts, i);
      GtkWidget *row = ally_prompt_row_new (prompt);
      AllyJournalButton *button = ally_prompt_row_get_journal_button (ALLY_PROMPT_ROW (row));

      if (button != NULL)
        track_journal_button (self, button);
      gtk_list_box_append (list, row);
      /* A list row is announced by its name: the prompt's text. */
      ally_accessible_name_row (row, ally_prompt_get_text (prompt));
    }
}
static void
fill_sources (AllyLessonView *self)
{
  GListModel *cites = ally_lesson_get_cites (self->lesson);

  for (guint i = 0; i < g_list_model_get_n_items (cites); i++)
    {
      g_autoptr(AllyCite) cite = g_list_model_get_item (cites, i);
      AllySource *source = ally_cite_get_source (cite);
      g_autofree char *citation = source ? ally_source_format_citation (source)
                                         : g_strdup (ally_cite_get_source_id (cite));
      g_autofree char *escaped = g_markup_escape_text (citation, -1);

      gtk_box_append (self->sources_box, ally_lesson_bullet_row (escaped, "lesson-source"));
    }
}

static void
clear_page (AllyLessonView *self)
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
}

static void
add_children (GPtrArray *parts,
              GtkWidget *container)
{
  for (GtkWidget *child = gtk_widget_get_first_child (container); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (parts, child);
}

/* The page's parts in reading order, for the reveal queue to show a screenful first. */
static GPtrArray *
page_parts (AllyLessonView *self)
{
  GPtrArray *parts = g_ptr_array_new ();

  add_children (parts, GTK_WIDGET (self->sections_box));
  add_children (parts, GTK_WIDGET (self->key_points_box));
  add_children (parts, GTK_WIDGET (self->quiz));
  add_children (parts, GTK_WIDGET (self->scenarios_box));
  add_children (parts, GTK_WIDGET (self->reflections_list));
  add_children (parts, GTK_WIDGET (self->commitments_list));
  add_children (parts, GTK_WIDGET (self->sources_box));

  return parts;
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

static void
fill_page (AllyLessonView *self)
{
  GListModel *sections = ally_lesson_get_sections (self->lesson);
  GListModel *key_points = ally_lesson_get_key_points (self->lesson);
  GListModel *scenarios = ally_lesson_get_scenarios (self->lesson);
  g_autoptr(GPtrArray) parts = NULL;

  fill_header (self);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AllySection) section = g_list_model_get_item (sections, i);
      add_section (self, section);
    }

  for (guint i = 0; i < g_list_model_get_n_items (key_points); i++)
    {
      g_autoptr(AllyBlock) point = g_list_model_get_item (key_points, i);
      gtk_box_append (self->key_points_box, ally_lesson_bullet_row (ally_block_get_markup (point),
                                                                    "lesson-text"));
    }

  ally_lesson_quiz_show (self->quiz, self->lesson, self->journal);

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(AllyScenario) scenario = g_list_model_get_item (scenarios, i);
      add_scenario (self, scenario);
    }
  gtk_widget_set_visible (self->scenarios_heading, g_list_model_get_n_items (scenarios) > 0);

  fill_prompt_list (self, self->reflections_list, ally_lesson_get_reflections (self->lesson));
  fill_prompt_list (self, self->commitments_list, ally_lesson_get_commitments (self->lesson));
  fill_sources (self);
  ally_lesson_view_update_completion (self);
  ally_accessible_name_controls (GTK_WIDGET (self));

  parts = page_parts (self);
  ally_reveal_queue_start (self->reveal, parts);
}

static void
on_place_moved (AllyLessonPlace *place,
                int              position,
                AllyLessonView  *self)
{
  g_autoptr(GError) error = NULL;

  if (self->journal == NULL || self->lesson == NULL)
    return;

  if (!ally_journal_set_lesson_position (self->journal, ally_lesson_get_id (self->lesson),
                                         position, &error))
    ally_report_failure (GTK_WIDGET (self), _("Your place in the lesson was not saved"), error);
}

/* Where the reader left the lesson (thousandths of the page), or -1 for its top. */
static int
saved_position (AllyLessonView *self)
{
  g_auto(AllyLessonState) state = { 0 };

  if (self->journal == NULL || self->lesson == NULL ||
      !ally_journal_get_lesson_state (self->journal, ally_lesson_get_id (self->lesson), &state, NULL))
    return -1;

  return state.position > 0 ? state.position : -1;
}

static void
mark_read (AllyLessonView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->lesson != NULL && self->journal != NULL &&
      !ally_journal_read_lesson (self->journal, ally_lesson_get_id (self->lesson), &error))
    ally_report_failure (GTK_WIDGET (self), _("Your progress was not saved"), error);
}

void
ally_lesson_view_set_lesson (AllyLessonView *self,
                             AllyLesson     *lesson)
{
  int position;

  g_return_if_fail (ALLY_IS_LESSON_VIEW (self));
  g_return_if_fail (!lesson || ALLY_IS_LESSON (lesson));

  if (self->lesson == lesson)
    return;

  /* Keep the place in the lesson being left. */
  ally_lesson_place_flush (self->place);
  ally_lesson_place_stop (self->place);
  g_set_object (&self->lesson, lesson);
  position = saved_position (self);

  clear_page (self);
  if (lesson != NULL)
    fill_page (self);
  /* An empty heading would be announced by its class name ("GtkLabel"). */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), lesson != NULL);
  mark_read (self);

  if (position >= 0)
    {
      /* Going back to a place in the page needs the whole page's height. */
      ally_reveal_queue_finish (self->reveal);
      ally_lesson_place_go_to (self->place, position);
    }
  else
    ally_lesson_place_show_top (self->place);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSON]);
}

/**
 * ally_lesson_view_is_page_shown:
 *
 * Whether every part of the lesson's page is shown: the parts below its first screenful are
 * shown over the frames after the lesson is set.
 */
gboolean
ally_lesson_view_is_page_shown (AllyLessonView *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), FALSE);

  return ally_reveal_queue_is_done (self->reveal);
}

/**
 * ally_lesson_view_is_settled:
 *
 * Whether the page shows what the reader will read: not still going back to a saved place
 * or to a term.
 */
gboolean
ally_lesson_view_is_settled (AllyLessonView *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), FALSE);

  return ally_lesson_place_is_settled (self->place);
}

/**
 * ally_lesson_view_scroll_to_top:
 *
 * Shows the lesson from its beginning rather than at the place it was left.
 */
void
ally_lesson_view_scroll_to_top (AllyLessonView *self)
{
  g_return_if_fail (ALLY_IS_LESSON_VIEW (self));

  ally_lesson_place_show_top (self->place);
}

/**
 * ally_lesson_view_reveal_term:
 * @term_id: a glossary term's id
 *
 * Scrolls the lesson so that the first paragraph linking to @term_id is near the top, once
 * the page is laid out, instead of at the place the lesson was left.
 *
 * Returns: %FALSE when the lesson's text does not link to the term
 */
gboolean
ally_lesson_view_reveal_term (AllyLessonView *self,
                              const char     *term_id)
{
  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), FALSE);
  g_return_val_if_fail (term_id != NULL, FALSE);

  ally_reveal_queue_finish (self->reveal);
  return self->lesson != NULL && ally_lesson_place_go_to_term (self->place, term_id);
}

/**
 * ally_lesson_view_reveal_text:
 * @text: a text of the lesson, as a course search found it (AllyCourseMatch)
 * @query: what was searched for
 *
 * Scrolls the lesson so that @text is near the top, and highlights it (the CSS class
 * "search-match") until another lesson is shown.
 *
 * Returns: %FALSE when the page does not show @text
 */
gboolean
ally_lesson_view_reveal_text (AllyLessonView *self,
                              const char     *text,
                              const char     *query)
{
  GtkWidget *label;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), FALSE);
  g_return_val_if_fail (text != NULL && query != NULL, FALSE);

  /* The whole page, not only its first screenful. */
  ally_reveal_queue_finish (self->reveal);

  folded = ally_search_fold (query);
  label = ally_lesson_find_text_label (GTK_WIDGET (self->scroller), text, folded);
  if (label == NULL)
    return FALSE;

  if (self->search_match != NULL)
    gtk_widget_remove_css_class (self->search_match, "search-match");
  g_set_weak_pointer (&self->search_match, label);
  gtk_widget_add_css_class (label, "search-match");
  ally_lesson_place_go_to_widget (self->place, label);
  return TRUE;
}

/**
 * ally_lesson_view_retry_missed:
 *
 * Takes back the wrong answers of the quiz, so that those questions (and only those) can be
 * answered again, and shows the first of them with the keyboard on its first choice.
 *
 * Returns: %FALSE when no answer is wrong
 */
gboolean
ally_lesson_view_retry_missed (AllyLessonView *self)
{
  AllyQuizQuestion *first;

  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), FALSE);

  /* The quiz is at the end of the page: lay all of it out now. */
  ally_reveal_queue_finish (self->reveal);
  first = ally_lesson_quiz_retry_missed (self->quiz);
  if (first == NULL)
    return FALSE;

  /* The question's card: its stem and all its choices. */
  ally_lesson_place_go_to_widget (self->place, GTK_WIDGET (first));
  ally_quiz_question_focus_first (first);
  return TRUE;
}

/**
 * ally_lesson_view_set_next_title:
 * @title: (nullable): the next lesson's title, or %NULL after the last lesson
 *
 * Ends the lesson with a button to the next one (AllyLessonView::next-lesson).
 */
void
ally_lesson_view_set_next_title (AllyLessonView *self,
                                 const char     *title)
{
  g_return_if_fail (ALLY_IS_LESSON_VIEW (self));

  gtk_label_set_label (self->next_title_label, title ? title : "");
  gtk_widget_set_visible (self->next_box, title != NULL);
  /* The button's name is "Next Lesson"; a screen reader also hears which one. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (self->next_box)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title ? title : "", -1);
}

static void
on_journal_entry_changed (AllyJournal    *journal,
                          gint64          id,
                          int             change,
                          AllyLessonView *self)
{
  if (change != ALLY_ENTRY_CHANGE_EDITED)
    update_journal_buttons (self);
}

AllyJournal *
ally_lesson_view_get_journal (AllyLessonView *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), NULL);

  return self->journal;
}

/* With a journal, answers and progress are kept; the page is laid out again to show them. */
void
ally_lesson_view_set_journal (AllyLessonView *self,
                              AllyJournal    *journal)
{
  g_autoptr(AllyLesson) lesson = NULL;

  g_return_if_fail (ALLY_IS_LESSON_VIEW (self));
  g_return_if_fail (!journal || ALLY_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  if (self->journal != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->journal, on_journal_entry_changed, self);
      g_signal_handlers_disconnect_by_func (self->journal, update_journal_buttons, self);
    }
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    {
      g_signal_connect_object (journal, "entry-changed", G_CALLBACK (on_journal_entry_changed),
                               self, 0);
      g_signal_connect_object (journal, "entries-reset", G_CALLBACK (update_journal_buttons),
                               self, G_CONNECT_SWAPPED);
    }

  lesson = self->lesson ? g_object_ref (self->lesson) : NULL;
  ally_lesson_view_set_lesson (self, NULL);
  ally_lesson_view_set_lesson (self, lesson);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

static void
ally_lesson_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      g_value_set_object (value, self->lesson);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_lesson_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      ally_lesson_view_set_lesson (self, g_value_get_object (value));
      break;

    case PROP_JOURNAL:
      ally_lesson_view_set_journal (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_lesson_view_dispose (GObject *object)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (object);

  if (self->place != NULL)
    ally_lesson_place_flush (self->place);
  g_clear_weak_pointer (&self->search_match);
  g_clear_object (&self->place);
  g_clear_object (&self->reveal);
  g_clear_pointer (&self->journal_buttons, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_LESSON_VIEW);
  g_clear_object (&self->lesson);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (ally_lesson_view_parent_class)->dispose (object);
}

static void
ally_lesson_view_class_init (AllyLessonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ally_lesson_view_get_property;
  object_class->set_property = ally_lesson_view_set_property;
  object_class->dispose = ally_lesson_view_dispose;

  properties[PROP_LESSON] =
    g_param_spec_object ("lesson", NULL, NULL,
                         ALLY_TYPE_LESSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         ALLY_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AllyLessonView::lesson-completed:
   * @lesson_id: the lesson the person marked as finished, or as not finished again
   */
  signals[LESSON_COMPLETED] =
    g_signal_new ("lesson-completed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * AllyLessonView::prompt-activated:
   * @prompt: a reflection to write about, or a commitment to adopt
   */
  signals[PROMPT_ACTIVATED] =
    g_signal_new ("prompt-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ALLY_TYPE_PROMPT);

  /**
   * AllyLessonView::scenario-activated:
   * @scenario: a practice scenario the person wants to answer in their journal
   */
  signals[SCENARIO_ACTIVATED] =
    g_signal_new ("scenario-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ALLY_TYPE_SCENARIO);

  /**
   * AllyLessonView::next-lesson:
   *
   * The person finished reading and asks for the next lesson.
   */
  signals[NEXT_LESSON] =
    g_signal_new ("next-lesson", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AllyLessonView::term-activated:
   * @term_id: the glossary term's id
   * @label: the label whose link was activated, to point a popover at
   */
  signals[TERM_ACTIVATED] =
    g_signal_new ("term-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, GTK_TYPE_WIDGET);

  g_type_ensure (ALLY_TYPE_LESSON_QUIZ);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lessonview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-lesson-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, number_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, sections_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, key_points_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, quiz_heading);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, quiz);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, scenarios_heading);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, scenarios_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, reflections_list);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, commitments_list);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, sources_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, complete_button);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, completed_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, uncomplete_button);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, next_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, next_title_label);

  ally_lesson_view_class_install_actions (widget_class);
}

static void
ally_lesson_view_init (AllyLessonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->journal_buttons = g_ptr_array_new ();
  self->reveal = ally_reveal_queue_new (GTK_WIDGET (self));
  self->place = ally_lesson_place_new (self->scroller);
  g_signal_connect_object (self->place, "moved", G_CALLBACK (on_place_moved), self, 0);
}
