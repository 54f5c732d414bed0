/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "connect-cache.h"
#include "connect-error.h"
#include "connect-store.h"
#include "test-server.h"
#include "test-slow.h"

typedef struct
{
  GSettings    *settings;
  char         *dir;
  ConnectStore *store;
  guint         n_changed_signals;
  guint         last_n_changes;
  guint         feed_notifies;
} Fixture;

static void
changed_cb (ConnectStore *store,
            guint         n_changes,
            Fixture      *fx)
{
  fx->n_changed_signals++;
  fx->last_n_changes = n_changes;
}

static void
feed_notify_cb (ConnectStore *store,
                GParamSpec   *pspec,
                Fixture      *fx)
{
  fx->feed_notifies++;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->settings = g_settings_new ("org.connectnorway.Cohorts");
  fx->dir = g_build_filename (g_get_user_cache_dir (), "store-test", NULL);
}

static void
make_store (Fixture *fx)
{
  g_autofree char *ca = test_cert_path ("ca.pem");
  ConnectSync *sync;

  fx->store = connect_store_new_full (fx->settings, fx->dir);
  sync = connect_store_get_sync (fx->store);
  g_assert_true (connect_sync_set_ca_file (sync, ca, NULL));
  connect_sync_set_retries (sync, 0, 10);
  connect_sync_set_deadline (sync, 10000 * connect_test_time_scale ());
  g_signal_connect (fx->store, "changed", G_CALLBACK (changed_cb), fx);
  g_signal_connect (fx->store, "notify::feed", G_CALLBACK (feed_notify_cb), fx);
}

static gboolean timeout_cb (gpointer data);

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  if (fx->store != NULL)
    {
      ConnectStore *store = fx->store;

      /* Nothing keeps a store alive once its owner drops it, once the
       * work in flight (a sync, a diff) has ended. */
      guint id = g_timeout_add_seconds (20 * connect_test_time_scale (), timeout_cb, NULL);

      g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
      g_clear_object (&fx->store);
      {
        while (store != NULL)
          {
            /* Not blocking: a release in another thread would not wake
             * the main context. */
            g_main_context_iteration (NULL, FALSE);
            g_usleep (1000);
          }
      }
      g_source_remove (id);
    }
  g_settings_reset (fx->settings, "feed-url");
  g_clear_object (&fx->settings);
  g_free (fx->dir);
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("Timed out waiting for the store");
  return G_SOURCE_REMOVE;
}

/* Iterates until the store is idle or in error with a feed. */
static void
wait_settled (ConnectStore *store)
{
  guint id = g_timeout_add_seconds (20 * connect_test_time_scale (), timeout_cb, NULL);

  while (connect_store_get_feed (store) == NULL
         || connect_store_get_sync_state (store) == CONNECT_SYNC_STATE_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static void
wait_state_change (ConnectStore *store)
{
  wait_settled (store);
}

static void
seed_cache (Fixture    *fx,
            const char *url,
            const char *feed_name,
            int         days_ago)
{
  g_autoptr(GBytes) feed = test_read_feed (feed_name);
  g_autoptr(ConnectCacheMeta) meta = connect_cache_meta_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  meta->source_url = g_strdup (url);
  meta->etag = g_strdup ("\"cached\"");
  meta->fetched = g_date_time_add_days (now, -days_ago);
  meta->checked = g_date_time_add_days (now, -days_ago);
  g_assert_true (connect_cache_save (fx->dir, feed, meta, &error));
  g_assert_no_error (error);
}

static GBytes *
read_file_bytes (const char *dir,
                 const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (data, length);
}

static void
test_sample (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *status = NULL;

  make_store (fx);
  g_assert_null (connect_store_get_feed (fx->store));
  connect_store_start (fx->store);
  wait_settled (fx->store);

  g_assert_nonnull (connect_store_get_feed (fx->store));
  g_assert_cmpint (connect_store_get_source (fx->store), ==, CONNECT_FEED_SOURCE_SAMPLE);
  g_assert_false (connect_store_get_can_sync (fx->store));
  g_assert_cmpint (connect_store_get_sync_state (fx->store), ==, CONNECT_SYNC_STATE_IDLE);
  g_assert_null (connect_store_get_last_success (fx->store));
  g_assert_false (connect_store_get_stale (fx->store));
  g_assert_cmpint (connect_store_get_data_age (fx->store), ==, -1);
  status = connect_store_format_status (fx->store, NULL);
  g_assert_cmpstr (status, ==, "Sample data");

  /* Nothing to sync. */
  connect_store_sync (fx->store);
  g_assert_false (connect_store_get_syncing (fx->store));
  g_assert_cmpuint (fx->n_changed_signals, ==, 0);
}

static void
test_sync_and_changes (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("base.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autofree char *url = test_server_url (server, "/feed");
  g_autofree char *status = NULL;
  ConnectFeed *first;
  GListModel *changes;

  g_settings_set_string (fx->settings, "feed-url", url);
  make_store (fx);
  g_assert_cmpstr (connect_store_get_feed_url (fx->store), ==, url);
  g_assert_true (connect_store_get_can_sync (fx->store));
  changes = connect_store_get_changes (fx->store);
  g_assert_true (g_list_model_get_item_type (changes) == CONNECT_TYPE_CHANGE);

  /* No cache: the sample at once, then the network. */
  connect_store_start (fx->store);
  wait_settled (fx->store);
  while (connect_store_get_source (fx->store) != CONNECT_FEED_SOURCE_NETWORK)
    {
      wait_settled (fx->store);
      g_assert_cmpint (connect_store_get_sync_state (fx->store), !=, CONNECT_SYNC_STATE_ERROR);
      g_main_context_iteration (NULL, TRUE);
    }
  wait_settled (fx->store);
  g_assert_cmpint (connect_store_get_sync_state (fx->store), ==, CONNECT_SYNC_STATE_IDLE);
  g_assert_null (connect_store_get_error (fx->store));
  g_assert_nonnull (connect_store_get_last_success (fx->store));
  g_assert_false (connect_store_get_stale (fx->store));
  /* The sample is not an earlier version: no changes reported. */
  g_assert_cmpuint (fx->n_changed_signals, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  status = connect_store_format_status (fx->store, NULL);
  g_assert_cmpstr (status, ==, "Updated just now");
  first = connect_store_get_feed (fx->store);

  /* Nothing new: a 304, the same feed object. */
  connect_store_sync (fx->store);
  g_assert_true (connect_store_get_syncing (fx->store));
  wait_state_change (fx->store);
  g_assert_true (connect_store_get_feed (fx->store) == first);
  g_assert_cmpuint (fx->n_changed_signals, ==, 0);

  /* A new version with one cohort changed. */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (feed, NULL), g_bytes_get_size (feed));
    g_autoptr(GString) s = g_string_new (text);
    ConnectChange *change;

    g_assert_cmpuint (g_string_replace (s, "\"status\": \"open\"", "\"status\": \"suspended\"", 1), ==, 1);
    g_bytes_unref (server->feed);
    server->feed = g_bytes_new (s->str, s->len);
    g_free (server->etag);
    server->etag = g_strdup ("\"v2\"");

    connect_store_sync (fx->store);
    wait_state_change (fx->store);
    g_assert_cmpint (connect_store_get_sync_state (fx->store), ==, CONNECT_SYNC_STATE_IDLE);
    g_assert_true (connect_store_get_feed (fx->store) != first);
    g_assert_cmpuint (fx->n_changed_signals, ==, 1);
    g_assert_cmpuint (fx->last_n_changes, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
    change = g_list_model_get_item (changes, 0);
    g_assert_cmpstr (connect_change_get_kind (change), ==, "cohort-changed");
    g_assert_cmpstr (connect_change_get_field (change), ==, "status");
    g_object_unref (change);
  }

  /* A broken version: error, and the feed and cache stay. */
  {
    static const char broken[] = "{\"format\": \"connect-feed\", \"version\": 1, \"trials\": [";
    g_autoptr(GBytes) body_before = read_file_bytes (fx->dir, CONNECT_CACHE_FEED_FILE);
    g_autoptr(GBytes) meta_before = read_file_bytes (fx->dir, CONNECT_CACHE_META_FILE);
    g_autoptr(GBytes) body_after = NULL;
    g_autoptr(GBytes) meta_after = NULL;
    ConnectFeed *good = connect_store_get_feed (fx->store);
    const GError *error;

    g_bytes_unref (server->feed);
    server->feed = g_bytes_new_static (broken, strlen (broken));
    g_free (server->etag);
    server->etag = g_strdup ("\"v3\"");

    connect_store_sync (fx->store);
    wait_state_change (fx->store);
    g_assert_cmpint (connect_store_get_sync_state (fx->store), ==, CONNECT_SYNC_STATE_ERROR);
    error = connect_store_get_error (fx->store);
    g_assert_nonnull (error);
    g_assert_true (error->domain == CONNECT_ERROR);
    g_assert_true (error->code == CONNECT_ERROR_TRUNCATED || error->code == CONNECT_ERROR_INVALID_FEED);
    g_assert_cmpstr (connect_store_get_error_message (fx->store), ==, error->message);
    g_assert_true (connect_store_get_feed (fx->store) == good);
    g_assert_cmpuint (fx->n_changed_signals, ==, 1);

    body_after = read_file_bytes (fx->dir, CONNECT_CACHE_FEED_FILE);
    meta_after = read_file_bytes (fx->dir, CONNECT_CACHE_META_FILE);
    g_assert_true (g_bytes_equal (body_before, body_after));
    g_assert_true (g_bytes_equal (meta_before, meta_after));
  }
}

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (socket, address, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_cache_first_offline (Fixture       *fx,
                          gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("https://127.0.0.1:%u/feed.json", free_port ());
  g_autofree char *status = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  seed_cache (fx, url, "base.json", 3);
  g_settings_set_string (fx->settings, "feed-url", url);
  make_store (fx);
  connect_store_start (fx->store);

  /* The cache shows at once (before the sync ends). */
  while (connect_store_get_feed (fx->store) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (connect_store_get_source (fx->store), ==, CONNECT_FEED_SOURCE_CACHE);
  g_assert_nonnull (connect_store_get_last_success (fx->store));
  g_assert_cmpint (connect_store_get_data_age (fx->store) / G_TIME_SPAN_DAY, ==, 3);

  /* Then the sync fails: the cached data stays. */
  wait_settled (fx->store);
  g_assert_cmpint (connect_store_get_sync_state (fx->store), ==, CONNECT_SYNC_STATE_ERROR);
  g_assert_error ((GError *) connect_store_get_error (fx->store), CONNECT_ERROR, CONNECT_ERROR_CONNECTION);
  g_assert_cmpint (connect_store_get_source (fx->store), ==, CONNECT_FEED_SOURCE_CACHE);

  local = g_date_time_to_local (connect_store_get_last_success (fx->store));
  date = g_date_time_format (local, "%-d %b");
  expected = g_strdup_printf ("Offline — showing data from %s", date);
  status = connect_store_format_status (fx->store, NULL);
  g_assert_cmpstr (status, ==, expected);
}

static void
test_stale (Fixture       *fx,
            gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("https://127.0.0.1:%u/feed.json", free_port ());
  g_autofree char *status = NULL;

  seed_cache (fx, url, "base.json", 9);
  g_settings_set_string (fx->settings, "feed-url", url);
  make_store (fx);
  connect_store_start (fx->store);
  while (connect_store_get_feed (fx->store) == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (connect_store_get_stale (fx->store));
  g_assert_true (connect_store_get_syncing (fx->store));
  status = connect_store_format_status (fx->store, NULL);
  g_assert_cmpstr (status, ==, "Data is 9 days old");
  wait_settled (fx->store);
  g_assert_true (connect_store_get_stale (fx->store));
}

static void
test_corrupt_cache (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("https://127.0.0.1:%u/feed.json", free_port ());
  g_autofree char *body = NULL;

  seed_cache (fx, url, "base.json", 1);
  body = g_build_filename (fx->dir, CONNECT_CACHE_FEED_FILE, NULL);
  g_assert_true (g_file_set_contents (body, "{\"tampered\": true}", -1, NULL));

  g_settings_set_string (fx->settings, "feed-url", url);
  make_store (fx);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*checksum*");
  connect_store_start (fx->store);
  while (connect_store_get_feed (fx->store) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_test_assert_expected_messages ();

  /* The embedded sample instead; the next sync repairs the cache. */
  g_assert_cmpint (connect_store_get_source (fx->store), ==, CONNECT_FEED_SOURCE_SAMPLE);
  g_assert_null (connect_store_get_last_success (fx->store));
  wait_settled (fx->store);
}

static void
test_repair (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("base.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autofree char *url = test_server_url (server, "/feed");
  g_autofree char *body = NULL;
  g_autoptr(GBytes) cached = NULL;

  /* A cache whose body does not parse (but whose checksum matches). */
  {
    g_autoptr(ConnectCacheMeta) meta = connect_cache_meta_new ();
    g_autoptr(GBytes) junk = g_bytes_new_static ("[1, 2", 5);

    meta->source_url = g_strdup (url);
    meta->etag = g_strdup (server->etag);
    meta->checked = g_date_time_new_now_utc ();
    g_assert_true (connect_cache_save (fx->dir, junk, meta, NULL));
  }

  g_settings_set_string (fx->settings, "feed-url", url);
  make_store (fx);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*damaged*");
  connect_store_start (fx->store);
  while (connect_store_get_source (fx->store) != CONNECT_FEED_SOURCE_NETWORK)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (connect_store_get_sync_state (fx->store), !=, CONNECT_SYNC_STATE_ERROR);
    }
  g_test_assert_expected_messages ();
  wait_settled (fx->store);

  /* No conditional request was made for the broken copy: a full 200. */
  g_assert_true (connect_cache_load (fx->dir, &cached, NULL, NULL));
  g_assert_true (g_bytes_equal (cached, feed));
}

static void
test_network_back (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autofree char *url = test_server_url (server, "/flaky");
  GNetworkMonitor *monitor = g_network_monitor_get_default ();
  guint hits;

  /* The server fails for now. */
  server->fail_first = 1000;
  g_settings_set_string (fx->settings, "feed-url", url);
  make_store (fx);
  connect_store_start (fx->store);
  while (connect_store_get_sync_state (fx->store) != CONNECT_SYNC_STATE_ERROR)
    g_main_context_iteration (NULL, TRUE);
  wait_settled (fx->store);
  hits = test_server_hits (server, "/flaky");
  g_assert_cmpuint (hits, >=, 1);
  g_assert_error ((GError *) connect_store_get_error (fx->store), CONNECT_ERROR, CONNECT_ERROR_HTTP_STATUS);

  /* The monitor says offline: a manual sync still tries. */
  g_signal_emit_by_name (monitor, "network-changed", FALSE);
  connect_store_sync (fx->store);
  g_assert_true (connect_store_get_syncing (fx->store));
  wait_settled (fx->store);
  g_assert_cmpuint (test_server_hits (server, "/flaky"), ==, hits + 1);

  /* The network comes back: a sync by itself, which now succeeds. */
  server->fail_first = 0;
  g_signal_emit_by_name (monitor, "network-changed", TRUE);
  g_assert_true (connect_store_get_syncing (fx->store));
  wait_settled (fx->store);
  g_assert_cmpuint (test_server_hits (server, "/flaky"), ==, hits + 2);
  g_assert_cmpint (connect_store_get_sync_state (fx->store), ==, CONNECT_SYNC_STATE_IDLE);
  g_assert_cmpint (connect_store_get_source (fx->store), ==, CONNECT_FEED_SOURCE_NETWORK);

  /* Back again right after a good sync: nothing to do. */
  g_signal_emit_by_name (monitor, "network-changed", FALSE);
  g_signal_emit_by_name (monitor, "network-changed", TRUE);
  g_assert_false (connect_store_get_syncing (fx->store));
}

static void
test_refresh_interval (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("https://127.0.0.1:%u/feed.json", free_port ());

  g_settings_set_string (fx->settings, "feed-url", url);
  g_settings_set_uint (fx->settings, "refresh-interval", 45);
  make_store (fx);
  g_assert_cmpuint (connect_store_get_refresh_interval (fx->store), ==, 0);
  connect_store_start (fx->store);
  g_assert_cmpuint (connect_store_get_refresh_interval (fx->store), ==, 45);

  /* A new interval takes effect at once. */
  g_settings_set_uint (fx->settings, "refresh-interval", 10);
  g_assert_cmpuint (connect_store_get_refresh_interval (fx->store), ==, 10);

  /* No feed URL: the sample, no timer. */
  g_settings_set_string (fx->settings, "feed-url", "");
  g_assert_false (connect_store_get_can_sync (fx->store));
  g_assert_cmpuint (connect_store_get_refresh_interval (fx->store), ==, 0);
  wait_settled (fx->store);
  g_assert_cmpint (connect_store_get_source (fx->store), ==, CONNECT_FEED_SOURCE_SAMPLE);
  g_settings_reset (fx->settings, "refresh-interval");
}

static void
test_open_file (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/feed.json");
  g_autofree char *status = NULL;

  g_settings_set_string (fx->settings, "feed-url", "https://127.0.0.1:1/never.json");
  make_store (fx);

  /* A file that cannot be read, with nothing before it: no data, and the
   * status says so (not "showing sample data"). */
  connect_store_open_file (fx->store, missing);
  while (connect_store_get_sync_state (fx->store) == CONNECT_SYNC_STATE_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (connect_store_get_feed (fx->store));
  g_assert_cmpint (connect_store_get_sync_state (fx->store), ==, CONNECT_SYNC_STATE_ERROR);
  status = connect_store_format_status (fx->store, NULL);
  g_assert_cmpstr (status, ==, "No data — the feed could not be read");
  g_clear_pointer (&status, g_free);

  connect_store_open_file (fx->store, file);
  g_assert_false (connect_store_get_can_sync (fx->store));
  wait_settled (fx->store);
  g_assert_cmpint (connect_store_get_source (fx->store), ==, CONNECT_FEED_SOURCE_FILE);
  g_assert_cmpint (connect_store_get_sync_state (fx->store), ==, CONNECT_SYNC_STATE_IDLE);
  status = connect_store_format_status (fx->store, NULL);
  g_assert_cmpstr (status, ==, "Showing a feed file");

  /* No syncing with a file. */
  connect_store_sync (fx->store);
  g_assert_false (connect_store_get_syncing (fx->store));

  /* A file that cannot be read: an error, the feed stays. */
  {
    ConnectFeed *feed = connect_store_get_feed (fx->store);

    connect_store_open_file (fx->store, missing);
    wait_settled (fx->store);
    g_assert_cmpint (connect_store_get_sync_state (fx->store), ==, CONNECT_SYNC_STATE_ERROR);
    g_assert_nonnull (connect_store_get_error (fx->store));
    g_assert_true (connect_store_get_feed (fx->store) == feed);
  }
}

static void
test_format_status (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autofree char *url = test_server_url (server, "/feed");
  GDateTime *success;
  struct { int minutes; const char *text; } cases[] = {
    { 0, "Updated just now" },
    { 1, "Updated 1 minute ago" },
    { 5, "Updated 5 minutes ago" },
    { 60, "Updated 1 hour ago" },
    { 150, "Updated 2 hours ago" },
    { 60 * 24, "Updated 1 day ago" },
    { 60 * 24 * 3, "Updated 3 days ago" },
    { 60 * 24 * 7 + 1, "Data is 7 days old" },
    { 60 * 24 * 9, "Data is 9 days old" },
  };

  g_settings_set_string (fx->settings, "feed-url", url);
  make_store (fx);
  connect_store_start (fx->store);
  while (connect_store_get_source (fx->store) != CONNECT_FEED_SOURCE_NETWORK)
    g_main_context_iteration (NULL, TRUE);
  wait_settled (fx->store);
  success = connect_store_get_last_success (fx->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = g_date_time_add_minutes (success, cases[i].minutes);
      g_autofree char *text = connect_store_format_status (fx->store, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_dir = NULL;
  g_autofree char *keyring = NULL;
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  keyring_dir = g_dir_make_tmp ("connect-keyring-XXXXXX", NULL);
  keyring = g_build_filename (keyring_dir, "test.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-password", TRUE);

#define ADD(path, func) \
  g_test_add ("/connect/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sample", test_sample);
  ADD ("sync-and-changes", test_sync_and_changes);
  ADD ("cache-first-offline", test_cache_first_offline);
  ADD ("stale", test_stale);
  ADD ("corrupt-cache", test_corrupt_cache);
  ADD ("repair", test_repair);
  ADD ("network-back", test_network_back);
  ADD ("refresh-interval", test_refresh_interval);
  ADD ("open-file", test_open_file);
  ADD ("format-status", test_format_status);

  ret = g_test_run ();
  g_unlink (keyring);
  g_rmdir (keyring_dir);
  return ret;
}
