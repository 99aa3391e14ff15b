/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry-form.c: the title, text and tags of one journal entry, under the lesson and
 * prompt it answers. It says when the person changed them (::changed); the editor around it
 * decides when to save. The text view is as tall as its text, and the page scrolls to keep
 * the cursor in sight. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-cursor-follow.h"
#include "ally-entry-form.h"
#include "ally-linked-prompt.h"

struct _AllyEntryForm
{
  GtkWidget         parent_instance;

  gboolean          loading;

  GtkWidget        *scroller;
  AllyLinkedPrompt *linked_prompt;
  GtkEditable      *title_entry;
  GtkTextView      *body_view;
  GtkEditable      *tags_entry;
};

G_DEFINE_FINAL_TYPE (AllyEntryForm, ally_entry_form, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_text_changed (AllyEntryForm *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Enter in the title moves on to the text. */
static void
on_title_activate (AllyEntryForm *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
ally_entry_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALLY_TYPE_ENTRY_FORM);

  G_OBJECT_CLASS (ally_entry_form_parent_class)->dispose (object);
}

static void
ally_entry_form_class_init (AllyEntryFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_entry_form_dispose;

  /* The person changed the title, the text or the tags. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ALLY_TYPE_LINKED_PROMPT);

  gtk_widget_class_set_css_name (widget_class, "entryform");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-entry-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyEntryForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, AllyEntryForm, linked_prompt);
  gtk_widget_class_bind_template_child (widget_class, AllyEntryForm, title_entry);
  gtk_widget_class_bind_template_child (widget_class, AllyEntryForm, body_view);
  gtk_widget_class_bind_template_child (widget_class, AllyEntryForm, tags_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_title_activate);
}

static void
ally_entry_form_init (AllyEntryForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (on_text_changed), self);
  ally_cursor_follow (self->body_view);
}

GtkWidget *
ally_entry_form_new (void)
{
  return g_object_new (ALLY_TYPE_ENTRY_FORM, NULL);
}

void
ally_entry_form_load (AllyEntryForm *self,
                      AllyEntry     *entry)
{
  const char * const *tags = entry ? ally_entry_get_tags (entry) : NULL;
  g_autofree char *tags_text = tags ? g_strjoinv (", ", (char **) tags) : NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start;

  g_return_if_fail (ALLY_IS_ENTRY_FORM (self));
  g_return_if_fail (entry == NULL || ALLY_IS_ENTRY (entry));

  self->loading = TRUE;
  gtk_editable_set_text (self->title_entry, entry ? ally_entry_get_title (entry) : "");
  gtk_text_buffer_set_text (buffer, entry ? ally_entry_get_body (entry) : "", -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_editable_set_text (self->tags_entry, tags_text ? tags_text : "");
  self->loading = FALSE;
}

void
ally_entry_form_show_lesson (AllyEntryForm *self,
                             AllyLesson    *lesson,
                             const char    *prompt_id)
{
  g_return_if_fail (ALLY_IS_ENTRY_FORM (self));

  ally_linked_prompt_set_lesson (self->linked_prompt, lesson, prompt_id);
}

char *
ally_entry_form_dup_title (AllyEntryForm *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_FORM (self), NULL);

  return g_strdup (gtk_editable_get_text (self->title_entry));
}

char *
ally_entry_form_dup_body (AllyEntryForm *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ALLY_IS_ENTRY_FORM (self), NULL);

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

GStrv
ally_entry_form_dup_tags (AllyEntryForm *self)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ALLY_IS_ENTRY_FORM (self), NULL);

  parts = g_strsplit (gtk_editable_get_text (self->tags_entry), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

char *
ally_entry_form_format_text (AllyEntryForm *self)
{
  g_autofree char *body = NULL;
  GString *text;
  const char *title;
  const char *tags;

  g_return_val_if_fail (ALLY_IS_ENTRY_FORM (self), NULL);

  text = g_string_new (NULL);
  title = gtk_editable_get_text (self->title_entry);
  tags = gtk_editable_get_text (self->tags_entry);
  body = ally_entry_form_dup_body (self);
  if (title[0] != '\0')
    g_string_append_printf (text, "%s\n\n", title);
  g_string_append_printf (text, "%s\n", body);
  if (tags[0] != '\0')
    /* Translators: %s is the entry's tags, separated by commas */
    g_string_append_printf (text, _("\nTags: %s\n"), tags);
  return g_string_free (text, FALSE);
}

void
ally_entry_form_focus_title (AllyEntryForm *self)
{
  g_return_if_fail (ALLY_IS_ENTRY_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

void
ally_entry_form_focus_body (AllyEntryForm *self)
{
  g_return_if_fail (ALLY_IS_ENTRY_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}
