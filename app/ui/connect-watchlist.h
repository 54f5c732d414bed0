/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-watchlist.h: the watched cohorts, kept in the GSettings strv key
 * `watched-cohorts`. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CONNECT_WATCHLIST_KEY "watched-cohorts"

gboolean connect_watchlist_contains (GSettings  *settings,
                                     const char *cohort_id);
void     connect_watchlist_set      (GSettings  *settings,
                                     const char *cohort_id,
                                     gboolean    watched);

G_END_DECLS
