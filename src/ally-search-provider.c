/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-search-provider.c: org.gnome.Shell.SearchProvider2 for the Activities overview.
 *
 * Typing in the overview lists the glossary terms and lessons that have every word typed
 * (accents and case aside, ally_search_catalog); choosing one opens the app at it through
 * the app.show-term and app.open-lesson actions. Result ids are "term:ID" and "lesson:ID".
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ally-search-provider.h"
#include "ally-content.h"
#include "ally-search.h"
#include "ally-shell-search-provider2.h"

#define TERM_PREFIX "term:"
#define LESSON_PREFIX "lesson:"

struct _AllySearchProvider
{
  GObject                   parent_instance;

  AllyApplication          *application;  /* not owned: the application owns the provider */
  AllyShellSearchProvider2 *skeleton;
};

G_DEFINE_FINAL_TYPE (AllySearchProvider, ally_search_provider, G_TYPE_OBJECT)

/* ---- Helpers ------------------------------------------------------------------------- */

/* The course, loaded on the first search; NULL (with a debug message) when it cannot be. */
static AllyCatalog *
get_catalog (AllySearchProvider *self)
{
  g_autoptr(GError) error = NULL;
  AllyCatalog *catalog = ally_application_get_catalog (self->application, &error);

  if (catalog == NULL)
    g_debug ("Search provider: no course to search: %s", error->message);

  return catalog;
}

static char *
result_id_for (GObject *item)
{
  if (ALLY_IS_TERM (item))
    return g_strconcat (TERM_PREFIX, ally_term_get_id (ALLY_TERM (item)), NULL);

  return g_strconcat (LESSON_PREFIX, ally_lesson_get_id (ALLY_LESSON (item)), NULL);
}

/* The ids of the items matching TERMS; with PREVIOUS, only those among them. */
static GStrv
search (AllySearchProvider *self,
        const char * const *terms,
        const char * const *previous)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  AllyCatalog *catalog = get_catalog (self);
  g_autoptr(GPtrArray) found = NULL;

  if (catalog == NULL)
    return g_strv_builder_end (builder);

  found = ally_search_catalog (catalog, terms);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *id = result_id_for (found->pdata[i]);

      if (previous == NULL || g_strv_contains (previous, id))
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static void
add_meta (GVariantBuilder *metas,
          const char      *id,
          const char      *name,
          const char      *description)
{
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  GVariantBuilder meta;

  g_variant_builder_init (&meta, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (name));
  if (description != NULL)
    g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (&meta, "{sv}", "icon", g_icon_serialize (icon));
  g_variant_builder_add_value (metas, g_variant_builder_end (&meta));
}

/* The name and description the overview shows for ID; FALSE when ID is not in the course. */
static gboolean
add_meta_for_id (AllySearchProvider *self,
                 GVariantBuilder    *metas,
                 const char         *id)
{
  AllyCatalog *catalog = get_catalog (self);

  if (catalog == NULL)
    return FALSE;

  if (g_str_has_prefix (id, TERM_PREFIX))
    {
      AllyTerm *term = ally_catalog_lookup_term (catalog, id + strlen (TERM_PREFIX));

      if (term == NULL)
        return FALSE;
      add_meta (metas, id, ally_term_get_name (term), ally_term_get_definition_text (term));
      return TRUE;
    }

  if (g_str_has_prefix (id, LESSON_PREFIX))
    {
      AllyLesson *lesson = ally_catalog_lookup_lesson (catalog, id + strlen (LESSON_PREFIX));
      g_autofree char *name = NULL;

      if (lesson == NULL)
        return FALSE;
      /* Translators: a search result in the Activities overview: lesson number and title */
      name = g_strdup_printf (_("Lesson %u: %s"), ally_lesson_get_number (lesson),
                              ally_lesson_get_title (lesson));
      add_meta (metas, id, name, ally_lesson_get_summary (lesson));
      return TRUE;
    }

  return FALSE;
}

/* Each call keeps a D-Bus-activated app alive for its inactivity timeout after it. */
static void
hold_for_call (AllySearchProvider *self)
{
  g_application_hold (G_APPLICATION (self->application));
  g_application_release (G_APPLICATION (self->application));
}

/* ---- D-Bus methods ---------------------------------------------------------------------- */

static gboolean
on_get_initial_result_set (AllyShellSearchProvider2 *skeleton,
                           GDBusMethodInvocation    *invocation,
                           const char * const       *terms,
                           AllySearchProvider       *self)
{
  g_auto(GStrv) results = search (self, terms, NULL);

  hold_for_call (self);
  ally_shell_search_provider2_complete_get_initial_result_set (skeleton, invocation,
                                                               (const char * const *) results);
  return TRUE;
}

static gboolean
on_get_subsearch_result_set (AllyShellSearchProvider2 *skeleton,
                             GDBusMethodInvocation    *invocation,
                             const char * const       *previous_results,
                             const char * const       *terms,
                             AllySearchProvider       *self)
{
  g_auto(GStrv) results = search (self, terms, previous_results);

  hold_for_call (self);
  ally_shell_search_provider2_complete_get_subsearch_result_set (skeleton, invocation,
                                                                 (const char * const *) results);
  return TRUE;
}

static gboolean
on_get_result_metas (AllyShellSearchProvider2 *skeleton,
                     GDBusMethodInvocation    *invocation,
                     const char * const       *identifiers,
                     AllySearchProvider       *self)
{
  GVariantBuilder metas;

  hold_for_call (self);
  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; identifiers != NULL && identifiers[i] != NULL; i++)
    if (!add_meta_for_id (self, &metas, identifiers[i]))
      g_debug ("Search provider: no result %s", identifiers[i]);

  ally_shell_search_provider2_complete_get_result_metas (skeleton, invocation,
                                                         g_variant_builder_end (&metas));
  return TRUE;
}

static gboolean
on_activate_result (AllyShellSearchProvider2 *skeleton,
                    GDBusMethodInvocation    *invocation,
                    const char               *identifier,
                    const char * const       *terms,
                    guint                     timestamp,
                    AllySearchProvider       *self)
{
  GActionGroup *actions = G_ACTION_GROUP (self->application);

  hold_for_call (self);
  if (g_str_has_prefix (identifier, TERM_PREFIX))
    g_action_group_activate_action (actions, "show-term",
                                    g_variant_new_string (identifier + strlen (TERM_PREFIX)));
  else if (g_str_has_prefix (identifier, LESSON_PREFIX))
    g_action_group_activate_action (actions, "open-lesson",
                                    g_variant_new_string (identifier + strlen (LESSON_PREFIX)));
  else
    g_application_activate (G_APPLICATION (self->application));

  ally_shell_search_provider2_complete_activate_result (skeleton, invocation);
  return TRUE;
}

static gboolean
on_launch_search (AllyShellSearchProvider2 *skeleton,
                  GDBusMethodInvocation    *invocation,
                  const char * const       *terms,
                  guint                     timestamp,
                  AllySearchProvider       *self)
{
  hold_for_call (self);
  g_application_activate (G_APPLICATION (self->application));
  ally_shell_search_provider2_complete_launch_search (skeleton, invocation);
  return TRUE;
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
ally_search_provider_dispose (GObject *object)
{
  AllySearchProvider *self = ALLY_SEARCH_PROVIDER (object);

  ally_search_provider_unexport (self);
  g_clear_object (&self->skeleton);

  G_OBJECT_CLASS (ally_search_provider_parent_class)->dispose (object);
}

static void
ally_search_provider_class_init (AllySearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ally_search_provider_dispose;
}

static void
ally_search_provider_init (AllySearchProvider *self)
{
  self->skeleton = ally_shell_search_provider2_skeleton_new ();

  g_signal_connect_object (self->skeleton, "handle-get-initial-result-set",
                           G_CALLBACK (on_get_initial_result_set), self, 0);
  g_signal_connect_object (self->skeleton, "handle-get-subsearch-result-set",
                           G_CALLBACK (on_get_subsearch_result_set), self, 0);
  g_signal_connect_object (self->skeleton, "handle-get-result-metas",
                           G_CALLBACK (on_get_result_metas), self, 0);
  g_signal_connect_object (self->skeleton, "handle-activate-result",
                           G_CALLBACK (on_activate_result), self, 0);
  g_signal_connect_object (self->skeleton, "handle-launch-search",
                           G_CALLBACK (on_launch_search), self, 0);
}

/* ---- Public API --------------------------------------------------------------------------- */

AllySearchProvider *
ally_search_provider_new (AllyApplication *application)
{
  AllySearchProvider *self;

  g_return_val_if_fail (ALLY_IS_APPLICATION (application), NULL);

  self = g_object_new (ALLY_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  return self;
}

gboolean
ally_search_provider_export (AllySearchProvider  *self,
                             GDBusConnection     *connection,
                             const char          *object_path,
                             GError             **error)
{
  g_return_val_if_fail (ALLY_IS_SEARCH_PROVIDER (self), FALSE);

  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton),
                                           connection, object_path, error);
}

void
ally_search_provider_unexport (AllySearchProvider *self)
{
  g_return_if_fail (ALLY_IS_SEARCH_PROVIDER (self));

  if (self->skeleton != NULL &&
      g_dbus_interface_skeleton_get_connection (G_DBUS_INTERFACE_SKELETON (self->skeleton)) != NULL)
    g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
}
