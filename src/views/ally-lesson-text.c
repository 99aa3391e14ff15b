/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-text.c: the labels a lesson's page is made of (wrapped markup whose term links
 * open the glossary), and finding one again to scroll to it. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ally-lesson-text.h"
#include "ally-lesson-view.h"
#include "ally-search-text.h"

/**
 * ally_lesson_label_on_link:
 *
 * The "activate-link" handler of every label in a lesson: term links ("term:ID") become the
 * AllyLessonView's "term-activated" signal, with the label to point a popover at. Templates
 * bind it as the callback "ally_lesson_label_on_link".
 */
gboolean
ally_lesson_label_on_link (GtkLabel   *label,
                           const char *uri,
                           gpointer    user_data)
{
  GtkWidget *view;

  if (!g_str_has_prefix (uri, "term:"))
    return FALSE;

  view = gtk_widget_get_ancestor (GTK_WIDGET (label), ALLY_TYPE_LESSON_VIEW);
  if (view != NULL)
    g_signal_emit_by_name (view, "term-activated", uri + strlen ("term:"), label);
  return TRUE;
}

GtkWidget *
ally_lesson_label_new (const char *markup,
                       const char *css_class)
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
  /* Without a width in characters, GTK measures a wrapping label's least width by laying it
   * out at width 0, which in this wrap mode puts each character on a line of its own: most of
   * what shaping a page cost. Twelve characters is far narrower than any reading column. */
  gtk_label_set_width_chars (GTK_LABEL (label), ALLY_LABEL_MIN_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  g_signal_connect (label, "activate-link", G_CALLBACK (ally_lesson_label_on_link), NULL);

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

/**
 * ally_lesson_lay_out_in_a_row:
 * @widget: a widget whose children go side by side, such as a GtkCheckButton with a wrapping
 *   label (its mark, then its text)
 *
 * Lays out @widget's children side by side in their order, as a grid rather than the
 * horizontal box a GtkCheckButton has, for the reason given at side_by_side(). In a quiz that
 * halved the text shaped to show the longest lesson.
 */
void
ally_lesson_lay_out_in_a_row (GtkWidget *widget)
{
  GtkLayoutManager *layout = gtk_grid_layout_new ();
  int column = 0;

  gtk_widget_set_layout_manager (widget, layout);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_grid_layout_child_set_column (
      GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child)), column++);
}

GtkWidget *
ally_lesson_bullet_row (const char *markup,
                        const char *css_class)
{
  GtkWidget *bullet = gtk_label_new ("•");

  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_widget_add_css_class (bullet, "dim-label");

  return side_by_side (bullet, ally_lesson_label_new (markup, css_class), 10);
}

/* A paragraph, or a bulleted list. */
GtkWidget *
ally_lesson_block_new (AllyBlock *block)
{
  GtkWidget *list;

  if (ally_block_get_kind (block) == ALLY_BLOCK_PARAGRAPH)
    return ally_lesson_label_new (ally_block_get_markup (block), "lesson-text");

  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (list, 6);
  for (guint i = 0; i < ally_block_get_n_items (block); i++)
    gtk_box_append (GTK_BOX (list), ally_lesson_bullet_row (ally_block_get_item_markup (block, i),
                                                            "lesson-text"));

  return list;
}

/* "Sources: Kim (Definition)" under a section, so every claim can be traced. */
char *
ally_lesson_cites_markup (GListModel *cites)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cites); i++)
    {
      g_autoptr(AllyCite) cite = g_list_model_get_item (cites, i);
      AllySource *source = ally_cite_get_source (cite);
      g_autofree char *authors = source ? ally_source_format_authors (source) : NULL;
      const char *who = authors ? authors : (source ? ally_source_get_title (source)
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

/* The first shown label under @widget that @matches. */
static GtkWidget *
find_label (GtkWidget *widget,
            gboolean (*matches) (GtkLabel *label, gconstpointer data),
            gconstpointer data)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && matches (GTK_LABEL (widget), data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, matches, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
markup_holds (GtkLabel      *label,
              gconstpointer  link)
{
  return strstr (gtk_label_get_label (label), link) != NULL;
}

/* The first shown label whose text links to the term: its markup holds <a href="term:ID">,
 * as the content parser writes it. */
GtkWidget *
ally_lesson_find_term_label (GtkWidget  *page,
                             const char *term_id)
{
  g_autofree char *link = g_strdup_printf ("href=\"term:%s\"", term_id);

  return find_label (page, markup_holds, link);
}

static gboolean
text_holds (GtkLabel      *label,
            gconstpointer  text)
{
  return strstr (gtk_label_get_text (label), text) != NULL;
}

static gboolean
text_matches (GtkLabel      *label,
              gconstpointer  folded_query)
{
  return ally_search_find (gtk_label_get_text (label), folded_query, NULL, NULL);
}

/* The first shown label whose text holds @text (a paragraph, a heading, a question as the
 * course index has it), or else whose text holds @folded_query. */
GtkWidget *
ally_lesson_find_text_label (GtkWidget  *page,
                             const char *text,
                             const char *folded_query)
{
  GtkWidget *label = find_label (page, text_holds, text);

  return label != NULL ? label : find_label (page, text_matches, folded_query);
}
