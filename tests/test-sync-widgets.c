/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sync widgets (banner, status, changes dialog) on a real store;
 * run under xvfb-run (suite "ui"). */
#include "config.h"

#include <adwaita.h>

#include "connect-changes-dialog.h"
#include "connect-error.h"
#include "connect-resources.h"
#include "connect-sync-banner.h"
#include "connect-sync-status.h"

static void
wait_settled (ConnectStore *store)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (connect_store_get_sync_state (store) == CONNECT_SYNC_STATE_SYNCING)
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

static void
test_widgets (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.connectnorway.Cohorts");
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "widgets", NULL);
  g_autoptr(ConnectStore) store = connect_store_new_full (settings, dir);
  g_autoptr(GFile) minimal = feed_file ("minimal.json");
  g_autoptr(GFile) base = feed_file ("base.json");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/feed.json");
  GtkWidget *banner = connect_sync_banner_new (store);
  GtkWidget *status = connect_sync_status_new (store);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *dialog;
  g_autofree char *expected = NULL;
  GListModel *changes;

  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), banner);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  /* A good file: no banner, the status says so. */
  connect_store_open_file (store, minimal);
  wait_settled (store);
  g_assert_false (connect_sync_banner_get_revealed (CONNECT_SYNC_BANNER (banner)));
  expected = connect_store_format_status (store, NULL);
  g_assert_cmpstr (connect_sync_status_get_text (CONNECT_SYNC_STATUS (status)), ==, expected);
  g_assert_cmpstr (expected, ==, "Showing a feed file");

  /* A broken one: the banner shows the reason. */
  connect_store_open_file (store, missing);
  wait_settled (store);
  g_assert_cmpint (connect_store_get_sync_state (store), ==, CONNECT_SYNC_STATE_ERROR);
  g_assert_true (connect_sync_banner_get_revealed (CONNECT_SYNC_BANNER (banner)));

  /* Another good file: changes from the first; the banner goes away. */
  connect_store_open_file (store, base);
  wait_settled (store);
  g_assert_false (connect_sync_banner_get_revealed (CONNECT_SYNC_BANNER (banner)));
  changes = connect_store_get_changes (store);
  g_assert_cmpuint (g_list_model_get_n_items (changes), >, 0);

  dialog = connect_changes_dialog_new (GTK_WINDOW (window), store);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (connect_changes_dialog_get_store (CONNECT_CHANGES_DIALOG (dialog)) == store);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(ConnectChange) change = g_list_model_get_item (changes, i);
      g_autofree char *title = connect_changes_dialog_format_title (change);
      g_autofree char *values = connect_changes_dialog_format_values (change);

      g_assert_nonnull (strstr (title, connect_change_get_id (change)));
      if (connect_change_get_change_type (change) == CONNECT_CHANGE_CHANGED)
        g_assert_nonnull (strstr (values, "→"));
    }
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_change_format (void)
{
  g_autoptr(JsonNode) from = json_from_string ("\"evaluating\"", NULL);
  g_autoptr(JsonNode) to = json_from_string ("\"open\"", NULL);
  g_autoptr(JsonNode) nothing = json_from_string ("null", NULL);
  g_autoptr(JsonNode) yes = json_from_string ("true", NULL);
  g_autoptr(ConnectChange) status = connect_change_new (CONNECT_CHANGE_CHANGED, CONNECT_ENTITY_KIND_COHORT,
                                                        "IMP-006", "status", from, to);
  g_autoptr(ConnectChange) flag = connect_change_new (CONNECT_CHANGE_CHANGED, CONNECT_ENTITY_KIND_SITE,
                                                      "radium", "recruiting", nothing, yes);
  g_autoptr(JsonNode) entity = json_from_string ("{\"id\": \"IMP-031\", \"name\": \"RET fusions\"}", NULL);
  g_autoptr(ConnectChange) added = connect_change_new (CONNECT_CHANGE_ADDED, CONNECT_ENTITY_KIND_COHORT,
                                                       "IMP-031", NULL, NULL, entity);
  g_autofree char *t1 = connect_changes_dialog_format_title (status);
  g_autofree char *v1 = connect_changes_dialog_format_values (status);
  g_autofree char *v2 = connect_changes_dialog_format_values (flag);
  g_autofree char *t3 = connect_changes_dialog_format_title (added);
  g_autofree char *v3 = connect_changes_dialog_format_values (added);

  g_assert_cmpstr (t1, ==, "Cohort IMP-006 · status");
  g_assert_cmpstr (v1, ==, "evaluating → open");
  g_assert_cmpstr (v2, ==, "— → yes");
  g_assert_cmpstr (t3, ==, "Cohort IMP-031 added");
  g_assert_cmpstr (v3, ==, "RET fusions");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Pulls the UI resources (templates) out of the static library. */
  g_resources_register (connect_get_resource ());

  g_test_add_func ("/connect/sync-widgets/widgets", test_widgets);
  g_test_add_func ("/connect/sync-widgets/change-format", test_change_format);

  return g_test_run ();
}
