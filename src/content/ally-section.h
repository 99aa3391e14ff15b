/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-section.h: one section of a lesson: a heading, blocks and cites. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ALLY_TYPE_SECTION (ally_section_get_type ())
G_DECLARE_FINAL_TYPE (AllySection, ally_section, ALLY, SECTION, GObject)

const char *ally_section_get_id      (AllySection *self);
/* Plain text (headings hold no inline markup). */
const char *ally_section_get_heading (AllySection *self);
/* Of AllyBlock, in document order. */
GListModel *ally_section_get_blocks  (AllySection *self);
/* Of AllyCite. */
GListModel *ally_section_get_cites   (AllySection *self);

G_END_DECLS
