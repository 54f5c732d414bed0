/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "connect-genes.h"

static void
test_genes_aliases_resolve (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "HER2", "ERBB2" },
    { "her2", "ERBB2" },
    { "HER-2", "ERBB2" },
    { "her 2", "ERBB2" },
    { "Neu", "ERBB2" },
    { "ERBB2", "ERBB2" },
    { "HER1", "EGFR" },
    { "ERBB1", "EGFR" },
    { "MEK1", "MAP2K1" },
    { "mek2", "MAP2K2" },
    { "PD-L1", "CD274" },
    { "PDL1", "CD274" },
    { "pd l1", "CD274" },
    { "TRKA", "NTRK1" },
    { "TrkB", "NTRK2" },
    { "TRK-C", "NTRK3" },
    { "c-MET", "MET" },
    { "HGFR", "MET" },
    { "CD117", "KIT" },
    { "p110α", "PIK3CA" },
    { "P110Α", "PIK3CA" },
    { "p16", "CDKN2A" },
    { "ER", "ESR1" },
    { "PR", "PGR" },
    { "fgfr3", "FGFR3" },
    { "braf", "BRAF" },
    { "  BRAF  ", "BRAF" },
    { "IDH1", "IDH1" },
    { "ptch1", "PTCH1" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (connect_genes_canonical (cases[i].in), ==, cases[i].out);
}

static void
test_genes_signatures (void)
{
  static const char * const msi[] = {
    "MSI-H", "msi-h", "MSI high", "MSI-high", "msi HIGH", "MSI", "MSIH",
    "MMR deficient", "mmr-deficient", "dMMR", "DMMR",
  };
  static const char * const tmb[] = {
    "TMB-high", "TMB high", "tmb-h", "TMB-H", "high TMB", "TMBhigh",
  };
  static const char * const hrd[] = {
    "HRD", "hrd", "HR deficiency", "HR-deficiency",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (msi); i++)
    g_assert_cmpstr (connect_genes_canonical (msi[i]), ==, "MSI-H");
  for (gsize i = 0; i < G_N_ELEMENTS (tmb); i++)
    g_assert_cmpstr (connect_genes_canonical (tmb[i]), ==, "TMB-high");
  for (gsize i = 0; i < G_N_ELEMENTS (hrd); i++)
    g_assert_cmpstr (connect_genes_canonical (hrd[i]), ==, "HRD");

  g_assert_true (connect_genes_is_signature ("MSI high"));
  g_assert_true (connect_genes_is_signature ("TMB-H"));
  g_assert_true (connect_genes_is_signature ("HRD"));
  g_assert_false (connect_genes_is_signature ("BRAF"));
  g_assert_false (connect_genes_is_signature ("FOO1"));
}

static void
test_genes_unknown (void)
{
  const char *a = connect_genes_canonical ("foo1");
  const char *b = connect_genes_canonical ("FOO1");

  /* upper-cased, interned */
  g_assert_cmpstr (a, ==, "FOO1");
  g_assert_true (a == b);
  g_assert_true (a == g_intern_string ("FOO1"));
  g_assert_null (connect_genes_lookup ("foo1"));
  g_assert_cmpstr (connect_genes_lookup ("her2"), ==, "ERBB2");

  /* canonical symbols are interned too */
  g_assert_true (connect_genes_canonical ("HER2") == g_intern_string ("ERBB2"));
}

static void
test_genes_alias_list (void)
{
  const char * const *aliases = connect_genes_aliases ("ERBB2");
  const char * const *unknown = connect_genes_aliases ("FOO2");
  const char * const *msi = connect_genes_aliases ("MSI-H");

  g_assert_nonnull (aliases);
  g_assert_cmpstr (aliases[0], ==, "ERBB2");
  g_assert_true (g_strv_contains (aliases, "HER2"));
  g_assert_true (g_strv_contains (aliases, "HER-2"));
  g_assert_true (g_strv_contains (aliases, "NEU"));

  /* an alias finds the same list */
  g_assert_true (connect_genes_aliases ("her2") == aliases);

  g_assert_cmpstr (msi[0], ==, "MSI-H");
  g_assert_true (g_strv_contains (msi, "MSI high"));
  g_assert_true (g_strv_contains (msi, "dMMR"));

  /* a symbol outside the table: itself only, the same list every time */
  g_assert_nonnull (unknown);
  g_assert_cmpstr (unknown[0], ==, "FOO2");
  g_assert_null (unknown[1]);
  g_assert_true (connect_genes_aliases ("foo2") == unknown);
}

static gpointer
canonical_thread (gpointer data)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("GENE%u", i % 50);

      if (g_strcmp0 (connect_genes_canonical ("her2"), "ERBB2") != 0)
        return GINT_TO_POINTER (1);
      if (connect_genes_aliases (name)[0] != connect_genes_canonical (name))
        return GINT_TO_POINTER (1);
    }

  return NULL;
}

static void
test_genes_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("genes", canonical_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_null (g_thread_join (threads[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/genes/aliases", test_genes_aliases_resolve);
  g_test_add_func ("/connect/genes/signatures", test_genes_signatures);
  g_test_add_func ("/connect/genes/unknown", test_genes_unknown);
  g_test_add_func ("/connect/genes/alias-list", test_genes_alias_list);
  g_test_add_func ("/connect/genes/threads", test_genes_threads);

  return g_test_run ();
}
