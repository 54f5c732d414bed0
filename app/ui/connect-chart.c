/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-chart.h"

typedef struct
{
  char *title;
  int   hover;
} ConnectChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ConnectChart, connect_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (ConnectChart *self)
{
  ConnectChartPrivate *priv = connect_chart_get_instance_private (self);
  ConnectChartClass *klass = CONNECT_CHART_GET_CLASS (self);
  g_autofree char *description = klass->describe ? klass->describe (self) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  priv->title ? priv->title : klass->untitled ? _(klass->untitled) : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
set_hover (ConnectChart *self,
           int           hover)
{
  ConnectChartPrivate *priv = connect_chart_get_instance_private (self);

  if (hover == priv->hover)
    return;

  priv->hover = hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (ConnectChart             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  ConnectChartClass *klass = CONNECT_CHART_GET_CLASS (self);

  set_hover (self, klass->item_at ? klass->item_at (self, x, y) : -1);
}

static void
leave_cb (ConnectChart             *self,
          GtkEventControllerMotion *controller)
{
  set_hover (self, -1);
}

static gboolean
query_tooltip_cb (ConnectChart *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  ConnectChartClass *klass = CONNECT_CHART_GET_CLASS (self);
  g_autofree char *text = NULL;
  int item;

  if (klass->item_at == NULL || klass->item_text == NULL)
    return FALSE;

  item = klass->item_at (self, x, y);
  if (item < 0)
    return FALSE;

  text = klass->item_text (self, item);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
connect_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (connect_chart_parent_class)->css_changed (widget, change);

  /* Fonts and colours come from the style: measure and draw again. */
  gtk_widget_queue_resize (widget);
}

static void
connect_chart_constructed (GObject *object)
{
  G_OBJECT_CLASS (connect_chart_parent_class)->constructed (object);

  /* The subclass's data exists now: it can be described. */
  update_accessible (CONNECT_CHART (object));
}

static void
connect_chart_finalize (GObject *object)
{
  ConnectChartPrivate *priv = connect_chart_get_instance_private (CONNECT_CHART (object));

  g_clear_pointer (&priv->title, g_free);

  G_OBJECT_CLASS (connect_chart_parent_class)->finalize (object);
}

static void
connect_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ConnectChart *self = CONNECT_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, connect_chart_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ConnectChart *self = CONNECT_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      connect_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_chart_class_init (ConnectChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = connect_chart_constructed;
  object_class->finalize = connect_chart_finalize;
  object_class->get_property = connect_chart_get_property;
  object_class->set_property = connect_chart_set_property;
  widget_class->css_changed = connect_chart_css_changed;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
connect_chart_init (ConnectChart *self)
{
  ConnectChartPrivate *priv = connect_chart_get_instance_private (self);
  GtkEventController *motion;

  priv->hover = -1;

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

const char *
connect_chart_get_title (ConnectChart *self)
{
  ConnectChartPrivate *priv;

  g_return_val_if_fail (CONNECT_IS_CHART (self), NULL);

  priv = connect_chart_get_instance_private (self);
  return priv->title;
}

void
connect_chart_set_title (ConnectChart *self,
                         const char   *title)
{
  ConnectChartPrivate *priv;

  g_return_if_fail (CONNECT_IS_CHART (self));

  priv = connect_chart_get_instance_private (self);
  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

int
connect_chart_get_hover (ConnectChart *self)
{
  ConnectChartPrivate *priv;

  g_return_val_if_fail (CONNECT_IS_CHART (self), -1);

  priv = connect_chart_get_instance_private (self);
  return priv->hover;
}

void
connect_chart_data_changed (ConnectChart *self)
{
  ConnectChartPrivate *priv;

  g_return_if_fail (CONNECT_IS_CHART (self));

  priv = connect_chart_get_instance_private (self);
  priv->hover = -1;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
