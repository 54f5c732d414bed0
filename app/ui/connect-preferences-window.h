/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-preferences-window.h: the feed address and access token, the
 * refresh interval, notifications for watched cohorts and "my company".
 * Every setting is saved at once (GSettings); an invalid feed address is
 * never saved; the token goes to the password store only. */
#pragma once

#include <adwaita.h>

#include "connect-store.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_PREFERENCES_WINDOW (connect_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ConnectPreferencesWindow, connect_preferences_window, CONNECT, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @store: (nullable): the application's store (the partner list, and a
 * sync after a new token); @settings: (nullable): the app's settings (the
 * default schema when %NULL). */
GtkWidget    *connect_preferences_window_new       (GtkWindow    *parent,
                                                    ConnectStore *store,
                                                    GSettings    *settings);
ConnectStore *connect_preferences_window_get_store (ConnectPreferencesWindow *self);

/* Finds the store of @app (a "store" property of its active window, else
 * of the application; %NULL when neither has one). (transfer full) */
ConnectStore *connect_ui_lookup_store              (GtkApplication *app);

/* The app.preferences action: presents the preferences for the active
 * window of @app. */
void          connect_preferences_window_present   (GtkApplication *app);

G_END_DECLS
