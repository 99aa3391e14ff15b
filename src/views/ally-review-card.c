/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-review-card.c: one card of a review session. A term shows its name as the heading and
 * its definition as the answer; a quiz question shows its stem and its choices, and the
 * answer is the explanation of the choice made. The session decides when the answer shows. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-review-card.h"
#include "ally-review-choice-row.h"

struct _AllyReviewCard
{
  GtkBox        parent_instance;

  AllyQuestion *question;        /* the question asked, when the card is one */

  GtkLabel     *prompt_label;
  GtkListBox   *choice_list;
  GtkRevealer  *answer_revealer;
  GtkLabel     *answer_label;
};

G_DEFINE_FINAL_TYPE (AllyReviewCard, ally_review_card, GTK_TYPE_BOX)

static guint
choice_index (AllyQuestion *question,
              AllyChoice   *choice)
{
  GListModel *choices = ally_question_get_choices (question);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(AllyChoice) other = g_list_model_get_item (choices, i);

      if (other == choice)
        return i;
    }
  return 0;
}

static GtkWidget *
create_choice_row (gpointer item,
                   gpointer user_data)
{
  return ally_review_choice_row_new (item, choice_index (user_data, item));
}

/* The heading is hidden until there is a card: an empty heading would be announced by its
 * class name ("GtkLabel"). */
static void
show_prompt (AllyReviewCard *self,
             const char     *text,
             const char     *style)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->prompt_label), "title-1");
  gtk_widget_remove_css_class (GTK_WIDGET (self->prompt_label), "title-4");
  gtk_widget_add_css_class (GTK_WIDGET (self->prompt_label), style);
  gtk_label_set_label (self->prompt_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), TRUE);
}

static char *
explanation_text (AllyQuestion *question,
                  AllyChoice   *chosen)
{
  GListModel *choices = ally_question_get_choices (question);
  g_autoptr(AllyChoice) right = g_list_model_get_item (choices, ally_question_get_correct_index (question));
  g_autofree char *headline = NULL;

  if (ally_choice_get_correct (chosen))
    /* Translators: after a right answer to a quiz question, then its explanation */
    return g_strdup_printf (_("Right. %s"), ally_choice_get_explanation_text (chosen));

  /* Translators: after a wrong answer to a quiz question; %s is the right answer */
  headline = g_strdup_printf (_("Not quite. The right answer: %s"), ally_choice_get_text (right));
  /* then why the chosen answer is not it */
  return g_strdup_printf ("%s\n\n%s", headline, ally_choice_get_explanation_text (chosen));
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
ally_review_card_dispose (GObject *object)
{
  AllyReviewCard *self = ALLY_REVIEW_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_REVIEW_CARD);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (ally_review_card_parent_class)->dispose (object);
}

static void
ally_review_card_class_init (AllyReviewCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_review_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-review-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyReviewCard, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewCard, choice_list);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewCard, answer_revealer);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewCard, answer_label);
}

static void
ally_review_card_init (AllyReviewCard *self)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Answers are reading text: a little larger and airier than interface text. */
  pango_attr_list_insert (attrs, pango_attr_scale_new (1.1));
  pango_attr_list_insert (attrs, pango_attr_line_height_new (1.4));
  gtk_label_set_attributes (self->answer_label, attrs);
  pango_attr_list_unref (attrs);
}

/* ---- Public API -------------------------------------------------------------------------- */

GtkWidget *
ally_review_card_new (void)
{
  return g_object_new (ALLY_TYPE_REVIEW_CARD, NULL);
}

void
ally_review_card_show_term (AllyReviewCard *self,
                            AllyTerm       *term)
{
  g_return_if_fail (ALLY_IS_REVIEW_CARD (self));
  g_return_if_fail (ALLY_IS_TERM (term));

  g_clear_object (&self->question);
  show_prompt (self, ally_term_get_name (term), "title-1");
  gtk_label_set_label (self->answer_label, ally_term_get_definition_text (term));
  gtk_widget_set_visible (GTK_WIDGET (self->choice_list), FALSE);
}

void
ally_review_card_show_question (AllyReviewCard *self,
                                AllyQuestion   *question)
{
  g_return_if_fail (ALLY_IS_REVIEW_CARD (self));
  g_return_if_fail (ALLY_IS_QUESTION (question));

  g_set_object (&self->question, question);
  show_prompt (self, ally_question_get_stem_text (question), "title-4");
  gtk_list_box_bind_model (self->choice_list, ally_question_get_choices (question),
                           create_choice_row, question, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choice_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->choice_list), TRUE);
}

gboolean
ally_review_card_choose (AllyReviewCard *self,
                         guint           index,
                         gboolean       *right)
{
  GListModel *choices;
  g_autoptr(AllyChoice) chosen = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ALLY_IS_REVIEW_CARD (self), FALSE);

  if (self->question == NULL)
    return FALSE;
  choices = ally_question_get_choices (self->question);
  if (index >= g_list_model_get_n_items (choices))
    return FALSE;

  chosen = g_list_model_get_item (choices, index);
  text = explanation_text (self->question, chosen);
  gtk_label_set_label (self->answer_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choice_list), FALSE);
  if (right != NULL)
    *right = ally_choice_get_correct (chosen);
  return TRUE;
}

void
ally_review_card_reveal_answer (AllyReviewCard *self)
{
  g_return_if_fail (ALLY_IS_REVIEW_CARD (self));

  gtk_revealer_set_transition_duration (self->answer_revealer, 250);
  gtk_revealer_set_reveal_child (self->answer_revealer, TRUE);
}

void
ally_review_card_hide_answer (AllyReviewCard *self)
{
  g_return_if_fail (ALLY_IS_REVIEW_CARD (self));

  gtk_revealer_set_transition_duration (self->answer_revealer, 0);
  gtk_revealer_set_reveal_child (self->answer_revealer, FALSE);
}

void
ally_review_card_focus_choices (AllyReviewCard *self)
{
  g_return_if_fail (ALLY_IS_REVIEW_CARD (self));

  gtk_widget_child_focus (GTK_WIDGET (self->choice_list), GTK_DIR_TAB_FORWARD);
}
