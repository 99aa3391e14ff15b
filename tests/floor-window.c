/* SPDX-License-Identifier: GPL-3.0-or-later */
/* floor-window.c: the start-up benchmark's floor for time to content. It builds what Allyship
 * shows on a first start, in the fewest plain GTK and libadwaita widgets and with no app code
 * at all: a header bar with a view switcher over four titled pages, a sidebar (search entry,
 * overview row, one row per lesson with its number, title and minutes) and the first
 * lesson's opening text as wrapping labels in a clamped scrolled page. The text is the
 * course's own, read from LESSONS-DIR (content/lessons). Like bare-window, it is drawn in a
 * reference window (reference-window.c), which prints MAPPED after its first painted frame.
 * What the app takes beyond this is its own cost; what this takes beyond the bare window is
 * GTK's cost for the screen the design asks for. */
#include <string.h>

#include "reference-window.h"

/* About one screenful of the first lesson at the default 1000 × 720 window. */
#define OPENING_CHARS 2000

typedef struct
{
  GString   *text;       /* the text of the element being read, or NULL outside one */
  char      *kind;       /* that element's name */
  char      *title;      /* the lesson's title */
  char      *minutes;    /* the lesson's reading time */
  GPtrArray *blocks;     /* "kind\ttext" of each text block, in order */
} Lesson;

static gboolean
is_text_block (const char *element)
{
  static const char *blocks[] = { "title", "summary", "heading", "p", "item" };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_str_equal (element, blocks[i]))
      return TRUE;
  return FALSE;
}

static void
on_start (GMarkupParseContext  *context,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              data,
          GError              **error)
{
  Lesson *lesson = data;

  if (g_str_equal (element, "lesson"))
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "minutes"))
        lesson->minutes = g_strdup (values[i]);
  if (lesson->text == NULL && is_text_block (element))
    {
      lesson->text = g_string_new (NULL);
      lesson->kind = g_strdup (element);
    }
}

static void
on_end (GMarkupParseContext  *context,
        const char           *element,
        gpointer              data,
        GError              **error)
{
  Lesson *lesson = data;

  if (lesson->text == NULL || !g_str_equal (element, lesson->kind))
    return;
  if (lesson->title == NULL && g_str_equal (element, "title"))
    lesson->title = g_strdup (lesson->text->str);
  g_ptr_array_add (lesson->blocks, g_strdup_printf ("%s\t%s", lesson->kind, lesson->text->str));
  g_string_free (g_steal_pointer (&lesson->text), TRUE);
  g_clear_pointer (&lesson->kind, g_free);
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              data,
         GError              **error)
{
  Lesson *lesson = data;

  if (lesson->text != NULL)
    g_string_append_len (lesson->text, text, length);
}

static void
lesson_free (Lesson *lesson)
{
  if (lesson->text != NULL)
    g_string_free (lesson->text, TRUE);
  g_free (lesson->kind);
  g_free (lesson->title);
  g_free (lesson->minutes);
  g_ptr_array_unref (lesson->blocks);
  g_free (lesson);
}

static Lesson *
read_lesson (const char *path)
{
  static const GMarkupParser parser = { on_start, on_end, on_text, NULL, NULL };
  Lesson *lesson = g_new0 (Lesson, 1);
  g_autofree char *xml = NULL;
  gsize length;
  GMarkupParseContext *context;

  lesson->blocks = g_ptr_array_new_with_free_func (g_free);
  if (!g_file_get_contents (path, &xml, &length, NULL))
    g_error ("Cannot read %s", path);
  context = g_markup_parse_context_new (&parser, 0, lesson, NULL);
  if (!g_markup_parse_context_parse (context, xml, length, NULL))
    g_error ("Cannot parse %s", path);
  g_markup_parse_context_free (context);
  return lesson;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The lessons of @dir, in the order of their file names (as the course numbers them). */
static GPtrArray *
read_lessons (const char *dir)
{
  GPtrArray *lessons = g_ptr_array_new_with_free_func ((GDestroyNotify) lesson_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    g_error ("Cannot open %s", dir);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".xml.in"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (lessons, read_lesson (g_ptr_array_index (paths, i)));
  if (lessons->len == 0)
    g_error ("No lessons in %s", dir);
  return lessons;
}

static GtkWidget *
new_label (const char *text,
           const char *style_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  /* As the app's labels do (ALLY_LABEL_MIN_CHARS): without a least width in characters,
   * GTK 4.8 lays a wrapping label out at width 0 to find it, a line per word. */
  if (wrap)
    gtk_label_set_width_chars (GTK_LABEL (label), 12);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

static GtkWidget *
new_lesson_row (guint   number,
                Lesson *lesson)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *digits = g_strdup_printf ("%u", number);
  g_autofree char *minutes = g_strdup_printf ("%s minutes", lesson->minutes);

  gtk_box_append (GTK_BOX (row), new_label (digits, "numeric", FALSE));
  gtk_box_append (GTK_BOX (text), new_label (lesson->title, NULL, TRUE));
  gtk_box_append (GTK_BOX (text), new_label (minutes, "caption", FALSE));
  gtk_box_append (GTK_BOX (row), text);
  return row;
}

static GtkWidget *
new_sidebar (GPtrArray *lessons)
{
  GtkWidget *sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *home = gtk_list_box_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_set_size_request (sidebar, 300, -1);
  gtk_widget_set_margin_start (search, 6);
  gtk_widget_set_margin_end (search, 6);
  gtk_widget_set_margin_top (search, 6);
  gtk_widget_set_margin_bottom (search, 6);
  gtk_box_append (GTK_BOX (sidebar), search);

  gtk_widget_add_css_class (home, "navigation-sidebar");
  gtk_list_box_append (GTK_LIST_BOX (home), new_label ("Overview", NULL, FALSE));
  gtk_box_append (GTK_BOX (sidebar), home);
  gtk_box_append (GTK_BOX (sidebar), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  gtk_widget_add_css_class (list, "navigation-sidebar");
  for (guint i = 0; i < lessons->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), new_lesson_row (i + 1, g_ptr_array_index (lessons, i)));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (sidebar), scrolled);
  return sidebar;
}

/* The first screenful of @lesson: its blocks until about OPENING_CHARS characters. */
static GtkWidget *
new_lesson_page (Lesson *lesson)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gsize shown = 0;

  for (guint i = 0; i < lesson->blocks->len && shown < OPENING_CHARS; i++)
    {
      const char *block = g_ptr_array_index (lesson->blocks, i);
      const char *text = strchr (block, '\t') + 1;
      const char *style_class = g_str_has_prefix (block, "title\t") ? "title-1"
                                : g_str_has_prefix (block, "heading\t") ? "title-2" : NULL;

      gtk_box_append (GTK_BOX (page), new_label (text, style_class, TRUE));
      shown += strlen (text);
    }
  gtk_widget_set_margin_top (page, 24);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 680);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_hexpand (scrolled, TRUE);
  return scrolled;
}

static void
on_activate (GtkApplication *app,
             const char     *lessons_dir)
{
  static const char *areas[][2] = {
    { "Learn", "accessories-dictionary-symbolic" },
    { "Glossary", "accessories-dictionary-symbolic" },
    { "Journal", "x-office-document-symbolic" },
    { "Practice", "emblem-ok-symbolic" },
  };
  g_autoptr(GPtrArray) lessons = read_lessons (lessons_dir);
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *leaflet = adw_leaflet_new ();

  adw_leaflet_append (ADW_LEAFLET (leaflet), new_sidebar (lessons));
  adw_leaflet_append (ADW_LEAFLET (leaflet), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_append (ADW_LEAFLET (leaflet), new_lesson_page (g_ptr_array_index (lessons, 0)));
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    adw_view_stack_add_titled_with_icon (ADW_VIEW_STACK (stack),
                                         i == 0 ? leaflet : gtk_box_new (GTK_ORIENTATION_VERTICAL, 0),
                                         areas[i][0], areas[i][0], areas[i][1]);
  gtk_window_present (GTK_WINDOW (reference_window_new (app, stack)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s LESSONS-DIR\n", argv[0]);
      return 2;
    }
  app = adw_application_new ("io.github.allyship.FloorWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), argv[1]);
  /* The folder is this program's argument, not GApplication's. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
