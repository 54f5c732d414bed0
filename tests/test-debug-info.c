/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "connect-debug-info.h"
#include "connect-store.h"

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not in:\n%s", needle, text);
}

static void
test_no_store (void)
{
  const char *libraries[] = { "GTK 4.8.3", "libadwaita 1.2.2", NULL };
  g_autofree char *text = connect_debug_info_format (NULL, libraries, NULL);
  g_autofree char *glib = g_strdup_printf ("  GLib %u.%u.%u\n", glib_major_version,
                                           glib_minor_version, glib_micro_version);

  assert_contains (text, "CONNECT Cohorts " PACKAGE_VERSION);
  assert_contains (text, glib);
  assert_contains (text, "  GTK 4.8.3\n");
  assert_contains (text, "  libadwaita 1.2.2\n");
  assert_contains (text, "  libsoup 3.");
  assert_contains (text, "  json-glib 1.");
  assert_contains (text, "Feed: not loaded\n");
  g_assert_true (g_str_has_suffix (text, "\n"));
}

static void
test_sample (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.connectnorway.Cohorts");
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "debug-info", NULL);
  g_autoptr(ConnectStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 26, 7, 0, 0);
  g_autofree char *text = NULL;
  g_autofree char *cache = NULL;
  gint64 deadline;

  g_settings_set_string (settings, "feed-url", "");
  store = connect_store_new_full (settings, dir);
  connect_store_start (store);
  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (connect_store_get_feed (store) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (connect_store_get_feed (store));

  text = connect_debug_info_format (store, NULL, now);
  assert_contains (text, "  URL: (none: the sample data)\n");
  assert_contains (text, "  Source: sample\n");
  assert_contains (text, "  Generated at: 2026-11-20T08:00:00Z\n");
  assert_contains (text, "  Format version: 1\n");
  assert_contains (text, "  Can sync: no\n");
  assert_contains (text, "  Last error: none\n");
  assert_contains (text, "  Report made: 2026-11-26T07:00:00Z\n");
  cache = g_strdup_printf ("  Cache: %s\n", connect_store_get_cache_dir (store));
  assert_contains (text, cache);
}

static void
test_url_without_secrets (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.connectnorway.Cohorts");
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "debug-info", NULL);
  g_autoptr(ConnectStore) store = NULL;
  g_autofree char *text = NULL;

  /* Not a URL the preferences accept, but one an old or hand-edited
   * setting may hold: neither the password nor the query is shown. */
  g_settings_set_string (settings, "feed-url",
                         "https://partner:pa55word@feed.example.org/feed.json?key=k3y");
  store = connect_store_new_full (settings, dir);

  text = connect_debug_info_format (store, NULL, NULL);
  assert_contains (text, "  URL: https://…@feed.example.org/feed.json?…\n");
  assert_contains (text, "  Loaded: no\n");
  g_assert_null (strstr (text, "pa55word"));
  g_assert_null (strstr (text, "k3y"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/debug-info/no-store", test_no_store);
  g_test_add_func ("/connect/debug-info/sample", test_sample);
  g_test_add_func ("/connect/debug-info/url-without-secrets", test_url_without_secrets);

  return g_test_run ();
}
