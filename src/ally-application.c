/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-application.c: application lifetime, app-wide actions, style and command line. */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "ally-application.h"
#include "ally-startup-probe.h"
#include "ally-content.h"
#include "ally-course-loader.h"
#include "ally-journal-cli.h"
#include "ally-preferences-window.h"
#include "ally-search-provider.h"
#include "ally-learn-view.h"
#include "ally-reminders.h"
#include "ally-window.h"

struct _AllyApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  AllyReminders  *reminders;

  /* Where the course comes from: a folder given with --content-dir, or NULL for the
   * copy compiled into the binary. */
  char           *content_dir;
  AllyCatalog    *catalog;
  /* Reads the course on a worker thread from start-up on; "catalog" is notified when the
   * course is known (loaded, or failed: the window then asks again to learn why). */
  AllyCourseLoader *course_loader;

  /* The journal opens on a worker thread from start-up on (the app a person runs) or from
   * activation on; "journal" is notified when it is open or has failed (then
   * journal_error says why). */
  AllyJournal    *journal;
  GError         *journal_error;
  gboolean        journal_opening;
  gboolean        journal_at_startup;

  /* Answers GNOME Shell's searches while the app is on the session bus. */
  AllySearchProvider *search_provider;
};

enum {
  PROP_0,
  PROP_JOURNAL,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AllyApplication, ally_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "content-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Load the course from DIR instead of the built-in copy (for authors and translators)"),
    N_("DIR") },
  { "validate-content", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check every course file in DIR, print the problems and exit"), N_("DIR") },
  { "list-lessons", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the id and title of every lesson and exit"), NULL },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --list-lessons: the language to show, such as “fr”"), N_("LL") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the journal to FILE and exit: everything, as JSON, for a name ending in "
       ".json; a document to read for one ending in .md"), N_("FILE") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge the journal export FILE into the journal and exit"), N_("FILE") },
  { "restore-deleted", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: bring back what the file holds and was deleted here"), NULL },
  { NULL }
};

AllyApplication *
ally_application_new (void)
{
  return g_object_new (ALLY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/allyship/Allyship",
                       NULL);
}

GSettings *
ally_application_get_settings (AllyApplication *self)
{
  g_return_val_if_fail (ALLY_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The course language chosen in Preferences ("course-language"; empty: the system's
 * languages), independent of the interface's. */
static void
apply_course_language (AllyApplication *self,
                       AllyCatalog     *catalog)
{
  /* The command line (--export FILE.md) loads the course before start-up makes the
   * settings: there, as without a choice, the system's languages. */
  g_autofree char *language = self->settings != NULL
                              ? g_settings_get_string (self->settings, "course-language")
                              : NULL;
  const char * const chosen[] = { language, NULL };

  ally_catalog_set_languages (catalog, language != NULL && *language != '\0' ? chosen : NULL);
}

static void
on_course_language_changed (GSettings       *settings,
                            const char      *key,
                            AllyApplication *self)
{
  /* a course not loaded yet takes the choice when it loads */
  if (self->catalog != NULL)
    apply_course_language (self, self->catalog);
}

static AllyCatalog *
new_catalog (AllyApplication *self)
{
  AllyCatalog *catalog = ally_catalog_new ();

  apply_course_language (self, catalog);
  return catalog;
}

static GFile *
content_dir_file (AllyApplication *self)
{
  return self->content_dir ? g_file_new_for_commandline_arg (self->content_dir) : NULL;
}

/* Takes what the worker read, once it has finished: the course, or nothing (then the next
 * call of ally_application_get_catalog() reads it again and says why it failed). */
static AllyCatalog *
adopt_loaded_course (AllyApplication  *self,
                     GError          **error)
{
  g_autoptr(AllyCourseLoader) loader = g_steal_pointer (&self->course_loader);
  AllyCatalog *catalog = ally_course_loader_wait (loader, error);

  if (catalog != NULL)
    g_set_object (&self->catalog, catalog);
  return self->catalog;
}

static void
on_course_loaded (AllyCourseLoader *loader,
                  GParamSpec       *pspec,
                  AllyApplication  *self)
{
  if (self->course_loader != loader)
    return;
  adopt_loaded_course (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/* Starts reading the course on a worker thread, so it is ready when the window's first
 * frame is (ally_application_get_catalog() waits for it if asked sooner). */
static void
preload_course (AllyApplication *self)
{
  g_autoptr(AllyCatalog) catalog = NULL;
  g_autoptr(GFile) dir = NULL;

  if (self->catalog != NULL || self->course_loader != NULL)
    return;

  catalog = new_catalog (self);
  dir = content_dir_file (self);
  self->course_loader = ally_course_loader_new (catalog, dir);
  g_signal_connect_object (self->course_loader, "notify::done",
                           G_CALLBACK (on_course_loaded), self, 0);
}

/* Whether the course is still being read on the worker thread. */
gboolean
ally_application_is_loading_course (AllyApplication *self)
{
  g_return_val_if_fail (ALLY_IS_APPLICATION (self), FALSE);

  return self->course_loader != NULL;
}

/* The course, read in the course language only (English and that translation): from the
 * worker started at start-up when there is one (waiting for it if needed), else now. */
AllyCatalog *
ally_application_get_catalog (AllyApplication  *self,
                              GError          **error)
{
  g_autoptr(AllyCatalog) catalog = NULL;
  g_autoptr(GFile) dir = NULL;
  gboolean loaded;

  g_return_val_if_fail (ALLY_IS_APPLICATION (self), NULL);

  if (self->catalog != NULL)
    return self->catalog;
  if (self->course_loader != NULL)
    return adopt_loaded_course (self, error);

  catalog = new_catalog (self);
  dir = content_dir_file (self);
  if (dir != NULL)
    loaded = ally_catalog_load_directory (catalog, dir, error);
  else
    loaded = ally_catalog_load_resource (catalog, ALLY_CONTENT_RESOURCE_PATH, error);

  if (!loaded)
    return NULL;

  self->catalog = g_steal_pointer (&catalog);
  return self->catalog;
}

AllyJournal *
ally_application_get_journal (AllyApplication *self)
{
  g_return_val_if_fail (ALLY_IS_APPLICATION (self), NULL);

  return self->journal;
}

const GError *
ally_application_get_journal_error (AllyApplication *self)
{
  g_return_val_if_fail (ALLY_IS_APPLICATION (self), NULL);

  return self->journal_error;
}

static void
on_journal_opened (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AllyApplication) self = user_data;

  self->journal_opening = FALSE;
  g_clear_error (&self->journal_error);
  self->journal = ally_journal_open_finish (result, &self->journal_error);
  if (self->journal == NULL)
    g_debug ("Could not open the journal: %s", self->journal_error->message);
  else if (self->settings != NULL)
    g_settings_bind (self->settings, "new-cards-per-day", self->journal, "new-cards-per-day",
                     G_SETTINGS_BIND_GET);

  if (self->reminders != NULL)
    ally_reminders_set_journal (self->reminders, self->journal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

/* Opens $XDG_DATA_HOME/allyship/allyship.db once, off the main thread. */
void
ally_application_open_journal (AllyApplication *self)
{
  g_autoptr(GFile) data_dir = NULL;

  g_return_if_fail (ALLY_IS_APPLICATION (self));

  if (self->journal != NULL || self->journal_opening)
    return;

  self->journal_opening = TRUE;
  data_dir = ally_journal_default_data_dir ();
  ally_journal_open_async (data_dir, NULL, on_journal_opened, g_object_ref (self));
}

/**
 * ally_application_open_journal_at_startup:
 *
 * Has start-up begin opening the journal, on a worker thread beside GTK's own start-up,
 * instead of at activation. On the first start of a day the journal is checked in full,
 * which takes about 90 ms for 100,000 entries: done meanwhile, no window waits for it.
 * main() asks for this; tests that prepare the journal's folder after registering the
 * application do not. Start-up happens in the primary instance only, so a second launch
 * never opens the journal; nor does a D-Bus service start (the search provider).
 */
void
ally_application_open_journal_at_startup (AllyApplication *self)
{
  g_return_if_fail (ALLY_IS_APPLICATION (self));

  self->journal_at_startup = TRUE;
}

/* Whether the journal is being opened on a worker thread just now. */
gboolean
ally_application_is_opening_journal (AllyApplication *self)
{
  g_return_val_if_fail (ALLY_IS_APPLICATION (self), FALSE);

  return self->journal_opening;
}

/* The backup a person can go back to when the journal cannot be opened, or NULL. */
GFile *
ally_application_get_newest_backup (AllyApplication *self)
{
  g_autoptr(GFile) data_dir = ally_journal_default_data_dir ();
  g_autoptr(GPtrArray) backups = ally_journal_list_backups (data_dir, NULL);

  g_return_val_if_fail (ALLY_IS_APPLICATION (self), NULL);

  if (backups == NULL || backups->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (backups, 0));
}

/* Puts @backup in place of the journal (the current file is kept aside) and opens it. */
gboolean
ally_application_restore_backup (AllyApplication  *self,
                                 GFile            *backup,
                                 GError          **error)
{
  g_autoptr(GFile) data_dir = ally_journal_default_data_dir ();

  g_return_val_if_fail (ALLY_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->journal == NULL, FALSE);

  if (!ally_journal_restore_backup (data_dir, backup, error))
    return FALSE;

  g_clear_error (&self->journal_error);
  ally_application_open_journal (self);
  return TRUE;
}

/* Where windows opened from now on take the course from: a folder, or NULL for the copy
 * compiled into the binary. */
void
ally_application_set_content_dir (AllyApplication *self,
                                  const char      *content_dir)
{
  g_return_if_fail (ALLY_IS_APPLICATION (self));

  g_free (self->content_dir);
  self->content_dir = g_strdup (content_dir);
  /* A course still being read from the old place is dropped; the process waits for that read
   * if it ends first (ally-course-loader.c). */
  g_clear_object (&self->course_loader);
  g_clear_object (&self->catalog);
}

static gboolean
style_variant_to_color_scheme (GValue   *value,
                               GVariant *variant,
                               gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  if (g_strcmp0 (style, "light") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (style, "dark") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

static void
ally_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Close every window first, as its close button would: editors save what was typed in
   * the last moments, and a window whose text cannot be saved stays to ask what to do
   * (the app then ends when the last window goes). Only then stop. A window not shown yet
   * (waiting for the course: ally_window_present_when_ready()) holds nothing typed, and
   * gtk_window_close() ignores it, so it goes at once. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (gtk_widget_get_realized (GTK_WIDGET (l->data)))
      gtk_window_close (GTK_WINDOW (l->data));
    else
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);

  if (gtk_application_get_windows (app) == NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
ally_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  AllyApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* NULL when the course cannot be loaded: then only the system's choice is offered */
  AllyCatalog *catalog = ally_application_get_catalog (self, NULL);
  AllyPreferencesWindow *prefs = ally_preferences_window_new (self->settings, self->journal, catalog);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

/* The citations of every work the course draws on, as markup for the About window: they come
 * from the course's sources.xml, so they are written once and translated with the course. */
static char *
ally_application_format_sources (AllyApplication *self)
{
  GListModel *sources;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->catalog == NULL)
    return NULL;
  sources = ally_catalog_get_sources (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AllySource) source = g_list_model_get_item (sources, i);
      g_autofree char *citation = ally_source_format_citation (source);
      g_autofree char *escaped = g_markup_escape_text (citation, -1);

      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, escaped);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
ally_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  AllyApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Allyship developers"), NULL };
  g_autofree char *sources = ally_application_format_sources (self);
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Allyship"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Allyship developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* The same addresses as the metainfo and allyship.doap. */
  adw_about_window_set_website (about, "https://github.com/allyship/allyship");
  adw_about_window_set_issue_url (about, "https://github.com/allyship/allyship/issues");
  adw_about_window_set_comments (about,
                                 _("A self-paced course on allyship and accompliceship, "
                                   "with a private journal and practice tools. "
                                   "Everything stays on this computer."));
  /* Translators: Replace "translator-credits" with your names, one name per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  if (sources != NULL)
    adw_about_window_add_legal_section (about, _("Course sources"), NULL, GTK_LICENSE_CUSTOM, sources);
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

/* The app's window (made and shown if there is none), then TARGET_ACTION (win.open-lesson,
 * win.show-term) with ID once the window has the course. */
static void
ally_application_open_at (AllyApplication *self,
                          const char      *target_action,
                          const char      *id)
{
  g_application_activate (G_APPLICATION (self));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (ALLY_IS_WINDOW (l->data))
      {
        ally_window_open_at (ALLY_WINDOW (l->data), target_action, id);
        ally_window_present_when_ready (ALLY_WINDOW (l->data));
        return;
      }
}

/* A lesson or glossary term chosen outside the app (a search in the Activities overview). */
static void
ally_application_open_lesson_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  ally_application_open_at (user_data, "win.open-lesson", g_variant_get_string (parameter, NULL));
}

static void
ally_application_show_term_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  ally_application_open_at (user_data, "win.show-term", g_variant_get_string (parameter, NULL));
}

/* A reminder was clicked: Allyship comes forward on Learn's overview. */
static void
ally_application_show_overview_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GtkWindow *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (ALLY_IS_WINDOW (window) && ally_window_get_learn_view (ALLY_WINDOW (window)) != NULL)
    {
      ally_window_set_visible_area (ALLY_WINDOW (window), "learn");
      ally_learn_view_show_overview (ally_window_get_learn_view (ALLY_WINDOW (window)));
    }
}

static const GActionEntry app_actions[] = {
  { "quit", ally_application_quit_action },
  { "preferences", ally_application_preferences_action },
  { "about", ally_application_about_action },
  { "open-lesson", ally_application_open_lesson_action, "s" },
  { "show-term", ally_application_show_term_action, "s" },
  { "show-overview", ally_application_show_overview_action },
};

static void
ally_application_startup (GApplication *app)
{
  AllyApplication *self = ALLY_APPLICATION (app);
  AdwStyleManager *style_manager;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  /* The course is read on a worker thread from here, before GTK and libadwaita start up
   * (about 90 ms, mostly their style sheets), so no window waits for it, even with a
   * translation to read too. It needs the settings, for the course language. The journal
   * too, when asked (ally_application_open_journal_at_startup()). */
  self->settings = g_settings_new (SCHEMA_ID);
  preload_course (self);
  if (self->journal_at_startup && !(g_application_get_flags (app) & G_APPLICATION_IS_SERVICE))
    ally_application_open_journal (self);

  G_APPLICATION_CLASS (ally_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  style_manager = adw_style_manager_get_default ();
  g_settings_bind_with_mapping (self->settings, "style-variant",
                                style_manager, "color-scheme",
                                G_SETTINGS_BIND_GET,
                                style_variant_to_color_scheme, NULL, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::course-language",
                           G_CALLBACK (on_course_language_changed), self, 0);
  self->reminders = ally_reminders_new (app, self->settings);
  if (self->journal != NULL)
    ally_reminders_set_journal (self->reminders, self->journal);
}

/* A journal still being opened on a worker is waited for, so that it is closed cleanly. (A
 * course still being read is waited for when the process ends: ally-course-loader.c.) */
static void
wait_for_journal (AllyApplication *self)
{
  while (self->journal_opening)
    g_main_context_iteration (NULL, TRUE);
}

/* The journal is closed cleanly (checkpointed, its clean-close record written) on the way out. */
static void
ally_application_shutdown (GApplication *app)
{
  AllyApplication *self = ALLY_APPLICATION (app);

  wait_for_journal (self);
  g_clear_object (&self->reminders);
  g_clear_object (&self->journal);

  G_APPLICATION_CLASS (ally_application_parent_class)->shutdown (app);
}

static void
ally_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      /* The journal opens on a worker thread (if start-up has not begun it) while the window
       * is built, so the lesson can be laid out once, with the learner's progress. */
      ally_application_open_journal (ALLY_APPLICATION (app));
      /* Started at start-up; again here if the course's folder changed since. */
      preload_course (ALLY_APPLICATION (app));
      window = GTK_WINDOW (ally_window_new (ALLY_APPLICATION (app)));
      ally_startup_probe_attach (app, ALLY_WINDOW (window));
    }

  if (ALLY_IS_WINDOW (window))
    ally_window_present_when_ready (ALLY_WINDOW (window));
  else
    gtk_window_present (window);
}

static int
ally_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  AllyApplication *self = ALLY_APPLICATION (app);
  g_autofree char *validate_dir = NULL;
  g_autofree char *content_dir = NULL;
  g_autofree char *language = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "allyship", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "content-dir", "^ay", &content_dir);
  ally_application_set_content_dir (self, content_dir);

  if (g_variant_dict_lookup (options, "validate-content", "^ay", &validate_dir))
    {
      g_autofree char *report = NULL;
      gboolean valid = ally_content_cli_validate (validate_dir, &report);

      /* UTF-8 as in the content: fputs, not g_print, which turns it into "?" under the C
       * locale. */
      fputs (report, valid ? stdout : stderr);
      return valid ? 0 : 1;
    }

  g_variant_dict_lookup (options, "language", "s", &language);
  if (g_variant_dict_contains (options, "list-lessons"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *lessons = ally_content_cli_list_lessons (self->content_dir, language, &error);

      if (lessons == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      fputs (lessons, stdout);
      return 0;
    }

  if (language != NULL)
    {
      g_printerr (_("--language only goes with --list-lessons\n"));
      return 1;
    }

  if (g_variant_dict_lookup (options, "export", "^ay", &export_path))
    {
      g_autoptr(GError) error = NULL;
      /* Only the Markdown document needs the course (for its lesson titles); without it,
       * the lessons' ids are shown. */
      AllyCatalog *catalog = g_str_has_suffix (export_path, ".md")
                             ? ally_application_get_catalog (self, &error) : NULL;

      return ally_journal_cli_export (export_path, catalog);
    }
  if (g_variant_dict_lookup (options, "import", "^ay", &import_path))
    return ally_journal_cli_import (import_path,
                                    g_variant_dict_contains (options, "restore-deleted"));
  if (g_variant_dict_contains (options, "restore-deleted"))
    {
      g_printerr (_("--restore-deleted only goes with --import\n"));
      return 1;
    }

  return -1;
}

/* The search provider lives at <app object path>/SearchProvider on our bus name. */
static gboolean
ally_application_dbus_register (GApplication     *app,
                                GDBusConnection  *connection,
                                const char       *object_path,
                                GError          **error)
{
  AllyApplication *self = ALLY_APPLICATION (app);
  g_autofree char *provider_path = NULL;

  if (!G_APPLICATION_CLASS (ally_application_parent_class)->dbus_register (app, connection,
                                                                           object_path, error))
    return FALSE;

  if (self->search_provider == NULL)
    self->search_provider = ally_search_provider_new (self);
  provider_path = g_strconcat (object_path, ALLY_SEARCH_PROVIDER_PATH_SUFFIX, NULL);
  return ally_search_provider_export (self->search_provider, connection, provider_path, error);
}

static void
ally_application_dbus_unregister (GApplication    *app,
                                  GDBusConnection *connection,
                                  const char      *object_path)
{
  AllyApplication *self = ALLY_APPLICATION (app);

  if (self->search_provider != NULL)
    ally_search_provider_unexport (self->search_provider);

  G_APPLICATION_CLASS (ally_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
ally_application_dispose (GObject *object)
{
  AllyApplication *self = ALLY_APPLICATION (object);

  g_clear_object (&self->search_provider);
  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->content_dir, g_free);
  g_clear_object (&self->course_loader);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);
  g_clear_error (&self->journal_error);

  G_OBJECT_CLASS (ally_application_parent_class)->dispose (object);
}

static void
ally_application_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AllyApplication *self = ALLY_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_application_class_init (AllyApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ally_application_dispose;
  object_class->get_property = ally_application_get_property;

  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         ALLY_TYPE_JOURNAL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         ALLY_TYPE_CATALOG,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  app_class->startup = ally_application_startup;
  app_class->activate = ally_application_activate;
  app_class->shutdown = ally_application_shutdown;
  app_class->handle_local_options = ally_application_handle_local_options;
  app_class->dbus_register = ally_application_dbus_register;
  app_class->dbus_unregister = ally_application_dbus_unregister;
}

static void
ally_application_init (AllyApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Learn about allyship and accompliceship at your own pace."));
  /* Started by GNOME Shell for a search (--gapplication-service), the app stays a while
   * after the last call rather than starting again for each letter typed. */
  g_application_set_inactivity_timeout (G_APPLICATION (self), 10000);
}
