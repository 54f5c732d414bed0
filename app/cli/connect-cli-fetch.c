/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cli-fetch.c: `connect-feed fetch URL`, a conditional GET into the
 * cache, with the app's sync engine. */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-cache.h"
#include "connect-cli.h"
#include "connect-error.h"
#include "connect-sync.h"

/* A stable name for each class of failure, for scripts. */
static const char *
error_class (const GError *error)
{
  if (error->domain != CONNECT_ERROR)
    return "failed";

  switch ((ConnectError) error->code)
    {
    case CONNECT_ERROR_INVALID_FEED: return "invalid-feed";
    case CONNECT_ERROR_TOO_LARGE: return "too-large";
    case CONNECT_ERROR_OFFLINE: return "offline";
    case CONNECT_ERROR_NAME_RESOLUTION: return "name-resolution";
    case CONNECT_ERROR_TLS: return "tls";
    case CONNECT_ERROR_TIMEOUT: return "timeout";
    case CONNECT_ERROR_HTTP_STATUS: return "http-status";
    case CONNECT_ERROR_TRUNCATED: return "truncated";
    case CONNECT_ERROR_INSECURE: return "insecure";
    case CONNECT_ERROR_CONNECTION: return "connection";
    case CONNECT_ERROR_CACHE: return "cache";
    case CONNECT_ERROR_CREDENTIALS: return "credentials";
    case CONNECT_ERROR_FAILED:
    default:
      return "failed";
    }
}

static int
report_failure (ConnectCliFormat  format,
                const GError     *error)
{
  if (format == CONNECT_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "result");
      json_builder_add_string_value (builder, "error");
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error_class (error));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, error->message);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      connect_cli_print_json (root);
    }

  return connect_cli_error (CONNECT_CLI_EXIT_FAILED, "%s (%s)",
                            error->message, error_class (error));
}

int
connect_cli_fetch (int    argc,
                   char **argv)
{
  g_autofree char *ca_file = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *token_env = NULL;
  g_autoptr(ConnectSync) sync = NULL;
  g_autoptr(ConnectFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ConnectCliFormat format;
  const GOptionEntry entries[] = {
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Trust only the certificate authorities in this PEM file"), N_("PEM") },
    { "cache-dir", 0, 0, G_OPTION_ARG_FILENAME, &cache_dir,
      N_("Cache folder (default: the app’s cache)"), N_("DIR") },
    { "token-env", 0, 0, G_OPTION_ARG_STRING, &token_env,
      N_("Send the access token held in this environment variable"), N_("VAR") },
    { NULL }
  };

  if (!connect_cli_parse_options (&argc, &argv, _("URL"),
                                  _("Downloads the feed at URL (https only) into the cache, with a "
                                    "conditional request: an unchanged feed is not downloaded again. "
                                    "A feed is only saved when it is complete and valid; on any "
                                    "failure the cache is left as it was and the exit status is 1."),
                                  entries, &format))
    return CONNECT_CLI_EXIT_USAGE;

  if (argc != 2)
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("“fetch” needs exactly one URL"));

  sync = connect_sync_new ();

  if (ca_file != NULL && !connect_sync_set_ca_file (sync, ca_file, &error))
    return report_failure (format, error);

  if (token_env != NULL)
    {
      const char *token = g_getenv (token_env);

      if (token == NULL || *token == '\0')
        return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                                  _("The environment variable %s holds no access token"),
                                  token_env);
      connect_sync_set_token (sync, token);
    }

  if (cache_dir == NULL)
    cache_dir = connect_cache_get_default_dir ();

  result = connect_sync_update_cache (sync, argv[1], cache_dir, NULL, &error);
  if (result == NULL)
    return report_failure (format, error);

  if (format == CONNECT_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "result");
      json_builder_add_string_value (builder, result->not_modified ? "not-modified" : "updated");
      json_builder_set_member_name (builder, "etag");
      if (result->etag != NULL)
        json_builder_add_string_value (builder, result->etag);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder,
                                  result->bytes != NULL ? (gint64) g_bytes_get_size (result->bytes) : 0);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      connect_cli_print_json (root);
    }
  else if (result->not_modified)
    g_print (_("Not modified: the cached feed is current.\n"));
  else
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (result->bytes));

      /* TRANSLATORS: %s is a size such as "87.5 kB", then the cache folder */
      g_print (_("Updated: %s saved in %s\n"), size, cache_dir);
    }

  return CONNECT_CLI_EXIT_OK;
}
