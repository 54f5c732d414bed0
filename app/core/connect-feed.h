/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-feed.h: an immutable, fully validated feed (format version 1). */
#pragma once

#include <gio/gio.h>

#include "connect-issue.h"
#include "connect-model.h"

G_BEGIN_DECLS

/* The default cap on the size of a feed, in bytes (64 MiB). */
#define CONNECT_FEED_DEFAULT_MAX_SIZE ((gsize) 64 * 1024 * 1024)
/* The deepest nesting of arrays and objects a feed may have. */
#define CONNECT_FEED_MAX_DEPTH 64
/* The major format version this build reads. */
#define CONNECT_FEED_FORMAT_VERSION 1

#define CONNECT_TYPE_FEED (connect_feed_get_type ())
G_DECLARE_FINAL_TYPE (ConnectFeed, connect_feed, CONNECT, FEED, GObject)

/* Parsing. On failure @error is CONNECT_ERROR_INVALID_FEED (or
 * CONNECT_ERROR_TOO_LARGE) with a message "PLACE: WHAT", and @out_issue,
 * when given, receives the same error with its place split out. */
ConnectFeed  *connect_feed_new_from_bytes     (GBytes               *bytes,
                                               gsize                 max_size,
                                               ConnectIssue        **out_issue,
                                               GError              **error);
void          connect_feed_load_async         (GBytes               *bytes,
                                               gsize                 max_size,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
void          connect_feed_load_file_async    (GFile                *file,
                                               gsize                 max_size,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
ConnectFeed  *connect_feed_load_finish        (GAsyncResult         *result,
                                               ConnectIssue        **out_issue,
                                               GError              **error);

/* How many feeds this process has parsed, valid or not (tests, benchmarks). */
guint         connect_feed_get_parse_count    (void);

/* The sample feed compiled into the program (data/sample-feed.json). */
GBytes       *connect_feed_get_sample_bytes   (void);

/* Header. */
int           connect_feed_get_version        (ConnectFeed          *self);
GDateTime    *connect_feed_get_generated_at   (ConnectFeed          *self);
const char   *connect_feed_get_publisher_name (ConnectFeed          *self);
const char   *connect_feed_get_publisher_url  (ConnectFeed          *self);
const char   *connect_feed_get_publisher_contact (ConnectFeed       *self);
/* SHA-256 of the bytes it was parsed from, lowercase hex. */
const char   *connect_feed_get_checksum       (ConnectFeed          *self);
gsize         connect_feed_get_size           (ConnectFeed          *self);

/* Entity lists, in feed order. */
GListModel   *connect_feed_get_trials         (ConnectFeed          *self);
GListModel   *connect_feed_get_partners       (ConnectFeed          *self);
GListModel   *connect_feed_get_sites          (ConnectFeed          *self);
GListModel   *connect_feed_get_drugs          (ConnectFeed          *self);
GListModel   *connect_feed_get_cohorts        (ConnectFeed          *self);
GListModel   *connect_feed_get_commitments    (ConnectFeed          *self);
GListModel   *connect_feed_get_snapshots      (ConnectFeed          *self);
GListModel   *connect_feed_get_events         (ConnectFeed          *self);
GListModel   *connect_feed_get_entities       (ConnectFeed          *self,
                                               ConnectEntityKind     kind);

/* Lookups by id; (transfer none), %NULL when not found. */
ConnectTrial      *connect_feed_lookup_trial      (ConnectFeed *self, const char *id);
ConnectPartner    *connect_feed_lookup_partner    (ConnectFeed *self, const char *id);
ConnectSite       *connect_feed_lookup_site       (ConnectFeed *self, const char *id);
ConnectDrug       *connect_feed_lookup_drug       (ConnectFeed *self, const char *id);
ConnectCohort     *connect_feed_lookup_cohort     (ConnectFeed *self, const char *id);
ConnectCommitment *connect_feed_lookup_commitment (ConnectFeed *self, const char *id);
ConnectEntity     *connect_feed_lookup            (ConnectFeed *self,
                                                   ConnectEntityKind kind,
                                                   const char *id);

/* Warnings: every ConnectIssue the validator flagged, in feed order;
 * (element-type ConnectIssue) (transfer none). */
GPtrArray    *connect_feed_get_warnings        (ConnectFeed        *self);
/* The warnings about one entity; (transfer container). */
GPtrArray    *connect_feed_get_entity_warnings (ConnectFeed        *self,
                                                ConnectEntity      *entity);

/* Relations, computed once at parse time; (transfer none). */
/* Events of one cohort, oldest first (element-type ConnectEvent). */
GPtrArray    *connect_feed_get_cohort_events      (ConnectFeed   *self,
                                                   const char    *cohort_id);
/* Commitments that name the cohort, or failing that, commit one of its
 * drugs to its trial (element-type ConnectCommitment). */
GPtrArray    *connect_feed_get_cohort_commitments (ConnectFeed   *self,
                                                   const char    *cohort_id);

G_END_DECLS
