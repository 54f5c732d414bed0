/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-trial-page.h: the status of one trial for partnership staff.
 *
 * The latest snapshot as headline figures with rates, the screening →
 * benefit funnel, the snapshots over time, cohorts by status, stage and
 * tumour type, drugs, sites per region and the trial's registry entry,
 * sponsor and design. A selector chooses the trial when the feed has
 * several. Every chart has a "Show as table" alternative.
 */
#pragma once

#include <adwaita.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_TRIAL_PAGE (connect_trial_page_get_type ())
G_DECLARE_FINAL_TYPE (ConnectTrialPage, connect_trial_page, CONNECT, TRIAL_PAGE, AdwBin)

GtkWidget   *connect_trial_page_new       (void);

/* The feed shown; %NULL while there is no data yet (an empty state). */
ConnectFeed *connect_trial_page_get_feed  (ConnectTrialPage *self);
void         connect_trial_page_set_feed  (ConnectTrialPage *self,
                                           ConnectFeed      *feed);

/* The id of the trial shown, or %NULL. */
const char  *connect_trial_page_get_trial (ConnectTrialPage *self);
/* Shows trial @trial_id; returns FALSE when the feed has no such trial. */
gboolean     connect_trial_page_set_trial (ConnectTrialPage *self,
                                           const char       *trial_id);

G_END_DECLS
