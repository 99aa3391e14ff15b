/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-widgets.c: the Journal area's parts on their own: an entry's row in the list
 * and the tag filter, driven as a person would and read through the accessible tree. */
#include "config.h"

#include <adwaita.h>

#include "ally-entry-list.h"
#include "ally-entry-private.h"
#include "ally-entry-row.h"
#include "ally-tag-filter.h"
#include "ui-test-util.h"

/* ---- Helpers ------------------------------------------------------------------------------ */

/* The row's first label is the entry's title. */
static const char *
row_title (GtkWidget *row)
{
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (row)));
}

static AllyEntry *
new_entry (const char *title,
           const char *body,
           const char *tags)
{
  AllyEntry *entry = ally_entry_new ();
  g_auto(GStrv) tag_list = g_strsplit (tags, ",", -1);

  ally_entry_set_title (entry, title);
  ally_entry_set_body (entry, body);
  ally_entry_set_tags (entry, (const char * const *) tag_list);
  return entry;
}

/* ---- Entry row ---------------------------------------------------------------------------- */

/* Title, date and tags show; the row and the list row around it are named "title, date". */
static void
test_entry_row_shows_entry (void)
{
  g_autoptr(AllyEntry) entry = new_entry ("A first reflection", "Listened more.", "work,listening");
  g_autoptr(GDateTime) updated = g_date_time_new_local (2001, 1, 2, 10, 0, 0);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *row = ally_entry_row_new ();
  GtkWindow *window;

  /* In a window, as in the app. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), row);
  gtk_list_box_append (GTK_LIST_BOX (list), list_row);
  window = ui_test_present_in_window (list, 300, 100);
  ally_entry_set_updated (entry, updated);
  ally_entry_row_set_entry (ALLY_ENTRY_ROW (row), entry, NULL);

  g_assert_true (ally_entry_row_get_entry (ALLY_ENTRY_ROW (row)) == entry);
  g_assert_cmpstr (row_title (row), ==, "A first reflection");
  g_assert_cmpstr (gtk_label_get_label (ui_test_find_label_with_class (row, "entry-tags")), ==, "work, listening");
  g_assert_cmpstr (gtk_label_get_label (ui_test_find_label_with_class (row, "dim-label")), ==, "January 2, 2001");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "A first reflection, January 2, 2001");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "A first reflection, January 2, 2001");
  /* Not searching: no snippet. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ui_test_find_label_with_class (row, "entry-snippet"))));

  gtk_window_destroy (window);
}

/* An entry without a title is listed by its first line written, or as "Untitled". */
static void
test_entry_row_untitled (void)
{
  g_autoptr(AllyEntry) first_line = new_entry ("", "\n  \tWhat I noticed today \nMore.", "");
  g_autoptr(AllyEntry) empty = new_entry ("", " \n ", "");
  GtkWidget *row = g_object_ref_sink (ally_entry_row_new ());

  ally_entry_row_set_entry (ALLY_ENTRY_ROW (row), first_line, NULL);
  g_assert_cmpstr (row_title (row), ==, "What I noticed today");
  g_assert_cmpstr (gtk_label_get_label (ui_test_find_label_with_class (row, "entry-tags")), ==, "");

  ally_entry_row_set_entry (ALLY_ENTRY_ROW (row), empty, NULL);
  g_assert_cmpstr (row_title (row), ==, "Untitled");

  g_object_unref (row);
}

/* A search snippet shows the match in bold and the person's text as text, never as markup;
 * the same row bound again without one hides it. */
static void
test_entry_row_snippet (void)
{
  g_autoptr(AllyEntry) entry = new_entry ("Meeting", "unused", "");
  GtkWidget *row = g_object_ref_sink (ally_entry_row_new ());
  GtkLabel *snippet = ui_test_find_label_with_class (row, "entry-snippet");

  ally_entry_row_set_entry (ALLY_ENTRY_ROW (row), entry,
                            "spoke over a " ALLY_ENTRY_LIST_MATCH_START "giraffe"
                            ALLY_ENTRY_LIST_MATCH_END " keeper &\ndid not <notice>");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (snippet)));
  g_assert_cmpstr (gtk_label_get_label (snippet), ==,
                   "spoke over a <b>giraffe</b> keeper &amp; did not &lt;notice&gt;");
  g_assert_cmpstr (gtk_label_get_text (snippet), ==, "spoke over a giraffe keeper & did not <notice>");

  ally_entry_row_set_entry (ALLY_ENTRY_ROW (row), entry, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (snippet)));
  g_assert_cmpstr (gtk_label_get_label (snippet), ==, "");

  g_object_unref (row);
}

/* ---- Tag filter --------------------------------------------------------------------------- */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              int        *count)
{
  (*count)++;
}

static const char *
listed (GtkDropDown *dropdown,
        guint        position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), position);
}

/* "All Tags" and the journal's tags; choosing one in the drop-down is the filter's "tag";
 * the same list again changes nothing; a chosen tag that is gone stops filtering. */
static void
test_tag_filter_lists_and_chooses (void)
{
  const char * const tags[] = { "home", "work", NULL };
  const char * const fewer[] = { "home", NULL };
  GtkWidget *filter = ally_tag_filter_new ();
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_descendant (filter, GTK_TYPE_DROP_DOWN));
  GtkWindow *window = ui_test_present_in_window (filter, 300, 100);
  int changes = 0;

  g_signal_connect (filter, "notify::tag", G_CALLBACK (count_notify), &changes);

  /* No tags: nothing to choose, nothing shown. */
  g_assert_false (gtk_widget_get_visible (filter));
  g_assert_null (ally_tag_filter_get_tag (ALLY_TAG_FILTER (filter)));

  ally_tag_filter_set_tags (ALLY_TAG_FILTER (filter), tags);
  g_assert_true (gtk_widget_get_visible (filter));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 3);
  g_assert_cmpstr (listed (dropdown, 0), ==, "All Tags");
  g_assert_cmpstr (listed (dropdown, 2), ==, "work");
  g_assert_cmpint (changes, ==, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Show Entries With a Tag");

  /* The person chooses "work". */
  gtk_drop_down_set_selected (dropdown, 2);
  g_assert_cmpstr (ally_tag_filter_get_tag (ALLY_TAG_FILTER (filter)), ==, "work");
  g_assert_cmpint (changes, ==, 1);

  /* The same tags again (an entry was saved): the choice stays, no change. */
  ally_tag_filter_set_tags (ALLY_TAG_FILTER (filter), tags);
  g_assert_cmpstr (ally_tag_filter_get_tag (ALLY_TAG_FILTER (filter)), ==, "work");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);
  g_assert_cmpint (changes, ==, 1);

  /* "work" is gone: all entries again. */
  ally_tag_filter_set_tags (ALLY_TAG_FILTER (filter), fewer);
  g_assert_null (ally_tag_filter_get_tag (ALLY_TAG_FILTER (filter)));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpint (changes, ==, 2);
  g_assert_true (gtk_widget_get_visible (filter));

  gtk_window_destroy (window);
}

/* set_tag chooses a listed tag, and all entries for one not listed; reset forgets both. */
static void
test_tag_filter_set_and_reset (void)
{
  const char * const tags[] = { "home", "listening", "work", NULL };
  GtkWidget *filter = g_object_ref_sink (ally_tag_filter_new ());
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_descendant (filter, GTK_TYPE_DROP_DOWN));
  int changes = 0;

  g_signal_connect (filter, "notify::tag", G_CALLBACK (count_notify), &changes);
  ally_tag_filter_set_tags (ALLY_TAG_FILTER (filter), tags);

  ally_tag_filter_set_tag (ALLY_TAG_FILTER (filter), "listening");
  g_assert_cmpstr (ally_tag_filter_get_tag (ALLY_TAG_FILTER (filter)), ==, "listening");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);
  g_assert_cmpint (changes, ==, 1);

  ally_tag_filter_set_tag (ALLY_TAG_FILTER (filter), "gardening");
  g_assert_null (ally_tag_filter_get_tag (ALLY_TAG_FILTER (filter)));
  g_assert_cmpint (changes, ==, 2);

  ally_tag_filter_set_tag (ALLY_TAG_FILTER (filter), "work");
  ally_tag_filter_reset (ALLY_TAG_FILTER (filter));
  g_assert_null (ally_tag_filter_get_tag (ALLY_TAG_FILTER (filter)));
  g_assert_cmpint (changes, ==, 4);
  /* Another journal's tags are listed afresh, nothing chosen. */
  ally_tag_filter_set_tags (ALLY_TAG_FILTER (filter), tags);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_null (ally_tag_filter_get_tag (ALLY_TAG_FILTER (filter)));
  g_assert_cmpint (changes, ==, 4);

  g_object_unref (filter);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  int ret;

  g_setenv ("LANGUAGE", "C", TRUE);
  /* GTK's test accessibility backend: the accessible names are read from it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/journal-widgets/entry-row/shows-entry", test_entry_row_shows_entry);
  g_test_add_func ("/journal-widgets/entry-row/untitled", test_entry_row_untitled);
  g_test_add_func ("/journal-widgets/entry-row/snippet", test_entry_row_snippet);
  g_test_add_func ("/journal-widgets/tag-filter/lists-and-chooses", test_tag_filter_lists_and_chooses);
  g_test_add_func ("/journal-widgets/tag-filter/set-and-reset", test_tag_filter_set_and_reset);

  ret = g_test_run ();
  ui_test_remove_tree (user_dirs);

  return ret;
}
