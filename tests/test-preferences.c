/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preferences window on real settings, a real store and libsecret's
 * file backend; run under xvfb-run (suite "ui"). */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "connect-credentials.h"
#include "connect-preferences-window.h"
#include "connect-resources.h"

static GtkWidget *
child (GtkWidget  *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (window, CONNECT_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
iterate (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
apply (GtkWidget  *row,
       const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
test_feed_url (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.connectnorway.Cohorts");
  GtkWidget *window;
  GtkWidget *row;
  GtkWidget *message;
  g_autofree char *url = NULL;

  g_settings_set_string (settings, "feed-url", "https://old.example.org/feed.json");
  window = connect_preferences_window_new (NULL, NULL, settings);
  gtk_window_present (GTK_WINDOW (window));
  row = child (window, "url_row");
  message = child (window, "url_message");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "https://old.example.org/feed.json");
  g_assert_false (gtk_widget_get_visible (message));

  /* http:// is refused, shown and not saved. */
  apply (row, "http://feed.example.org/feed.json");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "https://"));
  url = g_settings_get_string (settings, "feed-url");
  g_assert_cmpstr (url, ==, "https://old.example.org/feed.json");
  g_clear_pointer (&url, g_free);

  /* A bad host likewise. */
  apply (row, "https://feed_1.example.org/feed.json");
  g_assert_true (gtk_widget_get_visible (message));
  url = g_settings_get_string (settings, "feed-url");
  g_assert_cmpstr (url, ==, "https://old.example.org/feed.json");
  g_clear_pointer (&url, g_free);

  /* Fixing it while typing clears the error before it is applied. */
  gtk_editable_set_text (GTK_EDITABLE (row), "https://feed.example.org/feed.json");
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* A good one (spaces around are dropped) is saved. */
  apply (row, "  https://feed.example.org/feed.json ");
  url = g_settings_get_string (settings, "feed-url");
  g_assert_cmpstr (url, ==, "https://feed.example.org/feed.json");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "https://feed.example.org/feed.json");
  g_clear_pointer (&url, g_free);

  /* Empty is the sample data. */
  apply (row, "");
  url = g_settings_get_string (settings, "feed-url");
  g_assert_cmpstr (url, ==, "");
  g_clear_pointer (&url, g_free);

  /* Changed elsewhere: the row follows. */
  g_settings_set_string (settings, "feed-url", "https://other.example.org/feed.json");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "https://other.example.org/feed.json");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bindings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.connectnorway.Cohorts");
  GtkWidget *window = connect_preferences_window_new (NULL, NULL, settings);
  GtkSpinButton *spin = GTK_SPIN_BUTTON (child (window, "refresh_spin"));
  GtkSwitch *notify = GTK_SWITCH (child (window, "notify_switch"));

  g_assert_cmpint ((int) gtk_spin_button_get_value (spin), ==, (int) g_settings_get_uint (settings, "refresh-interval"));
  gtk_spin_button_set_value (spin, 45);
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 45);
  g_settings_set_uint (settings, "refresh-interval", 120);
  g_assert_cmpint ((int) gtk_spin_button_get_value (spin), ==, 120);
  /* The schema's range and the spin button's agree. */
  gtk_spin_button_set_value (spin, 1);
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 5);

  g_assert_true (g_settings_get_boolean (settings, "notify-watched"));
  g_assert_true (gtk_switch_get_active (notify));
  gtk_switch_set_active (notify, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "notify-watched"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
find_string (GListModel *model,
             const char *text)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
test_company (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.connectnorway.Cohorts");
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "preferences", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("CONNECT_SOURCE_ROOT"), "data", "sample-feed.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ConnectStore) store = NULL;
  g_autofree char *mine = NULL;
  GtkWidget *window;
  AdwComboRow *row;
  GListModel *model;
  guint roche;
  gint64 end;

  g_settings_set_string (settings, "my-company", "");
  store = connect_store_new_full (settings, dir);
  window = connect_preferences_window_new (NULL, store, settings);
  row = ADW_COMBO_ROW (child (window, "company_row"));

  /* No feed yet: only "All partners". */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 1);

  connect_store_open_file (store, file);
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (connect_store_get_feed (store) == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }

  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpuint (find_string (model, "All partners"), ==, 0);
  roche = find_string (model, "Roche");
  g_assert_cmpuint (roche, !=, GTK_INVALID_LIST_POSITION);
  /* Companies only: no hospital. */
  g_assert_cmpuint (find_string (model, "Oslo University Hospital"), ==, GTK_INVALID_LIST_POSITION);
  /* Filling the list did not touch the setting. */
  mine = g_settings_get_string (settings, "my-company");
  g_assert_cmpstr (mine, ==, "");
  g_clear_pointer (&mine, g_free);

  adw_combo_row_set_selected (row, roche);
  mine = g_settings_get_string (settings, "my-company");
  g_assert_cmpstr (mine, ==, "roche");
  g_clear_pointer (&mine, g_free);

  adw_combo_row_set_selected (row, 0);
  mine = g_settings_get_string (settings, "my-company");
  g_assert_cmpstr (mine, ==, "");
  g_clear_pointer (&mine, g_free);

  g_settings_set_string (settings, "my-company", "roche");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, roche);

  gtk_window_destroy (GTK_WINDOW (window));

  /* A company the feed does not name stays chosen. */
  g_settings_set_string (settings, "my-company", "gone-pharma");
  window = connect_preferences_window_new (NULL, store, settings);
  row = ADW_COMBO_ROW (child (window, "company_row"));
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==,
                    find_string (model, "gone-pharma (not in the current data)"));
  mine = g_settings_get_string (settings, "my-company");
  g_assert_cmpstr (mine, ==, "gone-pharma");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_token (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.connectnorway.Cohorts");
  const char *url = "https://feed.example.org/feed.json";
  GtkWidget *window;
  GtkWidget *row;
  GtkLabel *message;
  g_autoptr(GError) error = NULL;
  char *token;
  gint64 end;

  /* No address: a token has nowhere to belong. */
  g_settings_set_string (settings, "feed-url", "");
  window = connect_preferences_window_new (NULL, NULL, settings);
  row = child (window, "token_row");
  message = GTK_LABEL (child (window, "token_message"));
  g_assert_false (gtk_widget_get_sensitive (row));
  apply (row, "s3cret");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));

  /* With an address it is kept in the password store, not in the field. */
  g_settings_set_string (settings, "feed-url", url);
  g_assert_true (gtk_widget_get_sensitive (row));
  apply (row, "s3cret");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((token = connect_credentials_lookup (url, NULL, &error)) == NULL)
    {
      g_assert_no_error (error);
      iterate (20);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  g_assert_cmpstr (token, ==, "s3cret");
  secret_password_free (token);
  iterate (200);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_null (strstr (gtk_label_get_text (message), "s3cret"));

  /* Applying an empty field removes it. */
  apply (row, "");
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((token = connect_credentials_lookup (url, NULL, &error)) != NULL)
    {
      secret_password_free (token);
      iterate (20);
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_secret_service (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) settings = NULL;
      GtkWidget *window;
      GtkWidget *row;
      GtkLabel *message;
      gint64 end;

      /* No Secret Service on this bus: the token cannot be kept. */
      g_setenv ("SECRET_BACKEND", "service", TRUE);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/connect-test-bus", TRUE);

      settings = g_settings_new ("org.connectnorway.Cohorts");
      g_settings_set_string (settings, "feed-url", "https://feed.example.org/feed.json");
      window = connect_preferences_window_new (NULL, NULL, settings);
      row = child (window, "token_row");
      message = GTK_LABEL (child (window, "token_message"));
      iterate (500);
      gtk_label_set_text (message, "");

      apply (row, "secret-value");
      end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      while (strstr (gtk_label_get_text (message), "not kept") == NULL)
        {
          iterate (20);
          g_assert_cmpint (g_get_monotonic_time (), <, end);
        }
      /* Why, in the window, without the token. */
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
      g_assert_null (strstr (gtk_label_get_text (message), "secret-value"));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* Never logged. */
  g_test_trap_assert_stdout_unmatched ("*secret-value*");
  g_test_trap_assert_stderr_unmatched ("*secret-value*");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_dir = NULL;
  g_autofree char *keyring = NULL;
  int ret;

  /* No accessibility bus: its registry would print on stdout (TAP). */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_resources_register (connect_get_resource ());

  keyring_dir = g_dir_make_tmp ("connect-keyring-XXXXXX", NULL);
  g_assert_nonnull (keyring_dir);
  keyring = g_build_filename (keyring_dir, "test.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-password", TRUE);

  g_test_add_func ("/connect/preferences/feed-url", test_feed_url);
  g_test_add_func ("/connect/preferences/bindings", test_bindings);
  g_test_add_func ("/connect/preferences/company", test_company);
  g_test_add_func ("/connect/preferences/token", test_token);
  g_test_add_func ("/connect/preferences/no-secret-service", test_no_secret_service);

  ret = g_test_run ();
  g_unlink (keyring);
  g_rmdir (keyring_dir);
  return ret;
}
