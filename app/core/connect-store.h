/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-store.h: the current feed, its sync state and its last changes.
 *
 * One store per application. It reads the GSettings keys `feed-url` (empty:
 * the embedded sample, no syncing) and `refresh-interval` (minutes), keeps
 * the cache under g_get_user_cache_dir()/org.connectnorway.Cohorts/, and
 * syncs every refresh-interval and whenever the network comes back. A
 * manual connect_store_sync() always tries, whatever the network monitor
 * says.
 *
 * Everything is asynchronous; properties change on the main thread only
 * and always notify. A failed sync never replaces the feed: the last good
 * data stays, and "sync-state" becomes ERROR with "error" set.
 *
 * Typical use (the application):
 *   store = connect_store_new ();
 *   connect_store_start (store);          (cache at once, then revalidate)
 * or, for `--feed PATH` (shows that file, never syncs):
 *   connect_store_open_file (store, file);
 */
#pragma once

#include <gio/gio.h>

#include "connect-diff.h"
#include "connect-feed.h"
#include "connect-sync.h"

G_BEGIN_DECLS

/* Data older than this (since the server last confirmed it) is stale. */
#define CONNECT_STORE_STALE_AFTER (7 * G_TIME_SPAN_DAY)

#define CONNECT_TYPE_STORE (connect_store_get_type ())
G_DECLARE_FINAL_TYPE (ConnectStore, connect_store, CONNECT, STORE, GObject)

/**
 * Properties (all read-only, all notify):
 *   feed          ConnectFeed*       the current feed, %NULL until loaded
 *   source        ConnectFeedSource  where it came from (sample, cache,
 *                                    network, file)
 *   sync-state    ConnectSyncState   idle, syncing or error
 *   syncing       gboolean           sync-state == SYNCING (for a spinner)
 *   can-sync      gboolean           FALSE for the sample or an opened file
 *   error         GError* (boxed)    the last sync error (a CONNECT_ERROR
 *                                    code: OFFLINE, TLS, ...), or %NULL
 *   error-message char*              its plain-words message, or %NULL
 *   last-success  GDateTime*         when the server last confirmed the
 *                                    data (200 or 304), %NULL if never
 *   stale         gboolean           last-success older than 7 days
 *   changes       GListModel*        ConnectChange items of the last swap
 *   feed-url      char*              the URL in use (empty: sample)
 *
 * Signals:
 *   changed (guint n_changes)  a new feed replaced a previous one; emitted
 *                              after "feed" and "changes" were updated
 *                              (also with 0 when only unrelated parts
 *                              such as snapshots changed).
 */

ConnectStore      *connect_store_new              (void);
/* For tests and the CLI: @settings (nullable: the app's schema) and
 * @cache_dir (nullable: the default cache directory). */
ConnectStore      *connect_store_new_full         (GSettings     *settings,
                                                   const char    *cache_dir);

/* Shows the cache (or the sample) at once, then syncs when a feed URL is
 * set, and starts the refresh timer and the network monitor. */
void               connect_store_start            (ConnectStore  *self);
/* Syncs now (no-op while a sync runs or when can-sync is FALSE). */
void               connect_store_sync             (ConnectStore  *self);
/* Shows @file (validated in a worker thread) and disables syncing. A
 * broken file sets "error" (CONNECT_ERROR_INVALID_FEED) and sync-state
 * ERROR. */
void               connect_store_open_file        (ConnectStore  *self,
                                                   GFile         *file);

ConnectFeed       *connect_store_get_feed         (ConnectStore  *self);
ConnectFeedSource  connect_store_get_source       (ConnectStore  *self);
ConnectSyncState   connect_store_get_sync_state   (ConnectStore  *self);
gboolean           connect_store_get_syncing      (ConnectStore  *self);
gboolean           connect_store_get_can_sync     (ConnectStore  *self);
const GError      *connect_store_get_error        (ConnectStore  *self);
const char        *connect_store_get_error_message (ConnectStore *self);
GDateTime         *connect_store_get_last_success (ConnectStore  *self);
gboolean           connect_store_get_stale        (ConnectStore  *self);
/* (transfer none) (element-type ConnectChange); the same object always,
 * its contents are spliced on every swap. */
GListModel        *connect_store_get_changes      (ConnectStore  *self);
/* (transfer none) (nullable): the same changes in a list that never changes
 * (a swap brings a new one), to keep without a copy. */
GListModel        *connect_store_get_changes_snapshot (ConnectStore *self);
const char        *connect_store_get_feed_url     (ConnectStore  *self);
/* Age of the data (now − last-success), or -1 when unknown. */
GTimeSpan          connect_store_get_data_age     (ConnectStore  *self);

/* The sync engine, to configure it (a CA file, timeouts) in tests and
 * tools; (transfer none). For a whole app under test, the environment
 * variable CONNECT_TEST_CA_FILE=PEM makes every new store trust the CAs
 * in PEM instead of the system's (tests only). */
ConnectSync       *connect_store_get_sync         (ConnectStore  *self);
/* Minutes between automatic syncs now armed (the `refresh-interval`
 * key), or 0 when the store does not sync by itself. */
guint              connect_store_get_refresh_interval (ConnectStore *self);
/* The cache directory in use. */
const char        *connect_store_get_cache_dir    (ConnectStore  *self);

/* The header-bar text: "Updated 5 minutes ago", "Offline — showing data
 * from 3 Nov", "Data is 9 days old", "Sample data", ... (translated).
 * @now: (nullable): the current time (for tests). */
char              *connect_store_format_status    (ConnectStore  *self,
                                                   GDateTime     *now);

G_END_DECLS
