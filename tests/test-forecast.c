/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "connect-feed.h"
#include "connect-forecast.h"

static ConnectFeed *
get_feed (void)
{
  static ConnectFeed *feed;

  if (feed == NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"),
                                                "supply", "supply.json", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize len = 0;

      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE,
                                          NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (feed);
    }

  return feed;
}

/* All forecasts are made on 2026-11-26. */
static ConnectForecast *
forecast (const char *commitment_id)
{
  ConnectCommitment *commitment = connect_feed_lookup_commitment (get_feed (), commitment_id);
  GDate today;

  g_assert_nonnull (commitment);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 26, G_DATE_NOVEMBER, 2026);

  return connect_forecast_new (commitment, &today);
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  char text[16];

  if (expected == NULL)
    {
      g_assert_null (date);
      return;
    }

  g_assert_nonnull (date);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_no_data (ConnectForecast *f)
{
  g_assert_false (connect_forecast_has_runway (f));
  g_assert_cmpfloat (connect_forecast_get_runway_months (f), ==, -1);
  g_assert_null (connect_forecast_get_exhausted_on (f));
}

static void
test_forecast_not_enough_data (void)
{
  g_autoptr(ConnectForecast) used0 = forecast ("used-0");
  g_autoptr(ConnectForecast) young = forecast ("young");
  g_autoptr(ConnectForecast) day30 = forecast ("day-30");
  g_autoptr(ConnectForecast) no_from = forecast ("no-from");

  /* nothing used yet */
  assert_no_data (used0);
  g_assert_cmpint (connect_forecast_get_remaining (used0), ==, 10);
  g_assert_cmpint (connect_forecast_get_warning (used0), ==, CONNECT_SUPPLY_WARNING_NONE);

  /* 25 days: less than a month */
  assert_no_data (young);
  g_assert_cmpint (connect_forecast_get_remaining (young), ==, 8);

  /* 30 days: 30 / 30.44 < 1 */
  assert_no_data (day30);

  /* valid_from after today */
  {
    g_autoptr(ConnectForecast) not_started = forecast ("not-started");

    assert_no_data (not_started);
    g_assert_cmpint (connect_forecast_get_remaining (not_started), ==, 9);
  }

  /* no valid_from; the end is 50 days away: the expiry warning still holds */
  assert_no_data (no_from);
  g_assert_cmpint (connect_forecast_get_remaining (no_from), ==, 6);
  g_assert_cmpint (connect_forecast_get_warning (no_from), ==,
                   CONNECT_SUPPLY_WARNING_EXPIRES_UNUSED);
  g_assert_cmpstr (connect_forecast_get_warning_text (no_from), ==,
                   "expires with 6 slots unused");
}

static void
test_forecast_one_month (void)
{
  g_autoptr(ConnectForecast) f = forecast ("day-31");

  /* 31 days = 1.0184 months, used 1: rate 0.98193 per month, 9 left:
   * runway 9.16557 months; 9 × 31 / 1 = 279 days after 2026-11-26 */
  g_assert_true (connect_forecast_has_runway (f));
  g_assert_cmpfloat_with_epsilon (connect_forecast_get_runway_months (f),
                                  9.165571616294349, 1e-9);
  assert_date (connect_forecast_get_exhausted_on (f), "2027-09-01");
  g_assert_cmpint (connect_forecast_get_warning (f), ==, CONNECT_SUPPLY_WARNING_NONE);
  g_assert_null (connect_forecast_get_warning_text (f));
}

static void
test_forecast_runs_out (void)
{
  g_autoptr(ConnectForecast) f = forecast ("runs-out");
  g_autofree char *english = NULL;

  /* 24 slots − 12 used − 2 reserved = 10; 180 days since 2026-05-30 =
   * 5.91327 months; rate 2.02932 per month; runway 4.92773 months =
   * 10 × 180 / 12 = 150 days → 2027-04-25, before 2027-12-31 */
  g_assert_cmpint (connect_forecast_get_slots (f), ==, 24);
  g_assert_cmpint (connect_forecast_get_used (f), ==, 12);
  g_assert_cmpint (connect_forecast_get_reserved (f), ==, 2);
  g_assert_cmpint (connect_forecast_get_remaining (f), ==, 10);
  g_assert_cmpfloat_with_epsilon (connect_forecast_get_runway_months (f),
                                  4.92772667542707, 1e-9);
  assert_date (connect_forecast_get_exhausted_on (f), "2027-04-25");
  g_assert_cmpint (connect_forecast_get_warning (f), ==,
                   CONNECT_SUPPLY_WARNING_RUNS_OUT_EARLY);
  g_assert_cmpstr (connect_forecast_get_warning_text (f), ==,
                   "runs out before the agreement ends");
  english = connect_forecast_dup_warning_english (f);
  g_assert_cmpstr (english, ==, "runs out before the agreement ends");
}

static void
test_forecast_expires_unused (void)
{
  g_autoptr(ConnectForecast) f = forecast ("expires");
  g_autoptr(ConnectForecast) edge90 = forecast ("edge-90");
  g_autoptr(ConnectForecast) edge91 = forecast ("edge-91");
  g_autoptr(ConnectForecast) today = forecast ("ends-today");
  g_autoptr(ConnectForecast) past = forecast ("past");
  g_autofree char *english = NULL;
  g_autofree char *english_one = NULL;

  /* 20 − 3 = 17 left; 365 days = 11.99080 months; runway 67.94788
   * months = 17 × 365 / 3 = 2068.33 days → 2032-07-25, after the end on
   * 2027-01-31, which is 66 days away */
  g_assert_cmpint (connect_forecast_get_remaining (f), ==, 17);
  g_assert_cmpfloat_with_epsilon (connect_forecast_get_runway_months (f),
                                  67.94787560227769, 1e-9);
  assert_date (connect_forecast_get_exhausted_on (f), "2032-07-25");
  g_assert_cmpint (connect_forecast_get_warning (f), ==,
                   CONNECT_SUPPLY_WARNING_EXPIRES_UNUSED);
  g_assert_cmpstr (connect_forecast_get_warning_text (f), ==,
                   "expires with 17 slots unused");
  english = connect_forecast_dup_warning_english (f);
  g_assert_cmpstr (english, ==, "expires with 17 slots unused");

  /* within 90 days: day 90 is, day 91 is not */
  g_assert_cmpint (connect_forecast_get_warning (edge90), ==,
                   CONNECT_SUPPLY_WARNING_EXPIRES_UNUSED);
  g_assert_cmpstr (connect_forecast_get_warning_text (edge90), ==,
                   "expires with 5 slots unused");
  g_assert_cmpint (connect_forecast_get_warning (edge91), ==,
                   CONNECT_SUPPLY_WARNING_NONE);

  /* ending today still counts; singular */
  g_assert_cmpint (connect_forecast_get_warning (today), ==,
                   CONNECT_SUPPLY_WARNING_EXPIRES_UNUSED);
  g_assert_cmpstr (connect_forecast_get_warning_text (today), ==,
                   "expires with 1 slot unused");
  english_one = connect_forecast_dup_warning_english (today);
  g_assert_cmpstr (english_one, ==, "expires with 1 slot unused");

  /* already ended: no longer "expires" */
  g_assert_cmpint (connect_forecast_get_remaining (past), ==, 10);
  g_assert_cmpint (connect_forecast_get_warning (past), ==,
                   CONNECT_SUPPLY_WARNING_NONE);
  g_assert_null (connect_forecast_dup_warning_english (past));
}

static void
test_forecast_over_used (void)
{
  g_autoptr(ConnectForecast) f = forecast ("over-used");

  /* 8 used + 4 reserved > 10 slots: nothing remains, not −2; runs out
   * today, before the end on 2027-06-30 */
  g_assert_cmpint (connect_forecast_get_remaining (f), ==, 0);
  g_assert_true (connect_forecast_has_runway (f));
  g_assert_cmpfloat (connect_forecast_get_runway_months (f), ==, 0);
  assert_date (connect_forecast_get_exhausted_on (f), "2026-11-26");
  g_assert_cmpint (connect_forecast_get_warning (f), ==,
                   CONNECT_SUPPLY_WARNING_RUNS_OUT_EARLY);
}

static void
test_forecast_exhausted (void)
{
  g_autoptr(ConnectForecast) f = forecast ("exhausted");

  /* all 8 used, no end date: runway 0, exhausted today, no warning */
  g_assert_cmpint (connect_forecast_get_remaining (f), ==, 0);
  g_assert_cmpfloat (connect_forecast_get_runway_months (f), ==, 0);
  assert_date (connect_forecast_get_exhausted_on (f), "2026-11-26");
  g_assert_cmpint (connect_forecast_get_warning (f), ==, CONNECT_SUPPLY_WARNING_NONE);
}

static void
test_forecast_rounding (void)
{
  g_autoptr(ConnectForecast) f = forecast ("half-day");

  /* 3 − 2 = 1 left; 61 days = 2.00394 months; rate 0.99803; runway
   * 1.00197 months = 1 × 61 / 2 = 30.5 days, rounded up to 31 */
  g_assert_cmpfloat_with_epsilon (connect_forecast_get_runway_months (f),
                                  1.0019710906701709, 1e-9);
  assert_date (connect_forecast_get_exhausted_on (f), "2026-12-27");
}

static void
test_forecast_precedence (void)
{
  g_autoptr(ConnectForecast) f = forecast ("precedence");

  /* 2 left, runs out in 2 × 180 / 8 = 45 days (2027-01-10), before the
   * end on 2027-01-31 which is also within 90 days: running out wins, as
   * nothing will be left unused */
  g_assert_cmpint (connect_forecast_get_remaining (f), ==, 2);
  assert_date (connect_forecast_get_exhausted_on (f), "2027-01-10");
  g_assert_cmpint (connect_forecast_get_warning (f), ==,
                   CONNECT_SUPPLY_WARNING_RUNS_OUT_EARLY);
}

static void
test_forecast_list_and_totals (void)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) bayer = NULL;
  g_autoptr(GListModel) totals = NULL;
  g_autoptr(ConnectSupplyTotals) novartis = NULL;
  g_autoptr(ConnectSupplyTotals) bayer_totals = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 26, G_DATE_NOVEMBER, 2026);

  all = connect_forecast_list_new (get_feed (), NULL, &today);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 16);

  bayer = connect_forecast_list_new (get_feed (), "bayer", &today);
  g_assert_cmpuint (g_list_model_get_n_items (bayer), ==, 2);

  totals = connect_supply_totals_list_new (all);
  g_assert_cmpuint (g_list_model_get_n_items (totals), ==, 4);

  novartis = g_list_model_get_item (totals, 0);
  g_assert_cmpstr (connect_supply_totals_get_partner (novartis), ==, "novartis");
  g_assert_cmpuint (connect_supply_totals_get_n_commitments (novartis), ==, 2);
  g_assert_cmpint (connect_supply_totals_get_slots (novartis), ==, 44);
  g_assert_cmpint (connect_supply_totals_get_used (novartis), ==, 15);
  g_assert_cmpint (connect_supply_totals_get_reserved (novartis), ==, 2);
  g_assert_cmpint (connect_supply_totals_get_remaining (novartis), ==, 27);
  g_assert_cmpuint (connect_supply_totals_get_n_warnings (novartis), ==, 2);

  /* remaining adds each commitment's, never below 0: 0 + 0, not −2 */
  bayer_totals = g_list_model_get_item (totals, 1);
  g_assert_cmpstr (connect_supply_totals_get_partner (bayer_totals), ==, "bayer");
  g_assert_cmpint (connect_supply_totals_get_slots (bayer_totals), ==, 18);
  g_assert_cmpint (connect_supply_totals_get_used (bayer_totals), ==, 16);
  g_assert_cmpint (connect_supply_totals_get_reserved (bayer_totals), ==, 4);
  g_assert_cmpint (connect_supply_totals_get_remaining (bayer_totals), ==, 0);
}

static void
test_forecast_properties (void)
{
  g_autoptr(ConnectForecast) f = forecast ("runs-out");
  g_autoptr(ConnectCommitment) commitment = NULL;
  GDate *exhausted = NULL;
  ConnectSupplyWarning warning;
  double runway;
  gint64 remaining;

  g_object_get (f,
                "commitment", &commitment,
                "exhausted-on", &exhausted,
                "warning", &warning,
                "runway-months", &runway,
                "remaining", &remaining,
                NULL);
  g_assert_cmpstr (connect_entity_get_id (CONNECT_ENTITY (commitment)), ==, "runs-out");
  assert_date (exhausted, "2027-04-25");
  g_assert_cmpint (warning, ==, CONNECT_SUPPLY_WARNING_RUNS_OUT_EARLY);
  g_assert_cmpfloat_with_epsilon (runway, 4.92772667542707, 1e-9);
  g_assert_cmpint (remaining, ==, 10);
  g_date_free (exhausted);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/forecast/not-enough-data", test_forecast_not_enough_data);
  g_test_add_func ("/connect/forecast/one-month", test_forecast_one_month);
  g_test_add_func ("/connect/forecast/runs-out", test_forecast_runs_out);
  g_test_add_func ("/connect/forecast/expires-unused", test_forecast_expires_unused);
  g_test_add_func ("/connect/forecast/over-used", test_forecast_over_used);
  g_test_add_func ("/connect/forecast/exhausted", test_forecast_exhausted);
  g_test_add_func ("/connect/forecast/rounding", test_forecast_rounding);
  g_test_add_func ("/connect/forecast/precedence", test_forecast_precedence);
  g_test_add_func ("/connect/forecast/list-and-totals", test_forecast_list_and_totals);
  g_test_add_func ("/connect/forecast/properties", test_forecast_properties);

  return g_test_run ();
}
