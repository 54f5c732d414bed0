/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-watch.h: which watched cohorts changed between two feeds. */
#pragma once

#include <gio/gio.h>

#include "connect-feed.h"

G_BEGIN_DECLS

/**
 * ConnectWatchChange:
 * @cohort_id: the watched cohort
 * @old_status: its status in the old feed
 * @new_status: its status in the new feed (%CONNECT_COHORT_STATUS_NONE when
 *   @removed)
 * @old_stage: its stage in the old feed
 * @new_stage: its stage in the new feed
 * @removed: the cohort is no longer in the new feed
 *
 * A watched cohort whose status or stage changed.
 */
typedef struct
{
  char                *cohort_id;
  ConnectCohortStatus  old_status;
  ConnectCohortStatus  new_status;
  ConnectCohortStage   old_stage;
  ConnectCohortStage   new_stage;
  gboolean             removed;
} ConnectWatchChange;

void       connect_watch_change_free     (ConnectWatchChange       *change);

GPtrArray *connect_watch_find_changes    (ConnectFeed              *old_feed,
                                          ConnectFeed              *new_feed,
                                          const char * const       *watched);

char      *connect_watch_change_describe (const ConnectWatchChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectWatchChange, connect_watch_change_free)

G_END_DECLS
