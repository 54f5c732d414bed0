/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cache.h: the last good feed on disk.
 *
 * Two files in one directory (by default
 * g_get_user_cache_dir()/org.connectnorway.Cohorts/): `feed.json`, the
 * bytes exactly as the server sent them (decoded), and `feed-meta.json`
 * with the ETag, Last-Modified, fetch and check times, SHA-256 and source
 * URL. Both are replaced atomically and durably (0600). A new body is
 * written as: meta with the new body announced as "pending", the body,
 * then the final meta. Whatever moment a crash hits, the body on disk
 * matches either the meta's "sha256" or its "pending" entry, so loading
 * gives the old or the new feed, never a mix; anything else (a body that
 * matches neither) is reported as CONNECT_ERROR_CACHE and ignored.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CONNECT_CACHE_FEED_FILE "feed.json"
#define CONNECT_CACHE_META_FILE "feed-meta.json"

#define CONNECT_TYPE_CACHE_META (connect_cache_meta_get_type ())

typedef struct
{
  char      *source_url;     /* the feed URL the body came from */
  char      *etag;           /* nullable */
  char      *last_modified;  /* nullable, as the server sent it */
  GDateTime *fetched;        /* last 200 (body written) */
  GDateTime *checked;        /* last 200 or 304 (data confirmed current) */
  char      *sha256;         /* of the body, lowercase hex */
  gsize      size;           /* of the body */
} ConnectCacheMeta;

GType             connect_cache_meta_get_type (void) G_GNUC_CONST;
ConnectCacheMeta *connect_cache_meta_new      (void);
ConnectCacheMeta *connect_cache_meta_copy     (const ConnectCacheMeta *meta);
void              connect_cache_meta_free     (ConnectCacheMeta       *meta);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectCacheMeta, connect_cache_meta_free)

/* g_get_user_cache_dir()/org.connectnorway.Cohorts */
char     *connect_cache_get_default_dir (void);

/* Reads and verifies the cache. No cache: G_IO_ERROR_NOT_FOUND. A meta
 * file that cannot be parsed, or a body whose SHA-256 does not match:
 * CONNECT_ERROR_CACHE. Blocking: call from a worker thread for big feeds. */
gboolean  connect_cache_load            (const char        *dir,
                                         GBytes           **out_bytes,
                                         ConnectCacheMeta **out_meta,
                                         GError           **error);
/* Reads only the meta file (no verification of the body). */
ConnectCacheMeta *connect_cache_load_meta (const char      *dir,
                                           GError         **error);

/* Writes @bytes (nullable: keep the body, write the meta only, for a 304)
 * and @meta; @meta's sha256 and size are set from @bytes. Creates @dir
 * (0700). Blocking. */
gboolean  connect_cache_save            (const char        *dir,
                                         GBytes            *bytes,
                                         ConnectCacheMeta  *meta,
                                         GError           **error);
void      connect_cache_save_async      (const char        *dir,
                                         GBytes            *bytes,
                                         const ConnectCacheMeta *meta,
                                         GCancellable      *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer           user_data);
gboolean  connect_cache_save_finish     (GAsyncResult      *result,
                                         GError           **error);

G_END_DECLS
