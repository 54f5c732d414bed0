/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-diff.h: what changed between two feeds (DESIGN.md, `diff`).
 *
 * Entities of kind trial, partner, site, drug, cohort and commitment are
 * matched by id. An entity only in the new feed gives one `<entity>-added`
 * change, one only in the old feed one `<entity>-removed` change, and an
 * entity in both one `<entity>-changed` change per member that differs.
 * Nested objects (tumor, biomarker, registry, design) are compared whole;
 * `updated` is ignored. Values are JSON built from the entity in a
 * canonical member order; an absent member is JSON null.
 *
 * Order: by entity kind (trial, partner, site, drug, cohort, commitment);
 * within a kind, the new feed's order for added and changed entities (the
 * members in canonical order), then the removed ones in the old feed's order.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_CHANGE (connect_change_get_type ())
G_DECLARE_FINAL_TYPE (ConnectChange, connect_change, CONNECT, CHANGE, GObject)

ConnectChange     *connect_change_new              (ConnectChangeType  type,
                                                    ConnectEntityKind  entity_kind,
                                                    const char        *id,
                                                    const char        *field,
                                                    JsonNode          *from,
                                                    JsonNode          *to);
ConnectChangeType  connect_change_get_change_type  (ConnectChange     *self);
ConnectEntityKind  connect_change_get_entity_kind  (ConnectChange     *self);
/* "cohort-changed", "trial-added", ... */
const char        *connect_change_get_kind         (ConnectChange     *self);
const char        *connect_change_get_id           (ConnectChange     *self);
/* The member name for a change; %NULL for added and removed. */
const char        *connect_change_get_field        (ConnectChange     *self);
/* (transfer none) (nullable): the old value (the whole entity when
 * removed, %NULL when added) and the new value (the whole entity when
 * added, %NULL when removed). */
JsonNode          *connect_change_get_from         (ConnectChange     *self);
JsonNode          *connect_change_get_to           (ConnectChange     *self);
/* One readable line: `cohort IMP-006 status: "evaluating" → "open"`,
 * `cohort IMP-031 added`, `site S-9 removed`. */
char              *connect_change_to_string        (ConnectChange     *self);
/* {"kind", "id", "field", "from", "to"} */
JsonNode          *connect_change_to_json          (ConnectChange     *self);

/* The entity names used in change kinds ("trial", ..., "commitment"). */
const char        *connect_entity_kind_to_string   (ConnectEntityKind  kind);

/* Computes the changes from @old_feed to @new_feed; either may be %NULL
 * (an empty feed). Returns a GListStore of ConnectChange. Thread-safe for
 * immutable feeds. */
GListModel        *connect_diff_feeds              (ConnectFeed       *old_feed,
                                                    ConnectFeed       *new_feed);
void               connect_diff_feeds_async        (ConnectFeed       *old_feed,
                                                    ConnectFeed       *new_feed,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
GListModel        *connect_diff_feeds_finish       (GAsyncResult      *result,
                                                    GError           **error);

/* A JSON node for one entity, members in canonical order. */
JsonNode          *connect_entity_to_json          (ConnectEntity     *entity);

G_END_DECLS
