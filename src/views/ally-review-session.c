/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-review-session.c: a review session. The cards due today come one at a time: a glossary
 * term to recall (its definition shown on request) or a missed quiz question asked again with
 * its choices. Each is graded Again, Hard, Good or Easy, and each grade button shows the
 * interval SM-2 would give. "Again" brings the card back a few cards later; as in SM-2's own
 * rule, that repeat is practice and leaves the schedule as the first answer set it. The end
 * shows how many cards each of the coming days holds. The card (AllyReviewCard), its answers
 * (AllyGradeBar) and the last page (AllyReviewDonePage) are widgets of their own; this file
 * keeps the queue, the journal and the actions.
 *
 * Cards come from reading: once a lesson is finished, the terms its text uses are cards
 * (AllyJournal::lesson-completed, and again at each start for lessons finished before). */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-grade-bar.h"
#include "ally-journal-cards.h"
#include "ally-journal-progress.h"
#include "ally-review-card.h"
#include "ally-review-done-page.h"
#include "ally-review-session.h"

/* A card answered "Again" comes back after this many other cards (sooner at the end). */
#define AGAIN_GAP 3
#define FORECAST_DAYS 7

struct _AllyReviewSession
{
  GtkWidget           parent_instance;

  AllyCatalog        *catalog;
  AllyJournal        *journal;

  GPtrArray          *queue;        /* card ids in the order asked; "Again" adds a repeat */
  guint               position;
  GHashTable         *graded;       /* card ids graded in this session: repeats are practice */
  guint               n_reviewed;

  AdwToastOverlay    *toast_overlay;
  GtkStack           *review_stack;
  GtkLabel           *progress_label;
  AllyReviewCard     *card;
  GtkStack           *answer_stack;
  GtkWidget          *show_button;
  GtkLabel           *save_error_label;
  AllyGradeBar       *grade_bar;
  AllyReviewDonePage *done_page;
  AdwStatusPage      *error_page;
};

G_DEFINE_FINAL_TYPE (AllyReviewSession, ally_review_session, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Cards from reading ------------------------------------------------------------------ */

static gboolean
term_used_in (AllyCatalog *catalog,
              AllyTerm    *term,
              const char  *lesson_id)
{
  g_autoptr(GListModel) lessons = ally_catalog_list_lessons_for_term (catalog, ally_term_get_id (term));

  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);

      if (g_strcmp0 (ally_lesson_get_id (lesson), lesson_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Adds the ids of the terms @lesson_id's text uses to @card_ids, in glossary order. */
static void
collect_lesson_terms (AllyReviewSession *self,
                      const char        *lesson_id,
                      GStrvBuilder      *card_ids)
{
  GListModel *terms = ally_catalog_get_terms (self->catalog);

  for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
    {
      g_autoptr(AllyTerm) term = g_list_model_get_item (terms, i);

      if (term_used_in (self->catalog, term, lesson_id))
        {
          g_autofree char *card_id = ally_card_id_for_term (ally_term_get_id (term));

          g_strv_builder_add (card_ids, card_id);
        }
    }
}

static gboolean
add_cards (AllyReviewSession  *self,
           GStrvBuilder       *card_ids,
           GError            **error)
{
  g_auto(GStrv) ids = g_strv_builder_end (card_ids);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return ally_journal_add_cards (self->journal, (const char * const *) ids, now, error);
}

gboolean
ally_review_session_add_read_terms (AllyReviewSession  *self,
                                    GError            **error)
{
  g_autoptr(GStrvBuilder) card_ids = g_strv_builder_new ();
  GListModel *lessons;

  g_return_val_if_fail (ALLY_IS_REVIEW_SESSION (self), FALSE);
  if (self->catalog == NULL || self->journal == NULL)
    return TRUE;

  lessons = ally_catalog_get_lessons (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);
      g_auto(AllyLessonState) state = { 0 };

      if (!ally_journal_get_lesson_state (self->journal, ally_lesson_get_id (lesson), &state, error))
        return FALSE;
      if (state.completed_at != NULL)
        collect_lesson_terms (self, ally_lesson_get_id (lesson), card_ids);
    }
  return add_cards (self, card_ids, error);
}

static void
on_lesson_completed (AllyJournal       *journal,
                     const char        *lesson_id,
                     AllyReviewSession *self)
{
  g_autoptr(GStrvBuilder) card_ids = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;

  if (self->catalog == NULL)
    return;
  collect_lesson_terms (self, lesson_id, card_ids);
  /* Not worth interrupting the lesson for: the next review start adds them again. */
  if (!add_cards (self, card_ids, &error))
    g_debug ("The terms of %s did not become cards yet: %s", lesson_id, error->message);
}

/* ---- The card shown ---------------------------------------------------------------------- */

static AllyQuestion *
lookup_question (AllyReviewSession *self,
                 const char        *card_id)
{
  g_autofree char *quiz_id = NULL;
  g_autofree char *question_id = NULL;
  AllyLesson *lesson;
  GListModel *questions;

  if (!ally_card_id_parse_question (card_id, &quiz_id, &question_id) ||
      (lesson = ally_catalog_lookup_lesson (self->catalog, quiz_id)) == NULL)
    return NULL;

  questions = ally_lesson_get_questions (lesson);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(AllyQuestion) question = g_list_model_get_item (questions, i);

      if (g_strcmp0 (ally_question_get_id (question), question_id) == 0)
        return question;
    }
  return NULL;
}

static AllyTerm *
lookup_term (AllyReviewSession *self,
             const char        *card_id)
{
  if (!g_str_has_prefix (card_id, ALLY_CARD_TERM_PREFIX))
    return NULL;
  return ally_catalog_lookup_term (self->catalog, card_id);
}

static const char *
current_card (AllyReviewSession *self)
{
  if (self->queue == NULL || self->position >= self->queue->len)
    return NULL;
  return g_ptr_array_index (self->queue, self->position);
}

/* Under each answer: how long until the card comes back if given that answer. A repeat after
 * "Again" keeps the schedule its first answer set, so its buttons show that. */
static void
show_intervals (AllyReviewSession *self,
                const char        *card_id)
{
  g_autoptr(GError) error = NULL;
  AllySm2State state;

  ally_sm2_init (&state);
  if (!ally_journal_get_card (self->journal, card_id, &state, NULL, &error))
    ally_sm2_init (&state);
  ally_grade_bar_set_intervals (self->grade_bar, &state, g_hash_table_contains (self->graded, card_id));
}

static void
show_term_card (AllyReviewSession *self,
                AllyTerm          *term)
{
  ally_review_card_show_term (self->card, term);
  gtk_stack_set_visible_child_name (self->answer_stack, "show");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-answer", TRUE);
  gtk_widget_grab_focus (self->show_button);
}

static void
show_question_card (AllyReviewSession *self,
                    AllyQuestion      *question)
{
  ally_review_card_show_question (self->card, question);
  gtk_stack_set_visible_child_name (self->answer_stack, "choose");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.choose", TRUE);
  ally_review_card_focus_choices (self->card);
}

static void
finish_review (AllyReviewSession *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) forecast = ally_journal_forecast_reviews (self->journal, now, FORECAST_DAYS, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-answer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.grade", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.choose", FALSE);
  ally_review_done_page_show (self->done_page, self->n_reviewed, now, forecast);
  gtk_stack_set_visible_child_name (self->review_stack, "done");
}

static void
show_current_card (AllyReviewSession *self)
{
  const char *card_id;
  AllyTerm *term = NULL;
  AllyQuestion *question = NULL;
  g_autofree char *progress = NULL;

  /* Skip any card the course no longer has (a course update). */
  while ((card_id = current_card (self)) != NULL &&
         (term = lookup_term (self, card_id)) == NULL &&
         (question = lookup_question (self, card_id)) == NULL)
    self->position++;

  if (card_id == NULL)
    {
      finish_review (self);
      return;
    }

  /* Translators: the first %u is the card's place in this review, the second how many there are */
  progress = g_strdup_printf (_("Card %u of %u"), self->position + 1, self->queue->len);
  gtk_label_set_label (self->progress_label, progress);
  /* The next card's answer must not show while the last one slides away. */
  ally_review_card_hide_answer (self->card);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.grade", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-answer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.choose", FALSE);
  gtk_stack_set_visible_child_name (self->review_stack, "card");
  if (term != NULL)
    show_term_card (self, term);
  else
    show_question_card (self, question);
}

/* The answer is shown: the grade buttons, with what each would do. */
static void
reveal_answer (AllyReviewSession *self,
               gboolean           recalled)
{
  ally_review_card_reveal_answer (self->card);
  show_intervals (self, current_card (self));
  gtk_stack_set_visible_child_name (self->answer_stack, "rate");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-answer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.grade", TRUE);
  /* After enabling the action, which makes every grade button sensitive again. */
  ally_grade_bar_set_recalled (self->grade_bar, recalled);
  ally_grade_bar_focus_default (self->grade_bar);
}

/* ---- Actions ------------------------------------------------------------------------------- */

static void
show_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  reveal_answer (ALLY_REVIEW_SESSION (widget), TRUE);
}

/* A question's choice: right or wrong, the explanation shows; a wrong choice can only be
 * graded "Again". */
static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AllyReviewSession *self = ALLY_REVIEW_SESSION (widget);
  gboolean right = FALSE;

  if (!ally_review_card_choose (self->card, g_variant_get_uint32 (parameter), &right))
    return;
  gtk_widget_action_set_enabled (widget, "review.choose", FALSE);
  reveal_answer (self, right);
}

/* Puts a repeat of the card answered "Again" a few cards later in the session. */
static void
repeat_later (AllyReviewSession *self,
              const char        *card_id)
{
  guint at = MIN (self->position + 1 + AGAIN_GAP, self->queue->len);

  g_ptr_array_insert (self->queue, at, g_strdup (card_id));
}

/* Saves the first answer to a card at once; if that fails the card stays, to be answered
 * again. */
static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AllyReviewSession *self = ALLY_REVIEW_SESSION (widget);
  AllySm2Grade grade = (AllySm2Grade) g_variant_get_int32 (parameter);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *card_id = g_strdup (current_card (self));

  if (self->journal == NULL || card_id == NULL || (int) grade < 0 || grade > ALLY_SM2_EASY)
    return;
  if (grade != ALLY_SM2_AGAIN && !ally_grade_bar_get_recalled (self->grade_bar))
    return;

  if (!g_hash_table_contains (self->graded, card_id))
    {
      if (!ally_journal_review_card (self->journal, card_id, ally_sm2_grade_quality (grade),
                                     now, &error))
        {
          /* The toast draws the eye; the line above the answers says what to do. */
          g_debug ("Saving the review of %s failed: %s", card_id, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->save_error_label), TRUE);
          adw_toast_overlay_add_toast (self->toast_overlay,
                                       adw_toast_new (_("Your answer was not saved")));
          return;
        }
      g_hash_table_add (self->graded, g_strdup (card_id));
      self->n_reviewed++;
    }

  if (grade == ALLY_SM2_AGAIN)
    repeat_later (self, card_id);
  self->position++;
  show_current_card (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

/* ---- Public API ----------------------------------------------------------------------------- */

AllyReviewSession *
ally_review_session_new (void)
{
  return g_object_new (ALLY_TYPE_REVIEW_SESSION, NULL);
}

static void
sync_read_terms (AllyReviewSession *self)
{
  g_autoptr(GError) error = NULL;

  /* A failure shows when the session reads the cards; nothing to add here. */
  if (!ally_review_session_add_read_terms (self, &error))
    g_debug ("The terms of the lessons read did not become cards: %s", error->message);
}

void
ally_review_session_set_catalog (AllyReviewSession *self,
                                 AllyCatalog       *catalog)
{
  g_return_if_fail (ALLY_IS_REVIEW_SESSION (self));
  g_return_if_fail (catalog == NULL || ALLY_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  sync_read_terms (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

void
ally_review_session_set_journal (AllyReviewSession *self,
                                 AllyJournal       *journal)
{
  g_return_if_fail (ALLY_IS_REVIEW_SESSION (self));
  g_return_if_fail (journal == NULL || ALLY_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, on_lesson_completed, self);
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    g_signal_connect_object (journal, "lesson-completed", G_CALLBACK (on_lesson_completed), self, 0);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  sync_read_terms (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

void
ally_review_session_start (AllyReviewSession *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) due = NULL;

  g_return_if_fail (ALLY_IS_REVIEW_SESSION (self));

  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_hash_table_remove_all (self->graded);
  self->position = 0;
  self->n_reviewed = 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-answer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.grade", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.choose", FALSE);

  if (self->journal == NULL || self->catalog == NULL)
    {
      gtk_stack_set_visible_child_name (self->review_stack, "unavailable");
      return;
    }

  if (ally_review_session_add_read_terms (self, &error))
    due = ally_journal_list_due_cards (self->journal, now, &error);
  if (due == NULL)
    {
      g_autofree char *description = NULL;

      /* Translators: %s is the technical reason */
      description = g_strdup_printf (_("Your reviews so far are kept. Restart Allyship to try "
                                       "again.\n\n%s"), error->message);
      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->review_stack, "error");
      return;
    }

  self->queue = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; due[i] != NULL; i++)
    g_ptr_array_add (self->queue, g_strdup (due[i]));
  show_current_card (self);
}

void
ally_review_session_focus_default (AllyReviewSession *self)
{
  const char *answer;

  g_return_if_fail (ALLY_IS_REVIEW_SESSION (self));

  answer = gtk_stack_get_visible_child_name (self->answer_stack);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->review_stack), "card") != 0)
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
  else if (g_strcmp0 (answer, "show") == 0)
    gtk_widget_grab_focus (self->show_button);
  else if (g_strcmp0 (answer, "choose") == 0)
    ally_review_card_focus_choices (self->card);
  else
    ally_grade_bar_focus_default (self->grade_bar);
}

/* ---- GObject -------------------------------------------------------------------------------- */

static void
ally_review_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AllyReviewSession *self = ALLY_REVIEW_SESSION (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_review_session_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AllyReviewSession *self = ALLY_REVIEW_SESSION (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      ally_review_session_set_catalog (self, g_value_get_object (value));
      break;

    case PROP_JOURNAL:
      ally_review_session_set_journal (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_review_session_dispose (GObject *object)
{
  AllyReviewSession *self = ALLY_REVIEW_SESSION (object);

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, on_lesson_completed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_REVIEW_SESSION);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->graded, g_hash_table_unref);

  G_OBJECT_CLASS (ally_review_session_parent_class)->dispose (object);
}

static void
ally_review_session_class_init (AllyReviewSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint grade_keys[] = { GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4 };

  object_class->get_property = ally_review_session_get_property;
  object_class->set_property = ally_review_session_set_property;
  object_class->dispose = ally_review_session_dispose;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         ALLY_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         ALLY_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AllyReviewSession::closed:
   *
   * The person asked to leave the review (its last page's button).
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ALLY_TYPE_GRADE_BAR);
  g_type_ensure (ALLY_TYPE_REVIEW_CARD);
  g_type_ensure (ALLY_TYPE_REVIEW_DONE_PAGE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-review-session.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyReviewSession, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewSession, review_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewSession, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewSession, card);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewSession, answer_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewSession, show_button);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewSession, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewSession, grade_bar);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewSession, done_page);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewSession, error_page);

  gtk_widget_class_install_action (widget_class, "review.show-answer", NULL, show_answer_action);
  gtk_widget_class_install_action (widget_class, "review.choose", "u", choose_action);
  gtk_widget_class_install_action (widget_class, "review.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "review.close", NULL, close_action);

  for (guint i = 0; i < G_N_ELEMENTS (grade_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, grade_keys[i], 0, "review.grade", "i", i);
}

static void
ally_review_session_init (AllyReviewSession *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));

  self->graded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-answer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.grade", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.choose", FALSE);
}
