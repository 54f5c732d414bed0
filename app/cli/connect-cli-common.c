/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cli-common.c: what the commands of `connect-feed` share. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "connect-cache.h"
#include "connect-cli.h"
#include "connect-error.h"
#include "connect-sync.h"

/**
 * connect_cli_parse_format:
 * @value: (nullable): the value of --format
 * @out_format: (out): the format
 *
 * Returns: %TRUE for "text" and "json"
 */
gboolean
connect_cli_parse_format (const char       *value,
                          ConnectCliFormat *out_format)
{
  g_return_val_if_fail (out_format != NULL, FALSE);

  if (g_strcmp0 (value, "text") == 0)
    *out_format = CONNECT_CLI_FORMAT_TEXT;
  else if (g_strcmp0 (value, "json") == 0)
    *out_format = CONNECT_CLI_FORMAT_JSON;
  else
    return FALSE;

  return TRUE;
}

/* Reads at most @max_size + 1 bytes of @path: one byte more than allowed is
 * enough for the parser to report the feed as too large, without reading a
 * huge file whole. */
static GBytes *
read_file_capped (const char  *path,
                  gsize        max_size,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  /* A regular file says how large it is: refuse it before reading. */
  {
    g_autoptr(GFileInfo) info = NULL;

    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
    if (info != NULL &&
        g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
        (guint64) g_file_info_get_size (info) > max_size)
      {
        g_autofree char *size_str = g_format_size_full ((guint64) g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
        g_autofree char *max_str = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

        g_set_error (error, CONNECT_ERROR, CONNECT_ERROR_TOO_LARGE,
                     _("It is %s, more than the limit of %s for a feed"),
                     size_str, max_str);
        return NULL;
      }
  }

  while (data->len <= max_size)
    {
      gsize want = MIN (sizeof buffer, max_size + 1 - data->len);
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, want, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, (guint) n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * connect_cli_load_feed:
 * @feed_arg: (nullable): a path, an https:// URL, or %NULL
 * @out_issue: (out) (optional) (nullable): where the feed is invalid
 * @error: return location for an error
 *
 * Loads and validates a feed, blocking.
 *
 * Returns: (transfer full) (nullable): the feed
 */
ConnectFeed *
connect_cli_load_feed (const char    *feed_arg,
                       ConnectIssue **out_issue,
                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_issue != NULL)
    *out_issue = NULL;

  if (feed_arg == NULL)
    {
      /* FEED omitted: the app's cache first, when its checksum verifies
       * and it parses; a bad cache is reported and skipped. */
      {
        g_autofree char *dir = connect_cache_get_default_dir ();
        g_autoptr(GBytes) cached = NULL;
        g_autoptr(GError) cache_error = NULL;
        ConnectFeed *feed = NULL;

        if (connect_cache_load (dir, &cached, NULL, &cache_error))
          feed = connect_feed_new_from_bytes (cached, CONNECT_FEED_DEFAULT_MAX_SIZE,
                                              NULL, &cache_error);
        if (feed != NULL)
          return feed;
        if (cache_error != NULL
            && !g_error_matches (cache_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
          g_printerr ("connect-feed: warning: %s\n", cache_error->message);
      }

      /* Else the sample compiled into the program. */
      if (bytes == NULL)
        bytes = connect_feed_get_sample_bytes ();
      if (bytes == NULL)
        {
          g_set_error_literal (error, CONNECT_ERROR, CONNECT_ERROR_FAILED,
                               _("This build has no sample feed; give the path of a feed"));
          return NULL;
        }
    }
  else if (g_ascii_strncasecmp (feed_arg, "https://", strlen ("https://")) == 0)
    {
      /* Fetched with the app's sync engine (HTTPS only, capped, timed
       * out, validated in a worker thread), not cached. */
      g_autoptr(ConnectSync) sync = connect_sync_new ();
      g_autoptr(ConnectFetchResult) result = NULL;

      result = connect_sync_fetch (sync, feed_arg, NULL, error);
      if (result == NULL)
        return NULL;
      return g_steal_pointer (&result->feed);
    }
  else if (g_ascii_strncasecmp (feed_arg, "http://", strlen ("http://")) == 0)
    {
      g_set_error (error, CONNECT_ERROR, CONNECT_ERROR_INSECURE,
                   _("Refusing “%s”: a feed is only fetched over https://"),
                   feed_arg);
      return NULL;
    }
  else
    {
      bytes = read_file_capped (feed_arg, CONNECT_FEED_DEFAULT_MAX_SIZE, &local_error);
      if (bytes == NULL)
        {
          g_set_error (error, CONNECT_ERROR,
                       g_error_matches (local_error, CONNECT_ERROR, CONNECT_ERROR_TOO_LARGE)
                       ? CONNECT_ERROR_TOO_LARGE : CONNECT_ERROR_FAILED,
                       _("Cannot read “%s”: %s"), feed_arg, local_error->message);
          return NULL;
        }
    }

  return connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE,
                                      out_issue, error);
}

/**
 * connect_cli_error:
 * @exit_code: what to return
 * @format: printf() format of the message
 *
 * Returns: @exit_code
 */
int
connect_cli_error (int         exit_code,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Not translated: scripts look for this prefix. */
  g_printerr ("connect-feed: error: %s\n", message);

  return exit_code;
}

void
connect_cli_write_stdout (const char *data,
                          gsize       len)
{
  g_return_if_fail (data != NULL || len == 0);

  if (len > 0)
    fwrite (data, 1, len, stdout);
  fflush (stdout);
}

/**
 * connect_cli_print_json:
 * @node: a JSON value
 *
 * Writes @node as pretty UTF-8 JSON and a newline to stdout.
 */
void
connect_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  g_return_if_fail (node != NULL);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);

  connect_cli_write_stdout (text, len);
  connect_cli_write_stdout ("\n", 1);
}

/**
 * connect_cli_parse_options:
 * @argc: (inout): the command's argument count
 * @argv: (inout): its arguments, argv[0] being its name
 * @parameter_string: the positional arguments for --help, like "FEED"
 * @summary: (nullable): what the command does, for --help
 * @entries: (nullable): the command's own options
 * @out_format: (out): the value of --format, text by default
 *
 * Returns: %FALSE after printing a usage error
 */
gboolean
connect_cli_parse_options (int                 *argc,
                           char              ***argv,
                           const char          *parameter_string,
                           const char          *summary,
                           const GOptionEntry  *entries,
                           ConnectCliFormat    *out_format)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *prgname = NULL;
  const char *command;
  GOptionEntry format_entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (the default) or json"), N_("FORMAT") },
    { NULL }
  };

  g_return_val_if_fail (argc != NULL && argv != NULL && *argc >= 1, FALSE);
  g_return_val_if_fail (out_format != NULL, FALSE);

  command = (*argv)[0];

  *out_format = CONNECT_CLI_FORMAT_TEXT;

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, format_entries, GETTEXT_PACKAGE);

  /* --help then shows "connect-feed COMMAND [OPTION…] PARAMETERS". */
  prgname = g_strdup_printf ("connect-feed %s", command);
  g_set_prgname (prgname);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      connect_cli_error (CONNECT_CLI_EXIT_USAGE, "%s", error->message);
      g_printerr (_("Try “connect-feed %s --help” for more information.\n"), command);
      return FALSE;
    }

  if (format != NULL && !connect_cli_parse_format (format, out_format))
    {
      connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                         _("Invalid --format “%s”: use text or json"), format);
      return FALSE;
    }

  return TRUE;
}
