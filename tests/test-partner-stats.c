/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib.h>

#include "connect-feed.h"
#include "connect-partner-stats.h"

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

static gboolean
has_cohort (ConnectPartnerStats *stats,
            const char          *id)
{
  for (guint i = 0; i < stats->cohorts->len; i++)
    if (g_str_equal (connect_entity_get_id (g_ptr_array_index (stats->cohorts, i)), id))
      return TRUE;
  return FALSE;
}

static void
test_company (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(ConnectPartnerStats) stats = connect_partner_stats_new (feed, "roche");
  g_autofree char *summary = NULL;
  g_autofree char *slots = NULL;

  g_assert_nonnull (stats);
  g_assert_cmpstr (connect_partner_get_name (stats->partner), ==, "Roche Norge");

  /* The drugs it supplies, by name. */
  g_assert_cmpuint (stats->drugs->len, ==, 3);
  g_assert_cmpstr (connect_drug_get_name (g_ptr_array_index (stats->drugs, 0)), ==, "alectinib");
  g_assert_cmpstr (connect_drug_get_name (g_ptr_array_index (stats->drugs, 1)), ==, "entrectinib");
  g_assert_cmpstr (connect_drug_get_name (g_ptr_array_index (stats->drugs, 2)), ==, "vemurafenib");

  g_assert_cmpuint (stats->commitments->len, ==, 2);

  /* Cohorts using its drugs, in any trial, and T-005 which its
   * commitment names although it uses another company's drug. */
  g_assert_cmpuint (stats->cohorts->len, ==, 5);
  g_assert_true (has_cohort (stats, "T-001"));
  g_assert_true (has_cohort (stats, "T-003"));
  g_assert_true (has_cohort (stats, "T-004"));
  g_assert_true (has_cohort (stats, "T-005"));
  g_assert_true (has_cohort (stats, "S-001"));
  g_assert_false (has_cohort (stats, "T-002"));
  g_assert_cmpuint (stats->n_open, ==, 2);
  g_assert_cmpuint (stats->n_closed, ==, 1);

  summary = connect_partner_stats_format_cohorts (stats);
  g_assert_cmpstr (summary, ==, "Its drugs are in 5 cohorts, 2 open");

  g_assert_cmpint (stats->slots, ==, 32);
  g_assert_cmpint (stats->used, ==, 17);
  g_assert_cmpint (stats->reserved, ==, 2);
  slots = connect_partner_stats_format_slots (stats);
  g_assert_cmpstr (slots, ==, "17 of 32 committed slots used, 2 reserved");

  g_assert_cmpuint (stats->sites->len, ==, 0);
  g_assert_null (connect_partner_stats_format_sites (stats));
  g_assert_cmpuint (stats->sponsored->len, ==, 0);
  g_assert_null (connect_partner_stats_format_sponsor (stats));
}

static void
test_hospital (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(ConnectPartnerStats) stats = connect_partner_stats_new (feed, "ous");
  g_autofree char *sites = NULL;
  g_autofree char *sponsor = NULL;

  g_assert_cmpuint (stats->drugs->len, ==, 0);
  g_assert_cmpuint (stats->commitments->len, ==, 0);
  g_assert_cmpuint (stats->cohorts->len, ==, 0);
  g_assert_null (connect_partner_stats_format_cohorts (stats));
  g_assert_null (connect_partner_stats_format_slots (stats));

  g_assert_cmpuint (stats->sites->len, ==, 1);
  g_assert_cmpuint (stats->n_site_cohorts, ==, 2);

  /* It sponsors the first trial. */
  g_assert_cmpuint (stats->sponsored->len, ==, 1);
  sponsor = connect_partner_stats_format_sponsor (stats);
  g_assert_cmpstr (sponsor, ==, "Sponsor of IMPRESS test");
  sites = connect_partner_stats_format_sites (stats);
  g_assert_cmpstr (sites, ==, "1 site, 2 cohorts recruit there");
}

static void
test_no_cohorts (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(ConnectPartnerStats) stats = connect_partner_stats_new (feed, "fhi");
  g_autoptr(ConnectPartnerStats) missing = connect_partner_stats_new (feed, "nobody");

  g_assert_null (missing);
  g_assert_nonnull (stats);
  g_assert_cmpuint (stats->cohorts->len, ==, 0);
  g_assert_cmpuint (stats->n_site_cohorts, ==, 0);
  g_assert_null (connect_partner_stats_format_cohorts (stats));
  g_assert_null (connect_partner_stats_format_sites (stats));
}

static void
test_plurals (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(ConnectPartnerStats) stats = connect_partner_stats_new (feed, "roche");
  g_autofree char *one = NULL;
  g_autofree char *none_open = NULL;
  g_autofree char *none = NULL;

  /* Keep one cohort to check the wording of the other cases. */
  g_ptr_array_set_size (stats->cohorts, 1);
  stats->n_open = 1;
  one = connect_partner_stats_format_cohorts (stats);
  g_assert_cmpstr (one, ==, "Its drugs are in 1 cohort, 1 open");

  stats->n_open = 0;
  none_open = connect_partner_stats_format_cohorts (stats);
  g_assert_cmpstr (none_open, ==, "Its drugs are in 1 cohort, not open");

  g_ptr_array_set_size (stats->cohorts, 0);
  none = connect_partner_stats_format_cohorts (stats);
  g_assert_cmpstr (none, ==, "None of its drugs is in a cohort");
}

static void
test_sorted_by_kind (void)
{
  g_autoptr(ConnectFeed) feed = load_feed ("e2e/status.json");
  g_autoptr(GPtrArray) partners = connect_partners_sorted_by_kind (feed);
  const char *expected[] = { "ous", "roche", "pubgene", "fhi", "mystery" };

  g_assert_cmpuint (partners->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < partners->len; i++)
    g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (partners, i)), ==, expected[i]);

  /* The unknown kind keeps a label. */
  g_assert_cmpint (connect_partner_get_kind (g_ptr_array_index (partners, 4)), ==,
                   CONNECT_PARTNER_KIND_UNKNOWN);
  g_assert_cmpstr (connect_enum_to_label (CONNECT_TYPE_PARTNER_KIND, CONNECT_PARTNER_KIND_UNKNOWN),
                   ==, "Unknown");
}

static void
test_sample_feed (void)
{
  g_autoptr(GBytes) bytes = connect_feed_get_sample_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectFeed) feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_autoptr(GPtrArray) partners = NULL;

  g_assert_no_error (error);
  partners = connect_partners_sorted_by_kind (feed);
  g_assert_cmpuint (partners->len, ==, g_list_model_get_n_items (connect_feed_get_partners (feed)));

  for (guint i = 0; i < partners->len; i++)
    {
      const char *id = connect_entity_get_id (g_ptr_array_index (partners, i));
      g_autoptr(ConnectPartnerStats) stats = connect_partner_stats_new (feed, id);

      g_assert_nonnull (stats);
      g_assert_cmpuint (stats->n_open + stats->n_closed, <=, stats->cohorts->len);
      g_assert_cmpint (stats->used, <=, stats->slots + stats->used);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/partner-stats/company", test_company);
  g_test_add_func ("/connect/partner-stats/hospital", test_hospital);
  g_test_add_func ("/connect/partner-stats/no-cohorts", test_no_cohorts);
  g_test_add_func ("/connect/partner-stats/plurals", test_plurals);
  g_test_add_func ("/connect/partner-stats/sorted-by-kind", test_sorted_by_kind);
  g_test_add_func ("/connect/partner-stats/sample-feed", test_sample_feed);

  return g_test_run ();
}
