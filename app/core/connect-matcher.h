/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-matcher.h: which cohorts fit a patient (DESIGN.md, "Matching").
 *
 * Input, as a clinician writes it: a tumour (name or OncoTree code) and one
 * or more alterations such as "BRAF V600E", "HER2 amplification",
 * "NTRK1 fusion", "EGFR exon 20 insertion", "MSI-H", "TMB-high".
 *
 * Parsing an alteration (connect_match_alteration_parse()):
 * - the gene comes first: the longest run of leading words that is a known
 *   spelling in the alias table ("MSI high", "high TMB", "HR deficiency"),
 *   else the first word, which must look like a gene symbol; it is made
 *   canonical with connect_genes_canonical() (HER2 → ERBB2);
 * - then, in any order, at most one variant and at most one alteration
 *   type. Variants are protein changes ("V600E", "p.V600E", "V600", "G12C",
 *   "E746_A750del", upper-cased; the three-letter code of reports,
 *   "p.Val600Glu", "p.(Gly12Cys)", is turned into one-letter code) or exon
 *   changes ("exon 20 insertion",
 *   "exon 19 deletion", "exon 14 skipping", "exon 11", also written
 *   "ex20ins", "ex19del"), normalised to "exon N" plus "insertion",
 *   "deletion", "skipping", "duplication" or "indel". Alteration types are
 *   mutation (mutated, mutant, mut), amplification (amplified, amp, gain),
 *   fusion (rearrangement, rearranged, translocation), deletion (deleted,
 *   homozygous deletion), loss, expression (overexpression, positive,
 *   high, "HER2+"); words such as germline, somatic, homozygous,
 *   activating, pathogenic are ignored;
 * - a variant implies a mutation; a variant with another type is an error;
 * - a signature (MSI-H, TMB-high, HRD) with no type given stays without a
 *   type, so it fits a cohort whatever alteration type the cohort names.
 *
 * Fitting (all rules of DESIGN.md):
 * - a cohort's biomarker fits an alteration when one of its genes (made
 *   canonical too) is the alteration's gene, the alteration types are equal
 *   where both name one, and the cohort's variant is a prefix of the
 *   patient's where both name one (ignoring case; "V600" covers "V600E",
 *   "V600E" does not cover "V600K"). A prefix must end at a boundary: it
 *   may not end between two digits, so "exon 2" does not cover
 *   "exon 20 insertion" and "G12" does not cover "G121S";
 * - its tumour fits when it is agnostic, or the OncoTree codes are equal
 *   (ignoring case), or the names are equal ignoring case (and runs of
 *   white space);
 * - a cohort fits when its tumour fits and its biomarker fits any
 *   alteration.
 *
 * Results, best first (each cohort at most once), each with a translated
 * plain-language reason built from the data ("Open — stage 2, 10 of 24
 * places left, 17 hospitals", "Not open yet — planned", "Closed 2024: no
 * benefit in 8 patients", counting evaluable patients, else enrolled):
 * 1. CONNECT_MATCH_KIND_OPEN: fitting open cohorts, most places left first.
 *    Places left = target − enrolled (not below 0) when both are known;
 *    otherwise, from the commitments of the cohort
 *    (connect_feed_get_cohort_commitments()): for each drug of the cohort
 *    the remaining slots (slots − used − reserved, not below 0) of its
 *    commitments are added up, and the smallest sum over the drugs that
 *    have a commitment is the places left (a combination needs every
 *    drug); otherwise unknown. Unknown comes after every known count; ties
 *    keep feed order.
 * 2. CONNECT_MATCH_KIND_NOT_OPEN: fitting cohorts that are planned, then
 *    evaluating, then suspended; ties keep feed order.
 * 3. CONNECT_MATCH_KIND_NEW_COHORT_CANDIDATE: for each drug whose targets
 *    include an alteration's gene and that no fitting cohort (of any
 *    status) uses, one result per trial with status RECRUITING that uses
 *    the drug in one of its cohorts or commitments; ordered by the
 *    alterations as given, then the drugs in feed order, then the trials in
 *    feed order. A drug in a fitting closed-no-benefit cohort is therefore
 *    never a candidate. The reason names the drug and the gene.
 * 4. CONNECT_MATCH_KIND_CLOSED_NO_BENEFIT: fitting cohorts closed with
 *    outcome no-benefit, most recently closed first, then feed order.
 * Fitting cohorts with any other status or outcome (closed with benefit,
 * unknown status) are not listed, but their drugs are not candidates
 * either.
 */
#pragma once

#include <gio/gio.h>

#include "connect-feed.h"

G_BEGIN_DECLS

#define CONNECT_MATCH_ERROR (connect_match_error_quark ())
GQuark connect_match_error_quark (void);

/* ConnectMatchAlteration: one parsed alteration. */

#define CONNECT_TYPE_MATCH_ALTERATION (connect_match_alteration_get_type ())

/**
 * ConnectMatchAlteration:
 * @text: what was written, trimmed
 * @gene: the canonical gene or signature (interned)
 * @alteration: the type, or %CONNECT_ALTERATION_NONE when not given
 * @variant: (nullable): the normalised variant, or %NULL when not given
 */
typedef struct
{
  char              *text;
  const char        *gene;
  ConnectAlteration  alteration;
  char              *variant;
} ConnectMatchAlteration;

GType                   connect_match_alteration_get_type (void) G_GNUC_CONST;
ConnectMatchAlteration *connect_match_alteration_parse    (const char                   *text,
                                                           GError                      **error);
ConnectMatchAlteration *connect_match_alteration_copy     (const ConnectMatchAlteration *self);
void                    connect_match_alteration_free     (ConnectMatchAlteration       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectMatchAlteration, connect_match_alteration_free)

/* ConnectMatchResult: one row of the answer. */

#define CONNECT_TYPE_MATCH_RESULT (connect_match_result_get_type ())
G_DECLARE_FINAL_TYPE (ConnectMatchResult, connect_match_result, CONNECT, MATCH_RESULT, GObject)

ConnectMatchKind    connect_match_result_get_kind        (ConnectMatchResult *self);
/* (nullable) (transfer none): NULL for a new-cohort candidate */
ConnectCohort      *connect_match_result_get_cohort      (ConnectMatchResult *self);
const char         *connect_match_result_get_trial       (ConnectMatchResult *self);
const char * const *connect_match_result_get_drugs       (ConnectMatchResult *self);
/* places left (open cohorts), or -1 when unknown or not open */
gint64              connect_match_result_get_places_left (ConnectMatchResult *self);
/* plain-language, translated: "Open — stage 2, 10 of 24 places left, …" */
const char         *connect_match_result_get_reason      (ConnectMatchResult *self);

/* ConnectMatcher: the index of one feed, queried many times. */

#define CONNECT_TYPE_MATCHER (connect_matcher_get_type ())
G_DECLARE_FINAL_TYPE (ConnectMatcher, connect_matcher, CONNECT, MATCHER, GObject)

ConnectMatcher *connect_matcher_new        (ConnectFeed                          *feed);
ConnectFeed    *connect_matcher_get_feed   (ConnectMatcher                       *self);
GListModel     *connect_matcher_match      (ConnectMatcher                       *self,
                                            const char                           *tumor,
                                            const ConnectMatchAlteration * const *alterations,
                                            guint                                 n_alterations,
                                            GError                              **error);
GListModel     *connect_matcher_match_text (ConnectMatcher                       *self,
                                            const char                           *tumor,
                                            const char * const                   *alterations,
                                            GError                              **error);

G_END_DECLS
