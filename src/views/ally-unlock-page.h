/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-unlock-page.h: the page shown while the journal is locked: one passphrase field. */
#pragma once

#include <adwaita.h>

#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_UNLOCK_PAGE (ally_unlock_page_get_type ())
G_DECLARE_FINAL_TYPE (AllyUnlockPage, ally_unlock_page, ALLY, UNLOCK_PAGE, GtkWidget)

void       ally_unlock_page_set_journal (AllyUnlockPage *self,
                                         AllyJournal    *journal);

G_END_DECLS
