/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-supply-page.h: the drug commitments of the feed — slots used,
 * reserved and left, runway and warnings from the supply forecast —
 * filtered by partner ("my company", remembered) and state, sortable by
 * every column, with per-partner totals and a detail pane (cohorts served,
 * slots used over time). */
#pragma once

#include <adwaita.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_SUPPLY_PAGE (connect_supply_page_get_type ())
G_DECLARE_FINAL_TYPE (ConnectSupplyPage, connect_supply_page, CONNECT, SUPPLY_PAGE, AdwBin)

GtkWidget   *connect_supply_page_new      (void);
/* The feed shown; %NULL shows the empty state. */
ConnectFeed *connect_supply_page_get_feed (ConnectSupplyPage *self);
void         connect_supply_page_set_feed (ConnectSupplyPage *self,
                                           ConnectFeed       *feed);
/* The rows shown, in order (element-type ConnectForecast). */
GListModel  *connect_supply_page_get_rows (ConnectSupplyPage *self);

G_END_DECLS
