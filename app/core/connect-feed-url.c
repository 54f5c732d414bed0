/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "connect-error.h"
#include "connect-feed-url.h"

#define PARSE_FLAGS (G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE)

static gboolean
has_space_or_control (const char *url)
{
  for (const char *p = url; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_dns_label (const char *label,
              gsize       length)
{
  if (length == 0 || length > 63)
    return FALSE;
  if (label[0] == '-' || label[length - 1] == '-')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (label[i]) && label[i] != '-')
      return FALSE;

  return TRUE;
}

/* @host is ASCII (GUri turns an internationalised name into punycode). */
static gboolean
is_host_name (const char *host)
{
  gsize length = strlen (host);
  const char *label;
  const char *last = host;
  gboolean all_digits = TRUE;

  /* One trailing dot (a fully qualified name) is fine. */
  if (length > 0 && host[length - 1] == '.')
    length--;
  if (length == 0 || length > 253)
    return FALSE;

  label = host;
  while (label < host + length)
    {
      const char *dot = memchr (label, '.', host + length - label);
      gsize label_length = (dot != NULL ? dot : host + length) - label;

      if (!is_dns_label (label, label_length))
        return FALSE;
      last = label;
      if (dot == NULL)
        break;
      label = dot + 1;
      if (label == host + length)
        return FALSE;
    }

  /* A name whose last label is a number is a malformed IP address
   * (256.1.1.1, 10.1), not a host name. */
  for (const char *p = last; p < host + length; p++)
    if (!g_ascii_isdigit (*p))
      all_digits = FALSE;

  return !all_digits;
}

static gboolean
set_error (GError     **error,
           GQuark       domain,
           int          code,
           const char  *message)
{
  g_set_error_literal (error, domain, code, message);
  return FALSE;
}

gboolean
connect_feed_url_check (const char  *url,
                        GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *message = NULL;
  const char *scheme_end;
  const char *host;
  int port;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (url == NULL || url[0] == '\0')
    return TRUE;

  if (strlen (url) > CONNECT_FEED_URL_MAX_LENGTH)
    {
      message = g_strdup_printf (_("The address is too long (more than %d characters)."),
                                 CONNECT_FEED_URL_MAX_LENGTH);
      return set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED, message);
    }

  if (!g_utf8_validate (url, -1, NULL))
    return set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED,
                      _("The address contains characters that are not valid text."));

  if (has_space_or_control (url))
    return set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED,
                      _("The address must not contain spaces. Copy it again from the partnership’s instructions."));

  scheme_end = strstr (url, "://");
  if (scheme_end == NULL || g_uri_peek_scheme (url) == NULL)
    {
      const char *scheme = g_uri_peek_scheme (url);

      if (g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0)
        return set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME,
                          _("The address must start with https:// followed by the server name."));
      /* Translators: %s is what the user typed, shown with https:// added */
      message = g_strdup_printf (_("The address must start with https://, for example https://%s"), url);
      return set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME, message);
    }

  if (g_ascii_strncasecmp (url, "https://", strlen ("https://")) != 0)
    {
      const char *scheme = g_uri_peek_scheme (url);

      if (g_strcmp0 (scheme, "http") == 0)
        return set_error (error, CONNECT_ERROR, CONNECT_ERROR_INSECURE,
                          _("The address is not secure: it must start with https://, not http://. Data about patients’ trials is only read over an encrypted connection."));
      return set_error (error, CONNECT_ERROR, CONNECT_ERROR_INSECURE,
                        _("Only secure web addresses (starting with https://) can be used for the feed."));
    }

  uri = g_uri_parse (url, PARSE_FLAGS, &parse_error);
  if (uri == NULL)
    {
      switch (parse_error->code)
        {
        case G_URI_ERROR_BAD_HOST:
          return set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_HOST,
                            _("The server name in the address is not valid."));
        case G_URI_ERROR_BAD_PORT:
          return set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_PORT,
                            _("The port number in the address is not valid: it must be a number from 1 to 65535."));
        case G_URI_ERROR_BAD_USER:
        case G_URI_ERROR_BAD_PASSWORD:
        case G_URI_ERROR_BAD_AUTH_PARAMS:
          return set_error (error, G_URI_ERROR, parse_error->code,
                            _("The address must not contain a user name or password. Enter the access token in its own field instead."));
        case G_URI_ERROR_FAILED:
        case G_URI_ERROR_BAD_SCHEME:
        case G_URI_ERROR_BAD_PATH:
        case G_URI_ERROR_BAD_QUERY:
        case G_URI_ERROR_BAD_FRAGMENT:
        default:
          return set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED,
                            /* xgettext:no-c-format */
                            _("The address is not a valid web address. Check for typing mistakes or characters such as % that are not allowed."));
        }
    }

  if (g_uri_get_user (uri) != NULL || g_uri_get_password (uri) != NULL)
    return set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_USER,
                      _("The address must not contain a user name or password. Enter the access token in its own field instead."));

  host = g_uri_get_host (uri);
  if (host == NULL || host[0] == '\0')
    return set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_HOST,
                      _("The address has no server name: it must look like https://feed.example.org/feed.json."));

  if (!g_hostname_is_ip_address (host) && !is_host_name (host))
    {
      /* Translators: %s is the server name taken from the address */
      message = g_strdup_printf (_("“%s” is not a valid server name. A server name is made of letters, digits, hyphens and dots, such as feed.example.org."),
                                 host);
      return set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_HOST, message);
    }

  port = g_uri_get_port (uri);
  if (port == 0 || port > 65535)
    return set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_PORT,
                      _("The port number in the address is not valid: it must be a number from 1 to 65535."));

  return TRUE;
}

char *
connect_feed_url_normalize (const char *url)
{
  if (url == NULL)
    return g_strdup ("");

  return g_strstrip (g_strdup (url));
}

char *
connect_feed_url_for_display (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) shown = NULL;
  const char *scheme;

  if (url == NULL || url[0] == '\0')
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    {
      scheme = g_uri_peek_scheme (url);
      return g_strdup_printf ("%s://…", scheme != NULL ? scheme : "?");
    }

  shown = g_uri_build (G_URI_FLAGS_ENCODED,
                       g_uri_get_scheme (uri),
                       (g_uri_get_user (uri) != NULL || g_uri_get_password (uri) != NULL) ? "…" : NULL,
                       g_uri_get_host (uri),
                       g_uri_get_port (uri),
                       g_uri_get_path (uri),
                       g_uri_get_query (uri) != NULL ? "…" : NULL,
                       NULL);

  return g_uri_to_string (shown);
}
