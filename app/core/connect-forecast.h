/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-forecast.h: when committed drug slots run out (DESIGN.md,
 * "Supply forecast").
 *
 * For each commitment, as of a day `today`:
 * - remaining = slots − used − reserved, not below 0 (an absent used or
 *   reserved counts as 0);
 * - months = days(valid_from → today) / 30.44;
 * - when used > 0 and months ≥ 1: rate = used / months,
 *   runway_months = remaining / rate, and exhausted_on = today +
 *   runway_months × 30.44 days. That product is exactly
 *   remaining × days(valid_from → today) / used days; it is computed in
 *   whole numbers and rounded to the nearest day, halves up. When the date
 *   would fall after the year 9999 exhausted_on is %NULL while
 *   runway_months keeps its value;
 * - otherwise (used is 0, less than a month has passed, valid_from is
 *   absent or after today) neither is known: "not enough data";
 * - warning, the first that applies:
 *   CONNECT_SUPPLY_WARNING_RUNS_OUT_EARLY ("runs out before the agreement
 *   ends") when exhausted_on is before valid_until;
 *   CONNECT_SUPPLY_WARNING_EXPIRES_UNUSED ("expires with N slots unused",
 *   N = remaining) when remaining > 0 and valid_until is today or within
 *   the next 90 days (an agreement that has already ended gets no warning:
 *   it no longer expires);
 *   else CONNECT_SUPPLY_WARNING_NONE.
 */
#pragma once

#include <gio/gio.h>

#include "connect-feed.h"

G_BEGIN_DECLS

/* Days in an average month, as the forecast counts them. */
#define CONNECT_FORECAST_DAYS_PER_MONTH 30.44
/* How close the end of an agreement must be for "expires unused". */
#define CONNECT_FORECAST_EXPIRY_WARNING_DAYS 90

#define CONNECT_TYPE_FORECAST (connect_forecast_get_type ())
G_DECLARE_FINAL_TYPE (ConnectForecast, connect_forecast, CONNECT, FORECAST, GObject)

ConnectForecast      *connect_forecast_new                (ConnectCommitment *commitment,
                                                           const GDate       *today);
ConnectCommitment    *connect_forecast_get_commitment     (ConnectForecast   *self);
const GDate          *connect_forecast_get_today          (ConnectForecast   *self);
gint64                connect_forecast_get_slots          (ConnectForecast   *self);
gint64                connect_forecast_get_used           (ConnectForecast   *self);
gint64                connect_forecast_get_reserved       (ConnectForecast   *self);
gint64                connect_forecast_get_remaining      (ConnectForecast   *self);
/* FALSE: "not enough data"; runway and exhaustion date are unknown */
gboolean              connect_forecast_has_runway         (ConnectForecast   *self);
/* months of supply left, or -1 when unknown */
double                connect_forecast_get_runway_months  (ConnectForecast   *self);
/* (nullable): the day the slots run out, or NULL when unknown */
const GDate          *connect_forecast_get_exhausted_on   (ConnectForecast   *self);
ConnectSupplyWarning  connect_forecast_get_warning        (ConnectForecast   *self);
/* (nullable): the warning in the user's language, NULL for none */
const char           *connect_forecast_get_warning_text   (ConnectForecast   *self);
/* (nullable) (transfer full): the warning in English, for machines and
 * logs ("expires with 3 slots unused"), NULL for none */
char                 *connect_forecast_dup_warning_english (ConnectForecast  *self);

/* The forecasts of every commitment of @feed, in feed order, optionally
 * only those of one partner (by id); @today NULL means the local date.
 * (transfer full) (element-type ConnectForecast). */
GListModel           *connect_forecast_list_new           (ConnectFeed       *feed,
                                                           const char        *partner,
                                                           const GDate       *today);

/* ConnectSupplyTotals: one partner's commitments added up. */

#define CONNECT_TYPE_SUPPLY_TOTALS (connect_supply_totals_get_type ())
G_DECLARE_FINAL_TYPE (ConnectSupplyTotals, connect_supply_totals, CONNECT, SUPPLY_TOTALS, GObject)

const char *connect_supply_totals_get_partner       (ConnectSupplyTotals *self);
guint       connect_supply_totals_get_n_commitments (ConnectSupplyTotals *self);
gint64      connect_supply_totals_get_slots         (ConnectSupplyTotals *self);
gint64      connect_supply_totals_get_used          (ConnectSupplyTotals *self);
gint64      connect_supply_totals_get_reserved      (ConnectSupplyTotals *self);
gint64      connect_supply_totals_get_remaining     (ConnectSupplyTotals *self);
/* how many of the partner's commitments carry a warning */
guint       connect_supply_totals_get_n_warnings    (ConnectSupplyTotals *self);

/* Totals per partner (by partner id) over @forecasts (element-type
 * ConnectForecast), in the order partners first appear; remaining is the
 * sum of each commitment's remaining (each not below 0).
 * (transfer full) (element-type ConnectSupplyTotals). */
GListModel *connect_supply_totals_list_new (GListModel *forecasts);

G_END_DECLS
