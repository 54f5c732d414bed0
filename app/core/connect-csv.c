/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "connect-csv.h"

static const char * const cohort_columns[] = {
  "id", "trial", "name", "status", "stage", "outcome", "tumor", "tumor_code",
  "agnostic", "genes", "alteration", "variant", "drugs", "enrolled", "target",
  "evaluable", "with_benefit", "sites", "opened", "closed", "contact", NULL
};

static const char * const commitment_columns[] = {
  "id", "partner", "drug", "trial", "cohorts", "kind", "slots", "used",
  "reserved", "payer_after_week16", "valid_from", "valid_until", "state", NULL
};

static const char * const site_columns[] = {
  "id", "name", "partner", "city", "region", "recruiting", NULL
};

static const char * const partner_columns[] = {
  "id", "name", "kind", "membership", "joined", "country", "url", NULL
};

/* Feed strings for enum values: NULL when absent, "unknown" for a value
 * this version does not know. */
static char *
enum_field (GType enum_type,
            int   value)
{
  const char *str;

  /* Every enumeration has NONE = 0 and UNKNOWN = 1. */
  if (value == 0)
    return NULL;
  if (value == 1)
    return g_strdup ("unknown");

  str = connect_enum_to_feed_string (enum_type, value);

  return g_strdup (str != NULL ? str : "unknown");
}

static char *
count_field (gint64 value)
{
  if (value < 0)
    return NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *
date_field (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

static char *
list_field (const char * const *values)
{
  if (values == NULL)
    return NULL;

  return g_strjoinv (";", (char **) values);
}

static char *
bool_field (gboolean value)
{
  return g_strdup (value ? "true" : "false");
}

static void
cohort_fields (ConnectCohort *cohort,
               GPtrArray     *fields)
{
  g_ptr_array_add (fields, g_strdup (connect_entity_get_id (CONNECT_ENTITY (cohort))));
  g_ptr_array_add (fields, g_strdup (connect_cohort_get_trial (cohort)));
  g_ptr_array_add (fields, g_strdup (connect_cohort_get_name (cohort)));
  g_ptr_array_add (fields, enum_field (CONNECT_TYPE_COHORT_STATUS, connect_cohort_get_status (cohort)));
  g_ptr_array_add (fields, enum_field (CONNECT_TYPE_COHORT_STAGE, connect_cohort_get_stage (cohort)));
  g_ptr_array_add (fields, enum_field (CONNECT_TYPE_OUTCOME, connect_cohort_get_outcome (cohort)));
  g_ptr_array_add (fields, g_strdup (connect_cohort_get_tumor_name (cohort)));
  g_ptr_array_add (fields, g_strdup (connect_cohort_get_tumor_code (cohort)));
  g_ptr_array_add (fields, bool_field (connect_cohort_get_tumor_agnostic (cohort)));
  g_ptr_array_add (fields, list_field (connect_cohort_get_genes (cohort)));
  g_ptr_array_add (fields, enum_field (CONNECT_TYPE_ALTERATION, connect_cohort_get_alteration (cohort)));
  g_ptr_array_add (fields, g_strdup (connect_cohort_get_variant (cohort)));
  g_ptr_array_add (fields, list_field (connect_cohort_get_drugs (cohort)));
  g_ptr_array_add (fields, count_field (connect_cohort_get_enrolled (cohort)));
  g_ptr_array_add (fields, count_field (connect_cohort_get_target (cohort)));
  g_ptr_array_add (fields, count_field (connect_cohort_get_evaluable (cohort)));
  g_ptr_array_add (fields, count_field (connect_cohort_get_with_benefit (cohort)));
  g_ptr_array_add (fields, list_field (connect_cohort_get_sites (cohort)));
  g_ptr_array_add (fields, date_field (connect_cohort_get_opened (cohort)));
  g_ptr_array_add (fields, date_field (connect_cohort_get_closed (cohort)));
  g_ptr_array_add (fields, g_strdup (connect_cohort_get_contact (cohort)));
}

static void
commitment_fields (ConnectCommitment *commitment,
                   GPtrArray         *fields)
{
  g_ptr_array_add (fields, g_strdup (connect_entity_get_id (CONNECT_ENTITY (commitment))));
  g_ptr_array_add (fields, g_strdup (connect_commitment_get_partner (commitment)));
  g_ptr_array_add (fields, g_strdup (connect_commitment_get_drug (commitment)));
  g_ptr_array_add (fields, g_strdup (connect_commitment_get_trial (commitment)));
  g_ptr_array_add (fields, list_field (connect_commitment_get_cohorts (commitment)));
  g_ptr_array_add (fields, enum_field (CONNECT_TYPE_COMMITMENT_KIND, connect_commitment_get_kind (commitment)));
  g_ptr_array_add (fields, count_field (connect_commitment_get_slots (commitment)));
  g_ptr_array_add (fields, count_field (connect_commitment_get_used (commitment)));
  g_ptr_array_add (fields, count_field (connect_commitment_get_reserved (commitment)));
  g_ptr_array_add (fields, enum_field (CONNECT_TYPE_PAYER, connect_commitment_get_payer_after_week16 (commitment)));
  g_ptr_array_add (fields, date_field (connect_commitment_get_valid_from (commitment)));
  g_ptr_array_add (fields, date_field (connect_commitment_get_valid_until (commitment)));
  g_ptr_array_add (fields, enum_field (CONNECT_TYPE_COMMITMENT_STATE, connect_commitment_get_state (commitment)));
}

static void
site_fields (ConnectSite *site,
             GPtrArray   *fields)
{
  int recruiting = connect_site_get_recruiting (site);

  g_ptr_array_add (fields, g_strdup (connect_entity_get_id (CONNECT_ENTITY (site))));
  g_ptr_array_add (fields, g_strdup (connect_site_get_name (site)));
  g_ptr_array_add (fields, g_strdup (connect_site_get_partner (site)));
  g_ptr_array_add (fields, g_strdup (connect_site_get_city (site)));
  g_ptr_array_add (fields, enum_field (CONNECT_TYPE_REGION, connect_site_get_region (site)));
  g_ptr_array_add (fields, recruiting < 0 ? NULL : bool_field (recruiting > 0));
}

static void
partner_fields (ConnectPartner *partner,
                GPtrArray      *fields)
{
  g_ptr_array_add (fields, g_strdup (connect_entity_get_id (CONNECT_ENTITY (partner))));
  g_ptr_array_add (fields, g_strdup (connect_partner_get_name (partner)));
  g_ptr_array_add (fields, enum_field (CONNECT_TYPE_PARTNER_KIND, connect_partner_get_kind (partner)));
  g_ptr_array_add (fields, enum_field (CONNECT_TYPE_MEMBERSHIP, connect_partner_get_membership (partner)));
  g_ptr_array_add (fields, date_field (connect_partner_get_joined (partner)));
  g_ptr_array_add (fields, g_strdup (connect_partner_get_country (partner)));
  g_ptr_array_add (fields, g_strdup (connect_partner_get_url (partner)));
}

/**
 * connect_csv_get_columns:
 * @kind: a kind of entity
 *
 * Returns: (transfer none) (nullable): the column names, NULL-terminated
 */
const char * const *
connect_csv_get_columns (ConnectEntityKind kind)
{
  switch (kind)
    {
    case CONNECT_ENTITY_KIND_COHORT:
      return cohort_columns;
    case CONNECT_ENTITY_KIND_COMMITMENT:
      return commitment_columns;
    case CONNECT_ENTITY_KIND_SITE:
      return site_columns;
    case CONNECT_ENTITY_KIND_PARTNER:
      return partner_columns;
    case CONNECT_ENTITY_KIND_TRIAL:
    case CONNECT_ENTITY_KIND_DRUG:
    case CONNECT_ENTITY_KIND_SNAPSHOT:
    case CONNECT_ENTITY_KIND_EVENT:
    case CONNECT_ENTITY_KIND_FEED:
    default:
      return NULL;
    }
}

/**
 * connect_csv_kind_from_name:
 * @what: "cohorts", "commitments", "sites" or "partners"
 * @out_kind: (out): the kind of entity
 *
 * Returns: %TRUE when @what names an exportable list
 */
gboolean
connect_csv_kind_from_name (const char        *what,
                            ConnectEntityKind *out_kind)
{
  static const struct { const char *name; ConnectEntityKind kind; } names[] = {
    { "cohorts", CONNECT_ENTITY_KIND_COHORT },
    { "commitments", CONNECT_ENTITY_KIND_COMMITMENT },
    { "sites", CONNECT_ENTITY_KIND_SITE },
    { "partners", CONNECT_ENTITY_KIND_PARTNER },
  };

  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (what == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (strcmp (what, names[i].name) == 0)
        {
          *out_kind = names[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * connect_csv_get_fields:
 * @feed: the feed @entity belongs to
 * @entity: a cohort, commitment, site or partner
 *
 * Returns: (transfer full): one value (or NULL) per column
 */
GPtrArray *
connect_csv_get_fields (ConnectFeed   *feed,
                        ConnectEntity *entity)
{
  g_autoptr(GPtrArray) fields = NULL;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);
  g_return_val_if_fail (CONNECT_IS_ENTITY (entity), NULL);

  fields = g_ptr_array_new_with_free_func (g_free);

  if (CONNECT_IS_COHORT (entity))
    cohort_fields (CONNECT_COHORT (entity), fields);
  else if (CONNECT_IS_COMMITMENT (entity))
    commitment_fields (CONNECT_COMMITMENT (entity), fields);
  else if (CONNECT_IS_SITE (entity))
    site_fields (CONNECT_SITE (entity), fields);
  else if (CONNECT_IS_PARTNER (entity))
    partner_fields (CONNECT_PARTNER (entity), fields);
  else
    g_return_val_if_reached (NULL);

  return g_steal_pointer (&fields);
}

/**
 * connect_csv_append_field:
 * @out: where to write
 * @value: (nullable): the value; %NULL is an empty field
 *
 * Appends one RFC 4180 field.
 */
void
connect_csv_append_field (GString    *out,
                          const char *value)
{
  g_return_if_fail (out != NULL);

  if (value == NULL)
    return;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * connect_csv_append_row:
 * @out: where to write
 * @fields: (array length=n_fields) (nullable): the values, NULL elements
 *   being empty fields
 * @n_fields: how many
 *
 * Appends one record and its CRLF line end.
 */
void
connect_csv_append_row (GString            *out,
                        const char * const *fields,
                        guint               n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      connect_csv_append_field (out, fields[i]);
    }

  g_string_append (out, "\r\n");
}

/**
 * connect_csv_write:
 * @feed: the feed
 * @kind: cohorts, commitments, sites or partners
 * @entities: (nullable): the entities to write, in order; %NULL for the
 *   feed's whole list of @kind
 * @out: where to write
 *
 * Writes a header row, then one row per entity, as RFC 4180 CSV in UTF-8
 * with CRLF line ends.
 */
void
connect_csv_write (ConnectFeed       *feed,
                   ConnectEntityKind  kind,
                   GListModel        *entities,
                   GString           *out)
{
  const char * const *columns;
  guint n_columns;
  guint n_items;

  g_return_if_fail (CONNECT_IS_FEED (feed));
  g_return_if_fail (entities == NULL || G_IS_LIST_MODEL (entities));
  g_return_if_fail (out != NULL);

  columns = connect_csv_get_columns (kind);
  g_return_if_fail (columns != NULL);

  n_columns = g_strv_length ((char **) columns);
  connect_csv_append_row (out, columns, n_columns);

  if (entities == NULL)
    entities = connect_feed_get_entities (feed, kind);

  n_items = g_list_model_get_n_items (entities);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ConnectEntity) entity = g_list_model_get_item (entities, i);
      g_autoptr(GPtrArray) fields = NULL;

      if (!CONNECT_IS_ENTITY (entity) || connect_entity_get_kind (entity) != kind)
        {
          g_critical ("%s: item %u is not an entity of the exported kind",
                      G_STRFUNC, i);
          continue;
        }

      fields = connect_csv_get_fields (feed, entity);
      g_assert (fields->len == n_columns);
      connect_csv_append_row (out, (const char * const *) fields->pdata, fields->len);
    }
}

void
connect_csv_write_cohorts (ConnectFeed *feed,
                           GListModel  *cohorts,
                           GString     *out)
{
  connect_csv_write (feed, CONNECT_ENTITY_KIND_COHORT, cohorts, out);
}

void
connect_csv_write_commitments (ConnectFeed *feed,
                               GListModel  *commitments,
                               GString     *out)
{
  connect_csv_write (feed, CONNECT_ENTITY_KIND_COMMITMENT, commitments, out);
}

void
connect_csv_write_sites (ConnectFeed *feed,
                         GListModel  *sites,
                         GString     *out)
{
  connect_csv_write (feed, CONNECT_ENTITY_KIND_SITE, sites, out);
}

void
connect_csv_write_partners (ConnectFeed *feed,
                            GListModel  *partners,
                            GString     *out)
{
  connect_csv_write (feed, CONNECT_ENTITY_KIND_PARTNER, partners, out);
}
