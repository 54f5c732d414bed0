/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "connect-credentials.h"
#include "connect-error.h"

const SecretSchema *
connect_credentials_get_schema (void)
{
  static const SecretSchema schema = {
    "org.connectnorway.Cohorts.Token", SECRET_SCHEMA_NONE,
    {
      { "feed-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

/* Any libsecret failure becomes CONNECT_ERROR_CREDENTIALS in plain words;
 * the token itself never appears in a message. */
static GError *
credentials_error (const GError *error,
                   gboolean      storing)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (storing)
    return g_error_new (CONNECT_ERROR, CONNECT_ERROR_CREDENTIALS,
                        _("The access token was not kept: no password store (Secret Service, such as GNOME Keyring) is available or it refused (%s). The token is never saved in a plain file; enter it again when a password store is running."),
                        error->message);
  return g_error_new (CONNECT_ERROR, CONNECT_ERROR_CREDENTIALS,
                      _("The access token could not be read: no password store (Secret Service, such as GNOME Keyring) is available or it refused (%s)."),
                      error->message);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, credentials_error (error, TRUE));
  else
    g_task_return_boolean (task, TRUE);
}

void
connect_credentials_store_async (const char          *feed_url,
                                 const char          *token,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (feed_url != NULL);
  g_return_if_fail (token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_credentials_store_async);
  /* TRANSLATORS: the label of the token in the password manager */
  label = g_strdup_printf (_("CONNECT Cohorts access token for %s"), feed_url);
  secret_password_store (connect_credentials_get_schema (), SECRET_COLLECTION_DEFAULT,
                         label, token, cancellable, store_cb, g_steal_pointer (&task),
                         "feed-url", feed_url,
                         NULL);
}

gboolean
connect_credentials_store_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, credentials_error (error, FALSE));
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

void
connect_credentials_lookup_async (const char          *feed_url,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (feed_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_credentials_lookup_async);
  secret_password_lookup (connect_credentials_get_schema (), cancellable,
                          lookup_cb, task,
                          "feed-url", feed_url,
                          NULL);
}

/**
 * connect_credentials_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the token; free it with
 *   secret_password_free()
 */
char *
connect_credentials_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, credentials_error (error, FALSE));
  else
    g_task_return_boolean (task, TRUE);
}

void
connect_credentials_clear_async (const char          *feed_url,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (feed_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_credentials_clear_async);
  secret_password_clear (connect_credentials_get_schema (), cancellable,
                         clear_cb, task,
                         "feed-url", feed_url,
                         NULL);
}

gboolean
connect_credentials_clear_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
connect_credentials_store (const char    *feed_url,
                           const char    *token,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (feed_url != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  label = g_strdup_printf (_("CONNECT Cohorts access token for %s"), feed_url);
  if (!secret_password_store_sync (connect_credentials_get_schema (), SECRET_COLLECTION_DEFAULT,
                                   label, token, cancellable, &local_error,
                                   "feed-url", feed_url,
                                   NULL))
    {
      g_propagate_error (error, credentials_error (local_error, TRUE));
      return FALSE;
    }
  return TRUE;
}

/**
 * connect_credentials_lookup:
 *
 * Returns: (transfer full) (nullable): the token, or %NULL (with @error
 *   set only on failure); free it with secret_password_free()
 */
char *
connect_credentials_lookup (const char    *feed_url,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *token;

  g_return_val_if_fail (feed_url != NULL, NULL);

  token = secret_password_lookup_sync (connect_credentials_get_schema (), cancellable,
                                       &local_error,
                                       "feed-url", feed_url,
                                       NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, credentials_error (local_error, FALSE));
      return NULL;
    }
  return token;
}

gboolean
connect_credentials_clear (const char    *feed_url,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (feed_url != NULL, FALSE);

  secret_password_clear_sync (connect_credentials_get_schema (), cancellable,
                              &local_error,
                              "feed-url", feed_url,
                              NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, credentials_error (local_error, FALSE));
      return FALSE;
    }
  return TRUE;
}
