/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cli-export.c: `connect-feed export FEED --what LIST`. */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-cli.h"
#include "connect-csv.h"

/* --format json: the same rows as an array of objects, keyed by the CSV
 * column names, null for empty fields. */
static void
print_json (ConnectFeed       *feed,
            ConnectEntityKind  kind)
{
  const char * const *columns = connect_csv_get_columns (kind);
  GListModel *entities = connect_feed_get_entities (feed, kind);
  guint n = g_list_model_get_n_items (entities);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectEntity) entity = g_list_model_get_item (entities, i);
      g_autoptr(GPtrArray) fields = connect_csv_get_fields (feed, entity);

      json_builder_begin_object (builder);
      for (guint c = 0; c < fields->len && columns[c] != NULL; c++)
        {
          const char *value = g_ptr_array_index (fields, c);

          json_builder_set_member_name (builder, columns[c]);
          if (value != NULL)
            json_builder_add_string_value (builder, value);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  connect_cli_print_json (root);
}

int
connect_cli_export (int    argc,
                    char **argv)
{
  g_autofree char *what = NULL;
  const GOptionEntry entries[] = {
    { "what", 0, 0, G_OPTION_ARG_STRING, &what,
      N_("The list to export: cohorts, commitments, sites or partners (required)"), N_("LIST") },
    { NULL }
  };
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  ConnectCliFormat format;
  ConnectEntityKind kind;

  if (!connect_cli_parse_options (&argc, &argv, _("[FEED] --what LIST"),
                                  _("Writes one list of the feed as CSV (RFC 4180, UTF-8, CRLF line ends) "
                                    "with a header row to standard output."),
                                  entries, &format))
    return CONNECT_CLI_EXIT_USAGE;

  if (what == NULL)
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("Missing --what: use cohorts, commitments, sites or partners"));

  if (!connect_csv_kind_from_name (what, &kind))
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("Invalid --what “%s”: use cohorts, commitments, sites or partners"),
                              what);

  if (argc > 2)
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("Too many arguments: export takes one FEED"));

  feed = connect_cli_load_feed (argc > 1 ? argv[1] : NULL, &issue, &error);
  if (feed == NULL)
    {
      g_autofree char *message = issue != NULL ? connect_issue_to_string (issue)
                                               : g_strdup (error->message);

      return connect_cli_error (CONNECT_CLI_EXIT_FAILED, "%s", message);
    }

  if (format == CONNECT_CLI_FORMAT_JSON)
    {
      print_json (feed, kind);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      connect_csv_write (feed, kind, NULL, out);
      connect_cli_write_stdout (out->str, out->len);
    }

  return CONNECT_CLI_EXIT_OK;
}
