/* ally-content-cli.h: command-line helpers for AllyApplication's handle_local_options. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks every *.xml and *.xml.in in DIR and below.  Prints one "FILE:LINE: message" per
 * problem to stderr and returns 1, or prints one summary line to stdout
 * ("content OK: 15 lessons, 52 terms, …, 3 locales (en, es, fr)") and returns 0. */
int ally_content_cli_validate     (const char *dir);

/* Prints "id<TAB>title" per lesson in course order.  DIR NULL: the compiled-in resource
 * (ALLY_CONTENT_RESOURCE_PATH); LANGUAGE NULL: the user's languages.  Returns 0, or
 * prints the error to stderr and returns 1. */
int ally_content_cli_list_lessons (const char *content_dir_or_null,
                                   const char *language_or_null);

G_END_DECLS
