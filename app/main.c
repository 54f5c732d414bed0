/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-application.h"
#include "connect-measure.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ConnectApplication) app = NULL;
  /* Tests run the uninstalled app on the build's catalogues (<build>/po). */
  const char *localedir = g_getenv ("CONNECT_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = connect_application_new ();
  /* Benchmarks only: off unless CONNECT_MEASURE_* is set. */
  connect_measure_install (GTK_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
