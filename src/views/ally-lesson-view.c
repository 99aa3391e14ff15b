/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-view.c: lays out one lesson as a readable page and runs its self-check quiz. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ally-accessible.h"
#include "ally-date.h"
#include "ally-lesson-view.h"
#include "ally-search.h"
#include "ally-search-text.h"
#include "ally-reveal-queue.h"

struct _AllyLessonView
{
  GtkWidget       parent_instance;

  AllyLesson     *lesson;
  AllyJournal    *journal;

  /* Question id → whether the chosen answer is right, for the quiz score. */
  GHashTable     *answers;
  /* TRUE while saved answers are put back, so they are not saved again. */
  gboolean        restoring;

  /* Where the reader was in the lesson, in thousandths of the scrollable height: saved a
   * moment after scrolling stops, put back once the page is laid out (-1: nothing to put). */
  guint           save_position_id;
  int             restore_position;
  /* While the page is being laid out: put the place back until its height stops changing. */
  guint           restore_tick_id;
  double          restore_upper;
  /* Or, instead of the saved place: the term whose first link is to be shown at the top. */
  char           *reveal_term_id;
  /* Or a widget of the page (a missed question, a search match) to show at the top. */
  GtkWidget      *reveal_widget;

  /* The label a search opened the lesson at, highlighted. */
  GtkWidget      *search_match;

  /* Every quiz choice's ChoiceData (owned by its button's handler), in page order. */
  GPtrArray      *choices;

  /* Shows the page's parts below its first screenful over the next frames. */
  AllyRevealQueue *reveal;

  /* The "Write About This in Your Journal" buttons, to show which prompts were answered. */
  GPtrArray      *journal_buttons;

  GtkScrolledWindow *scroller;
  GtkLabel       *number_label;
  GtkLabel       *title_label;
  GtkLabel       *summary_label;
  GtkLabel       *minutes_label;
  GtkBox         *sections_box;
  GtkBox         *key_points_box;
  GtkWidget      *quiz_heading;
  GtkBox         *quiz_box;
  GtkWidget      *scenarios_heading;
  GtkBox         *scenarios_box;
  GtkListBox     *reflections_list;
  GtkListBox     *commitments_list;
  GtkBox         *sources_box;
  GtkWidget      *complete_button;
  GtkLabel       *completed_label;
  GtkWidget      *uncomplete_button;
  GtkWidget      *next_box;
  GtkLabel       *next_title_label;
};

/* How far below the top of the page a revealed term's paragraph starts, in pixels. */
#define REVEAL_MARGIN 24

G_DEFINE_FINAL_TYPE (AllyLessonView, ally_lesson_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LESSON,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TERM_ACTIVATED,
  LESSON_COMPLETED,
  PROMPT_ACTIVATED,
  SCENARIO_ACTIVATED,
  NEXT_LESSON,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

AllyLessonView *
ally_lesson_view_new (void)
{
  return g_object_new (ALLY_TYPE_LESSON_VIEW, NULL);
}

AllyLesson *
ally_lesson_view_get_lesson (AllyLessonView *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), NULL);

  return self->lesson;
}

/* Term links in the text are "term:ID"; they open the term's definition next to the link. */
static gboolean
on_activate_link (GtkLabel       *label,
                  const char     *uri,
                  AllyLessonView *self)
{
  if (!g_str_has_prefix (uri, "term:"))
    return FALSE;

  g_signal_emit (self, signals[TERM_ACTIVATED], 0, uri + strlen ("term:"), label);
  return TRUE;
}

static GtkWidget *
markup_label (AllyLessonView *self,
              const char     *markup,
              const char     *css_class)
{
  /* A label's role is fixed when it is made: section titles are headings for screen readers. */
  gboolean heading = g_strcmp0 (css_class, "title-3") == 0;
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", heading ? GTK_ACCESSIBLE_ROLE_HEADING
                                                              : GTK_ACCESSIBLE_ROLE_LABEL,
                                   NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  g_signal_connect (label, "activate-link", G_CALLBACK (on_activate_link), self);

  return label;
}

/* Two widgets side by side, the first at its natural width and the second taking the rest.
 * A GtkGrid, not a horizontal GtkBox: GTK 4.8's box allocation asks each child for its width
 * at the row's height, which makes every wrapping label search for its width (ten layouts
 * each) on every allocation; the grid measures widths at natural size and heights per width. */
static GtkWidget *
side_by_side (GtkWidget *start,
              GtkWidget *end,
              int        spacing)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), spacing);
  gtk_grid_attach (GTK_GRID (grid), start, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), end, 1, 0, 1, 1);

  return grid;
}

static GtkWidget *
bullet_row (AllyLessonView *self,
            const char     *markup,
            const char     *css_class)
{
  GtkWidget *bullet = gtk_label_new ("•");

  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_widget_add_css_class (bullet, "dim-label");

  return side_by_side (bullet, markup_label (self, markup, css_class), 10);
}

static void
remove_all_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static GtkWidget *
block_widget (AllyLessonView *self,
              AllyBlock      *block)
{
  GtkWidget *list;

  if (ally_block_get_kind (block) == ALLY_BLOCK_PARAGRAPH)
    return markup_label (self, ally_block_get_markup (block), "lesson-text");

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (list, 6);
  for (guint i = 0; i < ally_block_get_n_items (block); i++)
    gtk_box_append (GTK_BOX (list), bullet_row (self, ally_block_get_item_markup (block, i),
                                                "lesson-text"));

  return list;
}

/* "Source: Kim (2019), Definition" under a section, so every claim can be traced. */
static char *
cites_markup (GListModel *cites)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cites); i++)
    {
      g_autoptr(AllyCite) cite = g_list_model_get_item (cites, i);
      AllySource *source = ally_cite_get_source (cite);
      const char * const *authors = source ? ally_source_get_authors (source) : NULL;
      const char *who = authors && authors[0] ? authors[0] : (source ? ally_source_get_title (source)
                                                                     : ally_cite_get_source_id (cite));
      g_autofree char *escaped = g_markup_escape_text (who, -1);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, escaped);
      if (ally_cite_get_locator (cite) != NULL)
        {
          /* Locators are free text in the course XML. msgfmt merges only elements, so the
           * ITS rule for cite/@locator (content/allyship.its) puts them in our catalog and
           * they are translated here, like the rest of this line. */
          const char *raw = g_dgettext (GETTEXT_PACKAGE, ally_cite_get_locator (cite));
          g_autofree char *locator = g_markup_escape_text (raw, -1);

          /* In parentheses, not quotation marks: a locator is often a description ("opening",
           * "as quoted by Walsh"), and one that quotes a heading brings its own marks. */
          g_string_append_printf (text, " (%s)", locator);
        }
    }

  /* Translators: %s is a list of sources, such as “Michelle MiJung Kim (Definition)” */
  return g_strdup_printf (_("Sources: %s"), text->str);
}

static void
add_section (AllyLessonView *self,
             AllySection    *section)
{
  GListModel *blocks = ally_section_get_blocks (section);
  g_autofree char *heading = g_markup_escape_text (ally_section_get_heading (section), -1);
  g_autofree char *cites = cites_markup (ally_section_get_cites (section));
  GtkWidget *label;

  label = markup_label (self, heading, "title-3");
  gtk_widget_set_margin_top (label, 18);
  /* Under the lesson's title (level 1): a section is level 2. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (self->sections_box, label);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(AllyBlock) block = g_list_model_get_item (blocks, i);
      gtk_box_append (self->sections_box, block_widget (self, block));
    }

  gtk_box_append (self->sections_box, markup_label (self, cites, "lesson-cites"));
}

typedef struct
{
  AllyLessonView *self;
  GtkCheckButton *button;
  GtkWidget      *feedback;
  AllyChoice     *choice;
  char           *question_id;
  guint           index;
} ChoiceData;

static void
choice_data_free (gpointer data)
{
  ChoiceData *choice_data = data;

  g_clear_object (&choice_data->choice);
  g_free (choice_data->question_id);
  g_free (choice_data);
}

/* Shows @message to the person through the window's toasts. */
static void
report_error (AllyLessonView *self,
              const char     *what,
              const GError   *error)
{
  /* Translators: %s is what failed, then the reason, e.g. “Your answer was not saved: disk full” */
  g_autofree char *message = g_strdup_printf (_("%s: %s"), what, error->message);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

/* Every answer is kept; once all questions are answered the score counts as a try. */
static void
save_answer (AllyLessonView *self,
             ChoiceData     *data)
{
  const char *lesson_id = ally_lesson_get_id (self->lesson);
  gboolean correct = ally_choice_get_correct (data->choice);
  g_autofree char *answer = g_strdup_printf ("%u", data->index);
  g_autoptr(GError) error = NULL;
  guint n_questions = g_list_model_get_n_items (ally_lesson_get_questions (self->lesson));

  g_hash_table_insert (self->answers, g_strdup (data->question_id), GINT_TO_POINTER (correct));

  if (self->journal == NULL)
    return;

  if (!ally_journal_save_quiz_answer (self->journal, lesson_id, data->question_id, answer,
                                      correct, &error))
    {
      report_error (self, _("Your answer was not saved"), error);
      return;
    }

  if (g_hash_table_size (self->answers) == n_questions)
    {
      GHashTableIter iter;
      gpointer value;
      int score = 0;

      g_hash_table_iter_init (&iter, self->answers);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        score += GPOINTER_TO_INT (value);

      if (!ally_journal_record_quiz_score (self->journal, lesson_id, score, n_questions, &error))
        report_error (self, _("Your quiz score was not saved"), error);
    }
}

/* Answering shows why the chosen answer is right or what it misses; answers can be changed. */
static void
on_choice_toggled (GtkCheckButton *button,
                   ChoiceData     *data)
{
  gboolean correct = ally_choice_get_correct (data->choice);
  g_autofree char *markup = NULL;

  gtk_widget_set_visible (data->feedback, gtk_check_button_get_active (button));
  if (!gtk_check_button_get_active (button))
    return;

  /* A word first, so the result never rests on colour alone; the explanation says why. */
  markup = g_strdup_printf ("<b>%s</b>\n%s",
                            correct ? _("Correct") : _("Not quite"),
                            ally_choice_get_explanation_markup (data->choice));
  gtk_label_set_markup (GTK_LABEL (data->feedback), markup);
  gtk_widget_remove_css_class (data->feedback, correct ? "quiz-wrong" : "quiz-right");
  gtk_widget_add_css_class (data->feedback, correct ? "quiz-right" : "quiz-wrong");

  if (!data->self->restoring)
    save_answer (data->self, data);
}

/* Puts back the answer chosen last time, if the journal has one. */
static void
restore_answer (AllyLessonView  *self,
                AllyQuestion    *question,
                GtkCheckButton **buttons,
                guint            n_buttons)
{
  g_autofree char *answer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean correct = FALSE;
  guint64 index;

  if (self->journal == NULL)
    return;

  answer = ally_journal_get_quiz_answer (self->journal, ally_lesson_get_id (self->lesson),
                                         ally_question_get_id (question), &correct, &error);
  if (answer == NULL || !g_ascii_string_to_unsigned (answer, 10, 0, n_buttons - 1, &index, NULL))
    return;

  self->restoring = TRUE;
  gtk_check_button_set_active (buttons[index], TRUE);
  g_hash_table_insert (self->answers, g_strdup (ally_question_get_id (question)),
                       GINT_TO_POINTER (correct));
  self->restoring = FALSE;
}

static void
add_question (AllyLessonView *self,
              AllyQuestion   *question,
              guint           number)
{
  GListModel *choices = ally_question_get_choices (question);
  guint n_choices = MIN (g_list_model_get_n_items (choices), 8);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkCheckButton *buttons[8];
  GtkCheckButton *group = NULL;
  g_autofree char *stem = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "quiz-question");
  /* Translators: a quiz question: %u is its number, %s its text */
  stem = g_strdup_printf (_("<b>%u.</b> %s"), number, ally_question_get_stem_markup (question));
  gtk_box_append (GTK_BOX (card), markup_label (self, stem, "lesson-text"));

  for (guint i = 0; i < n_choices; i++)
    {
      g_autoptr(AllyChoice) choice = g_list_model_get_item (choices, i);
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *feedback = markup_label (self, "", "quiz-feedback");
      ChoiceData *data = g_new0 (ChoiceData, 1);

      gtk_check_button_set_child (GTK_CHECK_BUTTON (button),
                                  markup_label (self, ally_choice_get_markup (choice), "lesson-text"));
      if (group == NULL)
        group = GTK_CHECK_BUTTON (button);
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);

      gtk_widget_set_visible (feedback, FALSE);
      gtk_widget_set_margin_start (feedback, 32);
      data->self = self;
      data->button = GTK_CHECK_BUTTON (button);
      data->feedback = feedback;
      data->choice = g_object_ref (choice);
      data->question_id = g_strdup (ally_question_get_id (question));
      data->index = i;
      buttons[i] = GTK_CHECK_BUTTON (button);
      g_signal_connect_data (button, "toggled", G_CALLBACK (on_choice_toggled), data,
                             (GClosureNotify) (void (*) (void)) choice_data_free, 0);
      g_ptr_array_add (self->choices, data);

      gtk_box_append (GTK_BOX (card), button);
      gtk_box_append (GTK_BOX (card), feedback);
    }

  gtk_box_append (self->quiz_box, card);
  restore_answer (self, question, buttons, n_choices);
}

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
on_responses_expanded (GtkExpander *expander,
                       GParamSpec  *pspec,
                       gpointer     user_data)
{
  gtk_expander_set_label (expander, gtk_expander_get_expanded (expander)
                                    ? _("Hide sample responses")
                                    : _("Show sample responses"));
}

static GtkWidget *
responses_expander (AllyLessonView *self,
                    GListModel     *responses)
{
  GtkWidget *expander = gtk_expander_new (_("Show sample responses"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_margin_top (box, 8);
  for (guint i = 0; i < g_list_model_get_n_items (responses); i++)
    {
      g_autoptr(AllyChoice) response = g_list_model_get_item (responses, i);
      /* Translators: %u numbers a sample response, %s is its text */
      g_autofree char *text = g_strdup_printf (_("<b>Response %u.</b> %s"), i + 1,
                                               ally_choice_get_markup (response));

      gtk_box_append (GTK_BOX (box), markup_label (self, text, "lesson-text"));
      gtk_box_append (GTK_BOX (box), markup_label (self, ally_choice_get_explanation_markup (response),
                                                   "response-discussion"));
    }

  gtk_expander_set_child (GTK_EXPANDER (expander), box);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_responses_expanded), NULL);
  return expander;
}

/* Shows whether the person has written about @button's prompt: then it opens that entry. */
static void
update_journal_button (AllyLessonView *self,
                       GtkWidget      *button)
{
  GtkWidget *written = g_object_get_data (G_OBJECT (button), "written-label");
  const char *prompt_id = g_object_get_data (G_OBJECT (button), "prompt-id");
  gboolean done = FALSE;
  const char *tooltip;

  if (self->journal != NULL && self->lesson != NULL)
    done = ally_journal_find_prompt_entry (self->journal, ally_lesson_get_id (self->lesson),
                                           prompt_id, NULL) > 0;

  tooltip = done ? _("Open Your Entry") : _("Write About This in Your Journal");
  gtk_button_set_icon_name (GTK_BUTTON (button), done ? "document-open-symbolic"
                                                      : "document-edit-symbolic");
  /* Its accessible name follows the tooltip (ally_accessible_name_controls). */
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_visible (written, done);
}

static void
update_journal_buttons (AllyLessonView *self)
{
  for (guint i = 0; i < self->journal_buttons->len; i++)
    update_journal_button (self, g_ptr_array_index (self->journal_buttons, i));
}

/* A button that opens the journal at @prompt_id's entry (reflections and scenarios), with a
 * "Written" mark beside it once there is one. */
static GtkWidget *
journal_button (AllyLessonView *self,
                const char     *action_name,
                const char     *prompt_id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *written = gtk_label_new (_("Written"));
  GtkWidget *button = gtk_button_new ();

  gtk_widget_add_css_class (written, "dim-label");
  gtk_widget_add_css_class (written, "caption");
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", prompt_id);
  g_object_set_data_full (G_OBJECT (button), "prompt-id", g_strdup (prompt_id), g_free);
  g_object_set_data (G_OBJECT (button), "written-label", written);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), written);
  gtk_box_append (GTK_BOX (box), button);

  g_ptr_array_add (self->journal_buttons, button);
  update_journal_button (self, button);

  return box;
}

static void
add_scenario (AllyLessonView *self,
              AllyScenario   *scenario)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *setting = gtk_label_new (setting_label (ally_scenario_get_setting (scenario)));
  g_autofree char *ask = g_strdup_printf ("<b>%s</b>", ally_scenario_get_ask_markup (scenario));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "scenario");
  gtk_label_set_xalign (GTK_LABEL (setting), 0);
  gtk_widget_add_css_class (setting, "caption-heading");
  gtk_widget_add_css_class (setting, "accent");
  gtk_box_append (GTK_BOX (card), setting);
  gtk_box_append (GTK_BOX (card), markup_label (self, ally_scenario_get_situation_markup (scenario),
                                                "lesson-text"));
  gtk_box_append (GTK_BOX (card),
                  side_by_side (markup_label (self, ask, "lesson-text"),
                                journal_button (self, "lesson.write-scenario",
                                                ally_scenario_get_id (scenario)),
                                12));
  gtk_box_append (GTK_BOX (card), markup_label (self, _("Write your own answer in your journal first, then compare it with the samples."),
                                                "dim-label"));
  gtk_box_append (GTK_BOX (card), responses_expander (self, ally_scenario_get_responses (scenario)));

  gtk_box_append (self->scenarios_box, card);
}

/* A reflection goes to the journal, a commitment to Practice: one button on each row. */
static GtkWidget *
prompt_row (AllyLessonView *self,
            AllyPrompt     *prompt)
{
  gboolean reflection = ally_prompt_get_kind (prompt) == ALLY_PROMPT_REFLECTION;
  GtkWidget *label = markup_label (self, ally_prompt_get_markup (prompt), "lesson-text");
  GtkWidget *button;
  GtkWidget *row;

  if (reflection)
    button = journal_button (self, "lesson.use-prompt", ally_prompt_get_id (prompt));
  else
    {
      button = gtk_button_new_from_icon_name ("list-add-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Add to Your Commitments"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "lesson.use-prompt");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ally_prompt_get_id (prompt));
    }

  row = side_by_side (label, button, 12);
  gtk_widget_set_margin_top (row, 12);
  gtk_widget_set_margin_bottom (row, 12);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 6);

  return row;
}

static void
fill_prompt_list (AllyLessonView *self,
                  GtkListBox     *list,
                  GListModel     *prompts)
{
  for (guint i = 0; i < g_list_model_get_n_items (prompts); i++)
    {
      g_autoptr(AllyPrompt) prompt = g_list_model_get_item (prompts, i);
      GtkWidget *row = prompt_row (self, prompt);

      gtk_list_box_append (list, row);
      ally_accessible_name_row (row, ally_prompt_get_text (prompt));
    }
}

static AllyPrompt *
find_prompt (GListModel *prompts,
             const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (prompts); i++)
    {
      g_autoptr(AllyPrompt) prompt = g_list_model_get_item (prompts, i);

      if (g_strcmp0 (ally_prompt_get_id (prompt), id) == 0)
        return prompt;
    }

  return NULL;
}

static void
lesson_use_prompt_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  AllyPrompt *prompt;

  if (self->lesson == NULL)
    return;

  prompt = find_prompt (ally_lesson_get_reflections (self->lesson), id);
  if (prompt == NULL)
    prompt = find_prompt (ally_lesson_get_commitments (self->lesson), id);
  if (prompt != NULL)
    g_signal_emit (self, signals[PROMPT_ACTIVATED], 0, prompt);
}

static void
lesson_write_scenario_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GListModel *scenarios;

  if (self->lesson == NULL)
    return;

  scenarios = ally_lesson_get_scenarios (self->lesson);
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(AllyScenario) scenario = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (ally_scenario_get_id (scenario), id) == 0)
        {
          g_signal_emit (self, signals[SCENARIO_ACTIVATED], 0, scenario);
          return;
        }
    }
}

static void
lesson_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[NEXT_LESSON], 0);
}

static void
fill_sources (AllyLessonView *self)
{
  GListModel *cites = ally_lesson_get_cites (self->lesson);

  for (guint i = 0; i < g_list_model_get_n_items (cites); i++)
    {
      g_autoptr(AllyCite) cite = g_list_model_get_item (cites, i);
      AllySource *source = ally_cite_get_source (cite);
      g_autofree char *citation = source ? ally_source_format_citation (source)
                                         : g_strdup (ally_cite_get_source_id (cite));
      g_autofree char *escaped = g_markup_escape_text (citation, -1);

      gtk_box_append (self->sources_box, bullet_row (self, escaped, "lesson-source"));
    }
}

static void
update_completion (AllyLessonView *self)
{
  g_auto(AllyLessonState) state = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean completed = FALSE;

  if (self->journal != NULL && self->lesson != NULL &&
      ally_journal_get_lesson_state (self->journal, ally_lesson_get_id (self->lesson), &state, &error))
    completed = state.completed_at != NULL;

  gtk_widget_set_visible (self->complete_button, self->journal != NULL && !completed);
  gtk_widget_set_visible (GTK_WIDGET (self->completed_label), completed);
  gtk_widget_set_visible (self->uncomplete_button, completed);
  if (completed)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (state.completed_at);
      /* Translators: a date format, see g_date_time_format(); e.g. “26 November 2026” */
      g_autofree char *date = ally_date_format (local, _("%e %B %Y"));
      g_autofree char *text = NULL;

      g_strstrip (date);
      /* Translators: %s is a date */
      text = g_strdup_printf (_("You finished this lesson on %s."), date);
      gtk_label_set_label (self->completed_label, text);
    }
}

/* Marks the lesson finished or not; the button pressed is gone, so the keyboard moves to the
 * one that takes its place. */
static void
set_completed (AllyLessonView *self,
               gboolean        completed)
{
  g_autoptr(GError) error = NULL;
  const char *id;
  gboolean saved;

  if (self->journal == NULL || self->lesson == NULL)
    return;

  id = ally_lesson_get_id (self->lesson);
  saved = completed ? ally_journal_complete_lesson (self->journal, id, &error)
                    : ally_journal_uncomplete_lesson (self->journal, id, &error);
  if (!saved)
    {
      report_error (self, completed ? _("The lesson could not be marked as finished")
                                    : _("The lesson could not be marked as not finished"), error);
      return;
    }

  update_completion (self);
  gtk_widget_grab_focus (completed ? self->uncomplete_button : self->complete_button);
  g_signal_emit (self, signals[LESSON_COMPLETED], 0, id);
}

static void
lesson_complete_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  set_completed (ALLY_LESSON_VIEW (widget), TRUE);
}

/* Mark as Finished can be taken back: the lesson counts as not finished again. */
static void
lesson_uncomplete_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  set_completed (ALLY_LESSON_VIEW (widget), FALSE);
}

static void
clear_page (AllyLessonView *self)
{
  ally_reveal_queue_cancel (self->reveal);
  remove_all_children (GTK_WIDGET (self->sections_box));
  remove_all_children (GTK_WIDGET (self->key_points_box));
  remove_all_children (GTK_WIDGET (self->quiz_box));
  remove_all_children (GTK_WIDGET (self->scenarios_box));
  remove_all_children (GTK_WIDGET (self->reflections_list));
  remove_all_children (GTK_WIDGET (self->commitments_list));
  remove_all_children (GTK_WIDGET (self->sources_box));
  g_hash_table_remove_all (self->answers);
  g_ptr_array_set_size (self->journal_buttons, 0);
  g_ptr_array_set_size (self->choices, 0);
}

static void
add_children (GPtrArray *parts,
              GtkWidget *container)
{
  for (GtkWidget *child = gtk_widget_get_first_child (container); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (parts, child);
}

/* The page's parts in reading order, for the reveal queue to show a screenful first. */
static GPtrArray *
page_parts (AllyLessonView *self)
{
  GPtrArray *parts = g_ptr_array_new ();

  add_children (parts, GTK_WIDGET (self->sections_box));
  add_children (parts, GTK_WIDGET (self->key_points_box));
  add_children (parts, GTK_WIDGET (self->quiz_box));
  add_children (parts, GTK_WIDGET (self->scenarios_box));
  add_children (parts, GTK_WIDGET (self->reflections_list));
  add_children (parts, GTK_WIDGET (self->commitments_list));
  add_children (parts, GTK_WIDGET (self->sources_box));

  return parts;
}

static void
fill_page (AllyLessonView *self)
{
  GListModel *sections = ally_lesson_get_sections (self->lesson);
  GListModel *key_points = ally_lesson_get_key_points (self->lesson);
  GListModel *questions = ally_lesson_get_questions (self->lesson);
  GListModel *scenarios = ally_lesson_get_scenarios (self->lesson);
  /* Translators: %u is the lesson's number in the course */
  g_autofree char *number = g_strdup_printf (_("Lesson %u"), ally_lesson_get_number (self->lesson));
  /* Translators: how long a lesson takes to read; %u is a number of minutes */
  g_autofree char *minutes = g_strdup_printf (ngettext ("About %u minute", "About %u minutes",
                                                        ally_lesson_get_minutes (self->lesson)),
                                              ally_lesson_get_minutes (self->lesson));
  g_autofree char *summary = g_markup_escape_text (ally_lesson_get_summary (self->lesson), -1);

  gtk_label_set_label (self->number_label, number);
  gtk_label_set_label (self->title_label, ally_lesson_get_title (self->lesson));
  gtk_label_set_markup (self->summary_label, summary);
  gtk_label_set_label (self->minutes_label, minutes);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(AllySection) section = g_list_model_get_item (sections, i);
      add_section (self, section);
    }

  for (guint i = 0; i < g_list_model_get_n_items (key_points); i++)
    {
      g_autoptr(AllyBlock) point = g_list_model_get_item (key_points, i);
      gtk_box_append (self->key_points_box, bullet_row (self, ally_block_get_markup (point),
                                                        "lesson-text"));
    }

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(AllyQuestion) question = g_list_model_get_item (questions, i);
      add_question (self, question, i + 1);
    }

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(AllyScenario) scenario = g_list_model_get_item (scenarios, i);
      add_scenario (self, scenario);
    }
  gtk_widget_set_visible (self->scenarios_heading, g_list_model_get_n_items (scenarios) > 0);

  fill_prompt_list (self, self->reflections_list, ally_lesson_get_reflections (self->lesson));
  fill_prompt_list (self, self->commitments_list, ally_lesson_get_commitments (self->lesson));
  fill_sources (self);
  update_completion (self);
  ally_accessible_name_controls (GTK_WIDGET (self));

  {
    g_autoptr(GPtrArray) parts = page_parts (self);

    ally_reveal_queue_start (self->reveal, parts);
  }
}

/* TRUE while the page is being brought to a saved place or to a term: not the reader's scrolling. */
static gboolean
is_restoring (AllyLessonView *self)
{
  return self->restore_position >= 0 || self->reveal_term_id != NULL || self->reveal_widget != NULL;
}

static void
clear_reveal (AllyLessonView *self)
{
  g_clear_pointer (&self->reveal_term_id, g_free);
  g_clear_object (&self->reveal_widget);
}

static void
save_position_now (AllyLessonView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  int position = range > 0 ? (int) (1000 * gtk_adjustment_get_value (adjustment) / range) : 0;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_position_id, g_source_remove);
  if (self->journal == NULL || self->lesson == NULL || is_restoring (self))
    return;

  if (!ally_journal_set_lesson_position (self->journal, ally_lesson_get_id (self->lesson),
                                         CLAMP (position, 0, 1000), &error))
    report_error (self, _("Your place in the lesson was not saved"), error);
}

static gboolean
save_position_timeout (gpointer data)
{
  AllyLessonView *self = data;

  self->save_position_id = 0;
  save_position_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_scrolled (GtkAdjustment  *adjustment,
             AllyLessonView *self)
{
  if (is_restoring (self) || self->journal == NULL)
    return;

  g_clear_handle_id (&self->save_position_id, g_source_remove);
  self->save_position_id = g_timeout_add (800, save_position_timeout, self);
}

static void
stop_restoring (AllyLessonView *self)
{
  self->restore_position = -1;
  clear_reveal (self);
  if (self->restore_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->restore_tick_id);
  self->restore_tick_id = 0;
}

/* The first shown label in @widget whose text links to the term: its markup holds
 * <a href="term:ID">, as the content parser writes it. */
static GtkWidget *
find_label_with (GtkWidget  *widget,
                 const char *link)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), link) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, link);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_term_label (GtkWidget  *page,
                 const char *term_id)
{
  g_autofree char *link = g_strdup_printf ("href=\"term:%s\"", term_id);

  return find_label_with (page, link);
}

/* Where the page should be scrolled to: the saved place, or a little above the term's first
 * link; -1 while that cannot be known yet. */
static double
restore_target (AllyLessonView *self,
                GtkAdjustment  *adjustment)
{
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  GtkWidget *page = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)));
  GtkWidget *label;
  graphene_point_t point;

  if (range <= 0)
    return -1;
  if (self->reveal_term_id == NULL && self->reveal_widget == NULL)
    return range * self->restore_position / 1000.0;

  label = self->reveal_widget ? self->reveal_widget : find_term_label (page, self->reveal_term_id);
  if (label == NULL ||
      !gtk_widget_compute_point (label, page, &GRAPHENE_POINT_INIT (0, 0), &point))
    return -1;
  return CLAMP (point.y - REVEAL_MARGIN, 0, range);
}

/* Whether the page is drawn at the offset the scroll adjustment holds. */
static gboolean
page_follows_adjustment (AllyLessonView *self,
                         GtkAdjustment  *adjustment)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  graphene_point_t point;

  return gtk_widget_compute_point (gtk_viewport_get_child (GTK_VIEWPORT (viewport)), viewport,
                                   &GRAPHENE_POINT_INIT (0, 0), &point) &&
         fabs (point.y + gtk_adjustment_get_value (adjustment)) < 1;
}

/* The place is put back at each frame until a frame is drawn with the page's height (and the
 * place) unchanged: wrapped text settles over a few allocations (and the window may still be
 * growing to its saved size), and a place set against an early height lands too high. */
static gboolean
restore_tick (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double upper = gtk_adjustment_get_upper (adjustment);
  double target = restore_target (self, adjustment);

  if (target < 0 || !is_restoring (self))
    {
      /* A page no taller than the window has nothing to scroll: stop once its height settles. */
      if (upper > 0 && upper == self->restore_upper)
        {
          self->restore_tick_id = 0;
          self->restore_position = -1;
          clear_reveal (self);
          return G_SOURCE_REMOVE;
        }
      self->restore_upper = upper;
      return G_SOURCE_CONTINUE;
    }

  if (upper == self->restore_upper && fabs (gtk_adjustment_get_value (adjustment) - target) < 1)
    {
      /* A value set while the viewport was being allocated (from notify::upper) can leave the
       * page drawn at its old offset: allocate again until the page sits where it says. */
      if (!page_follows_adjustment (self, adjustment))
        {
          gtk_widget_queue_allocate (gtk_scrolled_window_get_child (self->scroller));
          return G_SOURCE_CONTINUE;
        }

      self->restore_tick_id = 0;
      self->restore_position = -1;
      clear_reveal (self);
      return G_SOURCE_REMOVE;
    }

  self->restore_upper = upper;
  gtk_adjustment_set_value (adjustment, target);
  return G_SOURCE_CONTINUE;
}

static void
start_restore_tick (AllyLessonView *self)
{
  if (self->restore_tick_id != 0)
    return;
  self->restore_upper = -1;
  self->restore_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_tick, NULL, NULL);
}

/* The page's height is only known once it is laid out: then go back to where the reader was. */
static void
on_scroll_range_changed (GtkAdjustment  *adjustment,
                         GParamSpec     *pspec,
                         AllyLessonView *self)
{
  double target;

  if (!is_restoring (self) || (target = restore_target (self, adjustment)) < 0)
    return;

  gtk_adjustment_set_value (adjustment, target);
  start_restore_tick (self);
}

static int
saved_position (AllyLessonView *self)
{
  g_auto(AllyLessonState) state = { 0 };

  if (self->journal == NULL || self->lesson == NULL ||
      !ally_journal_get_lesson_state (self->journal, ally_lesson_get_id (self->lesson), &state, NULL))
    return -1;

  return state.position > 0 ? state.position : -1;
}

void
ally_lesson_view_set_lesson (AllyLessonView *self,
                             AllyLesson     *lesson)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (ALLY_IS_LESSON_VIEW (self));
  g_return_if_fail (!lesson || ALLY_IS_LESSON (lesson));

  if (self->lesson == lesson)
    return;

  /* Keep the place in the lesson being left. */
  if (self->save_position_id != 0)
    save_position_now (self);

  g_set_object (&self->lesson, lesson);
  stop_restoring (self);
  self->restore_position = saved_position (self);

  clear_page (self);
  if (lesson != NULL)
    fill_page (self);
  /* An empty heading would be announced by its class name ("GtkLabel"). */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), lesson != NULL);
  /* Going back to a place in the page needs the whole page's height. */
  if (self->restore_position >= 0)
    ally_reveal_queue_finish (self->reveal);
  if (lesson != NULL && self->journal != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!ally_journal_read_lesson (self->journal, ally_lesson_get_id (lesson), &error))
        report_error (self, _("Your progress was not saved"), error);
    }

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (vadjustment, 0);
  on_scroll_range_changed (vadjustment, NULL, self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSON]);
}

/**
 * ally_lesson_view_is_page_shown:
 *
 * Whether every part of the lesson's page is shown: the parts below its first screenful are
 * shown over the frames after the lesson is set.
 */
gboolean
ally_lesson_view_is_page_shown (AllyLessonView *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), FALSE);

  return ally_reveal_queue_is_done (self->reveal);
}

/**
 * ally_lesson_view_is_settled:
 *
 * Whether the page shows what the reader will read: not still going back to a saved place
 * or to a term.
 */
gboolean
ally_lesson_view_is_settled (AllyLessonView *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), FALSE);

  return !is_restoring (self) && self->restore_tick_id == 0;
}

/**
 * ally_lesson_view_scroll_to_top:
 *
 * Shows the lesson from its beginning rather than at the place it was left.
 */
void
ally_lesson_view_scroll_to_top (AllyLessonView *self)
{
  g_return_if_fail (ALLY_IS_LESSON_VIEW (self));

  stop_restoring (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * ally_lesson_view_reveal_term:
 * @term_id: a glossary term's id
 *
 * Scrolls the lesson so that the first paragraph linking to @term_id is near the top, once
 * the page is laid out, instead of at the place the lesson was left.
 *
 * Returns: %FALSE when the lesson's text does not link to the term
 */
gboolean
ally_lesson_view_reveal_term (AllyLessonView *self,
                              const char     *term_id)
{
  GtkWidget *page;
  GtkAdjustment *vadjustment;

  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), FALSE);
  g_return_val_if_fail (term_id != NULL, FALSE);

  ally_reveal_queue_finish (self->reveal);
  page = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)));
  if (self->lesson == NULL || find_term_label (page, term_id) == NULL)
    return FALSE;

  stop_restoring (self);
  self->reveal_term_id = g_strdup (term_id);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  on_scroll_range_changed (vadjustment, NULL, self);
  start_restore_tick (self);
  return TRUE;
}

/* Scrolls the page, once laid out, so that @widget is near the top. */
static void
reveal_widget (AllyLessonView *self,
               GtkWidget      *widget)
{
  stop_restoring (self);
  self->reveal_widget = g_object_ref (widget);
  on_scroll_range_changed (gtk_scrolled_window_get_vadjustment (self->scroller), NULL, self);
  start_restore_tick (self);
}

/* The first shown label whose text holds @text (a paragraph, a heading, a question as the
 * course index has it), or else whose text holds @folded_query. */
static GtkWidget *
find_label_with_text (GtkWidget  *widget,
                      const char *text,
                      const char *folded_query)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget))
    {
      const char *shown = gtk_label_get_text (GTK_LABEL (widget));

      if ((text != NULL && strstr (shown, text) != NULL) ||
          (text == NULL && ally_search_find (shown, folded_query, NULL, NULL)))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_text (child, text, folded_query);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * ally_lesson_view_reveal_text:
 * @text: a text of the lesson, as a course search found it (AllyCourseMatch)
 * @query: what was searched for
 *
 * Scrolls the lesson so that @text is near the top, and highlights it (the CSS class
 * "search-match") until another lesson is shown.
 *
 * Returns: %FALSE when the page does not show @text
 */
gboolean
ally_lesson_view_reveal_text (AllyLessonView *self,
                              const char     *text,
                              const char     *query)
{
  GtkWidget *page;
  GtkWidget *label;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), FALSE);
  g_return_val_if_fail (text != NULL && query != NULL, FALSE);

  /* The whole page, not only its first screenful. */
  ally_reveal_queue_finish (self->reveal);

  page = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)));
  folded = ally_search_fold (query);
  label = find_label_with_text (page, text, folded);
  if (label == NULL)
    label = find_label_with_text (page, NULL, folded);
  if (label == NULL)
    return FALSE;

  if (self->search_match != NULL)
    gtk_widget_remove_css_class (self->search_match, "search-match");
  g_set_weak_pointer (&self->search_match, label);
  gtk_widget_add_css_class (label, "search-match");
  reveal_widget (self, label);
  return TRUE;
}

/**
 * ally_lesson_view_retry_missed:
 *
 * Takes back the wrong answers of the quiz, so that those questions (and only those) can be
 * answered again, and shows the first of them with the keyboard on its first choice.
 *
 * Returns: %FALSE when no answer is wrong
 */
gboolean
ally_lesson_view_retry_missed (AllyLessonView *self)
{
  GtkCheckButton *first = NULL;

  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), FALSE);

  /* The quiz is at the end of the page: lay all of it out now. */
  ally_reveal_queue_finish (self->reveal);
  for (guint i = 0; i < self->choices->len; i++)
    {
      ChoiceData *data = g_ptr_array_index (self->choices, i);

      if (!gtk_check_button_get_active (data->button) || ally_choice_get_correct (data->choice))
        continue;

      self->restoring = TRUE;
      gtk_check_button_set_active (data->button, FALSE);
      self->restoring = FALSE;
      g_hash_table_remove (self->answers, data->question_id);
      if (first == NULL)
        first = data->button;
    }
  if (first == NULL)
    return FALSE;

  /* The question's card: its stem and all its choices. */
  reveal_widget (self, gtk_widget_get_parent (GTK_WIDGET (first)));
  for (guint i = 0; i < self->choices->len; i++)
    {
      ChoiceData *data = g_ptr_array_index (self->choices, i);

      if (gtk_widget_get_parent (GTK_WIDGET (data->button)) == gtk_widget_get_parent (GTK_WIDGET (first)))
        {
          gtk_widget_grab_focus (GTK_WIDGET (data->button));
          break;
        }
    }
  return TRUE;
}

/**
 * ally_lesson_view_set_next_title:
 * @title: (nullable): the next lesson's title, or %NULL after the last lesson
 *
 * Ends the lesson with a button to the next one (AllyLessonView::next-lesson).
 */
void
ally_lesson_view_set_next_title (AllyLessonView *self,
                                 const char     *title)
{
  g_return_if_fail (ALLY_IS_LESSON_VIEW (self));

  gtk_label_set_label (self->next_title_label, title ? title : "");
  gtk_widget_set_visible (self->next_box, title != NULL);
  /* The button's name is "Next Lesson"; a screen reader also hears which one. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (self->next_box)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title ? title : "", -1);
}

static void
on_journal_entry_changed (AllyJournal    *journal,
                          gint64          id,
                          int             change,
                          AllyLessonView *self)
{
  if (change != ALLY_ENTRY_CHANGE_EDITED)
    update_journal_buttons (self);
}

AllyJournal *
ally_lesson_view_get_journal (AllyLessonView *self)
{
  g_return_val_if_fail (ALLY_IS_LESSON_VIEW (self), NULL);

  return self->journal;
}

/* With a journal, answers and progress are kept; the page is laid out again to show them. */
void
ally_lesson_view_set_journal (AllyLessonView *self,
                              AllyJournal    *journal)
{
  g_autoptr(AllyLesson) lesson = NULL;

  g_return_if_fail (ALLY_IS_LESSON_VIEW (self));
  g_return_if_fail (!journal || ALLY_IS_JOURNAL (journal));

  if (self->journal == journal)
    return;

  if (self->journal != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->journal, on_journal_entry_changed, self);
      g_signal_handlers_disconnect_by_func (self->journal, update_journal_buttons, self);
    }
  g_set_object (&self->journal, journal);
  if (journal != NULL)
    {
      g_signal_connect_object (journal, "entry-changed", G_CALLBACK (on_journal_entry_changed),
                               self, 0);
      g_signal_connect_object (journal, "entries-reset", G_CALLBACK (update_journal_buttons),
                               self, G_CONNECT_SWAPPED);
    }

  lesson = self->lesson ? g_object_ref (self->lesson) : NULL;
  ally_lesson_view_set_lesson (self, NULL);
  ally_lesson_view_set_lesson (self, lesson);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

static void
ally_lesson_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      g_value_set_object (value, self->lesson);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_lesson_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      ally_lesson_view_set_lesson (self, g_value_get_object (value));
      break;

    case PROP_JOURNAL:
      ally_lesson_view_set_journal (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_lesson_view_dispose (GObject *object)
{
  AllyLessonView *self = ALLY_LESSON_VIEW (object);

  if (self->save_position_id != 0)
    save_position_now (self);
  g_clear_weak_pointer (&self->search_match);
  stop_restoring (self);
  g_clear_object (&self->reveal);
  g_clear_pointer (&self->journal_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_LESSON_VIEW);
  g_clear_object (&self->lesson);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->answers, g_hash_table_unref);

  G_OBJECT_CLASS (ally_lesson_view_parent_class)->dispose (object);
}

static void
ally_lesson_view_class_init (AllyLessonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ally_lesson_view_get_property;
  object_class->set_property = ally_lesson_view_set_property;
  object_class->dispose = ally_lesson_view_dispose;

  properties[PROP_LESSON] =
    g_param_spec_object ("lesson", NULL, NULL,
                         ALLY_TYPE_LESSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         ALLY_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AllyLessonView::lesson-completed:
   * @lesson_id: the lesson the person marked as finished, or as not finished again
   */
  signals[LESSON_COMPLETED] =
    g_signal_new ("lesson-completed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * AllyLessonView::prompt-activated:
   * @prompt: a reflection to write about, or a commitment to adopt
   */
  signals[PROMPT_ACTIVATED] =
    g_signal_new ("prompt-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ALLY_TYPE_PROMPT);

  /**
   * AllyLessonView::scenario-activated:
   * @scenario: a practice scenario the person wants to answer in their journal
   */
  signals[SCENARIO_ACTIVATED] =
    g_signal_new ("scenario-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ALLY_TYPE_SCENARIO);

  /**
   * AllyLessonView::next-lesson:
   *
   * The person finished reading and asks for the next lesson.
   */
  signals[NEXT_LESSON] =
    g_signal_new ("next-lesson", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AllyLessonView::term-activated:
   * @term_id: the glossary term's id
   * @label: the label whose link was activated, to point a popover at
   */
  signals[TERM_ACTIVATED] =
    g_signal_new ("term-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, GTK_TYPE_WIDGET);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lessonview");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-lesson-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, number_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, sections_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, key_points_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, quiz_heading);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, quiz_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, scenarios_heading);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, scenarios_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, reflections_list);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, commitments_list);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, sources_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, complete_button);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, completed_label);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, uncomplete_button);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, next_box);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonView, next_title_label);

  gtk_widget_class_install_action (widget_class, "lesson.complete", NULL, lesson_complete_action);
  gtk_widget_class_install_action (widget_class, "lesson.uncomplete", NULL, lesson_uncomplete_action);
  gtk_widget_class_install_action (widget_class, "lesson.use-prompt", "s", lesson_use_prompt_action);
  gtk_widget_class_install_action (widget_class, "lesson.write-scenario", "s",
                                   lesson_write_scenario_action);
  gtk_widget_class_install_action (widget_class, "lesson.next", NULL, lesson_next_action);
}

static void
ally_lesson_view_init (AllyLessonView *self)
{
  GtkAdjustment *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->journal_buttons = g_ptr_array_new ();
  self->choices = g_ptr_array_new ();
  self->restore_position = -1;
  self->reveal = ally_reveal_queue_new (GTK_WIDGET (self));

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (on_scrolled), self, 0);
  g_signal_connect_object (vadjustment, "notify::upper", G_CALLBACK (on_scroll_range_changed),
                           self, 0);
}
