/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-sync-status.h: the freshness of the data in a few words, for the
 * line under the header bar: "Updated 5 minutes ago", "Offline — showing
 * data from 3 Nov", "Data is 9 days old". Kept current by itself (store
 * changes and a minute timer). Its "text" property can also be bound
 * elsewhere. */
#pragma once

#include <gtk/gtk.h>

#include "connect-store.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_SYNC_STATUS (connect_sync_status_get_type ())
G_DECLARE_FINAL_TYPE (ConnectSyncStatus, connect_sync_status, CONNECT, SYNC_STATUS, GtkWidget)

GtkWidget    *connect_sync_status_new       (ConnectStore      *store);
ConnectStore *connect_sync_status_get_store (ConnectSyncStatus *self);
void          connect_sync_status_set_store (ConnectSyncStatus *self,
                                             ConnectStore      *store);
const char   *connect_sync_status_get_text  (ConnectSyncStatus *self);

G_END_DECLS
