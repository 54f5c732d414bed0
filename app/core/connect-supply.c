/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "connect-supply.h"

gboolean
connect_supply_parse_date (const char *text,
                           GDate      *out_date)
{
  guint year, month, day;
  int consumed = 0;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  if (sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &consumed) != 3 || consumed != 10)
    return FALSE;

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

void
connect_supply_get_today (GDate *out_today)
{
  const char *env;

  g_return_if_fail (out_today != NULL);

  env = g_getenv ("CONNECT_TODAY");
  if (env != NULL && connect_supply_parse_date (env, out_today))
    return;

  g_date_clear (out_today, 1);
  g_date_set_time_t (out_today, time (NULL));
}

/**
 * connect_supply_get_cohorts:
 *
 * Returns: (transfer container) (element-type ConnectCohort): the cohorts
 *   @commitment serves
 */
GPtrArray *
connect_supply_get_cohorts (ConnectFeed       *feed,
                            ConnectCommitment *commitment)
{
  GPtrArray *cohorts;
  const char * const *ids;
  const char *trial, *drug;
  GListModel *all;
  guint n;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (commitment), NULL);

  cohorts = g_ptr_array_new ();
  ids = connect_commitment_get_cohorts (commitment);

  if (ids != NULL && ids[0] != NULL)
    {
      for (guint i = 0; ids[i] != NULL; i++)
        {
          ConnectCohort *cohort = connect_feed_lookup_cohort (feed, ids[i]);

          if (cohort != NULL && !g_ptr_array_find (cohorts, cohort, NULL))
            g_ptr_array_add (cohorts, cohort);
        }
      return cohorts;
    }

  trial = connect_commitment_get_trial (commitment);
  drug = connect_commitment_get_drug (commitment);
  all = connect_feed_get_cohorts (feed);
  n = g_list_model_get_n_items (all);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (all, i);
      const char * const *drugs = connect_cohort_get_drugs (cohort);

      if (g_strcmp0 (connect_cohort_get_trial (cohort), trial) != 0)
        continue;
      if (drugs == NULL || !g_strv_contains (drugs, drug))
        continue;

      g_ptr_array_add (cohorts, cohort);
    }

  return cohorts;
}

char *
connect_supply_format_slots (gint64 slots,
                             gint64 used,
                             gint64 reserved)
{
  gint64 left;

  used = MAX (used, 0);
  reserved = MAX (reserved, 0);
  slots = MAX (slots, 0);
  left = MAX (slots - used - reserved, 0);

  /* TRANSLATORS: the slots of a drug commitment: "12 used, 2 reserved,
   * 10 left of 24" */
  return g_strdup_printf (_("%" PRId64 " used, %" PRId64 " reserved, "
                            "%" PRId64 " left of %" PRId64),
                          used, reserved, left, slots);
}

char *
connect_supply_format_totals (ConnectSupplyTotals *totals,
                              const char          *partner_name)
{
  g_return_val_if_fail (CONNECT_IS_SUPPLY_TOTALS (totals), NULL);

  if (partner_name == NULL)
    partner_name = connect_supply_totals_get_partner (totals);

  /* TRANSLATORS: one partner's commitments added up: "Roche: 96 slots,
   * 61 used, 8 reserved, 27 left" */
  return g_strdup_printf (_("%s: %" PRId64 " slots, %" PRId64 " used, "
                            "%" PRId64 " reserved, %" PRId64 " left"),
                          partner_name,
                          connect_supply_totals_get_slots (totals),
                          connect_supply_totals_get_used (totals),
                          connect_supply_totals_get_reserved (totals),
                          connect_supply_totals_get_remaining (totals));
}

char *
connect_supply_format_runway (ConnectForecast *forecast)
{
  double months;

  g_return_val_if_fail (CONNECT_IS_FORECAST (forecast), NULL);

  if (!connect_forecast_has_runway (forecast))
    return g_strdup (_("Not enough data"));

  months = connect_forecast_get_runway_months (forecast);
  /* TRANSLATORS: supply left, in months: "14.2 months" */
  return g_strdup_printf (_("%.1f months"), months);
}

char *
connect_supply_format_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;
  char *text;

  if (date == NULL || !g_date_valid (date))
    return NULL;

  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 12, 0, 0);
  if (dt == NULL)
    return NULL;

  /* TRANSLATORS: a date, "3 March 2027"; see g_date_time_format() */
  text = g_date_time_format (dt, _("%-d %B %Y"));
  return text;
}

static char *
format_short_date (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 12, 0, 0);
  if (dt == NULL)
    return NULL;

  /* TRANSLATORS: a short date, "3 Mar 2027"; see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

char *
connect_supply_format_exhausted_on (ConnectForecast *forecast)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (CONNECT_IS_FORECAST (forecast), NULL);

  date = connect_supply_format_date (connect_forecast_get_exhausted_on (forecast));
  if (date == NULL)
    return NULL;

  /* TRANSLATORS: when committed slots run out: "until 3 March 2027" */
  return g_strdup_printf (_("until %s"), date);
}

char *
connect_supply_format_exhausted_on_short (ConnectForecast *forecast)
{
  g_autofree char *date = NULL;
  const GDate *exhausted_on;

  g_return_val_if_fail (CONNECT_IS_FORECAST (forecast), NULL);

  exhausted_on = connect_forecast_get_exhausted_on (forecast);
  if (exhausted_on == NULL || !g_date_valid (exhausted_on))
    return NULL;

  date = format_short_date (exhausted_on);
  /* TRANSLATORS: when committed slots run out: "until 3 Mar 2027" */
  return date != NULL ? g_strdup_printf (_("until %s"), date) : NULL;
}

char *
connect_supply_format_validity (ConnectCommitment *commitment)
{
  const GDate *from, *until;
  g_autofree char *from_text = NULL;
  g_autofree char *until_text = NULL;

  g_return_val_if_fail (CONNECT_IS_COMMITMENT (commitment), NULL);

  from = connect_commitment_get_valid_from (commitment);
  until = connect_commitment_get_valid_until (commitment);

  if (from != NULL)
    from_text = format_short_date (from);
  if (until != NULL)
    until_text = format_short_date (until);

  if (from_text != NULL && until_text != NULL)
    /* TRANSLATORS: a period of validity: "1 Mar 2021 – 31 Jan 2027" */
    return g_strdup_printf (_("%s – %s"), from_text, until_text);
  if (from_text != NULL)
    /* TRANSLATORS: a period of validity without an end */
    return g_strdup_printf (_("from %s"), from_text);
  if (until_text != NULL)
    /* TRANSLATORS: a period of validity without a start */
    return g_strdup_printf (_("until %s"), until_text);

  return NULL;
}

char *
connect_supply_drug_label (ConnectFeed *feed,
                           const char  *drug_id)
{
  ConnectDrug *drug;
  const char * const *brands;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);

  if (drug_id == NULL)
    return g_strdup ("");

  drug = connect_feed_lookup_drug (feed, drug_id);
  if (drug == NULL)
    return g_strdup (drug_id);

  brands = connect_drug_get_brands (drug);
  if (brands == NULL || brands[0] == NULL)
    return g_strdup (connect_drug_get_name (drug));

  joined = g_strjoinv (", ", (char **) brands);
  /* TRANSLATORS: a drug with its brand names: "vemurafenib (Zelboraf)" */
  return g_strdup_printf (_("%s (%s)"), connect_drug_get_name (drug), joined);
}

const char *
connect_supply_partner_label (ConnectFeed *feed,
                              const char  *partner_id)
{
  ConnectPartner *partner;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);

  if (partner_id == NULL)
    return "";

  partner = connect_feed_lookup_partner (feed, partner_id);
  return partner != NULL ? connect_partner_get_name (partner) : partner_id;
}

ConnectBurndownBasis
connect_supply_get_burndown (ConnectForecast  *forecast,
                             GArray          **out_actual,
                             GArray          **out_projection)
{
  ConnectCommitment *commitment;
  const GDate *from, *today, *exhausted_on;
  GArray *actual, *projection;
  ConnectBurndownPoint point;

  g_return_val_if_fail (CONNECT_IS_FORECAST (forecast), CONNECT_BURNDOWN_BASIS_NONE);
  g_return_val_if_fail (out_actual != NULL, CONNECT_BURNDOWN_BASIS_NONE);
  g_return_val_if_fail (out_projection != NULL, CONNECT_BURNDOWN_BASIS_NONE);

  actual = g_array_new (FALSE, TRUE, sizeof (ConnectBurndownPoint));
  projection = g_array_new (FALSE, TRUE, sizeof (ConnectBurndownPoint));
  *out_actual = actual;
  *out_projection = projection;

  commitment = connect_forecast_get_commitment (forecast);
  from = connect_commitment_get_valid_from (commitment);
  today = connect_forecast_get_today (forecast);

  if (from == NULL || today == NULL || g_date_compare (from, today) > 0)
    return CONNECT_BURNDOWN_BASIS_NONE;

  point.date = *from;
  point.used = 0;
  g_array_append_val (actual, point);
  point.date = *today;
  point.used = connect_forecast_get_used (forecast);
  g_array_append_val (actual, point);

  exhausted_on = connect_forecast_get_exhausted_on (forecast);
  if (connect_forecast_has_runway (forecast) && exhausted_on != NULL &&
      g_date_compare (exhausted_on, today) >= 0)
    {
      g_array_append_val (projection, point);
      point.date = *exhausted_on;
      point.used = connect_forecast_get_used (forecast) + connect_forecast_get_remaining (forecast);
      g_array_append_val (projection, point);
    }

  return CONNECT_BURNDOWN_BASIS_CURRENT_COUNT;
}

const char *
connect_supply_burndown_basis_text (ConnectBurndownBasis basis,
                                    gboolean             has_projection)
{
  switch (basis)
    {
    case CONNECT_BURNDOWN_BASIS_CURRENT_COUNT:
      if (has_projection)
        return _("The feed gives only the number of slots used today, so the solid line runs straight "
                 "from the start of the agreement to today. The dashed line projects the average rate "
                 "so far to the day the slots run out.");
      return _("The feed gives only the number of slots used today, so the line runs straight "
               "from the start of the agreement to today. There is not enough data for a projection.");
    case CONNECT_BURNDOWN_BASIS_NONE:
    default:
      return _("No chart: the agreement has no start date or has not started yet.");
    }
}

static int
compare_dates (const GDate *a,
               const GDate *b)
{
  /* Absent dates sort last. */
  if (a == NULL && b == NULL)
    return 0;
  if (a == NULL)
    return 1;
  if (b == NULL)
    return -1;
  return g_date_compare (a, b);
}

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return a < b ? -1 : (a > b ? 1 : 0);
}

int
connect_supply_compare (ConnectFeed     *feed,
                        ConnectForecast *a,
                        ConnectForecast *b,
                        const char      *column)
{
  ConnectCommitment *ca, *cb;
  int result = 0;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), 0);
  g_return_val_if_fail (CONNECT_IS_FORECAST (a), 0);
  g_return_val_if_fail (CONNECT_IS_FORECAST (b), 0);
  g_return_val_if_fail (column != NULL, 0);

  ca = connect_forecast_get_commitment (a);
  cb = connect_forecast_get_commitment (b);

  if (g_str_equal (column, "partner"))
    {
      result = g_utf8_collate (connect_supply_partner_label (feed, connect_commitment_get_partner (ca)),
                               connect_supply_partner_label (feed, connect_commitment_get_partner (cb)));
    }
  else if (g_str_equal (column, "drug"))
    {
      g_autofree char *la = connect_supply_drug_label (feed, connect_commitment_get_drug (ca));
      g_autofree char *lb = connect_supply_drug_label (feed, connect_commitment_get_drug (cb));

      result = g_utf8_collate (la, lb);
    }
  else if (g_str_equal (column, "kind"))
    {
      result = compare_int64 (connect_commitment_get_kind (ca), connect_commitment_get_kind (cb));
    }
  else if (g_str_equal (column, "slots"))
    {
      result = compare_int64 (connect_forecast_get_remaining (a), connect_forecast_get_remaining (b));
      if (result == 0)
        result = compare_int64 (connect_forecast_get_slots (a), connect_forecast_get_slots (b));
    }
  else if (g_str_equal (column, "validity"))
    {
      result = compare_dates (connect_commitment_get_valid_until (ca),
                              connect_commitment_get_valid_until (cb));
      if (result == 0)
        result = compare_dates (connect_commitment_get_valid_from (ca),
                                connect_commitment_get_valid_from (cb));
    }
  else if (g_str_equal (column, "state"))
    {
      result = compare_int64 (connect_commitment_get_state (ca), connect_commitment_get_state (cb));
    }
  else if (g_str_equal (column, "runway"))
    {
      gboolean ha = connect_forecast_has_runway (a);
      gboolean hb = connect_forecast_has_runway (b);

      if (ha && hb)
        {
          double ra = connect_forecast_get_runway_months (a);
          double rb = connect_forecast_get_runway_months (b);

          result = ra < rb ? -1 : (ra > rb ? 1 : 0);
        }
      else if (ha != hb)
        {
          result = ha ? -1 : 1;
        }
    }
  else if (g_str_equal (column, "warning"))
    {
      result = -compare_int64 (connect_forecast_get_warning (a), connect_forecast_get_warning (b));
    }

  if (result == 0)
    result = g_strcmp0 (connect_entity_get_id (CONNECT_ENTITY (ca)),
                        connect_entity_get_id (CONNECT_ENTITY (cb)));

  return result;
}
