/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cli-diff.c: `connect-feed diff OLD NEW`. */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-cli.h"
#include "connect-diff.h"

static ConnectFeed *
load_or_report (const char  *arg,
                int         *exit_code)
{
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  ConnectFeed *feed;

  feed = connect_cli_load_feed (arg, &issue, &error);
  if (feed == NULL)
    {
      g_autofree char *text = issue != NULL ? connect_issue_to_string (issue)
                                            : g_strdup (error->message);

      /* TRANSLATORS: %s is a feed argument, then what is wrong with it */
      *exit_code = connect_cli_error (CONNECT_CLI_EXIT_FAILED, _("%s: %s"), arg, text);
    }
  return feed;
}

int
connect_cli_diff (int    argc,
                  char **argv)
{
  g_autoptr(ConnectFeed) old_feed = NULL;
  g_autoptr(ConnectFeed) new_feed = NULL;
  g_autoptr(GListModel) changes = NULL;
  ConnectCliFormat format;
  int exit_code = CONNECT_CLI_EXIT_FAILED;
  guint n;

  if (!connect_cli_parse_options (&argc, &argv, _("OLD NEW"),
                                  _("Lists what changed from the feed OLD to the feed NEW: trials, "
                                    "partners, sites, drugs, cohorts and commitments added, removed "
                                    "or changed, one line per changed member."),
                                  NULL, &format))
    return CONNECT_CLI_EXIT_USAGE;

  if (argc != 3)
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("“diff” needs two feeds, OLD and NEW"));

  old_feed = load_or_report (argv[1], &exit_code);
  if (old_feed == NULL)
    return exit_code;
  new_feed = load_or_report (argv[2], &exit_code);
  if (new_feed == NULL)
    return exit_code;

  changes = connect_diff_feeds (old_feed, new_feed);
  n = g_list_model_get_n_items (changes);

  if (format == CONNECT_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (n);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConnectChange) change = g_list_model_get_item (changes, i);

          json_array_add_element (array, connect_change_to_json (change));
        }
      json_node_set_array (root, array);
      connect_cli_print_json (root);
    }
  else if (n == 0)
    g_print (_("No changes.\n"));
  else
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(ConnectChange) change = g_list_model_get_item (changes, i);
        g_autofree char *line = connect_change_to_string (change);

        g_print ("%s\n", line);
      }

  return CONNECT_CLI_EXIT_OK;
}
