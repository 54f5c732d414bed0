/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "connect-change-format.h"

struct _ConnectChangeGroup
{
  GObject            parent_instance;

  ConnectEntityKind  entity_kind;
  ConnectChangeType  type;
  char              *id;
  GListStore        *changes;
};

G_DEFINE_FINAL_TYPE (ConnectChangeGroup, connect_change_group, G_TYPE_OBJECT)

static void append_value (GString  *out,
                          JsonNode *node,
                          gboolean  nested);

static void
append_array (GString   *out,
              JsonArray *array,
              gboolean   nested)
{
  guint n = json_array_get_length (array);

  if (nested)
    g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_value (out, json_array_get_element (array, i), TRUE);
    }
  if (nested)
    g_string_append_c (out, ']');
}

static void
append_object (GString    *out,
               JsonObject *object,
               gboolean    nested)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;

  if (nested)
    g_string_append_c (out, '(');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      g_string_append_printf (out, "%s: ", name);
      append_value (out, member, TRUE);
    }
  if (nested)
    g_string_append_c (out, ')');
}

static void
append_value (GString  *out,
              JsonNode *node,
              gboolean  nested)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      /* TRANSLATORS: a value that is absent from the feed */
      g_string_append (out, _("none"));
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_ARRAY:
      append_array (out, json_node_get_array (node), nested);
      break;

    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node), nested);
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          g_string_append (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (out, g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
          }
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? _("yes") : _("no"));
          break;
        default:
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, _("none"));
      break;
    }
}

/**
 * connect_change_format_value:
 * @node: (nullable): a JSON value
 *
 * Returns: (transfer full): @node as plain text
 */
char *
connect_change_format_value (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  append_value (out, node, FALSE);
  return g_string_free (out, FALSE);
}

/**
 * connect_change_format_field:
 * @field: a member name of the feed
 *
 * Returns: (transfer full): @field with underscores as spaces
 */
char *
connect_change_format_field (const char *field)
{
  char *text;

  g_return_val_if_fail (field != NULL, NULL);

  text = g_strdup (field);
  g_strdelimit (text, "_", ' ');
  return text;
}

/**
 * connect_change_format_change:
 * @change: one member change
 *
 * Returns: (transfer full): "stage 1 → 2", "evaluating → open", "added",
 *   "removed"
 */
char *
connect_change_format_change (ConnectChange *change)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *field = NULL;
  const char *name;

  g_return_val_if_fail (CONNECT_IS_CHANGE (change), NULL);

  switch (connect_change_get_change_type (change))
    {
    case CONNECT_CHANGE_ADDED:
      /* TRANSLATORS: an entity (cohort, site, ...) is new in the feed */
      return g_strdup (_("added"));
    case CONNECT_CHANGE_REMOVED:
      /* TRANSLATORS: an entity (cohort, site, ...) left the feed */
      return g_strdup (_("removed"));
    case CONNECT_CHANGE_CHANGED:
    default:
      break;
    }

  from = connect_change_format_value (connect_change_get_from (change));
  to = connect_change_format_value (connect_change_get_to (change));
  name = connect_change_get_field (change);

  if (name == NULL || g_str_equal (name, "status") || g_str_equal (name, "state"))
    return g_strdup_printf ("%s → %s", from, to);

  field = connect_change_format_field (name);
  /* TRANSLATORS: a changed member: "stage 1 → 2"; the member name, then the
   * old and the new value */
  return g_strdup_printf (_("%s %s → %s"), field, from, to);
}

const char *
connect_change_format_kind_heading (ConnectEntityKind kind)
{
  switch (kind)
    {
    case CONNECT_ENTITY_KIND_TRIAL: return _("Trials");
    case CONNECT_ENTITY_KIND_PARTNER: return _("Partners");
    case CONNECT_ENTITY_KIND_SITE: return _("Sites");
    case CONNECT_ENTITY_KIND_DRUG: return _("Drugs");
    case CONNECT_ENTITY_KIND_COHORT: return _("Cohorts");
    case CONNECT_ENTITY_KIND_COMMITMENT: return _("Commitments");
    case CONNECT_ENTITY_KIND_SNAPSHOT: return _("Trial Snapshots");
    case CONNECT_ENTITY_KIND_EVENT: return _("Cohort Events");
    case CONNECT_ENTITY_KIND_FEED:
    default:
      return _("Feed");
    }
}

const char *
connect_change_format_kind_label (ConnectEntityKind kind)
{
  switch (kind)
    {
    case CONNECT_ENTITY_KIND_TRIAL: return _("Trial");
    case CONNECT_ENTITY_KIND_PARTNER: return _("Partner");
    case CONNECT_ENTITY_KIND_SITE: return _("Site");
    case CONNECT_ENTITY_KIND_DRUG: return _("Drug");
    case CONNECT_ENTITY_KIND_COHORT: return _("Cohort");
    case CONNECT_ENTITY_KIND_COMMITMENT: return _("Commitment");
    case CONNECT_ENTITY_KIND_SNAPSHOT: return _("Trial Snapshot");
    case CONNECT_ENTITY_KIND_EVENT: return _("Cohort Event");
    case CONNECT_ENTITY_KIND_FEED:
    default:
      return _("Feed");
    }
}

char *
connect_change_format_kind_count (ConnectEntityKind kind,
                                  guint             n)
{
  switch (kind)
    {
    case CONNECT_ENTITY_KIND_TRIAL:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trial", "%u trials", n), n);
    case CONNECT_ENTITY_KIND_PARTNER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner", "%u partners", n), n);
    case CONNECT_ENTITY_KIND_SITE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u site", "%u sites", n), n);
    case CONNECT_ENTITY_KIND_DRUG:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u drug", "%u drugs", n), n);
    case CONNECT_ENTITY_KIND_COHORT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cohort", "%u cohorts", n), n);
    case CONNECT_ENTITY_KIND_COMMITMENT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u commitment", "%u commitments", n), n);
    case CONNECT_ENTITY_KIND_SNAPSHOT:
    case CONNECT_ENTITY_KIND_EVENT:
    case CONNECT_ENTITY_KIND_FEED:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other", "%u others", n), n);
    }
}

/* ConnectChangeGroup */

static void
connect_change_group_finalize (GObject *object)
{
  ConnectChangeGroup *self = CONNECT_CHANGE_GROUP (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->changes);

  G_OBJECT_CLASS (connect_change_group_parent_class)->finalize (object);
}

static void
connect_change_group_class_init (ConnectChangeGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = connect_change_group_finalize;
}

static void
connect_change_group_init (ConnectChangeGroup *self)
{
  self->changes = g_list_store_new (CONNECT_TYPE_CHANGE);
  self->type = CONNECT_CHANGE_CHANGED;
}

ConnectEntityKind
connect_change_group_get_entity_kind (ConnectChangeGroup *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE_GROUP (self), CONNECT_ENTITY_KIND_FEED);
  return self->entity_kind;
}

const char *
connect_change_group_get_id (ConnectChangeGroup *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE_GROUP (self), NULL);
  return self->id;
}

ConnectChangeType
connect_change_group_get_change_type (ConnectChangeGroup *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE_GROUP (self), CONNECT_CHANGE_CHANGED);
  return self->type;
}

/**
 * connect_change_group_get_changes:
 *
 * Returns: (transfer none): the changes of the group
 */
GListModel *
connect_change_group_get_changes (ConnectChangeGroup *self)
{
  g_return_val_if_fail (CONNECT_IS_CHANGE_GROUP (self), NULL);
  return G_LIST_MODEL (self->changes);
}

/* The "name" member of an added or removed entity, if it has one. */
static const char *
entity_name (JsonNode *entity)
{
  JsonObject *object;
  JsonNode *name;

  if (entity == NULL || !JSON_NODE_HOLDS_OBJECT (entity))
    return NULL;

  object = json_node_get_object (entity);
  name = json_object_get_member (object, "name");
  if (name == NULL || json_node_get_value_type (name) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (name);
}

/**
 * connect_change_group_describe:
 *
 * Returns: (transfer full): what happened to the entity, without its id
 */
char *
connect_change_group_describe (ConnectChangeGroup *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (CONNECT_IS_CHANGE_GROUP (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->changes));

  if (self->type != CONNECT_CHANGE_CHANGED && n > 0)
    {
      g_autoptr(ConnectChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), 0);
      JsonNode *entity = self->type == CONNECT_CHANGE_ADDED ? connect_change_get_to (change)
                                                           : connect_change_get_from (change);
      const char *name = entity_name (entity);

      if (name == NULL)
        return connect_change_format_change (change);

      if (self->type == CONNECT_CHANGE_ADDED)
        /* TRANSLATORS: "added: Lung cancer, KRAS G12C, sotorasib"; %s is the
         * name of the new entity */
        return g_strdup_printf (_("added: %s"), name);
      else
        /* TRANSLATORS: "removed: Lung cancer, KRAS G12C, sotorasib" */
        return g_strdup_printf (_("removed: %s"), name);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);
      g_autofree char *text = connect_change_format_change (change);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, text);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * connect_change_group_to_string:
 *
 * Returns: (transfer full): "IMP-006: evaluating → open, stage 1 → 2"
 */
char *
connect_change_group_to_string (ConnectChangeGroup *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CONNECT_IS_CHANGE_GROUP (self), NULL);

  text = connect_change_group_describe (self);
  /* TRANSLATORS: "IMP-006: evaluating → open"; the entity id, then what
   * changed */
  return g_strdup_printf (_("%s: %s"), self->id, text);
}

/**
 * connect_change_group_list_new:
 * @changes: (element-type ConnectChange): the changes of one sync
 *
 * Returns: (transfer full): a GListStore of ConnectChangeGroup
 */
GListModel *
connect_change_group_list_new (GListModel *changes)
{
  GListStore *groups;
  ConnectChangeGroup *current = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (changes), NULL);

  groups = g_list_store_new (CONNECT_TYPE_CHANGE_GROUP);
  n = g_list_model_get_n_items (changes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectChange) change = g_list_model_get_item (changes, i);
      ConnectEntityKind kind = connect_change_get_entity_kind (change);
      const char *id = connect_change_get_id (change);
      ConnectChangeType type = connect_change_get_change_type (change);

      /* An added or removed entity is a group of its own; member changes
       * of the same entity in a row join the current group. */
      if (current == NULL ||
          current->entity_kind != kind ||
          g_strcmp0 (current->id, id) != 0 ||
          current->type != CONNECT_CHANGE_CHANGED ||
          type != CONNECT_CHANGE_CHANGED)
        {
          g_autoptr(ConnectChangeGroup) group = g_object_new (CONNECT_TYPE_CHANGE_GROUP, NULL);

          group->entity_kind = kind;
          group->type = type;
          group->id = g_strdup (id);
          g_list_store_append (groups, group);
          current = group;
        }

      g_list_store_append (current->changes, change);
    }

  return G_LIST_MODEL (groups);
}

guint
connect_change_group_list_count_kind (GListModel        *groups,
                                      ConnectEntityKind  kind)
{
  guint n, count = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (groups), 0);

  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectChangeGroup) group = g_list_model_get_item (groups, i);

      if (group->entity_kind == kind)
        count++;
    }

  return count;
}
