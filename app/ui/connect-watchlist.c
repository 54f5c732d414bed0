/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "connect-watchlist.h"

/**
 * connect_watchlist_contains:
 * @settings: the application's settings
 * @cohort_id: a cohort id
 *
 * Returns: whether the cohort is watched
 */
gboolean
connect_watchlist_contains (GSettings  *settings,
                            const char *cohort_id)
{
  g_auto(GStrv) watched = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (cohort_id != NULL, FALSE);

  watched = g_settings_get_strv (settings, CONNECT_WATCHLIST_KEY);

  return g_strv_contains ((const char * const *) watched, cohort_id);
}

/**
 * connect_watchlist_set:
 * @settings: the application's settings
 * @cohort_id: a cohort id
 * @watched: whether to watch it
 *
 * Adds the cohort to the watchlist or removes it; does nothing when it is
 * already so.
 */
void
connect_watchlist_set (GSettings  *settings,
                       const char *cohort_id,
                       gboolean    watched)
{
  g_auto(GStrv) list = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) result = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (cohort_id != NULL);

  list = g_settings_get_strv (settings, CONNECT_WATCHLIST_KEY);
  if (g_strv_contains ((const char * const *) list, cohort_id) == !!watched)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (list[i], cohort_id) != 0)
      g_strv_builder_add (builder, list[i]);
  if (watched)
    g_strv_builder_add (builder, cohort_id);

  result = g_strv_builder_end (builder);
  g_settings_set_strv (settings, CONNECT_WATCHLIST_KEY, (const char * const *) result);
}
