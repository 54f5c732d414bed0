/* SPDX-License-Identifier: GPL-3.0-or-later */
/* json-check-tool.c: runs connect_json_check() (depth 64, as for feeds) on
 * files and prints "accept" or "reject", a tab and the file name, one line
 * per file. The names come from the arguments or, without any, one per line
 * on standard input. Used by test-json-differential.py. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "connect-json.h"

static gboolean
check_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gboolean ok;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("json-check-tool: %s\n", error->message);
      return FALSE;
    }

  ok = connect_json_check (contents, length, 64, NULL, NULL, NULL);
  g_print ("%s\t%s\n", ok ? "accept" : "reject", path);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  char line[4096];

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        if (!check_file (argv[i]))
          return 2;
      return 0;
    }

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      line[strcspn (line, "\n")] = '\0';
      if (*line == '\0')
        continue;
      if (!check_file (line))
        return 2;
    }

  return 0;
}
