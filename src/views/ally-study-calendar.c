/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-study-calendar.c: a grid of the last weeks, Monday first; a day the learner studied or
 * wrote on is filled in. Each day says in words, for a screen reader and in its tooltip,
 * whether it was a day of study: the mark never rests on colour alone. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-date.h"
#include "ally-study-calendar.h"

struct _AllyStudyCalendar
{
  GtkWidget  parent_instance;

  GtkGrid   *grid;
};

G_DEFINE_FINAL_TYPE (AllyStudyCalendar, ally_study_calendar, GTK_TYPE_WIDGET)

static const char *
weekday_initial (int weekday)
{
  static const char *names[] = {
    NC_("short weekday", "Mon"), NC_("short weekday", "Tue"), NC_("short weekday", "Wed"),
    NC_("short weekday", "Thu"), NC_("short weekday", "Fri"), NC_("short weekday", "Sat"),
    NC_("short weekday", "Sun"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "short weekday", names[CLAMP (weekday, 1, 7) - 1]);
}

static void
remove_all_days (AllyStudyCalendar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
add_weekday_headers (AllyStudyCalendar *self)
{
  for (int weekday = 1; weekday <= 7; weekday++)
    {
      GtkWidget *label = gtk_label_new (weekday_initial (weekday));

      /* Seven columns must fit a 360 px window in any language: a long name is shortened
       * (every day's own label says its full date). */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN,
                                   TRUE, -1);
      gtk_grid_attach (self->grid, label, weekday - 1, 0, 1, 1);
    }
}

static GtkWidget *
day_label (GDateTime *day,
           gboolean   studied,
           gboolean   today)
{
  g_autofree char *number = g_strdup_printf ("%d", g_date_time_get_day_of_month (day));
  g_autofree char *date = ally_date_format (day, _("%A %-d %B"));
  g_autofree char *name = NULL;
  /* Hidden while its tooltip is set: setting one on a visible widget asks the display
   * server where the pointer is (GTK 4.8), a round trip for each of the month's days. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", number, "visible", FALSE, NULL);

  /* Translators: a day in the calendar of days studied; %s is a date, “Monday 3 November” */
  name = studied ? g_strdup_printf (_("%s: you studied or wrote"), date) : g_strdup (date);
  gtk_widget_set_tooltip_text (label, name);
  gtk_widget_set_visible (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (label, "calendar-day");
  if (studied)
    gtk_widget_add_css_class (label, "studied");
  if (today)
    gtk_widget_add_css_class (label, "today");
  return label;
}

guint
ally_study_calendar_days_for (GDateTime *now,
                              guint      n_weeks)
{
  g_return_val_if_fail (now != NULL, 1);
  g_return_val_if_fail (n_weeks >= 1, 1);

  /* Whole weeks before this one, then this week from Monday to today. */
  return (n_weeks - 1) * 7 + g_date_time_get_day_of_week (now);
}

void
ally_study_calendar_show (AllyStudyCalendar   *self,
                          AllyJournalOverview *overview,
                          GDateTime           *now)
{
  GDateTime *first;
  guint n_days;

  g_return_if_fail (ALLY_IS_STUDY_CALENDAR (self));
  g_return_if_fail (ALLY_IS_JOURNAL_OVERVIEW (overview));

  remove_all_days (self);
  add_weekday_headers (self);
  first = ally_journal_overview_get_first_day (overview);
  n_days = ally_journal_overview_get_n_days (overview);
  for (guint i = 0; i < n_days; i++)
    {
      /* Noon, so that adding days never crosses a clock change into the wrong day. */
      g_autoptr(GDateTime) noon = g_date_time_add_hours (first, 12);
      g_autoptr(GDateTime) day = g_date_time_add_days (noon, i);
      int column = g_date_time_get_day_of_week (day) - 1;
      int row = 1 + (int) (i + g_date_time_get_day_of_week (first) - 1) / 7;

      gtk_grid_attach (self->grid,
                       day_label (day, ally_journal_overview_studied_on (overview, i), i == n_days - 1),
                       column, row, 1, 1);
    }
}

static void
ally_study_calendar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALLY_TYPE_STUDY_CALENDAR);

  G_OBJECT_CLASS (ally_study_calendar_parent_class)->dispose (object);
}

static void
ally_study_calendar_class_init (AllyStudyCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_study_calendar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "studycalendar");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-study-calendar.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyStudyCalendar, grid);
}

static void
ally_study_calendar_init (AllyStudyCalendar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
