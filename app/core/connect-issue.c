/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "connect-issue.h"

G_DEFINE_BOXED_TYPE (ConnectIssue, connect_issue, connect_issue_copy, connect_issue_free)

/**
 * connect_issue_new:
 *
 * Returns: (transfer full): a new issue
 */
ConnectIssue *
connect_issue_new (ConnectEntityKind  kind,
                   int                index,
                   const char        *entity_id,
                   const char        *path,
                   guint              line,
                   guint              column,
                   const char        *message)
{
  ConnectIssue *issue;

  g_return_val_if_fail (message != NULL, NULL);

  issue = g_new0 (ConnectIssue, 1);
  issue->kind = kind;
  issue->index = index;
  issue->entity_id = g_strdup (entity_id);
  issue->path = g_strdup (path);
  issue->line = line;
  issue->column = column;
  issue->message = g_strdup (message);

  return issue;
}

ConnectIssue *
connect_issue_copy (const ConnectIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  return connect_issue_new (issue->kind, issue->index, issue->entity_id,
                            issue->path, issue->line, issue->column,
                            issue->message);
}

void
connect_issue_free (ConnectIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->entity_id);
  g_free (issue->path);
  g_free (issue->message);
  g_free (issue);
}

/**
 * connect_issue_to_string:
 *
 * Returns: (transfer full): "PATH: MESSAGE", or "line L, column C: MESSAGE"
 *   for a syntax error, translated
 */
char *
connect_issue_to_string (const ConnectIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  if (issue->path != NULL && issue->path[0] != '\0')
    return g_strdup_printf ("%s: %s", issue->path, issue->message);

  if (issue->line > 0)
    /* Translators: a place in the feed file followed by what is wrong there */
    return g_strdup_printf (_("line %u, column %u: %s"),
                            issue->line, issue->column, issue->message);

  return g_strdup (issue->message);
}
