/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-application.h"
#include "connect-resources.h"
#include "connect-window.h"

struct _ConnectApplication
{
  AdwApplication  parent_instance;

  GFile          *feed_file;
};

G_DEFINE_FINAL_TYPE (ConnectApplication, connect_application, ADW_TYPE_APPLICATION)

static void
connect_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", connect_application_quit_action },
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
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (connect_window_new (CONNECT_APPLICATION (app)));

  gtk_window_present (window);
}

static void
connect_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (connect_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         quit_accels);
}

static void
connect_application_dispose (GObject *object)
{
  ConnectApplication *self = CONNECT_APPLICATION (object);

  g_clear_object (&self->feed_file);

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
