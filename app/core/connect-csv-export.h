/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-csv-export.h: the app's "Export as CSV…" of what a view shows.
 *
 * A view shows a filtered, sorted list of entities (or, in the Supply
 * view, of ConnectForecast items, one per commitment). Its export is the
 * CSV of connect-csv.h for exactly those rows, in the order shown; with
 * the full list in feed order it equals `connect-feed export` byte for
 * byte.
 */
#pragma once

#include <gio/gio.h>

#include "connect-feed.h"

G_BEGIN_DECLS

/* @shown: (nullable): the rows shown (entities of @kind, or
 * ConnectForecast items for commitments); %NULL for the feed's whole list.
 * Returns: (transfer full): the CSV, UTF-8, CRLF line ends. */
GBytes     *connect_csv_export          (ConnectFeed       *feed,
                                         ConnectEntityKind  kind,
                                         GListModel        *shown);

/* The file name offered to save the export as: "commitments.csv". */
const char *connect_csv_export_filename (ConnectEntityKind  kind);

G_END_DECLS
