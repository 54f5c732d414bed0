/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-change-format.h"
#include "connect-changes-page.h"

struct _ConnectChangesPage
{
  AdwBin            parent_instance;

  ConnectStore     *store;
  ConnectChangeLog *log;
  GCancellable     *cancellable;

  /* Template widgets */
  GtkStack         *stack;
  GtkBox           *content;

  /* The rows of a large latest sync, added a chunk at a time while the
   * main loop idles (10 000 rows at once stall it for seconds). */
  guint             fill_id;
  GListModel       *fill_groups;
  guint             fill_next;
  GtkWidget        *fill_targets[6];  /* one list per kind, or NULL */

  /* The log changed while the page was not on screen: rebuilt when it
   * is mapped, so that a sync costs a hidden page nothing. */
  gboolean          rebuild_pending;
};

/* Rows built at once; more are added in idle chunks of this size. */
#define ROWS_AT_ONCE 50

G_DEFINE_FINAL_TYPE (ConnectChangesPage, connect_changes_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kinds in the diff's order. */
static const ConnectEntityKind kinds[] = {
  CONNECT_ENTITY_KIND_TRIAL,
  CONNECT_ENTITY_KIND_PARTNER,
  CONNECT_ENTITY_KIND_SITE,
  CONNECT_ENTITY_KIND_DRUG,
  CONNECT_ENTITY_KIND_COHORT,
  CONNECT_ENTITY_KIND_COMMITMENT,
};

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* TRANSLATORS: when a sync happened; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* "3 cohorts, 1 site" */
static char *
summarize (GListModel *groups)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      guint n = connect_change_group_list_count_kind (groups, kinds[i]);

      if (n == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      {
        g_autofree char *count = connect_change_format_kind_count (kinds[i], n);

        g_string_append (text, count);
      }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
group_row (ConnectChangeGroup *group,
           gboolean            with_kind)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *description = connect_change_group_describe (group);
  g_autofree char *title = NULL;
  g_autofree char *accessible = connect_change_group_to_string (group);
  const char *icon;

  if (with_kind)
    /* TRANSLATORS: "Cohort IMP-006"; the kind of entity, then its id */
    title = g_strdup_printf (_("%s %s"),
                             connect_change_format_kind_label (connect_change_group_get_entity_kind (group)),
                             connect_change_group_get_id (group));
  else
    title = g_strdup (connect_change_group_get_id (group));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                  -1);

  switch (connect_change_group_get_change_type (group))
    {
    case CONNECT_CHANGE_ADDED:
      icon = "list-add-symbolic";
      break;
    case CONNECT_CHANGE_REMOVED:
      icon = "list-remove-symbolic";
      break;
    case CONNECT_CHANGE_CHANGED:
    default:
      icon = "document-edit-symbolic";
      break;
    }
  {
    GtkWidget *image = gtk_image_new_from_icon_name (icon);

    gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    connect_change_group_get_change_type (group) == CONNECT_CHANGE_ADDED
                                    ? _("Added")
                                    : connect_change_group_get_change_type (group) == CONNECT_CHANGE_REMOVED
                                    ? _("Removed") : _("Changed"),
                                    -1);
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  }

  return row;
}

static void
stop_filling (ConnectChangesPage *self)
{
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_object (&self->fill_groups);
  for (guint k = 0; k < G_N_ELEMENTS (self->fill_targets); k++)
    self->fill_targets[k] = NULL;
}

/* Adds the next ROWS_AT_ONCE rows; TRUE while more are left. The rows go
 * straight into a GtkListBox: adw_preferences_group_add() walks every row
 * already there, which makes a large sync quadratic. */
static gboolean
fill_more (ConnectChangesPage *self)
{
  guint n = g_list_model_get_n_items (self->fill_groups);
  guint end = MIN (n, self->fill_next + ROWS_AT_ONCE);

  G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == G_N_ELEMENTS (self->fill_targets));

  for (; self->fill_next < end; self->fill_next++)
    {
      g_autoptr(ConnectChangeGroup) g = g_list_model_get_item (self->fill_groups, self->fill_next);
      ConnectEntityKind kind = connect_change_group_get_entity_kind (g);

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (kinds[k] == kind && self->fill_targets[k] != NULL)
          gtk_list_box_append (GTK_LIST_BOX (self->fill_targets[k]), group_row (g, FALSE));
    }

  return self->fill_next < n;
}

static gboolean
fill_idle_cb (gpointer data)
{
  ConnectChangesPage *self = data;

  if (fill_more (self))
    {
      /* Off screen, the rest waits until the page is shown again. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        return G_SOURCE_CONTINUE;
      self->fill_id = 0;
      return G_SOURCE_REMOVE;
    }

  self->fill_id = 0;
  stop_filling (self);
  return G_SOURCE_REMOVE;
}

/* The newest sync: one group per kind of entity. */
static void
add_latest (ConnectChangesPage *self,
            ConnectSyncRecord  *record)
{
  g_autoptr(GListModel) groups = connect_change_group_list_new (connect_sync_record_get_changes (record));
  g_autofree char *time = format_time (connect_sync_record_get_time (record));
  g_autofree char *heading_text = NULL;
  GtkWidget *heading;
  guint n = g_list_model_get_n_items (groups);

  /* TRANSLATORS: the heading above the newest changes; %s is a date and time */
  heading_text = g_strdup_printf (_("Latest Changes · %s"), time);
  heading = gtk_label_new (heading_text);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_box_append (self->content, heading);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint count = connect_change_group_list_count_kind (groups, kinds[k]);
      g_autofree char *title = NULL;
      GtkWidget *group;
      GtkWidget *list;

      if (count == 0)
        continue;

      group = adw_preferences_group_new ();
      /* TRANSLATORS: a group of changes: "Cohorts (3)" */
      title = g_strdup_printf (_("%s (%u)"), connect_change_format_kind_heading (kinds[k]), count);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
      self->fill_targets[k] = list;
      gtk_box_append (self->content, group);
    }

  /* The rows, in the groups' order within each kind: the first ones now,
   * the rest while the main loop idles. */
  self->fill_groups = g_object_ref (groups);
  self->fill_next = 0;
  if (n > 0 && fill_more (self))
    self->fill_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_idle_cb, self, NULL);
}

static void
add_group_rows (AdwExpanderRow *row,
                GListModel     *groups)
{
  guint n = g_list_model_get_n_items (groups);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectChangeGroup) g = g_list_model_get_item (groups, i);

      adw_expander_row_add_row (row, group_row (g, TRUE));
    }
}

/* A large earlier sync gets its rows when it is first expanded. */
static void
earlier_expanded_cb (AdwExpanderRow *row)
{
  GListModel *groups = g_object_get_data (G_OBJECT (row), "connect-groups");

  if (!adw_expander_row_get_expanded (row) || groups == NULL)
    return;

  g_signal_handlers_disconnect_by_func (row, earlier_expanded_cb, NULL);
  add_group_rows (row, groups);
  g_object_set_data (G_OBJECT (row), "connect-groups", NULL);
}

/* An earlier sync: one expander row. */
static GtkWidget *
earlier_row (ConnectSyncRecord *record)
{
  g_autoptr(GListModel) groups = connect_change_group_list_new (connect_sync_record_get_changes (record));
  g_autofree char *time = format_time (connect_sync_record_get_time (record));
  g_autofree char *summary = summarize (groups);
  GtkWidget *row = adw_expander_row_new ();
  guint n = g_list_model_get_n_items (groups);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), time);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);

  if (n <= ROWS_AT_ONCE)
    add_group_rows (ADW_EXPANDER_ROW (row), groups);
  else
    {
      g_object_set_data_full (G_OBJECT (row), "connect-groups",
                              g_object_ref (groups), g_object_unref);
      g_signal_connect (row, "notify::expanded", G_CALLBACK (earlier_expanded_cb), NULL);
    }

  return row;
}

static void
rebuild (ConnectChangesPage *self)
{
  GListModel *syncs = connect_change_log_get_syncs (self->log);
  guint n = g_list_model_get_n_items (syncs);
  GtkWidget *child;

  stop_filling (self);
  self->rebuild_pending = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  if (n == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  {
    g_autoptr(ConnectSyncRecord) latest = g_list_model_get_item (syncs, 0);

    add_latest (self, latest);
  }

  if (n > 1)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Earlier Syncs"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("The changes of up to 20 syncs are kept"));
      for (guint i = 1; i < n; i++)
        {
          g_autoptr(ConnectSyncRecord) record = g_list_model_get_item (syncs, i);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), earlier_row (record));
        }
      gtk_box_append (self->content, group);
    }

  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
log_changed_cb (ConnectChangesPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      rebuild (self);
    }
  else
    {
      /* Let the rows of the old log go now: nothing else to do off screen. */
      stop_filling (self);
      self->rebuild_pending = TRUE;
    }
}

static void
connect_changes_page_map (GtkWidget *widget)
{
  ConnectChangesPage *self = CONNECT_CHANGES_PAGE (widget);

  if (self->rebuild_pending)
    rebuild (self);
  else if (self->fill_groups != NULL && self->fill_id == 0)
    self->fill_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_idle_cb, self, NULL);

  GTK_WIDGET_CLASS (connect_changes_page_parent_class)->map (widget);
}

static void
connect_changes_page_dispose (GObject *object)
{
  ConnectChangesPage *self = CONNECT_CHANGES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  stop_filling (self);
  /* AdwBin keeps a pointer to its child: let it go first, or the
   * template's disposal unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONNECT_TYPE_CHANGES_PAGE);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->log);

  G_OBJECT_CLASS (connect_changes_page_parent_class)->dispose (object);
}

static void
connect_changes_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConnectChangesPage *self = CONNECT_CHANGES_PAGE (object);

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
connect_changes_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ConnectChangesPage *self = CONNECT_CHANGES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      connect_changes_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_changes_page_class_init (ConnectChangesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_changes_page_dispose;
  object_class->get_property = connect_changes_page_get_property;
  object_class->set_property = connect_changes_page_set_property;
  widget_class->map = connect_changes_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CONNECT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-changes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectChangesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectChangesPage, content);
}

static void
connect_changes_page_init (ConnectChangesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  /* The process's log, read off the main loop on first use and shared
   * with every other view of the changes. */
  self->log = g_object_ref (connect_change_log_get_default ());
  g_signal_connect_object (connect_change_log_get_syncs (self->log), "items-changed",
                           G_CALLBACK (log_changed_cb), self, G_CONNECT_SWAPPED);
  self->rebuild_pending = TRUE;
}

GtkWidget *
connect_changes_page_new (void)
{
  return g_object_new (CONNECT_TYPE_CHANGES_PAGE, NULL);
}

ConnectStore *
connect_changes_page_get_store (ConnectChangesPage *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGES_PAGE (self), NULL);

  return self->store;
}

void
connect_changes_page_set_store (ConnectChangesPage *self,
                                ConnectStore       *store)
{
  g_return_if_fail (CONNECT_IS_CHANGES_PAGE (self));
  g_return_if_fail (store == NULL || CONNECT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* The log records each sync of the store once, however many views
   * watch it. */
  if (store != NULL)
    connect_change_log_watch_store (self->log, store);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * connect_changes_page_get_log:
 *
 * Returns: (transfer none): the change log
 */
ConnectChangeLog *
connect_changes_page_get_log (ConnectChangesPage *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGES_PAGE (self), NULL);

  return self->log;
}
