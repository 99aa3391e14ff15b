/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-commitment-row.h: one commitment in the Practice list: done check, text, where it
 * came from and when it is due, Edit and Delete. */
#pragma once

#include <adwaita.h>

#include "ally-commitment.h"

G_BEGIN_DECLS

#define ALLY_TYPE_COMMITMENT_ROW (ally_commitment_row_get_type ())
G_DECLARE_FINAL_TYPE (AllyCommitmentRow, ally_commitment_row, ALLY, COMMITMENT_ROW, GtkBox)

GtkWidget      *ally_commitment_row_new            (void);
AllyCommitment *ally_commitment_row_get_commitment (AllyCommitmentRow *self);
/* Shows COMMITMENT, and under it where it came from (LESSON_TITLE, or NULL for one of the
 * person's own) and when it is due or was done; a date gone by is shown as a warning. */
void            ally_commitment_row_set_commitment (AllyCommitmentRow *self,
                                                    AllyCommitment    *commitment,
                                                    const char        *lesson_title);

G_END_DECLS
