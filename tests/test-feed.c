/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-feed.c: the feed parser and validator, and the entity model. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "connect-error.h"
#include "connect-feed.h"

static char *
feed_path (const char *name)
{
  const char *dir = g_getenv ("CONNECT_TEST_FEEDS");

  g_assert_nonnull (dir);

  return g_build_filename (dir, name, NULL);
}

static GBytes *
read_feed_bytes (const char *name)
{
  g_autofree char *path = feed_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static ConnectFeed *
parse_string (const char    *text,
              ConnectIssue **out_issue,
              GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return connect_feed_new_from_bytes (bytes, 0, out_issue, error);
}

static ConnectFeed *
load_valid (const char *name)
{
  g_autoptr(GBytes) bytes = read_feed_bytes (name);
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  ConnectFeed *feed;

  feed = connect_feed_new_from_bytes (bytes, 0, &issue, &error);
  g_assert_no_error (error);
  g_assert_null (issue);
  g_assert_true (CONNECT_IS_FEED (feed));

  return feed;
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_nonnull (date);
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
assert_strv (const char * const *strv,
             const char         *joined)
{
  g_autofree char *str = NULL;

  g_assert_nonnull (strv);
  str = g_strjoinv (",", (char **) strv);
  g_assert_cmpstr (str, ==, joined);
}

static void
assert_timestamp (GDateTime  *dt,
                  const char *utc_iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (dt);
  utc = g_date_time_to_utc (dt);
  text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  g_assert_cmpstr (text, ==, utc_iso);
}

/* Every property of every entity can be read without a warning, and the
 * strings agree with the getters through the property. */
static void
check_all_properties (ConnectFeed *feed)
{
  for (guint kind = 0; kind < CONNECT_N_ENTITY_KINDS; kind++)
    {
      GListModel *model = connect_feed_get_entities (feed, kind);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(ConnectEntity) entity = g_list_model_get_item (model, i);
          g_autofree GParamSpec **pspecs = NULL;
          guint n_pspecs;

          g_assert_cmpint (connect_entity_get_kind (entity), ==, kind);
          g_assert_cmpuint (connect_entity_get_index (entity), ==, i);

          pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity), &n_pspecs);
          g_assert_cmpuint (n_pspecs, >, 3);

          for (guint j = 0; j < n_pspecs; j++)
            {
              g_auto(GValue) value = G_VALUE_INIT;

              g_assert_true (pspecs[j]->flags & G_PARAM_READABLE);
              g_assert_false (pspecs[j]->flags & G_PARAM_WRITABLE);

              g_value_init (&value, pspecs[j]->value_type);
              g_object_get_property (G_OBJECT (entity), pspecs[j]->name, &value);
            }
        }
    }
}

/* The base feed: every getter */

static void
test_base_header (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("base.json");
  g_autoptr(GBytes) bytes = read_feed_bytes ("base.json");
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  g_assert_cmpint (connect_feed_get_version (feed), ==, 1);
  assert_timestamp (connect_feed_get_generated_at (feed), "2026-11-20T08:00:00");
  g_assert_cmpstr (connect_feed_get_publisher_name (feed), ==, "CONNECT test publisher");
  g_assert_cmpstr (connect_feed_get_publisher_url (feed), ==, "https://feed.example.org/");
  g_assert_cmpstr (connect_feed_get_publisher_contact (feed), ==, "feed@example.org");
  g_assert_cmpstr (connect_feed_get_checksum (feed), ==, sha);
  g_assert_cmpuint (strlen (connect_feed_get_checksum (feed)), ==, 64);
  g_assert_cmpuint (connect_feed_get_size (feed), ==, g_bytes_get_size (bytes));
  g_assert_cmpuint (connect_feed_get_warnings (feed)->len, ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_trials (feed)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_partners (feed)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_sites (feed)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_drugs (feed)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_cohorts (feed)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_commitments (feed)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_snapshots (feed)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_events (feed)), ==, 4);

  g_assert_true (g_list_model_get_item_type (connect_feed_get_cohorts (feed)) == CONNECT_TYPE_COHORT);
  g_assert_true (g_list_model_get_item_type (connect_feed_get_events (feed)) == CONNECT_TYPE_EVENT);
  g_assert_true (connect_feed_get_entities (feed, CONNECT_ENTITY_KIND_SITE) == connect_feed_get_sites (feed));
  g_assert_null (g_list_model_get_item (connect_feed_get_trials (feed), 2));

  check_all_properties (feed);
}

static void
test_base_trials (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("base.json");
  ConnectTrial *trial = connect_feed_lookup_trial (feed, "impress");
  ConnectTrial *bare = connect_feed_lookup_trial (feed, "bare-trial");
  g_autoptr(ConnectTrial) first = g_list_model_get_item (connect_feed_get_trials (feed), 0);
  g_autofree char *name = NULL;
  ConnectTrialStatus status;

  g_assert_nonnull (trial);
  g_assert_true (trial == first);
  g_assert_true ((ConnectEntity *) trial == connect_feed_lookup (feed, CONNECT_ENTITY_KIND_TRIAL, "impress"));
  g_assert_cmpstr (connect_entity_get_id (CONNECT_ENTITY (trial)), ==, "impress");
  g_assert_cmpint (connect_entity_get_kind (CONNECT_ENTITY (trial)), ==, CONNECT_ENTITY_KIND_TRIAL);
  g_assert_cmpstr (connect_trial_get_name (trial), ==, "IMPRESS-Norway");
  g_assert_cmpstr (connect_trial_get_title (trial), ==, "Improving Public Cancer Care by Implementing Precision Medicine in Norway");
  g_assert_cmpstr (connect_trial_get_nct (trial), ==, "NCT04817956");
  g_assert_cmpstr (connect_trial_get_eudract (trial), ==, "2020-004414-35");
  g_assert_cmpstr (connect_trial_get_sponsor (trial), ==, "ous");
  g_assert_cmpint (connect_trial_get_status (trial), ==, CONNECT_TRIAL_STATUS_RECRUITING);
  g_assert_cmpstr (connect_trial_get_url (trial), ==, "https://clinicaltrials.gov/study/NCT04817956");
  assert_date (connect_trial_get_started (trial), 2021, 4, 6);
  g_assert_true (connect_trial_has_design (trial));
  g_assert_cmpint (connect_trial_get_stage1_patients (trial), ==, 8);
  g_assert_cmpint (connect_trial_get_stage1_min_benefit (trial), ==, 1);
  g_assert_cmpint (connect_trial_get_stage2_patients (trial), ==, 24);
  g_assert_cmpint (connect_trial_get_expansion_min_benefit (trial), ==, 5);
  g_assert_cmpint (connect_trial_get_evaluation_week (trial), ==, 16);

  g_object_get (trial, "name", &name, "status", &status, NULL);
  g_assert_cmpstr (name, ==, "IMPRESS-Norway");
  g_assert_cmpint (status, ==, CONNECT_TRIAL_STATUS_RECRUITING);

  g_assert_nonnull (bare);
  g_assert_cmpuint (connect_entity_get_index (CONNECT_ENTITY (bare)), ==, 1);
  g_assert_cmpstr (connect_trial_get_name (bare), ==, "Bare trial");
  g_assert_null (connect_trial_get_title (bare));
  g_assert_null (connect_trial_get_nct (bare));
  g_assert_null (connect_trial_get_eudract (bare));
  g_assert_null (connect_trial_get_sponsor (bare));
  g_assert_cmpint (connect_trial_get_status (bare), ==, CONNECT_TRIAL_STATUS_NONE);
  g_assert_null (connect_trial_get_url (bare));
  g_assert_null (connect_trial_get_started (bare));
  g_assert_false (connect_trial_has_design (bare));
  g_assert_cmpint (connect_trial_get_stage1_patients (bare), ==, -1);
  g_assert_cmpint (connect_trial_get_evaluation_week (bare), ==, -1);

  g_assert_null (connect_feed_lookup_trial (feed, "nope"));
}

static void
test_base_partners_sites_drugs (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("base.json");
  ConnectPartner *ous = connect_feed_lookup_partner (feed, "ous");
  ConnectPartner *roche = connect_feed_lookup_partner (feed, "roche");
  ConnectPartner *bare_partner = connect_feed_lookup_partner (feed, "bare-partner");
  ConnectSite *radium = connect_feed_lookup_site (feed, "radium");
  ConnectSite *unn = connect_feed_lookup_site (feed, "unn");
  ConnectSite *bare_site = connect_feed_lookup_site (feed, "bare-site");
  ConnectDrug *vem = connect_feed_lookup_drug (feed, "vemurafenib");
  ConnectDrug *cobi = connect_feed_lookup_drug (feed, "cobimetinib");
  ConnectDrug *entr = connect_feed_lookup_drug (feed, "entrectinib");
  g_autoptr(GDate) joined = NULL;
  g_auto(GStrv) targets = NULL;
  ConnectRegion region;
  int recruiting;

  g_assert_cmpstr (connect_partner_get_name (ous), ==, "Oslo University Hospital");
  g_assert_cmpint (connect_partner_get_kind (ous), ==, CONNECT_PARTNER_KIND_UNIVERSITY_HOSPITAL);
  g_assert_cmpint (connect_partner_get_membership (ous), ==, CONNECT_MEMBERSHIP_MEMBER);
  assert_date (connect_partner_get_joined (ous), 2020, 5, 14);
  g_assert_cmpstr (connect_partner_get_country (ous), ==, "NO");
  g_assert_cmpstr (connect_partner_get_url (ous), ==, "https://www.oslo-universitetssykehus.no");
  g_object_get (ous, "joined", &joined, NULL);
  assert_date (joined, 2020, 5, 14);

  g_assert_cmpint (connect_partner_get_kind (roche), ==, CONNECT_PARTNER_KIND_INDUSTRY);
  g_assert_cmpint (connect_partner_get_membership (roche), ==, CONNECT_MEMBERSHIP_OBSERVER);
  g_assert_null (connect_partner_get_joined (roche));
  g_assert_null (connect_partner_get_url (roche));
  /* repeated strings are stored once */
  g_assert_true (connect_partner_get_country (roche) == connect_partner_get_country (ous));

  g_assert_cmpstr (connect_partner_get_name (bare_partner), ==, "Bare partner");
  g_assert_cmpint (connect_partner_get_kind (bare_partner), ==, CONNECT_PARTNER_KIND_NONE);
  g_assert_cmpint (connect_partner_get_membership (bare_partner), ==, CONNECT_MEMBERSHIP_NONE);
  g_assert_null (connect_partner_get_country (bare_partner));

  g_assert_cmpstr (connect_site_get_name (radium), ==, "The Norwegian Radium Hospital");
  g_assert_cmpstr (connect_site_get_partner (radium), ==, "ous");
  g_assert_cmpstr (connect_site_get_city (radium), ==, "Oslo");
  g_assert_cmpint (connect_site_get_region (radium), ==, CONNECT_REGION_SOUTH_EAST);
  g_assert_cmpint (connect_site_get_recruiting (radium), ==, 1);
  g_assert_cmpstr (connect_site_get_city (unn), ==, "Tromsø");
  g_assert_null (connect_site_get_partner (unn));
  g_assert_cmpint (connect_site_get_region (unn), ==, CONNECT_REGION_NORTH);
  g_assert_cmpint (connect_site_get_recruiting (unn), ==, 0);
  g_assert_cmpint (connect_site_get_recruiting (bare_site), ==, -1);
  g_assert_cmpint (connect_site_get_region (bare_site), ==, CONNECT_REGION_NONE);
  g_assert_null (connect_site_get_city (bare_site));
  g_object_get (unn, "region", &region, "recruiting", &recruiting, NULL);
  g_assert_cmpint (region, ==, CONNECT_REGION_NORTH);
  g_assert_cmpint (recruiting, ==, 0);

  g_assert_cmpstr (connect_drug_get_name (vem), ==, "vemurafenib");
  assert_strv (connect_drug_get_brands (vem), "Zelboraf");
  g_assert_cmpstr (connect_drug_get_supplier (vem), ==, "roche");
  assert_strv (connect_drug_get_targets (vem), "BRAF");
  g_assert_cmpstr (connect_drug_get_atc (vem), ==, "L01EC01");
  assert_strv (connect_drug_get_targets (cobi), "MAP2K1,MAP2K2");
  g_object_get (cobi, "targets", &targets, NULL);
  g_assert_cmpuint (g_strv_length (targets), ==, 2);
  g_assert_cmpstr (targets[1], ==, "MAP2K2");
  /* absent arrays are empty, not NULL */
  assert_strv (connect_drug_get_brands (entr), "");
  assert_strv (connect_drug_get_targets (entr), "");
  g_assert_null (connect_drug_get_supplier (entr));
  g_assert_null (connect_drug_get_atc (entr));
}

static void
test_base_cohorts (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("base.json");
  ConnectCohort *c1 = connect_feed_lookup_cohort (feed, "IMP-001");
  ConnectCohort *c2 = connect_feed_lookup_cohort (feed, "IMP-002");
  ConnectCohort *c3 = connect_feed_lookup_cohort (feed, "IMP-003");
  g_autoptr(GDateTime) updated = NULL;
  g_auto(GStrv) drugs = NULL;
  gint64 with_benefit = 0;
  ConnectCohortStage stage;
  g_autofree char *id = NULL;
  guint idx;
  ConnectEntityKind entity_kind;

  g_assert_cmpstr (connect_cohort_get_trial (c1), ==, "impress");
  g_assert_cmpstr (connect_cohort_get_name (c1), ==, "Colorectal cancer, BRAF V600E, vemurafenib + cobimetinib");
  assert_strv (connect_cohort_get_drugs (c1), "vemurafenib,cobimetinib");
  g_assert_cmpstr (connect_cohort_get_tumor_name (c1), ==, "Colorectal cancer");
  g_assert_cmpstr (connect_cohort_get_tumor_code (c1), ==, "COADREAD");
  g_assert_false (connect_cohort_get_tumor_agnostic (c1));
  assert_strv (connect_cohort_get_genes (c1), "BRAF");
  g_assert_cmpint (connect_cohort_get_alteration (c1), ==, CONNECT_ALTERATION_MUTATION);
  g_assert_cmpstr (connect_cohort_get_variant (c1), ==, "V600E");
  g_assert_cmpstr (connect_cohort_get_biomarker_description (c1), ==, "BRAF V600E, microsatellite stable");
  g_assert_cmpint (connect_cohort_get_status (c1), ==, CONNECT_COHORT_STATUS_OPEN);
  g_assert_cmpint (connect_cohort_get_stage (c1), ==, CONNECT_COHORT_STAGE_TWO);
  g_assert_cmpint (connect_cohort_get_outcome (c1), ==, CONNECT_OUTCOME_NONE);
  g_assert_cmpint (connect_cohort_get_enrolled (c1), ==, 14);
  g_assert_cmpint (connect_cohort_get_target (c1), ==, 24);
  g_assert_cmpint (connect_cohort_get_evaluable (c1), ==, 11);
  g_assert_cmpint (connect_cohort_get_with_benefit (c1), ==, 4);
  assert_strv (connect_cohort_get_sites (c1), "radium,unn");
  assert_date (connect_cohort_get_opened (c1), 2021, 9, 6);
  g_assert_null (connect_cohort_get_closed (c1));
  assert_date (connect_cohort_get_status_changed (c1), 2022, 10, 17);
  g_assert_cmpstr (connect_cohort_get_contact (c1), ==, "impress@example.org");
  g_assert_cmpstr (connect_cohort_get_notes (c1), ==, "Sequenced tumour tissue needed.");
  assert_timestamp (connect_cohort_get_updated (c1), "2026-11-03T08:07:00");
  g_assert_cmpint (g_date_time_get_utc_offset (connect_cohort_get_updated (c1)), ==, G_TIME_SPAN_HOUR);

  g_object_get (c1,
                "id", &id,
                "index", &idx,
                "entity-kind", &entity_kind,
                "updated", &updated,
                "drugs", &drugs,
                "with-benefit", &with_benefit,
                "stage", &stage,
                NULL);
  g_assert_cmpstr (id, ==, "IMP-001");
  g_assert_cmpuint (idx, ==, 0);
  g_assert_cmpint (entity_kind, ==, CONNECT_ENTITY_KIND_COHORT);
  g_assert_true (g_date_time_equal (updated, connect_cohort_get_updated (c1)));
  g_assert_cmpstr (drugs[0], ==, "vemurafenib");
  g_assert_cmpint (with_benefit, ==, 4);
  g_assert_cmpint (stage, ==, CONNECT_COHORT_STAGE_TWO);

  /* the minimal cohort: only the required members */
  g_assert_null (connect_cohort_get_name (c2));
  g_assert_true (connect_cohort_get_tumor_agnostic (c2));
  g_assert_null (connect_cohort_get_tumor_code (c2));
  assert_strv (connect_cohort_get_genes (c2), "MAP2K1,MAP2K2");
  g_assert_cmpint (connect_cohort_get_alteration (c2), ==, CONNECT_ALTERATION_NONE);
  g_assert_null (connect_cohort_get_variant (c2));
  g_assert_null (connect_cohort_get_biomarker_description (c2));
  g_assert_cmpint (connect_cohort_get_status (c2), ==, CONNECT_COHORT_STATUS_PLANNED);
  g_assert_cmpint (connect_cohort_get_stage (c2), ==, CONNECT_COHORT_STAGE_ONE);
  g_assert_cmpint (connect_cohort_get_enrolled (c2), ==, -1);
  g_assert_cmpint (connect_cohort_get_target (c2), ==, -1);
  g_assert_cmpint (connect_cohort_get_evaluable (c2), ==, -1);
  g_assert_cmpint (connect_cohort_get_with_benefit (c2), ==, -1);
  assert_strv (connect_cohort_get_sites (c2), "");
  g_assert_null (connect_cohort_get_opened (c2));
  g_assert_null (connect_cohort_get_status_changed (c2));
  g_assert_null (connect_cohort_get_contact (c2));
  g_assert_null (connect_cohort_get_notes (c2));
  g_assert_null (connect_cohort_get_updated (c2));

  g_assert_cmpint (connect_cohort_get_status (c3), ==, CONNECT_COHORT_STATUS_CLOSED);
  g_assert_cmpint (connect_cohort_get_stage (c3), ==, CONNECT_COHORT_STAGE_EXPANSION);
  g_assert_cmpint (connect_cohort_get_outcome (c3), ==, CONNECT_OUTCOME_NO_BENEFIT);
  g_assert_cmpint (connect_cohort_get_alteration (c3), ==, CONNECT_ALTERATION_FUSION);
  g_assert_cmpint (connect_cohort_get_with_benefit (c3), ==, 0);
  assert_date (connect_cohort_get_closed (c3), 2024, 2, 29);

  /* ids and repeated values share storage */
  g_assert_true (connect_cohort_get_trial (c1) == connect_cohort_get_trial (c3));
  g_assert_true (connect_cohort_get_drugs (c1)[1] == connect_cohort_get_drugs (c2)[0]);
}

static void
test_base_commitments_snapshots_events (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("base.json");
  ConnectCommitment *vem = connect_feed_lookup_commitment (feed, "roche-vem");
  ConnectCommitment *cobi = connect_feed_lookup_commitment (feed, "roche-cobi");
  ConnectCommitment *entr = connect_feed_lookup_commitment (feed, "entrectinib-supply");
  g_autoptr(ConnectSnapshot) snap = g_list_model_get_item (connect_feed_get_snapshots (feed), 0);
  g_autoptr(ConnectSnapshot) snap2 = g_list_model_get_item (connect_feed_get_snapshots (feed), 1);
  g_autoptr(ConnectEvent) event = g_list_model_get_item (connect_feed_get_events (feed), 0);
  g_autoptr(ConnectEvent) event2 = g_list_model_get_item (connect_feed_get_events (feed), 3);

  g_assert_cmpstr (connect_commitment_get_partner (vem), ==, "roche");
  g_assert_cmpstr (connect_commitment_get_drug (vem), ==, "vemurafenib");
  g_assert_cmpstr (connect_commitment_get_trial (vem), ==, "impress");
  assert_strv (connect_commitment_get_cohorts (vem), "IMP-001");
  g_assert_cmpint (connect_commitment_get_kind (vem), ==, CONNECT_COMMITMENT_KIND_FREE_DRUG_FIRST_16_WEEKS);
  g_assert_cmpint (connect_commitment_get_slots (vem), ==, 24);
  g_assert_cmpint (connect_commitment_get_used (vem), ==, 14);
  g_assert_cmpint (connect_commitment_get_reserved (vem), ==, 2);
  g_assert_cmpint (connect_commitment_get_payer_after_week16 (vem), ==, CONNECT_PAYER_REGIONAL_HEALTH_AUTHORITY);
  assert_date (connect_commitment_get_valid_from (vem), 2021, 6, 1);
  assert_date (connect_commitment_get_valid_until (vem), 2027, 1, 31);
  g_assert_cmpint (connect_commitment_get_state (vem), ==, CONNECT_COMMITMENT_STATE_ACTIVE);
  g_assert_cmpstr (connect_commitment_get_announced (vem), ==, "https://example.org/news/roche");
  g_assert_cmpstr (connect_commitment_get_notes (vem), ==, "Renewal not yet agreed.");

  assert_strv (connect_commitment_get_cohorts (cobi), "");
  g_assert_cmpint (connect_commitment_get_kind (cobi), ==, CONNECT_COMMITMENT_KIND_NONE);
  g_assert_cmpint (connect_commitment_get_slots (cobi), ==, 16);
  g_assert_cmpint (connect_commitment_get_used (cobi), ==, -1);
  g_assert_cmpint (connect_commitment_get_reserved (cobi), ==, -1);
  g_assert_cmpint (connect_commitment_get_payer_after_week16 (cobi), ==, CONNECT_PAYER_NONE);
  g_assert_null (connect_commitment_get_valid_from (cobi));
  g_assert_null (connect_commitment_get_valid_until (cobi));
  g_assert_cmpint (connect_commitment_get_state (cobi), ==, CONNECT_COMMITMENT_STATE_NONE);
  g_assert_null (connect_commitment_get_announced (cobi));
  g_assert_null (connect_commitment_get_notes (cobi));
  g_assert_cmpint (connect_commitment_get_payer_after_week16 (entr), ==, CONNECT_PAYER_NOBODY);
  g_assert_cmpint (connect_commitment_get_state (entr), ==, CONNECT_COMMITMENT_STATE_EXHAUSTED);

  g_assert_null (connect_entity_get_id (CONNECT_ENTITY (snap)));
  g_assert_cmpstr (connect_snapshot_get_trial (snap), ==, "impress");
  assert_date (connect_snapshot_get_as_of (snap), 2021, 12, 31);
  g_assert_cmpint (connect_snapshot_get_screened (snap), ==, 310);
  g_assert_cmpint (connect_snapshot_get_discussed (snap), ==, 205);
  g_assert_cmpint (connect_snapshot_get_offered (snap), ==, 64);
  g_assert_cmpint (connect_snapshot_get_started (snap), ==, 38);
  g_assert_cmpint (connect_snapshot_get_evaluable (snap), ==, 21);
  g_assert_cmpint (connect_snapshot_get_disease_control (snap), ==, 9);
  g_assert_cmpuint (connect_entity_get_index (CONNECT_ENTITY (snap2)), ==, 1);
  g_assert_cmpint (connect_snapshot_get_screened (snap2), ==, -1);
  g_assert_cmpint (connect_snapshot_get_disease_control (snap2), ==, -1);
  g_assert_null (connect_feed_lookup (feed, CONNECT_ENTITY_KIND_SNAPSHOT, "impress"));

  g_assert_null (connect_entity_get_id (CONNECT_ENTITY (event)));
  g_assert_cmpstr (connect_event_get_cohort (event), ==, "IMP-001");
  assert_timestamp (connect_event_get_at (event), "2022-10-17T08:00:00");
  g_assert_cmpint (connect_event_get_to (event), ==, CONNECT_COHORT_STATUS_OPEN);
  g_assert_cmpint (connect_event_get_from (event), ==, CONNECT_COHORT_STATUS_EVALUATING);
  g_assert_cmpint (connect_event_get_stage (event), ==, CONNECT_COHORT_STAGE_TWO);
  g_assert_cmpstr (connect_event_get_reason (event), ==, "Stage 1 met its goal");
  g_assert_cmpint (connect_event_get_from (event2), ==, CONNECT_COHORT_STATUS_NONE);
  g_assert_cmpint (connect_event_get_stage (event2), ==, CONNECT_COHORT_STAGE_NONE);
  g_assert_null (connect_event_get_reason (event2));
  g_assert_cmpint (g_date_time_get_microsecond (connect_event_get_at (event2)), ==, 250000);
}

static void
test_relations (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("base.json");
  GPtrArray *events, *commitments;

  /* events of a cohort, oldest first */
  events = connect_feed_get_cohort_events (feed, "IMP-001");
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpuint (connect_entity_get_index (g_ptr_array_index (events, 0)), ==, 1);
  g_assert_cmpuint (connect_entity_get_index (g_ptr_array_index (events, 1)), ==, 3);
  g_assert_cmpuint (connect_entity_get_index (g_ptr_array_index (events, 2)), ==, 0);
  g_assert_cmpuint (connect_feed_get_cohort_events (feed, "IMP-003")->len, ==, 1);
  g_assert_cmpuint (connect_feed_get_cohort_events (feed, "IMP-002")->len, ==, 0);
  g_assert_cmpuint (connect_feed_get_cohort_events (feed, "no-such-cohort")->len, ==, 0);

  /* named commitments win over ones for a drug of the cohort */
  commitments = connect_feed_get_cohort_commitments (feed, "IMP-001");
  g_assert_cmpuint (commitments->len, ==, 1);
  g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (commitments, 0)), ==, "roche-vem");

  commitments = connect_feed_get_cohort_commitments (feed, "IMP-002");
  g_assert_cmpuint (commitments->len, ==, 1);
  g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (commitments, 0)), ==, "roche-cobi");

  commitments = connect_feed_get_cohort_commitments (feed, "IMP-003");
  g_assert_cmpuint (commitments->len, ==, 1);
  g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (commitments, 0)), ==, "entrectinib-supply");

  g_assert_cmpuint (connect_feed_get_cohort_commitments (feed, "nope")->len, ==, 0);
}

static void
test_relations_multi_drug (void)
{
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *commitments;

  feed = parse_string ("{\"format\":\"connect-feed\",\"version\":1,"
                       "\"generated_at\":\"2026-11-20T08:00:00Z\","
                       "\"partners\":[{\"id\":\"p\",\"name\":\"P\"}],"
                       "\"trials\":[{\"id\":\"t\",\"name\":\"T\"},{\"id\":\"u\",\"name\":\"U\"}],"
                       "\"drugs\":[{\"id\":\"a\",\"name\":\"a\"},{\"id\":\"b\",\"name\":\"b\"}],"
                       "\"cohorts\":[{\"id\":\"C1\",\"trial\":\"t\",\"drugs\":[\"a\",\"b\"],"
                       "\"tumor\":{\"name\":\"x\"},\"biomarker\":{\"genes\":[\"G\"]},\"status\":\"open\"}],"
                       "\"commitments\":["
                       "{\"id\":\"k1\",\"partner\":\"p\",\"drug\":\"a\",\"trial\":\"t\",\"slots\":1},"
                       "{\"id\":\"k2\",\"partner\":\"p\",\"drug\":\"b\",\"trial\":\"t\",\"slots\":1},"
                       "{\"id\":\"k3\",\"partner\":\"p\",\"drug\":\"a\",\"trial\":\"u\",\"slots\":1}]}",
                       NULL, &error);
  g_assert_no_error (error);

  commitments = connect_feed_get_cohort_commitments (feed, "C1");
  g_assert_cmpuint (commitments->len, ==, 2);
  g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (commitments, 0)), ==, "k1");
  g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (commitments, 1)), ==, "k2");
}

/* Rejected feeds, from tests/feeds/invalid/expectations.txt */

typedef struct
{
  char *file;
  char *place;
  char *phrase;
} Expectation;

static void
expectation_free (gpointer data)
{
  Expectation *e = data;

  g_free (e->file);
  g_free (e->place);
  g_free (e->phrase);
  g_free (e);
}

static void
test_invalid (gconstpointer data)
{
  const Expectation *e = data;
  g_autofree char *name = g_build_filename ("invalid", e->file, NULL);
  g_autoptr(GBytes) bytes = read_feed_bytes (name);
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectFeed) feed = NULL;
  g_autofree char *text = NULL;

  feed = connect_feed_new_from_bytes (bytes, 0, &issue, &error);
  g_assert_null (feed);
  g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_INVALID_FEED);
  g_assert_nonnull (issue);

  if (g_test_verbose ())
    g_test_message ("%s: %s", e->file, error->message);

  /* the error message is the issue as a string */
  text = connect_issue_to_string (issue);
  g_assert_cmpstr (error->message, ==, text);
  g_assert_nonnull (strstr (issue->message, e->phrase));

  if (e->place[0] == '@')
    {
      guint line = 0, column = 0;

      g_assert_cmpint (sscanf (e->place, "@%u:%u", &line, &column), ==, 2);
      g_assert_null (issue->path);
      g_assert_cmpuint (issue->line, ==, line);
      g_assert_cmpuint (issue->column, ==, column);
    }
  else if (strcmp (e->place, "-") == 0)
    {
      g_assert_null (issue->path);
      g_assert_cmpuint (issue->line, ==, 0);
    }
  else
    {
      g_assert_cmpstr (issue->path, ==, e->place);
      g_assert_cmpuint (issue->line, ==, 0);
      g_assert_true (g_str_has_prefix (error->message, e->place));
    }
}

static guint
add_invalid_tests (void)
{
  g_autofree char *path = feed_path ("invalid/expectations.txt");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *test_path = NULL;
      Expectation *e;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);

      e = g_new0 (Expectation, 1);
      e->file = g_strdup (fields[0]);
      e->place = g_strdup (fields[1]);
      e->phrase = g_strdup (fields[2]);

      test_path = g_strdup_printf ("/connect/feed/invalid/%s", e->file);
      g_test_add_data_func_full (test_path, e, test_invalid, expectation_free);
      n++;
    }

  return n;
}

/* Every file in tests/feeds/invalid has an expectation, and the other way
 * round (the test above fails for a missing file). */
static void
test_invalid_all_listed (void)
{
  g_autofree char *dir_path = feed_path ("invalid");
  g_autofree char *exp_path = feed_path ("invalid/expectations.txt");
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_files = 0;

  g_file_get_contents (exp_path, &contents, NULL, &error);
  g_assert_no_error (error);

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *needle = g_strdup_printf ("\n%s\t", name);

      if (!g_str_has_suffix (name, ".json"))
        continue;

      n_files++;
      if (strstr (contents, needle) == NULL)
        g_error ("%s has no line in expectations.txt", name);
    }

  g_assert_cmpuint (n_files, >=, 40);
}

static void
test_too_large (void)
{
  g_autoptr(GBytes) bytes = read_feed_bytes ("base.json");
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectFeed) feed = NULL;
  gsize size = g_bytes_get_size (bytes);
  g_autofree char *size_text = g_strdup_printf ("%" G_GSIZE_FORMAT, size);

  feed = connect_feed_new_from_bytes (bytes, 1000, &issue, &error);
  g_assert_null (feed);
  g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_TOO_LARGE);
  g_assert_nonnull (issue);
  g_assert_nonnull (strstr (error->message, "more than the limit"));
  /* the message gives both sizes, in bytes */
  if (strstr (error->message, size_text) == NULL || strstr (error->message, "1000 bytes") == NULL)
    g_error ("“%s” does not give both sizes", error->message);
  g_assert_cmpstr (issue->message, ==, error->message);

  /* exactly at the cap is fine */
  g_clear_error (&error);
  g_clear_pointer (&issue, connect_issue_free);
  feed = connect_feed_new_from_bytes (bytes, size, &issue, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
}

static char *
nested_feed (guint depth)
{
  GString *str = g_string_new ("{\"format\":\"connect-feed\",\"version\":1,"
                               "\"generated_at\":\"2026-11-20T08:00:00Z\","
                               "\"trials\":[],\"cohorts\":[],\"x\":");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (str, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (str, ']');
  g_string_append_c (str, '}');

  return g_string_free (str, FALSE);
}

static void
test_deep_nesting (void)
{
  guint depths[] = { 100000, 1000, 64 };

  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    {
      g_autofree char *text = nested_feed (depths[i]);
      g_autoptr(ConnectIssue) issue = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ConnectFeed) feed = NULL;

      feed = parse_string (text, &issue, &error);
      g_assert_null (feed);
      g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_INVALID_FEED);
      g_assert_nonnull (issue);
      g_assert_null (issue->path);
      g_assert_cmpuint (issue->line, ==, 1);
      g_assert_nonnull (strstr (issue->message, "64"));
    }

  /* the root object and 63 arrays: 64 levels */
  {
    g_autofree char *text = nested_feed (63);
    g_autoptr(GError) error = NULL;
    g_autoptr(ConnectFeed) feed = NULL;

    feed = parse_string (text, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (feed);
  }
}

/* Accepted feeds with warnings */

static const ConnectIssue *
find_warning (GPtrArray  *warnings,
              const char *path)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      const ConnectIssue *issue = g_ptr_array_index (warnings, i);

      if (g_strcmp0 (issue->path, path) == 0)
        return issue;
    }

  g_error ("no warning at %s", path);
  return NULL;
}

static void
assert_warning (ConnectFeed       *feed,
                const char        *path,
                ConnectEntityKind  kind,
                int                idx,
                const char        *entity_id,
                const char        *phrase)
{
  const ConnectIssue *issue = find_warning (connect_feed_get_warnings (feed), path);

  g_assert_cmpint (issue->kind, ==, kind);
  g_assert_cmpint (issue->index, ==, idx);
  g_assert_cmpstr (issue->entity_id, ==, entity_id);
  g_assert_cmpuint (issue->line, ==, 0);
  if (strstr (issue->message, phrase) == NULL)
    g_error ("warning at %s: “%s” does not say “%s”", path, issue->message, phrase);
}

static void
assert_entity_warnings (ConnectFeed       *feed,
                        ConnectEntityKind  kind,
                        guint              idx,
                        guint              n)
{
  g_autoptr(ConnectEntity) entity = g_list_model_get_item (connect_feed_get_entities (feed, kind), idx);
  g_autoptr(GPtrArray) warnings = NULL;

  g_assert_nonnull (entity);
  warnings = connect_feed_get_entity_warnings (feed, entity);
  g_assert_cmpuint (warnings->len, ==, n);

  for (guint i = 0; i < warnings->len; i++)
    {
      const ConnectIssue *issue = g_ptr_array_index (warnings, i);

      g_assert_cmpint (issue->kind, ==, kind);
      g_assert_cmpint (issue->index, ==, idx);
    }
}

static void
test_warn_unknown_enum (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("warn/unknown-enum.json");
  ConnectCohort *cohort = connect_feed_lookup_cohort (feed, "IMP-001");
  ConnectPartner *partner = connect_feed_lookup_partner (feed, "ous");
  ConnectSite *site = connect_feed_lookup_site (feed, "radium");
  ConnectTrial *trial = connect_feed_lookup_trial (feed, "impress");
  ConnectCommitment *commitment = connect_feed_lookup_commitment (feed, "c1");
  g_autoptr(ConnectEvent) event = g_list_model_get_item (connect_feed_get_events (feed), 0);

  g_assert_nonnull (cohort);
  g_assert_cmpint (connect_cohort_get_status (cohort), ==, CONNECT_COHORT_STATUS_UNKNOWN);
  g_assert_cmpint (connect_cohort_get_stage (cohort), ==, CONNECT_COHORT_STAGE_UNKNOWN);
  g_assert_cmpint (connect_cohort_get_outcome (cohort), ==, CONNECT_OUTCOME_UNKNOWN);
  g_assert_cmpint (connect_cohort_get_alteration (cohort), ==, CONNECT_ALTERATION_UNKNOWN);
  g_assert_cmpint (connect_partner_get_kind (partner), ==, CONNECT_PARTNER_KIND_UNKNOWN);
  g_assert_cmpint (connect_partner_get_membership (partner), ==, CONNECT_MEMBERSHIP_UNKNOWN);
  g_assert_cmpint (connect_site_get_region (site), ==, CONNECT_REGION_UNKNOWN);
  g_assert_cmpint (connect_commitment_get_kind (commitment), ==, CONNECT_COMMITMENT_KIND_UNKNOWN);
  g_assert_cmpint (connect_commitment_get_payer_after_week16 (commitment), ==, CONNECT_PAYER_UNKNOWN);
  g_assert_cmpint (connect_commitment_get_state (commitment), ==, CONNECT_COMMITMENT_STATE_UNKNOWN);
  g_assert_cmpint (connect_event_get_to (event), ==, CONNECT_COHORT_STATUS_UNKNOWN);
  g_assert_cmpint (connect_event_get_stage (event), ==, CONNECT_COHORT_STAGE_UNKNOWN);
  /* "UNKNOWN" is a real trial status of ClinicalTrials.gov: no warning */
  g_assert_cmpint (connect_trial_get_status (trial), ==, CONNECT_TRIAL_STATUS_UNKNOWN);

  assert_warning (feed, "cohorts[0] (IMP-001).status", CONNECT_ENTITY_KIND_COHORT, 0, "IMP-001",
                  "unknown value “recruiting”");
  assert_warning (feed, "cohorts[0] (IMP-001).status", CONNECT_ENTITY_KIND_COHORT, 0, "IMP-001",
                  "planned, open, evaluating, suspended, closed");
  assert_warning (feed, "cohorts[0] (IMP-001).stage", CONNECT_ENTITY_KIND_COHORT, 0, "IMP-001",
                  "unknown value “3”");
  assert_warning (feed, "cohorts[0] (IMP-001).outcome", CONNECT_ENTITY_KIND_COHORT, 0, "IMP-001",
                  "“great”");
  assert_warning (feed, "cohorts[0] (IMP-001).biomarker.alteration", CONNECT_ENTITY_KIND_COHORT, 0,
                  "IMP-001", "“rearrangement”");
  assert_warning (feed, "partners[0] (ous).kind", CONNECT_ENTITY_KIND_PARTNER, 0, "ous",
                  "university-hospital");
  assert_warning (feed, "partners[0] (ous).membership", CONNECT_ENTITY_KIND_PARTNER, 0, "ous",
                  "member, observer");
  assert_warning (feed, "sites[0] (radium).region", CONNECT_ENTITY_KIND_SITE, 0, "radium",
                  "south-east, west, central, north");
  assert_warning (feed, "commitments[0] (c1).kind", CONNECT_ENTITY_KIND_COMMITMENT, 0, "c1", "“loan”");
  assert_warning (feed, "commitments[0] (c1).payer_after_week16", CONNECT_ENTITY_KIND_COMMITMENT, 0,
                  "c1", "“state”");
  assert_warning (feed, "commitments[0] (c1).state", CONNECT_ENTITY_KIND_COMMITMENT, 0, "c1", "“pending”");
  assert_warning (feed, "events[0].to", CONNECT_ENTITY_KIND_EVENT, 0, NULL, "“reopened”");
  assert_warning (feed, "events[0].stage", CONNECT_ENTITY_KIND_EVENT, 0, NULL, "“two”");
  g_assert_cmpuint (connect_feed_get_warnings (feed)->len, ==, 12);

  assert_entity_warnings (feed, CONNECT_ENTITY_KIND_COHORT, 0, 4);
  assert_entity_warnings (feed, CONNECT_ENTITY_KIND_TRIAL, 0, 0);
  assert_entity_warnings (feed, CONNECT_ENTITY_KIND_EVENT, 0, 2);

  /* feed order: by array as the format lists them, then by index */
  for (guint i = 1; i < connect_feed_get_warnings (feed)->len; i++)
    {
      const ConnectIssue *a = g_ptr_array_index (connect_feed_get_warnings (feed), i - 1);
      const ConnectIssue *b = g_ptr_array_index (connect_feed_get_warnings (feed), i);

      g_assert_cmpint (a->kind, <=, b->kind);
    }
}

static void
test_warn_dangling_ref (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("warn/dangling-ref.json");
  ConnectCohort *cohort = connect_feed_lookup_cohort (feed, "IMP-001");

  g_assert_nonnull (cohort);
  g_assert_nonnull (connect_feed_lookup_cohort (feed, "IMP-002"));
  assert_strv (connect_cohort_get_drugs (cohort), "vemurafenib,ghost");

  assert_warning (feed, "trials[0] (impress).sponsor", CONNECT_ENTITY_KIND_TRIAL, 0, "impress",
                  "no partner with the id “nobody”");
  assert_warning (feed, "sites[0] (radium).partner", CONNECT_ENTITY_KIND_SITE, 0, "radium",
                  "no partner with the id “nobody”");
  assert_warning (feed, "drugs[0] (vemurafenib).supplier", CONNECT_ENTITY_KIND_DRUG, 0, "vemurafenib",
                  "no partner");
  assert_warning (feed, "cohorts[0] (IMP-001).drugs[1]", CONNECT_ENTITY_KIND_COHORT, 0, "IMP-001",
                  "no drug with the id “ghost”");
  assert_warning (feed, "cohorts[0] (IMP-001).sites[1]", CONNECT_ENTITY_KIND_COHORT, 0, "IMP-001",
                  "no site with the id “nowhere”");
  assert_warning (feed, "cohorts[1] (IMP-002).trial", CONNECT_ENTITY_KIND_COHORT, 1, "IMP-002",
                  "no trial with the id “missing-trial”");
  assert_warning (feed, "commitments[0] (c1).partner", CONNECT_ENTITY_KIND_COMMITMENT, 0, "c1", "no partner");
  assert_warning (feed, "commitments[0] (c1).drug", CONNECT_ENTITY_KIND_COMMITMENT, 0, "c1", "no drug");
  assert_warning (feed, "commitments[0] (c1).trial", CONNECT_ENTITY_KIND_COMMITMENT, 0, "c1", "no trial");
  assert_warning (feed, "commitments[0] (c1).cohorts[1]", CONNECT_ENTITY_KIND_COMMITMENT, 0, "c1",
                  "no cohort with the id “IMP-404”");
  assert_warning (feed, "snapshots[0].trial", CONNECT_ENTITY_KIND_SNAPSHOT, 0, NULL, "no trial");
  assert_warning (feed, "events[0].cohort", CONNECT_ENTITY_KIND_EVENT, 0, NULL, "no cohort");
  g_assert_cmpuint (connect_feed_get_warnings (feed)->len, ==, 12);

  assert_entity_warnings (feed, CONNECT_ENTITY_KIND_COHORT, 0, 2);
  assert_entity_warnings (feed, CONNECT_ENTITY_KIND_COHORT, 1, 1);
  assert_entity_warnings (feed, CONNECT_ENTITY_KIND_COMMITMENT, 0, 4);
  assert_entity_warnings (feed, CONNECT_ENTITY_KIND_TRIAL, 1, 0);

  /* an event of a missing cohort belongs to no cohort */
  g_assert_cmpuint (connect_feed_get_cohort_events (feed, "IMP-404")->len, ==, 0);
  g_assert_cmpuint (connect_feed_get_cohort_events (feed, "IMP-001")->len, ==, 0);
  /* the commitment still names IMP-001 */
  g_assert_cmpuint (connect_feed_get_cohort_commitments (feed, "IMP-001")->len, ==, 1);
}

static void
test_warn_enrolled_above_target (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("warn/enrolled-above-target.json");
  ConnectCohort *cohort = connect_feed_lookup_cohort (feed, "IMP-001");

  g_assert_cmpint (connect_cohort_get_enrolled (cohort), ==, 9);
  g_assert_cmpint (connect_cohort_get_target (cohort), ==, 8);
  assert_warning (feed, "cohorts[0] (IMP-001).enrolled", CONNECT_ENTITY_KIND_COHORT, 0, "IMP-001",
                  "9 patients enrolled, more than the target of 8");
  g_assert_cmpuint (connect_feed_get_warnings (feed)->len, ==, 1);
  assert_entity_warnings (feed, CONNECT_ENTITY_KIND_COHORT, 0, 1);
}

static void
test_warn_overused (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("warn/overused.json");
  ConnectCommitment *commitment = connect_feed_lookup_commitment (feed, "c1");

  g_assert_cmpint (connect_commitment_get_slots (commitment), ==, 10);
  g_assert_cmpint (connect_commitment_get_used (commitment), ==, 8);
  g_assert_cmpint (connect_commitment_get_reserved (commitment), ==, 3);
  assert_warning (feed, "commitments[0] (c1).used", CONNECT_ENTITY_KIND_COMMITMENT, 0, "c1",
                  "8 used and 3 reserved slots are more than the 10 committed");
  g_assert_cmpuint (connect_feed_get_warnings (feed)->len, ==, 1);
}

static void
test_warn_closed_without_outcome (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("warn/closed-without-outcome.json");
  ConnectCohort *cohort = connect_feed_lookup_cohort (feed, "IMP-001");

  g_assert_cmpint (connect_cohort_get_status (cohort), ==, CONNECT_COHORT_STATUS_CLOSED);
  g_assert_cmpint (connect_cohort_get_outcome (cohort), ==, CONNECT_OUTCOME_NONE);
  assert_warning (feed, "cohorts[0] (IMP-001).outcome", CONNECT_ENTITY_KIND_COHORT, 0, "IMP-001",
                  "closed but has no outcome");
  g_assert_cmpuint (connect_feed_get_warnings (feed)->len, ==, 1);
}

static void
test_unknown_members (void)
{
  g_autoptr(ConnectFeed) feed = load_valid ("unknown-members.json");

  g_assert_cmpuint (connect_feed_get_warnings (feed)->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_cohorts (feed)), ==, 1);
  g_assert_cmpstr (connect_cohort_get_tumor_name (connect_feed_lookup_cohort (feed, "IMP-001")), ==,
                   "Colorectal cancer");
}

static void
test_minimal (void)
{
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  /* optional arrays default to empty, publisher to nothing */
  feed = parse_string ("{\"format\":\"connect-feed\",\"version\":1,"
                       "\"generated_at\":\"2026-11-20T08:00:00+01:00\","
                       "\"trials\":[],\"cohorts\":[]}", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (connect_feed_get_publisher_name (feed));
  g_assert_null (connect_feed_get_publisher_url (feed));
  g_assert_null (connect_feed_get_publisher_contact (feed));

  for (guint kind = 0; kind < CONNECT_N_ENTITY_KINDS; kind++)
    g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_entities (feed, kind)), ==, 0);

  assert_timestamp (connect_feed_get_generated_at (feed), "2026-11-20T07:00:00");
  g_assert_null (connect_feed_lookup_partner (feed, "ous"));
  g_assert_cmpuint (connect_feed_get_warnings (feed)->len, ==, 0);
}

static void
check_timestamp (const char *value,
                 gboolean    valid)
{
  g_autofree char *text = g_strdup_printf ("{\"format\":\"connect-feed\",\"version\":1,"
                                           "\"generated_at\":\"%s\","
                                           "\"trials\":[],\"cohorts\":[]}", value);
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;

  feed = parse_string (text, &issue, &error);
  if (valid)
    {
      g_assert_no_error (error);
      g_assert_nonnull (feed);
    }
  else
    {
      if (feed != NULL)
        g_error ("timestamp %s was accepted", value);
      g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_INVALID_FEED);
      g_assert_cmpstr (issue->path, ==, "generated_at");
    }
}

static void
test_timestamps (void)
{
  const char *good[] = {
    "2026-11-20T08:00:00Z",
    "2026-11-20t08:00:00z",
    "2026-11-20T08:00:00.5Z",
    "2026-11-20T08:00:00.123456789+01:00",
    "2026-11-20T23:59:59-11:30",
    "2024-02-29T00:00:00Z",
    "2026-11-20T08:00:00+00:00",
  };
  const char *bad[] = {
    "2026-11-20",
    "2026-11-20T08:00Z",
    "2026-11-20T08:00:00",
    "2026-11-20T24:00:00Z",
    "2026-11-20T08:60:00Z",
    "2026-11-20T08:00:61Z",
    "2026-11-20T08:00:00+0100",
    "2026-11-20T08:00:00+01",
    "2026-11-20T08:00:00+24:00",
    "2026-11-20T08:00:00.Z",
    "2026-11-20 08:00:00Z",
    "2026-02-29T00:00:00Z",
    "2026-11-20T08:00:00Z ",
    " 2026-11-20T08:00:00Z",
    "20261120T080000Z",
    "2026-W47-5T08:00:00Z",
    "0000-01-01T00:00:00Z",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    check_timestamp (good[i], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    check_timestamp (bad[i], FALSE);
}

static void
check_date (const char *value,
            gboolean    valid)
{
  g_autofree char *text = g_strdup_printf ("{\"format\":\"connect-feed\",\"version\":1,"
                                           "\"generated_at\":\"2026-11-20T08:00:00Z\","
                                           "\"trials\":[{\"id\":\"t\",\"name\":\"T\",\"started\":\"%s\"}],"
                                           "\"cohorts\":[]}", value);
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;

  feed = parse_string (text, &issue, &error);
  if (valid)
    {
      g_assert_no_error (error);
      g_assert_nonnull (connect_trial_get_started (connect_feed_lookup_trial (feed, "t")));
    }
  else
    {
      if (feed != NULL)
        g_error ("date %s was accepted", value);
      g_assert_cmpstr (issue->path, ==, "trials[0] (t).started");
    }
}

static void
test_dates (void)
{
  const char *good[] = { "2024-02-29", "2000-02-29", "2026-12-31", "0001-01-01", "9999-12-31" };
  const char *bad[] = {
    "2026-02-30", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
    "2026-01-00", "0000-01-01", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01",
    "2026-01-01Z", "20260101", "", "２０２６-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    check_date (good[i], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    check_date (bad[i], FALSE);
}

static void
test_ids (void)
{
  g_autofree char *longest = g_strnfill (64, 'a');
  const char *good[] = { "a", "IMP-001", "x.y_z-0", "A9", NULL };
  const char *bad[] = { "a b", "a/b", "ä", "a:b", "IMP-001 ", NULL };

  good[4] = longest;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\":\"connect-feed\",\"version\":1,"
                                               "\"generated_at\":\"2026-11-20T08:00:00Z\","
                                               "\"trials\":[{\"id\":\"%s\",\"name\":\"T\"}],"
                                               "\"cohorts\":[]}", good[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(ConnectFeed) feed = parse_string (text, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (connect_feed_lookup_trial (feed, good[i]));
    }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\":\"connect-feed\",\"version\":1,"
                                               "\"generated_at\":\"2026-11-20T08:00:00Z\","
                                               "\"trials\":[{\"id\":\"%s\",\"name\":\"T\"}],"
                                               "\"cohorts\":[]}", bad[i]);
      g_autoptr(ConnectIssue) issue = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ConnectFeed) feed = parse_string (text, &issue, &error);

      g_assert_null (feed);
      g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_INVALID_FEED);
      g_assert_cmpstr (issue->path, ==, "trials[0].id");
      g_assert_nonnull (strstr (issue->message, "malformed id"));
    }
}

static void
test_counts (void)
{
  const struct {
    const char *value;
    gint64      expected;  /* -2: rejected */
  } cases[] = {
    { "0", 0 },
    { "2147483647", 2147483647 },
    { "2147483648", -2 },
    { "-0", 0 },
    { "-1", -2 },
    { "-9223372036854775808", -2 },
    { "9223372036854775807", -2 },
    { "0.0", -2 },
    { "3.0", -2 },
    { "3e0", -2 },
    { "1E2", -2 },
    { "true", -2 },
    { "null", -2 },
    { "[3]", -2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\":\"connect-feed\",\"version\":1,"
                                               "\"generated_at\":\"2026-11-20T08:00:00Z\","
                                               "\"trials\":[{\"id\":\"t\",\"name\":\"T\","
                                               "\"design\":{\"stage1_patients\":%s}}],"
                                               "\"cohorts\":[]}", cases[i].value);
      g_autoptr(ConnectIssue) issue = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ConnectFeed) feed = parse_string (text, &issue, &error);

      if (cases[i].expected == -2)
        {
          if (feed != NULL)
            g_error ("count %s was accepted", cases[i].value);
          g_assert_cmpstr (issue->path, ==, "trials[0] (t).design.stage1_patients");
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpint (connect_trial_get_stage1_patients (connect_feed_lookup_trial (feed, "t")),
                           ==, cases[i].expected);
        }
    }
}

static void
test_issue_entity_fields (void)
{
  g_autoptr(GBytes) bytes = read_feed_bytes ("invalid/bad-date.json");
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectFeed) feed = NULL;

  feed = connect_feed_new_from_bytes (bytes, 0, &issue, &error);
  g_assert_null (feed);
  g_assert_cmpint (issue->kind, ==, CONNECT_ENTITY_KIND_COHORT);
  g_assert_cmpint (issue->index, ==, 0);
  g_assert_cmpstr (issue->entity_id, ==, "IMP-001");
  g_assert_cmpstr (error->message, ==,
                   "cohorts[0] (IMP-001).opened: malformed date “2026-02-30”; "
                   "expected a real calendar date written YYYY-MM-DD");

  /* without out_issue */
  g_clear_error (&error);
  feed = connect_feed_new_from_bytes (bytes, 0, NULL, &error);
  g_assert_null (feed);
  g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_INVALID_FEED);
}

/* Strings are decoded exactly as JSON says */
static void
test_string_escapes (void)
{
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  ConnectTrial *trial;

  feed = parse_string ("{\"format\":\"connect-feed\",\"version\":1,"
                       "\"generated_at\":\"2026-11-20T08:00:00Z\",\"cohorts\":[],"
                       "\"trials\":[{\"id\":\"t\",\"na\\u006de\":\"Troms\\u00f8 \\\"HF\\\" \\\\ \\/ "
                       "\\b\\f\\n\\r\\t \\ud83d\\ude00 \xc3\xa6\","
                       "\"title\":\"\",\"url\":\"plain\"}]}",
                       &issue, &error);
  g_assert_no_error (error);

  trial = connect_feed_lookup_trial (feed, "t");
  g_assert_cmpstr (connect_trial_get_name (trial), ==,
                   "Troms\xc3\xb8 \"HF\" \\ / \b\f\n\r\t \xf0\x9f\x98\x80 \xc3\xa6");
  g_assert_cmpstr (connect_trial_get_title (trial), ==, "");
  g_assert_cmpstr (connect_trial_get_url (trial), ==, "plain");
  g_clear_object (&feed);

  /* U+0000 cannot be kept in a C string: refused, not cut short */
  feed = parse_string ("{\"format\":\"connect-feed\",\"version\":1,"
                       "\"generated_at\":\"2026-11-20T08:00:00Z\",\"cohorts\":[],"
                       "\"trials\":[{\"id\":\"t\",\"name\":\"a\\u0000b\"}]}",
                       &issue, &error);
  g_assert_null (feed);
  g_assert_error (error, CONNECT_ERROR, CONNECT_ERROR_INVALID_FEED);
  g_assert_cmpstr (issue->path, ==, "trials[0] (t).name");
  g_assert_nonnull (strstr (issue->message, "U+0000"));
  g_clear_error (&error);
  g_clear_pointer (&issue, connect_issue_free);

  /* an escaped id is checked after decoding */
  feed = parse_string ("{\"format\":\"connect-feed\",\"version\":1,"
                       "\"generated_at\":\"2026-11-20T08:00:00Z\",\"cohorts\":[],"
                       "\"trials\":[{\"id\":\"\\u0041-1\",\"name\":\"T\"},{\"id\":\"a\\u0020b\",\"name\":\"T\"}]}",
                       &issue, &error);
  g_assert_null (feed);
  g_assert_cmpstr (issue->path, ==, "trials[1].id");
  g_assert_nonnull (strstr (issue->message, "“a b”"));
}

/* White space anywhere JSON allows it */
static void
test_whitespace (void)
{
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  feed = parse_string ("\r\n\t {\n\t\"format\" \r:\n \"connect-feed\" ,\"version\"\t:\t1 ,"
                       " \"generated_at\" : \"2026-11-20T08:00:00Z\" , \"trials\" : [ ] ,"
                       " \"cohorts\" : [ { \"id\" : \"C\" , \"trial\" : \"t\" , \"drugs\" : [ \"d\" , \"e\" ] ,"
                       " \"tumor\" : { \"name\" : \"x\" } , \"biomarker\" : { \"genes\" : [ \"G\" ] } ,"
                       " \"status\" : \"open\" , \"enrolled\" : 3 , \"extra\" : [ { } , [ ] , \"]}\" ] } ] } \n\n",
                       NULL, &error);
  g_assert_no_error (error);
  assert_strv (connect_cohort_get_drugs (connect_feed_lookup_cohort (feed, "C")), "d,e");
  g_assert_cmpint (connect_cohort_get_enrolled (connect_feed_lookup_cohort (feed, "C")), ==, 3);
}

/* 100 000 cohorts load, and every one can be found */
static void
test_large (void)
{
  GString *text = g_string_new ("{\"format\":\"connect-feed\",\"version\":1,"
                                "\"generated_at\":\"2026-11-20T08:00:00Z\","
                                "\"trials\":[{\"id\":\"t\",\"name\":\"T\"}],"
                                "\"drugs\":[{\"id\":\"d\",\"name\":\"d\"}],\"cohorts\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *cohorts;
  const guint n = 100000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "%s{\"id\":\"C-%06u\",\"trial\":\"t\",\"drugs\":[\"d\"],"
                            "\"tumor\":{\"name\":\"Tumour %u\"},\"biomarker\":{\"genes\":[\"G%u\"]},"
                            "\"status\":\"open\",\"enrolled\":%u,\"target\":%u}",
                            i > 0 ? "," : "", i, i % 50, i % 300, i % 8, 8 + i % 17);
  g_string_append (text, "]}");
  bytes = g_string_free_to_bytes (text);

  feed = connect_feed_new_from_bytes (bytes, 0, NULL, &error);
  g_assert_no_error (error);

  cohorts = connect_feed_get_cohorts (feed);
  g_assert_cmpuint (g_list_model_get_n_items (cohorts), ==, n);
  g_assert_cmpuint (connect_feed_get_warnings (feed)->len, ==, 0);

  for (guint i = 0; i < n; i += 997)
    {
      g_autofree char *id = g_strdup_printf ("C-%06u", i);
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (cohorts, i);

      g_assert_true (connect_feed_lookup_cohort (feed, id) == cohort);
      g_assert_cmpint (connect_cohort_get_enrolled (cohort), ==, i % 8);
    }

  /* the same drug id is stored once for all cohorts */
  {
    g_autoptr(ConnectCohort) a = g_list_model_get_item (cohorts, 0);
    g_autoptr(ConnectCohort) b = g_list_model_get_item (cohorts, n - 1);

    g_assert_true (connect_cohort_get_drugs (a)[0] == connect_cohort_get_drugs (b)[0]);
  }
}

/* The embedded sample */

static void
test_sample (void)
{
  g_autoptr(GBytes) bytes = connect_feed_get_sample_bytes ();
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectFeed) feed = NULL;
  GPtrArray *warnings;

  g_assert_nonnull (bytes);
  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, &issue, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  warnings = connect_feed_get_warnings (feed);
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *text = connect_issue_to_string (g_ptr_array_index (warnings, i));

      g_test_message ("sample warning: %s", text);
    }
  g_assert_cmpuint (warnings->len, ==, 0);

  for (guint kind = 0; kind < CONNECT_N_ENTITY_KINDS; kind++)
    g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_entities (feed, kind)), >, 0);

  check_all_properties (feed);
}

/* The sample as shipped in data/ is the one embedded. */
static void
test_sample_matches_source (void)
{
  g_autoptr(GBytes) bytes = connect_feed_get_sample_bytes ();
  g_autofree char *path = g_build_filename (g_getenv ("CONNECT_SOURCE_ROOT"), "data", "sample-feed.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Entities stay usable after the feed is gone. */
static void
test_entity_outlives_feed (void)
{
  ConnectFeed *feed = load_valid ("base.json");
  g_autoptr(ConnectCohort) cohort = g_object_ref (connect_feed_lookup_cohort (feed, "IMP-001"));
  g_autoptr(GListModel) cohorts = g_object_ref (connect_feed_get_cohorts (feed));

  g_object_unref (feed);

  g_assert_cmpstr (connect_entity_get_id (CONNECT_ENTITY (cohort)), ==, "IMP-001");
  g_assert_cmpstr (connect_cohort_get_tumor_name (cohort), ==, "Colorectal cancer");
  assert_strv (connect_cohort_get_drugs (cohort), "vemurafenib,cobimetinib");
  g_assert_cmpuint (g_list_model_get_n_items (cohorts), ==, 3);
}

static void
test_enum_strings (void)
{
  g_assert_cmpstr (connect_enum_to_feed_string (CONNECT_TYPE_COHORT_STATUS, CONNECT_COHORT_STATUS_OPEN), ==, "open");
  g_assert_cmpstr (connect_enum_to_feed_string (CONNECT_TYPE_REGION, CONNECT_REGION_SOUTH_EAST), ==, "south-east");
  g_assert_cmpstr (connect_enum_to_feed_string (CONNECT_TYPE_TRIAL_STATUS, CONNECT_TRIAL_STATUS_NOT_YET_RECRUITING), ==, "NOT_YET_RECRUITING");
  g_assert_cmpstr (connect_enum_to_feed_string (CONNECT_TYPE_COHORT_STAGE, CONNECT_COHORT_STAGE_ONE), ==, "1");
  g_assert_cmpstr (connect_enum_to_feed_string (CONNECT_TYPE_COHORT_STAGE, CONNECT_COHORT_STAGE_EXPANSION), ==, "expansion");
  g_assert_cmpstr (connect_enum_to_feed_string (CONNECT_TYPE_PAYER, CONNECT_PAYER_NOBODY), ==, "none");
  g_assert_cmpstr (connect_enum_to_feed_string (CONNECT_TYPE_COMMITMENT_KIND, CONNECT_COMMITMENT_KIND_FREE_DRUG_FIRST_16_WEEKS), ==, "free-drug-first-16-weeks");
  g_assert_cmpstr (connect_enum_to_feed_string (CONNECT_TYPE_ENTITY_KIND, CONNECT_ENTITY_KIND_COMMITMENT), ==, "commitment");
  g_assert_null (connect_enum_to_feed_string (CONNECT_TYPE_COHORT_STATUS, CONNECT_COHORT_STATUS_NONE));
  g_assert_null (connect_enum_to_feed_string (CONNECT_TYPE_COHORT_STATUS, CONNECT_COHORT_STATUS_UNKNOWN));
  g_assert_null (connect_enum_to_feed_string (CONNECT_TYPE_OUTCOME, 99));
  g_assert_cmpstr (connect_enum_to_feed_string (CONNECT_TYPE_TRIAL_STATUS, CONNECT_TRIAL_STATUS_UNKNOWN), ==, "UNKNOWN");

  g_assert_cmpint (connect_enum_from_feed_string (CONNECT_TYPE_COHORT_STATUS, "closed"), ==, CONNECT_COHORT_STATUS_CLOSED);
  g_assert_cmpint (connect_enum_from_feed_string (CONNECT_TYPE_COHORT_STATUS, "Closed"), ==, CONNECT_COHORT_STATUS_UNKNOWN);
  g_assert_cmpint (connect_enum_from_feed_string (CONNECT_TYPE_COHORT_STATUS, NULL), ==, CONNECT_COHORT_STATUS_NONE);
  g_assert_cmpint (connect_enum_from_feed_string (CONNECT_TYPE_ALTERATION, "amplification"), ==, CONNECT_ALTERATION_AMPLIFICATION);
  g_assert_cmpint (connect_enum_from_feed_string (CONNECT_TYPE_PARTNER_KIND, "research-institute"), ==, CONNECT_PARTNER_KIND_RESEARCH_INSTITUTE);
  g_assert_cmpint (connect_enum_from_feed_string (CONNECT_TYPE_COMMITMENT_STATE, "expired"), ==, CONNECT_COMMITMENT_STATE_EXPIRED);
  g_assert_cmpint (connect_enum_from_feed_string (CONNECT_TYPE_MEMBERSHIP, "observer"), ==, CONNECT_MEMBERSHIP_OBSERVER);
  g_assert_cmpint (connect_enum_from_feed_string (CONNECT_TYPE_COHORT_STAGE, "2"), ==, CONNECT_COHORT_STAGE_TWO);
  g_assert_cmpint (connect_enum_from_feed_string (CONNECT_TYPE_ENTITY_KIND, "snapshot"), ==, CONNECT_ENTITY_KIND_SNAPSHOT);
  g_assert_cmpint (connect_enum_from_feed_string (CONNECT_TYPE_ENTITY_KIND, "nothing"), ==, -1);

  g_assert_cmpstr (connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS, CONNECT_COHORT_STATUS_OPEN), ==, "Open");
  g_assert_cmpstr (connect_enum_to_label (CONNECT_TYPE_TRIAL_STATUS, CONNECT_TRIAL_STATUS_NOT_YET_RECRUITING), ==, "Not yet recruiting");
  g_assert_cmpstr (connect_enum_to_label (CONNECT_TYPE_REGION, CONNECT_REGION_SOUTH_EAST), ==, "South-East Norway");
  g_assert_cmpstr (connect_enum_to_label (CONNECT_TYPE_COHORT_STAGE, CONNECT_COHORT_STAGE_ONE), ==, "Stage 1");
  g_assert_cmpstr (connect_enum_to_label (CONNECT_TYPE_COHORT_STAGE, CONNECT_COHORT_STAGE_EXPANSION), ==, "Expansion");
  g_assert_cmpstr (connect_enum_to_label (CONNECT_TYPE_PARTNER_KIND, CONNECT_PARTNER_KIND_UNIVERSITY_HOSPITAL), ==, "University hospital");
  g_assert_cmpstr (connect_enum_to_label (CONNECT_TYPE_OUTCOME, CONNECT_OUTCOME_UNKNOWN), ==, "Unknown");
  g_assert_null (connect_enum_to_label (CONNECT_TYPE_OUTCOME, CONNECT_OUTCOME_NONE));

  /* every value of every enumeration has a label, and every feed string
   * reads back as its value */
  {
    GType types[] = {
      CONNECT_TYPE_TRIAL_STATUS, CONNECT_TYPE_PARTNER_KIND, CONNECT_TYPE_MEMBERSHIP,
      CONNECT_TYPE_REGION, CONNECT_TYPE_ALTERATION, CONNECT_TYPE_COHORT_STATUS,
      CONNECT_TYPE_COHORT_STAGE, CONNECT_TYPE_OUTCOME, CONNECT_TYPE_COMMITMENT_KIND,
      CONNECT_TYPE_PAYER, CONNECT_TYPE_COMMITMENT_STATE,
    };

    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (types[i]);

        for (guint v = 1; v < klass->n_values; v++)
          {
            int value = klass->values[v].value;
            const char *feed = connect_enum_to_feed_string (types[i], value);

            g_assert_nonnull (connect_enum_to_label (types[i], value));
            if (value >= 2)
              {
                g_assert_nonnull (feed);
                g_assert_cmpint (connect_enum_from_feed_string (types[i], feed), ==, value);
              }
          }
      }
  }
}

/* Asynchronous loading */

typedef struct
{
  GMainLoop    *loop;
  ConnectFeed  *feed;
  ConnectIssue *issue;
  GError       *error;
} LoadClosure;

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadClosure *closure = user_data;

  g_assert_null (object);
  closure->feed = connect_feed_load_finish (result, &closure->issue, &closure->error);
  g_main_loop_quit (closure->loop);
}

static void
load_closure_clear (LoadClosure *closure)
{
  g_clear_pointer (&closure->loop, g_main_loop_unref);
  g_clear_object (&closure->feed);
  g_clear_pointer (&closure->issue, connect_issue_free);
  g_clear_error (&closure->error);
}

static void
test_load_async (void)
{
  g_autoptr(GBytes) bytes = read_feed_bytes ("base.json");
  g_autoptr(GBytes) bad = read_feed_bytes ("invalid/version-2.json");
  LoadClosure closure = { 0 };

  closure.loop = g_main_loop_new (NULL, FALSE);
  connect_feed_load_async (bytes, 0, NULL, load_cb, &closure);
  g_main_loop_run (closure.loop);
  g_assert_no_error (closure.error);
  g_assert_null (closure.issue);
  g_assert_nonnull (connect_feed_lookup_cohort (closure.feed, "IMP-003"));
  load_closure_clear (&closure);

  closure.loop = g_main_loop_new (NULL, FALSE);
  connect_feed_load_async (bad, 0, NULL, load_cb, &closure);
  g_main_loop_run (closure.loop);
  g_assert_null (closure.feed);
  g_assert_error (closure.error, CONNECT_ERROR, CONNECT_ERROR_INVALID_FEED);
  g_assert_nonnull (closure.issue);
  g_assert_cmpstr (closure.issue->path, ==, "version");
  load_closure_clear (&closure);

  /* too large */
  closure.loop = g_main_loop_new (NULL, FALSE);
  connect_feed_load_async (bytes, 10, NULL, load_cb, &closure);
  g_main_loop_run (closure.loop);
  g_assert_error (closure.error, CONNECT_ERROR, CONNECT_ERROR_TOO_LARGE);
  g_assert_nonnull (closure.issue);
  load_closure_clear (&closure);
}

static void
test_load_async_cancelled (void)
{
  g_autoptr(GBytes) bytes = read_feed_bytes ("base.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  LoadClosure closure = { 0 };

  g_cancellable_cancel (cancellable);
  closure.loop = g_main_loop_new (NULL, FALSE);
  connect_feed_load_async (bytes, 0, cancellable, load_cb, &closure);
  g_main_loop_run (closure.loop);
  g_assert_null (closure.feed);
  g_assert_error (closure.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  load_closure_clear (&closure);
}

static void
test_load_file_async (void)
{
  g_autofree char *path = feed_path ("base.json");
  g_autofree char *bad_path = feed_path ("invalid/bad-id.json");
  g_autofree char *missing_path = feed_path ("no-such-feed.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  LoadClosure closure = { 0 };

  closure.loop = g_main_loop_new (NULL, FALSE);
  connect_feed_load_file_async (file, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, load_cb, &closure);
  g_main_loop_run (closure.loop);
  g_assert_no_error (closure.error);
  g_assert_nonnull (closure.feed);
  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_cohorts (closure.feed)), ==, 3);
  load_closure_clear (&closure);

  closure.loop = g_main_loop_new (NULL, FALSE);
  connect_feed_load_file_async (bad, 0, NULL, load_cb, &closure);
  g_main_loop_run (closure.loop);
  g_assert_error (closure.error, CONNECT_ERROR, CONNECT_ERROR_INVALID_FEED);
  g_assert_cmpstr (closure.issue->path, ==, "cohorts[0].id");
  load_closure_clear (&closure);

  closure.loop = g_main_loop_new (NULL, FALSE);
  connect_feed_load_file_async (missing, 0, NULL, load_cb, &closure);
  g_main_loop_run (closure.loop);
  g_assert_error (closure.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (closure.issue);
  load_closure_clear (&closure);

  /* too large: refused before reading */
  closure.loop = g_main_loop_new (NULL, FALSE);
  connect_feed_load_file_async (file, 100, NULL, load_cb, &closure);
  g_main_loop_run (closure.loop);
  g_assert_error (closure.error, CONNECT_ERROR, CONNECT_ERROR_TOO_LARGE);
  g_assert_nonnull (closure.issue);
  load_closure_clear (&closure);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/feed/base/header", test_base_header);
  g_test_add_func ("/connect/feed/base/trials", test_base_trials);
  g_test_add_func ("/connect/feed/base/partners-sites-drugs", test_base_partners_sites_drugs);
  g_test_add_func ("/connect/feed/base/cohorts", test_base_cohorts);
  g_test_add_func ("/connect/feed/base/commitments-snapshots-events", test_base_commitments_snapshots_events);
  g_test_add_func ("/connect/feed/relations", test_relations);
  g_test_add_func ("/connect/feed/relations-multi-drug", test_relations_multi_drug);
  g_test_add_func ("/connect/feed/minimal", test_minimal);
  g_test_add_func ("/connect/feed/unknown-members", test_unknown_members);
  g_test_add_func ("/connect/feed/entity-outlives-feed", test_entity_outlives_feed);
  g_test_add_func ("/connect/feed/enum-strings", test_enum_strings);
  g_test_add_func ("/connect/feed/timestamps", test_timestamps);
  g_test_add_func ("/connect/feed/dates", test_dates);
  g_test_add_func ("/connect/feed/ids", test_ids);
  g_test_add_func ("/connect/feed/counts", test_counts);
  g_test_add_func ("/connect/feed/issue-entity-fields", test_issue_entity_fields);
  g_test_add_func ("/connect/feed/string-escapes", test_string_escapes);
  g_test_add_func ("/connect/feed/whitespace", test_whitespace);
  g_test_add_func ("/connect/feed/large", test_large);
  g_test_add_func ("/connect/feed/too-large", test_too_large);
  g_test_add_func ("/connect/feed/deep-nesting", test_deep_nesting);
  g_test_add_func ("/connect/feed/invalid-all-listed", test_invalid_all_listed);
  add_invalid_tests ();
  g_test_add_func ("/connect/feed/warn/unknown-enum", test_warn_unknown_enum);
  g_test_add_func ("/connect/feed/warn/dangling-ref", test_warn_dangling_ref);
  g_test_add_func ("/connect/feed/warn/enrolled-above-target", test_warn_enrolled_above_target);
  g_test_add_func ("/connect/feed/warn/overused", test_warn_overused);
  g_test_add_func ("/connect/feed/warn/closed-without-outcome", test_warn_closed_without_outcome);
  g_test_add_func ("/connect/feed/sample", test_sample);
  g_test_add_func ("/connect/feed/sample-matches-source", test_sample_matches_source);
  g_test_add_func ("/connect/feed/load-async", test_load_async);
  g_test_add_func ("/connect/feed/load-async-cancelled", test_load_async_cancelled);
  g_test_add_func ("/connect/feed/load-file-async", test_load_file_async);

  return g_test_run ();
}
