/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-unsaved-dialog.c: a window is closing (or the app quitting) and the text being written
 * could not be saved. Says what failed and whether an emergency copy was kept, then lets the
 * person try again, save the text to a file of their own, or quit anyway. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ally-journal-rescue.h"
#include "ally-unsaved-dialog.h"

struct _AllyUnsavedDialog
{
  AdwMessageDialog  parent_instance;

  GtkWindow        *window;
  AllyEntryEditor  *editor;
};

G_DEFINE_FINAL_TYPE (AllyUnsavedDialog, ally_unsaved_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void present_dialog (GtkWindow       *window,
                            AllyEntryEditor *editor,
                            const char      *problem);

/* The window goes once the dialog has, whatever it was doing. */
static gboolean
close_window_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static gboolean
destroy_window_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
in_idle (GSourceFunc  func,
         GtkWindow   *window)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, func, g_object_ref (window), g_object_unref);
}

static gboolean
write_text (AllyEntryEditor  *editor,
            GFile            *file,
            GError          **error)
{
  g_autofree char *text = ally_entry_editor_format_text (editor);

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     GtkWindow       *window)
{
  AllyEntryEditor *editor = g_object_get_data (G_OBJECT (chooser), "editor");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      present_dialog (window, editor, NULL);
      g_object_unref (chooser);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (write_text (editor, file, &error))
    in_idle (destroy_window_cb, window);
  else
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: %s is a file, then the reason */
      problem = g_strdup_printf (_("The text could not be written to %s: %s"), name, error->message);
      present_dialog (window, editor, problem);
    }
  g_object_unref (chooser);
}

static void
choose_file (AllyUnsavedDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Text As"), self->window,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  /* Translators: the suggested name of the file the unsaved text is written to */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Unsaved Journal Entry.txt"));
  g_object_set_data_full (G_OBJECT (chooser), "editor", g_object_ref (self->editor), g_object_unref);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self->window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* What failed, whether a copy was kept, and what quitting anyway would mean. */
static char *
describe (AllyEntryEditor *editor,
          const char      *problem)
{
  const GError *save_error = ally_entry_editor_get_save_error (editor);
  const GError *copy_error = ally_entry_editor_get_copy_error (editor);
  const char *reason = save_error ? save_error->message : _("The journal could not be saved");
  g_autoptr(GFile) dir = ally_journal_unsaved_dir ();
  g_autofree char *body = NULL;

  if (copy_error != NULL)
    /* Translators: the first %s says why the text could not be saved, the second why no
       copy could be made either */
    body = g_strdup_printf (_("%s.\n\nNo copy of the text could be kept either: %s.\n\n"
                              "If you quit anyway, the text will be lost."),
                            reason, copy_error->message);
  else
    /* Translators: the first %s says why the text could not be saved, the second is a folder */
    body = g_strdup_printf (_("%s.\n\nA copy of the text is kept in %s, and Allyship will "
                              "offer it back when it starts again. If you quit anyway, the text "
                              "will be only in that copy."),
                            reason, g_file_peek_path (dir));

  if (problem == NULL)
    return g_steal_pointer (&body);
  return g_strdup_printf ("%s\n\n%s", problem, body);
}

static void
present_dialog (GtkWindow       *window,
                AllyEntryEditor *editor,
                const char      *problem)
{
  AllyUnsavedDialog *dialog = ally_unsaved_dialog_new (window, editor);
  g_autofree char *body = describe (editor, problem);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ally_unsaved_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  AllyUnsavedDialog *self = ALLY_UNSAVED_DIALOG (dialog);

  if (self->window == NULL || self->editor == NULL)
    return;

  /* Closing again saves again, and asks again if that still fails. */
  if (g_str_equal (response, "retry"))
    in_idle (close_window_cb, self->window);
  else if (g_str_equal (response, "save"))
    choose_file (self);
  else if (g_str_equal (response, "quit"))
    in_idle (destroy_window_cb, self->window);
}

static void
ally_unsaved_dialog_dispose (GObject *object)
{
  AllyUnsavedDialog *self = ALLY_UNSAVED_DIALOG (object);

  g_clear_object (&self->window);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (ally_unsaved_dialog_parent_class)->dispose (object);
}

static void
ally_unsaved_dialog_class_init (AllyUnsavedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = ally_unsaved_dialog_dispose;
  dialog_class->response = ally_unsaved_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-unsaved-dialog.ui");
}

static void
ally_unsaved_dialog_init (AllyUnsavedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ally_unsaved_dialog_new:
 * @window: the window that is closing; closed again by Retry, destroyed by Quit Anyway
 * @editor: the editor whose text could not be saved
 */
AllyUnsavedDialog *
ally_unsaved_dialog_new (GtkWindow       *window,
                         AllyEntryEditor *editor)
{
  AllyUnsavedDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (ALLY_IS_ENTRY_EDITOR (editor), NULL);

  self = g_object_new (ALLY_TYPE_UNSAVED_DIALOG, "transient-for", window, "modal", TRUE, NULL);
  self->window = g_object_ref (window);
  self->editor = g_object_ref (editor);
  body = describe (editor, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  return self;
}
