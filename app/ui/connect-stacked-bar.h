/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-stacked-bar.h: a commitment's slots as one bar — used, reserved
 * and left of the committed total — with the accessible label "12 used,
 * 2 reserved, 10 left of 24". Colours follow the light or dark style. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONNECT_TYPE_STACKED_BAR (connect_stacked_bar_get_type ())
G_DECLARE_FINAL_TYPE (ConnectStackedBar, connect_stacked_bar, CONNECT, STACKED_BAR, GtkWidget)

GtkWidget *connect_stacked_bar_new          (void);
/* Counts below 0 count as 0; used + reserved above slots fill the bar. */
void       connect_stacked_bar_set_values   (ConnectStackedBar *self,
                                             gint64             slots,
                                             gint64             used,
                                             gint64             reserved);
gint64     connect_stacked_bar_get_slots    (ConnectStackedBar *self);
gint64     connect_stacked_bar_get_used     (ConnectStackedBar *self);
gint64     connect_stacked_bar_get_reserved (ConnectStackedBar *self);

G_END_DECLS
