/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-changes-page.h: what the last syncs changed, grouped by kind of
 * entity and by entity ("IMP-006: evaluating → open, stage 1 → 2"), from
 * the change log kept on disk (the last 20 syncs). The log records every
 * swap of the page's store's feed (connect_change_log_watch_store()). */
#pragma once

#include <adwaita.h>

#include "connect-change-log.h"
#include "connect-store.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_CHANGES_PAGE (connect_changes_page_get_type ())
G_DECLARE_FINAL_TYPE (ConnectChangesPage, connect_changes_page, CONNECT, CHANGES_PAGE, AdwBin)

GtkWidget        *connect_changes_page_new       (void);
/* The store whose syncs are recorded; %NULL records nothing new (the log
 * read from disk is still shown). A store once set stays watched by the
 * log for as long as it lives. */
ConnectStore     *connect_changes_page_get_store (ConnectChangesPage *self);
void              connect_changes_page_set_store (ConnectChangesPage *self,
                                                  ConnectStore       *store);
/* (transfer none): the log shown: connect_change_log_get_default(). */
ConnectChangeLog *connect_changes_page_get_log   (ConnectChangesPage *self);

G_END_DECLS
