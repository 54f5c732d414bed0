/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-sync.h: fetching the feed over HTTPS.
 *
 * One SoupSession per ConnectSync, asynchronous only. HTTPS only (an
 * http:// URL or a redirect to one fails with CONNECT_ERROR_INSECURE).
 * An inactivity timeout and an overall deadline; a cap on the decoded body
 * (counted while reading, so a gzip bomb stops at the cap); conditional GET
 * (ETag, Last-Modified; a 304 is "not modified" and nothing is parsed);
 * retries with exponential backoff and jitter for network errors and 5xx,
 * none for 4xx, TLS, insecure, too-large or invalid feeds. A body only
 * counts when it is 2xx, complete (Content-Length, when known, is
 * checked) and passes the full validator in a worker thread. Every failure
 * is a CONNECT_ERROR with a plain-words message, or G_IO_ERROR_CANCELLED.
 * The certificate is never overridden: a custom CA only through
 * connect_sync_set_ca_file() (a GTlsFileDatabase).
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "connect-cache.h"
#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_SYNC_DEFAULT_TIMEOUT      20    /* seconds without a byte */
#define CONNECT_SYNC_DEFAULT_DEADLINE     60000 /* ms for the whole fetch */
#define CONNECT_SYNC_DEFAULT_RETRIES      3
#define CONNECT_SYNC_DEFAULT_RETRY_DELAY  1000  /* ms before the 1st retry */
#define CONNECT_SYNC_MAX_REDIRECTS        10

#define CONNECT_TYPE_FETCH_RESULT (connect_fetch_result_get_type ())

typedef struct
{
  gboolean     not_modified;  /* a 304: nothing new, @feed and @bytes NULL */
  ConnectFeed *feed;          /* the validated feed (200) */
  GBytes      *bytes;         /* its decoded bytes (200) */
  char        *etag;          /* nullable */
  char        *last_modified; /* nullable */
  char        *url;           /* the URL finally answered (after redirects) */
  guint        status;        /* HTTP status of the final answer */
  guint        attempts;      /* 1 + the retries made */
} ConnectFetchResult;

GType               connect_fetch_result_get_type (void) G_GNUC_CONST;
void                connect_fetch_result_free     (ConnectFetchResult *result);
ConnectFetchResult *connect_fetch_result_copy     (const ConnectFetchResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectFetchResult, connect_fetch_result_free)

#define CONNECT_TYPE_SYNC (connect_sync_get_type ())
G_DECLARE_FINAL_TYPE (ConnectSync, connect_sync, CONNECT, SYNC, GObject)

ConnectSync  *connect_sync_new               (void);
SoupSession  *connect_sync_get_session       (ConnectSync   *self);

/* Settings (defaults above); use short ones in tests. */
void          connect_sync_set_timeout       (ConnectSync   *self,
                                              guint          seconds);
void          connect_sync_set_deadline      (ConnectSync   *self,
                                              guint          msec);
void          connect_sync_set_max_size      (ConnectSync   *self,
                                              gsize          max_size);
void          connect_sync_set_retries       (ConnectSync   *self,
                                              guint          max_retries,
                                              guint          first_delay_msec);
/* Trust the CAs in @pem_file (in addition to nothing else: the session's
 * database is replaced). %NULL restores the system database. */
gboolean      connect_sync_set_ca_file       (ConnectSync   *self,
                                              const char    *pem_file,
                                              GError       **error);
/* A partner access token, sent as "Authorization: Bearer" only over
 * HTTPS to the host (and port) of the URL being fetched, never after a
 * redirect to another host. %NULL for none. Kept in memory only. */
void          connect_sync_set_token         (ConnectSync   *self,
                                              const char    *token);

/* Fetches and validates @url. @etag / @last_modified (nullable) make it a
 * conditional GET. */
void                connect_sync_fetch_async  (ConnectSync         *self,
                                               const char          *url,
                                               const char          *etag,
                                               const char          *last_modified,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ConnectFetchResult *connect_sync_fetch_finish (ConnectSync         *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Fetches @url into the cache in @cache_dir: a conditional GET when
 * @conditional and the verified cache came from @url; a 200 that validates
 * is saved (body, then meta), a 304 refreshes the meta's "checked" time.
 * On any failure the cache is left exactly as it was. */
void                connect_sync_update_cache_async  (ConnectSync         *self,
                                                      const char          *url,
                                                      const char          *cache_dir,
                                                      gboolean             conditional,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ConnectFetchResult *connect_sync_update_cache_finish (ConnectSync         *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Blocking versions for the command line: they iterate the thread-default
 * main context until done. */
ConnectFetchResult *connect_sync_fetch           (ConnectSync   *self,
                                                  const char    *url,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
ConnectFetchResult *connect_sync_update_cache    (ConnectSync   *self,
                                                  const char    *url,
                                                  const char    *cache_dir,
                                                  GCancellable  *cancellable,
                                                  GError       **error);

/* TRUE when a bearer token for @feed_url may be sent to @request_url:
 * both https, same host and port. */
gboolean      connect_sync_token_allowed     (const char    *feed_url,
                                              const char    *request_url);

G_END_DECLS
