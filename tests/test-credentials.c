/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "connect-cache.h"
#include "connect-credentials.h"
#include "connect-error.h"
#include "connect-sync.h"
#include "test-server.h"
#include "test-slow.h"

/* libsecret's file backend (SECRET_BACKEND=file, set by tests/meson.build)
 * with a keyring in a temporary folder: no D-Bus needed. */

static void
test_store_lookup_clear (void)
{
  const char *url = "https://feed.example.org/feed.json";
  const char *other = "https://other.example.org/feed.json";
  g_autoptr(GError) error = NULL;
  char *token;

  token = connect_credentials_lookup (url, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (token);

  g_assert_true (connect_credentials_store (url, "s3cret-token", NULL, &error));
  g_assert_no_error (error);

  token = connect_credentials_lookup (url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "s3cret-token");
  secret_password_free (token);

  /* Per feed URL. */
  token = connect_credentials_lookup (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (token);

  /* Replaced, not added. */
  g_assert_true (connect_credentials_store (url, "new-token", NULL, &error));
  token = connect_credentials_lookup (url, NULL, &error);
  g_assert_cmpstr (token, ==, "new-token");
  secret_password_free (token);

  g_assert_true (connect_credentials_clear (url, NULL, &error));
  g_assert_no_error (error);
  token = connect_credentials_lookup (url, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (token);
}

static void
async_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  const char *url = "https://async.example.org/feed.json";
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  connect_credentials_store_async (url, "async-token", NULL, async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (connect_credentials_store_finish (result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  connect_credentials_lookup_async (url, NULL, async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  token = connect_credentials_lookup_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "async-token");
  secret_password_free (token);
  g_clear_object (&result);

  connect_credentials_clear_async (url, NULL, async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (connect_credentials_clear_finish (result, &error));
  g_assert_no_error (error);
}

static ConnectSync *
new_sync (void)
{
  ConnectSync *sync = connect_sync_new ();
  g_autofree char *ca = test_cert_path ("ca.pem");
  g_autoptr(GError) error = NULL;

  connect_sync_set_ca_file (sync, ca, &error);
  g_assert_no_error (error);
  connect_sync_set_retries (sync, 0, 10);
  connect_sync_set_deadline (sync, 10000 * connect_test_time_scale ());
  return sync;
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  return g_strstr_len (data, (gssize) length, needle) != NULL;
}

static void
test_bearer_same_host_only (void)
{
  g_autoptr(GBytes) feed = test_read_feed ("minimal.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autofree char *url = test_server_url (server, "/echo");
  g_autofree char *same = test_server_url (server, "/to-feed");
  g_autofree char *cross = test_server_url (server, "/to-localhost");
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "cred", NULL);
  g_autofree char *body = g_build_filename (dir, CONNECT_CACHE_FEED_FILE, NULL);
  g_autofree char *meta = g_build_filename (dir, CONNECT_CACHE_META_FILE, NULL);
  g_autoptr(ConnectFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  /* The token comes from the secret store, for this feed URL. */
  g_assert_true (connect_credentials_store (url, "partner-token", NULL, &error));
  g_assert_no_error (error);
  token = connect_credentials_lookup (url, NULL, &error);
  g_assert_no_error (error);

  /* Same https host: sent. */
  connect_sync_set_token (sync, token);
  result = connect_sync_update_cache (sync, url, dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (server->last_authorization, ==, "Bearer partner-token");
  g_clear_pointer (&result, connect_fetch_result_free);

  /* Never written to the cache. */
  g_assert_false (file_contains (body, "partner-token"));
  g_assert_false (file_contains (meta, "partner-token"));

  /* A redirect on the same host keeps it. */
  g_clear_pointer (&server->last_authorization, g_free);
  connect_sync_set_token (sync, token);
  result = connect_sync_fetch (sync, same, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (test_server_hits (server, "/to-feed"), ==, 1);
  g_assert_cmpstr (server->last_authorization, ==, "Bearer partner-token");
  g_clear_pointer (&result, connect_fetch_result_free);

  /* A redirect to another host name (localhost, same server) drops it:
   * the first request carries it, the redirected one does not. */
  result = connect_sync_fetch (sync, cross, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result->feed);
  g_assert_true (g_str_has_prefix (result->url, "https://localhost:"));
  g_assert_null (server->last_authorization);

  secret_password_free (token);
}

static void
test_no_secret_service (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      /* No Secret Service on this bus: nothing to keep the token in. */
      g_setenv ("SECRET_BACKEND", "service", TRUE);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/connect-test-bus", TRUE);

      g_assert_false (connect_credentials_store ("https://feed.example.org/f.json",
                                                 "secret-value", NULL, &error));
      g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_CREDENTIALS);
      g_assert_nonnull (strstr (error->message, "not kept"));
      /* The message never contains the token. */
      g_assert_null (strstr (error->message, "secret-value"));
      g_print ("%s\n", error->message);
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*password store*");
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
  g_assert_nonnull (keyring_dir);
  keyring = g_build_filename (keyring_dir, "test.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-password", TRUE);

  g_test_add_func ("/connect/credentials/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/connect/credentials/async", test_async);
  g_test_add_func ("/connect/credentials/bearer-same-host-only", test_bearer_same_host_only);
  g_test_add_func ("/connect/credentials/no-secret-service", test_no_secret_service);

  ret = g_test_run ();
  g_unlink (keyring);
  g_rmdir (keyring_dir);
  return ret;
}
