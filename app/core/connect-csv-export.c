/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "connect-csv.h"
#include "connect-csv-export.h"
#include "connect-forecast.h"

/**
 * connect_csv_export:
 * @feed: the feed the rows come from
 * @kind: cohorts, commitments, sites or partners
 * @shown: (nullable): the rows in view
 *
 * Returns: (transfer full): the CSV bytes
 */
GBytes *
connect_csv_export (ConnectFeed       *feed,
                    ConnectEntityKind  kind,
                    GListModel        *shown)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GListStore) entities = NULL;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);
  g_return_val_if_fail (connect_csv_get_columns (kind) != NULL, NULL);
  g_return_val_if_fail (shown == NULL || G_IS_LIST_MODEL (shown), NULL);

  if (shown != NULL)
    {
      guint n = g_list_model_get_n_items (shown);

      entities = g_list_store_new (CONNECT_TYPE_ENTITY);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (shown, i);

          if (CONNECT_IS_FORECAST (item))
            g_list_store_append (entities, connect_forecast_get_commitment (CONNECT_FORECAST (item)));
          else if (CONNECT_IS_ENTITY (item) &&
                   connect_entity_get_kind (CONNECT_ENTITY (item)) == kind)
            g_list_store_append (entities, item);
        }
    }

  connect_csv_write (feed, kind, entities != NULL ? G_LIST_MODEL (entities) : NULL, out);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

const char *
connect_csv_export_filename (ConnectEntityKind kind)
{
  switch (kind)
    {
    case CONNECT_ENTITY_KIND_COHORT: return "cohorts.csv";
    case CONNECT_ENTITY_KIND_COMMITMENT: return "commitments.csv";
    case CONNECT_ENTITY_KIND_SITE: return "sites.csv";
    case CONNECT_ENTITY_KIND_PARTNER: return "partners.csv";
    case CONNECT_ENTITY_KIND_TRIAL:
    case CONNECT_ENTITY_KIND_DRUG:
    case CONNECT_ENTITY_KIND_SNAPSHOT:
    case CONNECT_ENTITY_KIND_EVENT:
    case CONNECT_ENTITY_KIND_FEED:
    default:
      return "export.csv";
    }
}
