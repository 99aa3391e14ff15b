/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-kept-text-dialog.c: text that could not be saved was kept in an emergency copy
 * (ally-journal-rescue.c); the next start offers it back, to restore into the journal or
 * discard. Nothing is removed unless the person says so or the text is back in the journal. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-journal-rescue.h"
#include "ally-kept-text-dialog.h"

struct _AllyKeptTextDialog
{
  AdwMessageDialog  parent_instance;

  GtkWindow        *window;
  AllyJournal      *journal;
  GPtrArray        *copies;
};

G_DEFINE_FINAL_TYPE (AllyKeptTextDialog, ally_kept_text_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* “A title” (12 March 2024, 14:05), or the first words when there is no title. */
static void
append_copy (GString   *text,
             AllyEntry *copy)
{
  const char *title = ally_entry_get_title (copy);
  g_autofree char *date = g_date_time_format (ally_entry_get_updated (copy), "%x %X");
  g_autofree char *words = NULL;

  if (title == NULL || title[0] == '\0')
    title = ally_entry_get_body (copy);
  words = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 60));
  g_strdelimit (words, "\n\t", ' ');
  /* Translators: a kept text: its title or first words, then when it was kept */
  g_string_append_printf (text, _("\n• “%s” (%s)"), words, date);
}

static char *
describe (GPtrArray *copies)
{
  GString *text = g_string_new (ngettext ("Text that could not be saved last time was kept:",
                                          "Texts that could not be saved last time were kept:",
                                          copies->len));

  for (guint i = 0; i < copies->len; i++)
    append_copy (text, g_ptr_array_index (copies, i));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Restore puts the text back in your journal. Discard deletes it "
                           "for good."));
  return g_string_free (text, FALSE);
}

static void
show_toast (AllyKeptTextDialog *self,
            const char         *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.show-toast", "s", message);
}

static void
restore_all (AllyKeptTextDialog *self)
{
  g_autoptr(GFile) dir = ally_journal_unsaved_dir ();

  for (guint i = 0; i < self->copies->len; i++)
    {
      AllyEntry *copy = g_ptr_array_index (self->copies, i);
      g_autoptr(GError) error = NULL;

      if (ally_journal_restore_unsaved (self->journal, copy, &error) == 0 ||
          !ally_journal_forget_unsaved (dir, ally_entry_get_uid (copy), &error))
        {
          /* Translators: %s is the reason; the copy is kept and offered again */
          g_autofree char *message = g_strdup_printf (_("The kept text could not be restored: %s"),
                                                      error->message);
          show_toast (self, message);
          return;
        }
    }
  show_toast (self, _("The kept text is back in your journal"));
}

static void
discard_all (AllyKeptTextDialog *self)
{
  g_autoptr(GFile) dir = ally_journal_unsaved_dir ();

  for (guint i = 0; i < self->copies->len; i++)
    {
      AllyEntry *copy = g_ptr_array_index (self->copies, i);
      g_autoptr(GError) error = NULL;

      if (!ally_journal_forget_unsaved (dir, ally_entry_get_uid (copy), &error))
        show_toast (self, error->message);
    }
}

static void
ally_kept_text_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  AllyKeptTextDialog *self = ALLY_KEPT_TEXT_DIALOG (dialog);

  if (self->journal == NULL)
    return;

  if (g_str_equal (response, "restore"))
    restore_all (self);
  else if (g_str_equal (response, "discard"))
    discard_all (self);
}

static void
ally_kept_text_dialog_dispose (GObject *object)
{
  AllyKeptTextDialog *self = ALLY_KEPT_TEXT_DIALOG (object);

  g_clear_object (&self->window);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->copies, g_ptr_array_unref);

  G_OBJECT_CLASS (ally_kept_text_dialog_parent_class)->dispose (object);
}

static void
ally_kept_text_dialog_class_init (AllyKeptTextDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = ally_kept_text_dialog_dispose;
  dialog_class->response = ally_kept_text_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-kept-text-dialog.ui");
}

static void
ally_kept_text_dialog_init (AllyKeptTextDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ally_kept_text_dialog_offer:
 * @window: the window to show the offer over, and its toasts in
 * @journal: the journal the text goes back into
 *
 * Shows the offer when emergency copies are waiting, once for each opened journal.
 *
 * Returns: %TRUE when there were copies to offer
 */
gboolean
ally_kept_text_dialog_offer (GtkWindow   *window,
                             AllyJournal *journal)
{
  g_autoptr(GFile) dir = ally_journal_unsaved_dir ();
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *body = NULL;
  AllyKeptTextDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (ALLY_IS_JOURNAL (journal), FALSE);

  if (g_object_get_data (G_OBJECT (journal), "ally-kept-text-offered") != NULL)
    return FALSE;
  copies = ally_journal_list_unsaved (journal, dir);
  if (copies->len == 0)
    return FALSE;
  g_object_set_data (G_OBJECT (journal), "ally-kept-text-offered", GINT_TO_POINTER (TRUE));

  self = g_object_new (ALLY_TYPE_KEPT_TEXT_DIALOG, "transient-for", window, "modal", TRUE, NULL);
  self->window = g_object_ref (window);
  self->journal = g_object_ref (journal);
  self->copies = g_steal_pointer (&copies);
  body = describe (self->copies);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  gtk_window_present (GTK_WINDOW (self));
  return TRUE;
}
