/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "connect-cache.h"
#include "connect-error.h"

G_DEFINE_BOXED_TYPE (ConnectCacheMeta, connect_cache_meta,
                     connect_cache_meta_copy, connect_cache_meta_free)

ConnectCacheMeta *
connect_cache_meta_new (void)
{
  return g_new0 (ConnectCacheMeta, 1);
}

ConnectCacheMeta *
connect_cache_meta_copy (const ConnectCacheMeta *meta)
{
  ConnectCacheMeta *copy;

  g_return_val_if_fail (meta != NULL, NULL);

  copy = connect_cache_meta_new ();
  copy->source_url = g_strdup (meta->source_url);
  copy->etag = g_strdup (meta->etag);
  copy->last_modified = g_strdup (meta->last_modified);
  copy->fetched = meta->fetched != NULL ? g_date_time_ref (meta->fetched) : NULL;
  copy->checked = meta->checked != NULL ? g_date_time_ref (meta->checked) : NULL;
  copy->sha256 = g_strdup (meta->sha256);
  copy->size = meta->size;
  return copy;
}

void
connect_cache_meta_free (ConnectCacheMeta *meta)
{
  if (meta == NULL)
    return;
  g_free (meta->source_url);
  g_free (meta->etag);
  g_free (meta->last_modified);
  g_clear_pointer (&meta->fetched, g_date_time_unref);
  g_clear_pointer (&meta->checked, g_date_time_unref);
  g_free (meta->sha256);
  g_free (meta);
}

char *
connect_cache_get_default_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), BASE_APP_ID, NULL);
}

/* Meta <-> JSON */

static void
set_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
set_optional_time (JsonBuilder *builder,
                   const char  *name,
                   GDateTime   *value)
{
  g_autofree char *text = value != NULL ? g_date_time_format_iso8601 (value) : NULL;

  set_optional_string (builder, name, text);
}

static void
add_meta_members (JsonBuilder            *builder,
                  const ConnectCacheMeta *meta)
{
  set_optional_string (builder, "source_url", meta->source_url);
  set_optional_string (builder, "etag", meta->etag);
  set_optional_string (builder, "last_modified", meta->last_modified);
  set_optional_time (builder, "fetched", meta->fetched);
  set_optional_time (builder, "checked", meta->checked);
  set_optional_string (builder, "sha256", meta->sha256);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64) meta->size);
}

static char *
meta_to_json (const ConnectCacheMeta *meta,
              const ConnectCacheMeta *pending)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_meta_members (builder, meta);
  if (pending != NULL)
    {
      json_builder_set_member_name (builder, "pending");
      json_builder_begin_object (builder);
      add_meta_members (builder, pending);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean
get_optional_string (JsonObject  *object,
                     const char  *name,
                     char       **out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_optional_time (JsonObject  *object,
                   const char  *name,
                   GDateTime  **out)
{
  g_autofree char *text = NULL;

  if (!get_optional_string (object, name, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  *out = g_date_time_new_from_iso8601 (text, NULL);
  return *out != NULL;
}

static ConnectCacheMeta *
meta_from_object (JsonObject *object)
{
  g_autoptr(ConnectCacheMeta) meta = connect_cache_meta_new ();
  JsonNode *size;

  if (!get_optional_string (object, "source_url", &meta->source_url)
      || !get_optional_string (object, "etag", &meta->etag)
      || !get_optional_string (object, "last_modified", &meta->last_modified)
      || !get_optional_time (object, "fetched", &meta->fetched)
      || !get_optional_time (object, "checked", &meta->checked)
      || !get_optional_string (object, "sha256", &meta->sha256))
    return NULL;

  size = json_object_get_member (object, "size");
  if (size == NULL || json_node_get_value_type (size) != G_TYPE_INT64
      || json_node_get_int (size) < 0)
    return NULL;
  meta->size = (gsize) json_node_get_int (size);

  if (meta->sha256 == NULL || strlen (meta->sha256) != 64)
    return NULL;

  return g_steal_pointer (&meta);
}

static gboolean
parse_meta (const char        *data,
            gsize              length,
            ConnectCacheMeta **out_meta,
            ConnectCacheMeta **out_pending)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  JsonNode *pending;

  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  if (json_object_get_int_member_with_default (object, "version", 0) != 1)
    return FALSE;

  *out_meta = meta_from_object (object);
  if (*out_meta == NULL)
    return FALSE;

  pending = json_object_get_member (object, "pending");
  if (out_pending != NULL && pending != NULL && JSON_NODE_HOLDS_OBJECT (pending))
    *out_pending = meta_from_object (json_node_get_object (pending));

  return TRUE;
}

static gboolean
read_meta (const char        *dir,
           ConnectCacheMeta **out_meta,
           ConnectCacheMeta **out_pending,
           GError           **error)
{
  g_autofree char *path = g_build_filename (dir, CONNECT_CACHE_META_FILE, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("There is no cached feed yet."));
      else
        g_set_error (error, CONNECT_ERROR, CONNECT_ERROR_CACHE,
                     _("The cached feed could not be read: %s"), local_error->message);
      return FALSE;
    }

  if (!parse_meta (data, length, out_meta, out_pending))
    {
      g_set_error (error, CONNECT_ERROR, CONNECT_ERROR_CACHE,
                   _("The cache’s description file %s is damaged; the cache is ignored and will be repaired on the next sync."),
                   path);
      return FALSE;
    }

  return TRUE;
}

/**
 * connect_cache_load_meta:
 *
 * Returns: (transfer full): the meta, or %NULL with @error set
 */
ConnectCacheMeta *
connect_cache_load_meta (const char  *dir,
                         GError     **error)
{
  ConnectCacheMeta *meta = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  if (!read_meta (dir, &meta, NULL, error))
    return NULL;
  return meta;
}

/**
 * connect_cache_load:
 * @dir: the cache directory
 * @out_bytes: (out) (transfer full): the feed's bytes
 * @out_meta: (out) (transfer full) (optional): its meta
 * @error: the error
 *
 * Returns: %TRUE when a verified body was read
 */
gboolean
connect_cache_load (const char        *dir,
                    GBytes           **out_bytes,
                    ConnectCacheMeta **out_meta,
                    GError           **error)
{
  g_autoptr(ConnectCacheMeta) meta = NULL;
  g_autoptr(ConnectCacheMeta) pending = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (out_bytes != NULL, FALSE);

  if (!read_meta (dir, &meta, &pending, error))
    return FALSE;

  path = g_build_filename (dir, CONNECT_CACHE_FEED_FILE, NULL);
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, CONNECT_ERROR, CONNECT_ERROR_CACHE,
                     _("The cached feed %s is missing; the cache is ignored and will be repaired on the next sync."),
                     path);
      else
        g_set_error (error, CONNECT_ERROR, CONNECT_ERROR_CACHE,
                     _("The cached feed could not be read: %s"), local_error->message);
      return FALSE;
    }

  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);

  if (pending != NULL && g_str_equal (sha, pending->sha256) && length == pending->size)
    {
      /* A write was cut short after the new body landed: it is whole. */
      g_clear_pointer (&meta, connect_cache_meta_free);
      meta = g_steal_pointer (&pending);
    }
  else if (!g_str_equal (sha, meta->sha256) || length != meta->size)
    {
      g_set_error (error, CONNECT_ERROR, CONNECT_ERROR_CACHE,
                   _("The cached feed %s does not match its checksum; the cache is ignored and will be repaired on the next sync."),
                   path);
      return FALSE;
    }

  *out_bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  if (out_meta != NULL)
    *out_meta = g_steal_pointer (&meta);
  return TRUE;
}

static gboolean
write_file (const char  *dir,
            const char  *name,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT
                                 | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, CONNECT_ERROR, CONNECT_ERROR_CACHE,
                   _("The feed could not be saved for offline use: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * connect_cache_save:
 * @dir: the cache directory
 * @bytes: (nullable): the new body, or %NULL to rewrite only the meta
 * @meta: the meta; its sha256 and size are filled in from @bytes
 * @error: the error
 *
 * Returns: %TRUE on success
 */
gboolean
connect_cache_save (const char        *dir,
                    GBytes            *bytes,
                    ConnectCacheMeta  *meta,
                    GError           **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (meta != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, CONNECT_ERROR, CONNECT_ERROR_CACHE,
                   _("The cache folder %s could not be created: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }

  if (bytes != NULL)
    {
      gsize length = 0;
      const char *data = g_bytes_get_data (bytes, &length);
      g_autoptr(ConnectCacheMeta) old = NULL;

      g_free (meta->sha256);
      meta->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                  (const guchar *) data, length);
      meta->size = length;

      /* Announce the new body in the current meta first, so that a crash
       * between the body and the final meta still loads as one whole feed. */
      {
        g_autoptr(GBytes) current = NULL;

        /* The meta that matches the body on disk now (it may be a
         * "pending" entry of an earlier, interrupted write). */
        if (!connect_cache_load (dir, &current, &old, NULL))
          g_clear_pointer (&old, connect_cache_meta_free);
      }
      if (old != NULL)
        {
          text = meta_to_json (old, meta);
          if (!write_file (dir, CONNECT_CACHE_META_FILE, text, strlen (text), error))
            return FALSE;
          g_clear_pointer (&text, g_free);
        }

      if (!write_file (dir, CONNECT_CACHE_FEED_FILE, data != NULL ? data : "", length, error))
        return FALSE;
    }

  text = meta_to_json (meta, NULL);
  return write_file (dir, CONNECT_CACHE_META_FILE, text, strlen (text), error);
}

typedef struct
{
  char             *dir;
  GBytes           *bytes;
  ConnectCacheMeta *meta;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->dir);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->meta, connect_cache_meta_free);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (connect_cache_save (data->dir, data->bytes, data->meta, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
connect_cache_save_async (const char             *dir,
                          GBytes                 *bytes,
                          const ConnectCacheMeta *meta,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (dir != NULL);
  g_return_if_fail (meta != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_cache_save_async);
  /* Once started, a save runs to its end: never leave it half done. */
  g_task_set_return_on_cancel (task, FALSE);
  data = g_new0 (SaveData, 1);
  data->dir = g_strdup (dir);
  data->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  data->meta = connect_cache_meta_copy (meta);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
connect_cache_save_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
