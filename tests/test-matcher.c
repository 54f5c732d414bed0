/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "connect-feed.h"
#include "connect-matcher.h"
#include "test-slow.h"


static ConnectFeed *
load_feed (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"),
                                            "match", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;
  ConnectFeed *feed;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE,
                                      NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  return feed;
}

static ConnectMatcher *
get_matcher (void)
{
  static ConnectMatcher *matcher;

  if (matcher == NULL)
    {
      g_autoptr(ConnectFeed) feed = load_feed ("match.json");

      matcher = connect_matcher_new (feed);
    }

  return matcher;
}

static const char *
kind_name (ConnectMatchKind kind)
{
  GEnumClass *klass = g_type_class_peek (CONNECT_TYPE_MATCH_KIND);

  return g_enum_get_value (klass, kind)->value_nick;
}

/* "open:braf-crc-a not-open:braf-agnostic new-cohort-candidate:dabrafenib@drup" */
static char *
summarize (GListModel *results)
{
  GString *out = g_string_new (NULL);

  g_type_class_unref (g_type_class_ref (CONNECT_TYPE_MATCH_KIND));

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(ConnectMatchResult) result = g_list_model_get_item (results, i);
      ConnectCohort *cohort = connect_match_result_get_cohort (result);
      const char * const *drugs = connect_match_result_get_drugs (result);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s:", kind_name (connect_match_result_get_kind (result)));
      if (cohort != NULL)
        g_string_append (out, connect_entity_get_id (CONNECT_ENTITY (cohort)));
      else
        g_string_append_printf (out, "%s@%s", drugs[0],
                                connect_match_result_get_trial (result));
    }

  return g_string_free (out, FALSE);
}

/* Matches and summarizes; NULL-terminated alterations. */
static char *
match (const char *tumor,
       ...)
{
  g_autoptr(GPtrArray) alterations = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  const char *alteration;
  va_list args;

  va_start (args, tumor);
  while ((alteration = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (alterations, (gpointer) alteration);
  va_end (args);
  g_ptr_array_add (alterations, NULL);

  results = connect_matcher_match_text (get_matcher (), tumor,
                                        (const char * const *) alterations->pdata,
                                        &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);

  return summarize (results);
}

static ConnectMatchResult *
find_result (GListModel *results,
             const char *cohort_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(ConnectMatchResult) result = g_list_model_get_item (results, i);
      ConnectCohort *cohort = connect_match_result_get_cohort (result);

      if (cohort != NULL &&
          g_strcmp0 (connect_entity_get_id (CONNECT_ENTITY (cohort)), cohort_id) == 0)
        return result;
    }

  return NULL;
}

static GListModel *
match_model (const char *tumor,
             const char *alteration)
{
  const char *alterations[] = { alteration, NULL };
  g_autoptr(GError) error = NULL;
  GListModel *results;

  results = connect_matcher_match_text (get_matcher (), tumor, alterations, &error);
  g_assert_no_error (error);

  return results;
}

/* Parsing */

static void
check_parse (const char        *text,
             const char        *gene,
             ConnectAlteration  type,
             const char        *variant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectMatchAlteration) parsed = connect_match_alteration_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (parsed);
  g_assert_cmpstr (parsed->gene, ==, gene);
  g_assert_cmpint (parsed->alteration, ==, type);
  g_assert_cmpstr (parsed->variant, ==, variant);
}

static void
test_matcher_parse (void)
{
  check_parse ("BRAF V600E", "BRAF", CONNECT_ALTERATION_MUTATION, "V600E");
  check_parse ("braf p.v600e", "BRAF", CONNECT_ALTERATION_MUTATION, "V600E");
  check_parse ("BRAF V600E mutation", "BRAF", CONNECT_ALTERATION_MUTATION, "V600E");
  check_parse ("BRAF-V600E", "BRAF", CONNECT_ALTERATION_MUTATION, "V600E");
  check_parse ("KRAS G12C", "KRAS", CONNECT_ALTERATION_MUTATION, "G12C");
  check_parse ("BRAF mutation", "BRAF", CONNECT_ALTERATION_MUTATION, NULL);
  check_parse ("BRAF", "BRAF", CONNECT_ALTERATION_NONE, NULL);
  check_parse ("ERBB2 amplification", "ERBB2", CONNECT_ALTERATION_AMPLIFICATION, NULL);
  check_parse ("HER2 amplification", "ERBB2", CONNECT_ALTERATION_AMPLIFICATION, NULL);
  check_parse ("her-2 amplified", "ERBB2", CONNECT_ALTERATION_AMPLIFICATION, NULL);
  check_parse ("NTRK1 fusion", "NTRK1", CONNECT_ALTERATION_FUSION, NULL);
  check_parse ("NTRK1-fusion", "NTRK1", CONNECT_ALTERATION_FUSION, NULL);
  check_parse ("ALK rearrangement", "ALK", CONNECT_ALTERATION_FUSION, NULL);
  check_parse ("CDKN2A homozygous deletion", "CDKN2A", CONNECT_ALTERATION_DELETION, NULL);
  check_parse ("PTEN loss", "PTEN", CONNECT_ALTERATION_LOSS, NULL);
  check_parse ("PD-L1 expression", "CD274", CONNECT_ALTERATION_EXPRESSION, NULL);
  check_parse ("EGFR exon 20 insertion", "EGFR", CONNECT_ALTERATION_MUTATION, "exon 20 insertion");
  check_parse ("EGFR Exon 20 ins", "EGFR", CONNECT_ALTERATION_MUTATION, "exon 20 insertion");
  check_parse ("EGFR ex20ins", "EGFR", CONNECT_ALTERATION_MUTATION, "exon 20 insertion");
  check_parse ("EGFR exon19del", "EGFR", CONNECT_ALTERATION_MUTATION, "exon 19 deletion");
  check_parse ("MET exon 14 skipping", "MET", CONNECT_ALTERATION_MUTATION, "exon 14 skipping");
  check_parse ("KIT exon 11 mutation", "KIT", CONNECT_ALTERATION_MUTATION, "exon 11");
  check_parse ("EGFR E746_A750del", "EGFR", CONNECT_ALTERATION_MUTATION, "E746_A750del");
  check_parse ("germline BRCA2 mutation", "BRCA2", CONNECT_ALTERATION_MUTATION, NULL);
  /* the three-letter code of molecular reports */
  check_parse ("BRAF p.Val600Glu", "BRAF", CONNECT_ALTERATION_MUTATION, "V600E");
  check_parse ("KRAS p.(Gly12Cys)", "KRAS", CONNECT_ALTERATION_MUTATION, "G12C");
  check_parse ("EGFR p.Glu746_Ala750del", "EGFR", CONNECT_ALTERATION_MUTATION, "E746_A750del");
  check_parse ("TP53 p.Arg213Ter", "TP53", CONNECT_ALTERATION_MUTATION, "R213*");
  check_parse ("HER2+", "ERBB2", CONNECT_ALTERATION_EXPRESSION, NULL);
  check_parse ("HER2-positive", "ERBB2", CONNECT_ALTERATION_EXPRESSION, NULL);
  /* signatures: no type unless one is named */
  check_parse ("MSI-H", "MSI-H", CONNECT_ALTERATION_NONE, NULL);
  check_parse ("MSI high", "MSI-H", CONNECT_ALTERATION_NONE, NULL);
  check_parse ("MSI-high", "MSI-H", CONNECT_ALTERATION_NONE, NULL);
  check_parse ("dMMR", "MSI-H", CONNECT_ALTERATION_NONE, NULL);
  check_parse ("MMR deficient", "MSI-H", CONNECT_ALTERATION_NONE, NULL);
  check_parse ("TMB-high", "TMB-high", CONNECT_ALTERATION_NONE, NULL);
  check_parse ("TMB high", "TMB-high", CONNECT_ALTERATION_NONE, NULL);
  check_parse ("high TMB", "TMB-high", CONNECT_ALTERATION_NONE, NULL);
  check_parse ("HRD positive", "HRD", CONNECT_ALTERATION_NONE, NULL);
  check_parse ("HR deficiency", "HRD", CONNECT_ALTERATION_NONE, NULL);
}

static void
check_parse_error (const char *text,
                   const char *expected_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectMatchAlteration) parsed = connect_match_alteration_parse (text, &error);

  g_assert_null (parsed);
  g_assert_error (error, CONNECT_MATCH_ERROR, CONNECT_MATCH_ERROR_INVALID_ALTERATION);
  g_assert_nonnull (strstr (error->message, expected_part));
}

static void
test_matcher_parse_errors (void)
{
  check_parse_error ("", "Enter an alteration");
  check_parse_error ("   ", "Enter an alteration");
  check_parse_error ("V600E", "“V600E” is not a gene");
  check_parse_error ("p.Val600Glu", "is not a gene");
  check_parse_error ("amplification", "is not a gene");
  check_parse_error ("exon 20 insertion", "is not a gene");
  check_parse_error ("600", "is not a gene");
  check_parse_error ("BRAF frobnicated", "“frobnicated” is neither a variant nor a kind of alteration");
  check_parse_error ("BRAF V600E amplification", "is a mutation");
  check_parse_error ("BRAF V600E V600K", "second variant");
  check_parse_error ("ERBB2 amplification fusion", "second kind of alteration");
  check_parse_error ("MSI-H V600E", "signature");
  /* every message says what was expected */
  check_parse_error ("BRAF frobnicated", "such as “BRAF V600E”");
}

/* Matching rules */

static void
test_matcher_basic (void)
{
  g_autofree char *got = match ("Colorectal cancer", "BRAF V600E", NULL);

  /* open ones by places left (10, 6, unknown); V600K and melanoma do not
   * fit; the agnostic planned one does; every BRAF drug in a recruiting
   * trial is used by a fitting cohort, so no candidate */
  g_assert_cmpstr (got, ==,
                   "open:braf-crc-a open:braf-crc-b open:braf-crc-unknown "
                   "not-open:braf-agnostic");
}

static void
test_matcher_variant_prefix (void)
{
  g_autofree char *k = match ("COADREAD", "BRAF V600K", NULL);
  g_autofree char *bare = match ("COADREAD", "BRAF V600", NULL);
  g_autofree char *exon20 = match ("NSCLC", "EGFR exon 20 insertion", NULL);
  g_autofree char *exon2 = match ("NSCLC", "EGFR exon 2 deletion", NULL);
  g_autofree char *g12c = match ("COADREAD", "KRAS G12C", NULL);
  g_autofree char *g121 = match ("COADREAD", "KRAS G121S", NULL);

  /* V600 covers V600K; V600E does not; V600K covers V600K */
  g_assert_cmpstr (k, ==,
                   "open:braf-crc-a open:braf-crc-k open:braf-crc-unknown "
                   "not-open:braf-agnostic "
                   "new-cohort-candidate:encorafenib@impress "
                   "new-cohort-candidate:encorafenib@drup");
  /* the patient's V600 is not covered by the cohorts' V600E or V600K */
  g_assert_cmpstr (bare, ==,
                   "open:braf-crc-a open:braf-crc-unknown not-open:braf-agnostic "
                   "new-cohort-candidate:encorafenib@impress "
                   "new-cohort-candidate:encorafenib@drup");
  /* "exon 20" covers "exon 20 insertion"; "exon 2" does not (boundary) */
  g_assert_cmpstr (exon20, ==, "open:egfr-ex20");
  g_assert_cmpstr (exon2, ==, "not-open:egfr-ex2");
  /* G12C and G12 both cover G12C; G12 does not cover G121S */
  g_assert_cmpstr (g12c, ==,
                   "closed-no-benefit:kras-crc-old closed-no-benefit:kras-crc-closed");
  g_assert_cmpstr (g121, ==,
                   "new-cohort-candidate:sotorasib@impress "
                   "new-cohort-candidate:sotorasib@drup");
}

static void
test_matcher_left_out_does_not_exclude (void)
{
  g_autofree char *no_variant = match ("Colorectal cancer", "BRAF mutation", NULL);
  g_autofree char *gene_only = match ("Colorectal cancer", "BRAF", NULL);
  g_autofree char *amplified = match ("Colorectal cancer", "BRAF amplification", NULL);
  g_autofree char *ntrk_any = match ("Pancreatic cancer", "NTRK1", NULL);
  g_autofree char *ntrk_amp = match ("Pancreatic cancer", "NTRK1 amplification", NULL);

  /* no variant given: every BRAF variant fits */
  g_assert_cmpstr (no_variant, ==,
                   "open:braf-crc-a open:braf-crc-k open:braf-crc-b "
                   "open:braf-crc-unknown not-open:braf-agnostic");
  g_assert_cmpstr (gene_only, ==, no_variant);
  /* the agnostic cohort names no alteration type: it fits any type; the
   * other BRAF cohorts are mutations and do not fit an amplification */
  g_assert_cmpstr (amplified, ==,
                   "not-open:braf-agnostic "
                   "new-cohort-candidate:dabrafenib@impress "
                   "new-cohort-candidate:dabrafenib@drup "
                   "new-cohort-candidate:encorafenib@impress "
                   "new-cohort-candidate:encorafenib@drup");
  g_assert_cmpstr (ntrk_any, ==, "open:ntrk-agnostic");
  /* types differ where both name one */
  g_assert_cmpstr (ntrk_amp, ==, "new-cohort-candidate:larotrectinib@impress");
}

static void
test_matcher_agnostic (void)
{
  g_autoptr(GListModel) results = match_model ("Pancreatic cancer", "TRKA fusion");
  g_autofree char *got = summarize (results);
  ConnectMatchResult *result = find_result (results, "ntrk-agnostic");

  g_assert_cmpstr (got, ==, "open:ntrk-agnostic");
  /* no target/enrolled: places from its commitment, 20 − 5 − 3 */
  g_assert_cmpint (connect_match_result_get_places_left (result), ==, 12);
  g_assert_cmpstr (connect_match_result_get_reason (result), ==,
                   "Open — stage 1, 12 places left, 2 hospitals");
}

static void
test_matcher_tumor_code_and_name (void)
{
  static const char * const spellings[] = {
    "COADREAD", "coadread", "Colorectal cancer", "COLORECTAL CANCER",
    "  colorectal   cancer ",
  };
  g_autofree char *expected = match ("Colorectal cancer", "BRAF V600E", NULL);
  g_autofree char *partial = match ("Colorectal", "BRAF V600E", NULL);
  g_autofree char *other_code = match ("MEL", "BRAF V600E", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *got = match (spellings[i], "BRAF V600E", NULL);

      g_assert_cmpstr (got, ==, expected);
    }

  /* names are compared whole */
  g_assert_true (g_str_has_prefix (partial, "not-open:braf-agnostic new-cohort-candidate:"));
  g_assert_cmpstr (other_code, ==,
                   "open:braf-mel not-open:braf-agnostic "
                   "new-cohort-candidate:encorafenib@impress "
                   "new-cohort-candidate:encorafenib@drup");
}

static void
test_matcher_combination (void)
{
  g_autoptr(GListModel) results = match_model ("LGGNOS", "BRAF V600E");
  g_autofree char *got = summarize (results);
  ConnectMatchResult *result = find_result (results, "braf-combo");
  const char * const *drugs;

  g_assert_cmpstr (got, ==,
                   "open:braf-combo not-open:braf-agnostic "
                   "new-cohort-candidate:encorafenib@impress "
                   "new-cohort-candidate:encorafenib@drup");
  drugs = connect_match_result_get_drugs (result);
  g_assert_cmpuint (g_strv_length ((char **) drugs), ==, 2);
  g_assert_cmpstr (drugs[0], ==, "dabrafenib");
  g_assert_cmpstr (drugs[1], ==, "trametinib");
  g_assert_cmpstr (connect_match_result_get_trial (result), ==, "impress");
  /* a combination needs both drugs: dabrafenib has 24 − 10 − 5 = 9 left,
   * trametinib 10 − 6 = 4 */
  g_assert_cmpint (connect_match_result_get_places_left (result), ==, 4);
  g_assert_cmpstr (connect_match_result_get_reason (result), ==,
                   "Open — stage 1, 4 places left");
}

static void
test_matcher_candidates (void)
{
  g_autoptr(GListModel) results = match_model ("Biliary tract cancer", "BRAF V600E");
  g_autofree char *got = summarize (results);
  g_autoptr(ConnectMatchResult) first = NULL;

  /* one per drug and trial (dabrafenib is in impress by cohorts and a
   * commitment, in drup by a cohort and a commitment); vemurafenib is used
   * by the fitting agnostic cohort; regorafenib's trial is completed and
   * tovorafenib's not yet recruiting */
  g_assert_cmpstr (got, ==,
                   "not-open:braf-agnostic "
                   "new-cohort-candidate:dabrafenib@impress "
                   "new-cohort-candidate:dabrafenib@drup "
                   "new-cohort-candidate:encorafenib@impress "
                   "new-cohort-candidate:encorafenib@drup");

  first = g_list_model_get_item (results, 1);
  g_assert_null (connect_match_result_get_cohort (first));
  g_assert_cmpint (connect_match_result_get_places_left (first), ==, -1);
  g_assert_cmpstr (connect_match_result_get_reason (first), ==,
                   "No cohort yet: dabrafenib targets BRAF — a new cohort can "
                   "be proposed at the molecular tumour board");
}

static void
test_matcher_closed_blocks_candidate (void)
{
  g_autoptr(GListModel) results = match_model ("Colorectal cancer", "KRAS G12C");
  g_autofree char *got = summarize (results);
  g_autofree char *other = match ("Colorectal cancer", "KRAS G13D", NULL);

  /* sotorasib is used by the recruiting drup trial, but it failed in a
   * fitting cohort: never a candidate; most recently closed first */
  g_assert_cmpstr (got, ==,
                   "closed-no-benefit:kras-crc-old closed-no-benefit:kras-crc-closed");
  g_assert_cmpstr (connect_match_result_get_reason (find_result (results, "kras-crc-closed")), ==,
                   "Closed 2024: no benefit in 8 patients");
  g_assert_cmpstr (connect_match_result_get_reason (find_result (results, "kras-crc-old")), ==,
                   "Closed 2025: no benefit in 22 patients");
  /* without a fitting failed cohort it is a candidate */
  g_assert_cmpstr (other, ==,
                   "new-cohort-candidate:sotorasib@impress "
                   "new-cohort-candidate:sotorasib@drup");
}

static void
test_matcher_open_order (void)
{
  g_autoptr(GListModel) results = NULL;
  g_autofree char *got = match ("Colorectal cancer", "BRAF V600E", "NTRK1 fusion", NULL);
  g_autofree char *twice = match ("Colorectal cancer", "BRAF V600E", "BRAF mutation", NULL);

  /* 12 (commitment), 10 and 6 (target − enrolled), unknown last even
   * though it comes first in the feed */
  g_assert_cmpstr (got, ==,
                   "open:ntrk-agnostic open:braf-crc-a open:braf-crc-b "
                   "open:braf-crc-unknown not-open:braf-agnostic");
  /* each cohort once, whichever alterations it fits */
  g_assert_cmpstr (twice, ==,
                   "open:braf-crc-a open:braf-crc-k open:braf-crc-b "
                   "open:braf-crc-unknown not-open:braf-agnostic");

  results = match_model ("Colorectal cancer", "BRAF V600E");
  g_assert_cmpint (connect_match_result_get_places_left (find_result (results, "braf-crc-a")), ==, 10);
  g_assert_cmpint (connect_match_result_get_places_left (find_result (results, "braf-crc-b")), ==, 6);
  g_assert_cmpint (connect_match_result_get_places_left (find_result (results, "braf-crc-unknown")), ==, -1);
  g_assert_cmpstr (connect_match_result_get_reason (find_result (results, "braf-crc-a")), ==,
                   "Open — stage 2, 10 of 24 places left, 3 hospitals");
  g_assert_cmpstr (connect_match_result_get_reason (find_result (results, "braf-crc-b")), ==,
                   "Open — stage 1, 6 of 8 places left, 1 hospital");
  g_assert_cmpstr (connect_match_result_get_reason (find_result (results, "braf-crc-unknown")), ==,
                   "Open");
  g_assert_cmpstr (connect_match_result_get_reason (find_result (results, "braf-agnostic")), ==,
                   "Not open yet — planned");
}

static void
test_matcher_aliases (void)
{
  static const char * const her2[] = {
    "HER2 amplification", "ERBB2 amplification", "her-2 amplified", "NEU amp",
  };
  static const char * const msi[] = {
    "MSI-H", "MSI high", "MSI-high", "msi", "dMMR", "MMR deficient",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (her2); i++)
    {
      g_autoptr(GListModel) results = match_model ("Colorectal cancer", her2[i]);
      g_autofree char *got = summarize (results);

      /* the feed writes "HER2" in the cohort, "HER2" and "ERBB2" in drugs */
      g_assert_cmpstr (got, ==, "not-open:her2-crc");
      g_assert_cmpstr (connect_match_result_get_reason (find_result (results, "her2-crc")), ==,
                       "Not open — stage 1 is being evaluated");
    }

  for (gsize i = 0; i < G_N_ELEMENTS (msi); i++)
    {
      g_autoptr(GListModel) results = match_model ("Colorectal cancer", msi[i]);
      g_autofree char *got = summarize (results);

      /* the feed writes "MSI high" */
      g_assert_cmpstr (got, ==, "not-open:msi-crc");
      g_assert_cmpstr (connect_match_result_get_reason (find_result (results, "msi-crc")), ==,
                       "Not open — suspended since 2026-03-01");
    }

  {
    g_autofree char *got = match ("Colorectal cancer", "HER2 mutation", NULL);

    g_assert_cmpstr (got, ==,
                     "new-cohort-candidate:trastuzumab@impress "
                     "new-cohort-candidate:pertuzumab@impress");
  }
}

static void
test_matcher_errors (void)
{
  const char *alterations[] = { "BRAF V600E", NULL };
  const char *bad[] = { "BRAF V600E", "frobnicate!", NULL };
  const char *none[] = { NULL };
  g_autoptr(GError) error = NULL;
  GListModel *results;

  results = connect_matcher_match_text (get_matcher (), "  ", alterations, &error);
  g_assert_null (results);
  g_assert_error (error, CONNECT_MATCH_ERROR, CONNECT_MATCH_ERROR_INVALID_TUMOR);
  g_clear_error (&error);

  results = connect_matcher_match_text (get_matcher (), "Melanoma", bad, &error);
  g_assert_null (results);
  g_assert_error (error, CONNECT_MATCH_ERROR, CONNECT_MATCH_ERROR_INVALID_ALTERATION);
  g_clear_error (&error);

  results = connect_matcher_match_text (get_matcher (), "Melanoma", none, &error);
  g_assert_null (results);
  g_assert_error (error, CONNECT_MATCH_ERROR, CONNECT_MATCH_ERROR_INVALID_ALTERATION);
  g_clear_error (&error);

  /* a gene nobody studies: nothing, and no error */
  results = connect_matcher_match_text (get_matcher (), "Melanoma",
                                        (const char *[]) { "FOO1 mutation", NULL }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_object_unref (results);
}

static void
test_matcher_result_properties (void)
{
  g_autoptr(GListModel) results = match_model ("Colorectal cancer", "BRAF V600E");
  g_autoptr(ConnectMatchResult) first = g_list_model_get_item (results, 0);
  g_autoptr(ConnectCohort) cohort = NULL;
  g_auto(GStrv) drugs = NULL;
  g_autofree char *trial = NULL;
  g_autofree char *reason = NULL;
  ConnectMatchKind kind;

  g_assert_true (g_list_model_get_item_type (results) == CONNECT_TYPE_MATCH_RESULT);
  g_object_get (first,
                "kind", &kind,
                "cohort", &cohort,
                "trial", &trial,
                "drugs", &drugs,
                "reason", &reason,
                NULL);
  g_assert_cmpint (kind, ==, CONNECT_MATCH_KIND_OPEN);
  g_assert_cmpstr (connect_entity_get_id (CONNECT_ENTITY (cohort)), ==, "braf-crc-a");
  g_assert_cmpstr (trial, ==, "impress");
  g_assert_cmpstr (drugs[0], ==, "dabrafenib");
  g_assert_cmpstr (reason, ==, connect_match_result_get_reason (first));
}

static gpointer
match_thread (gpointer data)
{
  const char *expected = data;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *got = match ("Colorectal cancer", "BRAF V600E", "KRAS G12C", NULL);

      if (g_strcmp0 (got, expected) != 0)
        return GINT_TO_POINTER (1);
    }

  return NULL;
}

static void
test_matcher_threads (void)
{
  g_autofree char *expected = match ("Colorectal cancer", "BRAF V600E", "KRAS G12C", NULL);
  GThread *threads[4];

  g_assert_cmpstr (expected, ==,
                   "open:braf-crc-a open:braf-crc-b open:braf-crc-unknown "
                   "not-open:braf-agnostic "
                   "closed-no-benefit:kras-crc-old closed-no-benefit:kras-crc-closed");

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("match", match_thread, expected);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_null (g_thread_join (threads[i]));
}

/* 100 000 cohorts (2 000 in a slow run): the index is built and a query
 * gives the same results every time. How fast (within 5 ms) is measured by
 * tests/bench/bench-core, never by a unit test. */

static const char * const bench_genes[] = {
  "BRAF", "KRAS", "NRAS", "ERBB2", "EGFR", "ALK", "ROS1", "RET", "MET", "KIT",
  "PIK3CA", "NTRK1", "FGFR2", "IDH1", "BRCA2", "CDKN2A", "MSI-H", "TMB-high",
};
static const char * const bench_tumors[] = {
  "COADREAD", "NSCLC", "MEL", "BRCA", "PAAD", "OV", "PRAD", "GBM", "STAD", "BLCA",
};
static const char * const bench_statuses[] = {
  "open", "open", "planned", "evaluating", "suspended", "closed",
};

static GBytes *
build_big_feed (guint n_cohorts)
{
  GString *json = g_string_sized_new (n_cohorts * 300);
  guint n_drugs = 200;

  g_string_append (json,
                   "{\"format\":\"connect-feed\",\"version\":1,"
                   "\"generated_at\":\"2026-11-20T08:00:00Z\","
                   "\"trials\":[{\"id\":\"t0\",\"name\":\"T0\",\"status\":\"RECRUITING\"},"
                   "{\"id\":\"t1\",\"name\":\"T1\",\"status\":\"COMPLETED\"}],\"drugs\":[");
  for (guint i = 0; i < n_drugs; i++)
    g_string_append_printf (json, "%s{\"id\":\"d%u\",\"name\":\"drug %u\",\"targets\":[\"%s\"]}",
                            i > 0 ? "," : "", i, i,
                            bench_genes[i % G_N_ELEMENTS (bench_genes)]);
  g_string_append (json, "],\"cohorts\":[");
  for (guint i = 0; i < n_cohorts; i++)
    {
      const char *status = bench_statuses[i % G_N_ELEMENTS (bench_statuses)];

      g_string_append_printf (json,
                              "%s{\"id\":\"c%u\",\"trial\":\"t%u\",\"drugs\":[\"d%u\"],"
                              "\"tumor\":{\"name\":\"Tumour %s\",\"code\":\"%s\"%s},"
                              "\"biomarker\":{\"genes\":[\"%s\"],\"alteration\":\"mutation\","
                              "\"variant\":\"V%u\"},\"status\":\"%s\"%s,"
                              "\"enrolled\":%u,\"target\":24}",
                              i > 0 ? "," : "", i, i % 2, (i * 7) % n_drugs,
                              bench_tumors[(i / 3) % G_N_ELEMENTS (bench_tumors)],
                              bench_tumors[(i / 3) % G_N_ELEMENTS (bench_tumors)],
                              i % 97 == 0 ? ",\"agnostic\":true" : "",
                              bench_genes[(i / 5) % G_N_ELEMENTS (bench_genes)],
                              600 + i % 3, status,
                              g_str_equal (status, "closed") ? ",\"outcome\":\"no-benefit\"" : "",
                              i % 25);
    }
  g_string_append (json, "]}");

  return g_string_free_to_bytes (json);
}

static void
test_matcher_large (void)
{
  const guint n = connect_test_n_cohorts (100000);
  g_autoptr(GBytes) bytes = build_big_feed (n);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectMatcher) matcher = NULL;
  const char *alterations[] = { "BRAF V600E", "KRAS G12C", "MSI-H", NULL };
  guint n_results = 0;

  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (connect_feed_get_cohorts (feed)), ==, n);

  matcher = connect_matcher_new (feed);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GListModel) results = NULL;

      results = connect_matcher_match_text (matcher, "COADREAD", alterations, &error);
      g_assert_no_error (error);
      if (i > 0)
        g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_results);
      n_results = g_list_model_get_n_items (results);
    }

  g_test_message ("query on %u cohorts: %u results", n, n_results);
  g_assert_cmpuint (n_results, >, n / 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/matcher/parse", test_matcher_parse);
  g_test_add_func ("/connect/matcher/parse-errors", test_matcher_parse_errors);
  g_test_add_func ("/connect/matcher/basic", test_matcher_basic);
  g_test_add_func ("/connect/matcher/variant-prefix", test_matcher_variant_prefix);
  g_test_add_func ("/connect/matcher/left-out-does-not-exclude", test_matcher_left_out_does_not_exclude);
  g_test_add_func ("/connect/matcher/agnostic", test_matcher_agnostic);
  g_test_add_func ("/connect/matcher/tumor-code-and-name", test_matcher_tumor_code_and_name);
  g_test_add_func ("/connect/matcher/combination", test_matcher_combination);
  g_test_add_func ("/connect/matcher/candidates", test_matcher_candidates);
  g_test_add_func ("/connect/matcher/closed-blocks-candidate", test_matcher_closed_blocks_candidate);
  g_test_add_func ("/connect/matcher/open-order", test_matcher_open_order);
  g_test_add_func ("/connect/matcher/aliases", test_matcher_aliases);
  g_test_add_func ("/connect/matcher/errors", test_matcher_errors);
  g_test_add_func ("/connect/matcher/result-properties", test_matcher_result_properties);
  g_test_add_func ("/connect/matcher/threads", test_matcher_threads);
  g_test_add_func ("/connect/matcher/large", test_matcher_large);

  return g_test_run ();
}
