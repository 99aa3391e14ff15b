/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: set up translations and run the Allyship application. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib.h>
#include <locale.h>

#include "ally-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AllyApplication) app = NULL;
  /* tools/run and tools/screenshot point this at the build tree's translations. */
  const char *localedir = g_getenv ("ALLYSHIP_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ally_application_new ();
  /* A person's start: the journal opens beside GTK's start-up, not after it. */
  ally_application_open_journal_at_startup (app);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
