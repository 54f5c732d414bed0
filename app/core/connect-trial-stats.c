/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "connect-chart-scale.h"
#include "connect-trial-stats.h"

static void
label_count_free (gpointer data)
{
  ConnectLabelCount *item = data;

  g_free (item->label);
  g_free (item);
}

static int
compare_label_counts (gconstpointer a,
                      gconstpointer b)
{
  const ConnectLabelCount *x = *(ConnectLabelCount * const *) a;
  const ConnectLabelCount *y = *(ConnectLabelCount * const *) b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->label, y->label);
}

static int
compare_snapshots (gconstpointer a,
                   gconstpointer b)
{
  ConnectSnapshot *x = *(ConnectSnapshot * const *) a;
  ConnectSnapshot *y = *(ConnectSnapshot * const *) b;
  int cmp = g_date_compare (connect_snapshot_get_as_of (x), connect_snapshot_get_as_of (y));

  if (cmp != 0)
    return cmp;
  /* Same date: feed order, so the later entry wins as "latest". */
  return (int) connect_entity_get_index (CONNECT_ENTITY (x)) -
         (int) connect_entity_get_index (CONNECT_ENTITY (y));
}

static int
compare_drugs (gconstpointer a,
               gconstpointer b)
{
  ConnectDrug *x = *(ConnectDrug * const *) a;
  ConnectDrug *y = *(ConnectDrug * const *) b;

  return g_utf8_collate (connect_drug_get_name (x), connect_drug_get_name (y));
}

static int
compare_sites (gconstpointer a,
               gconstpointer b)
{
  ConnectSite *x = *(ConnectSite * const *) a;
  ConnectSite *y = *(ConnectSite * const *) b;

  return g_utf8_collate (connect_site_get_name (x), connect_site_get_name (y));
}

static double
rate (gint64 numerator,
      gint64 denominator)
{
  if (numerator < 0 || denominator <= 0)
    return -1;
  return 100.0 * (double) numerator / (double) denominator;
}

/**
 * connect_snapshot_get_step:
 * @snapshot: a snapshot
 * @step: a step of the funnel
 *
 * Returns: its count, -1 when the snapshot does not give it
 */
gint64
connect_snapshot_get_step (ConnectSnapshot   *snapshot,
                           ConnectFunnelStep  step)
{
  g_return_val_if_fail (CONNECT_IS_SNAPSHOT (snapshot), -1);

  switch (step)
    {
    case CONNECT_FUNNEL_SCREENED: return connect_snapshot_get_screened (snapshot);
    case CONNECT_FUNNEL_DISCUSSED: return connect_snapshot_get_discussed (snapshot);
    case CONNECT_FUNNEL_OFFERED: return connect_snapshot_get_offered (snapshot);
    case CONNECT_FUNNEL_STARTED: return connect_snapshot_get_started (snapshot);
    case CONNECT_FUNNEL_EVALUABLE: return connect_snapshot_get_evaluable (snapshot);
    case CONNECT_FUNNEL_DISEASE_CONTROL: return connect_snapshot_get_disease_control (snapshot);
    default:
      g_return_val_if_reached (-1);
    }
}

/**
 * connect_funnel_step_to_label:
 * @step: a step of the funnel
 *
 * Returns: its translated name
 */
const char *
connect_funnel_step_to_label (ConnectFunnelStep step)
{
  switch (step)
    {
    case CONNECT_FUNNEL_SCREENED: return _("Screened");
    case CONNECT_FUNNEL_DISCUSSED: return _("Discussed at the tumour board");
    case CONNECT_FUNNEL_OFFERED: return _("Offered treatment");
    case CONNECT_FUNNEL_STARTED: return _("Started treatment");
    case CONNECT_FUNNEL_EVALUABLE: return _("Evaluable");
    case CONNECT_FUNNEL_DISEASE_CONTROL: return _("Disease control");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * connect_funnel_step_rate_basis:
 * @step: a step of the funnel
 *
 * Returns: (nullable): what its rate is a share of, translated
 */
const char *
connect_funnel_step_rate_basis (ConnectFunnelStep step)
{
  switch (step)
    {
    case CONNECT_FUNNEL_SCREENED: return NULL;
    case CONNECT_FUNNEL_DISCUSSED: return _("of screened patients");
    case CONNECT_FUNNEL_OFFERED: return _("of discussed patients");
    case CONNECT_FUNNEL_STARTED: return _("of patients offered treatment");
    case CONNECT_FUNNEL_EVALUABLE: return _("of patients who started");
    case CONNECT_FUNNEL_DISEASE_CONTROL: return _("of evaluable patients");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * connect_trial_stats_new:
 * @feed: a feed
 * @trial_id: the id of one of its trials
 *
 * Returns: (transfer full) (nullable): the statistics, %NULL when the
 *   feed has no trial @trial_id
 */
ConnectTrialStats *
connect_trial_stats_new (ConnectFeed *feed,
                         const char  *trial_id)
{
  ConnectTrialStats *stats;
  ConnectTrial *trial;
  GListModel *model;
  g_autoptr(GHashTable) tumors = NULL;
  g_autoptr(GHashTable) drugs = NULL;
  g_autoptr(GHashTable) sites = NULL;
  guint n;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);
  g_return_val_if_fail (trial_id != NULL, NULL);

  trial = connect_feed_lookup_trial (feed, trial_id);
  if (trial == NULL)
    return NULL;

  stats = g_new0 (ConnectTrialStats, 1);
  stats->trial = g_object_ref (trial);
  stats->snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  stats->by_tumor = g_ptr_array_new_with_free_func (label_count_free);
  stats->drugs = g_ptr_array_new_with_free_func (g_object_unref);
  stats->sites = g_ptr_array_new_with_free_func (g_object_unref);
  if (connect_trial_get_sponsor (trial) != NULL)
    stats->sponsor = connect_feed_lookup_partner (feed, connect_trial_get_sponsor (trial));

  /* Snapshots */
  model = connect_feed_get_snapshots (feed);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectSnapshot) snapshot = g_list_model_get_item (model, i);

      if (g_strcmp0 (connect_snapshot_get_trial (snapshot), trial_id) == 0)
        g_ptr_array_add (stats->snapshots, g_steal_pointer (&snapshot));
    }
  g_ptr_array_sort (stats->snapshots, compare_snapshots);

  if (stats->snapshots->len > 0)
    stats->latest = g_ptr_array_index (stats->snapshots, stats->snapshots->len - 1);

  for (guint step = 0; step < CONNECT_N_FUNNEL_STEPS; step++)
    {
      stats->funnel[step] = stats->latest ? connect_snapshot_get_step (stats->latest, step) : -1;
      stats->rates[step] = step == 0 ? -1 : rate (stats->funnel[step], stats->funnel[step - 1]);
    }

  /* Cohorts */
  tumors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  drugs = g_hash_table_new (g_str_hash, g_str_equal);
  sites = g_hash_table_new (g_str_hash, g_str_equal);

  model = connect_feed_get_cohorts (feed);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (model, i);
      ConnectCohortStatus status;
      ConnectCohortStage stage;
      const char * const *ids;
      const char *tumor;
      g_autofree char *key = NULL;
      ConnectLabelCount *item;

      if (g_strcmp0 (connect_cohort_get_trial (cohort), trial_id) != 0)
        continue;

      stats->n_cohorts++;
      status = connect_cohort_get_status (cohort);
      stage = connect_cohort_get_stage (cohort);
      if ((guint) status >= CONNECT_N_COHORT_STATUSES)
        status = CONNECT_COHORT_STATUS_UNKNOWN;
      if ((guint) stage >= CONNECT_N_COHORT_STAGES)
        stage = CONNECT_COHORT_STAGE_UNKNOWN;
      stats->by_status[status]++;
      stats->by_stage[stage]++;
      stats->by_status_stage[status][stage]++;

      /* Tumour types are grouped ignoring case; the first spelling wins. */
      tumor = connect_cohort_get_tumor_name (cohort);
      if (tumor == NULL || *tumor == '\0')
        tumor = _("Tumour not given");
      key = g_utf8_casefold (tumor, -1);
      item = g_hash_table_lookup (tumors, key);
      if (item == NULL)
        {
          item = g_new0 (ConnectLabelCount, 1);
          item->label = g_strdup (tumor);
          g_ptr_array_add (stats->by_tumor, item);
          g_hash_table_insert (tumors, g_steal_pointer (&key), item);
        }
      item->count++;

      ids = connect_cohort_get_drugs (cohort);
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          ConnectDrug *drug = connect_feed_lookup_drug (feed, ids[j]);

          if (drug != NULL && !g_hash_table_contains (drugs, ids[j]))
            {
              g_hash_table_add (drugs, (gpointer) connect_entity_get_id (CONNECT_ENTITY (drug)));
              g_ptr_array_add (stats->drugs, g_object_ref (drug));
            }
        }

      ids = connect_cohort_get_sites (cohort);
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          ConnectSite *site = connect_feed_lookup_site (feed, ids[j]);

          if (site != NULL && !g_hash_table_contains (sites, ids[j]))
            {
              g_hash_table_add (sites, (gpointer) connect_entity_get_id (CONNECT_ENTITY (site)));
              g_ptr_array_add (stats->sites, g_object_ref (site));
            }
        }
    }

  g_ptr_array_sort (stats->by_tumor, compare_label_counts);
  g_ptr_array_sort (stats->drugs, compare_drugs);
  g_ptr_array_sort (stats->sites, compare_sites);

  for (guint i = 0; i < stats->sites->len; i++)
    {
      ConnectSite *site = g_ptr_array_index (stats->sites, i);
      ConnectRegion region = connect_site_get_region (site);

      if ((guint) region >= CONNECT_N_REGIONS)
        region = CONNECT_REGION_UNKNOWN;
      stats->sites_by_region[region]++;
      if (connect_site_get_recruiting (site) == 1)
        stats->n_recruiting_sites++;
    }

  return stats;
}

/**
 * connect_trial_stats_free:
 * @stats: (nullable): statistics
 *
 * Frees @stats.
 */
void
connect_trial_stats_free (ConnectTrialStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_object (&stats->trial);
  g_clear_pointer (&stats->snapshots, g_ptr_array_unref);
  g_clear_pointer (&stats->by_tumor, g_ptr_array_unref);
  g_clear_pointer (&stats->drugs, g_ptr_array_unref);
  g_clear_pointer (&stats->sites, g_ptr_array_unref);
  g_free (stats);
}

/**
 * connect_trial_stats_format_headline:
 * @stats: statistics
 *
 * Returns: (transfer full) (nullable): the latest figures in one sentence
 */
char *
connect_trial_stats_format_headline (ConnectTrialStats *stats)
{
  GPtrArray *parts;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (stats != NULL, NULL);

  if (stats->latest == NULL)
    return NULL;

  parts = g_ptr_array_new_with_free_func (g_free);

  if (stats->funnel[CONNECT_FUNNEL_DISCUSSED] >= 0)
    {
      g_autofree char *count = connect_format_count (stats->funnel[CONNECT_FUNNEL_DISCUSSED]);

      /* Translators: %s is a number of patients */
      g_ptr_array_add (parts, g_strdup_printf (_("%s discussed at the tumour board"), count));
    }
  else if (stats->funnel[CONNECT_FUNNEL_SCREENED] >= 0)
    {
      g_autofree char *count = connect_format_count (stats->funnel[CONNECT_FUNNEL_SCREENED]);

      /* Translators: %s is a number of patients */
      g_ptr_array_add (parts, g_strdup_printf (_("%s screened"), count));
    }

  if (stats->rates[CONNECT_FUNNEL_OFFERED] >= 0)
    {
      g_autofree char *percent = connect_format_percent (stats->rates[CONNECT_FUNNEL_OFFERED]);

      /* Translators: %s is a percentage of the patients discussed */
      g_ptr_array_add (parts, g_strdup_printf (_("%s offered treatment"), percent));
    }

  if (stats->rates[CONNECT_FUNNEL_DISEASE_CONTROL] >= 0)
    {
      g_autofree char *percent = connect_format_percent (stats->rates[CONNECT_FUNNEL_DISEASE_CONTROL]);

      /* Translators: %s is a percentage of the evaluable patients */
      g_ptr_array_add (parts, g_strdup_printf (_("%s disease control"), percent));
    }

  if (parts->len == 0)
    {
      g_ptr_array_unref (parts);
      return g_strdup (_("No figures given yet"));
    }

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the figures of the trial's headline */
  joined = g_strjoinv (C_("list separator", ", "), (char **) parts->pdata);
  g_ptr_array_unref (parts);

  return g_steal_pointer (&joined);
}

/**
 * connect_trial_stats_format_design:
 * @stats: statistics
 *
 * Returns: (transfer full) (nullable): the two-stage design in words
 */
char *
connect_trial_stats_format_design (ConnectTrialStats *stats)
{
  ConnectTrial *trial;
  GString *out;

  g_return_val_if_fail (stats != NULL, NULL);

  trial = stats->trial;
  if (!connect_trial_has_design (trial))
    return NULL;

  out = g_string_new (NULL);

  if (connect_trial_get_stage1_patients (trial) >= 0)
    {
      gint64 n = connect_trial_get_stage1_patients (trial);

      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "Stage 1: %d patient",
                                           "Stage 1: %d patients", (gulong) n),
                              (int) n);
      if (connect_trial_get_stage1_min_benefit (trial) >= 0)
        {
          gint64 b = connect_trial_get_stage1_min_benefit (trial);

          g_string_append (out, " ");
          g_string_append_printf (out,
                                  g_dngettext (GETTEXT_PACKAGE, "(at least %d with benefit)",
                                               "(at least %d with benefit)", (gulong) b),
                                  (int) b);
        }
    }

  if (connect_trial_get_stage2_patients (trial) >= 0)
    {
      gint64 n = connect_trial_get_stage2_patients (trial);

      if (out->len > 0)
        g_string_append (out, " → ");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "stage 2: %d patient",
                                           "stage 2: %d patients", (gulong) n),
                              (int) n);
    }

  if (connect_trial_get_expansion_min_benefit (trial) >= 0)
    {
      gint64 n = connect_trial_get_expansion_min_benefit (trial);

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE, "expansion from %d with benefit",
                                           "expansion from %d with benefit", (gulong) n),
                              (int) n);
    }

  if (connect_trial_get_evaluation_week (trial) >= 0)
    {
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, _("benefit evaluated at week %d"),
                              (int) connect_trial_get_evaluation_week (trial));
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}
