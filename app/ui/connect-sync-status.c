/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-sync-status.h"

struct _ConnectSyncStatus
{
  GtkWidget     parent_instance;

  ConnectStore *store;
  GSignalGroup *store_signals;
  GtkWidget    *label;
  char         *text;
  guint         tick_id;
};

G_DEFINE_FINAL_TYPE (ConnectSyncStatus, connect_sync_status, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (ConnectSyncStatus *self)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  GDateTime *success = NULL;

  if (self->store != NULL)
    {
      text = connect_store_format_status (self->store, NULL);
      success = connect_store_get_last_success (self->store);
    }

  if (success != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (success);
      /* TRANSLATORS: a full date and time (strftime format) */
      g_autofree char *when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));

      /* TRANSLATORS: %s is a date and time */
      tooltip = g_strdup_printf (_("Last confirmed by the server on %s"), when);
    }
  gtk_widget_set_tooltip_text (self->label, tooltip);

  if (g_strcmp0 (text, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  gtk_label_set_text (GTK_LABEL (self->label), self->text != NULL ? self->text : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static gboolean
tick_cb (gpointer data)
{
  update (CONNECT_SYNC_STATUS (data));
  return G_SOURCE_CONTINUE;
}

static void
store_notify_cb (ConnectSyncStatus *self)
{
  update (self);
}

static void
connect_sync_status_dispose (GObject *object)
{
  ConnectSyncStatus *self = CONNECT_SYNC_STATUS (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (connect_sync_status_parent_class)->dispose (object);
}

static void
connect_sync_status_finalize (GObject *object)
{
  ConnectSyncStatus *self = CONNECT_SYNC_STATUS (object);

  g_free (self->text);

  G_OBJECT_CLASS (connect_sync_status_parent_class)->finalize (object);
}

static void
connect_sync_status_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConnectSyncStatus *self = CONNECT_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_sync_status_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConnectSyncStatus *self = CONNECT_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      connect_sync_status_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_sync_status_class_init (ConnectSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_sync_status_dispose;
  object_class->finalize = connect_sync_status_finalize;
  object_class->get_property = connect_sync_status_get_property;
  object_class->set_property = connect_sync_status_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CONNECT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "syncstatus");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
connect_sync_status_init (ConnectSyncStatus *self)
{
  static const char * const props[] = {
    "notify::sync-state", "notify::error", "notify::stale", "notify::last-success",
    "notify::source", "notify::feed", "notify::can-sync",
  };

  self->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->label, "dim-label");
  gtk_widget_add_css_class (self->label, "caption");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  self->store_signals = g_signal_group_new (CONNECT_TYPE_STORE);
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    g_signal_group_connect_swapped (self->store_signals, props[i],
                                    G_CALLBACK (store_notify_cb), self);

  /* "5 minutes ago" moves on by itself. */
  self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
  update (self);
}

GtkWidget *
connect_sync_status_new (ConnectStore *store)
{
  g_return_val_if_fail (store == NULL || CONNECT_IS_STORE (store), NULL);

  return g_object_new (CONNECT_TYPE_SYNC_STATUS, "store", store, NULL);
}

/**
 * connect_sync_status_get_store:
 *
 * Returns: (transfer none) (nullable): the store
 */
ConnectStore *
connect_sync_status_get_store (ConnectSyncStatus *self)
{
  g_return_val_if_fail (CONNECT_IS_SYNC_STATUS (self), NULL);
  return self->store;
}

void
connect_sync_status_set_store (ConnectSyncStatus *self,
                               ConnectStore      *store)
{
  g_return_if_fail (CONNECT_IS_SYNC_STATUS (self));
  g_return_if_fail (store == NULL || CONNECT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_signal_group_set_target (self->store_signals, store);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
connect_sync_status_get_text (ConnectSyncStatus *self)
{
  g_return_val_if_fail (CONNECT_IS_SYNC_STATUS (self), NULL);
  return self->text;
}
