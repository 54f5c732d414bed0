/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-model-private.h: the instance structs of the entities, filled in
 * directly by the feed parser, and the string arena they share. */
#pragma once

#include "connect-model.h"

G_BEGIN_DECLS

/* A per-feed arena for strings and string arrays. Built by one thread
 * (the parser), then read-only; every entity of the feed holds a
 * reference, so strings stay valid as long as any entity lives. */
typedef struct _ConnectArena ConnectArena;

ConnectArena  *_connect_arena_new      (void);
ConnectArena  *_connect_arena_ref      (ConnectArena *self);
void           _connect_arena_unref    (ConnectArena *self);
/* Frees the table of interned strings once parsing is done. */
void           _connect_arena_seal     (ConnectArena *self);
gpointer       _connect_arena_alloc    (ConnectArena *self,
                                        gsize         size);
const char    *_connect_arena_strdup   (ConnectArena *self,
                                        const char   *str);
/* Stores each distinct string once (until sealed). */
const char    *_connect_arena_intern   (ConnectArena *self,
                                        const char   *str);
/* An array of @n + 1 pointers, the last one %NULL. */
const char   **_connect_arena_new_strv (ConnectArena *self,
                                        guint         n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConnectArena, _connect_arena_unref)

void           _connect_entity_setup   (ConnectEntity *self,
                                        ConnectArena  *arena,
                                        const char    *id,
                                        guint          index);

char          *_connect_enum_list_feed_strings (GType enum_type);

/* Counts are stored as gint32, -1 when absent; enums as guint8; GDates
 * are invalid (all zero) when absent; string arrays may be %NULL when
 * absent (getters return an empty array). */

struct _ConnectTrial
{
  ConnectEntity parent_instance;

  const char *name;
  const char *title;
  const char *nct;
  const char *eudract;
  const char *sponsor;
  const char *url;
  GDate started;
  gint32 stage1_patients;
  gint32 stage1_min_benefit;
  gint32 stage2_patients;
  gint32 expansion_min_benefit;
  gint32 evaluation_week;
  guint8 status;
  guint8 has_design;
};

struct _ConnectPartner
{
  ConnectEntity parent_instance;

  const char *name;
  const char *country;
  const char *url;
  GDate joined;
  guint8 kind;
  guint8 membership;
};

struct _ConnectSite
{
  ConnectEntity parent_instance;

  const char *name;
  const char *partner;
  const char *city;
  guint8 region;
  gint8 recruiting;
};

struct _ConnectDrug
{
  ConnectEntity parent_instance;

  const char *name;
  const char * const *brands;
  const char *supplier;
  const char * const *targets;
  const char *atc;
};

struct _ConnectCohort
{
  ConnectEntity parent_instance;

  const char *trial;
  const char *name;
  const char * const *drugs;
  const char *tumor_name;
  const char *tumor_code;
  const char * const *genes;
  const char *variant;
  const char *biomarker_description;
  const char * const *sites;
  const char *contact;
  const char *notes;
  GDateTime *updated;
  GDate opened;
  GDate closed;
  GDate status_changed;
  gint32 enrolled;
  gint32 target;
  gint32 evaluable;
  gint32 with_benefit;
  guint8 tumor_agnostic;
  guint8 alteration;
  guint8 status;
  guint8 stage;
  guint8 outcome;
};

struct _ConnectCommitment
{
  ConnectEntity parent_instance;

  const char *partner;
  const char *drug;
  const char *trial;
  const char * const *cohorts;
  const char *announced;
  const char *notes;
  GDate valid_from;
  GDate valid_until;
  gint32 slots;
  gint32 used;
  gint32 reserved;
  guint8 kind;
  guint8 payer_after_week16;
  guint8 state;
};

struct _ConnectSnapshot
{
  ConnectEntity parent_instance;

  const char *trial;
  GDate as_of;
  gint32 screened;
  gint32 discussed;
  gint32 offered;
  gint32 started;
  gint32 evaluable;
  gint32 disease_control;
};

struct _ConnectEvent
{
  ConnectEntity parent_instance;

  const char *cohort;
  GDateTime *at;
  const char *reason;
  guint8 to;
  guint8 from;
  guint8 stage;
};

G_END_DECLS
