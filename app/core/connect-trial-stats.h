/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-trial-stats.h: the status of one trial, as the Trial view shows it.
 *
 * Rates are percentages of the step before in the screening → benefit
 * funnel, each with its own denominator:
 *   discussed        discussed / screened   (cases the molecular tumour
 *                                            board discussed)
 *   offered          offered / discussed    (offered a drug in a cohort)
 *   started          started / offered      (started treatment)
 *   evaluable        evaluable / started    (reached the evaluation week)
 *   disease control  disease_control / evaluable (benefit: complete or
 *                                            partial response or stable
 *                                            disease at the evaluation week)
 * A rate is -1 when its numerator or denominator is not given or the
 * denominator is 0.
 */
#pragma once

#include "connect-feed.h"

G_BEGIN_DECLS

typedef enum
{
  CONNECT_FUNNEL_SCREENED,
  CONNECT_FUNNEL_DISCUSSED,
  CONNECT_FUNNEL_OFFERED,
  CONNECT_FUNNEL_STARTED,
  CONNECT_FUNNEL_EVALUABLE,
  CONNECT_FUNNEL_DISEASE_CONTROL,
} ConnectFunnelStep;

#define CONNECT_N_FUNNEL_STEPS 6
/* Sizes of the count arrays, indexed by the enum values. */
#define CONNECT_N_COHORT_STATUSES (CONNECT_COHORT_STATUS_CLOSED + 1)
#define CONNECT_N_COHORT_STAGES   (CONNECT_COHORT_STAGE_EXPANSION + 1)
#define CONNECT_N_REGIONS         (CONNECT_REGION_NORTH + 1)

/* A label and how many: one tumour type with its cohorts. */
typedef struct
{
  char  *label;
  guint  count;
} ConnectLabelCount;

typedef struct
{
  ConnectTrial    *trial;      /* (owned) */
  /* (element-type ConnectSnapshot) this trial's, oldest first */
  GPtrArray       *snapshots;
  /* (nullable) the newest snapshot (transfer none: in @snapshots) */
  ConnectSnapshot *latest;
  /* The latest snapshot's counts (-1 when not given) and rates (-1 when
   * not computable), indexed by ConnectFunnelStep; the rate of SCREENED
   * is always -1. */
  gint64           funnel[CONNECT_N_FUNNEL_STEPS];
  double           rates[CONNECT_N_FUNNEL_STEPS];

  guint            n_cohorts;
  guint            by_status[CONNECT_N_COHORT_STATUSES];
  guint            by_stage[CONNECT_N_COHORT_STAGES];
  /* cohorts by status (rows) and stage (columns) */
  guint            by_status_stage[CONNECT_N_COHORT_STATUSES][CONNECT_N_COHORT_STAGES];
  /* (element-type ConnectLabelCount) cohorts per tumour type, the most
   * first, then by name; tumour-agnostic cohorts under their own name */
  GPtrArray       *by_tumor;
  /* (element-type ConnectDrug) drugs of the trial's cohorts, by name */
  GPtrArray       *drugs;
  /* (element-type ConnectSite) sites named by the trial's cohorts, by name */
  GPtrArray       *sites;
  guint            sites_by_region[CONNECT_N_REGIONS];
  guint            n_recruiting_sites;
  /* (nullable) the sponsor, when the feed has it (transfer none) */
  ConnectPartner  *sponsor;
} ConnectTrialStats;

/* Computes the statistics of trial @trial_id, or returns %NULL when the
 * feed has no such trial. */
ConnectTrialStats *connect_trial_stats_new        (ConnectFeed       *feed,
                                                   const char        *trial_id);
void               connect_trial_stats_free       (ConnectTrialStats *stats);

/* The count of a funnel step in a snapshot (-1 when not given). */
gint64             connect_snapshot_get_step      (ConnectSnapshot   *snapshot,
                                                   ConnectFunnelStep  step);
/* "Screened", "Discussed at the tumour board", ... (translated) */
const char        *connect_funnel_step_to_label   (ConnectFunnelStep  step);
/* What a rate is relative to: "of screened", "of discussed", ...
 * (translated); NULL for SCREENED. */
const char        *connect_funnel_step_rate_basis (ConnectFunnelStep  step);

/* The headline of the trial, in words: "1,760 discussed at the tumour
 * board, 42% offered treatment, 40% disease control" (translated; NULL
 * without a snapshot). */
char              *connect_trial_stats_format_headline (ConnectTrialStats *stats);

/* The design in words: "8 patients in stage 1 (at least 1 with benefit),
 * 24 in stage 2, expansion from 5 with benefit; evaluated at week 16"
 * (NULL without a design). */
char              *connect_trial_stats_format_design   (ConnectTrialStats *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectTrialStats, connect_trial_stats_free)

G_END_DECLS
