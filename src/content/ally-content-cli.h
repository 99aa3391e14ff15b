/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-cli.h: what --validate-content and --list-lessons say, as text; the caller
 * (AllyApplication's handle_local_options, tests/content/ally-content-tool) prints it, as
 * UTF-8 (fputs, not g_print, which would turn it into "?" under the C locale). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks every *.xml and *.xml.in in DIR and below, and each DIR/languages/LL/. Returns
 * TRUE with *OUT_REPORT one summary line ("content OK: 15 lessons, 52 terms, …, 3 locales
 * (en, es, fr)\n"), or FALSE with one "FILE:LINE: message\n" line per problem. */
gboolean ally_content_cli_validate     (const char  *dir,
                                        char       **out_report);

/* "id<TAB>title\n" per lesson in course order. DIR NULL: the compiled-in resource
 * (ALLY_CONTENT_RESOURCE_PATH); LANGUAGE NULL: the user's languages. NULL with ERROR when
 * the course cannot be loaded. */
char    *ally_content_cli_list_lessons (const char  *content_dir_or_null,
                                        const char  *language_or_null,
                                        GError     **error);

G_END_DECLS
