/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-changes-dialog.h: a window listing what the last sync changed
 * (the store's "changes" model), one row per change. */
#pragma once

#include <adwaita.h>

#include "connect-store.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_CHANGES_DIALOG (connect_changes_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ConnectChangesDialog, connect_changes_dialog, CONNECT, CHANGES_DIALOG, AdwWindow)

/* A modal dialog over @parent (nullable) for @store's last changes. */
GtkWidget    *connect_changes_dialog_new       (GtkWindow            *parent,
                                                ConnectStore         *store);
ConnectStore *connect_changes_dialog_get_store (ConnectChangesDialog *self);
void          connect_changes_dialog_set_store (ConnectChangesDialog *self,
                                                ConnectStore         *store);

/* The two lines a change is shown with (for tests): "Cohort IMP-006 ·
 * status" and "evaluating → open". */
char         *connect_changes_dialog_format_title (ConnectChange *change);
char         *connect_changes_dialog_format_values (ConnectChange *change);

G_END_DECLS
