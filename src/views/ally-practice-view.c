/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-practice-view.c: the Practice area: the commitments a person made (their own and the
 * ones adopted from lessons, AllyCommitmentRow), the suggestions of the course's lessons
 * (AllySuggestionRow) and the power and privilege map worksheet (AllyPowerMap). Its actions
 * are in ally-practice-view-actions.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-commitment-row.h"
#include "ally-date.h"
#include "ally-journal-progress.h"
#include "ally-practice-view-private.h"
#include "ally-suggestion-row.h"

G_DEFINE_FINAL_TYPE (AllyPracticeView, ally_practice_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
ally_practice_view_show_toast (AllyPracticeView *self,
                               const char       *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
ally_practice_view_show_failure (AllyPracticeView *self,
                                 const GError     *error,
                                 const char       *hint)
{
  g_autofree char *title = NULL;

  if (g_str_has_suffix (error->message, "."))
    /* Translators: %1$s is an error message ending in a full stop, %2$s says what to do */
    title = g_strdup_printf (_("%1$s %2$s"), error->message, hint);
  else
    /* Translators: %1$s is an error message without a full stop, %2$s says what to do */
    title = g_strdup_printf (_("%1$s. %2$s"), error->message, hint);
  ally_practice_view_show_toast (self, title);
}

static char *
adopted_key (const char *lesson_id,
             const char *text)
{
  return g_strconcat (lesson_id != NULL ? lesson_id : "", "\n", text, NULL);
}

static AllyLesson *
lookup_lesson (AllyPracticeView *self,
               const char       *lesson_id)
{
  if (self->catalog == NULL || lesson_id == NULL)
    return NULL;

  return ally_catalog_lookup_lesson (self->catalog, lesson_id);
}

/* ---- Commitments ---------------------------------------------------------------------- */

static void
update_suggestions_visibility (AllyPracticeView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->suggestions));

  gtk_stack_set_visible_child_name (self->suggestions_stack, n > 0 ? "list" : "none");
}

static gboolean
suggestion_is_new (AllyPracticeView *self,
                   AllyPrompt       *prompt)
{
  g_autofree char *key = adopted_key (ally_prompt_get_lesson_id (prompt),
                                      ally_prompt_get_text (prompt));

  return !g_hash_table_contains (self->adopted, key);
}

/* A suggestion already taken up says so in its row instead of offering Adopt again. */
static void
update_suggestion_row (AllyPracticeView  *self,
                       AllySuggestionRow *row)
{
  AllyPrompt *prompt = ally_suggestion_row_get_prompt (row);

  ally_suggestion_row_set_adopted (row, prompt != NULL && !suggestion_is_new (self, prompt));
}

void
ally_practice_view_reload_commitments (AllyPracticeView *self)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n;

  g_hash_table_remove_all (self->adopted);
  if (self->journal != NULL)
    {
      list = ally_journal_list_commitments (self->journal, &error);
      if (list == NULL)
        ally_practice_view_show_failure (self, error, _("Try again after restarting Allyship."));
    }

  n = list != NULL ? g_list_model_get_n_items (list) : 0;
  for (guint i = 0; i < n; i++)
    {
      AllyCommitment *commitment = g_list_model_get_item (list, i);

      g_hash_table_add (self->adopted,
                        adopted_key (ally_commitment_get_lesson_id (commitment),
                                     ally_commitment_get_text (commitment)));
      g_ptr_array_add (items, commitment);
    }

  g_list_store_splice (self->commitments, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->commitments)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->commitments_stack, n > 0 ? "list" : "empty");

  for (guint i = 0; i < self->suggestion_rows->len; i++)
    update_suggestion_row (self, g_ptr_array_index (self->suggestion_rows, i));
  update_suggestions_visibility (self);
}

AllyCommitment *
ally_practice_view_find_commitment (AllyPracticeView *self,
                                    gint64            id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->commitments)); i++)
    {
      g_autoptr(AllyCommitment) item = g_list_model_get_item (G_LIST_MODEL (self->commitments), i);

      if (ally_commitment_get_id (item) == id)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static gpointer
lesson_commitments (gpointer item,
                    gpointer user_data)
{
  g_autoptr(AllyLesson) lesson = item;

  return g_object_ref (ally_lesson_get_commitments (lesson));
}

static AllyPrompt *
find_suggestion (AllyPracticeView *self,
                 const char       *lesson_id,
                 const char       *commitment_id)
{
  AllyLesson *lesson = lookup_lesson (self, lesson_id);
  GListModel *prompts;

  if (lesson == NULL)
    return NULL;

  prompts = ally_lesson_get_commitments (lesson);
  for (guint i = 0; i < g_list_model_get_n_items (prompts); i++)
    {
      g_autoptr(AllyPrompt) prompt = g_list_model_get_item (prompts, i);

      if (g_strcmp0 (ally_prompt_get_id (prompt), commitment_id) == 0)
        return prompt;
    }

  return NULL;
}

gboolean
ally_practice_view_adopt_commitment (AllyPracticeView  *self,
                                     const char        *lesson_id,
                                     const char        *commitment_id,
                                     GError           **error)
{
  AllyPrompt *prompt;

  g_return_val_if_fail (ALLY_IS_PRACTICE_VIEW (self), FALSE);
  g_return_val_if_fail (lesson_id != NULL && commitment_id != NULL, FALSE);

  if (self->journal == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The journal is not open, so the commitment cannot be kept."));
      return FALSE;
    }

  prompt = find_suggestion (self, lesson_id, commitment_id);
  if (prompt == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This suggestion is no longer part of the course."));
      return FALSE;
    }

  /* Adopting twice keeps one commitment, and says so. */
  if (!suggestion_is_new (self, prompt))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("This suggestion is already one of your commitments."));
      return FALSE;
    }

  if (ally_journal_add_commitment (self->journal, ally_prompt_get_text (prompt), lesson_id,
                                   NULL, 0, error) == 0)
    return FALSE;

  ally_practice_view_reload_commitments (self);
  return TRUE;
}

static void
on_done_toggled (AllyCommitmentRow *row,
                 gboolean           done,
                 AllyPracticeView  *self)
{
  g_autoptr(AllyCommitment) commitment = NULL;
  g_autoptr(GError) error = NULL;

  /* Held: reloading replaces the item while the list is rebound. */
  commitment = ally_commitment_row_get_commitment (row);
  if (commitment == NULL || self->journal == NULL)
    return;
  g_object_ref (commitment);

  if (!ally_journal_set_commitment_done (self->journal, ally_commitment_get_id (commitment),
                                         done, &error))
    ally_practice_view_show_failure (self, error, _("Please try again."));

  /* Reloading puts the box back as it was after a failure, and moves a done one down. */
  ally_practice_view_reload_commitments (self);
}

static void
setup_commitment_row (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AllyPracticeView         *self)
{
  GtkWidget *row = ally_commitment_row_new ();

  g_signal_connect_object (row, "done-toggled", G_CALLBACK (on_done_toggled), self, 0);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, row);
}

static void
bind_commitment_row (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AllyPracticeView         *self)
{
  AllyCommitment *commitment = gtk_list_item_get_item (item);
  AllyLesson *lesson = lookup_lesson (self, ally_commitment_get_lesson_id (commitment));

  ally_commitment_row_set_commitment (ALLY_COMMITMENT_ROW (gtk_list_item_get_child (item)),
                                      commitment,
                                      lesson != NULL ? ally_lesson_get_title (lesson) : NULL);
}

static void
setup_suggestion_row (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AllyPracticeView         *self)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, ally_suggestion_row_new ());
}

static void
bind_suggestion_row (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AllyPracticeView         *self)
{
  AllyPrompt *prompt = gtk_list_item_get_item (item);
  AllySuggestionRow *row = ALLY_SUGGESTION_ROW (gtk_list_item_get_child (item));
  AllyLesson *lesson = lookup_lesson (self, ally_prompt_get_lesson_id (prompt));
  g_autofree char *description = NULL;

  if (lesson != NULL)
    /* Translators: %u is a lesson number, %s its title */
    description = g_strdup_printf (_("Lesson %u · %s"), ally_lesson_get_number (lesson),
                                   ally_lesson_get_title (lesson));

  ally_suggestion_row_set_prompt (row, prompt, description);
  update_suggestion_row (self, row);
  g_ptr_array_add (self->suggestion_rows, row);
}

static void
unbind_suggestion_row (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       AllyPracticeView         *self)
{
  AllySuggestionRow *row = ALLY_SUGGESTION_ROW (gtk_list_item_get_child (item));

  if (self->suggestion_rows == NULL) /* disposed */
    return;
  g_ptr_array_remove_fast (self->suggestion_rows, row);
  ally_suggestion_row_set_prompt (row, NULL, NULL);
}

/* ---- Adding a commitment ------------------------------------------------------------- */

void
ally_practice_view_set_new_due (AllyPracticeView *self,
                                GDateTime        *due)
{
  g_clear_pointer (&self->new_due, g_date_time_unref);
  if (due != NULL)
    {
      g_autofree char *date = ally_date_format_day (due);
      /* Translators: %s is a date */
      g_autofree char *label = g_strdup_printf (_("Due %s"), date);

      self->new_due = g_date_time_ref (due);
      gtk_label_set_label (self->due_label, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_button),
                               due != NULL ? _("Change the Due Date") : _("Set a Due Date"));
}

static void
on_new_entry_activate (GtkEntry         *entry,
                       AllyPracticeView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "practice.add-commitment", NULL);
}

static void
on_new_entry_changed (GtkEditable      *entry,
                      AllyPracticeView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.add-commitment", text[0] != '\0');
}

/* ---- Power and privilege map ---------------------------------------------------------- */

static void
on_power_map_failed (AllyPowerMap     *power_map,
                     const GError     *error,
                     const char       *hint,
                     AllyPracticeView *self)
{
  ally_practice_view_show_failure (self, error, hint);
}

/* ---- Properties ------------------------------------------------------------------------ */

static void
on_journal_reset (AllyJournal      *journal,
                  AllyPracticeView *self)
{
  ally_practice_view_reload_commitments (self);
}

void
ally_practice_view_set_journal (AllyPracticeView *self,
                                AllyJournal      *journal)
{
  g_return_if_fail (ALLY_IS_PRACTICE_VIEW (self));
  g_return_if_fail (journal == NULL || ALLY_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, on_journal_reset, self);
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    g_signal_connect_object (journal, "entries-reset", G_CALLBACK (on_journal_reset), self, 0);

  g_clear_object (&self->deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.undo-delete", FALSE);
  ally_practice_view_reload_commitments (self);
  /* What was typed for the old journal goes there before the switch. */
  ally_power_map_set_journal (self->power_map, journal);
  gtk_stack_set_visible_child_name (self->main_stack, journal != NULL ? "practice" : "no-journal");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

/* Another language: the suggestions and the lesson titles in the rows are shown again. */
static void
on_catalog_languages_changed (AllyCatalog      *catalog,
                              GParamSpec       *pspec,
                              AllyPracticeView *self)
{
  ally_practice_view_reload_commitments (self);
}

static void
disconnect_catalog (AllyPracticeView *self)
{
  if (self->catalog == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->catalog, on_catalog_languages_changed, self);
}

void
ally_practice_view_set_catalog (AllyPracticeView *self,
                                AllyCatalog      *catalog)
{
  g_autoptr(GListModel) all_suggestions = NULL;

  g_return_if_fail (ALLY_IS_PRACTICE_VIEW (self));
  g_return_if_fail (catalog == NULL || ALLY_IS_CATALOG (catalog));

  if (self->catalog == catalog)
    return;

  disconnect_catalog (self);
  g_set_object (&self->catalog, catalog);
  if (catalog != NULL)
    {
      GtkMapListModel *per_lesson;

      g_signal_connect_object (catalog, "notify::languages",
                               G_CALLBACK (on_catalog_languages_changed), self, 0);
      per_lesson = gtk_map_list_model_new (g_object_ref (ally_catalog_get_lessons (catalog)),
                                           lesson_commitments, NULL, NULL);
      all_suggestions = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (per_lesson)));
    }

  gtk_filter_list_model_set_model (self->suggestions, all_suggestions);
  adw_view_stack_page_set_visible (self->suggestions_page, catalog != NULL);
  ally_practice_view_reload_commitments (self);
  ally_power_map_set_questions (self->power_map,
                                catalog != NULL ? ally_catalog_get_power_map (catalog) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

void
ally_practice_view_show_error (AllyPracticeView *self,
                               const GError     *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (ALLY_IS_PRACTICE_VIEW (self));
  g_return_if_fail (error != NULL);

  /* Translators: %s is the reason the journal could not be opened */
  description = g_strdup_printf (_("Your commitments and your power map are kept in your "
                                   "private journal, which could not be opened.\n\n%s"),
                                 error->message);
  adw_status_page_set_description (self->no_journal_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "no-journal");
}

GtkWidget *
ally_practice_view_new (void)
{
  return g_object_new (ALLY_TYPE_PRACTICE_VIEW, NULL);
}

static void
ally_practice_view_unmap (GtkWidget *widget)
{
  ally_power_map_save (ALLY_PRACTICE_VIEW (widget)->power_map);

  GTK_WIDGET_CLASS (ally_practice_view_parent_class)->unmap (widget);
}

static void
ally_practice_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (object);

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
ally_practice_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      ally_practice_view_set_journal (self, g_value_get_object (value));
      break;

    case PROP_CATALOG:
      ally_practice_view_set_catalog (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_practice_view_dispose (GObject *object)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (object);

  /* Nothing typed is lost when the window closes before the autosave pause ends. */
  if (self->power_map != NULL)
    ally_power_map_save (self->power_map);
  disconnect_catalog (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_PRACTICE_VIEW);
  g_clear_object (&self->suggestions);
  g_clear_object (&self->commitments);
  g_clear_object (&self->deleted);
  g_clear_object (&self->journal);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->new_due, g_date_time_unref);
  g_clear_pointer (&self->adopted, g_hash_table_unref);
  g_clear_pointer (&self->suggestion_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ally_practice_view_parent_class)->dispose (object);
}

static void
ally_practice_view_class_init (AllyPracticeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ally_practice_view_get_property;
  object_class->set_property = ally_practice_view_set_property;
  object_class->dispose = ally_practice_view_dispose;
  widget_class->unmap = ally_practice_view_unmap;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         ALLY_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         ALLY_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ALLY_TYPE_POWER_MAP);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "practiceview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-practice-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, no_journal_page);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, sections);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, new_entry);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, due_button);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, due_popover);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, calendar);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, due_label);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, commitments_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, commitment_list);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, suggestions_page);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, suggestions_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, power_map);
  gtk_widget_class_bind_template_callback (widget_class, on_new_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_new_entry_changed);

  gtk_widget_class_bind_template_callback (widget_class, on_power_map_failed);

  ally_practice_view_class_install_actions (widget_class);
}

static void
ally_practice_view_init (AllyPracticeView *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkNoSelection) commitment_selection = NULL;
  g_autoptr(GtkNoSelection) suggestion_selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));

  self->adopted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->commitments = g_list_store_new (ALLY_TYPE_COMMITMENT);
  self->suggestion_rows = g_ptr_array_new ();
  /* Every suggestion stays listed (an adopted one says so in its row): no filter, only a
   * model that the course's suggestions are set into. */
  self->suggestions = gtk_filter_list_model_new (NULL, NULL);
  g_signal_connect_swapped (self->suggestions, "items-changed",
                            G_CALLBACK (update_suggestions_visibility), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_commitment_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_commitment_row), self);
  gtk_list_view_set_factory (self->commitment_list, factory);
  g_object_unref (factory);
  commitment_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->commitments)));
  gtk_list_view_set_model (self->commitment_list, GTK_SELECTION_MODEL (commitment_selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_suggestion_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_suggestion_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_suggestion_row), self);
  gtk_list_view_set_factory (self->suggestion_list, factory);
  g_object_unref (factory);
  suggestion_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->suggestions)));
  gtk_list_view_set_model (self->suggestion_list, GTK_SELECTION_MODEL (suggestion_selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.add-commitment", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.undo-delete", FALSE);
  adw_view_stack_page_set_visible (self->suggestions_page, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "no-journal");
}
