/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-error.h"
#include "connect-feed.h"
#include "connect-window.h"

struct _ConnectWindow
{
  AdwApplicationWindow  parent_instance;

  GCancellable         *cancellable;
  ConnectFeed          *feed;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwWindowTitle       *window_title;
  AdwActionRow         *publisher_row;
  AdwActionRow         *generated_row;
  AdwPreferencesGroup  *counts_group;
  AdwPreferencesGroup  *warnings_group;
};

G_DEFINE_FINAL_TYPE (ConnectWindow, connect_window, ADW_TYPE_APPLICATION_WINDOW)

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

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static void
connect_window_show_feed (ConnectWindow *self)
{
  g_autofree char *generated = NULL;
  GPtrArray *warnings;
  const char *publisher;

  g_assert (CONNECT_IS_WINDOW (self));
  g_assert (CONNECT_IS_FEED (self->feed));

  publisher = connect_feed_get_publisher_name (self->feed);
  adw_action_row_set_subtitle (self->publisher_row,
                               publisher ? publisher : _("Not named in the feed"));

  /* Translators: date and time format of the feed's publication */
  generated = g_date_time_format (connect_feed_get_generated_at (self->feed),
                                  _("%e %B %Y, %H:%M"));
  adw_action_row_set_subtitle (self->generated_row, g_strstrip (generated));

  for (guint kind = 0; kind < CONNECT_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = connect_feed_get_entities (self->feed, kind);
      g_autofree char *count = g_strdup_printf ("%u", g_list_model_get_n_items (model));

      add_property_row (self->counts_group, entity_plural_label (kind), count);
    }

  warnings = connect_feed_get_warnings (self->feed);
  for (guint i = 0; i < warnings->len; i++)
    {
      const ConnectIssue *issue = g_ptr_array_index (warnings, i);

      add_property_row (self->warnings_group,
                        issue->path ? issue->path : "", issue->message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), warnings->len > 0);

  gtk_stack_set_visible_child_name (self->stack, "summary");
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

  g_set_object (&self->feed, feed);
  connect_window_show_feed (self);
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

      adw_window_title_set_subtitle (self->window_title, name);
      connect_feed_load_file_async (file, CONNECT_FEED_DEFAULT_MAX_SIZE,
                                    self->cancellable,
                                    connect_window_load_cb,
                                    g_object_ref (self));
    }
  else
    {
      g_autoptr(GBytes) bytes = connect_feed_get_sample_bytes ();

      adw_window_title_set_subtitle (self->window_title, _("Sample data"));
      connect_feed_load_async (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE,
                               self->cancellable,
                               connect_window_load_cb,
                               g_object_ref (self));
    }
}

static void
connect_window_dispose (GObject *object)
{
  ConnectWindow *self = CONNECT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->feed);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONNECT_TYPE_WINDOW);

  G_OBJECT_CLASS (connect_window_parent_class)->dispose (object);
}

static void
connect_window_class_init (ConnectWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, generated_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, counts_group);
  gtk_widget_class_bind_template_child (widget_class, ConnectWindow, warnings_group);
}

static void
connect_window_init (ConnectWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
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
