/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-search-result-row.c: a course search result in the Learn sidebar. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-search-result-row.h"

struct _AllySearchResultRow
{
  GtkListBoxRow    parent_instance;

  AllyCourseMatch *match;

  GtkLabel        *lesson_label;
  GtkLabel        *snippet_label;
};

G_DEFINE_FINAL_TYPE (AllySearchResultRow, ally_search_result_row, GTK_TYPE_LIST_BOX_ROW)

/* The snippet with the matched words in bold. */
static char *
snippet_markup (AllyCourseMatch *match)
{
  const char *snippet = ally_course_match_get_snippet (match);
  gsize start = ally_course_match_get_snippet_start (match);
  gsize end = ally_course_match_get_snippet_end (match);
  g_autofree char *before = g_markup_escape_text (snippet, start);
  g_autofree char *matched = g_markup_escape_text (snippet + start, end - start);
  g_autofree char *after = g_markup_escape_text (snippet + end, -1);

  return g_strdup_printf ("%s<b>%s</b>%s", before, matched, after);
}

static void
ally_search_result_row_dispose (GObject *object)
{
  AllySearchResultRow *self = ALLY_SEARCH_RESULT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_SEARCH_RESULT_ROW);
  g_clear_object (&self->match);

  G_OBJECT_CLASS (ally_search_result_row_parent_class)->dispose (object);
}

static void
ally_search_result_row_class_init (AllySearchResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_search_result_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-search-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AllySearchResultRow, lesson_label);
  gtk_widget_class_bind_template_child (widget_class, AllySearchResultRow, snippet_label);
}

static void
ally_search_result_row_init (AllySearchResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_search_result_row_new (AllyCourseMatch *match)
{
  AllySearchResultRow *self;
  AllyLesson *lesson;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ALLY_IS_COURSE_MATCH (match), NULL);

  self = g_object_new (ALLY_TYPE_SEARCH_RESULT_ROW, NULL);
  self->match = g_object_ref (match);
  lesson = ally_course_match_get_lesson (match);
  /* Translators: %u is the lesson's number, %s its title */
  title = g_strdup_printf (_("Lesson %u: %s"), ally_lesson_get_number (lesson),
                           ally_lesson_get_title (lesson));
  markup = snippet_markup (match);
  gtk_label_set_label (self->lesson_label, title);
  gtk_label_set_markup (self->snippet_label, markup);
  /* Translators: a search result as a screen reader reads it: the lesson, then the text
   * found, e.g. “Lesson 3: What allyship is not: …an ally is not a title…” */
  name = g_strdup_printf (_("%s: %s"), title, ally_course_match_get_snippet (match));
  ally_accessible_name_row (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self)), name);
  return GTK_WIDGET (self);
}

AllyCourseMatch *
ally_search_result_row_get_match (AllySearchResultRow *self)
{
  g_return_val_if_fail (ALLY_IS_SEARCH_RESULT_ROW (self), NULL);
  return self->match;
}
