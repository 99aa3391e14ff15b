/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-review-done-page.c: the last page of a review session. Its button activates
 * review.close on the session around it. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-date.h"
#include "ally-review-done-page.h"

struct _AllyReviewDonePage
{
  GtkWidget      parent_instance;

  AdwStatusPage *status_page;
  GtkLabel      *forecast_label;
};

G_DEFINE_FINAL_TYPE (AllyReviewDonePage, ally_review_done_page, GTK_TYPE_WIDGET)

/* One line a day: "Tomorrow: 3 cards", "Wednesday: 1 card"… */
static char *
forecast_text (GDateTime *today,
               GArray    *forecast)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < forecast->len; i++)
    {
      guint n = g_array_index (forecast, guint, i);
      g_autoptr(GDateTime) day = g_date_time_add_days (today, i + 1);
      /* Translators: a day of the week, as in “Monday” (see g_date_time_format) */
      g_autofree char *name = i == 0 ? g_strdup (_("Tomorrow")) : ally_date_format (day, _("%A"));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: %s is a day (“Tomorrow”, “Monday”), %u how many cards are due then */
      g_string_append_printf (text, ngettext ("%s: %u card", "%s: %u cards", n), name, n);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
ally_review_done_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALLY_TYPE_REVIEW_DONE_PAGE);

  G_OBJECT_CLASS (ally_review_done_page_parent_class)->dispose (object);
}

static void
ally_review_done_page_class_init (AllyReviewDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_review_done_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-review-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyReviewDonePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AllyReviewDonePage, forecast_label);
}

static void
ally_review_done_page_init (AllyReviewDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_review_done_page_new (void)
{
  return g_object_new (ALLY_TYPE_REVIEW_DONE_PAGE, NULL);
}

void
ally_review_done_page_show (AllyReviewDonePage *self,
                            guint               n_reviewed,
                            GDateTime          *today,
                            GArray             *forecast)
{
  g_autofree char *forecast_lines = NULL;

  g_return_if_fail (ALLY_IS_REVIEW_DONE_PAGE (self));
  g_return_if_fail (today != NULL);

  if (n_reviewed > 0)
    {
      g_autofree char *reviewed = NULL;

      adw_status_page_set_title (self->status_page, _("Review Finished"));
      /* Translators: %u is a number of cards */
      reviewed = g_strdup_printf (ngettext ("You reviewed %u card.", "You reviewed %u cards.",
                                            n_reviewed), n_reviewed);
      adw_status_page_set_description (self->status_page, reviewed);
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("No Cards Due"));
      adw_status_page_set_description (self->status_page,
                                       _("A term becomes a card once you finish a lesson that "
                                         "uses it, or add it from the glossary. Questions you "
                                         "miss in a quiz come back here too."));
    }
  if (forecast != NULL)
    forecast_lines = forecast_text (today, forecast);
  gtk_label_set_label (self->forecast_label, forecast_lines);
}
