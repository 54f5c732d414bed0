/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "connect-error.h"
#include "connect-sync.h"

#define READ_CHUNK      (64 * 1024)
#define MAX_RETRY_DELAY (30 * 1000)

struct _ConnectSync
{
  GObject      parent_instance;

  SoupSession *session;
  guint        deadline_msec;
  gsize        max_size;
  guint        max_retries;
  guint        first_delay_msec;
  char        *token;
};

G_DEFINE_FINAL_TYPE (ConnectSync, connect_sync, G_TYPE_OBJECT)

/* ConnectFetchResult */

G_DEFINE_BOXED_TYPE (ConnectFetchResult, connect_fetch_result,
                     connect_fetch_result_copy, connect_fetch_result_free)

void
connect_fetch_result_free (ConnectFetchResult *result)
{
  if (result == NULL)
    return;
  g_clear_object (&result->feed);
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result->url);
  g_free (result);
}

ConnectFetchResult *
connect_fetch_result_copy (const ConnectFetchResult *result)
{
  ConnectFetchResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_new0 (ConnectFetchResult, 1);
  copy->not_modified = result->not_modified;
  copy->feed = result->feed != NULL ? g_object_ref (result->feed) : NULL;
  copy->bytes = result->bytes != NULL ? g_bytes_ref (result->bytes) : NULL;
  copy->etag = g_strdup (result->etag);
  copy->last_modified = g_strdup (result->last_modified);
  copy->url = g_strdup (result->url);
  copy->status = result->status;
  copy->attempts = result->attempts;
  return copy;
}

/* Helpers */

static gboolean
url_is_https (const char *url)
{
  const char *scheme = g_uri_peek_scheme (url);

  return scheme != NULL && g_str_equal (scheme, "https");
}

gboolean
connect_sync_token_allowed (const char *feed_url,
                            const char *request_url)
{
  g_autoptr(GUri) feed = NULL;
  g_autoptr(GUri) request = NULL;

  g_return_val_if_fail (feed_url != NULL, FALSE);
  g_return_val_if_fail (request_url != NULL, FALSE);

  if (!url_is_https (feed_url) || !url_is_https (request_url))
    return FALSE;

  feed = g_uri_parse (feed_url, SOUP_HTTP_URI_FLAGS, NULL);
  request = g_uri_parse (request_url, SOUP_HTTP_URI_FLAGS, NULL);
  if (feed == NULL || request == NULL
      || g_uri_get_host (feed) == NULL || g_uri_get_host (request) == NULL)
    return FALSE;

  return g_ascii_strcasecmp (g_uri_get_host (feed), g_uri_get_host (request)) == 0
         && g_uri_get_port (feed) == g_uri_get_port (request);
}

static GError *
insecure_error (const char *url)
{
  return g_error_new (CONNECT_ERROR, CONNECT_ERROR_INSECURE,
                      _("The feed address %s is not secure (it must start with https://), so it was not used."),
                      url);
}

/* The fetch state machine */

typedef struct
{
  char          *feed_url;
  char          *url;
  char          *etag;
  char          *last_modified;

  GCancellable  *cancellable;      /* ours: user or deadline */
  GCancellable  *user_cancellable;
  gulong         user_cancel_id;
  GSource       *deadline_source;
  gboolean       deadline_hit;
  GSource       *retry_source;

  guint          attempts;
  guint          redirects;

  SoupMessage   *msg;
  GInputStream  *stream;
  GByteArray    *buffer;
  GBytes        *body;        /* the whole body, once read: no copy */
  goffset        content_length;
  gboolean       in_body;
} Fetch;

static void
fetch_free (Fetch *f)
{
  if (f->user_cancel_id != 0)
    g_cancellable_disconnect (f->user_cancellable, f->user_cancel_id);
  g_clear_object (&f->user_cancellable);
  if (f->deadline_source != NULL)
    g_source_destroy (f->deadline_source);
  g_clear_pointer (&f->deadline_source, g_source_unref);
  if (f->retry_source != NULL)
    g_source_destroy (f->retry_source);
  g_clear_pointer (&f->retry_source, g_source_unref);
  g_clear_object (&f->cancellable);
  g_clear_object (&f->stream);
  g_clear_object (&f->msg);
  g_clear_pointer (&f->buffer, g_byte_array_unref);
  g_clear_pointer (&f->body, g_bytes_unref);
  g_free (f->feed_url);
  g_free (f->url);
  g_free (f->etag);
  g_free (f->last_modified);
  g_free (f);
}

static void fetch_attempt (GTask *task);

static void
user_cancelled_cb (GCancellable *user_cancellable,
                   GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static gboolean
deadline_cb (gpointer data)
{
  GTask *task = data;
  Fetch *f = g_task_get_task_data (task);

  f->deadline_hit = TRUE;
  g_clear_pointer (&f->deadline_source, g_source_unref);
  g_cancellable_cancel (f->cancellable);

  /* Waiting for a retry: nothing is in flight to notice the cancel. */
  if (f->retry_source != NULL)
    {
      g_source_destroy (f->retry_source);
      g_clear_pointer (&f->retry_source, g_source_unref);
      fetch_attempt (task);
    }

  return G_SOURCE_REMOVE;
}

static char *
http_reason (guint status)
{
  const char *phrase = soup_status_get_phrase (status);

  if (phrase != NULL)
    return g_strdup_printf ("%u %s", status, phrase);
  return g_strdup_printf ("%u", status);
}

static GError *
status_error (guint status)
{
  g_autofree char *reason = http_reason (status);

  if (status == 401 || status == 403)
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_HTTP_STATUS,
                        _("The server refused access to the feed (%s). Check the access token in Preferences."),
                        reason);
  if (status == 404 || status == 410)
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_HTTP_STATUS,
                        _("The server has no feed at this address (%s). Check the feed address in Preferences."),
                        reason);
  if (status >= 500)
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_HTTP_STATUS,
                        _("The server had a problem (%s). Try again later."),
                        reason);
  return g_error_new (CONNECT_ERROR, CONNECT_ERROR_HTTP_STATUS,
                      _("The server answered with an error (%s)."), reason);
}

static GError *
tls_error (Fetch        *f,
           const GError *error)
{
  GTlsCertificateFlags flags = 0;

  if (f->msg != NULL)
    flags = soup_message_get_tls_peer_certificate_errors (f->msg);

  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_TLS,
                        _("The server’s security certificate belongs to another server, so the connection was refused. Someone may be impersonating the feed’s server."));
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_TLS,
                        _("The server’s security certificate has expired, so the connection was refused. Tell the feed’s publisher."));
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_TLS,
                        _("The server’s security certificate is not valid yet, so the connection was refused. Check this computer’s clock."));
  if (flags & (G_TLS_CERTIFICATE_UNKNOWN_CA | G_TLS_CERTIFICATE_INSECURE))
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_TLS,
                        _("The server’s security certificate is not trusted, so the connection was refused."));
  return g_error_new (CONNECT_ERROR, CONNECT_ERROR_TLS,
                      _("A secure connection to the server could not be made: %s"),
                      error->message);
}

static GError *
too_large_error (ConnectSync *self)
{
  g_autofree char *limit = g_format_size (self->max_size);

  return g_error_new (CONNECT_ERROR, CONNECT_ERROR_TOO_LARGE,
                      _("The feed is larger than the limit of %s, so it was not used."),
                      limit);
}

static gboolean
network_available (void)
{
  return g_network_monitor_get_network_available (g_network_monitor_get_default ());
}

/* Turns a transport error into a CONNECT_ERROR; *retry says whether it is
 * worth another attempt. */
static GError *
classify_error (ConnectSync  *self,
                Fetch        *f,
                const GError *error,
                gboolean     *retry)
{
  *retry = FALSE;

  if (f->deadline_hit)
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_TIMEOUT,
                        ngettext ("The server did not send the feed within %u second. Try again later.",
                                  "The server did not send the feed within %u seconds. Try again later.",
                                  MAX (1, self->deadline_msec / 1000)),
                        MAX (1, self->deadline_msec / 1000));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == CONNECT_ERROR)
    return g_error_copy (error);

  if (error->domain == G_TLS_ERROR)
    return tls_error (f, error);

  *retry = TRUE;

  if (error->domain == G_RESOLVER_ERROR)
    {
      if (!network_available ())
        return g_error_new (CONNECT_ERROR, CONNECT_ERROR_OFFLINE,
                            _("This computer is offline. The last downloaded data is shown."));
      return g_error_new (CONNECT_ERROR, CONNECT_ERROR_NAME_RESOLUTION,
                          _("The feed’s server name could not be found. Check the feed address and your network connection."));
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_TIMEOUT,
                        _("The server stopped answering. Try again later."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE)
      || !network_available ())
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_OFFLINE,
                        _("This computer is offline. The last downloaded data is shown."));

  if (f->in_body)
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_TRUNCATED,
                        _("The connection broke before the whole feed arrived (%s)."),
                        error->message);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_CONNECTION,
                        _("The feed’s server refused the connection. It may be down; try again later."));

  return g_error_new (CONNECT_ERROR, CONNECT_ERROR_CONNECTION,
                      _("The feed’s server could not be reached: %s"),
                      error->message);
}

static void
fetch_fail (GTask  *task,
            GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static gboolean
retry_cb (gpointer data)
{
  GTask *task = data;
  Fetch *f = g_task_get_task_data (task);

  g_clear_pointer (&f->retry_source, g_source_unref);
  fetch_attempt (task);
  return G_SOURCE_REMOVE;
}

/* Fails, or schedules another attempt when the error allows it. Takes
 * @error. */
static void
fetch_fail_or_retry (GTask    *task,
                     GError   *error,
                     gboolean  retry)
{
  ConnectSync *self = g_task_get_source_object (task);
  Fetch *f = g_task_get_task_data (task);
  guint delay;

  g_clear_object (&f->stream);
  g_clear_object (&f->msg);
  f->in_body = FALSE;

  if (!retry || f->attempts > self->max_retries
      || g_cancellable_is_cancelled (f->cancellable))
    {
      fetch_fail (task, error);
      return;
    }

  g_debug ("Fetch of %s failed (attempt %u): %s; retrying",
           f->url, f->attempts, error->message);
  g_error_free (error);

  /* Exponential backoff with jitter: d·2^(n−1), uniformly in [d/2, d]. */
  delay = self->first_delay_msec;
  for (guint i = 1; i < f->attempts && delay < MAX_RETRY_DELAY; i++)
    delay *= 2;
  delay = MIN (delay, MAX_RETRY_DELAY);
  delay = delay / 2 + (guint) g_random_int_range (0, (gint32) (delay / 2) + 1);

  f->retry_source = g_timeout_source_new (delay);
  g_source_set_callback (f->retry_source, retry_cb, task, NULL);
  g_source_attach (f->retry_source, g_task_get_context (task));
}

/* A syntax error after the last non-blank character means the text simply
 * stops: the body was cut off. libsoup 3.2 reports a cut
 * chunked body as complete, so this is how such a cut shows. */
static gboolean
issue_at_end (const ConnectIssue *issue,
              GBytes             *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize end = length;
  guint line = 1;
  guint column = 1;

  if (issue == NULL || issue->path != NULL || issue->line == 0)
    return FALSE;
  if (length == 0)
    return TRUE;

  while (end > 0 && g_ascii_isspace (data[end - 1]))
    end--;
  if (end == 0)
    return TRUE;

  /* Line and column (in characters) of the last non-blank character. */
  for (gsize i = 0; i + 1 < end; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        column++;
    }

  /* Strictly after it: an error *at* the last character (a stray "}") is
   * a broken feed, not a cut one. (Checked: every cut of a test feed gives
   * a syntax error after its last character.) */
  return issue->line > line || (issue->line == line && issue->column > column);
}

typedef struct
{
  GBytes *bytes;
  gsize   max_size;
} Validate;

static void
validate_free (Validate *v)
{
  g_bytes_unref (v->bytes);
  g_free (v);
}

static void
validate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Validate *v = task_data;
  GBytes *bytes = v->bytes;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectIssue) issue = NULL;
  ConnectFeed *feed;

  feed = connect_feed_new_from_bytes (bytes, v->max_size, &issue, &error);
  if (feed != NULL)
    g_task_return_pointer (task, feed, g_object_unref);
  else if (g_error_matches (error, CONNECT_ERROR, CONNECT_ERROR_TOO_LARGE))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (issue_at_end (issue, bytes))
    g_task_return_new_error (task, CONNECT_ERROR, CONNECT_ERROR_TRUNCATED,
                             _("The feed arrived incomplete (the connection was cut), so it was not used."));
  else
    g_task_return_new_error (task, CONNECT_ERROR, CONNECT_ERROR_INVALID_FEED,
                             _("The server sent a feed that is not valid, so it was not used: %s"),
                             error != NULL ? error->message : _("unknown error"));
}

static void
validate_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  GTask *task = data;
  Fetch *f = g_task_get_task_data (task);
  GError *error = NULL;
  ConnectFeed *feed;
  ConnectFetchResult *res;
  SoupMessageHeaders *headers;

  feed = g_task_propagate_pointer (G_TASK (result), &error);
  if (feed == NULL)
    {
      fetch_fail (task, error);
      return;
    }

  headers = soup_message_get_response_headers (f->msg);
  res = g_new0 (ConnectFetchResult, 1);
  res->feed = feed;
  res->bytes = g_steal_pointer (&f->body);
  res->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  res->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  res->url = g_strdup (f->url);
  res->status = soup_message_get_status (f->msg);
  res->attempts = f->attempts;

  g_task_return_pointer (task, res, (GDestroyNotify) connect_fetch_result_free);
  g_object_unref (task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  ConnectSync *self = g_task_get_source_object (task);
  Fetch *f = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GTask) validate = NULL;
  gsize n;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      gboolean retry;
      GError *classified = classify_error (self, f, error, &retry);

      fetch_fail_or_retry (task, classified, retry);
      return;
    }

  n = g_bytes_get_size (chunk);
  if (n > 0)
    {
      if (f->buffer->len + n > self->max_size)
        {
          g_cancellable_cancel (f->cancellable);
          fetch_fail (task,
                      too_large_error (self));
          return;
        }
      g_byte_array_append (f->buffer, g_bytes_get_data (chunk, NULL), n);
      g_input_stream_read_bytes_async (f->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                       f->cancellable, read_cb, task);
      return;
    }

  /* End of the body. libsoup 3.2 ends a cut chunked body as if it were
   * whole: Content-Length, when there is one, tells; otherwise the
   * validator will (a cut JSON text never validates). */
  f->in_body = FALSE;
  g_input_stream_close (f->stream, NULL, NULL);
  if (f->content_length >= 0 && (goffset) f->buffer->len != f->content_length)
    {
      gboolean retry = TRUE;

      fetch_fail_or_retry (task,
                           g_error_new (CONNECT_ERROR, CONNECT_ERROR_TRUNCATED,
                                        _("The connection broke before the whole feed arrived (%u of %" PRId64 " bytes)."),
                                        f->buffer->len, f->content_length),
                           retry);
      return;
    }

  /* Validate in a worker thread; the deadline no longer applies. */
  if (f->deadline_source != NULL)
    {
      g_source_destroy (f->deadline_source);
      g_clear_pointer (&f->deadline_source, g_source_unref);
    }
  /* No source object: a task may be freed in its worker thread, and the
   * session must only be released on its own thread. */
  validate = g_task_new (NULL, NULL, validate_cb, task);
  g_task_set_source_tag (validate, validate_thread);
  {
    Validate *v = g_new0 (Validate, 1);

    /* The buffer becomes the body as it is: copying tens of megabytes
     * here would stall the main loop. */
    g_clear_pointer (&f->body, g_bytes_unref);
    f->body = g_byte_array_free_to_bytes (g_steal_pointer (&f->buffer));
    v->bytes = g_bytes_ref (f->body);
    v->max_size = self->max_size;
    g_task_set_task_data (validate, v, (GDestroyNotify) validate_free);
  }
  g_task_run_in_thread (validate, validate_thread);
}

static gboolean
is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303
         || status == 307 || status == 308;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  ConnectSync *self = g_task_get_source_object (task);
  Fetch *f = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *encoding;
  guint status;

  f->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (f->stream == NULL)
    {
      gboolean retry;
      GError *classified = classify_error (self, f, error, &retry);

      fetch_fail_or_retry (task, classified, retry);
      return;
    }

  status = soup_message_get_status (f->msg);
  headers = soup_message_get_response_headers (f->msg);

  if (is_redirect (status))
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autofree char *next = NULL;

      if (location == NULL)
        {
          fetch_fail (task, status_error (status));
          return;
        }
      next = g_uri_resolve_relative (f->url, location, SOUP_HTTP_URI_FLAGS, NULL);
      if (next == NULL || !url_is_https (next))
        {
          fetch_fail (task,
                      g_error_new (CONNECT_ERROR, CONNECT_ERROR_INSECURE,
                                   _("The server redirected to an address that is not secure (%s), so it was not followed."),
                                   next != NULL ? next : location));
          return;
        }
      if (++f->redirects > CONNECT_SYNC_MAX_REDIRECTS)
        {
          fetch_fail (task,
                      g_error_new (CONNECT_ERROR, CONNECT_ERROR_HTTP_STATUS,
                                   _("The server redirected too many times (a redirect loop). Tell the feed’s publisher.")));
          return;
        }
      g_clear_object (&f->stream);
      g_free (f->url);
      f->url = g_steal_pointer (&next);
      fetch_attempt (task);
      return;
    }

  if (status == SOUP_STATUS_NOT_MODIFIED
      && (f->etag != NULL || f->last_modified != NULL))
    {
      ConnectFetchResult *res = g_new0 (ConnectFetchResult, 1);

      res->not_modified = TRUE;
      res->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
      if (res->etag == NULL)
        res->etag = g_strdup (f->etag);
      res->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
      if (res->last_modified == NULL)
        res->last_modified = g_strdup (f->last_modified);
      res->url = g_strdup (f->url);
      res->status = status;
      res->attempts = f->attempts;
      g_clear_object (&f->stream);
      g_task_return_pointer (task, res, (GDestroyNotify) connect_fetch_result_free);
      g_object_unref (task);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      fetch_fail_or_retry (task, status_error (status), status >= 500);
      return;
    }

  /* Content-Length counts the encoded bytes: only compare it with what we
   * read when there is no content coding. */
  encoding = soup_message_headers_get_one (headers, "Content-Encoding");
  f->content_length = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && (encoding == NULL || g_ascii_strcasecmp (encoding, "identity") == 0))
    {
      f->content_length = soup_message_headers_get_content_length (headers);
      if ((guint64) f->content_length > self->max_size)
        {
          fetch_fail (task,
                      too_large_error (self));
          return;
        }
    }

  f->in_body = TRUE;
  g_clear_pointer (&f->buffer, g_byte_array_unref);
  g_clear_pointer (&f->body, g_bytes_unref);
  f->buffer = g_byte_array_new ();
  g_input_stream_read_bytes_async (f->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   f->cancellable, read_cb, task);
}

static void
fetch_attempt (GTask *task)
{
  ConnectSync *self = g_task_get_source_object (task);
  Fetch *f = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  if (g_cancellable_is_cancelled (f->cancellable))
    {
      gboolean retry;
      g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                         _("Cancelled"));

      fetch_fail (task, classify_error (self, f, cancelled, &retry));
      return;
    }

  if (!url_is_https (f->url))
    {
      fetch_fail (task, insecure_error (f->url));
      return;
    }

  g_clear_object (&f->msg);
  g_clear_object (&f->stream);
  f->msg = soup_message_new (SOUP_METHOD_GET, f->url);
  if (f->msg == NULL)
    {
      fetch_fail (task,
                  g_error_new (CONNECT_ERROR, CONNECT_ERROR_FAILED,
                               _("The feed address %s is not valid."), f->url));
      return;
    }

  f->attempts++;
  soup_message_add_flags (f->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (f->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (f->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", f->etag);
  if (f->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", f->last_modified);
  if (self->token != NULL && connect_sync_token_allowed (f->feed_url, f->url))
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", self->token);

      soup_message_headers_replace (headers, "Authorization", value);
    }

  soup_session_send_async (self->session, f->msg, G_PRIORITY_DEFAULT,
                           f->cancellable, send_cb, task);
}

/* GObject */

static void
connect_sync_finalize (GObject *object)
{
  ConnectSync *self = CONNECT_SYNC (object);

  g_clear_object (&self->session);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (connect_sync_parent_class)->finalize (object);
}

static void
connect_sync_class_init (ConnectSyncClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = connect_sync_finalize;
}

static void
connect_sync_init (ConnectSync *self)
{
  self->session = soup_session_new_with_options ("user-agent", "connect-cohorts/" PACKAGE_VERSION,
                                                 "timeout", CONNECT_SYNC_DEFAULT_TIMEOUT,
                                                 NULL);
  self->deadline_msec = CONNECT_SYNC_DEFAULT_DEADLINE;
  self->max_size = CONNECT_FEED_DEFAULT_MAX_SIZE;
  self->max_retries = CONNECT_SYNC_DEFAULT_RETRIES;
  self->first_delay_msec = CONNECT_SYNC_DEFAULT_RETRY_DELAY;
}

/* Public API */

ConnectSync *
connect_sync_new (void)
{
  return g_object_new (CONNECT_TYPE_SYNC, NULL);
}

/**
 * connect_sync_get_session:
 *
 * Returns: (transfer none): the session
 */
SoupSession *
connect_sync_get_session (ConnectSync *self)
{
  g_return_val_if_fail (CONNECT_IS_SYNC (self), NULL);
  return self->session;
}

void
connect_sync_set_timeout (ConnectSync *self,
                          guint        seconds)
{
  g_return_if_fail (CONNECT_IS_SYNC (self));
  soup_session_set_timeout (self->session, seconds);
}

void
connect_sync_set_deadline (ConnectSync *self,
                           guint        msec)
{
  g_return_if_fail (CONNECT_IS_SYNC (self));
  self->deadline_msec = msec;
}

void
connect_sync_set_max_size (ConnectSync *self,
                           gsize        max_size)
{
  g_return_if_fail (CONNECT_IS_SYNC (self));
  g_return_if_fail (max_size > 0);
  self->max_size = max_size;
}

void
connect_sync_set_retries (ConnectSync *self,
                          guint        max_retries,
                          guint        first_delay_msec)
{
  g_return_if_fail (CONNECT_IS_SYNC (self));
  self->max_retries = max_retries;
  self->first_delay_msec = MAX (first_delay_msec, 1);
}

gboolean
connect_sync_set_ca_file (ConnectSync  *self,
                          const char   *pem_file,
                          GError      **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CONNECT_IS_SYNC (self), FALSE);

  if (pem_file == NULL)
    {
      GTlsBackend *backend = g_tls_backend_get_default ();

      soup_session_set_tls_database (self->session,
                                     g_tls_backend_get_default_database (backend));
      return TRUE;
    }

  database = g_tls_file_database_new (pem_file, &local_error);
  if (database == NULL)
    {
      g_set_error (error, CONNECT_ERROR, CONNECT_ERROR_TLS,
                   _("The certificate file %s could not be used: %s"),
                   pem_file, local_error->message);
      return FALSE;
    }
  soup_session_set_tls_database (self->session, database);
  return TRUE;
}

void
connect_sync_set_token (ConnectSync *self,
                        const char  *token)
{
  g_return_if_fail (CONNECT_IS_SYNC (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = (token != NULL && *token != '\0') ? g_strdup (token) : NULL;
}

void
connect_sync_fetch_async (ConnectSync         *self,
                          const char          *url,
                          const char          *etag,
                          const char          *last_modified,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  Fetch *f;

  g_return_if_fail (CONNECT_IS_SYNC (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_sync_fetch_async);

  f = g_new0 (Fetch, 1);
  f->feed_url = g_strdup (url);
  f->url = g_strdup (url);
  f->etag = g_strdup (etag);
  f->last_modified = g_strdup (last_modified);
  f->cancellable = g_cancellable_new ();
  f->content_length = -1;
  g_task_set_task_data (task, f, (GDestroyNotify) fetch_free);

  if (cancellable != NULL)
    {
      f->user_cancellable = g_object_ref (cancellable);
      f->user_cancel_id = g_cancellable_connect (cancellable,
                                                 G_CALLBACK (user_cancelled_cb),
                                                 f->cancellable, NULL);
    }

  if (self->deadline_msec > 0)
    {
      f->deadline_source = g_timeout_source_new (self->deadline_msec);
      g_source_set_callback (f->deadline_source, deadline_cb, task, NULL);
      g_source_attach (f->deadline_source, g_task_get_context (task));
    }

  /* The task holds itself until it returns. */
  fetch_attempt (task);
}

/**
 * connect_sync_fetch_finish:
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
ConnectFetchResult *
connect_sync_fetch_finish (ConnectSync   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CONNECT_IS_SYNC (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Fetching into the cache */

typedef struct
{
  char               *url;
  char               *cache_dir;
  gboolean            conditional;
  ConnectCacheMeta   *meta;      /* the verified cache's, or NULL */
  ConnectFetchResult *result;
} Update;

static void
update_free (Update *u)
{
  g_free (u->url);
  g_free (u->cache_dir);
  g_clear_pointer (&u->meta, connect_cache_meta_free);
  g_clear_pointer (&u->result, connect_fetch_result_free);
  g_free (u);
}

static void
update_load_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Update *u = task_data;
  g_autoptr(GBytes) bytes = NULL;
  ConnectCacheMeta *meta = NULL;

  if (connect_cache_load (u->cache_dir, &bytes, &meta, NULL))
    g_task_return_pointer (task, meta, (GDestroyNotify) connect_cache_meta_free);
  else
    g_task_return_pointer (task, NULL, NULL);
}

static void
update_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  Update *u = g_task_get_task_data (task);
  GError *error = NULL;

  if (!connect_cache_save_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&u->result),
                         (GDestroyNotify) connect_fetch_result_free);
}

static void
update_fetched_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GTask) task = data;
  Update *u = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(ConnectCacheMeta) meta = NULL;

  u->result = connect_sync_fetch_finish (CONNECT_SYNC (object), result, &error);
  if (u->result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (u->result->not_modified)
    {
      meta = connect_cache_meta_copy (u->meta);
      g_clear_pointer (&meta->checked, g_date_time_unref);
      meta->checked = g_date_time_ref (now);
      if (u->result->etag != NULL)
        {
          g_free (meta->etag);
          meta->etag = g_strdup (u->result->etag);
        }
      if (u->result->last_modified != NULL)
        {
          g_free (meta->last_modified);
          meta->last_modified = g_strdup (u->result->last_modified);
        }
      connect_cache_save_async (u->cache_dir, NULL, meta,
                                NULL, update_saved_cb, g_steal_pointer (&task));
      return;
    }

  meta = connect_cache_meta_new ();
  meta->source_url = g_strdup (u->url);
  meta->etag = g_strdup (u->result->etag);
  meta->last_modified = g_strdup (u->result->last_modified);
  meta->fetched = g_date_time_ref (now);
  meta->checked = g_date_time_ref (now);
  connect_cache_save_async (u->cache_dir, u->result->bytes, meta,
                            NULL, update_saved_cb, g_steal_pointer (&task));
}

static void
update_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(GTask) task = data;
  ConnectSync *self = g_task_get_source_object (task);
  Update *u = g_task_get_task_data (task);

  u->meta = g_task_propagate_pointer (G_TASK (result), NULL);
  if (u->meta != NULL && g_strcmp0 (u->meta->source_url, u->url) != 0)
    g_clear_pointer (&u->meta, connect_cache_meta_free);

  connect_sync_fetch_async (self, u->url,
                            u->conditional && u->meta != NULL ? u->meta->etag : NULL,
                            u->conditional && u->meta != NULL ? u->meta->last_modified : NULL,
                            g_task_get_cancellable (task),
                            update_fetched_cb, g_object_ref (task));
}

void
connect_sync_update_cache_async (ConnectSync         *self,
                                 const char          *url,
                                 const char          *cache_dir,
                                 gboolean             conditional,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;
  Update *u;

  g_return_if_fail (CONNECT_IS_SYNC (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cache_dir != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_sync_update_cache_async);
  u = g_new0 (Update, 1);
  u->url = g_strdup (url);
  u->cache_dir = g_strdup (cache_dir);
  u->conditional = conditional;
  g_task_set_task_data (task, u, (GDestroyNotify) update_free);

  if (!url_is_https (url))
    {
      g_task_return_error (task, insecure_error (url));
      return;
    }

  load = g_task_new (NULL, cancellable, update_loaded_cb, g_object_ref (task));
  g_task_set_source_tag (load, update_load_thread);
  g_task_set_task_data (load, u, NULL);
  g_task_run_in_thread (load, update_load_thread);
}

/**
 * connect_sync_update_cache_finish:
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
ConnectFetchResult *
connect_sync_update_cache_finish (ConnectSync   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (CONNECT_IS_SYNC (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Blocking wrappers */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
  g_main_context_wakeup (g_main_context_get_thread_default ());
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  GMainContext *context = g_main_context_ref_thread_default ();

  while (*slot == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_unref (context);
  return *slot;
}

/**
 * connect_sync_fetch:
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
ConnectFetchResult *
connect_sync_fetch (ConnectSync   *self,
                    const char    *url,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (CONNECT_IS_SYNC (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  connect_sync_fetch_async (self, url, NULL, NULL, cancellable, store_result_cb, &result);
  wait_for (&result);
  return connect_sync_fetch_finish (self, result, error);
}

/**
 * connect_sync_update_cache:
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
ConnectFetchResult *
connect_sync_update_cache (ConnectSync   *self,
                           const char    *url,
                           const char    *cache_dir,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (CONNECT_IS_SYNC (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (cache_dir != NULL, NULL);

  connect_sync_update_cache_async (self, url, cache_dir, TRUE, cancellable,
                                   store_result_cb, &result);
  wait_for (&result);
  return connect_sync_update_cache_finish (self, result, error);
}
