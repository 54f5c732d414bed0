/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-forecast.c: the supply forecast; the rules are documented in
 * connect-forecast.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "connect-forecast.h"

struct _ConnectForecast
{
  GObject parent_instance;

  ConnectCommitment *commitment;
  GDate today;
  gint64 slots;
  gint64 used;
  gint64 reserved;
  gint64 remaining;
  double runway_months;
  GDate exhausted_on;
  gboolean has_runway;
  ConnectSupplyWarning warning;
  char *warning_text;
};

G_DEFINE_FINAL_TYPE (ConnectForecast, connect_forecast, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMMITMENT,
  PROP_SLOTS,
  PROP_USED,
  PROP_RESERVED,
  PROP_REMAINING,
  PROP_HAS_RUNWAY,
  PROP_RUNWAY_MONTHS,
  PROP_EXHAUSTED_ON,
  PROP_WARNING,
  PROP_WARNING_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_local_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
compute (ConnectForecast *self)
{
  ConnectCommitment *commitment = self->commitment;
  const GDate *valid_from = connect_commitment_get_valid_from (commitment);
  const GDate *valid_until = connect_commitment_get_valid_until (commitment);

  self->slots = MAX (connect_commitment_get_slots (commitment), 0);
  self->used = MAX (connect_commitment_get_used (commitment), 0);
  self->reserved = MAX (connect_commitment_get_reserved (commitment), 0);
  self->remaining = MAX (self->slots - self->used - self->reserved, 0);
  self->runway_months = -1;
  g_date_clear (&self->exhausted_on, 1);

  if (valid_from != NULL && self->used > 0)
    {
      gint64 elapsed = g_date_days_between (valid_from, &self->today);
      double months = elapsed / CONNECT_FORECAST_DAYS_PER_MONTH;

      if (months >= 1.0)
        {
          double rate = self->used / months;
          /* remaining × 30.44 × months / used = remaining × elapsed / used
           * days, rounded to the nearest day, halves up */
          gint64 days = (2 * self->remaining * elapsed + self->used) / (2 * self->used);
          GDate last;

          self->has_runway = TRUE;
          self->runway_months = self->remaining / rate;

          g_date_clear (&last, 1);
          g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 9999);
          if ((gint64) g_date_get_julian (&self->today) + days <=
              (gint64) g_date_get_julian (&last))
            {
              self->exhausted_on = self->today;
              g_date_add_days (&self->exhausted_on, (guint) days);
            }
        }
    }

  self->warning = CONNECT_SUPPLY_WARNING_NONE;
  if (valid_until != NULL)
    {
      gint64 until_end = g_date_days_between (&self->today, valid_until);

      if (g_date_valid (&self->exhausted_on) &&
          g_date_compare (&self->exhausted_on, valid_until) < 0)
        self->warning = CONNECT_SUPPLY_WARNING_RUNS_OUT_EARLY;
      else if (self->remaining > 0 && until_end >= 0 &&
               until_end <= CONNECT_FORECAST_EXPIRY_WARNING_DAYS)
        self->warning = CONNECT_SUPPLY_WARNING_EXPIRES_UNUSED;
    }

  switch (self->warning)
    {
    case CONNECT_SUPPLY_WARNING_RUNS_OUT_EARLY:
      /* Translators: a warning about a company's drug supply */
      self->warning_text = g_strdup (_("runs out before the agreement ends"));
      break;

    case CONNECT_SUPPLY_WARNING_EXPIRES_UNUSED:
      /* Translators: a warning about a company's drug supply; a slot is
       * one patient's treatment */
      self->warning_text = g_strdup_printf (ngettext ("expires with %u slot unused",
                                                      "expires with %u slots unused",
                                                      (gulong) self->remaining),
                                            (guint) self->remaining);
      break;

    case CONNECT_SUPPLY_WARNING_NONE:
    default:
      break;
    }
}

static void
connect_forecast_finalize (GObject *object)
{
  ConnectForecast *self = CONNECT_FORECAST (object);

  g_clear_object (&self->commitment);
  g_clear_pointer (&self->warning_text, g_free);

  G_OBJECT_CLASS (connect_forecast_parent_class)->finalize (object);
}

static void
connect_forecast_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ConnectForecast *self = CONNECT_FORECAST (object);

  switch (prop_id)
    {
    case PROP_COMMITMENT:
      g_value_set_object (value, self->commitment);
      break;

    case PROP_SLOTS:
      g_value_set_int64 (value, self->slots);
      break;

    case PROP_USED:
      g_value_set_int64 (value, self->used);
      break;

    case PROP_RESERVED:
      g_value_set_int64 (value, self->reserved);
      break;

    case PROP_REMAINING:
      g_value_set_int64 (value, self->remaining);
      break;

    case PROP_HAS_RUNWAY:
      g_value_set_boolean (value, self->has_runway);
      break;

    case PROP_RUNWAY_MONTHS:
      g_value_set_double (value, self->runway_months);
      break;

    case PROP_EXHAUSTED_ON:
      g_value_set_boxed (value, connect_forecast_get_exhausted_on (self));
      break;

    case PROP_WARNING:
      g_value_set_enum (value, self->warning);
      break;

    case PROP_WARNING_TEXT:
      g_value_set_string (value, self->warning_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_forecast_class_init (ConnectForecastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = connect_forecast_finalize;
  object_class->get_property = connect_forecast_get_property;

  properties[PROP_COMMITMENT] =
    g_param_spec_object ("commitment", NULL, NULL, CONNECT_TYPE_COMMITMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOTS] =
    g_param_spec_int64 ("slots", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USED] =
    g_param_spec_int64 ("used", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESERVED] =
    g_param_spec_int64 ("reserved", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMAINING] =
    g_param_spec_int64 ("remaining", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_RUNWAY] =
    g_param_spec_boolean ("has-runway", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNWAY_MONTHS] =
    g_param_spec_double ("runway-months", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXHAUSTED_ON] =
    g_param_spec_boxed ("exhausted-on", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING] =
    g_param_spec_enum ("warning", NULL, NULL, CONNECT_TYPE_SUPPLY_WARNING,
                       CONNECT_SUPPLY_WARNING_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING_TEXT] =
    g_param_spec_string ("warning-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
connect_forecast_init (ConnectForecast *self)
{
  g_date_clear (&self->today, 1);
  g_date_clear (&self->exhausted_on, 1);
  self->runway_months = -1;
}

/**
 * connect_forecast_new:
 * @commitment: a commitment
 * @today: (nullable): the day to forecast from; %NULL for the local date
 *
 * Returns: (transfer full): the forecast of @commitment as of @today
 */
ConnectForecast *
connect_forecast_new (ConnectCommitment *commitment,
                      const GDate       *today)
{
  ConnectForecast *self;

  g_return_val_if_fail (CONNECT_IS_COMMITMENT (commitment), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  self = g_object_new (CONNECT_TYPE_FORECAST, NULL);
  self->commitment = g_object_ref (commitment);
  if (today != NULL)
    self->today = *today;
  else
    set_local_today (&self->today);

  compute (self);

  return self;
}

/**
 * connect_forecast_get_commitment:
 *
 * Returns: (transfer none): the commitment
 */
ConnectCommitment *
connect_forecast_get_commitment (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), NULL);

  return self->commitment;
}

const GDate *
connect_forecast_get_today (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), NULL);

  return &self->today;
}

gint64
connect_forecast_get_slots (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), 0);

  return self->slots;
}

gint64
connect_forecast_get_used (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), 0);

  return self->used;
}

gint64
connect_forecast_get_reserved (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), 0);

  return self->reserved;
}

gint64
connect_forecast_get_remaining (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), 0);

  return self->remaining;
}

gboolean
connect_forecast_has_runway (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), FALSE);

  return self->has_runway;
}

double
connect_forecast_get_runway_months (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), -1);

  return self->runway_months;
}

const GDate *
connect_forecast_get_exhausted_on (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), NULL);

  return g_date_valid (&self->exhausted_on) ? &self->exhausted_on : NULL;
}

ConnectSupplyWarning
connect_forecast_get_warning (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), CONNECT_SUPPLY_WARNING_NONE);

  return self->warning;
}

const char *
connect_forecast_get_warning_text (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), NULL);

  return self->warning_text;
}

char *
connect_forecast_dup_warning_english (ConnectForecast *self)
{
  g_return_val_if_fail (CONNECT_IS_FORECAST (self), NULL);

  switch (self->warning)
    {
    case CONNECT_SUPPLY_WARNING_RUNS_OUT_EARLY:
      return g_strdup ("runs out before the agreement ends");

    case CONNECT_SUPPLY_WARNING_EXPIRES_UNUSED:
      return g_strdup_printf (self->remaining == 1 ? "expires with %u slot unused"
                                                   : "expires with %u slots unused",
                              (guint) self->remaining);

    case CONNECT_SUPPLY_WARNING_NONE:
    default:
      return NULL;
    }
}

GListModel *
connect_forecast_list_new (ConnectFeed *feed,
                           const char  *partner,
                           const GDate *today)
{
  GListModel *commitments;
  g_autoptr(GPtrArray) forecasts = NULL;
  GListStore *store;
  GDate day;
  guint n;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  if (today != NULL)
    day = *today;
  else
    set_local_today (&day);

  commitments = connect_feed_get_commitments (feed);
  n = g_list_model_get_n_items (commitments);
  forecasts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCommitment) commitment = g_list_model_get_item (commitments, i);

      if (partner != NULL &&
          g_strcmp0 (connect_commitment_get_partner (commitment), partner) != 0)
        continue;

      g_ptr_array_add (forecasts, connect_forecast_new (commitment, &day));
    }

  store = g_list_store_new (CONNECT_TYPE_FORECAST);
  g_list_store_splice (store, 0, 0, forecasts->pdata, forecasts->len);

  return G_LIST_MODEL (store);
}

/* ConnectSupplyTotals */

struct _ConnectSupplyTotals
{
  GObject parent_instance;

  char *partner;
  guint n_commitments;
  guint n_warnings;
  gint64 slots;
  gint64 used;
  gint64 reserved;
  gint64 remaining;
};

G_DEFINE_FINAL_TYPE (ConnectSupplyTotals, connect_supply_totals, G_TYPE_OBJECT)

enum {
  TOTALS_PROP_0,
  TOTALS_PROP_PARTNER,
  TOTALS_PROP_N_COMMITMENTS,
  TOTALS_PROP_N_WARNINGS,
  TOTALS_PROP_SLOTS,
  TOTALS_PROP_USED,
  TOTALS_PROP_RESERVED,
  TOTALS_PROP_REMAINING,
  TOTALS_N_PROPS
};

static GParamSpec *totals_properties[TOTALS_N_PROPS];

static void
connect_supply_totals_finalize (GObject *object)
{
  ConnectSupplyTotals *self = CONNECT_SUPPLY_TOTALS (object);

  g_clear_pointer (&self->partner, g_free);

  G_OBJECT_CLASS (connect_supply_totals_parent_class)->finalize (object);
}

static void
connect_supply_totals_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ConnectSupplyTotals *self = CONNECT_SUPPLY_TOTALS (object);

  switch (prop_id)
    {
    case TOTALS_PROP_PARTNER:
      g_value_set_string (value, self->partner);
      break;

    case TOTALS_PROP_N_COMMITMENTS:
      g_value_set_uint (value, self->n_commitments);
      break;

    case TOTALS_PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;

    case TOTALS_PROP_SLOTS:
      g_value_set_int64 (value, self->slots);
      break;

    case TOTALS_PROP_USED:
      g_value_set_int64 (value, self->used);
      break;

    case TOTALS_PROP_RESERVED:
      g_value_set_int64 (value, self->reserved);
      break;

    case TOTALS_PROP_REMAINING:
      g_value_set_int64 (value, self->remaining);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_supply_totals_class_init (ConnectSupplyTotalsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = connect_supply_totals_finalize;
  object_class->get_property = connect_supply_totals_get_property;

  totals_properties[TOTALS_PROP_PARTNER] =
    g_param_spec_string ("partner", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  totals_properties[TOTALS_PROP_N_COMMITMENTS] =
    g_param_spec_uint ("n-commitments", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  totals_properties[TOTALS_PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  totals_properties[TOTALS_PROP_SLOTS] =
    g_param_spec_int64 ("slots", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  totals_properties[TOTALS_PROP_USED] =
    g_param_spec_int64 ("used", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  totals_properties[TOTALS_PROP_RESERVED] =
    g_param_spec_int64 ("reserved", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  totals_properties[TOTALS_PROP_REMAINING] =
    g_param_spec_int64 ("remaining", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, TOTALS_N_PROPS,
                                     totals_properties);
}

static void
connect_supply_totals_init (ConnectSupplyTotals *self)
{
}

const char *
connect_supply_totals_get_partner (ConnectSupplyTotals *self)
{
  g_return_val_if_fail (CONNECT_IS_SUPPLY_TOTALS (self), NULL);

  return self->partner;
}

guint
connect_supply_totals_get_n_commitments (ConnectSupplyTotals *self)
{
  g_return_val_if_fail (CONNECT_IS_SUPPLY_TOTALS (self), 0);

  return self->n_commitments;
}

gint64
connect_supply_totals_get_slots (ConnectSupplyTotals *self)
{
  g_return_val_if_fail (CONNECT_IS_SUPPLY_TOTALS (self), 0);

  return self->slots;
}

gint64
connect_supply_totals_get_used (ConnectSupplyTotals *self)
{
  g_return_val_if_fail (CONNECT_IS_SUPPLY_TOTALS (self), 0);

  return self->used;
}

gint64
connect_supply_totals_get_reserved (ConnectSupplyTotals *self)
{
  g_return_val_if_fail (CONNECT_IS_SUPPLY_TOTALS (self), 0);

  return self->reserved;
}

gint64
connect_supply_totals_get_remaining (ConnectSupplyTotals *self)
{
  g_return_val_if_fail (CONNECT_IS_SUPPLY_TOTALS (self), 0);

  return self->remaining;
}

guint
connect_supply_totals_get_n_warnings (ConnectSupplyTotals *self)
{
  g_return_val_if_fail (CONNECT_IS_SUPPLY_TOTALS (self), 0);

  return self->n_warnings;
}

GListModel *
connect_supply_totals_list_new (GListModel *forecasts)
{
  g_autoptr(GHashTable) by_partner = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  GListStore *store;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (forecasts), NULL);

  by_partner = g_hash_table_new (g_str_hash, g_str_equal);
  totals = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (forecasts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectForecast) forecast = g_list_model_get_item (forecasts, i);
      const char *partner = connect_commitment_get_partner (forecast->commitment);
      ConnectSupplyTotals *sum;

      if (partner == NULL)
        partner = "";

      sum = g_hash_table_lookup (by_partner, partner);
      if (sum == NULL)
        {
          sum = g_object_new (CONNECT_TYPE_SUPPLY_TOTALS, NULL);
          sum->partner = g_strdup (partner);
          g_hash_table_insert (by_partner, sum->partner, sum);
          g_ptr_array_add (totals, sum);
        }

      sum->n_commitments++;
      sum->slots += forecast->slots;
      sum->used += forecast->used;
      sum->reserved += forecast->reserved;
      sum->remaining += forecast->remaining;
      if (forecast->warning != CONNECT_SUPPLY_WARNING_NONE)
        sum->n_warnings++;
    }

  store = g_list_store_new (CONNECT_TYPE_SUPPLY_TOTALS);
  g_list_store_splice (store, 0, 0, totals->pdata, totals->len);

  return G_LIST_MODEL (store);
}
