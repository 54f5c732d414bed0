/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "connect-error.h"
#include "connect-feed-url.h"

static void
test_valid (void)
{
  static const char *valid[] = {
    "https://feed.example.org/feed.json",
    "https://feed.example.org",
    "https://feed.example.org/",
    "HTTPS://Feed.Example.ORG/Feed.json",
    "https://feed.example.org:8443/v1/feed.json?partner=roche&v=1",
    "https://feed.example.org/feed.json#top",
    "https://localhost/feed.json",
    "https://localhost:4443/feed.json",
    "https://127.0.0.1:4443/feed.json",
    "https://[::1]:4443/feed.json",
    "https://[2001:db8::7]/feed.json",
    "https://feed.example.org./feed.json",
    "https://xn--bkmal-qua.example.no/feed.json",
    "https://bøkmål.example.no/feed.json",
    "https://a-b.c-d.example.org/feed%20v1.json",
    "https://1password.example.org/feed.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", valid[i]);
      g_assert_true (connect_feed_url_check (valid[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_empty_is_sample (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (connect_feed_url_check (NULL, &error));
  g_assert_no_error (error);
  g_assert_true (connect_feed_url_check ("", &error));
  g_assert_no_error (error);
}

static void
test_insecure (void)
{
  static const char *insecure[] = {
    "http://feed.example.org/feed.json",
    "HTTP://feed.example.org/feed.json",
    "ftp://feed.example.org/feed.json",
    "file:///home/user/feed.json",
    "webcal://feed.example.org/feed.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (insecure); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", insecure[i]);
      g_assert_false (connect_feed_url_check (insecure[i], &error));
      g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_INSECURE);
      g_assert_true (strstr (error->message, "https://") != NULL);
    }
}

static void
test_no_scheme (void)
{
  static const char *missing[] = {
    "feed.example.org/feed.json",
    "feed.example.org:8443/feed.json",
    "//feed.example.org/feed.json",
    "https:feed.example.org/feed.json",
    "https:/feed.example.org/feed.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", missing[i]);
      g_assert_false (connect_feed_url_check (missing[i], &error));
      g_assert_error (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME);
    }

  {
    g_autoptr(GError) error = NULL;

    /* The message shows the address with https:// added. */
    g_assert_false (connect_feed_url_check ("feed.example.org/feed.json", &error));
    g_assert_true (strstr (error->message, "https://feed.example.org/feed.json") != NULL);
  }
}

static void
test_bad_host (void)
{
  static const char *bad[] = {
    "https:///feed.json",
    "https://feed..example.org/feed.json",
    "https://-feed.example.org/feed.json",
    "https://feed-.example.org/feed.json",
    "https://feed_1.example.org/feed.json",
    "https://feed.example.org../feed.json",
    "https://.example.org/feed.json",
    "https://256.1.1.1/feed.json",
    "https://10.1/feed.json",
    "https://1234/feed.json",
    "https://feed!.example.org/feed.json",
    "https://[::1/feed.json",
    "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.org/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (connect_feed_url_check (bad[i], &error));
      g_assert_error (error, G_URI_ERROR, G_URI_ERROR_BAD_HOST);
    }
}

static void
test_bad_port (void)
{
  static const char *bad[] = {
    "https://feed.example.org:0/feed.json",
    "https://feed.example.org:65536/feed.json",
    "https://feed.example.org:99999999999/feed.json",
    "https://feed.example.org:https/feed.json",
    "https://feed.example.org:-1/feed.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (connect_feed_url_check (bad[i], &error));
      g_assert_error (error, G_URI_ERROR, G_URI_ERROR_BAD_PORT);
    }
}

static void
test_user_info (void)
{
  static const char *bad[] = {
    "https://user@feed.example.org/feed.json",
    "https://user:s3cret@feed.example.org/feed.json",
    "https://:s3cret@feed.example.org/feed.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (connect_feed_url_check (bad[i], &error));
      g_assert_true (g_error_matches (error, G_URI_ERROR, G_URI_ERROR_BAD_USER) ||
                     g_error_matches (error, G_URI_ERROR, G_URI_ERROR_BAD_PASSWORD));
      /* The password never appears in the message. */
      g_assert_null (strstr (error->message, "s3cret"));
    }
}

static void
test_malformed (void)
{
  g_autofree char *long_url = NULL;
  g_autoptr(GString) s = g_string_new ("https://feed.example.org/");
  static const char *bad[] = {
    "https://feed.example.org/feed json",
    " https://feed.example.org/feed.json",
    "https://feed.example.org/feed.json\n",
    "https://feed.example.org/\tfeed.json",
    "https://feed.example.org/100%.json",
    "https://feed.example.org/%zz",
    "https://feed.example.org/feed\x7f.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (connect_feed_url_check (bad[i], &error));
      g_assert_error (error, G_URI_ERROR, G_URI_ERROR_FAILED);
    }

  while (s->len <= CONNECT_FEED_URL_MAX_LENGTH)
    g_string_append (s, "a");
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (connect_feed_url_check (s->str, &error));
    g_assert_error (error, G_URI_ERROR, G_URI_ERROR_FAILED);
  }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (connect_feed_url_check ("https://feed.example.org/\xff\xfe", &error));
    g_assert_error (error, G_URI_ERROR, G_URI_ERROR_FAILED);
  }
}

static void
test_normalize (void)
{
  g_autofree char *a = connect_feed_url_normalize ("  https://feed.example.org/feed.json \n");
  g_autofree char *b = connect_feed_url_normalize (NULL);
  g_autofree char *c = connect_feed_url_normalize ("   ");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (a, ==, "https://feed.example.org/feed.json");
  g_assert_true (connect_feed_url_check (a, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (b, ==, "");
  g_assert_cmpstr (c, ==, "");
}

static void
test_for_display (void)
{
  struct {
    const char *url;
    const char *shown;
  } cases[] = {
    { "https://feed.example.org/feed.json", "https://feed.example.org/feed.json" },
    { "https://feed.example.org:8443/feed.json", "https://feed.example.org:8443/feed.json" },
    { "https://feed.example.org/feed.json?token=s3cret", "https://feed.example.org/feed.json?…" },
    { "https://user:s3cret@feed.example.org/feed.json", "https://…@feed.example.org/feed.json" },
    { "https://feed.example.org/feed.json#s3cret", "https://feed.example.org/feed.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = connect_feed_url_for_display (cases[i].url);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }

  g_assert_null (connect_feed_url_for_display (NULL));
  g_assert_null (connect_feed_url_for_display (""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/feed-url/valid", test_valid);
  g_test_add_func ("/connect/feed-url/empty-is-sample", test_empty_is_sample);
  g_test_add_func ("/connect/feed-url/insecure", test_insecure);
  g_test_add_func ("/connect/feed-url/no-scheme", test_no_scheme);
  g_test_add_func ("/connect/feed-url/bad-host", test_bad_host);
  g_test_add_func ("/connect/feed-url/bad-port", test_bad_port);
  g_test_add_func ("/connect/feed-url/user-info", test_user_info);
  g_test_add_func ("/connect/feed-url/malformed", test_malformed);
  g_test_add_func ("/connect/feed-url/normalize", test_normalize);
  g_test_add_func ("/connect/feed-url/for-display", test_for_display);

  return g_test_run ();
}
