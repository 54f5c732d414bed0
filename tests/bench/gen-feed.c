/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen-feed: writes a generated feed of N cohorts to OUT.
 *
 *   gen-feed N OUT [--seed S] [--change-percent P]
 */
#include "config.h"

#include <stdlib.h>

#include "connect-feed-gen.h"

int
main (int   argc,
      char *argv[])
{
  gint64 seed = 1;
  int change_percent = 0;
  GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator (1)", "S" },
    { "change-percent", 'c', 0, G_OPTION_ARG_INT, &change_percent,
      "Share of cohorts changed against the same seed with 0 (0)", "P" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("N OUT");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ConnectFeedGenCounts counts;
  guint64 n;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Write a valid feed of N cohorts to OUT.");
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      argc != 3 ||
      !g_ascii_string_to_unsigned (argv[1], 10, 1, 999999, &n, NULL) ||
      change_percent < 0 || change_percent > 100)
    {
      g_printerr ("gen-feed: usage: gen-feed N OUT [--seed S] [--change-percent P]%s%s\n",
                  error != NULL ? ": " : "", error != NULL ? error->message : "");
      return 2;
    }

  bytes = connect_feed_gen_generate ((guint) n, (guint64) seed, (guint) change_percent, &counts);
  if (!g_file_set_contents (argv[2], g_bytes_get_data (bytes, NULL),
                            (gssize) g_bytes_get_size (bytes), &error))
    {
      g_printerr ("gen-feed: error: %s\n", error->message);
      return 1;
    }
  g_print ("%s: %" G_GSIZE_FORMAT " bytes, %u cohorts (%u changed), %u events, %u commitments\n",
           argv[2], g_bytes_get_size (bytes), counts.n_cohorts, counts.n_changed,
           counts.n_events, counts.n_commitments);
  return 0;
}
