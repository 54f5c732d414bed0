/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* CONNECT_TEST_SLOW=1 marks a slow run: build-aux/harden sets it for the
 * valgrind step, where every instruction costs 20-50 times more. Tests on
 * large generated feeds then build fewer cohorts (the same assertions), and
 * tests of network deadlines stretch their short waits and bounds by
 * connect_test_time_scale () (the same error class, the same cache). */

static inline gboolean
connect_test_slow (void)
{
  const char *value = g_getenv ("CONNECT_TEST_SLOW");

  return value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0;
}

/* @n cohorts in an ordinary run, 2 000 in a slow one. */
static inline guint
connect_test_n_cohorts (guint n)
{
  return connect_test_slow () ? MIN (n, 2000) : n;
}

/* 1 in an ordinary run, 10 in a slow one. */
static inline guint
connect_test_time_scale (void)
{
  return connect_test_slow () ? 10 : 1;
}
