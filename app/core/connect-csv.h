/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-csv.h: RFC 4180 export of the feed's lists (cohorts, commitments,
 * sites, partners), shared by `connect-feed export` and the app, so that the
 * app's export of an unfiltered list equals the tool's byte for byte. */
#pragma once

#include <gio/gio.h>

#include "connect-feed.h"

G_BEGIN_DECLS

/* The column names of the export of one kind of entity (cohorts,
 * commitments, sites or partners), NULL-terminated; NULL for other kinds. */
const char * const *connect_csv_get_columns      (ConnectEntityKind  kind);

/* The kind whose export is named @what ("cohorts", "commitments", "sites",
 * "partners"); FALSE for anything else. */
gboolean            connect_csv_kind_from_name   (const char        *what,
                                                  ConnectEntityKind *out_kind);

/* The values of one entity's row, one per column, in column order; an
 * element is NULL where the feed leaves the value out (an empty field).
 * (transfer full) (element-type utf8) */
GPtrArray          *connect_csv_get_fields       (ConnectFeed       *feed,
                                                  ConnectEntity     *entity);

/* Appends one field to @out, quoted when it holds a comma, a double quote,
 * CR or LF (quotes doubled). NULL is an empty field. */
void                connect_csv_append_field     (GString           *out,
                                                  const char        *value);

/* Appends @n_fields fields separated by commas, then CRLF. */
void                connect_csv_append_row       (GString           *out,
                                                  const char * const *fields,
                                                  guint              n_fields);

/* Writes a header row and one row per entity of @entities (a list of
 * entities of @kind, such as a filtered view of the feed's list), or of
 * the feed's whole list when @entities is NULL. */
void                connect_csv_write            (ConnectFeed       *feed,
                                                  ConnectEntityKind  kind,
                                                  GListModel        *entities,
                                                  GString           *out);

/* Shorthands for connect_csv_write(). */
void                connect_csv_write_cohorts     (ConnectFeed *feed,
                                                   GListModel  *cohorts,
                                                   GString     *out);
void                connect_csv_write_commitments (ConnectFeed *feed,
                                                   GListModel  *commitments,
                                                   GString     *out);
void                connect_csv_write_sites       (ConnectFeed *feed,
                                                   GListModel  *sites,
                                                   GString     *out);
void                connect_csv_write_partners    (ConnectFeed *feed,
                                                   GListModel  *partners,
                                                   GString     *out);

G_END_DECLS
