/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>

#include <glib.h>

#include "connect-feed.h"
#include "connect-trial-stats.h"

static ConnectFeed *
load_feed (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ConnectFeed *feed;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);
  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  return feed;
}

static void
test_latest (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(ConnectTrialStats) stats = connect_trial_stats_new (feed, "impress-test");
  g_autofree char *as_of = NULL;

  g_assert_nonnull (stats);
  g_assert_cmpstr (connect_entity_get_id (CONNECT_ENTITY (stats->trial)), ==, "impress-test");

  /* The feed lists the newest snapshot first: sorted oldest first. */
  g_assert_cmpuint (stats->snapshots->len, ==, 3);
  g_assert_true (stats->latest == g_ptr_array_index (stats->snapshots, 2));
  as_of = g_strdup_printf ("%04d-%02d-%02d",
                           g_date_get_year (connect_snapshot_get_as_of (stats->latest)),
                           g_date_get_month (connect_snapshot_get_as_of (stats->latest)),
                           g_date_get_day (connect_snapshot_get_as_of (stats->latest)));
  g_assert_cmpstr (as_of, ==, "2025-12-31");
  g_assert_cmpint (connect_snapshot_get_screened (g_ptr_array_index (stats->snapshots, 0)), ==, 400);

  g_assert_cmpint (stats->funnel[CONNECT_FUNNEL_SCREENED], ==, 2290);
  g_assert_cmpint (stats->funnel[CONNECT_FUNNEL_DISCUSSED], ==, 1537);
  g_assert_cmpint (stats->funnel[CONNECT_FUNNEL_OFFERED], ==, 400);
  g_assert_cmpint (stats->funnel[CONNECT_FUNNEL_STARTED], ==, 300);
  g_assert_cmpint (stats->funnel[CONNECT_FUNNEL_EVALUABLE], ==, 250);
  g_assert_cmpint (stats->funnel[CONNECT_FUNNEL_DISEASE_CONTROL], ==, 100);
}

static void
test_rates (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(ConnectTrialStats) stats = connect_trial_stats_new (feed, "impress-test");
  g_autofree char *headline = NULL;

  /* Each rate is a share of the step before it. */
  g_assert_cmpfloat (stats->rates[CONNECT_FUNNEL_SCREENED], ==, -1);
  g_assert_cmpfloat_with_epsilon (stats->rates[CONNECT_FUNNEL_DISCUSSED], 100.0 * 1537 / 2290, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->rates[CONNECT_FUNNEL_OFFERED], 100.0 * 400 / 1537, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->rates[CONNECT_FUNNEL_STARTED], 75, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->rates[CONNECT_FUNNEL_EVALUABLE], 100.0 * 250 / 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->rates[CONNECT_FUNNEL_DISEASE_CONTROL], 40, 1e-9);

  headline = connect_trial_stats_format_headline (stats);
  g_assert_cmpstr (headline, ==,
                   "1,537 discussed at the tumour board, 26% offered treatment, 40% disease control");

  g_assert_null (connect_funnel_step_rate_basis (CONNECT_FUNNEL_SCREENED));
  g_assert_cmpstr (connect_funnel_step_rate_basis (CONNECT_FUNNEL_DISEASE_CONTROL), ==,
                   "of evaluable patients");
  g_assert_cmpstr (connect_funnel_step_to_label (CONNECT_FUNNEL_DISCUSSED), ==,
                   "Discussed at the tumour board");
}

static void
test_missing_counts (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(ConnectTrialStats) stats = connect_trial_stats_new (feed, "impress-test");
  ConnectSnapshot *oldest = g_ptr_array_index (stats->snapshots, 0);

  /* The oldest snapshot leaves disease control out: not a zero. */
  g_assert_cmpint (connect_snapshot_get_step (oldest, CONNECT_FUNNEL_DISEASE_CONTROL), ==, -1);
  g_assert_cmpint (connect_snapshot_get_step (oldest, CONNECT_FUNNEL_EVALUABLE), ==, 30);
}

static void
test_no_snapshots (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(ConnectTrialStats) stats = connect_trial_stats_new (feed, "second-test");
  g_autofree char *headline = NULL;
  g_autofree char *design = NULL;

  g_assert_nonnull (stats);
  g_assert_cmpuint (stats->snapshots->len, ==, 0);
  g_assert_null (stats->latest);
  for (guint step = 0; step < CONNECT_N_FUNNEL_STEPS; step++)
    {
      g_assert_cmpint (stats->funnel[step], ==, -1);
      g_assert_cmpfloat (stats->rates[step], ==, -1);
    }
  headline = connect_trial_stats_format_headline (stats);
  g_assert_null (headline);
  design = connect_trial_stats_format_design (stats);
  g_assert_null (design);
  g_assert_null (stats->sponsor);
  g_assert_cmpuint (stats->n_cohorts, ==, 1);
  g_assert_cmpuint (stats->by_status[CONNECT_COHORT_STATUS_CLOSED], ==, 1);
  g_assert_cmpuint (stats->by_stage[CONNECT_COHORT_STAGE_EXPANSION], ==, 1);
  /* No site named: nothing per region. */
  g_assert_cmpuint (stats->sites->len, ==, 0);
}

static void
test_unknown_trial (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");

  g_assert_null (connect_trial_stats_new (feed, "no-such-trial"));
}

static void
test_cohort_counts (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(ConnectTrialStats) stats = connect_trial_stats_new (feed, "impress-test");
  const ConnectLabelCount *item;

  /* The other trial's cohort is not counted. */
  g_assert_cmpuint (stats->n_cohorts, ==, 5);
  g_assert_cmpuint (stats->by_status[CONNECT_COHORT_STATUS_OPEN], ==, 2);
  g_assert_cmpuint (stats->by_status[CONNECT_COHORT_STATUS_CLOSED], ==, 1);
  g_assert_cmpuint (stats->by_status[CONNECT_COHORT_STATUS_PLANNED], ==, 1);
  g_assert_cmpuint (stats->by_status[CONNECT_COHORT_STATUS_EVALUATING], ==, 1);
  g_assert_cmpuint (stats->by_status[CONNECT_COHORT_STATUS_SUSPENDED], ==, 0);
  g_assert_cmpuint (stats->by_stage[CONNECT_COHORT_STAGE_ONE], ==, 3);
  g_assert_cmpuint (stats->by_stage[CONNECT_COHORT_STAGE_TWO], ==, 2);
  g_assert_cmpuint (stats->by_stage[CONNECT_COHORT_STAGE_EXPANSION], ==, 0);
  g_assert_cmpuint (stats->by_status_stage[CONNECT_COHORT_STATUS_OPEN][CONNECT_COHORT_STAGE_ONE], ==, 1);
  g_assert_cmpuint (stats->by_status_stage[CONNECT_COHORT_STATUS_OPEN][CONNECT_COHORT_STAGE_TWO], ==, 1);
  g_assert_cmpuint (stats->by_status_stage[CONNECT_COHORT_STATUS_EVALUATING][CONNECT_COHORT_STAGE_TWO], ==, 1);

  /* Tumour names grouped ignoring case, the most first, then by name. */
  g_assert_cmpuint (stats->by_tumor->len, ==, 4);
  item = g_ptr_array_index (stats->by_tumor, 0);
  g_assert_cmpstr (item->label, ==, "Colorectal cancer");
  g_assert_cmpuint (item->count, ==, 2);
  item = g_ptr_array_index (stats->by_tumor, 1);
  g_assert_cmpstr (item->label, ==, "Any solid tumour");
  g_assert_cmpuint (item->count, ==, 1);
  item = g_ptr_array_index (stats->by_tumor, 3);
  g_assert_cmpstr (item->label, ==, "Non-small cell lung cancer");
}

static void
test_drugs_sites (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(ConnectTrialStats) stats = connect_trial_stats_new (feed, "impress-test");
  g_autofree char *design = NULL;

  g_assert_cmpuint (stats->drugs->len, ==, 4);
  g_assert_cmpstr (connect_drug_get_name (g_ptr_array_index (stats->drugs, 0)), ==, "alectinib");
  g_assert_cmpstr (connect_drug_get_name (g_ptr_array_index (stats->drugs, 3)), ==, "vemurafenib");

  /* Sites named by the trial's cohorts, each once. */
  g_assert_cmpuint (stats->sites->len, ==, 3);
  g_assert_cmpuint (stats->sites_by_region[CONNECT_REGION_SOUTH_EAST], ==, 1);
  g_assert_cmpuint (stats->sites_by_region[CONNECT_REGION_WEST], ==, 1);
  g_assert_cmpuint (stats->sites_by_region[CONNECT_REGION_NORTH], ==, 1);
  g_assert_cmpuint (stats->sites_by_region[CONNECT_REGION_CENTRAL], ==, 0);
  g_assert_cmpuint (stats->n_recruiting_sites, ==, 2);

  g_assert_nonnull (stats->sponsor);
  g_assert_cmpstr (connect_partner_get_name (stats->sponsor), ==, "Oslo University Hospital");

  design = connect_trial_stats_format_design (stats);
  g_assert_cmpstr (design, ==,
                   "Stage 1: 8 patients (at least 1 with benefit) → stage 2: 24 patients; "
                   "expansion from 5 with benefit; benefit evaluated at week 16");
}

static void
test_sample_feed (void)
{
  g_autoptr(GBytes) bytes = connect_feed_get_sample_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectFeed) feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_autoptr(ConnectTrialStats) stats = NULL;
  guint total = 0;

  g_assert_no_error (error);
  stats = connect_trial_stats_new (feed, "impress-norway");
  g_assert_nonnull (stats);
  g_assert_nonnull (stats->latest);
  g_assert_cmpuint (stats->snapshots->len, >=, 2);
  for (guint i = 1; i < stats->snapshots->len; i++)
    g_assert_cmpint (g_date_compare (connect_snapshot_get_as_of (g_ptr_array_index (stats->snapshots, i - 1)),
                                     connect_snapshot_get_as_of (g_ptr_array_index (stats->snapshots, i))), <, 0);
  for (guint s = 0; s < CONNECT_N_COHORT_STATUSES; s++)
    total += stats->by_status[s];
  g_assert_cmpuint (total, ==, stats->n_cohorts);
  total = 0;
  for (guint i = 0; i < stats->by_tumor->len; i++)
    total += ((ConnectLabelCount *) g_ptr_array_index (stats->by_tumor, i))->count;
  g_assert_cmpuint (total, ==, stats->n_cohorts);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/trial-stats/latest", test_latest);
  g_test_add_func ("/connect/trial-stats/rates", test_rates);
  g_test_add_func ("/connect/trial-stats/missing-counts", test_missing_counts);
  g_test_add_func ("/connect/trial-stats/no-snapshots", test_no_snapshots);
  g_test_add_func ("/connect/trial-stats/unknown-trial", test_unknown_trial);
  g_test_add_func ("/connect/trial-stats/cohort-counts", test_cohort_counts);
  g_test_add_func ("/connect/trial-stats/drugs-sites", test_drugs_sites);
  g_test_add_func ("/connect/trial-stats/sample-feed", test_sample_feed);

  return g_test_run ();
}
