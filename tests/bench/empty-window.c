/* SPDX-License-Identifier: GPL-3.0-or-later */
/* empty-window: an empty AdwApplicationWindow of the same toolkit as the
 * app, started the same way; the yardstick for the app's first frame
 * (tests/bench/gui-bench.py, with CONNECT_MEASURE_FIRST_FRAME). */
#include "config.h"

#include <adwaita.h>

#include "connect-measure.h"

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Empty");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.connectnorway.Cohorts.EmptyWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  connect_measure_install (GTK_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
