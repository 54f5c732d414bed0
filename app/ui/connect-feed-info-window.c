/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-feed-info-window.h"

struct _ConnectFeedInfoWindow
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwActionRow        *source_row;
  AdwActionRow        *publisher_row;
  AdwActionRow        *generated_row;
  AdwPreferencesGroup *counts_group;
  AdwPreferencesGroup *warnings_group;
};

G_DEFINE_FINAL_TYPE (ConnectFeedInfoWindow, connect_feed_info_window, ADW_TYPE_WINDOW)

static const char *
entity_plural_label (ConnectEntityKind kind)
{
  switch (kind)
    {
    case CONNECT_ENTITY_KIND_TRIAL: return _("Trials");
    case CONNECT_ENTITY_KIND_PARTNER: return _("Partners");
    case CONNECT_ENTITY_KIND_SITE: return _("Sites");
    case CONNECT_ENTITY_KIND_DRUG: return _("Drugs");
    case CONNECT_ENTITY_KIND_COHORT: return _("Cohorts");
    case CONNECT_ENTITY_KIND_COMMITMENT: return _("Commitments");
    case CONNECT_ENTITY_KIND_SNAPSHOT: return _("Trial Snapshots");
    case CONNECT_ENTITY_KIND_EVENT: return _("Cohort Events");
    case CONNECT_ENTITY_KIND_FEED:
    default:
      g_assert_not_reached ();
    }
}

static void
add_property_row (AdwPreferencesGroup *group,
                  const char          *title,
                  const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static void
connect_feed_info_window_show_feed (ConnectFeedInfoWindow *self,
                                    ConnectFeed           *feed,
                                    const char            *source)
{
  g_autofree char *generated = NULL;
  GPtrArray *warnings;
  const char *publisher;

  g_assert (CONNECT_IS_FEED_INFO_WINDOW (self));
  g_assert (CONNECT_IS_FEED (feed));

  adw_action_row_set_subtitle (self->source_row, source ? source : "");

  publisher = connect_feed_get_publisher_name (feed);
  adw_action_row_set_subtitle (self->publisher_row,
                               publisher ? publisher : _("Not named in the feed"));

  /* Translators: date and time format of the feed's publication */
  generated = g_date_time_format (connect_feed_get_generated_at (feed),
                                  _("%e %B %Y, %H:%M"));
  adw_action_row_set_subtitle (self->generated_row, g_strstrip (generated));

  for (guint kind = 0; kind < CONNECT_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = connect_feed_get_entities (feed, kind);
      g_autofree char *count = g_strdup_printf ("%u", g_list_model_get_n_items (model));

      add_property_row (self->counts_group, entity_plural_label (kind), count);
    }

  warnings = connect_feed_get_warnings (feed);
  for (guint i = 0; i < warnings->len; i++)
    {
      const ConnectIssue *issue = g_ptr_array_index (warnings, i);

      add_property_row (self->warnings_group,
                        issue->path ? issue->path : "", issue->message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), warnings->len > 0);
}

static void
connect_feed_info_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CONNECT_TYPE_FEED_INFO_WINDOW);

  G_OBJECT_CLASS (connect_feed_info_window_parent_class)->dispose (object);
}

static void
connect_feed_info_window_class_init (ConnectFeedInfoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_feed_info_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-feed-info-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectFeedInfoWindow, source_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectFeedInfoWindow, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectFeedInfoWindow, generated_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectFeedInfoWindow, counts_group);
  gtk_widget_class_bind_template_child (widget_class, ConnectFeedInfoWindow, warnings_group);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
connect_feed_info_window_init (ConnectFeedInfoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * connect_feed_info_window_new:
 * @parent: (nullable): the window it belongs to
 * @feed: the feed to describe
 * @source: (nullable): where the feed came from, for display
 *
 * Creates a window with the feed's publisher, date, counts and warnings.
 *
 * Returns: (transfer floating): the window
 */
GtkWidget *
connect_feed_info_window_new (GtkWindow   *parent,
                              ConnectFeed *feed,
                              const char  *source)
{
  ConnectFeedInfoWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);

  self = g_object_new (CONNECT_TYPE_FEED_INFO_WINDOW,
                       "transient-for", parent,
                       NULL);
  connect_feed_info_window_show_feed (self, feed, source);

  return GTK_WIDGET (self);
}
