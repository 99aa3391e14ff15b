/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search-provider.c: GNOME Shell's search provider, called over D-Bus on a private
 * session bus (GTestDBus) as the Shell would: results for the words typed, narrowed as more
 * are typed, their names and descriptions, and a chosen result opening the app at it. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ally-application.h"
#include "ally-glossary-view.h"
#include "ally-learn-view.h"
#include "ally-search.h"
#include "ally-search-provider.h"
#include "ally-window.h"
#include "ui-test-util.h"

#define PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"

static AllyApplication *app;
static GDBusConnection *shell;  /* the Shell's side: another connection to the test bus */
static char *provider_path;
static GTestDBus *bus;

/* ---- Calling the provider ------------------------------------------------------------ */

static void
on_call_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GVariant **reply = user_data;
  g_autoptr(GError) error = NULL;

  *reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
has_reply (gpointer data)
{
  return *(GVariant **) data != NULL;
}

/* The app answers on this thread's main loop, so the call is asynchronous and the loop
 * spins until the reply is in. */
static GVariant *
call_provider (const char         *method,
               GVariant           *parameters,
               const GVariantType *reply_type)
{
  GVariant *reply = NULL;

  g_dbus_connection_call (shell, APP_ID, provider_path, PROVIDER_INTERFACE, method,
                          parameters, reply_type, G_DBUS_CALL_FLAGS_NONE, 10000, NULL,
                          on_call_done, &reply);
  g_assert_true (spin_until (has_reply, &reply));
  return reply;
}

static GStrv
initial_results (const char * const *terms)
{
  g_autoptr(GVariant) reply = call_provider ("GetInitialResultSet",
                                             g_variant_new ("(^as)", terms),
                                             G_VARIANT_TYPE ("(as)"));
  GStrv results = NULL;

  g_variant_get (reply, "(^as)", &results);
  return results;
}

static GStrv
subsearch_results (const char * const *previous,
                   const char * const *terms)
{
  g_autoptr(GVariant) reply = call_provider ("GetSubsearchResultSet",
                                             g_variant_new ("(^as^as)", previous, terms),
                                             G_VARIANT_TYPE ("(as)"));
  GStrv results = NULL;

  g_variant_get (reply, "(^as)", &results);
  return results;
}

static guint
index_of (const char * const *strv,
          const char         *s)
{
  for (guint i = 0; strv[i] != NULL; i++)
    if (g_str_equal (strv[i], s))
      return i;

  return G_MAXUINT;
}

/* ---- Folding ------------------------------------------------------------------------------- */

static void
test_fold_ignores_accents_and_case (void)
{
  const char *words[] = { "ÁBLE", "ísm", NULL };
  const char *none[] = { " ", NULL };
  g_autofree char *folded = ally_search_fold ("Ableïsm ÉQUITY");

  g_assert_cmpstr (folded, ==, "ableism equity");
  g_assert_true (ally_search_matches ("ableism", words));
  g_assert_false (ally_search_matches ("able", words));
  /* No words match nothing, rather than everything. */
  g_assert_false (ally_search_matches ("ableism", none));
}

/* ---- The provider -------------------------------------------------------------------------- */

static void
test_initial_results_find_terms_and_lessons (void)
{
  const char *accented[] = { "ÁBLEÏSM", NULL };
  const char *accomplice[] = { "Accomplice", NULL };
  const char *both[] = { "ally", "ACCOMPLICE", NULL };
  const char *nothing[] = { "zzzqqq", NULL };
  g_auto(GStrv) ableism = initial_results (accented);
  g_auto(GStrv) accomplices = initial_results (accomplice);
  g_auto(GStrv) ally_and_accomplice = initial_results (both);
  g_auto(GStrv) none = initial_results (nothing);

  /* Accents and case aside. */
  g_assert_true (g_strv_contains ((const char * const *) ableism, "term:ableism"));

  /* Terms first, then lessons by their title. */
  g_assert_cmpuint (index_of ((const char * const *) accomplices, "term:accomplice"), ==, 0);
  g_assert_cmpuint (index_of ((const char * const *) accomplices, "lesson:ally-vs-accomplice"), !=, G_MAXUINT);
  g_assert_cmpuint (index_of ((const char * const *) accomplices, "lesson:accomplice-at-work"), !=, G_MAXUINT);
  g_assert_cmpuint (index_of ((const char * const *) accomplices, "term:accomplice"), <,
                    index_of ((const char * const *) accomplices, "lesson:ally-vs-accomplice"));

  /* Every word must be there. */
  g_assert_true (g_strv_contains ((const char * const *) ally_and_accomplice, "lesson:ally-vs-accomplice"));
  g_assert_false (g_strv_contains ((const char * const *) ally_and_accomplice, "term:ableism"));
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_subsearch_narrows_previous_results (void)
{
  const char *acc[] = { "acc", NULL };
  const char *accomplice[] = { "accomplice", NULL };
  const char *only_lesson[] = { "lesson:ally-vs-accomplice", NULL };
  g_auto(GStrv) wide = initial_results (acc);
  g_auto(GStrv) narrow = subsearch_results ((const char * const *) wide, accomplice);
  g_auto(GStrv) within = subsearch_results (only_lesson, accomplice);

  g_assert_true (g_strv_contains ((const char * const *) wide, "term:accountability"));
  g_assert_true (g_strv_contains ((const char * const *) narrow, "term:accomplice"));
  g_assert_false (g_strv_contains ((const char * const *) narrow, "term:accountability"));
  for (guint i = 0; narrow[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) wide, narrow[i]));

  /* Nothing that was not among the previous results. */
  g_assert_cmpuint (g_strv_length (within), ==, 1);
  g_assert_cmpstr (within[0], ==, "lesson:ally-vs-accomplice");
}

static void
assert_meta (GVariant   *meta,
             const char *id,
             const char *name)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (meta);
  const char *value = NULL;

  g_assert_true (g_variant_dict_lookup (dict, "id", "&s", &value));
  g_assert_cmpstr (value, ==, id);
  g_assert_true (g_variant_dict_lookup (dict, "name", "&s", &value));
  g_assert_cmpstr (value, ==, name);
  g_assert_true (g_variant_dict_lookup (dict, "description", "&s", &value));
  g_assert_cmpuint (strlen (value), >, 20);
  g_assert_true (g_variant_dict_contains (dict, "icon"));
}

static void
test_result_metas_name_and_describe (void)
{
  const char *ids[] = { "term:ableism", "lesson:ally-vs-accomplice", "term:no-such-term", NULL };
  g_autoptr(GVariant) reply = call_provider ("GetResultMetas", g_variant_new ("(^as)", ids),
                                             G_VARIANT_TYPE ("(aa{sv})"));
  g_autoptr(GVariant) metas = g_variant_get_child_value (reply, 0);
  g_autoptr(GVariant) term = NULL;
  g_autoptr(GVariant) lesson = NULL;

  /* An id that is not in the course is left out. */
  g_assert_cmpuint (g_variant_n_children (metas), ==, 2);
  term = g_variant_get_child_value (metas, 0);
  lesson = g_variant_get_child_value (metas, 1);
  assert_meta (term, "term:ableism", "ableism");
  assert_meta (lesson, "lesson:ally-vs-accomplice", "Lesson 11: Ally vs. accomplice");
}

static AllyWindow *
app_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ALLY_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static gboolean
shows_lesson (gpointer id)
{
  AllyWindow *window = app_window ();
  AllyLesson *lesson;

  if (window == NULL || ally_window_get_learn_view (window) == NULL)
    return FALSE;
  lesson = ally_learn_view_get_lesson (ally_window_get_learn_view (window));
  return lesson != NULL && g_str_equal (ally_lesson_get_id (lesson), id) &&
         g_strcmp0 (ally_window_get_visible_area (window), "learn") == 0;
}

static gboolean
shows_term (gpointer id)
{
  AllyWindow *window = app_window ();

  return window != NULL && ally_window_get_glossary_view (window) != NULL &&
         g_strcmp0 (ally_glossary_view_get_term_id (ally_window_get_glossary_view (window)), id) == 0 &&
         g_strcmp0 (ally_window_get_visible_area (window), "glossary") == 0;
}

static void
activate_result (const char *id)
{
  const char *terms[] = { "accomplice", NULL };
  g_autoptr(GVariant) reply = call_provider ("ActivateResult",
                                             g_variant_new ("(s^asu)", id, terms, 0),
                                             G_VARIANT_TYPE_UNIT);
}

static void
test_activate_result_opens_lesson_and_term (void)
{
  const char *terms[] = { "ally", NULL };
  g_autoptr(GVariant) reply = NULL;

  /* No window yet: the lesson is opened once the new window has the course. */
  g_assert_null (app_window ());
  activate_result ("lesson:ally-vs-accomplice");
  g_assert_true (spin_until (shows_lesson, "ally-vs-accomplice"));

  /* With a window: at once, in that window. */
  activate_result ("term:accountability");
  g_assert_true (spin_until (shows_term, "accountability"));
  activate_result ("lesson:accomplice-at-work");
  g_assert_true (spin_until (shows_lesson, "accomplice-at-work"));

  reply = call_provider ("LaunchSearch", g_variant_new ("(^asu)", terms, 0), G_VARIANT_TYPE_UNIT);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  gtk_window_destroy (GTK_WINDOW (app_window ()));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *user_dirs = ui_test_isolate_user_dirs ();
  g_autofree char *display = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  /* A private session bus, up before GTK and libadwaita connect to the session bus: the app
   * owns its name there, as it would for GNOME Shell. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY (against D-Bus autolaunch on X11); GTK needs it back. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ally_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  provider_path = g_strconcat (g_application_get_dbus_object_path (G_APPLICATION (app)),
                               ALLY_SEARCH_PROVIDER_PATH_SUFFIX, NULL);
  shell = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                  G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                  NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/search/fold-ignores-accents-and-case", test_fold_ignores_accents_and_case);
  g_test_add_func ("/search-provider/initial-results-find-terms-and-lessons",
                   test_initial_results_find_terms_and_lessons);
  g_test_add_func ("/search-provider/subsearch-narrows-previous-results",
                   test_subsearch_narrows_previous_results);
  g_test_add_func ("/search-provider/result-metas-name-and-describe",
                   test_result_metas_name_and_describe);
  g_test_add_func ("/search-provider/activate-result-opens-lesson-and-term",
                   test_activate_result_opens_lesson_and_term);

  ret = g_test_run ();

  g_dbus_connection_close_sync (shell, NULL, NULL);
  g_clear_object (&shell);
  g_clear_pointer (&provider_path, g_free);
  g_clear_object (&app);
  /* Stopped, and kept to the end: GTK and libadwaita hold the session bus connection until
   * the process ends, and g_test_dbus_down () (also run when the GTestDBus is finalized)
   * would wait for it in vain. */
  g_test_dbus_stop (bus);
  ui_test_remove_tree (user_dirs);

  return ret;
}
