/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-matcher.c: which cohorts fit a patient; the rules are documented
 * in connect-matcher.h. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "connect-genes.h"
#include "connect-matcher.h"

G_DEFINE_QUARK (connect-match-error-quark, connect_match_error)

/* Parsing alterations */

typedef struct
{
  const char        *word;
  ConnectAlteration  type;
} TypeWord;

static const TypeWord type_words[] = {
  { "mutation", CONNECT_ALTERATION_MUTATION },
  { "mutations", CONNECT_ALTERATION_MUTATION },
  { "mutated", CONNECT_ALTERATION_MUTATION },
  { "mutant", CONNECT_ALTERATION_MUTATION },
  { "mut", CONNECT_ALTERATION_MUTATION },
  { "amplification", CONNECT_ALTERATION_AMPLIFICATION },
  { "amplifications", CONNECT_ALTERATION_AMPLIFICATION },
  { "amplified", CONNECT_ALTERATION_AMPLIFICATION },
  { "amp", CONNECT_ALTERATION_AMPLIFICATION },
  { "gain", CONNECT_ALTERATION_AMPLIFICATION },
  { "fusion", CONNECT_ALTERATION_FUSION },
  { "fusions", CONNECT_ALTERATION_FUSION },
  { "fused", CONNECT_ALTERATION_FUSION },
  { "rearrangement", CONNECT_ALTERATION_FUSION },
  { "rearrangements", CONNECT_ALTERATION_FUSION },
  { "rearranged", CONNECT_ALTERATION_FUSION },
  { "translocation", CONNECT_ALTERATION_FUSION },
  { "deletion", CONNECT_ALTERATION_DELETION },
  { "deletions", CONNECT_ALTERATION_DELETION },
  { "deleted", CONNECT_ALTERATION_DELETION },
  { "loss", CONNECT_ALTERATION_LOSS },
  { "expression", CONNECT_ALTERATION_EXPRESSION },
  { "overexpression", CONNECT_ALTERATION_EXPRESSION },
  { "overexpressed", CONNECT_ALTERATION_EXPRESSION },
  { "expressed", CONNECT_ALTERATION_EXPRESSION },
  { "positive", CONNECT_ALTERATION_EXPRESSION },
  { "high", CONNECT_ALTERATION_EXPRESSION },
  { "signature", CONNECT_ALTERATION_SIGNATURE },
};

/* words that carry no meaning for matching */
static const char * const filler_words[] = {
  "homozygous", "heterozygous", "biallelic", "somatic", "germline",
  "activating", "oncogenic", "pathogenic", "likely", "status", "alteration",
};

typedef struct
{
  const char *word;
  const char *normal;
} ExonKind;

static const ExonKind exon_kinds[] = {
  { "ins", "insertion" },
  { "insertion", "insertion" },
  { "insertions", "insertion" },
  { "del", "deletion" },
  { "deletion", "deletion" },
  { "deletions", "deletion" },
  { "skip", "skipping" },
  { "skipping", "skipping" },
  { "dup", "duplication" },
  { "duplication", "duplication" },
  { "duplications", "duplication" },
  { "indel", "indel" },
  { "indels", "indel" },
};

static GRegex *
get_regex (int which)
{
  static GRegex *regexes[3];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* a protein change: V600E, p.V600E, V600, E746_A750del, W288fs*12 */
      regexes[0] = g_regex_new ("^(?:p\\.)?([A-Za-z][0-9]+(?:_[A-Za-z][0-9]+)?"
                                "(?:[A-Za-z*]+[0-9]*)?)$",
                                G_REGEX_OPTIMIZE, 0, NULL);
      /* an exon change in one word: exon20, ex20ins, ex19del */
      regexes[1] = g_regex_new ("^ex(?:on)?-?([0-9]+)([a-z]*)$",
                                G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
      /* something that looks like a gene symbol */
      regexes[2] = g_regex_new ("^[A-Za-z][A-Za-z0-9]*(?:[-/.][A-Za-z0-9]+)*$",
                                G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }

  return regexes[which];
}

static ConnectAlteration
lookup_type_word (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (type_words); i++)
    if (g_ascii_strcasecmp (word, type_words[i].word) == 0)
      return type_words[i].type;

  return CONNECT_ALTERATION_NONE;
}

static gboolean
is_filler_word (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (filler_words); i++)
    if (g_ascii_strcasecmp (word, filler_words[i]) == 0)
      return TRUE;

  return FALSE;
}

static const char *
lookup_exon_kind (const char *word)
{
  if (word == NULL || word[0] == '\0')
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (exon_kinds); i++)
    if (g_ascii_strcasecmp (word, exon_kinds[i].word) == 0)
      return exon_kinds[i].normal;

  return NULL;
}

static gboolean
is_number (const char *word)
{
  if (word == NULL || word[0] == '\0')
    return FALSE;

  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* HGVS three-letter amino acids, as reports write them: "p.Val600Glu". */
static const struct
{
  const char name[4];
  char       letter;
} amino_acids[] = {
  { "Ala", 'A' }, { "Arg", 'R' }, { "Asn", 'N' }, { "Asp", 'D' },
  { "Cys", 'C' }, { "Gln", 'Q' }, { "Glu", 'E' }, { "Gly", 'G' },
  { "His", 'H' }, { "Ile", 'I' }, { "Leu", 'L' }, { "Lys", 'K' },
  { "Met", 'M' }, { "Phe", 'F' }, { "Pro", 'P' }, { "Ser", 'S' },
  { "Thr", 'T' }, { "Trp", 'W' }, { "Tyr", 'Y' }, { "Val", 'V' },
  { "Ter", '*' },
};

static char
lookup_amino_acid (const char *p)
{
  for (gsize i = 0; i < G_N_ELEMENTS (amino_acids); i++)
    if (strncmp (p, amino_acids[i].name, 3) == 0)
      return amino_acids[i].letter;

  return '\0';
}

/* "p.Val600Glu", "p.(Gly12Cys)", "Glu746_Ala750del" in one-letter code
 * ("V600E", "G12C", "E746_A750del"); NULL when @word does not start with a
 * three-letter amino acid and a position. Keywords (del, ins, dup, fs) are
 * lower case and amino acids title case, so they cannot be confused. */
static char *
three_to_one (const char *word)
{
  g_autofree char *inner = NULL;
  const char *p = word;
  GString *out;
  gsize len;

  if (g_ascii_strncasecmp (p, "p.", 2) == 0)
    p += 2;
  inner = g_strdup (p);
  len = strlen (inner);
  if (len >= 2 && inner[0] == '(' && inner[len - 1] == ')')
    {
      memmove (inner, inner + 1, len - 2);
      inner[len - 2] = '\0';
    }

  if (lookup_amino_acid (inner) == '\0' || !g_ascii_isdigit (inner[3]))
    return NULL;

  out = g_string_new (NULL);
  for (p = inner; *p != '\0';)
    {
      char letter = g_ascii_isupper (*p) ? lookup_amino_acid (p) : '\0';

      if (letter != '\0')
        {
          g_string_append_c (out, letter);
          p += 3;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* A protein change, normalised: one-letter code, upper case, but "fs",
 * "del", "ins", "dup", "delins" after a position stay lower case. NULL when
 * @word is none. */
static char *
parse_protein_variant (const char *word)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *body = NULL;
  g_autofree char *converted = three_to_one (word);
  GString *out;

  if (converted != NULL)
    word = converted;

  if (!g_regex_match (get_regex (0), word, 0, &match))
    return NULL;

  body = g_ascii_strup (g_ascii_strncasecmp (word, "p.", 2) == 0 ? word + 2 : word, -1);
  out = g_string_new (NULL);

  for (const char *p = body; *p != '\0';)
    {
      static const char * const keywords[] = { "DELINS", "DEL", "INS", "DUP", "FS" };
      gboolean done = FALSE;

      if (p > body && g_ascii_isdigit (p[-1]))
        for (gsize i = 0; i < G_N_ELEMENTS (keywords) && !done; i++)
          {
            gsize len = strlen (keywords[i]);

            if (strncmp (p, keywords[i], len) == 0)
              {
                g_autofree char *lower = g_ascii_strdown (keywords[i], -1);

                g_string_append (out, lower);
                p += len;
                done = TRUE;
              }
          }

      if (!done)
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* Whether @word is a protein change with a changed residue ("V600E"), as
 * opposed to a bare position ("V600") that could also be a gene symbol. */
static gboolean
is_full_protein_change (const char *word)
{
  g_autofree char *converted = three_to_one (word);
  gsize len = strlen (word);

  if (converted != NULL)
    return TRUE;

  return g_regex_match (get_regex (0), word, 0, NULL) &&
         len > 0 && !g_ascii_isdigit (word[len - 1]);
}

static void
set_parse_error (GError     **error,
                 const char  *text,
                 const char  *detail)
{
  g_set_error (error, CONNECT_MATCH_ERROR,
               CONNECT_MATCH_ERROR_INVALID_ALTERATION,
               /* Translators: the first %s is what the user wrote, the
                * second says what is wrong with it */
               _("Cannot read the alteration “%s”: %s. Write a gene or "
                 "signature, optionally followed by a variant or the kind "
                 "of alteration, such as “BRAF V600E”, “ERBB2 "
                 "amplification”, “NTRK1 fusion”, “EGFR exon 20 insertion” "
                 "or “MSI-H”."),
               text, detail);
}

/* Splits @text into words at white space, commas and colons. */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && (g_ascii_isspace (*p) || *p == ',' || *p == ':' || *p == ';'))
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !(g_ascii_isspace (*p) || *p == ',' || *p == ':' || *p == ';'))
        p++;
      g_ptr_array_add (words, g_strndup (start, p - start));
    }

  return words;
}

/* Finds the gene at the start of @words; returns how many words it takes
 * (0 when there is none) and sets @out_gene. */
static guint
parse_gene (GPtrArray   *words,
            guint        start,
            const char **out_gene)
{
  guint longest = MIN (words->len - start, 5);

  for (guint k = longest; k >= 1; k--)
    {
      g_autoptr(GString) candidate = g_string_new (NULL);
      const char *canonical;

      for (guint i = start; i < start + k; i++)
        {
          if (i > start)
            g_string_append_c (candidate, ' ');
          g_string_append (candidate, g_ptr_array_index (words, i));
        }

      canonical = connect_genes_lookup (candidate->str);
      if (canonical != NULL)
        {
          *out_gene = canonical;
          return k;
        }
    }

  {
    const char *word = g_ptr_array_index (words, start);

    if (!g_regex_match (get_regex (2), word, 0, NULL) ||
        lookup_type_word (word) != CONNECT_ALTERATION_NONE ||
        g_regex_match (get_regex (1), word, 0, NULL) ||
        g_ascii_strcasecmp (word, "exon") == 0 ||
        is_full_protein_change (word))
      return 0;

    *out_gene = connect_genes_canonical (word);
    return 1;
  }
}

/* "NTRK1-fusion", "HER2-positive", "BRAF-V600E": one word that is a gene
 * and a type or a variant joined by a hyphen; "HER2+": positive. Replaces
 * it by two words. */
static void
split_joined_first_word (GPtrArray *words,
                         guint      start)
{
  const char *word = g_ptr_array_index (words, start);
  const char *hyphen = strrchr (word, '-');
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  gsize len = strlen (word);

  if (len > 1 && word[len - 1] == '+')
    {
      head = g_strndup (word, len - 1);
      g_ptr_array_remove_index (words, start);
      g_ptr_array_insert (words, start, g_strdup ("positive"));
      g_ptr_array_insert (words, start, g_steal_pointer (&head));
      return;
    }

  if (hyphen == NULL || hyphen == word || hyphen[1] == '\0')
    return;
  if (connect_genes_lookup (word) != NULL)
    return;

  head = g_strndup (word, hyphen - word);
  tail = g_strdup (hyphen + 1);

  if (lookup_type_word (tail) == CONNECT_ALTERATION_NONE)
    {
      g_autofree char *variant = parse_protein_variant (tail);

      if (variant == NULL)
        return;
    }

  g_ptr_array_remove_index (words, start);
  g_ptr_array_insert (words, start, g_steal_pointer (&tail));
  g_ptr_array_insert (words, start, g_steal_pointer (&head));
}

/**
 * connect_match_alteration_parse:
 * @text: an alteration as a clinician writes it
 * @error: return location for a %CONNECT_MATCH_ERROR
 *
 * Parses @text by the rules in connect-matcher.h.
 *
 * Returns: (transfer full): the alteration, or %NULL with @error set
 */
ConnectMatchAlteration *
connect_match_alteration_parse (const char  *text,
                                GError     **error)
{
  g_autoptr(ConnectMatchAlteration) self = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *variant = NULL;
  g_autofree char *trimmed = NULL;
  ConnectAlteration type = CONNECT_ALTERATION_NONE;
  const char *gene = NULL;
  gboolean signature;
  guint i = 0;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  words = split_words (trimmed);

  while (i < words->len && is_filler_word (g_ptr_array_index (words, i)))
    i++;

  if (i >= words->len)
    {
      g_set_error (error, CONNECT_MATCH_ERROR,
                   CONNECT_MATCH_ERROR_INVALID_ALTERATION,
                   _("Enter an alteration, such as “BRAF V600E”, “ERBB2 "
                     "amplification” or “MSI-H”."));
      return NULL;
    }

  split_joined_first_word (words, i);
  n = parse_gene (words, i, &gene);
  if (n == 0)
    {
      g_autofree char *detail =
        /* Translators: %s is a word the user wrote */
        g_strdup_printf (_("“%s” is not a gene"),
                         (char *) g_ptr_array_index (words, i));

      set_parse_error (error, trimmed, detail);
      return NULL;
    }
  i += n;
  signature = connect_genes_is_signature (gene);

  while (i < words->len)
    {
      const char *word = g_ptr_array_index (words, i);
      const char *next = i + 1 < words->len ? g_ptr_array_index (words, i + 1) : NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *protein = NULL;
      ConnectAlteration word_type;

      if (is_filler_word (word))
        {
          i++;
          continue;
        }

      /* "exon 20 insertion", "exon 11", "ex 19 del" */
      if ((g_ascii_strcasecmp (word, "exon") == 0 ||
           g_ascii_strcasecmp (word, "ex") == 0) && is_number (next))
        {
          const char *kind = i + 2 < words->len ? lookup_exon_kind (g_ptr_array_index (words, i + 2)) : NULL;

          if (variant != NULL)
            goto two_variants;
          variant = kind != NULL ? g_strdup_printf ("exon %s %s", next, kind)
                                 : g_strdup_printf ("exon %s", next);
          i += kind != NULL ? 3 : 2;
          continue;
        }

      /* "exon20", "ex20ins", "exon19del" */
      if (g_regex_match (get_regex (1), word, 0, &match))
        {
          g_autofree char *number = g_match_info_fetch (match, 1);
          g_autofree char *suffix = g_match_info_fetch (match, 2);
          const char *kind = lookup_exon_kind (suffix);

          if (suffix != NULL && suffix[0] != '\0' && kind == NULL)
            goto not_understood;
          if (variant != NULL)
            goto two_variants;
          /* a kind may also follow as a word: "exon20 insertion" */
          if (kind == NULL && next != NULL && lookup_exon_kind (next) != NULL)
            {
              kind = lookup_exon_kind (next);
              i++;
            }
          variant = kind != NULL ? g_strdup_printf ("exon %s %s", number, kind)
                                 : g_strdup_printf ("exon %s", number);
          i++;
          continue;
        }

      word_type = lookup_type_word (word);
      if (word_type != CONNECT_ALTERATION_NONE)
        {
          /* "MSI-H positive", "TMB high": the signature says it all */
          if (signature && (word_type == CONNECT_ALTERATION_EXPRESSION ||
                            word_type == CONNECT_ALTERATION_SIGNATURE))
            {
              i++;
              continue;
            }
          if (type != CONNECT_ALTERATION_NONE && type != word_type)
            {
              g_autofree char *detail =
                /* Translators: %s is a word the user wrote */
                g_strdup_printf (_("“%s” names a second kind of alteration"), word);

              set_parse_error (error, trimmed, detail);
              return NULL;
            }
          type = word_type;
          i++;
          continue;
        }

      protein = parse_protein_variant (word);
      if (protein != NULL)
        {
          if (variant != NULL)
            goto two_variants;
          variant = g_steal_pointer (&protein);
          i++;
          continue;
        }

    not_understood:
      {
        g_autofree char *detail =
          /* Translators: %s is a word the user wrote */
          g_strdup_printf (_("“%s” is neither a variant nor a kind of alteration"), word);

        set_parse_error (error, trimmed, detail);
        return NULL;
      }

    two_variants:
      {
        g_autofree char *detail =
          /* Translators: %s is a word the user wrote */
          g_strdup_printf (_("“%s” is a second variant; enter each alteration separately"), word);

        set_parse_error (error, trimmed, detail);
        return NULL;
      }
    }

  if (variant != NULL)
    {
      if (signature)
        {
          g_autofree char *detail =
            /* Translators: %s is a signature such as MSI-H */
            g_strdup_printf (_("%s is a signature and has no variants"), gene);

          set_parse_error (error, trimmed, detail);
          return NULL;
        }

      if (type == CONNECT_ALTERATION_NONE)
        type = CONNECT_ALTERATION_MUTATION;
      else if (type != CONNECT_ALTERATION_MUTATION)
        {
          g_autofree char *detail =
            /* Translators: %s is a variant the user wrote, such as V600E */
            g_strdup_printf (_("the variant “%s” is a mutation, which contradicts the kind of alteration given"),
                             variant);

          set_parse_error (error, trimmed, detail);
          return NULL;
        }
    }

  self = g_new0 (ConnectMatchAlteration, 1);
  self->text = g_steal_pointer (&trimmed);
  self->gene = gene;
  self->alteration = type;
  self->variant = g_steal_pointer (&variant);

  return g_steal_pointer (&self);
}

ConnectMatchAlteration *
connect_match_alteration_copy (const ConnectMatchAlteration *self)
{
  ConnectMatchAlteration *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (ConnectMatchAlteration, 1);
  copy->text = g_strdup (self->text);
  copy->gene = self->gene;
  copy->alteration = self->alteration;
  copy->variant = g_strdup (self->variant);

  return copy;
}

void
connect_match_alteration_free (ConnectMatchAlteration *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->variant);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (ConnectMatchAlteration, connect_match_alteration,
                     connect_match_alteration_copy,
                     connect_match_alteration_free)

/* Normalises a cohort's variant the way a patient's is, so both compare. */
static char *
normalize_cohort_variant (const char *variant)
{
  g_autoptr(ConnectMatchAlteration) parsed = NULL;
  g_autofree char *text = NULL;

  if (variant == NULL || variant[0] == '\0')
    return NULL;

  /* parse "X <variant>" with a dummy gene to reuse the rules */
  text = g_strconcat ("X ", variant, NULL);
  parsed = connect_match_alteration_parse (text, NULL);
  if (parsed != NULL && parsed->variant != NULL)
    return g_steal_pointer (&parsed->variant);

  return g_strstrip (g_strdup (variant));
}

/* The cohort's variant @prefix covers the patient's @variant. */
static gboolean
variant_covers (const char *prefix,
                const char *variant)
{
  gsize len = strlen (prefix);

  if (g_ascii_strncasecmp (prefix, variant, len) != 0)
    return FALSE;

  if (variant[len] == '\0' || len == 0)
    return TRUE;

  /* a prefix may not end between two digits */
  return !(g_ascii_isdigit (prefix[len - 1]) && g_ascii_isdigit (variant[len]));
}

/* Folds a tumour name or code: normalised, case-folded, white space runs
 * made one space, trimmed. */
static char *
fold_tumor (const char *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normal == NULL)
    return NULL;
  folded = g_utf8_casefold (normal, -1);
  out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* ConnectMatchResult */

struct _ConnectMatchResult
{
  GObject parent_instance;

  ConnectMatchKind kind;
  ConnectCohort *cohort;
  char *trial;
  char **own_drugs;
  gint64 places_left;

  /* for a candidate: the drug's name and the gene it targets */
  char *drug_name;
  const char *gene;

  char *reason; /* built on first use */
};

G_DEFINE_FINAL_TYPE (ConnectMatchResult, connect_match_result, G_TYPE_OBJECT)

enum {
  RESULT_PROP_0,
  RESULT_PROP_KIND,
  RESULT_PROP_COHORT,
  RESULT_PROP_TRIAL,
  RESULT_PROP_DRUGS,
  RESULT_PROP_PLACES_LEFT,
  RESULT_PROP_REASON,
  RESULT_N_PROPS
};

static GParamSpec *result_properties[RESULT_N_PROPS];

static char *
build_open_reason (ConnectMatchResult *self)
{
  ConnectCohort *cohort = self->cohort;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 enrolled = connect_cohort_get_enrolled (cohort);
  gint64 target = connect_cohort_get_target (cohort);
  guint n_sites = g_strv_length ((char **) connect_cohort_get_sites (cohort));
  g_autofree char *joined = NULL;

  switch (connect_cohort_get_stage (cohort))
    {
    case CONNECT_COHORT_STAGE_ONE:
      /* Translators: part of "Open — stage 1, 3 of 8 places left" */
      g_ptr_array_add (parts, g_strdup (_("stage 1")));
      break;
    case CONNECT_COHORT_STAGE_TWO:
      /* Translators: part of "Open — stage 2, 10 of 24 places left" */
      g_ptr_array_add (parts, g_strdup (_("stage 2")));
      break;
    case CONNECT_COHORT_STAGE_EXPANSION:
      /* Translators: part of "Open — expansion cohort, 4 places left" */
      g_ptr_array_add (parts, g_strdup (_("expansion cohort")));
      break;
    case CONNECT_COHORT_STAGE_NONE:
    case CONNECT_COHORT_STAGE_UNKNOWN:
    default:
      break;
    }

  if (enrolled >= 0 && target >= 0)
    g_ptr_array_add (parts,
                     /* Translators: part of "Open — stage 2, 10 of 24
                      * places left"; the plural goes by the second number */
                     g_strdup_printf (ngettext ("%u of %u place left",
                                                "%u of %u places left",
                                                (gulong) target),
                                      (guint) self->places_left,
                                      (guint) target));
  else if (self->places_left >= 0)
    g_ptr_array_add (parts,
                     /* Translators: part of "Open — stage 1, 12 places
                      * left", counted from the drug supply committed */
                     g_strdup_printf (ngettext ("%u place left",
                                                "%u places left",
                                                (gulong) self->places_left),
                                      (guint) self->places_left));

  if (n_sites > 0)
    g_ptr_array_add (parts,
                     /* Translators: part of "Open — stage 2, 10 of 24
                      * places left, 17 hospitals" */
                     g_strdup_printf (ngettext ("%u hospital", "%u hospitals",
                                                n_sites),
                                      n_sites));

  if (parts->len == 0)
    /* Translators: a cohort's status as a reason to consider it */
    return g_strdup (_("Open"));

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the parts of "stage 2, 10 of 24
   * places left, 17 hospitals" */
  joined = g_strjoinv (_(", "), (char **) parts->pdata);

  /* Translators: %s is a list such as "stage 2, 10 of 24 places left,
   * 17 hospitals" */
  return g_strdup_printf (_("Open — %s"), joined);
}

static char *
build_not_open_reason (ConnectMatchResult *self)
{
  ConnectCohort *cohort = self->cohort;

  switch (connect_cohort_get_status (cohort))
    {
    case CONNECT_COHORT_STATUS_PLANNED:
      return g_strdup (_("Not open yet — planned"));

    case CONNECT_COHORT_STATUS_EVALUATING:
      switch (connect_cohort_get_stage (cohort))
        {
        case CONNECT_COHORT_STAGE_ONE:
          return g_strdup (_("Not open — stage 1 is being evaluated"));
        case CONNECT_COHORT_STAGE_TWO:
          return g_strdup (_("Not open — stage 2 is being evaluated"));
        case CONNECT_COHORT_STAGE_EXPANSION:
        case CONNECT_COHORT_STAGE_NONE:
        case CONNECT_COHORT_STAGE_UNKNOWN:
        default:
          return g_strdup (_("Not open — results are being evaluated"));
        }

    case CONNECT_COHORT_STATUS_SUSPENDED:
      {
        const GDate *since = connect_cohort_get_status_changed (cohort);

        if (since != NULL && g_date_valid (since))
          {
            char date[16];

            g_date_strftime (date, sizeof date, "%Y-%m-%d", since);
            /* Translators: %s is a date such as 2026-03-01 */
            return g_strdup_printf (_("Not open — suspended since %s"), date);
          }
        return g_strdup (_("Not open — suspended"));
      }

    case CONNECT_COHORT_STATUS_NONE:
    case CONNECT_COHORT_STATUS_UNKNOWN:
    case CONNECT_COHORT_STATUS_OPEN:
    case CONNECT_COHORT_STATUS_CLOSED:
    default:
      return g_strdup (_("Not open"));
    }
}

static char *
build_closed_reason (ConnectMatchResult *self)
{
  ConnectCohort *cohort = self->cohort;
  const GDate *closed = connect_cohort_get_closed (cohort);
  gint64 patients = connect_cohort_get_evaluable (cohort);
  gboolean has_year = closed != NULL && g_date_valid (closed);

  if (patients < 0)
    patients = connect_cohort_get_enrolled (cohort);

  if (has_year && patients >= 0)
    /* Translators: "Closed 2024: no benefit in 8 patients" */
    return g_strdup_printf (ngettext ("Closed %u: no benefit in %u patient",
                                      "Closed %u: no benefit in %u patients",
                                      (gulong) patients),
                            (guint) g_date_get_year (closed),
                            (guint) patients);
  if (has_year)
    /* Translators: %u is a year */
    return g_strdup_printf (_("Closed %u: no benefit"),
                            (guint) g_date_get_year (closed));
  if (patients >= 0)
    return g_strdup_printf (ngettext ("Closed: no benefit in %u patient",
                                      "Closed: no benefit in %u patients",
                                      (gulong) patients),
                            (guint) patients);

  return g_strdup (_("Closed: no benefit"));
}

static char *
build_reason (ConnectMatchResult *self)
{
  switch (self->kind)
    {
    case CONNECT_MATCH_KIND_OPEN:
      return build_open_reason (self);
    case CONNECT_MATCH_KIND_NOT_OPEN:
      return build_not_open_reason (self);
    case CONNECT_MATCH_KIND_NEW_COHORT_CANDIDATE:
      /* Translators: the first %s is a drug, the second a gene or
       * signature: "No cohort yet: dabrafenib targets BRAF — …" */
      return g_strdup_printf (_("No cohort yet: %s targets %s — a new cohort "
                                "can be proposed at the molecular tumour "
                                "board"),
                              self->drug_name, self->gene);
    case CONNECT_MATCH_KIND_CLOSED_NO_BENEFIT:
      return build_closed_reason (self);
    default:
      g_assert_not_reached ();
    }
}

static void
connect_match_result_finalize (GObject *object)
{
  ConnectMatchResult *self = CONNECT_MATCH_RESULT (object);

  g_clear_object (&self->cohort);
  g_clear_pointer (&self->trial, g_free);
  g_clear_pointer (&self->own_drugs, g_strfreev);
  g_clear_pointer (&self->drug_name, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (connect_match_result_parent_class)->finalize (object);
}

static void
connect_match_result_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConnectMatchResult *self = CONNECT_MATCH_RESULT (object);

  switch (prop_id)
    {
    case RESULT_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case RESULT_PROP_COHORT:
      g_value_set_object (value, self->cohort);
      break;

    case RESULT_PROP_TRIAL:
      g_value_set_string (value, self->trial);
      break;

    case RESULT_PROP_DRUGS:
      g_value_set_boxed (value, connect_match_result_get_drugs (self));
      break;

    case RESULT_PROP_PLACES_LEFT:
      g_value_set_int64 (value, self->places_left);
      break;

    case RESULT_PROP_REASON:
      g_value_set_string (value, connect_match_result_get_reason (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_match_result_class_init (ConnectMatchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = connect_match_result_finalize;
  object_class->get_property = connect_match_result_get_property;

  result_properties[RESULT_PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CONNECT_TYPE_MATCH_KIND, CONNECT_MATCH_KIND_OPEN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  result_properties[RESULT_PROP_COHORT] =
    g_param_spec_object ("cohort", NULL, NULL,
                         CONNECT_TYPE_COHORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  result_properties[RESULT_PROP_TRIAL] =
    g_param_spec_string ("trial", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  result_properties[RESULT_PROP_DRUGS] =
    g_param_spec_boxed ("drugs", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  result_properties[RESULT_PROP_PLACES_LEFT] =
    g_param_spec_int64 ("places-left", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  result_properties[RESULT_PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, RESULT_N_PROPS,
                                     result_properties);
}

static void
connect_match_result_init (ConnectMatchResult *self)
{
  self->places_left = -1;
}

ConnectMatchKind
connect_match_result_get_kind (ConnectMatchResult *self)
{
  g_return_val_if_fail (CONNECT_IS_MATCH_RESULT (self), CONNECT_MATCH_KIND_OPEN);

  return self->kind;
}

ConnectCohort *
connect_match_result_get_cohort (ConnectMatchResult *self)
{
  g_return_val_if_fail (CONNECT_IS_MATCH_RESULT (self), NULL);

  return self->cohort;
}

const char *
connect_match_result_get_trial (ConnectMatchResult *self)
{
  g_return_val_if_fail (CONNECT_IS_MATCH_RESULT (self), NULL);

  return self->trial;
}

/**
 * connect_match_result_get_drugs:
 *
 * Returns: (transfer none): the drug ids of the cohort, or the one drug of a
 *   new-cohort candidate
 */
const char * const *
connect_match_result_get_drugs (ConnectMatchResult *self)
{
  g_return_val_if_fail (CONNECT_IS_MATCH_RESULT (self), NULL);

  if (self->own_drugs != NULL)
    return (const char * const *) self->own_drugs;

  return connect_cohort_get_drugs (self->cohort);
}

gint64
connect_match_result_get_places_left (ConnectMatchResult *self)
{
  g_return_val_if_fail (CONNECT_IS_MATCH_RESULT (self), -1);

  return self->places_left;
}

/**
 * connect_match_result_get_reason:
 *
 * Returns: (transfer none): why this result is shown, in plain language,
 *   translated
 */
const char *
connect_match_result_get_reason (ConnectMatchResult *self)
{
  g_return_val_if_fail (CONNECT_IS_MATCH_RESULT (self), NULL);

  /* built on first use: a query may return thousands of results */
  if (g_once_init_enter (&self->reason))
    g_once_init_leave (&self->reason, build_reason (self));

  return self->reason;
}

/* ConnectMatcher */

typedef struct
{
  ConnectCohort       *cohort;   /* borrowed: the feed keeps it */
  const char          *name_key; /* in the string chunk, or NULL */
  const char          *code_key;
  const char          *variant;  /* normalised, in the chunk, or NULL */
  const char         **genes;    /* canonical, interned, NULL-terminated */
  gint64               places_left;
  guint                index;
  ConnectAlteration    alteration;
  ConnectCohortStatus  status;
  ConnectOutcome       outcome;
  gboolean             agnostic;
} CohortEntry;

struct _ConnectMatcher
{
  GObject parent_instance;

  ConnectFeed  *feed;
  CohortEntry  *cohorts;
  guint         n_cohorts;
  GStringChunk *keys;
  /* interned gene → GArray of guint (cohort entry indices) */
  GHashTable   *cohorts_by_gene;
  /* interned gene → GPtrArray of ConnectDrug (borrowed), feed order */
  GHashTable   *drugs_by_gene;
  /* drug id → GPtrArray of ConnectTrial (borrowed), feed order, unique */
  GHashTable   *trials_by_drug;
};

G_DEFINE_FINAL_TYPE (ConnectMatcher, connect_matcher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
free_array (gpointer data)
{
  g_array_unref (data);
}

static gint64
remaining_slots (ConnectCommitment *commitment)
{
  gint64 slots = connect_commitment_get_slots (commitment);
  gint64 used = MAX (connect_commitment_get_used (commitment), 0);
  gint64 reserved = MAX (connect_commitment_get_reserved (commitment), 0);

  return MAX (MAX (slots, 0) - used - reserved, 0);
}

/* Places left in an open cohort, by the rule in connect-matcher.h. */
static gint64
compute_places_left (ConnectFeed   *feed,
                     ConnectCohort *cohort)
{
  gint64 enrolled = connect_cohort_get_enrolled (cohort);
  gint64 target = connect_cohort_get_target (cohort);
  const char * const *drugs;
  GPtrArray *commitments;
  gint64 smallest = -1;

  if (enrolled >= 0 && target >= 0)
    return MAX (target - enrolled, 0);

  commitments = connect_feed_get_cohort_commitments (feed,
                                                     connect_entity_get_id (CONNECT_ENTITY (cohort)));
  if (commitments == NULL || commitments->len == 0)
    return -1;

  drugs = connect_cohort_get_drugs (cohort);
  for (guint d = 0; drugs[d] != NULL; d++)
    {
      gint64 sum = 0;
      gboolean any = FALSE;

      for (guint i = 0; i < commitments->len; i++)
        {
          ConnectCommitment *commitment = g_ptr_array_index (commitments, i);
          const char *drug = connect_commitment_get_drug (commitment);

          if (g_strcmp0 (drug, drugs[d]) != 0)
            continue;
          sum += remaining_slots (commitment);
          any = TRUE;
        }

      if (any && (smallest < 0 || sum < smallest))
        smallest = sum;
    }

  return smallest;
}

static void
add_trial_for_drug (ConnectMatcher *self,
                    const char     *drug_id,
                    ConnectTrial   *trial)
{
  GPtrArray *trials;

  if (drug_id == NULL || trial == NULL)
    return;

  trials = g_hash_table_lookup (self->trials_by_drug, drug_id);
  if (trials == NULL)
    {
      trials = g_ptr_array_new ();
      g_hash_table_insert (self->trials_by_drug, (gpointer) drug_id, trials);
    }

  /* few trials per drug: a linear check keeps the order */
  for (guint i = 0; i < trials->len; i++)
    if (g_ptr_array_index (trials, i) == trial)
      return;

  g_ptr_array_add (trials, trial);
}

static int
compare_trial_index (gconstpointer a,
                     gconstpointer b)
{
  guint ia = connect_entity_get_index (*(ConnectEntity **) a);
  guint ib = connect_entity_get_index (*(ConnectEntity **) b);

  return ia < ib ? -1 : ia > ib;
}

/* The folded key of a tumour name or code, in the string chunk; NULL for
 * none. @cache maps what the feed wrote to the key. */
static const char *
cached_tumor_key (ConnectMatcher *self,
                  GHashTable     *cache,
                  const char     *text)
{
  g_autofree char *key = NULL;
  const char *stored;

  if (text == NULL)
    return NULL;

  if (g_hash_table_lookup_extended (cache, text, NULL, (gpointer *) &stored))
    return stored;

  key = fold_tumor (text);
  stored = key != NULL && key[0] != '\0'
             ? g_string_chunk_insert_const (self->keys, key) : NULL;
  g_hash_table_insert (cache, (gpointer) text, (gpointer) stored);

  return stored;
}

/* The normalised variant, in the string chunk; NULL for none. */
static const char *
cached_variant (ConnectMatcher *self,
                GHashTable     *cache,
                const char     *variant)
{
  g_autofree char *normal = NULL;
  const char *stored;

  if (variant == NULL)
    return NULL;

  if (g_hash_table_lookup_extended (cache, variant, NULL, (gpointer *) &stored))
    return stored;

  normal = normalize_cohort_variant (variant);
  stored = normal != NULL && normal[0] != '\0'
             ? g_string_chunk_insert_const (self->keys, normal) : NULL;
  g_hash_table_insert (cache, (gpointer) variant, (gpointer) stored);

  return stored;
}

static void
build_index (ConnectMatcher *self)
{
  GListModel *cohorts = connect_feed_get_cohorts (self->feed);
  GListModel *drugs = connect_feed_get_drugs (self->feed);
  GListModel *commitments = connect_feed_get_commitments (self->feed);
  guint n;
  GHashTableIter iter;
  gpointer value;
  /* many cohorts share a tumour or a variant: fold and parse each once */
  g_autoptr(GHashTable) folded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) variants = g_hash_table_new (g_str_hash, g_str_equal);

  self->keys = g_string_chunk_new (4096);
  self->cohorts_by_gene = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                 NULL, free_array);
  self->drugs_by_gene = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                               NULL, (GDestroyNotify) g_ptr_array_unref);
  self->trials_by_drug = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                NULL, (GDestroyNotify) g_ptr_array_unref);

  n = g_list_model_get_n_items (cohorts);
  self->n_cohorts = n;
  self->cohorts = g_new0 (CohortEntry, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (cohorts, i);
      CohortEntry *entry = &self->cohorts[i];
      const char * const *genes = connect_cohort_get_genes (cohort);
      const char * const *cohort_drugs = connect_cohort_get_drugs (cohort);
      ConnectTrial *trial;
      guint n_genes = g_strv_length ((char **) genes);
      guint k = 0;

      entry->cohort = cohort;
      entry->index = i;
      entry->agnostic = connect_cohort_get_tumor_agnostic (cohort);
      entry->name_key = cached_tumor_key (self, folded, connect_cohort_get_tumor_name (cohort));
      entry->code_key = cached_tumor_key (self, folded, connect_cohort_get_tumor_code (cohort));
      entry->alteration = connect_cohort_get_alteration (cohort);
      entry->variant = cached_variant (self, variants, connect_cohort_get_variant (cohort));
      entry->status = connect_cohort_get_status (cohort);
      entry->outcome = connect_cohort_get_outcome (cohort);
      entry->places_left = -1;
      if (entry->status == CONNECT_COHORT_STATUS_OPEN)
        entry->places_left = compute_places_left (self->feed, cohort);

      entry->genes = g_new0 (const char *, n_genes + 1);
      for (guint g = 0; g < n_genes; g++)
        {
          const char *gene = connect_genes_canonical (genes[g]);
          GArray *list;
          gboolean duplicate = FALSE;

          if (gene == NULL)
            continue;
          for (guint j = 0; j < k; j++)
            duplicate |= entry->genes[j] == gene;
          if (duplicate)
            continue;
          entry->genes[k++] = gene;

          list = g_hash_table_lookup (self->cohorts_by_gene, gene);
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (self->cohorts_by_gene, (gpointer) gene, list);
            }
          g_array_append_val (list, i);
        }

      trial = connect_feed_lookup_trial (self->feed, connect_cohort_get_trial (cohort));
      for (guint d = 0; cohort_drugs[d] != NULL; d++)
        add_trial_for_drug (self, cohort_drugs[d], trial);
    }

  n = g_list_model_get_n_items (commitments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCommitment) commitment = g_list_model_get_item (commitments, i);
      ConnectTrial *trial = connect_feed_lookup_trial (self->feed,
                                                       connect_commitment_get_trial (commitment));

      add_trial_for_drug (self, connect_commitment_get_drug (commitment), trial);
    }

  g_hash_table_iter_init (&iter, self->trials_by_drug);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_trial_index);

  n = g_list_model_get_n_items (drugs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectDrug) drug = g_list_model_get_item (drugs, i);
      const char * const *targets = connect_drug_get_targets (drug);

      for (guint t = 0; targets[t] != NULL; t++)
        {
          const char *gene = connect_genes_canonical (targets[t]);
          GPtrArray *list;

          if (gene == NULL)
            continue;
          list = g_hash_table_lookup (self->drugs_by_gene, gene);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (self->drugs_by_gene, (gpointer) gene, list);
            }
          if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != drug)
            g_ptr_array_add (list, drug);
        }
    }
}

static void
connect_matcher_finalize (GObject *object)
{
  ConnectMatcher *self = CONNECT_MATCHER (object);

  for (guint i = 0; i < self->n_cohorts; i++)
    {
      g_free (self->cohorts[i].genes);
    }
  g_clear_pointer (&self->cohorts, g_free);
  g_clear_pointer (&self->cohorts_by_gene, g_hash_table_unref);
  g_clear_pointer (&self->drugs_by_gene, g_hash_table_unref);
  g_clear_pointer (&self->trials_by_drug, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_string_chunk_free);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (connect_matcher_parent_class)->finalize (object);
}

static void
connect_matcher_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ConnectMatcher *self = CONNECT_MATCHER (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_matcher_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ConnectMatcher *self = CONNECT_MATCHER (object);

  switch (prop_id)
    {
    case PROP_FEED:
      self->feed = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_matcher_constructed (GObject *object)
{
  ConnectMatcher *self = CONNECT_MATCHER (object);

  G_OBJECT_CLASS (connect_matcher_parent_class)->constructed (object);

  g_assert (self->feed != NULL);
  build_index (self);
}

static void
connect_matcher_class_init (ConnectMatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = connect_matcher_finalize;
  object_class->get_property = connect_matcher_get_property;
  object_class->set_property = connect_matcher_set_property;
  object_class->constructed = connect_matcher_constructed;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         CONNECT_TYPE_FEED,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
connect_matcher_init (ConnectMatcher *self)
{
}

/**
 * connect_matcher_new:
 * @feed: the feed to match against
 *
 * Builds the index of @feed (genes → cohorts, genes → drugs, drugs →
 * trials) once; queries then look at the cohorts of the patient's genes
 * only.
 *
 * Returns: (transfer full): a new matcher
 */
ConnectMatcher *
connect_matcher_new (ConnectFeed *feed)
{
  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);

  return g_object_new (CONNECT_TYPE_MATCHER, "feed", feed, NULL);
}

/**
 * connect_matcher_get_feed:
 *
 * Returns: (transfer none): the feed
 */
ConnectFeed *
connect_matcher_get_feed (ConnectMatcher *self)
{
  g_return_val_if_fail (CONNECT_IS_MATCHER (self), NULL);

  return self->feed;
}

static gboolean
biomarker_fits (const CohortEntry            *entry,
                const ConnectMatchAlteration *alteration)
{
  /* the gene is equal: the entry came from the gene's list */
  if (entry->alteration != CONNECT_ALTERATION_NONE &&
      alteration->alteration != CONNECT_ALTERATION_NONE &&
      entry->alteration != alteration->alteration)
    return FALSE;

  if (entry->variant != NULL && alteration->variant != NULL &&
      !variant_covers (entry->variant, alteration->variant))
    return FALSE;

  return TRUE;
}

static gboolean
tumor_fits (const CohortEntry *entry,
            const char        *tumor_key)
{
  return entry->agnostic ||
         (entry->code_key != NULL && strcmp (entry->code_key, tumor_key) == 0) ||
         (entry->name_key != NULL && strcmp (entry->name_key, tumor_key) == 0);
}

static int
not_open_rank (ConnectCohortStatus status)
{
  switch (status)
    {
    case CONNECT_COHORT_STATUS_PLANNED:
      return 0;
    case CONNECT_COHORT_STATUS_EVALUATING:
      return 1;
    case CONNECT_COHORT_STATUS_SUSPENDED:
      return 2;
    case CONNECT_COHORT_STATUS_NONE:
    case CONNECT_COHORT_STATUS_UNKNOWN:
    case CONNECT_COHORT_STATUS_OPEN:
    case CONNECT_COHORT_STATUS_CLOSED:
    default:
      return 3;
    }
}

static int
compare_index (const CohortEntry *a,
               const CohortEntry *b)
{
  return a->index < b->index ? -1 : a->index > b->index;
}

static int
compare_open (gconstpointer pa,
              gconstpointer pb)
{
  const CohortEntry *a = *(const CohortEntry **) pa;
  const CohortEntry *b = *(const CohortEntry **) pb;

  if (a->places_left != b->places_left)
    {
      if (a->places_left < 0)
        return 1;
      if (b->places_left < 0)
        return -1;
      return a->places_left > b->places_left ? -1 : 1;
    }

  return compare_index (a, b);
}

static int
compare_not_open (gconstpointer pa,
                  gconstpointer pb)
{
  const CohortEntry *a = *(const CohortEntry **) pa;
  const CohortEntry *b = *(const CohortEntry **) pb;
  int ra = not_open_rank (a->status);
  int rb = not_open_rank (b->status);

  if (ra != rb)
    return ra < rb ? -1 : 1;

  return compare_index (a, b);
}

static int
compare_closed (gconstpointer pa,
                gconstpointer pb)
{
  const CohortEntry *a = *(const CohortEntry **) pa;
  const CohortEntry *b = *(const CohortEntry **) pb;
  const GDate *da = connect_cohort_get_closed (a->cohort);
  const GDate *db = connect_cohort_get_closed (b->cohort);
  gboolean va = da != NULL && g_date_valid (da);
  gboolean vb = db != NULL && g_date_valid (db);

  if (va && vb)
    {
      int c = g_date_compare (da, db);

      if (c != 0)
        return -c;
    }
  else if (va != vb)
    return va ? -1 : 1;

  return compare_index (a, b);
}

static ConnectMatchResult *
result_for_entry (const CohortEntry *entry,
                  ConnectMatchKind   kind)
{
  ConnectMatchResult *result = g_object_new (CONNECT_TYPE_MATCH_RESULT, NULL);

  result->kind = kind;
  result->cohort = g_object_ref (entry->cohort);
  result->trial = g_strdup (connect_cohort_get_trial (entry->cohort));
  if (kind == CONNECT_MATCH_KIND_OPEN)
    result->places_left = entry->places_left;

  return result;
}

static void
append_entries (GPtrArray        *results,
                GPtrArray        *entries,
                ConnectMatchKind  kind)
{
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (results,
                     result_for_entry (g_ptr_array_index (entries, i), kind));
}

/**
 * connect_matcher_match:
 * @self: a matcher
 * @tumor: the patient's tumour, a name or an OncoTree code
 * @alterations: (array length=n_alterations): the patient's alterations
 * @n_alterations: how many; at least one
 * @error: return location for a %CONNECT_MATCH_ERROR
 *
 * Finds what fits the patient, by the rules in connect-matcher.h. Safe to
 * call from several threads at once.
 *
 * Returns: (transfer full) (element-type ConnectMatchResult): the results,
 *   best first, or %NULL with @error set when @tumor is empty
 */
GListModel *
connect_matcher_match (ConnectMatcher                       *self,
                       const char                           *tumor,
                       const ConnectMatchAlteration * const *alterations,
                       guint                                 n_alterations,
                       GError                              **error)
{
  g_autofree char *tumor_key = NULL;
  g_autofree guint8 *seen = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) not_open = NULL;
  g_autoptr(GPtrArray) closed = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GHashTable) used_drugs = NULL;
  g_autoptr(GHashTable) seen_drugs = NULL;
  GListStore *store;

  g_return_val_if_fail (CONNECT_IS_MATCHER (self), NULL);
  g_return_val_if_fail (alterations != NULL || n_alterations == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tumor_key = fold_tumor (tumor);
  if (tumor_key == NULL || tumor_key[0] == '\0')
    {
      g_set_error (error, CONNECT_MATCH_ERROR,
                   CONNECT_MATCH_ERROR_INVALID_TUMOR,
                   _("Enter the tumour type, by name or OncoTree code, such "
                     "as “Colorectal cancer” or “COADREAD”."));
      return NULL;
    }

  seen = g_new0 (guint8, self->n_cohorts / 8 + 1);
  open = g_ptr_array_new ();
  not_open = g_ptr_array_new ();
  closed = g_ptr_array_new ();
  used_drugs = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint a = 0; a < n_alterations; a++)
    {
      const ConnectMatchAlteration *alteration = alterations[a];
      GArray *list;

      g_return_val_if_fail (alteration != NULL && alteration->gene != NULL, NULL);

      list = g_hash_table_lookup (self->cohorts_by_gene,
                                  g_intern_string (alteration->gene));
      if (list == NULL)
        continue;

      for (guint i = 0; i < list->len; i++)
        {
          guint index = g_array_index (list, guint, i);
          const CohortEntry *entry = &self->cohorts[index];
          const char * const *drugs;

          if (seen[index / 8] & (1u << (index % 8)))
            continue;
          if (!tumor_fits (entry, tumor_key) || !biomarker_fits (entry, alteration))
            continue;

          seen[index / 8] |= 1u << (index % 8);

          drugs = connect_cohort_get_drugs (entry->cohort);
          for (guint d = 0; drugs[d] != NULL; d++)
            g_hash_table_add (used_drugs, (gpointer) drugs[d]);

          switch (entry->status)
            {
            case CONNECT_COHORT_STATUS_OPEN:
              g_ptr_array_add (open, (gpointer) entry);
              break;
            case CONNECT_COHORT_STATUS_PLANNED:
            case CONNECT_COHORT_STATUS_EVALUATING:
            case CONNECT_COHORT_STATUS_SUSPENDED:
              g_ptr_array_add (not_open, (gpointer) entry);
              break;
            case CONNECT_COHORT_STATUS_CLOSED:
              if (entry->outcome == CONNECT_OUTCOME_NO_BENEFIT)
                g_ptr_array_add (closed, (gpointer) entry);
              break;
            case CONNECT_COHORT_STATUS_NONE:
            case CONNECT_COHORT_STATUS_UNKNOWN:
            default:
              break;
            }
        }
    }

  g_ptr_array_sort (open, compare_open);
  g_ptr_array_sort (not_open, compare_not_open);
  g_ptr_array_sort (closed, compare_closed);

  results = g_ptr_array_new_with_free_func (g_object_unref);
  append_entries (results, open, CONNECT_MATCH_KIND_OPEN);
  append_entries (results, not_open, CONNECT_MATCH_KIND_NOT_OPEN);

  /* candidates: drugs that target an alteration's gene, in recruiting
   * trials, that no fitting cohort uses */
  seen_drugs = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint a = 0; a < n_alterations; a++)
    {
      const char *gene = g_intern_string (alterations[a]->gene);
      GPtrArray *drugs = g_hash_table_lookup (self->drugs_by_gene, gene);

      if (drugs == NULL)
        continue;

      for (guint d = 0; d < drugs->len; d++)
        {
          ConnectDrug *drug = g_ptr_array_index (drugs, d);
          const char *drug_id = connect_entity_get_id (CONNECT_ENTITY (drug));
          GPtrArray *trials;

          if (!g_hash_table_add (seen_drugs, drug))
            continue;
          if (g_hash_table_contains (used_drugs, drug_id))
            continue;

          trials = g_hash_table_lookup (self->trials_by_drug, drug_id);
          if (trials == NULL)
            continue;

          for (guint t = 0; t < trials->len; t++)
            {
              ConnectTrial *trial = g_ptr_array_index (trials, t);
              ConnectMatchResult *result;

              if (connect_trial_get_status (trial) != CONNECT_TRIAL_STATUS_RECRUITING)
                continue;

              result = g_object_new (CONNECT_TYPE_MATCH_RESULT, NULL);
              result->kind = CONNECT_MATCH_KIND_NEW_COHORT_CANDIDATE;
              result->trial = g_strdup (connect_entity_get_id (CONNECT_ENTITY (trial)));
              result->own_drugs = g_new0 (char *, 2);
              result->own_drugs[0] = g_strdup (drug_id);
              result->drug_name = g_strdup (connect_drug_get_name (drug));
              result->gene = gene;
              g_ptr_array_add (results, result);
            }
        }
    }

  append_entries (results, closed, CONNECT_MATCH_KIND_CLOSED_NO_BENEFIT);

  store = g_list_store_new (CONNECT_TYPE_MATCH_RESULT);
  g_list_store_splice (store, 0, 0, results->pdata, results->len);

  return G_LIST_MODEL (store);
}

/**
 * connect_matcher_match_text:
 * @self: a matcher
 * @tumor: the patient's tumour, a name or an OncoTree code
 * @alterations: (array zero-terminated=1): alterations as written, at least
 *   one
 * @error: return location for a %CONNECT_MATCH_ERROR
 *
 * Parses every alteration with connect_match_alteration_parse(), then
 * calls connect_matcher_match().
 *
 * Returns: (transfer full) (element-type ConnectMatchResult): the results,
 *   best first, or %NULL with @error set
 */
GListModel *
connect_matcher_match_text (ConnectMatcher      *self,
                            const char          *tumor,
                            const char * const  *alterations,
                            GError             **error)
{
  g_autoptr(GPtrArray) parsed = NULL;

  g_return_val_if_fail (CONNECT_IS_MATCHER (self), NULL);
  g_return_val_if_fail (alterations != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) connect_match_alteration_free);
  for (guint i = 0; alterations[i] != NULL; i++)
    {
      ConnectMatchAlteration *alteration = connect_match_alteration_parse (alterations[i], error);

      if (alteration == NULL)
        return NULL;
      g_ptr_array_add (parsed, alteration);
    }

  if (parsed->len == 0)
    {
      g_set_error (error, CONNECT_MATCH_ERROR,
                   CONNECT_MATCH_ERROR_INVALID_ALTERATION,
                   _("Enter an alteration, such as “BRAF V600E”, “ERBB2 "
                     "amplification” or “MSI-H”."));
      return NULL;
    }

  return connect_matcher_match (self, tumor,
                                (const ConnectMatchAlteration * const *) parsed->pdata,
                                parsed->len, error);
}
