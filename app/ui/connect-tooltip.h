/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-tooltip.h: tooltips for widgets made by the hundred, such as the
 * cells of a list. gtk_widget_set_tooltip_text () asks the display server
 * where the pointer is each time it is called, a round trip for every cell
 * bound; here the text is only stored, and given when the tooltip is
 * about to show. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        connect_tooltip_set_text (GtkWidget  *widget,
                                      const char *text);
const char *connect_tooltip_get_text (GtkWidget  *widget);

G_END_DECLS
