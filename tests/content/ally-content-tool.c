/* ally-content-tool.c: test-only front end to the content CLI helpers, standing in for
 * `allyship --validate-content DIR` and `allyship --list-lessons` until the app wires them.
 *   ally-content-tool validate DIR
 *   ally-content-tool list [--content-dir DIR] [--language LL] */
#include <string.h>

#include "ally-content.h"

int
main (int   argc,
      char *argv[])
{
  const char *dir = NULL, *language = NULL;

  if (argc == 3 && strcmp (argv[1], "validate") == 0)
    return ally_content_cli_validate (argv[2]);

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
      return ally_content_cli_list_lessons (dir, language);
    }

  g_printerr ("usage: %s validate DIR | list [--content-dir DIR] [--language LL]\n", argv[0]);
  return 2;
}
