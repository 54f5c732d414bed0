/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Supply and Changes views and the stacked slots bar as widgets: the
 * bar's accessible label, the Supply view's rows under the "my company"
 * setting, and the Changes view recording every swap of a real store in
 * the change log on disk. Run under xvfb-run (suite "ui"). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "connect-bar-chart.h"
#include "connect-changes-page.h"
#include "connect-forecast.h"
#include "connect-line-chart.h"
#include "connect-resources.h"
#include "connect-stacked-bar.h"
#include "connect-supply-page.h"

/* Deletes a directory the test made, with everything in it. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static GFile *
feed_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), name, NULL);

  return g_file_new_for_path (path);
}

static ConnectFeed *
load_feed (const char *name)
{
  g_autoptr(GFile) file = feed_file (name);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ConnectFeed *feed;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  return feed;
}

static void
test_stacked_bar (void)
{
  GtkWidget *bar = g_object_ref_sink (connect_stacked_bar_new ());

  connect_stacked_bar_set_values (CONNECT_STACKED_BAR (bar), 24, 12, 2);
  g_assert_cmpint (connect_stacked_bar_get_slots (CONNECT_STACKED_BAR (bar)), ==, 24);
  g_assert_cmpint (connect_stacked_bar_get_used (CONNECT_STACKED_BAR (bar)), ==, 12);
  g_assert_cmpint (connect_stacked_bar_get_reserved (CONNECT_STACKED_BAR (bar)), ==, 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "12 used, 2 reserved, 10 left of 24");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_ROLE_IMG);

  /* Over-committed: nothing left, never negative. */
  connect_stacked_bar_set_values (CONNECT_STACKED_BAR (bar), 10, 8, 4);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "8 used, 4 reserved, 0 left of 10");

  g_object_unref (bar);
}

/* What every chart shares (ConnectChart): its title is its accessible
 * name, a summary of its data its description, both kept current. */
static void
test_charts (void)
{
  GtkWidget *bars = g_object_ref_sink (connect_bar_chart_new ());
  GtkWidget *lines = g_object_ref_sink (connect_line_chart_new ());
  guint series;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (bars), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (lines), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bars), GTK_ACCESSIBLE_PROPERTY_LABEL, "Bar chart");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bars), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "No data");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (lines), GTK_ACCESSIBLE_PROPERTY_LABEL, "Line chart");

  connect_chart_set_title (CONNECT_CHART (bars), "Screening to benefit");
  g_assert_cmpstr (connect_chart_get_title (CONNECT_CHART (bars)), ==, "Screening to benefit");
  connect_bar_chart_append (CONNECT_BAR_CHART (bars), "Screened", 2640, "2,640");
  connect_bar_chart_append (CONNECT_BAR_CHART (bars), "Evaluable", 337, "337");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bars), GTK_ACCESSIBLE_PROPERTY_LABEL, "Screening to benefit");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bars), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Screened: 2,640; Evaluable: 337");
  g_assert_cmpint (connect_chart_get_hover (CONNECT_CHART (bars)), ==, -1);

  g_object_set (lines, "title", "Slots used over time", NULL);
  series = connect_line_chart_add_series (CONNECT_LINE_CHART (lines), "Used");
  connect_line_chart_add_point (CONNECT_LINE_CHART (lines), series, 739000, 3);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (lines), GTK_ACCESSIBLE_PROPERTY_LABEL, "Slots used over time");

  connect_bar_chart_clear (CONNECT_BAR_CHART (bars));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bars), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "No data");

  g_object_unref (bars);
  g_object_unref (lines);
}

static guint
n_rows (ConnectSupplyPage *page)
{
  return g_list_model_get_n_items (connect_supply_page_get_rows (page));
}

static void
test_supply_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/supply.json");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = connect_supply_page_new ();
  GtkWidget *mine;
  ConnectForecast *first;

  g_setenv ("CONNECT_TODAY", "2026-11-26", TRUE);
  g_settings_set_string (settings, "my-company", "");

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  /* No feed: the empty state, nothing to export. */
  g_assert_null (connect_supply_page_get_feed (CONNECT_SUPPLY_PAGE (page)));
  g_assert_cmpuint (n_rows (CONNECT_SUPPLY_PAGE (page)), ==, 0);

  connect_supply_page_set_feed (CONNECT_SUPPLY_PAGE (page), feed);
  g_assert_true (connect_supply_page_get_feed (CONNECT_SUPPLY_PAGE (page)) == feed);
  g_assert_cmpuint (n_rows (CONNECT_SUPPLY_PAGE (page)), ==, 3);

  /* The rows are the core's forecasts as of CONNECT_TODAY. */
  first = g_list_model_get_item (connect_supply_page_get_rows (CONNECT_SUPPLY_PAGE (page)), 0);
  g_assert_cmpstr (connect_entity_get_id (CONNECT_ENTITY (connect_forecast_get_commitment (first))), ==,
                   "acme-alphinib-2025");
  g_assert_cmpint (connect_forecast_get_warning (first), ==, CONNECT_SUPPLY_WARNING_RUNS_OUT_EARLY);
  g_assert_cmpuint (g_date_get_year (connect_forecast_get_today (first)), ==, 2026);
  g_object_unref (first);

  /* "My company", remembered in GSettings, filters a new page. */
  g_settings_set_string (settings, "my-company", "globex");
  mine = g_object_ref_sink (connect_supply_page_new ());
  connect_supply_page_set_feed (CONNECT_SUPPLY_PAGE (mine), feed);
  g_assert_cmpuint (n_rows (CONNECT_SUPPLY_PAGE (mine)), ==, 2);

  /* A change of the setting elsewhere (the preferences) is followed. */
  g_settings_set_string (settings, "my-company", "acme");
  g_assert_cmpuint (n_rows (CONNECT_SUPPLY_PAGE (mine)), ==, 1);
  g_assert_cmpuint (n_rows (CONNECT_SUPPLY_PAGE (page)), ==, 1);
  g_settings_set_string (settings, "my-company", "");
  g_assert_cmpuint (n_rows (CONNECT_SUPPLY_PAGE (mine)), ==, 3);

  /* A partner the feed does not have shows every partner. */
  g_settings_set_string (settings, "my-company", "no-such-partner");
  connect_supply_page_set_feed (CONNECT_SUPPLY_PAGE (mine), NULL);
  g_assert_cmpuint (n_rows (CONNECT_SUPPLY_PAGE (mine)), ==, 0);
  connect_supply_page_set_feed (CONNECT_SUPPLY_PAGE (mine), feed);
  g_assert_cmpuint (n_rows (CONNECT_SUPPLY_PAGE (mine)), ==, 3);
  g_object_unref (mine);

  connect_supply_page_set_feed (CONNECT_SUPPLY_PAGE (page), NULL);
  g_assert_cmpuint (n_rows (CONNECT_SUPPLY_PAGE (page)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("CONNECT_TODAY");
}

static void
wait_settled (ConnectStore *store)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (connect_store_get_feed (store) == NULL ||
         connect_store_get_sync_state (store) == CONNECT_SYNC_STATE_SYNCING)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
}

static void
flush_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (connect_change_log_flush_finish (CONNECT_CHANGE_LOG (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
changed_cb (guint *n_signals)
{
  (*n_signals)++;
}

static void
test_changes_page_records (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "store", NULL);
  g_autoptr(ConnectStore) store = connect_store_new_full (settings, dir);
  g_autoptr(GFile) minimal = feed_file ("minimal.json");
  g_autoptr(GFile) base = feed_file ("base.json");
  g_autoptr(ConnectChangeLog) reloaded = NULL;
  g_autofree char *path = NULL;
  g_autofree char *real_cache = g_build_filename (g_get_home_dir (), ".cache", NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = connect_changes_page_new ();
  ConnectChangeLog *log;
  ConnectSyncRecord *record;
  gboolean done = FALSE;
  guint n_before, n_signals = 0;
  gint64 end;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  connect_changes_page_set_store (CONNECT_CHANGES_PAGE (page), store);
  g_assert_true (connect_changes_page_get_store (CONNECT_CHANGES_PAGE (page)) == store);

  log = connect_changes_page_get_log (CONNECT_CHANGES_PAGE (page));
  path = connect_change_log_get_default_path ();
  g_assert_cmpstr (connect_change_log_get_path (log), ==, path);
  /* Never the user's own cache. */
  g_assert_false (g_str_has_prefix (path, real_cache));

  /* A first feed, then a second one: the second swap's changes are
   * recorded, in memory and on disk. */
  connect_store_open_file (store, minimal);
  wait_settled (store);
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!connect_change_log_get_loaded (log))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  /* Let anything the store still does at start settle. */
  end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  n_before = g_list_model_get_n_items (connect_change_log_get_syncs (log));

  g_signal_connect_swapped (store, "changed", G_CALLBACK (changed_cb), &n_signals);
  connect_store_open_file (store, base);
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (n_signals == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  g_assert_cmpuint (g_list_model_get_n_items (connect_store_get_changes (store)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (connect_change_log_get_syncs (log)), ==, n_before + 1);
  record = g_list_model_get_item (connect_change_log_get_syncs (log), 0);
  g_assert_cmpuint (g_list_model_get_n_items (connect_sync_record_get_changes (record)), ==,
                    g_list_model_get_n_items (connect_store_get_changes (store)));
  g_assert_cmpuint (g_list_model_get_n_items (connect_sync_record_get_changes (record)), >, 0);
  g_object_unref (record);

  connect_change_log_flush_async (log, NULL, flush_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  reloaded = connect_change_log_new (path);
  connect_change_log_load_async (reloaded, NULL, NULL, NULL);
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!connect_change_log_get_loaded (reloaded))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  g_assert_cmpuint (g_list_model_get_n_items (connect_change_log_get_syncs (reloaded)), ==, n_before + 1);

  connect_changes_page_set_store (CONNECT_CHANGES_PAGE (page), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;
  int status;

  /* gtk_test_init() ignores test options, and isolating every XDG
   * directory hides the MIME database GTK needs: give the tests a cache
   * directory of their own (the change log lives there) before anything
   * asks for it. */
  cache = g_dir_make_tmp ("connect-supply-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Pulls the UI resources (templates) out of the static library. */
  g_resources_register (connect_get_resource ());

  g_test_add_func ("/connect/supply-ui/stacked-bar", test_stacked_bar);
  g_test_add_func ("/connect/supply-ui/charts", test_charts);
  g_test_add_func ("/connect/supply-ui/supply-page", test_supply_page);
  g_test_add_func ("/connect/supply-ui/changes-page-records", test_changes_page_records);

  status = g_test_run ();

  remove_tree (cache);

  return status;
}
