/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "connect-cache.h"
#include "connect-error.h"
#include "connect-sync.h"
#include "test-server.h"
#include "test-slow.h"

/* Under AddressSanitizer (build-aux/harden) every allocation records a full
 * stack, which makes TLS several times slower; under valgrind
 * (CONNECT_TEST_SLOW=1, see test-slow.h) every instruction is: the upper
 * bounds of the timing checks grow by these factors there; the lower
 * bounds, the error classes and the cache checks stay. */
#if defined (__SANITIZE_ADDRESS__)
# define ASAN_SCALE 4
#elif defined (__has_feature)
# if __has_feature (address_sanitizer)
#  define ASAN_SCALE 4
# endif
#endif
#ifndef ASAN_SCALE
# define ASAN_SCALE 1
#endif
#define SLOW_SCALE (ASAN_SCALE * connect_test_time_scale ())

/* Every failure case: the error class AND a cache left byte for byte. */

/* A resolver that finds no name at all, for the name-resolution class
 * without any DNS. */
typedef struct { GResolver parent_instance; } FailResolver;
typedef struct { GResolverClass parent_class; } FailResolverClass;
static GType fail_resolver_get_type (void);
G_DEFINE_TYPE (FailResolver, fail_resolver, G_TYPE_RESOLVER)

static GList *
fail_lookup (GResolver     *resolver,
             const char    *hostname,
             GCancellable  *cancellable,
             GError       **error)
{
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
               "No such host: %s", hostname);
  return NULL;
}

static GList *
fail_lookup_with_flags (GResolver                *resolver,
                        const char               *hostname,
                        GResolverNameLookupFlags  flags,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  return fail_lookup (resolver, hostname, cancellable, error);
}

static void
fail_lookup_async (GResolver           *resolver,
                   const char          *hostname,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             data)
{
  g_task_report_new_error (resolver, callback, data, fail_lookup_async,
                           G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                           "No such host: %s", hostname);
}

static void
fail_lookup_with_flags_async (GResolver                *resolver,
                              const char               *hostname,
                              GResolverNameLookupFlags  flags,
                              GCancellable             *cancellable,
                              GAsyncReadyCallback       callback,
                              gpointer                  data)
{
  fail_lookup_async (resolver, hostname, cancellable, callback, data);
}

static GList *
fail_lookup_finish (GResolver     *resolver,
                    GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
fail_resolver_class_init (FailResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = fail_lookup;
  resolver_class->lookup_by_name_async = fail_lookup_async;
  resolver_class->lookup_by_name_finish = fail_lookup_finish;
  resolver_class->lookup_by_name_with_flags = fail_lookup_with_flags;
  resolver_class->lookup_by_name_with_flags_async = fail_lookup_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = fail_lookup_finish;
}

static void
fail_resolver_init (FailResolver *self)
{
}

/* A network monitor that says "offline". */
typedef struct { GObject parent_instance; } OfflineMonitor;
typedef struct { GObjectClass parent_class; } OfflineMonitorClass;
static GType offline_monitor_get_type (void);
static void offline_monitor_iface_init (GNetworkMonitorInterface *iface);
static void offline_initable_iface_init (GInitableIface *iface);
G_DEFINE_TYPE_WITH_CODE (OfflineMonitor, offline_monitor, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, offline_initable_iface_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, offline_monitor_iface_init))

enum { PROP_AVAILABLE = 1, PROP_METERED, PROP_CONNECTIVITY };

static void
offline_monitor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_AVAILABLE:
    case PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
offline_can_reach (GNetworkMonitor     *monitor,
                   GSocketConnectable  *connectable,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "Offline");
  return FALSE;
}

static void
offline_can_reach_async (GNetworkMonitor     *monitor,
                         GSocketConnectable  *connectable,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             data)
{
  g_task_report_new_error (monitor, callback, data, offline_can_reach_async,
                           G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "Offline");
}

static gboolean
offline_can_reach_finish (GNetworkMonitor  *monitor,
                          GAsyncResult     *result,
                          GError          **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
offline_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = offline_can_reach;
  iface->can_reach_async = offline_can_reach_async;
  iface->can_reach_finish = offline_can_reach_finish;
}

static gboolean
offline_initable_init (GInitable     *initable,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return TRUE;
}

static void
offline_initable_iface_init (GInitableIface *iface)
{
  iface->init = offline_initable_init;
}

static void
offline_monitor_class_init (OfflineMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = offline_monitor_get_property;
  g_object_class_override_property (object_class, PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
offline_monitor_init (OfflineMonitor *self)
{
}


typedef struct
{
  char   *dir;
  GBytes *old_body;
  GBytes *old_meta;
} Fixture;

static GBytes *
read_bytes (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GBytes) old = test_read_feed ("base.json");
  g_autoptr(ConnectCacheMeta) meta = connect_cache_meta_new ();
  g_autoptr(GError) error = NULL;

  fx->dir = g_build_filename (g_get_user_cache_dir (), "sync-test", NULL);
  meta->source_url = g_strdup ("https://example.invalid/old.json");
  meta->etag = g_strdup ("\"old\"");
  meta->fetched = g_date_time_new_now_utc ();
  meta->checked = g_date_time_new_now_utc ();
  connect_cache_save (fx->dir, old, meta, &error);
  g_assert_no_error (error);
  fx->old_body = read_bytes (fx->dir, CONNECT_CACHE_FEED_FILE);
  fx->old_meta = read_bytes (fx->dir, CONNECT_CACHE_META_FILE);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *body = g_build_filename (fx->dir, CONNECT_CACHE_FEED_FILE, NULL);
  g_autofree char *meta = g_build_filename (fx->dir, CONNECT_CACHE_META_FILE, NULL);

  g_unlink (body);
  g_unlink (meta);
  g_rmdir (fx->dir);
  g_free (fx->dir);
  g_bytes_unref (fx->old_body);
  g_bytes_unref (fx->old_meta);
}

static void
assert_cache_untouched (Fixture *fx)
{
  g_autoptr(GBytes) body = read_bytes (fx->dir, CONNECT_CACHE_FEED_FILE);
  g_autoptr(GBytes) meta = read_bytes (fx->dir, CONNECT_CACHE_META_FILE);

  g_assert_true (g_bytes_equal (body, fx->old_body));
  g_assert_true (g_bytes_equal (meta, fx->old_meta));
}

static ConnectSync *
new_sync (void)
{
  ConnectSync *sync = connect_sync_new ();
  g_autofree char *ca = test_cert_path ("ca.pem");
  g_autoptr(GError) error = NULL;

  connect_sync_set_ca_file (sync, ca, &error);
  g_assert_no_error (error);
  connect_sync_set_timeout (sync, SLOW_SCALE * 5);
  connect_sync_set_deadline (sync, SLOW_SCALE * 10000);
  connect_sync_set_retries (sync, 2, 10);
  return sync;
}

/* Runs a cache update that must fail with @code, and checks the cache. */
static GError *
expect_failure (Fixture     *fx,
                ConnectSync *sync,
                const char  *url,
                int          code)
{
  g_autoptr(ConnectFetchResult) result = NULL;
  GError *error = NULL;

  result = connect_sync_update_cache (sync, url, fx->dir, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CONNECT_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("%s → %s", url, error->message);
  assert_cache_untouched (fx);
  return error;
}

static void
test_success (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/feed");
  g_autoptr(ConnectFetchResult) result = NULL;
  g_autoptr(ConnectCacheMeta) meta = NULL;
  g_autoptr(GBytes) cached = NULL;
  g_autoptr(GError) error = NULL;

  result = connect_sync_update_cache (sync, url, fx->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (result->not_modified);
  g_assert_nonnull (result->feed);
  g_assert_true (g_bytes_equal (result->bytes, feed));
  g_assert_cmpstr (result->etag, ==, "\"v1\"");
  g_assert_cmpuint (result->status, ==, 200);
  g_assert_cmpuint (result->attempts, ==, 1);
  g_assert_cmpstr (server->last_user_agent, ==, "connect-cohorts/" PACKAGE_VERSION);
  g_assert_null (server->last_authorization);

  /* The cache now holds exactly the new feed, verified. */
  connect_cache_load (fx->dir, &cached, &meta, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (cached, feed));
  g_assert_cmpstr (meta->source_url, ==, url);
  g_assert_cmpstr (meta->etag, ==, "\"v1\"");
  g_assert_cmpstr (meta->last_modified, ==, server->last_modified);
  g_assert_nonnull (meta->fetched);
  g_assert_nonnull (meta->checked);
}

static void
test_not_modified (Fixture       *fx,
                   gconstpointer  data)
{
  const char *path = data;
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, path);
  g_autoptr(ConnectFetchResult) first = NULL;
  g_autoptr(ConnectFetchResult) second = NULL;
  g_autoptr(ConnectCacheMeta) meta1 = NULL;
  g_autoptr(ConnectCacheMeta) meta2 = NULL;
  g_autoptr(GBytes) body1 = NULL;
  g_autoptr(GBytes) body2 = NULL;
  g_autoptr(GError) error = NULL;

  first = connect_sync_update_cache (sync, url, fx->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (first->not_modified);
  connect_cache_load (fx->dir, &body1, &meta1, &error);
  g_assert_no_error (error);

  g_usleep (10 * 1000);
  second = connect_sync_update_cache (sync, url, fx->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (second->not_modified);
  g_assert_null (second->feed);
  g_assert_null (second->bytes);
  g_assert_cmpuint (second->status, ==, 304);
  g_assert_cmpuint (test_server_hits (server, path), ==, 2);

  /* Body untouched, "checked" moved on. */
  connect_cache_load (fx->dir, &body2, &meta2, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (body1, body2));
  g_assert_cmpstr (meta1->sha256, ==, meta2->sha256);
  g_assert_true (g_date_time_equal (meta1->fetched, meta2->fetched));
  g_assert_cmpint (g_date_time_compare (meta2->checked, meta1->checked), >, 0);
}

static void
test_retry_then_success (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/flaky");
  g_autoptr(ConnectFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  server->fail_first = 1;
  result = connect_sync_update_cache (sync, url, fx->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result->feed);
  g_assert_cmpuint (result->attempts, ==, 2);
  g_assert_cmpuint (test_server_hits (server, "/flaky"), ==, 2);
}

static void
test_5xx_gives_up (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/always500");
  g_autoptr(GError) error = NULL;

  error = expect_failure (fx, sync, url, CONNECT_ERROR_HTTP_STATUS);
  /* 1 + 2 retries */
  g_assert_cmpuint (test_server_hits (server, "/always500"), ==, 3);
}

static void
test_404_no_retry (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/missing");
  g_autoptr(GError) error = NULL;

  error = expect_failure (fx, sync, url, CONNECT_ERROR_HTTP_STATUS);
  g_assert_nonnull (strstr (error->message, "404"));
  g_assert_cmpuint (test_server_hits (server, "/missing"), ==, 1);
}

static void
test_untrusted (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("selfsigned", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/feed");
  g_autoptr(GError) error = NULL;

  error = expect_failure (fx, sync, url, CONNECT_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "not trusted"));
  /* No retry for TLS errors, and the request never reached the handler. */
  g_assert_cmpuint (test_server_hits (server, "/feed"), ==, 0);
}

static void
test_system_ca_does_not_trust_test_ca (Fixture       *fx,
                                       gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = connect_sync_new ();
  g_autofree char *url = test_server_url (server, "/feed");
  g_autoptr(GError) error = NULL;

  connect_sync_set_retries (sync, 0, 10);
  error = expect_failure (fx, sync, url, CONNECT_ERROR_TLS);
}

static void
test_wrong_host (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("wronghost", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/feed");
  g_autoptr(GError) error = NULL;

  error = expect_failure (fx, sync, url, CONNECT_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "another server"));
  g_assert_cmpuint (test_server_hits (server, "/feed"), ==, 0);
}

static void
test_expired (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("expired", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/feed");
  g_autoptr(GError) error = NULL;

  error = expect_failure (fx, sync, url, CONNECT_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "expired"));
  g_assert_cmpuint (test_server_hits (server, "/feed"), ==, 0);
}

static void
test_backoff (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/always500");
  g_autoptr(GError) error = NULL;
  gint64 start, elapsed;

  /* 3 retries after 200, 400 and 800 ms, each jittered into [d/2, d]:
   * between 700 and 1400 ms of waiting in all. */
  connect_sync_set_retries (sync, 3, 200);
  start = g_get_monotonic_time ();
  error = expect_failure (fx, sync, url, CONNECT_ERROR_HTTP_STATUS);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("4 attempts in %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpuint (test_server_hits (server, "/always500"), ==, 4);
  g_assert_cmpint (elapsed, >=, 700 * 1000);
  g_assert_cmpint (elapsed, <, SLOW_SCALE * 3000 * 1000);
}

static void
test_hanging_deadline (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/hang");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  connect_sync_set_timeout (sync, 30);
  connect_sync_set_deadline (sync, 500);
  error = expect_failure (fx, sync, url, CONNECT_ERROR_TIMEOUT);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("deadline hit after %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, >=, 450 * 1000);
  g_assert_cmpint (elapsed, <, SLOW_SCALE * 3 * G_USEC_PER_SEC);
}

static void
test_hanging_inactivity (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/hang");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  connect_sync_set_timeout (sync, 1);
  connect_sync_set_deadline (sync, 30000 * connect_test_time_scale ());
  connect_sync_set_retries (sync, 0, 10);
  error = expect_failure (fx, sync, url, CONNECT_ERROR_TIMEOUT);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("inactivity timeout after %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, <, SLOW_SCALE * 5 * G_USEC_PER_SEC);
}

static void
test_drip_deadline (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/drip");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  /* A byte every 100 ms never trips a 1 s inactivity timeout: only the
   * deadline ends it (10 s in a slow run, where a pause of the server may
   * pass 1 s). */
  connect_sync_set_timeout (sync, connect_test_time_scale ());
  connect_sync_set_deadline (sync, 1500);
  error = expect_failure (fx, sync, url, CONNECT_ERROR_TIMEOUT);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("drip stopped after %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, >=, 1400 * 1000);
  g_assert_cmpint (elapsed, <, SLOW_SCALE * 4 * G_USEC_PER_SEC);
  g_assert_cmpuint (test_server_hits (server, "/drip"), ==, 1);
}

static GBytes *
cut_chunked_response (void)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  GString *s = g_string_new ("HTTP/1.1 200 OK\r\n"
                             "Content-Type: application/json\r\n"
                             "Transfer-Encoding: chunked\r\n"
                             "Connection: close\r\n\r\n");
  gsize half = g_bytes_get_size (feed) / 2;

  /* One whole chunk with half the feed, then the connection drops: no
   * terminating zero-length chunk. */
  g_string_append_printf (s, "%zx\r\n", half);
  g_string_append_len (s, g_bytes_get_data (feed, NULL), (gssize) half);
  g_string_append (s, "\r\n");
  return g_string_free_to_bytes (s);
}

static void
test_truncated_chunked (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GBytes) response = cut_chunked_response ();
  g_autoptr(RawServer) raw = raw_server_new (response);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = g_strconcat (raw->base, "/feed", NULL);
  g_autoptr(GError) error = NULL;

  connect_sync_set_retries (sync, 0, 10);
  error = expect_failure (fx, sync, url, CONNECT_ERROR_TRUNCATED);
}

static void
test_short_content_length (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  GString *s = g_string_new (NULL);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(RawServer) raw = NULL;
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append_printf (s, "HTTP/1.1 200 OK\r\n"
                             "Content-Type: application/json\r\n"
                             "Content-Length: %zu\r\n"
                             "Connection: close\r\n\r\n",
                          g_bytes_get_size (feed));
  g_string_append_len (s, g_bytes_get_data (feed, NULL), (gssize) g_bytes_get_size (feed) - 40);
  response = g_string_free_to_bytes (s);
  raw = raw_server_new (response);
  url = g_strconcat (raw->base, "/feed", NULL);

  connect_sync_set_retries (sync, 0, 10);
  error = expect_failure (fx, sync, url, CONNECT_ERROR_TRUNCATED);
}

static void
test_oversized (Fixture       *fx,
                gconstpointer  data)
{
  const char *path = data;
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, path);
  g_autoptr(GError) error = NULL;

  connect_sync_set_max_size (sync, 64 * 1024);
  error = expect_failure (fx, sync, url, CONNECT_ERROR_TOO_LARGE);
  g_assert_cmpuint (test_server_hits (server, path), ==, 1);
}

static void
test_gzip_body (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("base.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/gzip");
  g_autoptr(ConnectFetchResult) result = NULL;
  g_autoptr(GBytes) cached = NULL;
  g_autoptr(GError) error = NULL;

  result = connect_sync_update_cache (sync, url, fx->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result->feed);
  /* Decoded, and the decoded bytes are what the cache keeps. */
  g_assert_true (g_bytes_equal (result->bytes, feed));
  connect_cache_load (fx->dir, &cached, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (cached, feed));
}

static void
test_gzip_bomb (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/bomb");
  g_autoptr(GError) error = NULL;

  /* 16 MiB of zeros, about 16 KiB on the wire; the cap counts decoded
   * bytes. */
  connect_sync_set_max_size (sync, 1024 * 1024);
  error = expect_failure (fx, sync, url, CONNECT_ERROR_TOO_LARGE);
}

static void
test_invalid_feed (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/invalid");
  g_autoptr(GError) error = NULL;

  error = expect_failure (fx, sync, url, CONNECT_ERROR_INVALID_FEED);
  /* The validator's message, with its place. */
  g_assert_nonnull (strstr (error->message, "cohorts[0]"));
  g_assert_cmpuint (test_server_hits (server, "/invalid"), ==, 1);
}

static void
test_broken_at_end (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/extra-brace");
  g_autoptr(GError) error = NULL;

  /* Not mistaken for a cut body. */
  error = expect_failure (fx, sync, url, CONNECT_ERROR_INVALID_FEED);
}

static void
test_http_url (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autoptr(GError) error = NULL;

  error = expect_failure (fx, sync, "http://127.0.0.1:1/feed.json", CONNECT_ERROR_INSECURE);
  g_assert_nonnull (strstr (error->message, "https://"));
}

static void
test_redirect_to_http (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/to-http");
  g_autoptr(GError) error = NULL;

  error = expect_failure (fx, sync, url, CONNECT_ERROR_INSECURE);
  g_assert_cmpuint (test_server_hits (server, "/to-http"), ==, 1);
  g_assert_cmpuint (test_server_hits (server, "/feed"), ==, 0);
}

static void
test_redirect_followed (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/to-feed");
  g_autofree char *final = test_server_url (server, "/echo");
  g_autoptr(ConnectFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = connect_sync_update_cache (sync, url, fx->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result->feed);
  g_assert_cmpstr (result->url, ==, final);
}

static void
test_redirect_loop (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/loop");
  g_autoptr(GError) error = NULL;

  error = expect_failure (fx, sync, url, CONNECT_ERROR_HTTP_STATUS);
  g_assert_cmpuint (test_server_hits (server, "/loop"), ==, CONNECT_SYNC_MAX_REDIRECTS + 1);
}

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  /* Closed again: nobody listens there. */
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_refused (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = g_strdup_printf ("https://127.0.0.1:%u/feed.json", free_port ());
  g_autoptr(GError) error = NULL;

  error = expect_failure (fx, sync, url, CONNECT_ERROR_CONNECTION);
}

static void
test_name_resolution (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GResolver) original = g_resolver_get_default ();
  g_autoptr(GResolver) failing = g_object_new (fail_resolver_get_type (), NULL);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autoptr(GError) error = NULL;

  g_resolver_set_default (failing);
  connect_sync_set_retries (sync, 0, 10);
  error = expect_failure (fx, sync, "https://feed.example.invalid/feed.json",
                          CONNECT_ERROR_NAME_RESOLUTION);
  g_resolver_set_default (original);
}

static void
test_offline (Fixture       *fx,
              gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
      g_autoptr(TestServer) server = NULL;
      g_autoptr(ConnectSync) sync = NULL;
      g_autoptr(ConnectFetchResult) result = NULL;
      g_autofree char *url = NULL;
      g_autofree char *refused = NULL;
      g_autoptr(GError) error = NULL;
      GNetworkMonitor *monitor;

      /* Before anything asks for the monitor: make it ours. */
      g_vfs_get_default ();
      g_io_extension_point_implement (G_NETWORK_MONITOR_EXTENSION_POINT_NAME,
                                      offline_monitor_get_type (),
                                      "connect-test-offline", 1000);
      g_setenv ("GIO_USE_NETWORK_MONITOR", "connect-test-offline", TRUE);
      monitor = g_network_monitor_get_default ();
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (monitor, offline_monitor_get_type ()));
      g_assert_false (g_network_monitor_get_network_available (monitor));

      server = test_server_new ("server", feed);
      sync = new_sync ();
      connect_sync_set_retries (sync, 0, 10);

      /* A fetch is never gated on the monitor: it tries, and works. */
      url = test_server_url (server, "/feed");
      result = connect_sync_fetch (sync, url, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (result->feed);

      /* A failure while the monitor says offline is "offline". */
      refused = g_strdup_printf ("https://127.0.0.1:%u/feed.json", free_port ());
      g_clear_error (&error);
      error = expect_failure (fx, sync, refused, CONNECT_ERROR_OFFLINE);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/hang");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ConnectFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_timeout_add_once (200, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  result = connect_sync_update_cache (sync, url, fx->dir, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_cache_untouched (fx);
}

static void
test_token_allowed (void)
{
  g_assert_true (connect_sync_token_allowed ("https://feed.example.org/f.json",
                                             "https://feed.example.org/other.json"));
  g_assert_true (connect_sync_token_allowed ("https://FEED.example.org/f.json",
                                             "https://feed.example.org:443/f.json"));
  g_assert_false (connect_sync_token_allowed ("https://feed.example.org/f.json",
                                              "https://cdn.example.org/f.json"));
  g_assert_false (connect_sync_token_allowed ("https://feed.example.org/f.json",
                                              "https://feed.example.org:8443/f.json"));
  g_assert_false (connect_sync_token_allowed ("https://feed.example.org/f.json",
                                              "http://feed.example.org/f.json"));
  g_assert_false (connect_sync_token_allowed ("http://feed.example.org/f.json",
                                              "http://feed.example.org/f.json"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add ("/connect/sync/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("success", test_success, NULL);
  ADD ("not-modified-etag", test_not_modified, "/feed");
  ADD ("not-modified-last-modified", test_not_modified, "/lm");
  ADD ("retry-5xx-then-success", test_retry_then_success, NULL);
  ADD ("5xx-gives-up", test_5xx_gives_up, NULL);
  ADD ("404-no-retry", test_404_no_retry, NULL);
  ADD ("tls-untrusted", test_untrusted, NULL);
  ADD ("tls-untrusted-test-ca", test_system_ca_does_not_trust_test_ca, NULL);
  ADD ("tls-wrong-host", test_wrong_host, NULL);
  ADD ("tls-expired", test_expired, NULL);
  ADD ("backoff", test_backoff, NULL);
  ADD ("hanging-deadline", test_hanging_deadline, NULL);
  ADD ("hanging-inactivity", test_hanging_inactivity, NULL);
  ADD ("drip-deadline", test_drip_deadline, NULL);
  ADD ("truncated-chunked", test_truncated_chunked, NULL);
  ADD ("short-content-length", test_short_content_length, NULL);
  ADD ("oversized", test_oversized, "/big");
  ADD ("oversized-chunked", test_oversized, "/big-chunked");
  ADD ("gzip", test_gzip_body, NULL);
  ADD ("gzip-bomb", test_gzip_bomb, NULL);
  ADD ("invalid-feed", test_invalid_feed, NULL);
  ADD ("invalid-feed-at-end", test_broken_at_end, NULL);
  ADD ("http-url", test_http_url, NULL);
  ADD ("redirect-to-http", test_redirect_to_http, NULL);
  ADD ("redirect-followed", test_redirect_followed, NULL);
  ADD ("redirect-loop", test_redirect_loop, NULL);
  ADD ("refused", test_refused, NULL);
  ADD ("name-resolution", test_name_resolution, NULL);
  ADD ("offline", test_offline, NULL);
  ADD ("cancel", test_cancel, NULL);
  g_test_add_func ("/connect/sync/token-allowed", test_token_allowed);

  return g_test_run ();
}
