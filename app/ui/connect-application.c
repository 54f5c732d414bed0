/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-about.h"
#include "connect-application.h"
#include "connect-preferences-window.h"
#include "connect-resources.h"
#include "connect-store.h"
#include "connect-watch.h"
#include "connect-watchlist.h"
#include "connect-window.h"

struct _ConnectApplication
{
  AdwApplication  parent_instance;

  GFile          *feed_file;
  ConnectStore   *store;
  GSettings      *settings;
  /* The feed before the last swap, for the watchlist notifications. */
  ConnectFeed    *last_feed;
};

G_DEFINE_FINAL_TYPE (ConnectApplication, connect_application, ADW_TYPE_APPLICATION)

static void
connect_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
connect_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  connect_preferences_window_present (GTK_APPLICATION (user_data));
}

static void
connect_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  connect_about_present (GTK_APPLICATION (user_data));
}

static ConnectWindow *
connect_application_ensure_window (ConnectApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || !CONNECT_IS_WINDOW (window))
    window = GTK_WINDOW (connect_window_new (self));

  return CONNECT_WINDOW (window);
}

static void
connect_application_show_cohort_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  ConnectApplication *self = CONNECT_APPLICATION (user_data);
  ConnectWindow *window = connect_application_ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  connect_window_show_cohort (window, g_variant_get_string (parameter, NULL));
}

/* After a sync: one notification per watched cohort whose status or stage
 * changed; activating it opens that cohort. */
static void
store_changed_cb (ConnectApplication *self,
                  guint               n_changes,
                  ConnectStore       *store)
{
  ConnectFeed *feed = connect_store_get_feed (store);
  g_auto(GStrv) watched = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  if (feed == NULL)
    return;

  if (self->last_feed != NULL && g_settings_get_boolean (self->settings, "notify-watched"))
    {
      watched = g_settings_get_strv (self->settings, CONNECT_WATCHLIST_KEY);
      changes = connect_watch_find_changes (self->last_feed, feed, (const char * const *) watched);

      for (guint i = 0; i < changes->len; i++)
        {
          const ConnectWatchChange *change = g_ptr_array_index (changes, i);
          g_autoptr(GNotification) notification = NULL;
          g_autofree char *title = NULL;
          g_autofree char *body = connect_watch_change_describe (change);
          g_autofree char *id = g_strconcat ("watched-", change->cohort_id, NULL);

          /* Translators: notification title for a watched cohort */
          title = g_strdup_printf (_("Cohort %s changed"), change->cohort_id);
          notification = g_notification_new (title);
          g_notification_set_body (notification, body);
          if (!change->removed)
            g_notification_set_default_action_and_target (notification, "app.show-cohort",
                                                          "s", change->cohort_id);
          g_application_send_notification (G_APPLICATION (self), id, notification);
        }
    }

  g_set_object (&self->last_feed, feed);
}

static void
store_feed_cb (ConnectApplication *self,
               GParamSpec         *pspec,
               ConnectStore       *store)
{
  /* The first feed (cache, sample or file) is the base to compare with. */
  if (self->last_feed == NULL && connect_store_get_feed (store) != NULL)
    g_set_object (&self->last_feed, connect_store_get_feed (store));
}

static const GActionEntry app_actions[] = {
  { "quit", connect_application_quit_action },
  { "show-cohort", connect_application_show_cohort_action, "s" },
  { "preferences", connect_application_preferences_action },
  { "about", connect_application_about_action },
};

static int
connect_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  ConnectApplication *self = CONNECT_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "feed", "^&ay", &path))
    g_set_object (&self->feed_file, g_file_new_for_commandline_arg (path));

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "connect-cohorts", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
connect_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (connect_application_ensure_window (CONNECT_APPLICATION (app))));
}

static void
connect_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-view::cohorts", { "<Control>1", NULL } },
    { "win.show-view::match", { "<Control>2", NULL } },
    { "win.show-view::trial", { "<Control>3", NULL } },
    { "win.show-view::partners", { "<Control>4", NULL } },
    { "win.show-view::supply", { "<Control>5", NULL } },
    { "win.show-view::changes", { "<Control>6", NULL } },
    { "win.feed-info", { "<Control>i", NULL } },
    { "win.sync", { "<Control>r", "F5", NULL } },
  };

  ConnectApplication *self = CONNECT_APPLICATION (app);

  G_APPLICATION_CLASS (connect_application_parent_class)->startup (app);

  /* One store for the whole application, handed down to the windows. */
  self->settings = g_settings_new (BASE_APP_ID);
  self->store = connect_store_new ();
  g_signal_connect_object (self->store, "notify::feed",
                           G_CALLBACK (store_feed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->feed_file != NULL)
    connect_store_open_file (self->store, self->feed_file);
  else
    connect_store_start (self->store);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
connect_application_dispose (GObject *object)
{
  ConnectApplication *self = CONNECT_APPLICATION (object);

  g_clear_object (&self->feed_file);
  g_clear_object (&self->last_feed);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (connect_application_parent_class)->dispose (object);
}

static void
connect_application_class_init (ConnectApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = connect_application_dispose;

  /* The resources live in a static library: referring to them here keeps
   * the linker from dropping the object that registers them. */
  g_assert (connect_get_resource () != NULL);

  app_class->activate = connect_application_activate;
  app_class->startup = connect_application_startup;
  app_class->handle_local_options = connect_application_handle_local_options;
}

static void
connect_application_init (ConnectApplication *self)
{
  static const GOptionEntry entries[] = {
    { "feed", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the feed in FILE instead of the configured one"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

ConnectApplication *
connect_application_new (void)
{
  return g_object_new (CONNECT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/org/connectnorway/Cohorts",
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

/**
 * connect_application_get_store:
 *
 * Returns: (transfer none) (nullable): the application's store (%NULL
 *   before startup)
 */
ConnectStore *
connect_application_get_store (ConnectApplication *self)
{
  g_return_val_if_fail (CONNECT_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * connect_application_get_feed_file:
 *
 * Returns: (transfer none) (nullable): the feed file given with `--feed`
 */
GFile *
connect_application_get_feed_file (ConnectApplication *self)
{
  g_return_val_if_fail (CONNECT_IS_APPLICATION (self), NULL);

  return self->feed_file;
}
