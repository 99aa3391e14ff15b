/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-commitment-dialog.h: editing a commitment's text and due date. */
#pragma once

#include <adwaita.h>

#include "ally-commitment.h"

G_BEGIN_DECLS

#define ALLY_TYPE_COMMITMENT_DIALOG (ally_commitment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AllyCommitmentDialog, ally_commitment_dialog, ALLY, COMMITMENT_DIALOG,
                      AdwMessageDialog)

/* A dialog over PARENT with COMMITMENT's text and due date; its "save" response is enabled
 * while the text is not blank. */
AllyCommitmentDialog *ally_commitment_dialog_new         (GtkWindow            *parent,
                                                          AllyCommitment       *commitment);
/* Shows the dialog with the text focused, ready to be changed. */
void                  ally_commitment_dialog_present     (AllyCommitmentDialog *self);
gint64                ally_commitment_dialog_get_id      (AllyCommitmentDialog *self);
/* The text as edited, without surrounding spaces. */
char                 *ally_commitment_dialog_dup_text    (AllyCommitmentDialog *self);
/* Local midnight of the chosen day, or NULL when the commitment has no due date. */
GDateTime            *ally_commitment_dialog_dup_due     (AllyCommitmentDialog *self);

G_END_DECLS
