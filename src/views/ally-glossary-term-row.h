/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-glossary-term-row.h: one term in the Glossary's list: its name, and its other forms
 * on a dimmed second line. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_GLOSSARY_TERM_ROW (ally_glossary_term_row_get_type ())
G_DECLARE_FINAL_TYPE (AllyGlossaryTermRow, ally_glossary_term_row, ALLY, GLOSSARY_TERM_ROW, GtkBox)

GtkWidget *ally_glossary_term_row_new      (void);
AllyTerm  *ally_glossary_term_row_get_term (AllyGlossaryTermRow *self);
/* Shows TERM; the row (and the list row around it) is named after it for screen readers. */
void       ally_glossary_term_row_set_term (AllyGlossaryTermRow *self,
                                            AllyTerm            *term);

G_END_DECLS
