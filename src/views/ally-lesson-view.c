/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-view.c: lays out one lesson as a readable page and runs its self-check quiz. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-lesson-place.h"
#include "ally-lesson-text.h"
#include "ally-lesson-view-private.h"
#include "ally-report.h"
#include "ally-reveal-queue.h"
#include "ally-scroll-column.h"
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

AllyLesson *
ally_lesson_view_get_lesson (AllyLessonView *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), NULL);

  return self->lesson;
}

static void
on_place_moved (AllyLessonPlace *place,
                double           offset,
                AllyLessonView  *self)
{
  g_autoptr(GError) error = NULL;

  if (self->journal == NULL || self->lesson == NULL)
    return;

  if (!ally_journal_set_lesson_position (self->journal, ally_lesson_get_id (self->lesson),
                                         ally_lesson_view_place_at (self, offset), &error))
    ally_report_failure (GTK_WIDGET (self), _("Your place in the lesson was not saved"), error);
}

/* Where the reader left the lesson (ally_lesson_view_place_at()), or -1 for its top. */
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

  ally_lesson_view_clear_page (self);
  if (lesson != NULL)
    ally_lesson_view_fill_page (self);
  /* An empty heading would be announced by its class name ("GtkLabel"). */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), lesson != NULL);
  mark_read (self);

  if (position >= 0)
    ally_lesson_view_go_to_place (self, position);
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
    ally_lesson_view_update_journal_buttons (self);
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
      g_signal_handlers_disconnect_by_func (self->journal, ally_lesson_view_update_journal_buttons,
                                            self);
    }
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    {
      g_signal_connect_object (journal, "entry-changed", G_CALLBACK (on_journal_entry_changed),
                               self, 0);
      g_signal_connect_object (journal, "entries-reset",
                               G_CALLBACK (ally_lesson_view_update_journal_buttons), self,
                               G_CONNECT_SWAPPED);
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

/* Once the parts above a place gone back to are all shown, the place's part can move again. */
static void
on_page_shown (AllyLessonView *self)
{
  if (ally_reveal_queue_is_done (self->reveal))
    ally_lesson_place_release (self->place);
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
  g_clear_pointer (&self->parts, g_ptr_array_unref);
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
  g_type_ensure (ALLY_TYPE_SCROLL_COLUMN);
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
  self->parts = g_ptr_array_new ();
  self->reveal = ally_reveal_queue_new (GTK_WIDGET (self));
  self->place = ally_lesson_place_new (self->scroller);
  g_signal_connect_object (self->place, "moved", G_CALLBACK (on_place_moved), self, 0);
  g_signal_connect_object (self->reveal, "notify::done", G_CALLBACK (on_page_shown), self,
                           G_CONNECT_SWAPPED);
}
