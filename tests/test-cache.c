/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "connect-cache.h"
#include "connect-error.h"
#include "connect-feed.h"

static GBytes *
read_feed (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static char *
cache_dir (const char *name)
{
  return g_build_filename (g_get_user_cache_dir (), name, NULL);
}

static ConnectCacheMeta *
new_meta (void)
{
  ConnectCacheMeta *meta = connect_cache_meta_new ();

  meta->source_url = g_strdup ("https://feed.example.org/feed.json");
  meta->etag = g_strdup ("\"abc\"");
  meta->last_modified = g_strdup ("Wed, 25 Nov 2026 08:00:00 GMT");
  meta->fetched = g_date_time_new_utc (2026, 11, 25, 8, 0, 0);
  meta->checked = g_date_time_new_utc (2026, 11, 26, 9, 30, 0);
  return meta;
}

static void
write_raw (const char *dir,
           const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_default_dir (void)
{
  g_autofree char *dir = connect_cache_get_default_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (),
                                                "org.connectnorway.Cohorts", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = cache_dir ("round-trip");
  g_autofree char *body_path = g_build_filename (dir, CONNECT_CACHE_FEED_FILE, NULL);
  g_autofree char *meta_path = g_build_filename (dir, CONNECT_CACHE_META_FILE, NULL);
  g_autoptr(GBytes) feed = read_feed ("minimal.json");
  g_autoptr(ConnectCacheMeta) meta = new_meta ();
  g_autoptr(ConnectCacheMeta) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, feed);
  GStatBuf st;

  g_assert_true (connect_cache_save (dir, feed, meta, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (meta->sha256, ==, sha);

  /* Private: 0600 files in a 0700 folder. */
  g_assert_cmpint (g_stat (body_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (meta_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_assert_true (connect_cache_load (dir, &bytes, &loaded, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, feed));
  g_assert_cmpstr (loaded->source_url, ==, meta->source_url);
  g_assert_cmpstr (loaded->etag, ==, "\"abc\"");
  g_assert_cmpstr (loaded->last_modified, ==, meta->last_modified);
  g_assert_true (g_date_time_equal (loaded->fetched, meta->fetched));
  g_assert_true (g_date_time_equal (loaded->checked, meta->checked));
  g_assert_cmpstr (loaded->sha256, ==, sha);
  g_assert_cmpuint (loaded->size, ==, g_bytes_get_size (feed));
}

static void
test_meta_only (void)
{
  g_autofree char *dir = cache_dir ("meta-only");
  g_autoptr(GBytes) feed = read_feed ("minimal.json");
  g_autoptr(ConnectCacheMeta) meta = new_meta ();
  g_autoptr(ConnectCacheMeta) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (connect_cache_save (dir, feed, meta, &error));
  g_clear_pointer (&meta->checked, g_date_time_unref);
  meta->checked = g_date_time_new_utc (2026, 11, 27, 0, 0, 0);
  /* A 304: only the meta is written; the body stays and still verifies. */
  g_assert_true (connect_cache_save (dir, NULL, meta, &error));
  g_assert_no_error (error);
  g_assert_true (connect_cache_load (dir, &bytes, &loaded, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, feed));
  g_assert_true (g_date_time_equal (loaded->checked, meta->checked));
}

static void
test_missing (void)
{
  g_autofree char *dir = cache_dir ("missing");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (connect_cache_load (dir, &bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (bytes);
}

static void
test_checksum_mismatch (void)
{
  g_autofree char *dir = cache_dir ("mismatch");
  g_autoptr(GBytes) feed = read_feed ("minimal.json");
  g_autoptr(ConnectCacheMeta) meta = new_meta ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (connect_cache_save (dir, feed, meta, &error));
  /* Same length, one byte different. */
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (feed, NULL), g_bytes_get_size (feed));

    text[2] = text[2] == 'x' ? 'y' : 'x';
    write_raw (dir, CONNECT_CACHE_FEED_FILE, text);
  }
  g_assert_false (connect_cache_load (dir, &bytes, NULL, &error));
  g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_CACHE);
  g_assert_null (bytes);
}

static void
test_bad_meta (void)
{
  static const char * const bad[] = {
    "not json",
    "{\"version\": 1}",
    "{\"version\": 2, \"sha256\": \"00\", \"size\": 1}",
    "{\"version\": 1, \"sha256\": \"abc\", \"size\": 3}",
    "[]",
    "",
  };
  g_autofree char *dir = cache_dir ("bad-meta");
  g_autoptr(GBytes) feed = read_feed ("minimal.json");
  g_autoptr(ConnectCacheMeta) meta = new_meta ();
  g_autoptr(GError) error = NULL;

  g_assert_true (connect_cache_save (dir, feed, meta, &error));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = NULL;

      write_raw (dir, CONNECT_CACHE_META_FILE, bad[i]);
      g_assert_false (connect_cache_load (dir, &bytes, NULL, &error));
      g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_CACHE);
      g_clear_error (&error);
    }
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (connect_cache_save_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_save_async (void)
{
  g_autofree char *dir = cache_dir ("async");
  g_autoptr(GBytes) feed = read_feed ("minimal.json");
  g_autoptr(ConnectCacheMeta) meta = new_meta ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  connect_cache_save_async (dir, feed, meta, NULL, save_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (connect_cache_load (dir, &bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, feed));
}

/* Crash consistency: a child writing the cache, A then B then A ..., is
 * killed with SIGKILL at 50 random moments; the cache must always load as
 * A or as B, whole, and parse. */
static void
test_crash_consistency (void)
{
  g_autofree char *dir = cache_dir ("crash");
  g_autofree char *path_a = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), "minimal.json", NULL);
  g_autofree char *path_b = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), "base.json", NULL);
  const char *writer = g_getenv ("CONNECT_CACHE_WRITER");
  g_autoptr(GBytes) a = read_feed ("minimal.json");
  g_autoptr(GBytes) b = read_feed ("base.json");
  g_autoptr(ConnectCacheMeta) meta = new_meta ();
  g_autoptr(GError) error = NULL;
  guint n_a = 0, n_b = 0;

  g_assert_nonnull (writer);
  g_assert_true (connect_cache_save (dir, a, meta, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 50; i++)
    {
      const char *argv[] = { writer, dir, path_a, path_b, "1000000", NULL };
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ConnectFeed) feed = NULL;
      GPid pid;
      int status = 0;

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep ((gulong) g_random_int_range (2000, 60000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);

      g_assert_true (connect_cache_load (dir, &bytes, NULL, &error));
      g_assert_no_error (error);
      if (g_bytes_equal (bytes, a))
        n_a++;
      else if (g_bytes_equal (bytes, b))
        n_b++;
      else
        g_assert_not_reached ();
      feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (feed);
    }

  g_test_message ("50 kills: %u times feed A, %u times feed B", n_a, n_b);
  g_assert_cmpuint (n_a + n_b, ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/cache/default-dir", test_default_dir);
  g_test_add_func ("/connect/cache/round-trip", test_round_trip);
  g_test_add_func ("/connect/cache/meta-only", test_meta_only);
  g_test_add_func ("/connect/cache/missing", test_missing);
  g_test_add_func ("/connect/cache/checksum-mismatch", test_checksum_mismatch);
  g_test_add_func ("/connect/cache/bad-meta", test_bad_meta);
  g_test_add_func ("/connect/cache/save-async", test_save_async);
  g_test_add_func ("/connect/cache/crash-consistency", test_crash_consistency);

  return g_test_run ();
}
