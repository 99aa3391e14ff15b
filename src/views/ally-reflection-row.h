/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-reflection-row.h: a recent journal entry written for a lesson's prompt, on the
 * overview. */
#pragma once

#include <adwaita.h>

#include "ally-entry.h"

G_BEGIN_DECLS

#define ALLY_TYPE_REFLECTION_ROW (ally_reflection_row_get_type ())
G_DECLARE_FINAL_TYPE (AllyReflectionRow, ally_reflection_row, ALLY, REFLECTION_ROW, AdwActionRow)

GtkWidget *ally_reflection_row_new (AllyEntry *entry);

G_END_DECLS
