/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-changes-dialog.h"
#include "connect-changes-page.h"
#include "connect-cohorts-page.h"
#include "connect-export.h"
#include "connect-error.h"
#include "connect-feed-info-window.h"
#include "connect-feed.h"
#include "connect-match-page.h"
#include "connect-partners-page.h"
#include "connect-store.h"
#include "connect-supply-page.h"
#include "connect-sync-banner.h"
#include "connect-sync-status.h"
#include "connect-tooltip.h"
#include "connect-trial-page.h"
#include "connect-window.h"

struct _ConnectWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  ConnectStore         *store;
  ConnectFeed          *feed;
  char                 *source;
  /* Not shown itself: its text is the status button's. */
  ConnectSyncStatus    *sync_status;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwSqueezer          *title_squeezer;
  AdwWindowTitle       *window_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkToggleButton      *search_button;
  GtkButton            *sync_button;
  GtkButton            *status_button;
  GtkWidget            *status_icon;
  GtkLabel             *status_label;
  GtkRevealer          *sample_revealer;
  GtkStack             *sync_stack;
  GtkSpinner           *sync_spinner;
  ConnectSyncBanner    *sync_banner;
  ConnectMatchPage     *match_page;
  GtkStack             *stack;
  AdwViewStack         *view_stack;
  ConnectCohortsPage   *cohorts_page;
  ConnectSupplyPage    *supply_page;
  ConnectChangesPage   *changes_page;
  ConnectTrialPage     *trial_page;
  ConnectPartnersPage  *partners_page;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (ConnectWindow, connect_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
connect_window_set_feed (ConnectWindow *self,
                         ConnectFeed   *feed)
{
  if (!g_set_object (&self->feed, feed))
    return;

  connect_cohorts_page_set_feed (self->cohorts_page, feed);
  connect_match_page_set_feed (self->match_page, feed);
  connect_supply_page_set_feed (self->supply_page, feed);
  connect_trial_page_set_feed (self->trial_page, feed);
  connect_partners_page_set_feed (self->partners_page, feed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.feed-info", feed != NULL);
  gtk_stack_set_visible_child_name (self->stack, "main");
}

/* The store */

static void
connect_window_update_source (ConnectWindow *self)
{
  ConnectApplication *app = CONNECT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GFile *file = app ? connect_application_get_feed_file (app) : NULL;

  g_clear_pointer (&self->source, g_free);

  switch (connect_store_get_source (self->store))
    {
    case CONNECT_FEED_SOURCE_FILE:
      self->source = file ? g_file_get_parse_name (file) : g_strdup (_("A file"));
      break;
    case CONNECT_FEED_SOURCE_SAMPLE:
      self->source = g_strdup (_("Sample data built into the app"));
      break;
    case CONNECT_FEED_SOURCE_CACHE:
      /* Translators: where the feed came from: the saved copy of a URL */
      self->source = g_strdup_printf (_("Saved copy of %s"), connect_store_get_feed_url (self->store));
      break;
    case CONNECT_FEED_SOURCE_NETWORK:
      self->source = g_strdup (connect_store_get_feed_url (self->store));
      break;
    case CONNECT_FEED_SOURCE_NONE:
    default:
      break;
    }
}

/* The freshness of the data, always in sight: a clinician must never take
 * old or sample data for current data. */
static void
connect_window_update_status (ConnectWindow *self)
{
  const char *text = self->sync_status ? connect_sync_status_get_text (self->sync_status) : NULL;
  g_autofree char *tooltip = NULL;
  gboolean warn;

  if (self->store == NULL)
    return;

  warn = connect_store_get_stale (self->store) ||
         connect_store_get_sync_state (self->store) == CONNECT_SYNC_STATE_ERROR;

  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->status_icon, warn);
  if (warn)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");
    }

  /* Translators: tooltip of the data's freshness in the header bar; %s is
   * that freshness, as in "Updated 5 minutes ago" */
  tooltip = g_strdup_printf (_("%s — Feed Information (Ctrl+I)"), text != NULL ? text : "");
  connect_tooltip_set_text (GTK_WIDGET (self->status_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Shows the feed information"),
                                  -1);

  gtk_revealer_set_reveal_child (self->sample_revealer,
                                 connect_store_get_source (self->store) == CONNECT_FEED_SOURCE_SAMPLE &&
                                 connect_store_get_feed (self->store) != NULL);
}

static void
store_feed_cb (ConnectWindow *self)
{
  ConnectFeed *feed = connect_store_get_feed (self->store);

  connect_window_update_source (self);
  connect_window_update_status (self);
  connect_window_set_feed (self, feed);
}

static void
store_state_cb (ConnectWindow *self)
{
  gboolean syncing = connect_store_get_syncing (self->store);
  gboolean can_sync = connect_store_get_can_sync (self->store);
  const char *error = connect_store_get_error_message (self->store);

  gtk_stack_set_visible_child_name (self->sync_stack, syncing ? "syncing" : "idle");
  gtk_spinner_set_spinning (self->sync_spinner, syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), can_sync);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", can_sync && !syncing);
  connect_tooltip_set_text (GTK_WIDGET (self->sync_button),
                            syncing ? _("Checking for a Newer Feed…") : _("Check for a Newer Feed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  syncing ? _("Syncing") : _("Sync now"),
                                  -1);

  /* Without any data, a failure is all there is to show. */
  if (self->feed == NULL && error != NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      gboolean file = connect_store_get_source (self->store) == CONNECT_FEED_SOURCE_FILE ||
                      (CONNECT_IS_APPLICATION (app) &&
                       connect_application_get_feed_file (CONNECT_APPLICATION (app)) != NULL);

      /* The banner above says what is wrong; here, what to do. */
      adw_status_page_set_description (self->error_page,
                                       file
                                         ? _("Correct the file and open it again, or start the app without a file to see the partnership’s feed.")
                                         : _("Try again later, or check the feed address in Preferences."));
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "main");
    }
}

static void
show_changes_toast_cb (AdwToast      *toast,
                       ConnectWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-changes", NULL);
}

static void
store_changed_cb (ConnectWindow *self,
                  guint          n_changes)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n_changes == 0)
    return;

  /* Translators: a toast after a sync brought a newer feed */
  title = g_strdup_printf (ngettext ("%u change", "%u changes", n_changes), n_changes);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (show_changes_toast_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
connect_window_set_store (ConnectWindow *self,
                          ConnectStore  *store)
{
  g_assert (self->store == NULL);

  if (store == NULL)
    return;

  self->store = g_object_ref (store);

  g_signal_connect_object (store, "notify::feed",
                           G_CALLBACK (store_feed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::syncing",
                           G_CALLBACK (store_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::can-sync",
                           G_CALLBACK (store_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::error",
                           G_CALLBACK (store_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::source",
                           G_CALLBACK (connect_window_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::stale",
                           G_CALLBACK (connect_window_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::sync-state",
                           G_CALLBACK (connect_window_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  connect_sync_banner_set_store (self->sync_banner, store);
  connect_changes_page_set_store (self->changes_page, store);

  self->sync_status = g_object_ref_sink (CONNECT_SYNC_STATUS (connect_sync_status_new (store)));
  g_signal_connect_object (self->sync_status, "notify::text",
                           G_CALLBACK (connect_window_update_status), self, G_CONNECT_SWAPPED);

  store_feed_cb (self);
  store_state_cb (self);
}

/* Too narrow for the switcher in the header: the title shows there, and
 * the switcher at the bottom, which gets its buttons the first time. */
static void
title_squeezer_cb (ConnectWindow *self)
{
  gboolean narrow = adw_squeezer_get_visible_child (self->title_squeezer) == GTK_WIDGET (self->window_title);

  if (narrow && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
}

static void
visible_view_cb (ConnectWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  gtk_widget_set_visible (GTK_WIDGET (self->search_button),
                          g_strcmp0 (name, "cohorts") == 0);

  /* GTK 4.8 does not tell assistive technologies which views are off
   * screen: mark them hidden. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean shown = child == adw_view_stack_get_visible_child (self->view_stack);

      gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, !shown,
                                   -1);
    }
}

/* Actions */

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ConnectWindow *self = CONNECT_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *page = adw_view_stack_get_child_by_name (self->view_stack, name);

  if (page == NULL)
    return;

  adw_view_stack_set_visible_child (self->view_stack, page);
  /* Chosen with the keyboard (Ctrl+1…6): the focus goes into the view,
   * not left on a switcher button of another one. */
  if (!gtk_widget_grab_focus (page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
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
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConnectWindow *self = CONNECT_WINDOW (widget);

  if (self->store != NULL)
    connect_store_sync (self->store);
}

static void
show_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConnectWindow *self = CONNECT_WINDOW (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = connect_changes_dialog_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The shortcuts window, built the first time it is asked for. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/connectnorway/Cohorts/connect-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
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
  if (adw_view_stack_get_visible_child_name (self->view_stack) != NULL)
    g_settings_set_string (self->settings, "last-view",
                           adw_view_stack_get_visible_child_name (self->view_stack));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (connect_window_parent_class)->close_request (window);
}

static void
connect_window_dispose (GObject *object)
{
  ConnectWindow *self = CONNECT_WINDOW (object);

  g_clear_object (&self->sync_status);
  g_clear_object (&self->store);
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
connect_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ConnectWindow *self = CONNECT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ConnectWindow *self = CONNECT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      connect_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_window_class_init (ConnectWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = connect_window_dispose;
  object_class->finalize = connect_window_finalize;
  object_class->get_property = connect_window_get_property;
  object_class->set_property = connect_window_set_property;
  window_class->close_request = connect_window_close_request;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CONNECT_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONNECT_TYPE_COHORTS_PAGE);
  g_type_ensure (CONNECT_TYPE_MATCH_PAGE);
  g_type_ensure (CONNECT_TYPE_SYNC_BANNER);
  g_type_ensure (CONNECT_TYPE_SUPPLY_PAGE);
  g_type_ensure (CONNECT_TYPE_CHANGES_PAGE);
  g_type_ensure (CONNECT_TYPE_TRIAL_PAGE);
  g_type_ensure (CONNECT_TYPE_PARTNERS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, title_squeezer_cb);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, sample_revealer);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, sync_stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, sync_banner);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, match_page);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, cohorts_page);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, supply_page);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, changes_page);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, trial_page);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, partners_page);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, error_page);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-cohort", "s", show_cohort_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.feed-info", NULL, feed_info_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.show-changes", NULL, show_changes_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", connect_export_window_action);
}

static void
connect_window_init (ConnectWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  {
    g_autofree char *view = g_settings_get_string (self->settings, "last-view");

    /* The view shown when the window was last closed. */
    if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
      adw_view_stack_set_visible_child_name (self->view_stack, view);
  }

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  g_object_bind_property (self->search_button, "active",
                          self->cohorts_page, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_view_cb), self, G_CONNECT_SWAPPED);
  title_squeezer_cb (self);
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
                       "store", connect_application_get_store (application),
                       NULL);

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
