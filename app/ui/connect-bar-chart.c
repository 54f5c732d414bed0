/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "connect-bar-chart.h"
#include "connect-chart-scale.h"

#define BAR_HEIGHT   14
#define LABEL_GAP     3
#define ROW_GAP      12
#define VALUE_GAP     6
#define AXIS_GAP      4
#define NATURAL_WIDTH 420
#define MIN_WIDTH     160

typedef struct
{
  char   *label;
  double  value;      /* NAN: not given */
  char   *value_text;
} Bar;

struct _ConnectBarChart
{
  ConnectChart  parent_instance;

  GArray       *bars;      /* (element-type Bar); items are their indexes */
};

G_DEFINE_FINAL_TYPE (ConnectBarChart, connect_bar_chart, CONNECT_TYPE_CHART)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_clear_pointer (&bar->label, g_free);
  g_clear_pointer (&bar->value_text, g_free);
}

static gboolean
bar_has_value (const Bar *bar)
{
  return !isnan (bar->value);
}

static char *
bar_value_text (const Bar *bar)
{
  if (bar->value_text != NULL)
    return g_strdup (bar->value_text);
  if (!bar_has_value (bar))
    return g_strdup (_("not given"));
  if (bar->value == floor (bar->value))
    return connect_format_count ((gint64) bar->value);
  return g_strdup_printf ("%.1f", bar->value);
}

static void
get_colors (ConnectBarChart *self,
            GdkRGBA         *fg,
            GdkRGBA         *bar)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", bar))
    gdk_rgba_parse (bar, "#3584e4");
}

static PangoLayout *
create_layout (ConnectBarChart *self,
               const char      *text,
               int              width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  /* Feed text is plain text, never markup. */
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The widest value text, so that every bar leaves room for its value. */
static int
value_column_width (ConnectBarChart *self)
{
  int widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autofree char *text = bar_value_text (&g_array_index (self->bars, Bar, i));
      g_autoptr(PangoLayout) layout = create_layout (self, text, -1);

      widest = MAX (widest, layout_width (layout));
    }
  return widest;
}

static double
max_value (ConnectBarChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);

      if (bar_has_value (bar))
        max = MAX (max, bar->value);
    }
  return max;
}

static int
axis_height (ConnectBarChart *self)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "0", -1);

  return layout_height (layout) + AXIS_GAP;
}

/* The height of the whole chart at @width, and optionally the top of each
 * row's label and of its bar. */
static int
compute_rows (ConnectBarChart *self,
              int              width,
              int             *label_tops,
              int             *bar_tops)
{
  int y = 0;

  if (self->bars->len == 0)
    {
      g_autoptr(PangoLayout) layout = create_layout (self, _("No data"), width);

      return layout_height (layout);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) layout = create_layout (self, bar->label, width);

      if (label_tops != NULL)
        label_tops[i] = y;
      y += layout_height (layout) + LABEL_GAP;
      if (bar_tops != NULL)
        bar_tops[i] = y;
      y += BAR_HEIGHT + ROW_GAP;
    }

  return y + axis_height (self);
}

static int
bar_at (ConnectBarChart *self,
        double           x,
        double           y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  g_autofree int *label_tops = NULL;
  g_autofree int *bar_tops = NULL;

  if (self->bars->len == 0 || x < 0 || x > width)
    return -1;

  label_tops = g_new0 (int, self->bars->len);
  bar_tops = g_new0 (int, self->bars->len);
  compute_rows (self, width, label_tops, bar_tops);

  for (guint i = 0; i < self->bars->len; i++)
    if (y >= label_tops[i] && y < bar_tops[i] + BAR_HEIGHT + ROW_GAP / 2)
      return (int) i;

  return -1;
}

static char *
connect_bar_chart_describe (ConnectChart *chart)
{
  ConnectBarChart *self = CONNECT_BAR_CHART (chart);
  GString *description = g_string_new (NULL);

  if (self->bars->len == 0)
    g_string_append (description, _("No data"));

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autofree char *value = bar_value_text (bar);

      if (i > 0)
        /* Translators: separates the bars in a chart's spoken summary */
        g_string_append (description, C_("chart summary", "; "));
      /* Translators: one bar of a chart in its spoken summary: "Screened: 2,290" */
      g_string_append_printf (description, C_("chart summary", "%s: %s"), bar->label, value);
    }

  return g_string_free (description, FALSE);
}

static int
connect_bar_chart_item_at (ConnectChart *chart,
                           double        x,
                           double        y)
{
  return bar_at (CONNECT_BAR_CHART (chart), x, y);
}

static char *
connect_bar_chart_item_text (ConnectChart *chart,
                             int           item)
{
  ConnectBarChart *self = CONNECT_BAR_CHART (chart);
  const Bar *bar;
  g_autofree char *value = NULL;

  if (item < 0 || (guint) item >= self->bars->len)
    return NULL;

  bar = &g_array_index (self->bars, Bar, item);
  value = bar_value_text (bar);
  return g_strdup_printf (C_("chart summary", "%s: %s"), bar->label, value);
}

static GtkSizeRequestMode
connect_bar_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
connect_bar_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  ConnectBarChart *self = CONNECT_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      int width = for_size > 0 ? for_size : NATURAL_WIDTH;

      *minimum = *natural = compute_rows (self, width, NULL, NULL);
    }
}

static void
connect_bar_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ConnectBarChart *self = CONNECT_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int hover = connect_chart_get_hover (CONNECT_CHART (self));
  g_autofree int *label_tops = NULL;
  g_autofree int *bar_tops = NULL;
  ConnectChartScale scale;
  GdkRGBA fg, bar_color, dim, grid;
  int plot_right, rows_bottom;

  get_colors (self, &fg, &bar_color);
  dim = fg;
  dim.alpha *= 0.7;
  grid = fg;
  grid.alpha *= 0.12;

  if (self->bars->len == 0)
    {
      g_autoptr(PangoLayout) layout = create_layout (self, _("No data"), width);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      return;
    }

  label_tops = g_new0 (int, self->bars->len);
  bar_tops = g_new0 (int, self->bars->len);
  rows_bottom = compute_rows (self, width, label_tops, bar_tops) - axis_height (self);

  plot_right = width - value_column_width (self) - VALUE_GAP;
  plot_right = MAX (plot_right, 1);

  connect_chart_scale_init (&scale, 0, max_value (self),
                            CLAMP (plot_right / 60, 3, 6),
                            CONNECT_CHART_SCALE_INCLUDE_ZERO | CONNECT_CHART_SCALE_INTEGER);

  /* Tick lines and their labels */
  for (guint i = 0; i < scale.n_ticks; i++)
    {
      double value = connect_chart_scale_get_tick (&scale, i);
      double x = round (connect_chart_scale_map (&scale, value, 0, plot_right));
      g_autofree char *text = connect_chart_format_tick (value, scale.step);
      g_autoptr(PangoLayout) layout = create_layout (self, text, -1);
      int text_width = layout_width (layout);
      double text_x = CLAMP (x - text_width / 2.0, 0, width - text_width);

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (x - (i == scale.n_ticks - 1 ? 1 : 0), 0,
                                                      1, rows_bottom));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (text_x, rows_bottom + AXIS_GAP / 2));
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      gtk_snapshot_restore (snapshot);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) label = create_layout (self, bar->label, width);
      g_autofree char *value_text = bar_value_text (bar);
      g_autoptr(PangoLayout) value = create_layout (self, value_text, -1);
      GdkRGBA color = bar_color;
      double end = 0;

      if (hover >= 0 && hover != (int) i)
        color.alpha *= 0.55;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, label_tops[i]));
      gtk_snapshot_append_layout (snapshot, label, &fg);
      gtk_snapshot_restore (snapshot);

      if (bar_has_value (bar))
        {
          end = connect_chart_scale_map (&scale, bar->value, 0, plot_right);
          end = CLAMP (end, 0, plot_right);
          if (bar->value > 0)
            end = MAX (end, 2);
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (0, bar_tops[i], end, BAR_HEIGHT));
        }

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (end + VALUE_GAP,
                                                    bar_tops[i] + (BAR_HEIGHT - layout_height (value)) / 2.0));
      gtk_snapshot_append_layout (snapshot, value, bar_has_value (bar) ? &fg : &dim);
      gtk_snapshot_restore (snapshot);
    }
}

static void
connect_bar_chart_finalize (GObject *object)
{
  ConnectBarChart *self = CONNECT_BAR_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (connect_bar_chart_parent_class)->finalize (object);
}

static void
connect_bar_chart_class_init (ConnectBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ConnectChartClass *chart_class = CONNECT_CHART_CLASS (klass);

  object_class->finalize = connect_bar_chart_finalize;

  widget_class->get_request_mode = connect_bar_chart_get_request_mode;
  widget_class->measure = connect_bar_chart_measure;
  widget_class->snapshot = connect_bar_chart_snapshot;

  chart_class->item_at = connect_bar_chart_item_at;
  chart_class->item_text = connect_bar_chart_item_text;
  chart_class->describe = connect_bar_chart_describe;
  chart_class->untitled = N_("Bar chart");

  gtk_widget_class_set_css_name (widget_class, "barchart");
}

static void
connect_bar_chart_init (ConnectBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
}

/**
 * connect_bar_chart_new:
 *
 * Returns: (transfer floating): an empty bar chart
 */
GtkWidget *
connect_bar_chart_new (void)
{
  return g_object_new (CONNECT_TYPE_BAR_CHART, NULL);
}

/**
 * connect_bar_chart_clear:
 * @self: a bar chart
 *
 * Removes every bar.
 */
void
connect_bar_chart_clear (ConnectBarChart *self)
{
  g_return_if_fail (CONNECT_IS_BAR_CHART (self));

  if (self->bars->len == 0)
    return;

  g_array_set_size (self->bars, 0);
  connect_chart_data_changed (CONNECT_CHART (self));
}

/**
 * connect_bar_chart_append:
 * @self: a bar chart
 * @label: the bar's label (plain text)
 * @value: its value; negative or NaN when not given
 * @value_text: (nullable): the text at the bar's end instead of @value
 *
 * Adds a bar below the others.
 */
void
connect_bar_chart_append (ConnectBarChart *self,
                          const char      *label,
                          double           value,
                          const char      *value_text)
{
  Bar bar;

  g_return_if_fail (CONNECT_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL);

  bar.label = g_strdup (label);
  bar.value = value < 0 ? NAN : value;
  bar.value_text = g_strdup (value_text);
  g_array_append_val (self->bars, bar);

  connect_chart_data_changed (CONNECT_CHART (self));
}

guint
connect_bar_chart_get_n_bars (ConnectBarChart *self)
{
  g_return_val_if_fail (CONNECT_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

static GtkWidget *
table_label (const char *text,
             gboolean    header,
             gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, !numeric);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/**
 * connect_bar_chart_build_table:
 * @self: a bar chart
 * @label_header: the heading of the label column
 * @value_header: the heading of the value column
 *
 * Returns: (transfer floating): a grid of labels with the chart's data
 */
GtkWidget *
connect_bar_chart_build_table (ConnectBarChart *self,
                               const char      *label_header,
                               const char      *value_header)
{
  GtkWidget *grid;

  g_return_val_if_fail (CONNECT_IS_BAR_CHART (self), NULL);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  connect_chart_get_title (CONNECT_CHART (self)) ? connect_chart_get_title (CONNECT_CHART (self)) : _("Bar chart"),
                                  -1);

  gtk_grid_attach (GTK_GRID (grid), table_label (label_header, TRUE, FALSE), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), table_label (value_header, TRUE, TRUE), 1, 0, 1, 1);

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autofree char *value = bar_value_text (bar);

      gtk_grid_attach (GTK_GRID (grid), table_label (bar->label, FALSE, FALSE), 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), table_label (value, FALSE, TRUE), 1, i + 1, 1, 1);
    }

  return grid;
}
