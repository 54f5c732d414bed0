/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-chart-scale.h: the arithmetic of the charts, free of any toolkit.
 *
 * A value axis is a ConnectChartScale: "nice" bounds (multiples of 1, 2 or
 * 5 × 10^k) that cover the data, with evenly spaced ticks. A date axis is a
 * ConnectChartDateAxis: a range of Julian days with ticks on the first day
 * of a month, a quarter or a year, depending on the span. Both map values
 * to pixels and never divide by zero: empty data gives the scale 0..1,
 * a single value gives a range around it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double min;     /* lower bound of the axis (a multiple of step) */
  double max;     /* upper bound of the axis (a multiple of step) */
  double step;    /* distance between two ticks, > 0 */
  guint  n_ticks; /* ticks from min to max inclusive, ≥ 2 */
} ConnectChartScale;

typedef enum
{
  CONNECT_CHART_SCALE_NONE         = 0,
  CONNECT_CHART_SCALE_INCLUDE_ZERO = 1 << 0, /* start at 0 when data ≥ 0 */
  CONNECT_CHART_SCALE_INTEGER      = 1 << 1, /* counts: ticks 1 apart at least */
} ConnectChartScaleFlags;

typedef enum
{
  CONNECT_CHART_DATE_UNIT_DAY,
  CONNECT_CHART_DATE_UNIT_MONTH,
  CONNECT_CHART_DATE_UNIT_QUARTER,
  CONNECT_CHART_DATE_UNIT_YEAR,
} ConnectChartDateUnit;

typedef struct
{
  guint32              first;   /* Julian day at the start of the axis */
  guint32              last;    /* Julian day at its end, > first */
  ConnectChartDateUnit unit;    /* what a tick marks */
  guint                every;   /* a tick every @every units */
  GArray              *ticks;   /* (element-type guint32) Julian days */
} ConnectChartDateAxis;

/* The "nice" number (1, 2, 5 or 10 times a power of ten) closest to @x
 * when @round, else the smallest nice number ≥ @x. @x ≤ 0 gives 0. */
double    connect_chart_nice_number      (double                     x,
                                          gboolean                   round);

/* Fills @scale for data from @data_min to @data_max with at most
 * @max_ticks ticks (≥ 2, fewer when the data allow no more). With
 * INCLUDE_ZERO the axis starts at 0 when all data are ≥ 0 (and ends at 0
 * when all are ≤ 0). Empty data (@data_min > @data_max, or a NaN) give
 * 0..1; a zero span at v ≠ 0 gives 0..v (with zero) or a range around v. */
void      connect_chart_scale_init       (ConnectChartScale         *scale,
                                          double                     data_min,
                                          double                     data_max,
                                          guint                      max_ticks,
                                          ConnectChartScaleFlags     flags);
/* Same, from an array of @n_values doubles (NaN values are skipped). */
void      connect_chart_scale_init_for_values (ConnectChartScale    *scale,
                                          const double              *values,
                                          gsize                      n_values,
                                          guint                      max_ticks,
                                          ConnectChartScaleFlags     flags);
double    connect_chart_scale_get_tick   (const ConnectChartScale   *scale,
                                          guint                      i);
/* Where @value lies between @pixel_from (at scale->min) and @pixel_to (at
 * scale->max); @pixel_to may be smaller than @pixel_from (a y axis). */
double    connect_chart_scale_map        (const ConnectChartScale   *scale,
                                          double                     value,
                                          double                     pixel_from,
                                          double                     pixel_to);
/* The inverse of connect_chart_scale_map(). */
double    connect_chart_scale_unmap      (const ConnectChartScale   *scale,
                                          double                     pixel,
                                          double                     pixel_from,
                                          double                     pixel_to);

/* A date axis over Julian days @first_day..@last_day with at most
 * @max_ticks ticks (≥ 2). A single day gives a month around it; no valid
 * day (0) gives the year 2000. Free with connect_chart_date_axis_clear(). */
void      connect_chart_date_axis_init   (ConnectChartDateAxis      *axis,
                                          guint32                    first_day,
                                          guint32                    last_day,
                                          guint                      max_ticks);
void      connect_chart_date_axis_clear  (ConnectChartDateAxis      *axis);
double    connect_chart_date_axis_map    (const ConnectChartDateAxis *axis,
                                          guint32                    julian_day,
                                          double                     pixel_from,
                                          double                     pixel_to);
/* The label of a tick of @axis: "2023", "Q2 2023", "Mar 2023", "3 Mar"
 * (translated). */
char     *connect_chart_date_axis_format_tick (const ConnectChartDateAxis *axis,
                                          guint32                    julian_day);

/* Whole numbers grouped for reading: "1,537" in English, "1 537" in
 * Norwegian (the locale's separator, else the translated one). */
char     *connect_format_count           (gint64                     n);
/* A tick label: like connect_format_count() for whole steps, else with
 * as many decimals as @step needs ("0.25"). */
char     *connect_chart_format_tick      (double                     value,
                                          double                     step);
/* "26 %" style (translated); @percent is rounded to a whole number. */
char     *connect_format_percent         (double                     percent);

G_END_DECLS
