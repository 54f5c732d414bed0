/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-bar-chart.h: horizontal bars with their labels and values.
 *
 * Each bar has a label (wrapped above it, plain text) and a value (drawn at
 * its end); the bars share a nice scale from zero with faint tick lines.
 * Hovering a bar highlights it and shows its value in a tooltip. The
 * accessible description summarises the data, and
 * connect_bar_chart_build_table() gives the same data as a grid of labels
 * for a "Show as table" expander.
 */
#pragma once

#include "connect-chart.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_BAR_CHART (connect_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (ConnectBarChart, connect_bar_chart, CONNECT, BAR_CHART, ConnectChart)

GtkWidget  *connect_bar_chart_new         (void);

/* The chart's name, also its accessible label: "Screening to benefit". */
void        connect_bar_chart_clear       (ConnectBarChart *self);
/* Adds a bar. @value < 0 or NaN means "not given" (no bar). @value_text
 * (nullable) is shown instead of the plain number, e.g. "1,537 · 67%". */
void        connect_bar_chart_append      (ConnectBarChart *self,
                                           const char      *label,
                                           double           value,
                                           const char      *value_text);
guint       connect_bar_chart_get_n_bars  (ConnectBarChart *self);

/* A new GtkGrid with one row per bar (label, value) and a header row with
 * @label_header and @value_header, for an expander under the chart. */
GtkWidget  *connect_bar_chart_build_table (ConnectBarChart *self,
                                           const char      *label_header,
                                           const char      *value_header);

G_END_DECLS
