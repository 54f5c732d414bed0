/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-links.c: which links from a feed the app opens. */
#include "config.h"

#include <glib.h>

#include "connect-links.h"

static void
test_links_safe (void)
{
  const char *safe[] = {
    "https://example.org",
    "https://example.org/",
    "https://clinicaltrials.gov/study/NCT01234567",
    "HTTPS://EXAMPLE.ORG/Path?q=1&r=2#top",
    "https://example.org:8443/a/b%20c",
    "https://[2001:db8::1]/",
    "mailto:study@example.org",
    "MAILTO:Study.Nurse@ous-hf.example",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (safe); i++)
    {
      g_test_message ("%s", safe[i]);
      g_assert_true (connect_link_is_safe (safe[i]));
    }
}

static void
test_links_unsafe (void)
{
  g_autofree char *long_path = g_strnfill (3000, 'a');
  g_autofree char *long_link = NULL;
  const char *unsafe[] = {
    NULL,
    "",
    "http://example.org/",
    "file:///etc/passwd",
    "file://localhost/home/user/.ssh/id_rsa",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://example.org/",
    "ssh://example.org/",
    "smb://server/share",
    "vbscript:msgbox",
    "x-scheme-handler:whatever",
    "ghelp:gnome-help",
    "example.org",
    "//example.org/path",
    "/etc/passwd",
    "https:",
    "https://",
    "https:///path",
    "https:example.org",
    "https://user:password@example.org/",
    "https://bank.example@evil.example/",
    " https://example.org/",
    "https://example.org/ spaces",
    "https://example.org/\n",
    "https://example.org/\t",
    "https://exa\x01mple.org/",
    "https://example.org/\x7f",
    "https://examplé.org/",
    "https://example.org/<script>",
    "https://example.org/\"quoted\"",
    "https://example.org\\@evil.example/",
    "https://example.org/%zz",
    "mailto:",
    "mailto:nobody",
    "mailto:@example.org",
    "mailto:a@",
    "mailto:a@example.org,b@example.org",
    "mailto:a@example.org;b@example.org",
    "mailto:a@b@example.org",
    "mailto:a@example.org?body=hello",
    "mailto:a@example.org?attach=/etc/passwd",
    "mailto:a@example.org#x",
    "mailto://a@example.org",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      g_test_message ("%s", unsafe[i] ? unsafe[i] : "(null)");
      g_assert_false (connect_link_is_safe (unsafe[i]));
    }

  /* Longer than 2048 bytes: shown, never opened. */
  long_link = g_strconcat ("https://example.org/", long_path, NULL);
  g_assert_false (connect_link_is_safe (long_link));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/links/safe", test_links_safe);
  g_test_add_func ("/connect/links/unsafe", test_links_unsafe);

  return g_test_run ();
}
