/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "connect-watch.h"

/**
 * connect_watch_change_free:
 * @change: (transfer full): a change
 *
 * Frees @change.
 */
void
connect_watch_change_free (ConnectWatchChange *change)
{
  if (change == NULL)
    return;

  g_free (change->cohort_id);
  g_free (change);
}

/**
 * connect_watch_find_changes:
 * @old_feed: (nullable): the feed before the sync
 * @new_feed: the feed after it
 * @watched: (array zero-terminated=1) (nullable): the watched cohort ids
 *
 * Finds the watched cohorts whose status or stage differs between @old_feed
 * and @new_feed, and those that were in @old_feed but are gone from
 * @new_feed. A cohort that is new in @new_feed is not a change (nobody could
 * have watched it). With no @old_feed (the first load) nothing changed.
 *
 * Returns: (transfer container) (element-type ConnectWatchChange): the
 *   changes, in the order of @watched, each id once
 */
GPtrArray *
connect_watch_find_changes (ConnectFeed        *old_feed,
                            ConnectFeed        *new_feed,
                            const char * const *watched)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (old_feed == NULL || CONNECT_IS_FEED (old_feed), NULL);
  g_return_val_if_fail (CONNECT_IS_FEED (new_feed), NULL);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) connect_watch_change_free);

  if (old_feed == NULL || old_feed == new_feed || watched == NULL)
    return g_steal_pointer (&changes);

  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; watched[i] != NULL; i++)
    {
      ConnectCohort *before;
      ConnectCohort *after;
      ConnectWatchChange *change;

      if (!g_hash_table_add (seen, (gpointer) watched[i]))
        continue;

      before = connect_feed_lookup_cohort (old_feed, watched[i]);
      if (before == NULL)
        continue;

      after = connect_feed_lookup_cohort (new_feed, watched[i]);
      if (after != NULL &&
          connect_cohort_get_status (before) == connect_cohort_get_status (after) &&
          connect_cohort_get_stage (before) == connect_cohort_get_stage (after))
        continue;

      change = g_new0 (ConnectWatchChange, 1);
      change->cohort_id = g_strdup (watched[i]);
      change->old_status = connect_cohort_get_status (before);
      change->old_stage = connect_cohort_get_stage (before);
      if (after != NULL)
        {
          change->new_status = connect_cohort_get_status (after);
          change->new_stage = connect_cohort_get_stage (after);
        }
      else
        {
          change->new_status = CONNECT_COHORT_STATUS_NONE;
          change->new_stage = CONNECT_COHORT_STAGE_NONE;
          change->removed = TRUE;
        }
      g_ptr_array_add (changes, change);
    }

  return g_steal_pointer (&changes);
}

/**
 * connect_watch_change_describe:
 * @change: a change
 *
 * Describes @change in one translated sentence for a notification, such as
 * "Open → Evaluating" or "Stage 1 → Stage 2".
 *
 * Returns: (transfer full): the text
 */
char *
connect_watch_change_describe (const ConnectWatchChange *change)
{
  GType status_type = CONNECT_TYPE_COHORT_STATUS;
  GType stage_type = CONNECT_TYPE_COHORT_STAGE;
  gboolean status_changed;
  gboolean stage_changed;

  g_return_val_if_fail (change != NULL, NULL);

  if (change->removed)
    return g_strdup (_("No longer in the feed"));

  status_changed = change->old_status != change->new_status;
  stage_changed = change->old_stage != change->new_stage;

  if (status_changed && stage_changed && change->new_stage != CONNECT_COHORT_STAGE_NONE)
    /* Translators: a cohort's status and stage changed: "Open → Evaluating, Stage 2" */
    return g_strdup_printf (_("%s → %s, %s"),
                            connect_enum_to_label (status_type, change->old_status),
                            connect_enum_to_label (status_type, change->new_status),
                            connect_enum_to_label (stage_type, change->new_stage));
  else if (status_changed)
    /* Translators: a cohort's status changed: "Open → Evaluating" */
    return g_strdup_printf (_("%s → %s"),
                            connect_enum_to_label (status_type, change->old_status),
                            connect_enum_to_label (status_type, change->new_status));
  else
    /* Translators: a cohort's stage changed: "Stage 1 → Stage 2" */
    return g_strdup_printf (_("%s → %s"),
                            connect_enum_to_label (stage_type, change->old_stage),
                            connect_enum_to_label (stage_type, change->new_stage));
}
