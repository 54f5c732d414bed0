/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "connect-change-format.h"
#include "connect-diff.h"
#include "connect-feed.h"

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
assert_value (const char *json,
              const char *expected)
{
  g_autoptr(JsonNode) node = json != NULL ? parse (json) : NULL;
  g_autofree char *text = connect_change_format_value (node);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_values (void)
{
  assert_value ("\"evaluating\"", "evaluating");
  assert_value ("\"say \\\"hi\\\"\"", "say \"hi\"");
  assert_value ("24", "24");
  assert_value ("-3", "-3");
  assert_value ("2.5", "2.5");
  assert_value ("true", "yes");
  assert_value ("false", "no");
  assert_value ("null", "none");
  assert_value (NULL, "none");
  assert_value ("[]", "");
  assert_value ("[\"ous\", \"ahus\", \"tromso\"]", "ous, ahus, tromso");
  assert_value ("[1, 2]", "1, 2");
  assert_value ("{\"name\": \"Colorectal cancer\", \"code\": \"COADREAD\"}",
                "name: Colorectal cancer, code: COADREAD");
  assert_value ("{\"name\": \"Any solid tumour\", \"agnostic\": true, \"code\": null}",
                "name: Any solid tumour, agnostic: yes, code: none");
  /* Nested inside an object: arrays in brackets, objects in parentheses. */
  assert_value ("{\"genes\": [\"NTRK1\", \"NTRK2\"], \"alteration\": \"fusion\"}",
                "genes: [NTRK1, NTRK2], alteration: fusion");
  assert_value ("{\"a\": {\"b\": 1}}", "a: (b: 1)");
  assert_value ("[{\"b\": 1}, [2, 3]]", "(b: 1), [2, 3]");
}

static void
test_field (void)
{
  g_autofree char *a = connect_change_format_field ("valid_until");
  g_autofree char *b = connect_change_format_field ("status");

  g_assert_cmpstr (a, ==, "valid until");
  g_assert_cmpstr (b, ==, "status");
}

static void
test_kind_count (void)
{
  g_autofree char *one = connect_change_format_kind_count (CONNECT_ENTITY_KIND_COHORT, 1);
  g_autofree char *three = connect_change_format_kind_count (CONNECT_ENTITY_KIND_COMMITMENT, 3);

  g_assert_cmpstr (one, ==, "1 cohort");
  g_assert_cmpstr (three, ==, "3 commitments");
  g_assert_cmpstr (connect_change_format_kind_heading (CONNECT_ENTITY_KIND_SITE), ==, "Sites");
  g_assert_cmpstr (connect_change_format_kind_label (CONNECT_ENTITY_KIND_SITE), ==, "Site");
}

static ConnectChange *
changed (ConnectEntityKind  kind,
         const char        *id,
         const char        *field,
         const char        *from,
         const char        *to)
{
  g_autoptr(JsonNode) from_node = parse (from);
  g_autoptr(JsonNode) to_node = parse (to);

  return connect_change_new (CONNECT_CHANGE_CHANGED, kind, id, field, from_node, to_node);
}

static void
test_change_text (void)
{
  g_autoptr(ConnectChange) status = changed (CONNECT_ENTITY_KIND_COHORT, "IMP-006", "status",
                                             "\"evaluating\"", "\"open\"");
  g_autoptr(ConnectChange) stage = changed (CONNECT_ENTITY_KIND_COHORT, "IMP-006", "stage",
                                            "\"1\"", "\"2\"");
  g_autoptr(ConnectChange) until = changed (CONNECT_ENTITY_KIND_COMMITMENT, "c1", "valid_until",
                                            "null", "\"2027-01-31\"");
  g_autoptr(ConnectChange) used = changed (CONNECT_ENTITY_KIND_COMMITMENT, "c1", "used",
                                           "12", "14");
  g_autofree char *a = connect_change_format_change (status);
  g_autofree char *b = connect_change_format_change (stage);
  g_autofree char *c = connect_change_format_change (until);
  g_autofree char *d = connect_change_format_change (used);

  g_assert_cmpstr (a, ==, "evaluating → open");
  g_assert_cmpstr (b, ==, "stage 1 → 2");
  g_assert_cmpstr (c, ==, "valid until none → 2027-01-31");
  g_assert_cmpstr (d, ==, "used 12 → 14");
}

static void
test_grouping (void)
{
  g_autoptr(GListStore) changes = g_list_store_new (CONNECT_TYPE_CHANGE);
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(JsonNode) added = parse ("{\"id\": \"IMP-031\", \"name\": \"Lung cancer, KRAS G12C\"}");
  g_autoptr(JsonNode) removed = parse ("{\"id\": \"S-9\", \"partner\": \"ous\"}");
  g_autoptr(ConnectChange) a = changed (CONNECT_ENTITY_KIND_COHORT, "IMP-006", "status",
                                        "\"evaluating\"", "\"open\"");
  g_autoptr(ConnectChange) b = changed (CONNECT_ENTITY_KIND_COHORT, "IMP-006", "stage",
                                        "\"1\"", "\"2\"");
  g_autoptr(ConnectChange) c = changed (CONNECT_ENTITY_KIND_COHORT, "IMP-007", "enrolled", "3", "4");
  g_autoptr(ConnectChange) d = connect_change_new (CONNECT_CHANGE_ADDED, CONNECT_ENTITY_KIND_COHORT,
                                                   "IMP-031", NULL, NULL, added);
  g_autoptr(ConnectChange) e = connect_change_new (CONNECT_CHANGE_REMOVED, CONNECT_ENTITY_KIND_SITE,
                                                   "S-9", NULL, removed, NULL);
  /* The same id in another kind of entity is another entity. */
  g_autoptr(ConnectChange) f = changed (CONNECT_ENTITY_KIND_COMMITMENT, "IMP-007", "used", "3", "4");
  const char *expected[] = {
    "IMP-006: evaluating → open, stage 1 → 2",
    "IMP-007: enrolled 3 → 4",
    "IMP-031: added: Lung cancer, KRAS G12C",
    "S-9: removed",
    "IMP-007: used 3 → 4",
  };
  ConnectChangeType types[] = {
    CONNECT_CHANGE_CHANGED, CONNECT_CHANGE_CHANGED, CONNECT_CHANGE_ADDED,
    CONNECT_CHANGE_REMOVED, CONNECT_CHANGE_CHANGED,
  };
  guint n_changes[] = { 2, 1, 1, 1, 1 };

  g_list_store_append (changes, a);
  g_list_store_append (changes, b);
  g_list_store_append (changes, c);
  g_list_store_append (changes, d);
  g_list_store_append (changes, e);
  g_list_store_append (changes, f);

  groups = connect_change_group_list_new (G_LIST_MODEL (changes));
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(ConnectChangeGroup) group = g_list_model_get_item (groups, i);
      g_autofree char *text = connect_change_group_to_string (group);

      g_assert_cmpstr (text, ==, expected[i]);
      g_assert_cmpint (connect_change_group_get_change_type (group), ==, types[i]);
      g_assert_cmpuint (g_list_model_get_n_items (connect_change_group_get_changes (group)), ==,
                        n_changes[i]);
    }

  g_assert_cmpuint (connect_change_group_list_count_kind (groups, CONNECT_ENTITY_KIND_COHORT), ==, 3);
  g_assert_cmpuint (connect_change_group_list_count_kind (groups, CONNECT_ENTITY_KIND_SITE), ==, 1);
  g_assert_cmpuint (connect_change_group_list_count_kind (groups, CONNECT_ENTITY_KIND_DRUG), ==, 0);
}

static ConnectFeed *
feed_from_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  ConnectFeed *feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);

  g_assert_no_error (error);
  return feed;
}

#define FEED_HEAD \
  "{\"format\": \"connect-feed\", \"version\": 1, \"generated_at\": \"2026-11-20T08:00:00Z\"," \
  " \"trials\": [{\"id\": \"impress\", \"name\": \"IMPRESS-Norway\"}],"

/* Real changes from the diff, grouped and worded. */
static void
test_from_diff (void)
{
  g_autoptr(ConnectFeed) old_feed = feed_from_string (
    FEED_HEAD
    " \"cohorts\": [{\"id\": \"IMP-006\", \"trial\": \"impress\", \"drugs\": [\"sotorasib\"],"
    "  \"tumor\": {\"name\": \"Lung cancer\", \"code\": \"NSCLC\"}, \"biomarker\": {\"genes\": [\"KRAS\"]},"
    "  \"status\": \"evaluating\", \"stage\": \"1\", \"sites\": [\"ous\"]}]}");
  g_autoptr(ConnectFeed) new_feed = feed_from_string (
    FEED_HEAD
    " \"cohorts\": [{\"id\": \"IMP-006\", \"trial\": \"impress\", \"drugs\": [\"sotorasib\"],"
    "  \"tumor\": {\"name\": \"Lung cancer\", \"code\": \"LUAD\"}, \"biomarker\": {\"genes\": [\"KRAS\"]},"
    "  \"status\": \"open\", \"stage\": \"2\", \"sites\": [\"ous\", \"ahus\"]}]}");
  g_autoptr(GListModel) changes = connect_diff_feeds (old_feed, new_feed);
  g_autoptr(GListModel) groups = connect_change_group_list_new (changes);
  g_autoptr(ConnectChangeGroup) group = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 1);
  group = g_list_model_get_item (groups, 0);
  text = connect_change_group_to_string (group);

  /* The members in the diff's canonical order. */
  g_assert_nonnull (strstr (text, "IMP-006: "));
  g_assert_nonnull (strstr (text, "evaluating → open"));
  g_assert_nonnull (strstr (text, "stage 1 → 2"));
  g_assert_nonnull (strstr (text, "sites ous → ous, ahus"));
  g_assert_nonnull (strstr (text, "code: NSCLC"));
  g_assert_nonnull (strstr (text, "code: LUAD"));
  g_assert_null (strstr (text, "\""));
  g_assert_cmpuint (g_list_model_get_n_items (connect_change_group_get_changes (group)), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/change-format/values", test_values);
  g_test_add_func ("/connect/change-format/field", test_field);
  g_test_add_func ("/connect/change-format/kind-count", test_kind_count);
  g_test_add_func ("/connect/change-format/change-text", test_change_text);
  g_test_add_func ("/connect/change-format/grouping", test_grouping);
  g_test_add_func ("/connect/change-format/from-diff", test_from_diff);

  return g_test_run ();
}
