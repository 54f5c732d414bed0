/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json.c: a libFuzzer target for the strict JSON syntax check.
 *
 * Besides memory errors, it checks the contract of connect_json_check():
 * a rejection always comes with a place inside the text and a message,
 * and an acceptance with neither. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "connect-json.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *copy = NULL;
  g_autofree char *message = NULL;
  guint line = 0, column = 0;
  gboolean ok;

  /* An exact-size heap copy, so a read past the end is caught. */
  copy = g_malloc (size > 0 ? size : 1);
  if (size > 0)
    memcpy (copy, data, size);

  ok = connect_json_check (copy, size, 64, &line, &column, &message);

  if (ok)
    {
      g_assert (message == NULL);
    }
  else
    {
      g_assert (message != NULL);
      g_assert (g_utf8_validate (message, -1, NULL));
      g_assert_cmpuint (line, >=, 1);
      g_assert_cmpuint (line, <=, size + 1);
      g_assert_cmpuint (column, >=, 1);
      g_assert_cmpuint (column, <=, size + 1);
    }

  return 0;
}
