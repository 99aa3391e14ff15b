/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-due-commitment-row.h: a commitment due today or overdue, on the overview. */
#pragma once

#include <adwaita.h>

#include "ally-commitment.h"

G_BEGIN_DECLS

#define ALLY_TYPE_DUE_COMMITMENT_ROW (ally_due_commitment_row_get_type ())
G_DECLARE_FINAL_TYPE (AllyDueCommitmentRow, ally_due_commitment_row, ALLY, DUE_COMMITMENT_ROW, AdwActionRow)

GtkWidget *ally_due_commitment_row_new (AllyCommitment *commitment,
                                        GDateTime      *now);

G_END_DECLS
