/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-term.h: a glossary entry. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ALLY_TYPE_TERM (ally_term_get_type ())
G_DECLARE_FINAL_TYPE (AllyTerm, ally_term, ALLY, TERM, GObject)

const char         *ally_term_get_id                (AllyTerm *self);
const char         *ally_term_get_name              (AllyTerm *self);
/* NULL-terminated, in the current language. */
const char * const *ally_term_get_aliases           (AllyTerm *self);
const char         *ally_term_get_definition_text   (AllyTerm *self);
const char         *ally_term_get_definition_markup (AllyTerm *self);
/* Ids of related terms, NULL-terminated. */
const char * const *ally_term_get_see_also          (AllyTerm *self);
/* Of AllyCite. */
GListModel         *ally_term_get_cites             (AllyTerm *self);

G_END_DECLS
