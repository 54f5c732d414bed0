/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "connect-chart-scale.h"
#include "connect-line-chart.h"

#define PLOT_HEIGHT     240
#define NATURAL_WIDTH   480
#define MIN_WIDTH       200
#define LEGEND_GAP      8
#define LEGEND_SWATCH   14
#define LEGEND_SPACING  16
#define AXIS_GAP        6
#define RIGHT_PAD       12
#define POINT_RADIUS    3
#define HOVER_RADIUS    5

typedef struct
{
  guint32 day;
  double  value;
} Point;

typedef struct
{
  char   *name;
  GArray *points;       /* (element-type Point) by date */
  guint   dashed_from;
} Series;

/* The chart's items are days: the Julian day under the pointer. */
struct _ConnectLineChart
{
  ConnectChart  parent_instance;

  GPtrArray    *series;    /* (element-type Series) */
  guint32       today;
};

G_DEFINE_FINAL_TYPE (ConnectLineChart, connect_line_chart, CONNECT_TYPE_CHART)

/* Named colours of the style, one per series (cycled), with fallbacks. */
static const struct {
  const char *name;
  const char *fallback;
} palette[] = {
  { "accent_color", "#1c71d8" },
  { "success_color", "#26a269" },
  { "error_color", "#c01c28" },
  { "purple_3", "#9141ac" },
  { "warning_color", "#cd9309" },
  { NULL, NULL }, /* the text colour, dimmed */
};

/* The geometry of one drawing. */
typedef struct
{
  int                  legend_height;
  double               left, right, top, bottom;   /* the plot area */
  ConnectChartScale    y;
  ConnectChartDateAxis x;
} Frame;

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_array_unref (series->points);
  g_free (series);
}

static Series *
get_series (ConnectLineChart *self,
            guint             index)
{
  return g_ptr_array_index (self->series, index);
}

static void
get_series_color (ConnectLineChart *self,
                  guint             index,
                  GdkRGBA          *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  guint i = index % G_N_ELEMENTS (palette);

  if (palette[i].name == NULL)
    {
      gtk_style_context_get_color (context, color);
      color->alpha *= 0.55;
    }
  else if (!gtk_style_context_lookup_color (context, palette[i].name, color))
    gdk_rgba_parse (color, palette[i].fallback);
}

static PangoLayout *
create_layout (ConnectLineChart *self,
               const char       *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  /* Feed text is plain text, never markup. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             int         *width,
             int         *height)
{
  pango_layout_get_pixel_size (layout, width, height);
}

static char *
format_value (double value)
{
  if (value == floor (value))
    return connect_format_count ((gint64) value);
  return g_strdup_printf ("%.1f", value);
}

static char *
format_day (guint32 julian_day)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;
  char *text;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  /* Translators: a date in a chart's tooltip and table (g_date_time_format) */
  text = g_date_time_format (time, _("%-d %B %Y"));
  return g_strstrip (text);
}

static char *
format_day_short (guint32 julian_day)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
  /* Translators: a short date in a chart's table (g_date_time_format) */
  return g_date_time_format (time, _("%-d %b %Y"));
}

/* Lays the legend out in rows at @width; returns its height and, when
 * @xs/@ys are given, the position of each entry. */
static int
legend_layout (ConnectLineChart *self,
               int               width,
               int              *xs,
               int              *ys)
{
  int x = 0, y = 0, row_height = 0;

  if (self->series->len == 0)
    return 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      g_autoptr(PangoLayout) layout = create_layout (self, get_series (self, i)->name);
      int text_width, text_height, entry_width;

      pango_layout_set_width (layout, MAX (width - LEGEND_SWATCH - 6, 1) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      layout_size (layout, &text_width, &text_height);
      entry_width = LEGEND_SWATCH + 6 + text_width;

      if (x > 0 && x + entry_width > width)
        {
          x = 0;
          y += row_height + 4;
          row_height = 0;
        }
      if (xs != NULL)
        xs[i] = x;
      if (ys != NULL)
        ys[i] = y;
      x += entry_width + LEGEND_SPACING;
      row_height = MAX (row_height, MAX (text_height, LEGEND_SWATCH));
    }

  return y + row_height;
}

static gboolean
get_day_range (ConnectLineChart *self,
               guint32          *first,
               guint32          *last)
{
  guint32 lo = G_MAXUINT32, hi = 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);

      if (series->points->len == 0)
        continue;
      lo = MIN (lo, g_array_index (series->points, Point, 0).day);
      hi = MAX (hi, g_array_index (series->points, Point, series->points->len - 1).day);
    }

  if (hi == 0)
    return FALSE;

  if (self->today != 0)
    {
      lo = MIN (lo, self->today);
      hi = MAX (hi, self->today);
    }

  *first = lo;
  *last = hi;
  return TRUE;
}

static gboolean
has_points (ConnectLineChart *self)
{
  guint32 first, last;

  return get_day_range (self, &first, &last);
}

static int
text_height (ConnectLineChart *self)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "0");
  int height;

  layout_size (layout, NULL, &height);
  return height;
}

/* Computes the plot area and both axes for a @width × @height drawing. */
static void
frame_init (ConnectLineChart *self,
            Frame            *frame,
            int               width,
            int               height)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  guint32 first = 0, last = 0;
  int label_height = text_height (self);
  int widest = 0;
  int max_ticks;

  frame->legend_height = legend_layout (self, width, NULL, NULL);
  frame->top = frame->legend_height + LEGEND_GAP + label_height / 2.0;
  frame->bottom = height - label_height - AXIS_GAP;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);

      for (guint j = 0; j < series->points->len; j++)
        g_array_append_val (values, g_array_index (series->points, Point, j).value);
    }

  connect_chart_scale_init_for_values (&frame->y, (double *) values->data, values->len,
                                       CLAMP ((int) (frame->bottom - frame->top) / 40, 2, 6),
                                       CONNECT_CHART_SCALE_INCLUDE_ZERO | CONNECT_CHART_SCALE_INTEGER);

  for (guint i = 0; i < frame->y.n_ticks; i++)
    {
      g_autofree char *text = connect_chart_format_tick (connect_chart_scale_get_tick (&frame->y, i),
                                                         frame->y.step);
      g_autoptr(PangoLayout) layout = create_layout (self, text);
      int text_width;

      layout_size (layout, &text_width, NULL);
      widest = MAX (widest, text_width);
    }

  frame->left = widest + AXIS_GAP + 2;
  frame->right = MAX (width - RIGHT_PAD, frame->left + 1);

  get_day_range (self, &first, &last);

  /* As many date ticks as fit side by side without touching. */
  max_ticks = CLAMP ((int) (frame->right - frame->left) / 60, 2, 8);
  for (;;)
    {
      int total = 0;

      connect_chart_date_axis_init (&frame->x, first, last, max_ticks);
      for (guint i = 0; i < frame->x.ticks->len; i++)
        {
          g_autofree char *text = connect_chart_date_axis_format_tick (&frame->x,
                                                                       g_array_index (frame->x.ticks, guint32, i));
          g_autoptr(PangoLayout) layout = create_layout (self, text);
          int text_width;

          layout_size (layout, &text_width, NULL);
          total = MAX (total, text_width + 16);
        }
      if (max_ticks <= 2 || (double) total * frame->x.ticks->len <= frame->right - frame->left)
        break;
      connect_chart_date_axis_clear (&frame->x);
      max_ticks--;
    }
}

static void
frame_clear (Frame *frame)
{
  connect_chart_date_axis_clear (&frame->x);
}

static double
frame_x (const Frame *frame,
         guint32      day)
{
  return connect_chart_date_axis_map (&frame->x, day, frame->left, frame->right);
}

static double
frame_y (const Frame *frame,
         double       value)
{
  return connect_chart_scale_map (&frame->y, value, frame->bottom, frame->top);
}

/* The date with a point closest to @x, or 0. */
static guint32
day_at (ConnectLineChart *self,
        double            x)
{
  Frame frame;
  guint32 best = 0;
  double best_distance = G_MAXDOUBLE;

  if (!has_points (self))
    return 0;

  frame_init (self, &frame, gtk_widget_get_width (GTK_WIDGET (self)),
              gtk_widget_get_height (GTK_WIDGET (self)));

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);

      for (guint j = 0; j < series->points->len; j++)
        {
          guint32 day = g_array_index (series->points, Point, j).day;
          double distance = fabs (frame_x (&frame, day) - x);

          if (distance < best_distance)
            {
              best_distance = distance;
              best = day;
            }
        }
    }

  frame_clear (&frame);
  return best;
}

static gboolean
series_value_at (Series  *series,
                 guint32  day,
                 double  *value)
{
  for (guint j = 0; j < series->points->len; j++)
    {
      const Point *point = &g_array_index (series->points, Point, j);

      if (point->day == day)
        {
          *value = point->value;
          return TRUE;
        }
    }
  return FALSE;
}

static char *
connect_line_chart_describe (ConnectChart *chart)
{
  ConnectLineChart *self = CONNECT_LINE_CHART (chart);
  GString *description = g_string_new (NULL);
  guint32 first, last;

  if (!get_day_range (self, &first, &last))
    g_string_append (description, _("No data"));

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);
      const Point *a, *b;
      g_autofree char *from_day = NULL;
      g_autofree char *to_day = NULL;
      g_autofree char *from_value = NULL;
      g_autofree char *to_value = NULL;

      if (series->points->len == 0)
        continue;

      a = &g_array_index (series->points, Point, 0);
      b = &g_array_index (series->points, Point, series->points->len - 1);
      from_day = format_day (a->day);
      to_day = format_day (b->day);
      from_value = format_value (a->value);
      to_value = format_value (b->value);

      if (description->len > 0)
        g_string_append (description, C_("chart summary", "; "));
      if (series->points->len == 1)
        /* Translators: a series of a line chart with one point: "Screened: 2,290 on 31 December 2025" */
        g_string_append_printf (description, _("%s: %s on %s"), series->name, to_value, to_day);
      else
        /* Translators: a series of a line chart in its spoken summary:
         * "Screened: from 400 on 31 December 2023 to 2,290 on 31 December 2025" */
        g_string_append_printf (description, _("%s: from %s on %s to %s on %s"),
                                series->name, from_value, from_day, to_value, to_day);
    }

  return g_string_free (description, FALSE);
}

static int
connect_line_chart_item_at (ConnectChart *chart,
                            double        x,
                            double        y)
{
  guint32 day = day_at (CONNECT_LINE_CHART (chart), x);

  return day != 0 ? (int) day : -1;
}

static char *
connect_line_chart_item_text (ConnectChart *chart,
                              int           item)
{
  ConnectLineChart *self = CONNECT_LINE_CHART (chart);
  guint32 day = item > 0 ? (guint32) item : 0;
  g_autofree char *date = NULL;
  GString *text;

  if (day == 0)
    return NULL;

  date = format_day (day);
  text = g_string_new (date);
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);
      g_autofree char *value = NULL;
      double v;

      if (!series_value_at (series, day, &v))
        continue;
      value = format_value (v);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, C_("chart summary", "%s: %s"), series->name, value);
    }

  return g_string_free (text, FALSE);
}

static GtkSizeRequestMode
connect_line_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
connect_line_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  ConnectLineChart *self = CONNECT_LINE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      int width = for_size > 0 ? for_size : NATURAL_WIDTH;
      int legend = legend_layout (self, width, NULL, NULL);

      *minimum = *natural = legend + LEGEND_GAP + PLOT_HEIGHT;
    }
}

static void
draw_legend (ConnectLineChart *self,
             GtkSnapshot      *snapshot,
             int               width,
             const GdkRGBA    *fg)
{
  g_autofree int *xs = g_new0 (int, self->series->len);
  g_autofree int *ys = g_new0 (int, self->series->len);

  legend_layout (self, width, xs, ys);

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);
      g_autoptr(PangoLayout) layout = create_layout (self, series->name);
      GdkRGBA color;
      int text_height;

      pango_layout_set_width (layout, MAX (width - LEGEND_SWATCH - 6, 1) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      layout_size (layout, NULL, &text_height);
      get_series_color (self, i, &color);

      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (xs[i], ys[i] + MAX (text_height - LEGEND_SWATCH, 0) / 2.0,
                                                      LEGEND_SWATCH, LEGEND_SWATCH));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (xs[i] + LEGEND_SWATCH + 6, ys[i]));
      gtk_snapshot_append_layout (snapshot, layout, fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
connect_line_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ConnectLineChart *self = CONNECT_LINE_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int hover = connect_chart_get_hover (CONNECT_CHART (self));
  guint32 hover_day = hover > 0 ? (guint32) hover : 0;
  GdkRGBA fg, dim, grid, background;
  Frame frame;
  cairo_t *cr;
  int label_height;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &background))
    gdk_rgba_parse (&background, "#ffffff");
  dim = fg;
  dim.alpha *= 0.7;
  grid = fg;
  grid.alpha *= 0.12;

  if (self->series->len > 0)
    draw_legend (self, snapshot, width, &fg);

  if (!has_points (self))
    {
      g_autoptr(PangoLayout) layout = create_layout (self, _("No data"));
      int text_width, text_h;

      layout_size (layout, &text_width, &text_h);
      draw_text (snapshot, layout, (width - text_width) / 2.0, (height - text_h) / 2.0, &dim);
      return;
    }

  frame_init (self, &frame, width, height);
  label_height = text_height (self);

  /* y grid and labels */
  for (guint i = 0; i < frame.y.n_ticks; i++)
    {
      double value = connect_chart_scale_get_tick (&frame.y, i);
      double y = round (frame_y (&frame, value));
      g_autofree char *text = connect_chart_format_tick (value, frame.y.step);
      g_autoptr(PangoLayout) layout = create_layout (self, text);
      int text_width;

      layout_size (layout, &text_width, NULL);
      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (frame.left, y, frame.right - frame.left, 1));
      draw_text (snapshot, layout, frame.left - AXIS_GAP - text_width, y - label_height / 2.0, &dim);
    }

  /* x ticks and labels, kept inside the widget */
  for (guint i = 0; i < frame.x.ticks->len; i++)
    {
      guint32 day = g_array_index (frame.x.ticks, guint32, i);
      double x = round (frame_x (&frame, day));
      g_autofree char *text = connect_chart_date_axis_format_tick (&frame.x, day);
      g_autoptr(PangoLayout) layout = create_layout (self, text);
      int text_width;

      layout_size (layout, &text_width, NULL);
      gtk_snapshot_append_color (snapshot, &dim,
                                 &GRAPHENE_RECT_INIT (x, frame.bottom, 1, 4));
      draw_text (snapshot, layout, CLAMP (x - text_width / 2.0, 0, width - text_width),
                 frame.bottom + AXIS_GAP, &dim);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Today */
  if (self->today != 0)
    {
      double x = round (frame_x (&frame, self->today)) + 0.5;
      static const double dash[] = { 4, 4 };

      gdk_cairo_set_source_rgba (cr, &dim);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, frame.top);
      cairo_line_to (cr, x, frame.bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The hovered date */
  if (hover_day != 0)
    {
      double x = round (frame_x (&frame, hover_day)) + 0.5;

      gdk_cairo_set_source_rgba (cr, &grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, frame.top);
      cairo_line_to (cr, x, frame.bottom);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);
      static const double dash[] = { 6, 5 };
      GdkRGBA color;

      get_series_color (self, i, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 2.5);

      for (guint j = 1; j < series->points->len; j++)
        {
          const Point *a = &g_array_index (series->points, Point, j - 1);
          const Point *b = &g_array_index (series->points, Point, j);

          /* The segment from point j-1 is dashed from dashed_from on. */
          if (j - 1 >= series->dashed_from)
            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          else
            cairo_set_dash (cr, NULL, 0, 0);
          cairo_move_to (cr, frame_x (&frame, a->day), frame_y (&frame, a->value));
          cairo_line_to (cr, frame_x (&frame, b->day), frame_y (&frame, b->value));
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);

      for (guint j = 0; j < series->points->len; j++)
        {
          const Point *p = &g_array_index (series->points, Point, j);
          gboolean hovered = p->day == hover_day;
          double radius = hovered ? HOVER_RADIUS : POINT_RADIUS;

          cairo_new_sub_path (cr);
          cairo_arc (cr, frame_x (&frame, p->day), frame_y (&frame, p->value), radius, 0, 2 * G_PI);
          if (hovered)
            {
              gdk_cairo_set_source_rgba (cr, &background);
              cairo_fill_preserve (cr);
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_set_line_width (cr, 2.5);
              cairo_stroke (cr);
            }
          else if (j >= series->dashed_from && j > 0)
            {
              /* Projected points are hollow. */
              gdk_cairo_set_source_rgba (cr, &background);
              cairo_fill_preserve (cr);
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_set_line_width (cr, 1.5);
              cairo_stroke (cr);
            }
          else
            {
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_fill (cr);
            }
        }
    }

  cairo_destroy (cr);

  if (self->today != 0)
    {
      g_autoptr(PangoLayout) layout = create_layout (self, C_("chart marker", "Today"));
      double x = round (frame_x (&frame, self->today));
      int text_width;

      layout_size (layout, &text_width, NULL);
      /* Right of the line, or left of it near the right edge. */
      draw_text (snapshot, layout,
                 x + 4 + text_width <= width ? x + 4 : x - 4 - text_width,
                 frame.top, &dim);
    }

  frame_clear (&frame);
}

static void
connect_line_chart_finalize (GObject *object)
{
  ConnectLineChart *self = CONNECT_LINE_CHART (object);

  g_clear_pointer (&self->series, g_ptr_array_unref);

  G_OBJECT_CLASS (connect_line_chart_parent_class)->finalize (object);
}

static void
connect_line_chart_class_init (ConnectLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ConnectChartClass *chart_class = CONNECT_CHART_CLASS (klass);

  object_class->finalize = connect_line_chart_finalize;

  widget_class->get_request_mode = connect_line_chart_get_request_mode;
  widget_class->measure = connect_line_chart_measure;
  widget_class->snapshot = connect_line_chart_snapshot;

  chart_class->item_at = connect_line_chart_item_at;
  chart_class->item_text = connect_line_chart_item_text;
  chart_class->describe = connect_line_chart_describe;
  chart_class->untitled = N_("Line chart");

  gtk_widget_class_set_css_name (widget_class, "linechart");
}

static void
connect_line_chart_init (ConnectLineChart *self)
{
  self->series = g_ptr_array_new_with_free_func (series_free);
}

/**
 * connect_line_chart_new:
 *
 * Returns: (transfer floating): an empty line chart
 */
GtkWidget *
connect_line_chart_new (void)
{
  return g_object_new (CONNECT_TYPE_LINE_CHART, NULL);
}

/**
 * connect_line_chart_clear:
 * @self: a line chart
 *
 * Removes every series and the today marker.
 */
void
connect_line_chart_clear (ConnectLineChart *self)
{
  g_return_if_fail (CONNECT_IS_LINE_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  self->today = 0;
  connect_chart_data_changed (CONNECT_CHART (self));
}

/**
 * connect_line_chart_add_series:
 * @self: a line chart
 * @name: the series' name for the legend (plain text)
 *
 * Returns: the index of the new, empty series
 */
guint
connect_line_chart_add_series (ConnectLineChart *self,
                               const char       *name)
{
  Series *series;

  g_return_val_if_fail (CONNECT_IS_LINE_CHART (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->points = g_array_new (FALSE, FALSE, sizeof (Point));
  series->dashed_from = G_MAXUINT;
  g_ptr_array_add (self->series, series);

  connect_chart_data_changed (CONNECT_CHART (self));

  return self->series->len - 1;
}

/**
 * connect_line_chart_add_point:
 * @self: a line chart
 * @series: the index of a series
 * @julian_day: the point's date as a Julian day
 * @value: its value; negative or NaN is skipped
 *
 * Adds a point to @series, in date order.
 */
void
connect_line_chart_add_point (ConnectLineChart *self,
                              guint             series,
                              guint32           julian_day,
                              double            value)
{
  Series *s;
  Point point = { julian_day, value };
  guint i;

  g_return_if_fail (CONNECT_IS_LINE_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (g_date_valid_julian (julian_day));

  if (isnan (value) || isinf (value) || value < 0)
    return;

  s = get_series (self, series);
  for (i = s->points->len; i > 0; i--)
    if (g_array_index (s->points, Point, i - 1).day <= julian_day)
      break;
  g_array_insert_val (s->points, i, point);

  connect_chart_data_changed (CONNECT_CHART (self));
}

/**
 * connect_line_chart_set_dashed_from:
 * @self: a line chart
 * @series: the index of a series
 * @index: the first point (in date order) whose next segment is dashed,
 *   or G_MAXUINT for none
 *
 * Draws the end of @series dashed, e.g. a projection.
 */
void
connect_line_chart_set_dashed_from (ConnectLineChart *self,
                                    guint             series,
                                    guint             index)
{
  g_return_if_fail (CONNECT_IS_LINE_CHART (self));
  g_return_if_fail (series < self->series->len);

  get_series (self, series)->dashed_from = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * connect_line_chart_set_today:
 * @self: a line chart
 * @julian_day: today as a Julian day, or 0 for no marker
 *
 * Shows a vertical "Today" marker.
 */
void
connect_line_chart_set_today (ConnectLineChart *self,
                              guint32           julian_day)
{
  g_return_if_fail (CONNECT_IS_LINE_CHART (self));
  g_return_if_fail (julian_day == 0 || g_date_valid_julian (julian_day));

  if (self->today == julian_day)
    return;

  self->today = julian_day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
connect_line_chart_get_n_series (ConnectLineChart *self)
{
  g_return_val_if_fail (CONNECT_IS_LINE_CHART (self), 0);

  return self->series->len;
}

static GtkWidget *
table_label (const char *text,
             gboolean    header,
             gboolean    numeric,
             gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
table_grid (ConnectLineChart *self)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  connect_chart_get_title (CONNECT_CHART (self)) ? connect_chart_get_title (CONNECT_CHART (self)) : _("Line chart"),
                                  -1);
  return grid;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/**
 * connect_line_chart_build_table:
 * @self: a line chart
 * @date_header: the heading of the date column
 *
 * The same data as a table: a row per date and a column per series when
 * the width allows, else (on a phone) a heading per date with a row per
 * series under it. Either way every label is plain text a screen reader
 * can read in order.
 *
 * Returns: (transfer floating): the table
 */
GtkWidget *
connect_line_chart_build_table (ConnectLineChart *self,
                                const char       *date_header)
{
  g_autoptr(GArray) days = NULL;
  GtkWidget *squeezer;
  GtkWidget *wide;
  GtkWidget *narrow;
  GtkWidget *heading;
  int narrow_row = 0;

  g_return_val_if_fail (CONNECT_IS_LINE_CHART (self), NULL);

  wide = table_grid (self);
  narrow = table_grid (self);

  heading = table_label (date_header, TRUE, FALSE, FALSE);
  gtk_widget_set_valign (heading, GTK_ALIGN_END);
  gtk_grid_attach (GTK_GRID (wide), heading, 0, 0, 1, 1);
  for (guint i = 0; i < self->series->len; i++)
    {
      /* Headings wrap between words, never inside one. */
      heading = table_label (get_series (self, i)->name, TRUE, TRUE, TRUE);

      gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD);
      gtk_label_set_justify (GTK_LABEL (heading), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (heading, GTK_ALIGN_END);
      gtk_grid_attach (GTK_GRID (wide), heading, i + 1, 0, 1, 1);
    }

  days = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);

      for (guint j = 0; j < series->points->len; j++)
        g_array_append_val (days, g_array_index (series->points, Point, j).day);
    }
  g_array_sort (days, compare_days);

  for (guint i = 0, row = 1; i < days->len; i++)
    {
      guint32 day = g_array_index (days, guint32, i);
      g_autofree char *date = NULL;

      if (i > 0 && g_array_index (days, guint32, i - 1) == day)
        continue;

      date = format_day_short (day);
      gtk_grid_attach (GTK_GRID (wide), table_label (date, FALSE, FALSE, FALSE), 0, row, 1, 1);

      heading = table_label (date, TRUE, FALSE, TRUE);
      if (narrow_row > 0)
        gtk_widget_set_margin_top (heading, 6);
      gtk_grid_attach (GTK_GRID (narrow), heading, 0, narrow_row++, 2, 1);

      for (guint s = 0; s < self->series->len; s++)
        {
          g_autofree char *value = NULL;
          double v;

          if (series_value_at (get_series (self, s), day, &v))
            value = format_value (v);
          gtk_grid_attach (GTK_GRID (wide),
                           table_label (value ? value : C_("no value", "–"), FALSE, TRUE, FALSE),
                           s + 1, row, 1, 1);
          if (value != NULL)
            {
              GtkWidget *name = table_label (get_series (self, s)->name, FALSE, FALSE, TRUE);

              gtk_widget_set_hexpand (name, TRUE);
              gtk_grid_attach (GTK_GRID (narrow), name, 0, narrow_row, 1, 1);
              gtk_grid_attach (GTK_GRID (narrow), table_label (value, FALSE, TRUE, FALSE),
                               1, narrow_row++, 1, 1);
            }
        }
      row++;
    }

  /* The first child that fits is shown. */
  squeezer = adw_squeezer_new ();
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  adw_squeezer_set_switch_threshold_policy (ADW_SQUEEZER (squeezer), ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
  adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 0);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), wide);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), narrow);

  return squeezer;
}
