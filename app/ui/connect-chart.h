/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-chart.h: what the charts share. A title, which is the chart's
 * accessible name, with the summary of its data as the description; the
 * item under the pointer, highlighted by the chart and told in a tooltip;
 * a new layout when the style changes (fonts and colours come from it).
 * A chart subclass draws, and answers the three class functions. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONNECT_TYPE_CHART (connect_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (ConnectChart, connect_chart, CONNECT, CHART, GtkWidget)

struct _ConnectChartClass
{
  GtkWidgetClass parent_class;

  /* The item at (@x, @y), or -1 for none. */
  int         (*item_at)   (ConnectChart *self,
                            double        x,
                            double        y);
  /* The tooltip of @item, plain text. (transfer full) */
  char       *(*item_text) (ConnectChart *self,
                            int           item);
  /* The spoken summary of the data. (transfer full) */
  char       *(*describe)  (ConnectChart *self);

  /* The name of a chart without a title, untranslated ("Bar chart"). */
  const char  *untitled;
};

const char *connect_chart_get_title    (ConnectChart *self);
void        connect_chart_set_title    (ConnectChart *self,
                                        const char   *title);
/* The item under the pointer, or -1. */
int         connect_chart_get_hover    (ConnectChart *self);
/* After the data changed: a new summary, a new layout, no hover. */
void        connect_chart_data_changed (ConnectChart *self);

G_END_DECLS
