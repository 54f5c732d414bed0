/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-links.c: the one decision about opening a link from a feed.
 *
 * A feed is written by someone else and may come from a compromised host,
 * so a link in it is treated as hostile: the app opens only web pages over
 * HTTPS and e-mail addresses. Everything else (file:, javascript:, data:,
 * http:, custom schemes that start other programs, …) is shown as text. */
#include "config.h"

#include <string.h>

#include "connect-links.h"

/* Longest link the app will open; a longer one is shown as text. */
#define MAX_LINK_LENGTH 2048

/* Only printable ASCII without white space, quotes, angle brackets or
 * backslashes: no control characters that could confuse a launcher, no
 * look-alike tricks with spaces, and nothing a shell or a URI handler may
 * read differently from GUri. */
static gboolean
is_plain_uri_text (const char *uri)
{
  for (const char *p = uri; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' ||
          c == '\\' || c == '`' || c == '{' || c == '}' || c == '|' || c == '^')
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_safe_https (GUri *uri)
{
  const char *host = g_uri_get_host (uri);

  /* A host is required; "https://bank.example@evil.example/" style user
   * information only serves to mislead, so it is refused. */
  if (host == NULL || *host == '\0')
    return FALSE;
  if (g_uri_get_userinfo (uri) != NULL)
    return FALSE;

  return TRUE;
}

static gboolean
is_safe_mailto (GUri *uri)
{
  const char *path = g_uri_get_path (uri);
  const char *at;

  /* mailto:ADDRESS, one address, without headers (?body=, ?attach=, …)
   * that could fill in a message the user did not write. */
  if (g_uri_get_host (uri) != NULL || g_uri_get_query (uri) != NULL ||
      g_uri_get_fragment (uri) != NULL)
    return FALSE;
  if (path == NULL || *path == '\0')
    return FALSE;

  at = strchr (path, '@');
  return at != NULL && at != path && at[1] != '\0' &&
         strchr (at + 1, '@') == NULL && strpbrk (path, ",;") == NULL;
}

/**
 * connect_link_is_safe:
 * @uri: (nullable): a link as the feed gives it
 *
 * Decides whether the app may open @uri with the desktop's default handler.
 * Only absolute `https:` links with a host and no user information, and
 * `mailto:` links to a single address without headers, are safe; anything
 * else — `http:`, `file:`, `javascript:`, `data:`, other schemes, relative
 * links, links with spaces or control characters, links longer than 2048
 * bytes — is not, and the UI shows it as text only.
 *
 * Returns: %TRUE when @uri may be opened
 */
gboolean
connect_link_is_safe (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL || *uri == '\0')
    return FALSE;
  if (strlen (uri) > MAX_LINK_LENGTH || !is_plain_uri_text (uri))
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return is_safe_https (parsed);
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return is_safe_mailto (parsed);

  return FALSE;
}
