/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-resources.c: memory under hostile and repeated fetches (suite
 * "resources", run by build-aux/test on the plain build; the numbers are
 * for an uninstrumented process, so not under a sanitizer or valgrind).
 *
 * endless-body: a local TLS server streams a chunked body that never ends;
 * the fetch must stop at the cap (64 MiB, the default) with
 * CONNECT_ERROR_TOO_LARGE, and the process' peak resident memory (VmHWM,
 * reset just before the fetch) must stay below the cap + 50 MiB.
 *
 * many-syncs: 10 000 fetches of a feed from a local HTTPS server, each
 * parsed and validated; the heap in use (mallinfo2, all arenas) after
 * 10 000 must not exceed that after 1 000 by more than 2 MiB, nor the
 * resident memory (VmRSS) by more than 4 MiB. A new ConnectSync (new
 * session, new TLS connection) every 500 fetches covers set-up and teardown
 * too. The server is libsoup's SoupServer in this process, which itself
 * keeps about 55 bytes per request it served until it is freed (half a
 * megabyte of the growth here, a leak of a feed per sync would be 45 MB); against
 * nginx (CONNECT_RESOURCES_URL=https://127.0.0.1:PORT/feed.json, with
 * tests/certs/server.pem) the heap in use is flat to the kilobyte.
 *
 * The measurements are printed as TAP comments. CONNECT_RESOURCES_SYNCS
 * overrides the 10 000 (for a quicker look). */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "connect-error.h"
#include "connect-sync.h"
#include "test-server.h"

#define MIB ((gsize) 1024 * 1024)

/* kB from a "Name:   1234 kB" line of /proc/self/status */
static gsize
status_kb (const char *name)
{
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;

  g_file_get_contents ("/proc/self/status", &status, NULL, &error);
  g_assert_no_error (error);
  line = strstr (status, name);
  g_assert_nonnull (line);
  return (gsize) g_ascii_strtoull (line + strlen (name) + 1, NULL, 10);
}

/* Starts a new peak: VmHWM is set back to the current VmRSS. */
static void
reset_peak (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");

  g_assert_nonnull (f);
  g_assert_cmpint (fputs ("5", f), >=, 0);
  g_assert_cmpint (fclose (f), ==, 0);
}

static ConnectSync *
new_sync (void)
{
  ConnectSync *sync = connect_sync_new ();
  g_autofree char *ca = test_cert_path ("ca.pem");
  g_autoptr(GError) error = NULL;

  connect_sync_set_ca_file (sync, ca, &error);
  g_assert_no_error (error);
  connect_sync_set_timeout (sync, 20);
  connect_sync_set_deadline (sync, 120000);
  connect_sync_set_retries (sync, 0, 10);
  return sync;
}

/* The endless server: a TLS socket service whose every connection gets a
 * 200 with a chunked body of white space after "[" that never ends; it
 * stops only when the client goes away (or, as a safety net, after 4 GiB). */
typedef struct
{
  GSocketService  *service;
  GTlsCertificate *cert;
  char            *base;
  gint             connections;
  GMutex           lock;
  gsize            written;   /* bytes of body sent, all connections */
} EndlessServer;

static gsize
endless_server_written (EndlessServer *self)
{
  gsize written;

  g_mutex_lock (&self->lock);
  written = self->written;
  g_mutex_unlock (&self->lock);
  return written;
}

static gboolean
endless_run_cb (GThreadedSocketService *service,
                GSocketConnection      *connection,
                GObject                *source_object,
                gpointer                data)
{
  EndlessServer *self = data;
  static const char head[] =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: application/json\r\n"
    "Transfer-Encoding: chunked\r\n"
    "\r\n"
    "1\r\n[\r\n";
  static char chunk[7 + 65536 + 2];
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GError) error = NULL;
  GString *request = g_string_new (NULL);
  GOutputStream *out;
  GInputStream *in;
  char buf[1024];

  g_atomic_int_inc (&self->connections);

  tls = g_tls_server_connection_new (G_IO_STREAM (connection), self->cert, &error);
  if (tls == NULL || !g_tls_connection_handshake (G_TLS_CONNECTION (tls), NULL, &error))
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

  if (!g_output_stream_write_all (out, head, sizeof head - 1, NULL, NULL, &error))
    goto out;

  /* "10000\r\n" + 64 KiB of spaces + "\r\n", written again and again. */
  memcpy (chunk, "10000\r\n", 7);
  memset (chunk + 7, ' ', 65536);
  memcpy (chunk + 7 + 65536, "\r\n", 2);
  for (gsize sent = 0; sent < 4096 * MIB; sent += 65536)
    {
      if (!g_output_stream_write_all (out, chunk, 7 + 65536 + 2, NULL, NULL, &error))
        break;
      g_mutex_lock (&self->lock);
      self->written += 65536;
      g_mutex_unlock (&self->lock);
    }

out:
  g_string_free (request, TRUE);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static EndlessServer *
endless_server_new (void)
{
  EndlessServer *self = g_new0 (EndlessServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&self->lock);
  self->cert = test_load_cert ("server");
  self->service = g_threaded_socket_service_new (2);
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  self->base = g_strdup_printf ("https://127.0.0.1:%u",
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  g_signal_connect (self->service, "run", G_CALLBACK (endless_run_cb), self);
  g_socket_service_start (self->service);
  return self;
}

static void
endless_server_free (EndlessServer *self)
{
  /* The client has gone: the writing thread fails and returns. */
  g_usleep (300 * 1000);
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  g_object_unref (self->service);
  g_object_unref (self->cert);
  g_mutex_clear (&self->lock);
  g_free (self->base);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EndlessServer, endless_server_free)

static void
test_resources_endless_body (void)
{
  g_autoptr(EndlessServer) server = endless_server_new ();
  g_autoptr(ConnectSync) sync = new_sync ();
  g_autoptr(ConnectFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (server->base, "/feed.json", NULL);
  gsize cap = CONNECT_FEED_DEFAULT_MAX_SIZE;
  gsize rss_before, hwm_before, hwm_after;
  gint64 start, elapsed;

  g_assert_cmpuint (cap, ==, 64 * MIB);
  connect_sync_set_max_size (sync, cap);

  reset_peak ();
  rss_before = status_kb ("VmRSS:");
  hwm_before = status_kb ("VmHWM:");

  start = g_get_monotonic_time ();
  result = connect_sync_fetch (sync, url, NULL, &error);
  elapsed = g_get_monotonic_time () - start;
  hwm_after = status_kb ("VmHWM:");

  g_test_message ("endless body: cap %" G_GSIZE_FORMAT " MiB; body sent by the server "
                  "%" G_GSIZE_FORMAT " MiB in %.1f s; VmRSS before %" G_GSIZE_FORMAT
                  " kB, VmHWM before %" G_GSIZE_FORMAT " kB, after %" G_GSIZE_FORMAT
                  " kB (peak %" G_GSIZE_FORMAT " MiB, growth %" G_GSIZE_FORMAT " MiB)",
                  cap / MIB, endless_server_written (server) / MIB,
                  elapsed / 1e6, rss_before, hwm_before, hwm_after,
                  hwm_after / 1024, (hwm_after - hwm_before) / 1024);

  g_assert_null (result);
  g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_TOO_LARGE);
  g_assert_cmpint (g_atomic_int_get (&server->connections), ==, 1);
  /* It read up to the cap, not a little of it. */
  g_assert_cmpuint (endless_server_written (server), >=, cap - MIB);
  /* Peak resident memory of the whole process below cap + 50 MiB. */
  g_assert_cmpuint (hwm_after, <, (cap + 50 * MIB) / 1024);
}

static void
test_resources_many_syncs (void)
{
  g_autoptr(GBytes) feed = test_read_feed ("base.json");
  g_autoptr(TestServer) server = test_server_new ("server", feed);
  g_autoptr(ConnectSync) sync = NULL;
  g_autofree char *url = test_server_url (server, "/feed");
  const char *env = g_getenv ("CONNECT_RESOURCES_SYNCS");
  const char *other_url = g_getenv ("CONNECT_RESOURCES_URL");
  guint total = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 10000;
  guint first = total / 10;
  gsize rss_first = 0, rss_last, hwm;
  gsize heap_first = 0, heap_last;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpuint (total, >=, 100);

  for (guint i = 1; i <= total; i++)
    {
      g_autoptr(ConnectFetchResult) result = NULL;
      g_autoptr(GError) error = NULL;

      if (sync == NULL || i % 500 == 0)
        {
          g_clear_object (&sync);
          sync = new_sync ();
        }

      result = connect_sync_fetch (sync, other_url ? other_url : url, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (result->feed);
      g_assert_cmpuint (result->status, ==, 200);

      if (i == first)
        {
          g_clear_pointer (&result, connect_fetch_result_free);
          rss_first = status_kb ("VmRSS:");
          heap_first = mallinfo2 ().uordblks;
          g_test_message ("after %u syncs: VmRSS %" G_GSIZE_FORMAT " kB, heap in use %"
                          G_GSIZE_FORMAT " kB (%.1f s)",
                          i, rss_first, heap_first / 1024,
                          (g_get_monotonic_time () - start) / 1e6);
        }
    }

  g_clear_object (&sync);
  rss_last = status_kb ("VmRSS:");
  heap_last = mallinfo2 ().uordblks;
  hwm = status_kb ("VmHWM:");
  g_test_message ("after %u syncs: VmRSS %" G_GSIZE_FORMAT " kB, heap in use %" G_GSIZE_FORMAT
                  " kB (%.1f s); growth since %u: VmRSS %" G_GSSIZE_FORMAT " kB, heap %"
                  G_GSSIZE_FORMAT " kB; VmHWM %" G_GSIZE_FORMAT " kB",
                  total, rss_last, heap_last / 1024, (g_get_monotonic_time () - start) / 1e6,
                  first, (gssize) rss_last - (gssize) rss_first,
                  ((gssize) heap_last - (gssize) heap_first) / 1024, hwm);

  g_assert_cmpuint (test_server_hits (server, "/feed"), ==, other_url ? 0 : total);
  g_assert_cmpuint (heap_last, <=, heap_first + 2 * MIB);
  g_assert_cmpuint (rss_last, <=, rss_first + 4 * 1024);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/resources/endless-body", test_resources_endless_body);
  g_test_add_func ("/connect/resources/many-syncs", test_resources_many_syncs);

  return g_test_run ();
}
