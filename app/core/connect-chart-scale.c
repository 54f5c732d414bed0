/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "connect-chart-scale.h"

/* Relative slack for comparisons of doubles computed by division. */
#define EPSILON 1e-9

/* Steps of a date axis, in months, from fine to coarse. */
static const guint month_steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600 };
/* Steps of a date axis, in days, for short spans. */
static const guint day_steps[] = { 1, 2, 7, 14 };

static guint
count_ticks (double min,
             double max,
             double step)
{
  return (guint) floor ((max - min) / step + EPSILON) + 1;
}

/* The next nice number strictly above @step. */
static double
next_nice_step (double step)
{
  return connect_chart_nice_number (step * (1 + 1e-6), FALSE);
}

static guint32
julian_of (GDateYear  year,
           GDateMonth month,
           GDateDay   day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* Appends the first days of months that are multiples of @months (counted
 * from year 0) between @first and @last; returns how many. */
static guint
month_ticks (guint32  first,
             guint32  last,
             guint    months,
             GArray  *out)
{
  GDate date;
  guint index;
  guint count = 0;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  index = g_date_get_year (&date) * 12 + (g_date_get_month (&date) - 1);
  if (g_date_get_day (&date) != 1)
    index++;
  index = (index + months - 1) / months * months;

  for (;; index += months)
    {
      GDateYear year = index / 12;
      guint32 day;

      if (year > 9999)
        break;
      day = julian_of (year, index % 12 + 1, 1);
      if (day > last)
        break;
      if (out != NULL)
        g_array_append_val (out, day);
      count++;
    }

  return count;
}

static guint
day_ticks (guint32  first,
           guint32  last,
           guint    days,
           GArray  *out)
{
  guint count = 0;

  /* Weekly ticks fall on Mondays (Julian day 1 was a Monday). */
  for (guint32 day = days == 1 ? first : first + (days - (first - 1) % days) % days;
       day <= last; day += days)
    {
      if (out != NULL)
        g_array_append_val (out, day);
      count++;
    }

  return count;
}

/**
 * connect_chart_nice_number:
 * @x: a positive number
 * @round: whether to round to the closest nice number
 *
 * Returns: 1, 2, 5 or 10 times a power of ten: the closest to @x when
 *   @round, else the smallest that is ≥ @x; 0 for @x ≤ 0 or NaN
 */
double
connect_chart_nice_number (double   x,
                           gboolean round)
{
  double exponent;
  double fraction;
  double nice;

  if (!(x > 0) || isinf (x))
    return 0;

  exponent = floor (log10 (x));
  fraction = x / pow (10, exponent);

  if (round)
    {
      if (fraction < 1.5)
        nice = 1;
      else if (fraction < 3)
        nice = 2;
      else if (fraction < 7)
        nice = 5;
      else
        nice = 10;
    }
  else
    {
      if (fraction <= 1 + EPSILON)
        nice = 1;
      else if (fraction <= 2 + EPSILON)
        nice = 2;
      else if (fraction <= 5 + EPSILON)
        nice = 5;
      else
        nice = 10;
    }

  return nice * pow (10, exponent);
}

/**
 * connect_chart_scale_init:
 * @scale: (out caller-allocates): the scale to fill
 * @data_min: the smallest value
 * @data_max: the largest value
 * @max_ticks: the most ticks wanted (at least 2 are used)
 * @flags: INCLUDE_ZERO, INTEGER
 *
 * Computes nice bounds and ticks that cover the data.
 */
void
connect_chart_scale_init (ConnectChartScale      *scale,
                          double                  data_min,
                          double                  data_max,
                          guint                   max_ticks,
                          ConnectChartScaleFlags  flags)
{
  double min, max, step;

  g_return_if_fail (scale != NULL);

  max_ticks = MAX (max_ticks, 2);

  if (isnan (data_min) || isnan (data_max) || data_min > data_max ||
      isinf (data_min) || isinf (data_max))
    {
      data_min = 0;
      data_max = 1;
    }

  if (flags & CONNECT_CHART_SCALE_INCLUDE_ZERO)
    {
      if (data_min > 0)
        data_min = 0;
      if (data_max < 0)
        data_max = 0;
    }

  if (data_min == data_max)
    {
      if (data_min == 0)
        data_max = 1;
      else
        {
          double half = connect_chart_nice_number (fabs (data_min) / 2, FALSE);

          if (flags & CONNECT_CHART_SCALE_INTEGER)
            half = MAX (half, 1);
          data_min -= half;
          data_max += half;
        }
    }

  step = connect_chart_nice_number ((data_max - data_min) / (max_ticks - 1), FALSE);
  if ((flags & CONNECT_CHART_SCALE_INTEGER) && step < 1)
    step = 1;

  for (;;)
    {
      min = floor (data_min / step + EPSILON) * step;
      max = ceil (data_max / step - EPSILON) * step;
      if (max <= min)
        max = min + step;
      if (count_ticks (min, max, step) <= max_ticks)
        break;
      step = next_nice_step (step);
    }

  /* Avoid "-0" labels. */
  scale->min = min == 0 ? 0 : min;
  scale->max = max == 0 ? 0 : max;
  scale->step = step;
  scale->n_ticks = count_ticks (min, max, step);
}

/**
 * connect_chart_scale_init_for_values:
 * @scale: (out caller-allocates): the scale to fill
 * @values: (array length=n_values) (nullable): the data
 * @n_values: how many
 * @max_ticks: the most ticks wanted
 * @flags: as for connect_chart_scale_init()
 *
 * Like connect_chart_scale_init() for the range of @values, skipping NaN.
 */
void
connect_chart_scale_init_for_values (ConnectChartScale      *scale,
                                     const double           *values,
                                     gsize                   n_values,
                                     guint                   max_ticks,
                                     ConnectChartScaleFlags  flags)
{
  double min = INFINITY;
  double max = -INFINITY;

  g_return_if_fail (scale != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  for (gsize i = 0; i < n_values; i++)
    {
      if (isnan (values[i]) || isinf (values[i]))
        continue;
      min = MIN (min, values[i]);
      max = MAX (max, values[i]);
    }

  if (min > max)
    connect_chart_scale_init (scale, NAN, NAN, max_ticks, flags);
  else
    connect_chart_scale_init (scale, min, max, max_ticks, flags);
}

/**
 * connect_chart_scale_get_tick:
 * @scale: a scale
 * @i: a tick index below @scale->n_ticks
 *
 * Returns: the value of tick @i (min + i × step, without rounding noise)
 */
double
connect_chart_scale_get_tick (const ConnectChartScale *scale,
                              guint                    i)
{
  double value;
  double rounded;

  g_return_val_if_fail (scale != NULL, 0);
  g_return_val_if_fail (i < scale->n_ticks, scale->max);

  value = scale->min + i * scale->step;
  /* Snap 0.30000000000000004 to the multiple of step it means. */
  rounded = round (value / scale->step) * scale->step;
  return rounded == 0 ? 0 : rounded;
}

/**
 * connect_chart_scale_map:
 * @scale: a scale
 * @value: a value
 * @pixel_from: the pixel of @scale->min
 * @pixel_to: the pixel of @scale->max
 *
 * Returns: the pixel of @value (not clamped)
 */
double
connect_chart_scale_map (const ConnectChartScale *scale,
                         double                   value,
                         double                   pixel_from,
                         double                   pixel_to)
{
  g_return_val_if_fail (scale != NULL, pixel_from);

  if (!(scale->max > scale->min))
    return pixel_from;

  return pixel_from + (value - scale->min) / (scale->max - scale->min) * (pixel_to - pixel_from);
}

/**
 * connect_chart_scale_unmap:
 * @scale: a scale
 * @pixel: a pixel
 * @pixel_from: the pixel of @scale->min
 * @pixel_to: the pixel of @scale->max
 *
 * Returns: the value at @pixel; @scale->min when the pixel range is empty
 */
double
connect_chart_scale_unmap (const ConnectChartScale *scale,
                           double                   pixel,
                           double                   pixel_from,
                           double                   pixel_to)
{
  g_return_val_if_fail (scale != NULL, 0);

  if (pixel_to == pixel_from)
    return scale->min;

  return scale->min + (pixel - pixel_from) / (pixel_to - pixel_from) * (scale->max - scale->min);
}

/**
 * connect_chart_date_axis_init:
 * @axis: (out caller-allocates): the axis to fill
 * @first_day: Julian day of the first date, or 0
 * @last_day: Julian day of the last date, or 0
 * @max_ticks: the most ticks wanted (at least 2)
 *
 * Chooses ticks on whole days, weeks, months, quarters or years so that
 * there are at most @max_ticks of them (and as many as possible).
 */
void
connect_chart_date_axis_init (ConnectChartDateAxis *axis,
                              guint32               first_day,
                              guint32               last_day,
                              guint                 max_ticks)
{
  guint32 span;

  g_return_if_fail (axis != NULL);

  max_ticks = MAX (max_ticks, 2);

  if (first_day == 0 && last_day == 0)
    {
      first_day = julian_of (2000, G_DATE_JANUARY, 1);
      last_day = julian_of (2000, G_DATE_DECEMBER, 31);
    }
  else if (first_day == 0)
    first_day = last_day;
  else if (last_day == 0)
    last_day = first_day;

  if (first_day > last_day)
    {
      guint32 tmp = first_day;

      first_day = last_day;
      last_day = tmp;
    }

  if (first_day == last_day)
    {
      first_day = first_day > 15 ? first_day - 15 : 1;
      last_day += 15;
    }

  axis->first = first_day;
  axis->last = last_day;
  axis->ticks = g_array_new (FALSE, FALSE, sizeof (guint32));
  span = last_day - first_day;

  if (span <= 62)
    {
      for (guint i = 0; i < G_N_ELEMENTS (day_steps); i++)
        {
          if (day_ticks (first_day, last_day, day_steps[i], NULL) <= max_ticks ||
              i == G_N_ELEMENTS (day_steps) - 1)
            {
              axis->unit = CONNECT_CHART_DATE_UNIT_DAY;
              axis->every = day_steps[i];
              day_ticks (first_day, last_day, day_steps[i], axis->ticks);
              return;
            }
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (month_steps); i++)
    {
      guint months = month_steps[i];

      if (month_ticks (first_day, last_day, months, NULL) <= max_ticks ||
          i == G_N_ELEMENTS (month_steps) - 1)
        {
          if (months % 12 == 0)
            {
              axis->unit = CONNECT_CHART_DATE_UNIT_YEAR;
              axis->every = months / 12;
            }
          else if (months == 3)
            {
              axis->unit = CONNECT_CHART_DATE_UNIT_QUARTER;
              axis->every = 1;
            }
          else
            {
              axis->unit = CONNECT_CHART_DATE_UNIT_MONTH;
              axis->every = months;
            }
          month_ticks (first_day, last_day, months, axis->ticks);
          return;
        }
    }
}

/**
 * connect_chart_date_axis_clear:
 * @axis: an axis
 *
 * Frees what connect_chart_date_axis_init() allocated.
 */
void
connect_chart_date_axis_clear (ConnectChartDateAxis *axis)
{
  g_return_if_fail (axis != NULL);

  g_clear_pointer (&axis->ticks, g_array_unref);
}

/**
 * connect_chart_date_axis_map:
 * @axis: an axis
 * @julian_day: a Julian day
 * @pixel_from: the pixel of @axis->first
 * @pixel_to: the pixel of @axis->last
 *
 * Returns: the pixel of @julian_day (not clamped)
 */
double
connect_chart_date_axis_map (const ConnectChartDateAxis *axis,
                             guint32                     julian_day,
                             double                      pixel_from,
                             double                      pixel_to)
{
  g_return_val_if_fail (axis != NULL, pixel_from);

  if (axis->last <= axis->first)
    return pixel_from;

  return pixel_from + ((double) julian_day - axis->first) / (axis->last - axis->first) * (pixel_to - pixel_from);
}

/**
 * connect_chart_date_axis_format_tick:
 * @axis: an axis
 * @julian_day: the Julian day of one of its ticks
 *
 * Returns: (transfer full): its label, as short as the unit allows
 */
char *
connect_chart_date_axis_format_tick (const ConnectChartDateAxis *axis,
                                     guint32                     julian_day)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  g_return_val_if_fail (axis != NULL, NULL);
  g_return_val_if_fail (g_date_valid_julian (julian_day), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);

  switch (axis->unit)
    {
    case CONNECT_CHART_DATE_UNIT_YEAR:
      return g_strdup_printf ("%u", (guint) g_date_get_year (&date));

    case CONNECT_CHART_DATE_UNIT_QUARTER:
      /* Translators: a quarter on a chart's date axis: "Q2 2023" */
      return g_strdup_printf (_("Q%u %u"), (guint) (g_date_get_month (&date) - 1) / 3 + 1,
                              (guint) g_date_get_year (&date));

    case CONNECT_CHART_DATE_UNIT_MONTH:
      /* Translators: a month on a chart's date axis (g_date_time_format) */
      return g_date_time_format (time, _("%b %Y"));

    case CONNECT_CHART_DATE_UNIT_DAY:
    default:
      {
        /* Translators: a day on a chart's date axis (g_date_time_format) */
        g_autofree char *text = g_date_time_format (time, _("%-d %b"));

        return g_strdup (g_strstrip (text));
      }
    }
}

/**
 * connect_format_count:
 * @n: a whole number
 *
 * Returns: (transfer full): @n with its digits grouped by three
 */
char *
connect_format_count (gint64 n)
{
  const struct lconv *conv = localeconv ();
  const char *separator;
  g_autofree char *digits = NULL;
  GString *out;
  gsize len, i;

  if (conv != NULL && conv->thousands_sep != NULL && conv->thousands_sep[0] != '\0')
    separator = conv->thousands_sep;
  else
    /* Translators: the separator of groups of three digits, as in 1,537
     * (Norwegian uses a no-break space) */
    separator = C_("thousands separator", ",");

  digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                            n < 0 ? (guint64) 0 - (guint64) n : (guint64) n);
  len = strlen (digits);
  out = g_string_new (n < 0 ? "−" : NULL);

  for (i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * connect_chart_format_tick:
 * @value: a tick value
 * @step: the distance between ticks
 *
 * Returns: (transfer full): the tick's label
 */
char *
connect_chart_format_tick (double value,
                           double step)
{
  int decimals;

  if (step >= 1 - EPSILON || step <= 0)
    return connect_format_count ((gint64) round (value));

  decimals = (int) ceil (-log10 (step) - EPSILON);
  /* 0.25 needs two decimals although log10 says one. */
  if (fabs (round (step * pow (10, decimals)) - step * pow (10, decimals)) > EPSILON)
    decimals++;
  decimals = CLAMP (decimals, 0, 6);

  return g_strdup_printf ("%.*f", decimals, value);
}

/**
 * connect_format_percent:
 * @percent: a percentage
 *
 * Returns: (transfer full): "26%" (translated: "26 %" in Norwegian)
 */
char *
connect_format_percent (double percent)
{
  /* Translators: a whole percentage; Norwegian writes "%d %%" with a
   * no-break space */
  return g_strdup_printf (_("%d%%"), (int) round (percent));
}
