/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-genes.c: a curated table of the genes and biomarker signatures of
 * precision oncology with the spellings clinicians use for them.
 *
 * Lookups fold case (Unicode case folding) and ignore hyphens, spaces,
 * underscores and dots, so "HER2", "her-2", "Her 2" are one key. The table
 * is built once, thread-safely, with g_once; after that it is only read.
 */
#include "config.h"

#include <string.h>

#include "connect-genes.h"

/* One entry per canonical symbol: the symbol first, then its aliases
 * (every spelling listed, for connect_genes_aliases()), terminated by NULL.
 * Keep them unambiguous once folded: a key may belong to one canonical
 * symbol only (checked when the table is built). */
static const char * const gene_table[][8] = {
  /* Receptor tyrosine kinases */
  { "ERBB2", "HER2", "HER-2", "NEU", "HER2/neu", "CD340", NULL },
  { "EGFR", "HER1", "ERBB1", "ERBB", NULL },
  { "ERBB3", "HER3", NULL },
  { "ERBB4", "HER4", NULL },
  { "ALK", "CD246", NULL },
  { "ROS1", "ROS", NULL },
  { "RET", NULL },
  { "MET", "c-MET", "HGFR", NULL },
  { "KIT", "CD117", "c-KIT", NULL },
  { "PDGFRA", "CD140a", NULL },
  { "FGFR1", "CD331", NULL },
  { "FGFR2", "CD332", NULL },
  { "FGFR3", "CD333", NULL },
  { "FGFR4", "CD334", NULL },
  { "NTRK1", "TRKA", "TRK-A", NULL },
  { "NTRK2", "TRKB", "TRK-B", NULL },
  { "NTRK3", "TRKC", "TRK-C", NULL },
  /* MAPK pathway */
  { "BRAF", "B-RAF", NULL },
  { "KRAS", "K-RAS", NULL },
  { "NRAS", "N-RAS", NULL },
  { "HRAS", "H-RAS", NULL },
  { "MAP2K1", "MEK1", NULL },
  { "MAP2K2", "MEK2", NULL },
  { "NF1", NULL },
  /* PI3K/AKT/mTOR */
  { "PIK3CA", "p110α", "p110alpha", "p110a", NULL },
  { "AKT1", NULL },
  { "PTEN", NULL },
  { "MTOR", "FRAP1", NULL },
  { "TSC1", NULL },
  { "TSC2", NULL },
  /* Cell cycle */
  { "CDKN2A", "p16", "p16INK4a", "INK4A", NULL },
  { "CDK4", NULL },
  { "CDK6", NULL },
  { "CCND1", "cyclin D1", NULL },
  /* Hormone receptors */
  { "ESR1", "ER", "ERα", "ER alpha", NULL },
  { "PGR", "PR", NULL },
  { "AR", NULL },
  /* DNA repair */
  { "BRCA1", NULL },
  { "BRCA2", NULL },
  { "ATM", NULL },
  { "PALB2", NULL },
  { "CHEK2", NULL },
  { "RAD51C", NULL },
  { "RAD51D", NULL },
  /* Hedgehog */
  { "SMO", NULL },
  { "PTCH1", "PTCH", NULL },
  /* Metabolism, chromatin */
  { "IDH1", NULL },
  { "IDH2", NULL },
  { "EZH2", NULL },
  /* Immune */
  { "CD274", "PD-L1", "PDL1", "B7-H1", NULL },
  { "TP53", "p53", NULL },
  /* Signatures */
  { "MSI-H", "MSI high", "MSI-high", "MSI", "MMR deficient", "dMMR",
    "MMR-deficient", NULL },
  { "TMB-high", "TMB high", "TMB-H", "high TMB", "TMB", NULL },
  { "HRD", "HR deficiency", "HR deficient", "HRD positive",
    "homologous recombination deficiency", NULL },
};

/* signatures are not genes: no variant, no drug target */
static const char * const signature_table[] = { "MSI-H", "TMB-high", "HRD" };

typedef struct
{
  /* folded key → interned canonical symbol */
  GHashTable *by_key;
  /* interned canonical symbol → NULL-terminated array of interned spellings */
  GHashTable *aliases;
} GeneTable;

/* for symbols outside the table: interned upper-case → one-element list */
G_LOCK_DEFINE_STATIC (extra_aliases);
static GHashTable *extra_aliases;

static char *
fold_key (const char *symbol)
{
  g_autofree char *folded = g_utf8_casefold (symbol, -1);
  GString *key = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '-' || *p == ' ' || *p == '_' || *p == '.' || *p == '\t')
        continue;
      g_string_append_c (key, *p);
    }

  return g_string_free (key, FALSE);
}

static gpointer
build_table (gpointer data)
{
  GeneTable *table = g_new0 (GeneTable, 1);

  table->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  table->aliases = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (gsize i = 0; i < G_N_ELEMENTS (gene_table); i++)
    {
      const char *canonical = g_intern_static_string (gene_table[i][0]);
      GPtrArray *spellings = g_ptr_array_new ();

      for (gsize j = 0; j < G_N_ELEMENTS (gene_table[i]) && gene_table[i][j] != NULL; j++)
        {
          char *key = fold_key (gene_table[i][j]);
          const char *owner = g_hash_table_lookup (table->by_key, key);

          /* "HER2" and "HER-2" fold alike: fine within one symbol only */
          g_assert (owner == NULL || owner == canonical);
          g_hash_table_insert (table->by_key, key, (gpointer) canonical);
          g_ptr_array_add (spellings,
                           (gpointer) g_intern_static_string (gene_table[i][j]));
        }

      g_ptr_array_add (spellings, NULL);
      g_hash_table_insert (table->aliases, (gpointer) canonical,
                           g_ptr_array_free (spellings, FALSE));
    }

  return table;
}

static GeneTable *
get_table (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_table, NULL);

  return once.retval;
}

static const char *
strip (const char *symbol,
       char      **out_copy)
{
  *out_copy = g_strstrip (g_strdup (symbol));
  return *out_copy;
}

/**
 * connect_genes_lookup:
 * @symbol: a gene symbol, alias or signature as a person wrote it
 *
 * Like connect_genes_canonical() but only for spellings in the curated
 * table.
 *
 * Returns: (nullable): the interned canonical symbol, or %NULL when
 *   @symbol is not in the table
 */
const char *
connect_genes_lookup (const char *symbol)
{
  g_autofree char *copy = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (symbol != NULL, NULL);

  key = fold_key (strip (symbol, &copy));
  if (key[0] == '\0')
    return NULL;

  return g_hash_table_lookup (get_table ()->by_key, key);
}

const char *
connect_genes_canonical (const char *symbol)
{
  g_autofree char *copy = NULL;
  g_autofree char *upper = NULL;
  const char *known;

  g_return_val_if_fail (symbol != NULL, NULL);

  known = connect_genes_lookup (symbol);
  if (known != NULL)
    return known;

  strip (symbol, &copy);
  if (copy[0] == '\0')
    return NULL;

  upper = g_utf8_strup (copy, -1);

  return g_intern_string (upper);
}

const char * const *
connect_genes_aliases (const char *canonical)
{
  const char *symbol;
  const char * const *list;

  g_return_val_if_fail (canonical != NULL, NULL);

  symbol = connect_genes_canonical (canonical);
  if (symbol == NULL)
    return NULL;

  list = g_hash_table_lookup (get_table ()->aliases, symbol);
  if (list != NULL)
    return list;

  G_LOCK (extra_aliases);
  if (extra_aliases == NULL)
    extra_aliases = g_hash_table_new (g_direct_hash, g_direct_equal);
  list = g_hash_table_lookup (extra_aliases, symbol);
  if (list == NULL)
    {
      const char **one = g_new0 (const char *, 2);

      one[0] = symbol;
      g_hash_table_insert (extra_aliases, (gpointer) symbol, one);
      list = (const char * const *) one;
    }
  G_UNLOCK (extra_aliases);

  return list;
}

/**
 * connect_genes_is_signature:
 * @symbol: a symbol or alias
 *
 * Returns: %TRUE when @symbol names a biomarker signature (MSI-H,
 *   TMB-high, HRD) rather than a gene
 */
gboolean
connect_genes_is_signature (const char *symbol)
{
  const char *canonical;

  g_return_val_if_fail (symbol != NULL, FALSE);

  canonical = connect_genes_lookup (symbol);
  if (canonical == NULL)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (signature_table); i++)
    if (strcmp (canonical, signature_table[i]) == 0)
      return TRUE;

  return FALSE;
}
