/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-view-actions.c: the Journal area's actions (journal.*) and what it says back in
 * toasts: a new entry, deleting the open one (with Undo), a failed save (with Retry), going
 * back to the list and to the search on a narrow window, and exporting and importing the
 * journal through file choosers. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-course-titles.h"
#include "ally-journal-lock.h"
#include "ally-journal-view-private.h"

static GtkWindow *
get_window (AllyJournalView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

AdwToast *
ally_journal_view_show_toast_for (AllyJournalView *self,
                                  const char      *title,
                                  guint            timeout_s)
{
  AdwToast *toast = adw_toast_new (title);

  /* Before it is shown: libadwaita starts a toast's timer when it is added. */
  adw_toast_set_timeout (toast, timeout_s);

  /* On a narrow window the title wraps rather than being cut short: the reason must be read. */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      GtkWidget *label = gtk_label_new (title);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      adw_toast_set_custom_title (toast, label);
    }

  g_free (self->toast_title);
  self->toast_title = g_strdup (title);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

AdwToast *
ally_journal_view_show_toast (AllyJournalView *self,
                              const char      *title)
{
  return ally_journal_view_show_toast_for (self, title, 5);
}

/* Drops a trailing full stop, so that a reason reads well inside a sentence. */
char *
ally_journal_view_reason_from_error (const GError *error)
{
  char *reason = g_strdup (error->message);
  gsize len = strlen (reason);

  if (len > 0 && reason[len - 1] == '.')
    reason[len - 1] = '\0';
  return reason;
}

static void
on_editor_saved (AllyEntryEditor *editor,
                 AllyJournalView *self)
{
  if (self->save_toast != NULL)
    adw_toast_dismiss (self->save_toast);
  ally_journal_view_sync_selection (self);
  ally_journal_view_update_pages (self);
}

static void
on_save_toast_dismissed (AdwToast        *toast,
                         AllyJournalView *self)
{
  if (self->save_toast == toast)
    self->save_toast = NULL;
}

static void
on_editor_save_failed (AllyEntryEditor *editor,
                       const GError    *error,
                       AllyJournalView *self)
{
  g_autofree char *reason = ally_journal_view_reason_from_error (error);
  /* Translators: %s says why the journal entry could not be saved */
  g_autofree char *title = g_strdup_printf (_("Could not save: %s. Your text is still here; "
                                              "try again."), reason);

  if (self->save_toast != NULL)
    adw_toast_dismiss (self->save_toast);
  /* It stays until the text is saved or the person dismisses it. */
  self->save_toast = ally_journal_view_show_toast_for (self, title, 0);
  adw_toast_set_button_label (self->save_toast, _("_Retry"));
  adw_toast_set_action_name (self->save_toast, "journal.retry-save");
  g_signal_connect_object (self->save_toast, "dismissed",
                           G_CALLBACK (on_save_toast_dismissed), self, 0);
  ally_journal_view_update_pages (self);
}

static void
retry_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ally_entry_editor_save (ALLY_JOURNAL_VIEW (widget)->editor);
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ally_journal_view_new_entry (ALLY_JOURNAL_VIEW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_navigate (ALLY_JOURNAL_VIEW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AllyJournalView *self = ALLY_JOURNAL_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AllyJournalView *self = ALLY_JOURNAL_VIEW (widget);
  g_autoptr(AllyEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->deleted == NULL || self->journal == NULL)
    return;

  id = ally_journal_restore_entry (self->journal, self->deleted, &error);
  if (id != 0)
    entry = ally_journal_get_entry (self->journal, id, &error);
  if (entry == NULL)
    {
      g_autofree char *reason = ally_journal_view_reason_from_error (error);
      /* Translators: %s says why the deleted entry could not be brought back */
      g_autofree char *title = g_strdup_printf (_("Could not restore the entry: %s"), reason);

      ally_journal_view_show_toast (self, title);
      return;
    }

  g_clear_object (&self->deleted);
  gtk_widget_action_set_enabled (widget, "journal.undo-delete", FALSE);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  ally_journal_view_show_entry (self, entry);
}

/* Undo (the toast's button or Ctrl+Z) works while the toast says the entry was deleted. */
static void
on_undo_toast_dismissed (AdwToast        *toast,
                         AllyJournalView *self)
{
  if (self->undo_toast != toast)
    return;
  self->undo_toast = NULL;
  g_clear_object (&self->deleted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.undo-delete", FALSE);
}

static void
delete_open_entry (AllyJournalView *self)
{
  g_autoptr(AllyEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (ally_entry_editor_get_entry (self->editor) == NULL)
    return;

  entry = g_object_ref (ally_entry_editor_get_entry (self->editor));
  /* Saved first, so that Undo brings back the last words typed too. */
  if (!ally_entry_editor_set_entry (self->editor, NULL))
    return;

  if (ally_entry_get_id (entry) != 0 &&
      !ally_journal_delete_entry (self->journal, ally_entry_get_id (entry), &error))
    {
      g_autofree char *reason = ally_journal_view_reason_from_error (error);
      /* Translators: %s says why the entry could not be deleted */
      g_autofree char *title = g_strdup_printf (_("Could not delete the entry: %s"), reason);

      ally_entry_editor_set_entry (self->editor, entry);
      ally_journal_view_show_toast (self, title);
      return;
    }

  g_set_object (&self->deleted, entry);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.undo-delete", TRUE);
  toast = ally_journal_view_show_toast (self, _("Entry deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "journal.undo-delete");
  self->undo_toast = toast;
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self, 0);
  ally_journal_view_update_pages (self);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* No "Are you sure?": the toast's Undo (and Ctrl+Z) bring the entry back. */
static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  delete_open_entry (ALLY_JOURNAL_VIEW (widget));
}

gboolean
ally_journal_view_export_file (AllyJournalView *self,
                               GFile           *file,
                               const char      *format)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ally_entry_editor_save (self->editor);
  if (g_strcmp0 (format, "markdown") == 0)
    ok = ally_journal_export_markdown (self->journal, file, ALLY_MARKDOWN_SINGLE_FILE,
                                       ally_course_title, self->catalog, &error);
  else
    ok = ally_journal_export_json (self->journal, file, &error);

  if (!ok)
    {
      g_autofree char *reason = ally_journal_view_reason_from_error (error);
      /* Translators: %s says why the journal could not be exported */
      g_autofree char *title = g_strdup_printf (_("Could not export the journal: %s"), reason);

      ally_journal_view_show_toast (self, title);
      return FALSE;
    }

  /* The journal lock encrypts the journal, not what leaves it. */
  if (ally_journal_is_lock_on (self->journal))
    ally_journal_view_show_toast (self, _("Journal exported. The exported file is not encrypted: "
                                          "keep it somewhere safe, or delete it when you no longer "
                                          "need it."));
  else
    ally_journal_view_show_toast (self, _("Journal exported"));
  return TRUE;
}

static void
on_import_progress (double   fraction,
                    gpointer user_data)
{
  AllyJournalView *self = user_data;
  g_autofree char *title = NULL;

  if (self->import_toast == NULL)
    return;
  /* Translators: while a journal is imported; %d is how much is done, in percent */
  title = g_strdup_printf (_("Importing the journal… %d %%"), (int) (fraction * 100));
  adw_toast_set_title (self->import_toast, title);
}

static void start_import (AllyJournalView *self,
                          GFile           *file,
                          AllyImportFlags  flags);

static void
on_import_result_response (AdwMessageDialog *dialog,
                           const char       *response,
                           AllyJournalView  *self)
{
  if (g_str_equal (response, "restore") && self->import_file != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->import_file);

      start_import (self, file, ALLY_IMPORT_RESTORE_DELETED);
    }
}

/* Some of the file's items were deleted here since: the result says so, and offers them. */
static void
offer_deleted_back (AllyJournalView *self,
                    const char      *result)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), _("Journal Imported"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s %s", result,
                                  _("What you deleted here stays deleted. To have it back as "
                                    "in the file, choose Bring Back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Keep Deleted"),
                                    "restore", _("_Bring Back"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_result_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AllyJournalView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AllyImportResult done = { 0 };
  gboolean ok = ally_journal_import_json_finish (ALLY_JOURNAL (object), result, &done, &error);

  if (self->import_toast != NULL)
    adw_toast_dismiss (self->import_toast);
  g_clear_object (&self->import_toast);
  if (self->toast_overlay == NULL) /* disposed meanwhile */
    return;
  ally_journal_view_update_pages (self);
  if (!ok)
    {
      GtkWidget *dialog = adw_message_dialog_new (get_window (self),
                                                  _("Could Not Import the Journal"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* “12 added, 3 updated, 140 already here.” */
  title = ally_import_result_describe (&done);
  ally_journal_view_show_toast (self, title);
  if (done.not_restored > 0)
    offer_deleted_back (self, title);
  ally_journal_view_refresh_tags (self);
}

static void
start_import (AllyJournalView *self,
              GFile           *file,
              AllyImportFlags  flags)
{
  ally_entry_editor_save (self->editor);
  g_set_object (&self->import_file, file);
  /* Big files take a while: the toast stays, with the progress, until the import ends. */
  self->import_toast =
    g_object_ref (ally_journal_view_show_toast_for (self, _("Importing the journal…"), 0));
  ally_journal_view_update_pages (self);
  ally_journal_import_json_async (self->journal, file, flags, NULL, on_import_progress, self,
                                  on_import_done_cb, g_object_ref (self));
}

/* Starts importing @file; the result shows as a toast or a dialog. Returns FALSE when an
 * import is already under way. */
gboolean
ally_journal_view_import_file (AllyJournalView *self,
                               GFile           *file)
{
  if (self->journal == NULL || self->import_toast != NULL)
    return FALSE;
  start_import (self, file, ALLY_IMPORT_FLAGS_NONE);
  return TRUE;
}

/* The person's documents folder, where the choosers open (the home folder without one). */
static void
open_in_documents (GtkFileChooser *chooser)
{
  const char *path = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = g_file_new_for_path (path ? path : g_get_home_dir ());

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

/* “Allyship journal 2026-11-29.json”: today's date, so that exports sort and do not
 * replace each other. */
static char *
dated_export_name (const char *extension)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  /* Translators: the suggested name of a journal export, without its extension; %s is
     today's date, such as 2026-11-29. */
  return g_strdup_printf (_("Allyship journal %s.%s"), date, extension);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    AllyJournalView *self)
{
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ally_journal_view_export_file (self, file, format);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AllyJournalView *self = ALLY_JOURNAL_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  gboolean markdown = g_str_equal (format, "markdown");
  GtkFileChooserNative *chooser;
  g_autofree char *name = dated_export_name (markdown ? "md" : "json");

  chooser = gtk_file_chooser_native_new (_("Export Journal"), get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  open_in_documents (GTK_FILE_CHOOSER (chooser));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "format",
                          g_strdup (markdown ? "markdown" : "json"), g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_import_response (GtkNativeDialog *chooser,
                    int              response,
                    AllyJournalView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ally_journal_view_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AllyJournalView *self = ALLY_JOURNAL_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Journal"), get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  open_in_documents (GTK_FILE_CHOOSER (chooser));
  gtk_file_filter_set_name (filter, _("Journal Exports (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
ally_journal_view_class_install_actions (GtkWidgetClass *widget_class)
{
  /* The editor's saves: a failure stays in a toast, with Retry, until a save works. */
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_save_failed);

  gtk_widget_class_install_action (widget_class, "journal.new-entry", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "journal.delete-entry", NULL, delete_entry_action);
  gtk_widget_class_install_action (widget_class, "journal.retry-save", NULL, retry_save_action);
  gtk_widget_class_install_action (widget_class, "journal.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "journal.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "journal.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "journal.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "journal.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "journal.new-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "journal.undo-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "journal.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "journal.back", NULL);
}
