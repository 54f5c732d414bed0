/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cli.h: the commands of `connect-feed` and what they share. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_CLI_EXIT_OK      0
#define CONNECT_CLI_EXIT_FAILED  1 /* invalid feed or failed fetch */
#define CONNECT_CLI_EXIT_USAGE   2

typedef enum
{
  CONNECT_CLI_FORMAT_TEXT,
  CONNECT_CLI_FORMAT_JSON,
} ConnectCliFormat;

/* Each command parses its own options; argv[0] is the command name. */
int connect_cli_validate (int argc, char **argv);
int connect_cli_list     (int argc, char **argv);
int connect_cli_export   (int argc, char **argv);
int connect_cli_match    (int argc, char **argv);
int connect_cli_supply   (int argc, char **argv);
int connect_cli_diff     (int argc, char **argv);
int connect_cli_fetch    (int argc, char **argv);

/* Shared helpers (connect-cli-common.c). */

/* Parses a --format value; FALSE on anything but "text" or "json". */
gboolean     connect_cli_parse_format (const char        *value,
                                       ConnectCliFormat  *out_format);

/* Loads FEED synchronously (the command line may block): a path, an
 * https:// URL (fetched, validated, not cached), or NULL for the app's
 * cache, else the embedded sample. */
ConnectFeed *connect_cli_load_feed    (const char        *feed_arg,
                                       ConnectIssue     **out_issue,
                                       GError           **error);

/* Prints "connect-feed: error: MESSAGE" to stderr; returns @exit_code. */
int          connect_cli_error        (int                exit_code,
                                       const char        *format,
                                       ...) G_GNUC_PRINTF (2, 3);

/* Writes @node as pretty JSON and a newline to stdout. */
void         connect_cli_print_json   (JsonNode          *node);

/* Parses the options of one command with GOptionContext: @entries
 * (NULL-terminated, may be NULL) plus --format, which it stores in
 * @out_format. --help prints the command's help and exits 0. On a usage
 * problem (unknown option, bad --format) prints the error and returns
 * FALSE: the command then exits CONNECT_CLI_EXIT_USAGE. Afterwards
 * argv[0] is the command name and argv[1..argc-1] the positional
 * arguments. */
gboolean     connect_cli_parse_options (int                *argc,
                                        char             ***argv,
                                        const char         *parameter_string,
                                        const char         *summary,
                                        const GOptionEntry *entries,
                                        ConnectCliFormat   *out_format);

/* Writes @len bytes of UTF-8 to stdout as they are (no charset
 * conversion, unlike g_print()). */
void         connect_cli_write_stdout  (const char         *data,
                                        gsize               len);

G_END_DECLS
