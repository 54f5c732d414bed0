/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-core: how fast the core is on feeds of 1 000, 10 000 and 100 000
 * cohorts, against fixed targets. Run by `meson test --benchmark`.
 *
 * For each size it prints, in one table: the feed's bytes; the bare
 * json_parser_load_from_data() time (the floor of our stack); our full
 * load (validation, objects, the cohort index and the matcher's index) and
 * its ratio to that floor; a search keystroke over all cohorts for 1-, 4-
 * and 8-letter words; a matcher query; the diff of two feeds of the size
 * (10 % of cohorts changed); the peak RSS of a child process that loads
 * one feed with its indexes and queries it. Times are wall time
 * (g_get_monotonic_time), the median of several runs. The exit status is
 * 1 when a target is missed.
 *
 *   bench-core [--runs R] [--sizes 1000,10000,100000]
 *   bench-core --rss N      (the child: prints its VmHWM in KiB)
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-glib/json-glib.h>

#include "connect-cohort-query.h"
#include "connect-diff.h"
#include "connect-feed.h"
#include "connect-json.h"
#include "connect-matcher.h"

#include "connect-feed-gen.h"

#define SEED 20261126

#ifndef BENCH_OPTIMIZATION
#define BENCH_OPTIMIZATION "?"
#endif

/* Targets (README.md, "Performance"). */
#define TARGET_LOAD_RATIO    1.5   /* full load / bare parse */
#define TARGET_KEYSTROKE_MS 16.0   /* one frame */
#define TARGET_MATCH_MS      5.0
#define TARGET_DIFF_RATIO    1.0   /* diff / bare parse */
#define TARGET_RSS_FACTOR    6     /* peak RSS <= 6 x feed bytes + 60 MB */
#define TARGET_RSS_EXTRA_MB  60
#define TARGET_DEEP_MS     100.0   /* 10 000 000 '[' refused */
#define TARGET_WIDE_MS    1000.0   /* an object of 100 000 members checked */

static const char * const keystrokes[] = { "b", "braf", "melanoma" };
static const char *match_tumor = "Colorectal cancer";
static const char * const match_alterations[] = { "BRAF V600E", NULL };

typedef struct
{
  guint  n;
  gsize  bytes;
  double parse_ms;
  double load_ms;
  double keystroke_ms[G_N_ELEMENTS (keystrokes)];
  double keystroke_cpu_ms[G_N_ELEMENTS (keystrokes)];
  guint  keystroke_hits[G_N_ELEMENTS (keystrokes)];
  double match_ms;
  guint  match_results;
  double diff_ms;
  guint  diff_changes;
  gint64 rss_kib;  /* -1: the child failed */
} Row;

static gboolean all_met = TRUE;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this thread, shown beside the wall time of a keystroke: on
 * a busy machine the difference is time spent waiting for a core. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
time_parse (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), &error);
  ms = ms_since (start);
  g_assert_no_error (error);
  return ms;
}

typedef struct
{
  ConnectFeed        *feed;
  ConnectCohortIndex *index;
  ConnectMatcher     *matcher;
} Loaded;

static void
loaded_clear (Loaded *loaded)
{
  g_clear_object (&loaded->matcher);
  g_clear_object (&loaded->index);
  g_clear_object (&loaded->feed);
}

/* What the app does with new bytes before it shows them. */
static void
full_load (GBytes *bytes,
           Loaded *out)
{
  g_autoptr(GError) error = NULL;

  out->feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  out->index = connect_cohort_index_new (out->feed);
  out->matcher = connect_matcher_new (out->feed);
}

/* The cohort list as a GtkFilterListModel with a GtkCustomFilter keeps it:
 * which items match, refiltered on each change as the strictness hint
 * allows (GTK 4.8 re-checks only the matching items when the filter is
 * stricter, only the others when it is looser, all when different). */
typedef struct
{
  GListModel         *items;
  ConnectCohortIndex *index;
  ConnectCohortQuery *query;
  guint8             *matches;
  guint               n;
  guint               n_matches;
} FilterModel;

static gboolean
filter_model_check (FilterModel *model,
                    guint        i)
{
  g_autoptr(ConnectCohort) cohort = g_list_model_get_item (model->items, i);

  return connect_cohort_query_matches_cohort (model->query, model->index, cohort);
}

static void
filter_model_init (FilterModel        *model,
                   Loaded             *loaded,
                   ConnectCohortQuery *query)
{
  model->items = connect_feed_get_cohorts (loaded->feed);
  model->index = loaded->index;
  model->query = query;
  model->n = g_list_model_get_n_items (model->items);
  model->matches = g_new (guint8, model->n);
  connect_cohort_query_set_text (query, NULL);
  memset (model->matches, 1, model->n);
  model->n_matches = model->n;
}

static void
filter_model_set_text (FilterModel *model,
                       const char  *text)
{
  ConnectQueryChange change = connect_cohort_query_set_text (model->query, text);

  switch (change)
    {
    case CONNECT_QUERY_CHANGE_NONE:
      return;
    case CONNECT_QUERY_CHANGE_MORE_STRICT:
      for (guint i = 0; i < model->n; i++)
        if (model->matches[i] && !filter_model_check (model, i))
          {
            model->matches[i] = 0;
            model->n_matches--;
          }
      return;
    case CONNECT_QUERY_CHANGE_LESS_STRICT:
      for (guint i = 0; i < model->n; i++)
        if (!model->matches[i] && filter_model_check (model, i))
          {
            model->matches[i] = 1;
            model->n_matches++;
          }
      return;
    case CONNECT_QUERY_CHANGE_DIFFERENT:
    default:
      model->n_matches = 0;
      for (guint i = 0; i < model->n; i++)
        {
          model->matches[i] = filter_model_check (model, i);
          model->n_matches += model->matches[i];
        }
      return;
    }
}

/* The last keystroke of typing @text into the empty search entry: the
 * time from the text change to the refiltered model (for one letter, a
 * check of every cohort). */
static double
time_keystroke (ConnectCohortQuery *query,
                Loaded             *loaded,
                const char         *text,
                guint              *out_hits,
                double             *out_cpu_ms)
{
  FilterModel model = { 0 };
  gint64 start;
  double ms, cpu_start;
  glong len = g_utf8_strlen (text, -1);

  filter_model_init (&model, loaded, query);
  for (glong k = 1; k < len; k++)
    {
      g_autofree char *typed = g_utf8_substring (text, 0, k);

      filter_model_set_text (&model, typed);
    }

  cpu_start = thread_cpu_ms ();
  start = g_get_monotonic_time ();
  filter_model_set_text (&model, text);
  ms = ms_since (start);
  *out_cpu_ms = thread_cpu_ms () - cpu_start;
  *out_hits = model.n_matches;
  g_free (model.matches);
  return ms;
}

static double
time_match (Loaded *loaded,
            guint  *out_results)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  results = connect_matcher_match_text (loaded->matcher, match_tumor, match_alterations, &error);
  ms = ms_since (start);
  g_assert_no_error (error);
  *out_results = g_list_model_get_n_items (results);
  return ms;
}

/* The 1-minute load average: how busy the machine was. */
static char *
read_load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  return g_strndup (text, strcspn (text, " "));
}

static gint64
read_vm_hwm_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

/* The child: one feed, loaded and queried as the app does. */
static int
run_rss_child (guint n)
{
  g_autoptr(GBytes) bytes = connect_feed_gen_generate (n, SEED, 0, NULL);
  g_autoptr(ConnectCohortQuery) query = connect_cohort_query_new ();
  Loaded loaded = { 0 };
  guint hits;
  double cpu_ms;

  full_load (bytes, &loaded);
  time_keystroke (query, &loaded, keystrokes[0], &hits, &cpu_ms);
  time_match (&loaded, &hits);
  g_print ("%" G_GINT64_FORMAT "\n", read_vm_hwm_kib ());
  loaded_clear (&loaded);
  return 0;
}

static gint64
measure_rss (guint n)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *n_text = g_strdup_printf ("%u", n);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self, "--rss", n_text, NULL };
  int status;

  if (self == NULL ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-core: the RSS child for %u cohorts failed: %s\n",
                  n, error != NULL ? error->message : "no executable");
      return -1;
    }
  return g_ascii_strtoll (out, NULL, 10);
}

static void
measure (Row   *row,
         guint  runs)
{
  g_autoptr(GBytes) bytes = connect_feed_gen_generate (row->n, SEED, 0, NULL);
  g_autoptr(GBytes) changed = connect_feed_gen_generate (row->n, SEED, 10, NULL);
  g_autoptr(ConnectCohortQuery) query = connect_cohort_query_new ();
  g_autofree double *parse = g_new (double, runs);
  g_autofree double *load = g_new (double, runs);
  g_autofree double *times = g_new (double, runs);
  g_autofree double *cpu_times = g_new (double, runs);
  Loaded loaded = { 0 };
  Loaded changed_loaded = { 0 };

  row->bytes = g_bytes_get_size (bytes);

  /* Alternate the two, so that both see the same state of the machine. */
  for (guint r = 0; r < runs; r++)
    {
      gint64 start;

      parse[r] = time_parse (bytes);
      loaded_clear (&loaded);
      start = g_get_monotonic_time ();
      full_load (bytes, &loaded);
      load[r] = ms_since (start);
    }
  row->parse_ms = median (parse, runs);
  row->load_ms = median (load, runs);

  for (guint k = 0; k < G_N_ELEMENTS (keystrokes); k++)
    {
      for (guint r = 0; r < runs; r++)
        times[r] = time_keystroke (query, &loaded, keystrokes[k], &row->keystroke_hits[k],
                                   &cpu_times[r]);
      row->keystroke_ms[k] = median (times, runs);
      row->keystroke_cpu_ms[k] = median (cpu_times, runs);
    }

  for (guint r = 0; r < runs; r++)
    times[r] = time_match (&loaded, &row->match_results);
  row->match_ms = median (times, runs);

  {
    g_autoptr(GError) error = NULL;

    changed_loaded.feed = connect_feed_new_from_bytes (changed, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
    g_assert_no_error (error);
  }
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GListModel) changes = NULL;
      gint64 start = g_get_monotonic_time ();

      changes = connect_diff_feeds (loaded.feed, changed_loaded.feed);
      times[r] = ms_since (start);
      row->diff_changes = g_list_model_get_n_items (changes);
    }
  row->diff_ms = median (times, runs);

  loaded_clear (&changed_loaded);
  loaded_clear (&loaded);
}

/* The JSON check on hostile input (formerly timed in test-json). */
static double
time_deep_array (guint runs)
{
  const gsize n = 10000000;
  g_autofree char *json = g_malloc (n);
  g_autofree double *times = g_new (double, runs);

  memset (json, '[', n);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      gboolean ok = connect_json_check (json, n, CONNECT_FEED_MAX_DEPTH, NULL, NULL, NULL);

      times[r] = ms_since (start);
      g_assert_false (ok);
    }
  return median (times, runs);
}

static double
time_wide_object (guint runs)
{
  g_autoptr(GString) json = g_string_new ("{");
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (json, "%s\"member%u\": %u", i > 0 ? ", " : "", i, i);
  g_string_append_c (json, '}');
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      gboolean ok = connect_json_check (json->str, json->len, CONNECT_FEED_MAX_DEPTH, NULL, NULL, NULL);

      times[r] = ms_since (start);
      g_assert_true (ok);
    }
  return median (times, runs);
}

/* Table output. */

#define LABEL_WIDTH 50
#define CELL_WIDTH  22

static void
print_label (const char *label)
{
  /* Pad by characters, not bytes. */
  glong len = g_utf8_strlen (label, -1);

  g_print ("%s%*s", label, (int) MAX (1, LABEL_WIDTH - len), "");
}

static void
print_cell (const char *text)
{
  glong len = g_utf8_strlen (text, -1);

  g_print ("%*s%s", (int) MAX (1, CELL_WIDTH - len), "", text);
}

static const char *
verdict (gboolean met)
{
  if (!met)
    all_met = FALSE;
  return met ? "met" : "NOT MET";
}

static char *
format_thousands (guint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *s = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ' ');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

static void
print_table (Row        *rows,
             guint       n_rows,
             guint       runs,
             double      deep_ms,
             double      wide_ms,
             const char *load_before)
{
  char cell[128];
  g_autofree char *load_after = read_load_average ();

  g_print ("\nCONNECT Cohorts core benchmark (median of %u runs, wall time; %u cores, "
           "load average %s before, %s after; built with -O%s)\n",
           runs, g_get_num_processors (), load_before, load_after, BENCH_OPTIMIZATION);
  if (g_str_equal (BENCH_OPTIMIZATION, "0") || g_str_equal (BENCH_OPTIMIZATION, "g"))
    g_print ("Not optimised: configure with --buildtype=debugoptimized or release "
             "for figures that mean something.\n");
  g_print ("\n");
  print_label ("cohorts");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *n = format_thousands (rows[i].n);
      print_cell (n);
    }
  g_print ("\n");

  print_label ("feed bytes");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *b = format_thousands (rows[i].bytes);
      print_cell (b);
    }
  g_print ("\n");

  print_label ("json_parser_load_from_data (ms)");
  for (guint i = 0; i < n_rows; i++)
    {
      g_snprintf (cell, sizeof cell, "%.1f", rows[i].parse_ms);
      print_cell (cell);
    }
  g_print ("\n");

  print_label ("full load: feed + indexes (ms)");
  for (guint i = 0; i < n_rows; i++)
    {
      g_snprintf (cell, sizeof cell, "%.1f", rows[i].load_ms);
      print_cell (cell);
    }
  g_print ("\n");

  print_label ("  full load / parse (<= 1.5x)");
  for (guint i = 0; i < n_rows; i++)
    {
      double ratio = rows[i].load_ms / rows[i].parse_ms;

      g_snprintf (cell, sizeof cell, "%.2fx %s", ratio, verdict (ratio <= TARGET_LOAD_RATIO));
      print_cell (cell);
    }
  g_print ("\n");

  for (guint k = 0; k < G_N_ELEMENTS (keystrokes); k++)
    {
      g_autofree char *label = g_strdup_printf ("keystroke: last of '%s' (ms (CPU), <= 16)", keystrokes[k]);

      print_label (label);
      for (guint i = 0; i < n_rows; i++)
        {
          g_snprintf (cell, sizeof cell, "%.2f (%.2f) %s", rows[i].keystroke_ms[k],
                      rows[i].keystroke_cpu_ms[k], verdict (rows[i].keystroke_ms[k] <= TARGET_KEYSTROKE_MS));
          print_cell (cell);
        }
      g_print ("\n");
    }

  print_label ("matcher: colorectal, BRAF V600E (ms, <= 5)");
  for (guint i = 0; i < n_rows; i++)
    {
      g_snprintf (cell, sizeof cell, "%.2f %s", rows[i].match_ms,
                  verdict (rows[i].match_ms <= TARGET_MATCH_MS));
      print_cell (cell);
    }
  g_print ("\n");

  print_label ("diff, 10 % of cohorts changed (ms)");
  for (guint i = 0; i < n_rows; i++)
    {
      g_snprintf (cell, sizeof cell, "%.1f", rows[i].diff_ms);
      print_cell (cell);
    }
  g_print ("\n");

  print_label ("  diff / parse (<= 1x)");
  for (guint i = 0; i < n_rows; i++)
    {
      double ratio = rows[i].diff_ms / rows[i].parse_ms;

      g_snprintf (cell, sizeof cell, "%.2fx %s", ratio, verdict (ratio <= TARGET_DIFF_RATIO));
      print_cell (cell);
    }
  g_print ("\n");

  print_label ("peak RSS, MB (<= 6 x bytes + 60 MB)");
  for (guint i = 0; i < n_rows; i++)
    {
      double mb = rows[i].rss_kib * 1024.0 / 1e6;
      double limit = TARGET_RSS_FACTOR * rows[i].bytes / 1e6 + TARGET_RSS_EXTRA_MB;

      if (rows[i].rss_kib < 0)
        g_snprintf (cell, sizeof cell, "failed %s", verdict (FALSE));
      else
        g_snprintf (cell, sizeof cell, "%.0f (<= %.0f) %s", mb, limit, verdict (mb <= limit));
      print_cell (cell);
    }
  g_print ("\n");

  print_label ("JSON check, 10 000 000 x '[' (ms, <= 100)");
  g_snprintf (cell, sizeof cell, "%.1f %s", deep_ms, verdict (deep_ms <= TARGET_DEEP_MS));
  print_cell (cell);
  g_print ("\n");

  print_label ("JSON check, 100 000 members (ms, <= 1000)");
  g_snprintf (cell, sizeof cell, "%.1f %s", wide_ms, verdict (wide_ms <= TARGET_WIDE_MS));
  print_cell (cell);
  g_print ("\n\n");

  for (guint i = 0; i < n_rows; i++)
    g_print ("%u cohorts: hits for '%s'/'%s'/'%s': %u/%u/%u; matcher results: %u; changes in the diff: %u\n",
             rows[i].n, keystrokes[0], keystrokes[1], keystrokes[2],
             rows[i].keystroke_hits[0], rows[i].keystroke_hits[1], rows[i].keystroke_hits[2],
             rows[i].match_results, rows[i].diff_changes);
  g_print ("%s\n", all_met ? "All targets met." : "Some targets NOT MET.");
}

int
main (int   argc,
      char *argv[])
{
  int runs = 5;
  int rss_n = 0;
  g_autofree char *sizes = NULL;
  GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs per figure; the median is shown (5)", "R" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Feed sizes (1000,10000,100000)", "N,..." },
    { "rss", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &rss_n, "Child: load N cohorts, print VmHWM", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) size_list = NULL;
  g_autofree Row *rows = NULL;
  guint n_rows;
  double deep_ms, wide_ms;
  g_autofree char *load_before = read_load_average ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("bench-core: %s\n", error != NULL ? error->message : "--runs must be at least 1");
      return 2;
    }

  if (rss_n > 0)
    return run_rss_child ((guint) rss_n);

  size_list = g_strsplit (sizes != NULL ? sizes : "1000,10000,100000", ",", -1);
  n_rows = g_strv_length (size_list);
  rows = g_new0 (Row, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (size_list[i], 10, 1, 999999, &n, NULL))
        {
          g_printerr ("bench-core: not a size: '%s'\n", size_list[i]);
          return 2;
        }
      rows[i].n = (guint) n;
    }

  for (guint i = 0; i < n_rows; i++)
    {
      g_printerr ("bench-core: %u cohorts...\n", rows[i].n);
      measure (&rows[i], (guint) runs);
      rows[i].rss_kib = measure_rss (rows[i].n);
    }
  deep_ms = time_deep_array ((guint) runs);
  wide_ms = time_wide_object ((guint) runs);

  print_table (rows, n_rows, (guint) runs, deep_ms, wide_ms, load_before);

  return all_met ? 0 : 1;
}
