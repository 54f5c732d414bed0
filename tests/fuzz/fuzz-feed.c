/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-feed.c: a libFuzzer target for the feed parser and validator.
 *
 * Every input goes through connect_feed_new_from_bytes() the way a body
 * from the network does; an accepted feed is then walked through the
 * relations the UI reads. A crash, a sanitizer report, a leak, a GLib
 * critical or warning, or an accepted feed without cohorts model is a
 * finding. */
#include "config.h"

#include <stdint.h>

#include "connect-feed.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning on hostile input is a bug: make it abort. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
walk_feed (ConnectFeed *feed)
{
  GListModel *cohorts = connect_feed_get_cohorts (feed);
  guint n = g_list_model_get_n_items (cohorts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectEntity) entity = g_list_model_get_item (cohorts, i);
      const char *id = connect_entity_get_id (entity);
      g_autoptr(GPtrArray) warnings = NULL;

      g_assert (id != NULL);
      g_assert (connect_feed_lookup_cohort (feed, id) != NULL);
      (void) connect_feed_get_cohort_events (feed, id);
      (void) connect_feed_get_cohort_commitments (feed, id);
      warnings = connect_feed_get_entity_warnings (feed, entity);
    }

  for (guint kind = CONNECT_ENTITY_KIND_TRIAL; kind <= CONNECT_ENTITY_KIND_EVENT; kind++)
    {
      GListModel *list = connect_feed_get_entities (feed, kind);

      g_assert (list != NULL);
      (void) g_list_model_get_n_items (list);
    }

  (void) connect_feed_get_warnings (feed);
  (void) connect_feed_get_checksum (feed);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;

  /* g_bytes_new copies into a buffer of exactly @size bytes, so a read
   * past the end is caught by AddressSanitizer. */
  bytes = g_bytes_new (data, size);
  feed = connect_feed_new_from_bytes (bytes, 0, &issue, &error);

  if (feed == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->message != NULL);
      return 0;
    }

  g_assert (error == NULL);
  walk_feed (feed);
  return 0;
}
