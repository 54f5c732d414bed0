/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CONNECT_ERROR (connect_error_quark ())

/**
 * ConnectError:
 * @CONNECT_ERROR_INVALID_FEED: the feed breaks a rule of the format
 * @CONNECT_ERROR_TOO_LARGE: the feed is larger than the size cap
 * @CONNECT_ERROR_OFFLINE: no network
 * @CONNECT_ERROR_NAME_RESOLUTION: the host name could not be resolved
 * @CONNECT_ERROR_TLS: the server's certificate cannot be trusted
 * @CONNECT_ERROR_TIMEOUT: the server did not answer in time
 * @CONNECT_ERROR_HTTP_STATUS: the server answered with an error status
 * @CONNECT_ERROR_TRUNCATED: the response ended before the whole feed came
 * @CONNECT_ERROR_INSECURE: the feed URL (or a redirect) is not https
 * @CONNECT_ERROR_CONNECTION: the connection failed for another reason
 * @CONNECT_ERROR_CACHE: the cache could not be read or written
 * @CONNECT_ERROR_CREDENTIALS: the secret service is unavailable or failed
 * @CONNECT_ERROR_FAILED: anything else
 */
typedef enum
{
  CONNECT_ERROR_INVALID_FEED,
  CONNECT_ERROR_TOO_LARGE,
  CONNECT_ERROR_OFFLINE,
  CONNECT_ERROR_NAME_RESOLUTION,
  CONNECT_ERROR_TLS,
  CONNECT_ERROR_TIMEOUT,
  CONNECT_ERROR_HTTP_STATUS,
  CONNECT_ERROR_TRUNCATED,
  CONNECT_ERROR_INSECURE,
  CONNECT_ERROR_CONNECTION,
  CONNECT_ERROR_CACHE,
  CONNECT_ERROR_CREDENTIALS,
  CONNECT_ERROR_FAILED,
} ConnectError;

GQuark connect_error_quark (void);

G_END_DECLS
