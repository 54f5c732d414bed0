/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "connect-credentials.h"
#include "connect-error.h"
#include "connect-feed-url.h"
#include "connect-model.h"
#include "connect-preferences-window.h"

struct _ConnectPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ConnectStore         *store;
  GSettings            *settings;
  GCancellable         *cancellable;
  /* The partner ids of the company rows; index 0 ("All partners") is "". */
  GPtrArray            *company_ids;
  gboolean              filling_companies;

  /* Template widgets */
  AdwEntryRow          *url_row;
  GtkLabel             *url_message;
  AdwPasswordEntryRow  *token_row;
  GtkLabel             *token_message;
  GtkSpinButton        *refresh_spin;
  GtkSwitch            *notify_switch;
  AdwComboRow          *company_row;
};

G_DEFINE_FINAL_TYPE (ConnectPreferencesWindow, connect_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (ConnectPreferencesWindow *self,
            const char               *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

/* libadwaita 1.2 gives the buttons inside an entry row (apply, show
 * text) a tooltip but no accessible name: use the tooltip, and follow it
 * (the show-text button turns into "Hide Text"). */
static void
button_tooltip_cb (GtkWidget *button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
}

static void
name_row_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        {
          g_signal_connect (child, "notify::tooltip-text", G_CALLBACK (button_tooltip_cb), NULL);
          button_tooltip_cb (child);
        }
      name_row_buttons (child);
    }
}

/* Feed address */

static void
set_url_error (ConnectPreferencesWindow *self,
               const GError             *error)
{
  GtkAccessibleInvalidState invalid;

  gtk_widget_set_visible (GTK_WIDGET (self->url_message), error != NULL);
  if (error != NULL)
    {
      gtk_label_set_text (self->url_message, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->url_message), "error");
      invalid = GTK_ACCESSIBLE_INVALID_TRUE;
    }
  else
    {
      gtk_label_set_text (self->url_message, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_message), "error");
      invalid = GTK_ACCESSIBLE_INVALID_FALSE;
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->url_row),
                               GTK_ACCESSIBLE_STATE_INVALID, invalid,
                               -1);
}

static char *
saved_url (ConnectPreferencesWindow *self)
{
  return g_settings_get_string (self->settings, "feed-url");
}

static void
url_changed_cb (ConnectPreferencesWindow *self)
{
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;

  /* Once an error shows, follow the typing so it goes away when fixed. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->url_message)))
    return;

  url = connect_feed_url_normalize (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
  connect_feed_url_check (url, &error);
  set_url_error (self, error);
}

static void update_token_message (ConnectPreferencesWindow *self);

static void
url_apply_cb (ConnectPreferencesWindow *self)
{
  g_autofree char *url = NULL;
  g_autofree char *old = saved_url (self);
  g_autoptr(GError) error = NULL;

  url = connect_feed_url_normalize (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
  if (!connect_feed_url_check (url, &error))
    {
      /* Never saved: the last good address stays in use. */
      set_url_error (self, error);
      return;
    }

  set_url_error (self, NULL);
  if (g_strcmp0 (url, gtk_editable_get_text (GTK_EDITABLE (self->url_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  if (g_strcmp0 (url, old) == 0)
    return;

  g_settings_set_string (self->settings, "feed-url", url);
  show_toast (self, url[0] != '\0' ? _("Feed address saved") : _("Showing the sample data"));
  update_token_message (self);
}

static void
feed_url_setting_cb (ConnectPreferencesWindow *self)
{
  g_autofree char *url = saved_url (self);

  /* Changed elsewhere (another window, dconf): show it unless the user is
   * typing a new one. */
  if (gtk_widget_has_focus (GTK_WIDGET (self->url_row)) ||
      gtk_widget_get_visible (GTK_WIDGET (self->url_message)))
    return;
  if (g_strcmp0 (url, gtk_editable_get_text (GTK_EDITABLE (self->url_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  update_token_message (self);
}

/* Access token */

static void
set_token_message (ConnectPreferencesWindow *self,
                   const char               *text,
                   gboolean                  is_error)
{
  gtk_label_set_text (self->token_message, text);
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->token_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->token_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->token_row), "error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->token_message), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->token_message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->token_row), "error");
    }
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ConnectPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = connect_credentials_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    set_token_message (self, error->message, TRUE);
  else if (token != NULL)
    set_token_message (self, _("A token for this address is kept in the password store."), FALSE);
  else
    set_token_message (self, _("No token is kept for this address."), FALSE);

  /* Only whether there is one matters here: never shown, never logged. */
  if (token != NULL)
    secret_password_free (token);
}

static void
update_token_message (ConnectPreferencesWindow *self)
{
  g_autofree char *url = saved_url (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), url[0] != '\0');
  if (url[0] == '\0')
    {
      set_token_message (self, _("The sample data needs no token. Set a feed address first."), FALSE);
      return;
    }

  connect_credentials_lookup_async (url, self->cancellable, lookup_cb, g_object_ref (self));
}

static void
token_done (ConnectPreferencesWindow *self,
            GAsyncResult             *result,
            gboolean                (*finish) (GAsyncResult *, GError **),
            const char               *done_text)
{
  g_autoptr(GError) error = NULL;

  if (!finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_token_message (self, error->message, TRUE);
      return;
    }

  set_token_message (self, done_text, FALSE);
  show_toast (self, done_text);
  /* Fetch again with the new token. */
  if (self->store != NULL)
    connect_store_sync (self->store);
}

static void
store_token_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ConnectPreferencesWindow) self = user_data;

  token_done (self, result, connect_credentials_store_finish,
              _("The access token is kept in the password store."));
}

static void
clear_token_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ConnectPreferencesWindow) self = user_data;

  token_done (self, result, connect_credentials_clear_finish,
              _("The access token was removed."));
}

static void
token_apply_cb (ConnectPreferencesWindow *self)
{
  g_autofree char *url = saved_url (self);
  g_autofree char *token = NULL;

  if (url[0] == '\0')
    {
      set_token_message (self, _("Set a feed address first: a token belongs to one address."), TRUE);
      return;
    }

  token = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
  g_strstrip (token);
  /* The field is emptied at once: the token stays in memory only as long
   * as it takes to hand it over. */
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");

  if (token[0] == '\0')
    connect_credentials_clear_async (url, self->cancellable, clear_token_cb, g_object_ref (self));
  else
    connect_credentials_store_async (url, token, self->cancellable, store_token_cb, g_object_ref (self));

  memset (token, 0, strlen (token));
}

/* My company */

static gboolean
company_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  ConnectPreferencesWindow *self = user_data;
  const char *id = g_variant_get_string (variant, NULL);
  guint index = 0;

  if (!g_ptr_array_find_with_equal_func (self->company_ids, id, g_str_equal, &index))
    index = 0;
  g_value_set_uint (value, index);

  return TRUE;
}

static GVariant *
company_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  ConnectPreferencesWindow *self = user_data;
  guint index = g_value_get_uint (value);

  /* While the list is rebuilt, "selected" moves through meaningless
   * values: keep the setting. */
  if (self->filling_companies || index >= self->company_ids->len)
    return NULL;

  return g_variant_new_string (g_ptr_array_index (self->company_ids, index));
}

static int
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  ConnectPartner *pa = *(ConnectPartner **) a;
  ConnectPartner *pb = *(ConnectPartner **) b;

  return g_utf8_collate (connect_partner_get_name (pa), connect_partner_get_name (pb));
}

static gboolean
is_company (ConnectFeed    *feed,
            ConnectPartner *partner)
{
  const char *id = connect_entity_get_id (CONNECT_ENTITY (partner));
  GListModel *commitments;
  guint n;

  if (connect_partner_get_kind (partner) == CONNECT_PARTNER_KIND_INDUSTRY)
    return TRUE;

  /* A diagnostics or technology partner that commits drugs or tests is a
   * company for the Supply view too. */
  commitments = connect_feed_get_commitments (feed);
  n = g_list_model_get_n_items (commitments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCommitment) c = g_list_model_get_item (commitments, i);

      if (g_strcmp0 (connect_commitment_get_partner (c), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
fill_companies (ConnectPreferencesWindow *self)
{
  ConnectFeed *feed = self->store != NULL ? connect_store_get_feed (self->store) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *mine = g_settings_get_string (self->settings, "my-company");
  gboolean mine_listed = mine[0] == '\0';

  g_ptr_array_set_size (self->company_ids, 0);
  g_ptr_array_add (self->company_ids, g_strdup (""));
  gtk_string_list_append (names, _("All partners"));

  if (feed != NULL)
    {
      GListModel *model = connect_feed_get_partners (feed);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConnectPartner) partner = g_list_model_get_item (model, i);

          if (is_company (feed, partner))
            g_ptr_array_add (partners, g_steal_pointer (&partner));
        }
      g_ptr_array_sort (partners, compare_partners);
    }

  for (guint i = 0; i < partners->len; i++)
    {
      ConnectPartner *partner = g_ptr_array_index (partners, i);
      const char *id = connect_entity_get_id (CONNECT_ENTITY (partner));

      g_ptr_array_add (self->company_ids, g_strdup (id));
      gtk_string_list_append (names, connect_partner_get_name (partner));
      if (g_strcmp0 (id, mine) == 0)
        mine_listed = TRUE;
    }

  /* A company the current feed does not name (not loaded yet, or gone)
   * stays chosen instead of being silently reset. */
  if (!mine_listed)
    {
      g_autofree char *label = NULL;

      /* Translators: %s is a partner id from the feed, not in the current data */
      label = g_strdup_printf (_("%s (not in the current data)"), mine);
      g_ptr_array_add (self->company_ids, g_strdup (mine));
      gtk_string_list_append (names, label);
    }

  self->filling_companies = TRUE;
  adw_combo_row_set_model (self->company_row, G_LIST_MODEL (names));
  self->filling_companies = FALSE;

  g_settings_unbind (self->company_row, "selected");
  g_settings_bind_with_mapping (self->settings, "my-company",
                                self->company_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                company_get_mapping, company_set_mapping,
                                self, NULL);
}

/* GObject */

static void
connect_preferences_window_constructed (GObject *object)
{
  ConnectPreferencesWindow *self = CONNECT_PREFERENCES_WINDOW (object);
  g_autofree char *url = NULL;

  G_OBJECT_CLASS (connect_preferences_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (BASE_APP_ID);

  url = saved_url (self);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  g_signal_connect_object (self->settings, "changed::feed-url",
                           G_CALLBACK (feed_url_setting_cb), self, G_CONNECT_SWAPPED);
  update_token_message (self);

  g_settings_bind (self->settings, "refresh-interval",
                   self->refresh_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-watched",
                   self->notify_switch, "active", G_SETTINGS_BIND_DEFAULT);

  fill_companies (self);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "notify::feed",
                             G_CALLBACK (fill_companies), self, G_CONNECT_SWAPPED);
}

static void
connect_preferences_window_dispose (GObject *object)
{
  ConnectPreferencesWindow *self = CONNECT_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->company_row != NULL)
    g_settings_unbind (self->company_row, "selected");

  gtk_widget_dispose_template (GTK_WIDGET (self), CONNECT_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (connect_preferences_window_parent_class)->dispose (object);
}

static void
connect_preferences_window_finalize (GObject *object)
{
  ConnectPreferencesWindow *self = CONNECT_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->company_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (connect_preferences_window_parent_class)->finalize (object);
}

static void
connect_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  ConnectPreferencesWindow *self = CONNECT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  ConnectPreferencesWindow *self = CONNECT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_preferences_window_class_init (ConnectPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = connect_preferences_window_constructed;
  object_class->dispose = connect_preferences_window_dispose;
  object_class->finalize = connect_preferences_window_finalize;
  object_class->get_property = connect_preferences_window_get_property;
  object_class->set_property = connect_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CONNECT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectPreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectPreferencesWindow, url_message);
  gtk_widget_class_bind_template_child (widget_class, ConnectPreferencesWindow, token_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectPreferencesWindow, token_message);
  gtk_widget_class_bind_template_child (widget_class, ConnectPreferencesWindow, refresh_spin);
  gtk_widget_class_bind_template_child (widget_class, ConnectPreferencesWindow, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, ConnectPreferencesWindow, company_row);
  gtk_widget_class_bind_template_callback (widget_class, url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_apply_cb);
}

static void
connect_preferences_window_init (ConnectPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->company_ids = g_ptr_array_new_with_free_func (g_free);

  name_row_buttons (GTK_WIDGET (self->url_row));
  name_row_buttons (GTK_WIDGET (self->token_row));
}

/**
 * connect_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: (nullable): the application's store
 * @settings: (nullable): the settings to edit
 *
 * Returns: (transfer floating): a new preferences window
 */
GtkWidget *
connect_preferences_window_new (GtkWindow    *parent,
                                ConnectStore *store,
                                GSettings    *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || CONNECT_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (CONNECT_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "settings", settings,
                       NULL);
}

ConnectStore *
connect_preferences_window_get_store (ConnectPreferencesWindow *self)
{
  g_return_val_if_fail (CONNECT_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

static ConnectStore *
store_property (gpointer object)
{
  ConnectStore *store = NULL;
  GParamSpec *pspec;

  if (object == NULL)
    return NULL;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), "store");
  if (pspec == NULL || !g_type_is_a (pspec->value_type, CONNECT_TYPE_STORE))
    return NULL;
  g_object_get (object, "store", &store, NULL);

  return store;
}

/**
 * connect_ui_lookup_store:
 * @app: the application
 *
 * Returns: (transfer full) (nullable): the store of the active window or
 *   of the application
 */
ConnectStore *
connect_ui_lookup_store (GtkApplication *app)
{
  ConnectStore *store;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);

  store = store_property (gtk_application_get_active_window (app));
  if (store == NULL)
    store = store_property (app);

  return store;
}

void
connect_preferences_window_present (GtkApplication *app)
{
  GtkWindow *parent;
  GtkWidget *window;
  g_autoptr(ConnectStore) store = NULL;

  g_return_if_fail (GTK_IS_APPLICATION (app));

  parent = gtk_application_get_active_window (app);
  /* Already open (the active window is the preferences): raise it. */
  if (CONNECT_IS_PREFERENCES_WINDOW (parent))
    {
      gtk_window_present (parent);
      return;
    }

  store = connect_ui_lookup_store (app);
  window = connect_preferences_window_new (parent, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
}
