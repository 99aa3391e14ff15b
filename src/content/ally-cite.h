/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-cite.h: a reference to a source, with an optional locator (a section name). */
#pragma once

#include <glib-object.h>

#include "ally-source.h"

G_BEGIN_DECLS

#define ALLY_TYPE_CITE (ally_cite_get_type ())
G_DECLARE_FINAL_TYPE (AllyCite, ally_cite, ALLY, CITE, GObject)

const char *ally_cite_get_source_id (AllyCite *self);
/* NULL when the cite has no locator. */
const char *ally_cite_get_locator   (AllyCite *self);
/* The source, once the catalog has loaded (never NULL in a loaded catalog). */
AllySource *ally_cite_get_source    (AllyCite *self);

G_END_DECLS
