/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cohort-detail.h: everything the feed knows about one cohort. */
#pragma once

#include <adwaita.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_COHORT_DETAIL (connect_cohort_detail_get_type ())
G_DECLARE_FINAL_TYPE (ConnectCohortDetail, connect_cohort_detail, CONNECT, COHORT_DETAIL, AdwBin)

GtkWidget     *connect_cohort_detail_new        (void);

ConnectCohort *connect_cohort_detail_get_cohort (ConnectCohortDetail *self);
/* Shows @cohort of @feed; %NULL shows the "no cohort selected" state. */
void           connect_cohort_detail_set_cohort (ConnectCohortDetail *self,
                                                 ConnectFeed         *feed,
                                                 ConnectCohort       *cohort);
/* Whether the detail is a page of its own (shows a back button). */
void           connect_cohort_detail_set_folded (ConnectCohortDetail *self,
                                                 gboolean             folded);
/* Moves the keyboard focus into the detail. */
void           connect_cohort_detail_focus      (ConnectCohortDetail *self);

/* A plain-text summary of the cohort for a referral letter or an e-mail.
 * (transfer full) */
char          *connect_cohort_detail_build_summary (ConnectFeed   *feed,
                                                    ConnectCohort *cohort);

G_END_DECLS
