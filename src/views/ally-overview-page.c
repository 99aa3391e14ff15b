/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-overview-page.c: the overview. Everything it shows comes from one journal call
 * (ally_journal_get_overview), made each time the page is shown; the lessons' titles and
 * reading times come from the catalog. Minutes left are the sum of the reading times the
 * course gives each lesson (<minutes> in its XML) over the lessons not finished. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-due-commitment-row.h"
#include "ally-journal-lock.h"
#include "ally-journal-overview.h"
#include "ally-overview-page.h"
#include "ally-quiz-result-row.h"
#include "ally-reflection-row.h"
#include "ally-study-calendar.h"

/* How many weeks the calendar of days studied shows. */
#define CALENDAR_WEEKS 5

struct _AllyOverviewPage
{
  GtkWidget            parent_instance;

  AllyCatalog         *catalog;
  AllyJournal         *journal;
  GSettings           *settings;
  AllyJournalOverview *overview;
  GDateTime           *now;
  gint64               read_at_us;  /* when the journal was last read (monotonic) */
  guint64              read_stamp;  /* ally_journal_get_change_stamp() then */
  char                *continue_id;

  GtkWidget           *scroller;
  GtkWidget           *reminder_box;
  GtkWidget           *continue_box;
  GtkLabel            *continue_label;
  GtkLabel            *progress_label;
  GtkLevelBar         *progress_bar;
  GtkLabel            *minutes_label;
  AdwActionRow        *reviews_row;
  GtkWidget           *review_button;
  GtkListBox          *commitments_list;
  GtkLabel            *commitments_label;
  GtkWidget           *quizzes_box;
  GtkListBox          *quiz_list;
  GtkWidget           *reflections_box;
  GtkListBox          *reflections_list;
  AllyStudyCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (AllyOverviewPage, ally_overview_page, GTK_TYPE_WIDGET)

enum {
  OPEN_LESSON,
  RETRY_MISSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (AllyOverviewPage *self,
            const GError     *error)
{
  /* Translators: %s is the reason */
  g_autofree char *message = g_strdup_printf (_("Your overview could not be shown: %s"),
                                              error->message);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

/* The lesson read last or, before any, the first one. */
static AllyLesson *
lesson_to_continue (AllyOverviewPage *self)
{
  const char *last = ally_journal_overview_get_last_lesson_id (self->overview);
  AllyLesson *lesson = last ? ally_catalog_lookup_lesson (self->catalog, last) : NULL;
  GListModel *lessons = ally_catalog_get_lessons (self->catalog);

  if (lesson == NULL && g_list_model_get_n_items (lessons) > 0)
    {
      g_autoptr(AllyLesson) first = g_list_model_get_item (lessons, 0);
      lesson = first;
    }
  return lesson;
}

static void
fill_continue (AllyOverviewPage *self)
{
  AllyLesson *lesson = lesson_to_continue (self);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->continue_box, lesson != NULL);
  g_clear_pointer (&self->continue_id, g_free);
  if (lesson == NULL)
    return;

  self->continue_id = g_strdup (ally_lesson_get_id (lesson));
  /* Translators: %u is the lesson's number, %s its title */
  text = g_strdup_printf (_("Lesson %u: %s"), ally_lesson_get_number (lesson),
                          ally_lesson_get_title (lesson));
  gtk_label_set_label (self->continue_label, text);
}

static void
fill_progress (AllyOverviewPage *self)
{
  GListModel *lessons = ally_catalog_get_lessons (self->catalog);
  guint n_lessons = g_list_model_get_n_items (lessons);
  guint n_finished = 0, minutes_left = 0;
  g_autofree char *progress = NULL;
  g_autofree char *minutes = NULL;

  for (guint i = 0; i < n_lessons; i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);

      if (ally_journal_overview_is_finished (self->overview, ally_lesson_get_id (lesson)))
        n_finished++;
      else
        minutes_left += ally_lesson_get_minutes (lesson);
    }

  /* Translators: the first %u is how many lessons are finished, the second how many the
   * course has */
  progress = g_strdup_printf (ngettext ("%u of %u lesson finished", "%u of %u lessons finished",
                                        n_lessons), n_finished, n_lessons);
  if (minutes_left == 0)
    minutes = g_strdup (_("You have finished every lesson."));
  else
    /* Translators: %u is a number of minutes, from the lessons' reading times */
    minutes = g_strdup_printf (ngettext ("About %u minute of reading left",
                                         "About %u minutes of reading left", minutes_left),
                               minutes_left);
  gtk_label_set_label (self->progress_label, progress);
  gtk_level_bar_set_max_value (self->progress_bar, MAX (n_lessons, 1));
  gtk_level_bar_set_value (self->progress_bar, n_finished);
  gtk_label_set_label (self->minutes_label, minutes);
}

static GtkWidget *
create_commitment_row (gpointer item,
                       gpointer user_data)
{
  AllyOverviewPage *self = user_data;

  return ally_due_commitment_row_new (item, self->now);
}

static void
fill_due (AllyOverviewPage *self)
{
  guint n_cards = ally_journal_overview_get_n_reviews_due (self->overview);
  GListModel *commitments = ally_journal_overview_get_due_commitments (self->overview);
  guint n_shown = g_list_model_get_n_items (commitments);
  guint n_due = ally_journal_overview_get_n_due_commitments (self->overview);
  g_autofree char *cards = NULL;
  g_autofree char *more = NULL;

  if (n_cards == 0)
    cards = g_strdup (_("No cards to review now"));
  else
    cards = g_strdup_printf (ngettext ("%u card to review", "%u cards to review", n_cards), n_cards);
  adw_action_row_set_subtitle (self->reviews_row, cards);
  gtk_widget_set_sensitive (self->review_button, n_cards > 0);

  gtk_list_box_bind_model (self->commitments_list, commitments, create_commitment_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->commitments_list), n_shown > 0);
  if (n_due == 0)
    more = g_strdup (_("No commitments are due."));
  else if (n_due > n_shown)
    /* Translators: %u is how many due commitments the list above does not show */
    more = g_strdup_printf (ngettext ("And %u more in Practice.", "And %u more in Practice.",
                                      n_due - n_shown), n_due - n_shown);
  gtk_label_set_label (self->commitments_label, more ? more : "");
  gtk_widget_set_visible (GTK_WIDGET (self->commitments_label), more != NULL);
}

static GtkWidget *
create_quiz_row (gpointer item,
                 gpointer user_data)
{
  AllyOverviewPage *self = user_data;
  AllyQuizResult *result = item;
  AllyLesson *lesson = ally_catalog_lookup_lesson (self->catalog,
                                                   ally_quiz_result_get_quiz_id (result));

  return ally_quiz_result_row_new (lesson, result);
}

/* The quizzes answered, in course order (a quiz is a lesson's, under its id). */
static void
fill_quizzes (AllyOverviewPage *self)
{
  GListModel *lessons = ally_catalog_get_lessons (self->catalog);
  g_autoptr(GListStore) results = g_list_store_new (ALLY_TYPE_QUIZ_RESULT);

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
      AllyQuizResult *result = ally_journal_overview_lookup_quiz_result (self->overview,
                                                                         ally_lesson_get_id (lesson));

      if (result != NULL)
        g_list_store_append (results, result);
    }
  gtk_list_box_bind_model (self->quiz_list, G_LIST_MODEL (results), create_quiz_row, self, NULL);
  gtk_widget_set_visible (self->quizzes_box, g_list_model_get_n_items (G_LIST_MODEL (results)) > 0);
}

static GtkWidget *
create_reflection_row (gpointer item,
                       gpointer user_data)
{
  return ally_reflection_row_new (item);
}

static void
fill_reflections (AllyOverviewPage *self)
{
  GListModel *reflections = ally_journal_overview_get_reflections (self->overview);

  gtk_list_box_bind_model (self->reflections_list, reflections, create_reflection_row, NULL, NULL);
  gtk_widget_set_visible (self->reflections_box, g_list_model_get_n_items (reflections) > 0);
}

/**
 * ally_overview_page_refresh:
 *
 * Reads the journal again and shows what it says now.
 */
void
ally_overview_page_refresh (AllyOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  guint n_days;

  g_return_if_fail (ALLY_IS_OVERVIEW_PAGE (self));

  if (self->journal == NULL || self->catalog == NULL)
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_new_now_local ();
  n_days = ally_study_calendar_days_for (self->now, CALENDAR_WEEKS);
  g_clear_object (&self->overview);
  self->overview = ally_journal_get_overview (self->journal, self->now, n_days, &error);
  if (self->overview == NULL)
    {
      show_error (self, error);
      return;
    }
  self->read_at_us = g_get_monotonic_time ();
  self->read_stamp = ally_journal_get_change_stamp (self->journal);

  fill_continue (self);
  fill_progress (self);
  fill_due (self);
  fill_quizzes (self);
  fill_reflections (self);
  ally_study_calendar_show (self->calendar, self->overview, self->now);
  ally_accessible_name_controls (GTK_WIDGET (self));
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AllyOverviewPage *self = ALLY_OVERVIEW_PAGE (widget);

  if (self->continue_id != NULL)
    g_signal_emit (self, signals[OPEN_LESSON], 0, self->continue_id);
}

static void
retry_missed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[RETRY_MISSED], 0, g_variant_get_string (parameter, NULL));
}

/* The learner's answer to "Remind me…?": asked once, whatever the answer. */
static void
enable_reminders_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AllyOverviewPage *self = ALLY_OVERVIEW_PAGE (widget);

  g_settings_set_boolean (self->settings, "reminders-enabled", TRUE);
  g_settings_set_boolean (self->settings, "reminders-asked", TRUE);
}

static void
dismiss_reminders_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AllyOverviewPage *self = ALLY_OVERVIEW_PAGE (widget);

  g_settings_set_boolean (self->settings, "reminders-asked", TRUE);
}

void
ally_overview_page_set_catalog (AllyOverviewPage *self,
                                AllyCatalog      *catalog)
{
  g_return_if_fail (ALLY_IS_OVERVIEW_PAGE (self));

  if (g_set_object (&self->catalog, catalog) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    ally_overview_page_refresh (self);
}

/* The journal locked (ally-journal-lock.h): the reflections and commitments shown, text the
 * person wrote, are dropped; the page reads them again when it is next shown, unlocked. */
static void
on_lock_changed (AllyOverviewPage *self)
{
  if (self->journal == NULL || ally_journal_is_unlocked (self->journal))
    return;
  gtk_list_box_bind_model (self->reflections_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->commitments_list, NULL, NULL, NULL, NULL);
  gtk_widget_set_visible (self->reflections_box, FALSE);
  g_clear_object (&self->overview);
}

void
ally_overview_page_set_journal (AllyOverviewPage *self,
                                AllyJournal      *journal)
{
  g_return_if_fail (ALLY_IS_OVERVIEW_PAGE (self));

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, on_lock_changed, self);
  if (journal != NULL)
    g_signal_connect_object (journal, "lock-changed", G_CALLBACK (on_lock_changed), self,
                             G_CONNECT_SWAPPED);
  if (g_set_object (&self->journal, journal) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    ally_overview_page_refresh (self);
}

/* Whether the page read the journal a moment ago and nothing was written since: at start-up,
 * Learn reads it just before the window is shown, and so mapped. */
static gboolean
read_just_now (AllyOverviewPage *self)
{
  return self->overview != NULL && self->journal != NULL &&
         g_get_monotonic_time () - self->read_at_us < G_USEC_PER_SEC &&
         ally_journal_get_change_stamp (self->journal) == self->read_stamp;
}

/* Shown again: what was done elsewhere since (a lesson finished, a card reviewed) counts. */
static void
ally_overview_page_map (GtkWidget *widget)
{
  AllyOverviewPage *self = ALLY_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (ally_overview_page_parent_class)->map (widget);

  if (!read_just_now (self))
    ally_overview_page_refresh (self);
}

static void
ally_overview_page_dispose (GObject *object)
{
  AllyOverviewPage *self = ALLY_OVERVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);
  g_clear_object (&self->settings);
  g_clear_object (&self->overview);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->continue_id, g_free);

  G_OBJECT_CLASS (ally_overview_page_parent_class)->dispose (object);
}

static void
ally_overview_page_class_init (AllyOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_overview_page_dispose;
  widget_class->map = ally_overview_page_map;

  /**
   * AllyOverviewPage::open-lesson:
   * @lesson_id: the lesson to open at the place it was left
   */
  signals[OPEN_LESSON] =
    g_signal_new ("open-lesson", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * AllyOverviewPage::retry-missed:
   * @lesson_id: the lesson whose missed quiz questions the learner wants to answer again
   */
  signals[RETRY_MISSED] =
    g_signal_new ("retry-missed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ALLY_TYPE_STUDY_CALENDAR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "overviewpage");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, reminder_box);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, continue_box);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, continue_label);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, reviews_row);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, review_button);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, commitments_list);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, commitments_label);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, quizzes_box);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, quiz_list);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, reflections_box);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, reflections_list);
  gtk_widget_class_bind_template_child (widget_class, AllyOverviewPage, calendar);

  gtk_widget_class_install_action (widget_class, "overview.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "overview.retry-missed", "s", retry_missed_action);
  gtk_widget_class_install_action (widget_class, "overview.enable-reminders", NULL,
                                   enable_reminders_action);
  gtk_widget_class_install_action (widget_class, "overview.dismiss-reminders", NULL,
                                   dismiss_reminders_action);
}

static void
ally_overview_page_init (AllyOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  /* The question is asked once: it goes away for good with either answer. */
  g_settings_bind (self->settings, "reminders-asked", self->reminder_box, "visible",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_INVERT_BOOLEAN);
}
