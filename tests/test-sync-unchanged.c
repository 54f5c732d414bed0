/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sync of a feed that has not changed costs one request, no body and
 * no parse: a conditional GET answered 304 via the ETag. Requests are
 * counted by the server, body bytes by the client's session (message
 * metrics), parses by
 * connect_feed_get_parse_count(). */
#include "config.h"

#include <glib/gstdio.h>

#include "connect-cache.h"
#include "connect-store.h"
#include "test-server.h"
#include "test-slow.h"

typedef struct
{
  guint  requests;    /* messages the client queued */
  guint64 body_bytes; /* decoded body bytes the client read */
  guint64 network_body_bytes; /* the same as received from the network */
} ClientCount;

static gboolean
timeout_cb (gpointer data)
{
  g_error ("Timed out waiting for the store");
  return G_SOURCE_REMOVE;
}

static void
request_queued_cb (SoupSession *session,
                   SoupMessage *msg,
                   ClientCount *count)
{
  count->requests++;
  soup_message_add_flags (msg, SOUP_MESSAGE_COLLECT_METRICS);
}

static void
request_unqueued_cb (SoupSession *session,
                     SoupMessage *msg,
                     ClientCount *count)
{
  SoupMessageMetrics *metrics = soup_message_get_metrics (msg);

  g_assert_nonnull (metrics);
  /* The decoded body as read by the client */
  count->body_bytes += soup_message_metrics_get_response_body_size (metrics);
  count->network_body_bytes += soup_message_metrics_get_response_body_bytes_received (metrics);
}

static ConnectStore *
make_store (GSettings   *settings,
            const char  *dir,
            ClientCount *count)
{
  g_autofree char *ca = test_cert_path ("ca.pem");
  ConnectStore *store = connect_store_new_full (settings, dir);
  ConnectSync *sync = connect_store_get_sync (store);

  g_assert_true (connect_sync_set_ca_file (sync, ca, NULL));
  connect_sync_set_retries (sync, 0, 10);
  connect_sync_set_deadline (sync, 20000 * connect_test_time_scale ());
  g_signal_connect (connect_sync_get_session (sync), "request-queued",
                    G_CALLBACK (request_queued_cb), count);
  g_signal_connect (connect_sync_get_session (sync), "request-unqueued",
                    G_CALLBACK (request_unqueued_cb), count);
  return store;
}

/* Iterates until the store has a feed from @source and is not syncing. */
static void
wait_for (ConnectStore      *store,
          ConnectFeedSource  source)
{
  guint id = g_timeout_add_seconds (30 * connect_test_time_scale (), timeout_cb, NULL);

  while (connect_store_get_feed (store) == NULL
         || connect_store_get_source (store) != source
         || connect_store_get_syncing (store))
    {
      g_assert_cmpint (connect_store_get_sync_state (store), !=, CONNECT_SYNC_STATE_ERROR);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (id);
}

static void
release_store (ConnectStore *store)
{
  guint id = g_timeout_add_seconds (30 * connect_test_time_scale (), timeout_cb, NULL);

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_object_unref (store);
  while (store != NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_source_remove (id);
}

static void
test_unchanged (void)
{
  g_autoptr(GBytes) feed = test_read_feed ("base.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autofree char *url = test_server_url (server, "/feed");
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "unchanged", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("org.connectnorway.Cohorts");
  ClientCount count = { 0 };
  ConnectStore *store;
  ConnectFeed *first;
  guint hits, parses;
  g_autoptr(GDateTime) before = NULL;

  g_settings_set_string (settings, "feed-url", url);

  /* First run: no cache, the feed comes over the network (one parse). */
  store = make_store (settings, dir, &count);
  connect_store_start (store);
  wait_for (store, CONNECT_FEED_SOURCE_NETWORK);
  g_assert_cmpuint (test_server_hits (server, "/feed"), ==, 1);
  g_assert_cmpuint (count.body_bytes, ==, g_bytes_get_size (feed));
  first = connect_store_get_feed (store);

  /* A sync of the unchanged feed. */
  hits = test_server_hits (server, "/feed");
  parses = connect_feed_get_parse_count ();
  count.requests = 0;
  count.body_bytes = 0;
  count.network_body_bytes = 0;
  before = g_date_time_ref (connect_store_get_last_success (store));
  g_usleep (2000);
  connect_store_sync (store);
  g_assert_true (connect_store_get_syncing (store));
  wait_for (store, CONNECT_FEED_SOURCE_NETWORK);

  g_assert_cmpuint (test_server_hits (server, "/feed") - hits, ==, 1);
  g_assert_cmpuint (count.requests, ==, 1);
  g_assert_cmpuint (count.body_bytes, ==, 0);
  g_assert_cmpuint (count.network_body_bytes, ==, 0);
  g_assert_cmpuint (connect_feed_get_parse_count () - parses, ==, 0);
  /* The same data, confirmed now. */
  g_assert_true (connect_store_get_feed (store) == first);
  g_assert_null (connect_store_get_error (store));
  g_assert_cmpint (g_date_time_compare (connect_store_get_last_success (store), before), >, 0);
  release_store (store);

  /* Next start: the cache is read (one parse) and the sync of the
   * unchanged feed again costs one request, no body and no parse. */
  hits = test_server_hits (server, "/feed");
  parses = connect_feed_get_parse_count ();
  count.requests = 0;
  count.body_bytes = 0;
  count.network_body_bytes = 0;
  store = make_store (settings, dir, &count);
  connect_store_start (store);
  wait_for (store, CONNECT_FEED_SOURCE_CACHE);
  {
    guint id = g_timeout_add_seconds (30 * connect_test_time_scale (), timeout_cb, NULL);

    /* The sync that follows the cache at start. */
    while (test_server_hits (server, "/feed") == hits || connect_store_get_syncing (store))
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (id);
  }
  g_assert_cmpint (connect_store_get_sync_state (store), ==, CONNECT_SYNC_STATE_IDLE);
  g_assert_cmpuint (test_server_hits (server, "/feed") - hits, ==, 1);
  g_assert_cmpuint (count.requests, ==, 1);
  g_assert_cmpuint (count.body_bytes, ==, 0);
  g_assert_cmpuint (count.network_body_bytes, ==, 0);
  g_assert_cmpuint (connect_feed_get_parse_count () - parses, ==, 1);
  g_assert_cmpint (connect_store_get_source (store), ==, CONNECT_FEED_SOURCE_CACHE);
  release_store (store);

  g_settings_reset (settings, "feed-url");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_dir = NULL;
  g_autofree char *keyring = NULL;
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* An empty file keyring (no token), as in test-store: without a password
   * libsecret 0.20.5's file backend fails to start on every lookup and
   * loses its GFile each time (secret_file_backend_real_init_async). */
  keyring_dir = g_dir_make_tmp ("connect-keyring-XXXXXX", NULL);
  g_assert_nonnull (keyring_dir);
  keyring = g_build_filename (keyring_dir, "test.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-password", TRUE);

  g_test_add_func ("/connect/sync-unchanged/etag", test_unchanged);

  ret = g_test_run ();
  g_remove (keyring);
  g_rmdir (keyring_dir);
  return ret;
}
