/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "connect-watch.h"

#define FEED_HEAD \
  "{\"format\":\"connect-feed\",\"version\":1," \
  "\"generated_at\":\"2026-11-20T08:00:00Z\"," \
  "\"trials\":[{\"id\":\"T\",\"name\":\"Trial\"}]," \
  "\"drugs\":[{\"id\":\"d\",\"name\":\"drug\"}]," \
  "\"cohorts\":["
#define COHORT(id, status, stage) \
  "{\"id\":\"" id "\",\"trial\":\"T\",\"drugs\":[\"d\"]," \
  "\"tumor\":{\"name\":\"Colorectal cancer\"}," \
  "\"biomarker\":{\"genes\":[\"BRAF\"]}," \
  "\"status\":\"" status "\",\"stage\":\"" stage "\"}"
#define FEED_TAIL "]}"

static ConnectFeed *
feed_from_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  ConnectFeed *feed;

  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  return feed;
}

static ConnectFeed *
old_feed (void)
{
  return feed_from_string (FEED_HEAD
                           COHORT ("A", "open", "1") ","
                           COHORT ("B", "open", "1") ","
                           COHORT ("C", "open", "1") ","
                           COHORT ("D", "evaluating", "1")
                           FEED_TAIL);
}

static ConnectFeed *
new_feed (void)
{
  /* A: status changed; B: stage changed; C: unchanged; D: removed;
   * E: new. */
  return feed_from_string (FEED_HEAD
                           COHORT ("A", "evaluating", "1") ","
                           COHORT ("B", "open", "2") ","
                           COHORT ("C", "open", "1") ","
                           COHORT ("E", "open", "1")
                           FEED_TAIL);
}

static void
test_watch_changes (void)
{
  g_autoptr(ConnectFeed) before = old_feed ();
  g_autoptr(ConnectFeed) after = new_feed ();
  const char *watched[] = { "D", "C", "B", "A", "E", "A", "missing", NULL };
  g_autoptr(GPtrArray) changes = NULL;
  ConnectWatchChange *change;

  changes = connect_watch_find_changes (before, after, watched);
  g_assert_cmpuint (changes->len, ==, 3);

  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->cohort_id, ==, "D");
  g_assert_true (change->removed);
  g_assert_cmpint (change->old_status, ==, CONNECT_COHORT_STATUS_EVALUATING);

  change = g_ptr_array_index (changes, 1);
  g_assert_cmpstr (change->cohort_id, ==, "B");
  g_assert_false (change->removed);
  g_assert_cmpint (change->old_status, ==, CONNECT_COHORT_STATUS_OPEN);
  g_assert_cmpint (change->new_status, ==, CONNECT_COHORT_STATUS_OPEN);
  g_assert_cmpint (change->old_stage, ==, CONNECT_COHORT_STAGE_ONE);
  g_assert_cmpint (change->new_stage, ==, CONNECT_COHORT_STAGE_TWO);

  change = g_ptr_array_index (changes, 2);
  g_assert_cmpstr (change->cohort_id, ==, "A");
  g_assert_cmpint (change->old_status, ==, CONNECT_COHORT_STATUS_OPEN);
  g_assert_cmpint (change->new_status, ==, CONNECT_COHORT_STATUS_EVALUATING);
  g_assert_cmpint (change->new_stage, ==, CONNECT_COHORT_STAGE_ONE);
}

static void
test_watch_nothing (void)
{
  g_autoptr(ConnectFeed) before = old_feed ();
  g_autoptr(ConnectFeed) after = new_feed ();
  const char *watched[] = { "A", "B", NULL };
  const char *none[] = { NULL };
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) same = NULL;
  g_autoptr(GPtrArray) null_list = NULL;

  /* The first load is not a change. */
  first = connect_watch_find_changes (NULL, after, watched);
  g_assert_cmpuint (first->len, ==, 0);

  empty = connect_watch_find_changes (before, after, none);
  g_assert_cmpuint (empty->len, ==, 0);

  null_list = connect_watch_find_changes (before, after, NULL);
  g_assert_cmpuint (null_list->len, ==, 0);

  same = connect_watch_find_changes (before, before, watched);
  g_assert_cmpuint (same->len, ==, 0);
}

static void
test_watch_describe (void)
{
  ConnectWatchChange status = { (char *) "A",
                                CONNECT_COHORT_STATUS_OPEN, CONNECT_COHORT_STATUS_EVALUATING,
                                CONNECT_COHORT_STAGE_ONE, CONNECT_COHORT_STAGE_ONE, FALSE };
  ConnectWatchChange stage = { (char *) "B",
                               CONNECT_COHORT_STATUS_OPEN, CONNECT_COHORT_STATUS_OPEN,
                               CONNECT_COHORT_STAGE_ONE, CONNECT_COHORT_STAGE_TWO, FALSE };
  ConnectWatchChange removed = { (char *) "C",
                                 CONNECT_COHORT_STATUS_OPEN, CONNECT_COHORT_STATUS_NONE,
                                 CONNECT_COHORT_STAGE_ONE, CONNECT_COHORT_STAGE_NONE, TRUE };
  g_autofree char *status_text = connect_watch_change_describe (&status);
  g_autofree char *stage_text = connect_watch_change_describe (&stage);
  g_autofree char *removed_text = connect_watch_change_describe (&removed);

  g_assert_cmpstr (status_text, ==, "Open → Evaluating");
  g_assert_cmpstr (stage_text, ==, "Stage 1 → Stage 2");
  g_assert_cmpstr (removed_text, ==, "No longer in the feed");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/watch/changes", test_watch_changes);
  g_test_add_func ("/connect/watch/nothing", test_watch_nothing);
  g_test_add_func ("/connect/watch/describe", test_watch_describe);

  return g_test_run ();
}
