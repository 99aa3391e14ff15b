/* test-accessibility.c: walks the accessible tree of each area of a real window (with the
 * test accessibility backend) and fails on any control a screen reader could not name: a
 * button, toggle, check box, link, text field or search field needs an accessible label or
 * a labelled-by relation, and a mnemonic label must not reach the reader with its underscore. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ally-application.h"
#include "ally-journal-progress.h"
#include "ally-journal-view-private.h"
#include "ally-learn-view.h"
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

/* The label a mnemonic button shows, without its underscore. */
static char *
plain_mnemonic (const char *label)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    if (*p != '_' || p[1] == '_')
      g_string_append_c (plain, *p);
  return g_string_free (plain, FALSE);
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

static void
check_widget (GtkWidget *widget,
              GPtrArray *problems)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (accessible);
  gboolean named;

  if (!is_control (role))
    return;
  named = gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
          (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
           shows_text (widget));
  if (!named)
    {
      g_autofree char *description = describe (widget);
      g_ptr_array_add (problems, g_strdup_printf ("no accessible name: %s", description));
      return;
    }
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *plain = plain_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));
      g_autofree char *mismatch =
        gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, plain);

      if (mismatch != NULL)
        {
          g_autofree char *description = describe (widget);
          g_ptr_array_add (problems, g_strdup_printf ("mnemonic reaches the reader (%s): %s",
                                                      mismatch, description));
        }
    }
}

/* Every mapped widget under @widget, as the accessible tree mirrors it in GTK 4.8. */
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

static void
walk (GtkWidget *widget,
      GPtrArray *problems)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  check_widget (widget, problems);
  check_heading (widget, problems);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, problems);
}

static gboolean
window_is_ready (gpointer data)
{
  AllyLearnView *learn = ally_window_get_learn_view (ALLY_WINDOW (data));

  return learn != NULL && ally_learn_view_get_catalog (learn) != NULL &&
         ally_learn_view_get_journal (learn) != NULL;
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

static void
test_area_controls_named (gconstpointer data)
{
  const char *area = data;
  AllyWindow *window = ally_window_new (app);
  gint64 entry_id;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (spin_until (window_is_ready, window));
  entry_id = add_sample_data (ally_learn_view_get_journal (ally_window_get_learn_view (window)));
  settle ();
  if (g_str_equal (area, "learn"))
    g_assert_true (ally_learn_view_open_lesson (ally_window_get_learn_view (window), "what-allyship-is"));
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

  app = ally_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/accessibility/unnamed-button-is-caught", test_unnamed_button_is_caught);
  g_test_add_data_func ("/accessibility/learn", "learn", test_area_controls_named);
  g_test_add_data_func ("/accessibility/glossary", "glossary", test_area_controls_named);
  g_test_add_data_func ("/accessibility/journal", "journal", test_area_controls_named);
  g_test_add_data_func ("/accessibility/practice", "practice", test_area_controls_named);

  ret = g_test_run ();
  g_clear_object (&app);
  ui_test_remove_tree (user_dirs);

  return ret;
}
