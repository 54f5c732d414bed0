/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-feed-gen.h: deterministic, valid feeds of any size, for
 * benchmarks and tests.
 *
 * A feed of @n_cohorts cohorts has partners, sites, drugs, commitments,
 * snapshots and events in proportion (see connect-feed-gen.c), with
 * realistic names and string lengths. The same @seed always gives the
 * same bytes. Every entity is drawn from the seed and its own position
 * only, so feeds of the same seed and size differ in exactly the changed
 * cohorts: with @change_percent P, about P % of the cohorts (chosen by the
 * seed) get another status, one more enrolled patient and a new `updated`
 * time. The feed is compact JSON (no white space) and validates without
 * warnings.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint n_trials;
  guint n_partners;
  guint n_sites;
  guint n_drugs;
  guint n_cohorts;
  guint n_commitments;
  guint n_snapshots;
  guint n_events;
  guint n_changed;    /* cohorts altered by change_percent */
} ConnectFeedGenCounts;

/* The feed as bytes. @out_counts (nullable) receives what it holds. */
GBytes *connect_feed_gen_generate (guint                 n_cohorts,
                                   guint64               seed,
                                   guint                 change_percent,
                                   ConnectFeedGenCounts *out_counts);

/* The id of the cohort at @position ("IMP-000042"). (transfer full) */
char   *connect_feed_gen_cohort_id (guint position);

G_END_DECLS
