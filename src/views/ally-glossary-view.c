/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-glossary-view.c: the Glossary area: the terms, searchable by name, alias and definition,
 * beside the term being read (AllyGlossaryTermPage), with Back through the links followed; and
 * the page that hosts a review session (AllyReviewSession). Its actions are in
 * ally-glossary-view-actions.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ally-accessible.h"
#include "ally-glossary-term-row.h"
#include "ally-glossary-view-private.h"
#include "ally-search.h"

G_DEFINE_FINAL_TYPE (AllyGlossaryView, ally_glossary_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_JOURNAL,
  PROP_TERM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_LESSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

AllyGlossaryView *
ally_glossary_view_new (void)
{
  return g_object_new (ALLY_TYPE_GLOSSARY_VIEW, NULL);
}

AllyCatalog *
ally_glossary_view_get_catalog (AllyGlossaryView *self)
{
  g_return_val_if_fail (ALLY_IS_GLOSSARY_VIEW (self), NULL);

  return self->catalog;
}

AllyJournal *
ally_glossary_view_get_journal (AllyGlossaryView *self)
{
  g_return_val_if_fail (ALLY_IS_GLOSSARY_VIEW (self), NULL);

  return self->journal;
}

const char *
ally_glossary_view_get_term_id (AllyGlossaryView *self)
{
  g_return_val_if_fail (ALLY_IS_GLOSSARY_VIEW (self), NULL);

  return self->term_id;
}

/* ---- Search ------------------------------------------------------------------------- */

static gboolean
text_matches (const char *text,
              const char *folded_query)
{
  g_autofree char *folded = ally_search_fold (text);

  return strstr (folded, folded_query) != NULL;
}

static gboolean
name_matches (AllyTerm   *term,
              const char *folded_query)
{
  const char * const *aliases = ally_term_get_aliases (term);

  if (text_matches (ally_term_get_name (term), folded_query))
    return TRUE;

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (text_matches (aliases[i], folded_query))
      return TRUE;

  return FALSE;
}

static gboolean
term_matches_query (AllyGlossaryView *self,
                    AllyTerm         *term)
{
  return self->query == NULL || name_matches (term, self->query) ||
         text_matches (ally_term_get_definition_text (term), self->query);
}

static gboolean
term_matches (gpointer item,
              gpointer user_data)
{
  return term_matches_query (user_data, item);
}

/* Terms whose name or alias matches come before those found only in a definition; the
 * sort is stable, so each group keeps the glossary's order. */
static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  AllyGlossaryView *self = user_data;

  if (self->query == NULL)
    return GTK_ORDERING_EQUAL;

  return (int) !name_matches ((AllyTerm *) a, self->query) -
         (int) !name_matches ((AllyTerm *) b, self->query);
}

static void
update_list_page (AllyGlossaryView *self)
{
  guint n = self->ranked ? g_list_model_get_n_items (G_LIST_MODEL (self->ranked)) : 0;

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void show_term (AllyGlossaryView *self,
                       AllyTerm         *term);

/* The detail pane shows a listed term: when the search hides the one shown, the first match
 * takes its place; with no match at all, a page says so. */
static void
sync_detail (AllyGlossaryView *self)
{
  GListModel *listed = G_LIST_MODEL (self->ranked);
  AllyTerm *shown = NULL;

  if (self->catalog == NULL)
    return;
  if (self->term_id != NULL)
    shown = ally_catalog_lookup_term (self->catalog, self->term_id);

  if (g_list_model_get_n_items (listed) == 0)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  if (shown == NULL || !term_matches_query (self, shown))
    {
      g_autoptr(AllyTerm) first = g_list_model_get_item (listed, 0);

      g_ptr_array_set_size (self->history, 0);
      show_term (self, first);
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "term");
}

static void
refilter (AllyGlossaryView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->ranker), GTK_SORTER_CHANGE_DIFFERENT);
  update_list_page (self);
  sync_detail (self);
}

static void
on_search_changed (GtkSearchEntry   *entry,
                   AllyGlossaryView *self)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&self->query, g_free);
  if (*stripped != '\0')
    self->query = ally_search_fold (stripped);

  refilter (self);
}

/* ---- The term shown ------------------------------------------------------------------- */

static guint
filtered_position_of (AllyGlossaryView *self,
                      AllyTerm         *term)
{
  GListModel *model = G_LIST_MODEL (self->ranked);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AllyTerm) item = g_list_model_get_item (model, i);

      if (item == term)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The term "Back to …" returns to: where following a link came from. */
static AllyTerm *
previous_term (AllyGlossaryView *self)
{
  if (self->history->len == 0)
    return NULL;

  return ally_catalog_lookup_term (self->catalog, g_ptr_array_index (self->history,
                                                                     self->history->len - 1));
}

static void
show_term (AllyGlossaryView *self,
           AllyTerm         *term)
{
  if (g_strcmp0 (self->term_id, ally_term_get_id (term)) != 0)
    {
      g_free (self->term_id);
      self->term_id = g_strdup (ally_term_get_id (term));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_ID]);
    }

  ally_glossary_term_page_set_term (self->term_page, term);
  ally_glossary_term_page_set_back_term (self->term_page, previous_term (self));
  gtk_single_selection_set_selected (self->selection, filtered_position_of (self, term));
}

gboolean
ally_glossary_view_open_term (AllyGlossaryView        *self,
                              const char              *term_id,
                              AllyGlossaryHistoryStep  step)
{
  AllyTerm *term;

  if (self->catalog == NULL || (term = ally_catalog_lookup_term (self->catalog, term_id)) == NULL)
    return FALSE;

  if (step == ALLY_GLOSSARY_HISTORY_CLEAR)
    g_ptr_array_set_size (self->history, 0);
  else if (step == ALLY_GLOSSARY_HISTORY_PUSH && self->term_id != NULL &&
           g_strcmp0 (self->term_id, ally_term_get_id (term)) != 0)
    g_ptr_array_add (self->history, g_strdup (self->term_id));

  if (!term_matches_query (self, term))
    {
      g_clear_pointer (&self->query, g_free);
      g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      gtk_sorter_changed (GTK_SORTER (self->ranker), GTK_SORTER_CHANGE_DIFFERENT);
      update_list_page (self);
    }

  show_term (self, term);
  gtk_stack_set_visible_child_name (self->detail_stack, "term");
  gtk_stack_set_visible_child_name (self->stack, "browse");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

gboolean
ally_glossary_view_show_term (AllyGlossaryView *self,
                              const char       *term_id)
{
  g_return_val_if_fail (ALLY_IS_GLOSSARY_VIEW (self), FALSE);

  return ally_glossary_view_open_term (self, term_id, ALLY_GLOSSARY_HISTORY_CLEAR);
}

static void
on_term_list_activate (GtkListView      *list,
                       guint             position,
                       AllyGlossaryView *self)
{
  g_autoptr(AllyTerm) term = g_list_model_get_item (G_LIST_MODEL (self->ranked), position);

  if (term != NULL)
    ally_glossary_view_show_term (self, ally_term_get_id (term));
}

/* Enter in the search entry opens the first match. */
static void
on_search_activate (GtkSearchEntry   *entry,
                    AllyGlossaryView *self)
{
  if (self->ranked != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->ranked)) > 0)
    on_term_list_activate (self->term_list, 0, self);
}

static void
on_search_stop (GtkSearchEntry   *entry,
                AllyGlossaryView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* ---- Term rows in the sidebar ------------------------------------------------------------ */

static void
setup_term_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gtk_list_item_set_child (item, ally_glossary_term_row_new ());
}

static void
bind_term_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  ally_glossary_term_row_set_term (ALLY_GLOSSARY_TERM_ROW (gtk_list_item_get_child (item)),
                                   gtk_list_item_get_item (item));
}

/* ---- Reviews ------------------------------------------------------------------------------- */

/* "12 cards to review" under the button, so the glossary says when a review is worth it. */
void
ally_glossary_view_update_due_label (AllyGlossaryView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (self->catalog == NULL || self->journal == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->due_label), FALSE);
      return;
    }

  /* Lessons finished before cards came from reading still give theirs. */
  if (!ally_review_session_add_read_terms (self->review_session, &error))
    g_debug ("The terms of the lessons read did not become cards: %s", error->message);
  n = ally_journal_count_due_reviews (self->journal, now, &error);
  if (error != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->due_label), FALSE);
      return;
    }

  if (n == 0)
    text = g_strdup (_("No cards to review now"));
  else
    /* Translators: %u is a number of flashcards */
    text = g_strdup_printf (ngettext ("%u card to review", "%u cards to review", n), n);
  gtk_label_set_label (self->due_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), TRUE);
}

void
ally_glossary_view_start_review (AllyGlossaryView *self)
{
  g_return_if_fail (ALLY_IS_GLOSSARY_VIEW (self));

  if (self->catalog == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack, "review");
  ally_review_session_start (self->review_session);
}

/* The area's first control: the search entry (or, on a narrow window showing a term, the
 * term's side); in a review, the card's own button. */
void
ally_glossary_view_focus_default (AllyGlossaryView *self)
{
  const char *page;

  g_return_if_fail (ALLY_IS_GLOSSARY_VIEW (self));

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "review") == 0)
    ally_review_session_focus_default (self->review_session);
  else if (g_strcmp0 (page, "browse") == 0 && adw_leaflet_get_folded (self->leaflet) &&
           adw_leaflet_get_visible_child (self->leaflet) == self->content)
    gtk_widget_child_focus (self->content, GTK_DIR_TAB_FORWARD);
  else if (g_strcmp0 (page, "browse") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/* The review's Close button: back to the terms. */
static void
on_review_closed (AllyReviewSession *session,
                  AllyGlossaryView  *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "glossary.browse", NULL);
}

/* "Add to Reviews" made the term shown a card: one more to review today. */
static void
on_card_added (AllyGlossaryTermPage *page,
               AllyGlossaryView     *self)
{
  ally_glossary_view_update_due_label (self);
}

/* ---- Models ---------------------------------------------------------------------------------- */

/* The course was switched to another language: same terms, new text. */
static void
on_catalog_languages_changed (AllyCatalog      *catalog,
                              GParamSpec       *pspec,
                              AllyGlossaryView *self)
{
  if (self->term_id != NULL)
    {
      g_autofree char *id = g_strdup (self->term_id);
      AllyTerm *term = ally_catalog_lookup_term (catalog, id);

      if (term != NULL)
        show_term (self, term);
    }
  refilter (self);
}

void
ally_glossary_view_set_catalog (AllyGlossaryView *self,
                                AllyCatalog      *catalog)
{
  g_return_if_fail (ALLY_IS_GLOSSARY_VIEW (self));
  g_return_if_fail (catalog == NULL || ALLY_IS_CATALOG (catalog));

  if (self->catalog == catalog)
    return;

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_func (self->catalog, on_catalog_languages_changed, self);
  g_set_object (&self->catalog, catalog);
  ally_review_session_set_catalog (self->review_session, catalog);
  ally_glossary_term_page_set_catalog (self->term_page, catalog);
  g_clear_pointer (&self->term_id, g_free);
  g_ptr_array_set_size (self->history, 0);

  gtk_filter_list_model_set_model (self->filtered, catalog ? ally_catalog_get_terms (catalog) : NULL);
  update_list_page (self);

  if (catalog != NULL)
    {
      g_autoptr(AllyTerm) first = g_list_model_get_item (ally_catalog_get_terms (catalog), 0);

      g_signal_connect_object (catalog, "notify::languages",
                               G_CALLBACK (on_catalog_languages_changed), self, 0);
      gtk_stack_set_visible_child_name (self->stack, "browse");
      /* Start with the first term read and the list beside it (the list alone when narrow). */
      if (first != NULL)
        show_term (self, first);
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
      ally_glossary_view_update_due_label (self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

void
ally_glossary_view_set_journal (AllyGlossaryView *self,
                                AllyJournal      *journal)
{
  g_return_if_fail (ALLY_IS_GLOSSARY_VIEW (self));
  g_return_if_fail (journal == NULL || ALLY_IS_JOURNAL (journal));

  if (!g_set_object (&self->journal, journal))
    return;

  ally_review_session_set_journal (self->review_session, journal);
  ally_glossary_term_page_set_journal (self->term_page, journal);
  ally_glossary_view_update_due_label (self);
  /* A review under way asked the old journal: start again with the new one. */
  if (self->catalog != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "review") == 0)
    ally_glossary_view_start_review (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

static void
ally_glossary_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AllyGlossaryView *self = ALLY_GLOSSARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_TERM_ID:
      g_value_set_string (value, self->term_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_glossary_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AllyGlossaryView *self = ALLY_GLOSSARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      ally_glossary_view_set_catalog (self, g_value_get_object (value));
      break;

    case PROP_JOURNAL:
      ally_glossary_view_set_journal (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_glossary_view_dispose (GObject *object)
{
  AllyGlossaryView *self = ALLY_GLOSSARY_VIEW (object);

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_func (self->catalog, on_catalog_languages_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_GLOSSARY_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->ranked);
  g_clear_object (&self->ranker);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->term_id, g_free);

  G_OBJECT_CLASS (ally_glossary_view_parent_class)->dispose (object);
}

static void
ally_glossary_view_class_init (AllyGlossaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ally_glossary_view_get_property;
  object_class->set_property = ally_glossary_view_set_property;
  object_class->dispose = ally_glossary_view_dispose;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         ALLY_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         ALLY_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TERM_ID] =
    g_param_spec_string ("term-id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AllyGlossaryView::open-lesson:
   * @lesson_id: the lesson to open
   *
   * A lesson under “Used in” was activated: the window opens it in the Learn area.
   */
  signals[OPEN_LESSON] =
    g_signal_new ("open-lesson",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ALLY_TYPE_GLOSSARY_TERM_PAGE);
  g_type_ensure (ALLY_TYPE_REVIEW_SESSION);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-glossary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, stack);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, content);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, term_list);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, due_label);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, term_page);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryView, review_session);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_term_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_review_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_card_added);

  ally_glossary_view_class_install_actions (widget_class);
}

static void
ally_glossary_view_init (AllyGlossaryView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (term_matches, self, NULL);
  self->history = g_ptr_array_new_with_free_func (g_free);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->ranker = gtk_custom_sorter_new (compare_rank, self, NULL);
  self->ranked = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (GTK_SORTER (self->ranker)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->ranked)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->term_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_term_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_term_row), NULL);
  gtk_list_view_set_factory (self->term_list, factory);
  g_object_unref (factory);
}
