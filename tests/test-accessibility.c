/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-accessibility.c: walks the accessible tree of each area of a real window (with the
 * test accessibility backend) and fails on any control a screen reader could not name: a
 * button, toggle, check box, link, text field or search field needs an accessible label or
 * a labelled-by relation to text it shows, and never both (GTK 4.8 would read it twice). */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ally-accessible.h"
#include "ally-application.h"
#include "ally-journal-progress.h"
#include "ally-journal-view-private.h"
#include "ally-glossary-view.h"
#include "ally-learn-view.h"
#include "ally-preferences-window.h"
#include "ally-review-session.h"
#include "ally-window.h"
#include "ui-test-util.h"

static AllyApplication *app;

static gboolean
is_control (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
      return TRUE;
    default:
      return FALSE;
    }
}

/* "Type (a button showing “…” / icon …)": enough for a person to find the widget. */
static char *
describe (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *css = gtk_widget_get_name (widget);

  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    return g_strdup_printf ("%s with icon %s (tooltip: %s)", G_OBJECT_TYPE_NAME (widget),
                            gtk_button_get_icon_name (GTK_BUTTON (widget)), tooltip ? tooltip : "none");
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL)
    return g_strdup_printf ("%s with icon %s (tooltip: %s)", G_OBJECT_TYPE_NAME (widget),
                            gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)),
                            tooltip ? tooltip : "none");
  return g_strdup_printf ("%s %s (tooltip: %s, parent %s)", G_OBJECT_TYPE_NAME (widget), css,
                          tooltip ? tooltip : "none",
                          G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
}

/* GTK 4.8 labels a button by its child: a name only when that child shows text. */
static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      return gtk_widget_get_visible (widget) && text != NULL && *text != '\0';
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;
  return FALSE;
}

/* The toggle inside a menu button is labelled by it. */
static GtkWidget *
labelling_owner (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_MENU_BUTTON (parent) ? parent : NULL;
}

static void
check_widget (GtkWidget *widget,
              GPtrArray *problems)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (accessible);
  GtkWidget *owner = labelling_owner (widget);
  gboolean own = gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL);
  gboolean related = gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gboolean by_text = related && shows_text (widget);
  gboolean by_owner = related && owner != NULL &&
                      gtk_test_accessible_has_property (GTK_ACCESSIBLE (owner), GTK_ACCESSIBLE_PROPERTY_LABEL);

  if (!is_control (role))
    return;
  if (!own && !by_text && !by_owner)
    {
      g_autofree char *description = describe (widget);
      g_ptr_array_add (problems, g_strdup_printf ("no accessible name: %s", description));
    }
  /* GTK 4.8 reads a control's own name and then the names it is labelled by: with both, a
   * screen reader says it twice ("Adopt Adopt", or GTK's own "_Adopt Adopt"). A drop-down's
   * related text is its current value, said after its name, as it should be. */
  else if (own && (by_text || by_owner) && role != GTK_ACCESSIBLE_ROLE_COMBO_BOX)
    {
      g_autofree char *description = describe (widget);
      g_ptr_array_add (problems, g_strdup_printf ("name read twice: %s", description));
    }
}

/* Titles a sighted reader sees as headings are headings for a screen reader too. */
static void
check_heading (GtkWidget *widget,
               GPtrArray *problems)
{
  static const char * const title_classes[] = { "title-1", "title-2", "title-3", "title-4" };

  if (!GTK_IS_LABEL (widget))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (title_classes); i++)
    if (gtk_widget_has_css_class (widget, title_classes[i]) &&
        gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) != GTK_ACCESSIBLE_ROLE_HEADING)
      g_ptr_array_add (problems, g_strdup_printf ("a %s title is not a heading: “%s”", title_classes[i],
                                                  gtk_label_get_text (GTK_LABEL (widget))));
}

/* A list row is announced by its name, so that a screen reader says which lesson, term, entry
 * or commitment it is: a row (GtkListView's GtkListItemWidget, or a GtkListBoxRow) needs a
 * label or a labelled-by relation to text it shows. */
static void
check_row (GtkWidget *widget,
           GPtrArray *problems)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* A drop-down shows its chosen item in a list item widget of its own, inside its button. */
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget") &&
      !GTK_IS_LIST_VIEW (parent) && !GTK_IS_GRID_VIEW (parent))
    return;
  if (gtk_accessible_get_accessible_role (accessible) != GTK_ACCESSIBLE_ROLE_LIST_ITEM &&
      !g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget"))
    return;
  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
       shows_text (widget)))
    return;
  g_ptr_array_add (problems, g_strdup_printf ("a list row has no name: %s in %s", G_OBJECT_TYPE_NAME (widget),
                                              G_OBJECT_TYPE_NAME (parent)));
}

/* Every mapped widget under @widget, as the accessible tree mirrors it in GTK 4.8. */
static void
walk (GtkWidget *widget,
      GPtrArray *problems)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  check_widget (widget, problems);
  check_heading (widget, problems);
  check_row (widget, problems);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, problems);
}

static gboolean
frame_passed (gpointer data)
{
  guint *frames = data;

  return ++*frames > 20;
}

static void
settle (void)
{
  guint frames = 0;

  spin_until (frame_passed, &frames);
}

/* Something in every list, so that rows, the entry editor and a commitment's buttons are
 * walked too, not only the empty states. */
static gint64
add_sample_data (AllyJournal *journal)
{
  g_autoptr(AllyEntry) entry = ally_entry_new ();
  const char *tags[] = { "work", NULL };
  g_autoptr(GError) error = NULL;
  gint64 id;

  ally_entry_set_title (entry, "A first reflection");
  ally_entry_set_body (entry, "What I noticed in the meeting today.");
  ally_entry_set_tags (entry, tags);
  id = ally_journal_save_entry (journal, entry, &error);
  g_assert_no_error (error);
  ally_journal_add_commitment (journal, "Ask who has not spoken yet", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  return id;
}

static GtkWidget *
find_label_showing (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_showing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list row (GtkListView's row widget) around a label showing @text. */
static GtkWidget *
find_row_showing (GtkWidget  *widget,
                  const char *text)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget"))
    {
      GtkWidget *label = find_label_showing (widget, text);

      if (label != NULL)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_showing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AllyWindow *row_window;

static gboolean
lesson_row_shown (gpointer lesson)
{
  return find_row_showing (GTK_WIDGET (row_window), ally_lesson_get_title (lesson)) != NULL;
}

/* A lesson's row says which lesson it is, how long it takes and whether it is finished. */
static void
test_lesson_row_name (void)
{
  AllyWindow *window = ally_window_new (app);
  AllyLearnView *learn;
  AllyLesson *lesson;
  GtkWidget *row;
  g_autofree char *expected = NULL;
  g_autofree char *mismatch = NULL;

  row_window = window;
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (ui_test_window_is_ready, window));
  learn = ally_window_get_learn_view (window);
  lesson = ally_catalog_lookup_lesson (ally_learn_view_get_catalog (learn), "what-allyship-is");
  g_assert_nonnull (lesson);
  g_assert_true (spin_until (lesson_row_shown, lesson));
  row = find_row_showing (GTK_WIDGET (learn), ally_lesson_get_title (lesson));
  expected = g_strdup_printf ("Lesson %u: %s, %u minutes", ally_lesson_get_number (lesson),
                              ally_lesson_get_title (lesson), ally_lesson_get_minutes (lesson));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 expected);
  g_assert_null (mismatch);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_area_controls_named (gconstpointer data)
{
  const char *area = data;
  AllyWindow *window = ally_window_new (app);
  gint64 entry_id;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (ui_test_window_is_ready, window));
  entry_id = add_sample_data (ally_learn_view_get_journal (ally_window_get_learn_view (window)));
  settle ();
  if (g_str_equal (area, "learn"))
    {
      g_assert_true (ally_learn_view_open_lesson (ally_window_get_learn_view (window), "what-allyship-is"));
      /* Walk the whole page, not only its first screenful. */
      g_assert_true (spin_until (ui_test_lesson_page_shown, window));
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", area);
  if (g_str_equal (area, "journal"))
    g_assert_true (ally_journal_view_open_entry (ally_window_get_journal_view (window), entry_id));
  settle ();

  walk (GTK_WIDGET (window), problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", area, (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A review's card pages: a term with its answer buttons, and a missed question with its
 * choices; then the Preferences window's number of new cards a day. */
static void
test_review_controls_named (void)
{
  AllyWindow *window = ally_window_new (app);
  AllyJournal *journal;
  GtkWidget *session;
  GtkWindow *prefs;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (ui_test_window_is_ready, window));
  journal = ally_learn_view_get_journal (ally_window_get_learn_view (window));
  g_assert_true (ally_journal_add_card (journal, "term:privilege", now, NULL, &error));
  g_assert_true (ally_journal_review_card (journal, "question:what-allyship-is/q-four-parts", 1, yesterday, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "glossary");
  ally_glossary_view_start_review (ally_window_get_glossary_view (window));
  session = find_descendant (GTK_WIDGET (window), ALLY_TYPE_REVIEW_SESSION);
  /* The missed question first (it was due before the new card), answered wrong. */
  g_assert_true (gtk_widget_activate_action (session, "review.choose", "u", 0));
  settle ();
  walk (GTK_WIDGET (window), problems);
  g_assert_true (gtk_widget_activate_action (session, "review.grade", "i", 0));
  g_assert_true (gtk_widget_activate_action (session, "review.show-answer", NULL));
  settle ();
  walk (GTK_WIDGET (window), problems);

  /* Only the new spin button: the style combo row's own list fails the row check (an
   * AdwComboRow shows its choice through an unnamed GtkListView row). */
  prefs = GTK_WINDOW (ally_preferences_window_new (ally_application_get_settings (app), journal,
                                                   ally_learn_view_get_catalog (ally_window_get_learn_view (window))));
  gtk_window_present (prefs);
  settle ();
  walk (find_descendant (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON), problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("review: %s\n", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  gtk_window_destroy (prefs);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The walk itself can fail: an icon-only button with no name is reported. */
static void
test_unnamed_button_is_caught (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (window_is_mapped, window);
  walk (window, problems);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "user-trash-symbolic"));

  g_ptr_array_set_size (problems, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Delete", -1);
  walk (window, problems);
  g_assert_cmpuint (problems->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
setup_plain_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bind_plain_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  name_rows)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (label), text);
  if (name_rows != NULL)
    ally_accessible_name_row (label, text);
}

static gboolean
row_is_shown (gpointer list)
{
  GtkWidget *row = gtk_widget_get_first_child (list);

  return row != NULL && gtk_widget_get_mapped (row) && gtk_widget_get_first_child (row) != NULL;
}

/* The walk catches a list view's row that shows text but has no name of its own, and passes
 * it once ally_accessible_name_row () names it. */
static void
test_unnamed_row_is_caught (gconstpointer name_rows)
{
  const char * const words[] = { "allyship", NULL };
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_plain_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_plain_row), (gpointer) name_rows);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (gtk_string_list_new (words)))),
                            factory);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (row_is_shown, list));
  walk (window, problems);
  if (name_rows != NULL)
    g_assert_cmpuint (problems->len, ==, 0);
  else
    {
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_nonnull (strstr (problems->pdata[0], "a list row has no name"));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  int ret;

  /* The test backend keeps every accessible property where the GtkAccessible test API reads it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();
  adw_init ();

  app = ui_test_new_registered_app ();

  g_test_add_func ("/accessibility/unnamed-button-is-caught", test_unnamed_button_is_caught);
  g_test_add_data_func ("/accessibility/unnamed-row-is-caught", NULL, test_unnamed_row_is_caught);
  g_test_add_data_func ("/accessibility/named-row-passes", "yes", test_unnamed_row_is_caught);
  g_test_add_func ("/accessibility/lesson-row-name", test_lesson_row_name);
  g_test_add_data_func ("/accessibility/learn", "learn", test_area_controls_named);
  g_test_add_data_func ("/accessibility/glossary", "glossary", test_area_controls_named);
  g_test_add_data_func ("/accessibility/journal", "journal", test_area_controls_named);
  g_test_add_data_func ("/accessibility/practice", "practice", test_area_controls_named);
  g_test_add_func ("/accessibility/review", test_review_controls_named);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);

  return ret;
}
