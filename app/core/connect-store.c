/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "connect-cache.h"
#include "connect-credentials.h"
#include "connect-error.h"
#include "connect-store.h"

struct _ConnectStore
{
  GObject            parent_instance;

  GSettings         *settings;
  char              *cache_dir;
  ConnectSync       *sync;
  GNetworkMonitor   *monitor;

  ConnectFeed       *feed;
  ConnectFeedSource  source;
  ConnectSyncState   state;
  GError            *error;
  GDateTime         *last_success;
  gboolean           stale;
  GListStore        *changes;
  GListModel        *changes_snapshot;  /* the diff's own list, unchanged */
  char              *feed_url;

  gboolean           started;
  gboolean           file_mode;
  gboolean           network_available;
  guint              refresh_id;
  guint              refresh_minutes;
  guint              stale_id;
  GCancellable      *cancellable;   /* the current load or sync */
};

G_DEFINE_FINAL_TYPE (ConnectStore, connect_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FEED,
  PROP_SOURCE,
  PROP_SYNC_STATE,
  PROP_SYNCING,
  PROP_CAN_SYNC,
  PROP_ERROR,
  PROP_ERROR_MESSAGE,
  PROP_LAST_SUCCESS,
  PROP_STALE,
  PROP_CHANGES,
  PROP_FEED_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Setters */

static void
set_state (ConnectStore     *self,
           ConnectSyncState  state)
{
  gboolean was_syncing = self->state == CONNECT_SYNC_STATE_SYNCING;

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_STATE]);
  if (was_syncing != (state == CONNECT_SYNC_STATE_SYNCING))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

static void
set_error (ConnectStore *self,
           const GError *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
update_stale (ConnectStore *self)
{
  GTimeSpan age = connect_store_get_data_age (self);
  gboolean stale = age > CONNECT_STORE_STALE_AFTER;

  if (stale == self->stale)
    return;
  self->stale = stale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
}

static void
set_last_success (ConnectStore *self,
                  GDateTime    *when)
{
  if (self->last_success == when
      || (self->last_success != NULL && when != NULL
          && g_date_time_equal (self->last_success, when)))
    return;
  g_clear_pointer (&self->last_success, g_date_time_unref);
  if (when != NULL)
    self->last_success = g_date_time_ref (when);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
  update_stale (self);
}

static gboolean
can_sync (ConnectStore *self)
{
  return !self->file_mode && self->feed_url != NULL && self->feed_url[0] != '\0';
}

static void
set_source (ConnectStore      *self,
            ConnectFeedSource  source)
{
  if (self->source == source)
    return;
  self->source = source;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/* Releasing a replaced feed. Freeing 100 000 cohorts takes a few hundred
 * milliseconds: the last reference is dropped in a thread of its own, once
 * the views (and the diff) have let the feed go. */
#define RELEASE_CHECK_MS 100
#define RELEASE_MAX_CHECKS 50

typedef struct
{
  ConnectFeed *feed;
  guint        checks;
} ReleaseData;

static gpointer
release_thread (gpointer data)
{
  g_object_unref (data);
  return NULL;
}

static gboolean
release_cb (gpointer user_data)
{
  ReleaseData *data = user_data;

  /* Someone still holds it (a view still switching over): the last of
   * them would free it wherever it is, so wait for them a while. */
  if (g_atomic_int_get (&G_OBJECT (data->feed)->ref_count) > 1 &&
      ++data->checks < RELEASE_MAX_CHECKS)
    return G_SOURCE_CONTINUE;

  g_thread_unref (g_thread_new ("connect-release", release_thread,
                                g_steal_pointer (&data->feed)));
  return G_SOURCE_REMOVE;
}

static void
release_data_free (ReleaseData *data)
{
  g_clear_object (&data->feed);
  g_free (data);
}

static void
release_feed (ConnectFeed *feed)
{
  ReleaseData *data = g_new0 (ReleaseData, 1);

  data->feed = feed;
  g_timeout_add_full (G_PRIORITY_LOW, RELEASE_CHECK_MS, release_cb, data,
                      (GDestroyNotify) release_data_free);
}

/* Swaps @feed in; @changes (nullable) are the changes from the previous
 * one, NULL when there is nothing comparable before. */
static void
swap_feed (ConnectStore      *self,
           ConnectFeed       *feed,
           ConnectFeedSource  source,
           GListModel        *changes)
{
  ConnectFeed *old = NULL;
  guint n_changes = 0;

  g_object_freeze_notify (G_OBJECT (self));

  if (self->feed != feed)
    {
      old = g_steal_pointer (&self->feed);
      self->feed = feed != NULL ? g_object_ref (feed) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
    }
  set_source (self, source);

  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    if (changes != NULL)
      {
        n_changes = g_list_model_get_n_items (changes);
        for (guint i = 0; i < n_changes; i++)
          g_ptr_array_add (items, g_list_model_get_item (changes, i));
      }
    g_list_store_splice (self->changes, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->changes)),
                         items->pdata, items->len);
    g_clear_object (&self->changes_snapshot);
    if (changes != NULL && g_list_model_get_item_type (changes) == CONNECT_TYPE_CHANGE)
      self->changes_snapshot = g_object_ref (changes);
  }

  g_object_thaw_notify (G_OBJECT (self));

  if (changes != NULL)
    g_signal_emit (self, signals[CHANGED], 0, n_changes);

  if (old != NULL)
    release_feed (old);
}

/* Loading at start */

typedef struct
{
  char             *cache_dir;
  char             *url;
  ConnectFeed      *feed;
  ConnectCacheMeta *meta;
  GError           *error;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->cache_dir);
  g_free (data->url);
  g_clear_object (&data->feed);
  g_clear_pointer (&data->meta, connect_cache_meta_free);
  g_clear_error (&data->error);
  g_free (data);
}

static void
load_cache_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (connect_cache_load (data->cache_dir, &bytes, &data->meta, &error))
    {
      if (g_strcmp0 (data->meta->source_url, data->url) != 0)
        {
          /* A cache of another feed: not ours to show. */
          g_clear_pointer (&data->meta, connect_cache_meta_free);
        }
      else
        {
          data->feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE,
                                                    NULL, &error);
          if (data->feed == NULL)
            {
              g_clear_pointer (&data->meta, connect_cache_meta_free);
              data->error = g_error_new (CONNECT_ERROR, CONNECT_ERROR_CACHE,
                                         _("The cached feed is damaged (%s); it is ignored and will be repaired on the next sync."),
                                         error->message);
            }
        }
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    data->error = g_steal_pointer (&error);

  if (data->feed == NULL)
    {
      g_autoptr(GBytes) sample = connect_feed_get_sample_bytes ();
      g_autoptr(GError) sample_error = NULL;

      data->feed = connect_feed_new_from_bytes (sample, CONNECT_FEED_DEFAULT_MAX_SIZE,
                                                NULL, &sample_error);
      if (data->feed == NULL)
        g_critical ("The embedded sample feed is invalid: %s", sample_error->message);
    }

  g_task_return_boolean (task, TRUE);
}

static void
load_cache_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ConnectStore) self = user_data;
  GTask *task = G_TASK (result);
  LoadData *data = g_task_get_task_data (task);

  if (!g_task_propagate_boolean (task, NULL))
    return; /* cancelled */

  if (data->error != NULL)
    g_warning ("%s", data->error->message);

  /* A sync that finished first already shows newer data. */
  if (self->source == CONNECT_FEED_SOURCE_NETWORK)
    return;

  if (data->meta != NULL)
    {
      swap_feed (self, data->feed, CONNECT_FEED_SOURCE_CACHE, NULL);
      set_last_success (self, data->meta->checked);
    }
  else
    {
      swap_feed (self, data->feed,
                 data->feed != NULL ? CONNECT_FEED_SOURCE_SAMPLE : CONNECT_FEED_SOURCE_NONE,
                 NULL);
      set_last_success (self, NULL);
    }

  connect_store_sync (self);
}

static void
load_current (ConnectStore *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_state (self, CONNECT_SYNC_STATE_IDLE);
  set_error (self, NULL);
  /* What is shown now (another URL's data) is no longer current. */
  set_source (self, CONNECT_FEED_SOURCE_NONE);

  /* No source object: the task may be freed in the worker thread, and the
   * store must only ever be released on the main thread. */
  task = g_task_new (NULL, self->cancellable, load_cache_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_current);
  /* Hand the feed over below GTK's redraw priority: a window opening at
   * the same time paints its first frame before the views fill. */
  g_task_set_priority (task, G_PRIORITY_DEFAULT_IDLE);
  data = g_new0 (LoadData, 1);
  data->cache_dir = g_strdup (self->cache_dir);
  data->url = can_sync (self) ? g_strdup (self->feed_url) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_cache_thread);
}

/* Syncing */

typedef struct
{
  ConnectFeed       *feed;
  ConnectFeedSource  source;
  GDateTime         *when;
} SwapData;

static void
swap_data_free (SwapData *data)
{
  g_clear_object (&data->feed);
  g_clear_pointer (&data->when, g_date_time_unref);
  g_free (data);
}

static void
diff_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConnectStore *self = g_task_get_source_object (task);
  SwapData *data = g_task_get_task_data (task);
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;

  changes = connect_diff_feeds_finish (result, &error);
  if (g_task_return_error_if_cancelled (task))
    return;

  swap_feed (self, data->feed, data->source, changes);
  if (data->when != NULL)
    set_last_success (self, data->when);
  set_error (self, NULL);
  set_state (self, CONNECT_SYNC_STATE_IDLE);
  g_task_return_boolean (task, TRUE);
}

/* Diffs @feed against the current one in a worker thread, then swaps. */
static void
swap_with_diff (ConnectStore      *self,
                ConnectFeed       *feed,
                ConnectFeedSource  source,
                GDateTime         *when)
{
  GTask *task;
  SwapData *data;

  /* The sample is not an earlier version of anything: nothing to diff. */
  if (self->feed == NULL || self->source == CONNECT_FEED_SOURCE_SAMPLE
      || self->source == CONNECT_FEED_SOURCE_NONE)
    {
      swap_feed (self, feed, source, NULL);
      if (when != NULL)
        set_last_success (self, when);
      set_error (self, NULL);
      set_state (self, CONNECT_SYNC_STATE_IDLE);
      return;
    }

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, swap_with_diff);
  data = g_new0 (SwapData, 1);
  data->feed = g_object_ref (feed);
  data->source = source;
  data->when = when != NULL ? g_date_time_ref (when) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) swap_data_free);

  connect_diff_feeds_async (self->feed, feed, self->cancellable, diff_cb, task);
}

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ConnectStore *self = user_data;
  g_autoptr(ConnectFetchResult) res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;

  res = connect_sync_update_cache_finish (CONNECT_SYNC (object), result, &error);
  if (res == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_error (self, error);
          set_state (self, CONNECT_SYNC_STATE_ERROR);
        }
      g_object_unref (self);
      return;
    }

  now = g_date_time_new_now_utc ();
  if (res->not_modified)
    {
      set_last_success (self, now);
      set_error (self, NULL);
      set_state (self, CONNECT_SYNC_STATE_IDLE);
    }
  else
    swap_with_diff (self, res->feed, CONNECT_FEED_SOURCE_NETWORK, now);

  g_object_unref (self);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ConnectStore *self = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = connect_credentials_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }
  /* No password store: sync without a token (a feed that needs one will
   * answer 401/403, which says what to do). */
  if (error != NULL)
    g_debug ("No access token: %s", error->message);
  connect_sync_set_token (self->sync, token);
  if (token != NULL)
    secret_password_free (token);

  connect_sync_update_cache_async (self->sync, self->feed_url, self->cache_dir,
                                   self->source == CONNECT_FEED_SOURCE_CACHE
                                   || self->source == CONNECT_FEED_SOURCE_NETWORK,
                                   self->cancellable, sync_done_cb, self);
}

/* Timers and the network */

static gboolean
refresh_cb (gpointer data)
{
  ConnectStore *self = data;

  g_debug ("Refresh interval reached");
  connect_store_sync (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
stale_cb (gpointer data)
{
  update_stale (CONNECT_STORE (data));
  return G_SOURCE_CONTINUE;
}

static void
rearm_refresh (ConnectStore *self)
{
  guint minutes;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_minutes = 0;
  if (!self->started || !can_sync (self))
    return;
  minutes = MAX (g_settings_get_uint (self->settings, "refresh-interval"), 1);
  self->refresh_minutes = minutes;
  self->refresh_id = g_timeout_add_seconds (minutes * 60, refresh_cb, self);
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    ConnectStore    *self)
{
  gboolean was = self->network_available;

  self->network_available = available;
  /* Only when it matters: the last sync failed or is not recent. (The
   * monitor also reports the network "back" right after start-up.) */
  if (available && !was && self->started
      && (self->state == CONNECT_SYNC_STATE_ERROR
          || self->last_success == NULL
          || connect_store_get_data_age (self) > G_TIME_SPAN_MINUTE))
    {
      g_debug ("Network is back: syncing");
      connect_store_sync (self);
    }
}

static void
feed_url_changed_cb (GSettings    *settings,
                     const char   *key,
                     ConnectStore *self)
{
  g_autofree char *url = g_settings_get_string (settings, "feed-url");

  if (g_strcmp0 (url, self->feed_url) == 0)
    return;
  g_free (self->feed_url);
  self->feed_url = g_steal_pointer (&url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED_URL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SYNC]);
  if (self->started && !self->file_mode)
    {
      load_current (self);
      rearm_refresh (self);
    }
}

static void
refresh_interval_changed_cb (GSettings    *settings,
                             const char   *key,
                             ConnectStore *self)
{
  rearm_refresh (self);
}

/* GObject */

static void
connect_store_dispose (GObject *object)
{
  ConnectStore *self = CONNECT_STORE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->stale_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->sync);
  g_clear_object (&self->feed);
  g_clear_object (&self->changes);
  g_clear_object (&self->changes_snapshot);

  G_OBJECT_CLASS (connect_store_parent_class)->dispose (object);
}

static void
connect_store_finalize (GObject *object)
{
  ConnectStore *self = CONNECT_STORE (object);

  g_clear_error (&self->error);
  g_clear_pointer (&self->last_success, g_date_time_unref);
  g_free (self->cache_dir);
  g_free (self->feed_url);

  G_OBJECT_CLASS (connect_store_parent_class)->finalize (object);
}

static void
connect_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ConnectStore *self = CONNECT_STORE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;
    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;
    case PROP_SYNC_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, self->state == CONNECT_SYNC_STATE_SYNCING);
      break;
    case PROP_CAN_SYNC:
      g_value_set_boolean (value, can_sync (self));
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error != NULL ? self->error->message : NULL);
      break;
    case PROP_LAST_SUCCESS:
      g_value_set_boxed (value, self->last_success);
      break;
    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
      break;
    case PROP_FEED_URL:
      g_value_set_string (value, self->feed_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_store_class_init (ConnectStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = connect_store_dispose;
  object_class->finalize = connect_store_finalize;
  object_class->get_property = connect_store_get_property;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL, CONNECT_TYPE_FEED, flags);
  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, CONNECT_TYPE_FEED_SOURCE,
                       CONNECT_FEED_SOURCE_NONE, flags);
  properties[PROP_SYNC_STATE] =
    g_param_spec_enum ("sync-state", NULL, NULL, CONNECT_TYPE_SYNC_STATE,
                       CONNECT_SYNC_STATE_IDLE, flags);
  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_SYNC] =
    g_param_spec_boolean ("can-sync", NULL, NULL, FALSE, flags);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties[PROP_LAST_SUCCESS] =
    g_param_spec_boxed ("last-success", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_STALE] =
    g_param_spec_boolean ("stale", NULL, NULL, FALSE, flags);
  properties[PROP_CHANGES] =
    g_param_spec_object ("changes", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_FEED_URL] =
    g_param_spec_string ("feed-url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
connect_store_init (ConnectStore *self)
{
  const char *test_ca_file = g_getenv ("CONNECT_TEST_CA_FILE");

  self->changes = g_list_store_new (CONNECT_TYPE_CHANGE);
  self->sync = connect_sync_new ();
  self->cancellable = g_cancellable_new ();

  /* Tests and benchmarks only (tests/bench/gui-bench.py): trust the CAs
   * in this PEM file instead of the system's, to sync the real app from
   * a local server with the test CA of tests/certs. */
  if (test_ca_file != NULL && *test_ca_file != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (!connect_sync_set_ca_file (self->sync, test_ca_file, &error))
        g_warning ("CONNECT_TEST_CA_FILE: %s", error->message);
    }
}

/* Public API */

ConnectStore *
connect_store_new (void)
{
  return connect_store_new_full (NULL, NULL);
}

/**
 * connect_store_new_full:
 * @settings: (nullable): settings of the org.connectnorway.Cohorts schema
 * @cache_dir: (nullable): the cache directory
 *
 * Returns: (transfer full): a new store
 */
ConnectStore *
connect_store_new_full (GSettings  *settings,
                        const char *cache_dir)
{
  ConnectStore *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CONNECT_TYPE_STORE, NULL);
  self->settings = settings != NULL ? g_object_ref (settings)
                                    : g_settings_new (BASE_APP_ID);
  self->cache_dir = cache_dir != NULL ? g_strdup (cache_dir)
                                      : connect_cache_get_default_dir ();
  self->feed_url = g_settings_get_string (self->settings, "feed-url");
  g_signal_connect_object (self->settings, "changed::feed-url",
                           G_CALLBACK (feed_url_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "changed::refresh-interval",
                           G_CALLBACK (refresh_interval_changed_cb), self, 0);
  return self;
}

void
connect_store_start (ConnectStore *self)
{
  g_return_if_fail (CONNECT_IS_STORE (self));

  if (self->started)
    return;
  self->started = TRUE;
  self->file_mode = FALSE;

  self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->network_available = g_network_monitor_get_network_available (self->monitor);
  g_signal_connect_object (self->monitor, "network-changed",
                           G_CALLBACK (network_changed_cb), self, 0);
  self->stale_id = g_timeout_add_seconds (3600, stale_cb, self);

  load_current (self);
  rearm_refresh (self);
}

void
connect_store_sync (ConnectStore *self)
{
  g_return_if_fail (CONNECT_IS_STORE (self));

  if (!can_sync (self) || self->state == CONNECT_SYNC_STATE_SYNCING)
    return;

  set_state (self, CONNECT_SYNC_STATE_SYNCING);
  connect_credentials_lookup_async (self->feed_url, self->cancellable,
                                    token_cb, g_object_ref (self));
}

static void
open_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ConnectStore *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectFeed) feed = NULL;

  feed = connect_feed_load_finish (result, NULL, &error);
  if (feed == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_error (self, error);
          set_state (self, CONNECT_SYNC_STATE_ERROR);
        }
    }
  else
    swap_with_diff (self, feed, CONNECT_FEED_SOURCE_FILE, NULL);

  g_object_unref (self);
}

void
connect_store_open_file (ConnectStore *self,
                         GFile        *file)
{
  g_return_if_fail (CONNECT_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  self->file_mode = TRUE;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_minutes = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SYNC]);
  set_last_success (self, NULL);
  set_error (self, NULL);
  set_state (self, CONNECT_SYNC_STATE_SYNCING);

  connect_feed_load_file_async (file, CONNECT_FEED_DEFAULT_MAX_SIZE, self->cancellable,
                                open_file_cb, g_object_ref (self));
}

/**
 * connect_store_get_feed:
 *
 * Returns: (transfer none) (nullable): the current feed
 */
ConnectFeed *
connect_store_get_feed (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), NULL);
  return self->feed;
}

ConnectFeedSource
connect_store_get_source (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), CONNECT_FEED_SOURCE_NONE);
  return self->source;
}

ConnectSyncState
connect_store_get_sync_state (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), CONNECT_SYNC_STATE_IDLE);
  return self->state;
}

gboolean
connect_store_get_syncing (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), FALSE);
  return self->state == CONNECT_SYNC_STATE_SYNCING;
}

gboolean
connect_store_get_can_sync (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), FALSE);
  return can_sync (self);
}

const GError *
connect_store_get_error (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), NULL);
  return self->error;
}

const char *
connect_store_get_error_message (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), NULL);
  return self->error != NULL ? self->error->message : NULL;
}

/**
 * connect_store_get_last_success:
 *
 * Returns: (transfer none) (nullable): when the server last confirmed the
 *   data
 */
GDateTime *
connect_store_get_last_success (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), NULL);
  return self->last_success;
}

gboolean
connect_store_get_stale (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), FALSE);
  return self->stale;
}

/**
 * connect_store_get_changes_snapshot:
 * @self: a store
 *
 * The same changes as connect_store_get_changes (), in a list that never
 * changes (the next swap brings a new one): it can be kept without a copy.
 *
 * Returns: (transfer none) (nullable): the list, or %NULL when the last
 *   swap had nothing to compare with
 */
GListModel *
connect_store_get_changes_snapshot (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), NULL);

  return self->changes_snapshot;
}

/**
 * connect_store_get_changes:
 *
 * Returns: (transfer none): the changes of the last swap
 */
GListModel *
connect_store_get_changes (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->changes);
}

const char *
connect_store_get_feed_url (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), NULL);
  return self->feed_url;
}

GTimeSpan
connect_store_get_data_age (ConnectStore *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (CONNECT_IS_STORE (self), -1);

  if (self->last_success == NULL)
    return -1;
  now = g_date_time_new_now_utc ();
  return MAX (0, g_date_time_difference (now, self->last_success));
}

guint
connect_store_get_refresh_interval (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), 0);
  return self->refresh_minutes;
}

/**
 * connect_store_get_sync:
 *
 * Returns: (transfer none): the sync engine
 */
ConnectSync *
connect_store_get_sync (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), NULL);
  return self->sync;
}

const char *
connect_store_get_cache_dir (ConnectStore *self)
{
  g_return_val_if_fail (CONNECT_IS_STORE (self), NULL);
  return self->cache_dir;
}

static gboolean
error_is_offline (const GError *error)
{
  return g_error_matches (error, CONNECT_ERROR, CONNECT_ERROR_OFFLINE)
         || g_error_matches (error, CONNECT_ERROR, CONNECT_ERROR_NAME_RESOLUTION)
         || g_error_matches (error, CONNECT_ERROR, CONNECT_ERROR_CONNECTION)
         || g_error_matches (error, CONNECT_ERROR, CONNECT_ERROR_TIMEOUT);
}

/**
 * connect_store_format_status:
 * @self: the store
 * @now: (nullable): the current time
 *
 * Returns: (transfer full): the header-bar text
 */
char *
connect_store_format_status (ConnectStore *self,
                             GDateTime    *now)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) local_success = NULL;
  GTimeSpan age;

  g_return_val_if_fail (CONNECT_IS_STORE (self), NULL);

  if (now == NULL)
    now = local_now = g_date_time_new_now_utc ();

  if (self->source == CONNECT_FEED_SOURCE_FILE)
    return g_strdup (_("Showing a feed file"));
  if (self->source == CONNECT_FEED_SOURCE_SAMPLE && !can_sync (self))
    return g_strdup (_("Sample data"));
  if (self->last_success == NULL)
    {
      if (self->state == CONNECT_SYNC_STATE_SYNCING)
        return g_strdup (_("Updating…"));
      /* Nothing to fall back on: say so, never "showing sample data". */
      if (self->feed == NULL && self->state == CONNECT_SYNC_STATE_ERROR)
        return g_strdup (_("No data — the feed could not be read"));
      if (self->state == CONNECT_SYNC_STATE_ERROR && error_is_offline (self->error))
        return g_strdup (_("Offline — showing sample data"));
      if (self->state == CONNECT_SYNC_STATE_ERROR)
        return g_strdup (_("Update failed — showing sample data"));
      return g_strdup (_("Not updated yet"));
    }

  local_success = g_date_time_to_local (self->last_success);
  age = MAX (0, g_date_time_difference (now, self->last_success));

  if (self->state == CONNECT_SYNC_STATE_ERROR)
    {
      /* TRANSLATORS: a short date, as in "3 Nov" (strftime format) */
      g_autofree char *date = g_date_time_format (local_success, _("%-d %b"));

      if (error_is_offline (self->error))
        /* TRANSLATORS: %s is a short date, "3 Nov" */
        return g_strdup_printf (_("Offline — showing data from %s"), date);
      /* TRANSLATORS: %s is a short date, "3 Nov" */
      return g_strdup_printf (_("Update failed — showing data from %s"), date);
    }

  if (age > CONNECT_STORE_STALE_AFTER)
    {
      guint days = (guint) (age / G_TIME_SPAN_DAY);

      return g_strdup_printf (ngettext ("Data is %u day old", "Data is %u days old", days), days);
    }

  if (age < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Updated just now"));
  if (age < G_TIME_SPAN_HOUR)
    {
      guint minutes = (guint) (age / G_TIME_SPAN_MINUTE);

      return g_strdup_printf (ngettext ("Updated %u minute ago", "Updated %u minutes ago", minutes), minutes);
    }
  if (age < G_TIME_SPAN_DAY)
    {
      guint hours = (guint) (age / G_TIME_SPAN_HOUR);

      return g_strdup_printf (ngettext ("Updated %u hour ago", "Updated %u hours ago", hours), hours);
    }
  {
    guint days = (guint) (age / G_TIME_SPAN_DAY);

    return g_strdup_printf (ngettext ("Updated %u day ago", "Updated %u days ago", days), days);
  }
}
