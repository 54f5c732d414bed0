/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-sync-banner.h: a banner under the header bar that says, in plain
 * words, why the data could not be updated (or that it is old), with a
 * Retry button. It watches a ConnectStore and shows and hides itself. */
#pragma once

#include <adwaita.h>

#include "connect-store.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_SYNC_BANNER (connect_sync_banner_get_type ())
G_DECLARE_FINAL_TYPE (ConnectSyncBanner, connect_sync_banner, CONNECT, SYNC_BANNER, AdwBin)

GtkWidget    *connect_sync_banner_new       (ConnectStore      *store);
ConnectStore *connect_sync_banner_get_store (ConnectSyncBanner *self);
void          connect_sync_banner_set_store (ConnectSyncBanner *self,
                                             ConnectStore      *store);
/* Whether the banner is showing (for tests). */
gboolean      connect_sync_banner_get_revealed (ConnectSyncBanner *self);

G_END_DECLS
