/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_FEED_INFO_WINDOW (connect_feed_info_window_get_type ())
G_DECLARE_FINAL_TYPE (ConnectFeedInfoWindow, connect_feed_info_window, CONNECT, FEED_INFO_WINDOW, AdwWindow)

GtkWidget *connect_feed_info_window_new (GtkWindow   *parent,
                                         ConnectFeed *feed,
                                         const char  *source);

G_END_DECLS
