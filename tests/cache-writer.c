/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cache-writer: writes two feeds into a cache directory, alternately, until
 * it is killed. Used by test-cache to kill a writer at random moments. */
#include "config.h"

#include <stdio.h>

#include "connect-cache.h"

int
main (int   argc,
      char *argv[])
{
  GBytes *feeds[2] = { NULL, NULL };

  if (argc != 5)
    {
      fprintf (stderr, "usage: cache-writer DIR FEED-A FEED-B COUNT\n");
      return 2;
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      char *data = NULL;
      gsize length = 0;

      if (!g_file_get_contents (argv[2 + i], &data, &length, &error))
        {
          fprintf (stderr, "cache-writer: %s\n", error->message);
          return 1;
        }
      feeds[i] = g_bytes_new_take (data, length);
    }

  for (guint64 n = 0, count = g_ascii_strtoull (argv[4], NULL, 10); n < count; n++)
    {
      g_autoptr(ConnectCacheMeta) meta = connect_cache_meta_new ();
      g_autoptr(GError) error = NULL;

      meta->source_url = g_strdup ("https://127.0.0.1/feed.json");
      meta->etag = g_strdup_printf ("\"%" G_GUINT64_FORMAT "\"", n);
      meta->fetched = g_date_time_new_now_utc ();
      meta->checked = g_date_time_new_now_utc ();
      if (!connect_cache_save (argv[1], feeds[(n + 1) % 2], meta, &error))
        {
          fprintf (stderr, "cache-writer: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}
