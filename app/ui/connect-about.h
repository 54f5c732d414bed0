/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-about.h: the About window, with the troubleshooting text
 * (connect-debug-info.h) of the application's store. */
#pragma once

#include <adwaita.h>

#include "connect-store.h"

G_BEGIN_DECLS

/* @store: (nullable): the application's store. (transfer floating) */
GtkWidget *connect_about_window_new     (GtkWindow      *parent,
                                         ConnectStore   *store);

/* The troubleshooting text with the run-time toolkit versions added.
 * (transfer full) */
char      *connect_about_debug_info     (GtkWidget      *widget,
                                         ConnectStore   *store);

/* The app.about action. */
void       connect_about_present        (GtkApplication *app);

G_END_DECLS
