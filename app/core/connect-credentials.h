/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-credentials.h: a partner access token per feed URL, kept in the
 * Secret Service (libsecret; schema org.connectnorway.Cohorts.Token, the
 * attribute "feed-url"). Never written to GSettings, files or logs. With no
 * Secret Service the token is not kept and the error is
 * CONNECT_ERROR_CREDENTIALS with a plain-words message. */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

const SecretSchema *connect_credentials_get_schema   (void);

void      connect_credentials_store_async   (const char          *feed_url,
                                             const char          *token,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean  connect_credentials_store_finish  (GAsyncResult        *result,
                                             GError             **error);

/* The token for @feed_url, or %NULL without an error when there is none. */
void      connect_credentials_lookup_async  (const char          *feed_url,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char     *connect_credentials_lookup_finish (GAsyncResult        *result,
                                             GError             **error);

void      connect_credentials_clear_async   (const char          *feed_url,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean  connect_credentials_clear_finish  (GAsyncResult        *result,
                                             GError             **error);

/* Blocking versions (command line, tests). */
gboolean  connect_credentials_store         (const char          *feed_url,
                                             const char          *token,
                                             GCancellable        *cancellable,
                                             GError             **error);
char     *connect_credentials_lookup        (const char          *feed_url,
                                             GCancellable        *cancellable,
                                             GError             **error);
gboolean  connect_credentials_clear         (const char          *feed_url,
                                             GCancellable        *cancellable,
                                             GError             **error);

G_END_DECLS
