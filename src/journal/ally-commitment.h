/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-commitment.h: something the person committed to do after a lesson. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALLY_TYPE_COMMITMENT (ally_commitment_get_type ())
G_DECLARE_FINAL_TYPE (AllyCommitment, ally_commitment, ALLY, COMMITMENT, GObject)

AllyCommitment *ally_commitment_new           (gint64          id,
                                               const char     *text,
                                               const char     *lesson_id,
                                               GDateTime      *due,
                                               GDateTime      *done_at,
                                               gint64          entry_id);
gint64          ally_commitment_get_id        (AllyCommitment *self);
const char     *ally_commitment_get_text      (AllyCommitment *self);
const char     *ally_commitment_get_lesson_id (AllyCommitment *self);
GDateTime      *ally_commitment_get_due       (AllyCommitment *self);
GDateTime      *ally_commitment_get_done_at   (AllyCommitment *self);
gint64          ally_commitment_get_entry_id  (AllyCommitment *self);

G_END_DECLS
