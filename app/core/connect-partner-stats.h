/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-partner-stats.h: what one partner brings to the trials.
 *
 * A partner's drugs are the drugs it supplies (drug.supplier) and the drugs
 * of its commitments. Its cohorts are the cohorts that use one of its drugs
 * or that one of its commitments names. Its sites are the sites it runs
 * (site.partner), and the cohorts at its sites are counted apart.
 */
#pragma once

#include "connect-feed.h"

G_BEGIN_DECLS

typedef struct
{
  ConnectPartner *partner;       /* (owned) */
  GPtrArray      *drugs;         /* (element-type ConnectDrug) by name */
  GPtrArray      *commitments;   /* (element-type ConnectCommitment) feed order */
  GPtrArray      *cohorts;       /* (element-type ConnectCohort) feed order */
  guint           n_open;        /* cohorts with status open */
  guint           n_closed;      /* cohorts with status closed */
  GPtrArray      *sites;         /* (element-type ConnectSite) by name */
  guint           n_site_cohorts; /* cohorts that name one of its sites */
  GPtrArray      *sponsored;     /* (element-type ConnectTrial) trials it sponsors */
  /* Totals over its commitments that give them (others count as 0). */
  gint64          slots;
  gint64          used;
  gint64          reserved;
} ConnectPartnerStats;

ConnectPartnerStats *connect_partner_stats_new  (ConnectFeed         *feed,
                                                 const char          *partner_id);
void                 connect_partner_stats_free (ConnectPartnerStats *stats);

/* "Its drugs are in 9 cohorts, 6 open", "None of its drugs is in a
 * cohort" (translated, plural-aware); NULL when the partner has no drugs. */
char                *connect_partner_stats_format_cohorts (ConnectPartnerStats *stats);
/* "3 sites, 12 cohorts at them"; NULL when the partner has no sites. */
char                *connect_partner_stats_format_sites   (ConnectPartnerStats *stats);
/* "Sponsor of IMPRESS-Norway" (names joined by ", "); NULL when it
 * sponsors no trial. */
char                *connect_partner_stats_format_sponsor (ConnectPartnerStats *stats);
/* "40 of 96 committed slots used, 6 reserved"; NULL without commitments. */
char                *connect_partner_stats_format_slots   (ConnectPartnerStats *stats);

/* Partners grouped by kind: kinds in enum order (UNKNOWN and NONE last),
 * partners by name within a kind; (element-type ConnectPartner)
 * (transfer container). */
GPtrArray           *connect_partners_sorted_by_kind      (ConnectFeed         *feed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectPartnerStats, connect_partner_stats_free)

G_END_DECLS
