/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screenshooter.c: runs the real app window and saves PNGs of each area, wide and narrow, and
 * of chosen lessons, for tools/screenshot. Renders through GTK itself, so the pictures are
 * exactly what the window draws. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "ally-application.h"
#include "ally-entry-private.h"
#include "ally-journal-lock.h"
#include "ally-journal-view-private.h"
#include "ally-lesson-view.h"
#include "ally-lock-preferences.h"
#include "ally-glossary-view.h"
#include "ally-journal-cards.h"
#include "ally-preferences-window.h"
#include "ally-review-session.h"
#include "ally-unlock-page.h"
#include "ally-window.h"

static const char *areas[] = { "learn", "glossary", "journal", "practice" };

/* Put before every file name (--prefix), e.g. "pseudo-" for tools/pseudo-screenshots. */
static const char *prefix = "";

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window lay out and paint for @ms milliseconds. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timed_out_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
save_widget_png (GtkWidget  *widget,
                 const char *dir,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autofree char *path = g_strdup_printf ("%s/%s%s.png", dir, prefix, name);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  /* A popover draws its arrow and shadow outside its allocation. */
  if (GTK_IS_POPOVER (widget))
    {
      width += 40;
      height += 40;
    }
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_printerr ("Nothing to draw for %s (%d×%d)\n", name, width, height);
      return FALSE;
    }
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_print ("%s (%d×%d)\n", path, width, height);

  return gdk_texture_save_to_png (texture, path);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found)
        return found;
    }

  return NULL;
}

/* Waits (at most a few seconds) for the lesson's whole page: its end follows its first
 * screenful over a few frames. */
static void
page_shown_or_timeout (AllyWindow *window)
{
  GtkWidget *lesson_view = find_descendant (GTK_WIDGET (ally_window_get_learn_view (window)),
                                            ALLY_TYPE_LESSON_VIEW);
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (lesson_view != NULL && !ally_lesson_view_is_page_shown (ALLY_LESSON_VIEW (lesson_view)) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Answers the first two quiz questions (one wrong, one right) so the feedback shows. */
static void
answer_some_questions (GtkWidget *page)
{
  guint n = 0;
  GtkWidget *stack[512];
  guint top = 0;

  stack[top++] = page;
  while (top > 0 && n < 3)
    {
      GtkWidget *widget = stack[--top];
      GtkWidget *children[128];
      guint n_children = 0;

      if (GTK_IS_CHECK_BUTTON (widget))
        {
          if (n++ == 1)
            gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), TRUE);
          continue;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c && n_children < 128;
           c = gtk_widget_get_next_sibling (c))
        children[n_children++] = c;
      while (n_children > 0 && top < G_N_ELEMENTS (stack))
        stack[top++] = children[--n_children];
    }
}

/* A few entries, commitments and answers written for the pictures, so the areas show what
 * they look like in use. Only in the screenshooter's own temporary data folder. */
static void
add_entry (AllyJournal *journal,
           const char  *title,
           const char  *body,
           const char  *lesson_id,
           const char  *tags)
{
  g_autoptr(AllyEntry) entry = ally_entry_new ();
  g_auto(GStrv) tag_list = g_strsplit (tags, ",", -1);

  ally_entry_set_title (entry, title);
  ally_entry_set_body (entry, body);
  ally_entry_set_lesson_id (entry, lesson_id);
  ally_entry_set_tags (entry, (const char * const *) tag_list);
  if (ally_journal_save_entry (journal, entry, NULL) <= 0)
    g_error ("Could not save a sample entry");
}

/* For the overview: a quiz with one question missed, a reflection, a commitment due, a card
 * reviewed, and the lesson being read. */
static void
write_sample_study (AllyJournal *journal)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) two_days_ago = g_date_time_add_days (now, -2);
  g_autoptr(GDateTime) last_week = g_date_time_add_days (now, -8);
  g_autoptr(AllyEntry) reflection = ally_entry_new ();

  ally_journal_save_quiz_answer (journal, "what-allyship-is", "q-four-parts", "0", TRUE, NULL);
  ally_journal_save_quiz_answer (journal, "what-allyship-is", "q-badge", "1", FALSE, NULL);
  ally_journal_save_quiz_answer (journal, "what-allyship-is", "q-accountable", "2", TRUE, NULL);
  ally_journal_save_quiz_answer (journal, "what-allyship-is", "q-keep-going", "0", TRUE, NULL);
  ally_journal_record_quiz_score (journal, "what-allyship-is", 3, 4, NULL);
  ally_journal_add_commitment (journal, "Ask Amara what support would actually help her.",
                               "dos-and-donts", two_days_ago, 0, NULL);
  ally_journal_review_card (journal, "privilege", 4, last_week, NULL);
  ally_journal_review_card (journal, "ally", 2, two_days_ago, NULL);
  ally_entry_set_title (reflection, "Where I first heard the word");
  ally_entry_set_body (reflection, "A colleague used it about herself, and I was not sure what she meant by it.");
  ally_entry_set_lesson_id (reflection, "what-allyship-is");
  ally_entry_set_prompt_id (reflection, "r-where-heard");
  ally_entry_set_created (reflection, two_days_ago);
  ally_entry_set_updated (reflection, two_days_ago);
  ally_journal_save_entry (journal, reflection, NULL);
  ally_journal_read_lesson (journal, "privilege-and-identity", NULL);
  ally_journal_set_lesson_position (journal, "privilege-and-identity", 300, NULL);
}

static void
write_sample_data (void)
{
  g_autoptr(GFile) data_dir = ally_journal_default_data_dir ();
  g_autoptr(AllyJournal) journal = ally_journal_open (data_dir, NULL);
  gint64 done;

  if (journal == NULL)
    g_error ("Could not open the sample journal");
  add_entry (journal, "Words I want to get right",
             "My cousin uses “they” now. I got it wrong twice at dinner and then made it about me. "
             "Next time: correct myself once, briefly, and keep going.",
             "language-and-names", "language,family");
  add_entry (journal, "What I am willing to give up",
             "Some comfort in meetings. When a colleague’s idea gets repeated by someone else, "
             "I can say whose idea it was, even if it feels awkward.",
             "what-will-you-give-up", "work,sacrifice");
  add_entry (journal, "After the team meeting",
             "Noticed who got interrupted and who didn’t. I want to ask Amara what support would "
             "actually help her, instead of guessing.",
             "dos-and-donts", "work,listening");

  ally_journal_add_commitment (journal, "Share my pronouns when I introduce myself at the "
                               "volunteer group.", "common-myths", NULL, 0, NULL);
  done = ally_journal_add_commitment (journal, "Read one article by a disability rights "
                                      "writer this week.", "why-and-who", NULL, 0, NULL);
  ally_journal_set_commitment_done (journal, done, TRUE, NULL);
  ally_journal_set_power_map_answer (journal, "roles",
                                     "Team lead at work; older sibling; volunteer at the food bank.",
                                     NULL);
  ally_journal_complete_lesson (journal, "how-to-use", NULL);
  ally_journal_complete_lesson (journal, "what-allyship-is", NULL);
  write_sample_study (journal);
}

static AllyWindow *
open_window (AllyApplication *app,
             int              width,
             int              height)
{
  GSettings *settings = ally_application_get_settings (app);
  AllyWindow *window;

  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  window = ally_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  settle (800);

  return window;
}

static void
shoot_areas (AllyApplication *app,
             const char      *dir,
             const char      *size_name,
             int              width,
             int              height)
{
  AllyWindow *window = open_window (app, width, height);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", areas[i], size_name);

      ally_window_set_visible_area (window, areas[i]);
      /* With examples, show one open, as a person mid-writing would see it. */
      if (g_str_equal (areas[i], "journal"))
        ally_journal_view_open_entry (ally_window_get_journal_view (window), 1);
      settle (300);
      /* An area is built when first shown, and may take a few frames on a busy machine. */
      for (guint tries = 0; tries < 10 && !save_widget_png (GTK_WIDGET (window), dir, name); tries++)
        settle (500);
    }

  /* Practice's power map: its worksheet and what it says of where it comes from. */
  {
    g_autofree char *name = g_strdup_printf ("power-map-%s", size_name);
    GtkWidget *sections;

    ally_window_set_visible_area (window, "practice");
    sections = find_descendant (GTK_WIDGET (ally_window_get_practice_view (window)),
                                ADW_TYPE_VIEW_STACK);
    if (sections != NULL)
      {
        adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (sections), "power-map");
        settle (300);
        save_widget_png (GTK_WIDGET (window), dir, name);
      }
  }

  /* Learn's overview, where a returning learner lands. */
  {
    g_autofree char *name = g_strdup_printf ("overview-%s", size_name);

    ally_window_set_visible_area (window, "learn");
    ally_learn_view_show_overview (ally_window_get_learn_view (window));
    settle (300);
    save_widget_png (GTK_WIDGET (window), dir, name);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static const struct { const char *term, *file; } popover_terms[] = {
  { "privilege", "term-popover" }, { "accomplice", "term-popover-long" },
};

static void
shoot_lesson (AllyApplication *app,
              const char      *dir,
              const char      *lesson_id)
{
  const struct { const char *size; int width, height; } sizes[] = {
    { "wide", 1200, 800 }, { "narrow", 360, 720 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      AllyWindow *window = open_window (app, sizes[i].width, sizes[i].height);
      AllyLearnView *learn = ally_window_get_learn_view (window);
      g_autofree char *name = g_strdup_printf ("lesson-%s-%s", lesson_id, sizes[i].size);
      g_autofree char *full = g_strdup_printf ("lesson-%s-full-%s", lesson_id, sizes[i].size);
      GtkWidget *viewport;

      if (!ally_learn_view_open_lesson (learn, lesson_id))
        {
          g_printerr ("No lesson “%s”\n", lesson_id);
          gtk_window_destroy (GTK_WINDOW (window));
          return;
        }
      page_shown_or_timeout (window);
      settle (500);
      save_widget_png (GTK_WIDGET (window), dir, name);

      /* The whole page at once, for reading the lesson end to end. */
      viewport = find_descendant (find_descendant (GTK_WIDGET (learn), ALLY_TYPE_LESSON_VIEW),
                                  GTK_TYPE_VIEWPORT);
      if (viewport != NULL)
        {
          answer_some_questions (gtk_widget_get_first_child (viewport));
          settle (300);
          save_widget_png (gtk_widget_get_first_child (viewport), dir, full);
        }

      /* A term's popover, and the one with the longest definition (when the lesson links
       * them). */
      for (guint t = 0; i == 0 && t < G_N_ELEMENTS (popover_terms); t++)
        if (ally_learn_view_show_term (learn, popover_terms[t].term))
          {
            GtkWidget *popover = find_descendant (GTK_WIDGET (learn), GTK_TYPE_POPOVER);
            settle (1500);
            if (popover != NULL)
              {
                save_widget_png (popover, dir, popover_terms[t].file);
                gtk_popover_popdown (GTK_POPOVER (popover));
                settle (300);
              }
          }

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The descendants of @widget of @type, in order. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static void
shoot_preferences (AllyApplication *app,
                   GtkWindow       *parent,
                   const char      *dir,
                   const char      *name,
                   gboolean         turn_on)
{
  AllyPreferencesWindow *prefs = ally_preferences_window_new (ally_application_get_settings (app),
                                                              ally_application_get_journal (app), NULL);
  GtkWidget *group;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 1000);
  gtk_window_present (GTK_WINDOW (prefs));
  settle (600);
  group = find_descendant (GTK_WIDGET (prefs), ALLY_TYPE_LOCK_PREFERENCES);
  collect (group, ADW_TYPE_PASSWORD_ENTRY_ROW, rows);
  if (turn_on)
    {
      for (guint i = 0; i < 2; i++)
        gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, i)), "a long walk home");
      gtk_widget_activate_action (group, "lock.turn-on", NULL);
      for (guint i = 0; i < 100 && !ally_journal_is_lock_on (ally_application_get_journal (app)); i++)
        settle (100);
      settle (600);
    }
  save_widget_png (GTK_WIDGET (prefs), dir, name);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The journal lock: its Preferences section (off, then just turned on with the recovery key
 * shown), and the unlock page, wide and narrow, also after a wrong passphrase. */
static void
shoot_lock (AllyApplication *app,
            const char      *dir)
{
  AllyWindow *window = open_window (app, 1200, 800);
  AllyJournal *journal;
  GtkWidget *page;

  for (guint i = 0; i < 100 && ally_application_get_journal (app) == NULL; i++)
    settle (100);
  journal = ally_application_get_journal (app);
  if (journal == NULL)
    g_error ("The journal did not open");

  shoot_preferences (app, GTK_WINDOW (window), dir, "lock-preferences-off", FALSE);
  shoot_preferences (app, GTK_WINDOW (window), dir, "lock-preferences-recovery-key", TRUE);
  ally_journal_lock (journal);
  settle (400);
  save_widget_png (GTK_WIDGET (window), dir, "unlock-page-wide");
  page = find_descendant (GTK_WIDGET (window), ALLY_TYPE_UNLOCK_PAGE);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (page, GTK_TYPE_PASSWORD_ENTRY)), "wrong");
  gtk_widget_activate_action (page, "unlock.unlock", NULL);
  settle (3000);
  save_widget_png (GTK_WIDGET (window), dir, "unlock-page-wrong-passphrase");
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window (app, 360, 720);
  settle (1500);
  save_widget_png (GTK_WIDGET (window), dir, "unlock-page-narrow");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_for_journal (AllyApplication *app)
{
  for (guint i = 0; i < 100 && ally_application_get_journal (app) == NULL; i++)
    settle (100);
  if (ally_application_get_journal (app) == NULL)
    g_error ("The journal did not open");
}

/* A review session: a card, its answer buttons, a missed quiz question, and the last page
 * with the coming week (narrow first, before the wide run answers every card). */
static void
shoot_review (AllyApplication *app,
              const char      *dir)
{
  const struct { const char *size; int width, height; } sizes[] = {
    { "narrow", 360, 720 }, { "wide", 1200, 800 },
  };
  g_autoptr(GDateTime) yesterday = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  AllyCatalog *catalog = ally_application_get_catalog (app, NULL);
  AllyLesson *lesson = catalog ? ally_catalog_lookup_lesson (catalog, "what-allyship-is") : NULL;
  g_autoptr(AllyQuestion) badge = NULL;
  guint right, wrong;

  if (lesson == NULL)
    g_error ("No lesson “what-allyship-is”");
  badge = g_list_model_get_item (ally_lesson_get_questions (lesson), 1);   /* q-badge */
  right = ally_question_get_correct_index (badge);
  wrong = right == 0 ? 1 : 0;
  yesterday = g_date_time_add_days (now, -1);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      AllyWindow *window = open_window (app, sizes[i].width, sizes[i].height);
      g_autofree char *card = g_strdup_printf ("review-card-%s", sizes[i].size);
      g_autofree char *answer = g_strdup_printf ("review-answer-%s", sizes[i].size);
      g_autofree char *question = g_strdup_printf ("review-question-%s", sizes[i].size);
      g_autofree char *done = g_strdup_printf ("review-done-%s", sizes[i].size);
      GtkWidget *session;

      wait_for_journal (app);
      for (guint n = 0; n < 100 && ally_glossary_view_get_catalog (ally_window_get_glossary_view (window)) == NULL; n++)
        settle (100);
      /* A question missed yesterday (the sample journal has finished lessons 1 and 2). */
      ally_journal_review_card (ally_application_get_journal (app),
                                "question:what-allyship-is/q-badge", 1, yesterday, NULL);
      ally_window_set_visible_area (window, "glossary");
      ally_glossary_view_start_review (ally_window_get_glossary_view (window));
      session = find_descendant (GTK_WIDGET (window), ALLY_TYPE_REVIEW_SESSION);
      gtk_widget_activate_action (session, "review.choose", "u", wrong);
      settle (1000);
      save_widget_png (GTK_WIDGET (window), dir, question);
      gtk_widget_activate_action (session, "review.grade", "i", ALLY_SM2_AGAIN);
      settle (1000);
      save_widget_png (GTK_WIDGET (window), dir, card);
      gtk_widget_activate_action (session, "review.show-answer", NULL);
      settle (1000);
      save_widget_png (GTK_WIDGET (window), dir, answer);
      if (i + 1 < G_N_ELEMENTS (sizes))
        {
          gtk_window_destroy (GTK_WINDOW (window));
          continue;
        }
      for (guint n = 0; n < 50; n++)
        {
          gtk_widget_activate_action (session, "review.choose", "u", right);
          gtk_widget_activate_action (session, "review.show-answer", NULL);
          gtk_widget_activate_action (session, "review.grade", "i", n % 3 == 0 ? ALLY_SM2_EASY : ALLY_SM2_GOOD);
        }
      settle (1000);
      save_widget_png (GTK_WIDGET (window), dir, done);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AllyApplication) app = NULL;
  g_auto(GStrv) lessons = NULL;
  gboolean dark = FALSE;
  gboolean sample_data = FALSE;
  gboolean lock = FALSE;
  gboolean review = FALSE;
  gboolean rtl = FALSE;
  g_autofree char *content_dir = NULL;
  g_autofree char *course_language = NULL;
  g_autofree char *name_prefix = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTDIR");
  const GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Use the dark style", NULL },
    { "lesson", 0, 0, G_OPTION_ARG_STRING_ARRAY, &lessons, "Also shoot this lesson", "ID" },
    { "sample-data", 0, 0, G_OPTION_ARG_NONE, &sample_data, "Fill the journal with examples first", NULL },
    { "lock", 0, 0, G_OPTION_ARG_NONE, &lock, "Only the journal lock: Preferences and the unlock page", NULL },
    { "review", 0, 0, G_OPTION_ARG_NONE, &review, "Only a review session (use with --sample-data)", NULL },
    { "rtl", 0, 0, G_OPTION_ARG_NONE, &rtl, "Lay the window out right to left", NULL },
    { "content-dir", 0, 0, G_OPTION_ARG_FILENAME, &content_dir, "The course from DIR", "DIR" },
    { "course-language", 0, 0, G_OPTION_ARG_STRING, &course_language, "The course in LL", "LL" },
    { "prefix", 0, 0, G_OPTION_ARG_STRING, &name_prefix, "Put PREFIX before every file name", "PREFIX" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ALLYSHIP_LOCALEDIR") ? g_getenv ("ALLYSHIP_LOCALEDIR")
                                                                  : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("Usage: screenshooter [--dark] [--sample-data] [--lock] [--review] [--rtl] "
                  "[--content-dir DIR] [--course-language LL] [--prefix PREFIX] [--lesson ID…] OUTDIR\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);

  gtk_init ();
  adw_init ();
  /* Pages switch at once: under Xvfb a crossfade or a leaflet's slide can still be half-way
   * when the picture is taken (the narrow overview, glossary and journal were). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (rtl)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  if (name_prefix != NULL)
    prefix = name_prefix;
  if (sample_data)
    write_sample_data ();
  app = ally_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("Could not start: %s\n", error->message);
      return 1;
    }
  g_settings_set_string (ally_application_get_settings (app), "style-variant",
                         dark ? "dark" : "light");
  if (content_dir != NULL)
    ally_application_set_content_dir (app, content_dir);
  if (course_language != NULL)
    g_settings_set_string (ally_application_get_settings (app), "course-language", course_language);

  if (lock)
    {
      shoot_lock (app, argv[1]);
      return 0;
    }
  if (review)
    {
      shoot_review (app, argv[1]);
      return 0;
    }
  shoot_areas (app, argv[1], "wide", 1200, 800);
  shoot_areas (app, argv[1], "narrow", 360, 720);
  for (guint i = 0; lessons != NULL && lessons[i] != NULL; i++)
    shoot_lesson (app, argv[1], lessons[i]);

  return 0;
}
