/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cli-list.c: `connect-feed list FEED [filters]`. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "connect-cli.h"
#include "connect-cohort-query.h"

/* A feed string for a value, "unknown" for one this version does not know,
 * NULL when absent. */
static const char *
enum_string (GType enum_type,
             int   value)
{
  const char *str;

  if (value == 0)
    return NULL;

  str = connect_enum_to_feed_string (enum_type, value);

  return str != NULL ? str : "unknown";
}

static void
add_count (JsonBuilder *builder,
           const char  *member,
           gint64       value)
{
  json_builder_set_member_name (builder, member);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
print_json (GListModel *cohorts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = g_list_model_get_n_items (cohorts);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (cohorts, i);
      const char *stage = enum_string (CONNECT_TYPE_COHORT_STAGE, connect_cohort_get_stage (cohort));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, connect_entity_get_id (CONNECT_ENTITY (cohort)));
      json_builder_set_member_name (builder, "trial");
      json_builder_add_string_value (builder, connect_cohort_get_trial (cohort));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, enum_string (CONNECT_TYPE_COHORT_STATUS,
                                                           connect_cohort_get_status (cohort)));
      json_builder_set_member_name (builder, "stage");
      if (stage != NULL)
        json_builder_add_string_value (builder, stage);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "tumor");
      json_builder_add_string_value (builder, connect_cohort_get_tumor_name (cohort));
      add_string_array (builder, "genes", connect_cohort_get_genes (cohort));
      add_string_array (builder, "drugs", connect_cohort_get_drugs (cohort));
      add_count (builder, "enrolled", connect_cohort_get_enrolled (cohort));
      add_count (builder, "target", connect_cohort_get_target (cohort));
      add_string_array (builder, "sites", connect_cohort_get_sites (cohort));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  connect_cli_print_json (root);
}

/* "BRAF V600E", "ERBB2 amplification", "MSI-H". */
static char *
biomarker_text (ConnectCohort *cohort)
{
  const char * const *genes = connect_cohort_get_genes (cohort);
  const char *variant = connect_cohort_get_variant (cohort);
  GString *text = g_string_new (NULL);

  for (guint i = 0; genes != NULL && genes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '/');
      g_string_append (text, genes[i]);
    }

  if (variant != NULL)
    g_string_append_printf (text, " %s", variant);
  else
    {
      ConnectAlteration alteration = connect_cohort_get_alteration (cohort);

      if (alteration != CONNECT_ALTERATION_NONE && alteration != CONNECT_ALTERATION_SIGNATURE)
        g_string_append_printf (text, " %s", enum_string (CONNECT_TYPE_ALTERATION, alteration));
    }

  return g_string_free (text, FALSE);
}

/* Drug names (INN) joined with " + ", ids where the feed lacks the drug. */
static char *
drugs_text (ConnectFeed   *feed,
            ConnectCohort *cohort)
{
  const char * const *drugs = connect_cohort_get_drugs (cohort);
  GString *text = g_string_new (NULL);

  for (guint i = 0; drugs != NULL && drugs[i] != NULL; i++)
    {
      ConnectDrug *drug = connect_feed_lookup_drug (feed, drugs[i]);

      if (i > 0)
        g_string_append (text, " + ");
      g_string_append (text, drug != NULL ? connect_drug_get_name (drug) : drugs[i]);
    }

  return g_string_free (text, FALSE);
}

static char *
count_text (gint64 value)
{
  return value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("–");
}

enum {
  COL_ID,
  COL_STATUS,
  COL_STAGE,
  COL_TUMOR,
  COL_BIOMARKER,
  COL_DRUGS,
  COL_ENROLLED,
  N_COLUMNS
};

static void
print_text (ConnectFeed *feed,
            GListModel  *cohorts)
{
  const char *headers[N_COLUMNS] = {
    /* Translators: column headings of `connect-feed list`, upper case */
    C_("column", "ID"),
    C_("column", "STATUS"),
    C_("column", "STAGE"),
    C_("column", "TUMOUR"),
    C_("column", "BIOMARKER"),
    C_("column", "DRUGS"),
    C_("column", "ENROLLED"),
  };
  guint widths[N_COLUMNS];
  guint n = g_list_model_get_n_items (cohorts);
  guint total = g_list_model_get_n_items (connect_feed_get_cohorts (feed));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    widths[c] = g_utf8_strlen (headers[c], -1);

  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) {
    headers[0], headers[1], headers[2], headers[3], headers[4], headers[5], headers[6], NULL }));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (cohorts, i);
      char **row = g_new0 (char *, N_COLUMNS + 1);
      const char *stage = enum_string (CONNECT_TYPE_COHORT_STAGE, connect_cohort_get_stage (cohort));
      gint64 enrolled = connect_cohort_get_enrolled (cohort);
      gint64 target = connect_cohort_get_target (cohort);

      row[COL_ID] = g_strdup (connect_entity_get_id (CONNECT_ENTITY (cohort)));
      row[COL_STATUS] = g_strdup (enum_string (CONNECT_TYPE_COHORT_STATUS,
                                               connect_cohort_get_status (cohort)));
      row[COL_STAGE] = g_strdup (stage != NULL ? stage : "–");
      row[COL_TUMOR] = g_strdup (connect_cohort_get_tumor_name (cohort));
      row[COL_BIOMARKER] = biomarker_text (cohort);
      row[COL_DRUGS] = drugs_text (feed, cohort);
      if (target >= 0)
        {
          g_autofree char *enrolled_str = count_text (enrolled);

          row[COL_ENROLLED] = g_strdup_printf ("%s/%" G_GINT64_FORMAT, enrolled_str, target);
        }
      else
        row[COL_ENROLLED] = count_text (enrolled);

      for (guint c = 0; c < N_COLUMNS; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));

      g_ptr_array_add (rows, row);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_string_append (out, row[c]);
          if (c + 1 < N_COLUMNS)
            {
              guint pad = widths[c] - g_utf8_strlen (row[c], -1) + 2;

              for (guint k = 0; k < pad; k++)
                g_string_append_c (out, ' ');
            }
        }
      g_string_append_c (out, '\n');
    }

  /* Translators: how many cohorts of all in the feed the filters let through */
  g_string_append_printf (out, ngettext ("%u of %u cohort\n", "%u of %u cohorts\n", total),
                          n, total);

  g_print ("%s", out->str);
  g_string_free (out, TRUE);
}

int
connect_cli_list (int    argc,
                  char **argv)
{
  g_autofree char *status = NULL;
  g_autofree char *tumor = NULL;
  g_autofree char *gene = NULL;
  g_autofree char *drug = NULL;
  g_autofree char *partner = NULL;
  g_autofree char *site = NULL;
  g_autofree char *text = NULL;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only cohorts with this status (planned, open, evaluating, suspended, closed)"), N_("STATUS") },
    { "tumor", 0, 0, G_OPTION_ARG_STRING, &tumor,
      N_("Only cohorts of this tumour, by name or OncoTree code"), N_("TUMOUR") },
    { "gene", 0, 0, G_OPTION_ARG_STRING, &gene,
      N_("Only cohorts with a biomarker in this gene (aliases such as HER2 work)"), N_("GENE") },
    { "drug", 0, 0, G_OPTION_ARG_STRING, &drug,
      N_("Only cohorts using this drug, by id, INN or brand"), N_("DRUG") },
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner,
      N_("Only cohorts this company supplies or has a commitment for, by id or name"), N_("PARTNER") },
    { "site", 0, 0, G_OPTION_ARG_STRING, &site,
      N_("Only cohorts at this site, by id or name"), N_("SITE") },
    { "query", 0, 0, G_OPTION_ARG_STRING, &text,
      N_("Only cohorts whose description holds every word of TEXT"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectCohortIndex) index = NULL;
  g_autoptr(ConnectCohortQuery) query = NULL;
  g_autoptr(GListStore) found = NULL;
  ConnectCliFormat format;

  if (!connect_cli_parse_options (&argc, &argv, _("[FEED]"),
                                  _("Lists the cohorts of the feed that pass every filter given."),
                                  entries, &format))
    return CONNECT_CLI_EXIT_USAGE;

  if (argc > 2)
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("Too many arguments: list takes one FEED"));

  query = connect_cohort_query_new ();

  if (status != NULL)
    {
      int value = connect_enum_from_feed_string (CONNECT_TYPE_COHORT_STATUS, status);

      if (value <= CONNECT_COHORT_STATUS_UNKNOWN && strcmp (status, "unknown") != 0)
        return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                                  _("Invalid --status “%s”: use planned, open, evaluating, suspended, closed or unknown"),
                                  status);
      connect_cohort_query_set_status (query, value);
    }

  connect_cohort_query_set_tumor (query, tumor);
  connect_cohort_query_set_gene (query, gene);
  connect_cohort_query_set_drug (query, drug);
  connect_cohort_query_set_partner (query, partner);
  connect_cohort_query_set_site (query, site);
  connect_cohort_query_set_text (query, text);

  feed = connect_cli_load_feed (argc > 1 ? argv[1] : NULL, &issue, &error);
  if (feed == NULL)
    {
      g_autofree char *message = issue != NULL ? connect_issue_to_string (issue)
                                               : g_strdup (error->message);

      return connect_cli_error (CONNECT_CLI_EXIT_FAILED, "%s", message);
    }

  index = connect_cohort_index_new (feed);
  found = connect_cohort_query_filter (query, index);

  if (format == CONNECT_CLI_FORMAT_JSON)
    print_json (G_LIST_MODEL (found));
  else
    print_text (feed, G_LIST_MODEL (found));

  return CONNECT_CLI_EXIT_OK;
}
