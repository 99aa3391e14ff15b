/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-scenario-card.h: a practice scenario of a lesson, with its sample responses. */
#pragma once

#include <gtk/gtk.h>

#include "ally-content.h"
#include "ally-journal-button.h"

G_BEGIN_DECLS

#define ALLY_TYPE_SCENARIO_CARD (ally_scenario_card_get_type ())
G_DECLARE_FINAL_TYPE (AllyScenarioCard, ally_scenario_card, ALLY, SCENARIO_CARD, GtkBox)

GtkWidget         *ally_scenario_card_new                (AllyScenario     *scenario);
AllyJournalButton *ally_scenario_card_get_journal_button (AllyScenarioCard *self);

G_END_DECLS
