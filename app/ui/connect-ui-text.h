/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-ui-text.h: how the views word a cohort (labels, keys, classes). */
#pragma once

#include <gio/gio.h>

#include "connect-feed.h"

G_BEGIN_DECLS

char       *connect_ui_strip_mnemonic      (const char          *text);
/* Feed text as a label shows it: at most CONNECT_UI_TEXT_MAX_CHARS
 * characters, then "…" (GTK lays out a megabyte label for seconds); NULL
 * for NULL. Copy the feed's own text, not this. */
#define CONNECT_UI_TEXT_MAX_CHARS 1000
char       *connect_ui_display_text        (const char          *text);
/* The same with another limit; @cut (nullable) tells whether it cut. A
 * cohort's notes may be longer than a name: CONNECT_UI_NOTES_MAX_CHARS. */
#define CONNECT_UI_NOTES_MAX_CHARS 2000
char       *connect_ui_display_text_max    (const char          *text,
                                            guint                max_chars,
                                            gboolean            *cut);
/* "dabrafenib (Tafinlar)" */
char       *connect_ui_drug_label          (ConnectDrug         *drug);
/* "BRAF V600E", "ERBB2 amplification", "NTRK1/NTRK2/NTRK3 fusion" */
char       *connect_ui_biomarker_label     (ConnectCohort       *cohort);
/* "dabrafenib (Tafinlar) + trametinib (Mekinist)"; ids of drugs the feed
 * does not have are shown as they are. */
char       *connect_ui_cohort_drugs_label  (ConnectFeed         *feed,
                                            ConnectCohort       *cohort);
/* target − enrolled, not below 0; -1 when either is unknown. */
gint64      connect_ui_cohort_slots_left   (ConnectCohort       *cohort);
/* "Open · Stage 1", "Closed · No benefit" */
char       *connect_ui_status_label        (ConnectCohort       *cohort);
/* "status-open", ...; never NULL */
const char *connect_ui_status_css_class    (ConnectCohortStatus  status);
/* Open first, then evaluating, planned, suspended, closed, unknown; the
 * stage breaks ties. */
int         connect_ui_status_rank         (ConnectCohort       *cohort);
/* "5 of 8 enrolled", "5 enrolled", "Enrolment not given" */
char       *connect_ui_enrolled_accessible (gint64               enrolled,
                                            gint64               target);
/* Compares ids with runs of digits as numbers: IMP-2 < IMP-10. */
int         connect_ui_natural_compare     (const char          *a,
                                            const char          *b);
/* A date as "3 March 2025" (translated), or NULL. */
char       *connect_ui_format_date         (const GDate         *date);

G_END_DECLS
