/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-linked-prompt.c: the lesson a journal entry belongs to, as a link that opens it
 * (win.open-lesson), and the reflection prompt the entry answers. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-linked-prompt.h"

struct _AllyLinkedPrompt
{
  GtkBox    parent_instance;

  GtkLabel *lesson_label;
  GtkLabel *prompt_label;
};

G_DEFINE_FINAL_TYPE (AllyLinkedPrompt, ally_linked_prompt, GTK_TYPE_BOX)

static gboolean
on_lesson_link_activated (GtkLabel         *label,
                          const char       *uri,
                          AllyLinkedPrompt *self)
{
  g_autofree char *lesson_id = NULL;

  if (!g_str_has_prefix (uri, "lesson:"))
    return FALSE;

  lesson_id = g_uri_unescape_string (uri + strlen ("lesson:"), NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-lesson", "s", lesson_id);
  return TRUE;
}

static void
ally_linked_prompt_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALLY_TYPE_LINKED_PROMPT);

  G_OBJECT_CLASS (ally_linked_prompt_parent_class)->dispose (object);
}

static void
ally_linked_prompt_class_init (AllyLinkedPromptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_linked_prompt_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-linked-prompt.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyLinkedPrompt, lesson_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLinkedPrompt, prompt_label);
  gtk_widget_class_bind_template_callback (widget_class, on_lesson_link_activated);
}

static void
ally_linked_prompt_init (AllyLinkedPrompt *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_linked_prompt_new (void)
{
  return g_object_new (ALLY_TYPE_LINKED_PROMPT, NULL);
}

void
ally_linked_prompt_set_lesson (AllyLinkedPrompt *self,
                               AllyLesson       *lesson,
                               const char       *prompt_id)
{
  AllyPrompt *prompt;
  g_autofree char *lesson_text = NULL;
  g_autofree char *lesson_markup = NULL;
  g_autofree char *lesson_uri = NULL;

  g_return_if_fail (ALLY_IS_LINKED_PROMPT (self));
  g_return_if_fail (lesson == NULL || ALLY_IS_LESSON (lesson));

  if (lesson == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  /* Translators: the lesson a journal entry belongs to; %u is its number, %s its title */
  lesson_text = g_strdup_printf (_("Lesson %u: %s"), ally_lesson_get_number (lesson),
                                 ally_lesson_get_title (lesson));
  /* A link to the lesson (win.open-lesson): the header takes the reader back to it. */
  lesson_uri = g_uri_escape_string (ally_lesson_get_id (lesson), NULL, FALSE);
  lesson_markup = g_markup_printf_escaped ("<a href=\"lesson:%s\">%s</a>", lesson_uri, lesson_text);
  gtk_label_set_markup (self->lesson_label, lesson_markup);
  /* An entry can belong to a lesson without answering one of its prompts. */
  prompt = prompt_id != NULL ? ally_lesson_lookup_prompt (lesson, prompt_id) : NULL;
  gtk_label_set_label (self->prompt_label, prompt ? ally_prompt_get_text (prompt) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), prompt != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}
