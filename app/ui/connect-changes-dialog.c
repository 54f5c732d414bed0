/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-changes-dialog.h"

struct _ConnectChangesDialog
{
  AdwWindow       parent_instance;

  ConnectStore   *store;
  GSignalGroup   *changes_signals;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (ConnectChangesDialog, connect_changes_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
entity_label (ConnectEntityKind kind)
{
  switch (kind)
    {
    case CONNECT_ENTITY_KIND_TRIAL: return _("Trial");
    case CONNECT_ENTITY_KIND_PARTNER: return _("Partner");
    case CONNECT_ENTITY_KIND_SITE: return _("Site");
    case CONNECT_ENTITY_KIND_DRUG: return _("Drug");
    case CONNECT_ENTITY_KIND_COHORT: return _("Cohort");
    case CONNECT_ENTITY_KIND_COMMITMENT: return _("Commitment");
    case CONNECT_ENTITY_KIND_SNAPSHOT:
    case CONNECT_ENTITY_KIND_EVENT:
    case CONNECT_ENTITY_KIND_FEED:
    default:
      return _("Entry");
    }
}

/* A JSON value in a few words: strings without quotes, null as a dash. */
static char *
value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    /* TRANSLATORS: an absent value */
    return g_strdup (_("—"));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
  return json_to_string (node, FALSE);
}

char *
connect_changes_dialog_format_title (ConnectChange *change)
{
  const char *entity;

  g_return_val_if_fail (CONNECT_IS_CHANGE (change), NULL);

  entity = entity_label (connect_change_get_entity_kind (change));
  switch (connect_change_get_change_type (change))
    {
    case CONNECT_CHANGE_ADDED:
      /* TRANSLATORS: "Cohort IMP-031 added" */
      return g_strdup_printf (_("%s %s added"), entity, connect_change_get_id (change));
    case CONNECT_CHANGE_REMOVED:
      /* TRANSLATORS: "Cohort IMP-031 removed" */
      return g_strdup_printf (_("%s %s removed"), entity, connect_change_get_id (change));
    case CONNECT_CHANGE_CHANGED:
    default:
      /* TRANSLATORS: "Cohort IMP-006 · status": kind, id, changed member */
      return g_strdup_printf (_("%s %s · %s"), entity, connect_change_get_id (change),
                              connect_change_get_field (change));
    }
}

char *
connect_changes_dialog_format_values (ConnectChange *change)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  JsonNode *node;

  g_return_val_if_fail (CONNECT_IS_CHANGE (change), NULL);

  switch (connect_change_get_change_type (change))
    {
    case CONNECT_CHANGE_ADDED:
    case CONNECT_CHANGE_REMOVED:
      node = connect_change_get_change_type (change) == CONNECT_CHANGE_ADDED
             ? connect_change_get_to (change) : connect_change_get_from (change);
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          const char *name = json_object_get_string_member_with_default (object, "name", NULL);

          if (name != NULL)
            return g_strdup (name);
        }
      return g_strdup ("");
    case CONNECT_CHANGE_CHANGED:
    default:
      from = value_text (connect_change_get_from (change));
      to = value_text (connect_change_get_to (change));
      /* TRANSLATORS: old value → new value */
      return g_strdup_printf (_("%s → %s"), from, to);
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *values = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (values), 0);
  gtk_label_set_wrap (GTK_LABEL (values), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (values), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (values, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), values);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  ConnectChange *change = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *values = gtk_widget_get_next_sibling (title);
  g_autofree char *title_text = connect_changes_dialog_format_title (change);
  g_autofree char *values_text = connect_changes_dialog_format_values (change);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", title_text, values_text);

  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_text (GTK_LABEL (values), values_text);
  gtk_widget_set_visible (values, values_text[0] != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update (ConnectChangesDialog *self)
{
  GListModel *changes = self->store != NULL ? connect_store_get_changes (self->store) : NULL;
  guint n = changes != NULL ? g_list_model_get_n_items (changes) : 0;
  g_autofree char *subtitle = NULL;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  if (n > 0)
    subtitle = g_strdup_printf (ngettext ("%u change in the last update",
                                          "%u changes in the last update", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

static void
connect_changes_dialog_dispose (GObject *object)
{
  ConnectChangesDialog *self = CONNECT_CHANGES_DIALOG (object);

  if (self->changes_signals != NULL)
    g_signal_group_set_target (self->changes_signals, NULL);
  g_clear_object (&self->changes_signals);
  g_clear_object (&self->store);
  /* No gtk_widget_dispose_template (): the template's only direct child
   * belongs to the AdwWindow, which releases it itself. */

  G_OBJECT_CLASS (connect_changes_dialog_parent_class)->dispose (object);
}

static void
connect_changes_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ConnectChangesDialog *self = CONNECT_CHANGES_DIALOG (object);

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
connect_changes_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ConnectChangesDialog *self = CONNECT_CHANGES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      connect_changes_dialog_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_changes_dialog_class_init (ConnectChangesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_changes_dialog_dispose;
  object_class->get_property = connect_changes_dialog_get_property;
  object_class->set_property = connect_changes_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CONNECT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-changes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectChangesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConnectChangesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectChangesDialog, list_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
connect_changes_dialog_init (ConnectChangesDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  self->changes_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->changes_signals, "items-changed",
                                  G_CALLBACK (update), self);
  update (self);
}

GtkWidget *
connect_changes_dialog_new (GtkWindow    *parent,
                            ConnectStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || CONNECT_IS_STORE (store), NULL);

  return g_object_new (CONNECT_TYPE_CHANGES_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/**
 * connect_changes_dialog_get_store:
 *
 * Returns: (transfer none) (nullable): the store
 */
ConnectStore *
connect_changes_dialog_get_store (ConnectChangesDialog *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGES_DIALOG (self), NULL);
  return self->store;
}

void
connect_changes_dialog_set_store (ConnectChangesDialog *self,
                                  ConnectStore         *store)
{
  GListModel *changes = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (CONNECT_IS_CHANGES_DIALOG (self));
  g_return_if_fail (store == NULL || CONNECT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (store != NULL)
    changes = connect_store_get_changes (store);
  g_signal_group_set_target (self->changes_signals, changes);
  if (changes != NULL)
    selection = gtk_no_selection_new (g_object_ref (changes));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
