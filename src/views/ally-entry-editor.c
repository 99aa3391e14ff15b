/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry-editor.c: the title, text and tags of one journal entry, saved
 * ALLY_ENTRY_EDITOR_AUTOSAVE_MS after the last keystroke (and at least every
 * ALLY_ENTRY_EDITOR_AUTOSAVE_MAX_MS while typing goes on), and at once when another entry
 * is opened or the editor goes away. A failed save keeps every typed word in the editor and
 * in an emergency copy, says so in a bar that stays until a save works, and through
 * ::save-failed; a locked journal is retried by itself. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-autosave.h"
#include "ally-entry-editor.h"
#include "ally-entry-form.h"
#include "ally-journal-rescue.h"
#include "ally-save-problem-bar.h"

typedef enum
{
  STATUS_NONE,
  STATUS_PENDING,
  STATUS_SAVED,
  STATUS_FAILED,
  STATUS_RETRYING,
} Status;

struct _AllyEntryEditor
{
  GtkWidget           parent_instance;

  AllyJournal        *journal;
  AllyCatalog        *catalog;
  AllyEntry          *entry;

  AllyAutosave       *autosave;
  gboolean            dirty;
  Status              status;

  /* Why the last save failed, and why its emergency copy could not be made: NULL when it
   * did not, or could. A locked journal is retried every few seconds (retry_id). */
  GError             *save_error;
  GError             *copy_error;
  guint               retry_id;

  GtkWidget          *layout;
  AllySaveProblemBar *problem_bar;
  AllyEntryForm      *form;
};

G_DEFINE_FINAL_TYPE (AllyEntryEditor, ally_entry_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_CATALOG,
  PROP_ENTRY,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Who asked for a save: it says so on failure when a person asked, once when it happened by
 * itself, and not when the editor is going away (nothing shown could say it any more). */
typedef enum
{
  SAVE_ASKED,
  SAVE_AUTOMATIC,
  SAVE_LEAVING,
} SaveReason;

enum {
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

AllyEntry *
ally_entry_editor_get_entry (AllyEntryEditor *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_EDITOR (self), NULL);

  return self->entry;
}

gboolean
ally_entry_editor_has_unsaved_changes (AllyEntryEditor *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_EDITOR (self), FALSE);

  return self->dirty;
}

/* Why the last save failed, or NULL when the text is saved. */
const GError *
ally_entry_editor_get_save_error (AllyEntryEditor *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_EDITOR (self), NULL);

  return self->save_error;
}

/* Why no emergency copy of the unsaved text could be made either, or NULL. */
const GError *
ally_entry_editor_get_copy_error (AllyEntryEditor *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_EDITOR (self), NULL);

  return self->copy_error;
}

/* What the save indicator says. */
const char *
ally_entry_editor_get_status (AllyEntryEditor *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_EDITOR (self), NULL);

  switch (self->status)
    {
    case STATUS_PENDING:
      /* Translators: the journal entry will be saved in a moment */
      return _("Saving…");
    case STATUS_SAVED:
      return _("Saved");
    case STATUS_FAILED:
      return _("Not Saved");
    case STATUS_RETRYING:
      /* Translators: the journal is in use by another program; saving is tried again */
      return _("Not saved yet — retrying");
    case STATUS_NONE:
    default:
      return "";
    }
}

static void
set_status (AllyEntryEditor *self,
            Status           status)
{
  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* A copy of @entry as a new, unsaved entry: used when the stored one was deleted under us,
 * so that the next save brings the text back rather than failing again. */
static AllyEntry *
copy_as_new_entry (AllyEntry *entry)
{
  AllyEntry *copy = ally_entry_new ();

  ally_entry_set_title (copy, ally_entry_get_title (entry));
  ally_entry_set_body (copy, ally_entry_get_body (entry));
  ally_entry_set_lesson_id (copy, ally_entry_get_lesson_id (entry));
  ally_entry_set_prompt_id (copy, ally_entry_get_prompt_id (entry));
  ally_entry_set_tags (copy, ally_entry_get_tags (entry));
  return copy;
}

static gboolean retry_cb (gpointer user_data);

/* The bar above the text says what failed until a save works. */
static void
update_problem (AllyEntryEditor *self)
{
  ally_save_problem_bar_show (self->problem_bar, ally_entry_editor_get_status (self),
                              self->save_error, self->copy_error);
}

static void
clear_problem (AllyEntryEditor *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_error (&self->save_error);
  g_clear_error (&self->copy_error);
  update_problem (self);
}

/* Keeps what could not be saved in a private file until it is. */
static void
keep_copy (AllyEntryEditor *self)
{
  g_autoptr(GFile) dir = ally_journal_unsaved_dir ();

  g_clear_error (&self->copy_error);
  if (!ally_journal_keep_unsaved (self->journal, dir, self->entry, &self->copy_error))
    g_debug ("Allyship: %s", self->copy_error->message);
}

static void
forget_copy (AllyEntryEditor *self)
{
  g_autoptr(GFile) dir = ally_journal_unsaved_dir ();
  g_autoptr(GError) error = NULL;

  if (!ally_journal_forget_unsaved (dir, ally_entry_get_uid (self->entry), &error))
    g_debug ("Allyship: %s", error->message);
}

static void
save_failed (AllyEntryEditor *self,
             GError          *error,
             gboolean         locked,
             SaveReason       reason)
{
  gboolean was_failing = self->save_error != NULL;

  if (g_error_matches (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND))
    {
      g_autoptr(AllyEntry) copy = copy_as_new_entry (self->entry);

      forget_copy (self);
      g_set_object (&self->entry, copy);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
    }

  keep_copy (self);
  g_clear_error (&self->save_error);
  self->save_error = g_error_copy (error);
  if (locked && self->retry_id == 0)
    self->retry_id = g_timeout_add_seconds (ALLY_ENTRY_EDITOR_RETRY_SECONDS, retry_cb, self);
  set_status (self, locked ? STATUS_RETRYING : STATUS_FAILED);
  update_problem (self);

  /* Said once, and again whenever the person asks; not at every retry of its own. */
  if (reason == SAVE_ASKED || (reason == SAVE_AUTOMATIC && !was_failing))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static gboolean
save_now (AllyEntryEditor *self,
          SaveReason       reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean locked = FALSE;

  ally_autosave_cancel (self->autosave);
  if (!self->dirty || self->entry == NULL || self->journal == NULL)
    return TRUE;

  title = ally_entry_form_dup_title (self->form);
  body = ally_entry_form_dup_body (self->form);
  tags = ally_entry_form_dup_tags (self->form);

  /* A new entry nobody wrote anything in is not worth keeping. */
  if (ally_entry_get_id (self->entry) == 0 && title[0] == '\0' && body[0] == '\0' &&
      tags[0] == NULL && ally_entry_get_lesson_id (self->entry) == NULL)
    {
      self->dirty = FALSE;
      forget_copy (self);
      clear_problem (self);
      set_status (self, STATUS_NONE);
      return TRUE;
    }

  ally_entry_set_title (self->entry, title);
  ally_entry_set_body (self->entry, body);
  ally_entry_set_tags (self->entry, (const char * const *) tags);

  /* Never a long wait on the main thread: a locked journal is tried again soon. */
  if (ally_journal_save_entry_waiting (self->journal, self->entry, ALLY_ENTRY_EDITOR_LOCK_WAIT_MS,
                                       &locked, &error) == 0)
    {
      save_failed (self, error, locked, reason);
      return FALSE;
    }

  self->dirty = FALSE;
  forget_copy (self);
  clear_problem (self);
  set_status (self, STATUS_SAVED);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

/**
 * ally_entry_editor_save:
 *
 * Saves what was typed since the last save, now. On failure the text stays in the editor
 * and in an emergency copy, ::save-failed is emitted and %FALSE returned.
 */
gboolean
ally_entry_editor_save (AllyEntryEditor *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_EDITOR (self), FALSE);

  return save_now (self, SAVE_ASKED);
}

/* The entry as plain text a person can read anywhere: its title, its text and its tags. */
char *
ally_entry_editor_format_text (AllyEntryEditor *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_EDITOR (self), NULL);

  return ally_entry_form_format_text (self->form);
}

static gboolean
retry_cb (gpointer user_data)
{
  AllyEntryEditor *self = user_data;

  if (save_now (self, SAVE_AUTOMATIC) || self->status != STATUS_RETRYING)
    {
      self->retry_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
on_autosave (AllyEntryEditor *self)
{
  save_now (self, SAVE_AUTOMATIC);
}

static void
on_text_changed (AllyEntryEditor *self)
{
  if (self->entry == NULL)
    return;

  self->dirty = TRUE;
  if (self->save_error == NULL)
    set_status (self, STATUS_PENDING);
  ally_autosave_changed (self->autosave);
}

/* "Lesson 3: Privilege and identity" and the prompt's question, when the entry has them. */
static void
update_linked_lesson (AllyEntryEditor *self)
{
  const char *lesson_id = self->entry ? ally_entry_get_lesson_id (self->entry) : NULL;
  AllyLesson *lesson = NULL;

  if (lesson_id != NULL && self->catalog != NULL)
    lesson = ally_catalog_lookup_lesson (self->catalog, lesson_id);
  ally_entry_form_show_lesson (self->form, lesson,
                               lesson ? ally_entry_get_prompt_id (self->entry) : NULL);
}

static void
load_entry (AllyEntryEditor *self)
{
  ally_entry_form_load (self->form, self->entry);
  self->dirty = FALSE;
  ally_autosave_cancel (self->autosave);
  clear_problem (self);
  set_status (self, self->entry && ally_entry_get_id (self->entry) != 0 ? STATUS_SAVED : STATUS_NONE);
  update_linked_lesson (self);
}

/**
 * ally_entry_editor_set_entry:
 * @entry: (nullable): the entry to edit; the editor changes it in place as it saves
 *
 * Saves the entry being edited first. When that fails, the editor keeps it (and its text)
 * and returns %FALSE.
 */
gboolean
ally_entry_editor_set_entry (AllyEntryEditor *self,
                             AllyEntry       *entry)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_EDITOR (self), FALSE);
  g_return_val_if_fail (entry == NULL || ALLY_IS_ENTRY (entry), FALSE);

  if (self->entry == entry)
    return TRUE;
  if (!ally_entry_editor_save (self))
    return FALSE;

  g_set_object (&self->entry, entry);
  load_entry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
  return TRUE;
}

void
ally_entry_editor_set_journal (AllyEntryEditor *self,
                               AllyJournal     *journal)
{
  g_return_if_fail (ALLY_IS_ENTRY_EDITOR (self));

  if (self->journal == journal)
    return;

  ally_entry_editor_save (self);
  g_set_object (&self->journal, journal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

void
ally_entry_editor_set_catalog (AllyEntryEditor *self,
                               AllyCatalog     *catalog)
{
  g_return_if_fail (ALLY_IS_ENTRY_EDITOR (self));

  if (!g_set_object (&self->catalog, catalog))
    return;

  update_linked_lesson (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

void
ally_entry_editor_focus_title (AllyEntryEditor *self)
{
  g_return_if_fail (ALLY_IS_ENTRY_EDITOR (self));

  ally_entry_form_focus_title (self->form);
}

void
ally_entry_editor_focus_body (AllyEntryEditor *self)
{
  g_return_if_fail (ALLY_IS_ENTRY_EDITOR (self));

  ally_entry_form_focus_body (self->form);
}

static void
ally_entry_editor_retry_save_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  ally_entry_editor_save (ALLY_ENTRY_EDITOR (widget));
}

static void
ally_entry_editor_unmap (GtkWidget *widget)
{
  /* The window is closing or another area is shown: keep what was typed. */
  save_now (ALLY_ENTRY_EDITOR (widget), SAVE_LEAVING);

  GTK_WIDGET_CLASS (ally_entry_editor_parent_class)->unmap (widget);
}

static void
ally_entry_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AllyEntryEditor *self = ALLY_ENTRY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    case PROP_STATUS:
      g_value_set_string (value, ally_entry_editor_get_status (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_entry_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AllyEntryEditor *self = ALLY_ENTRY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      ally_entry_editor_set_journal (self, g_value_get_object (value));
      break;

    case PROP_CATALOG:
      ally_entry_editor_set_catalog (self, g_value_get_object (value));
      break;

    case PROP_ENTRY:
      ally_entry_editor_set_entry (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_entry_editor_dispose (GObject *object)
{
  AllyEntryEditor *self = ALLY_ENTRY_EDITOR (object);

  /* Saved before the widgets holding the text go. */
  if (self->entry != NULL)
    save_now (self, SAVE_LEAVING);
  ally_autosave_cancel (self->autosave);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_error (&self->save_error);
  g_clear_error (&self->copy_error);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_ENTRY_EDITOR);
  g_clear_object (&self->entry);
  g_clear_object (&self->journal);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (ally_entry_editor_parent_class)->dispose (object);
}

/* The autosave timer lives as long as the editor: the text may be saved until then. */
static void
ally_entry_editor_finalize (GObject *object)
{
  g_object_unref (ALLY_ENTRY_EDITOR (object)->autosave);

  G_OBJECT_CLASS (ally_entry_editor_parent_class)->finalize (object);
}

static void
ally_entry_editor_class_init (AllyEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ally_entry_editor_get_property;
  object_class->set_property = ally_entry_editor_set_property;
  object_class->dispose = ally_entry_editor_dispose;
  object_class->finalize = ally_entry_editor_finalize;
  widget_class->unmap = ally_entry_editor_unmap;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         ALLY_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         ALLY_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         ALLY_TYPE_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The entry was saved (it has an id from now on). */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Saving failed; the text is still in the editor. */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  g_type_ensure (ALLY_TYPE_ENTRY_FORM);
  g_type_ensure (ALLY_TYPE_SAVE_PROBLEM_BAR);

  gtk_widget_class_set_css_name (widget_class, "entryeditor");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyEntryEditor, layout);
  gtk_widget_class_bind_template_child (widget_class, AllyEntryEditor, problem_bar);
  gtk_widget_class_bind_template_child (widget_class, AllyEntryEditor, form);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);

  gtk_widget_class_install_action (widget_class, "editor.retry-save", NULL,
                                   ally_entry_editor_retry_save_action);
}

static void
ally_entry_editor_init (AllyEntryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->autosave = ally_autosave_new (ALLY_ENTRY_EDITOR_AUTOSAVE_MS,
                                      ALLY_ENTRY_EDITOR_AUTOSAVE_MAX_MS);
  g_signal_connect_swapped (self->autosave, "save", G_CALLBACK (on_autosave), self);
}
