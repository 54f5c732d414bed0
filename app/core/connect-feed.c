/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-feed.c: parse and validate a feed (format version 1).
 *
 * The pipeline: the size cap, then connect_json_check() on the raw bytes
 * (strict RFC 8259, no duplicate member names, nesting of at most
 * CONNECT_FEED_MAX_DEPTH), then ONE pass over the checked text that
 * validates every member and fills the entity structs directly.
 *
 * The pass reads the text itself instead of a json-glib tree: once the
 * syntax is proven, building a JsonNode for every value and freeing the
 * tree again costs more than everything else together (measured on 100 000
 * cohorts: json-glib parse 1.45 s plus 0.3-1.0 s to free the tree, against
 * 0.9 s for this whole function, syntax check and checksum included).
 *
 * Arrays are read in an order where every reference points to an array
 * already read (partners, trials, sites, drugs, cohorts, commitments,
 * snapshots, events), so references are checked in the same pass.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "connect-core-resources.h"
#include "connect-error.h"
#include "connect-feed.h"
#include "connect-json.h"
#include "connect-model-private.h"

#define SAMPLE_FEED_PATH "/org/connectnorway/Cohorts/core/sample-feed.json"

/* ConnectEntityList: an immutable list model over an array of entities */

#define CONNECT_TYPE_ENTITY_LIST (connect_entity_list_get_type ())
G_DECLARE_FINAL_TYPE (ConnectEntityList, connect_entity_list, CONNECT, ENTITY_LIST, GObject)

struct _ConnectEntityList
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;
};

static GType
connect_entity_list_get_item_type (GListModel *model)
{
  return CONNECT_ENTITY_LIST (model)->item_type;
}

static guint
connect_entity_list_get_n_items (GListModel *model)
{
  return CONNECT_ENTITY_LIST (model)->items->len;
}

static gpointer
connect_entity_list_get_item (GListModel *model,
                              guint       position)
{
  ConnectEntityList *self = CONNECT_ENTITY_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
connect_entity_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = connect_entity_list_get_item_type;
  iface->get_n_items = connect_entity_list_get_n_items;
  iface->get_item = connect_entity_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (ConnectEntityList, connect_entity_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      connect_entity_list_model_init))

static void
connect_entity_list_finalize (GObject *object)
{
  ConnectEntityList *self = CONNECT_ENTITY_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (connect_entity_list_parent_class)->finalize (object);
}

static void
connect_entity_list_class_init (ConnectEntityListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = connect_entity_list_finalize;
}

static void
connect_entity_list_init (ConnectEntityList *self)
{
}

static GListModel *
connect_entity_list_new (GType      item_type,
                         GPtrArray *items)
{
  ConnectEntityList *self = g_object_new (CONNECT_TYPE_ENTITY_LIST, NULL);

  self->item_type = item_type;
  self->items = g_ptr_array_ref (items);

  return G_LIST_MODEL (self);
}

/* ConnectFeed */

struct _ConnectFeed
{
  GObject        parent_instance;

  ConnectArena  *arena;

  int            version;
  GDateTime     *generated_at;
  const char    *publisher_name;
  const char    *publisher_url;
  const char    *publisher_contact;
  char          *checksum;
  gsize          size;

  /* (element-type ConnectEntity) (owned), per kind */
  GPtrArray     *entities[CONNECT_N_ENTITY_KINDS];
  GListModel    *lists[CONNECT_N_ENTITY_KINDS];
  /* id → entity (borrowed), per kind; NULL for snapshots and events */
  GHashTable    *by_id[CONNECT_N_ENTITY_KINDS];

  /* (element-type ConnectIssue) (owned) */
  GPtrArray     *warnings;
  /* (kind, index) key → GPtrArray of borrowed issues */
  GHashTable    *entity_warnings;
  /* cohort id → GPtrArray of borrowed events / commitments */
  GHashTable    *cohort_events;
  GHashTable    *cohort_commitments;
  GPtrArray     *empty;
};

G_DEFINE_FINAL_TYPE (ConnectFeed, connect_feed, G_TYPE_OBJECT)

typedef struct
{
  const char *array;
  GType     (*get_type) (void);
  gboolean    has_id;
  gboolean    required;
} KindInfo;

/* Indexed by ConnectEntityKind */
static const KindInfo kind_info[CONNECT_N_ENTITY_KINDS] = {
  { "trials", connect_trial_get_type, TRUE, TRUE },
  { "partners", connect_partner_get_type, TRUE, FALSE },
  { "sites", connect_site_get_type, TRUE, FALSE },
  { "drugs", connect_drug_get_type, TRUE, FALSE },
  { "cohorts", connect_cohort_get_type, TRUE, TRUE },
  { "commitments", connect_commitment_get_type, TRUE, FALSE },
  { "snapshots", connect_snapshot_get_type, FALSE, FALSE },
  { "events", connect_event_get_type, FALSE, FALSE },
};

/* The order the arrays are read in: each refers only to earlier ones. */
static const ConnectEntityKind parse_order[CONNECT_N_ENTITY_KINDS] = {
  CONNECT_ENTITY_KIND_PARTNER,
  CONNECT_ENTITY_KIND_TRIAL,
  CONNECT_ENTITY_KIND_SITE,
  CONNECT_ENTITY_KIND_DRUG,
  CONNECT_ENTITY_KIND_COHORT,
  CONNECT_ENTITY_KIND_COMMITMENT,
  CONNECT_ENTITY_KIND_SNAPSHOT,
  CONNECT_ENTITY_KIND_EVENT,
};

static inline gpointer
warning_key (ConnectEntityKind kind,
             int               idx)
{
  return GUINT_TO_POINTER ((((guint) kind << 27) | (guint) idx) + 1);
}

/* Reading the JSON text.
 *
 * connect_json_check() has proven the text to be exactly one strict
 * RFC 8259 value with no duplicate member names and nesting of at most
 * CONNECT_FEED_MAX_DEPTH levels, so the reader below can be simple and
 * fast: it never builds a tree. An object is read into a table of the
 * members its schema knows (unknown members are skipped), each a JVal
 * that points at the value in the text; strings are decoded when they are
 * used. Every loop still stops at the end of the text. */

typedef enum
{
  JV_ABSENT,
  JV_NULL,
  JV_BOOL,
  JV_INT,
  JV_DOUBLE,
  JV_STRING,
  JV_OBJECT,
  JV_ARRAY,
} JvType;

typedef struct
{
  const char *pos;    /* first character of the value */
  guint32     len;    /* strings: bytes between the quotes */
  guint8      type;   /* JvType */
  guint8      plain;  /* strings: no escapes */
} JVal;

typedef enum
{
  SCHEMA_ROOT,
  SCHEMA_PUBLISHER,
  SCHEMA_TRIAL,
  SCHEMA_REGISTRY,
  SCHEMA_DESIGN,
  SCHEMA_PARTNER,
  SCHEMA_SITE,
  SCHEMA_DRUG,
  SCHEMA_COHORT,
  SCHEMA_TUMOR,
  SCHEMA_BIOMARKER,
  SCHEMA_COMMITMENT,
  SCHEMA_SNAPSHOT,
  SCHEMA_EVENT,
  N_SCHEMAS
} SchemaId;

#define MAX_MEMBERS 24

/* The members each kind of object knows, in no particular order. */
static const char * const schema_members[N_SCHEMAS][MAX_MEMBERS + 1] = {
  [SCHEMA_ROOT] = { "format", "version", "generated_at", "publisher", "trials", "partners",
                    "sites", "drugs", "cohorts", "commitments", "snapshots", "events", NULL },
  [SCHEMA_PUBLISHER] = { "name", "url", "contact", NULL },
  [SCHEMA_TRIAL] = { "id", "name", "title", "registry", "sponsor", "status", "url", "started",
                     "design", NULL },
  [SCHEMA_REGISTRY] = { "nct", "eudract", NULL },
  [SCHEMA_DESIGN] = { "stage1_patients", "stage1_min_benefit", "stage2_patients",
                      "expansion_min_benefit", "evaluation_week", NULL },
  [SCHEMA_PARTNER] = { "id", "name", "kind", "membership", "joined", "country", "url", NULL },
  [SCHEMA_SITE] = { "id", "name", "partner", "city", "region", "recruiting", NULL },
  [SCHEMA_DRUG] = { "id", "name", "brands", "supplier", "targets", "atc", NULL },
  [SCHEMA_COHORT] = { "id", "trial", "name", "drugs", "tumor", "biomarker", "status", "stage",
                      "outcome", "enrolled", "target", "evaluable", "with_benefit", "sites",
                      "opened", "closed", "status_changed", "contact", "notes", "updated", NULL },
  [SCHEMA_TUMOR] = { "name", "code", "agnostic", NULL },
  [SCHEMA_BIOMARKER] = { "genes", "alteration", "variant", "description", NULL },
  [SCHEMA_COMMITMENT] = { "id", "partner", "drug", "trial", "cohorts", "kind", "slots", "used",
                          "reserved", "payer_after_week16", "valid_from", "valid_until", "state",
                          "announced", "notes", NULL },
  [SCHEMA_SNAPSHOT] = { "trial", "as_of", "screened", "discussed", "offered", "started",
                        "evaluable", "disease_control", NULL },
  [SCHEMA_EVENT] = { "cohort", "at", "to", "from", "stage", "reason", NULL },
};

/* Indexed by ConnectEntityKind */
static const SchemaId kind_schema[CONNECT_N_ENTITY_KINDS] = {
  SCHEMA_TRIAL, SCHEMA_PARTNER, SCHEMA_SITE, SCHEMA_DRUG,
  SCHEMA_COHORT, SCHEMA_COMMITMENT, SCHEMA_SNAPSHOT, SCHEMA_EVENT,
};

/* name → index + 1, per schema; built once, then read-only */
static GHashTable *schema_index[N_SCHEMAS];

static void
schemas_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint s = 0; s < N_SCHEMAS; s++)
        {
          schema_index[s] = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; schema_members[s][i] != NULL; i++)
            {
              g_assert (i < MAX_MEMBERS);
              g_hash_table_insert (schema_index[s], (gpointer) schema_members[s][i],
                                   GUINT_TO_POINTER (i + 1));
            }
        }

      g_once_init_leave (&initialized, 1);
    }
}

typedef struct
{
  SchemaId schema;
  JVal     members[MAX_MEMBERS];
} Obj;

/* The member @name (which the schema must know), or NULL when absent. */
static inline JVal *
obj_get (Obj        *obj,
         const char *name)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (schema_index[obj->schema], name));

  g_assert (i > 0);

  return obj->members[i - 1].type != JV_ABSENT ? &obj->members[i - 1] : NULL;
}

typedef enum
{
  OPTIONAL = 0,
  REQUIRED = 1 << 0,
  INTERN   = 1 << 1,
  NONEMPTY = 1 << 2,
  NULLABLE = 1 << 3,
} ReadFlags;

typedef struct
{
  ConnectFeed       *feed;
  ConnectArena      *arena;
  ConnectIssue      *error;

  /* the text */
  const char        *end;
  GString           *scratch;
  gboolean           scratch_has_nul;

  /* the entity being read; array is NULL at the top level */
  const char        *array;
  ConnectEntityKind  kind;
  int                index;
  const char        *id;

  GTimeZone         *utc;
  GHashTable        *zones;
} Parser;

static inline const char *
skip_space (Parser     *p,
            const char *s)
{
  while (s < p->end && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
    s++;

  return s;
}

static inline int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gunichar
read_hex4 (Parser     *p,
           const char *s)
{
  gunichar value = 0;

  if (p->end - s < 4)
    return 0xfffd;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_digit (s[i]);

      if (digit < 0)
        return 0xfffd;
      value = value * 16 + (gunichar) digit;
    }

  return value;
}

/* The string @v decoded, valid until the next call. A decoded U+0000 sets
 * scratch_has_nul, as C strings cannot hold it. */
static const char *
jv_string (Parser     *p,
           const JVal *v)
{
  const char *s = v->pos + 1;
  const char *end = s + v->len;

  g_assert (v->type == JV_STRING);

  g_string_truncate (p->scratch, 0);
  p->scratch_has_nul = FALSE;

  if (v->plain)
    {
      g_string_append_len (p->scratch, s, v->len);
      return p->scratch->str;
    }

  while (s < end)
    {
      const char *backslash = memchr (s, '\\', end - s);
      gunichar c;

      if (backslash == NULL)
        {
          g_string_append_len (p->scratch, s, end - s);
          break;
        }

      g_string_append_len (p->scratch, s, backslash - s);
      s = backslash + 1;
      if (s >= end)
        break;

      switch (*s)
        {
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'u':
          c = read_hex4 (p, s + 1);
          s += 4;
          if (c >= 0xd800 && c < 0xdc00 && end - s >= 7 && s[1] == '\\' && s[2] == 'u')
            {
              gunichar low = read_hex4 (p, s + 3);

              if (low >= 0xdc00 && low < 0xe000)
                {
                  c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                  s += 6;
                }
            }
          if (c >= 0xd800 && c < 0xe000)
            c = 0xfffd;
          if (c == 0)
            p->scratch_has_nul = TRUE;
          break;
        default: c = (guchar) *s; break;
        }

      g_string_append_unichar (p->scratch, c);
      s++;
    }

  return p->scratch->str;
}

static gint64
jv_int (const JVal *v,
        gboolean   *overflow)
{
  gint64 value;
  char *end = NULL;

  g_assert (v->type == JV_INT);

  errno = 0;
  value = g_ascii_strtoll (v->pos, &end, 10);
  *overflow = errno == ERANGE;

  return value;
}

static double
jv_double (const JVal *v)
{
  g_assert (v->type == JV_DOUBLE || v->type == JV_INT);

  return g_ascii_strtod (v->pos, NULL);
}

/* The literal text of the whole number @v, for a message. */
static char *
jv_number_text (Parser     *p,
                const JVal *v)
{
  const char *q = v->pos;

  while (q < p->end && q - v->pos < 40 && (g_ascii_isdigit (*q) || *q == '-'))
    q++;

  return g_strndup (v->pos, q - v->pos);
}

static inline gboolean
jv_bool (const JVal *v)
{
  g_assert (v->type == JV_BOOL);

  return v->pos[0] == 't';
}


/* Reads the value at @s into @out; returns the position after it. */
static const char *
scan_value (Parser     *p,
            const char *s,
            JVal       *out)
{
  const char *q;

  out->pos = s;
  out->len = 0;
  out->plain = TRUE;

  if (s >= p->end)
    {
      out->type = JV_NULL;
      return p->end;
    }

  switch (*s)
    {
    case '"':
      out->type = JV_STRING;
      for (q = s + 1; q < p->end && *q != '"'; q++)
        {
          if (*q == '\\')
            {
              out->plain = FALSE;
              q++;
            }
        }
      out->len = (guint32) MIN ((gsize) (q - (s + 1)), G_MAXUINT32);
      return q < p->end ? q + 1 : p->end;

    case '{':
    case '[':
      {
        guint depth = 0;

        out->type = *s == '{' ? JV_OBJECT : JV_ARRAY;
        for (q = s; q < p->end; q++)
          {
            if (*q == '"')
              {
                for (q++; q < p->end && *q != '"'; q++)
                  if (*q == '\\')
                    q++;
              }
            else if (*q == '{' || *q == '[')
              depth++;
            else if ((*q == '}' || *q == ']') && --depth == 0)
              return q + 1;
          }
        return p->end;
      }

    case 't':
      out->type = JV_BOOL;
      return MIN (s + 4, p->end);

    case 'f':
      out->type = JV_BOOL;
      return MIN (s + 5, p->end);

    case 'n':
      out->type = JV_NULL;
      return MIN (s + 4, p->end);

    default:
      out->type = JV_INT;
      for (q = s; q < p->end; q++)
        {
          if (*q == '.' || *q == 'e' || *q == 'E')
            out->type = JV_DOUBLE;
          else if (!g_ascii_isdigit (*q) && *q != '-' && *q != '+')
            break;
        }
      /* always move on, even over text that is not JSON */
      return q > s ? q : s + 1;
    }
}

/* Reads the members of the object at @s that @schema knows; returns the
 * position after the object. */
static const char *
scan_object (Parser     *p,
             SchemaId    schema,
             const char *s,
             Obj        *obj)
{
  GHashTable *index = schema_index[schema];

  obj->schema = schema;
  memset (obj->members, 0, sizeof obj->members);

  g_assert (s < p->end && *s == '{');
  s = skip_space (p, s + 1);

  while (s < p->end && *s != '}')
    {
      JVal key, value;
      const char *name;
      guint i;

      if (*s == ',')
        s = skip_space (p, s + 1);

      s = scan_value (p, s, &key);
      s = skip_space (p, s);
      if (s < p->end && *s == ':')
        s = skip_space (p, s + 1);
      s = skip_space (p, scan_value (p, s, &value));

      if (key.type != JV_STRING || key.len > 32)
        continue;

      if (key.plain)
        {
          char buf[33];

          memcpy (buf, key.pos + 1, key.len);
          buf[key.len] = '\0';
          i = GPOINTER_TO_UINT (g_hash_table_lookup (index, buf));
        }
      else
        {
          /* an escaped member name: decode it (rare) */
          name = jv_string (p, &key);
          i = GPOINTER_TO_UINT (g_hash_table_lookup (index, name));
        }

      if (i > 0)
        obj->members[i - 1] = value;
    }

  return s < p->end ? s + 1 : p->end;
}

static char *
parser_path (Parser     *p,
             const char *parent,
             const char *name,
             int         item)
{
  GString *path = g_string_new (NULL);

  if (p->array != NULL)
    {
      g_string_append_printf (path, "%s[%d]", p->array, p->index);
      if (p->id != NULL)
        g_string_append_printf (path, " (%s)", p->id);
    }

  if (parent != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, parent);
    }

  if (name != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, name);
    }

  if (item >= 0)
    g_string_append_printf (path, "[%d]", item);

  return g_string_free (path, FALSE);
}

static ConnectIssue * G_GNUC_PRINTF (5, 0)
parser_issue_valist (Parser     *p,
                     const char *parent,
                     const char *name,
                     int         item,
                     const char *format,
                     va_list     args)
{
  g_autofree char *path = parser_path (p, parent, name, item);
  g_autofree char *message = g_strdup_vprintf (format, args);

  return connect_issue_new (p->kind, p->array != NULL ? p->index : -1, p->id,
                            path[0] != '\0' ? path : NULL, 0, 0, message);
}

/* Records the error that rejects the feed; returns FALSE for convenience. */
static gboolean parser_fail (Parser     *p,
                             const char *parent,
                             const char *name,
                             int         item,
                             const char *format,
                             ...) G_GNUC_PRINTF (5, 6);

static gboolean
parser_fail (Parser     *p,
             const char *parent,
             const char *name,
             int         item,
             const char *format,
             ...)
{
  va_list args;

  g_assert (p->error == NULL);

  va_start (args, format);
  p->error = parser_issue_valist (p, parent, name, item, format, args);
  va_end (args);

  return FALSE;
}

static void parser_warn (Parser     *p,
                         const char *parent,
                         const char *name,
                         int         item,
                         const char *format,
                         ...) G_GNUC_PRINTF (5, 6);

static void
parser_warn (Parser     *p,
             const char *parent,
             const char *name,
             int         item,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (p->feed->warnings,
                   parser_issue_valist (p, parent, name, item, format, args));
  va_end (args);
}

/* What a value is, for "found …" */
static const char *
jv_description (const JVal *v)
{
  switch ((JvType) v->type)
    {
    case JV_OBJECT:
      return _("an object");

    case JV_ARRAY:
      return _("an array");

    case JV_NULL:
      return _("null");

    case JV_STRING:
      return _("a string");

    case JV_BOOL:
      return _("a boolean");

    case JV_INT:
    case JV_DOUBLE:
    case JV_ABSENT:
    default:
      return _("a number");
    }
}

static gboolean
parser_wrong_type (Parser     *p,
                   const char *parent,
                   const char *name,
                   int         item,
                   const char *expected,
                   const JVal *found)
{
  /* Translators: "expected a string, found a number" */
  return parser_fail (p, parent, name, item, _("expected %s, found %s"),
                      expected, jv_description (found));
}

static gboolean
parser_missing (Parser     *p,
                const char *parent,
                const char *name,
                const char *expected)
{
  /* Translators: %s is what the member should hold, such as "a string" */
  return parser_fail (p, parent, name, -1,
                      _("this required member is missing; expected %s"),
                      expected);
}

/* A value shown in a message: control characters and backslashes escaped
 * (UTF-8 kept as it is), and cut short. */
static char *
display_value (const char *str)
{
  GString *shown = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *c = str; *c != '\0'; c++)
    {
      guchar byte = (guchar) *c;

      /* count characters by their first byte */
      if ((byte & 0xc0) != 0x80 && n_chars++ == 80)
        {
          g_string_append (shown, "…");
          break;
        }

      if (byte == '\\')
        g_string_append (shown, "\\\\");
      else if (byte < 0x20 || byte == 0x7f)
        g_string_append_printf (shown, "\\u%04x", byte);
      else
        g_string_append_c (shown, (char) byte);
    }

  return g_string_free (shown, FALSE);
}

/* Decodes the string @v and keeps it in the arena. */
static gboolean
store_string (Parser      *p,
              const JVal  *v,
              const char  *parent,
              const char  *name,
              int          item,
              ReadFlags    flags,
              const char **out)
{
  const char *str = jv_string (p, v);

  if (p->scratch_has_nul)
    return parser_fail (p, parent, name, item,
                        _("a string here must not contain the character U+0000 (“\\u0000”)"));

  if (flags & INTERN)
    *out = _connect_arena_intern (p->arena, str);
  else
    *out = _connect_arena_strdup (p->arena, str);

  return TRUE;
}

static gboolean
read_string (Parser      *p,
             Obj         *obj,
             const char  *parent,
             const char  *name,
             ReadFlags    flags,
             const char **out)
{
  JVal *node = obj_get (obj, name);

  if (node == NULL)
    return !(flags & REQUIRED) || parser_missing (p, parent, name, _("a string"));

  if (node->type != JV_STRING)
    return parser_wrong_type (p, parent, name, -1, _("a string"), node);

  return store_string (p, node, parent, name, -1, flags, out);
}

static gboolean
read_object (Parser      *p,
             Obj         *obj,
             const char  *name,
             ReadFlags    flags,
             SchemaId     schema,
             Obj         *out,
             gboolean    *present)
{
  JVal *node = obj_get (obj, name);

  *present = FALSE;

  if (node == NULL)
    return !(flags & REQUIRED) || parser_missing (p, NULL, name, _("an object"));

  if (node->type != JV_OBJECT)
    return parser_wrong_type (p, NULL, name, -1, _("an object"), node);

  scan_object (p, schema, node->pos, out);
  *present = TRUE;

  return TRUE;
}

/* 2.5, 1.0 and 1e2 are all written with a fraction or exponent */
static gboolean
parser_not_whole (Parser     *p,
                  const char *parent,
                  const char *name,
                  double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return parser_fail (p, parent, name, -1,
                        _("expected a whole number, found a number that is not finite"));

  g_ascii_formatd (buf, sizeof buf, "%.17g", value);

  if (value == floor (value))
    /* Translators: %s is a number such as 10, written 10.0 or 1e1 in the feed */
    return parser_fail (p, parent, name, -1,
                        _("expected a whole number written without a decimal point or exponent, such as %s"),
                        buf);

  return parser_fail (p, parent, name, -1,
                      _("expected a whole number, found %s"), buf);
}

static gboolean
read_count (Parser     *p,
            Obj        *obj,
            const char *parent,
            const char *name,
            ReadFlags   flags,
            gint32     *out)
{
  JVal *node = obj_get (obj, name);
  gboolean overflow;
  gint64 value;

  if (node == NULL)
    return !(flags & REQUIRED) || parser_missing (p, parent, name, _("a whole number"));

  if ((flags & NULLABLE) && node->type == JV_NULL)
    return TRUE;

  if (node->type == JV_DOUBLE)
    return parser_not_whole (p, parent, name, jv_double (node));

  if (node->type != JV_INT)
    return parser_wrong_type (p, parent, name, -1, _("a whole number"), node);

  value = jv_int (node, &overflow);

  if (overflow || value < 0 || value > G_MAXINT32)
    {
      g_autofree char *text = jv_number_text (p, node);

      if (text[0] == '-')
        return parser_fail (p, parent, name, -1,
                            _("expected a count of 0 or more, found %s"), text);

      return parser_fail (p, parent, name, -1,
                          _("expected a count no larger than 2147483647, found %s"),
                          text);
    }

  *out = (gint32) value;

  return TRUE;
}

static gboolean
read_bool (Parser     *p,
           Obj        *obj,
           const char *parent,
           const char *name,
           gint8      *out)
{
  JVal *node = obj_get (obj, name);

  if (node == NULL)
    return TRUE;

  if (node->type != JV_BOOL)
    return parser_wrong_type (p, parent, name, -1, _("true or false"), node);

  *out = jv_bool (node) ? 1 : 0;

  return TRUE;
}

static inline int
two_digits (const char *s)
{
  if (!g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]))
    return -1;

  return (s[0] - '0') * 10 + (s[1] - '0');
}

/* YYYY-MM-DD, a real calendar date; reads exactly 10 characters. */
static gboolean
parse_date_part (const char *s,
                 int        *year,
                 int        *month,
                 int        *day)
{
  int hi, lo;

  if (strnlen (s, 10) < 10 || s[4] != '-' || s[7] != '-')
    return FALSE;

  hi = two_digits (s);
  lo = two_digits (s + 2);
  *month = two_digits (s + 5);
  *day = two_digits (s + 8);

  if (hi < 0 || lo < 0 || *month < 0 || *day < 0)
    return FALSE;

  *year = hi * 100 + lo;

  return g_date_valid_dmy (*day, *month, *year);
}

static gboolean
read_date (Parser     *p,
           Obj        *obj,
           const char *parent,
           const char *name,
           ReadFlags   flags,
           GDate      *out)
{
  JVal *node = obj_get (obj, name);
  const char *str;
  int year, month, day;

  if (node == NULL)
    return !(flags & REQUIRED) || parser_missing (p, parent, name, _("a date (YYYY-MM-DD)"));

  if (node->type != JV_STRING)
    return parser_wrong_type (p, parent, name, -1, _("a date (YYYY-MM-DD)"), node);

  str = jv_string (p, node);

  if (!parse_date_part (str, &year, &month, &day) || str[10] != '\0')
    {
      g_autofree char *shown = display_value (str);

      return parser_fail (p, parent, name, -1,
                          _("malformed date “%s”; expected a real calendar date written YYYY-MM-DD"),
                          shown);
    }

  g_date_set_dmy (out, day, month, year);

  return TRUE;
}

static GTimeZone *
parser_get_zone (Parser *p,
                 int     offset)
{
  GTimeZone *zone;

  if (offset == 0)
    return p->utc;

  if (p->zones == NULL)
    p->zones = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_time_zone_unref);

  zone = g_hash_table_lookup (p->zones, GINT_TO_POINTER (offset));
  if (zone == NULL)
    {
      zone = g_time_zone_new_offset (offset);
      g_hash_table_insert (p->zones, GINT_TO_POINTER (offset), zone);
    }

  return zone;
}

/* RFC 3339: YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM). */
static GDateTime *
parse_timestamp (Parser     *p,
                 const char *s)
{
  int year, month, day, hour, minute, second, offset = 0;
  double fraction = 0;

  if (!parse_date_part (s, &year, &month, &day))
    return NULL;

  s += 10;
  if (*s != 'T' && *s != 't')
    return NULL;
  s++;

  if (strnlen (s, 8) < 8 || s[2] != ':' || s[5] != ':')
    return NULL;

  hour = two_digits (s);
  minute = two_digits (s + 3);
  second = two_digits (s + 6);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return NULL;
  s += 8;

  if (*s == '.')
    {
      double scale = 0.1;

      s++;
      if (!g_ascii_isdigit (*s))
        return NULL;

      while (g_ascii_isdigit (*s))
        {
          fraction += (*s - '0') * scale;
          scale /= 10;
          s++;
        }
    }

  if (*s == 'Z' || *s == 'z')
    {
      s++;
    }
  else if (*s == '+' || *s == '-')
    {
      int sign = *s == '-' ? -1 : 1;
      int off_hours, off_minutes;

      s++;
      if (strnlen (s, 5) < 5 || s[2] != ':')
        return NULL;

      off_hours = two_digits (s);
      off_minutes = two_digits (s + 3);
      if (off_hours < 0 || off_hours > 23 || off_minutes < 0 || off_minutes > 59)
        return NULL;

      offset = sign * (off_hours * 3600 + off_minutes * 60);
      s += 5;
    }
  else
    {
      return NULL;
    }

  if (*s != '\0')
    return NULL;

  /* fractions never reach a whole second */
  if (second + fraction >= 60)
    fraction = 0.999999;

  return g_date_time_new (parser_get_zone (p, offset),
                          year, month, day, hour, minute, second + fraction);
}

static gboolean
read_timestamp (Parser      *p,
                Obj         *obj,
                const char  *parent,
                const char  *name,
                ReadFlags    flags,
                GDateTime  **out)
{
  JVal *node = obj_get (obj, name);
  GDateTime *dt;

  if (node == NULL)
    return !(flags & REQUIRED) || parser_missing (p, parent, name, _("a timestamp (RFC 3339)"));

  if (node->type != JV_STRING)
    return parser_wrong_type (p, parent, name, -1, _("a timestamp (RFC 3339)"), node);

  dt = parse_timestamp (p, jv_string (p, node));
  if (dt == NULL)
    {
      g_autofree char *shown = display_value (jv_string (p, node));

      return parser_fail (p, parent, name, -1,
                          _("malformed timestamp “%s”; expected RFC 3339 such as 2026-11-20T08:00:00Z or 2026-11-20T09:00:00+01:00"),
                          shown);
    }

  *out = dt;

  return TRUE;
}

static void
warn_unknown_enum (Parser     *p,
                   const char *parent,
                   const char *name,
                   GType       enum_type,
                   const char *value)
{
  g_autofree char *allowed = _connect_enum_list_feed_strings (enum_type);
  g_autofree char *shown = display_value (value);

  /* Translators: the first %s is a value from the feed, the second a list */
  parser_warn (p, parent, name, -1,
               _("unknown value “%s”, shown as unknown; expected one of: %s"),
               shown, allowed);
}

static gboolean
read_enum (Parser     *p,
           Obj        *obj,
           const char *parent,
           const char *name,
           ReadFlags   flags,
           GType       enum_type,
           guint8     *out)
{
  JVal *node = obj_get (obj, name);
  const char *str;
  int value;

  if (node == NULL)
    return !(flags & REQUIRED) || parser_missing (p, parent, name, _("a string"));

  if (node->type != JV_STRING)
    return parser_wrong_type (p, parent, name, -1, _("a string"), node);

  str = jv_string (p, node);
  value = connect_enum_from_feed_string (enum_type, str);

  /* 1 is the UNKNOWN value of every enumeration; only the trial status has
   * it as a real value of the feed ("UNKNOWN"). */
  if (value == 1 && connect_enum_to_feed_string (enum_type, 1) == NULL)
    warn_unknown_enum (p, parent, name, enum_type, str);

  *out = (guint8) value;

  return TRUE;
}

/* stage: "1", "2", "expansion", or the numbers 1 and 2 */
static gboolean
read_stage (Parser     *p,
            Obj        *obj,
            const char *name,
            guint8     *out)
{
  JVal *node = obj_get (obj, name);

  if (node == NULL)
    return TRUE;

  if (node->type == JV_STRING)
    return read_enum (p, obj, NULL, name, OPTIONAL, CONNECT_TYPE_COHORT_STAGE, out);

  if (node->type == JV_INT)
    {
      gboolean overflow;
      gint64 value = jv_int (node, &overflow);

      if (value == 1 && !overflow)
        *out = CONNECT_COHORT_STAGE_ONE;
      else if (value == 2 && !overflow)
        *out = CONNECT_COHORT_STAGE_TWO;
      else
        {
          g_autofree char *text = jv_number_text (p, node);

          warn_unknown_enum (p, NULL, name, CONNECT_TYPE_COHORT_STAGE, text);
          *out = CONNECT_COHORT_STAGE_UNKNOWN;
        }

      return TRUE;
    }

  return parser_wrong_type (p, NULL, name, -1, _("a string or a whole number"), node);
}

static gboolean
read_strv (Parser               *p,
           Obj                  *obj,
           const char           *parent,
           const char           *name,
           ReadFlags             flags,
           const char * const  **out)
{
  JVal *node = obj_get (obj, name);
  const char **strv;
  const char *s;
  guint n = 0;

  if (node == NULL)
    return !(flags & REQUIRED) || parser_missing (p, parent, name, _("an array of strings"));

  if (node->type != JV_ARRAY)
    return parser_wrong_type (p, parent, name, -1, _("an array of strings"), node);

  /* count, then read */
  for (s = skip_space (p, node->pos + 1); s < p->end && *s != ']'; n++)
    {
      JVal element;

      s = skip_space (p, scan_value (p, s, &element));
      if (s < p->end && *s == ',')
        s = skip_space (p, s + 1);
    }

  if (n == 0 && (flags & NONEMPTY))
    return parser_fail (p, parent, name, -1,
                        _("expected at least one entry, found an empty array"));

  strv = _connect_arena_new_strv (p->arena, n);

  s = skip_space (p, node->pos + 1);
  for (guint i = 0; i < n; i++)
    {
      JVal element;

      s = skip_space (p, scan_value (p, s, &element));
      if (s < p->end && *s == ',')
        s = skip_space (p, s + 1);

      if (element.type != JV_STRING)
        return parser_wrong_type (p, parent, name, i, _("a string"), &element);

      if (!store_string (p, &element, parent, name, i, flags | INTERN, &strv[i]))
        return FALSE;
    }

  *out = strv;

  return TRUE;
}

/* A reference to another entity; a dangling one is a warning. */
static void
check_ref (Parser            *p,
           const char        *parent,
           const char        *name,
           int                item,
           ConnectEntityKind  kind,
           const char        *id)
{
  g_autofree char *shown = NULL;

  if (id == NULL || g_hash_table_contains (p->feed->by_id[kind], id))
    return;

  shown = display_value (id);

  switch (kind)
    {
    case CONNECT_ENTITY_KIND_TRIAL:
      parser_warn (p, parent, name, item, _("there is no trial with the id “%s” in the feed"), shown);
      break;

    case CONNECT_ENTITY_KIND_PARTNER:
      parser_warn (p, parent, name, item, _("there is no partner with the id “%s” in the feed"), shown);
      break;

    case CONNECT_ENTITY_KIND_SITE:
      parser_warn (p, parent, name, item, _("there is no site with the id “%s” in the feed"), shown);
      break;

    case CONNECT_ENTITY_KIND_DRUG:
      parser_warn (p, parent, name, item, _("there is no drug with the id “%s” in the feed"), shown);
      break;

    case CONNECT_ENTITY_KIND_COHORT:
      parser_warn (p, parent, name, item, _("there is no cohort with the id “%s” in the feed"), shown);
      break;

    case CONNECT_ENTITY_KIND_COMMITMENT:
    case CONNECT_ENTITY_KIND_SNAPSHOT:
    case CONNECT_ENTITY_KIND_EVENT:
    case CONNECT_ENTITY_KIND_FEED:
    default:
      g_assert_not_reached ();
    }
}

static void
check_refs (Parser             *p,
            const char         *name,
            ConnectEntityKind   kind,
            const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    check_ref (p, NULL, name, i, kind, ids[i]);
}

static inline gboolean
is_id_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '_' || c == '-';
}

static gboolean
read_id (Parser      *p,
         Obj         *obj,
         const char **out)
{
  JVal *node = obj_get (obj, "id");
  ConnectEntity *other;
  const char *str;
  gsize len = 0;

  if (node == NULL)
    return parser_missing (p, NULL, "id", _("a string"));

  if (node->type != JV_STRING)
    return parser_wrong_type (p, NULL, "id", -1, _("a string"), node);

  str = jv_string (p, node);

  while (len <= 64 && str[len] != '\0' && is_id_char (str[len]))
    len++;

  if (len == 0 || len > 64 || str[len] != '\0')
    {
      g_autofree char *shown = display_value (str);

      return parser_fail (p, NULL, "id", -1,
                          _("malformed id “%s”; expected 1 to 64 characters, each a letter A–Z or a–z, a digit, “.”, “_” or “-”"),
                          shown);
    }

  other = g_hash_table_lookup (p->feed->by_id[p->kind], str);
  if (other != NULL)
    {
      p->id = _connect_arena_intern (p->arena, str);
      return parser_fail (p, NULL, "id", -1,
                          _("duplicate id “%s”; %s[%u] has it already"),
                          str, p->array, connect_entity_get_index (other));
    }

  *out = _connect_arena_intern (p->arena, str);

  return TRUE;
}

/* Entities. Every reader fills the struct of a fresh object. */

static gboolean
parse_trial (Parser       *p,
             Obj          *obj,
             ConnectTrial *self)
{
  Obj registry, design;
  gboolean has_registry, has_design;

  if (!read_string (p, obj, NULL, "name", REQUIRED, &self->name) ||
      !read_string (p, obj, NULL, "title", OPTIONAL, &self->title) ||
      !read_object (p, obj, "registry", OPTIONAL, SCHEMA_REGISTRY, &registry, &has_registry) ||
      (has_registry &&
       (!read_string (p, &registry, "registry", "nct", OPTIONAL, &self->nct) ||
        !read_string (p, &registry, "registry", "eudract", OPTIONAL, &self->eudract))) ||
      !read_string (p, obj, NULL, "sponsor", INTERN, &self->sponsor) ||
      !read_enum (p, obj, NULL, "status", OPTIONAL, CONNECT_TYPE_TRIAL_STATUS, &self->status) ||
      !read_string (p, obj, NULL, "url", OPTIONAL, &self->url) ||
      !read_date (p, obj, NULL, "started", OPTIONAL, &self->started) ||
      !read_object (p, obj, "design", OPTIONAL, SCHEMA_DESIGN, &design, &has_design))
    return FALSE;

  if (has_design)
    {
      self->has_design = TRUE;

      if (!read_count (p, &design, "design", "stage1_patients", OPTIONAL, &self->stage1_patients) ||
          !read_count (p, &design, "design", "stage1_min_benefit", OPTIONAL, &self->stage1_min_benefit) ||
          !read_count (p, &design, "design", "stage2_patients", OPTIONAL, &self->stage2_patients) ||
          !read_count (p, &design, "design", "expansion_min_benefit", OPTIONAL, &self->expansion_min_benefit) ||
          !read_count (p, &design, "design", "evaluation_week", OPTIONAL, &self->evaluation_week))
        return FALSE;
    }

  check_ref (p, NULL, "sponsor", -1, CONNECT_ENTITY_KIND_PARTNER, self->sponsor);

  return TRUE;
}

static gboolean
parse_partner (Parser         *p,
               Obj            *obj,
               ConnectPartner *self)
{
  return read_string (p, obj, NULL, "name", REQUIRED, &self->name) &&
         read_enum (p, obj, NULL, "kind", OPTIONAL, CONNECT_TYPE_PARTNER_KIND, &self->kind) &&
         read_enum (p, obj, NULL, "membership", OPTIONAL, CONNECT_TYPE_MEMBERSHIP, &self->membership) &&
         read_date (p, obj, NULL, "joined", OPTIONAL, &self->joined) &&
         read_string (p, obj, NULL, "country", INTERN, &self->country) &&
         read_string (p, obj, NULL, "url", OPTIONAL, &self->url);
}

static gboolean
parse_site (Parser      *p,
            Obj         *obj,
            ConnectSite *self)
{
  if (!read_string (p, obj, NULL, "name", REQUIRED, &self->name) ||
      !read_string (p, obj, NULL, "partner", INTERN, &self->partner) ||
      !read_string (p, obj, NULL, "city", INTERN, &self->city) ||
      !read_enum (p, obj, NULL, "region", OPTIONAL, CONNECT_TYPE_REGION, &self->region) ||
      !read_bool (p, obj, NULL, "recruiting", &self->recruiting))
    return FALSE;

  check_ref (p, NULL, "partner", -1, CONNECT_ENTITY_KIND_PARTNER, self->partner);

  return TRUE;
}

static gboolean
parse_drug (Parser      *p,
            Obj         *obj,
            ConnectDrug *self)
{
  if (!read_string (p, obj, NULL, "name", REQUIRED | INTERN, &self->name) ||
      !read_strv (p, obj, NULL, "brands", INTERN, &self->brands) ||
      !read_string (p, obj, NULL, "supplier", INTERN, &self->supplier) ||
      !read_strv (p, obj, NULL, "targets", INTERN, &self->targets) ||
      !read_string (p, obj, NULL, "atc", INTERN, &self->atc))
    return FALSE;

  check_ref (p, NULL, "supplier", -1, CONNECT_ENTITY_KIND_PARTNER, self->supplier);

  return TRUE;
}

static gboolean
parse_cohort (Parser        *p,
              Obj           *obj,
              ConnectCohort *self)
{
  Obj tumor, biomarker;
  gboolean present;
  gint8 agnostic = -1;

  if (!read_string (p, obj, NULL, "trial", REQUIRED | INTERN, &self->trial) ||
      !read_string (p, obj, NULL, "name", OPTIONAL, &self->name) ||
      !read_strv (p, obj, NULL, "drugs", REQUIRED | NONEMPTY | INTERN, &self->drugs) ||
      !read_object (p, obj, "tumor", REQUIRED, SCHEMA_TUMOR, &tumor, &present) ||
      !read_string (p, &tumor, "tumor", "name", REQUIRED | INTERN, &self->tumor_name) ||
      !read_string (p, &tumor, "tumor", "code", INTERN, &self->tumor_code) ||
      !read_bool (p, &tumor, "tumor", "agnostic", &agnostic) ||
      !read_object (p, obj, "biomarker", REQUIRED, SCHEMA_BIOMARKER, &biomarker, &present) ||
      !read_strv (p, &biomarker, "biomarker", "genes", REQUIRED | NONEMPTY | INTERN, &self->genes) ||
      !read_enum (p, &biomarker, "biomarker", "alteration", OPTIONAL, CONNECT_TYPE_ALTERATION, &self->alteration) ||
      !read_string (p, &biomarker, "biomarker", "variant", INTERN, &self->variant) ||
      !read_string (p, &biomarker, "biomarker", "description", INTERN, &self->biomarker_description) ||
      !read_enum (p, obj, NULL, "status", REQUIRED, CONNECT_TYPE_COHORT_STATUS, &self->status) ||
      !read_stage (p, obj, "stage", &self->stage) ||
      !read_enum (p, obj, NULL, "outcome", OPTIONAL, CONNECT_TYPE_OUTCOME, &self->outcome) ||
      !read_count (p, obj, NULL, "enrolled", OPTIONAL, &self->enrolled) ||
      !read_count (p, obj, NULL, "target", OPTIONAL, &self->target) ||
      !read_count (p, obj, NULL, "evaluable", OPTIONAL, &self->evaluable) ||
      !read_count (p, obj, NULL, "with_benefit", NULLABLE, &self->with_benefit) ||
      !read_strv (p, obj, NULL, "sites", INTERN, &self->sites) ||
      !read_date (p, obj, NULL, "opened", OPTIONAL, &self->opened) ||
      !read_date (p, obj, NULL, "closed", OPTIONAL, &self->closed) ||
      !read_date (p, obj, NULL, "status_changed", OPTIONAL, &self->status_changed) ||
      !read_string (p, obj, NULL, "contact", INTERN, &self->contact) ||
      !read_string (p, obj, NULL, "notes", OPTIONAL, &self->notes) ||
      !read_timestamp (p, obj, NULL, "updated", OPTIONAL, &self->updated))
    return FALSE;

  self->tumor_agnostic = agnostic == 1;

  check_ref (p, NULL, "trial", -1, CONNECT_ENTITY_KIND_TRIAL, self->trial);
  check_refs (p, "drugs", CONNECT_ENTITY_KIND_DRUG, self->drugs);
  check_refs (p, "sites", CONNECT_ENTITY_KIND_SITE, self->sites);

  if (self->enrolled >= 0 && self->target >= 0 && self->enrolled > self->target)
    parser_warn (p, NULL, "enrolled", -1,
                 _("%d patients enrolled, more than the target of %d"),
                 (int) self->enrolled, (int) self->target);

  if (self->status == CONNECT_COHORT_STATUS_CLOSED && self->outcome == CONNECT_OUTCOME_NONE)
    parser_warn (p, NULL, "outcome", -1,
                 _("the cohort is closed but has no outcome; expected one of: benefit, no-benefit, withdrawn, other"));

  return TRUE;
}

static gboolean
parse_commitment (Parser            *p,
                  Obj               *obj,
                  ConnectCommitment *self)
{
  gint64 taken;

  if (!read_string (p, obj, NULL, "partner", REQUIRED | INTERN, &self->partner) ||
      !read_string (p, obj, NULL, "drug", REQUIRED | INTERN, &self->drug) ||
      !read_string (p, obj, NULL, "trial", REQUIRED | INTERN, &self->trial) ||
      !read_strv (p, obj, NULL, "cohorts", INTERN, &self->cohorts) ||
      !read_enum (p, obj, NULL, "kind", OPTIONAL, CONNECT_TYPE_COMMITMENT_KIND, &self->kind) ||
      !read_count (p, obj, NULL, "slots", REQUIRED, &self->slots) ||
      !read_count (p, obj, NULL, "used", OPTIONAL, &self->used) ||
      !read_count (p, obj, NULL, "reserved", OPTIONAL, &self->reserved) ||
      !read_enum (p, obj, NULL, "payer_after_week16", OPTIONAL, CONNECT_TYPE_PAYER, &self->payer_after_week16) ||
      !read_date (p, obj, NULL, "valid_from", OPTIONAL, &self->valid_from) ||
      !read_date (p, obj, NULL, "valid_until", OPTIONAL, &self->valid_until) ||
      !read_enum (p, obj, NULL, "state", OPTIONAL, CONNECT_TYPE_COMMITMENT_STATE, &self->state) ||
      !read_string (p, obj, NULL, "announced", OPTIONAL, &self->announced) ||
      !read_string (p, obj, NULL, "notes", OPTIONAL, &self->notes))
    return FALSE;

  check_ref (p, NULL, "partner", -1, CONNECT_ENTITY_KIND_PARTNER, self->partner);
  check_ref (p, NULL, "drug", -1, CONNECT_ENTITY_KIND_DRUG, self->drug);
  check_ref (p, NULL, "trial", -1, CONNECT_ENTITY_KIND_TRIAL, self->trial);
  check_refs (p, "cohorts", CONNECT_ENTITY_KIND_COHORT, self->cohorts);

  taken = (gint64) MAX (self->used, 0) + MAX (self->reserved, 0);
  if (taken > self->slots)
    parser_warn (p, NULL, "used", -1,
                 _("%d used and %d reserved slots are more than the %d committed"),
                 (int) MAX (self->used, 0), (int) MAX (self->reserved, 0),
                 (int) self->slots);

  return TRUE;
}

static gboolean
parse_snapshot (Parser          *p,
                Obj             *obj,
                ConnectSnapshot *self)
{
  if (!read_string (p, obj, NULL, "trial", REQUIRED | INTERN, &self->trial) ||
      !read_date (p, obj, NULL, "as_of", REQUIRED, &self->as_of) ||
      !read_count (p, obj, NULL, "screened", OPTIONAL, &self->screened) ||
      !read_count (p, obj, NULL, "discussed", OPTIONAL, &self->discussed) ||
      !read_count (p, obj, NULL, "offered", OPTIONAL, &self->offered) ||
      !read_count (p, obj, NULL, "started", OPTIONAL, &self->started) ||
      !read_count (p, obj, NULL, "evaluable", OPTIONAL, &self->evaluable) ||
      !read_count (p, obj, NULL, "disease_control", OPTIONAL, &self->disease_control))
    return FALSE;

  check_ref (p, NULL, "trial", -1, CONNECT_ENTITY_KIND_TRIAL, self->trial);

  return TRUE;
}

static gboolean
parse_event (Parser       *p,
             Obj          *obj,
             ConnectEvent *self)
{
  if (!read_string (p, obj, NULL, "cohort", REQUIRED | INTERN, &self->cohort) ||
      !read_timestamp (p, obj, NULL, "at", REQUIRED, &self->at) ||
      !read_enum (p, obj, NULL, "to", REQUIRED, CONNECT_TYPE_COHORT_STATUS, &self->to) ||
      !read_enum (p, obj, NULL, "from", OPTIONAL, CONNECT_TYPE_COHORT_STATUS, &self->from) ||
      !read_stage (p, obj, "stage", &self->stage) ||
      !read_string (p, obj, NULL, "reason", OPTIONAL, &self->reason))
    return FALSE;

  check_ref (p, NULL, "cohort", -1, CONNECT_ENTITY_KIND_COHORT, self->cohort);

  return TRUE;
}

static gboolean
parse_entity (Parser     *p,
              Obj        *obj,
              gpointer    entity)
{
  switch (p->kind)
    {
    case CONNECT_ENTITY_KIND_TRIAL:
      return parse_trial (p, obj, entity);

    case CONNECT_ENTITY_KIND_PARTNER:
      return parse_partner (p, obj, entity);

    case CONNECT_ENTITY_KIND_SITE:
      return parse_site (p, obj, entity);

    case CONNECT_ENTITY_KIND_DRUG:
      return parse_drug (p, obj, entity);

    case CONNECT_ENTITY_KIND_COHORT:
      return parse_cohort (p, obj, entity);

    case CONNECT_ENTITY_KIND_COMMITMENT:
      return parse_commitment (p, obj, entity);

    case CONNECT_ENTITY_KIND_SNAPSHOT:
      return parse_snapshot (p, obj, entity);

    case CONNECT_ENTITY_KIND_EVENT:
      return parse_event (p, obj, entity);

    case CONNECT_ENTITY_KIND_FEED:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_array (Parser            *p,
             Obj               *root,
             ConnectEntityKind  kind)
{
  const KindInfo *info = &kind_info[kind];
  JVal *node = obj_get (root, info->array);
  GPtrArray *entities;
  GType type;
  const char *s;
  Obj obj;

  if (node == NULL)
    return !info->required || parser_missing (p, NULL, info->array, _("an array"));

  if (node->type != JV_ARRAY)
    return parser_wrong_type (p, NULL, info->array, -1, _("an array"), node);

  type = info->get_type ();
  entities = p->feed->entities[kind];

  p->array = info->array;
  p->kind = kind;

  s = skip_space (p, node->pos + 1);
  for (guint i = 0; s < p->end && *s != ']'; i++)
    {
      ConnectEntity *entity;
      const char *id = NULL;

      p->index = i;
      p->id = NULL;

      if (*s != '{')
        {
          JVal element;

          scan_value (p, s, &element);
          return parser_wrong_type (p, NULL, NULL, -1, _("an object"), &element);
        }

      s = skip_space (p, scan_object (p, kind_schema[kind], s, &obj));
      if (s < p->end && *s == ',')
        s = skip_space (p, s + 1);

      if (info->has_id && !read_id (p, &obj, &id))
        return FALSE;

      entity = g_object_new (type, NULL);
      _connect_entity_setup (entity, p->arena, id, i);
      g_ptr_array_add (entities, entity);

      if (id != NULL)
        {
          p->id = id;
          g_hash_table_insert (p->feed->by_id[kind], (gpointer) id, entity);
        }

      if (!parse_entity (p, &obj, entity))
        return FALSE;
    }

  p->array = NULL;
  p->kind = CONNECT_ENTITY_KIND_FEED;
  p->index = -1;
  p->id = NULL;

  return TRUE;
}

static gboolean
parse_root (Parser     *p,
            const char *text)
{
  ConnectFeed *feed = p->feed;
  Obj root, publisher;
  gboolean has_publisher;
  const char *format = NULL;
  JVal *node;

  text = skip_space (p, text);

  if (text >= p->end || *text != '{')
    {
      JVal value;

      if (text >= p->end)
        return parser_fail (p, NULL, NULL, -1,
                            _("expected the feed to be a JSON object, found nothing"));

      scan_value (p, text, &value);
      return parser_fail (p, NULL, NULL, -1,
                          _("expected the feed to be a JSON object, found %s"),
                          jv_description (&value));
    }

  scan_object (p, SCHEMA_ROOT, text, &root);

  if (!read_string (p, &root, NULL, "format", REQUIRED, &format))
    return FALSE;

  if (strcmp (format, "connect-feed") != 0)
    {
      g_autofree char *shown = display_value (format);

      return parser_fail (p, NULL, "format", -1,
                          _("expected “connect-feed”, found “%s”; this is not a CONNECT feed"),
                          shown);
    }

  node = obj_get (&root, "version");
  if (node == NULL)
    return parser_missing (p, NULL, "version", _("a whole number"));

  if (node->type == JV_DOUBLE)
    return parser_not_whole (p, NULL, "version", jv_double (node));

  if (node->type != JV_INT)
    return parser_wrong_type (p, NULL, "version", -1, _("a whole number"), node);

  {
    gboolean overflow;
    gint64 version = jv_int (node, &overflow);

    if (overflow || version != CONNECT_FEED_FORMAT_VERSION)
      {
        g_autofree char *text_version = jv_number_text (p, node);

        /* Translators: %s is a version number, %d the one this app reads */
        return parser_fail (p, NULL, "version", -1,
                            _("unsupported version %s; this app reads version %d"),
                            text_version, CONNECT_FEED_FORMAT_VERSION);
      }
  }
  feed->version = CONNECT_FEED_FORMAT_VERSION;

  if (!read_timestamp (p, &root, NULL, "generated_at", REQUIRED, &feed->generated_at) ||
      !read_object (p, &root, "publisher", OPTIONAL, SCHEMA_PUBLISHER, &publisher, &has_publisher) ||
      (has_publisher &&
       (!read_string (p, &publisher, "publisher", "name", OPTIONAL, &feed->publisher_name) ||
        !read_string (p, &publisher, "publisher", "url", OPTIONAL, &feed->publisher_url) ||
        !read_string (p, &publisher, "publisher", "contact", OPTIONAL, &feed->publisher_contact))))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (parse_order); i++)
    if (!parse_array (p, &root, parse_order[i]))
      return FALSE;

  return TRUE;
}

/* Relations */

/* By cohort, then oldest first, then in feed order */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  ConnectEvent *ea = *(ConnectEvent **) a;
  ConnectEvent *eb = *(ConnectEvent **) b;
  int cmp;

  /* cohort ids are interned: equal ids are the same pointer */
  if (ea->cohort != eb->cohort)
    return strcmp (ea->cohort, eb->cohort);

  cmp = g_date_time_compare (ea->at, eb->at);
  if (cmp != 0)
    return cmp;

  return (int) connect_entity_get_index (CONNECT_ENTITY (ea)) -
         (int) connect_entity_get_index (CONNECT_ENTITY (eb));
}

static GPtrArray *
get_or_add_array (GHashTable *table,
                  const char *key)
{
  GPtrArray *array = g_hash_table_lookup (table, key);

  if (array == NULL)
    {
      array = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) key, array);
    }

  return array;
}

static void
build_relations (ConnectFeed *self)
{
  GPtrArray *events = self->entities[CONNECT_ENTITY_KIND_EVENT];
  GPtrArray *commitments = self->entities[CONNECT_ENTITY_KIND_COMMITMENT];
  GPtrArray *cohorts = self->entities[CONNECT_ENTITY_KIND_COHORT];
  g_autoptr(GHashTable) by_trial = NULL;
  g_autoptr(GPtrArray) sorted = NULL;

  /* events per cohort, oldest first: sort them all, then give each run of
   * one cohort an array of its exact size */
  sorted = g_ptr_array_sized_new (events->len);
  for (guint i = 0; i < events->len; i++)
    {
      ConnectEvent *event = g_ptr_array_index (events, i);

      if (g_hash_table_contains (self->by_id[CONNECT_ENTITY_KIND_COHORT], event->cohort))
        g_ptr_array_add (sorted, event);
    }
  g_ptr_array_sort (sorted, compare_events);

  for (guint i = 0; i < sorted->len;)
    {
      ConnectEvent *first = g_ptr_array_index (sorted, i);
      GPtrArray *run;
      guint j = i + 1;

      while (j < sorted->len && ((ConnectEvent *) g_ptr_array_index (sorted, j))->cohort == first->cohort)
        j++;

      run = g_ptr_array_sized_new (j - i);
      for (; i < j; i++)
        g_ptr_array_add (run, g_ptr_array_index (sorted, i));
      g_hash_table_insert (self->cohort_events, (gpointer) first->cohort, run);
    }

  if (commitments->len == 0)
    return;

  /* commitments that name a cohort; and per trial, per drug */
  by_trial = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < commitments->len; i++)
    {
      ConnectCommitment *commitment = g_ptr_array_index (commitments, i);
      GHashTable *by_drug;

      for (guint j = 0; commitment->cohorts != NULL && commitment->cohorts[j] != NULL; j++)
        {
          const char *cohort_id = commitment->cohorts[j];
          GPtrArray *array;

          if (!g_hash_table_contains (self->by_id[CONNECT_ENTITY_KIND_COHORT], cohort_id))
            continue;

          array = get_or_add_array (self->cohort_commitments, cohort_id);
          if (array->len == 0 || g_ptr_array_index (array, array->len - 1) != commitment)
            g_ptr_array_add (array, commitment);
        }

      by_drug = g_hash_table_lookup (by_trial, commitment->trial);
      if (by_drug == NULL)
        {
          by_drug = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) g_ptr_array_unref);
          g_hash_table_insert (by_trial, (gpointer) commitment->trial, by_drug);
        }

      g_ptr_array_add (get_or_add_array (by_drug, commitment->drug), commitment);
    }

  for (guint i = 0; i < cohorts->len; i++)
    {
      ConnectCohort *cohort = g_ptr_array_index (cohorts, i);
      const char *cohort_id = connect_entity_get_id (CONNECT_ENTITY (cohort));
      GHashTable *by_drug;
      GPtrArray *array = NULL;

      if (g_hash_table_contains (self->cohort_commitments, cohort_id))
        continue;

      by_drug = g_hash_table_lookup (by_trial, cohort->trial);
      if (by_drug == NULL)
        continue;

      for (guint j = 0; cohort->drugs[j] != NULL; j++)
        {
          GPtrArray *found = g_hash_table_lookup (by_drug, cohort->drugs[j]);

          if (found == NULL)
            continue;

          if (array == NULL && cohort->drugs[1] == NULL)
            {
              /* the common case: one drug, share the array */
              array = g_ptr_array_ref (found);
              break;
            }

          if (array == NULL)
            array = g_ptr_array_new ();

          for (guint k = 0; k < found->len; k++)
            if (!g_ptr_array_find (array, g_ptr_array_index (found, k), NULL))
              g_ptr_array_add (array, g_ptr_array_index (found, k));
        }

      if (array != NULL)
        g_hash_table_insert (self->cohort_commitments, (gpointer) cohort_id, array);
    }
}

static int
compare_issue_kind (gconstpointer a,
                    gconstpointer b)
{
  const ConnectIssue *ia = *(const ConnectIssue **) a;
  const ConnectIssue *ib = *(const ConnectIssue **) b;

  return (int) ia->kind - (int) ib->kind;
}

static void
index_warnings (ConnectFeed *self)
{
  /* arrays are read in parse_order: put warnings back in feed order */
  g_ptr_array_sort (self->warnings, compare_issue_kind);

  for (guint i = 0; i < self->warnings->len; i++)
    {
      ConnectIssue *issue = g_ptr_array_index (self->warnings, i);
      gpointer key;
      GPtrArray *array;

      if (issue->kind == CONNECT_ENTITY_KIND_FEED || issue->index < 0)
        continue;

      key = warning_key (issue->kind, issue->index);
      array = g_hash_table_lookup (self->entity_warnings, key);
      if (array == NULL)
        {
          array = g_ptr_array_new ();
          g_hash_table_insert (self->entity_warnings, key, array);
        }
      g_ptr_array_add (array, issue);
    }
}

/* GObject */

static void
connect_feed_finalize (GObject *object)
{
  ConnectFeed *self = (ConnectFeed *) object;

  g_clear_pointer (&self->cohort_events, g_hash_table_unref);
  g_clear_pointer (&self->cohort_commitments, g_hash_table_unref);
  g_clear_pointer (&self->entity_warnings, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->empty, g_ptr_array_unref);

  for (guint i = 0; i < CONNECT_N_ENTITY_KINDS; i++)
    {
      g_clear_pointer (&self->by_id[i], g_hash_table_unref);
      g_clear_object (&self->lists[i]);
      g_clear_pointer (&self->entities[i], g_ptr_array_unref);
    }

  g_clear_pointer (&self->generated_at, g_date_time_unref);
  g_clear_pointer (&self->checksum, g_free);
  g_clear_pointer (&self->arena, _connect_arena_unref);

  G_OBJECT_CLASS (connect_feed_parent_class)->finalize (object);
}

static void
connect_feed_class_init (ConnectFeedClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = connect_feed_finalize;
}

static void
connect_feed_init (ConnectFeed *self)
{
  self->arena = _connect_arena_new ();
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) connect_issue_free);
  self->entity_warnings = g_hash_table_new_full (NULL, NULL, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);
  self->cohort_events = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  self->cohort_commitments = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                    (GDestroyNotify) g_ptr_array_unref);
  self->empty = g_ptr_array_new ();

  for (guint i = 0; i < CONNECT_N_ENTITY_KINDS; i++)
    {
      self->entities[i] = g_ptr_array_new_with_free_func (g_object_unref);
      if (kind_info[i].has_id)
        self->by_id[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

/* Public API */

static ConnectFeed *
fail_with_issue (ConnectIssue  *issue,
                 int            code,
                 ConnectIssue **out_issue,
                 GError       **error)
{
  g_autofree char *message = connect_issue_to_string (issue);

  g_set_error_literal (error, CONNECT_ERROR, code, message);

  if (out_issue != NULL)
    *out_issue = issue;
  else
    connect_issue_free (issue);

  return NULL;
}

/* Feeds parsed by this process, for tests and benchmarks. */
static gint parse_count;

/**
 * connect_feed_get_parse_count:
 *
 * Returns: how many times connect_feed_new_from_bytes() (and so any load)
 *   has parsed a feed in this process, valid or not
 */
guint
connect_feed_get_parse_count (void)
{
  return (guint) g_atomic_int_get (&parse_count);
}

/**
 * connect_feed_new_from_bytes:
 * @bytes: the feed as read from the network, the cache or the sample
 * @max_size: the size cap in bytes; 0 for %CONNECT_FEED_DEFAULT_MAX_SIZE
 * @out_issue: (out) (optional) (nullable) (transfer full): where the error
 *   is, when the feed is rejected
 * @error: a #GError
 *
 * Parses and validates a feed. Runs in any thread.
 *
 * Returns: (transfer full) (nullable): the feed, or %NULL with @error set to
 *   %CONNECT_ERROR_INVALID_FEED or %CONNECT_ERROR_TOO_LARGE
 */
ConnectFeed *
connect_feed_new_from_bytes (GBytes        *bytes,
                             gsize          max_size,
                             ConnectIssue **out_issue,
                             GError       **error)
{
  g_autoptr(ConnectFeed) feed = NULL;
  g_autofree char *message = NULL;
  Parser p = { 0 };
  const char *data;
  gsize size;
  guint line = 0, column = 0;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (out_issue == NULL || *out_issue == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_atomic_int_inc (&parse_count);

  if (max_size == 0)
    max_size = CONNECT_FEED_DEFAULT_MAX_SIZE;

  data = g_bytes_get_data (bytes, &size);

  if (size > max_size)
    {
      g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *max_text = g_format_size_full (max_size, G_FORMAT_SIZE_LONG_FORMAT);

      message = g_strdup_printf (_("The feed is %s, more than the limit of %s"),
                                 size_text, max_text);
      return fail_with_issue (connect_issue_new (CONNECT_ENTITY_KIND_FEED, -1, NULL,
                                                 NULL, 0, 0, message),
                              CONNECT_ERROR_TOO_LARGE, out_issue, error);
    }

  if (data == NULL)
    data = "";

  if (!connect_json_check (data, size, CONNECT_FEED_MAX_DEPTH, &line, &column, &message))
    return fail_with_issue (connect_issue_new (CONNECT_ENTITY_KIND_FEED, -1, NULL,
                                               NULL, MAX (line, 1), MAX (column, 1),
                                               message ? message : _("not valid JSON")),
                            CONNECT_ERROR_INVALID_FEED, out_issue, error);

  schemas_init ();

  feed = g_object_new (CONNECT_TYPE_FEED, NULL);

  p.feed = feed;
  p.arena = feed->arena;
  p.kind = CONNECT_ENTITY_KIND_FEED;
  p.index = -1;
  p.utc = g_time_zone_new_utc ();
  p.end = data + size;
  p.scratch = g_string_sized_new (256);

  ok = parse_root (&p, data);

  g_clear_pointer (&p.utc, g_time_zone_unref);
  g_clear_pointer (&p.zones, g_hash_table_unref);
  g_string_free (p.scratch, TRUE);

  if (!ok)
    {
      g_assert (p.error != NULL);
      return fail_with_issue (p.error, CONNECT_ERROR_INVALID_FEED, out_issue, error);
    }

  _connect_arena_seal (feed->arena);

  for (guint i = 0; i < CONNECT_N_ENTITY_KINDS; i++)
    feed->lists[i] = connect_entity_list_new (kind_info[i].get_type (), feed->entities[i]);

  build_relations (feed);
  index_warnings (feed);

  feed->size = size;
  feed->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_steal_pointer (&feed);
}

typedef struct
{
  GBytes       *bytes;
  GFile        *file;
  gsize         max_size;
  ConnectIssue *issue;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->file);
  g_clear_pointer (&data->issue, connect_issue_free);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  ConnectFeed *feed;

  if (data->file != NULL)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;
      gsize max_size = data->max_size != 0 ? data->max_size : CONNECT_FEED_DEFAULT_MAX_SIZE;

      /* refuse an oversized file before reading it */
      info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info != NULL &&
          g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
          (guint64) g_file_info_get_size (info) > max_size)
        {
          g_autofree char *size_text = g_format_size_full (g_file_info_get_size (info),
                                                           G_FORMAT_SIZE_LONG_FORMAT);
          g_autofree char *max_text = g_format_size_full (max_size, G_FORMAT_SIZE_LONG_FORMAT);
          g_autofree char *message = g_strdup_printf (_("The feed is %s, more than the limit of %s"),
                                                      size_text, max_text);

          data->issue = connect_issue_new (CONNECT_ENTITY_KIND_FEED, -1, NULL, NULL, 0, 0, message);
          g_task_return_new_error (task, CONNECT_ERROR, CONNECT_ERROR_TOO_LARGE, "%s", message);
          return;
        }

      if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      data->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  feed = connect_feed_new_from_bytes (data->bytes, data->max_size, &data->issue, &error);
  if (feed == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, feed, g_object_unref);
}

/**
 * connect_feed_load_async:
 * @bytes: the feed
 * @max_size: the size cap in bytes; 0 for the default
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: closure data for @callback
 *
 * Parses and validates @bytes in a worker thread.
 */
void
connect_feed_load_async (GBytes              *bytes,
                         gsize                max_size,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (bytes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->bytes = g_bytes_ref (bytes);
  data->max_size = max_size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_feed_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * connect_feed_load_file_async:
 * @file: a feed file
 * @max_size: the size cap in bytes; 0 for the default
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: closure data for @callback
 *
 * Reads @file, then parses and validates it, all in a worker thread.
 */
void
connect_feed_load_file_async (GFile               *file,
                              gsize                max_size,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->max_size = max_size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_feed_load_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * connect_feed_load_finish:
 * @result: the result given to the callback
 * @out_issue: (out) (optional) (nullable) (transfer full): where the error
 *   is, when the feed is rejected as invalid or too large
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the feed
 */
ConnectFeed *
connect_feed_load_finish (GAsyncResult  *result,
                          ConnectIssue **out_issue,
                          GError       **error)
{
  ConnectFeed *feed;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == connect_feed_load_async ||
                        g_task_get_source_tag (G_TASK (result)) == connect_feed_load_file_async,
                        NULL);

  feed = g_task_propagate_pointer (G_TASK (result), error);

  if (feed == NULL && out_issue != NULL)
    {
      LoadData *data = g_task_get_task_data (G_TASK (result));

      *out_issue = data->issue != NULL ? connect_issue_copy (data->issue) : NULL;
    }

  return feed;
}

/**
 * connect_feed_get_sample_bytes:
 *
 * Returns: (transfer full): the sample feed compiled into the program
 */
GBytes *
connect_feed_get_sample_bytes (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* Through the resource itself, so a static link keeps it */
  bytes = g_resource_lookup_data (connect_core_get_resource (), SAMPLE_FEED_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_critical ("The embedded sample feed is missing: %s", error->message);

  return bytes;
}

int
connect_feed_get_version (ConnectFeed *self)
{
  g_return_val_if_fail (CONNECT_IS_FEED (self), 0);

  return self->version;
}

/**
 * connect_feed_get_generated_at:
 *
 * Returns: (transfer none): when the publisher generated the feed
 */
GDateTime *
connect_feed_get_generated_at (ConnectFeed *self)
{
  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);

  return self->generated_at;
}

const char *
connect_feed_get_publisher_name (ConnectFeed *self)
{
  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);

  return self->publisher_name;
}

const char *
connect_feed_get_publisher_url (ConnectFeed *self)
{
  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);

  return self->publisher_url;
}

const char *
connect_feed_get_publisher_contact (ConnectFeed *self)
{
  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);

  return self->publisher_contact;
}

const char *
connect_feed_get_checksum (ConnectFeed *self)
{
  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);

  return self->checksum;
}

gsize
connect_feed_get_size (ConnectFeed *self)
{
  g_return_val_if_fail (CONNECT_IS_FEED (self), 0);

  return self->size;
}

/**
 * connect_feed_get_entities:
 * @kind: which entities (not %CONNECT_ENTITY_KIND_FEED)
 *
 * Returns: (transfer none): the entities of @kind in feed order
 */
GListModel *
connect_feed_get_entities (ConnectFeed       *self,
                           ConnectEntityKind  kind)
{
  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);
  g_return_val_if_fail ((guint) kind < CONNECT_N_ENTITY_KINDS, NULL);

  return self->lists[kind];
}

GListModel *
connect_feed_get_trials (ConnectFeed *self)
{
  return connect_feed_get_entities (self, CONNECT_ENTITY_KIND_TRIAL);
}

GListModel *
connect_feed_get_partners (ConnectFeed *self)
{
  return connect_feed_get_entities (self, CONNECT_ENTITY_KIND_PARTNER);
}

GListModel *
connect_feed_get_sites (ConnectFeed *self)
{
  return connect_feed_get_entities (self, CONNECT_ENTITY_KIND_SITE);
}

GListModel *
connect_feed_get_drugs (ConnectFeed *self)
{
  return connect_feed_get_entities (self, CONNECT_ENTITY_KIND_DRUG);
}

GListModel *
connect_feed_get_cohorts (ConnectFeed *self)
{
  return connect_feed_get_entities (self, CONNECT_ENTITY_KIND_COHORT);
}

GListModel *
connect_feed_get_commitments (ConnectFeed *self)
{
  return connect_feed_get_entities (self, CONNECT_ENTITY_KIND_COMMITMENT);
}

GListModel *
connect_feed_get_snapshots (ConnectFeed *self)
{
  return connect_feed_get_entities (self, CONNECT_ENTITY_KIND_SNAPSHOT);
}

GListModel *
connect_feed_get_events (ConnectFeed *self)
{
  return connect_feed_get_entities (self, CONNECT_ENTITY_KIND_EVENT);
}

/**
 * connect_feed_lookup:
 * @kind: the kind of entity
 * @id: its id
 *
 * Returns: (transfer none) (nullable): the entity, or %NULL when there is
 *   none (always for snapshots and events, which have no id)
 */
ConnectEntity *
connect_feed_lookup (ConnectFeed       *self,
                     ConnectEntityKind  kind,
                     const char        *id)
{
  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);
  g_return_val_if_fail ((guint) kind < CONNECT_N_ENTITY_KINDS, NULL);

  if (id == NULL || self->by_id[kind] == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id[kind], id);
}

ConnectTrial *
connect_feed_lookup_trial (ConnectFeed *self,
                           const char  *id)
{
  return (ConnectTrial *) connect_feed_lookup (self, CONNECT_ENTITY_KIND_TRIAL, id);
}

ConnectPartner *
connect_feed_lookup_partner (ConnectFeed *self,
                             const char  *id)
{
  return (ConnectPartner *) connect_feed_lookup (self, CONNECT_ENTITY_KIND_PARTNER, id);
}

ConnectSite *
connect_feed_lookup_site (ConnectFeed *self,
                          const char  *id)
{
  return (ConnectSite *) connect_feed_lookup (self, CONNECT_ENTITY_KIND_SITE, id);
}

ConnectDrug *
connect_feed_lookup_drug (ConnectFeed *self,
                          const char  *id)
{
  return (ConnectDrug *) connect_feed_lookup (self, CONNECT_ENTITY_KIND_DRUG, id);
}

ConnectCohort *
connect_feed_lookup_cohort (ConnectFeed *self,
                            const char  *id)
{
  return (ConnectCohort *) connect_feed_lookup (self, CONNECT_ENTITY_KIND_COHORT, id);
}

ConnectCommitment *
connect_feed_lookup_commitment (ConnectFeed *self,
                                const char  *id)
{
  return (ConnectCommitment *) connect_feed_lookup (self, CONNECT_ENTITY_KIND_COMMITMENT, id);
}

/**
 * connect_feed_get_warnings:
 *
 * Returns: (transfer none) (element-type ConnectIssue): every warning, in
 *   feed order
 */
GPtrArray *
connect_feed_get_warnings (ConnectFeed *self)
{
  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);

  return self->warnings;
}

/**
 * connect_feed_get_entity_warnings:
 * @entity: an entity of this feed
 *
 * Returns: (transfer container) (element-type ConnectIssue): the warnings
 *   about @entity, possibly none
 */
GPtrArray *
connect_feed_get_entity_warnings (ConnectFeed   *self,
                                  ConnectEntity *entity)
{
  GPtrArray *found;
  GPtrArray *ret;

  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);
  g_return_val_if_fail (CONNECT_IS_ENTITY (entity), NULL);

  found = g_hash_table_lookup (self->entity_warnings,
                               warning_key (connect_entity_get_kind (entity),
                                            connect_entity_get_index (entity)));

  ret = g_ptr_array_new ();
  if (found != NULL)
    g_ptr_array_extend (ret, found, NULL, NULL);

  return ret;
}

/**
 * connect_feed_get_cohort_events:
 * @cohort_id: the id of a cohort
 *
 * Returns: (transfer none) (element-type ConnectEvent): the events of the
 *   cohort, oldest first; empty when there are none
 */
GPtrArray *
connect_feed_get_cohort_events (ConnectFeed *self,
                                const char  *cohort_id)
{
  GPtrArray *found;

  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);
  g_return_val_if_fail (cohort_id != NULL, NULL);

  found = g_hash_table_lookup (self->cohort_events, cohort_id);

  return found != NULL ? found : self->empty;
}

/**
 * connect_feed_get_cohort_commitments:
 * @cohort_id: the id of a cohort
 *
 * Returns: (transfer none) (element-type ConnectCommitment): the
 *   commitments that name the cohort, or failing that, commit one of its
 *   drugs to its trial; empty when there are none
 */
GPtrArray *
connect_feed_get_cohort_commitments (ConnectFeed *self,
                                     const char  *cohort_id)
{
  GPtrArray *found;

  g_return_val_if_fail (CONNECT_IS_FEED (self), NULL);
  g_return_val_if_fail (cohort_id != NULL, NULL);

  found = g_hash_table_lookup (self->cohort_commitments, cohort_id);

  return found != NULL ? found : self->empty;
}
