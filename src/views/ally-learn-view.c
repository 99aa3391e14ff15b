/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-learn-view.c: the Learn area: lessons in course order beside the lesson being read;
 * on a narrow window only one of the two shows at a time. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-learn-view-private.h"

G_DEFINE_FINAL_TYPE (AllyLearnView, ally_learn_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROMPT_ACTIVATED,
  SCENARIO_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

AllyCatalog *
ally_learn_view_get_catalog (AllyLearnView *self)
{
  g_return_val_if_fail (ALLY_IS_LEARN_VIEW (self), NULL);

  return self->catalog;
}

AllyLesson *
ally_learn_view_get_lesson (AllyLearnView *self)
{
  g_return_val_if_fail (ALLY_IS_LEARN_VIEW (self), NULL);

  return ally_lesson_view_get_lesson (self->lesson_view);
}

/* Shows the lesson at @position; on a narrow window @navigate also moves from the list to it. */
static void
select_lesson_at (AllyLearnView *self,
                  guint          position,
                  gboolean       navigate)
{
  g_autoptr(AllyLesson) lesson = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(AllyLesson) next = g_list_model_get_item (G_LIST_MODEL (self->selection), position + 1);

  if (lesson == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_list_box_unselect_all (self->home_list);
  gtk_stack_set_visible_child_name (self->content_stack, "lesson");
  ally_term_popover_keeper_close_all (self->term_popovers);
  ally_lesson_view_set_lesson (self->lesson_view, lesson);
  ally_lesson_view_set_next_title (self->lesson_view, next ? ally_lesson_get_title (next) : NULL);
  if (navigate)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
show_lesson_at (AllyLearnView *self,
                guint          position)
{
  select_lesson_at (self, position, TRUE);
}

static void
on_overview_open_lesson (AllyOverviewPage *page,
                         const char       *lesson_id,
                         AllyLearnView    *self)
{
  ally_learn_view_open_lesson (self, lesson_id);
}

/* "Retry missed": the lesson, at its first missed question, with the missed ones unanswered. */
static void
on_overview_retry_missed (AllyOverviewPage *page,
                          const char       *lesson_id,
                          AllyLearnView    *self)
{
  if (ally_learn_view_open_lesson (self, lesson_id))
    ally_lesson_view_retry_missed (self->lesson_view);
}

/* The overview is built the first time it is shown (a new learner starts on a lesson), with
 * the course and the journal the view has then. */
static AllyOverviewPage *
ensure_overview_page (AllyLearnView *self)
{
  if (self->overview_page != NULL)
    return self->overview_page;

  self->overview_page = g_object_new (ALLY_TYPE_OVERVIEW_PAGE, NULL);
  g_signal_connect_object (self->overview_page, "open-lesson",
                           G_CALLBACK (on_overview_open_lesson), self, 0);
  g_signal_connect_object (self->overview_page, "retry-missed",
                           G_CALLBACK (on_overview_retry_missed), self, 0);
  ally_overview_page_set_catalog (self->overview_page, self->catalog);
  ally_overview_page_set_journal (self->overview_page, self->journal);
  adw_bin_set_child (self->overview_bin, GTK_WIDGET (self->overview_page));
  return self->overview_page;
}

/* The overview in the content pane, with no lesson selected; on a narrow window @navigate
 * also moves from the list to it. */
static void
select_overview (AllyLearnView *self,
                 gboolean       navigate)
{
  AllyOverviewPage *overview = ensure_overview_page (self);

  ally_term_popover_keeper_close_all (self->term_popovers);
  /* No lesson is open behind the overview (its place is kept as it is left). */
  ally_lesson_view_set_lesson (self->lesson_view, NULL);
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_box_select_row (self->home_list, self->overview_row);
  gtk_stack_set_visible_child_name (self->content_stack, "overview");
  /* A page that is mapped now was read as it was mapped; one that is not (the area is not on
   * screen yet) is read now, so that it is right whenever it appears. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (overview)))
    ally_overview_page_refresh (overview);
  if (navigate)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/**
 * ally_learn_view_show_overview:
 *
 * Shows the overview: progress, what is due, the lesson to continue.
 */
void
ally_learn_view_show_overview (AllyLearnView *self)
{
  g_return_if_fail (ALLY_IS_LEARN_VIEW (self));

  select_overview (self, TRUE);
}

/* Which page the Learn area shows: "loading", "error", "overview" or "lesson". */
const char *
ally_learn_view_get_visible_page (AllyLearnView *self)
{
  const char *page;

  g_return_val_if_fail (ALLY_IS_LEARN_VIEW (self), NULL);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "course") != 0)
    return page;
  return gtk_stack_get_visible_child_name (self->content_stack);
}

/* A learner who has opened a lesson before lands on the overview; a new one on a lesson. */
static gboolean
is_returning_learner (AllyLearnView *self)
{
  g_autofree char *last = NULL;

  if (self->journal == NULL)
    return FALSE;
  last = ally_journal_get_last_read_lesson (self->journal, NULL);
  return last != NULL;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   AllyLearnView  *self)
{
  gboolean searching = ally_course_search_set_query (self->course_search,
                                                     gtk_editable_get_text (GTK_EDITABLE (entry)));

  gtk_stack_set_visible_child_name (self->sidebar_stack, searching ? "results" : "lessons");
}

/* Opens the lesson of @match, scrolled to the text found, which is highlighted. */
static void
on_match_activated (AllyCourseSearch *search,
                    AllyCourseMatch  *match,
                    AllyLearnView    *self)
{
  g_autofree char *query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (!ally_learn_view_open_lesson (self, ally_lesson_get_id (ally_course_match_get_lesson (match))))
    return;
  ally_lesson_view_reveal_text (self->lesson_view, ally_course_match_get_text (match),
                                g_strstrip (query));
}

/* Enter in the search: the first result. */
static void
on_search_activate (GtkSearchEntry *entry,
                    AllyLearnView  *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "results") == 0)
    ally_course_search_activate_first (self->course_search);
}

static void
on_stop_search (GtkSearchEntry *entry,
                AllyLearnView  *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_home_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       AllyLearnView *self)
{
  select_overview (self, TRUE);
}

gboolean
ally_learn_view_open_lesson (AllyLearnView *self,
                             const char    *lesson_id)
{
  GListModel *lessons;

  g_return_val_if_fail (ALLY_IS_LEARN_VIEW (self), FALSE);

  if (self->selection == NULL)
    return FALSE;

  lessons = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (lessons); i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);

      if (g_strcmp0 (ally_lesson_get_id (lesson), lesson_id) == 0)
        {
          show_lesson_at (self, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * ally_learn_view_open_lesson_at_term:
 * @term_id: (nullable): a glossary term's id
 *
 * Opens the lesson scrolled to the first place its text links to @term_id (or, when it does
 * not, at the place it was left).
 */
gboolean
ally_learn_view_open_lesson_at_term (AllyLearnView *self,
                                     const char    *lesson_id,
                                     const char    *term_id)
{
  g_return_val_if_fail (ALLY_IS_LEARN_VIEW (self), FALSE);

  if (!ally_learn_view_open_lesson (self, lesson_id))
    return FALSE;
  if (term_id != NULL)
    ally_lesson_view_reveal_term (self->lesson_view, term_id);
  return TRUE;
}

static void
on_lesson_activated (AllyLessonList *list,
                     guint           position,
                     AllyLearnView  *self)
{
  show_lesson_at (self, position);
}

gboolean
ally_learn_view_show_term (AllyLearnView *self,
                           const char    *term_id)
{
  g_return_val_if_fail (ALLY_IS_LEARN_VIEW (self), FALSE);

  return ally_term_popover_keeper_popup (self->term_popovers, self->catalog, term_id,
                                         GTK_WIDGET (self->lesson_view));
}

static void
on_term_activated (AllyLessonView *lesson_view,
                   const char     *term_id,
                   GtkWidget      *label,
                   AllyLearnView  *self)
{
  ally_term_popover_keeper_popup (self->term_popovers, self->catalog, term_id, label);
}

static void
on_prompt_activated (AllyLessonView *lesson_view,
                     AllyPrompt     *prompt,
                     AllyLearnView  *self)
{
  g_signal_emit (self, signals[PROMPT_ACTIVATED], 0, prompt);
}

static void
on_scenario_activated (AllyLessonView *lesson_view,
                       AllyScenario   *scenario,
                       AllyLearnView  *self)
{
  g_signal_emit (self, signals[SCENARIO_ACTIVATED], 0, scenario);
}

/* "Next Lesson" at the end of a lesson: the next one, from its beginning. */
static void
on_next_lesson (AllyLessonView *lesson_view,
                AllyLearnView  *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position + 1 >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;

  show_lesson_at (self, position + 1);
  ally_lesson_view_scroll_to_top (self->lesson_view);
}

static void
on_lesson_completed (AllyLessonView *lesson_view,
                     const char     *lesson_id,
                     AllyLearnView  *self)
{
  ally_lesson_list_refresh (self->lesson_list);
}

/* Where a returning learner picks up: the lesson read last, or else the first lesson not
 * finished yet. */
static guint
resume_position (AllyLearnView *self)
{
  GListModel *lessons = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (lessons);
  g_autofree char *last = ally_journal_get_last_read_lesson (self->journal, NULL);

  for (guint i = 0; last != NULL && i < n; i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);

      if (g_strcmp0 (ally_lesson_get_id (lesson), last) == 0)
        return i;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, i);

      if (!ally_journal_is_lesson_finished (self->journal, ally_lesson_get_id (lesson)))
        return i;
    }

  return 0;
}

AllyJournal *
ally_learn_view_get_journal (AllyLearnView *self)
{
  g_return_val_if_fail (ALLY_IS_LEARN_VIEW (self), NULL);

  return self->journal;
}

void
ally_learn_view_set_journal (AllyLearnView *self,
                             AllyJournal   *journal)
{
  g_return_if_fail (ALLY_IS_LEARN_VIEW (self));

  if (!g_set_object (&self->journal, journal))
    return;

  /* Pick the page before the lesson view has the journal: opening a lesson makes it the
   * last read, and the first lesson shown while the journal loaded was not read. A returning
   * learner goes to the overview; a new one stays on the first lesson. */
  if (self->overview_page != NULL)
    ally_overview_page_set_journal (self->overview_page, journal);
  if (self->selection != NULL && journal != NULL &&
      gtk_single_selection_get_selected (self->selection) == 0)
    {
      ally_lesson_view_set_journal (self->lesson_view, NULL);
      if (is_returning_learner (self))
        select_overview (self, FALSE);
      else
        select_lesson_at (self, resume_position (self), FALSE);
    }
  ally_lesson_view_set_journal (self->lesson_view, journal);
  ally_lesson_list_set_journal (self->lesson_list, journal);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

/* The course was switched to another language: same lessons, new text. The list rebinds its
 * rows by itself; the open lesson is laid out again and stays selected. */
static void
on_catalog_languages_changed (AllyCatalog   *catalog,
                              GParamSpec    *pspec,
                              AllyLearnView *self)
{
  g_autoptr(AllyLesson) lesson = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "overview") == 0)
    {
      ally_overview_page_refresh (self->overview_page);
      return;
    }
  if (ally_lesson_view_get_lesson (self->lesson_view) == NULL)
    return;

  lesson = g_object_ref (ally_lesson_view_get_lesson (self->lesson_view));
  ally_lesson_view_set_lesson (self->lesson_view, NULL);
  ally_learn_view_open_lesson (self, ally_lesson_get_id (lesson));
}

void
ally_learn_view_set_catalog (AllyLearnView *self,
                             AllyCatalog   *catalog)
{
  g_return_if_fail (ALLY_IS_LEARN_VIEW (self));

  if (self->catalog == catalog)
    return;

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_func (self->catalog, on_catalog_languages_changed, self);
  g_set_object (&self->catalog, catalog);
  if (catalog != NULL)
    g_signal_connect_object (catalog, "notify::languages",
                             G_CALLBACK (on_catalog_languages_changed), self, 0);

  g_clear_object (&self->selection);
  ally_course_search_set_catalog (self->course_search, catalog);
  if (catalog != NULL)
    {
      self->selection = gtk_single_selection_new (g_object_ref (ally_catalog_get_lessons (catalog)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      ally_lesson_list_set_model (self->lesson_list, GTK_SELECTION_MODEL (self->selection));
      gtk_stack_set_visible_child_name (self->stack, "course");
      /* With the journal known, a returning learner starts on the overview; otherwise a new
       * learner starts on the first lesson, with the list beside it. */
      if (self->overview_page != NULL)
        ally_overview_page_set_catalog (self->overview_page, catalog);
      if (is_returning_learner (self))
        select_overview (self, FALSE);
      else
        select_lesson_at (self, self->journal != NULL ? resume_position (self) : 0, FALSE);
    }
  else
    {
      ally_lesson_list_set_model (self->lesson_list, NULL);
      ally_lesson_view_set_lesson (self->lesson_view, NULL);
      if (self->overview_page != NULL)
        ally_overview_page_set_catalog (self->overview_page, NULL);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

void
ally_learn_view_show_error (AllyLearnView *self,
                            const GError  *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (ALLY_IS_LEARN_VIEW (self));

  /* Translators: %s is the technical reason, such as a file name and line */
  description = g_strdup_printf (_("Reinstalling Allyship usually fixes this. If you started it with "
                                   "--content-dir, check that folder with --validate-content.\n\n%s"),
                                 error->message);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The area's first control: the lesson list at its selected lesson or, on a narrow window that
 * shows the lesson, the lesson's side. */
void
ally_learn_view_focus_default (AllyLearnView *self)
{
  g_return_if_fail (ALLY_IS_LEARN_VIEW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "course") != 0)
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
  else if (adw_leaflet_get_folded (self->leaflet) &&
           adw_leaflet_get_visible_child (self->leaflet) == self->content)
    gtk_widget_child_focus (self->content, GTK_DIR_TAB_FORWARD);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "overview") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->overview_row));
  else
    ally_lesson_list_focus_lesson (self->lesson_list,
                                   gtk_single_selection_get_selected (self->selection));
}

static void
ally_learn_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AllyLearnView *self = ALLY_LEARN_VIEW (object);

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
ally_learn_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AllyLearnView *self = ALLY_LEARN_VIEW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      ally_learn_view_set_catalog (self, g_value_get_object (value));
      break;

    case PROP_JOURNAL:
      ally_learn_view_set_journal (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_learn_view_dispose (GObject *object)
{
  AllyLearnView *self = ALLY_LEARN_VIEW (object);

  /* Before the lesson's labels go: a popover still parented to one would outlive it. */
  g_clear_object (&self->term_popovers);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_LEARN_VIEW);
  self->overview_page = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (ally_learn_view_parent_class)->dispose (object);
}

static void
ally_learn_view_class_init (AllyLearnViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ally_learn_view_get_property;
  object_class->set_property = ally_learn_view_set_property;
  object_class->dispose = ally_learn_view_dispose;

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
   * AllyLearnView::prompt-activated:
   * @prompt: a lesson's reflection the person wants to write about, or a commitment to adopt
   */
  signals[PROMPT_ACTIVATED] =
    g_signal_new ("prompt-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ALLY_TYPE_PROMPT);

  /**
   * AllyLearnView::scenario-activated:
   * @scenario: a practice scenario the person wants to answer in their journal
   */
  signals[SCENARIO_ACTIVATED] =
    g_signal_new ("scenario-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ALLY_TYPE_SCENARIO);

  g_type_ensure (ALLY_TYPE_LESSON_VIEW);
  g_type_ensure (ALLY_TYPE_COURSE_SEARCH);
  g_type_ensure (ALLY_TYPE_LESSON_LIST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-learn-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, stack);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, error_page);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, lesson_list);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, content);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, lesson_view);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, overview_bin);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, home_list);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, overview_row);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyLearnView, course_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_match_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_home_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_lesson_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_term_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_lesson_completed);
  gtk_widget_class_bind_template_callback (widget_class, on_prompt_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_scenario_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_next_lesson);

  ally_learn_view_class_install_actions (widget_class);
}

static void
ally_learn_view_init (AllyLearnView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));
  ally_accessible_name_row (gtk_list_box_row_get_child (self->overview_row), _("Overview"));
  self->term_popovers = ally_term_popover_keeper_new (GTK_WIDGET (self->lesson_view));
}
