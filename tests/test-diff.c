/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "connect-diff.h"
#include "connect-error.h"
#include "test-slow.h"

/* A feed from a JSON text with single quotes for readability. */
static ConnectFeed *
feed_from (const char *text)
{
  g_autofree char *json = g_strdup (text);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ConnectFeed *feed;

  g_strdelimit (json, "'", '"');
  bytes = g_bytes_new (json, strlen (json));
  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  return feed;
}

#define HEAD "{'format': 'connect-feed', 'version': 1, 'generated_at': '2026-11-20T08:00:00Z',"

static const char *base_feed =
  HEAD
  "'trials': [{'id': 'impress', 'name': 'IMPRESS-Norway', 'registry': {'nct': 'NCT04817956'},"
  "            'status': 'RECRUITING', 'design': {'stage1_patients': 8, 'stage2_patients': 24}}],"
  "'partners': [{'id': 'ous', 'name': 'Oslo University Hospital', 'kind': 'university-hospital'},"
  "             {'id': 'roche', 'name': 'Roche', 'kind': 'industry'}],"
  "'sites': [{'id': 'radium', 'name': 'Radium', 'partner': 'ous', 'region': 'south-east', 'recruiting': true}],"
  "'drugs': [{'id': 'vemurafenib', 'name': 'vemurafenib', 'targets': ['BRAF']},"
  "          {'id': 'alectinib', 'name': 'alectinib', 'targets': ['ALK']}],"
  "'cohorts': ["
  " {'id': 'IMP-001', 'trial': 'impress', 'drugs': ['vemurafenib'],"
  "  'tumor': {'name': 'Colorectal cancer', 'code': 'COADREAD'},"
  "  'biomarker': {'genes': ['BRAF'], 'alteration': 'mutation', 'variant': 'V600E'},"
  "  'status': 'open', 'stage': '1', 'enrolled': 3, 'target': 8, 'sites': ['radium'],"
  "  'opened': '2024-01-10', 'updated': '2026-11-01T10:00:00Z'},"
  " {'id': 'IMP-006', 'trial': 'impress', 'drugs': ['alectinib'],"
  "  'tumor': {'name': 'Any solid tumour', 'agnostic': true},"
  "  'biomarker': {'genes': ['ALK'], 'alteration': 'fusion'},"
  "  'status': 'evaluating', 'enrolled': 8, 'target': 8}],"
  "'commitments': [{'id': 'c1', 'partner': 'roche', 'drug': 'alectinib', 'trial': 'impress',"
  "                 'slots': 24, 'used': 8, 'state': 'active'}],"
  "'snapshots': [{'trial': 'impress', 'as_of': '2026-01-01', 'screened': 10}],"
  "'events': [{'cohort': 'IMP-001', 'at': '2026-01-01T00:00:00Z', 'to': 'open'}]}";

/* base_feed with @from replaced by @to (which must occur once). */
static ConnectFeed *
base_with (const char *from,
           const char *to)
{
  g_autofree char *text = NULL;
  const char *at = strstr (base_feed, from);
  GString *s;

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  s = g_string_new_len (base_feed, at - base_feed);
  g_string_append (s, to);
  g_string_append (s, at + strlen (from));
  text = g_string_free (s, FALSE);
  return feed_from (text);
}

static GListModel *
diff_base_with (const char *from,
                const char *to)
{
  g_autoptr(ConnectFeed) old = feed_from (base_feed);
  g_autoptr(ConnectFeed) new = base_with (from, to);

  return connect_diff_feeds (old, new);
}

static ConnectChange *
change_at (GListModel *changes,
           guint       i)
{
  g_autoptr(ConnectChange) change = g_list_model_get_item (changes, i);

  g_assert_nonnull (change);
  return change; /* the list keeps its reference */
}

static void
assert_change (GListModel *changes,
               guint       i,
               const char *kind,
               const char *id,
               const char *field,
               const char *from_json,
               const char *to_json)
{
  ConnectChange *change = change_at (changes, i);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_assert_cmpstr (connect_change_get_kind (change), ==, kind);
  g_assert_cmpstr (connect_change_get_id (change), ==, id);
  g_assert_cmpstr (connect_change_get_field (change), ==, field);
  if (from_json != NULL)
    {
      g_assert_nonnull (connect_change_get_from (change));
      from = json_to_string (connect_change_get_from (change), FALSE);
      g_assert_cmpstr (from, ==, from_json);
    }
  if (to_json != NULL)
    {
      g_assert_nonnull (connect_change_get_to (change));
      to = json_to_string (connect_change_get_to (change), FALSE);
      g_assert_cmpstr (to, ==, to_json);
    }
}

static void
test_identical (void)
{
  g_autoptr(ConnectFeed) a = feed_from (base_feed);
  g_autoptr(ConnectFeed) b = feed_from (base_feed);
  g_autoptr(GListModel) changes = connect_diff_feeds (a, b);

  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  g_assert_true (g_list_model_get_item_type (changes) == CONNECT_TYPE_CHANGE);
}

static void
test_status_changed (void)
{
  g_autoptr(GListModel) changes =
    diff_base_with ("'status': 'evaluating'", "'status': 'open'");
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *json_text = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  assert_change (changes, 0, "cohort-changed", "IMP-006", "status", "\"evaluating\"", "\"open\"");
  g_assert_cmpint (connect_change_get_change_type (change_at (changes, 0)), ==, CONNECT_CHANGE_CHANGED);
  g_assert_cmpint (connect_change_get_entity_kind (change_at (changes, 0)), ==, CONNECT_ENTITY_KIND_COHORT);

  text = connect_change_to_string (change_at (changes, 0));
  g_assert_cmpstr (text, ==, "cohort IMP-006 status: \"evaluating\" → \"open\"");

  json = connect_change_to_json (change_at (changes, 0));
  json_text = json_to_string (json, FALSE);
  g_assert_cmpstr (json_text, ==,
                   "{\"kind\":\"cohort-changed\",\"id\":\"IMP-006\",\"field\":\"status\","
                   "\"from\":\"evaluating\",\"to\":\"open\"}");
}

static void
test_count_and_absent (void)
{
  g_autoptr(GListModel) changes = NULL;

  /* A count that changes. */
  changes = diff_base_with ("'enrolled': 3", "'enrolled': 4");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  assert_change (changes, 0, "cohort-changed", "IMP-001", "enrolled", "3", "4");
  g_clear_object (&changes);

  /* An absent member is null. */
  changes = diff_base_with ("'enrolled': 8, 'target': 8}", "'enrolled': 8, 'target': 8, 'evaluable': 2}");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  assert_change (changes, 0, "cohort-changed", "IMP-006", "evaluable", "null", "2");
  g_clear_object (&changes);

  /* And back. */
  {
    g_autoptr(ConnectFeed) old = base_with ("'enrolled': 8, 'target': 8}", "'enrolled': 8, 'target': 8, 'evaluable': 2}");
    g_autoptr(ConnectFeed) new = feed_from (base_feed);

    changes = connect_diff_feeds (old, new);
    g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
    assert_change (changes, 0, "cohort-changed", "IMP-006", "evaluable", "2", "null");
  }
}

static void
test_nested_whole (void)
{
  g_autoptr(GListModel) changes = NULL;

  /* One member of tumor differs: one record, with both whole objects. */
  changes = diff_base_with ("'code': 'COADREAD'", "'code': 'COAD'");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  assert_change (changes, 0, "cohort-changed", "IMP-001", "tumor",
                 "{\"name\":\"Colorectal cancer\",\"code\":\"COADREAD\",\"agnostic\":false}",
                 "{\"name\":\"Colorectal cancer\",\"code\":\"COAD\",\"agnostic\":false}");
  g_clear_object (&changes);

  /* Two members of biomarker differ: still one record. */
  changes = diff_base_with ("'alteration': 'mutation', 'variant': 'V600E'",
                            "'alteration': 'mutation', 'variant': 'V600', 'description': 'class I'");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  assert_change (changes, 0, "cohort-changed", "IMP-001", "biomarker",
                 "{\"genes\":[\"BRAF\"],\"alteration\":\"mutation\",\"variant\":\"V600E\"}",
                 "{\"genes\":[\"BRAF\"],\"alteration\":\"mutation\",\"variant\":\"V600\",\"description\":\"class I\"}");
  g_clear_object (&changes);

  /* Trial registry and design. */
  changes = diff_base_with ("'registry': {'nct': 'NCT04817956'}",
                            "'registry': {'nct': 'NCT04817956', 'eudract': '2020-000000-00'}");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  assert_change (changes, 0, "trial-changed", "impress", "registry",
                 "{\"nct\":\"NCT04817956\"}",
                 "{\"nct\":\"NCT04817956\",\"eudract\":\"2020-000000-00\"}");
  g_clear_object (&changes);

  changes = diff_base_with ("'stage2_patients': 24", "'stage2_patients': 20");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  assert_change (changes, 0, "trial-changed", "impress", "design",
                 "{\"stage1_patients\":8,\"stage2_patients\":24}",
                 "{\"stage1_patients\":8,\"stage2_patients\":20}");
}

static void
test_updated_ignored (void)
{
  g_autoptr(GListModel) changes =
    diff_base_with ("'updated': '2026-11-01T10:00:00Z'", "'updated': '2026-11-25T10:00:00Z'");

  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
}

static void
test_several_members (void)
{
  /* One record per member, in canonical member order (not feed order). */
  g_autoptr(GListModel) changes =
    diff_base_with ("'status': 'evaluating', 'enrolled': 8, 'target': 8}",
                    "'target': 24, 'status': 'open', 'stage': '2', 'enrolled': 9}");

  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 4);
  assert_change (changes, 0, "cohort-changed", "IMP-006", "status", "\"evaluating\"", "\"open\"");
  assert_change (changes, 1, "cohort-changed", "IMP-006", "stage", "null", "\"2\"");
  assert_change (changes, 2, "cohort-changed", "IMP-006", "enrolled", "8", "9");
  assert_change (changes, 3, "cohort-changed", "IMP-006", "target", "8", "24");
}

static void
test_arrays_and_dates (void)
{
  g_autoptr(GListModel) changes =
    diff_base_with ("'sites': ['radium'],  'opened': '2024-01-10'",
                    "'sites': ['radium', 'haukeland'], 'opened': '2024-01-11'");

  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  assert_change (changes, 0, "cohort-changed", "IMP-001", "sites", "[\"radium\"]", "[\"radium\",\"haukeland\"]");
  assert_change (changes, 1, "cohort-changed", "IMP-001", "opened", "\"2024-01-10\"", "\"2024-01-11\"");
}

static void
test_added_removed (void)
{
  g_autoptr(GListModel) changes =
    diff_base_with ("{'id': 'alectinib', 'name': 'alectinib', 'targets': ['ALK']}",
                    "{'id': 'alectinib', 'name': 'alectinib', 'targets': ['ALK']},"
                    "{'id': 'selpercatinib', 'name': 'selpercatinib', 'targets': ['RET']}");
  g_autoptr(ConnectFeed) old = feed_from (base_feed);
  g_autoptr(ConnectFeed) new = base_with ("{'id': 'roche', 'name': 'Roche', 'kind': 'industry'}",
                                          "{'id': 'novartis', 'name': 'Novartis', 'kind': 'industry'}");
  g_autoptr(GListModel) swapped = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  assert_change (changes, 0, "drug-added", "selpercatinib", NULL, NULL,
                 "{\"id\":\"selpercatinib\",\"name\":\"selpercatinib\",\"brands\":[],\"targets\":[\"RET\"]}");
  g_assert_null (connect_change_get_from (change_at (changes, 0)));
  text = connect_change_to_string (change_at (changes, 0));
  g_assert_cmpstr (text, ==, "drug selpercatinib added");

  /* A partner replaced by another: added first (new order), then removed. */
  swapped = connect_diff_feeds (old, new);
  g_assert_cmpuint (g_list_model_get_n_items (swapped), ==, 2);
  assert_change (swapped, 0, "partner-added", "novartis", NULL, NULL,
                 "{\"id\":\"novartis\",\"name\":\"Novartis\",\"kind\":\"industry\"}");
  assert_change (swapped, 1, "partner-removed", "roche", NULL,
                 "{\"id\":\"roche\",\"name\":\"Roche\",\"kind\":\"industry\"}", NULL);
  g_assert_null (connect_change_get_to (change_at (swapped, 1)));
}

static void
test_every_kind (void)
{
  g_autoptr(ConnectFeed) old = feed_from (base_feed);
  g_autoptr(GString) text = g_string_new (base_feed);
  g_autoptr(ConnectFeed) new = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autofree char *json = NULL;

  g_string_replace (text, "'status': 'RECRUITING'", "'status': 'SUSPENDED'", 1);
  g_string_replace (text, "'kind': 'university-hospital'", "'kind': 'hospital-trust'", 1);
  g_string_replace (text, "'recruiting': true", "'recruiting': false", 1);
  g_string_replace (text, "'targets': ['BRAF']", "'targets': ['BRAF', 'MEK1']", 1);
  g_string_replace (text, "'enrolled': 3", "'enrolled': 5", 1);
  g_string_replace (text, "'used': 8", "'used': 9", 1);
  /* Not diffed: snapshots and events. */
  g_string_replace (text, "'screened': 10", "'screened': 11", 1);
  g_string_replace (text, "'to': 'open'", "'to': 'planned'", 1);

  json = g_strdup (text->str);
  new = feed_from (json);
  changes = connect_diff_feeds (old, new);

  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 6);
  /* Kind order: trial, partner, site, drug, cohort, commitment. */
  assert_change (changes, 0, "trial-changed", "impress", "status", "\"RECRUITING\"", "\"SUSPENDED\"");
  assert_change (changes, 1, "partner-changed", "ous", "kind", "\"university-hospital\"", "\"hospital-trust\"");
  assert_change (changes, 2, "site-changed", "radium", "recruiting", "true", "false");
  assert_change (changes, 3, "drug-changed", "vemurafenib", "targets", "[\"BRAF\"]", "[\"BRAF\",\"MEK1\"]");
  assert_change (changes, 4, "cohort-changed", "IMP-001", "enrolled", "3", "5");
  assert_change (changes, 5, "commitment-changed", "c1", "used", "8", "9");
}

static void
test_null_feeds (void)
{
  g_autoptr(ConnectFeed) feed = feed_from (base_feed);
  g_autoptr(GListModel) added = connect_diff_feeds (NULL, feed);
  g_autoptr(GListModel) removed = connect_diff_feeds (feed, NULL);
  g_autoptr(GListModel) none = connect_diff_feeds (NULL, NULL);

  /* 1 trial, 2 partners, 1 site, 2 drugs, 2 cohorts, 1 commitment */
  g_assert_cmpuint (g_list_model_get_n_items (added), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (removed), ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  assert_change (added, 0, "trial-added", "impress", NULL, NULL, NULL);
  assert_change (removed, 8, "commitment-removed", "c1", NULL, NULL, NULL);
}

static void
diff_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  GListModel **out = data;
  g_autoptr(GError) error = NULL;

  *out = connect_diff_feeds_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(ConnectFeed) old = feed_from (base_feed);
  g_autoptr(ConnectFeed) new = base_with ("'enrolled': 3", "'enrolled': 4");
  g_autoptr(GListModel) changes = NULL;

  connect_diff_feeds_async (old, new, NULL, diff_async_cb, &changes);
  while (changes == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
}

/* 100 000 cohorts (2 000 in a slow run), 10 % changed: the changes are right
 * (how long the diff takes against json-glib's parse is measured by
 * tests/bench/bench-core). */
static GBytes *
big_feed (guint    n,
          gboolean changed)
{
  GString *s = g_string_sized_new ((gsize) n * 300);
  static const char * const statuses[] = { "planned", "open", "evaluating", "suspended" };

  g_string_append (s, "{\"format\": \"connect-feed\", \"version\": 1, "
                      "\"generated_at\": \"2026-11-20T08:00:00Z\", "
                      "\"trials\": [{\"id\": \"impress\", \"name\": \"IMPRESS\"}], "
                      "\"drugs\": [{\"id\": \"d1\", \"name\": \"drug one\"}], "
                      "\"sites\": [{\"id\": \"s1\", \"name\": \"site one\"}], "
                      "\"cohorts\": [\n");
  for (guint i = 0; i < n; i++)
    {
      gboolean alter = changed && i % 10 == 0;

      g_string_append_printf (s,
                              "%s{\"id\": \"C-%06u\", \"trial\": \"impress\", \"name\": \"Cohort %u\", "
                              "\"drugs\": [\"d1\"], \"tumor\": {\"name\": \"Tumour %u\", \"code\": \"T%u\"}, "
                              "\"biomarker\": {\"genes\": [\"BRAF\"], \"alteration\": \"mutation\", \"variant\": \"V600E\"}, "
                              "\"status\": \"%s\", \"stage\": \"1\", \"enrolled\": %u, \"target\": 8, "
                              "\"sites\": [\"s1\"], \"opened\": \"2024-01-10\", \"contact\": \"someone@example.org\"}\n",
                              i == 0 ? "" : ",", i, i, i % 50, i % 50,
                              statuses[(i + (alter ? 1 : 0)) % 4],
                              (i % 8) + (alter ? 1 : 0));
    }
  g_string_append (s, "]}");
  return g_string_free_to_bytes (s);
}

static void
test_performance (void)
{
  guint n = connect_test_n_cohorts (100000);
  g_autoptr(GBytes) old_bytes = big_feed (n, FALSE);
  g_autoptr(GBytes) new_bytes = big_feed (n, TRUE);
  g_autoptr(ConnectFeed) old = NULL;
  g_autoptr(ConnectFeed) new = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;

  old = connect_feed_new_from_bytes (old_bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  new = connect_feed_new_from_bytes (new_bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);

  changes = connect_diff_feeds (old, new);

  /* One cohort in ten changed, in two members each. */
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2 * (n / 10));
  assert_change (changes, 0, "cohort-changed", "C-000000", "status", "\"planned\"", "\"open\"");
  assert_change (changes, 1, "cohort-changed", "C-000000", "enrolled", "0", "1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/diff/identical", test_identical);
  g_test_add_func ("/connect/diff/status-changed", test_status_changed);
  g_test_add_func ("/connect/diff/count-and-absent", test_count_and_absent);
  g_test_add_func ("/connect/diff/nested-whole", test_nested_whole);
  g_test_add_func ("/connect/diff/updated-ignored", test_updated_ignored);
  g_test_add_func ("/connect/diff/several-members", test_several_members);
  g_test_add_func ("/connect/diff/arrays-and-dates", test_arrays_and_dates);
  g_test_add_func ("/connect/diff/added-removed", test_added_removed);
  g_test_add_func ("/connect/diff/every-kind", test_every_kind);
  g_test_add_func ("/connect/diff/null-feeds", test_null_feeds);
  g_test_add_func ("/connect/diff/async", test_async);
  g_test_add_func ("/connect/diff/performance", test_performance);

  return g_test_run ();
}
