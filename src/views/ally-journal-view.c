/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-view.c: the Journal area: the entries, newest first, searchable and
 * filtered by tag, beside the editor of the one being written; on a narrow window only
 * one of the two shows at a time. Saving is the editor's; ally-journal-view-actions.c has
 * the area's actions and what it says in toasts (a failed save among them). */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-entry-list.h"
#include "ally-entry-row.h"
#include "ally-journal-lock.h"
#include "ally-tag-filter.h"
#include "ally-journal-view-private.h"

/* How far down the list the open entry is looked for, to highlight it. */
#define SELECTION_SCAN_LIMIT ALLY_ENTRY_LIST_PAGE_SIZE

G_DEFINE_FINAL_TYPE (AllyJournalView, ally_journal_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
ally_journal_view_new (void)
{
  return g_object_new (ALLY_TYPE_JOURNAL_VIEW, NULL);
}

AllyJournal *
ally_journal_view_get_journal (AllyJournalView *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_VIEW (self), NULL);

  return self->journal;
}

AllyEntryEditor *
ally_journal_view_get_editor (AllyJournalView *self)
{
  return self->editor;
}

/* The area's first control: the entry list, or the entry being written when a narrow window
 * shows it. */
void
ally_journal_view_focus_default (AllyJournalView *self)
{
  g_return_if_fail (ALLY_IS_JOURNAL_VIEW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "journal") == 0 &&
      adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->content &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "editor") == 0)
    ally_entry_editor_focus_body (self->editor);
  else if (!gtk_widget_get_mapped (GTK_WIDGET (self->entry_list)) ||
           !gtk_widget_grab_focus (GTK_WIDGET (self->entry_list)))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

GListModel *
ally_journal_view_get_entries (AllyJournalView *self)
{
  return G_LIST_MODEL (self->selection);
}

const char *
ally_journal_view_get_page_name (AllyJournalView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
ally_journal_view_get_list_page_name (AllyJournalView *self)
{
  return gtk_stack_get_visible_child_name (self->list_stack);
}

const char *
ally_journal_view_get_toast_title (AllyJournalView *self)
{
  return self->toast_title;
}

/* Which page shows: the error, the empty journal, or the entries and the editor. */
void
ally_journal_view_update_pages (AllyJournalView *self)
{
  AllyEntry *entry = ally_entry_editor_get_entry (self->editor);
  GListModel *entries = G_LIST_MODEL (self->selection);
  gboolean filtered = ally_tag_filter_get_tag (self->tag_filter) != NULL ||
                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0';
  gboolean has_items = entries != NULL && g_list_model_get_n_items (entries) > 0;
  gint64 count = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.new-entry", self->journal != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.export", self->journal != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.import",
                                 self->journal != NULL && self->import_toast == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.delete-entry",
                                 entry != NULL && ally_entry_get_id (entry) != 0);

  if (self->journal == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  if (!has_items && !filtered)
    count = ally_journal_count_entries (self->journal, NULL);
  if (!has_items && !filtered && count <= 0 && entry == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "journal");

  gtk_stack_set_visible_child_name (self->list_stack, has_items || !filtered ? "list" : "no-results");
  gtk_stack_set_visible_child_name (self->content_stack, entry != NULL ? "editor" : "none");
}

/* Highlights the open entry in the list when it is near the top (where an edit moves it). */
void
ally_journal_view_sync_selection (AllyJournalView *self)
{
  AllyEntry *open = ally_entry_editor_get_entry (self->editor);
  GListModel *entries = G_LIST_MODEL (self->selection);
  guint n;

  if (entries == NULL)
    return;

  n = MIN (g_list_model_get_n_items (entries), SELECTION_SCAN_LIMIT);
  if (open != NULL && ally_entry_get_id (open) != 0)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AllyEntry) entry = g_list_model_get_item (entries, i);

        if (ally_entry_get_id (entry) == ally_entry_get_id (open))
          {
            gtk_single_selection_set_selected (self->selection, i);
            return;
          }
      }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_entries_changed (AllyJournalView *self)
{
  ally_journal_view_update_pages (self);
}

static gboolean
entry_has_tag (gpointer item,
               gpointer user_data)
{
  const char *tag = user_data;

  return g_strv_contains (ally_entry_get_tags (ALLY_ENTRY (item)), tag);
}

/* The entries to list: all, those with the chosen tag, or those matching the search (and
 * the tag, filtered here: search results are few). */
static GListModel *
create_entries_model (AllyJournalView *self)
{
  const char *words = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *tag = ally_tag_filter_get_tag (self->tag_filter);
  GtkCustomFilter *filter;

  if (words[0] == '\0' && tag == NULL)
    return G_LIST_MODEL (ally_entry_list_new_all (self->journal));
  if (words[0] == '\0')
    return G_LIST_MODEL (ally_entry_list_new_for_tag (self->journal, tag));
  self->search_results = ally_entry_list_new_for_search (self->journal, words);
  if (tag == NULL)
    return G_LIST_MODEL (g_object_ref (self->search_results));

  filter = gtk_custom_filter_new (entry_has_tag, g_strdup (tag), g_free);
  return G_LIST_MODEL (gtk_filter_list_model_new (
    G_LIST_MODEL (g_object_ref (self->search_results)), GTK_FILTER (filter)));
}

static void
rebuild_list (AllyJournalView *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_entries_changed, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->search_results);

  if (self->journal != NULL)
    {
      self->selection = gtk_single_selection_new (create_entries_model (self));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      g_signal_connect_swapped (self->selection, "items-changed",
                                G_CALLBACK (on_entries_changed), self);
    }

  gtk_list_view_set_model (self->entry_list, GTK_SELECTION_MODEL (self->selection));
  ally_journal_view_sync_selection (self);
  ally_journal_view_update_pages (self);
}

/* The tag filter lists every tag in the journal. */
void
ally_journal_view_refresh_tags (AllyJournalView *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;

  if (self->journal != NULL)
    tags = ally_journal_list_tags (self->journal, &error);
  if (error != NULL)
    g_debug ("Allyship: could not list the journal's tags: %s", error->message);
  ally_tag_filter_set_tags (self->tag_filter, (const char * const *) tags);
}

static void
on_journal_entry_changed (AllyJournalView *self)
{
  ally_journal_view_refresh_tags (self);
  ally_journal_view_update_pages (self);
}

/* A tag chosen, or one that is gone. */
static void
on_tag_changed (AllyJournalView *self)
{
  rebuild_list (self);
}

static void
on_search_changed (GtkSearchEntry  *entry,
                   AllyJournalView *self)
{
  rebuild_list (self);
}

void
ally_journal_view_set_search (AllyJournalView *self,
                              const char      *words)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), words ? words : "");
}

void
ally_journal_view_set_tag (AllyJournalView *self,
                           const char      *tag)
{
  ally_tag_filter_set_tag (self->tag_filter, tag);
}

/* Opens @entry in the editor, after saving the one open; FALSE if that save failed. */
gboolean
ally_journal_view_show_entry (AllyJournalView *self,
                              AllyEntry       *entry)
{
  if (!ally_entry_editor_set_entry (self->editor, entry))
    {
      ally_journal_view_sync_selection (self);
      return FALSE;
    }

  ally_journal_view_sync_selection (self);
  ally_journal_view_update_pages (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  return TRUE;
}

gboolean
ally_journal_view_open_entry (AllyJournalView *self,
                              gint64           id)
{
  AllyEntry *open = ally_entry_editor_get_entry (self->editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(AllyEntry) entry = NULL;

  if (open != NULL && ally_entry_get_id (open) == id)
    return ally_journal_view_show_entry (self, open);
  /* Saved before reading, and the editor gets its own copy, so that the list may reload
   * its rows while one is edited. */
  if (!ally_entry_editor_save (self->editor))
    return FALSE;
  entry = ally_journal_get_entry (self->journal, id, &error);
  if (entry == NULL)
    {
      g_autofree char *reason = ally_journal_view_reason_from_error (error);
      /* Translators: %s says why, e.g. "The journal entry does not exist" */
      g_autofree char *title = g_strdup_printf (_("Could not open the entry: %s"), reason);

      ally_journal_view_show_toast (self, title);
      return FALSE;
    }

  return ally_journal_view_show_entry (self, entry);
}

static void
on_entry_list_activate (GtkListView     *list,
                        guint            position,
                        AllyJournalView *self)
{
  g_autoptr(AllyEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (entry != NULL && ally_journal_view_open_entry (self, ally_entry_get_id (entry)))
    ally_entry_editor_focus_body (self->editor);
}

/* Enter in the search entry opens the first result. */
static void
on_search_activate (GtkSearchEntry  *entry,
                    AllyJournalView *self)
{
  if (self->selection != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    on_entry_list_activate (self->entry_list, 0, self);
}

void
ally_journal_view_new_entry (AllyJournalView *self)
{
  g_autoptr(AllyEntry) entry = NULL;

  g_return_if_fail (ALLY_IS_JOURNAL_VIEW (self));

  if (self->journal == NULL)
    return;

  entry = ally_entry_new ();
  if (ally_journal_view_show_entry (self, entry))
    ally_entry_editor_focus_title (self->editor);
}

/**
 * ally_journal_view_new_entry_for_prompt:
 *
 * Opens a new entry answering a lesson's reflection prompt, titled with the prompt. It is
 * saved once the person writes in it.
 */
void
ally_journal_view_new_entry_for_prompt (AllyJournalView *self,
                                        const char      *lesson_id,
                                        const char      *prompt_id,
                                        const char      *prompt_text)
{
  g_autoptr(AllyEntry) entry = NULL;

  g_return_if_fail (ALLY_IS_JOURNAL_VIEW (self));

  if (self->journal == NULL)
    return;

  entry = ally_entry_new ();
  ally_entry_set_lesson_id (entry, lesson_id);
  ally_entry_set_prompt_id (entry, prompt_id);
  ally_entry_set_title (entry, prompt_text ? prompt_text : "");
  if (ally_journal_view_show_entry (self, entry))
    ally_entry_editor_focus_body (self->editor);
}

static void
setup_entry_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, ally_entry_row_new ());
}

static void
bind_entry_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AllyJournalView          *self)
{
  AllyEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *snippet = NULL;

  /* While searching, the words around the match show why the entry is there. */
  if (self->search_results != NULL)
    snippet = ally_entry_list_dup_snippet (self->search_results, ally_entry_get_id (entry));
  ally_entry_row_set_entry (ALLY_ENTRY_ROW (gtk_list_item_get_child (item)), entry, snippet);
}

/* With the journal lock on, search waits for the index built after unlocking: the search
 * field says so, and how far it is. */
static void
on_search_index_progress (AllyJournalView *self,
                          double           fraction)
{
  g_autofree char *text = NULL;

  if (self->journal == NULL || ally_journal_is_search_ready (self->journal))
    {
      g_object_set (self->search_entry, "placeholder-text", _("Search Entries"), NULL);
      return;
    }
  /* Translators: %d is how much of the search index is built, in percent */
  text = g_strdup_printf (_("Search is getting ready (%d %%)"), (int) (fraction * 100));
  g_object_set (self->search_entry, "placeholder-text", text, NULL);
}

void
ally_journal_view_set_journal (AllyJournalView *self,
                               AllyJournal     *journal)
{
  g_return_if_fail (ALLY_IS_JOURNAL_VIEW (self));
  g_return_if_fail (journal == NULL || ALLY_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  if (!ally_entry_editor_set_entry (self->editor, NULL))
    g_message ("Allyship: the open journal entry could not be saved before switching journals");
  if (self->journal != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->journal, on_journal_entry_changed, self);
      g_signal_handlers_disconnect_by_func (self->journal, on_search_index_progress, self);
    }
  g_set_object (&self->journal, journal);
  ally_entry_editor_set_journal (self->editor, journal);
  if (journal != NULL)
    {
      g_signal_connect_object (journal, "entry-changed",
                               G_CALLBACK (on_journal_entry_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (journal, "entries-reset",
                               G_CALLBACK (on_journal_entry_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (journal, "search-index-progress",
                               G_CALLBACK (on_search_index_progress), self, G_CONNECT_SWAPPED);
    }
  on_search_index_progress (self, journal != NULL && ally_journal_is_search_ready (journal) ? 1.0 : 0.0);

  /* An entry deleted from the old journal cannot come back into the new one. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_clear_object (&self->deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.undo-delete", FALSE);
  /* The list is rebuilt once, below: not also for the tag the filter forgets. */
  g_signal_handlers_block_by_func (self->tag_filter, on_tag_changed, self);
  ally_tag_filter_reset (self->tag_filter);
  g_signal_handlers_unblock_by_func (self->tag_filter, on_tag_changed, self);
  ally_journal_view_refresh_tags (self);
  rebuild_list (self);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

void
ally_journal_view_set_catalog (AllyJournalView *self,
                               AllyCatalog     *catalog)
{
  g_return_if_fail (ALLY_IS_JOURNAL_VIEW (self));

  if (!g_set_object (&self->catalog, catalog))
    return;

  ally_entry_editor_set_catalog (self->editor, catalog);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

void
ally_journal_view_show_error (AllyJournalView *self,
                              const GError    *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (ALLY_IS_JOURNAL_VIEW (self));
  g_return_if_fail (error != NULL);

  /* Translators: %s is the reason the journal could not be opened */
  description = g_strdup_printf (_("Restart Allyship to try again. If this keeps happening, "
                                   "the reason below says what went wrong.\n\n%s"),
                                 error->message);
  adw_status_page_set_description (self->error_page, description);
  ally_journal_view_set_journal (self, NULL);
  ally_journal_view_update_pages (self);
}

static void
ally_journal_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AllyJournalView *self = ALLY_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_journal_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AllyJournalView *self = ALLY_JOURNAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      ally_journal_view_set_journal (self, g_value_get_object (value));
      break;

    case PROP_CATALOG:
      ally_journal_view_set_catalog (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_journal_view_dispose (GObject *object)
{
  AllyJournalView *self = ALLY_JOURNAL_VIEW (object);

  /* The editor saves what is left as it goes. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_entries_changed, self);
  if (self->journal != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->journal, on_journal_entry_changed, self);
      g_signal_handlers_disconnect_by_func (self->journal, on_search_index_progress, self);
    }
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_JOURNAL_VIEW);
  self->save_toast = NULL;
  self->undo_toast = NULL;
  g_clear_object (&self->import_toast);
  g_clear_object (&self->selection);
  g_clear_object (&self->search_results);
  g_clear_object (&self->deleted);
  g_clear_object (&self->journal);
  g_clear_object (&self->catalog);
  g_clear_object (&self->import_file);

  G_OBJECT_CLASS (ally_journal_view_parent_class)->dispose (object);
}

static void
ally_journal_view_finalize (GObject *object)
{
  AllyJournalView *self = ALLY_JOURNAL_VIEW (object);

  g_free (self->toast_title);

  G_OBJECT_CLASS (ally_journal_view_parent_class)->finalize (object);
}

static void
ally_journal_view_class_init (AllyJournalViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ally_journal_view_get_property;
  object_class->set_property = ally_journal_view_set_property;
  object_class->dispose = ally_journal_view_dispose;
  object_class->finalize = ally_journal_view_finalize;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         ALLY_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         ALLY_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ALLY_TYPE_ENTRY_EDITOR);
  g_type_ensure (ALLY_TYPE_TAG_FILTER);

  gtk_widget_class_set_css_name (widget_class, "journalview");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-journal-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, stack);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, error_page);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, content);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, entry_list);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalView, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_list_activate);

  ally_journal_view_class_install_actions (widget_class);
}

static void
ally_journal_view_init (AllyJournalView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_entry_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_entry_row), self);
  gtk_list_view_set_factory (self->entry_list, factory);
  g_object_unref (factory);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.undo-delete", FALSE);
  ally_journal_view_refresh_tags (self);
  ally_journal_view_update_pages (self);
}
