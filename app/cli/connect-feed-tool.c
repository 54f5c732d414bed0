/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-feed-tool.c: `connect-feed`, the headless tool over the core. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "connect-cli.h"

typedef struct
{
  const char *name;
  int       (*run) (int    argc,
                    char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "validate", connect_cli_validate, N_("Check a feed and count what it holds") },
  { "list", connect_cli_list, N_("List cohorts, filtered by status, tumour, gene, drug, partner, site or text") },
  { "match", connect_cli_match, N_("Find cohorts for a patient’s tumour and alterations") },
  { "supply", connect_cli_supply, N_("Forecast when committed drug slots run out") },
  { "diff", connect_cli_diff, N_("Show what changed between two feeds") },
  { "fetch", connect_cli_fetch, N_("Download a feed into the cache") },
  { "export", connect_cli_export, N_("Write cohorts, commitments, sites or partners as CSV") },
};

static void
print_help (void)
{
  GString *help = g_string_new (NULL);

  g_string_append (help, _("Usage:\n  connect-feed COMMAND [OPTION…] [ARGUMENTS…]\n\n"));
  g_string_append (help, _("Reads the CONNECT cohort feed without the app.\n\n"));
  g_string_append (help, _("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (help, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append (help, "\n");
  g_string_append (help, _("FEED is a file, an https:// URL, or left out for the app’s cache (else the built-in sample).\n"));
  g_string_append (help, _("Every command takes --format text|json.\n"));
  g_string_append (help, _("Exit status: 0 success, 1 invalid feed or failed fetch, 2 usage error.\n\n"));
  g_string_append (help, _("Run “connect-feed COMMAND --help” for the options of a command.\n"));

  g_print ("%s", help->str);
  g_string_free (help, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  const char *name;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("connect-feed");

  if (argc < 2)
    {
      connect_cli_error (CONNECT_CLI_EXIT_USAGE, _("No command given"));
      g_printerr (_("Run “connect-feed --help” for the list of commands.\n"));
      return CONNECT_CLI_EXIT_USAGE;
    }

  name = argv[1];

  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 ||
      strcmp (name, "help") == 0)
    {
      print_help ();
      return CONNECT_CLI_EXIT_OK;
    }

  if (strcmp (name, "--version") == 0)
    {
      g_print ("connect-feed %s\n", PACKAGE_VERSION);
      return CONNECT_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (name, commands[i].name) == 0)
        return commands[i].run (argc - 1, argv + 1);
    }

  connect_cli_error (CONNECT_CLI_EXIT_USAGE, _("Unknown command “%s”"), name);
  g_printerr (_("Run “connect-feed --help” for the list of commands.\n"));

  return CONNECT_CLI_EXIT_USAGE;
}
