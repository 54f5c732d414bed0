/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-button.h"
#include "connect-error.h"
#include "connect-sync-banner.h"

struct _ConnectSyncBanner
{
  AdwBin        parent_instance;

  ConnectStore *store;
  GSignalGroup *store_signals;

  GtkRevealer  *revealer;
  GtkBox       *box;
  GtkImage     *icon;
  GtkLabel     *label;
  GtkButton    *retry_button;
};

G_DEFINE_FINAL_TYPE (ConnectSyncBanner, connect_sync_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What to say: the sync error when there is one, else a note that the
 * data is old; NULL when all is well. */
static char *
banner_text (ConnectStore *store,
             gboolean     *is_error)
{
  const GError *error = connect_store_get_error (store);

  *is_error = FALSE;
  if (connect_store_get_sync_state (store) == CONNECT_SYNC_STATE_ERROR && error != NULL)
    {
      GDateTime *success = connect_store_get_last_success (store);

      *is_error = TRUE;
      if (connect_store_get_feed (store) == NULL || connect_store_get_source (store) == CONNECT_FEED_SOURCE_FILE)
        return g_strdup (error->message);
      if (success != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (success);
          /* TRANSLATORS: a date and time, as in "3 Nov 14:05" (strftime format) */
          g_autofree char *when = g_date_time_format (local, _("%-d %b %H:%M"));

          /* TRANSLATORS: first %s is why the update failed, second a date */
          return g_strdup_printf (_("%s Showing the data last updated %s."), error->message, when);
        }
      /* TRANSLATORS: %s is why the update failed */
      return g_strdup_printf (_("%s Showing the built-in sample data."), error->message);
    }

  if (connect_store_get_stale (store))
    {
      GTimeSpan age = connect_store_get_data_age (store);
      guint days = (guint) (age / G_TIME_SPAN_DAY);

      return g_strdup_printf (ngettext ("This data was last updated %u day ago and may be out of date.",
                                        "This data was last updated %u days ago and may be out of date.",
                                        days),
                              days);
    }

  return NULL;
}

static void
update (ConnectSyncBanner *self)
{
  g_autofree char *text = NULL;
  gboolean is_error = FALSE;

  if (self->store != NULL)
    text = banner_text (self->store, &is_error);

  if (text != NULL)
    {
      gtk_label_set_text (self->label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                              connect_store_get_can_sync (self->store));
      gtk_widget_set_sensitive (GTK_WIDGET (self->retry_button),
                                !connect_store_get_syncing (self->store));
      if (is_error)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->box), "error");
          gtk_widget_remove_css_class (GTK_WIDGET (self->box), "warning");
        }
      else
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->box), "warning");
          gtk_widget_remove_css_class (GTK_WIDGET (self->box), "error");
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }

  /* Keep the banner up while a retry runs, so it does not flicker. */
  if (text != NULL)
    gtk_revealer_set_reveal_child (self->revealer, TRUE);
  else if (self->store == NULL || !connect_store_get_syncing (self->store))
    gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static void
store_notify_cb (ConnectSyncBanner *self)
{
  update (self);
}

static void
retry_clicked_cb (ConnectSyncBanner *self)
{
  if (self->store != NULL)
    connect_store_sync (self->store);
}

static void
connect_sync_banner_dispose (GObject *object)
{
  ConnectSyncBanner *self = CONNECT_SYNC_BANNER (object);

  g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  /* No gtk_widget_dispose_template (): the template's only direct child
   * belongs to the AdwBin, which releases it itself. */

  G_OBJECT_CLASS (connect_sync_banner_parent_class)->dispose (object);
}

static void
connect_sync_banner_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConnectSyncBanner *self = CONNECT_SYNC_BANNER (object);

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
connect_sync_banner_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConnectSyncBanner *self = CONNECT_SYNC_BANNER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      connect_sync_banner_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_sync_banner_class_init (ConnectSyncBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_sync_banner_dispose;
  object_class->get_property = connect_sync_banner_get_property;
  object_class->set_property = connect_sync_banner_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CONNECT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-sync-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectSyncBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, ConnectSyncBanner, box);
  gtk_widget_class_bind_template_child (widget_class, ConnectSyncBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, ConnectSyncBanner, label);
  gtk_widget_class_bind_template_child (widget_class, ConnectSyncBanner, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_widget_class_set_css_name (widget_class, "syncbanner");
}

static const char banner_css[] =
  "syncbanner > revealer > box { padding: 6px 12px; min-height: 36px;"
  "  background-color: alpha(@warning_color, 0.18); }"
  "syncbanner > revealer > box.error { background-color: alpha(@error_color, 0.18); }";

static void
ensure_css (GtkWidget *widget)
{
  static gboolean loaded = FALSE;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, banner_css, -1);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
}

static void
connect_sync_banner_init (ConnectSyncBanner *self)
{
  static const char * const props[] = {
    "notify::sync-state", "notify::error", "notify::stale", "notify::syncing",
    "notify::can-sync", "notify::feed", "notify::last-success",
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_css (GTK_WIDGET (self));
  connect_button_set_mnemonic_label (self->retry_button, _("_Retry"));

  self->store_signals = g_signal_group_new (CONNECT_TYPE_STORE);
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    g_signal_group_connect_swapped (self->store_signals, props[i],
                                    G_CALLBACK (store_notify_cb), self);
  update (self);
}

GtkWidget *
connect_sync_banner_new (ConnectStore *store)
{
  g_return_val_if_fail (store == NULL || CONNECT_IS_STORE (store), NULL);

  return g_object_new (CONNECT_TYPE_SYNC_BANNER, "store", store, NULL);
}

/**
 * connect_sync_banner_get_store:
 *
 * Returns: (transfer none) (nullable): the store
 */
ConnectStore *
connect_sync_banner_get_store (ConnectSyncBanner *self)
{
  g_return_val_if_fail (CONNECT_IS_SYNC_BANNER (self), NULL);
  return self->store;
}

void
connect_sync_banner_set_store (ConnectSyncBanner *self,
                               ConnectStore      *store)
{
  g_return_if_fail (CONNECT_IS_SYNC_BANNER (self));
  g_return_if_fail (store == NULL || CONNECT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_signal_group_set_target (self->store_signals, store);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
connect_sync_banner_get_revealed (ConnectSyncBanner *self)
{
  g_return_val_if_fail (CONNECT_IS_SYNC_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}
