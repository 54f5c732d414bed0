/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cli-pending.c: TEMPORARY stand-ins for the commands that are not
 * written yet. Each is a weak symbol: a file that defines the real command
 * (connect-cli-match.c, -supply.c, -diff.c, -fetch.c) replaces it without
 * any change here. Remove this file once all four have landed. */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-cli.h"

static int
not_available (const char *command)
{
  return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                            _("“%s”: command not available in this build"),
                            command);
}

__attribute__((weak)) int
connect_cli_match (int    argc,
                   char **argv)
{
  return not_available ("match");
}

__attribute__((weak)) int
connect_cli_supply (int    argc,
                    char **argv)
{
  return not_available ("supply");
}

__attribute__((weak)) int
connect_cli_diff (int    argc,
                  char **argv)
{
  return not_available ("diff");
}

__attribute__((weak)) int
connect_cli_fetch (int    argc,
                   char **argv)
{
  return not_available ("fetch");
}
