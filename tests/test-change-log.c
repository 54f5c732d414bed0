/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "connect-change-log.h"

static void
async_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  return *slot;
}

static void
load (ConnectChangeLog *log)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  connect_change_log_load_async (log, NULL, async_result_cb, &result);
  wait_result (&result);
  g_assert_true (connect_change_log_load_finish (log, result, &error));
  g_assert_no_error (error);
  g_assert_true (connect_change_log_get_loaded (log));
}

static void
flush (ConnectChangeLog *log)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  connect_change_log_flush_async (log, NULL, async_result_cb, &result);
  wait_result (&result);
  g_assert_true (connect_change_log_flush_finish (log, result, &error));
  g_assert_no_error (error);
}

static char *
log_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "test", "changes.json", NULL);
}

/* A list of changes of sync number @i: one changed member of a cohort
 * and, for even @i, an added site. */
static GListModel *
make_changes (guint i)
{
  GListStore *changes = g_list_store_new (CONNECT_TYPE_CHANGE);
  g_autoptr(JsonNode) from = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonNode) to = json_node_new (JSON_NODE_VALUE);
  g_autoptr(ConnectChange) change = NULL;

  json_node_set_int (from, i);
  json_node_set_int (to, i + 1);
  change = connect_change_new (CONNECT_CHANGE_CHANGED, CONNECT_ENTITY_KIND_COHORT,
                               "IMP-001", "enrolled", from, to);
  g_list_store_append (changes, change);

  if (i % 2 == 0)
    {
      g_autoptr(JsonNode) site = NULL;
      g_autoptr(ConnectChange) added = NULL;
      g_autoptr(GError) error = NULL;

      site = json_from_string ("{\"id\": \"bodo\", \"name\": \"Nordland Hospital, Bodø\","
                               " \"region\": \"north\", \"recruiting\": true}", &error);
      g_assert_no_error (error);
      added = connect_change_new (CONNECT_CHANGE_ADDED, CONNECT_ENTITY_KIND_SITE,
                                  "bodo", NULL, NULL, site);
      g_list_store_append (changes, added);
    }

  return G_LIST_MODEL (changes);
}

static GDateTime *
sync_time (guint i)
{
  return g_date_time_new_utc (2026, 11, 1 + i, 8, 30, 0);
}

/* Record @i must be sync number @sync. */
static void
assert_record (ConnectSyncRecord *record,
               guint              sync)
{
  g_autoptr(GDateTime) expected_time = sync_time (sync);
  GListModel *changes = connect_sync_record_get_changes (record);
  g_autoptr(ConnectChange) first = g_list_model_get_item (changes, 0);

  g_assert_true (g_date_time_equal (connect_sync_record_get_time (record), expected_time));
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, sync % 2 == 0 ? 2 : 1);
  g_assert_cmpint (connect_change_get_change_type (first), ==, CONNECT_CHANGE_CHANGED);
  g_assert_cmpstr (connect_change_get_kind (first), ==, "cohort-changed");
  g_assert_cmpstr (connect_change_get_id (first), ==, "IMP-001");
  g_assert_cmpstr (connect_change_get_field (first), ==, "enrolled");
  g_assert_cmpint (json_node_get_int (connect_change_get_from (first)), ==, sync);
  g_assert_cmpint (json_node_get_int (connect_change_get_to (first)), ==, sync + 1);

  if (sync % 2 == 0)
    {
      g_autoptr(ConnectChange) second = g_list_model_get_item (changes, 1);
      JsonNode *to = connect_change_get_to (second);

      g_assert_cmpstr (connect_change_get_kind (second), ==, "site-added");
      g_assert_null (connect_change_get_from (second));
      g_assert_true (JSON_NODE_HOLDS_OBJECT (to));
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (to), "name"), ==,
                       "Nordland Hospital, Bodø");
    }
}

static void
test_append (void)
{
  g_autofree char *path = log_path ();
  g_autoptr(ConnectChangeLog) log = connect_change_log_new (path);
  g_autoptr(GListModel) changes = make_changes (0);
  g_autoptr(GListStore) empty = g_list_store_new (CONNECT_TYPE_CHANGE);
  g_autoptr(GDateTime) time = sync_time (0);
  g_autoptr(ConnectSyncRecord) record = NULL;

  load (log);
  g_assert_cmpuint (g_list_model_get_n_items (connect_change_log_get_syncs (log)), ==, 0);

  g_assert_true (connect_change_log_append (log, time, changes));
  /* A sync that changed nothing is not recorded. */
  g_assert_false (connect_change_log_append (log, time, G_LIST_MODEL (empty)));

  g_assert_cmpuint (g_list_model_get_n_items (connect_change_log_get_syncs (log)), ==, 1);
  record = g_list_model_get_item (connect_change_log_get_syncs (log), 0);
  assert_record (record, 0);

  flush (log);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_cap_and_reload (void)
{
  g_autofree char *path = log_path ();
  g_autoptr(ConnectChangeLog) log = connect_change_log_new (path);
  g_autoptr(ConnectChangeLog) reloaded = NULL;
  GListModel *syncs;
  const guint n_syncs = CONNECT_CHANGE_LOG_MAX_SYNCS + 5;

  load (log);
  for (guint i = 0; i < n_syncs; i++)
    {
      g_autoptr(GListModel) changes = make_changes (i);
      g_autoptr(GDateTime) time = sync_time (i);

      g_assert_true (connect_change_log_append (log, time, changes));
    }

  syncs = connect_change_log_get_syncs (log);
  g_assert_cmpuint (g_list_model_get_n_items (syncs), ==, CONNECT_CHANGE_LOG_MAX_SYNCS);
  flush (log);

  /* Newest first: sync n_syncs-1 down to sync 5, in memory and on disk. */
  reloaded = connect_change_log_new (path);
  load (reloaded);
  syncs = connect_change_log_get_syncs (reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (syncs), ==, CONNECT_CHANGE_LOG_MAX_SYNCS);
  for (guint i = 0; i < CONNECT_CHANGE_LOG_MAX_SYNCS; i++)
    {
      g_autoptr(ConnectSyncRecord) a = g_list_model_get_item (connect_change_log_get_syncs (log), i);
      g_autoptr(ConnectSyncRecord) b = g_list_model_get_item (syncs, i);

      assert_record (a, n_syncs - 1 - i);
      assert_record (b, n_syncs - 1 - i);
    }
}

/* The file is written by hand in the writing thread: every kind of value
 * must read back the same, quotes, backslashes and control characters too. */
static void
test_values_round_trip (void)
{
  g_autofree char *path = log_path ();
  g_autoptr(ConnectChangeLog) log = connect_change_log_new (path);
  g_autoptr(ConnectChangeLog) reloaded = NULL;
  g_autoptr(GListStore) changes = g_list_store_new (CONNECT_TYPE_CHANGE);
  g_autoptr(GDateTime) time = sync_time (3);
  g_autoptr(JsonNode) from = NULL;
  g_autoptr(JsonNode) to = NULL;
  g_autoptr(ConnectChange) change = NULL;
  g_autoptr(ConnectSyncRecord) record = NULL;
  g_autoptr(ConnectChange) read = NULL;
  g_autoptr(GError) error = NULL;

  from = json_from_string ("{\"name\": \"Globex \\\"Oncology\\\" <b>AS</b> \\\\ \\n\\t\\u0001 Bodø\","
                           " \"sites\": [\"s1\", null, true, false, -12, 2.5, 1e-7, 3.0],"
                           " \"nested\": {\"empty\": [], \"none\": {}}}", &error);
  g_assert_no_error (error);
  to = json_from_string ("\"\\u007f\\r/\"", &error);
  g_assert_no_error (error);
  change = connect_change_new (CONNECT_CHANGE_CHANGED, CONNECT_ENTITY_KIND_PARTNER,
                               "globex \"1\"", "name", from, to);
  g_list_store_append (changes, change);

  load (log);
  g_assert_true (connect_change_log_append (log, time, G_LIST_MODEL (changes)));
  flush (log);

  reloaded = connect_change_log_new (path);
  load (reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (connect_change_log_get_syncs (reloaded)), ==, 1);
  record = g_list_model_get_item (connect_change_log_get_syncs (reloaded), 0);
  g_assert_true (g_date_time_equal (connect_sync_record_get_time (record), time));
  read = g_list_model_get_item (connect_sync_record_get_changes (record), 0);
  g_assert_cmpstr (connect_change_get_id (read), ==, "globex \"1\"");
  g_assert_cmpstr (connect_change_get_field (read), ==, "name");
  g_assert_true (json_node_equal (connect_change_get_from (read), from));
  g_assert_true (json_node_equal (connect_change_get_to (read), to));
}

/* An append before the load finished is newer than what is on disk: it
 * stays in front, and the file written afterwards holds both. */
static void
test_append_while_loading (void)
{
  g_autofree char *path = log_path ();
  g_autoptr(ConnectChangeLog) first = connect_change_log_new (path);
  g_autoptr(ConnectChangeLog) second = connect_change_log_new (path);
  g_autoptr(ConnectChangeLog) third = connect_change_log_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) old_changes = make_changes (1);
  g_autoptr(GListModel) new_changes = make_changes (2);
  g_autoptr(GDateTime) old_time = sync_time (1);
  g_autoptr(GDateTime) new_time = sync_time (2);

  load (first);
  connect_change_log_append (first, old_time, old_changes);
  flush (first);

  connect_change_log_load_async (second, NULL, async_result_cb, &result);
  connect_change_log_append (second, new_time, new_changes);
  wait_result (&result);
  g_assert_true (connect_change_log_load_finish (second, result, NULL));
  flush (second);

  load (third);
  g_assert_cmpuint (g_list_model_get_n_items (connect_change_log_get_syncs (third)), ==, 2);
  {
    g_autoptr(ConnectSyncRecord) a = g_list_model_get_item (connect_change_log_get_syncs (third), 0);
    g_autoptr(ConnectSyncRecord) b = g_list_model_get_item (connect_change_log_get_syncs (third), 1);

    assert_record (a, 2);
    assert_record (b, 1);
  }
}

static void
test_corrupt (void)
{
  const char *broken[] = {
    "{\"version\": 1, \"syncs\": [",
    "not json at all",
    "",
    "[1, 2, 3]",
    "{\"version\": 2, \"syncs\": []}",
    "{\"version\": 1, \"syncs\": {}}",
  };
  g_autofree char *path = log_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(ConnectChangeLog) log = connect_change_log_new (path);
      g_autoptr(ConnectChangeLog) reloaded = connect_change_log_new (path);
      g_autoptr(GListModel) changes = make_changes (3);
      g_autoptr(GDateTime) time = sync_time (3);
      g_autoptr(ConnectSyncRecord) record = NULL;
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, broken[i], -1, &error);
      g_assert_no_error (error);

      load (log);
      g_assert_cmpuint (g_list_model_get_n_items (connect_change_log_get_syncs (log)), ==, 0);

      /* The next append replaces the broken file. */
      connect_change_log_append (log, time, changes);
      flush (log);
      load (reloaded);
      g_assert_cmpuint (g_list_model_get_n_items (connect_change_log_get_syncs (reloaded)), ==, 1);
      record = g_list_model_get_item (connect_change_log_get_syncs (reloaded), 0);
      assert_record (record, 3);
    }
}

/* Records and changes that cannot be read are skipped, the rest kept. */
static void
test_partly_broken (void)
{
  g_autofree char *path = log_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ConnectChangeLog) log = connect_change_log_new (path);
  g_autoptr(ConnectSyncRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *contents =
    "{\"version\": 1, \"syncs\": ["
    " {\"time\": \"yesterday\", \"changes\": []},"
    " 42,"
    " {\"time\": \"2026-11-02T08:30:00Z\", \"changes\": ["
    "   {\"kind\": \"cohort-changed\", \"id\": \"IMP-001\", \"field\": \"enrolled\", \"from\": 1, \"to\": 2},"
    "   {\"kind\": \"planet-changed\", \"id\": \"X\", \"field\": \"a\", \"from\": 1, \"to\": 2},"
    "   {\"kind\": \"site-added\", \"id\": \"Y\", \"field\": null, \"from\": null, \"to\": 3}"
    " ]}]}";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  load (log);
  g_assert_cmpuint (g_list_model_get_n_items (connect_change_log_get_syncs (log)), ==, 1);
  record = g_list_model_get_item (connect_change_log_get_syncs (log), 0);
  g_assert_cmpuint (g_list_model_get_n_items (connect_sync_record_get_changes (record)), ==, 1);
}

static void
wait_feed (ConnectStore *store,
           const char   *checksum_before)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (connect_store_get_feed (store) == NULL ||
         g_strcmp0 (connect_feed_get_checksum (connect_store_get_feed (store)), checksum_before) == 0 ||
         connect_store_get_sync_state (store) == CONNECT_SYNC_STATE_SYNCING)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
}

static GFile *
feed_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), name, NULL);

  return g_file_new_for_path (path);
}

/* A watched store's swaps are recorded once, however often it is
 * watched. */
static void
test_watch_store (void)
{
  g_autofree char *path = log_path ();
  g_autofree char *store_dir = g_build_filename (g_get_user_cache_dir (), "store", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("org.connectnorway.Cohorts");
  g_autoptr(ConnectStore) store = connect_store_new_full (settings, store_dir);
  g_autoptr(ConnectChangeLog) log = connect_change_log_new (path);
  g_autoptr(GFile) minimal = feed_file ("minimal.json");
  g_autoptr(GFile) base = feed_file ("base.json");
  g_autoptr(ConnectSyncRecord) record = NULL;
  g_autofree char *first = NULL;
  guint n_before;

  load (log);
  connect_change_log_watch_store (log, store);
  connect_change_log_watch_store (log, store);

  connect_store_open_file (store, minimal);
  wait_feed (store, NULL);
  first = g_strdup (connect_feed_get_checksum (connect_store_get_feed (store)));
  n_before = g_list_model_get_n_items (connect_change_log_get_syncs (log));

  connect_store_open_file (store, base);
  wait_feed (store, first);

  g_assert_cmpuint (g_list_model_get_n_items (connect_store_get_changes (store)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (connect_change_log_get_syncs (log)), ==, n_before + 1);
  record = g_list_model_get_item (connect_change_log_get_syncs (log), 0);
  g_assert_cmpuint (g_list_model_get_n_items (connect_sync_record_get_changes (record)), ==,
                    g_list_model_get_n_items (connect_store_get_changes (store)));
  /* The record keeps the store's snapshot itself: no copy of thousands of
   * changes on the main thread. */
  g_assert_nonnull (connect_store_get_changes_snapshot (store));
  g_assert_true (connect_sync_record_get_changes (record) == connect_store_get_changes_snapshot (store));
  for (guint i = 0; i < g_list_model_get_n_items (connect_store_get_changes (store)); i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (connect_store_get_changes (store), i);
      g_autoptr(GObject) b = g_list_model_get_item (connect_sync_record_get_changes (record), i);

      g_assert_true (a == b);
    }

  /* The next swap brings a new snapshot; the record's stays as it was. */
  {
    GListModel *kept = connect_sync_record_get_changes (record);
    guint n_kept = g_list_model_get_n_items (kept);
    g_autofree char *second = g_strdup (connect_feed_get_checksum (connect_store_get_feed (store)));

    connect_store_open_file (store, minimal);
    wait_feed (store, second);
    g_assert_true (connect_store_get_changes_snapshot (store) != kept);
    g_assert_cmpuint (g_list_model_get_n_items (kept), ==, n_kept);
  }
  flush (log);
}

static void
test_default_path (void)
{
  g_autofree char *path = connect_change_log_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (),
                                                "org.connectnorway.Cohorts",
                                                "changes.json", NULL);
  g_autoptr(ConnectChangeLog) log = connect_change_log_new (NULL);

  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpstr (connect_change_log_get_path (log), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/change-log/append", test_append);
  g_test_add_func ("/connect/change-log/cap-and-reload", test_cap_and_reload);
  g_test_add_func ("/connect/change-log/values-round-trip", test_values_round_trip);
  g_test_add_func ("/connect/change-log/append-while-loading", test_append_while_loading);
  g_test_add_func ("/connect/change-log/corrupt", test_corrupt);
  g_test_add_func ("/connect/change-log/partly-broken", test_partly_broken);
  g_test_add_func ("/connect/change-log/default-path", test_default_path);
  g_test_add_func ("/connect/change-log/watch-store", test_watch_store);

  return g_test_run ();
}
