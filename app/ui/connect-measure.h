/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-measure.h: responsiveness probes for the benchmarks, off unless
 * an environment variable turns them on (tests/bench/gui-bench.py):
 *
 * CONNECT_MEASURE_STALLS=FILE — a G_PRIORITY_HIGH timer every 5 ms
 *   measures how late it runs. From the first frame on, the longest
 *   lateness is a stall of the main loop. FILE gets one line of JSON,
 *   rewritten every second and at exit:
 *   {"max_stall_ms": …, "ticks": …, "last_long_stall_s": …}
 *   (last_long_stall_s: seconds since the first frame of the last stall
 *   over 16 ms, or -1). SIGTERM quits the application cleanly.
 * CONNECT_MEASURE_STALLS_LOG=1 (with CONNECT_MEASURE_STALLS) — prints each
 *   stall over 16 ms to stderr with the monotonic time it ended, to match
 *   against a profile (perf record -k CLOCK_MONOTONIC).
 * CONNECT_MEASURE_WIDGETS=1 (with CONNECT_MEASURE_STALLS) — at SIGTERM,
 *   prints to stderr how many widgets each large subtree and each widget
 *   type has (to find where layout time goes).
 * CONNECT_MEASURE_FIRST_FRAME=FILE — writes the g_get_monotonic_time()
 *   of the first "after-paint" of the first window's frame clock to FILE;
 *   with CONNECT_MEASURE_QUIT=1 the application then quits.
 * CONNECT_MEASURE_DATA_FRAME=FILE (with CONNECT_MEASURE_FIRST_FRAME) —
 *   writes the time of the first frame after the Cohorts page got a feed
 *   (its first rows on screen) to FILE; with CONNECT_MEASURE_QUIT=1 the
 *   application quits after that frame instead.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void connect_measure_install (GtkApplication *app);

G_END_DECLS
