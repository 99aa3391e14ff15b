/* ally-practice-view.c: the Practice area: the commitments a person made (their own and the
 * ones adopted from lessons) and the power and privilege map worksheet (its questions are the
 * course's, content/power-map.xml), which saves itself. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-cursor-follow.h"
#include "ally-date.h"
#include "ally-journal-progress.h"
#include "ally-practice-view.h"

/* How long typing must pause before a power map answer is saved. */
#define AUTOSAVE_DELAY_MS 800

/* One question of the map (AllyMapQuestion, from the course) and the widgets of its answer. */
typedef struct
{
  AllyPracticeView   *view;
  char               *id;       /* the key of the answer in the journal */
  GtkWidget          *box;      /* in questions_box: title, prompt, card, status */
  GtkLabel           *title;
  GtkLabel           *prompt;
  GtkTextBuffer      *buffer;
  GtkEventController *focus;
  GtkLabel           *status;
  guint               save_id;
  gboolean            dirty;
} PowerAnswer;

struct _AllyPracticeView
{
  GtkWidget           parent_instance;

  AllyJournal        *journal;
  AllyCatalog        *catalog;

  GListStore         *commitments;
  GtkFilterListModel *suggestions;
  GHashTable         *adopted;          /* "lesson id\ntext" of every commitment */
  GPtrArray          *adopt_buttons;    /* of the suggestion rows bound now */
  AllyCommitment     *deleted;          /* for Undo */
  GDateTime          *new_due;          /* due date of the commitment being written */
  GPtrArray          *answers;          /* of PowerAnswer, in the course's map order */
  gboolean            loading_answers;

  AdwToastOverlay    *toast_overlay;
  GtkStack           *main_stack;
  AdwStatusPage      *no_journal_page;
  AdwViewStack       *sections;
  GtkEntry           *new_entry;
  GtkMenuButton      *due_button;
  GtkPopover         *due_popover;
  GtkCalendar        *calendar;
  GtkLabel           *due_label;
  GtkStack           *commitments_stack;
  GtkListView        *commitment_list;
  AdwViewStackPage   *suggestions_page;
  GtkStack           *suggestions_stack;
  GtkListView        *suggestion_list;
  GtkBox             *questions_box;
};

G_DEFINE_FINAL_TYPE (AllyPracticeView, ally_practice_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (AllyPracticeView *self,
            const char       *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A failure, said for a person: the error says what happened, @hint what to do now. */
static void
show_failure (AllyPracticeView *self,
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
  show_toast (self, title);
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

static gboolean suggestion_is_new (gpointer item,
                                   gpointer user_data);

/* A suggestion already taken up says so in its row instead of offering Adopt again. */
static void
update_adopt_button (AllyPracticeView *self,
                     GtkWidget        *button)
{
  AllyPrompt *prompt = g_object_get_data (G_OBJECT (button), "prompt");
  gboolean adopted = prompt != NULL && !suggestion_is_new (prompt, self);

  gtk_button_set_label (GTK_BUTTON (button), adopted ? _("Adopted") : _("_Adopt"));
  gtk_widget_set_sensitive (button, !adopted);
  if (adopted)
    gtk_widget_remove_css_class (button, "suggested-action");
  else
    gtk_widget_add_css_class (button, "suggested-action");
}

static void
reload_commitments (AllyPracticeView *self)
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
        show_failure (self, error,
                      _("Try again after restarting Allyship."));
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

  for (guint i = 0; i < self->adopt_buttons->len; i++)
    update_adopt_button (self, g_ptr_array_index (self->adopt_buttons, i));
  update_suggestions_visibility (self);
}

static gboolean
suggestion_is_new (gpointer item,
                   gpointer user_data)
{
  AllyPracticeView *self = user_data;
  AllyPrompt *prompt = item;
  g_autofree char *key = adopted_key (ally_prompt_get_lesson_id (prompt),
                                      ally_prompt_get_text (prompt));

  return !g_hash_table_contains (self->adopted, key);
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
  if (!suggestion_is_new (prompt, self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("This suggestion is already one of your commitments."));
      return FALSE;
    }

  if (ally_journal_add_commitment (self->journal, ally_prompt_get_text (prompt), lesson_id,
                                   NULL, 0, error) == 0)
    return FALSE;

  reload_commitments (self);
  return TRUE;
}

static void
adopt_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *lesson_id, *commitment_id;

  g_variant_get (parameter, "(&s&s)", &lesson_id, &commitment_id);
  if (ally_practice_view_adopt_commitment (self, lesson_id, commitment_id, &error))
    show_toast (self, _("Added to your commitments"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      AdwToast *toast = adw_toast_new (error->message);

      /* The answer to what was just clicked: before any older toast still waiting. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    show_failure (self, error,
                  _("Please try again."));
}

static void
set_done (AllyPracticeView *self,
          AllyCommitment   *commitment,
          gboolean          done)
{
  g_autoptr(GError) error = NULL;

  if (self->journal == NULL)
    return;

  if (!ally_journal_set_commitment_done (self->journal, ally_commitment_get_id (commitment),
                                         done, &error))
    show_failure (self, error, _("Please try again."));

  /* Reloading puts the box back as it was after a failure, and moves a done one down. */
  reload_commitments (self);
}

static void
on_done_toggled (GtkCheckButton *check,
                 GtkListItem    *item)
{
  AllyPracticeView *self = g_object_get_data (G_OBJECT (check), "practice-view");
  g_autoptr(AllyCommitment) commitment = NULL;

  /* Held: reloading replaces the item while the list is rebound. */
  if (gtk_list_item_get_item (item) == NULL)
    return;
  commitment = g_object_ref (gtk_list_item_get_item (item));
  set_done (self, commitment, gtk_check_button_get_active (check));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(AllyCommitment) commitment = NULL;
  AdwToast *toast;

  if (self->journal == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->commitments)); i++)
    {
      g_autoptr(AllyCommitment) item = g_list_model_get_item (G_LIST_MODEL (self->commitments), i);

      if (ally_commitment_get_id (item) == id)
        commitment = g_steal_pointer (&item);
    }
  if (commitment == NULL)
    return;

  if (!ally_journal_delete_commitment (self->journal, id, &error))
    {
      show_failure (self, error,
                    _("Please try again."));
      return;
    }

  g_set_object (&self->deleted, commitment);
  gtk_widget_action_set_enabled (widget, "practice.undo-delete", TRUE);
  reload_commitments (self);

  toast = adw_toast_new (_("Commitment deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "practice.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  g_autoptr(AllyCommitment) deleted = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;
  gint64 id;

  gtk_widget_action_set_enabled (widget, "practice.undo-delete", FALSE);
  if (deleted == NULL || self->journal == NULL)
    return;

  id = ally_journal_add_commitment (self->journal, ally_commitment_get_text (deleted),
                                    ally_commitment_get_lesson_id (deleted),
                                    ally_commitment_get_due (deleted),
                                    ally_commitment_get_entry_id (deleted), &error);
  if (id != 0 && ally_commitment_get_done_at (deleted) != NULL)
    ally_journal_set_commitment_done (self->journal, id, TRUE, &error);
  if (error != NULL)
    show_failure (self, error,
                  _("Please add it again."));

  reload_commitments (self);
}

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* Translators: a date as in "Due 3 March 2026"; see the strftime manual for the codes */
  return ally_date_format (local, _("%-d %B %Y"));
}

static gboolean
is_before_today (GDateTime *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (date);
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      0, 0, 0);

  return g_date_time_compare (local, today) < 0;
}

/* Where a commitment came from and when it is due: "From “Privilege and identity” · Due …". */
static char *
describe_commitment (AllyPracticeView *self,
                     AllyCommitment   *commitment,
                     gboolean         *out_overdue)
{
  GString *text = g_string_new (NULL);
  AllyLesson *lesson = lookup_lesson (self, ally_commitment_get_lesson_id (commitment));
  GDateTime *due = ally_commitment_get_due (commitment);
  GDateTime *done_at = ally_commitment_get_done_at (commitment);

  *out_overdue = FALSE;
  if (lesson != NULL)
    /* Translators: where a commitment came from; %s is a lesson title */
    g_string_append_printf (text, _("From “%s”"), ally_lesson_get_title (lesson));

  if (done_at != NULL)
    {
      g_autofree char *date = format_date (done_at);

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: %s is a date */
      g_string_append_printf (text, _("Done %s"), date);
    }
  else if (due != NULL)
    {
      g_autofree char *date = format_date (due);

      if (text->len > 0)
        g_string_append (text, " · ");
      *out_overdue = is_before_today (due);
      /* Translators: %s is a date */
      g_string_append_printf (text, *out_overdue ? _("Was due %s") : _("Due %s"), date);
    }

  return g_string_free (text, FALSE);
}

static void
setup_commitment_row (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AllyPracticeView         *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  g_object_set_data (G_OBJECT (check), "practice-view", self);
  g_signal_connect (check, "toggled", G_CALLBACK (on_done_toggled), item);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (edit, _("Edit Commitment"));
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete Commitment"));
  gtk_widget_add_css_class (delete, "flat");

  gtk_box_append (GTK_BOX (row), check);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), edit);
  gtk_box_append (GTK_BOX (row), delete);
  gtk_widget_add_css_class (row, "practice-row");
  gtk_widget_add_css_class (row, "card");
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, row);
  ally_accessible_name_controls (row);
}

static void
bind_commitment_row (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AllyPracticeView         *self)
{
  AllyCommitment *commitment = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (row);
  GtkWidget *text = gtk_widget_get_next_sibling (check);
  GtkWidget *edit = gtk_widget_get_next_sibling (text);
  GtkWidget *delete = gtk_widget_get_next_sibling (edit);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  gboolean done = ally_commitment_get_done_at (commitment) != NULL;
  gboolean overdue;
  g_autofree char *description = describe_commitment (self, commitment, &overdue);

  g_signal_handlers_block_by_func (check, on_done_toggled, item);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), done);
  g_signal_handlers_unblock_by_func (check, on_done_toggled, item);
  gtk_widget_set_tooltip_text (check, done ? _("Mark as Not Done") : _("Mark as Done"));

  gtk_label_set_label (GTK_LABEL (title), ally_commitment_get_text (commitment));
  ally_accessible_name_row (row, ally_commitment_get_text (commitment));
  if (done)
    gtk_widget_add_css_class (title, "commitment-done");
  else
    gtk_widget_remove_css_class (title, "commitment-done");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);

  gtk_label_set_label (GTK_LABEL (subtitle), description);
  gtk_widget_set_visible (subtitle, description[0] != '\0');
  if (overdue)
    gtk_widget_add_css_class (subtitle, "warning");
  else
    gtk_widget_remove_css_class (subtitle, "warning");

  /* The target first: a name without it would not match the action's parameter type. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "x",
                                    ally_commitment_get_id (commitment));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "practice.delete-commitment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x",
                                    ally_commitment_get_id (commitment));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "practice.edit-commitment");
}

/* ---- Editing a commitment -------------------------------------------------------------- */

static AllyCommitment *
find_commitment (AllyPracticeView *self,
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

static void
on_edit_text_changed (GtkEditable      *text,
                      AdwMessageDialog *dialog)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (text)));

  adw_message_dialog_set_response_enabled (dialog, "save", stripped[0] != '\0');
}

static void
on_edit_response (AdwMessageDialog *dialog,
                  const char       *response,
                  AllyPracticeView *self)
{
  GtkEditable *text = g_object_get_data (G_OBJECT (dialog), "text");
  GtkCheckButton *has_due = g_object_get_data (G_OBJECT (dialog), "has-due");
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (dialog), "calendar");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "commitment-id"));
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (text)));
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || self->journal == NULL || stripped[0] == '\0')
    return;

  if (gtk_check_button_get_active (has_due))
    {
      g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

      due = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                   g_date_time_get_day_of_month (day), 0, 0, 0);
    }
  if (!ally_journal_update_commitment (self->journal, id, stripped, due, &error))
    show_failure (self, error, _("Please try again."));
  reload_commitments (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  g_autoptr(AllyCommitment) commitment = find_commitment (self, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *box, *text, *has_due, *calendar;
  GDateTime *due;

  if (commitment == NULL || self->journal == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Edit Commitment"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  text = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (text), ally_commitment_get_text (commitment));
  gtk_entry_set_activates_default (GTK_ENTRY (text), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Commitment"), -1);
  has_due = gtk_check_button_new_with_mnemonic (_("_Due date"));
  calendar = gtk_calendar_new ();
  g_object_bind_property (has_due, "active", calendar, "sensitive", G_BINDING_SYNC_CREATE);
  due = ally_commitment_get_due (commitment);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (has_due), due != NULL);
  if (due != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (due);

      gtk_calendar_select_day (GTK_CALENDAR (calendar), local);
    }
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), has_due);
  gtk_box_append (GTK_BOX (box), calendar);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "text", text);
  g_object_set_data (G_OBJECT (dialog), "has-due", has_due);
  g_object_set_data (G_OBJECT (dialog), "calendar", calendar);
  g_object_set_data (G_OBJECT (dialog), "commitment-id",
                     GSIZE_TO_POINTER ((gsize) ally_commitment_get_id (commitment)));
  g_signal_connect_object (text, "changed", G_CALLBACK (on_edit_text_changed), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_edit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (text);
}

static void
setup_suggestion_row (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AllyPracticeView         *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *adopt = gtk_button_new_with_mnemonic (_("_Adopt"));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);

  gtk_widget_set_valign (adopt, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), adopt);
  gtk_widget_add_css_class (row, "practice-row");
  gtk_widget_add_css_class (row, "card");
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, row);
  ally_accessible_name_controls (row);
}

static void
bind_suggestion_row (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     AllyPracticeView         *self)
{
  AllyPrompt *prompt = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (row);
  GtkWidget *adopt = gtk_widget_get_next_sibling (text);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  AllyLesson *lesson = lookup_lesson (self, ally_prompt_get_lesson_id (prompt));
  g_autofree char *description = NULL;

  if (lesson != NULL)
    /* Translators: %u is a lesson number, %s its title */
    description = g_strdup_printf (_("Lesson %u · %s"), ally_lesson_get_number (lesson),
                                   ally_lesson_get_title (lesson));

  gtk_label_set_label (GTK_LABEL (title), ally_prompt_get_text (prompt));
  ally_accessible_name_row (row, ally_prompt_get_text (prompt));
  gtk_label_set_label (GTK_LABEL (subtitle), description);
  gtk_widget_set_visible (subtitle, description != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (adopt), "(ss)",
                                    ally_prompt_get_lesson_id (prompt),
                                    ally_prompt_get_id (prompt));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (adopt), "practice.adopt");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (adopt),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, title, NULL, -1);
  g_object_set_data_full (G_OBJECT (adopt), "prompt", g_object_ref (prompt), g_object_unref);
  update_adopt_button (self, adopt);
  g_ptr_array_add (self->adopt_buttons, adopt);
}

static void
unbind_suggestion_row (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       AllyPracticeView         *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *adopt = gtk_widget_get_last_child (row);

  if (self->adopt_buttons == NULL) /* disposed */
    return;
  g_ptr_array_remove_fast (self->adopt_buttons, adopt);
  g_object_set_data (G_OBJECT (adopt), "prompt", NULL);
}

/* ---- Adding a commitment ------------------------------------------------------------- */

static void
set_new_due (AllyPracticeView *self,
             GDateTime        *due)
{
  g_clear_pointer (&self->new_due, g_date_time_unref);
  if (due != NULL)
    {
      g_autofree char *date = format_date (due);
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
set_due_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);

  set_new_due (self, date);
  gtk_popover_popdown (self->due_popover);
}

static void
clear_due_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);

  set_new_due (self, NULL);
  gtk_popover_popdown (self->due_popover);
}

static void
show_suggestions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->sections, "suggestions");
}

static void
add_commitment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AllyPracticeView *self = ALLY_PRACTICE_VIEW (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_entry))));
  g_autoptr(GError) error = NULL;

  if (text[0] == '\0' || self->journal == NULL)
    return;

  /* On failure the text and date stay, so nothing the person wrote is lost. */
  if (ally_journal_add_commitment (self->journal, text, NULL, self->new_due, 0, &error) == 0)
    {
      show_failure (self, error,
                    _("It is still in the box; please try again."));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_entry), "");
  set_new_due (self, NULL);
  reload_commitments (self);
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

/* The questions are the course's (content/power-map.xml, ally_catalog_get_power_map), in its
 * language; the answers are the person's, kept in the journal by question id. */

static gboolean
save_answer (PowerAnswer *answer)
{
  AllyPracticeView *self = answer->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&answer->save_id, g_source_remove);
  if (!answer->dirty || self->journal == NULL)
    return TRUE;

  gtk_text_buffer_get_bounds (answer->buffer, &start, &end);
  text = gtk_text_buffer_get_text (answer->buffer, &start, &end, FALSE);
  if (!ally_journal_set_power_map_answer (self->journal, answer->id, text, &error))
    {
      /* The text stays in the field and stays dirty: the next pause or leave tries again. */
      gtk_label_set_label (answer->status, _("Not saved"));
      gtk_widget_add_css_class (GTK_WIDGET (answer->status), "error");
      show_failure (self, error,
                    _("It is still on the page; Allyship tries again when you next pause."));
      return FALSE;
    }

  answer->dirty = FALSE;
  gtk_label_set_label (answer->status, _("Saved"));
  gtk_widget_remove_css_class (GTK_WIDGET (answer->status), "error");
  return TRUE;
}

static void
save_all_answers (AllyPracticeView *self)
{
  if (self->answers == NULL)
    return;

  for (guint i = 0; i < self->answers->len; i++)
    save_answer (self->answers->pdata[i]);
}

static gboolean
autosave_cb (gpointer data)
{
  PowerAnswer *answer = data;

  answer->save_id = 0;
  save_answer (answer);
  return G_SOURCE_REMOVE;
}

static void
on_answer_changed (GtkTextBuffer *buffer,
                   PowerAnswer   *answer)
{
  if (answer->view->loading_answers)
    return;

  answer->dirty = TRUE;
  gtk_label_set_label (answer->status, "");
  g_clear_handle_id (&answer->save_id, g_source_remove);
  answer->save_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, answer);
}

static void
on_answer_focus_leave (GtkEventControllerFocus *controller,
                       PowerAnswer             *answer)
{
  save_answer (answer);
}

/* Forgets the answer's widgets' signals and its pending save; the widgets stay in the tree
 * (questions_box or the template) until their owner lets them go. */
static void
power_answer_free (gpointer data)
{
  PowerAnswer *answer = data;

  g_clear_handle_id (&answer->save_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (answer->buffer, answer);
  g_signal_handlers_disconnect_by_data (answer->focus, answer);
  g_free (answer->id);
  g_free (answer);
}

static PowerAnswer *
power_answer_new (AllyPracticeView *self,
                  AllyMapQuestion  *map_question)
{
  PowerAnswer *answer = g_new0 (PowerAnswer, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (ally_map_question_get_title (map_question));
  GtkWidget *prompt = gtk_label_new (ally_map_question_get_prompt (map_question));
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *status = gtk_label_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (prompt), 0);
  gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
  gtk_widget_add_css_class (prompt, "dim-label");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (view, "power-answer");
  gtk_widget_set_name (view, ally_map_question_get_id (map_question));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, prompt, NULL,
                                  -1);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "power-card");
  gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (card), view);

  gtk_label_set_xalign (GTK_LABEL (status), 1);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "dim-label");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), prompt);
  gtk_box_append (GTK_BOX (box), card);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (self->questions_box, box);

  answer->view = self;
  answer->id = g_strdup (ally_map_question_get_id (map_question));
  answer->box = box;
  answer->title = GTK_LABEL (title);
  answer->prompt = GTK_LABEL (prompt);
  answer->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  answer->focus = focus;
  answer->status = GTK_LABEL (status);
  g_signal_connect (answer->buffer, "changed", G_CALLBACK (on_answer_changed), answer);
  g_signal_connect (focus, "leave", G_CALLBACK (on_answer_focus_leave), answer);
  gtk_widget_add_controller (view, focus);
  /* A long answer typed at its end stays in sight: the page scrolls with the cursor. */
  ally_cursor_follow (GTK_TEXT_VIEW (view));

  return answer;
}

static GListModel *
map_questions (AllyPracticeView *self)
{
  return self->catalog != NULL ? ally_catalog_get_power_map (self->catalog) : NULL;
}

/* TRUE if the fields are those of the course's questions, in the same order. */
static gboolean
questions_match (AllyPracticeView *self)
{
  GListModel *model = map_questions (self);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  if (n != self->answers->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AllyMapQuestion) map_question = g_list_model_get_item (model, i);
      PowerAnswer *answer = self->answers->pdata[i];

      if (g_strcmp0 (ally_map_question_get_id (map_question), answer->id) != 0)
        return FALSE;
    }

  return TRUE;
}

/* The same questions in another language: only the labels change, so what is being typed
 * (and where the focus is) stays as it is. */
static void
relabel_questions (AllyPracticeView *self)
{
  GListModel *model = map_questions (self);

  for (guint i = 0; i < self->answers->len; i++)
    {
      g_autoptr(AllyMapQuestion) map_question = g_list_model_get_item (model, i);
      PowerAnswer *answer = self->answers->pdata[i];

      gtk_label_set_label (answer->title, ally_map_question_get_title (map_question));
      gtk_label_set_label (answer->prompt, ally_map_question_get_prompt (map_question));
    }
}

static void
load_answers (AllyPracticeView *self,
              GHashTable       *unsaved)
{
  g_autoptr(GHashTable) map = NULL;
  g_autoptr(GError) error = NULL;

  if (self->journal != NULL && self->answers->len > 0)
    {
      map = ally_journal_get_power_map (self->journal, &error);
      if (map == NULL)
        show_failure (self, error,
                      _("Try again after restarting Allyship."));
    }

  self->loading_answers = TRUE;
  for (guint i = 0; i < self->answers->len; i++)
    {
      PowerAnswer *answer = self->answers->pdata[i];
      const char *kept = unsaved != NULL ? g_hash_table_lookup (unsaved, answer->id) : NULL;
      const char *text = map != NULL ? g_hash_table_lookup (map, answer->id) : NULL;

      g_clear_handle_id (&answer->save_id, g_source_remove);
      /* Text that could not be saved yet stays on the page, still waiting to be saved. */
      answer->dirty = kept != NULL;
      gtk_text_buffer_set_text (answer->buffer, kept != NULL ? kept : text != NULL ? text : "", -1);
      gtk_label_set_label (answer->status, "");
    }
  self->loading_answers = FALSE;
}

/* Other questions (a course loaded or reloaded): new fields.  What was typed is saved first;
 * what cannot be saved is carried over to a field with the same id. */
static void
rebuild_questions (AllyPracticeView *self)
{
  g_autoptr(GHashTable) unsaved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GListModel *model = map_questions (self);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  save_all_answers (self);
  for (guint i = 0; i < self->answers->len; i++)
    {
      PowerAnswer *answer = self->answers->pdata[i];
      GtkTextIter start, end;

      if (!answer->dirty)
        continue;
      gtk_text_buffer_get_bounds (answer->buffer, &start, &end);
      g_hash_table_insert (unsaved, g_strdup (answer->id),
                           gtk_text_buffer_get_text (answer->buffer, &start, &end, FALSE));
    }

  /* Signals first, so that removing a focused field does not save into a freed answer. */
  while (self->answers->len > 0)
    {
      PowerAnswer *answer = self->answers->pdata[self->answers->len - 1];
      GtkWidget *box = answer->box;

      g_ptr_array_remove_index (self->answers, self->answers->len - 1);
      gtk_box_remove (self->questions_box, box);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AllyMapQuestion) map_question = g_list_model_get_item (model, i);

      g_ptr_array_add (self->answers, power_answer_new (self, map_question));
    }

  load_answers (self, unsaved);
}

static void
on_power_map_changed (GListModel       *model,
                      guint             position,
                      guint             removed,
                      guint             added,
                      AllyPracticeView *self)
{
  if (questions_match (self))
    relabel_questions (self);
  else
    rebuild_questions (self);
}

/* ---- Properties ------------------------------------------------------------------------ */

AllyJournal *
ally_practice_view_get_journal (AllyPracticeView *self)
{
  g_return_val_if_fail (ALLY_IS_PRACTICE_VIEW (self), NULL);

  return self->journal;
}

static void
on_journal_reset (AllyJournal      *journal,
                  AllyPracticeView *self)
{
  reload_commitments (self);
}

void
ally_practice_view_set_journal (AllyPracticeView *self,
                                AllyJournal      *journal)
{
  g_return_if_fail (ALLY_IS_PRACTICE_VIEW (self));
  g_return_if_fail (journal == NULL || ALLY_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  /* What was typed for the old journal goes there before the switch. */
  save_all_answers (self);
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_func (self->journal, on_journal_reset, self);
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    g_signal_connect_object (journal, "entries-reset", G_CALLBACK (on_journal_reset), self, 0);

  g_clear_object (&self->deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "practice.undo-delete", FALSE);
  reload_commitments (self);
  load_answers (self, NULL);
  gtk_stack_set_visible_child_name (self->main_stack, journal != NULL ? "practice" : "no-journal");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

AllyCatalog *
ally_practice_view_get_catalog (AllyPracticeView *self)
{
  g_return_val_if_fail (ALLY_IS_PRACTICE_VIEW (self), NULL);

  return self->catalog;
}

/* Another language: the suggestions and the lesson titles in the rows are shown again. */
static void
on_catalog_languages_changed (AllyCatalog      *catalog,
                              GParamSpec       *pspec,
                              AllyPracticeView *self)
{
  reload_commitments (self);
}

static void
disconnect_catalog (AllyPracticeView *self)
{
  if (self->catalog == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->catalog, on_catalog_languages_changed, self);
  g_signal_handlers_disconnect_by_func (ally_catalog_get_power_map (self->catalog),
                                        on_power_map_changed, self);
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
      /* A course loaded or another language: the map's fields follow. */
      g_signal_connect_object (ally_catalog_get_power_map (catalog), "items-changed",
                               G_CALLBACK (on_power_map_changed), self, 0);
      per_lesson = gtk_map_list_model_new (g_object_ref (ally_catalog_get_lessons (catalog)),
                                           lesson_commitments, NULL, NULL);
      all_suggestions = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (per_lesson)));
    }

  gtk_filter_list_model_set_model (self->suggestions, all_suggestions);
  adw_view_stack_page_set_visible (self->suggestions_page, catalog != NULL);
  reload_commitments (self);
  rebuild_questions (self);

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
  save_all_answers (ALLY_PRACTICE_VIEW (widget));

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
  save_all_answers (self);
  disconnect_catalog (self);
  g_clear_pointer (&self->answers, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_PRACTICE_VIEW);
  g_clear_object (&self->suggestions);
  g_clear_object (&self->commitments);
  g_clear_object (&self->deleted);
  g_clear_object (&self->journal);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->new_due, g_date_time_unref);
  g_clear_pointer (&self->adopted, g_hash_table_unref);
  g_clear_pointer (&self->adopt_buttons, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, AllyPracticeView, questions_box);
  gtk_widget_class_bind_template_callback (widget_class, on_new_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_new_entry_changed);

  gtk_widget_class_install_action (widget_class, "practice.add-commitment", NULL,
                                   add_commitment_action);
  gtk_widget_class_install_action (widget_class, "practice.set-due", NULL, set_due_action);
  gtk_widget_class_install_action (widget_class, "practice.clear-due", NULL, clear_due_action);
  gtk_widget_class_install_action (widget_class, "practice.show-suggestions", NULL,
                                   show_suggestions_action);
  gtk_widget_class_install_action (widget_class, "practice.adopt", "(ss)", adopt_action);
  gtk_widget_class_install_action (widget_class, "practice.edit-commitment", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "practice.delete-commitment", "x",
                                   delete_action);
  gtk_widget_class_install_action (widget_class, "practice.undo-delete", NULL,
                                   undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "practice.undo-delete", NULL);
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
  self->answers = g_ptr_array_new_with_free_func (power_answer_free);
  self->commitments = g_list_store_new (ALLY_TYPE_COMMITMENT);
  self->adopt_buttons = g_ptr_array_new ();
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
