/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "connect-stacked-bar.h"
#include "connect-supply.h"

#define BAR_HEIGHT 10
#define GAP 1.0f

struct _ConnectStackedBar
{
  GtkWidget  parent_instance;

  gint64     slots;
  gint64     used;
  gint64     reserved;
};

G_DEFINE_FINAL_TYPE (ConnectStackedBar, connect_stacked_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SLOTS,
  PROP_USED,
  PROP_RESERVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (ConnectStackedBar *self)
{
  g_autofree char *label = connect_supply_format_slots (self->slots, self->used, self->reserved);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The tooltip is written when it is shown: gtk_widget_set_tooltip_text()
 * asks the display server where the pointer is, a round trip for each bar
 * of a list being filled. */
static gboolean
connect_stacked_bar_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard_tooltip,
                                   GtkTooltip *tooltip)
{
  ConnectStackedBar *self = CONNECT_STACKED_BAR (widget);
  g_autofree char *label = connect_supply_format_slots (self->slots, self->used, self->reserved);

  gtk_tooltip_set_text (tooltip, label);
  return TRUE;
}

static void
append_segment (GtkSnapshot           *snapshot,
                const GdkRGBA         *color,
                float                  x,
                float                  width,
                float                  height)
{
  if (width <= 0)
    return;

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, 0, width, height));
}

static void
connect_stacked_bar_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  ConnectStackedBar *self = CONNECT_STACKED_BAR (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* libadwaita's palette: blue 3 / blue 2 for used, orange 4 / orange 2
   * for reserved, a faint foreground for what is left. */
  GdkRGBA used_color = dark ? (GdkRGBA) { 0.471f, 0.682f, 0.929f, 1.0f }
                            : (GdkRGBA) { 0.208f, 0.518f, 0.894f, 1.0f };
  GdkRGBA reserved_color = dark ? (GdkRGBA) { 1.0f, 0.639f, 0.282f, 1.0f }
                                : (GdkRGBA) { 0.902f, 0.380f, 0.0f, 1.0f };
  GdkRGBA left_color = dark ? (GdkRGBA) { 1.0f, 1.0f, 1.0f, 0.15f }
                            : (GdkRGBA) { 0.0f, 0.0f, 0.0f, 0.12f };
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float bar_height = MIN (height, BAR_HEIGHT);
  float y = (height - bar_height) / 2.0f;
  double total, used_w, reserved_w;
  GskRoundedRect outline;

  if (width <= 0 || height <= 0)
    return;

  total = MAX (self->slots, self->used + self->reserved);
  used_w = total > 0 ? width * (double) self->used / total : 0;
  reserved_w = total > 0 ? width * (double) self->reserved / total : 0;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, bar_height),
                                   bar_height / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);

  append_segment (snapshot, &left_color, 0, width, bar_height);
  append_segment (snapshot, &used_color, 0, used_w, bar_height);
  if (reserved_w > 0)
    append_segment (snapshot, &reserved_color,
                    used_w > 0 ? used_w + GAP : 0,
                    used_w > 0 ? reserved_w - GAP : reserved_w, bar_height);

  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
connect_stacked_bar_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 40;
      *natural = 120;
    }
  else
    {
      *minimum = BAR_HEIGHT;
      *natural = BAR_HEIGHT;
    }
}

static void
dark_changed_cb (ConnectStackedBar *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
connect_stacked_bar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConnectStackedBar *self = CONNECT_STACKED_BAR (object);

  switch (prop_id)
    {
    case PROP_SLOTS:
      g_value_set_int64 (value, self->slots);
      break;
    case PROP_USED:
      g_value_set_int64 (value, self->used);
      break;
    case PROP_RESERVED:
      g_value_set_int64 (value, self->reserved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_stacked_bar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConnectStackedBar *self = CONNECT_STACKED_BAR (object);

  switch (prop_id)
    {
    case PROP_SLOTS:
      connect_stacked_bar_set_values (self, g_value_get_int64 (value), self->used, self->reserved);
      break;
    case PROP_USED:
      connect_stacked_bar_set_values (self, self->slots, g_value_get_int64 (value), self->reserved);
      break;
    case PROP_RESERVED:
      connect_stacked_bar_set_values (self, self->slots, self->used, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_stacked_bar_class_init (ConnectStackedBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = connect_stacked_bar_get_property;
  object_class->set_property = connect_stacked_bar_set_property;

  widget_class->snapshot = connect_stacked_bar_snapshot;
  widget_class->measure = connect_stacked_bar_measure;
  widget_class->query_tooltip = connect_stacked_bar_query_tooltip;

  properties[PROP_SLOTS] =
    g_param_spec_int64 ("slots", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_USED] =
    g_param_spec_int64 ("used", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESERVED] =
    g_param_spec_int64 ("reserved", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "stackedbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
connect_stacked_bar_init (ConnectStackedBar *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_accessible (self);
}

GtkWidget *
connect_stacked_bar_new (void)
{
  return g_object_new (CONNECT_TYPE_STACKED_BAR, NULL);
}

void
connect_stacked_bar_set_values (ConnectStackedBar *self,
                                gint64             slots,
                                gint64             used,
                                gint64             reserved)
{
  gboolean changed_slots, changed_used, changed_reserved;

  g_return_if_fail (CONNECT_IS_STACKED_BAR (self));

  slots = MAX (slots, 0);
  used = MAX (used, 0);
  reserved = MAX (reserved, 0);

  changed_slots = self->slots != slots;
  changed_used = self->used != used;
  changed_reserved = self->reserved != reserved;
  if (!changed_slots && !changed_used && !changed_reserved)
    return;

  self->slots = slots;
  self->used = used;
  self->reserved = reserved;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (changed_slots)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOTS]);
  if (changed_used)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USED]);
  if (changed_reserved)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVED]);
}

gint64
connect_stacked_bar_get_slots (ConnectStackedBar *self)
{
  g_return_val_if_fail (CONNECT_IS_STACKED_BAR (self), 0);
  return self->slots;
}

gint64
connect_stacked_bar_get_used (ConnectStackedBar *self)
{
  g_return_val_if_fail (CONNECT_IS_STACKED_BAR (self), 0);
  return self->used;
}

gint64
connect_stacked_bar_get_reserved (ConnectStackedBar *self)
{
  g_return_val_if_fail (CONNECT_IS_STACKED_BAR (self), 0);
  return self->reserved;
}
