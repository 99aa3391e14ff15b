/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry-private.h: setters only the journal uses, for fields the database decides. */
#pragma once

#include "ally-entry.h"

G_BEGIN_DECLS

void ally_entry_set_id      (AllyEntry  *self,
                             gint64      id);
void ally_entry_set_created (AllyEntry  *self,
                             GDateTime  *created);
void ally_entry_set_updated (AllyEntry  *self,
                             GDateTime  *updated);
void ally_entry_set_uid     (AllyEntry  *self,
                             const char *uid);

G_END_DECLS
