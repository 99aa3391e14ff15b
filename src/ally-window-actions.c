/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-window-actions.c: the window's actions (win.*) and keyboard shortcuts, and what links
 * one area to another: a reflection to its journal entry, a suggested commitment to Practice,
 * a term's "Used in" to its lesson. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-journal-view-private.h"
#include "ally-window-private.h"

static void
ally_window_close_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Built when asked for, not with every window: start-up only pays for what it shows. */
static void
ally_window_show_shortcuts_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/allyship/Allyship/ally-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
ally_window_show_toast_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  AllyWindow *self = ALLY_WINDOW (widget);
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
ally_window_show_term_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AllyWindow *self = ALLY_WINDOW (widget);

  if (ally_glossary_view_show_term (ally_window_get_glossary_view (self),
                                    g_variant_get_string (parameter, NULL)))
    ally_window_set_visible_area (self, "glossary");
}

/* Ctrl+N anywhere in the window: a new journal entry. */
static void
ally_window_new_entry_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AllyWindow *self = ALLY_WINDOW (widget);

  ally_window_set_visible_area (self, "journal");
  ally_journal_view_new_entry (ally_window_get_journal_view (self));
}

/* "Review" on the overview: the glossary's flashcard review. */
static void
ally_window_review_cards_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AllyWindow *self = ALLY_WINDOW (widget);

  ally_window_set_visible_area (self, "glossary");
  gtk_widget_activate_action (GTK_WIDGET (ally_window_get_glossary_view (self)), "glossary.review", NULL);
}

/* A reflection on the overview: its entry in the Journal. */
static void
ally_window_open_entry_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  AllyWindow *self = ALLY_WINDOW (widget);

  if (ally_journal_view_open_entry (ally_window_get_journal_view (self), g_variant_get_int64 (parameter)))
    ally_window_set_visible_area (self, "journal");
}

/* Ctrl+F searches what the visible area holds: the course, terms or entries. */
static void
ally_window_search_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AllyWindow *self = ALLY_WINDOW (widget);
  const char *area = ally_window_get_visible_area (self);

  if (g_strcmp0 (area, "journal") == 0)
    gtk_widget_activate_action (GTK_WIDGET (ally_window_get_journal_view (self)), "journal.search", NULL);
  else if (g_strcmp0 (area, "learn") == 0 && self->learn_view != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->learn_view), "learn.search", NULL);
  else
    {
      ally_window_set_visible_area (self, "glossary");
      gtk_widget_activate_action (GTK_WIDGET (ally_window_get_glossary_view (self)), "glossary.search", NULL);
    }
}

/* Alt+1…4: the keyboard goes with the eyes, into the area's first control, unless it was
 * already somewhere in that area. (Asked before the switch: switching away from the area
 * that had the focus moves the focus to the first control GTK finds, which can be in the
 * area shown next.) */
static void
ally_window_focus_area (AllyWindow *self,
                        gboolean    was_inside)
{
  GtkWidget *area = adw_view_stack_get_visible_child (self->stack);

  if (self->learn_view == NULL || was_inside)
    return;

  if (area == GTK_WIDGET (self->learn_bin))
    ally_learn_view_focus_default (self->learn_view);
  else if (area == GTK_WIDGET (self->glossary_bin))
    ally_glossary_view_focus_default (ally_window_get_glossary_view (self));
  else if (area == GTK_WIDGET (self->journal_bin))
    ally_journal_view_focus_default (ally_window_get_journal_view (self));
  else if (area != NULL)
    gtk_widget_child_focus (area, GTK_DIR_TAB_FORWARD);
}

static void
ally_window_show_area_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AllyWindow *self = ALLY_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *area = adw_view_stack_get_child_by_name (self->stack, name);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean was_inside = focus != NULL && area != NULL && gtk_widget_is_ancestor (focus, area);

  ally_window_set_visible_area (self, name);
  ally_window_focus_area (self, was_inside);
}

void
ally_window_on_glossary_open_lesson (AllyGlossaryView *glossary,
                         const char       *lesson_id,
                         AllyWindow       *self)
{
  /* "Used in" lists the lessons that link to the term shown: open them at that link. */
  if (ally_learn_view_open_lesson_at_term (self->learn_view, lesson_id,
                                           ally_glossary_view_get_term_id (glossary)))
    ally_window_set_visible_area (self, "learn");
}

/* Writing about a lesson's prompt (a reflection or a scenario) opens the entry written for it
 * before, or else a new one. */
static void
ally_window_write_about (AllyWindow *self,
                         const char *lesson_id,
                         const char *prompt_id,
                         const char *text)
{
  AllyJournalView *journal_view = ally_window_get_journal_view (self);
  AllyJournal *journal = ally_journal_view_get_journal (journal_view);
  gint64 id = journal ? ally_journal_find_prompt_entry (journal, lesson_id, prompt_id, NULL) : 0;

  if (id == 0 || !ally_journal_view_open_entry (journal_view, id))
    ally_journal_view_new_entry_for_prompt (journal_view, lesson_id, prompt_id, text);
  ally_window_set_visible_area (self, "journal");
}

void
ally_window_on_scenario_activated (AllyLearnView *learn,
                       AllyScenario  *scenario,
                       AllyWindow    *self)
{
  AllyLesson *lesson = ally_learn_view_get_lesson (learn);

  if (lesson != NULL)
    ally_window_write_about (self, ally_lesson_get_id (lesson), ally_scenario_get_id (scenario),
                             ally_scenario_get_ask_text (scenario));
}

/* The lesson header of a linked journal entry: back to that lesson. */
static void
ally_window_open_lesson_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  AllyWindow *self = ALLY_WINDOW (widget);

  if (self->learn_view != NULL &&
      ally_learn_view_open_lesson (self->learn_view, g_variant_get_string (parameter, NULL)))
    ally_window_set_visible_area (self, "learn");
}

/* A lesson's reflection opens a journal entry; a suggested commitment becomes the person's. */
void
ally_window_on_prompt_activated (AllyLearnView *learn,
                     AllyPrompt    *prompt,
                     AllyWindow    *self)
{
  g_autoptr(GError) error = NULL;

  if (ally_prompt_get_kind (prompt) == ALLY_PROMPT_REFLECTION)
    {
      ally_window_write_about (self, ally_prompt_get_lesson_id (prompt), ally_prompt_get_id (prompt),
                               ally_prompt_get_text (prompt));
      return;
    }

  if (ally_practice_view_adopt_commitment (ally_window_get_practice_view (self), ally_prompt_get_lesson_id (prompt),
                                           ally_prompt_get_id (prompt), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                                _("Added to your commitments in Practice"));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

/* Ctrl+L: see ally_window_lock_journal(). */
static void
ally_window_lock_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ally_window_lock_journal (ALLY_WINDOW (widget));
}

void
ally_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.close", NULL, ally_window_close_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   ally_window_show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s",
                                   ally_window_show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-term", "s",
                                   ally_window_show_term_action);
  gtk_widget_class_install_action (widget_class, "win.new-entry", NULL,
                                   ally_window_new_entry_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, ally_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-area", "s",
                                   ally_window_show_area_action);
  gtk_widget_class_install_action (widget_class, "win.review-cards", NULL,
                                   ally_window_review_cards_action);
  gtk_widget_class_install_action (widget_class, "win.open-entry", "x",
                                   ally_window_open_entry_action);
  gtk_widget_class_install_action (widget_class, "win.open-lesson", "s",
                                   ally_window_open_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, ally_window_lock_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-area", "s", "learn");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-area", "s", "glossary");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-area", "s", "journal");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-area", "s", "practice");
}
