/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-match-page.h: the clinician's Match view.
 *
 * The clinician types a tumour and the alterations of a molecular report;
 * the page asks the core matcher for the fitting cohorts and shows them
 * grouped as the matching rules order them. Activating a result activates
 * the `win.show-cohort` action with the cohort id as its string target.
 */
#pragma once

#include <adwaita.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_MATCH_PAGE (connect_match_page_get_type ())
G_DECLARE_FINAL_TYPE (ConnectMatchPage, connect_match_page, CONNECT, MATCH_PAGE, AdwBin)

GtkWidget   *connect_match_page_new      (void);

/* The feed to match against; %NULL while there is no data yet. */
ConnectFeed *connect_match_page_get_feed (ConnectMatchPage *self);
void         connect_match_page_set_feed (ConnectMatchPage *self,
                                          ConnectFeed      *feed);

G_END_DECLS
