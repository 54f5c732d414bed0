/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-genes.h: gene symbols, their aliases and biomarker signatures as
 * clinicians write them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The canonical symbol for what a person wrote, case-insensitively:
 * "HER2" → "ERBB2", "her-2" → "ERBB2", "braf" → "BRAF", "MSI high" /
 * "MSI-high" / "msi-h" → "MSI-H", "TMB high" → "TMB-high", "PD-L1" →
 * "CD274". Unknown symbols come back upper-cased. Interned; never NULL for
 * non-empty input. */
const char         *connect_genes_canonical (const char *symbol);

/* Every known spelling of @canonical (itself first), NULL-terminated; a
 * one-element list for symbols without aliases. Interned. */
const char * const *connect_genes_aliases   (const char *canonical);

/* The canonical symbol when @symbol is a spelling in the curated table,
 * else NULL (connect_genes_canonical() upper-cases unknown symbols
 * instead). Interned. */
const char         *connect_genes_lookup    (const char *symbol);

/* TRUE when @symbol (any spelling) names a biomarker signature — MSI-H,
 * TMB-high, HRD — rather than a gene. */
gboolean            connect_genes_is_signature (const char *symbol);

G_END_DECLS
