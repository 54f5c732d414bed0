/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cohort-query.h: searching and filtering the cohorts of a feed.
 *
 * A ConnectCohortIndex is built once per feed: it folds every search key
 * (case and accents) and resolves every reference once, so that a query
 * checks one cohort in a few string comparisons. A ConnectCohortQuery holds
 * the filters and the search text, folded once when set; it is matched
 * against cohorts by their position in the feed's cohort list (which is
 * connect_entity_get_index() of the cohort).
 *
 * Semantics, shared by `connect-feed list` and the app's search and filters:
 * - status: the cohort's status;
 * - tumour: the tumour's name (ignoring case and accents) or its OncoTree
 *   code (ignoring case);
 * - gene: one of the cohort's genes, both sides made canonical with
 *   connect_genes_canonical() ("HER2" finds ERBB2 cohorts);
 * - drug: one of the cohort's drugs, by id, INN or brand (ignoring case);
 * - partner: a company, by id or name, that supplies one of the cohort's
 *   drugs or has a commitment covering the cohort;
 * - site: one of the cohort's sites, by id or name;
 * - text: every word of it occurs in the cohort's search key (ignoring case
 *   and accents), made of its id, name, tumour name and code, genes and
 *   their aliases, variant, alteration, drug INNs and brands, site names
 *   and cities, and trial name.
 * All given filters must hold.
 *
 * In the app: build the index with the feed (in the worker thread that
 * parses it, or once when the store swaps the feed in); keep one query per
 * view; the GtkCustomFilter function is
 *   return connect_cohort_query_matches_cohort (query, index, item);
 * and on every keystroke
 *   change = connect_cohort_query_set_text (query, text);
 *   if (change != CONNECT_QUERY_CHANGE_NONE)
 *     gtk_filter_changed (filter, change == MORE_STRICT ? GTK_FILTER_CHANGE_MORE_STRICT
 *                                 : change == LESS_STRICT ? GTK_FILTER_CHANGE_LESS_STRICT
 *                                 : GTK_FILTER_CHANGE_DIFFERENT);
 * (after a setter of a filter, use GTK_FILTER_CHANGE_DIFFERENT).
 */
#pragma once

#include <gio/gio.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_COHORT_INDEX (connect_cohort_index_get_type ())
G_DECLARE_FINAL_TYPE (ConnectCohortIndex, connect_cohort_index, CONNECT, COHORT_INDEX, GObject)

#define CONNECT_TYPE_COHORT_QUERY (connect_cohort_query_get_type ())
G_DECLARE_FINAL_TYPE (ConnectCohortQuery, connect_cohort_query, CONNECT, COHORT_QUERY, GObject)

/**
 * ConnectQueryChange:
 * @CONNECT_QUERY_CHANGE_NONE: the query matches the same cohorts as before
 * @CONNECT_QUERY_CHANGE_DIFFERENT: it may match any other set
 * @CONNECT_QUERY_CHANGE_MORE_STRICT: it matches a subset of what it matched
 * @CONNECT_QUERY_CHANGE_LESS_STRICT: it matches a superset of what it matched
 *
 * How a change of the search text changes the result; maps onto
 * GtkFilterChange for gtk_filter_changed().
 */
typedef enum
{
  CONNECT_QUERY_CHANGE_NONE,
  CONNECT_QUERY_CHANGE_DIFFERENT,
  CONNECT_QUERY_CHANGE_MORE_STRICT,
  CONNECT_QUERY_CHANGE_LESS_STRICT,
} ConnectQueryChange;

/* Folds @text for searching: decomposed, accents and other combining marks
 * removed, æ/ø/ß and the like spelled in plain letters, case-folded, runs
 * of white space made one space. (transfer full) */
char               *connect_search_fold                (const char *text);

/* The index. */
ConnectCohortIndex *connect_cohort_index_new           (ConnectFeed        *feed);
/* The same in a worker thread: at 100 000 cohorts the index takes a few
 * hundred milliseconds, too long for the main loop. */
void                connect_cohort_index_new_async     (ConnectFeed         *feed,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
ConnectCohortIndex *connect_cohort_index_new_finish    (GAsyncResult        *result,
                                                        GError             **error);
ConnectFeed        *connect_cohort_index_get_feed      (ConnectCohortIndex *self);
guint               connect_cohort_index_get_n_cohorts (ConnectCohortIndex *self);
/* The whole folded search key of one cohort, words separated by spaces
 * (for display and tests; matching does not build it). (transfer full) */
char               *connect_cohort_index_dup_search_key (ConnectCohortIndex *self,
                                                         guint               position);

/* The query. Empty values and NULL clear a filter. */
ConnectCohortQuery *connect_cohort_query_new            (void);
void                connect_cohort_query_set_status     (ConnectCohortQuery  *self,
                                                         ConnectCohortStatus  status);
/* Any of several statuses: a mask of (1 << ConnectCohortStatus); 0 clears. */
void                connect_cohort_query_set_status_mask (ConnectCohortQuery *self,
                                                          guint               mask);
void                connect_cohort_query_set_tumor      (ConnectCohortQuery  *self,
                                                         const char          *tumor);
void                connect_cohort_query_set_gene       (ConnectCohortQuery  *self,
                                                         const char          *gene);
void                connect_cohort_query_set_drug       (ConnectCohortQuery  *self,
                                                         const char          *drug);
void                connect_cohort_query_set_partner    (ConnectCohortQuery  *self,
                                                         const char          *partner);
void                connect_cohort_query_set_site       (ConnectCohortQuery  *self,
                                                         const char          *site);
/* Folds @text once and splits it into words; returns how the change
 * affects the result, for gtk_filter_changed(). */
ConnectQueryChange  connect_cohort_query_set_text       (ConnectCohortQuery  *self,
                                                         const char          *text);
const char         *connect_cohort_query_get_text       (ConnectCohortQuery  *self);
/* TRUE when no filter and no search text is set (everything matches). */
gboolean            connect_cohort_query_is_empty       (ConnectCohortQuery  *self);

/* Whether the cohort at @position of the index's feed matches. The first
 * call after a change resolves the query against @index (folding nothing
 * per cohort); later calls are a few comparisons each. */
gboolean            connect_cohort_query_matches        (ConnectCohortQuery  *self,
                                                         ConnectCohortIndex  *index,
                                                         guint                position);
/* The same for a cohort of the index's feed (a GtkCustomFilter item). */
gboolean            connect_cohort_query_matches_cohort (ConnectCohortQuery  *self,
                                                         ConnectCohortIndex  *index,
                                                         ConnectCohort       *cohort);
/* Every matching cohort, in feed order. (transfer full) */
GListStore         *connect_cohort_query_filter         (ConnectCohortQuery  *self,
                                                         ConnectCohortIndex  *index);

G_END_DECLS
