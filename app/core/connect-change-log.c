/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "connect-change-log.h"

#define CHANGE_LOG_VERSION 1

/* ConnectSyncRecord */

struct _ConnectSyncRecord
{
  GObject     parent_instance;

  GDateTime  *time;
  GListModel *changes;  /* never changes */
};

G_DEFINE_FINAL_TYPE (ConnectSyncRecord, connect_sync_record, G_TYPE_OBJECT)

static void
connect_sync_record_finalize (GObject *object)
{
  ConnectSyncRecord *self = CONNECT_SYNC_RECORD (object);

  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_object (&self->changes);

  G_OBJECT_CLASS (connect_sync_record_parent_class)->finalize (object);
}

static void
connect_sync_record_class_init (ConnectSyncRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = connect_sync_record_finalize;
}

static void
connect_sync_record_init (ConnectSyncRecord *self)
{
}

/**
 * connect_sync_record_new:
 * @time: when the sync happened
 * @changes: (element-type ConnectChange): what it changed (copied)
 *
 * Returns: (transfer full): a new record
 */
ConnectSyncRecord *
connect_sync_record_new (GDateTime  *time,
                         GListModel *changes)
{
  ConnectSyncRecord *self;
  guint n;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (changes), NULL);

  self = g_object_new (CONNECT_TYPE_SYNC_RECORD, NULL);
  self->time = g_date_time_ref (time);
  self->changes = G_LIST_MODEL (g_list_store_new (CONNECT_TYPE_CHANGE));

  n = g_list_model_get_n_items (changes);
  {
    /* One splice, not an append per change: a sync may bring thousands. */
    g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

    for (guint i = 0; i < n; i++)
      {
        GObject *change = g_list_model_get_item (changes, i);

        if (CONNECT_IS_CHANGE (change))
          g_ptr_array_add (items, change);
        else
          g_object_unref (change);
      }
    g_list_store_splice (G_LIST_STORE (self->changes), 0, 0, items->pdata, items->len);
  }

  return self;
}

/**
 * connect_sync_record_new_shared:
 * @time: when the sync happened
 * @changes: (element-type ConnectChange): what it changed; kept, not
 *   copied, so it must never change
 *
 * Like connect_sync_record_new (), without copying thousands of changes on
 * the main thread.
 *
 * Returns: (transfer full): a new record
 */
ConnectSyncRecord *
connect_sync_record_new_shared (GDateTime  *time,
                                GListModel *changes)
{
  ConnectSyncRecord *self;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (changes), NULL);
  g_return_val_if_fail (g_list_model_get_item_type (changes) == CONNECT_TYPE_CHANGE, NULL);

  self = g_object_new (CONNECT_TYPE_SYNC_RECORD, NULL);
  self->time = g_date_time_ref (time);
  self->changes = g_object_ref (changes);

  return self;
}

GDateTime *
connect_sync_record_get_time (ConnectSyncRecord *self)
{
  g_return_val_if_fail (CONNECT_IS_SYNC_RECORD (self), NULL);
  return self->time;
}

GListModel *
connect_sync_record_get_changes (ConnectSyncRecord *self)
{
  g_return_val_if_fail (CONNECT_IS_SYNC_RECORD (self), NULL);
  return self->changes;
}

/**
 * connect_sync_record_to_json:
 *
 * Returns: (transfer full): `{"time", "changes"}`
 */
JsonNode *
connect_sync_record_to_json (ConnectSyncRecord *self)
{
  g_autofree char *time = NULL;
  JsonObject *object;
  JsonArray *array;
  JsonNode *node;
  guint n;

  g_return_val_if_fail (CONNECT_IS_SYNC_RECORD (self), NULL);

  time = g_date_time_format_iso8601 (self->time);
  object = json_object_new ();
  json_object_set_string_member (object, "time", time);

  n = g_list_model_get_n_items (self->changes);
  array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectChange) change = g_list_model_get_item (self->changes, i);

      json_array_add_element (array, connect_change_to_json (change));
    }
  json_object_set_array_member (object, "changes", array);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static gboolean
entity_kind_from_string (const char        *name,
                         gsize              len,
                         ConnectEntityKind *out_kind)
{
  for (guint kind = CONNECT_ENTITY_KIND_TRIAL; kind <= CONNECT_ENTITY_KIND_COMMITMENT; kind++)
    {
      const char *str = connect_entity_kind_to_string (kind);

      if (strlen (str) == len && strncmp (str, name, len) == 0)
        {
          *out_kind = kind;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * connect_change_new_from_json:
 * @node: `{"kind", "id", "field", "from", "to"}`
 *
 * Returns: (transfer full) (nullable): the change, or %NULL if @node is
 *   not a change
 */
ConnectChange *
connect_change_new_from_json (JsonNode *node)
{
  static const struct { const char *suffix; ConnectChangeType type; } types[] = {
    { "-added", CONNECT_CHANGE_ADDED },
    { "-removed", CONNECT_CHANGE_REMOVED },
    { "-changed", CONNECT_CHANGE_CHANGED },
  };
  JsonObject *object;
  const char *kind, *id, *field;
  JsonNode *from, *to;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  kind = string_member (object, "kind");
  id = string_member (object, "id");
  field = string_member (object, "field");
  from = json_object_get_member (object, "from");
  to = json_object_get_member (object, "to");

  if (kind == NULL || id == NULL || *id == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      ConnectEntityKind entity_kind;

      if (!g_str_has_suffix (kind, types[i].suffix))
        continue;
      if (!entity_kind_from_string (kind, strlen (kind) - strlen (types[i].suffix), &entity_kind))
        return NULL;

      switch (types[i].type)
        {
        case CONNECT_CHANGE_ADDED:
          if (to == NULL || !JSON_NODE_HOLDS_OBJECT (to))
            return NULL;
          return connect_change_new (CONNECT_CHANGE_ADDED, entity_kind, id, NULL, NULL, to);
        case CONNECT_CHANGE_REMOVED:
          if (from == NULL || !JSON_NODE_HOLDS_OBJECT (from))
            return NULL;
          return connect_change_new (CONNECT_CHANGE_REMOVED, entity_kind, id, NULL, from, NULL);
        case CONNECT_CHANGE_CHANGED:
        default:
          {
            g_autoptr(JsonNode) null_node = json_node_new (JSON_NODE_NULL);

            if (field == NULL)
              return NULL;
            return connect_change_new (CONNECT_CHANGE_CHANGED, entity_kind, id, field,
                                       from != NULL ? from : null_node,
                                       to != NULL ? to : null_node);
          }
        }
    }

  return NULL;
}

/**
 * connect_sync_record_new_from_json:
 * @node: `{"time", "changes"}`
 *
 * Changes that cannot be read are left out.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL
 */
ConnectSyncRecord *
connect_sync_record_new_from_json (JsonNode *node)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GListStore) changes = NULL;
  JsonObject *object;
  JsonNode *array_node;
  JsonArray *array;
  const char *time_str;
  guint n;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  time_str = string_member (object, "time");
  if (time_str == NULL || (time = g_date_time_new_from_iso8601 (time_str, NULL)) == NULL)
    return NULL;

  array_node = json_object_get_member (object, "changes");
  if (array_node == NULL || !JSON_NODE_HOLDS_ARRAY (array_node))
    return NULL;

  array = json_node_get_array (array_node);
  n = json_array_get_length (array);
  changes = g_list_store_new (CONNECT_TYPE_CHANGE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectChange) change = connect_change_new_from_json (json_array_get_element (array, i));

      if (change != NULL)
        g_list_store_append (changes, change);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (changes)) == 0)
    return NULL;

  return connect_sync_record_new (time, G_LIST_MODEL (changes));
}

/* ConnectChangeLog */

struct _ConnectChangeLog
{
  GObject     parent_instance;

  char       *path;
  GListStore *syncs;

  guint       loading : 1;
  guint       loaded : 1;
  guint       writing : 1;
  guint       dirty : 1;

  GError     *last_write_error;
  GPtrArray  *flush_tasks;
};

G_DEFINE_FINAL_TYPE (ConnectChangeLog, connect_change_log, G_TYPE_OBJECT)

static void connect_change_log_save (ConnectChangeLog *self);
static void complete_flushes        (ConnectChangeLog *self);

static void
connect_change_log_dispose (GObject *object)
{
  ConnectChangeLog *self = CONNECT_CHANGE_LOG (object);

  g_clear_object (&self->syncs);

  G_OBJECT_CLASS (connect_change_log_parent_class)->dispose (object);
}

static void
connect_change_log_finalize (GObject *object)
{
  ConnectChangeLog *self = CONNECT_CHANGE_LOG (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_error (&self->last_write_error);
  g_clear_pointer (&self->flush_tasks, g_ptr_array_unref);

  G_OBJECT_CLASS (connect_change_log_parent_class)->finalize (object);
}

static void
connect_change_log_class_init (ConnectChangeLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = connect_change_log_dispose;
  object_class->finalize = connect_change_log_finalize;
}

static void
connect_change_log_init (ConnectChangeLog *self)
{
  self->syncs = g_list_store_new (CONNECT_TYPE_SYNC_RECORD);
  self->flush_tasks = g_ptr_array_new_with_free_func (g_object_unref);
}

char *
connect_change_log_get_default_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), BASE_APP_ID, "changes.json", NULL);
}

/**
 * connect_change_log_new:
 * @path: (nullable): the file to keep the log in
 *
 * Returns: (transfer full): an empty log; load it with
 *   connect_change_log_load_async()
 */
ConnectChangeLog *
connect_change_log_new (const char *path)
{
  ConnectChangeLog *self = g_object_new (CONNECT_TYPE_CHANGE_LOG, NULL);

  self->path = path != NULL ? g_strdup (path) : connect_change_log_get_default_path ();
  return self;
}

const char *
connect_change_log_get_path (ConnectChangeLog *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE_LOG (self), NULL);
  return self->path;
}

GListModel *
connect_change_log_get_syncs (ConnectChangeLog *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE_LOG (self), NULL);
  return G_LIST_MODEL (self->syncs);
}

gboolean
connect_change_log_get_loaded (ConnectChangeLog *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE_LOG (self), FALSE);
  return self->loaded;
}

/* Loading */

static GPtrArray *
read_records (const char *path)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  JsonObject *root_object;
  JsonNode *root, *syncs, *version;
  JsonArray *array;
  gsize length = 0;
  guint n;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Ignoring the change log %s: %s", path, error->message);
      return g_steal_pointer (&records);
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, contents, length, &error))
    {
      g_debug ("Ignoring the broken change log %s: %s", path, error->message);
      return g_steal_pointer (&records);
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_steal_pointer (&records);

  root_object = json_node_get_object (root);
  version = json_object_get_member (root_object, "version");
  if (version == NULL ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != CHANGE_LOG_VERSION)
    return g_steal_pointer (&records);

  syncs = json_object_get_member (root_object, "syncs");
  if (syncs == NULL || !JSON_NODE_HOLDS_ARRAY (syncs))
    return g_steal_pointer (&records);

  array = json_node_get_array (syncs);
  n = json_array_get_length (array);
  for (guint i = 0; i < n && records->len < CONNECT_CHANGE_LOG_MAX_SYNCS; i++)
    {
      ConnectSyncRecord *record = connect_sync_record_new_from_json (json_array_get_element (array, i));

      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;

  g_task_return_pointer (task, read_records (path), (GDestroyNotify) g_ptr_array_unref);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ConnectChangeLog *self = CONNECT_CHANGE_LOG (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint n_now, room;

  records = g_task_propagate_pointer (G_TASK (result), &error);
  self->loading = FALSE;
  self->loaded = TRUE;

  if (records != NULL)
    {
      /* Records appended meanwhile are newer: they stay in front. */
      n_now = g_list_model_get_n_items (G_LIST_MODEL (self->syncs));
      room = n_now < CONNECT_CHANGE_LOG_MAX_SYNCS ? CONNECT_CHANGE_LOG_MAX_SYNCS - n_now : 0;
      if (records->len > room)
        g_ptr_array_set_size (records, room);
      if (records->len > 0)
        g_list_store_splice (self->syncs, n_now, 0, records->pdata, records->len);
    }

  if (self->dirty)
    connect_change_log_save (self);
  else
    complete_flushes (self);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
connect_change_log_load_async (ConnectChangeLog    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (CONNECT_IS_CHANGE_LOG (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_change_log_load_async);

  self->loading = TRUE;

  inner = g_task_new (self, cancellable, load_cb, g_steal_pointer (&task));
  g_task_set_source_tag (inner, connect_change_log_load_async);
  g_task_set_task_data (inner, g_strdup (self->path), g_free);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
connect_change_log_load_finish (ConnectChangeLog  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE_LOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saving */

/* What a write needs, taken on the main thread: the records' times and
 * their changes (GObjects whose fields never change), so that the JSON is
 * built in the writing thread. The GListStores themselves are not read
 * there: their lookups are not thread-safe. */
typedef struct
{
  char      *path;
  char      *contents;   /* built in the thread */
  GPtrArray *times;      /* (element-type GDateTime) newest first */
  GPtrArray *changes;    /* (element-type GPtrArray of ConnectChange) */
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->path);
  g_free (data->contents);
  g_clear_pointer (&data->times, g_ptr_array_unref);
  g_clear_pointer (&data->changes, g_ptr_array_unref);
  g_free (data);
}

/* JSON text, written by hand: json_generator_set_root() copies the tree,
 * which takes references on the changes' values, and json-glib's
 * references are not atomic while the main thread may read those values. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_json_node (GString  *out,
                  JsonNode *node)
{
  if (node == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (l != members)
              g_string_append_c (out, ',');
            append_json_string (out, l->data);
            g_string_append_c (out, ':');
            append_json_node (out, json_object_get_member (object, l->data));
          }
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_json_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_json_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_DOUBLE:
          {
            double d = json_node_get_double (node);
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            if (!isfinite (d))
              {
                g_string_append (out, "null");
                break;
              }
            g_ascii_dtostr (buf, sizeof buf, d);
            g_string_append (out, buf);
            /* Read back as a double, not an integer. */
            if (strpbrk (buf, ".eE") == NULL)
              g_string_append (out, ".0");
          }
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

static char *
serialize_snapshot (WriteData *data)
{
  GString *out = g_string_sized_new (4096);

  g_string_append_printf (out, "{\"version\":%d,\"syncs\":[", CHANGE_LOG_VERSION);
  for (guint i = 0; i < data->times->len; i++)
    {
      g_autofree char *time = g_date_time_format_iso8601 (g_ptr_array_index (data->times, i));
      GPtrArray *changes = g_ptr_array_index (data->changes, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"time\":");
      append_json_string (out, time);
      g_string_append (out, ",\"changes\":[");
      for (guint j = 0; j < changes->len; j++)
        {
          ConnectChange *change = g_ptr_array_index (changes, j);

          if (j > 0)
            g_string_append_c (out, ',');
          g_string_append (out, "{\"kind\":");
          append_json_string (out, connect_change_get_kind (change));
          g_string_append (out, ",\"id\":");
          append_json_string (out, connect_change_get_id (change));
          g_string_append (out, ",\"field\":");
          if (connect_change_get_field (change) != NULL)
            append_json_string (out, connect_change_get_field (change));
          else
            g_string_append (out, "null");
          g_string_append (out, ",\"from\":");
          append_json_node (out, connect_change_get_from (change));
          g_string_append (out, ",\"to\":");
          append_json_node (out, connect_change_get_to (change));
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}");

  return g_string_free (out, FALSE);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autofree char *dir = g_path_get_dirname (data->path);
  GError *error = NULL;

  if (data->contents == NULL)
    data->contents = serialize_snapshot (data);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                               "%s: %s", dir, g_strerror (saved_errno));
      return;
    }

  if (!g_file_set_contents_full (data->path, data->contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
complete_flushes (ConnectChangeLog *self)
{
  g_autoptr(GPtrArray) tasks = NULL;

  if (self->writing || self->dirty || self->loading)
    return;

  tasks = g_steal_pointer (&self->flush_tasks);
  self->flush_tasks = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (self->last_write_error != NULL)
        g_task_return_error (task, g_error_copy (self->last_write_error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ConnectChangeLog *self = CONNECT_CHANGE_LOG (object);
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  g_clear_error (&self->last_write_error);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Could not save the change log %s: %s", self->path, error->message);
      self->last_write_error = g_steal_pointer (&error);
    }

  if (self->dirty)
    connect_change_log_save (self);
  else
    complete_flushes (self);
}

/* Writes the current state, or marks it to be written as soon as the
 * write in flight (or the load) is done. */
static void
connect_change_log_save (ConnectChangeLog *self)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  self->dirty = TRUE;
  if (self->writing || self->loading)
    return;

  self->dirty = FALSE;
  self->writing = TRUE;

  data = g_new0 (WriteData, 1);
  data->path = g_strdup (self->path);
  data->times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  data->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->syncs)); i++)
    {
      g_autoptr(ConnectSyncRecord) record = g_list_model_get_item (G_LIST_MODEL (self->syncs), i);
      GListModel *changes = G_LIST_MODEL (record->changes);
      guint n = g_list_model_get_n_items (changes);
      GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

      for (guint j = 0; j < n; j++)
        g_ptr_array_add (array, g_list_model_get_item (changes, j));
      g_ptr_array_add (data->times, g_date_time_ref (record->time));
      g_ptr_array_add (data->changes, array);
    }

  task = g_task_new (self, NULL, write_cb, NULL);
  g_task_set_source_tag (task, connect_change_log_save);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
connect_change_log_append_full (ConnectChangeLog *self,
                                GDateTime        *time,
                                GListModel       *changes,
                                gboolean          shared)
{
  g_autoptr(ConnectSyncRecord) record = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint n;

  if (g_list_model_get_n_items (changes) == 0)
    return FALSE;

  if (time == NULL)
    time = now = g_date_time_new_now_utc ();

  record = shared ? connect_sync_record_new_shared (time, changes)
                  : connect_sync_record_new (time, changes);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->syncs));
  if (n >= CONNECT_CHANGE_LOG_MAX_SYNCS)
    g_list_store_splice (self->syncs, CONNECT_CHANGE_LOG_MAX_SYNCS - 1,
                         n - (CONNECT_CHANGE_LOG_MAX_SYNCS - 1), NULL, 0);
  g_list_store_insert (self->syncs, 0, record);

  connect_change_log_save (self);
  return TRUE;
}

gboolean
connect_change_log_append (ConnectChangeLog *self,
                           GDateTime        *time,
                           GListModel       *changes)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE_LOG (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (changes), FALSE);

  return connect_change_log_append_full (self, time, changes, FALSE);
}

/**
 * connect_change_log_get_default:
 *
 * Returns: (transfer none): the process-wide log
 */
ConnectChangeLog *
connect_change_log_get_default (void)
{
  static ConnectChangeLog *default_log;

  if (g_once_init_enter (&default_log))
    {
      ConnectChangeLog *log = connect_change_log_new (NULL);

      connect_change_log_load_async (log, NULL, NULL, NULL);
      g_once_init_leave (&default_log, log);
    }

  return default_log;
}

static void
store_changed_cb (ConnectChangeLog *self,
                  guint             n_changes,
                  ConnectStore     *store)
{
  GListModel *snapshot = connect_store_get_changes_snapshot (store);

  /* The store's own snapshot never changes: no copy needed. */
  if (snapshot != NULL)
    connect_change_log_append_full (self, NULL, snapshot, TRUE);
  else
    connect_change_log_append (self, NULL, connect_store_get_changes (store));
}

void
connect_change_log_watch_store (ConnectChangeLog *self,
                                ConnectStore     *store)
{
  g_return_if_fail (CONNECT_IS_CHANGE_LOG (self));
  g_return_if_fail (CONNECT_IS_STORE (store));

  if (g_signal_handler_find (store, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                             0, 0, NULL, store_changed_cb, self) != 0)
    return;

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
connect_change_log_flush_async (ConnectChangeLog    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CONNECT_IS_CHANGE_LOG (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_change_log_flush_async);
  g_ptr_array_add (self->flush_tasks, task);
  complete_flushes (self);
}

gboolean
connect_change_log_flush_finish (ConnectChangeLog  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE_LOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
