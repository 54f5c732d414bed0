/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-feed-gen.c: deterministic, valid feeds of any size.
 *
 * Proportions for N cohorts (the sample feed scaled, kept under the 64 MiB
 * size cap at 100 000 cohorts):
 *   trials       2 + N / 20 000
 *   partners    20 + N / 1 000
 *   sites       18 + N / 500
 *   drugs       25 + N / 200
 *   commitments  N / 10 (at least 1)
 *   snapshots    8 + N / 500
 *   events       an "open" event for one in ten opened cohorts, one per
 *                closed cohort (about 0.45 N)
 * Each entity draws from its own generator, seeded by the feed's seed, its
 * kind and its position, so a change to one entity changes nothing else.
 */
#include "config.h"

#include <string.h>

#include "connect-feed-gen.h"

/* splitmix64: small, fast and the same on every platform. */
typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed,
          guint    kind,
          guint    position)
{
  rng->state = seed * G_GUINT64_CONSTANT (0x100000001B3) + ((guint64) kind << 40) + position;
  rng_next (rng);
}

/* Uniform in [0, n). */
static guint
rng_below (Rng   *rng,
           guint  n)
{
  g_assert (n > 0);
  return (guint) (rng_next (rng) % n);
}

enum { KIND_TRIAL = 1, KIND_PARTNER, KIND_SITE, KIND_DRUG, KIND_COHORT,
       KIND_COMMITMENT, KIND_SNAPSHOT, KIND_CHANGE };

typedef struct
{
  const char *name;
  const char *code;
} Tumor;

static const Tumor tumors[] = {
  { "Colorectal cancer", "COADREAD" },
  { "Non-small cell lung cancer", "NSCLC" },
  { "Melanoma", "MEL" },
  { "Invasive breast carcinoma", "BRCA" },
  { "Pancreatic adenocarcinoma", "PAAD" },
  { "Cholangiocarcinoma", "CHOL" },
  { "Gallbladder cancer", "GBC" },
  { "High-grade serous ovarian cancer", "HGSOC" },
  { "Prostate adenocarcinoma", "PRAD" },
  { "Glioblastoma", "GB" },
  { "Papillary thyroid cancer", "THPA" },
  { "Stomach adenocarcinoma", "STAD" },
  { "Endometrial carcinoma", "UCEC" },
  { "Soft tissue sarcoma", "SARCNOS" },
  { "Urothelial carcinoma", "BLCA" },
  { "Renal cell carcinoma", "RCC" },
  { "Head and neck squamous cell carcinoma", "HNSC" },
  { "Hepatocellular carcinoma", "HCC" },
  { "Oesophageal adenocarcinoma", "EAC" },
  { "Gastrointestinal stromal tumour", "GIST" },
  { "Neuroendocrine tumour", "NET" },
  { "Cancer of unknown primary", "CUP" },
};

typedef struct
{
  const char *gene;
  const char *alteration;
  const char *variant;  /* nullable */
} Marker;

static const Marker markers[] = {
  { "BRAF", "mutation", "V600E" },
  { "BRAF", "mutation", "V600" },
  { "KRAS", "mutation", "G12C" },
  { "ERBB2", "amplification", NULL },
  { "ERBB2", "mutation", NULL },
  { "EGFR", "mutation", "L858R" },
  { "ALK", "fusion", NULL },
  { "ROS1", "fusion", NULL },
  { "RET", "fusion", NULL },
  { "NTRK1", "fusion", NULL },
  { "PIK3CA", "mutation", "H1047R" },
  { "MET", "amplification", NULL },
  { "FGFR2", "fusion", NULL },
  { "IDH1", "mutation", "R132" },
  { "BRCA2", "mutation", NULL },
  { "CDK4", "amplification", NULL },
  { "MSI-H", "signature", NULL },
  { "TMB-high", "signature", NULL },
  { "PTEN", "loss", NULL },
  { "CDKN2A", "deletion", NULL },
  { "NRG1", "fusion", NULL },
  { "AKT1", "mutation", "E17K" },
  { "KIT", "mutation", NULL },
  { "PDGFRA", "mutation", "D842V" },
};

/* Real drugs first; beyond them, made-up INNs of the same shape. */
typedef struct
{
  const char *name;
  const char *brand;
  const char *target;
} Drug;

static const Drug real_drugs[] = {
  { "vemurafenib", "Zelboraf", "BRAF" },
  { "cobimetinib", "Cotellic", "BRAF" },
  { "dabrafenib", "Tafinlar", "BRAF" },
  { "trametinib", "Mekinist", "BRAF" },
  { "sotorasib", "Lumykras", "KRAS" },
  { "trastuzumab", "Herceptin", "ERBB2" },
  { "pertuzumab", "Perjeta", "ERBB2" },
  { "osimertinib", "Tagrisso", "EGFR" },
  { "alectinib", "Alecensa", "ALK" },
  { "crizotinib", "Xalkori", "ROS1" },
  { "selpercatinib", "Retsevmo", "RET" },
  { "larotrectinib", "Vitrakvi", "NTRK1" },
  { "alpelisib", "Piqray", "PIK3CA" },
  { "capmatinib", "Tabrecta", "MET" },
  { "pemigatinib", "Pemazyre", "FGFR2" },
  { "ivosidenib", "Tibsovo", "IDH1" },
  { "olaparib", "Lynparza", "BRCA2" },
  { "palbociclib", "Ibrance", "CDK4" },
  { "nivolumab", "Opdivo", "MSI-H" },
  { "pembrolizumab", "Keytruda", "TMB-high" },
  { "everolimus", "Afinitor", "PTEN" },
  { "abemaciclib", "Verzenios", "CDKN2A" },
  { "afatinib", "Giotrif", "NRG1" },
  { "capivasertib", "Truqap", "AKT1" },
  { "imatinib", "Glivec", "KIT" },
};

static const char * const syllables[] = {
  "ra", "ve", "mu", "ti", "lo", "za", "ne", "pi", "so", "ka", "de", "bu",
  "lan", "tor", "vi", "xe", "qui", "sel", "ma", "ri",
};

static const char * const drug_suffixes[] = { "tinib", "mab", "ciclib", "rafenib", "lisib", "parib" };

static const char * const companies[] = {
  "Roche Norge AS", "Bristol-Myers Squibb Norway", "Novartis Norge AS", "Merck Sharp & Dohme",
  "Takeda AS", "Amgen AB", "AstraZeneca AS", "AbbVie AS", "Bayer AS", "Pfizer AS",
  "Eli Lilly Norge AS", "GlaxoSmithKline AS", "Janssen-Cilag AS", "Sanofi-aventis Norge AS",
  "Boehringer Ingelheim Norway KS", "Ipsen Pharma", "Incyte Biosciences Nordic",
  "Servier Norge", "PubGene AS", "NEC OncoImmunity AS",
};

static const char * const cities[] = {
  "Oslo", "Lørenskog", "Bergen", "Stavanger", "Trondheim", "Tromsø", "Drammen", "Kalnes",
  "Tønsberg", "Kristiansand", "Haugesund", "Ålesund", "Bodø", "Gjøvik", "Hamar", "Skien",
  "Førde", "Levanger", "Molde", "Arendal",
};

static const char * const regions[] = { "south-east", "west", "central", "north" };

static const char * const statuses[] = { "open", "planned", "evaluating", "suspended", "closed" };
/* Weights out of 20: open 7, planned 2, evaluating 3, suspended 1, closed 7. */
static const guint status_weights[] = { 7, 2, 3, 1, 7 };

static const char * const outcomes[] = { "benefit", "no-benefit", "withdrawn", "other" };

static const char * const notes[] = {
  "Tumour tissue must have been sequenced (InPreD panel) and the case discussed at the national molecular tumour board.",
  "Patients must have measurable disease (RECIST 1.1) and ECOG performance status 0-2.",
  "Treatment at the nearest participating hospital; travel is covered by the trial.",
  "Prior treatment with the same drug class excludes the patient.",
};

static const char * const reasons[] = {
  "Opened after a proposal from the national molecular tumour board",
  "Stage 1 complete: at least one patient with disease control at week 16",
  "Closed: no patient with benefit in stage 1",
  "Waiting for the week 16 evaluation of the last patient",
};

static char *
make_word (Rng        *rng,
           guint       n_syllables,
           const char *suffix)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_syllables; i++)
    g_string_append (s, syllables[rng_below (rng, G_N_ELEMENTS (syllables))]);
  g_string_append (s, suffix);
  return g_string_free (s, FALSE);
}

static void
append_date (GString *s,
             guint    day)
{
  /* @day days after 2020-01-01, never past 2026-11-01. */
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2020);

  g_date_add_days (date, MIN (day, 2496));
  g_string_append_printf (s, "\"%04u-%02u-%02u\"",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
append_timestamp (GString *s,
                  guint    day,
                  guint    minute)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2020);

  g_date_add_days (date, MIN (day, 2496));
  g_string_append_printf (s, "\"%04u-%02u-%02uT%02u:%02u:00Z\"",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                          7 + (minute / 60) % 10, minute % 60);
}

typedef struct
{
  guint64               seed;
  guint                 change_percent;
  ConnectFeedGenCounts  n;
  GString              *s;
} Gen;

static const char *
comma (guint i)
{
  return i > 0 ? "," : "";
}

static void
gen_trials (Gen *gen)
{
  GString *s = gen->s;

  g_string_append (s, "\"trials\":[");
  for (guint i = 0; i < gen->n.n_trials; i++)
    {
      g_string_append_printf (s, "%s{\"id\":\"trial-%u\",", comma (i), i);
      if (i == 0)
        g_string_append (s, "\"name\":\"IMPRESS-Norway\",\"title\":\"Improving Public Cancer Care by "
                            "Implementing Precision Medicine in Norway\",\"registry\":{\"nct\":\"NCT04817956\"},");
      else
        g_string_append_printf (s, "\"name\":\"CONNECT basket study %u\",\"title\":\"Drug rediscovery "
                                   "protocol for patients with advanced cancer, study %u\",\"registry\":"
                                   "{\"nct\":\"NCT0%07u\"},", i, i, 4817956 + i * 17);
      g_string_append_printf (s, "\"sponsor\":\"partner-%u\",\"status\":\"%s\",\"url\":"
                                 "\"https://clinicaltrials.gov/study/NCT0%07u\",\"started\":",
                              i % 6, i == 1 ? "COMPLETED" : "RECRUITING", 4817956 + i * 17);
      append_date (s, 400 + i * 30);
      g_string_append (s, ",\"design\":{\"stage1_patients\":8,\"stage1_min_benefit\":1,"
                          "\"stage2_patients\":24,\"expansion_min_benefit\":5,\"evaluation_week\":16}}");
    }
  g_string_append (s, "],");
}

static void
gen_partners (Gen *gen)
{
  static const char * const hospitals[] = {
    "Oslo University Hospital", "Akershus University Hospital",
    "Haukeland University Hospital (Helse Bergen)", "Stavanger University Hospital",
    "St. Olavs hospital, Trondheim University Hospital", "University Hospital of North Norway (UNN)",
  };
  GString *s = gen->s;

  g_string_append (s, "\"partners\":[");
  for (guint i = 0; i < gen->n.n_partners; i++)
    {
      Rng rng;
      gboolean hospital = i < G_N_ELEMENTS (hospitals);

      rng_init (&rng, gen->seed, KIND_PARTNER, i);
      g_string_append_printf (s, "%s{\"id\":\"partner-%u\",\"name\":\"", comma (i), i);
      if (hospital)
        g_string_append (s, hospitals[i]);
      else if (i - G_N_ELEMENTS (hospitals) < G_N_ELEMENTS (companies))
        g_string_append (s, companies[i - G_N_ELEMENTS (hospitals)]);
      else
        {
          g_autofree char *word = make_word (&rng, 2 + rng_below (&rng, 2), "gen");

          word[0] = g_ascii_toupper (word[0]);
          g_string_append_printf (s, "%s Pharma Nordic AS", word);
        }
      g_string_append_printf (s, "\",\"kind\":\"%s\",\"membership\":\"%s\",\"joined\":",
                              hospital ? "university-hospital" : "industry",
                              rng_below (&rng, 10) == 0 ? "observer" : "member");
      append_date (s, 330 + rng_below (&rng, 1500));
      g_string_append_printf (s, ",\"country\":\"NO\",\"url\":\"https://www.partner%u.example.no\"}", i);
    }
  g_string_append (s, "],");
}

static void
gen_sites (Gen *gen)
{
  GString *s = gen->s;

  g_string_append (s, "\"sites\":[");
  for (guint i = 0; i < gen->n.n_sites; i++)
    {
      Rng rng;
      const char *city = cities[i % G_N_ELEMENTS (cities)];

      rng_init (&rng, gen->seed, KIND_SITE, i);
      g_string_append_printf (s, "%s{\"id\":\"site-%u\",\"name\":\"%s Hospital%s",
                              comma (i), i, city, i >= G_N_ELEMENTS (cities) ? ", department " : "");
      if (i >= G_N_ELEMENTS (cities))
        g_string_append_printf (s, "%u", i / (guint) G_N_ELEMENTS (cities));
      g_string_append_printf (s, "\",\"partner\":\"partner-%u\",\"city\":\"%s\",\"region\":\"%s\","
                                 "\"recruiting\":%s}",
                              i % 6, city, regions[i % G_N_ELEMENTS (regions)],
                              rng_below (&rng, 8) == 0 ? "false" : "true");
    }
  g_string_append (s, "],");
}

/* The drug at @i targets the gene of marker (i % markers); its INN. */
static char *
drug_name (Gen  *gen,
           guint i)
{
  Rng rng;

  if (i < G_N_ELEMENTS (real_drugs))
    return g_strdup (real_drugs[i].name);

  rng_init (&rng, gen->seed, KIND_DRUG, i);
  return make_word (&rng, 2 + rng_below (&rng, 2), drug_suffixes[rng_below (&rng, G_N_ELEMENTS (drug_suffixes))]);
}

static const char *
drug_target (guint i)
{
  if (i < G_N_ELEMENTS (real_drugs))
    return real_drugs[i].target;
  return markers[i % G_N_ELEMENTS (markers)].gene;
}

/* The supplier of drug @i: one of the companies. */
static guint
drug_supplier (Gen  *gen,
               guint i)
{
  guint n_companies = gen->n.n_partners - 6;

  return 6 + i % n_companies;
}

static void
gen_drugs (Gen *gen)
{
  GString *s = gen->s;

  g_string_append (s, "\"drugs\":[");
  for (guint i = 0; i < gen->n.n_drugs; i++)
    {
      g_autofree char *name = drug_name (gen, i);

      g_string_append_printf (s, "%s{\"id\":\"drug-%u\",\"name\":\"%s\",\"brands\":[\"",
                              comma (i), i, name);
      if (i < G_N_ELEMENTS (real_drugs))
        g_string_append (s, real_drugs[i].brand);
      else
        {
          name[0] = g_ascii_toupper (name[0]);
          g_string_append_len (s, name, MIN (strlen (name), 7));
          g_string_append (s, "ra");
        }
      g_string_append_printf (s, "\"],\"supplier\":\"partner-%u\",\"targets\":[\"%s\"],\"atc\":\"L01%c%c%02u\"}",
                              drug_supplier (gen, i), drug_target (i),
                              'A' + i % 26, 'A' + (i / 26) % 26, i % 100);
    }
  g_string_append (s, "],");
}

/* One cohort's draws, shared by the cohort, its events and commitments. */
typedef struct
{
  guint        tumor;
  guint        marker;
  guint        drugs[2];
  guint        n_drugs;
  guint        status;
  guint        stage;       /* 1, 2, 3 = expansion */
  guint        target;
  guint        enrolled;
  guint        opened;      /* day */
  guint        changed;     /* day of the last status change */
  guint        closed;      /* day */
  guint        trial;
  gboolean     alter;       /* one of the changed cohorts */
} Cohort;

static void
draw_cohort (Gen    *gen,
             guint   i,
             Cohort *c)
{
  Rng rng;
  guint w, acc = 0;
  guint n_markers = G_N_ELEMENTS (markers);

  rng_init (&rng, gen->seed, KIND_COHORT, i);
  c->tumor = rng_below (&rng, G_N_ELEMENTS (tumors));
  c->marker = rng_below (&rng, n_markers);
  /* A drug that targets the marker's gene: drugs k with k % markers == marker,
   * or a real one for the same gene. */
  {
    guint per_marker = MAX (1, (gen->n.n_drugs - c->marker + n_markers - 1) / n_markers);
    guint k = c->marker + n_markers * rng_below (&rng, per_marker);

    c->drugs[0] = MIN (k, gen->n.n_drugs - 1);
  }
  c->n_drugs = 1;
  if (rng_below (&rng, 3) == 0)
    {
      c->drugs[1] = rng_below (&rng, gen->n.n_drugs);
      if (c->drugs[1] != c->drugs[0])
        c->n_drugs = 2;
    }
  w = rng_below (&rng, 20);
  for (c->status = 0; c->status < G_N_ELEMENTS (statuses); c->status++)
    {
      acc += status_weights[c->status];
      if (w < acc)
        break;
    }
  c->stage = 1 + rng_below (&rng, 3);
  c->target = c->stage == 1 ? 8 : 24;
  c->enrolled = c->status == 1 ? 0 : rng_below (&rng, c->target);
  c->opened = 400 + rng_below (&rng, 1800);
  c->changed = c->opened + rng_below (&rng, 200);
  c->closed = c->changed;
  c->trial = rng_below (&rng, 8) == 0 ? rng_below (&rng, gen->n.n_trials) : 0;

  c->alter = FALSE;
  if (gen->change_percent > 0)
    {
      Rng change;

      rng_init (&change, gen->seed, KIND_CHANGE, i);
      c->alter = rng_below (&change, 100) < gen->change_percent;
    }
  if (c->alter)
    {
      /* open ↔ evaluating, planned → open, suspended → open, closed → open */
      static const guint next[] = { 2, 0, 0, 0, 0 };

      c->status = next[c->status];
      if (c->enrolled < c->target)
        c->enrolled++;
      c->changed += 30;
    }
}

/* Cohort @i's history: an "open" event for one in ten opened cohorts,
 * and the closing of closed ones. */
static gboolean
has_open_event (guint   i,
                Cohort *c)
{
  return c->status != 1 && i % 10 == 0;
}

static gboolean
has_change_event (Cohort *c)
{
  return c->status == 4;
}

static void
gen_cohorts (Gen *gen)
{
  GString *s = gen->s;

  g_string_append (s, "\"cohorts\":[");
  for (guint i = 0; i < gen->n.n_cohorts; i++)
    {
      Rng rng;
      Cohort c;
      const Marker *m;
      const Tumor *t;
      g_autofree char *drug0 = NULL;
      g_autofree char *drug1 = NULL;
      guint n_sites;

      draw_cohort (gen, i, &c);
      /* Draws for the text only, independent of the change. */
      rng_init (&rng, gen->seed ^ G_GUINT64_CONSTANT (0x5bd1e995), KIND_COHORT, i);
      m = &markers[c.marker];
      t = &tumors[c.tumor];
      drug0 = drug_name (gen, c.drugs[0]);
      if (c.n_drugs == 2)
        drug1 = drug_name (gen, c.drugs[1]);
      if (c.alter)
        gen->n.n_changed++;
      gen->n.n_events += has_open_event (i, &c) + has_change_event (&c);

      g_string_append_printf (s, "%s{\"id\":\"IMP-%06u\",\"trial\":\"trial-%u\",\"name\":\"%s, %s %s, %s%s%s\","
                                 "\"drugs\":[\"drug-%u\"",
                              comma (i), i, c.trial, t->name, m->gene,
                              m->variant != NULL ? m->variant : m->alteration,
                              drug0, drug1 != NULL ? " + " : "", drug1 != NULL ? drug1 : "",
                              c.drugs[0]);
      if (c.n_drugs == 2)
        g_string_append_printf (s, ",\"drug-%u\"", c.drugs[1]);
      g_string_append_printf (s, "],\"tumor\":{\"name\":\"%s\",\"code\":\"%s\"%s},"
                                 "\"biomarker\":{\"genes\":[\"%s\"],\"alteration\":\"%s\"",
                              t->name, t->code, c.tumor == G_N_ELEMENTS (tumors) - 1 ? ",\"agnostic\":true" : "",
                              m->gene, m->alteration);
      if (m->variant != NULL)
        g_string_append_printf (s, ",\"variant\":\"%s\"", m->variant);
      if (rng_below (&rng, 6) == 0)
        g_string_append_printf (s, ",\"description\":\"%s %s; progression after standard treatment\"",
                                m->gene, m->variant != NULL ? m->variant : m->alteration);
      g_string_append_printf (s, "},\"status\":\"%s\",\"stage\":\"%s\"",
                              statuses[c.status], c.stage == 3 ? "expansion" : c.stage == 2 ? "2" : "1");
      if (c.status == 4)
        g_string_append_printf (s, ",\"outcome\":\"%s\"", outcomes[rng_below (&rng, G_N_ELEMENTS (outcomes))]);
      g_string_append_printf (s, ",\"enrolled\":%u,\"target\":%u", c.enrolled, c.target);
      if (c.enrolled > 0)
        {
          guint evaluable = rng_below (&rng, c.enrolled + 1);

          g_string_append_printf (s, ",\"evaluable\":%u,\"with_benefit\":%u",
                                  evaluable, rng_below (&rng, evaluable + 1));
        }
      g_string_append (s, ",\"sites\":[");
      n_sites = 1 + rng_below (&rng, 4);
      for (guint k = 0; k < n_sites; k++)
        g_string_append_printf (s, "%s\"site-%u\"", comma (k),
                                (i * 7 + k * 13) % gen->n.n_sites);
      g_string_append (s, "]");
      if (c.status != 1)
        {
          g_string_append (s, ",\"opened\":");
          append_date (s, c.opened);
        }
      if (c.status == 4)
        {
          g_string_append (s, ",\"closed\":");
          append_date (s, c.closed);
        }
      if (c.status != 0)
        {
          g_string_append (s, ",\"status_changed\":");
          append_date (s, c.changed);
        }
      if (rng_below (&rng, 3) == 0)
        g_string_append_printf (s, ",\"contact\":\"impress.site%u@example.no\"", i % gen->n.n_sites);
      if (rng_below (&rng, 10) == 0)
        g_string_append_printf (s, ",\"notes\":\"%s\"", notes[rng_below (&rng, G_N_ELEMENTS (notes))]);
      g_string_append (s, ",\"updated\":");
      append_timestamp (s, c.changed + 1, rng_below (&rng, 600));
      g_string_append_c (s, '}');
    }
  g_string_append (s, "],");
}

static void
gen_commitments (Gen *gen)
{
  static const char * const kinds[] = { "free-drug", "free-drug-first-16-weeks", "per-patient-payment" };
  static const char * const payers[] = { "company", "regional-health-authority", "none" };
  GString *s = gen->s;

  g_string_append (s, "\"commitments\":[");
  for (guint i = 0; i < gen->n.n_commitments; i++)
    {
      Rng rng;
      Cohort c;
      guint cohort = (guint) (((guint64) i * 10 + 1) % gen->n.n_cohorts);
      guint slots, used, reserved;

      draw_cohort (gen, cohort, &c);
      rng_init (&rng, gen->seed, KIND_COMMITMENT, i);
      slots = 8 * (1 + rng_below (&rng, 21));
      used = rng_below (&rng, slots + 1);
      reserved = rng_below (&rng, slots - used + 1);
      g_string_append_printf (s, "%s{\"id\":\"commitment-%u\",\"partner\":\"partner-%u\",\"drug\":\"drug-%u\","
                                 "\"trial\":\"trial-%u\",\"cohorts\":[\"IMP-%06u\"],\"kind\":\"%s\","
                                 "\"slots\":%u,\"used\":%u,\"reserved\":%u,\"payer_after_week16\":\"%s\","
                                 "\"valid_from\":",
                              comma (i), i, drug_supplier (gen, c.drugs[0]), c.drugs[0], c.trial, cohort,
                              kinds[rng_below (&rng, G_N_ELEMENTS (kinds))], slots, used, reserved,
                              payers[rng_below (&rng, G_N_ELEMENTS (payers))]);
      append_date (s, c.opened - 30);
      g_string_append (s, ",\"valid_until\":");
      append_date (s, c.opened + 700 + rng_below (&rng, 700));
      g_string_append_printf (s, ",\"state\":\"%s\"", used == slots ? "exhausted" : "active");
      if (rng_below (&rng, 4) == 0)
        g_string_append (s, ",\"announced\":\"https://oslocancercluster.no/tag/impress/\"");
      g_string_append_c (s, '}');
    }
  g_string_append (s, "],");
}

static void
gen_snapshots (Gen *gen)
{
  GString *s = gen->s;

  g_string_append (s, "\"snapshots\":[");
  for (guint i = 0; i < gen->n.n_snapshots; i++)
    {
      guint trial = i % gen->n.n_trials;
      guint month = i / gen->n.n_trials;
      guint screened = 50 + 40 * month + trial * 3;

      g_string_append_printf (s, "%s{\"trial\":\"trial-%u\",\"as_of\":\"%04u-%02u-28\",\"screened\":%u,"
                                 "\"discussed\":%u,\"offered\":%u,\"started\":%u,\"evaluable\":%u,"
                                 "\"disease_control\":%u}",
                              comma (i), trial, 2021 + month / 12 % 6, 1 + month % 12,
                              screened, screened * 3 / 4, screened / 4, screened / 6,
                              screened / 10, screened / 25);
    }
  g_string_append (s, "],");
}

static void
gen_events (Gen *gen)
{
  GString *s = gen->s;
  guint k = 0;

  g_string_append (s, "\"events\":[");
  for (guint i = 0; i < gen->n.n_cohorts; i++)
    {
      Cohort c;

      draw_cohort (gen, i, &c);
      if (has_open_event (i, &c))
        {
          g_string_append_printf (s, "%s{\"cohort\":\"IMP-%06u\",\"at\":", comma (k++), i);
          append_timestamp (s, c.opened, i % 600);
          g_string_append_printf (s, ",\"to\":\"open\",\"from\":\"planned\",\"stage\":\"1\",\"reason\":\"%s\"}",
                                  reasons[0]);
        }
      if (has_change_event (&c))
        {
          g_string_append_printf (s, "%s{\"cohort\":\"IMP-%06u\",\"at\":", comma (k++), i);
          append_timestamp (s, c.changed, i % 600);
          g_string_append_printf (s, ",\"to\":\"%s\",\"from\":\"open\"", statuses[c.status]);
          if (i % 3 == 0)
            g_string_append_printf (s, ",\"reason\":\"%s\"", reasons[2]);
          g_string_append_c (s, '}');
        }
    }
  g_string_append (s, "]");
}

/**
 * connect_feed_gen_generate:
 * @n_cohorts: how many cohorts
 * @seed: the same seed gives the same feed
 * @change_percent: 0–100, the share of cohorts altered against the feed
 *   of the same seed with 0
 * @out_counts: (out) (optional): the number of each entity
 *
 * Returns: (transfer full): compact JSON of a valid feed
 */
GBytes *
connect_feed_gen_generate (guint                 n_cohorts,
                           guint64               seed,
                           guint                 change_percent,
                           ConnectFeedGenCounts *out_counts)
{
  Gen gen = { 0 };

  g_return_val_if_fail (n_cohorts > 0, NULL);
  g_return_val_if_fail (change_percent <= 100, NULL);

  gen.seed = seed;
  gen.change_percent = change_percent;
  gen.n.n_trials = 2 + n_cohorts / 20000;
  gen.n.n_partners = 20 + n_cohorts / 1000;
  gen.n.n_sites = 18 + n_cohorts / 500;
  gen.n.n_drugs = 25 + n_cohorts / 200;
  gen.n.n_cohorts = n_cohorts;
  gen.n.n_commitments = MAX (1, n_cohorts / 10);
  gen.n.n_snapshots = 8 + n_cohorts / 500;
  gen.s = g_string_sized_new (4096 + (gsize) n_cohorts * 520);

  g_string_append (gen.s, "{\"format\":\"connect-feed\",\"version\":1,\"generated_at\":\"2026-11-20T08:00:00Z\","
                          "\"publisher\":{\"name\":\"CONNECT benchmark data — not for clinical use\","
                          "\"url\":\"https://www.connectnorway.org\",\"contact\":\"bench@example.no\"},");
  gen_trials (&gen);
  gen_partners (&gen);
  gen_sites (&gen);
  gen_drugs (&gen);
  gen_cohorts (&gen);
  gen_commitments (&gen);
  gen_snapshots (&gen);
  gen_events (&gen);
  g_string_append (gen.s, "}\n");

  if (out_counts != NULL)
    *out_counts = gen.n;

  return g_string_free_to_bytes (gen.s);
}

char *
connect_feed_gen_cohort_id (guint position)
{
  return g_strdup_printf ("IMP-%06u", position);
}
