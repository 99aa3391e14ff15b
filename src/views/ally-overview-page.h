/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-overview-page.h: where a returning learner lands in Learn: the lesson to continue,
 * progress, quiz results, what is due, recent reflections and the days studied. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_OVERVIEW_PAGE (ally_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (AllyOverviewPage, ally_overview_page, ALLY, OVERVIEW_PAGE, GtkWidget)

void         ally_overview_page_set_catalog (AllyOverviewPage *self,
                                             AllyCatalog      *catalog);
void         ally_overview_page_set_journal (AllyOverviewPage *self,
                                             AllyJournal      *journal);
void         ally_overview_page_refresh     (AllyOverviewPage *self);

G_END_DECLS
