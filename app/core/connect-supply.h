/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-supply.h: what the Supply view shows, worded and computed
 * outside the widgets (the figures themselves come from connect-forecast.h).
 */
#pragma once

#include <gio/gio.h>

#include "connect-feed.h"
#include "connect-forecast.h"

G_BEGIN_DECLS

/* The day forecasts are made for: $CONNECT_TODAY (YYYY-MM-DD) when set
 * and valid (tests, demonstrations), else the local date. */
void        connect_supply_get_today          (GDate             *out_today);

/* Parses YYYY-MM-DD; FALSE for anything else. */
gboolean    connect_supply_parse_date         (const char        *text,
                                               GDate             *out_date);

/* The cohorts a commitment serves: those it names (that exist), else the
 * cohorts of its trial that use its drug, in feed order.
 * (transfer container) (element-type ConnectCohort) */
GPtrArray  *connect_supply_get_cohorts        (ConnectFeed       *feed,
                                               ConnectCommitment *commitment);

/* "12 used, 2 reserved, 10 left of 24" (translated). */
char       *connect_supply_format_slots       (gint64             slots,
                                               gint64             used,
                                               gint64             reserved);

/* "Roche: 96 slots, 61 used, 8 reserved, 27 left"; @partner_name NULL
 * uses the partner id. */
char       *connect_supply_format_totals      (ConnectSupplyTotals *totals,
                                               const char        *partner_name);

/* "14.2 months", or "Not enough data" when the runway is unknown. */
char       *connect_supply_format_runway      (ConnectForecast   *forecast);

/* "until 3 March 2027", or NULL when unknown. */
char       *connect_supply_format_exhausted_on (ConnectForecast  *forecast);

/* The same with a short date: "until 3 Mar 2027", or NULL. */
char       *connect_supply_format_exhausted_on_short (ConnectForecast *forecast);

/* "1 Mar 2021 – 31 Jan 2027", "from 1 Mar 2021", "until 31 Jan 2027",
 * or NULL when both are absent. */
char       *connect_supply_format_validity    (ConnectCommitment *commitment);

/* A date as "3 March 2025" (translated month names); NULL for NULL. */
char       *connect_supply_format_date        (const GDate       *date);

/* "vemurafenib (Zelboraf)" or the drug id when the feed lacks the drug. */
char       *connect_supply_drug_label         (ConnectFeed       *feed,
                                               const char        *drug_id);

/* The partner's name, or its id when the feed lacks the partner. */
const char *connect_supply_partner_label      (ConnectFeed       *feed,
                                               const char        *partner_id);

/* ConnectBurndownPoint: one point of the slots-used chart. */
typedef struct
{
  GDate  date;
  double used;
} ConnectBurndownPoint;

typedef enum
{
  /* Nothing to draw: no start date, or the start is after today. */
  CONNECT_BURNDOWN_BASIS_NONE,
  /* The feed only gives the current count: a straight line from the
   * start of the agreement (0 used) to today (the current count). */
  CONNECT_BURNDOWN_BASIS_CURRENT_COUNT,
} ConnectBurndownBasis;

/* The slots-used line of a commitment: @out_actual receives the known
 * points (valid_from → 0, today → used), @out_projection the dashed
 * projection (today → used, exhausted_on → used + remaining) when the
 * forecast has a run-out date, else an empty array. Both (transfer full)
 * GArrays of ConnectBurndownPoint. Returns what the line is based on. */
ConnectBurndownBasis connect_supply_get_burndown (ConnectForecast *forecast,
                                                  GArray         **out_actual,
                                                  GArray         **out_projection);

/* A sentence saying what the chart's line is based on (translated). */
const char *connect_supply_burndown_basis_text (ConnectBurndownBasis basis,
                                                gboolean             has_projection);

/* Compares two forecasts by a column of the Supply view: "partner",
 * "drug", "kind", "slots" (remaining, then committed), "validity"
 * (valid_until), "state", "runway" (unknown last). Ties break on the
 * commitment id. */
int         connect_supply_compare            (ConnectFeed       *feed,
                                               ConnectForecast   *a,
                                               ConnectForecast   *b,
                                               const char        *column);

G_END_DECLS
