/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-search-provider.h: the app's GNOME Shell search provider (glossary terms and lessons). */
#pragma once

#include <gio/gio.h>

#include "ally-application.h"

G_BEGIN_DECLS

/* Where the provider lives on the application's bus name (see the search-provider.ini in data/). */
#define ALLY_SEARCH_PROVIDER_PATH_SUFFIX "/SearchProvider"

#define ALLY_TYPE_SEARCH_PROVIDER (ally_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (AllySearchProvider, ally_search_provider, ALLY, SEARCH_PROVIDER, GObject)

AllySearchProvider *ally_search_provider_new      (AllyApplication     *application);
gboolean            ally_search_provider_export   (AllySearchProvider  *self,
                                                   GDBusConnection     *connection,
                                                   const char          *object_path,
                                                   GError             **error);
void                ally_search_provider_unexport (AllySearchProvider  *self);

G_END_DECLS
