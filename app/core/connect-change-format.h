/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-change-format.h: the changes of a sync, grouped by entity and
 * worded for people.
 *
 * The diff gives one ConnectChange per member that differs. People read
 * them per entity: "IMP-006: evaluating → open, stage 1 → 2". A
 * ConnectChangeGroup gathers the consecutive changes of one entity (the
 * diff keeps them together), and the text functions render JSON values
 * readably: strings without quotes, arrays joined with commas, objects as
 * "name: x, code: y", null as "none".
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "connect-diff.h"

G_BEGIN_DECLS

/* A JSON value as plain text (never markup): a string as it is, a
 * number or boolean as written, an array as its elements joined with ", ",
 * an object as "member: value" pairs joined with ", " (a nested array or
 * object inside an object in brackets), null or %NULL as "none"
 * (translated). */
char              *connect_change_format_value      (JsonNode          *node);

/* A member name for display: "valid_until" → "valid until". */
char              *connect_change_format_field      (const char        *field);

/* One member change: "stage 1 → 2", "valid until 31 Dec… → …"; for the
 * members `status` and `state` only the values ("evaluating → open"). */
char              *connect_change_format_change     (ConnectChange     *change);

/* The plural heading of a kind of entity: "Cohorts", "Commitments",
 * "Sites", ... (translated). */
const char        *connect_change_format_kind_heading (ConnectEntityKind kind);

/* The singular label of a kind of entity: "Cohort", "Commitment", ...
 * (translated). */
const char        *connect_change_format_kind_label (ConnectEntityKind kind);

/* A count of entities in running text: "1 cohort", "3 commitments"
 * (translated, plural forms). */
char              *connect_change_format_kind_count (ConnectEntityKind kind,
                                                     guint             n);

/* ConnectChangeGroup: the changes of one entity in one sync. */

#define CONNECT_TYPE_CHANGE_GROUP (connect_change_group_get_type ())
G_DECLARE_FINAL_TYPE (ConnectChangeGroup, connect_change_group, CONNECT, CHANGE_GROUP, GObject)

ConnectEntityKind  connect_change_group_get_entity_kind (ConnectChangeGroup *self);
const char        *connect_change_group_get_id          (ConnectChangeGroup *self);
/* ADDED or REMOVED when the entity came or went, else CHANGED. */
ConnectChangeType  connect_change_group_get_change_type (ConnectChangeGroup *self);
/* (transfer none) (element-type ConnectChange) */
GListModel        *connect_change_group_get_changes     (ConnectChangeGroup *self);
/* What happened, without the id: "evaluating → open, stage 1 → 2",
 * "added: Lung cancer, KRAS G12C, sotorasib", "removed". */
char              *connect_change_group_describe        (ConnectChangeGroup *self);
/* The whole line: "IMP-006: evaluating → open, stage 1 → 2". */
char              *connect_change_group_to_string       (ConnectChangeGroup *self);

/* Groups @changes (element-type ConnectChange), in their order: each run
 * of changes of the same entity (kind and id) becomes one group.
 * (transfer full) (element-type ConnectChangeGroup) */
GListModel        *connect_change_group_list_new        (GListModel         *changes);

/* How many groups of @groups are of @kind. */
guint              connect_change_group_list_count_kind (GListModel         *groups,
                                                         ConnectEntityKind   kind);

G_END_DECLS
