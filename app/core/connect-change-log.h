/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-change-log.h: the changes of the last syncs, kept on disk.
 *
 * The log keeps the results of the last CONNECT_CHANGE_LOG_MAX_SYNCS syncs
 * that changed something (newest first), each with its time and its list
 * of changes, in g_get_user_cache_dir()/org.connectnorway.Cohorts/
 * changes.json:
 *
 *   {"version": 1,
 *    "syncs": [{"time": "2026-11-26T08:00:00Z",
 *               "changes": [{"kind", "id", "field", "from", "to"}, ...]},
 *              ...]}
 *
 * Loading reads and parses the file in a worker thread; a missing, broken
 * or foreign file is an empty log (and is overwritten by the next append).
 * Appending updates the list at once and writes the file atomically in a
 * worker thread (writes never overlap; the last state always wins).
 */
#pragma once

#include <gio/gio.h>

#include "connect-diff.h"
#include "connect-store.h"

G_BEGIN_DECLS

#define CONNECT_CHANGE_LOG_MAX_SYNCS 20

/* ConnectSyncRecord: the changes of one sync. */

#define CONNECT_TYPE_SYNC_RECORD (connect_sync_record_get_type ())
G_DECLARE_FINAL_TYPE (ConnectSyncRecord, connect_sync_record, CONNECT, SYNC_RECORD, GObject)

ConnectSyncRecord *connect_sync_record_new         (GDateTime         *time,
                                                    GListModel        *changes);
ConnectSyncRecord *connect_sync_record_new_shared  (GDateTime         *time,
                                                    GListModel        *changes);
/* (transfer none) */
GDateTime         *connect_sync_record_get_time    (ConnectSyncRecord *self);
/* (transfer none) (element-type ConnectChange) */
GListModel        *connect_sync_record_get_changes (ConnectSyncRecord *self);
/* {"time", "changes"} */
JsonNode          *connect_sync_record_to_json     (ConnectSyncRecord *self);
/* The inverse; %NULL when @node is not a valid record. */
ConnectSyncRecord *connect_sync_record_new_from_json (JsonNode        *node);

/* A ConnectChange from `{"kind", "id", "field", "from", "to"}` (the format
 * of connect_change_to_json()), or %NULL when @node is not one. */
ConnectChange     *connect_change_new_from_json    (JsonNode          *node);

/* ConnectChangeLog */

#define CONNECT_TYPE_CHANGE_LOG (connect_change_log_get_type ())
G_DECLARE_FINAL_TYPE (ConnectChangeLog, connect_change_log, CONNECT, CHANGE_LOG, GObject)

/* The log of this process at the default path, loading from disk on the
 * first call; (transfer none). Every view of the changes shares it. */
ConnectChangeLog  *connect_change_log_get_default  (void);

/* @path: (nullable): the file; %NULL for the default in the cache dir. */
ConnectChangeLog  *connect_change_log_new          (const char        *path);
/* The default file: <user cache dir>/org.connectnorway.Cohorts/changes.json */
char              *connect_change_log_get_default_path (void);
const char        *connect_change_log_get_path     (ConnectChangeLog  *self);
/* (transfer none) (element-type ConnectSyncRecord), newest first. */
GListModel        *connect_change_log_get_syncs    (ConnectChangeLog  *self);
/* TRUE once a load finished (whatever it found). */
gboolean           connect_change_log_get_loaded   (ConnectChangeLog  *self);

/* Reads the file in a worker thread. Records appended before the load
 * finishes stay in front of the loaded ones. Never fails but for
 * cancellation: an unreadable file is an empty log. */
void               connect_change_log_load_async   (ConnectChangeLog  *self,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
gboolean           connect_change_log_load_finish  (ConnectChangeLog  *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

/* Records a sync at @time (nullable: now) with @changes (element-type
 * ConnectChange); an empty list is not recorded. Keeps the newest
 * CONNECT_CHANGE_LOG_MAX_SYNCS and saves in the background. Returns
 * whether it recorded anything. */
gboolean           connect_change_log_append       (ConnectChangeLog  *self,
                                                    GDateTime         *time,
                                                    GListModel        *changes);

/* Records every "changed" of @store (its "changes" then) from now on.
 * Watching the same store again does nothing, so several views can ask
 * without recording a sync twice. */
void               connect_change_log_watch_store  (ConnectChangeLog  *self,
                                                    ConnectStore      *store);

/* Completes when every append so far is on disk (or failed to be
 * written: the error is the last write's). */
void               connect_change_log_flush_async  (ConnectChangeLog  *self,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
gboolean           connect_change_log_flush_finish (ConnectChangeLog  *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

G_END_DECLS
