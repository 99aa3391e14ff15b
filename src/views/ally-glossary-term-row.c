/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-glossary-term-row.c: one term in the Glossary's list (a GtkListView item's child). */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-glossary-term-row.h"

struct _AllyGlossaryTermRow
{
  GtkBox    parent_instance;

  AllyTerm *term;

  GtkLabel *name_label;
  GtkLabel *aliases_label;
};

G_DEFINE_FINAL_TYPE (AllyGlossaryTermRow, ally_glossary_term_row, GTK_TYPE_BOX)

static void
ally_glossary_term_row_dispose (GObject *object)
{
  AllyGlossaryTermRow *self = ALLY_GLOSSARY_TERM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_GLOSSARY_TERM_ROW);
  g_clear_object (&self->term);

  G_OBJECT_CLASS (ally_glossary_term_row_parent_class)->dispose (object);
}

static void
ally_glossary_term_row_class_init (AllyGlossaryTermRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_glossary_term_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-glossary-term-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermRow, aliases_label);
}

static void
ally_glossary_term_row_init (AllyGlossaryTermRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_glossary_term_row_new (void)
{
  return g_object_new (ALLY_TYPE_GLOSSARY_TERM_ROW, NULL);
}

AllyTerm *
ally_glossary_term_row_get_term (AllyGlossaryTermRow *self)
{
  g_return_val_if_fail (ALLY_IS_GLOSSARY_TERM_ROW (self), NULL);

  return self->term;
}

void
ally_glossary_term_row_set_term (AllyGlossaryTermRow *self,
                                 AllyTerm            *term)
{
  const char * const *aliases;
  g_autofree char *joined = NULL;

  g_return_if_fail (ALLY_IS_GLOSSARY_TERM_ROW (self));
  g_return_if_fail (ALLY_IS_TERM (term));

  g_set_object (&self->term, term);
  aliases = ally_term_get_aliases (term);
  if (aliases != NULL && aliases[0] != NULL)
    /* Translators: the separator between a term's other forms, as in “allies, allyship” */
    joined = g_strjoinv (_(", "), (char **) aliases);

  gtk_label_set_label (self->name_label, ally_term_get_name (term));
  /* An empty second line keeps every row the same height. */
  gtk_label_set_label (self->aliases_label, joined);
  ally_accessible_name_row (GTK_WIDGET (self), ally_term_get_name (term));
}
