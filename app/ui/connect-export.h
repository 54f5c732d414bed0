/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-export.h: "Export as CSV…" — what a view shows, saved through
 * the native file chooser and written in a worker thread.
 *
 * A view that shows a list registers the rows it shows with
 * connect_export_set_rows(); the window action `win.export` (parameter
 * "cohorts", "commitments", "sites" or "partners", handler
 * connect_export_window_action()) then exports exactly those rows, or the
 * feed's whole list when no view shows that list.
 */
#pragma once

#include <gtk/gtk.h>

#include "connect-feed.h"

G_BEGIN_DECLS

/* Asks where to save, then writes the CSV of @rows (nullable: the whole
 * list; see connect_csv_export()) of @feed; reports the result in a toast
 * when @parent is inside an AdwToastOverlay. */
void connect_export_csv           (GtkWidget         *parent,
                                   ConnectFeed       *feed,
                                   ConnectEntityKind  kind,
                                   GListModel        *rows);

/* Registers on @view the rows it shows of @kind and the feed they come
 * from (both nullable: unregisters). */
void connect_export_set_rows      (GtkWidget         *view,
                                   ConnectEntityKind  kind,
                                   ConnectFeed       *feed,
                                   GListModel        *rows);

/* A GtkWidgetActionActivateFunc for `win.export` with a "s" parameter. */
void connect_export_window_action (GtkWidget         *window,
                                   const char        *action_name,
                                   GVariant          *parameter);

G_END_DECLS
