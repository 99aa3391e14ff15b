/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-review-choice-row.c: a choice of a question on a review card. Its text is shown as
 * written (no markup); the session's review.choose action gets the choice's index. */
#include "config.h"

#include "ally-review-choice-row.h"

struct _AllyReviewChoiceRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (AllyReviewChoiceRow, ally_review_choice_row, ADW_TYPE_ACTION_ROW)

static void
ally_review_choice_row_class_init (AllyReviewChoiceRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-review-choice-row.ui");
}

static void
ally_review_choice_row_init (AllyReviewChoiceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_review_choice_row_new (AllyChoice *choice,
                            guint       index)
{
  GtkWidget *row;

  g_return_val_if_fail (ALLY_IS_CHOICE (choice), NULL);

  row = g_object_new (ALLY_TYPE_REVIEW_CHOICE_ROW, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ally_choice_get_text (choice));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "u", index);
  return row;
}
