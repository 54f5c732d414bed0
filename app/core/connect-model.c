/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-model.c: the entity GObjects of feed format version 1.
 *
 * Entities are built by the feed parser (connect-feed.c), which fills the
 * instance structs of connect-model-private.h directly. Strings live in a
 * per-feed arena shared by every entity of that feed, so repeated values
 * (ids of trials, drugs and sites, gene symbols, tumour names) are stored
 * once and an entity costs little more than its struct.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "connect-model-private.h"

static const char * const empty_strv[] = { NULL };

/* ConnectArena */

#define ARENA_BLOCK_SIZE (64 * 1024 - 64)

typedef struct _ArenaBlock ArenaBlock;

struct _ArenaBlock
{
  ArenaBlock *next;
  gsize       size;
  /* the data follows, 16-byte aligned */
};

#define ARENA_BLOCK_HEADER (sizeof (ArenaBlock) + (16 - sizeof (ArenaBlock) % 16) % 16)

struct _ConnectArena
{
  gatomicrefcount  ref_count;
  ArenaBlock      *blocks;
  char            *pos;
  gsize            left;
  GHashTable      *interned;
};

ConnectArena *
_connect_arena_new (void)
{
  ConnectArena *self = g_new0 (ConnectArena, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->interned = g_hash_table_new (g_str_hash, g_str_equal);

  return self;
}

ConnectArena *
_connect_arena_ref (ConnectArena *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
_connect_arena_unref (ConnectArena *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->interned, g_hash_table_unref);

  while (self->blocks != NULL)
    {
      ArenaBlock *next = self->blocks->next;

      g_free (self->blocks);
      self->blocks = next;
    }

  g_free (self);
}

void
_connect_arena_seal (ConnectArena *self)
{
  g_clear_pointer (&self->interned, g_hash_table_unref);
}

gpointer
_connect_arena_alloc (ConnectArena *self,
                      gsize         size)
{
  ArenaBlock *block;
  gsize pad;
  char *ret;

  size = (size + 7) & ~(gsize) 7;
  pad = (8 - (GPOINTER_TO_SIZE (self->pos) & 7)) & 7;

  if (pad + size <= self->left)
    {
      ret = self->pos + pad;
      self->pos += pad + size;
      self->left -= pad + size;
      return ret;
    }

  if (size > ARENA_BLOCK_SIZE / 4)
    {
      /* A large request gets a block of its own behind the current one,
       * so the rest of the current block stays in use. */
      block = g_malloc (ARENA_BLOCK_HEADER + size);
      block->size = size;
      if (self->blocks != NULL)
        {
          block->next = self->blocks->next;
          self->blocks->next = block;
        }
      else
        {
          block->next = NULL;
          self->blocks = block;
        }
      return (char *) block + ARENA_BLOCK_HEADER;
    }

  block = g_malloc (ARENA_BLOCK_HEADER + ARENA_BLOCK_SIZE);
  block->size = ARENA_BLOCK_SIZE;
  block->next = self->blocks;
  self->blocks = block;
  self->pos = (char *) block + ARENA_BLOCK_HEADER + size;
  self->left = ARENA_BLOCK_SIZE - size;

  return (char *) block + ARENA_BLOCK_HEADER;
}

const char *
_connect_arena_strdup (ConnectArena *self,
                       const char   *str)
{
  gsize len;
  char *copy;

  if (str == NULL)
    return NULL;

  len = strlen (str);

  /* strings need no alignment: take the bytes unrounded when they fit */
  if (len + 1 <= self->left)
    {
      copy = self->pos;
      self->pos += len + 1;
      self->left -= len + 1;
    }
  else
    {
      copy = _connect_arena_alloc (self, len + 1);
    }

  memcpy (copy, str, len + 1);

  return copy;
}

const char *
_connect_arena_intern (ConnectArena *self,
                       const char   *str)
{
  const char *copy;

  if (str == NULL)
    return NULL;

  g_assert (self->interned != NULL);

  copy = g_hash_table_lookup (self->interned, str);
  if (copy != NULL)
    return copy;

  copy = _connect_arena_strdup (self, str);
  g_hash_table_add (self->interned, (gpointer) copy);

  return copy;
}

const char **
_connect_arena_new_strv (ConnectArena *self,
                         guint         n)
{
  const char **strv = _connect_arena_alloc (self, sizeof (char *) * (n + 1));

  strv[n] = NULL;

  return strv;
}

/* ConnectEntity */

typedef struct
{
  const char   *id;
  ConnectArena *arena;
  guint         index;
} ConnectEntityPrivate;

enum {
  ENTITY_PROP_0,
  ENTITY_PROP_ID,
  ENTITY_PROP_INDEX,
  ENTITY_PROP_ENTITY_KIND,
  ENTITY_N_PROPS
};

static GParamSpec *entity_properties[ENTITY_N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ConnectEntity, connect_entity, G_TYPE_OBJECT)

static void
connect_entity_finalize (GObject *object)
{
  ConnectEntity *self = (ConnectEntity *) object;
  ConnectEntityPrivate *priv = connect_entity_get_instance_private (self);

  g_clear_pointer (&priv->arena, _connect_arena_unref);

  G_OBJECT_CLASS (connect_entity_parent_class)->finalize (object);
}

static void
connect_entity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ConnectEntity *self = CONNECT_ENTITY (object);
  ConnectEntityPrivate *priv = connect_entity_get_instance_private (self);

  switch (prop_id)
    {
    case ENTITY_PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    case ENTITY_PROP_INDEX:
      g_value_set_uint (value, priv->index);
      break;

    case ENTITY_PROP_ENTITY_KIND:
      g_value_set_enum (value, CONNECT_ENTITY_GET_CLASS (self)->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_entity_class_init (ConnectEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = connect_entity_finalize;
  object_class->get_property = connect_entity_get_property;

  klass->kind = CONNECT_ENTITY_KIND_FEED;

  /**
   * ConnectEntity:id:
   *
   * The id of the entity, unique within its kind; %NULL for snapshots and
   * events, which have none.
   */
  entity_properties[ENTITY_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ConnectEntity:index:
   *
   * The position of the entity in its array of the feed.
   */
  entity_properties[ENTITY_PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ConnectEntity:entity-kind:
   *
   * The kind of entity (named so it does not clash with the `kind` of
   * partners and commitments).
   */
  entity_properties[ENTITY_PROP_ENTITY_KIND] =
    g_param_spec_enum ("entity-kind", NULL, NULL,
                       CONNECT_TYPE_ENTITY_KIND, CONNECT_ENTITY_KIND_FEED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ENTITY_N_PROPS, entity_properties);
}

static void
connect_entity_init (ConnectEntity *self)
{
}

void
_connect_entity_setup (ConnectEntity *self,
                       ConnectArena  *arena,
                       const char    *id,
                       guint          index)
{
  ConnectEntityPrivate *priv = connect_entity_get_instance_private (self);

  g_assert (priv->arena == NULL);

  priv->arena = _connect_arena_ref (arena);
  priv->id = id;
  priv->index = index;
}

/**
 * connect_entity_get_id:
 *
 * Returns: (nullable): the id, or %NULL for snapshots and events
 */
const char *
connect_entity_get_id (ConnectEntity *self)
{
  ConnectEntityPrivate *priv;

  g_return_val_if_fail (CONNECT_IS_ENTITY (self), NULL);

  priv = connect_entity_get_instance_private (self);

  return priv->id;
}

/**
 * connect_entity_get_index:
 *
 * Returns: the position of the entity in its array of the feed
 */
guint
connect_entity_get_index (ConnectEntity *self)
{
  ConnectEntityPrivate *priv;

  g_return_val_if_fail (CONNECT_IS_ENTITY (self), 0);

  priv = connect_entity_get_instance_private (self);

  return priv->index;
}

ConnectEntityKind
connect_entity_get_kind (ConnectEntity *self)
{
  g_return_val_if_fail (CONNECT_IS_ENTITY (self), CONNECT_ENTITY_KIND_FEED);

  return CONNECT_ENTITY_GET_CLASS (self)->kind;
}

/* ConnectTrial */

enum {
  TRIAL_PROP_0,
  TRIAL_PROP_NAME,
  TRIAL_PROP_TITLE,
  TRIAL_PROP_NCT,
  TRIAL_PROP_EUDRACT,
  TRIAL_PROP_SPONSOR,
  TRIAL_PROP_STATUS,
  TRIAL_PROP_URL,
  TRIAL_PROP_STARTED,
  TRIAL_PROP_HAS_DESIGN,
  TRIAL_PROP_STAGE1_PATIENTS,
  TRIAL_PROP_STAGE1_MIN_BENEFIT,
  TRIAL_PROP_STAGE2_PATIENTS,
  TRIAL_PROP_EXPANSION_MIN_BENEFIT,
  TRIAL_PROP_EVALUATION_WEEK,
  TRIAL_N_PROPS
};

static GParamSpec *trial_properties[TRIAL_N_PROPS];

G_DEFINE_FINAL_TYPE (ConnectTrial, connect_trial, CONNECT_TYPE_ENTITY)

static void
connect_trial_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ConnectTrial *self = CONNECT_TRIAL (object);

  switch (prop_id)
    {
    case TRIAL_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case TRIAL_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case TRIAL_PROP_NCT:
      g_value_set_string (value, self->nct);
      break;

    case TRIAL_PROP_EUDRACT:
      g_value_set_string (value, self->eudract);
      break;

    case TRIAL_PROP_SPONSOR:
      g_value_set_string (value, self->sponsor);
      break;

    case TRIAL_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case TRIAL_PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case TRIAL_PROP_STARTED:
      g_value_set_boxed (value, connect_trial_get_started (self));
      break;

    case TRIAL_PROP_HAS_DESIGN:
      g_value_set_boolean (value, self->has_design);
      break;

    case TRIAL_PROP_STAGE1_PATIENTS:
      g_value_set_int64 (value, self->stage1_patients);
      break;

    case TRIAL_PROP_STAGE1_MIN_BENEFIT:
      g_value_set_int64 (value, self->stage1_min_benefit);
      break;

    case TRIAL_PROP_STAGE2_PATIENTS:
      g_value_set_int64 (value, self->stage2_patients);
      break;

    case TRIAL_PROP_EXPANSION_MIN_BENEFIT:
      g_value_set_int64 (value, self->expansion_min_benefit);
      break;

    case TRIAL_PROP_EVALUATION_WEEK:
      g_value_set_int64 (value, self->evaluation_week);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_trial_class_init (ConnectTrialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ConnectEntityClass *entity_class = CONNECT_ENTITY_CLASS (klass);

  object_class->get_property = connect_trial_get_property;

  entity_class->kind = CONNECT_ENTITY_KIND_TRIAL;

  trial_properties[TRIAL_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_NCT] =
    g_param_spec_string ("nct", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_EUDRACT] =
    g_param_spec_string ("eudract", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_SPONSOR] =
    g_param_spec_string ("sponsor", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CONNECT_TYPE_TRIAL_STATUS, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_STARTED] =
    g_param_spec_boxed ("started", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_HAS_DESIGN] =
    g_param_spec_boolean ("has-design", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_STAGE1_PATIENTS] =
    g_param_spec_int64 ("stage1-patients", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_STAGE1_MIN_BENEFIT] =
    g_param_spec_int64 ("stage1-min-benefit", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_STAGE2_PATIENTS] =
    g_param_spec_int64 ("stage2-patients", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_EXPANSION_MIN_BENEFIT] =
    g_param_spec_int64 ("expansion-min-benefit", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  trial_properties[TRIAL_PROP_EVALUATION_WEEK] =
    g_param_spec_int64 ("evaluation-week", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, TRIAL_N_PROPS, trial_properties);
}

static void
connect_trial_init (ConnectTrial *self)
{
  self->stage1_patients = -1;
  self->stage1_min_benefit = -1;
  self->stage2_patients = -1;
  self->expansion_min_benefit = -1;
  self->evaluation_week = -1;
}

const char *
connect_trial_get_name (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), NULL);

  return self->name;
}

const char *
connect_trial_get_title (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), NULL);

  return self->title;
}

const char *
connect_trial_get_nct (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), NULL);

  return self->nct;
}

const char *
connect_trial_get_eudract (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), NULL);

  return self->eudract;
}

const char *
connect_trial_get_sponsor (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), NULL);

  return self->sponsor;
}

ConnectTrialStatus
connect_trial_get_status (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), 0);

  return (ConnectTrialStatus) self->status;
}

const char *
connect_trial_get_url (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), NULL);

  return self->url;
}

const GDate *
connect_trial_get_started (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), NULL);

  return g_date_valid (&self->started) ? &self->started : NULL;
}

gboolean
connect_trial_has_design (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), FALSE);

  return self->has_design;
}

gint64
connect_trial_get_stage1_patients (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), -1);

  return self->stage1_patients;
}

gint64
connect_trial_get_stage1_min_benefit (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), -1);

  return self->stage1_min_benefit;
}

gint64
connect_trial_get_stage2_patients (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), -1);

  return self->stage2_patients;
}

gint64
connect_trial_get_expansion_min_benefit (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), -1);

  return self->expansion_min_benefit;
}

gint64
connect_trial_get_evaluation_week (ConnectTrial *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL (self), -1);

  return self->evaluation_week;
}

/* ConnectPartner */

enum {
  PARTNER_PROP_0,
  PARTNER_PROP_NAME,
  PARTNER_PROP_KIND,
  PARTNER_PROP_MEMBERSHIP,
  PARTNER_PROP_JOINED,
  PARTNER_PROP_COUNTRY,
  PARTNER_PROP_URL,
  PARTNER_N_PROPS
};

static GParamSpec *partner_properties[PARTNER_N_PROPS];

G_DEFINE_FINAL_TYPE (ConnectPartner, connect_partner, CONNECT_TYPE_ENTITY)

static void
connect_partner_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ConnectPartner *self = CONNECT_PARTNER (object);

  switch (prop_id)
    {
    case PARTNER_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PARTNER_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PARTNER_PROP_MEMBERSHIP:
      g_value_set_enum (value, self->membership);
      break;

    case PARTNER_PROP_JOINED:
      g_value_set_boxed (value, connect_partner_get_joined (self));
      break;

    case PARTNER_PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PARTNER_PROP_URL:
      g_value_set_string (value, self->url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_partner_class_init (ConnectPartnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ConnectEntityClass *entity_class = CONNECT_ENTITY_CLASS (klass);

  object_class->get_property = connect_partner_get_property;

  entity_class->kind = CONNECT_ENTITY_KIND_PARTNER;

  partner_properties[PARTNER_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  partner_properties[PARTNER_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CONNECT_TYPE_PARTNER_KIND, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  partner_properties[PARTNER_PROP_MEMBERSHIP] =
    g_param_spec_enum ("membership", NULL, NULL,
                       CONNECT_TYPE_MEMBERSHIP, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  partner_properties[PARTNER_PROP_JOINED] =
    g_param_spec_boxed ("joined", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  partner_properties[PARTNER_PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  partner_properties[PARTNER_PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, PARTNER_N_PROPS, partner_properties);
}

static void
connect_partner_init (ConnectPartner *self)
{
}

const char *
connect_partner_get_name (ConnectPartner *self)
{
  g_return_val_if_fail (CONNECT_IS_PARTNER (self), NULL);

  return self->name;
}

ConnectPartnerKind
connect_partner_get_kind (ConnectPartner *self)
{
  g_return_val_if_fail (CONNECT_IS_PARTNER (self), 0);

  return (ConnectPartnerKind) self->kind;
}

ConnectMembership
connect_partner_get_membership (ConnectPartner *self)
{
  g_return_val_if_fail (CONNECT_IS_PARTNER (self), 0);

  return (ConnectMembership) self->membership;
}

const GDate *
connect_partner_get_joined (ConnectPartner *self)
{
  g_return_val_if_fail (CONNECT_IS_PARTNER (self), NULL);

  return g_date_valid (&self->joined) ? &self->joined : NULL;
}

const char *
connect_partner_get_country (ConnectPartner *self)
{
  g_return_val_if_fail (CONNECT_IS_PARTNER (self), NULL);

  return self->country;
}

const char *
connect_partner_get_url (ConnectPartner *self)
{
  g_return_val_if_fail (CONNECT_IS_PARTNER (self), NULL);

  return self->url;
}

/* ConnectSite */

enum {
  SITE_PROP_0,
  SITE_PROP_NAME,
  SITE_PROP_PARTNER,
  SITE_PROP_CITY,
  SITE_PROP_REGION,
  SITE_PROP_RECRUITING,
  SITE_N_PROPS
};

static GParamSpec *site_properties[SITE_N_PROPS];

G_DEFINE_FINAL_TYPE (ConnectSite, connect_site, CONNECT_TYPE_ENTITY)

static void
connect_site_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ConnectSite *self = CONNECT_SITE (object);

  switch (prop_id)
    {
    case SITE_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case SITE_PROP_PARTNER:
      g_value_set_string (value, self->partner);
      break;

    case SITE_PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    case SITE_PROP_REGION:
      g_value_set_enum (value, self->region);
      break;

    case SITE_PROP_RECRUITING:
      g_value_set_int (value, self->recruiting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_site_class_init (ConnectSiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ConnectEntityClass *entity_class = CONNECT_ENTITY_CLASS (klass);

  object_class->get_property = connect_site_get_property;

  entity_class->kind = CONNECT_ENTITY_KIND_SITE;

  site_properties[SITE_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  site_properties[SITE_PROP_PARTNER] =
    g_param_spec_string ("partner", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  site_properties[SITE_PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  site_properties[SITE_PROP_REGION] =
    g_param_spec_enum ("region", NULL, NULL,
                       CONNECT_TYPE_REGION, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  site_properties[SITE_PROP_RECRUITING] =
    g_param_spec_int ("recruiting", NULL, NULL,
                      -1, 1, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, SITE_N_PROPS, site_properties);
}

static void
connect_site_init (ConnectSite *self)
{
  self->recruiting = -1;
}

const char *
connect_site_get_name (ConnectSite *self)
{
  g_return_val_if_fail (CONNECT_IS_SITE (self), NULL);

  return self->name;
}

const char *
connect_site_get_partner (ConnectSite *self)
{
  g_return_val_if_fail (CONNECT_IS_SITE (self), NULL);

  return self->partner;
}

const char *
connect_site_get_city (ConnectSite *self)
{
  g_return_val_if_fail (CONNECT_IS_SITE (self), NULL);

  return self->city;
}

ConnectRegion
connect_site_get_region (ConnectSite *self)
{
  g_return_val_if_fail (CONNECT_IS_SITE (self), 0);

  return (ConnectRegion) self->region;
}

int
connect_site_get_recruiting (ConnectSite *self)
{
  g_return_val_if_fail (CONNECT_IS_SITE (self), -1);

  return self->recruiting;
}

/* ConnectDrug */

enum {
  DRUG_PROP_0,
  DRUG_PROP_NAME,
  DRUG_PROP_BRANDS,
  DRUG_PROP_SUPPLIER,
  DRUG_PROP_TARGETS,
  DRUG_PROP_ATC,
  DRUG_N_PROPS
};

static GParamSpec *drug_properties[DRUG_N_PROPS];

G_DEFINE_FINAL_TYPE (ConnectDrug, connect_drug, CONNECT_TYPE_ENTITY)

static void
connect_drug_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ConnectDrug *self = CONNECT_DRUG (object);

  switch (prop_id)
    {
    case DRUG_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case DRUG_PROP_BRANDS:
      g_value_set_boxed (value, connect_drug_get_brands (self));
      break;

    case DRUG_PROP_SUPPLIER:
      g_value_set_string (value, self->supplier);
      break;

    case DRUG_PROP_TARGETS:
      g_value_set_boxed (value, connect_drug_get_targets (self));
      break;

    case DRUG_PROP_ATC:
      g_value_set_string (value, self->atc);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_drug_class_init (ConnectDrugClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ConnectEntityClass *entity_class = CONNECT_ENTITY_CLASS (klass);

  object_class->get_property = connect_drug_get_property;

  entity_class->kind = CONNECT_ENTITY_KIND_DRUG;

  drug_properties[DRUG_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  drug_properties[DRUG_PROP_BRANDS] =
    g_param_spec_boxed ("brands", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  drug_properties[DRUG_PROP_SUPPLIER] =
    g_param_spec_string ("supplier", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  drug_properties[DRUG_PROP_TARGETS] =
    g_param_spec_boxed ("targets", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  drug_properties[DRUG_PROP_ATC] =
    g_param_spec_string ("atc", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, DRUG_N_PROPS, drug_properties);
}

static void
connect_drug_init (ConnectDrug *self)
{
}

const char *
connect_drug_get_name (ConnectDrug *self)
{
  g_return_val_if_fail (CONNECT_IS_DRUG (self), NULL);

  return self->name;
}

const char * const *
connect_drug_get_brands (ConnectDrug *self)
{
  g_return_val_if_fail (CONNECT_IS_DRUG (self), NULL);

  return self->brands != NULL ? self->brands : empty_strv;
}

const char *
connect_drug_get_supplier (ConnectDrug *self)
{
  g_return_val_if_fail (CONNECT_IS_DRUG (self), NULL);

  return self->supplier;
}

const char * const *
connect_drug_get_targets (ConnectDrug *self)
{
  g_return_val_if_fail (CONNECT_IS_DRUG (self), NULL);

  return self->targets != NULL ? self->targets : empty_strv;
}

const char *
connect_drug_get_atc (ConnectDrug *self)
{
  g_return_val_if_fail (CONNECT_IS_DRUG (self), NULL);

  return self->atc;
}

/* ConnectCohort */

enum {
  COHORT_PROP_0,
  COHORT_PROP_TRIAL,
  COHORT_PROP_NAME,
  COHORT_PROP_DRUGS,
  COHORT_PROP_TUMOR_NAME,
  COHORT_PROP_TUMOR_CODE,
  COHORT_PROP_TUMOR_AGNOSTIC,
  COHORT_PROP_GENES,
  COHORT_PROP_ALTERATION,
  COHORT_PROP_VARIANT,
  COHORT_PROP_BIOMARKER_DESCRIPTION,
  COHORT_PROP_STATUS,
  COHORT_PROP_STAGE,
  COHORT_PROP_OUTCOME,
  COHORT_PROP_ENROLLED,
  COHORT_PROP_TARGET,
  COHORT_PROP_EVALUABLE,
  COHORT_PROP_WITH_BENEFIT,
  COHORT_PROP_SITES,
  COHORT_PROP_OPENED,
  COHORT_PROP_CLOSED,
  COHORT_PROP_STATUS_CHANGED,
  COHORT_PROP_CONTACT,
  COHORT_PROP_NOTES,
  COHORT_PROP_UPDATED,
  COHORT_N_PROPS
};

static GParamSpec *cohort_properties[COHORT_N_PROPS];

G_DEFINE_FINAL_TYPE (ConnectCohort, connect_cohort, CONNECT_TYPE_ENTITY)

static void
connect_cohort_finalize (GObject *object)
{
  ConnectCohort *self = (ConnectCohort *) object;

  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (connect_cohort_parent_class)->finalize (object);
}

static void
connect_cohort_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ConnectCohort *self = CONNECT_COHORT (object);

  switch (prop_id)
    {
    case COHORT_PROP_TRIAL:
      g_value_set_string (value, self->trial);
      break;

    case COHORT_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case COHORT_PROP_DRUGS:
      g_value_set_boxed (value, connect_cohort_get_drugs (self));
      break;

    case COHORT_PROP_TUMOR_NAME:
      g_value_set_string (value, self->tumor_name);
      break;

    case COHORT_PROP_TUMOR_CODE:
      g_value_set_string (value, self->tumor_code);
      break;

    case COHORT_PROP_TUMOR_AGNOSTIC:
      g_value_set_boolean (value, self->tumor_agnostic);
      break;

    case COHORT_PROP_GENES:
      g_value_set_boxed (value, connect_cohort_get_genes (self));
      break;

    case COHORT_PROP_ALTERATION:
      g_value_set_enum (value, self->alteration);
      break;

    case COHORT_PROP_VARIANT:
      g_value_set_string (value, self->variant);
      break;

    case COHORT_PROP_BIOMARKER_DESCRIPTION:
      g_value_set_string (value, self->biomarker_description);
      break;

    case COHORT_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case COHORT_PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    case COHORT_PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;

    case COHORT_PROP_ENROLLED:
      g_value_set_int64 (value, self->enrolled);
      break;

    case COHORT_PROP_TARGET:
      g_value_set_int64 (value, self->target);
      break;

    case COHORT_PROP_EVALUABLE:
      g_value_set_int64 (value, self->evaluable);
      break;

    case COHORT_PROP_WITH_BENEFIT:
      g_value_set_int64 (value, self->with_benefit);
      break;

    case COHORT_PROP_SITES:
      g_value_set_boxed (value, connect_cohort_get_sites (self));
      break;

    case COHORT_PROP_OPENED:
      g_value_set_boxed (value, connect_cohort_get_opened (self));
      break;

    case COHORT_PROP_CLOSED:
      g_value_set_boxed (value, connect_cohort_get_closed (self));
      break;

    case COHORT_PROP_STATUS_CHANGED:
      g_value_set_boxed (value, connect_cohort_get_status_changed (self));
      break;

    case COHORT_PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;

    case COHORT_PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case COHORT_PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_cohort_class_init (ConnectCohortClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ConnectEntityClass *entity_class = CONNECT_ENTITY_CLASS (klass);

  object_class->finalize = connect_cohort_finalize;
  object_class->get_property = connect_cohort_get_property;

  entity_class->kind = CONNECT_ENTITY_KIND_COHORT;

  cohort_properties[COHORT_PROP_TRIAL] =
    g_param_spec_string ("trial", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_DRUGS] =
    g_param_spec_boxed ("drugs", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_TUMOR_NAME] =
    g_param_spec_string ("tumor-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_TUMOR_CODE] =
    g_param_spec_string ("tumor-code", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_TUMOR_AGNOSTIC] =
    g_param_spec_boolean ("tumor-agnostic", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_GENES] =
    g_param_spec_boxed ("genes", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_ALTERATION] =
    g_param_spec_enum ("alteration", NULL, NULL,
                       CONNECT_TYPE_ALTERATION, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_VARIANT] =
    g_param_spec_string ("variant", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_BIOMARKER_DESCRIPTION] =
    g_param_spec_string ("biomarker-description", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CONNECT_TYPE_COHORT_STATUS, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       CONNECT_TYPE_COHORT_STAGE, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL,
                       CONNECT_TYPE_OUTCOME, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_ENROLLED] =
    g_param_spec_int64 ("enrolled", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_TARGET] =
    g_param_spec_int64 ("target", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_EVALUABLE] =
    g_param_spec_int64 ("evaluable", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_WITH_BENEFIT] =
    g_param_spec_int64 ("with-benefit", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_SITES] =
    g_param_spec_boxed ("sites", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_OPENED] =
    g_param_spec_boxed ("opened", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_CLOSED] =
    g_param_spec_boxed ("closed", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_STATUS_CHANGED] =
    g_param_spec_boxed ("status-changed", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  cohort_properties[COHORT_PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, COHORT_N_PROPS, cohort_properties);
}

static void
connect_cohort_init (ConnectCohort *self)
{
  self->enrolled = -1;
  self->target = -1;
  self->evaluable = -1;
  self->with_benefit = -1;
}

const char *
connect_cohort_get_trial (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->trial;
}

const char *
connect_cohort_get_name (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->name;
}

const char * const *
connect_cohort_get_drugs (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->drugs != NULL ? self->drugs : empty_strv;
}

const char *
connect_cohort_get_tumor_name (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->tumor_name;
}

const char *
connect_cohort_get_tumor_code (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->tumor_code;
}

gboolean
connect_cohort_get_tumor_agnostic (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), FALSE);

  return self->tumor_agnostic;
}

const char * const *
connect_cohort_get_genes (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->genes != NULL ? self->genes : empty_strv;
}

ConnectAlteration
connect_cohort_get_alteration (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), 0);

  return (ConnectAlteration) self->alteration;
}

const char *
connect_cohort_get_variant (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->variant;
}

const char *
connect_cohort_get_biomarker_description (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->biomarker_description;
}

ConnectCohortStatus
connect_cohort_get_status (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), 0);

  return (ConnectCohortStatus) self->status;
}

ConnectCohortStage
connect_cohort_get_stage (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), 0);

  return (ConnectCohortStage) self->stage;
}

ConnectOutcome
connect_cohort_get_outcome (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), 0);

  return (ConnectOutcome) self->outcome;
}

gint64
connect_cohort_get_enrolled (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), -1);

  return self->enrolled;
}

gint64
connect_cohort_get_target (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), -1);

  return self->target;
}

gint64
connect_cohort_get_evaluable (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), -1);

  return self->evaluable;
}

gint64
connect_cohort_get_with_benefit (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), -1);

  return self->with_benefit;
}

const char * const *
connect_cohort_get_sites (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->sites != NULL ? self->sites : empty_strv;
}

const GDate *
connect_cohort_get_opened (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return g_date_valid (&self->opened) ? &self->opened : NULL;
}

const GDate *
connect_cohort_get_closed (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return g_date_valid (&self->closed) ? &self->closed : NULL;
}

const GDate *
connect_cohort_get_status_changed (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return g_date_valid (&self->status_changed) ? &self->status_changed : NULL;
}

const char *
connect_cohort_get_contact (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->contact;
}

const char *
connect_cohort_get_notes (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->notes;
}

GDateTime *
connect_cohort_get_updated (ConnectCohort *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT (self), NULL);

  return self->updated;
}

/* ConnectCommitment */

enum {
  COMMITMENT_PROP_0,
  COMMITMENT_PROP_PARTNER,
  COMMITMENT_PROP_DRUG,
  COMMITMENT_PROP_TRIAL,
  COMMITMENT_PROP_COHORTS,
  COMMITMENT_PROP_KIND,
  COMMITMENT_PROP_SLOTS,
  COMMITMENT_PROP_USED,
  COMMITMENT_PROP_RESERVED,
  COMMITMENT_PROP_PAYER_AFTER_WEEK16,
  COMMITMENT_PROP_VALID_FROM,
  COMMITMENT_PROP_VALID_UNTIL,
  COMMITMENT_PROP_STATE,
  COMMITMENT_PROP_ANNOUNCED,
  COMMITMENT_PROP_NOTES,
  COMMITMENT_N_PROPS
};

static GParamSpec *commitment_properties[COMMITMENT_N_PROPS];

G_DEFINE_FINAL_TYPE (ConnectCommitment, connect_commitment, CONNECT_TYPE_ENTITY)

static void
connect_commitment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConnectCommitment *self = CONNECT_COMMITMENT (object);

  switch (prop_id)
    {
    case COMMITMENT_PROP_PARTNER:
      g_value_set_string (value, self->partner);
      break;

    case COMMITMENT_PROP_DRUG:
      g_value_set_string (value, self->drug);
      break;

    case COMMITMENT_PROP_TRIAL:
      g_value_set_string (value, self->trial);
      break;

    case COMMITMENT_PROP_COHORTS:
      g_value_set_boxed (value, connect_commitment_get_cohorts (self));
      break;

    case COMMITMENT_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case COMMITMENT_PROP_SLOTS:
      g_value_set_int64 (value, self->slots);
      break;

    case COMMITMENT_PROP_USED:
      g_value_set_int64 (value, self->used);
      break;

    case COMMITMENT_PROP_RESERVED:
      g_value_set_int64 (value, self->reserved);
      break;

    case COMMITMENT_PROP_PAYER_AFTER_WEEK16:
      g_value_set_enum (value, self->payer_after_week16);
      break;

    case COMMITMENT_PROP_VALID_FROM:
      g_value_set_boxed (value, connect_commitment_get_valid_from (self));
      break;

    case COMMITMENT_PROP_VALID_UNTIL:
      g_value_set_boxed (value, connect_commitment_get_valid_until (self));
      break;

    case COMMITMENT_PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case COMMITMENT_PROP_ANNOUNCED:
      g_value_set_string (value, self->announced);
      break;

    case COMMITMENT_PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_commitment_class_init (ConnectCommitmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ConnectEntityClass *entity_class = CONNECT_ENTITY_CLASS (klass);

  object_class->get_property = connect_commitment_get_property;

  entity_class->kind = CONNECT_ENTITY_KIND_COMMITMENT;

  commitment_properties[COMMITMENT_PROP_PARTNER] =
    g_param_spec_string ("partner", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_DRUG] =
    g_param_spec_string ("drug", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_TRIAL] =
    g_param_spec_string ("trial", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_COHORTS] =
    g_param_spec_boxed ("cohorts", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CONNECT_TYPE_COMMITMENT_KIND, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_SLOTS] =
    g_param_spec_int64 ("slots", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_USED] =
    g_param_spec_int64 ("used", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_RESERVED] =
    g_param_spec_int64 ("reserved", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_PAYER_AFTER_WEEK16] =
    g_param_spec_enum ("payer-after-week16", NULL, NULL,
                       CONNECT_TYPE_PAYER, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_VALID_FROM] =
    g_param_spec_boxed ("valid-from", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_VALID_UNTIL] =
    g_param_spec_boxed ("valid-until", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CONNECT_TYPE_COMMITMENT_STATE, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_ANNOUNCED] =
    g_param_spec_string ("announced", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  commitment_properties[COMMITMENT_PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, COMMITMENT_N_PROPS, commitment_properties);
}

static void
connect_commitment_init (ConnectCommitment *self)
{
  self->slots = -1;
  self->used = -1;
  self->reserved = -1;
}

const char *
connect_commitment_get_partner (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), NULL);

  return self->partner;
}

const char *
connect_commitment_get_drug (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), NULL);

  return self->drug;
}

const char *
connect_commitment_get_trial (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), NULL);

  return self->trial;
}

const char * const *
connect_commitment_get_cohorts (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), NULL);

  return self->cohorts != NULL ? self->cohorts : empty_strv;
}

ConnectCommitmentKind
connect_commitment_get_kind (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), 0);

  return (ConnectCommitmentKind) self->kind;
}

gint64
connect_commitment_get_slots (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), -1);

  return self->slots;
}

gint64
connect_commitment_get_used (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), -1);

  return self->used;
}

gint64
connect_commitment_get_reserved (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), -1);

  return self->reserved;
}

ConnectPayer
connect_commitment_get_payer_after_week16 (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), 0);

  return (ConnectPayer) self->payer_after_week16;
}

const GDate *
connect_commitment_get_valid_from (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), NULL);

  return g_date_valid (&self->valid_from) ? &self->valid_from : NULL;
}

const GDate *
connect_commitment_get_valid_until (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), NULL);

  return g_date_valid (&self->valid_until) ? &self->valid_until : NULL;
}

ConnectCommitmentState
connect_commitment_get_state (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), 0);

  return (ConnectCommitmentState) self->state;
}

const char *
connect_commitment_get_announced (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), NULL);

  return self->announced;
}

const char *
connect_commitment_get_notes (ConnectCommitment *self)
{
  g_return_val_if_fail (CONNECT_IS_COMMITMENT (self), NULL);

  return self->notes;
}

/* ConnectSnapshot */

enum {
  SNAPSHOT_PROP_0,
  SNAPSHOT_PROP_TRIAL,
  SNAPSHOT_PROP_AS_OF,
  SNAPSHOT_PROP_SCREENED,
  SNAPSHOT_PROP_DISCUSSED,
  SNAPSHOT_PROP_OFFERED,
  SNAPSHOT_PROP_STARTED,
  SNAPSHOT_PROP_EVALUABLE,
  SNAPSHOT_PROP_DISEASE_CONTROL,
  SNAPSHOT_N_PROPS
};

static GParamSpec *snapshot_properties[SNAPSHOT_N_PROPS];

G_DEFINE_FINAL_TYPE (ConnectSnapshot, connect_snapshot, CONNECT_TYPE_ENTITY)

static void
connect_snapshot_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ConnectSnapshot *self = CONNECT_SNAPSHOT (object);

  switch (prop_id)
    {
    case SNAPSHOT_PROP_TRIAL:
      g_value_set_string (value, self->trial);
      break;

    case SNAPSHOT_PROP_AS_OF:
      g_value_set_boxed (value, connect_snapshot_get_as_of (self));
      break;

    case SNAPSHOT_PROP_SCREENED:
      g_value_set_int64 (value, self->screened);
      break;

    case SNAPSHOT_PROP_DISCUSSED:
      g_value_set_int64 (value, self->discussed);
      break;

    case SNAPSHOT_PROP_OFFERED:
      g_value_set_int64 (value, self->offered);
      break;

    case SNAPSHOT_PROP_STARTED:
      g_value_set_int64 (value, self->started);
      break;

    case SNAPSHOT_PROP_EVALUABLE:
      g_value_set_int64 (value, self->evaluable);
      break;

    case SNAPSHOT_PROP_DISEASE_CONTROL:
      g_value_set_int64 (value, self->disease_control);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_snapshot_class_init (ConnectSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ConnectEntityClass *entity_class = CONNECT_ENTITY_CLASS (klass);

  object_class->get_property = connect_snapshot_get_property;

  entity_class->kind = CONNECT_ENTITY_KIND_SNAPSHOT;

  snapshot_properties[SNAPSHOT_PROP_TRIAL] =
    g_param_spec_string ("trial", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  snapshot_properties[SNAPSHOT_PROP_AS_OF] =
    g_param_spec_boxed ("as-of", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  snapshot_properties[SNAPSHOT_PROP_SCREENED] =
    g_param_spec_int64 ("screened", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  snapshot_properties[SNAPSHOT_PROP_DISCUSSED] =
    g_param_spec_int64 ("discussed", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  snapshot_properties[SNAPSHOT_PROP_OFFERED] =
    g_param_spec_int64 ("offered", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  snapshot_properties[SNAPSHOT_PROP_STARTED] =
    g_param_spec_int64 ("started", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  snapshot_properties[SNAPSHOT_PROP_EVALUABLE] =
    g_param_spec_int64 ("evaluable", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  snapshot_properties[SNAPSHOT_PROP_DISEASE_CONTROL] =
    g_param_spec_int64 ("disease-control", NULL, NULL,
                        -1, G_MAXINT32, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, SNAPSHOT_N_PROPS, snapshot_properties);
}

static void
connect_snapshot_init (ConnectSnapshot *self)
{
  self->screened = -1;
  self->discussed = -1;
  self->offered = -1;
  self->started = -1;
  self->evaluable = -1;
  self->disease_control = -1;
}

const char *
connect_snapshot_get_trial (ConnectSnapshot *self)
{
  g_return_val_if_fail (CONNECT_IS_SNAPSHOT (self), NULL);

  return self->trial;
}

const GDate *
connect_snapshot_get_as_of (ConnectSnapshot *self)
{
  g_return_val_if_fail (CONNECT_IS_SNAPSHOT (self), NULL);

  return g_date_valid (&self->as_of) ? &self->as_of : NULL;
}

gint64
connect_snapshot_get_screened (ConnectSnapshot *self)
{
  g_return_val_if_fail (CONNECT_IS_SNAPSHOT (self), -1);

  return self->screened;
}

gint64
connect_snapshot_get_discussed (ConnectSnapshot *self)
{
  g_return_val_if_fail (CONNECT_IS_SNAPSHOT (self), -1);

  return self->discussed;
}

gint64
connect_snapshot_get_offered (ConnectSnapshot *self)
{
  g_return_val_if_fail (CONNECT_IS_SNAPSHOT (self), -1);

  return self->offered;
}

gint64
connect_snapshot_get_started (ConnectSnapshot *self)
{
  g_return_val_if_fail (CONNECT_IS_SNAPSHOT (self), -1);

  return self->started;
}

gint64
connect_snapshot_get_evaluable (ConnectSnapshot *self)
{
  g_return_val_if_fail (CONNECT_IS_SNAPSHOT (self), -1);

  return self->evaluable;
}

gint64
connect_snapshot_get_disease_control (ConnectSnapshot *self)
{
  g_return_val_if_fail (CONNECT_IS_SNAPSHOT (self), -1);

  return self->disease_control;
}

/* ConnectEvent */

enum {
  EVENT_PROP_0,
  EVENT_PROP_COHORT,
  EVENT_PROP_AT,
  EVENT_PROP_TO,
  EVENT_PROP_FROM,
  EVENT_PROP_STAGE,
  EVENT_PROP_REASON,
  EVENT_N_PROPS
};

static GParamSpec *event_properties[EVENT_N_PROPS];

G_DEFINE_FINAL_TYPE (ConnectEvent, connect_event, CONNECT_TYPE_ENTITY)

static void
connect_event_finalize (GObject *object)
{
  ConnectEvent *self = (ConnectEvent *) object;

  g_clear_pointer (&self->at, g_date_time_unref);

  G_OBJECT_CLASS (connect_event_parent_class)->finalize (object);
}

static void
connect_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ConnectEvent *self = CONNECT_EVENT (object);

  switch (prop_id)
    {
    case EVENT_PROP_COHORT:
      g_value_set_string (value, self->cohort);
      break;

    case EVENT_PROP_AT:
      g_value_set_boxed (value, self->at);
      break;

    case EVENT_PROP_TO:
      g_value_set_enum (value, self->to);
      break;

    case EVENT_PROP_FROM:
      g_value_set_enum (value, self->from);
      break;

    case EVENT_PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    case EVENT_PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_event_class_init (ConnectEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ConnectEntityClass *entity_class = CONNECT_ENTITY_CLASS (klass);

  object_class->finalize = connect_event_finalize;
  object_class->get_property = connect_event_get_property;

  entity_class->kind = CONNECT_ENTITY_KIND_EVENT;

  event_properties[EVENT_PROP_COHORT] =
    g_param_spec_string ("cohort", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  event_properties[EVENT_PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  event_properties[EVENT_PROP_TO] =
    g_param_spec_enum ("to", NULL, NULL,
                       CONNECT_TYPE_COHORT_STATUS, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  event_properties[EVENT_PROP_FROM] =
    g_param_spec_enum ("from", NULL, NULL,
                       CONNECT_TYPE_COHORT_STATUS, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  event_properties[EVENT_PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL,
                       CONNECT_TYPE_COHORT_STAGE, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  event_properties[EVENT_PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, EVENT_N_PROPS, event_properties);
}

static void
connect_event_init (ConnectEvent *self)
{
}

const char *
connect_event_get_cohort (ConnectEvent *self)
{
  g_return_val_if_fail (CONNECT_IS_EVENT (self), NULL);

  return self->cohort;
}

GDateTime *
connect_event_get_at (ConnectEvent *self)
{
  g_return_val_if_fail (CONNECT_IS_EVENT (self), NULL);

  return self->at;
}

ConnectCohortStatus
connect_event_get_to (ConnectEvent *self)
{
  g_return_val_if_fail (CONNECT_IS_EVENT (self), 0);

  return (ConnectCohortStatus) self->to;
}

ConnectCohortStatus
connect_event_get_from (ConnectEvent *self)
{
  g_return_val_if_fail (CONNECT_IS_EVENT (self), 0);

  return (ConnectCohortStatus) self->from;
}

ConnectCohortStage
connect_event_get_stage (ConnectEvent *self)
{
  g_return_val_if_fail (CONNECT_IS_EVENT (self), 0);

  return (ConnectCohortStage) self->stage;
}

const char *
connect_event_get_reason (ConnectEvent *self)
{
  g_return_val_if_fail (CONNECT_IS_EVENT (self), NULL);

  return self->reason;
}

/* Enumerations: names in the feed and labels for display */

typedef struct
{
  const char *feed;
  const char *label;
} EnumName;

/* Indexed by value; NONE and UNKNOWN first (except for the entity kind). */
static const EnumName trial_status_names[] = {
  { NULL, NULL },
  { "UNKNOWN", N_("Unknown") },
  { "RECRUITING", N_("Recruiting") },
  { "NOT_YET_RECRUITING", N_("Not yet recruiting") },
  { "ACTIVE_NOT_RECRUITING", N_("Active, not recruiting") },
  { "SUSPENDED", N_("Suspended") },
  { "TERMINATED", N_("Terminated") },
  { "COMPLETED", N_("Completed") },
  { "WITHDRAWN", N_("Withdrawn") },
};

static const EnumName partner_kind_names[] = {
  { NULL, NULL },
  { NULL, N_("Unknown") },
  { "university-hospital", N_("University hospital") },
  { "hospital-trust", N_("Hospital trust") },
  { "industry", N_("Industry") },
  { "diagnostics", N_("Diagnostics") },
  { "technology", N_("Technology") },
  { "patient-organisation", N_("Patient organisation") },
  { "cluster", N_("Cluster") },
  { "public-agency", N_("Public agency") },
  { "industry-association", N_("Industry association") },
  { "research-institute", N_("Research institute") },
};

static const EnumName membership_names[] = {
  { NULL, NULL },
  { NULL, N_("Unknown") },
  { "member", N_("Member") },
  { "observer", N_("Observer") },
};

static const EnumName region_names[] = {
  { NULL, NULL },
  { NULL, N_("Unknown") },
  { "south-east", N_("South-East Norway") },
  { "west", N_("Western Norway") },
  { "central", N_("Central Norway") },
  { "north", N_("Northern Norway") },
};

static const EnumName alteration_names[] = {
  { NULL, NULL },
  { NULL, N_("Unknown") },
  { "mutation", N_("Mutation") },
  { "amplification", N_("Amplification") },
  { "fusion", N_("Fusion") },
  { "deletion", N_("Deletion") },
  { "loss", N_("Loss") },
  { "expression", N_("Expression") },
  { "signature", N_("Signature") },
};

static const EnumName cohort_status_names[] = {
  { NULL, NULL },
  { NULL, N_("Unknown") },
  { "planned", N_("Planned") },
  { "open", N_("Open") },
  { "evaluating", N_("Evaluating") },
  { "suspended", N_("Suspended") },
  { "closed", N_("Closed") },
};

static const EnumName cohort_stage_names[] = {
  { NULL, NULL },
  { NULL, N_("Unknown") },
  { "1", N_("Stage 1") },
  { "2", N_("Stage 2") },
  { "expansion", N_("Expansion") },
};

static const EnumName outcome_names[] = {
  { NULL, NULL },
  { NULL, N_("Unknown") },
  { "benefit", N_("Benefit") },
  { "no-benefit", N_("No benefit") },
  { "withdrawn", N_("Withdrawn") },
  { "other", N_("Other") },
};

static const EnumName commitment_kind_names[] = {
  { NULL, NULL },
  { NULL, N_("Unknown") },
  { "free-drug", N_("Free drug") },
  { "free-drug-first-16-weeks", N_("Free drug for the first 16 weeks") },
  { "per-patient-payment", N_("Payment per patient") },
  { "diagnostics", N_("Diagnostics") },
};

static const EnumName payer_names[] = {
  { NULL, NULL },
  { NULL, N_("Unknown") },
  { "company", N_("Company") },
  { "regional-health-authority", N_("Regional health authority") },
  /* Translators: nobody pays after week 16 */
  { "none", N_("Nobody") },
};

static const EnumName commitment_state_names[] = {
  { NULL, NULL },
  { NULL, N_("Unknown") },
  { "negotiating", N_("Negotiating") },
  { "active", N_("Active") },
  { "exhausted", N_("Exhausted") },
  { "expired", N_("Expired") },
  { "terminated", N_("Terminated") },
};

static const EnumName entity_kind_names[] = {
  { "trial", N_("Trial") },
  { "partner", N_("Partner") },
  { "site", N_("Site") },
  { "drug", N_("Drug") },
  { "cohort", N_("Cohort") },
  { "commitment", N_("Commitment") },
  { "snapshot", N_("Snapshot") },
  { "event", N_("Event") },
  { "feed", N_("Feed") },
};

static const EnumName *
lookup_enum_names (GType  enum_type,
                   guint *n_names)
{
#define NAMES(type, table) \
  if (enum_type == type) \
    { \
      *n_names = G_N_ELEMENTS (table); \
      return table; \
    }

  NAMES (CONNECT_TYPE_TRIAL_STATUS, trial_status_names);
  NAMES (CONNECT_TYPE_PARTNER_KIND, partner_kind_names);
  NAMES (CONNECT_TYPE_MEMBERSHIP, membership_names);
  NAMES (CONNECT_TYPE_REGION, region_names);
  NAMES (CONNECT_TYPE_ALTERATION, alteration_names);
  NAMES (CONNECT_TYPE_COHORT_STATUS, cohort_status_names);
  NAMES (CONNECT_TYPE_COHORT_STAGE, cohort_stage_names);
  NAMES (CONNECT_TYPE_OUTCOME, outcome_names);
  NAMES (CONNECT_TYPE_COMMITMENT_KIND, commitment_kind_names);
  NAMES (CONNECT_TYPE_PAYER, payer_names);
  NAMES (CONNECT_TYPE_COMMITMENT_STATE, commitment_state_names);
  NAMES (CONNECT_TYPE_ENTITY_KIND, entity_kind_names);

#undef NAMES

  *n_names = 0;
  return NULL;
}

/**
 * connect_enum_to_feed_string:
 * @enum_type: one of the enumerations of connect-enums-types.h
 * @value: a value of it
 *
 * Returns: (nullable): the value as the feed writes it ("open",
 *   "south-east", "RECRUITING", "1"), or %NULL for NONE and UNKNOWN (except
 *   %CONNECT_TRIAL_STATUS_UNKNOWN, which the feed writes "UNKNOWN")
 */
const char *
connect_enum_to_feed_string (GType enum_type,
                             int   value)
{
  const EnumName *names;
  guint n_names;

  names = lookup_enum_names (enum_type, &n_names);
  g_return_val_if_fail (names != NULL, NULL);

  if (value < 0 || (guint) value >= n_names)
    return NULL;

  return names[value].feed;
}

/**
 * connect_enum_from_feed_string:
 * @enum_type: one of the enumerations of connect-enums-types.h
 * @str: (nullable): a value as written in the feed
 *
 * Returns: the value; NONE (0) for %NULL and the UNKNOWN value for a string
 *   this version does not know (for the entity kind, -1)
 */
int
connect_enum_from_feed_string (GType       enum_type,
                               const char *str)
{
  const EnumName *names;
  guint n_names;

  names = lookup_enum_names (enum_type, &n_names);
  g_return_val_if_fail (names != NULL, 0);

  if (enum_type == CONNECT_TYPE_ENTITY_KIND)
    {
      for (guint i = 0; str != NULL && i < n_names; i++)
        if (strcmp (names[i].feed, str) == 0)
          return i;
      return -1;
    }

  if (str == NULL)
    return 0;

  for (guint i = 1; i < n_names; i++)
    if (names[i].feed != NULL && strcmp (names[i].feed, str) == 0)
      return i;

  return 1;
}

/**
 * connect_enum_to_label:
 * @enum_type: one of the enumerations of connect-enums-types.h
 * @value: a value of it
 *
 * Returns: (nullable): a translated label for display ("Open", "Stage 1",
 *   "South-East Norway", "Unknown" for UNKNOWN), or %NULL for NONE
 */
const char *
connect_enum_to_label (GType enum_type,
                       int   value)
{
  const EnumName *names;
  guint n_names;

  names = lookup_enum_names (enum_type, &n_names);
  g_return_val_if_fail (names != NULL, NULL);

  if (value < 0 || (guint) value >= n_names || names[value].label == NULL)
    return NULL;

  return _(names[value].label);
}

/* Used by the parser: the feed strings of an enumeration for a message,
 * such as "planned, open, evaluating, suspended, closed". */
char *
_connect_enum_list_feed_strings (GType enum_type)
{
  const EnumName *names;
  guint n_names;
  GString *str;

  names = lookup_enum_names (enum_type, &n_names);
  g_return_val_if_fail (names != NULL, NULL);

  str = g_string_new (NULL);
  for (guint i = 0; i < n_names; i++)
    {
      if (names[i].feed == NULL)
        continue;
      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, names[i].feed);
    }

  return g_string_free (str, FALSE);
}

G_STATIC_ASSERT (G_N_ELEMENTS (trial_status_names) == CONNECT_TRIAL_STATUS_WITHDRAWN + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (partner_kind_names) == CONNECT_PARTNER_KIND_RESEARCH_INSTITUTE + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (membership_names) == CONNECT_MEMBERSHIP_OBSERVER + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (region_names) == CONNECT_REGION_NORTH + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (alteration_names) == CONNECT_ALTERATION_SIGNATURE + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (cohort_status_names) == CONNECT_COHORT_STATUS_CLOSED + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (cohort_stage_names) == CONNECT_COHORT_STAGE_EXPANSION + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (outcome_names) == CONNECT_OUTCOME_OTHER + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (commitment_kind_names) == CONNECT_COMMITMENT_KIND_DIAGNOSTICS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (payer_names) == CONNECT_PAYER_NOBODY + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (commitment_state_names) == CONNECT_COMMITMENT_STATE_TERMINATED + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (entity_kind_names) == CONNECT_ENTITY_KIND_FEED + 1);
