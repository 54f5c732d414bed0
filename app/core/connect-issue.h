/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "connect-enums-types.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_ISSUE (connect_issue_get_type ())

/**
 * ConnectIssue:
 * @path: where: a JSON path with the entity id, such as
 *   `cohorts[3] (IMP-017).status`; %NULL for a syntax error
 * @line: 1-based line of a syntax error, or 0
 * @column: 1-based column (in characters) of a syntax error, or 0
 * @message: what is wrong and what was expected, translated
 * @kind: the kind of entity it concerns, or %CONNECT_ENTITY_KIND_FEED
 * @index: index of the entity in its array, or -1
 * @entity_id: (nullable): id of the entity it concerns
 *
 * One feed error or warning, with its place.
 */
typedef struct
{
  char              *path;
  guint              line;
  guint              column;
  char              *message;
  ConnectEntityKind  kind;
  int                index;
  char              *entity_id;
} ConnectIssue;

GType         connect_issue_get_type  (void) G_GNUC_CONST;
ConnectIssue *connect_issue_new       (ConnectEntityKind   kind,
                                       int                 index,
                                       const char         *entity_id,
                                       const char         *path,
                                       guint               line,
                                       guint               column,
                                       const char         *message);
ConnectIssue *connect_issue_copy      (const ConnectIssue *issue);
void          connect_issue_free      (ConnectIssue       *issue);
char         *connect_issue_to_string (const ConnectIssue *issue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectIssue, connect_issue_free)

G_END_DECLS
