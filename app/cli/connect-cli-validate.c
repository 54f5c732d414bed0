/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cli-validate.c: `connect-feed validate FEED`. */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-cli.h"

/* The eight lists, in the order of the format. */
static const struct
{
  const char        *member;
  ConnectEntityKind  kind;
} lists[] = {
  { "trials", CONNECT_ENTITY_KIND_TRIAL },
  { "partners", CONNECT_ENTITY_KIND_PARTNER },
  { "sites", CONNECT_ENTITY_KIND_SITE },
  { "drugs", CONNECT_ENTITY_KIND_DRUG },
  { "cohorts", CONNECT_ENTITY_KIND_COHORT },
  { "commitments", CONNECT_ENTITY_KIND_COMMITMENT },
  { "snapshots", CONNECT_ENTITY_KIND_SNAPSHOT },
  { "events", CONNECT_ENTITY_KIND_EVENT },
};

static char *
count_phrase (ConnectEntityKind kind,
              guint             n)
{
  switch (kind)
    {
    case CONNECT_ENTITY_KIND_TRIAL:
      return g_strdup_printf (ngettext ("%u trial", "%u trials", n), n);
    case CONNECT_ENTITY_KIND_PARTNER:
      return g_strdup_printf (ngettext ("%u partner", "%u partners", n), n);
    case CONNECT_ENTITY_KIND_SITE:
      return g_strdup_printf (ngettext ("%u site", "%u sites", n), n);
    case CONNECT_ENTITY_KIND_DRUG:
      return g_strdup_printf (ngettext ("%u drug", "%u drugs", n), n);
    case CONNECT_ENTITY_KIND_COHORT:
      return g_strdup_printf (ngettext ("%u cohort", "%u cohorts", n), n);
    case CONNECT_ENTITY_KIND_COMMITMENT:
      return g_strdup_printf (ngettext ("%u commitment", "%u commitments", n), n);
    case CONNECT_ENTITY_KIND_SNAPSHOT:
      return g_strdup_printf (ngettext ("%u snapshot", "%u snapshots", n), n);
    case CONNECT_ENTITY_KIND_EVENT:
      return g_strdup_printf (ngettext ("%u event", "%u events", n), n);
    case CONNECT_ENTITY_KIND_FEED:
    default:
      g_assert_not_reached ();
    }
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static int
report_invalid (ConnectCliFormat  format,
                ConnectIssue     *issue,
                GError           *error)
{
  g_autofree char *text = NULL;

  text = issue != NULL ? connect_issue_to_string (issue) : g_strdup (error->message);

  if (format == CONNECT_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      gboolean syntax = issue != NULL && issue->line > 0 &&
                        (issue->path == NULL || issue->path[0] == '\0');

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "valid");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_set_member_name (builder, "error");
      json_builder_begin_object (builder);
      add_nullable_string (builder, "path",
                           issue != NULL && issue->path != NULL && issue->path[0] != '\0'
                           ? issue->path : NULL);
      json_builder_set_member_name (builder, "line");
      if (syntax)
        json_builder_add_int_value (builder, issue->line);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "column");
      if (syntax)
        json_builder_add_int_value (builder, issue->column);
      else
        json_builder_add_null_value (builder);
      add_nullable_string (builder, "message",
                           issue != NULL ? issue->message : error->message);
      json_builder_end_object (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      connect_cli_print_json (root);
    }

  return connect_cli_error (CONNECT_CLI_EXIT_FAILED, "%s", text);
}

static void
print_valid_text (ConnectFeed *feed)
{
  GPtrArray *warnings = connect_feed_get_warnings (feed);
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GListModel *model = connect_feed_get_entities (feed, lists[i].kind);

      g_ptr_array_add (phrases, count_phrase (lists[i].kind, g_list_model_get_n_items (model)));
    }
  g_ptr_array_add (phrases, NULL);
  joined = g_strjoinv (", ", (char **) phrases->pdata);

  if (warnings->len == 0)
    /* Translators: %s is a list like "1 trial, 22 partners, 18 sites" */
    g_print (_("✓ valid feed — %s\n"), joined);
  else
    /* Translators: %s is a list like "1 trial, 22 partners, 18 sites";
     * then comes the number of warnings */
    g_print (ngettext ("✓ valid feed — %s; %u warning:\n",
                       "✓ valid feed — %s; %u warnings:\n", warnings->len),
             joined, warnings->len);

  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *text = connect_issue_to_string (g_ptr_array_index (warnings, i));

      g_print ("%s\n", text);
    }
}

static void
print_valid_json (ConnectFeed *feed)
{
  GPtrArray *warnings = connect_feed_get_warnings (feed);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, TRUE);

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GListModel *model = connect_feed_get_entities (feed, lists[i].kind);

      json_builder_set_member_name (builder, lists[i].member);
      json_builder_add_int_value (builder, g_list_model_get_n_items (model));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      const ConnectIssue *issue = g_ptr_array_index (warnings, i);

      json_builder_begin_object (builder);
      add_nullable_string (builder, "path", issue->path);
      add_nullable_string (builder, "message", issue->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  connect_cli_print_json (root);
}

int
connect_cli_validate (int    argc,
                      char **argv)
{
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  ConnectCliFormat format;

  if (!connect_cli_parse_options (&argc, &argv, _("[FEED]"),
                                  _("Checks every rule of the feed format and counts what the feed holds. "
                                    "Exits with 1 when the feed is invalid."),
                                  NULL, &format))
    return CONNECT_CLI_EXIT_USAGE;

  if (argc > 2)
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("Too many arguments: validate takes one FEED"));

  feed = connect_cli_load_feed (argc > 1 ? argv[1] : NULL, &issue, &error);
  if (feed == NULL)
    return report_invalid (format, issue, error);

  if (format == CONNECT_CLI_FORMAT_JSON)
    print_valid_json (feed);
  else
    print_valid_text (feed);

  return CONNECT_CLI_EXIT_OK;
}
