/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-glossary-view.c: drives the Glossary area with the real course and a journal in a
 * temporary folder: search, term details and links, and the review it hosts. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ally-glossary-view.h"
#include "ally-journal-progress.h"
#include "ally-review-session.h"
#include "ui-test-util.h"

typedef struct
{
  char             *dir;
  AllyCatalog      *catalog;
  AllyJournal      *journal;
  GtkWindow        *window;
  AllyGlossaryView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean with_journal = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;

  fixture->catalog = ally_catalog_new ();
  g_assert_true (ally_catalog_load_resource (fixture->catalog, ALLY_CONTENT_RESOURCE_PATH, &error));
  g_assert_no_error (error);

  if (with_journal)
    {
      g_autoptr(GFile) dir = NULL;

      fixture->dir = g_dir_make_tmp ("allyship-glossary-XXXXXX", &error);
      g_assert_no_error (error);
      dir = g_file_new_for_path (fixture->dir);
      fixture->journal = ally_journal_open (dir, &error);
      g_assert_no_error (error);
    }

  fixture->view = ally_glossary_view_new ();
  g_object_set (fixture->view, "catalog", fixture->catalog, "journal", fixture->journal, NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  g_assert_true (spin_until (window_is_mapped, fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->catalog);
  if (fixture->dir != NULL)
    ui_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* ---- finding widgets -------------------------------------------------------------------- */

typedef gboolean (*WidgetPredicate) (GtkWidget  *widget,
                                     const char *data);

static GtkWidget *
find_widget (GtkWidget       *widget,
             WidgetPredicate  predicate,
             const char      *data)
{
  if (predicate (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_status_page_titled (GtkWidget  *widget,
                       const char *title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static gboolean
is_label_with_text (GtkWidget  *widget,
                    const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_drawable_button_for_action (GtkWidget  *widget,
                               const char *action)
{
  return GTK_IS_ACTIONABLE (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Shown on screen, not only present in the tree. */
static gboolean
status_page_is_shown (GtkWidget  *view,
                      const char *title)
{
  GtkWidget *page = find_widget (view, is_status_page_titled, title);

  return page != NULL && gtk_widget_is_drawable (page);
}

static GListModel *
term_list_model (Fixture *fixture)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

static gboolean
list_has_term (GListModel *model,
               const char *term_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AllyTerm) term = g_list_model_get_item (model, i);

      if (g_strcmp0 (ally_term_get_id (term), term_id) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  Fixture    *fixture;
  const char *term_id;   /* NULL: the list is empty */
} ListCheck;

static gboolean
list_shows_only_matches (gpointer data)
{
  ListCheck *check = data;
  GListModel *model = term_list_model (check->fixture);
  guint n = g_list_model_get_n_items (model);
  guint all = g_list_model_get_n_items (ally_catalog_get_terms (check->fixture->catalog));

  if (check->term_id == NULL)
    return n == 0;
  return n > 0 && n < all && list_has_term (model, check->term_id);
}

static void
search_for (Fixture    *fixture,
            const char *text,
            const char *expected_term_id)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  ListCheck check = { fixture, expected_term_id };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (spin_until (list_shows_only_matches, &check));
}

/* ---- browsing ----------------------------------------------------------------------------- */

static void
test_search_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  guint all = g_list_model_get_n_items (ally_catalog_get_terms (fixture->catalog));

  g_assert_cmpuint (g_list_model_get_n_items (term_list_model (fixture)), ==, all);
  g_assert_false (status_page_is_shown (view, "No Matching Terms"));

  /* a prefix of the name, in any case */
  search_for (fixture, "PRIVIL", "privilege");
  /* an alias finds its term */
  search_for (fixture, "theatre", "ally-theater");
  /* accents do not matter */
  search_for (fixture, "àbléism", "ableism");

  search_for (fixture, "zzqxv", NULL);
  g_assert_true (status_page_is_shown (view, "No Matching Terms"));

  search_for (fixture, "privil", "privilege");
  g_assert_false (status_page_is_shown (view, "No Matching Terms"));
}

static void
test_select_shows_definition (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_LIST_VIEW);
  AllyTerm *privilege = ally_catalog_lookup_term (fixture->catalog, "privilege");
  g_autoptr(GListModel) lessons = ally_catalog_list_lessons_for_term (fixture->catalog, "privilege");
  g_autoptr(AllyLesson) first_lesson = g_list_model_get_item (lessons, 0);

  g_assert_true (ally_glossary_view_show_term (fixture->view, "power"));
  search_for (fixture, "privil", "privilege");

  /* Activate the row as a click or Enter would. */
  gtk_widget_activate_action (list, "list.activate-item", "u", 0);
  g_assert_cmpstr (ally_glossary_view_get_term_id (fixture->view), ==, "privilege");
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->view), is_label_with_text,
                                 ally_term_get_definition_markup (privilege)));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->view), is_label_with_text,
                                 ally_term_get_name (privilege)));

  /* "Used in" lists the lessons that link to it */
  g_assert_nonnull (first_lesson);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->view), is_label_with_text,
                                 ally_lesson_get_title (first_lesson)));
}

static gboolean
is_label_with_term_link (GtkWidget  *widget,
                         const char *unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), "href=\"term:") != NULL;
}

static void
test_links_change_term (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  AllyTerm *ally = ally_catalog_lookup_term (fixture->catalog, "ally");
  const char *see_also = ally_term_get_see_also (ally)[0];
  GtkWidget *label, *row;
  g_autofree char *linked = NULL;
  const char *href;
  gboolean handled = FALSE;

  g_assert_true (ally_glossary_view_show_term (fixture->view, "ally"));

  /* a link in the definition */
  label = find_widget (view, is_label_with_term_link, NULL);
  g_assert_nonnull (label);
  href = strstr (gtk_label_get_label (GTK_LABEL (label)), "href=\"") + strlen ("href=\"");
  linked = g_strndup (href, strchr (href, '"') - href);
  g_signal_emit_by_name (label, "activate-link", linked, &handled);
  g_assert_true (handled);
  g_assert_cmpstr (ally_glossary_view_get_term_id (fixture->view), ==, linked + strlen ("term:"));
  g_assert_cmpstr (ally_glossary_view_get_term_id (fixture->view), !=, "ally");

  /* a "See also" row */
  g_assert_true (ally_glossary_view_show_term (fixture->view, "ally"));
  g_assert_nonnull (see_also);
  row = find_widget (view, is_drawable_button_for_action, "glossary.show-term");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   ally_term_get_name (ally_catalog_lookup_term (fixture->catalog, see_also)));
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (ally_glossary_view_get_term_id (fixture->view), ==, see_also);
}

static void
test_show_term_by_id (Fixture       *fixture,
                      gconstpointer  data)
{
  g_assert_true (ally_glossary_view_show_term (fixture->view, "power"));
  g_assert_cmpstr (ally_glossary_view_get_term_id (fixture->view), ==, "power");
  g_assert_true (ally_glossary_view_show_term (fixture->view, "term:privilege"));
  g_assert_cmpstr (ally_glossary_view_get_term_id (fixture->view), ==, "privilege");

  g_assert_false (ally_glossary_view_show_term (fixture->view, "no-such-term"));
  g_assert_cmpstr (ally_glossary_view_get_term_id (fixture->view), ==, "privilege");
}

static gboolean
search_has_focus (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *entry = find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *focus = gtk_window_get_focus (fixture->window);

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
test_search_shortcut (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *button = find_widget (GTK_WIDGET (fixture->view), is_drawable_button_for_action,
                                   "glossary.review");

  gtk_widget_grab_focus (button);
  g_assert_false (search_has_focus (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "glossary.search", NULL));
  g_assert_true (spin_until (search_has_focus, fixture));
}

static gboolean
is_leaflet_showing_sidebar (gpointer data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (data), ADW_TYPE_LEAFLET));

  return adw_leaflet_get_visible_child (leaflet) == gtk_widget_get_parent (
           find_descendant (GTK_WIDGET (data), GTK_TYPE_SEARCH_ENTRY));
}

static gboolean
leaflet_is_folded (gpointer data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (find_descendant (GTK_WIDGET (data), ADW_TYPE_LEAFLET)));
}

static void
test_narrow_back (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_set_default_size (fixture->window, 360, 720);
  g_assert_true (spin_until (leaflet_is_folded, fixture->view));
  g_assert_true (is_leaflet_showing_sidebar (fixture->view));

  g_assert_true (ally_glossary_view_show_term (fixture->view, "power"));
  g_assert_false (is_leaflet_showing_sidebar (fixture->view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "glossary.back", NULL);
  g_assert_true (is_leaflet_showing_sidebar (fixture->view));
}

static gboolean
term_name_matches (AllyTerm   *term,
                   const char *word)
{
  const char * const *aliases = ally_term_get_aliases (term);
  g_autofree char *name = g_utf8_strdown (ally_term_get_name (term), -1);

  if (strstr (name, word) != NULL)
    return TRUE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *alias = g_utf8_strdown (aliases[i], -1);

      if (strstr (alias, word) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A word in a definition finds the term too, after the terms it names. */
static void
test_search_finds_definitions (Fixture       *fixture,
                               gconstpointer  data)
{
  GListModel *model;
  gboolean seen_definition_match = FALSE;
  guint n_definition_matches = 0;

  search_for (fixture, "power", "power");
  model = term_list_model (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AllyTerm) term = g_list_model_get_item (model, i);
      gboolean by_name = term_name_matches (term, "power");

      /* name and alias matches first */
      g_assert_false (by_name && seen_definition_match);
      if (!by_name)
        {
          g_autofree char *definition = g_utf8_strdown (ally_term_get_definition_text (term), -1);

          g_assert_nonnull (strstr (definition, "power"));
          seen_definition_match = TRUE;
          n_definition_matches++;
        }
    }
  g_assert_cmpuint (n_definition_matches, >, 0);
}

static gboolean
detail_shows (gpointer data)
{
  ListCheck *check = data;

  return g_strcmp0 (ally_glossary_view_get_term_id (check->fixture->view), check->term_id) == 0;
}

/* Searching never leaves a hidden term in the detail pane. */
static void
test_detail_follows_search (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(AllyTerm) first = NULL;

  g_assert_true (ally_glossary_view_show_term (fixture->view, "ally"));

  /* nothing matches: the detail says so rather than showing "ally" */
  search_for (fixture, "zzqxv", NULL);
  g_assert_true (status_page_is_shown (view, "No Term to Show"));
  g_assert_null (find_widget (view, is_label_with_text,
                              ally_term_get_name (ally_catalog_lookup_term (fixture->catalog, "ally"))));

  /* "ally" is hidden by the search: the first match shows instead */
  search_for (fixture, "privil", "privilege");
  g_assert_false (status_page_is_shown (view, "No Term to Show"));
  first = g_list_model_get_item (term_list_model (fixture), 0);
  g_assert_true (spin_until (detail_shows, &(ListCheck) { fixture, ally_term_get_id (first) }));
  g_assert_nonnull (find_widget (view, is_label_with_text, ally_term_get_name (first)));
}

/* Back (the button, or Alt+Left) returns from a See also jump, one step at a time. */
static void
test_back_after_see_also (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  AllyTerm *ally = ally_catalog_lookup_term (fixture->catalog, "ally");
  const char *see_also = ally_term_get_see_also (ally)[0];
  g_autofree char *back_label = g_strdup_printf ("Back to “%s”", ally_term_get_name (ally));
  GtkWidget *row, *button;
  char *second = NULL;

  g_assert_true (ally_glossary_view_show_term (fixture->view, "ally"));
  g_assert_null (find_widget (view, is_label_with_text, back_label));

  row = find_widget (view, is_drawable_button_for_action, "glossary.show-term");
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (ally_glossary_view_get_term_id (fixture->view), ==, see_also);
  g_assert_nonnull (find_widget (view, is_label_with_text, back_label));

  /* a second hop, then back twice */
  row = find_widget (view, is_drawable_button_for_action, "glossary.show-term");
  g_signal_emit_by_name (row, "activate");
  second = g_strdup (ally_glossary_view_get_term_id (fixture->view));
  g_assert_cmpstr (second, !=, see_also);

  g_assert_true (activate_window_shortcut (view, "<Alt>Left"));
  g_assert_cmpstr (ally_glossary_view_get_term_id (fixture->view), ==, see_also);
  button = find_widget (view, is_label_with_text, back_label);
  g_assert_nonnull (button);
  button = gtk_widget_get_ancestor (button, GTK_TYPE_BUTTON);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (ally_glossary_view_get_term_id (fixture->view), ==, "ally");
  g_assert_null (find_widget (view, is_label_with_text, back_label));
  g_free (second);
}

static void
on_open_lesson (AllyGlossaryView *view,
                const char       *lesson_id,
                char            **out)
{
  g_free (*out);
  *out = g_strdup (lesson_id);
}

/* A lesson under "Used in" asks the window to open it. */
static void
test_used_in_opens_lesson (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GListModel) lessons = ally_catalog_list_lessons_for_term (fixture->catalog, "privilege");
  g_autoptr(AllyLesson) lesson = g_list_model_get_item (lessons, 0);
  g_autofree char *opened = NULL;
  GtkWidget *row;

  g_signal_connect (fixture->view, "open-lesson", G_CALLBACK (on_open_lesson), &opened);
  g_assert_true (ally_glossary_view_show_term (fixture->view, "privilege"));
  row = find_widget (GTK_WIDGET (fixture->view), is_drawable_button_for_action, "glossary.open-lesson");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   ally_lesson_get_title (lesson));
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (opened, ==, ally_lesson_get_id (lesson));
}

/* ---- flashcards --------------------------------------------------------------------------- */

static GtkWidget *
review_session (Fixture *fixture)
{
  GtkWidget *session = find_descendant (GTK_WIDGET (fixture->view), ALLY_TYPE_REVIEW_SESSION);

  g_assert_nonnull (session);
  return session;
}

/* No lesson finished, nothing to review; "Add to Reviews" makes the term shown a card, which
 * the review asks, records and does not ask again today. */
static void
test_review_added_term (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *session = review_session (fixture);
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_card = NULL;
  AllyTerm *first;
  AllySm2State state;

  g_assert_true (ally_glossary_view_show_term (fixture->view, "privilege"));
  first = ally_catalog_lookup_term (fixture->catalog, "privilege");
  first_card = ally_card_id_for_term (ally_term_get_id (first));
  g_assert_nonnull (find_widget (view, is_label_with_text, "No cards to review now"));
  g_assert_nonnull (find_widget (view, is_label_with_text, "Add to Reviews"));

  /* the term of an unread lesson is not a card */
  gtk_widget_activate_action (view, "glossary.review", NULL);
  g_assert_true (status_page_is_shown (view, "No Cards Due"));
  g_assert_false (ally_journal_get_card (fixture->journal, first_card, &state, NULL, &error));
  g_assert_error (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  gtk_widget_activate_action (session, "review.close", NULL);

  gtk_widget_activate_action (view, "glossary.add-to-reviews", NULL);
  g_assert_true (ally_journal_get_card (fixture->journal, first_card, &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_widget (view, is_label_with_text, "In Your Reviews"));
  g_assert_nonnull (find_widget (view, is_label_with_text, "1 card to review"));

  gtk_widget_activate_action (view, "glossary.review", NULL);
  g_assert_nonnull (find_widget (view, is_label_with_text, ally_term_get_name (first)));
  /* the definition is hidden until asked for */
  g_assert_null (find_widget (view, is_label_with_text, ally_term_get_definition_text (first)));
  g_assert_null (find_widget (view, is_drawable_button_for_action, "review.grade"));
  gtk_widget_activate_action (session, "review.show-answer", NULL);
  g_assert_nonnull (find_widget (view, is_drawable_button_for_action, "review.grade"));

  /* "Good" records an SM-2 review: due tomorrow from midnight */
  gtk_widget_activate_action (session, "review.grade", "i", ALLY_SM2_GOOD);
  g_assert_true (ally_journal_get_card (fixture->journal, first_card, &state, &due, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state.repetitions, ==, 1);
  g_assert_cmpint (state.interval_days, ==, 1);
  g_assert_cmpint (g_date_time_compare (due, before), >, 0);
  g_assert_cmpint (g_date_time_get_hour (due), ==, 0);
  g_assert_true (status_page_is_shown (view, "Review Finished"));

  /* nothing is due again today */
  gtk_widget_activate_action (view, "glossary.review", NULL);
  g_assert_true (status_page_is_shown (view, "No Cards Due"));
  gtk_widget_activate_action (session, "review.close", NULL);
  g_assert_nonnull (find_widget (view, is_label_with_text, "No cards to review now"));
}

static gboolean
is_label_containing (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* Another connection holding the write lock makes the journal's save fail (after its busy
 * timeout): the person is told, and the card stays to be answered again. */
static void
test_review_failed_save_keeps_card (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(AllyTerm) first = g_list_model_get_item (ally_catalog_get_terms (fixture->catalog), 0);
  g_autofree char *first_card = ally_card_id_for_term (ally_term_get_id (first));
  GtkWidget *session = review_session (fixture);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GFile *file = ally_journal_get_file (fixture->journal);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  AllySm2State state;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (ally_journal_add_card (fixture->journal, first_card, now, NULL, &error));
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  gtk_widget_activate_action (view, "glossary.review", NULL);
  gtk_widget_activate_action (session, "review.show-answer", NULL);
  gtk_widget_activate_action (session, "review.grade", "i", ALLY_SM2_GOOD);

  g_assert_nonnull (find_widget (view, is_label_containing, "Your answer could not be saved"));
  g_assert_nonnull (find_widget (view, is_label_containing, "Your answer was not saved"));
  g_assert_nonnull (find_widget (view, is_label_with_text, ally_term_get_name (first)));
  g_assert_nonnull (find_widget (view, is_drawable_button_for_action, "review.grade"));

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* answering again once the journal can be written saves it */
  gtk_widget_activate_action (session, "review.grade", "i", ALLY_SM2_GOOD);
  g_assert_true (ally_journal_get_card (fixture->journal, first_card, &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state.repetitions, ==, 1);
  g_assert_null (find_widget (view, is_label_containing, "Your answer could not be saved"));
}

static void
test_review_without_journal (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);

  g_assert_null (ally_glossary_view_get_journal (fixture->view));
  gtk_widget_activate_action (view, "glossary.review", NULL);
  g_assert_true (status_page_is_shown (view, "Flashcards Are Not Available"));
  g_assert_null (find_widget (view, is_drawable_button_for_action, "review.show-answer"));

  /* the glossary itself still works */
  gtk_widget_activate_action (view, "glossary.browse", NULL);
  g_assert_false (status_page_is_shown (view, "Flashcards Are Not Available"));
  g_assert_true (ally_glossary_view_show_term (fixture->view, "power"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Stack pages switch at once, so "not shown" means gone, not fading out. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func, journal) \
  g_test_add (path, Fixture, GINT_TO_POINTER (journal), fixture_set_up, func, fixture_tear_down)

  ADD ("/glossary/search/filters", test_search_filters, FALSE);
  ADD ("/glossary/search/shortcut-focuses", test_search_shortcut, FALSE);
  ADD ("/glossary/search/finds-definitions", test_search_finds_definitions, FALSE);
  ADD ("/glossary/search/detail-follows-search", test_detail_follows_search, FALSE);
  ADD ("/glossary/term/back-after-see-also", test_back_after_see_also, FALSE);
  ADD ("/glossary/term/used-in-opens-lesson", test_used_in_opens_lesson, FALSE);
  ADD ("/glossary/term/select-shows-definition", test_select_shows_definition, FALSE);
  ADD ("/glossary/term/links-change-term", test_links_change_term, FALSE);
  ADD ("/glossary/term/show-by-id", test_show_term_by_id, FALSE);
  ADD ("/glossary/narrow/back", test_narrow_back, FALSE);
  ADD ("/glossary/review/added-term", test_review_added_term, TRUE);
  ADD ("/glossary/review/failed-save-keeps-card", test_review_failed_save_keeps_card, TRUE);
  ADD ("/glossary/review/without-journal", test_review_without_journal, FALSE);

#undef ADD

  return g_test_run ();
}
