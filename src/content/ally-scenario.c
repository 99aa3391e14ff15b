/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-scenario.c */
#include "ally-content-private.h"

enum { PROP_0, PROP_SITUATION_TEXT, PROP_SITUATION_MARKUP, PROP_ASK_TEXT, PROP_ASK_MARKUP, N_PROPS };
static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (AllyScenario, ally_scenario, G_TYPE_OBJECT)

static void
ally_scenario_finalize (GObject *object)
{
  AllyScenario *self = ALLY_SCENARIO (object);

  g_free (self->id);
  ally_text_free (self->situation);
  ally_text_free (self->ask);
  g_object_unref (self->responses);

  G_OBJECT_CLASS (ally_scenario_parent_class)->finalize (object);
}

static void
ally_scenario_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AllyScenario *self = ALLY_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_SITUATION_TEXT:
      g_value_set_string (value, ally_text_get (self->situation));
      break;
    case PROP_SITUATION_MARKUP:
      g_value_set_string (value, ally_text_get_markup (self->situation));
      break;
    case PROP_ASK_TEXT:
      g_value_set_string (value, ally_text_get (self->ask));
      break;
    case PROP_ASK_MARKUP:
      g_value_set_string (value, ally_text_get_markup (self->ask));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_scenario_class_init (AllyScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ally_scenario_finalize;
  object_class->get_property = ally_scenario_get_property;

  props[PROP_SITUATION_TEXT] = g_param_spec_string ("situation-text", NULL, NULL, NULL, flags);
  props[PROP_SITUATION_MARKUP] = g_param_spec_string ("situation-markup", NULL, NULL, NULL, flags);
  props[PROP_ASK_TEXT] = g_param_spec_string ("ask-text", NULL, NULL, NULL, flags);
  props[PROP_ASK_MARKUP] = g_param_spec_string ("ask-markup", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_scenario_init (AllyScenario *self)
{
  self->responses = g_list_store_new (ALLY_TYPE_CHOICE);
}

AllyScenario *
ally_scenario_new (void)
{
  return g_object_new (ALLY_TYPE_SCENARIO, NULL);
}

void
ally_scenario_relocalize (AllyScenario  *self,
                          char         **wanted)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->responses));

  if (self->situation != NULL && ally_text_resolve (self->situation, wanted))
    {
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SITUATION_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SITUATION_MARKUP]);
    }
  if (self->ask != NULL && ally_text_resolve (self->ask, wanted))
    {
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ASK_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_ASK_MARKUP]);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AllyChoice) response = g_list_model_get_item (G_LIST_MODEL (self->responses), i);
      ally_choice_relocalize (response, wanted);
    }
}

const char *
ally_scenario_get_id (AllyScenario *self)
{
  g_return_val_if_fail (ALLY_IS_SCENARIO (self), NULL);
  return self->id;
}

AllySetting
ally_scenario_get_setting (AllyScenario *self)
{
  g_return_val_if_fail (ALLY_IS_SCENARIO (self), ALLY_SETTING_WORK);
  return self->setting;
}

const char *
ally_scenario_get_situation_text (AllyScenario *self)
{
  g_return_val_if_fail (ALLY_IS_SCENARIO (self), NULL);
  return ally_text_get (self->situation);
}

const char *
ally_scenario_get_situation_markup (AllyScenario *self)
{
  g_return_val_if_fail (ALLY_IS_SCENARIO (self), NULL);
  return ally_text_get_markup (self->situation);
}

const char *
ally_scenario_get_ask_text (AllyScenario *self)
{
  g_return_val_if_fail (ALLY_IS_SCENARIO (self), NULL);
  return ally_text_get (self->ask);
}

const char *
ally_scenario_get_ask_markup (AllyScenario *self)
{
  g_return_val_if_fail (ALLY_IS_SCENARIO (self), NULL);
  return ally_text_get_markup (self->ask);
}

GListModel *
ally_scenario_get_responses (AllyScenario *self)
{
  g_return_val_if_fail (ALLY_IS_SCENARIO (self), NULL);
  return G_LIST_MODEL (self->responses);
}
