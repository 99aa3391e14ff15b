/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-power-map.h: the power and privilege map worksheet: the course's questions, the
 * person's answers from the journal, saved as they are typed. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_POWER_MAP (ally_power_map_get_type ())
G_DECLARE_FINAL_TYPE (AllyPowerMap, ally_power_map, ALLY, POWER_MAP, GtkBox)

GtkWidget *ally_power_map_new          (void);
/* The questions (ally_catalog_get_power_map): the fields follow their changes. */
void       ally_power_map_set_questions (AllyPowerMap *self,
                                         GListModel   *questions);
/* What was typed for the old journal is saved there first; the answers are read from JOURNAL. */
void       ally_power_map_set_journal  (AllyPowerMap *self,
                                        AllyJournal  *journal);
void       ally_power_map_save         (AllyPowerMap *self);

G_END_DECLS
