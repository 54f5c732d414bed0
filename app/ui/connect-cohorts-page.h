/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cohorts-page.h: every cohort of the feed in a searchable,
 * filterable, sortable table, with the selected cohort's details beside it
 * (or on a page of its own when the window is narrow). */
#pragma once

#include <adwaita.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_COHORTS_PAGE (connect_cohorts_page_get_type ())
G_DECLARE_FINAL_TYPE (ConnectCohortsPage, connect_cohorts_page, CONNECT, COHORTS_PAGE, AdwBin)

GtkWidget   *connect_cohorts_page_new             (void);

/* The feed whose cohorts are shown; %NULL while there is no data yet. */
ConnectFeed *connect_cohorts_page_get_feed        (ConnectCohortsPage *self);
void         connect_cohorts_page_set_feed        (ConnectCohortsPage *self,
                                                   ConnectFeed        *feed);

gboolean     connect_cohorts_page_get_search_mode (ConnectCohortsPage *self);
void         connect_cohorts_page_set_search_mode (ConnectCohortsPage *self,
                                                   gboolean            search_mode);

/* Shows the cohort with @cohort_id in the detail pane (and goes to it when
 * the page is narrow). Returns FALSE when the feed has no such cohort. */
gboolean     connect_cohorts_page_show_cohort     (ConnectCohortsPage *self,
                                                   const char         *cohort_id);

/* Goes back from the detail to the list when narrow, or closes the search.
 * Returns TRUE when it did something. */
gboolean     connect_cohorts_page_go_back         (ConnectCohortsPage *self);

G_END_DECLS
