/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-glossary-link-row.h: a row of a glossary term's page that leads elsewhere: a related
 * term under “See Also”, or a lesson under “Used in”. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_GLOSSARY_LINK_ROW (ally_glossary_link_row_get_type ())
G_DECLARE_FINAL_TYPE (AllyGlossaryLinkRow, ally_glossary_link_row, ALLY, GLOSSARY_LINK_ROW, AdwActionRow)

/* Activating it runs glossary.show-term with the term's id. */
GtkWidget *ally_glossary_link_row_new_for_term   (AllyTerm   *term);
/* Activating it runs glossary.open-lesson with the lesson's id. */
GtkWidget *ally_glossary_link_row_new_for_lesson (AllyLesson *lesson);

G_END_DECLS
