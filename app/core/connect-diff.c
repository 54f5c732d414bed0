/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "connect-diff.h"

/* Members are described by tables: each has a name, a type and a getter.
 * Comparing two entities walks the table and compares the raw field values;
 * only a member that differs is turned into JSON. */

typedef enum
{
  MEMBER_STRING,   /* const char *get (entity) */
  MEMBER_ENUM,     /* int get (entity), GEnum */
  MEMBER_COUNT,    /* gint64 get (entity), -1 absent */
  MEMBER_DATE,     /* const GDate *get (entity) */
  MEMBER_BOOL,     /* gboolean get (entity) */
  MEMBER_TRISTATE, /* int get (entity): -1 absent, 0, 1 */
  MEMBER_STRV,     /* const char * const *get (entity) */
  MEMBER_OBJECT,   /* nested object, compared whole */
} MemberType;

typedef const char         *(*StringGetter) (gpointer);
typedef int                 (*IntGetter)    (gpointer);
typedef gint64              (*CountGetter)  (gpointer);
typedef const GDate        *(*DateGetter)   (gpointer);
typedef const char * const *(*StrvGetter)   (gpointer);

typedef struct _Member Member;
struct _Member
{
  const char    *name;
  MemberType     type;
  GCallback      getter;
  GType        (*enum_type) (void);
  const Member  *sub_members;  /* MEMBER_OBJECT, NULL-name terminated */
  GCallback      present;      /* MEMBER_OBJECT: gboolean has (entity), or NULL */
};

#define STRING(n, g)   { n, MEMBER_STRING,   G_CALLBACK (g), NULL, NULL, NULL }
#define ENUM(n, g, t)  { n, MEMBER_ENUM,     G_CALLBACK (g), t,    NULL, NULL }
#define COUNT(n, g)    { n, MEMBER_COUNT,    G_CALLBACK (g), NULL, NULL, NULL }
#define DATE(n, g)     { n, MEMBER_DATE,     G_CALLBACK (g), NULL, NULL, NULL }
#define BOOL(n, g)     { n, MEMBER_BOOL,     G_CALLBACK (g), NULL, NULL, NULL }
#define TRISTATE(n, g) { n, MEMBER_TRISTATE, G_CALLBACK (g), NULL, NULL, NULL }
#define STRV(n, g)     { n, MEMBER_STRV,     G_CALLBACK (g), NULL, NULL, NULL }
#define OBJECT(n, s, p) { n, MEMBER_OBJECT,  NULL, NULL, s, G_CALLBACK (p) }
#define END            { NULL, 0, NULL, NULL, NULL, NULL }

static const Member trial_registry[] = {
  STRING ("nct", connect_trial_get_nct),
  STRING ("eudract", connect_trial_get_eudract),
  END
};

static const Member trial_design[] = {
  COUNT ("stage1_patients", connect_trial_get_stage1_patients),
  COUNT ("stage1_min_benefit", connect_trial_get_stage1_min_benefit),
  COUNT ("stage2_patients", connect_trial_get_stage2_patients),
  COUNT ("expansion_min_benefit", connect_trial_get_expansion_min_benefit),
  COUNT ("evaluation_week", connect_trial_get_evaluation_week),
  END
};

static const Member trial_members[] = {
  STRING ("name", connect_trial_get_name),
  STRING ("title", connect_trial_get_title),
  OBJECT ("registry", trial_registry, NULL),
  STRING ("sponsor", connect_trial_get_sponsor),
  ENUM ("status", connect_trial_get_status, connect_trial_status_get_type),
  STRING ("url", connect_trial_get_url),
  DATE ("started", connect_trial_get_started),
  OBJECT ("design", trial_design, connect_trial_has_design),
  END
};

static const Member partner_members[] = {
  STRING ("name", connect_partner_get_name),
  ENUM ("kind", connect_partner_get_kind, connect_partner_kind_get_type),
  ENUM ("membership", connect_partner_get_membership, connect_membership_get_type),
  DATE ("joined", connect_partner_get_joined),
  STRING ("country", connect_partner_get_country),
  STRING ("url", connect_partner_get_url),
  END
};

static const Member site_members[] = {
  STRING ("name", connect_site_get_name),
  STRING ("partner", connect_site_get_partner),
  STRING ("city", connect_site_get_city),
  ENUM ("region", connect_site_get_region, connect_region_get_type),
  TRISTATE ("recruiting", connect_site_get_recruiting),
  END
};

static const Member drug_members[] = {
  STRING ("name", connect_drug_get_name),
  STRV ("brands", connect_drug_get_brands),
  STRING ("supplier", connect_drug_get_supplier),
  STRV ("targets", connect_drug_get_targets),
  STRING ("atc", connect_drug_get_atc),
  END
};

static const Member cohort_tumor[] = {
  STRING ("name", connect_cohort_get_tumor_name),
  STRING ("code", connect_cohort_get_tumor_code),
  BOOL ("agnostic", connect_cohort_get_tumor_agnostic),
  END
};

static const Member cohort_biomarker[] = {
  STRV ("genes", connect_cohort_get_genes),
  ENUM ("alteration", connect_cohort_get_alteration, connect_alteration_get_type),
  STRING ("variant", connect_cohort_get_variant),
  STRING ("description", connect_cohort_get_biomarker_description),
  END
};

static const Member cohort_members[] = {
  STRING ("trial", connect_cohort_get_trial),
  STRING ("name", connect_cohort_get_name),
  STRV ("drugs", connect_cohort_get_drugs),
  OBJECT ("tumor", cohort_tumor, NULL),
  OBJECT ("biomarker", cohort_biomarker, NULL),
  ENUM ("status", connect_cohort_get_status, connect_cohort_status_get_type),
  ENUM ("stage", connect_cohort_get_stage, connect_cohort_stage_get_type),
  ENUM ("outcome", connect_cohort_get_outcome, connect_outcome_get_type),
  COUNT ("enrolled", connect_cohort_get_enrolled),
  COUNT ("target", connect_cohort_get_target),
  COUNT ("evaluable", connect_cohort_get_evaluable),
  COUNT ("with_benefit", connect_cohort_get_with_benefit),
  STRV ("sites", connect_cohort_get_sites),
  DATE ("opened", connect_cohort_get_opened),
  DATE ("closed", connect_cohort_get_closed),
  DATE ("status_changed", connect_cohort_get_status_changed),
  STRING ("contact", connect_cohort_get_contact),
  STRING ("notes", connect_cohort_get_notes),
  /* "updated" is ignored by the diff rules. */
  END
};

static const Member commitment_members[] = {
  STRING ("partner", connect_commitment_get_partner),
  STRING ("drug", connect_commitment_get_drug),
  STRING ("trial", connect_commitment_get_trial),
  STRV ("cohorts", connect_commitment_get_cohorts),
  ENUM ("kind", connect_commitment_get_kind, connect_commitment_kind_get_type),
  COUNT ("slots", connect_commitment_get_slots),
  COUNT ("used", connect_commitment_get_used),
  COUNT ("reserved", connect_commitment_get_reserved),
  ENUM ("payer_after_week16", connect_commitment_get_payer_after_week16, connect_payer_get_type),
  DATE ("valid_from", connect_commitment_get_valid_from),
  DATE ("valid_until", connect_commitment_get_valid_until),
  ENUM ("state", connect_commitment_get_state, connect_commitment_state_get_type),
  STRING ("announced", connect_commitment_get_announced),
  STRING ("notes", connect_commitment_get_notes),
  END
};

static const ConnectEntityKind diff_kinds[] = {
  CONNECT_ENTITY_KIND_TRIAL,
  CONNECT_ENTITY_KIND_PARTNER,
  CONNECT_ENTITY_KIND_SITE,
  CONNECT_ENTITY_KIND_DRUG,
  CONNECT_ENTITY_KIND_COHORT,
  CONNECT_ENTITY_KIND_COMMITMENT,
};

static const Member *
members_for_kind (ConnectEntityKind kind)
{
  switch (kind)
    {
    case CONNECT_ENTITY_KIND_TRIAL: return trial_members;
    case CONNECT_ENTITY_KIND_PARTNER: return partner_members;
    case CONNECT_ENTITY_KIND_SITE: return site_members;
    case CONNECT_ENTITY_KIND_DRUG: return drug_members;
    case CONNECT_ENTITY_KIND_COHORT: return cohort_members;
    case CONNECT_ENTITY_KIND_COMMITMENT: return commitment_members;
    case CONNECT_ENTITY_KIND_SNAPSHOT:
    case CONNECT_ENTITY_KIND_EVENT:
    case CONNECT_ENTITY_KIND_FEED:
    default:
      return NULL;
    }
}

/* Comparing */

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  gsize i;

  if (a == b)
    return TRUE;

  for (i = 0; ; i++)
    {
      const char *x = a != NULL ? a[i] : NULL;
      const char *y = b != NULL ? b[i] : NULL;

      if (x == NULL || y == NULL)
        return x == y;
      if (strcmp (x, y) != 0)
        return FALSE;
    }
}

static gboolean
date_equal (const GDate *a,
            const GDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_compare (a, b) == 0;
}

static gboolean members_equal (const Member *members,
                               gpointer      a,
                               gpointer      b);

static gboolean
member_equal (const Member *m,
              gpointer      a,
              gpointer      b)
{
  switch (m->type)
    {
    case MEMBER_STRING:
      return g_strcmp0 (((StringGetter) m->getter) (a),
                        ((StringGetter) m->getter) (b)) == 0;
    case MEMBER_ENUM:
    case MEMBER_BOOL:
    case MEMBER_TRISTATE:
      return ((IntGetter) m->getter) (a) == ((IntGetter) m->getter) (b);
    case MEMBER_COUNT:
      return ((CountGetter) m->getter) (a) == ((CountGetter) m->getter) (b);
    case MEMBER_DATE:
      return date_equal (((DateGetter) m->getter) (a),
                         ((DateGetter) m->getter) (b));
    case MEMBER_STRV:
      return strv_equal (((StrvGetter) m->getter) (a),
                         ((StrvGetter) m->getter) (b));
    case MEMBER_OBJECT:
      if (m->present != NULL)
        {
          gboolean pa = ((IntGetter) m->present) (a) != 0;
          gboolean pb = ((IntGetter) m->present) (b) != 0;

          if (pa != pb)
            return FALSE;
          if (!pa)
            return TRUE;
        }
      return members_equal (m->sub_members, a, b);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
members_equal (const Member *members,
               gpointer      a,
               gpointer      b)
{
  for (const Member *m = members; m->name != NULL; m++)
    if (!member_equal (m, a, b))
      return FALSE;
  return TRUE;
}

/* Building JSON */

static JsonNode *members_to_object (const Member *members,
                                    gpointer      entity,
                                    const char   *id);

static JsonNode *
member_to_json (const Member *m,
                gpointer      entity)
{
  JsonNode *node = NULL;

  switch (m->type)
    {
    case MEMBER_STRING:
      {
        const char *s = ((StringGetter) m->getter) (entity);

        if (s != NULL)
          {
            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_string (node, s);
          }
      }
      break;

    case MEMBER_ENUM:
      {
        int v = ((IntGetter) m->getter) (entity);

        /* Every feed enum has NONE = 0 (absent) and UNKNOWN = 1. */
        if (v != 0)
          {
            const char *s = connect_enum_to_feed_string (m->enum_type (), v);

            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_string (node, s != NULL ? s : "unknown");
          }
      }
      break;

    case MEMBER_COUNT:
      {
        gint64 v = ((CountGetter) m->getter) (entity);

        if (v >= 0)
          {
            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_int (node, v);
          }
      }
      break;

    case MEMBER_DATE:
      {
        const GDate *d = ((DateGetter) m->getter) (entity);

        if (d != NULL && g_date_valid (d))
          {
            char buf[16];

            g_snprintf (buf, sizeof buf, "%04u-%02u-%02u",
                        (guint) g_date_get_year (d),
                        (guint) g_date_get_month (d),
                        (guint) g_date_get_day (d));
            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_string (node, buf);
          }
      }
      break;

    case MEMBER_BOOL:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, ((IntGetter) m->getter) (entity) != 0);
      break;

    case MEMBER_TRISTATE:
      {
        int v = ((IntGetter) m->getter) (entity);

        if (v >= 0)
          {
            node = json_node_new (JSON_NODE_VALUE);
            json_node_set_boolean (node, v != 0);
          }
      }
      break;

    case MEMBER_STRV:
      {
        const char * const *strv = ((StrvGetter) m->getter) (entity);
        JsonArray *array = json_array_new ();

        for (gsize i = 0; strv != NULL && strv[i] != NULL; i++)
          json_array_add_string_element (array, strv[i]);
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
      }
      break;

    case MEMBER_OBJECT:
      if (m->present != NULL && ((IntGetter) m->present) (entity) == 0)
        break;
      node = members_to_object (m->sub_members, entity, NULL);
      if (m->present == NULL
          && json_object_get_size (json_node_get_object (node)) == 0)
        g_clear_pointer (&node, json_node_unref);
      break;

    default:
      g_assert_not_reached ();
    }

  return node;
}

static JsonNode *
members_to_object (const Member *members,
                   gpointer      entity,
                   const char   *id)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  if (id != NULL)
    json_object_set_string_member (object, "id", id);

  for (const Member *m = members; m->name != NULL; m++)
    {
      JsonNode *value = member_to_json (m, entity);

      if (value != NULL)
        json_object_set_member (object, m->name, value);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static JsonNode *
member_to_json_or_null (const Member *m,
                        gpointer      entity)
{
  JsonNode *node = member_to_json (m, entity);

  return node != NULL ? node : json_node_new (JSON_NODE_NULL);
}

/* ConnectChange */

struct _ConnectChange
{
  GObject            parent_instance;

  ConnectChangeType  type;
  ConnectEntityKind  entity_kind;
  char              *kind;
  char              *id;
  char              *field;
  JsonNode          *from;
  JsonNode          *to;
};

G_DEFINE_FINAL_TYPE (ConnectChange, connect_change, G_TYPE_OBJECT)

static void
connect_change_finalize (GObject *object)
{
  ConnectChange *self = CONNECT_CHANGE (object);

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->from, json_node_unref);
  g_clear_pointer (&self->to, json_node_unref);

  G_OBJECT_CLASS (connect_change_parent_class)->finalize (object);
}

static void
connect_change_class_init (ConnectChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = connect_change_finalize;
}

static void
connect_change_init (ConnectChange *self)
{
}

const char *
connect_entity_kind_to_string (ConnectEntityKind kind)
{
  switch (kind)
    {
    case CONNECT_ENTITY_KIND_TRIAL: return "trial";
    case CONNECT_ENTITY_KIND_PARTNER: return "partner";
    case CONNECT_ENTITY_KIND_SITE: return "site";
    case CONNECT_ENTITY_KIND_DRUG: return "drug";
    case CONNECT_ENTITY_KIND_COHORT: return "cohort";
    case CONNECT_ENTITY_KIND_COMMITMENT: return "commitment";
    case CONNECT_ENTITY_KIND_SNAPSHOT: return "snapshot";
    case CONNECT_ENTITY_KIND_EVENT: return "event";
    case CONNECT_ENTITY_KIND_FEED: return "feed";
    default: return "unknown";
    }
}

/* Takes ownership of @from and @to. */
static ConnectChange *
change_new_take (ConnectChangeType  type,
                 ConnectEntityKind  entity_kind,
                 const char        *id,
                 const char        *field,
                 JsonNode          *from,
                 JsonNode          *to)
{
  ConnectChange *self = g_object_new (CONNECT_TYPE_CHANGE, NULL);
  static const char * const suffixes[] = { "added", "removed", "changed" };

  self->type = type;
  self->entity_kind = entity_kind;
  self->kind = g_strdup_printf ("%s-%s",
                                connect_entity_kind_to_string (entity_kind),
                                suffixes[type]);
  self->id = g_strdup (id);
  self->field = g_strdup (field);
  self->from = from;
  self->to = to;
  return self;
}

/**
 * connect_change_new:
 *
 * Returns: (transfer full): a new change; @from and @to are copied.
 */
ConnectChange *
connect_change_new (ConnectChangeType  type,
                    ConnectEntityKind  entity_kind,
                    const char        *id,
                    const char        *field,
                    JsonNode          *from,
                    JsonNode          *to)
{
  g_return_val_if_fail (type <= CONNECT_CHANGE_CHANGED, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return change_new_take (type, entity_kind, id, field,
                          from != NULL ? json_node_copy (from) : NULL,
                          to != NULL ? json_node_copy (to) : NULL);
}

ConnectChangeType
connect_change_get_change_type (ConnectChange *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE (self), CONNECT_CHANGE_CHANGED);
  return self->type;
}

ConnectEntityKind
connect_change_get_entity_kind (ConnectChange *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE (self), CONNECT_ENTITY_KIND_FEED);
  return self->entity_kind;
}

const char *
connect_change_get_kind (ConnectChange *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE (self), NULL);
  return self->kind;
}

const char *
connect_change_get_id (ConnectChange *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE (self), NULL);
  return self->id;
}

const char *
connect_change_get_field (ConnectChange *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE (self), NULL);
  return self->field;
}

JsonNode *
connect_change_get_from (ConnectChange *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE (self), NULL);
  return self->from;
}

JsonNode *
connect_change_get_to (ConnectChange *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE (self), NULL);
  return self->to;
}

static char *
node_to_text (JsonNode *node)
{
  if (node == NULL)
    return g_strdup ("null");
  return json_to_string (node, FALSE);
}

/**
 * connect_change_to_string:
 *
 * Returns: (transfer full): one readable line
 */
char *
connect_change_to_string (ConnectChange *self)
{
  const char *entity;

  g_return_val_if_fail (CONNECT_IS_CHANGE (self), NULL);

  entity = connect_entity_kind_to_string (self->entity_kind);

  switch (self->type)
    {
    case CONNECT_CHANGE_ADDED:
      /* TRANSLATORS: "cohort IMP-031 added"; %s are the entity kind and id */
      return g_strdup_printf (_("%s %s added"), entity, self->id);
    case CONNECT_CHANGE_REMOVED:
      /* TRANSLATORS: "cohort IMP-031 removed" */
      return g_strdup_printf (_("%s %s removed"), entity, self->id);
    case CONNECT_CHANGE_CHANGED:
    default:
      {
        g_autofree char *from = node_to_text (self->from);
        g_autofree char *to = node_to_text (self->to);

        return g_strdup_printf ("%s %s %s: %s → %s", entity, self->id,
                                self->field, from, to);
      }
    }
}

/**
 * connect_change_to_json:
 *
 * Returns: (transfer full): `{"kind", "id", "field", "from", "to"}`
 */
JsonNode *
connect_change_to_json (ConnectChange *self)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (CONNECT_IS_CHANGE (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "kind", self->kind);
  json_object_set_string_member (object, "id", self->id);
  if (self->field != NULL)
    json_object_set_string_member (object, "field", self->field);
  else
    json_object_set_null_member (object, "field");
  json_object_set_member (object, "from",
                          self->from != NULL ? json_node_copy (self->from)
                                             : json_node_new (JSON_NODE_NULL));
  json_object_set_member (object, "to",
                          self->to != NULL ? json_node_copy (self->to)
                                           : json_node_new (JSON_NODE_NULL));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/**
 * connect_entity_to_json:
 *
 * Returns: (transfer full): the entity as a JSON object, `id` first, then
 *   its members in canonical order; absent members are left out.
 */
JsonNode *
connect_entity_to_json (ConnectEntity *entity)
{
  const Member *members;

  g_return_val_if_fail (CONNECT_IS_ENTITY (entity), NULL);

  members = members_for_kind (connect_entity_get_kind (entity));
  if (members == NULL)
    {
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_node_take_object (node, json_object_new ());
      return node;
    }

  return members_to_object (members, entity, connect_entity_get_id (entity));
}

/* The diff */

static void
diff_kind (GPtrArray         *changes,
           ConnectFeed       *old_feed,
           ConnectFeed       *new_feed,
           ConnectEntityKind  kind)
{
  const Member *members = members_for_kind (kind);
  GListModel *old_list = old_feed != NULL ? connect_feed_get_entities (old_feed, kind) : NULL;
  GListModel *new_list = new_feed != NULL ? connect_feed_get_entities (new_feed, kind) : NULL;
  guint n_old = old_list != NULL ? g_list_model_get_n_items (old_list) : 0;
  guint n_new = new_list != NULL ? g_list_model_get_n_items (new_list) : 0;

  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(ConnectEntity) entity = g_list_model_get_item (new_list, i);
      const char *id = connect_entity_get_id (entity);
      ConnectEntity *old = old_feed != NULL ? connect_feed_lookup (old_feed, kind, id) : NULL;

      if (old == NULL)
        {
          g_ptr_array_add (changes,
                           change_new_take (CONNECT_CHANGE_ADDED, kind, id, NULL, NULL,
                                            connect_entity_to_json (entity)));
          continue;
        }

      for (const Member *m = members; m->name != NULL; m++)
        {
          if (member_equal (m, old, entity))
            continue;
          g_ptr_array_add (changes,
                           change_new_take (CONNECT_CHANGE_CHANGED, kind, id, m->name,
                                            member_to_json_or_null (m, old),
                                            member_to_json_or_null (m, entity)));
        }
    }

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(ConnectEntity) entity = g_list_model_get_item (old_list, i);
      const char *id = connect_entity_get_id (entity);

      if (new_feed != NULL && connect_feed_lookup (new_feed, kind, id) != NULL)
        continue;
      g_ptr_array_add (changes,
                       change_new_take (CONNECT_CHANGE_REMOVED, kind, id, NULL,
                                        connect_entity_to_json (entity), NULL));
    }
}

/**
 * connect_diff_feeds:
 * @old_feed: (nullable): the previous feed
 * @new_feed: (nullable): the new feed
 *
 * Returns: (transfer full): a #GListModel of #ConnectChange
 */
GListModel *
connect_diff_feeds (ConnectFeed *old_feed,
                    ConnectFeed *new_feed)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;

  g_return_val_if_fail (old_feed == NULL || CONNECT_IS_FEED (old_feed), NULL);
  g_return_val_if_fail (new_feed == NULL || CONNECT_IS_FEED (new_feed), NULL);

  for (guint k = 0; k < G_N_ELEMENTS (diff_kinds); k++)
    diff_kind (changes, old_feed, new_feed, diff_kinds[k]);

  store = g_list_store_new (CONNECT_TYPE_CHANGE);
  g_list_store_splice (store, 0, 0, changes->pdata, changes->len);
  return G_LIST_MODEL (store);
}

typedef struct
{
  ConnectFeed *old_feed;
  ConnectFeed *new_feed;
} DiffData;

static void
diff_data_free (DiffData *data)
{
  g_clear_object (&data->old_feed);
  g_clear_object (&data->new_feed);
  g_free (data);
}

static void
diff_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DiffData *data = task_data;

  g_task_return_pointer (task,
                         connect_diff_feeds (data->old_feed, data->new_feed),
                         g_object_unref);
}

void
connect_diff_feeds_async (ConnectFeed         *old_feed,
                          ConnectFeed         *new_feed,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DiffData *data;

  g_return_if_fail (old_feed == NULL || CONNECT_IS_FEED (old_feed));
  g_return_if_fail (new_feed == NULL || CONNECT_IS_FEED (new_feed));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_diff_feeds_async);
  data = g_new0 (DiffData, 1);
  data->old_feed = old_feed != NULL ? g_object_ref (old_feed) : NULL;
  data->new_feed = new_feed != NULL ? g_object_ref (new_feed) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) diff_data_free);
  g_task_run_in_thread (task, diff_thread);
}

/**
 * connect_diff_feeds_finish:
 *
 * Returns: (transfer full): a #GListModel of #ConnectChange, or %NULL
 */
GListModel *
connect_diff_feeds_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
