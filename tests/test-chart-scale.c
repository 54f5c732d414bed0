/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>

#include <glib.h>

#include "connect-chart-scale.h"

static guint32
julian (GDateYear  year,
        GDateMonth month,
        GDateDay   day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
assert_ticks_evenly_spaced (const ConnectChartScale *scale)
{
  g_assert_cmpuint (scale->n_ticks, >=, 2);
  g_assert_cmpfloat (scale->step, >, 0);
  g_assert_cmpfloat_with_epsilon (connect_chart_scale_get_tick (scale, 0), scale->min, 1e-9);
  g_assert_cmpfloat_with_epsilon (connect_chart_scale_get_tick (scale, scale->n_ticks - 1),
                                  scale->max, 1e-9);
  for (guint i = 1; i < scale->n_ticks; i++)
    g_assert_cmpfloat_with_epsilon (connect_chart_scale_get_tick (scale, i) -
                                    connect_chart_scale_get_tick (scale, i - 1),
                                    scale->step, 1e-9);
}

static void
test_nice_number (void)
{
  g_assert_cmpfloat (connect_chart_nice_number (1, FALSE), ==, 1);
  g_assert_cmpfloat (connect_chart_nice_number (1.2, FALSE), ==, 2);
  g_assert_cmpfloat (connect_chart_nice_number (2, FALSE), ==, 2);
  g_assert_cmpfloat (connect_chart_nice_number (3, FALSE), ==, 5);
  g_assert_cmpfloat (connect_chart_nice_number (5.1, FALSE), ==, 10);
  g_assert_cmpfloat (connect_chart_nice_number (307.4, FALSE), ==, 500);
  g_assert_cmpfloat_with_epsilon (connect_chart_nice_number (0.03, FALSE), 0.05, 1e-12);
  g_assert_cmpfloat (connect_chart_nice_number (1400, TRUE), ==, 1000);
  g_assert_cmpfloat (connect_chart_nice_number (1600, TRUE), ==, 2000);
  g_assert_cmpfloat (connect_chart_nice_number (4, TRUE), ==, 5);
  g_assert_cmpfloat (connect_chart_nice_number (8, TRUE), ==, 10);
  g_assert_cmpfloat (connect_chart_nice_number (0, FALSE), ==, 0);
  g_assert_cmpfloat (connect_chart_nice_number (-3, TRUE), ==, 0);
  g_assert_cmpfloat (connect_chart_nice_number (NAN, TRUE), ==, 0);
}

static void
test_zero_to_zero (void)
{
  ConnectChartScale scale;

  /* All counts zero: still a usable axis 0..1, one tick per patient. */
  connect_chart_scale_init (&scale, 0, 0, 6,
                            CONNECT_CHART_SCALE_INCLUDE_ZERO | CONNECT_CHART_SCALE_INTEGER);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 1);
  g_assert_cmpfloat (scale.step, ==, 1);
  g_assert_cmpuint (scale.n_ticks, ==, 2);
  assert_ticks_evenly_spaced (&scale);

  /* Without the integer flag 0..1 is split in fifths. */
  connect_chart_scale_init (&scale, 0, 0, 6, CONNECT_CHART_SCALE_NONE);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 1);
  g_assert_cmpfloat_with_epsilon (scale.step, 0.2, 1e-12);
  g_assert_cmpuint (scale.n_ticks, ==, 6);
  assert_ticks_evenly_spaced (&scale);
}

static void
test_zero_to_one (void)
{
  ConnectChartScale scale;
  g_autofree char *label = NULL;

  connect_chart_scale_init (&scale, 0, 1, 6, CONNECT_CHART_SCALE_INCLUDE_ZERO);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 1);
  g_assert_cmpfloat_with_epsilon (scale.step, 0.2, 1e-12);
  g_assert_cmpuint (scale.n_ticks, ==, 6);
  assert_ticks_evenly_spaced (&scale);
  /* No rounding noise: the fourth tick is exactly 0.6 in print. */
  label = connect_chart_format_tick (connect_chart_scale_get_tick (&scale, 3), scale.step);
  g_assert_cmpstr (label, ==, "0.6");

  connect_chart_scale_init (&scale, 0, 1, 6,
                            CONNECT_CHART_SCALE_INCLUDE_ZERO | CONNECT_CHART_SCALE_INTEGER);
  g_assert_cmpfloat (scale.max, ==, 1);
  g_assert_cmpfloat (scale.step, ==, 1);
}

static void
test_zero_to_1537 (void)
{
  ConnectChartScale scale;

  connect_chart_scale_init (&scale, 0, 1537, 6, CONNECT_CHART_SCALE_INCLUDE_ZERO);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 2000);
  g_assert_cmpfloat (scale.step, ==, 500);
  g_assert_cmpuint (scale.n_ticks, ==, 5);
  assert_ticks_evenly_spaced (&scale);

  /* More room: finer ticks, never more than asked for. */
  connect_chart_scale_init (&scale, 0, 1537, 10, CONNECT_CHART_SCALE_INCLUDE_ZERO);
  g_assert_cmpfloat (scale.step, ==, 200);
  g_assert_cmpfloat (scale.max, ==, 1600);
  g_assert_cmpuint (scale.n_ticks, ==, 9);
  assert_ticks_evenly_spaced (&scale);

  for (guint max_ticks = 2; max_ticks < 30; max_ticks++)
    {
      connect_chart_scale_init (&scale, 0, 1537, max_ticks, CONNECT_CHART_SCALE_INCLUDE_ZERO);
      g_assert_cmpuint (scale.n_ticks, <=, max_ticks);
      g_assert_cmpfloat (scale.max, >=, 1537);
      g_assert_cmpfloat (scale.min, ==, 0);
      assert_ticks_evenly_spaced (&scale);
    }
}

static void
test_positive_data (void)
{
  ConnectChartScale scale;

  /* Data far from zero keep zero with the flag... */
  connect_chart_scale_init (&scale, 1230, 1760, 6, CONNECT_CHART_SCALE_INCLUDE_ZERO);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, >=, 1760);
  assert_ticks_evenly_spaced (&scale);

  /* ...and hug the data without it, never going below zero. */
  connect_chart_scale_init (&scale, 1230, 1760, 6, CONNECT_CHART_SCALE_NONE);
  g_assert_cmpfloat (scale.min, ==, 1200);
  g_assert_cmpfloat (scale.max, ==, 1800);
  g_assert_cmpfloat (scale.step, ==, 200);
  g_assert_cmpuint (scale.n_ticks, ==, 4);
  assert_ticks_evenly_spaced (&scale);
  g_assert_cmpfloat (scale.min, >=, 0);

  /* Negative data still work (the axis is not clamped at zero). */
  connect_chart_scale_init (&scale, -3, 7, 6, CONNECT_CHART_SCALE_INCLUDE_ZERO);
  g_assert_cmpfloat (scale.min, <=, -3);
  g_assert_cmpfloat (scale.max, >=, 7);
  assert_ticks_evenly_spaced (&scale);
}

static void
test_empty (void)
{
  ConnectChartScale scale;
  double values[] = { NAN, NAN };

  connect_chart_scale_init_for_values (&scale, NULL, 0, 6, CONNECT_CHART_SCALE_INCLUDE_ZERO);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 1);
  assert_ticks_evenly_spaced (&scale);

  connect_chart_scale_init_for_values (&scale, values, G_N_ELEMENTS (values), 6,
                                       CONNECT_CHART_SCALE_INTEGER);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 1);
  assert_ticks_evenly_spaced (&scale);

  /* Reversed bounds mean no data too. */
  connect_chart_scale_init (&scale, 5, 2, 6, CONNECT_CHART_SCALE_NONE);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 1);

  /* Mapping on a degenerate pixel range does not divide by zero. */
  g_assert_cmpfloat (connect_chart_scale_unmap (&scale, 10, 10, 10), ==, scale.min);
}

static void
test_single_point (void)
{
  ConnectChartScale scale;
  double one[] = { 42 };

  connect_chart_scale_init_for_values (&scale, one, 1, 6,
                                       CONNECT_CHART_SCALE_INCLUDE_ZERO | CONNECT_CHART_SCALE_INTEGER);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, 50);
  g_assert_cmpfloat (scale.step, ==, 10);
  assert_ticks_evenly_spaced (&scale);

  /* Without zero, a range around the value. */
  connect_chart_scale_init_for_values (&scale, one, 1, 6, CONNECT_CHART_SCALE_NONE);
  g_assert_cmpfloat (scale.min, <, 42);
  g_assert_cmpfloat (scale.max, >, 42);
  assert_ticks_evenly_spaced (&scale);

  /* A single count of 1 on an integer axis. */
  connect_chart_scale_init (&scale, 1, 1, 6, CONNECT_CHART_SCALE_NONE | CONNECT_CHART_SCALE_INTEGER);
  g_assert_cmpfloat (scale.min, <, 1);
  g_assert_cmpfloat (scale.max, >, 1);
  g_assert_cmpfloat (scale.step, >=, 1);
}

static void
test_map (void)
{
  ConnectChartScale scale;

  connect_chart_scale_init (&scale, 0, 1537, 6, CONNECT_CHART_SCALE_INCLUDE_ZERO);

  /* x axis: 0 → 100 px, 2000 → 500 px */
  g_assert_cmpfloat (connect_chart_scale_map (&scale, 0, 100, 500), ==, 100);
  g_assert_cmpfloat (connect_chart_scale_map (&scale, 2000, 100, 500), ==, 500);
  g_assert_cmpfloat (connect_chart_scale_map (&scale, 1000, 100, 500), ==, 300);
  /* y axis runs upwards: bottom pixel 300 for 0, top pixel 20 for 2000 */
  g_assert_cmpfloat (connect_chart_scale_map (&scale, 500, 300, 20), ==, 230);
  g_assert_cmpfloat_with_epsilon (connect_chart_scale_unmap (&scale, 230, 300, 20), 500, 1e-9);
}

static void
test_dates_years (void)
{
  ConnectChartDateAxis axis;
  g_autofree char *label = NULL;

  /* The sample trial: snapshots from the end of 2021 to September 2026. */
  connect_chart_date_axis_init (&axis, julian (2021, 12, 31), julian (2026, 9, 30), 6);
  g_assert_cmpint (axis.unit, ==, CONNECT_CHART_DATE_UNIT_YEAR);
  g_assert_cmpuint (axis.every, ==, 1);
  g_assert_cmpuint (axis.ticks->len, ==, 5);
  g_assert_cmpuint (g_array_index (axis.ticks, guint32, 0), ==, julian (2022, 1, 1));
  g_assert_cmpuint (g_array_index (axis.ticks, guint32, 4), ==, julian (2026, 1, 1));
  label = connect_chart_date_axis_format_tick (&axis, g_array_index (axis.ticks, guint32, 0));
  g_assert_cmpstr (label, ==, "2022");
  g_assert_cmpfloat (connect_chart_date_axis_map (&axis, axis.first, 0, 100), ==, 0);
  g_assert_cmpfloat (connect_chart_date_axis_map (&axis, axis.last, 0, 100), ==, 100);
  connect_chart_date_axis_clear (&axis);
  g_assert_null (axis.ticks);

  /* Too narrow for one tick a year: every other year. */
  connect_chart_date_axis_init (&axis, julian (2001, 3, 1), julian (2026, 9, 30), 6);
  g_assert_cmpint (axis.unit, ==, CONNECT_CHART_DATE_UNIT_YEAR);
  g_assert_cmpuint (axis.ticks->len, <=, 6);
  g_assert_cmpuint (axis.ticks->len, >=, 2);
  for (guint i = 0; i < axis.ticks->len; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_array_index (axis.ticks, guint32, i));
      g_assert_cmpint (g_date_get_day (&date), ==, 1);
      g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_JANUARY);
      g_assert_cmpint (g_date_get_year (&date) % (axis.every), ==, 0);
    }
  connect_chart_date_axis_clear (&axis);
}

static void
test_dates_short (void)
{
  ConnectChartDateAxis axis;
  g_autofree char *quarter = NULL;
  g_autofree char *month = NULL;

  /* One year: every other month with room for six ticks... */
  connect_chart_date_axis_init (&axis, julian (2023, 1, 1), julian (2023, 12, 31), 6);
  g_assert_cmpint (axis.unit, ==, CONNECT_CHART_DATE_UNIT_MONTH);
  g_assert_cmpuint (axis.every, ==, 2);
  g_assert_cmpuint (axis.ticks->len, ==, 6);
  connect_chart_date_axis_clear (&axis);

  /* ...quarters with room for five. */
  connect_chart_date_axis_init (&axis, julian (2023, 1, 1), julian (2023, 12, 31), 5);
  g_assert_cmpint (axis.unit, ==, CONNECT_CHART_DATE_UNIT_QUARTER);
  g_assert_cmpuint (axis.ticks->len, ==, 4);
  quarter = connect_chart_date_axis_format_tick (&axis, g_array_index (axis.ticks, guint32, 1));
  g_assert_cmpstr (quarter, ==, "Q2 2023");
  connect_chart_date_axis_clear (&axis);

  /* Five months: monthly ticks. */
  connect_chart_date_axis_init (&axis, julian (2023, 2, 15), julian (2023, 7, 15), 6);
  g_assert_cmpint (axis.unit, ==, CONNECT_CHART_DATE_UNIT_MONTH);
  g_assert_cmpuint (axis.ticks->len, ==, 5);
  month = connect_chart_date_axis_format_tick (&axis, g_array_index (axis.ticks, guint32, 0));
  g_assert_cmpstr (month, ==, "Mar 2023");
  connect_chart_date_axis_clear (&axis);

  /* A single date: a month around it, ticks on days inside. */
  connect_chart_date_axis_init (&axis, julian (2024, 6, 30), julian (2024, 6, 30), 6);
  g_assert_cmpuint (axis.first, <, julian (2024, 6, 30));
  g_assert_cmpuint (axis.last, >, julian (2024, 6, 30));
  g_assert_cmpuint (axis.ticks->len, >=, 2);
  g_assert_cmpuint (axis.ticks->len, <=, 6);
  g_assert_cmpfloat (connect_chart_date_axis_map (&axis, julian (2024, 6, 30), 0, 300), ==, 150);
  g_assert_cmpint (axis.unit, ==, CONNECT_CHART_DATE_UNIT_DAY);
  g_assert_cmpuint (axis.every, ==, 7);
  for (guint i = 0; i < axis.ticks->len; i++)
    {
      guint32 day = g_array_index (axis.ticks, guint32, i);
      g_autofree char *label = connect_chart_date_axis_format_tick (&axis, day);

      /* Weekly ticks on Mondays; labels without padding: "1 Jul" */
      g_assert_cmpuint ((day - 1) % 7, ==, 0);
      g_assert_true (g_ascii_isdigit (label[0]));
    }
  {
    g_autofree char *label = connect_chart_date_axis_format_tick (&axis, julian (2024, 7, 1));

    g_assert_cmpstr (label, ==, "1 Jul");
  }
  connect_chart_date_axis_clear (&axis);

  /* No dates at all. */
  connect_chart_date_axis_init (&axis, 0, 0, 6);
  g_assert_cmpuint (axis.last, >, axis.first);
  g_assert_cmpuint (axis.ticks->len, >=, 2);
  connect_chart_date_axis_clear (&axis);
}

static void
test_format (void)
{
  g_autofree char *zero = connect_format_count (0);
  g_autofree char *small = connect_format_count (999);
  g_autofree char *thousands = connect_format_count (1537);
  g_autofree char *millions = connect_format_count (1234567);
  g_autofree char *negative = connect_format_count (-1234);
  g_autofree char *percent = connect_format_percent (25.5);
  g_autofree char *quarter = connect_chart_format_tick (0.75, 0.25);
  g_autofree char *big = connect_chart_format_tick (2000, 500);

  /* C.UTF-8 has no separator of its own: the English one. */
  g_assert_cmpstr (zero, ==, "0");
  g_assert_cmpstr (small, ==, "999");
  g_assert_cmpstr (thousands, ==, "1,537");
  g_assert_cmpstr (millions, ==, "1,234,567");
  g_assert_cmpstr (negative, ==, "−1,234");
  g_assert_cmpstr (percent, ==, "26%");
  g_assert_cmpstr (quarter, ==, "0.75");
  g_assert_cmpstr (big, ==, "2,000");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/chart-scale/nice-number", test_nice_number);
  g_test_add_func ("/connect/chart-scale/zero-to-zero", test_zero_to_zero);
  g_test_add_func ("/connect/chart-scale/zero-to-one", test_zero_to_one);
  g_test_add_func ("/connect/chart-scale/zero-to-1537", test_zero_to_1537);
  g_test_add_func ("/connect/chart-scale/positive-data", test_positive_data);
  g_test_add_func ("/connect/chart-scale/empty", test_empty);
  g_test_add_func ("/connect/chart-scale/single-point", test_single_point);
  g_test_add_func ("/connect/chart-scale/map", test_map);
  g_test_add_func ("/connect/chart-scale/dates-years", test_dates_years);
  g_test_add_func ("/connect/chart-scale/dates-short", test_dates_short);
  g_test_add_func ("/connect/chart-scale/format", test_format);

  return g_test_run ();
}
