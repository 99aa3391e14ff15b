/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-course-search.c: searches the course for the Learn sidebar and lists what it found,
 * one AllySearchResultRow per place; choosing one emits "match-activated". The course's
 * index is made at the first search, never at start-up. */
#include "config.h"

#include "ally-course-search.h"
#include "ally-search-result-row.h"

/* The most results a search lists. */
#define MAX_SEARCH_RESULTS 50

struct _AllyCourseSearch
{
  GtkWidget        parent_instance;

  AllyCatalog     *catalog;
  AllyCourseIndex *course_index;

  GtkWidget       *scroller;  /* bound so that dispose_template unparents it */
  GtkListBox      *results_list;
  GtkWidget       *no_results_label;
};

G_DEFINE_FINAL_TYPE (AllyCourseSearch, ally_course_search, GTK_TYPE_WIDGET)

enum {
  MATCH_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  return ally_search_result_row_new (item);
}

static void
on_result_activated (GtkListBox       *list,
                     GtkListBoxRow    *row,
                     AllyCourseSearch *self)
{
  g_signal_emit (self, signals[MATCH_ACTIVATED], 0,
                 ally_search_result_row_get_match (ALLY_SEARCH_RESULT_ROW (row)));
}

static void
ally_course_search_dispose (GObject *object)
{
  AllyCourseSearch *self = ALLY_COURSE_SEARCH (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_COURSE_SEARCH);
  g_clear_object (&self->course_index);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (ally_course_search_parent_class)->dispose (object);
}

static void
ally_course_search_class_init (AllyCourseSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_course_search_dispose;

  /**
   * AllyCourseSearch::match-activated:
   * @match: the place in the course the person chose
   */
  signals[MATCH_ACTIVATED] =
    g_signal_new ("match-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ALLY_TYPE_COURSE_MATCH);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-course-search.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyCourseSearch, scroller);
  gtk_widget_class_bind_template_child (widget_class, AllyCourseSearch, results_list);
  gtk_widget_class_bind_template_child (widget_class, AllyCourseSearch, no_results_label);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
}

static void
ally_course_search_init (AllyCourseSearch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The course to search; its index is made again at the next search. */
void
ally_course_search_set_catalog (AllyCourseSearch *self,
                                AllyCatalog      *catalog)
{
  g_return_if_fail (ALLY_IS_COURSE_SEARCH (self));
  g_return_if_fail (catalog == NULL || ALLY_IS_CATALOG (catalog));

  if (g_set_object (&self->catalog, catalog))
    g_clear_object (&self->course_index);
}

/**
 * ally_course_search_set_query:
 * @query: (nullable): what the person typed
 *
 * Lists the places in the course that match @query; with no course, or nothing but spaces
 * typed, the list is emptied.
 *
 * Returns: whether @query was searched (FALSE when the list was emptied)
 */
gboolean
ally_course_search_set_query (AllyCourseSearch *self,
                              const char       *query)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query != NULL ? query : ""));
  g_autoptr(GListModel) results = NULL;

  g_return_val_if_fail (ALLY_IS_COURSE_SEARCH (self), FALSE);

  if (self->catalog == NULL || *trimmed == '\0')
    {
      gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);
      return FALSE;
    }

  if (self->course_index == NULL)
    self->course_index = ally_course_index_new (self->catalog);
  results = ally_course_index_search (self->course_index, query, MAX_SEARCH_RESULTS);
  gtk_list_box_bind_model (self->results_list, results, create_result_row, NULL, NULL);
  gtk_widget_set_visible (self->no_results_label, g_list_model_get_n_items (results) == 0);
  return TRUE;
}

/* Enter in the search: the first result, if there is one. */
gboolean
ally_course_search_activate_first (AllyCourseSearch *self)
{
  GtkListBoxRow *first;

  g_return_val_if_fail (ALLY_IS_COURSE_SEARCH (self), FALSE);

  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first == NULL)
    return FALSE;
  on_result_activated (self->results_list, first, self);
  return TRUE;
}
