/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "connect-chart-scale.h"
#include "connect-partner-stats.h"

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

/* Known kinds first in enum order, then UNKNOWN, then NONE. */
static int
kind_rank (ConnectPartnerKind kind)
{
  if (kind == CONNECT_PARTNER_KIND_NONE)
    return 1000;
  if (kind == CONNECT_PARTNER_KIND_UNKNOWN)
    return 999;
  return (int) kind;
}

static int
compare_partners (gconstpointer a,
                  gconstpointer b)
{
  ConnectPartner *x = *(ConnectPartner * const *) a;
  ConnectPartner *y = *(ConnectPartner * const *) b;
  int rx = kind_rank (connect_partner_get_kind (x));
  int ry = kind_rank (connect_partner_get_kind (y));

  if (rx != ry)
    return rx - ry;
  return g_utf8_collate (connect_partner_get_name (x), connect_partner_get_name (y));
}

static gboolean
strv_contains_any (const char * const *strv,
                   GHashTable         *set)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_hash_table_contains (set, strv[i]))
      return TRUE;
  return FALSE;
}

/**
 * connect_partner_stats_new:
 * @feed: a feed
 * @partner_id: the id of one of its partners
 *
 * Returns: (transfer full) (nullable): the partner's drugs, commitments,
 *   cohorts and sites, %NULL when the feed has no such partner
 */
ConnectPartnerStats *
connect_partner_stats_new (ConnectFeed *feed,
                           const char  *partner_id)
{
  ConnectPartnerStats *stats;
  ConnectPartner *partner;
  g_autoptr(GHashTable) drug_ids = NULL;
  g_autoptr(GHashTable) named_cohorts = NULL;
  g_autoptr(GHashTable) site_ids = NULL;
  GListModel *model;
  guint n;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);
  g_return_val_if_fail (partner_id != NULL, NULL);

  partner = connect_feed_lookup_partner (feed, partner_id);
  if (partner == NULL)
    return NULL;

  stats = g_new0 (ConnectPartnerStats, 1);
  stats->partner = g_object_ref (partner);
  stats->drugs = g_ptr_array_new_with_free_func (g_object_unref);
  stats->commitments = g_ptr_array_new_with_free_func (g_object_unref);
  stats->cohorts = g_ptr_array_new_with_free_func (g_object_unref);
  stats->sites = g_ptr_array_new_with_free_func (g_object_unref);
  stats->sponsored = g_ptr_array_new_with_free_func (g_object_unref);

  /* Trials it sponsors, in feed order */
  model = connect_feed_get_trials (feed);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectTrial) trial = g_list_model_get_item (model, i);

      if (g_strcmp0 (connect_trial_get_sponsor (trial), partner_id) == 0)
        g_ptr_array_add (stats->sponsored, g_steal_pointer (&trial));
    }

  drug_ids = g_hash_table_new (g_str_hash, g_str_equal);
  named_cohorts = g_hash_table_new (g_str_hash, g_str_equal);
  site_ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* Drugs it supplies */
  model = connect_feed_get_drugs (feed);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectDrug) drug = g_list_model_get_item (model, i);

      if (g_strcmp0 (connect_drug_get_supplier (drug), partner_id) == 0)
        {
          g_hash_table_add (drug_ids, (gpointer) connect_entity_get_id (CONNECT_ENTITY (drug)));
          g_ptr_array_add (stats->drugs, g_steal_pointer (&drug));
        }
    }

  /* Its commitments, their drugs and the cohorts they name */
  model = connect_feed_get_commitments (feed);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCommitment) commitment = g_list_model_get_item (model, i);
      const char * const *cohorts;
      const char *drug_id;

      if (g_strcmp0 (connect_commitment_get_partner (commitment), partner_id) != 0)
        continue;

      drug_id = connect_commitment_get_drug (commitment);
      if (drug_id != NULL && !g_hash_table_contains (drug_ids, drug_id))
        {
          ConnectDrug *drug = connect_feed_lookup_drug (feed, drug_id);

          if (drug != NULL)
            {
              g_hash_table_add (drug_ids, (gpointer) connect_entity_get_id (CONNECT_ENTITY (drug)));
              g_ptr_array_add (stats->drugs, g_object_ref (drug));
            }
        }

      cohorts = connect_commitment_get_cohorts (commitment);
      for (guint j = 0; cohorts != NULL && cohorts[j] != NULL; j++)
        g_hash_table_add (named_cohorts, (gpointer) cohorts[j]);

      stats->slots += MAX (connect_commitment_get_slots (commitment), 0);
      stats->used += MAX (connect_commitment_get_used (commitment), 0);
      stats->reserved += MAX (connect_commitment_get_reserved (commitment), 0);

      g_ptr_array_add (stats->commitments, g_steal_pointer (&commitment));
    }

  /* Sites it runs */
  model = connect_feed_get_sites (feed);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectSite) site = g_list_model_get_item (model, i);

      if (g_strcmp0 (connect_site_get_partner (site), partner_id) == 0)
        {
          g_hash_table_add (site_ids, (gpointer) connect_entity_get_id (CONNECT_ENTITY (site)));
          g_ptr_array_add (stats->sites, g_steal_pointer (&site));
        }
    }

  /* Cohorts */
  model = connect_feed_get_cohorts (feed);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (model, i);
      const char *id = connect_entity_get_id (CONNECT_ENTITY (cohort));

      if (strv_contains_any (connect_cohort_get_sites (cohort), site_ids))
        stats->n_site_cohorts++;

      if (g_hash_table_contains (named_cohorts, id) ||
          strv_contains_any (connect_cohort_get_drugs (cohort), drug_ids))
        {
          switch (connect_cohort_get_status (cohort))
            {
            case CONNECT_COHORT_STATUS_OPEN:
              stats->n_open++;
              break;
            case CONNECT_COHORT_STATUS_CLOSED:
              stats->n_closed++;
              break;
            case CONNECT_COHORT_STATUS_NONE:
            case CONNECT_COHORT_STATUS_UNKNOWN:
            case CONNECT_COHORT_STATUS_PLANNED:
            case CONNECT_COHORT_STATUS_EVALUATING:
            case CONNECT_COHORT_STATUS_SUSPENDED:
            default:
              break;
            }
          g_ptr_array_add (stats->cohorts, g_steal_pointer (&cohort));
        }
    }

  g_ptr_array_sort (stats->drugs, compare_drugs);
  g_ptr_array_sort (stats->sites, compare_sites);

  return stats;
}

/**
 * connect_partner_stats_free:
 * @stats: (nullable): statistics
 *
 * Frees @stats.
 */
void
connect_partner_stats_free (ConnectPartnerStats *stats)
{
  if (stats == NULL)
    return;

  g_clear_object (&stats->partner);
  g_clear_pointer (&stats->drugs, g_ptr_array_unref);
  g_clear_pointer (&stats->commitments, g_ptr_array_unref);
  g_clear_pointer (&stats->cohorts, g_ptr_array_unref);
  g_clear_pointer (&stats->sites, g_ptr_array_unref);
  g_clear_pointer (&stats->sponsored, g_ptr_array_unref);
  g_free (stats);
}

/**
 * connect_partner_stats_format_cohorts:
 * @stats: statistics
 *
 * Returns: (transfer full) (nullable): "Its drugs are in 9 cohorts, 6
 *   open"; %NULL when the partner has neither drugs nor commitments
 */
char *
connect_partner_stats_format_cohorts (ConnectPartnerStats *stats)
{
  g_autofree char *in = NULL;
  g_autofree char *open = NULL;
  guint n;

  g_return_val_if_fail (stats != NULL, NULL);

  if (stats->drugs->len == 0 && stats->commitments->len == 0)
    return NULL;

  n = stats->cohorts->len;
  if (n == 0)
    return g_strdup (_("None of its drugs is in a cohort"));

  in = g_strdup_printf (ngettext ("Its drugs are in %u cohort",
                                  "Its drugs are in %u cohorts", n), n);
  if (stats->n_open == 0)
    /* Translators: follows "Its drugs are in %u cohorts" */
    open = g_strdup (ngettext ("not open", "none open", n));
  else
    /* Translators: how many of the cohorts are open; follows "Its drugs
     * are in %u cohorts" */
    open = g_strdup_printf (ngettext ("%u open", "%u open", stats->n_open), stats->n_open);

  /* Translators: "Its drugs are in 9 cohorts" and "6 open" */
  return g_strdup_printf (_("%s, %s"), in, open);
}

/**
 * connect_partner_stats_format_sites:
 * @stats: statistics
 *
 * Returns: (transfer full) (nullable): "3 sites, 12 cohorts at them";
 *   %NULL when the partner runs no site
 */
char *
connect_partner_stats_format_sites (ConnectPartnerStats *stats)
{
  g_autofree char *sites = NULL;
  g_autofree char *cohorts = NULL;

  g_return_val_if_fail (stats != NULL, NULL);

  if (stats->sites->len == 0)
    return NULL;

  sites = g_strdup_printf (ngettext ("%u site", "%u sites", stats->sites->len),
                           stats->sites->len);
  cohorts = g_strdup_printf (ngettext ("%u cohort recruits there",
                                       "%u cohorts recruit there",
                                       stats->n_site_cohorts),
                             stats->n_site_cohorts);

  /* Translators: "3 sites" and "12 cohorts recruit there" */
  return g_strdup_printf (_("%s, %s"), sites, cohorts);
}

/**
 * connect_partner_stats_format_sponsor:
 * @stats: statistics
 *
 * Returns: (transfer full) (nullable): "Sponsor of IMPRESS-Norway";
 *   %NULL when the partner sponsors no trial
 */
char *
connect_partner_stats_format_sponsor (ConnectPartnerStats *stats)
{
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (stats != NULL, NULL);

  if (stats->sponsored->len == 0)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; i < stats->sponsored->len; i++)
    {
      if (i > 0)
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, connect_trial_get_name (g_ptr_array_index (stats->sponsored, i)));
    }

  /* Translators: %s is one or more trial names */
  return g_strdup_printf (_("Sponsor of %s"), names->str);
}

/**
 * connect_partner_stats_format_slots:
 * @stats: statistics
 *
 * Returns: (transfer full) (nullable): "40 of 96 committed slots used,
 *   6 reserved"; %NULL without commitments
 */
char *
connect_partner_stats_format_slots (ConnectPartnerStats *stats)
{
  g_autofree char *used = NULL;
  g_autofree char *slots = NULL;
  g_autofree char *reserved = NULL;

  g_return_val_if_fail (stats != NULL, NULL);

  if (stats->commitments->len == 0)
    return NULL;

  used = connect_format_count (stats->used);
  slots = connect_format_count (stats->slots);
  reserved = connect_format_count (stats->reserved);

  /* Translators: "40 of 96 committed slots used, 6 reserved" */
  return g_strdup_printf (ngettext ("%s of %s committed slot used, %s reserved",
                                    "%s of %s committed slots used, %s reserved",
                                    (gulong) MIN (stats->slots, G_MAXUINT32)),
                          used, slots, reserved);
}

/**
 * connect_partners_sorted_by_kind:
 * @feed: a feed
 *
 * Returns: (transfer container) (element-type ConnectPartner): the
 *   partners grouped by kind, by name within a kind
 */
GPtrArray *
connect_partners_sorted_by_kind (ConnectFeed *feed)
{
  GPtrArray *partners;
  GListModel *model;
  guint n;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);

  model = connect_feed_get_partners (feed);
  n = g_list_model_get_n_items (model);
  partners = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (partners, g_list_model_get_item (model, i));
  g_ptr_array_sort (partners, compare_partners);

  return partners;
}
