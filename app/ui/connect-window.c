/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-cohorts-page.h"
#include "connect-error.h"
#include "connect-feed-info-window.h"
#include "connect-feed.h"
#include "connect-window.h"

struct _ConnectWindow
{
  AdwApplicationWindow  parent_instance;

  GCancellable         *cancellable;
  GSettings            *settings;
  ConnectFeed          *feed;
  char                 *source;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkToggleButton      *search_button;
  GtkStack             *stack;
  AdwViewStack         *view_stack;
  ConnectCohortsPage   *cohorts_page;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (ConnectWindow, connect_window, ADW_TYPE_APPLICATION_WINDOW)

static void
connect_window_set_feed (ConnectWindow *self,
                         ConnectFeed   *feed)
{
  if (!g_set_object (&self->feed, feed))
    return;

  connect_cohorts_page_set_feed (self->cohorts_page, feed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.feed-info", feed != NULL);
  gtk_stack_set_visible_child_name (self->stack, "main");
}

static void
connect_window_load_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ConnectWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectFeed) feed = NULL;

  feed = connect_feed_load_finish (result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (feed == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  connect_window_set_feed (self, feed);
}

static void
connect_window_load (ConnectWindow *self)
{
  ConnectApplication *app;
  GFile *file;

  app = CONNECT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  file = connect_application_get_feed_file (app);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      g_free (self->source);
      self->source = g_file_get_parse_name (file);
      adw_view_switcher_title_set_subtitle (self->switcher_title, name);
      connect_feed_load_file_async (file, CONNECT_FEED_DEFAULT_MAX_SIZE,
                                    self->cancellable,
                                    connect_window_load_cb,
                                    g_object_ref (self));
    }
  else
    {
      g_autoptr(GBytes) bytes = connect_feed_get_sample_bytes ();

      g_free (self->source);
      self->source = g_strdup (_("Sample data built into the app"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, _("Sample data"));
      connect_feed_load_async (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE,
                               self->cancellable,
                               connect_window_load_cb,
                               g_object_ref (self));
    }
}

static void
visible_view_cb (ConnectWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  gtk_widget_set_visible (GTK_WIDGET (self->search_button),
                          g_strcmp0 (name, "cohorts") == 0);
}

/* Actions */

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConnectWindow *self = CONNECT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
show_cohort_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ConnectWindow *self = CONNECT_WINDOW (widget);

  connect_window_show_cohort (self, g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConnectWindow *self = CONNECT_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "cohorts");
  connect_cohorts_page_set_search_mode (self->cohorts_page, TRUE);
}

static void
feed_info_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConnectWindow *self = CONNECT_WINDOW (widget);
  GtkWidget *window;

  if (self->feed == NULL)
    return;

  window = connect_feed_info_window_new (GTK_WINDOW (self), self->feed, self->source);
  gtk_window_present (GTK_WINDOW (window));
}

/* GObject */

static gboolean
connect_window_close_request (GtkWindow *window)
{
  ConnectWindow *self = CONNECT_WINDOW (window);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (connect_window_parent_class)->close_request (window);
}

static void
connect_window_dispose (GObject *object)
{
  ConnectWindow *self = CONNECT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->feed);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONNECT_TYPE_WINDOW);

  G_OBJECT_CLASS (connect_window_parent_class)->dispose (object);
}

static void
connect_window_finalize (GObject *object)
{
  ConnectWindow *self = CONNECT_WINDOW (object);

  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (connect_window_parent_class)->finalize (object);
}

static void
connect_window_class_init (ConnectWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = connect_window_dispose;
  object_class->finalize = connect_window_finalize;
  window_class->close_request = connect_window_close_request;

  g_type_ensure (CONNECT_TYPE_COHORTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, cohorts_page);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, error_page);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-cohort", "s", show_cohort_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.feed-info", NULL, feed_info_action);
}

static void
connect_window_init (ConnectWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (BASE_APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  g_object_bind_property (self->search_button, "active",
                          self->cohorts_page, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_view_cb), self, G_CONNECT_SWAPPED);
  visible_view_cb (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.feed-info", FALSE);
}

ConnectWindow *
connect_window_new (ConnectApplication *application)
{
  ConnectWindow *self;

  g_return_val_if_fail (CONNECT_IS_APPLICATION (application), NULL);

  self = g_object_new (CONNECT_TYPE_WINDOW,
                       "application", application,
                       NULL);
  connect_window_load (self);

  return self;
}

/**
 * connect_window_show_cohort:
 * @self: a window
 * @cohort_id: a cohort id
 *
 * Switches to the Cohorts view and shows that cohort's details.
 */
void
connect_window_show_cohort (ConnectWindow *self,
                            const char    *cohort_id)
{
  g_return_if_fail (CONNECT_IS_WINDOW (self));
  g_return_if_fail (cohort_id != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, "cohorts");
  if (!connect_cohorts_page_show_cohort (self->cohorts_page, cohort_id))
    {
      g_autofree char *text = NULL;

      /* Translators: a toast when a cohort asked for is not in the data */
      text = g_strdup_printf (_("Cohort %s is not in the current data"), cohort_id);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
}
