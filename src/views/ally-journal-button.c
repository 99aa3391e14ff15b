/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-button.c: activates its action with the prompt's id (reflections and
 * scenarios), and once the person has written about the prompt says "Written" beside it and
 * opens that entry instead. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-journal-button.h"

struct _AllyJournalButton
{
  GtkBox     parent_instance;

  char      *prompt_id;
  gboolean   written;

  GtkWidget *written_label;
  GtkWidget *button;
};

G_DEFINE_FINAL_TYPE (AllyJournalButton, ally_journal_button, GTK_TYPE_BOX)

static void
ally_journal_button_finalize (GObject *object)
{
  AllyJournalButton *self = ALLY_JOURNAL_BUTTON (object);

  g_free (self->prompt_id);

  G_OBJECT_CLASS (ally_journal_button_parent_class)->finalize (object);
}

static void
ally_journal_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALLY_TYPE_JOURNAL_BUTTON);

  G_OBJECT_CLASS (ally_journal_button_parent_class)->dispose (object);
}

static void
ally_journal_button_class_init (AllyJournalButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_journal_button_dispose;
  object_class->finalize = ally_journal_button_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-journal-button.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyJournalButton, written_label);
  gtk_widget_class_bind_template_child (widget_class, AllyJournalButton, button);
}

static void
ally_journal_button_init (AllyJournalButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->button, TRUE);
}

/**
 * ally_journal_button_new:
 * @action_name: the action the button activates, with @prompt_id as its target
 */
GtkWidget *
ally_journal_button_new (const char *action_name,
                         const char *prompt_id)
{
  AllyJournalButton *self = g_object_new (ALLY_TYPE_JOURNAL_BUTTON, NULL);

  self->prompt_id = g_strdup (prompt_id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->button), "s", prompt_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), action_name);

  return GTK_WIDGET (self);
}

const char *
ally_journal_button_get_prompt_id (AllyJournalButton *self)
{
  g_return_val_if_fail (ALLY_IS_JOURNAL_BUTTON (self), NULL);

  return self->prompt_id;
}

void
ally_journal_button_set_written (AllyJournalButton *self,
                                 gboolean           written)
{
  const char *tooltip = written ? _("Open Your Entry") : _("Write About This in Your Journal");

  g_return_if_fail (ALLY_IS_JOURNAL_BUTTON (self));

  /* Each page update asks again; a tooltip set again costs a round trip to the display. */
  if (self->written == written)
    return;
  self->written = written;
  gtk_button_set_icon_name (GTK_BUTTON (self->button), written ? "document-open-symbolic"
                                                               : "document-edit-symbolic");
  /* An icon-only button: its name is its tooltip, for screen readers as for the mouse. */
  gtk_widget_set_tooltip_text (self->button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_visible (self->written_label, written);
}
