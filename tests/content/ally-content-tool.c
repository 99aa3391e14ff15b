/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-tool.c: test-only front end to the content CLI helpers, standing in for
 * `allyship --validate-content DIR` and `allyship --list-lessons`.
 *   ally-content-tool validate DIR
 *   ally-content-tool list [--content-dir DIR] [--language LL] */
#include <string.h>

#include <stdio.h>

#include "ally-content.h"

/* Output is UTF-8 as in the content: fputs, not g_print, which would turn it into "?" under
 * the C locale. */
static int
list_lessons (const char *dir,
              const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lessons = ally_content_cli_list_lessons (dir, language, &error);

  if (lessons == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  fputs (lessons, stdout);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = NULL, *language = NULL;

  if (argc == 3 && strcmp (argv[1], "validate") == 0)
    {
      g_autofree char *report = NULL;
      gboolean valid = ally_content_cli_validate (argv[2], &report);

      fputs (report, valid ? stdout : stderr);
      return valid ? 0 : 1;
    }

  if (argc >= 2 && strcmp (argv[1], "list") == 0)
    {
      for (int i = 2; i + 1 < argc; i += 2)
        {
          if (strcmp (argv[i], "--content-dir") == 0)
            dir = argv[i + 1];
          else if (strcmp (argv[i], "--language") == 0)
            language = argv[i + 1];
          else
            return 2;
        }
      return list_lessons (dir, language);
    }

  g_printerr ("usage: %s validate DIR | list [--content-dir DIR] [--language LL]\n", argv[0]);
  return 2;
}
