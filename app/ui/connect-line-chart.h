/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-line-chart.h: one or more series of values over dates.
 *
 * The x axis is a date axis (ticks on months, quarters or years as the
 * span allows), the y axis a nice scale from zero. Each series has its own
 * colour from the style (the accent, then the success and error colours, a
 * purple, the warning colour and the dimmed text colour; light and dark)
 * and a legend entry; a series can turn dashed from a
 * point on (a projection), and a vertical "Today" marker can be shown.
 * Hovering shows the values at the nearest date in a tooltip and marks
 * them. The accessible description summarises each series, and
 * connect_line_chart_build_table() gives the data as a grid of labels.
 *
 * Typical use:
 *   chart = connect_line_chart_new ();
 *   connect_line_chart_set_title (chart, _("Patients over time"));
 *   i = connect_line_chart_add_series (chart, _("Screened"));
 *   connect_line_chart_add_point (chart, i, julian_day, 2290);
 *   ...
 *   connect_line_chart_set_dashed_from (chart, i, 5);   (projection)
 *   connect_line_chart_set_today (chart, g_date_get_julian (today));
 */
#pragma once

#include "connect-chart.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_LINE_CHART (connect_line_chart_get_type ())
G_DECLARE_FINAL_TYPE (ConnectLineChart, connect_line_chart, CONNECT, LINE_CHART, ConnectChart)

GtkWidget  *connect_line_chart_new             (void);

/* The chart's name, also its accessible label. */
/* Removes every series and the today marker. */
void        connect_line_chart_clear           (ConnectLineChart *self);
/* Adds an empty series named @name (plain text); returns its index. */
guint       connect_line_chart_add_series      (ConnectLineChart *self,
                                                const char       *name);
/* Adds a point; points are kept sorted by date. @value < 0 or NaN is
 * skipped (not given). */
void        connect_line_chart_add_point       (ConnectLineChart *self,
                                                guint             series,
                                                guint32           julian_day,
                                                double            value);
/* The segments from point @index (in date order) to the end are dashed,
 * e.g. a projection after the last real point; G_MAXUINT (the default):
 * solid throughout. */
void        connect_line_chart_set_dashed_from (ConnectLineChart *self,
                                                guint             series,
                                                guint             index);
/* A vertical marker labelled "Today" at @julian_day; 0 hides it. */
void        connect_line_chart_set_today       (ConnectLineChart *self,
                                                guint32           julian_day);
guint       connect_line_chart_get_n_series    (ConnectLineChart *self);

/* The data as a table of labels: a row per date (the date, then each
 * series' value or "–") under a header row (@date_header, then the series
 * names); when that is too wide (a phone), a heading per date with a row
 * per series instead. */
GtkWidget  *connect_line_chart_build_table     (ConnectLineChart *self,
                                                const char       *date_header);

G_END_DECLS
