/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-glossary-link-row.c: a related term or a lesson on a glossary term's page; the row
 * runs one of the Glossary view's actions, so it works wherever that view holds it. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-glossary-link-row.h"

struct _AllyGlossaryLinkRow
{
  AdwActionRow parent_instance;
};

G_DEFINE_FINAL_TYPE (AllyGlossaryLinkRow, ally_glossary_link_row, ADW_TYPE_ACTION_ROW)

static void
ally_glossary_link_row_class_init (AllyGlossaryLinkRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-glossary-link-row.ui");
}

static void
ally_glossary_link_row_init (AllyGlossaryLinkRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
link_row_new (const char *title,
              const char *action_name,
              const char *target_id)
{
  GtkWidget *self = g_object_new (ALLY_TYPE_GLOSSARY_LINK_ROW, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", target_id);
  return self;
}

GtkWidget *
ally_glossary_link_row_new_for_term (AllyTerm *term)
{
  g_return_val_if_fail (ALLY_IS_TERM (term), NULL);

  return link_row_new (ally_term_get_name (term), "glossary.show-term", ally_term_get_id (term));
}

GtkWidget *
ally_glossary_link_row_new_for_lesson (AllyLesson *lesson)
{
  GtkWidget *self;
  g_autofree char *number = NULL;

  g_return_val_if_fail (ALLY_IS_LESSON (lesson), NULL);

  self = link_row_new (ally_lesson_get_title (lesson), "glossary.open-lesson",
                       ally_lesson_get_id (lesson));
  /* Translators: %u is a lesson's number in the course */
  number = g_strdup_printf (_("Lesson %u"), ally_lesson_get_number (lesson));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), number);
  return self;
}
