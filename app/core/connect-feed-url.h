/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-feed-url.h: checking the feed address a user types in.
 *
 * A feed URL is either empty (the sample data built into the app) or an
 * absolute https:// URL with a well-formed host: a DNS name (letters,
 * digits and hyphens; internationalised names are accepted), an IPv4
 * address or a bracketed IPv6 address, an optional port 1–65535, and no
 * user name or password (a partner's access token goes to the password
 * store, never into the address). The check is the same in the
 * preferences, the store and the command line.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longer addresses are refused. */
#define CONNECT_FEED_URL_MAX_LENGTH 2048

/**
 * connect_feed_url_check:
 * @url: (nullable): the address as typed (%NULL or "" is the sample)
 * @error: a #GError, or %NULL
 *
 * Checks @url. The errors are CONNECT_ERROR_INSECURE for another scheme
 * than https (http:// in particular), or a G_URI_ERROR code (BAD_SCHEME
 * when there is no scheme at all, BAD_HOST, BAD_PORT, BAD_USER,
 * BAD_PASSWORD, FAILED) with a translated message that says what to fix.
 * Leading or trailing white space is an error: use
 * connect_feed_url_normalize() first.
 *
 * Returns: %TRUE when @url can be saved as the feed URL
 */
gboolean  connect_feed_url_check          (const char  *url,
                                           GError     **error);

/**
 * connect_feed_url_normalize:
 * @url: (nullable): the address as typed
 *
 * Strips white space around @url. Nothing else is changed, so what is
 * saved is what the user sees.
 *
 * Returns: (transfer full): the stripped address ("" for %NULL)
 */
char     *connect_feed_url_normalize      (const char  *url);

/**
 * connect_feed_url_for_display:
 * @url: (nullable): a feed URL
 *
 * The address safe to show in a bug report: any user name or password
 * and the query are replaced by "…". Returns %NULL for %NULL or "".
 *
 * Returns: (transfer full) (nullable): the address to show
 */
char     *connect_feed_url_for_display    (const char  *url);

G_END_DECLS
