/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-debug-info.h: the troubleshooting text of the About window.
 *
 * Plain text for a bug report, in English so maintainers can read it
 * whatever the user's language: the app's version, the libraries in use
 * (run-time versions where the library can tell), the system, the feed
 * (address without user info or query, generated_at, format version,
 * size, checksum), the sync state (last success, last error) and the cache
 * folder. It never contains the access token: the store does not hold it,
 * and the address is shown through connect_feed_url_for_display().
 */
#pragma once

#include <glib.h>

#include "connect-store.h"

G_BEGIN_DECLS

/**
 * connect_debug_info_format:
 * @store: (nullable): the application's store
 * @libraries: (nullable) (array zero-terminated=1): more library lines
 *   that core cannot know, e.g. "GTK 4.8.3" from the UI
 * @now: (nullable): the current time (for tests)
 *
 * Returns: (transfer full): the debug text, lines ending with "\n"
 */
char *connect_debug_info_format (ConnectStore       *store,
                                 const char * const *libraries,
                                 GDateTime          *now);

G_END_DECLS
