/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-glossary-widgets.c: the Glossary area's parts on their own, with the small course of
 * tests/content/fixtures/good and a journal in a temporary folder: a term row in a list, the
 * rows that link to a related term or a lesson, and the term page with “Add to Reviews”. The
 * Glossary view's actions (glossary.*) and the window's toast are stand-ins that record what
 * the widgets ask for; accessible names and roles are read from GTK's test backend. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "ally-glossary-link-row.h"
#include "ally-glossary-term-page.h"
#include "ally-glossary-term-row.h"
#include "ally-journal-cards.h"
#include "ui-test-util.h"

typedef struct
{
  char               *dir;
  AllyCatalog        *catalog;
  AllyJournal        *journal;
  GtkWindow          *window;
  GPtrArray          *activated;   /* "action target" of each stand-in action run */
} Fixture;

static void
on_stand_in_activate (GSimpleAction *action,
                      GVariant      *parameter,
                      Fixture       *fixture)
{
  const char *target = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";

  g_ptr_array_add (fixture->activated, g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)),
                                                        target));
}

/* A group of stand-in actions named PREFIX.NAME for each "NAME" or "NAME(s)" in NAMES. */
static void
insert_stand_ins (Fixture            *fixture,
                  const char         *prefix,
                  const char * const *names)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean takes_string = g_str_has_suffix (names[i], "(s)");
      g_autofree char *name = g_strndup (names[i], strlen (names[i]) - (takes_string ? 3 : 0));
      g_autoptr(GSimpleAction) action = g_simple_action_new (name, takes_string ? G_VARIANT_TYPE_STRING
                                                                                : NULL);

      g_signal_connect (action, "activate", G_CALLBACK (on_stand_in_activate), fixture);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), prefix, G_ACTION_GROUP (group));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const glossary_actions[] = { "show-term(s)", "open-lesson(s)", "back", NULL };
  const char * const win_actions[] = { "show-toast(s)", NULL };
  g_autoptr(GFile) course = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "content", "fixtures",
                                                                      "good", NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;

  fixture->catalog = ally_catalog_new ();
  g_assert_true (ally_catalog_load_directory (fixture->catalog, course, &error));
  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("glossary-widgets-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (fixture->dir);
  fixture->journal = ally_journal_open (dir, &error);
  g_assert_no_error (error);

  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 1000);
  insert_stand_ins (fixture, "glossary", glossary_actions);
  insert_stand_ins (fixture, "win", win_actions);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
  g_clear_object (&fixture->journal);
  g_clear_object (&fixture->catalog);
  ui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* ---- Helpers ------------------------------------------------------------------------------ */

static void
show_in_window (Fixture   *fixture,
                GtkWidget *widget)
{
  gtk_window_set_child (fixture->window, widget);
  gtk_window_present (fixture->window);
  g_assert_true (spin_until (window_is_mapped, fixture->window));
}

static GtkLabel *
label_with_text (GtkWidget  *root,
                 const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = label_with_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Shown on screen: visible, and every widget above it visible too. */
static gboolean
is_shown (gpointer widget)
{
  return widget != NULL && gtk_widget_is_drawable (widget);
}

/* The action rows of the list box under the heading HEADING on PAGE, in order. */
static GPtrArray *
rows_under (GtkWidget  *page,
            const char *heading)
{
  GtkLabel *label = label_with_text (page, heading);
  GtkWidget *list = label ? find_descendant (gtk_widget_get_parent (GTK_WIDGET (label)),
                                             GTK_TYPE_LIST_BOX) : NULL;
  GPtrArray *rows = g_ptr_array_new ();

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_ptr_array_add (rows, row);
  return rows;
}

static const char *
row_title (gpointer row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
assert_activated (Fixture    *fixture,
                  const char *expected)
{
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, expected);
  g_ptr_array_set_size (fixture->activated, 0);
}

/* A row is read by its title: GTK's test backend keeps the relation AdwActionRow sets. */
static void
assert_row_named_by (GtkWidget  *row,
                     const char *title)
{
  GtkLabel *label = label_with_text (row, title);

  g_assert_nonnull (label);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       label, NULL);
}

/* ---- Term row ----------------------------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, ally_glossary_term_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  ally_glossary_term_row_set_term (ALLY_GLOSSARY_TERM_ROW (gtk_list_item_get_child (item)),
                                   gtk_list_item_get_item (item));
}

static gboolean
rows_are_bound (gpointer list)
{
  GtkWidget *first = gtk_widget_get_first_child (list);

  return first != NULL && gtk_widget_get_first_child (first) != NULL &&
         ally_glossary_term_row_get_term (ALLY_GLOSSARY_TERM_ROW (gtk_widget_get_first_child (first))) != NULL;
}

/* Each row of the list shows its term's name and other forms, and the list's row widget, the
 * object a screen reader announces, is named after the term. */
static void
test_term_row_in_list (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *terms = ally_catalog_get_terms (fixture->catalog);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *list;
  guint n_seen = 0;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (terms))), factory);
  show_in_window (fixture, list);
  g_assert_true (spin_until (rows_are_bound, list));

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      AllyTerm *term;
      const char *name;

      if (!ALLY_IS_GLOSSARY_TERM_ROW (row))
        continue;
      term = ally_glossary_term_row_get_term (ALLY_GLOSSARY_TERM_ROW (row));
      name = ally_term_get_name (term);
      g_assert_nonnull (label_with_text (row, name));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      if (g_str_equal (ally_term_get_id (term), "ally"))
        g_assert_nonnull (label_with_text (row, "allies, allyship"));
      if (g_str_equal (ally_term_get_id (term), "power"))
        /* no other forms: an empty second line, so every row is as high */
        g_assert_nonnull (label_with_text (row, ""));
      n_seen++;
    }
  g_assert_cmpuint (n_seen, ==, g_list_model_get_n_items (terms));
}

/* ---- Link rows ---------------------------------------------------------------------------- */

static void
test_link_rows (Fixture       *fixture,
                gconstpointer  data)
{
  AllyTerm *power = ally_catalog_lookup_term (fixture->catalog, "power");
  AllyLesson *lesson = ally_catalog_lookup_lesson (fixture->catalog, "practice");
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *term_row = ally_glossary_link_row_new_for_term (power);
  GtkWidget *lesson_row = ally_glossary_link_row_new_for_lesson (lesson);

  gtk_list_box_append (GTK_LIST_BOX (list), term_row);
  gtk_list_box_append (GTK_LIST_BOX (list), lesson_row);
  show_in_window (fixture, list);

  g_assert_cmpstr (row_title (term_row), ==, "Power");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (term_row)));
  assert_row_named_by (term_row, "Power");
  g_signal_emit_by_name (term_row, "activate");
  assert_activated (fixture, "show-term power");

  g_assert_cmpstr (row_title (lesson_row), ==, "Allyship in practice");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lesson_row)), ==, "Lesson 2");
  assert_row_named_by (lesson_row, "Allyship in practice");
  g_signal_emit_by_name (lesson_row, "activate");
  assert_activated (fixture, "open-lesson practice");
}

/* ---- Term page ---------------------------------------------------------------------------- */

static AllyGlossaryTermPage *
show_page (Fixture     *fixture,
           AllyJournal *journal,
           const char  *term_id)
{
  AllyGlossaryTermPage *page = ally_glossary_term_page_new ();

  ally_glossary_term_page_set_catalog (page, fixture->catalog);
  ally_glossary_term_page_set_journal (page, journal);
  ally_glossary_term_page_set_term (page, ally_catalog_lookup_term (fixture->catalog, term_id));
  show_in_window (fixture, GTK_WIDGET (page));
  return page;
}

static void
test_page_shows_term (Fixture       *fixture,
                      gconstpointer  data)
{
  AllyGlossaryTermPage *page = show_page (fixture, NULL, "privilege");
  GtkWidget *widget = GTK_WIDGET (page);
  AllyTerm *privilege = ally_catalog_lookup_term (fixture->catalog, "privilege");
  g_autoptr(GPtrArray) see_also = rows_under (widget, "See Also");
  g_autoptr(GPtrArray) used_in = rows_under (widget, "Used in");
  GtkLabel *name = label_with_text (widget, "privilege");
  GtkLabel *sources;

  g_assert_true (ally_glossary_term_page_get_term (page) == privilege);
  g_assert_true (is_shown (name));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1);
  g_assert_true (is_shown (label_with_text (widget, "Also: privileged")));
  g_assert_true (is_shown (label_with_text (widget, ally_term_get_definition_markup (privilege))));

  g_assert_cmpuint (see_also->len, ==, 1);
  g_assert_cmpstr (row_title (see_also->pdata[0]), ==, "Power");
  assert_row_named_by (see_also->pdata[0], "Power");
  g_assert_cmpuint (used_in->len, ==, 3);
  g_assert_cmpstr (row_title (used_in->pdata[0]), ==, "What allyship is");
  g_assert_true (is_shown (label_with_text (widget, "Sources")));
  /* no journal: nothing to add the term to */
  g_assert_false (is_shown (label_with_text (widget, "Add to Reviews")));

  /* "power" has no other forms and no related terms; its citation points into the source */
  ally_glossary_term_page_set_term (page, ally_catalog_lookup_term (fixture->catalog, "power"));
  g_assert_true (is_shown (label_with_text (widget, "Power")));
  g_assert_null (label_with_text (widget, "Also: privileged"));
  g_assert_false (is_shown (label_with_text (widget, "See Also")));
  sources = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (label_with_text (widget, "Sources"))));
  g_assert_true (g_str_has_suffix (gtk_label_get_label (sources), " (Power)"));
}

static gboolean
activate_link (GtkLabel   *definition,
               const char *uri)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (definition, "activate-link", uri, &handled);
  return handled;
}

/* Related terms, lessons and term links in the definition run the Glossary view's actions. */
static void
test_page_links (Fixture       *fixture,
                 gconstpointer  data)
{
  AllyGlossaryTermPage *page = show_page (fixture, NULL, "privilege");
  GtkWidget *widget = GTK_WIDGET (page);
  AllyTerm *privilege = ally_catalog_lookup_term (fixture->catalog, "privilege");
  GtkLabel *definition = label_with_text (widget, ally_term_get_definition_markup (privilege));
  g_autoptr(GPtrArray) see_also = rows_under (widget, "See Also");
  g_autoptr(GPtrArray) used_in = rows_under (widget, "Used in");

  g_signal_emit_by_name (see_also->pdata[0], "activate");
  assert_activated (fixture, "show-term power");
  g_signal_emit_by_name (used_in->pdata[2], "activate");
  assert_activated (fixture, "open-lesson acting");

  g_assert_true (activate_link (definition, "term:power"));
  assert_activated (fixture, "show-term term:power");
}

/* “Back to …” names the term read before, and runs glossary.back. */
static void
test_page_back_button (Fixture       *fixture,
                       gconstpointer  data)
{
  AllyGlossaryTermPage *page = show_page (fixture, NULL, "power");
  GtkWidget *widget = GTK_WIDGET (page);
  GtkLabel *label;
  GtkWidget *button;

  g_assert_null (label_with_text (widget, "Back to “ally”"));
  ally_glossary_term_page_set_back_term (page, ally_catalog_lookup_term (fixture->catalog, "ally"));
  label = label_with_text (widget, "Back to “ally”");
  g_assert_true (is_shown (label));
  button = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_BUTTON);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       label, NULL);
  g_signal_emit_by_name (button, "clicked");
  assert_activated (fixture, "back ");

  ally_glossary_term_page_set_back_term (page, NULL);
  g_assert_false (is_shown (button));
}

static void
on_card_added (AllyGlossaryTermPage *page,
               guint                *n)
{
  (*n)++;
}

static GtkButton *
add_button (AllyGlossaryTermPage *page,
            const char           *label)
{
  GtkLabel *found = label_with_text (GTK_WIDGET (page), label);

  g_assert_true (is_shown (found));
  return GTK_BUTTON (gtk_widget_get_ancestor (GTK_WIDGET (found), GTK_TYPE_BUTTON));
}

/* “Add to Reviews” makes the term a card in the journal, once; the button then says so. */
static void
test_page_add_to_reviews (Fixture       *fixture,
                          gconstpointer  data)
{
  AllyGlossaryTermPage *page = show_page (fixture, fixture->journal, "ally");
  g_autofree char *card_id = ally_card_id_for_term ("ally");
  g_autoptr(GError) error = NULL;
  GtkButton *button = add_button (page, "Add to Reviews");
  AllySm2State state;
  guint n_added = 0;

  g_signal_connect (page, "card-added", G_CALLBACK (on_card_added), &n_added);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       gtk_button_get_child (button), NULL);
  g_assert_false (ally_journal_get_card (fixture->journal, card_id, &state, NULL, NULL));

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ally_journal_get_card (fixture->journal, card_id, &state, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);
  g_assert_true (add_button (page, "In Your Reviews") == button);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  /* another term is not a card yet; coming back to this one still says it is */
  ally_glossary_term_page_set_term (page, ally_catalog_lookup_term (fixture->catalog, "power"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (add_button (page, "Add to Reviews"))));
  ally_glossary_term_page_set_term (page, ally_catalog_lookup_term (fixture->catalog, "ally"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (add_button (page, "In Your Reviews"))));

  /* without a journal the button goes */
  ally_glossary_term_page_set_journal (page, NULL);
  g_assert_false (is_shown (button));
  g_assert_cmpuint (n_added, ==, 1);
}

/* Another connection holding the write lock makes the journal's write fail: the person is
 * told in a toast, and the term stays one to add. */
static void
test_page_add_to_reviews_fails (Fixture       *fixture,
                                gconstpointer  data)
{
  AllyGlossaryTermPage *page = show_page (fixture, fixture->journal, "ally");
  g_autofree char *path = g_file_get_path (ally_journal_get_file (fixture->journal));
  g_autofree char *card_id = ally_card_id_for_term ("ally");
  AllySm2State state;
  sqlite3 *db = NULL;
  guint n_added = 0;

  g_signal_connect (page, "card-added", G_CALLBACK (on_card_added), &n_added);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "term-page.add-to-reviews", NULL));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->activated, 0),
                                   "show-toast The term was not added to your reviews."));
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (add_button (page, "Add to Reviews"))));

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (ally_journal_get_card (fixture->journal, card_id, &state, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend keeps every accessible property where the GtkAccessible test API reads it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/glossary-widgets/term-row/in-list", test_term_row_in_list);
  ADD ("/glossary-widgets/link-row/term-and-lesson", test_link_rows);
  ADD ("/glossary-widgets/term-page/shows-term", test_page_shows_term);
  ADD ("/glossary-widgets/term-page/links", test_page_links);
  ADD ("/glossary-widgets/term-page/back-button", test_page_back_button);
  ADD ("/glossary-widgets/term-page/add-to-reviews", test_page_add_to_reviews);
  ADD ("/glossary-widgets/term-page/add-to-reviews-fails", test_page_add_to_reviews_fails);

#undef ADD

  return g_test_run ();
}
