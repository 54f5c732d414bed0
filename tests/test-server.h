/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-server.h: HTTPS test servers on 127.0.0.1 for the sync tests.
 *
 * TestServer: a SoupServer with one of the committed certificates in
 * tests/certs/, whose behaviour depends on the path (see server_cb).
 * RawServer: a TLS socket server writing a fixed raw HTTP response, for the
 * cases a SoupServer cannot produce (a cut chunked body, a short
 * Content-Length body).
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

typedef struct
{
  SoupServer *server;
  guint       port;
  char       *base;        /* https://127.0.0.1:PORT */
  GBytes     *feed;        /* what /feed serves */
  char       *etag;        /* of /feed */
  char       *last_modified;
  GHashTable *hits;        /* path → count */
  char       *last_user_agent;
  char       *last_authorization;  /* of the last request, or NULL */
  GPtrArray  *paused;      /* hanging messages */
  GPtrArray  *drips;       /* drip sources */
  guint       fail_first;  /* /flaky answers 500 this many times */
} TestServer;

static G_GNUC_UNUSED char *
test_cert_path (const char *name)
{
  return g_build_filename (g_getenv ("CONNECT_TEST_DATA"), "certs", name, NULL);
}

static G_GNUC_UNUSED GTlsCertificate *
test_load_cert (const char *name)
{
  g_autofree char *pem_name = g_strdup_printf ("%s.pem", name);
  g_autofree char *key_name = g_strdup_printf ("%s.key", name);
  g_autofree char *pem = test_cert_path (pem_name);
  g_autofree char *key = test_cert_path (key_name);
  g_autoptr(GError) error = NULL;
  GTlsCertificate *cert;

  cert = g_tls_certificate_new_from_files (pem, key, &error);
  g_assert_no_error (error);
  return cert;
}

static G_GNUC_UNUSED GBytes *
test_read_feed (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static G_GNUC_UNUSED GBytes *
test_gzip (const void *data,
           gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;
  gsize written;

  g_output_stream_write_all (out, data, length, &written, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static gboolean
drip_cb (gpointer data)
{
  SoupServerMessage *msg = data;

  soup_message_body_append (soup_server_message_get_response_body (msg),
                            SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (msg);
  return G_SOURCE_CONTINUE;
}

static void
drip_finished_cb (SoupServerMessage *msg,
                  GSource           *source)
{
  g_source_destroy (source);
}

static void
hang_finished_cb (SoupServerMessage *msg,
                  GPtrArray         *paused)
{
  g_ptr_array_remove (paused, msg);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           data)
{
  TestServer *self = data;
  SoupMessageHeaders *req = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *resp = soup_server_message_get_response_headers (msg);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path)) + 1;

  g_hash_table_insert (self->hits, g_strdup (path), GUINT_TO_POINTER (count));
  g_free (self->last_user_agent);
  self->last_user_agent = g_strdup (soup_message_headers_get_one (req, "User-Agent"));
  g_free (self->last_authorization);
  self->last_authorization = g_strdup (soup_message_headers_get_one (req, "Authorization"));

  if (g_str_equal (path, "/feed") || g_str_equal (path, "/lm") || g_str_equal (path, "/echo"))
    {
      gboolean use_etag = !g_str_equal (path, "/lm");
      const char *inm = soup_message_headers_get_one (req, "If-None-Match");
      const char *ims = soup_message_headers_get_one (req, "If-Modified-Since");

      if (use_etag)
        soup_message_headers_replace (resp, "ETag", self->etag);
      soup_message_headers_replace (resp, "Last-Modified", self->last_modified);
      if ((use_etag && inm != NULL && g_str_equal (inm, self->etag))
          || (!use_etag && ims != NULL && g_str_equal (ims, self->last_modified)))
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (self->feed, NULL),
                                        g_bytes_get_size (self->feed));
    }
  else if (g_str_equal (path, "/flaky"))
    {
      if (count <= self->fail_first)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
          return;
        }
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (self->feed, NULL),
                                        g_bytes_get_size (self->feed));
    }
  else if (g_str_equal (path, "/always500"))
    soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
  else if (g_str_equal (path, "/missing"))
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  else if (g_str_equal (path, "/hang"))
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (self->paused, g_object_ref (msg));
      g_signal_connect (msg, "finished", G_CALLBACK (hang_finished_cb), self->paused);
    }
  else if (g_str_equal (path, "/drip"))
    {
      GSource *source = g_timeout_source_new (100);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (resp, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (resp, "application/json", NULL);
      soup_message_body_append (soup_server_message_get_response_body (msg),
                                SOUP_MEMORY_STATIC, "{", 1);
      g_source_set_callback (source, drip_cb, g_object_ref (msg), g_object_unref);
      g_source_attach (source, NULL);
      g_ptr_array_add (self->drips, source);
      g_signal_connect (msg, "finished", G_CALLBACK (drip_finished_cb), source);
    }
  else if (g_str_equal (path, "/big"))
    {
      gsize size = 256 * 1024;
      char *body = g_malloc (size);

      memset (body, ' ', size);
      body[0] = '[';
      body[size - 1] = ']';
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, size);
    }
  else if (g_str_equal (path, "/big-chunked"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);
      static char block[16 * 1024];

      memset (block, ' ', sizeof block);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (resp, SOUP_ENCODING_CHUNKED);
      for (guint i = 0; i < 16; i++)
        soup_message_body_append (body, SOUP_MEMORY_STATIC, block, sizeof block);
      soup_message_body_complete (body);
    }
  else if (g_str_equal (path, "/gzip"))
    {
      g_autoptr(GBytes) gz = test_gzip (g_bytes_get_data (self->feed, NULL),
                                        g_bytes_get_size (self->feed));

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (resp, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (gz, NULL), g_bytes_get_size (gz));
    }
  else if (g_str_equal (path, "/bomb"))
    {
      gsize size = 16 * 1024 * 1024;
      g_autofree char *zeros = g_malloc0 (size);
      g_autoptr(GBytes) gz = test_gzip (zeros, size);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (resp, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (gz, NULL), g_bytes_get_size (gz));
    }
  else if (g_str_equal (path, "/invalid"))
    {
      static const char invalid[] =
        "{\"format\": \"connect-feed\", \"version\": 1, \"generated_at\": \"2026-11-20T08:00:00Z\","
        " \"trials\": [], \"cohorts\": [{\"id\": \"bad id!\"}]}";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        invalid, strlen (invalid));
    }
  else if (g_str_equal (path, "/extra-brace"))
    {
      /* Whole, but broken at its very last character. */
      g_autofree char *text = g_strdup_printf ("%.*s}", (int) g_bytes_get_size (self->feed),
                                               (const char *) g_bytes_get_data (self->feed, NULL));

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        text, strlen (text));
    }
  else if (g_str_equal (path, "/to-http"))
    {
      g_autofree char *location = g_strdup_printf ("http://127.0.0.1:%u/feed", self->port);

      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
    }
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_equal (path, "/to-feed"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/echo");
  else if (g_str_equal (path, "/to-localhost"))
    {
      g_autofree char *location = g_strdup_printf ("https://localhost:%u/echo", self->port);

      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static G_GNUC_UNUSED TestServer *
test_server_new (const char *cert_name,
                 GBytes     *feed)
{
  TestServer *self = g_new0 (TestServer, 1);
  g_autoptr(GTlsCertificate) cert = test_load_cert (cert_name);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSList *listeners;

  self->server = soup_server_new ("tls-certificate", cert, NULL);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->paused = g_ptr_array_new_with_free_func (g_object_unref);
  self->drips = g_ptr_array_new ();
  self->feed = g_bytes_ref (feed);
  self->etag = g_strdup ("\"v1\"");
  self->last_modified = g_strdup ("Wed, 25 Nov 2026 08:00:00 GMT");
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  soup_server_listen (self->server, address, SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);

  /* The port from the listening socket itself: soup_server_get_uris ()
   * would leak one address per server (libsoup 3.2's SoupListener never
   * frees the local address it caches). */
  listeners = soup_server_get_listeners (self->server);
  g_assert_nonnull (listeners);
  bound = g_socket_get_local_address (listeners->data, &error);
  g_assert_no_error (error);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_slist_free (listeners);
  self->base = g_strdup_printf ("https://127.0.0.1:%u", self->port);
  return self;
}

static G_GNUC_UNUSED char *
test_server_url (TestServer *self,
                 const char *path)
{
  return g_strconcat (self->base, path, NULL);
}

static G_GNUC_UNUSED guint
test_server_hits (TestServer *self,
                  const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));
}

static G_GNUC_UNUSED void
test_server_free (TestServer *self)
{
  for (guint i = 0; i < self->drips->len; i++)
    {
      g_source_destroy (self->drips->pdata[i]);
      g_source_unref (self->drips->pdata[i]);
    }
  g_ptr_array_unref (self->drips);
  for (guint i = 0; i < self->paused->len; i++)
    g_signal_handlers_disconnect_by_func (self->paused->pdata[i], hang_finished_cb, self->paused);
  soup_server_disconnect (self->server);
  g_ptr_array_unref (self->paused);
  g_object_unref (self->server);
  g_hash_table_unref (self->hits);
  g_bytes_unref (self->feed);
  g_free (self->etag);
  g_free (self->last_modified);
  g_free (self->last_user_agent);
  g_free (self->last_authorization);
  g_free (self->base);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

/* The raw TLS server: every connection gets @response, then the
 * connection is closed (without a TLS close_notify). */

typedef struct
{
  GSocketService  *service;
  GTlsCertificate *cert;
  GBytes          *response;
  guint            port;
  char            *base;
} RawServer;

static gboolean
raw_run_cb (GThreadedSocketService *service,
            GSocketConnection      *connection,
            GObject                *source_object,
            gpointer                data)
{
  RawServer *self = data;
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GError) error = NULL;
  GString *request = g_string_new (NULL);
  GInputStream *in;
  GOutputStream *out;
  char buf[1024];

  tls = g_tls_server_connection_new (G_IO_STREAM (connection), self->cert, &error);
  if (tls == NULL)
    goto out;
  if (!g_tls_connection_handshake (G_TLS_CONNECTION (tls), NULL, &error))
    goto out;

  in = g_io_stream_get_input_stream (tls);
  out = g_io_stream_get_output_stream (tls);
  while (strstr (request->str, "\r\n\r\n") == NULL && request->len < 65536)
    {
      gssize n = g_input_stream_read (in, buf, sizeof buf, NULL, &error);

      if (n <= 0)
        goto out;
      g_string_append_len (request, buf, n);
    }

  g_output_stream_write_all (out, g_bytes_get_data (self->response, NULL),
                             g_bytes_get_size (self->response), NULL, NULL, &error);
  g_output_stream_flush (out, NULL, NULL);
  g_usleep (50 * 1000);

out:
  g_string_free (request, TRUE);
  /* Close the TCP connection under TLS: a cut, not a clean close. */
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static G_GNUC_UNUSED RawServer *
raw_server_new (GBytes *response)
{
  RawServer *self = g_new0 (RawServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  self->cert = test_load_cert ("server");
  self->response = g_bytes_ref (response);
  self->service = g_threaded_socket_service_new (4);
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  self->base = g_strdup_printf ("https://127.0.0.1:%u", self->port);
  g_signal_connect (self->service, "run", G_CALLBACK (raw_run_cb), self);
  g_socket_service_start (self->service);
  return self;
}

static G_GNUC_UNUSED void
raw_server_free (RawServer *self)
{
  /* Let the connection threads finish with @self. */
  g_usleep (200 * 1000);
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  g_object_unref (self->service);
  g_object_unref (self->cert);
  g_bytes_unref (self->response);
  g_free (self->base);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawServer, raw_server_free)
