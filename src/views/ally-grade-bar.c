/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-grade-bar.c: the answers to a review card, Again, Hard, Good and Easy, each showing the
 * interval SM-2 would give. The buttons are the bar's own children, laid out here: all four in
 * a row of equal buttons when they fit, otherwise two rows of two, so longer translations
 * still fit a 360 px window. Tab keeps the reading order either way (GTK sorts focus by
 * position). Each answer activates review.grade on the session around the bar. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-grade-bar.h"

#define SPACING 6
#define NARROW_COLUMNS 2

struct _AllyGradeBar
{
  GtkWidget  parent_instance;

  GtkWidget *again_button;
  GtkWidget *hard_button;
  GtkWidget *good_button;
  GtkWidget *easy_button;
  GtkLabel  *again_label;
  GtkLabel  *hard_label;
  GtkLabel  *good_label;
  GtkLabel  *easy_label;
  GtkLabel  *again_interval;
  GtkLabel  *hard_interval;
  GtkLabel  *good_interval;
  GtkLabel  *easy_interval;
};

G_DEFINE_FINAL_TYPE (AllyGradeBar, ally_grade_bar, GTK_TYPE_WIDGET)

/* ---- Layout ------------------------------------------------------------------------------ */

/* The widest button's minimum and natural width: every button gets the same width. */
static guint
measure_column (AllyGradeBar *self,
                int          *minimum,
                int          *natural)
{
  guint n_buttons = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
      n_buttons++;
    }
  return n_buttons;
}

static int
span (guint n,
      int   size)
{
  return n == 0 ? 0 : (int) n * size + ((int) n - 1) * SPACING;
}

/* One row when every button fits at its minimum width, else rows of two. */
static guint
columns_for_width (guint n_buttons,
                   int   column_min,
                   int   width)
{
  if (width < 0 || width >= span (n_buttons, column_min))
    return MAX (n_buttons, 1);
  return MAX (MIN (n_buttons, NARROW_COLUMNS), 1);
}

static int
column_width (guint columns,
              int   width)
{
  return (width - ((int) columns - 1) * SPACING) / (int) columns;
}

static GtkSizeRequestMode
ally_grade_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ally_grade_bar_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  AllyGradeBar *self = ALLY_GRADE_BAR (widget);
  int column_min, column_nat;
  guint n_buttons = measure_column (self, &column_min, &column_nat);
  guint columns, rows;
  int width, row_min = 0, row_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = span (MIN (n_buttons, NARROW_COLUMNS), column_min);
      *natural = span (n_buttons, column_nat);
      return;
    }

  columns = columns_for_width (n_buttons, column_min, for_size);
  rows = (n_buttons + columns - 1) / columns;
  width = for_size < 0 ? column_nat : MAX (column_width (columns, for_size), column_min);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
      row_min = MAX (row_min, child_min);
      row_nat = MAX (row_nat, child_nat);
    }
  *minimum = span (rows, row_min);
  *natural = span (rows, row_nat);
}

static void
ally_grade_bar_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  AllyGradeBar *self = ALLY_GRADE_BAR (widget);
  int column_min, column_nat;
  guint n_buttons = measure_column (self, &column_min, &column_nat);
  guint columns = columns_for_width (n_buttons, column_min, width);
  guint rows = n_buttons == 0 ? 1 : (n_buttons + columns - 1) / columns;
  int button_width = column_width (columns, width);
  int button_height = (height - ((int) rows - 1) * SPACING) / (int) rows;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation allocation = { 0, 0, button_width, button_height };

      if (!gtk_widget_should_layout (child))
        continue;
      allocation.x = (int) (i % columns) * (button_width + SPACING);
      allocation.y = (int) (i / columns) * (button_height + SPACING);
      if (rtl)
        allocation.x = width - allocation.x - button_width;
      gtk_widget_size_allocate (child, &allocation, -1);
      i++;
    }
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
ally_grade_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALLY_TYPE_GRADE_BAR);

  G_OBJECT_CLASS (ally_grade_bar_parent_class)->dispose (object);
}

static void
ally_grade_bar_class_init (AllyGradeBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_grade_bar_dispose;
  widget_class->get_request_mode = ally_grade_bar_get_request_mode;
  widget_class->measure = ally_grade_bar_measure;
  widget_class->size_allocate = ally_grade_bar_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-grade-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, again_button);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, hard_button);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, good_button);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, easy_button);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, again_label);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, hard_label);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, good_label);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, easy_label);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, again_interval);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, hard_interval);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, good_interval);
  gtk_widget_class_bind_template_child (widget_class, AllyGradeBar, easy_interval);
}

/* An answer button is read as its answer and its interval ("Good, 6 days"). */
static void
label_by_both (GtkWidget *button,
               GtkLabel  *answer,
               GtkLabel  *interval)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  answer, interval, NULL, -1);
}

static void
ally_grade_bar_init (AllyGradeBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  label_by_both (self->again_button, self->again_label, self->again_interval);
  label_by_both (self->hard_button, self->hard_label, self->hard_interval);
  label_by_both (self->good_button, self->good_label, self->good_interval);
  label_by_both (self->easy_button, self->easy_label, self->easy_interval);
}

/* ---- Public API -------------------------------------------------------------------------- */

GtkWidget *
ally_grade_bar_new (void)
{
  return g_object_new (ALLY_TYPE_GRADE_BAR, NULL);
}

static char *
format_days (int days)
{
  /* Translators: how long until a card is asked again, on its answer button */
  return g_strdup_printf (ngettext ("%d day", "%d days", days), days);
}

void
ally_grade_bar_set_intervals (AllyGradeBar       *self,
                              const AllySm2State *state,
                              gboolean            repeat)
{
  GtkLabel *labels[] = { self->hard_interval, self->good_interval, self->easy_interval };
  AllySm2Grade grades[] = { ALLY_SM2_HARD, ALLY_SM2_GOOD, ALLY_SM2_EASY };

  g_return_if_fail (ALLY_IS_GRADE_BAR (self));
  g_return_if_fail (state != NULL);

  /* Translators: on the "Again" button: the card comes back in this session, in a few minutes */
  gtk_label_set_label (self->again_interval, _("< 10 min"));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int days = repeat ? state->interval_days
                        : ally_sm2_next_interval (state, ally_sm2_grade_quality (grades[i]));
      g_autofree char *text = format_days (days);

      gtk_label_set_label (labels[i], text);
    }
}

void
ally_grade_bar_set_recalled (AllyGradeBar *self,
                             gboolean      recalled)
{
  g_return_if_fail (ALLY_IS_GRADE_BAR (self));

  gtk_widget_set_sensitive (self->hard_button, recalled);
  gtk_widget_set_sensitive (self->good_button, recalled);
  gtk_widget_set_sensitive (self->easy_button, recalled);
}

gboolean
ally_grade_bar_get_recalled (AllyGradeBar *self)
{
  g_return_val_if_fail (ALLY_IS_GRADE_BAR (self), FALSE);

  return gtk_widget_get_sensitive (self->good_button);
}

void
ally_grade_bar_focus_default (AllyGradeBar *self)
{
  g_return_if_fail (ALLY_IS_GRADE_BAR (self));

  gtk_widget_grab_focus (gtk_widget_get_sensitive (self->good_button) ? self->good_button
                                                                      : self->again_button);
}
