/* main.c — the one executable: a headless command, or the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sofia-seminars"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sem-application.h"
#include "sem-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SemApplication) app = NULL;
  const char *localedir = g_getenv ("SOFIA_SEMINARS_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Translators and build-aux/run point this at the build tree's .mo files. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (sem_cli_is_command (argc, argv))
    return sem_cli_run (argc, argv);

  sem_application_read_ahead (argc, argv);
  app = sem_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
