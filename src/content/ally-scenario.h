/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-scenario.h: a situation, an open question for the journal, sample responses. */
#pragma once

#include <gio/gio.h>

#include "ally-choice.h"

G_BEGIN_DECLS

typedef enum
{
  ALLY_SETTING_WORK,
  ALLY_SETTING_SCHOOL,
  ALLY_SETTING_FAMILY,
  ALLY_SETTING_ONLINE,
  ALLY_SETTING_COMMUNITY,
} AllySetting;

#define ALLY_TYPE_SCENARIO (ally_scenario_get_type ())
G_DECLARE_FINAL_TYPE (AllyScenario, ally_scenario, ALLY, SCENARIO, GObject)

const char  *ally_scenario_get_id               (AllyScenario *self);
AllySetting  ally_scenario_get_setting          (AllyScenario *self);
const char  *ally_scenario_get_situation_text   (AllyScenario *self);
const char  *ally_scenario_get_situation_markup (AllyScenario *self);
const char  *ally_scenario_get_ask_text         (AllyScenario *self);
const char  *ally_scenario_get_ask_markup       (AllyScenario *self);
/* Of AllyChoice: each sample response is a text and its discussion (the comment). */
GListModel  *ally_scenario_get_responses        (AllyScenario *self);

G_END_DECLS
