/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-term-popover.h: a glossary term's definition, shown next to the link that named it. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_TERM_POPOVER (ally_term_popover_get_type ())
G_DECLARE_FINAL_TYPE (AllyTermPopover, ally_term_popover, ALLY, TERM_POPOVER, GtkPopover)

AllyTermPopover *ally_term_popover_new       (AllyCatalog     *catalog);
gboolean         ally_term_popover_show_term (AllyTermPopover *self,
                                              const char      *term_id);
const char      *ally_term_popover_get_term_id (AllyTermPopover *self);

G_END_DECLS
