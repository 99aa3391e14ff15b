/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-scenario-card.c: where a scenario happens, the situation, its question with a button
 * to answer it in the journal (lesson.write-scenario), and sample responses behind an
 * expander, so the person writes their own answer before reading them. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-lesson-text.h"
#include "ally-scenario-card.h"

struct _AllyScenarioCard
{
  GtkBox             parent_instance;

  AllyJournalButton *journal_button;

  GtkLabel          *setting_label;
  GtkLabel          *situation_label;
  GtkLabel          *ask_label;
  GtkGrid           *ask_grid;
  GtkExpander       *expander;
  GtkBox            *responses_box;
};

G_DEFINE_FINAL_TYPE (AllyScenarioCard, ally_scenario_card, GTK_TYPE_BOX)

static const char *
setting_label (AllySetting setting)
{
  switch (setting)
    {
    case ALLY_SETTING_WORK: return _("At work");
    case ALLY_SETTING_SCHOOL: return _("At school");
    case ALLY_SETTING_FAMILY: return _("In the family");
    case ALLY_SETTING_ONLINE: return _("Online");
    case ALLY_SETTING_COMMUNITY: return _("In the community");
    default: return "";
    }
}

/* The expander says what it will do: show the samples, or hide them again. */
static void
on_expanded (AllyScenarioCard *self)
{
  gtk_expander_set_label (self->expander, gtk_expander_get_expanded (self->expander)
                                          ? _("Hide sample responses")
                                          : _("Show sample responses"));
}

static void
add_responses (AllyScenarioCard *self,
               GListModel       *responses)
{
  for (guint i = 0; i < g_list_model_get_n_items (responses); i++)
    {
      g_autoptr(AllyChoice) response = g_list_model_get_item (responses, i);
      /* Translators: %u numbers a sample response, %s is its text */
      g_autofree char *text = g_strdup_printf (_("<b>Response %u.</b> %s"), i + 1,
                                               ally_choice_get_markup (response));

      gtk_box_append (self->responses_box, ally_lesson_label_new (text, "lesson-text"));
      gtk_box_append (self->responses_box,
                      ally_lesson_label_new (ally_choice_get_explanation_markup (response),
                                             "response-discussion"));
    }
}

static void
ally_scenario_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALLY_TYPE_SCENARIO_CARD);

  G_OBJECT_CLASS (ally_scenario_card_parent_class)->dispose (object);
}

static void
ally_scenario_card_class_init (AllyScenarioCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_scenario_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-scenario-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyScenarioCard, setting_label);
  gtk_widget_class_bind_template_child (widget_class, AllyScenarioCard, situation_label);
  gtk_widget_class_bind_template_child (widget_class, AllyScenarioCard, ask_label);
  gtk_widget_class_bind_template_child (widget_class, AllyScenarioCard, ask_grid);
  gtk_widget_class_bind_template_child (widget_class, AllyScenarioCard, expander);
  gtk_widget_class_bind_template_child (widget_class, AllyScenarioCard, responses_box);
  gtk_widget_class_bind_template_callback (widget_class, on_expanded);
  gtk_widget_class_bind_template_callback (widget_class, ally_lesson_label_on_link);
}

static void
ally_scenario_card_init (AllyScenarioCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_scenario_card_new (AllyScenario *scenario)
{
  AllyScenarioCard *self;
  g_autofree char *ask = NULL;

  g_return_val_if_fail (ALLY_IS_SCENARIO (scenario), NULL);

  self = g_object_new (ALLY_TYPE_SCENARIO_CARD, NULL);
  ask = g_strdup_printf ("<b>%s</b>", ally_scenario_get_ask_markup (scenario));
  gtk_label_set_label (self->setting_label, setting_label (ally_scenario_get_setting (scenario)));
  gtk_label_set_markup (self->situation_label, ally_scenario_get_situation_markup (scenario));
  gtk_label_set_markup (self->ask_label, ask);
  self->journal_button = ALLY_JOURNAL_BUTTON (ally_journal_button_new ("lesson.write-scenario",
                                                                       ally_scenario_get_id (scenario)));
  gtk_grid_attach (self->ask_grid, GTK_WIDGET (self->journal_button), 1, 0, 1, 1);
  add_responses (self, ally_scenario_get_responses (scenario));

  return GTK_WIDGET (self);
}

AllyJournalButton *
ally_scenario_card_get_journal_button (AllyScenarioCard *self)
{
  g_return_val_if_fail (ALLY_IS_SCENARIO_CARD (self), NULL);

  return self->journal_button;
}
