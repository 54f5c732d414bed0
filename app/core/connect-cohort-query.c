/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "connect-cohort-query.h"
#include "connect-genes.h"

/* One entity a cohort refers to (a trial, drug, site or partner), or an id
 * the feed does not define (then only @id is set). */
typedef struct
{
  char  *id;      /* folded */
  char  *name;    /* folded; NULL when unresolved */
  char **brands;  /* folded (drugs); NULL-terminated or NULL */
  char  *text;    /* folded words for the search text, or NULL */
} RefEntry;

typedef struct
{
  GArray     *entries;  /* RefEntry */
  GHashTable *by_id;    /* raw id → index + 1 */
} RefTable;

typedef enum
{
  TABLE_TRIAL,
  TABLE_DRUG,
  TABLE_SITE,
  TABLE_PARTNER,
  N_TABLES
} TableKind;

/* A signature of a text: one bit for every byte it holds (exact), and one
 * for every pair of adjacent bytes (hashed). A word can only occur in a
 * key whose signature has all of the word's bits: most keys are ruled out
 * without reading them, and a one-letter word is decided by its bit. */
#define SIG_BYTE_WORDS 4                    /* 256 bits, one per byte */
#define SIG_PAIR_WORDS 4                    /* 256 bits of hashed pairs */
#define SIG_WORDS      (SIG_BYTE_WORDS + SIG_PAIR_WORDS)

/* A word's signature, as its non-zero parts only. */
typedef struct
{
  guint   n_parts;
  guint   part[SIG_WORDS];
  guint64 bits[SIG_WORDS];
} WordSig;

typedef struct
{
  ConnectCohort  *cohort;      /* (unowned): the feed's list holds it */
  const char     *key;         /* folded: id, name, tumour, genes and aliases, variant, alteration;
                                * in the index's keys chunk */
  const char     *tumor_name;  /* folded, shared */
  const char     *tumor_code;  /* folded, shared */
  const char    **genes;       /* canonical, interned; NULL-terminated */
  guint           status;
  guint           trial;
  guint           n_drugs;
  guint           n_sites;
  guint           n_partners;
  const guint    *refs;        /* drugs, then sites, then partners; in the
                                * index's refs array */
  guint64         sig[SIG_WORDS]; /* the key's bytes and byte pairs */
} CohortEntry;

struct _ConnectCohortIndex
{
  GObject      parent_instance;

  ConnectFeed *feed;
  GArray      *cohorts;        /* CohortEntry */
  RefTable     tables[N_TABLES];
  GStringChunk *strings;       /* shared folded strings */
  GStringChunk *keys;          /* the cohorts' keys, one after the other: a
                                * search reads them in order from memory */
  GArray       *refs;          /* guint: every cohort's refs, in order */
};

G_DEFINE_FINAL_TYPE (ConnectCohortIndex, connect_cohort_index, G_TYPE_OBJECT)

struct _ConnectCohortQuery
{
  GObject             parent_instance;

  guint               status_mask;
  char               *tumor;    /* folded */
  const char         *gene;     /* canonical, interned */
  char               *drug;     /* folded */
  char               *partner;  /* folded */
  char               *site;     /* folded */
  char               *text;     /* as given */
  char              **words;    /* folded */
  WordSig            *word_sigs; /* one per word */
  guint               next_position; /* where the last cohort matched was, + 1 */

  /* Resolved against one index; cleared on every change. */
  ConnectCohortIndex *prepared;
  guint8             *drug_hits;
  guint8             *site_hits;
  guint8             *partner_hits;
  guint8            **word_hits[N_TABLES];  /* per word, per entry */
};

G_DEFINE_FINAL_TYPE (ConnectCohortQuery, connect_cohort_query, G_TYPE_OBJECT)

/* Folding */

static const char *
plain_spelling (gunichar c)
{
  /* Letters that do not decompose but that people type without their
   * marks (c is lower case). */
  switch (c)
    {
    case 0x00E6: return "ae";  /* æ */
    case 0x00F8: return "o";   /* ø */
    case 0x0153: return "oe";  /* œ */
    case 0x00F0: return "d";   /* ð */
    case 0x0111: return "d";   /* đ */
    case 0x00FE: return "th";  /* þ */
    case 0x0142: return "l";   /* ł */
    case 0x0131: return "i";   /* ı */
    case 0x00DF: return "ss";  /* ß */
    default: return NULL;
    }
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;

  return TRUE;
}

/**
 * connect_search_fold:
 * @text: (nullable): text in UTF-8
 *
 * Folds @text for case- and accent-insensitive searching.
 *
 * Returns: (transfer full): the folded text, "" for %NULL or invalid UTF-8
 */
char *
connect_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));

  /* Fast path for the common case. */
  if (is_ascii (text))
    {
      for (const char *p = text; *p != '\0'; p++)
        {
          if (g_ascii_isspace (*p))
            {
              space = out->len > 0;
              continue;
            }
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, g_ascii_tolower (*p));
        }

      return g_string_free (out, FALSE);
    }

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *plain;

      switch ((int) g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
        case G_UNICODE_FORMAT:
          continue;
        default:
          break;
        }

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;

      c = g_unichar_tolower (c);
      plain = plain_spelling (c);
      if (plain != NULL)
        g_string_append (out, plain);
      else
        g_string_append_unichar (out, c);
    }

  {
    g_autofree char *lowered = g_string_free (out, FALSE);

    return g_utf8_casefold (lowered, -1);
  }
}

/* Signatures */

static void
sig_add (guint64 *sig,
         guint    bit,
         guint    offset)
{
  sig[offset + bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
}

static void
sig_of (const char *text,
        guint64    *sig)
{
  const guchar *p = (const guchar *) text;

  memset (sig, 0, SIG_WORDS * sizeof (guint64));
  for (; p[0] != '\0'; p++)
    {
      sig_add (sig, p[0], 0);
      if (p[1] != '\0')
        sig_add (sig, ((p[0] * 31u + p[1]) * 2654435761u) >> 24, SIG_BYTE_WORDS);
    }
}

static void
word_sig_of (const char *word,
             WordSig    *out)
{
  guint64 sig[SIG_WORDS];

  sig_of (word, sig);
  out->n_parts = 0;
  for (guint i = 0; i < SIG_WORDS; i++)
    if (sig[i] != 0)
      {
        out->part[out->n_parts] = i;
        out->bits[out->n_parts] = sig[i];
        out->n_parts++;
      }
}

/* Whether every bit of @word is in @key. */
static inline gboolean
sig_covers (const guint64 *key,
            const WordSig *word)
{
  for (guint i = 0; i < word->n_parts; i++)
    if ((key[word->part[i]] & word->bits[i]) != word->bits[i])
      return FALSE;

  return TRUE;
}

/* RefTable */

static void
ref_entry_clear (gpointer data)
{
  RefEntry *entry = data;

  g_free (entry->id);
  g_free (entry->name);
  g_strfreev (entry->brands);
  g_free (entry->text);
}

static void
ref_table_init (RefTable *table)
{
  table->entries = g_array_new (FALSE, TRUE, sizeof (RefEntry));
  g_array_set_clear_func (table->entries, ref_entry_clear);
  table->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
ref_table_clear (RefTable *table)
{
  g_clear_pointer (&table->entries, g_array_unref);
  g_clear_pointer (&table->by_id, g_hash_table_unref);
}

/* Adds an entity, or returns the entry of @raw_id when it is there. The
 * hash table keys point into the feed's entities, alive as long as it. */
static guint
ref_table_add (RefTable      *table,
               const char    *raw_id,
               ConnectEntity *entity)
{
  gpointer found;
  RefEntry entry = { NULL, NULL, NULL, NULL };

  g_assert (raw_id != NULL);

  found = g_hash_table_lookup (table->by_id, raw_id);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  entry.id = connect_search_fold (raw_id);

  if (CONNECT_IS_TRIAL (entity))
    {
      entry.name = connect_search_fold (connect_trial_get_name (CONNECT_TRIAL (entity)));
      entry.text = g_strdup (entry.name);
    }
  else if (CONNECT_IS_DRUG (entity))
    {
      const char * const *brands = connect_drug_get_brands (CONNECT_DRUG (entity));
      guint n_brands = brands != NULL ? g_strv_length ((char **) brands) : 0;
      GString *text;

      entry.name = connect_search_fold (connect_drug_get_name (CONNECT_DRUG (entity)));
      entry.brands = g_new0 (char *, n_brands + 1);
      text = g_string_new (entry.name);
      for (guint i = 0; i < n_brands; i++)
        {
          entry.brands[i] = connect_search_fold (brands[i]);
          g_string_append_c (text, ' ');
          g_string_append (text, entry.brands[i]);
        }
      entry.text = g_string_free (text, FALSE);
    }
  else if (CONNECT_IS_SITE (entity))
    {
      const char *city = connect_site_get_city (CONNECT_SITE (entity));

      entry.name = connect_search_fold (connect_site_get_name (CONNECT_SITE (entity)));
      if (city != NULL)
        {
          g_autofree char *folded_city = connect_search_fold (city);

          entry.text = g_strconcat (entry.name, " ", folded_city, NULL);
        }
      else
        entry.text = g_strdup (entry.name);
    }
  else if (CONNECT_IS_PARTNER (entity))
    {
      entry.name = connect_search_fold (connect_partner_get_name (CONNECT_PARTNER (entity)));
    }
  else
    {
      /* An id the feed does not define: searchable by itself. */
      entry.text = g_strdup (entry.id);
    }

  g_array_append_val (table->entries, entry);
  g_hash_table_insert (table->by_id, (gpointer) raw_id,
                       GUINT_TO_POINTER (table->entries->len));

  return table->entries->len - 1;
}

static void
ref_table_add_list (RefTable   *table,
                    GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectEntity) entity = g_list_model_get_item (model, i);

      ref_table_add (table, connect_entity_get_id (entity), entity);
    }
}

static guint
ref_table_resolve (RefTable   *table,
                   const char *raw_id)
{
  return ref_table_add (table, raw_id, NULL);
}

/* ConnectCohortIndex */

static void
cohort_entry_clear (gpointer data)
{
  CohortEntry *entry = data;

  g_free (entry->genes);
}

static void
connect_cohort_index_finalize (GObject *object)
{
  ConnectCohortIndex *self = (ConnectCohortIndex *) object;

  g_clear_pointer (&self->cohorts, g_array_unref);
  for (guint i = 0; i < N_TABLES; i++)
    ref_table_clear (&self->tables[i]);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->keys, g_string_chunk_free);
  g_clear_pointer (&self->refs, g_array_unref);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (connect_cohort_index_parent_class)->finalize (object);
}

static void
connect_cohort_index_class_init (ConnectCohortIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = connect_cohort_index_finalize;
}

static void
connect_cohort_index_init (ConnectCohortIndex *self)
{
  self->cohorts = g_array_new (FALSE, TRUE, sizeof (CohortEntry));
  g_array_set_clear_func (self->cohorts, cohort_entry_clear);
  for (guint i = 0; i < N_TABLES; i++)
    ref_table_init (&self->tables[i]);
  self->strings = g_string_chunk_new (4096);
  self->keys = g_string_chunk_new (256 * 1024);
  self->refs = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Folds a string shared by many cohorts (tumour names and codes, gene
 * aliases) once. */
static const char *
fold_shared (ConnectCohortIndex *self,
             GHashTable         *cache,
             const char         *text)
{
  const char *folded;

  if (text == NULL)
    return NULL;

  folded = g_hash_table_lookup (cache, text);
  if (folded == NULL)
    {
      g_autofree char *tmp = connect_search_fold (text);

      folded = g_string_chunk_insert_const (self->strings, tmp);
      g_hash_table_insert (cache, (gpointer) g_string_chunk_insert_const (self->strings, text),
                           (gpointer) folded);
    }

  return folded;
}

static void
key_append (GString    *key,
            const char *folded)
{
  if (folded == NULL || folded[0] == '\0')
    return;

  if (key->len > 0)
    g_string_append_c (key, ' ');
  g_string_append (key, folded);
}

static void
add_unique (GArray *array,
            guint   value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, guint, i) == value)
      return;

  g_array_append_val (array, value);
}

static void
index_cohort (ConnectCohortIndex *self,
              GHashTable         *fold_cache,
              GHashTable         *gene_keys,
              ConnectCohort      *cohort,
              CohortEntry        *entry)
{
  const char * const *genes = connect_cohort_get_genes (cohort);
  const char * const *drugs = connect_cohort_get_drugs (cohort);
  const char * const *sites = connect_cohort_get_sites (cohort);
  const char *alteration;
  const char *id = connect_entity_get_id (CONNECT_ENTITY (cohort));
  GPtrArray *commitments;
  g_autoptr(GArray) drug_refs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) site_refs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) partner_refs = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *key = g_string_new (NULL);
  guint n_genes = genes != NULL ? g_strv_length ((char **) genes) : 0;
  guint i;

  entry->cohort = cohort;
  entry->status = connect_cohort_get_status (cohort);
  entry->tumor_name = fold_shared (self, fold_cache, connect_cohort_get_tumor_name (cohort));
  entry->tumor_code = fold_shared (self, fold_cache, connect_cohort_get_tumor_code (cohort));

  {
    g_autofree char *folded_id = connect_search_fold (id);
    g_autofree char *folded_name = connect_search_fold (connect_cohort_get_name (cohort));

    key_append (key, folded_id);
    key_append (key, folded_name);
  }
  key_append (key, entry->tumor_name);
  key_append (key, entry->tumor_code);

  entry->genes = g_new0 (const char *, n_genes + 1);
  for (i = 0; i < n_genes; i++)
    {
      const char *canonical = connect_genes_canonical (genes[i]);
      const char *aliases_key;

      entry->genes[i] = canonical;
      if (canonical == NULL)
        continue;

      /* The canonical symbol and all its aliases, folded once per gene. */
      aliases_key = g_hash_table_lookup (gene_keys, canonical);
      if (aliases_key == NULL)
        {
          const char * const *aliases = connect_genes_aliases (canonical);
          g_autoptr(GString) aliases_str = g_string_new (NULL);
          g_autofree char *folded = NULL;

          key_append (aliases_str, canonical);
          for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
            if (strcmp (aliases[j], canonical) != 0)
              key_append (aliases_str, aliases[j]);

          folded = connect_search_fold (aliases_str->str);
          aliases_key = g_string_chunk_insert_const (self->strings, folded);
          g_hash_table_insert (gene_keys, (gpointer) canonical, (gpointer) aliases_key);
        }
      key_append (key, aliases_key);

      /* The spelling of the feed, when it is not one of them. */
      if (strcmp (genes[i], canonical) != 0)
        key_append (key, fold_shared (self, fold_cache, genes[i]));
    }

  {
    g_autofree char *variant = connect_search_fold (connect_cohort_get_variant (cohort));

    key_append (key, variant);
  }
  alteration = connect_enum_to_feed_string (CONNECT_TYPE_ALTERATION,
                                            connect_cohort_get_alteration (cohort));
  key_append (key, alteration);

  entry->key = g_string_chunk_insert_len (self->keys, key->str, (gssize) key->len);
  sig_of (entry->key, entry->sig);
  g_string_free (key, TRUE);

  entry->trial = ref_table_resolve (&self->tables[TABLE_TRIAL], connect_cohort_get_trial (cohort));

  for (i = 0; drugs != NULL && drugs[i] != NULL; i++)
    {
      ConnectDrug *drug = connect_feed_lookup_drug (self->feed, drugs[i]);

      add_unique (drug_refs, ref_table_resolve (&self->tables[TABLE_DRUG], drugs[i]));
      if (drug != NULL && connect_drug_get_supplier (drug) != NULL)
        add_unique (partner_refs, ref_table_resolve (&self->tables[TABLE_PARTNER],
                                                     connect_drug_get_supplier (drug)));
    }

  for (i = 0; sites != NULL && sites[i] != NULL; i++)
    add_unique (site_refs, ref_table_resolve (&self->tables[TABLE_SITE], sites[i]));

  commitments = connect_feed_get_cohort_commitments (self->feed, id);
  for (i = 0; commitments != NULL && i < commitments->len; i++)
    {
      ConnectCommitment *commitment = g_ptr_array_index (commitments, i);

      add_unique (partner_refs, ref_table_resolve (&self->tables[TABLE_PARTNER],
                                                   connect_commitment_get_partner (commitment)));
    }

  entry->n_drugs = drug_refs->len;
  entry->n_sites = site_refs->len;
  entry->n_partners = partner_refs->len;
  /* An offset into self->refs until the index is complete (the array
   * moves while it grows); made a pointer then. */
  entry->refs = GUINT_TO_POINTER (self->refs->len);
  g_array_append_vals (self->refs, drug_refs->data, drug_refs->len);
  g_array_append_vals (self->refs, site_refs->data, site_refs->len);
  g_array_append_vals (self->refs, partner_refs->data, partner_refs->len);
}

/**
 * connect_cohort_index_new:
 * @feed: a feed
 *
 * Builds the search index of the feed's cohorts. Costs about as much as
 * folding every string once; may run in a worker thread.
 *
 * Returns: (transfer full): a new index
 */
ConnectCohortIndex *
connect_cohort_index_new (ConnectFeed *feed)
{
  g_autoptr(ConnectCohortIndex) self = NULL;
  g_autoptr(GHashTable) fold_cache = NULL;
  g_autoptr(GHashTable) gene_keys = NULL;
  GListModel *cohorts;
  guint n;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);

  self = g_object_new (CONNECT_TYPE_COHORT_INDEX, NULL);
  self->feed = g_object_ref (feed);

  /* Entities of the feed first, so that unresolved ids come after. */
  ref_table_add_list (&self->tables[TABLE_TRIAL], connect_feed_get_trials (feed));
  ref_table_add_list (&self->tables[TABLE_DRUG], connect_feed_get_drugs (feed));
  ref_table_add_list (&self->tables[TABLE_SITE], connect_feed_get_sites (feed));
  ref_table_add_list (&self->tables[TABLE_PARTNER], connect_feed_get_partners (feed));

  fold_cache = g_hash_table_new (g_str_hash, g_str_equal);
  gene_keys = g_hash_table_new (g_direct_hash, g_direct_equal);

  cohorts = connect_feed_get_cohorts (feed);
  n = g_list_model_get_n_items (cohorts);
  g_array_set_size (self->cohorts, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (cohorts, i);

      index_cohort (self, fold_cache, gene_keys, cohort,
                    &g_array_index (self->cohorts, CohortEntry, i));
    }

  /* One more element, so that even an empty array has data to point to. */
  g_array_set_size (self->refs, self->refs->len + 1);
  for (guint i = 0; i < n; i++)
    {
      CohortEntry *entry = &g_array_index (self->cohorts, CohortEntry, i);

      entry->refs = &g_array_index (self->refs, guint, GPOINTER_TO_UINT (entry->refs));
    }

  return g_steal_pointer (&self);
}

static void
index_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_task_return_pointer (task, connect_cohort_index_new (task_data), g_object_unref);
}

/**
 * connect_cohort_index_new_async:
 * @feed: a feed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Builds the index in a worker thread.
 */
void
connect_cohort_index_new_async (ConnectFeed         *feed,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CONNECT_IS_FEED (feed));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_cohort_index_new_async);
  g_task_set_task_data (task, g_object_ref (feed), g_object_unref);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, index_thread);
}

/**
 * connect_cohort_index_new_finish:
 * @result: the result given to the callback
 * @error: a #GError (G_IO_ERROR_CANCELLED when cancelled)
 *
 * Returns: (transfer full) (nullable): the index
 */
ConnectCohortIndex *
connect_cohort_index_new_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == connect_cohort_index_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * connect_cohort_index_get_feed:
 *
 * Returns: (transfer none): the feed
 */
ConnectFeed *
connect_cohort_index_get_feed (ConnectCohortIndex *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT_INDEX (self), NULL);

  return self->feed;
}

guint
connect_cohort_index_get_n_cohorts (ConnectCohortIndex *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT_INDEX (self), 0);

  return self->cohorts->len;
}

static const RefEntry *
table_entry (ConnectCohortIndex *self,
             TableKind           table,
             guint               i)
{
  return &g_array_index (self->tables[table].entries, RefEntry, i);
}

/**
 * connect_cohort_index_dup_search_key:
 * @self: an index
 * @position: a cohort's position
 *
 * Returns: (transfer full): everything the search text is matched against
 */
char *
connect_cohort_index_dup_search_key (ConnectCohortIndex *self,
                                     guint               position)
{
  const CohortEntry *entry;
  GString *key;

  g_return_val_if_fail (CONNECT_IS_COHORT_INDEX (self), NULL);
  g_return_val_if_fail (position < self->cohorts->len, NULL);

  entry = &g_array_index (self->cohorts, CohortEntry, position);
  key = g_string_new (entry->key);
  key_append (key, table_entry (self, TABLE_TRIAL, entry->trial)->text);
  for (guint i = 0; i < entry->n_drugs; i++)
    key_append (key, table_entry (self, TABLE_DRUG, entry->refs[i])->text);
  for (guint i = 0; i < entry->n_sites; i++)
    key_append (key, table_entry (self, TABLE_SITE, entry->refs[entry->n_drugs + i])->text);

  return g_string_free (key, FALSE);
}

/* ConnectCohortQuery */

static void
query_unprepare (ConnectCohortQuery *self)
{
  g_clear_object (&self->prepared);
  g_clear_pointer (&self->drug_hits, g_free);
  g_clear_pointer (&self->site_hits, g_free);
  g_clear_pointer (&self->partner_hits, g_free);
  for (guint t = 0; t < N_TABLES; t++)
    {
      if (self->word_hits[t] == NULL)
        continue;
      for (guint w = 0; self->words != NULL && self->words[w] != NULL; w++)
        g_free (self->word_hits[t][w]);
      g_clear_pointer (&self->word_hits[t], g_free);
    }
}

static gboolean
entry_is_named (const RefEntry *entry,
                const char     *folded)
{
  if (strcmp (entry->id, folded) == 0)
    return TRUE;
  if (entry->name != NULL && strcmp (entry->name, folded) == 0)
    return TRUE;
  for (guint i = 0; entry->brands != NULL && entry->brands[i] != NULL; i++)
    if (strcmp (entry->brands[i], folded) == 0)
      return TRUE;

  return FALSE;
}

static guint8 *
hits_named (ConnectCohortIndex *index,
            TableKind           table,
            const char         *folded)
{
  GArray *entries = index->tables[table].entries;
  guint8 *hits;

  if (folded == NULL)
    return NULL;

  hits = g_new0 (guint8, entries->len + 1);
  for (guint i = 0; i < entries->len; i++)
    hits[i] = entry_is_named (&g_array_index (entries, RefEntry, i), folded);

  return hits;
}

static void
query_prepare (ConnectCohortQuery *self,
               ConnectCohortIndex *index)
{
  guint n_words;

  if (self->prepared == index)
    return;

  query_unprepare (self);
  self->prepared = g_object_ref (index);

  self->drug_hits = hits_named (index, TABLE_DRUG, self->drug);
  self->site_hits = hits_named (index, TABLE_SITE, self->site);
  self->partner_hits = hits_named (index, TABLE_PARTNER, self->partner);

  n_words = self->words != NULL ? g_strv_length (self->words) : 0;
  if (n_words == 0)
    return;

  for (guint t = 0; t < N_TABLES; t++)
    {
      GArray *entries = index->tables[t].entries;

      if (t == TABLE_PARTNER)
        continue;

      self->word_hits[t] = g_new0 (guint8 *, n_words + 1);
      for (guint w = 0; w < n_words; w++)
        {
          guint8 *hits = g_new0 (guint8, entries->len + 1);
          gboolean any = FALSE;

          for (guint i = 0; i < entries->len; i++)
            {
              const RefEntry *entry = &g_array_index (entries, RefEntry, i);

              hits[i] = entry->text != NULL && strstr (entry->text, self->words[w]) != NULL;
              any |= hits[i];
            }
          /* NULL when no entry holds the word: no cohort need look. */
          if (!any)
            g_clear_pointer (&hits, g_free);
          self->word_hits[t][w] = hits;
        }
    }
}

static gboolean
any_hit (const guint8 *hits,
         const guint  *refs,
         guint         n_refs)
{
  for (guint i = 0; i < n_refs; i++)
    if (hits[refs[i]])
      return TRUE;

  return FALSE;
}

static gboolean
entry_matches (ConnectCohortQuery *self,
               const CohortEntry  *entry)
{
  const guint *drugs = entry->refs;
  const guint *sites = entry->refs + entry->n_drugs;
  const guint *partners = entry->refs + entry->n_drugs + entry->n_sites;

  if (self->status_mask != 0 && (self->status_mask & (1u << entry->status)) == 0)
    return FALSE;

  if (self->tumor != NULL &&
      !(entry->tumor_name != NULL && strcmp (entry->tumor_name, self->tumor) == 0) &&
      !(entry->tumor_code != NULL && strcmp (entry->tumor_code, self->tumor) == 0))
    return FALSE;

  if (self->gene != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; !found && entry->genes[i] != NULL; i++)
        found = entry->genes[i] == self->gene || strcmp (entry->genes[i], self->gene) == 0;
      if (!found)
        return FALSE;
    }

  if (self->drug_hits != NULL && !any_hit (self->drug_hits, drugs, entry->n_drugs))
    return FALSE;
  if (self->site_hits != NULL && !any_hit (self->site_hits, sites, entry->n_sites))
    return FALSE;
  if (self->partner_hits != NULL && !any_hit (self->partner_hits, partners, entry->n_partners))
    return FALSE;

  for (guint w = 0; self->words != NULL && self->words[w] != NULL; w++)
    {
      const WordSig *word_sig = &self->word_sigs[w];

      /* One byte: its bit decides; longer: read the key only when its
       * signature allows the word. */
      if (sig_covers (entry->sig, word_sig)
          && (self->words[w][0] == '\0' || self->words[w][1] == '\0'
              || strstr (entry->key, self->words[w]) != NULL))
        continue;
      if (self->word_hits[TABLE_TRIAL][w] != NULL && self->word_hits[TABLE_TRIAL][w][entry->trial])
        continue;
      if (self->word_hits[TABLE_DRUG][w] != NULL
          && any_hit (self->word_hits[TABLE_DRUG][w], drugs, entry->n_drugs))
        continue;
      if (self->word_hits[TABLE_SITE][w] != NULL
          && any_hit (self->word_hits[TABLE_SITE][w], sites, entry->n_sites))
        continue;

      return FALSE;
    }

  return TRUE;
}

static void
connect_cohort_query_finalize (GObject *object)
{
  ConnectCohortQuery *self = (ConnectCohortQuery *) object;

  query_unprepare (self);
  g_clear_pointer (&self->tumor, g_free);
  g_clear_pointer (&self->drug, g_free);
  g_clear_pointer (&self->partner, g_free);
  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->word_sigs, g_free);

  G_OBJECT_CLASS (connect_cohort_query_parent_class)->finalize (object);
}

static void
connect_cohort_query_class_init (ConnectCohortQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = connect_cohort_query_finalize;
}

static void
connect_cohort_query_init (ConnectCohortQuery *self)
{
}

/**
 * connect_cohort_query_new:
 *
 * Returns: (transfer full): a query that matches every cohort
 */
ConnectCohortQuery *
connect_cohort_query_new (void)
{
  return g_object_new (CONNECT_TYPE_COHORT_QUERY, NULL);
}

/**
 * connect_cohort_query_set_status:
 * @status: a status, or %CONNECT_COHORT_STATUS_NONE for any
 */
void
connect_cohort_query_set_status (ConnectCohortQuery  *self,
                                 ConnectCohortStatus  status)
{
  g_return_if_fail (CONNECT_IS_COHORT_QUERY (self));

  connect_cohort_query_set_status_mask (self, status == CONNECT_COHORT_STATUS_NONE
                                              ? 0 : 1u << status);
}

void
connect_cohort_query_set_status_mask (ConnectCohortQuery *self,
                                      guint               mask)
{
  g_return_if_fail (CONNECT_IS_COHORT_QUERY (self));

  self->status_mask = mask;
}

static void
set_folded (ConnectCohortQuery  *self,
            char               **field,
            const char          *value)
{
  query_unprepare (self);
  g_clear_pointer (field, g_free);
  if (value != NULL && value[0] != '\0')
    {
      *field = connect_search_fold (value);
      if ((*field)[0] == '\0')
        g_clear_pointer (field, g_free);
    }
}

void
connect_cohort_query_set_tumor (ConnectCohortQuery *self,
                                const char         *tumor)
{
  g_return_if_fail (CONNECT_IS_COHORT_QUERY (self));

  set_folded (self, &self->tumor, tumor);
}

void
connect_cohort_query_set_gene (ConnectCohortQuery *self,
                               const char         *gene)
{
  g_return_if_fail (CONNECT_IS_COHORT_QUERY (self));

  self->gene = NULL;
  if (gene != NULL && gene[0] != '\0')
    self->gene = connect_genes_canonical (gene);
}

void
connect_cohort_query_set_drug (ConnectCohortQuery *self,
                               const char         *drug)
{
  g_return_if_fail (CONNECT_IS_COHORT_QUERY (self));

  set_folded (self, &self->drug, drug);
}

void
connect_cohort_query_set_partner (ConnectCohortQuery *self,
                                  const char         *partner)
{
  g_return_if_fail (CONNECT_IS_COHORT_QUERY (self));

  set_folded (self, &self->partner, partner);
}

void
connect_cohort_query_set_site (ConnectCohortQuery *self,
                               const char         *site)
{
  g_return_if_fail (CONNECT_IS_COHORT_QUERY (self));

  set_folded (self, &self->site, site);
}

/* TRUE when every word of @a occurs in some word of @b: then whatever @b
 * matches, @a matches. */
static gboolean
words_covered (char * const *a,
               char * const *b)
{
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; !found && b != NULL && b[j] != NULL; j++)
        found = strstr (b[j], a[i]) != NULL;
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/**
 * connect_cohort_query_set_text:
 * @self: a query
 * @text: (nullable): what the person typed
 *
 * Returns: how the result changes
 */
ConnectQueryChange
connect_cohort_query_set_text (ConnectCohortQuery *self,
                               const char         *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) old_words = NULL;
  char **new_words;
  gboolean stricter, looser;

  g_return_val_if_fail (CONNECT_IS_COHORT_QUERY (self), CONNECT_QUERY_CHANGE_DIFFERENT);

  if (g_strcmp0 (self->text, text) == 0)
    return CONNECT_QUERY_CHANGE_NONE;

  query_unprepare (self);
  g_free (self->text);
  self->text = g_strdup (text);

  folded = connect_search_fold (text);
  new_words = folded[0] != '\0' ? g_strsplit (folded, " ", -1) : NULL;

  old_words = g_steal_pointer (&self->words);
  self->words = new_words;
  g_clear_pointer (&self->word_sigs, g_free);
  if (new_words != NULL)
    {
      guint n_words = g_strv_length (new_words);

      self->word_sigs = g_new (WordSig, n_words);
      for (guint w = 0; w < n_words; w++)
        word_sig_of (new_words[w], &self->word_sigs[w]);
    }

  /* Every old word inside a new word: a subset; and the other way. */
  stricter = words_covered (old_words, new_words);
  looser = words_covered (new_words, old_words);

  if (stricter && looser)
    return CONNECT_QUERY_CHANGE_NONE;
  if (stricter)
    return CONNECT_QUERY_CHANGE_MORE_STRICT;
  if (looser)
    return CONNECT_QUERY_CHANGE_LESS_STRICT;

  return CONNECT_QUERY_CHANGE_DIFFERENT;
}

const char *
connect_cohort_query_get_text (ConnectCohortQuery *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT_QUERY (self), NULL);

  return self->text;
}

gboolean
connect_cohort_query_is_empty (ConnectCohortQuery *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT_QUERY (self), TRUE);

  return self->status_mask == 0 &&
         self->tumor == NULL &&
         self->gene == NULL &&
         self->drug == NULL &&
         self->partner == NULL &&
         self->site == NULL &&
         (self->words == NULL || self->words[0] == NULL);
}

/**
 * connect_cohort_query_matches:
 * @self: a query
 * @index: the index of a feed
 * @position: the position of a cohort in the feed's cohort list
 *
 * Returns: %TRUE when the cohort matches every filter and every word
 */
gboolean
connect_cohort_query_matches (ConnectCohortQuery *self,
                              ConnectCohortIndex *index,
                              guint               position)
{
  g_return_val_if_fail (CONNECT_IS_COHORT_QUERY (self), FALSE);
  g_return_val_if_fail (CONNECT_IS_COHORT_INDEX (index), FALSE);
  g_return_val_if_fail (position < index->cohorts->len, FALSE);

  query_prepare (self, index);

  return entry_matches (self, &g_array_index (index->cohorts, CohortEntry, position));
}

/**
 * connect_cohort_query_matches_cohort:
 * @self: a query
 * @index: the index of the cohort's feed
 * @cohort: a cohort of that feed
 *
 * Returns: %TRUE when the cohort matches
 */
gboolean
connect_cohort_query_matches_cohort (ConnectCohortQuery *self,
                                     ConnectCohortIndex *index,
                                     ConnectCohort      *cohort)
{
  guint position;

  g_return_val_if_fail (CONNECT_IS_COHORT_QUERY (self), FALSE);
  g_return_val_if_fail (CONNECT_IS_COHORT_INDEX (index), FALSE);
  g_return_val_if_fail (CONNECT_IS_COHORT (cohort), FALSE);

  /* A list model is mostly checked in order: try the next position
   * first, known right when it holds this very cohort. */
  position = self->next_position;
  if (position >= index->cohorts->len
      || g_array_index (index->cohorts, CohortEntry, position).cohort != cohort)
    position = connect_entity_get_index (CONNECT_ENTITY (cohort));
  g_return_val_if_fail (position < index->cohorts->len, FALSE);
  self->next_position = position + 1;
  g_return_val_if_fail (g_array_index (index->cohorts, CohortEntry, position).cohort == cohort, FALSE);

  query_prepare (self, index);

  return entry_matches (self, &g_array_index (index->cohorts, CohortEntry, position));
}

/**
 * connect_cohort_query_filter:
 * @self: a query
 * @index: an index
 *
 * Returns: (transfer full): the matching cohorts, in feed order
 */
GListStore *
connect_cohort_query_filter (ConnectCohortQuery *self,
                             ConnectCohortIndex *index)
{
  g_autoptr(GPtrArray) found = NULL;
  GListStore *store;

  g_return_val_if_fail (CONNECT_IS_COHORT_QUERY (self), NULL);
  g_return_val_if_fail (CONNECT_IS_COHORT_INDEX (index), NULL);

  query_prepare (self, index);

  found = g_ptr_array_new ();
  for (guint i = 0; i < index->cohorts->len; i++)
    {
      const CohortEntry *entry = &g_array_index (index->cohorts, CohortEntry, i);

      if (entry_matches (self, entry))
        g_ptr_array_add (found, entry->cohort);
    }

  store = g_list_store_new (CONNECT_TYPE_COHORT);
  g_list_store_splice (store, 0, 0, found->pdata, found->len);

  return store;
}
