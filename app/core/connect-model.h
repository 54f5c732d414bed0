/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-model.h: the entities of feed format version 1.
 *
 * Every entity is an immutable GObject built by the feed parser; all
 * properties are read-only. Optional strings are %NULL when absent, optional
 * dates are %NULL when absent, optional counts are -1 when absent (for
 * `with_benefit` also when null, "not disclosed").
 */
#pragma once

#include <gio/gio.h>

#include "connect-enums-types.h"
#include "connect-enums.h"

G_BEGIN_DECLS

/* ConnectEntity: the abstract base of every entity. */

#define CONNECT_TYPE_ENTITY (connect_entity_get_type ())
G_DECLARE_DERIVABLE_TYPE (ConnectEntity, connect_entity, CONNECT, ENTITY, GObject)

struct _ConnectEntityClass
{
  GObjectClass parent_class;

  ConnectEntityKind kind;
};

const char        *connect_entity_get_id    (ConnectEntity *self);
guint              connect_entity_get_index (ConnectEntity *self);
ConnectEntityKind  connect_entity_get_kind  (ConnectEntity *self);

/* Trial */

#define CONNECT_TYPE_TRIAL (connect_trial_get_type ())
G_DECLARE_FINAL_TYPE (ConnectTrial, connect_trial, CONNECT, TRIAL, ConnectEntity)

const char         *connect_trial_get_name                  (ConnectTrial *self);
const char         *connect_trial_get_title                 (ConnectTrial *self);
const char         *connect_trial_get_nct                   (ConnectTrial *self);
const char         *connect_trial_get_eudract               (ConnectTrial *self);
const char         *connect_trial_get_sponsor               (ConnectTrial *self);
ConnectTrialStatus  connect_trial_get_status                (ConnectTrial *self);
const char         *connect_trial_get_url                   (ConnectTrial *self);
const GDate        *connect_trial_get_started               (ConnectTrial *self);
gboolean            connect_trial_has_design                (ConnectTrial *self);
gint64              connect_trial_get_stage1_patients       (ConnectTrial *self);
gint64              connect_trial_get_stage1_min_benefit    (ConnectTrial *self);
gint64              connect_trial_get_stage2_patients       (ConnectTrial *self);
gint64              connect_trial_get_expansion_min_benefit (ConnectTrial *self);
gint64              connect_trial_get_evaluation_week       (ConnectTrial *self);

/* Partner */

#define CONNECT_TYPE_PARTNER (connect_partner_get_type ())
G_DECLARE_FINAL_TYPE (ConnectPartner, connect_partner, CONNECT, PARTNER, ConnectEntity)

const char         *connect_partner_get_name       (ConnectPartner *self);
ConnectPartnerKind  connect_partner_get_kind       (ConnectPartner *self);
ConnectMembership   connect_partner_get_membership (ConnectPartner *self);
const GDate        *connect_partner_get_joined     (ConnectPartner *self);
const char         *connect_partner_get_country    (ConnectPartner *self);
const char         *connect_partner_get_url        (ConnectPartner *self);

/* Site */

#define CONNECT_TYPE_SITE (connect_site_get_type ())
G_DECLARE_FINAL_TYPE (ConnectSite, connect_site, CONNECT, SITE, ConnectEntity)

const char    *connect_site_get_name       (ConnectSite *self);
const char    *connect_site_get_partner    (ConnectSite *self);
const char    *connect_site_get_city       (ConnectSite *self);
ConnectRegion  connect_site_get_region     (ConnectSite *self);
/* -1 absent, 0 false, 1 true */
int            connect_site_get_recruiting (ConnectSite *self);

/* Drug */

#define CONNECT_TYPE_DRUG (connect_drug_get_type ())
G_DECLARE_FINAL_TYPE (ConnectDrug, connect_drug, CONNECT, DRUG, ConnectEntity)

const char         *connect_drug_get_name     (ConnectDrug *self);
const char * const *connect_drug_get_brands   (ConnectDrug *self);
const char         *connect_drug_get_supplier (ConnectDrug *self);
const char * const *connect_drug_get_targets  (ConnectDrug *self);
const char         *connect_drug_get_atc      (ConnectDrug *self);

/* Cohort */

#define CONNECT_TYPE_COHORT (connect_cohort_get_type ())
G_DECLARE_FINAL_TYPE (ConnectCohort, connect_cohort, CONNECT, COHORT, ConnectEntity)

const char          *connect_cohort_get_trial            (ConnectCohort *self);
const char          *connect_cohort_get_name             (ConnectCohort *self);
const char * const  *connect_cohort_get_drugs            (ConnectCohort *self);
const char          *connect_cohort_get_tumor_name       (ConnectCohort *self);
const char          *connect_cohort_get_tumor_code       (ConnectCohort *self);
gboolean             connect_cohort_get_tumor_agnostic   (ConnectCohort *self);
const char * const  *connect_cohort_get_genes            (ConnectCohort *self);
ConnectAlteration    connect_cohort_get_alteration       (ConnectCohort *self);
const char          *connect_cohort_get_variant          (ConnectCohort *self);
const char          *connect_cohort_get_biomarker_description (ConnectCohort *self);
ConnectCohortStatus  connect_cohort_get_status           (ConnectCohort *self);
ConnectCohortStage   connect_cohort_get_stage            (ConnectCohort *self);
ConnectOutcome       connect_cohort_get_outcome          (ConnectCohort *self);
gint64               connect_cohort_get_enrolled         (ConnectCohort *self);
gint64               connect_cohort_get_target           (ConnectCohort *self);
gint64               connect_cohort_get_evaluable        (ConnectCohort *self);
gint64               connect_cohort_get_with_benefit     (ConnectCohort *self);
const char * const  *connect_cohort_get_sites            (ConnectCohort *self);
const GDate         *connect_cohort_get_opened           (ConnectCohort *self);
const GDate         *connect_cohort_get_closed           (ConnectCohort *self);
const GDate         *connect_cohort_get_status_changed   (ConnectCohort *self);
const char          *connect_cohort_get_contact          (ConnectCohort *self);
const char          *connect_cohort_get_notes            (ConnectCohort *self);
GDateTime           *connect_cohort_get_updated          (ConnectCohort *self);

/* Commitment */

#define CONNECT_TYPE_COMMITMENT (connect_commitment_get_type ())
G_DECLARE_FINAL_TYPE (ConnectCommitment, connect_commitment, CONNECT, COMMITMENT, ConnectEntity)

const char             *connect_commitment_get_partner     (ConnectCommitment *self);
const char             *connect_commitment_get_drug        (ConnectCommitment *self);
const char             *connect_commitment_get_trial       (ConnectCommitment *self);
const char * const     *connect_commitment_get_cohorts     (ConnectCommitment *self);
ConnectCommitmentKind   connect_commitment_get_kind        (ConnectCommitment *self);
gint64                  connect_commitment_get_slots       (ConnectCommitment *self);
gint64                  connect_commitment_get_used        (ConnectCommitment *self);
gint64                  connect_commitment_get_reserved    (ConnectCommitment *self);
ConnectPayer            connect_commitment_get_payer_after_week16 (ConnectCommitment *self);
const GDate            *connect_commitment_get_valid_from  (ConnectCommitment *self);
const GDate            *connect_commitment_get_valid_until (ConnectCommitment *self);
ConnectCommitmentState  connect_commitment_get_state       (ConnectCommitment *self);
const char             *connect_commitment_get_announced   (ConnectCommitment *self);
const char             *connect_commitment_get_notes       (ConnectCommitment *self);

/* Snapshot (no id) */

#define CONNECT_TYPE_SNAPSHOT (connect_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (ConnectSnapshot, connect_snapshot, CONNECT, SNAPSHOT, ConnectEntity)

const char  *connect_snapshot_get_trial           (ConnectSnapshot *self);
const GDate *connect_snapshot_get_as_of           (ConnectSnapshot *self);
gint64       connect_snapshot_get_screened        (ConnectSnapshot *self);
gint64       connect_snapshot_get_discussed       (ConnectSnapshot *self);
gint64       connect_snapshot_get_offered         (ConnectSnapshot *self);
gint64       connect_snapshot_get_started         (ConnectSnapshot *self);
gint64       connect_snapshot_get_evaluable       (ConnectSnapshot *self);
gint64       connect_snapshot_get_disease_control (ConnectSnapshot *self);

/* Event (no id) */

#define CONNECT_TYPE_EVENT (connect_event_get_type ())
G_DECLARE_FINAL_TYPE (ConnectEvent, connect_event, CONNECT, EVENT, ConnectEntity)

const char          *connect_event_get_cohort (ConnectEvent *self);
GDateTime           *connect_event_get_at     (ConnectEvent *self);
ConnectCohortStatus  connect_event_get_to     (ConnectEvent *self);
ConnectCohortStatus  connect_event_get_from   (ConnectEvent *self);
ConnectCohortStage   connect_event_get_stage  (ConnectEvent *self);
const char          *connect_event_get_reason (ConnectEvent *self);

/* Enum names as written in the feed ("open", "south-east", "RECRUITING",
 * "1"), or NULL for NONE/UNKNOWN; and translated labels for display
 * ("Open", "South-East", "Recruiting", "Stage 1", "Unknown"). */
const char *connect_enum_to_feed_string (GType enum_type,
                                         int   value);
int         connect_enum_from_feed_string (GType       enum_type,
                                           const char *str);
const char *connect_enum_to_label       (GType enum_type,
                                         int   value);

G_END_DECLS
