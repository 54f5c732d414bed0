/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "connect-cohort-query.h"
#include "connect-feed.h"
#include "test-slow.h"

static ConnectFeed *
load_fixture (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  ConnectFeed *feed;

  path = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), "cli", "cohorts.json", NULL);
  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  return feed;
}

typedef struct
{
  ConnectFeed        *feed;
  ConnectCohortIndex *index;
  ConnectCohortQuery *query;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->feed = load_fixture ();
  fixture->index = connect_cohort_index_new (fixture->feed);
  fixture->query = connect_cohort_query_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->query);
  g_clear_object (&fixture->index);
  g_clear_object (&fixture->feed);
}

/* The ids of the matching cohorts, joined with spaces, checked both ways:
 * through connect_cohort_query_filter() and one by one. */
static char *
matching_ids (Fixture *fixture)
{
  g_autoptr(GListStore) found = connect_cohort_query_filter (fixture->query, fixture->index);
  GListModel *cohorts = connect_feed_get_cohorts (fixture->feed);
  GString *ids = g_string_new (NULL);
  guint n_matching = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (found)); i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (G_LIST_MODEL (found), i);

      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, connect_entity_get_id (CONNECT_ENTITY (cohort)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (cohorts); i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (cohorts, i);
      gboolean by_position = connect_cohort_query_matches (fixture->query, fixture->index, i);
      gboolean by_cohort = connect_cohort_query_matches_cohort (fixture->query, fixture->index, cohort);

      g_assert_cmpint (by_position, ==, by_cohort);
      n_matching += by_position;
    }
  g_assert_cmpuint (n_matching, ==, g_list_model_get_n_items (G_LIST_MODEL (found)));

  return g_string_free (ids, FALSE);
}

#define assert_matches(fixture, expected) G_STMT_START { \
  g_autofree char *__ids = matching_ids (fixture); \
  g_assert_cmpstr (__ids, ==, expected); \
} G_STMT_END

static void
test_fold (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "Tromsø", "tromso" },
    { "TROMSØ", "tromso" },
    { "Ærlig Åse", "aerlig ase" },
    { "Étude  française\t ", "etude francaise" },
    { "  Straße ", "strasse" },
    { "BRAF V600E", "braf v600e" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = connect_search_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  {
    g_autofree char *folded = connect_search_fold (NULL);

    g_assert_cmpstr (folded, ==, "");
  }
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_true (connect_cohort_query_is_empty (fixture->query));
  g_assert_cmpuint (connect_cohort_index_get_n_cohorts (fixture->index), ==, 5);
  g_assert_true (connect_cohort_index_get_feed (fixture->index) == fixture->feed);
  assert_matches (fixture, "IMP-001 IMP-002 IMP-003 IMP-004 OLD-001");

  /* Empty strings clear a filter. */
  connect_cohort_query_set_tumor (fixture->query, "");
  connect_cohort_query_set_text (fixture->query, "   ");
  g_assert_true (connect_cohort_query_is_empty (fixture->query));
  assert_matches (fixture, "IMP-001 IMP-002 IMP-003 IMP-004 OLD-001");
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  connect_cohort_query_set_status (fixture->query, CONNECT_COHORT_STATUS_OPEN);
  g_assert_false (connect_cohort_query_is_empty (fixture->query));
  assert_matches (fixture, "IMP-001");

  connect_cohort_query_set_status (fixture->query, CONNECT_COHORT_STATUS_CLOSED);
  assert_matches (fixture, "IMP-003");

  connect_cohort_query_set_status_mask (fixture->query,
                                        1u << CONNECT_COHORT_STATUS_PLANNED |
                                        1u << CONNECT_COHORT_STATUS_SUSPENDED);
  assert_matches (fixture, "IMP-004 OLD-001");

  connect_cohort_query_set_status (fixture->query, CONNECT_COHORT_STATUS_NONE);
  assert_matches (fixture, "IMP-001 IMP-002 IMP-003 IMP-004 OLD-001");
}

static void
test_tumor (Fixture       *fixture,
            gconstpointer  data)
{
  connect_cohort_query_set_tumor (fixture->query, "colorectal cancer");
  assert_matches (fixture, "IMP-001");

  connect_cohort_query_set_tumor (fixture->query, "NON-SMALL CELL LUNG CANCER");
  assert_matches (fixture, "IMP-003");

  /* OncoTree codes, any case. */
  connect_cohort_query_set_tumor (fixture->query, "nsclc");
  assert_matches (fixture, "IMP-003");
  connect_cohort_query_set_tumor (fixture->query, "COADREAD");
  assert_matches (fixture, "IMP-001");

  /* Whole names, not parts. */
  connect_cohort_query_set_tumor (fixture->query, "cancer");
  assert_matches (fixture, "");
}

static void
test_gene (Fixture       *fixture,
           gconstpointer  data)
{
  connect_cohort_query_set_gene (fixture->query, "braf");
  assert_matches (fixture, "IMP-001 IMP-003");

  /* An alias finds the canonical gene, and a feed that spells the alias
   * is found by the canonical symbol. */
  connect_cohort_query_set_gene (fixture->query, "HER2");
  assert_matches (fixture, "IMP-002 OLD-001");
  connect_cohort_query_set_gene (fixture->query, "ERBB2");
  assert_matches (fixture, "IMP-002 OLD-001");
  connect_cohort_query_set_gene (fixture->query, "her-2");
  assert_matches (fixture, "IMP-002 OLD-001");

  connect_cohort_query_set_gene (fixture->query, "KRAS");
  assert_matches (fixture, "");

  connect_cohort_query_set_gene (fixture->query, NULL);
  assert_matches (fixture, "IMP-001 IMP-002 IMP-003 IMP-004 OLD-001");
}

static void
test_drug (Fixture       *fixture,
           gconstpointer  data)
{
  /* Id, INN and brand, any case. */
  connect_cohort_query_set_drug (fixture->query, "dabrafenib");
  assert_matches (fixture, "IMP-003");
  connect_cohort_query_set_drug (fixture->query, "Trastuzumab");
  assert_matches (fixture, "IMP-002 OLD-001");
  connect_cohort_query_set_drug (fixture->query, "HERCEPTIN");
  assert_matches (fixture, "IMP-002 OLD-001");
  connect_cohort_query_set_drug (fixture->query, "zelboraf");
  assert_matches (fixture, "IMP-001");

  /* Not a part of a name. */
  connect_cohort_query_set_drug (fixture->query, "mab");
  assert_matches (fixture, "");
}

static void
test_partner (Fixture       *fixture,
              gconstpointer  data)
{
  /* Supplier of a drug of the cohort. */
  connect_cohort_query_set_partner (fixture->query, "roche");
  assert_matches (fixture, "IMP-001 IMP-002 OLD-001");
  connect_cohort_query_set_partner (fixture->query, "Roche Norge AS");
  assert_matches (fixture, "IMP-001 IMP-002 OLD-001");

  /* Supplier, or a commitment covering the cohort (C-NOV-1 for OLD-001). */
  connect_cohort_query_set_partner (fixture->query, "novartis");
  assert_matches (fixture, "IMP-003 OLD-001");
  connect_cohort_query_set_partner (fixture->query, "PFIZER");
  assert_matches (fixture, "IMP-004");

  /* A hospital supplies nothing. */
  connect_cohort_query_set_partner (fixture->query, "ous");
  assert_matches (fixture, "");
}

static void
test_site (Fixture       *fixture,
           gconstpointer  data)
{
  connect_cohort_query_set_site (fixture->query, "unn-tromso");
  assert_matches (fixture, "IMP-001 OLD-001");
  connect_cohort_query_set_site (fixture->query, "unn tromsø");
  assert_matches (fixture, "IMP-001 OLD-001");
  connect_cohort_query_set_site (fixture->query, "Oslo universitetssykehus, Radiumhospitalet");
  assert_matches (fixture, "IMP-001 IMP-003");
  connect_cohort_query_set_site (fixture->query, "HUS");
  assert_matches (fixture, "IMP-002");
  connect_cohort_query_set_site (fixture->query, "Oslo");
  assert_matches (fixture, "");
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  struct { const char *text; const char *ids; } cases[] = {
    /* Gene aliases are in the key. */
    { "her2", "IMP-002 OLD-001" },
    { "ERBB2", "IMP-002 OLD-001" },
    { "neu", "IMP-002 OLD-001" },
    /* Case and accents. */
    { "tromso", "IMP-001 IMP-004 OLD-001" },
    { "TROMSØ", "IMP-001 IMP-004 OLD-001" },
    { "bodo", "IMP-004" },
    { "etude", "OLD-001" },
    { "ÉTUDE", "OLD-001" },
    { "ÆØÅ", "IMP-004" },
    /* Every word, anywhere in the key. */
    { "braf colorectal", "IMP-001" },
    { "braf lung", "IMP-003" },
    { "  BRAF   lung ", "IMP-003" },
    { "braf gallbladder", "" },
    /* Each part of the key. */
    { "IMP-00", "IMP-001 IMP-002 IMP-003 IMP-004" },
    { "coadread", "IMP-001" },
    { "v600", "IMP-001 IMP-003" },
    { "v600e", "IMP-003" },
    { "amplification", "IMP-002 OLD-001" },
    { "fusion", "IMP-004" },
    { "cotellic", "IMP-001" },
    { "pertuzumab", "IMP-002" },
    { "bergen", "IMP-002" },
    { "radiumhospitalet", "IMP-001 IMP-003" },
    { "legacy", "OLD-001" },
    { "impress-norway", "IMP-001 IMP-002 IMP-003 IMP-004" },
    { "xyzzy", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = NULL;

      connect_cohort_query_set_text (fixture->query, cases[i].text);
      g_assert_cmpstr (connect_cohort_query_get_text (fixture->query), ==, cases[i].text);
      ids = matching_ids (fixture);
      if (g_strcmp0 (ids, cases[i].ids) != 0)
        g_error ("text “%s”: expected “%s”, got “%s”", cases[i].text, cases[i].ids, ids);
    }
}

static void
test_combined (Fixture       *fixture,
               gconstpointer  data)
{
  connect_cohort_query_set_gene (fixture->query, "BRAF");
  connect_cohort_query_set_site (fixture->query, "ous-rh");
  assert_matches (fixture, "IMP-001 IMP-003");

  connect_cohort_query_set_status (fixture->query, CONNECT_COHORT_STATUS_OPEN);
  assert_matches (fixture, "IMP-001");

  connect_cohort_query_set_text (fixture->query, "lung");
  assert_matches (fixture, "");

  connect_cohort_query_set_status (fixture->query, CONNECT_COHORT_STATUS_NONE);
  assert_matches (fixture, "IMP-003");
}

static void
test_search_key (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *key = connect_cohort_index_dup_search_key (fixture->index, 4);

  /* OLD-001: the feed's spelling HER2, the canonical gene, the trial,
   * the drug's brand, the site's city. */
  g_assert_nonnull (strstr (key, "old-001"));
  g_assert_nonnull (strstr (key, "erbb2"));
  g_assert_nonnull (strstr (key, "her2"));
  g_assert_nonnull (strstr (key, "legacy basket"));
  g_assert_nonnull (strstr (key, "herceptin"));
  g_assert_nonnull (strstr (key, "tromso"));
  g_assert_nonnull (strstr (key, "etude pilote"));
}

static void
test_change (Fixture       *fixture,
             gconstpointer  data)
{
  ConnectCohortQuery *query = fixture->query;

  g_assert_cmpint (connect_cohort_query_set_text (query, NULL), ==, CONNECT_QUERY_CHANGE_NONE);
  g_assert_cmpint (connect_cohort_query_set_text (query, "br"), ==, CONNECT_QUERY_CHANGE_MORE_STRICT);
  g_assert_cmpint (connect_cohort_query_set_text (query, "braf"), ==, CONNECT_QUERY_CHANGE_MORE_STRICT);
  g_assert_cmpint (connect_cohort_query_set_text (query, "braf lung"), ==, CONNECT_QUERY_CHANGE_MORE_STRICT);
  g_assert_cmpint (connect_cohort_query_set_text (query, "BRAF  Lung"), ==, CONNECT_QUERY_CHANGE_NONE);
  g_assert_cmpint (connect_cohort_query_set_text (query, "braf"), ==, CONNECT_QUERY_CHANGE_LESS_STRICT);
  g_assert_cmpint (connect_cohort_query_set_text (query, "kras"), ==, CONNECT_QUERY_CHANGE_DIFFERENT);
  g_assert_cmpint (connect_cohort_query_set_text (query, ""), ==, CONNECT_QUERY_CHANGE_LESS_STRICT);

  /* The result follows each change. */
  connect_cohort_query_set_text (query, "braf");
  assert_matches (fixture, "IMP-001 IMP-003");
  connect_cohort_query_set_text (query, "braf lung");
  assert_matches (fixture, "IMP-003");
  connect_cohort_query_set_text (query, "braf");
  assert_matches (fixture, "IMP-001 IMP-003");
}

static void
test_other_index (Fixture       *fixture,
                  gconstpointer  data)
{
  /* One query, a new feed: it resolves itself against the new index. */
  g_autoptr(ConnectFeed) feed = load_fixture ();
  g_autoptr(ConnectCohortIndex) index = connect_cohort_index_new (feed);
  g_autoptr(ConnectCohort) cohort = g_list_model_get_item (connect_feed_get_cohorts (feed), 1);

  connect_cohort_query_set_drug (fixture->query, "herceptin");
  assert_matches (fixture, "IMP-002 OLD-001");
  g_assert_true (connect_cohort_query_matches (fixture->query, index, 1));
  g_assert_false (connect_cohort_query_matches (fixture->query, index, 0));
  g_assert_true (connect_cohort_query_matches_cohort (fixture->query, index, cohort));
  assert_matches (fixture, "IMP-002 OLD-001");
}

/* A feed of @n cohorts over 40 drugs and 20 sites, as JSON. */
static GBytes *
make_large_feed (guint n)
{
  static const char *genes[] = { "BRAF", "ERBB2", "KRAS", "ALK", "NTRK1", "MSI-H", "EGFR", "PIK3CA" };
  static const char *tumors[] = { "Colorectal cancer", "Non-small cell lung cancer", "Gallbladder cancer",
                                  "Brystkreft", "Melanom", "Bukspyttkjertelkreft" };
  static const char *statuses[] = { "planned", "open", "evaluating", "suspended", "closed" };
  GString *json = g_string_sized_new ((gsize) n * 400);

  g_string_append (json, "{\"format\":\"connect-feed\",\"version\":1,\"generated_at\":\"2026-11-20T08:00:00Z\","
                         "\"trials\":[{\"id\":\"T\",\"name\":\"IMPRESS-Norway\"}],\"partners\":[");
  for (guint p = 0; p < 10; p++)
    g_string_append_printf (json, "%s{\"id\":\"p%u\",\"name\":\"Partner %u AS\"}", p ? "," : "", p, p);
  g_string_append (json, "],\"sites\":[");
  for (guint s = 0; s < 20; s++)
    g_string_append_printf (json, "%s{\"id\":\"s%u\",\"name\":\"Sykehus nummer %u\",\"city\":\"Tromsø %u\"}",
                            s ? "," : "", s, s, s);
  g_string_append (json, "],\"drugs\":[");
  for (guint d = 0; d < 40; d++)
    g_string_append_printf (json, "%s{\"id\":\"d%u\",\"name\":\"drugomab%u\",\"brands\":[\"Brand%u\"],\"supplier\":\"p%u\"}",
                            d ? "," : "", d, d, d, d % 10);
  g_string_append (json, "],\"cohorts\":[");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"C-%u\",\"trial\":\"T\",\"name\":\"Kohort %u for %s\","
                            "\"drugs\":[\"d%u\",\"d%u\"],\"tumor\":{\"name\":\"%s\",\"code\":\"X%u\"},"
                            "\"biomarker\":{\"genes\":[\"%s\"],\"alteration\":\"mutation\",\"variant\":\"V%u\"},"
                            "\"status\":\"%s\",\"enrolled\":%u,\"target\":8,\"sites\":[\"s%u\",\"s%u\",\"s%u\"]}",
                            i ? "," : "", i, i, tumors[i % G_N_ELEMENTS (tumors)],
                            i % 40, (i / 40) % 40, tumors[i % G_N_ELEMENTS (tumors)], i % 6,
                            genes[i % G_N_ELEMENTS (genes)], i % 1000,
                            statuses[i % G_N_ELEMENTS (statuses)], i % 9,
                            i % 20, (i + 7) % 20, (i + 13) % 20);
  g_string_append (json, "]}");

  return g_string_free_to_bytes (json);
}

static void
test_large (void)
{
  const guint n = connect_test_n_cohorts (100000);
  /* What a person types, one keystroke at a time (the time a keystroke
   * takes is measured by tests/bench/bench-core, not here). */
  static const char *keystrokes[] = { "b", "br", "bra", "braf", "braf ", "braf m", "braf me",
                                      "braf mel", "braf mela", "braf melan", "braf melano", "braf melanom" };
  g_autoptr(GBytes) bytes = make_large_feed (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectCohortIndex) index = NULL;
  g_autoptr(ConnectCohortQuery) query = connect_cohort_query_new ();
  guint last = 0;

  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);

  index = connect_cohort_index_new (feed);
  g_assert_cmpuint (connect_cohort_index_get_n_cohorts (index), ==, n);

  for (guint k = 0; k < G_N_ELEMENTS (keystrokes); k++)
    {
      guint matching = 0;

      connect_cohort_query_set_text (query, keystrokes[k]);
      for (guint i = 0; i < n; i++)
        matching += connect_cohort_query_matches (query, index, i);
      /* Each keystroke narrows the result */
      if (k > 0)
        g_assert_cmpuint (matching, <=, last);
      last = matching;
    }

  /* "braf melanom": the cohorts of gene 0 (BRAF) and tumour 4 (Melanom). */
  {
    guint expected = 0;

    for (guint i = 0; i < n; i++)
      expected += i % 8 == 0 && i % 6 == 4;
    g_assert_cmpuint (last, ==, expected);
  }
}

static void
index_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  ConnectCohortIndex **out = data;
  g_autoptr(GError) error = NULL;

  *out = connect_cohort_index_new_finish (result, &error);
  g_assert_no_error (error);
}

/* The index built in a worker thread is the same as the one built here */
static void
test_async (void)
{
  g_autoptr(ConnectFeed) feed = load_fixture ();
  g_autoptr(ConnectCohortIndex) sync_index = connect_cohort_index_new (feed);
  g_autoptr(ConnectCohortIndex) index = NULL;

  connect_cohort_index_new_async (feed, NULL, index_ready_cb, &index);
  while (index == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (connect_cohort_index_get_feed (index) == feed);
  g_assert_cmpuint (connect_cohort_index_get_n_cohorts (index), ==,
                    connect_cohort_index_get_n_cohorts (sync_index));
  for (guint i = 0; i < connect_cohort_index_get_n_cohorts (index); i++)
    {
      g_autofree char *a = connect_cohort_index_dup_search_key (index, i);
      g_autofree char *b = connect_cohort_index_dup_search_key (sync_index, i);

      g_assert_cmpstr (a, ==, b);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/cohort-query/fold", test_fold);
#define ADD(path, func) \
  g_test_add ("/connect/cohort-query/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("empty", test_empty);
  ADD ("status", test_status);
  ADD ("tumor", test_tumor);
  ADD ("gene", test_gene);
  ADD ("drug", test_drug);
  ADD ("partner", test_partner);
  ADD ("site", test_site);
  ADD ("text", test_text);
  ADD ("combined", test_combined);
  ADD ("search-key", test_search_key);
  ADD ("change", test_change);
  ADD ("other-index", test_other_index);
#undef ADD
  g_test_add_func ("/connect/cohort-query/large", test_large);
  g_test_add_func ("/connect/cohort-query/async", test_async);

  return g_test_run ();
}
