/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-term-popover-keeper.h: the definitions that glossary links in one widget's text open:
 * one popover at a time, pointing at the link clicked; closed ones are let go safely. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_TERM_POPOVER_KEEPER (ally_term_popover_keeper_get_type ())
G_DECLARE_FINAL_TYPE (AllyTermPopoverKeeper, ally_term_popover_keeper, ALLY, TERM_POPOVER_KEEPER,
                      GObject)

AllyTermPopoverKeeper *ally_term_popover_keeper_new       (GtkWidget             *text_widget);
gboolean               ally_term_popover_keeper_popup     (AllyTermPopoverKeeper *self,
                                                           AllyCatalog           *catalog,
                                                           const char            *term_id,
                                                           GtkWidget             *anchor);
void                   ally_term_popover_keeper_close_all (AllyTermPopoverKeeper *self);

G_END_DECLS
