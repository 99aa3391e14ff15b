/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry-row.c: one journal entry in the Journal's list, named for a screen reader by its
 * title and date; while searching, the words around the match show why it is listed. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-date.h"
#include "ally-entry-list.h"
#include "ally-entry-row.h"

struct _AllyEntryRow
{
  GtkBox     parent_instance;

  AllyEntry *entry;

  GtkLabel  *title;
  GtkLabel  *snippet;
  GtkLabel  *date;
  GtkLabel  *tags;
};

G_DEFINE_FINAL_TYPE (AllyEntryRow, ally_entry_row, GTK_TYPE_BOX)

/* "Today 14:05", "Yesterday", "March 4" or "March 4, 2023", in local time. */
static char *
format_updated (GDateTime *updated)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  int y, m, d;

  if (updated == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (updated);
  g_date_time_get_ymd (local, &y, &m, &d);
  if (y == g_date_time_get_year (now) && g_date_time_get_day_of_year (local) ==
                                         g_date_time_get_day_of_year (now))
    /* Translators: when a journal entry was last changed, today; a g_date_time_format() format */
    return g_date_time_format (local, _("Today %H:%M"));
  if (y == g_date_time_get_year (yesterday) && g_date_time_get_day_of_year (local) ==
                                               g_date_time_get_day_of_year (yesterday))
    return g_strdup (_("Yesterday"));
  if (y == g_date_time_get_year (now))
    /* Translators: a date in this year; a g_date_time_format() format */
    return ally_date_format (local, _("%B %-d"));
  /* Translators: a date in another year; a g_date_time_format() format */
  return ally_date_format (local, _("%B %-d, %Y"));
}

/* The title, or else the first line written, or else "Untitled". */
static char *
entry_display_title (AllyEntry *entry)
{
  const char *body = ally_entry_get_body (entry);
  g_autofree char *line = NULL;

  if (ally_entry_get_title (entry)[0] != '\0')
    return g_strdup (ally_entry_get_title (entry));

  body += strspn (body, " \t\n");
  line = g_strndup (body, strcspn (body, "\n"));
  g_strstrip (line);
  if (line[0] != '\0')
    return g_steal_pointer (&line);

  return g_strdup (_("Untitled"));
}

/* Markup for a search snippet: the text escaped, its matching words in bold, on one line. */
static char *
snippet_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_auto(GStrv) parts = g_strsplit_set (snippet, ALLY_ENTRY_LIST_MATCH_START ALLY_ENTRY_LIST_MATCH_END, -1);

  /* Split on both marks, the parts alternate: outside, match, outside, … */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_strdelimit (parts[i], "\n\t", ' '), -1);

      if (i % 2 == 1)
        g_string_append_printf (markup, "<b>%s</b>", escaped);
      else
        g_string_append (markup, escaped);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
ally_entry_row_dispose (GObject *object)
{
  AllyEntryRow *self = ALLY_ENTRY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_ENTRY_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (ally_entry_row_parent_class)->dispose (object);
}

static void
ally_entry_row_class_init (AllyEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_entry_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyEntryRow, title);
  gtk_widget_class_bind_template_child (widget_class, AllyEntryRow, snippet);
  gtk_widget_class_bind_template_child (widget_class, AllyEntryRow, date);
  gtk_widget_class_bind_template_child (widget_class, AllyEntryRow, tags);
}

static void
ally_entry_row_init (AllyEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_entry_row_new (void)
{
  return g_object_new (ALLY_TYPE_ENTRY_ROW, NULL);
}

AllyEntry *
ally_entry_row_get_entry (AllyEntryRow *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY_ROW (self), NULL);

  return self->entry;
}

void
ally_entry_row_set_entry (AllyEntryRow *self,
                          AllyEntry    *entry,
                          const char   *snippet)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (ALLY_IS_ENTRY_ROW (self));
  g_return_if_fail (ALLY_IS_ENTRY (entry));

  g_set_object (&self->entry, entry);
  title = entry_display_title (entry);
  date = format_updated (ally_entry_get_updated (entry));
  /* Translators: between the tags of a journal entry in the list */
  tags = g_strjoinv (_(", "), (char **) ally_entry_get_tags (entry));
  /* Translators: a journal entry in the list, as a screen reader reads it: its title, then
   * when it was last changed, as in "A first reflection, 5 January 2025" */
  name = g_strdup_printf (_("%s, %s"), title, date);

  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->date, date);
  gtk_label_set_label (self->tags, tags);
  ally_accessible_name_row (GTK_WIDGET (self), name);

  if (snippet != NULL)
    {
      g_autofree char *markup = snippet_markup (snippet);

      gtk_label_set_markup (self->snippet, markup);
    }
  else
    {
      gtk_label_set_label (self->snippet, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->snippet), snippet != NULL);
}
