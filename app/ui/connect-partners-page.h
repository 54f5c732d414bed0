/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-partners-page.h: who the partners are.
 *
 * The partners grouped by kind with membership, joined date and website,
 * and for the chosen partner a detail (beside the list, or on a page of its
 * own when narrow) with its drugs, commitments, cohorts and sites.
 */
#pragma once

#include <adwaita.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_PARTNERS_PAGE (connect_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (ConnectPartnersPage, connect_partners_page, CONNECT, PARTNERS_PAGE, AdwBin)

GtkWidget   *connect_partners_page_new          (void);

/* The feed shown; %NULL while there is no data yet (an empty state). */
ConnectFeed *connect_partners_page_get_feed     (ConnectPartnersPage *self);
void         connect_partners_page_set_feed     (ConnectPartnersPage *self,
                                                 ConnectFeed         *feed);

/* Shows partner @partner_id in the detail (and goes to it when narrow);
 * FALSE when the feed has no such partner. */
gboolean     connect_partners_page_show_partner (ConnectPartnersPage *self,
                                                 const char          *partner_id);
/* Goes back from the detail to the list when narrow; TRUE if it did. */
gboolean     connect_partners_page_go_back      (ConnectPartnersPage *self);

G_END_DECLS
