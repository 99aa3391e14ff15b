/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-row.c: a lesson in the Learn sidebar's list (a GtkListView item's child).
 *
 * A grid, not a horizontal box: GTK 4.8's box asks each child for its width at the row's height,
 * which makes the wrapping title search for its width (a dozen layouts at each size the list is
 * measured for); the grid asks for widths, then heights for them. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-lesson-row.h"

struct _AllyLessonRow
{
  GtkGrid    parent_instance;

  GtkLabel  *number_label;
  GtkLabel  *title_label;
  GtkLabel  *minutes_label;
  GtkWidget *finished_image;
};

G_DEFINE_FINAL_TYPE (AllyLessonRow, ally_lesson_row, GTK_TYPE_GRID)

static void
ally_lesson_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALLY_TYPE_LESSON_ROW);

  G_OBJECT_CLASS (ally_lesson_row_parent_class)->dispose (object);
}

static void
ally_lesson_row_class_init (AllyLessonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_lesson_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-lesson-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyLessonRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonRow, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonRow, finished_image);
}

static void
ally_lesson_row_init (AllyLessonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_lesson_row_new (void)
{
  return g_object_new (ALLY_TYPE_LESSON_ROW, NULL);
}

void
ally_lesson_row_set_lesson (AllyLessonRow *self,
                            AllyLesson    *lesson,
                            gboolean       finished)
{
  guint number, minutes;
  g_autofree char *number_text = NULL;
  g_autofree char *minutes_text = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (ALLY_IS_LESSON_ROW (self));
  g_return_if_fail (ALLY_IS_LESSON (lesson));

  number = ally_lesson_get_number (lesson);
  minutes = ally_lesson_get_minutes (lesson);
  number_text = g_strdup_printf ("%u", number);
  /* Translators: how long a lesson takes; %u is a number of minutes */
  minutes_text = g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);

  gtk_label_set_label (self->number_label, number_text);
  gtk_label_set_label (self->title_label, ally_lesson_get_title (lesson));
  gtk_label_set_label (self->minutes_label, minutes_text);
  gtk_widget_set_visible (self->finished_image, finished);

  if (finished)
    /* Translators: a finished lesson in the list, as a screen reader reads it: "Lesson 2: What
     * allyship is, 18 minutes, finished"; %u is its number, the first %s its title, the second
     * how long it takes */
    name = g_strdup_printf (_("Lesson %u: %s, %s, finished"), number,
                            ally_lesson_get_title (lesson), minutes_text);
  else
    /* Translators: a lesson in the list, as a screen reader reads it: "Lesson 2: What allyship
     * is, 18 minutes"; %u is its number, the first %s its title, the second how long it takes */
    name = g_strdup_printf (_("Lesson %u: %s, %s"), number, ally_lesson_get_title (lesson),
                            minutes_text);
  ally_accessible_name_row (GTK_WIDGET (self), name);
}
