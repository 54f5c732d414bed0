/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "connect-csv.h"
#include "connect-csv-export.h"
#include "connect-feed.h"
#include "connect-forecast.h"
#include "connect-supply.h"

static ConnectFeed *
load_path (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ConnectFeed *feed;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  return feed;
}

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("CONNECT_SOURCE_ROOT"), "data", "sample-feed.json", NULL);
}

static ConnectFeed *
load_sample (void)
{
  g_autofree char *path = sample_path ();

  return load_path (path);
}

static ConnectFeed *
feed_from_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  ConnectFeed *feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

static void
set_date (GDate *date,
          guint  year,
          guint  month,
          guint  day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static void
assert_date (const GDate *date,
             guint        year,
             guint        month,
             guint        day)
{
  g_assert_nonnull (date);
  g_assert_cmpuint (g_date_get_year (date), ==, year);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_day (date), ==, day);
}

static void
test_today (void)
{
  GDate date, local;

  g_assert_true (connect_supply_parse_date ("2026-11-26", &date));
  assert_date (&date, 2026, 11, 26);
  g_assert_false (connect_supply_parse_date ("2026-02-30", &date));
  g_assert_false (connect_supply_parse_date ("2026-1-26", &date));
  g_assert_false (connect_supply_parse_date ("2026-11-26x", &date));
  g_assert_false (connect_supply_parse_date ("+026-11-26", &date));
  g_assert_false (connect_supply_parse_date (NULL, &date));

  g_setenv ("CONNECT_TODAY", "2030-01-02", TRUE);
  connect_supply_get_today (&date);
  assert_date (&date, 2030, 1, 2);

  /* An invalid override is the local date. */
  g_setenv ("CONNECT_TODAY", "soon", TRUE);
  connect_supply_get_today (&date);
  g_date_clear (&local, 1);
  g_date_set_time_t (&local, time (NULL));
  g_assert_cmpint (g_date_days_between (&local, &date), <=, 1);
  g_unsetenv ("CONNECT_TODAY");
}

static void
test_cohorts (void)
{
  g_autoptr(ConnectFeed) feed = load_sample ();
  g_autoptr(ConnectFeed) small = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  ConnectCommitment *commitment;

  /* Named cohorts. */
  commitment = connect_feed_lookup_commitment (feed, "roche-pertuzumab-2023");
  cohorts = connect_supply_get_cohorts (feed, commitment);
  g_assert_cmpuint (cohorts->len, ==, 2);
  g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (cohorts, 0)), ==, "IMP-015");
  g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (cohorts, 1)), ==, "IMP-024");
  g_clear_pointer (&cohorts, g_ptr_array_unref);

  /* None named: the cohorts of its trial using its drug (here none). */
  commitment = connect_feed_lookup_commitment (feed, "bayer-ntrk-testing-2022");
  cohorts = connect_supply_get_cohorts (feed, commitment);
  g_assert_cmpuint (cohorts->len, ==, 0);
  g_clear_pointer (&cohorts, g_ptr_array_unref);

  small = feed_from_string (
    "{\"format\": \"connect-feed\", \"version\": 1, \"generated_at\": \"2026-11-20T08:00:00Z\","
    " \"trials\": [{\"id\": \"t1\", \"name\": \"T1\"}, {\"id\": \"t2\", \"name\": \"T2\"}],"
    " \"cohorts\": ["
    "  {\"id\": \"A\", \"trial\": \"t1\", \"drugs\": [\"x\", \"y\"], \"tumor\": {\"name\": \"a\"},"
    "   \"biomarker\": {\"genes\": [\"BRAF\"]}, \"status\": \"open\"},"
    "  {\"id\": \"B\", \"trial\": \"t2\", \"drugs\": [\"x\"], \"tumor\": {\"name\": \"b\"},"
    "   \"biomarker\": {\"genes\": [\"BRAF\"]}, \"status\": \"open\"},"
    "  {\"id\": \"C\", \"trial\": \"t1\", \"drugs\": [\"z\"], \"tumor\": {\"name\": \"c\"},"
    "   \"biomarker\": {\"genes\": [\"BRAF\"]}, \"status\": \"open\"},"
    "  {\"id\": \"D\", \"trial\": \"t1\", \"drugs\": [\"x\"], \"tumor\": {\"name\": \"d\"},"
    "   \"biomarker\": {\"genes\": [\"BRAF\"]}, \"status\": \"closed\", \"outcome\": \"benefit\"}],"
    " \"commitments\": ["
    "  {\"id\": \"c1\", \"partner\": \"p\", \"drug\": \"x\", \"trial\": \"t1\", \"slots\": 8},"
    "  {\"id\": \"c2\", \"partner\": \"p\", \"drug\": \"x\", \"trial\": \"t1\", \"slots\": 8,"
    "   \"cohorts\": [\"C\", \"missing\"]}]}");

  cohorts = connect_supply_get_cohorts (small, connect_feed_lookup_commitment (small, "c1"));
  g_assert_cmpuint (cohorts->len, ==, 2);
  g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (cohorts, 0)), ==, "A");
  g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (cohorts, 1)), ==, "D");
  g_clear_pointer (&cohorts, g_ptr_array_unref);

  /* Named cohorts win, those that do not exist are left out. */
  cohorts = connect_supply_get_cohorts (small, connect_feed_lookup_commitment (small, "c2"));
  g_assert_cmpuint (cohorts->len, ==, 1);
  g_assert_cmpstr (connect_entity_get_id (g_ptr_array_index (cohorts, 0)), ==, "C");
}

static void
test_texts (void)
{
  g_autoptr(ConnectFeed) feed = load_sample ();
  g_autoptr(GListModel) forecasts = NULL;
  g_autoptr(GListModel) totals = NULL;
  g_autoptr(ConnectSupplyTotals) roche = NULL;
  g_autoptr(ConnectForecast) vemurafenib = NULL;
  g_autoptr(ConnectForecast) unused = NULL;
  g_autofree char *slots = connect_supply_format_slots (24, 12, 2);
  g_autofree char *over = connect_supply_format_slots (10, 8, 4);
  g_autofree char *totals_text = NULL;
  g_autofree char *runway = NULL;
  g_autofree char *runs_out = NULL;
  g_autofree char *no_runway = NULL;
  g_autofree char *validity = NULL;
  g_autofree char *drug = NULL;
  g_autofree char *unknown_drug = NULL;
  GDate today;

  g_assert_cmpstr (slots, ==, "12 used, 2 reserved, 10 left of 24");
  g_assert_cmpstr (over, ==, "8 used, 4 reserved, 0 left of 10");

  set_date (&today, 2026, 11, 26);
  forecasts = connect_forecast_list_new (feed, NULL, &today);
  totals = connect_supply_totals_list_new (forecasts);
  roche = g_list_model_get_item (totals, 0);
  g_assert_cmpstr (connect_supply_totals_get_partner (roche), ==, "roche");
  totals_text = connect_supply_format_totals (roche, connect_supply_partner_label (feed, "roche"));
  g_assert_cmpstr (totals_text, ==, "Roche: 268 slots, 196 used, 14 reserved, 58 left");

  /* 8 left; 14 used in 2082 days: 8 × 2082 / 14 = 1189.7 → 1190 days */
  vemurafenib = connect_forecast_new (connect_feed_lookup_commitment (feed, "roche-vemurafenib-2021"),
                                      &today);
  runway = connect_supply_format_runway (vemurafenib);
  g_assert_cmpstr (runway, ==, "39.1 months");
  runs_out = connect_supply_format_exhausted_on (vemurafenib);
  g_assert_cmpstr (runs_out, ==, "until 28 February 2030");
  validity = connect_supply_format_validity (connect_forecast_get_commitment (vemurafenib));
  g_assert_cmpstr (validity, ==, "15 Mar 2021 – 31 Jan 2027");

  unused = connect_forecast_new (connect_feed_lookup_commitment (feed, "amgen-sotorasib-2027"),
                                 &today);
  no_runway = connect_supply_format_runway (unused);
  g_assert_cmpstr (no_runway, ==, "Not enough data");
  g_assert_null (connect_supply_format_exhausted_on (unused));

  drug = connect_supply_drug_label (feed, "vemurafenib");
  g_assert_cmpstr (drug, ==, "vemurafenib (Zelboraf)");
  unknown_drug = connect_supply_drug_label (feed, "no-such-drug");
  g_assert_cmpstr (unknown_drug, ==, "no-such-drug");
  g_assert_cmpstr (connect_supply_partner_label (feed, "bms"), ==, "Bristol Myers Squibb");
  g_assert_cmpstr (connect_supply_partner_label (feed, "nobody"), ==, "nobody");
}

static void
test_burndown (void)
{
  g_autoptr(ConnectFeed) feed = load_sample ();
  g_autoptr(ConnectForecast) f = NULL;
  g_autoptr(ConnectForecast) future = NULL;
  g_autoptr(ConnectForecast) exhausted = NULL;
  g_autoptr(GArray) actual = NULL;
  g_autoptr(GArray) projection = NULL;
  ConnectBurndownPoint *p;
  GDate today;

  set_date (&today, 2026, 11, 26);
  f = connect_forecast_new (connect_feed_lookup_commitment (feed, "roche-vemurafenib-2021"), &today);
  g_assert_cmpint (connect_supply_get_burndown (f, &actual, &projection), ==,
                   CONNECT_BURNDOWN_BASIS_CURRENT_COUNT);
  g_assert_cmpuint (actual->len, ==, 2);
  p = &g_array_index (actual, ConnectBurndownPoint, 0);
  assert_date (&p->date, 2021, 3, 15);
  g_assert_cmpfloat (p->used, ==, 0);
  p = &g_array_index (actual, ConnectBurndownPoint, 1);
  assert_date (&p->date, 2026, 11, 26);
  g_assert_cmpfloat (p->used, ==, 14);
  g_assert_cmpuint (projection->len, ==, 2);
  p = &g_array_index (projection, ConnectBurndownPoint, 0);
  assert_date (&p->date, 2026, 11, 26);
  g_assert_cmpfloat (p->used, ==, 14);
  p = &g_array_index (projection, ConnectBurndownPoint, 1);
  assert_date (&p->date, 2030, 2, 28);
  g_assert_cmpfloat (p->used, ==, 22);
  g_clear_pointer (&actual, g_array_unref);
  g_clear_pointer (&projection, g_array_unref);

  /* Not started yet: nothing to draw. */
  future = connect_forecast_new (connect_feed_lookup_commitment (feed, "amgen-sotorasib-2027"), &today);
  g_assert_cmpint (connect_supply_get_burndown (future, &actual, &projection), ==,
                   CONNECT_BURNDOWN_BASIS_NONE);
  g_assert_cmpuint (actual->len, ==, 0);
  g_assert_cmpuint (projection->len, ==, 0);
  g_clear_pointer (&actual, g_array_unref);
  g_clear_pointer (&projection, g_array_unref);

  /* All used: run out today, the projection is a point. */
  exhausted = connect_forecast_new (connect_feed_lookup_commitment (feed, "bms-nivolumab-2021"), &today);
  g_assert_cmpint (connect_supply_get_burndown (exhausted, &actual, &projection), ==,
                   CONNECT_BURNDOWN_BASIS_CURRENT_COUNT);
  g_assert_cmpuint (actual->len, ==, 2);
  g_assert_cmpfloat (g_array_index (actual, ConnectBurndownPoint, 1).used, ==, 24);

  g_assert_nonnull (connect_supply_burndown_basis_text (CONNECT_BURNDOWN_BASIS_CURRENT_COUNT, TRUE));
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  gpointer *data = user_data;

  return connect_supply_compare (data[0], *(ConnectForecast **) a, *(ConnectForecast **) b, data[1]);
}

static GPtrArray *
sorted_ids (ConnectFeed *feed,
            GListModel  *forecasts,
            const char  *column)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *ids = g_ptr_array_new ();
  gpointer data[2] = { feed, (gpointer) column };

  for (guint i = 0; i < g_list_model_get_n_items (forecasts); i++)
    g_ptr_array_add (items, g_list_model_get_item (forecasts, i));
  g_ptr_array_sort_with_data (items, compare_cb, data);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (ids, (gpointer) connect_entity_get_id (CONNECT_ENTITY (
      connect_forecast_get_commitment (g_ptr_array_index (items, i)))));
  return ids;
}

static void
test_sort (void)
{
  g_autoptr(ConnectFeed) feed = load_sample ();
  g_autoptr(GListModel) forecasts = NULL;
  g_autoptr(GPtrArray) by_runway = NULL;
  g_autoptr(GPtrArray) by_partner = NULL;
  g_autoptr(GPtrArray) by_slots = NULL;
  const char *columns[] = { "partner", "drug", "kind", "slots", "validity", "state", "runway", "warning" };
  GDate today;
  guint n;

  set_date (&today, 2026, 11, 26);
  forecasts = connect_forecast_list_new (feed, NULL, &today);
  n = g_list_model_get_n_items (forecasts);

  /* Runway: shortest first, unknown last. */
  by_runway = sorted_ids (feed, forecasts, "runway");
  g_assert_cmpuint (by_runway->len, ==, n);
  {
    gboolean seen_unknown = FALSE;
    double last = -1;

    for (guint i = 0; i < by_runway->len; i++)
      {
        g_autoptr(ConnectForecast) f =
          connect_forecast_new (connect_feed_lookup_commitment (feed, g_ptr_array_index (by_runway, i)), &today);

        if (!connect_forecast_has_runway (f))
          {
            seen_unknown = TRUE;
            continue;
          }
        g_assert_false (seen_unknown);
        g_assert_cmpfloat (connect_forecast_get_runway_months (f), >=, last);
        last = connect_forecast_get_runway_months (f);
      }
    g_assert_true (seen_unknown);
  }

  /* Partner: by name (AstraZeneca before Bayer before Bristol Myers
   * Squibb), ties by id. */
  by_partner = sorted_ids (feed, forecasts, "partner");
  g_assert_cmpstr (g_ptr_array_index (by_partner, 0), ==, "amgen-sotorasib-2022");
  g_assert_cmpstr (g_ptr_array_index (by_partner, 1), ==, "amgen-sotorasib-2027");

  /* Slots: fewest left first. */
  by_slots = sorted_ids (feed, forecasts, "slots");
  {
    g_autoptr(ConnectForecast) first =
      connect_forecast_new (connect_feed_lookup_commitment (feed, g_ptr_array_index (by_slots, 0)), &today);

    g_assert_cmpint (connect_forecast_get_remaining (first), ==, 0);
  }

  /* Every column is a total order that agrees with itself. */
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(ConnectForecast) a = g_list_model_get_item (forecasts, i);

        g_assert_cmpint (connect_supply_compare (feed, a, a, columns[c]), ==, 0);
        for (guint j = 0; j < n; j++)
          {
            g_autoptr(ConnectForecast) b = g_list_model_get_item (forecasts, j);
            int ab = connect_supply_compare (feed, a, b, columns[c]);
            int ba = connect_supply_compare (feed, b, a, columns[c]);

            if (i != j)
              g_assert_cmpint (ab, !=, 0);
            g_assert_cmpint ((ab > 0) - (ab < 0), ==, -((ba > 0) - (ba < 0)));
          }
      }
}

/* The app's export of an unfiltered list equals `connect-feed export`
 * byte for byte: the same rows through the app's path (a list of the
 * rows shown: forecasts for commitments, entities for the others) against
 * the output of the built tool run as a process. */
static void
check_export_equals_tool (const char *feed_path)
{
  g_autoptr(ConnectFeed) feed = load_path (feed_path);
  const char *tool = g_getenv ("CONNECT_FEED");
  const char *lists[] = { "cohorts", "commitments", "sites", "partners" };
  GDate today;

  g_assert_nonnull (tool);
  set_date (&today, 2026, 11, 26);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      const char *argv[] = { tool, "export", feed_path, "--what", lists[i], NULL };
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GBytes) tool_out = NULL;
      g_autoptr(GBytes) app_out = NULL;
      g_autoptr(GListModel) shown = NULL;
      g_autoptr(GError) error = NULL;
      ConnectEntityKind kind;

      process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);
      g_subprocess_communicate (process, NULL, NULL, &tool_out, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

      g_assert_true (connect_csv_kind_from_name (lists[i], &kind));
      if (kind == CONNECT_ENTITY_KIND_COMMITMENT)
        {
          shown = connect_forecast_list_new (feed, NULL, &today);
        }
      else
        {
          GListModel *all = connect_feed_get_entities (feed, kind);
          GListStore *store = g_list_store_new (CONNECT_TYPE_ENTITY);

          for (guint j = 0; j < g_list_model_get_n_items (all); j++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (all, j);

              g_list_store_append (store, item);
            }
          shown = G_LIST_MODEL (store);
        }

      app_out = connect_csv_export (feed, kind, shown);
      g_assert_cmpuint (g_bytes_get_size (app_out), >, 0);
      g_assert_cmpmem (g_bytes_get_data (app_out, NULL), g_bytes_get_size (app_out),
                       g_bytes_get_data (tool_out, NULL), g_bytes_get_size (tool_out));
    }
}

static void
test_export_equals_tool (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *supply = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), "e2e", "supply.json", NULL);

  check_export_equals_tool (sample);
  check_export_equals_tool (supply);
}

/* A filtered view exports only its rows, in its order. */
static void
test_export_filtered (void)
{
  g_autoptr(ConnectFeed) feed = load_sample ();
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  GDate today;

  set_date (&today, 2026, 11, 26);
  shown = connect_forecast_list_new (feed, "bms", &today);
  csv = connect_csv_export (feed, CONNECT_ENTITY_KIND_COMMITMENT, shown);
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  /* header, 4 BMS commitments, the empty rest after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[1], "bms-nivolumab-2021,"));
  g_assert_true (g_str_has_prefix (lines[4], "bms-ipilimumab-2023,"));
  g_assert_cmpstr (connect_csv_export_filename (CONNECT_ENTITY_KIND_COMMITMENT), ==, "commitments.csv");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/supply/today", test_today);
  g_test_add_func ("/connect/supply/cohorts", test_cohorts);
  g_test_add_func ("/connect/supply/texts", test_texts);
  g_test_add_func ("/connect/supply/burndown", test_burndown);
  g_test_add_func ("/connect/supply/sort", test_sort);
  g_test_add_func ("/connect/supply/export-equals-tool", test_export_equals_tool);
  g_test_add_func ("/connect/supply/export-filtered", test_export_filtered);

  return g_test_run ();
}
