/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "connect-ui-text.h"

/* Looks at no more than the first @max_chars + 1 characters, so a huge
 * text costs nothing. */
char *
connect_ui_display_text_max (const char *text,
                             guint       max_chars,
                             gboolean   *cut)
{
  g_autofree char *head = NULL;
  const char *p = text;

  if (cut != NULL)
    *cut = FALSE;
  if (text == NULL)
    return NULL;

  for (guint i = 0; i < max_chars && *p != '\0'; i++)
    p = g_utf8_next_char (p);

  if (*p == '\0')
    return g_strdup (text);

  if (cut != NULL)
    *cut = TRUE;
  head = g_strndup (text, p - text);
  return g_strconcat (head, "…", NULL);
}

char *
connect_ui_display_text (const char *text)
{
  return connect_ui_display_text_max (text, CONNECT_UI_TEXT_MAX_CHARS, NULL);
}

char *
connect_ui_strip_mnemonic (const char *text)
{
  GString *str;

  g_return_val_if_fail (text != NULL, NULL);

  str = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (str, '_');
          else
            continue;
          p++;
          continue;
        }
      g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

char *
connect_ui_drug_label (ConnectDrug *drug)
{
  const char * const *brands;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (CONNECT_IS_DRUG (drug), NULL);

  brands = connect_drug_get_brands (drug);
  if (brands == NULL || brands[0] == NULL)
    return g_strdup (connect_drug_get_name (drug));

  joined = g_strjoinv (", ", (char **) brands);
  /* Translators: a drug with its brand names: "dabrafenib (Tafinlar)" */
  return g_strdup_printf (_("%s (%s)"), connect_drug_get_name (drug), joined);
}

char *
connect_ui_biomarker_label (ConnectCohort *cohort)
{
  const char * const *genes;
  const char *variant;
  ConnectAlteration alteration;
  g_autofree char *gene_text = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (CONNECT_IS_COHORT (cohort), NULL);

  genes = connect_cohort_get_genes (cohort);
  variant = connect_cohort_get_variant (cohort);
  alteration = connect_cohort_get_alteration (cohort);
  gene_text = genes != NULL ? g_strjoinv ("/", (char **) genes) : g_strdup ("");

  if (variant != NULL && variant[0] != '\0')
    return g_strconcat (gene_text, " ", variant, NULL);

  if (alteration != CONNECT_ALTERATION_NONE && alteration != CONNECT_ALTERATION_SIGNATURE)
    {
      const char *label = connect_enum_to_label (CONNECT_TYPE_ALTERATION, alteration);

      lower = label != NULL ? g_utf8_strdown (label, -1) : NULL;
    }

  if (lower == NULL)
    return g_steal_pointer (&gene_text);
  if (gene_text[0] == '\0')
    return g_steal_pointer (&lower);
  /* Translators: a biomarker, gene(s) then the kind of alteration:
   * "ALK fusion", "ERBB2 amplification". Norwegian joins them:
   * "ALK-fusjon". */
  return g_strdup_printf (C_("gene and alteration", "%s %s"), gene_text, lower);
}

char *
connect_ui_cohort_drugs_label (ConnectFeed   *feed,
                               ConnectCohort *cohort)
{
  const char * const *drugs;
  GString *str;

  g_return_val_if_fail (feed == NULL || CONNECT_IS_FEED (feed), NULL);
  g_return_val_if_fail (CONNECT_IS_COHORT (cohort), NULL);

  drugs = connect_cohort_get_drugs (cohort);
  str = g_string_new (NULL);
  for (guint i = 0; drugs != NULL && drugs[i] != NULL; i++)
    {
      ConnectDrug *drug = feed ? connect_feed_lookup_drug (feed, drugs[i]) : NULL;

      if (i > 0)
        g_string_append (str, " + ");

      if (drug != NULL)
        {
          g_autofree char *label = connect_ui_drug_label (drug);

          g_string_append (str, label);
        }
      else
        {
          g_string_append (str, drugs[i]);
        }
    }

  return g_string_free (str, FALSE);
}

gint64
connect_ui_cohort_slots_left (ConnectCohort *cohort)
{
  gint64 enrolled;
  gint64 target;

  g_return_val_if_fail (CONNECT_IS_COHORT (cohort), -1);

  enrolled = connect_cohort_get_enrolled (cohort);
  target = connect_cohort_get_target (cohort);

  if (target < 0)
    return -1;

  return MAX (target - MAX (enrolled, 0), 0);
}

char *
connect_ui_status_label (ConnectCohort *cohort)
{
  ConnectCohortStatus status;
  const char *status_label;
  const char *second = NULL;

  g_return_val_if_fail (CONNECT_IS_COHORT (cohort), NULL);

  status = connect_cohort_get_status (cohort);
  status_label = connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS, status);
  if (status_label == NULL)
    status_label = _("Unknown");

  if (status == CONNECT_COHORT_STATUS_CLOSED)
    second = connect_enum_to_label (CONNECT_TYPE_OUTCOME, connect_cohort_get_outcome (cohort));
  else
    second = connect_enum_to_label (CONNECT_TYPE_COHORT_STAGE, connect_cohort_get_stage (cohort));

  if (second == NULL)
    return g_strdup (status_label);

  /* Translators: a cohort's status and stage (or outcome): "Open · Stage 1" */
  return g_strdup_printf (_("%s · %s"), status_label, second);
}

const char *
connect_ui_status_css_class (ConnectCohortStatus status)
{
  switch (status)
    {
    case CONNECT_COHORT_STATUS_PLANNED: return "status-planned";
    case CONNECT_COHORT_STATUS_OPEN: return "status-open";
    case CONNECT_COHORT_STATUS_EVALUATING: return "status-evaluating";
    case CONNECT_COHORT_STATUS_SUSPENDED: return "status-suspended";
    case CONNECT_COHORT_STATUS_CLOSED: return "status-closed";
    case CONNECT_COHORT_STATUS_NONE:
    case CONNECT_COHORT_STATUS_UNKNOWN:
    default:
      return "status-unknown";
    }
}

int
connect_ui_status_rank (ConnectCohort *cohort)
{
  int rank;

  g_return_val_if_fail (CONNECT_IS_COHORT (cohort), 0);

  switch (connect_cohort_get_status (cohort))
    {
    case CONNECT_COHORT_STATUS_OPEN: rank = 0; break;
    case CONNECT_COHORT_STATUS_EVALUATING: rank = 1; break;
    case CONNECT_COHORT_STATUS_PLANNED: rank = 2; break;
    case CONNECT_COHORT_STATUS_SUSPENDED: rank = 3; break;
    case CONNECT_COHORT_STATUS_CLOSED: rank = 4; break;
    case CONNECT_COHORT_STATUS_NONE:
    case CONNECT_COHORT_STATUS_UNKNOWN:
    default:
      rank = 5;
      break;
    }

  return rank * 16 + (int) connect_cohort_get_stage (cohort);
}

char *
connect_ui_enrolled_accessible (gint64 enrolled,
                                gint64 target)
{
  if (enrolled >= 0 && target > 0)
    /* Translators: accessible text of a progress bar: "5 of 8 enrolled" */
    return g_strdup_printf (_("%d of %d enrolled"), (int) enrolled, (int) target);
  else if (enrolled >= 0)
    /* Translators: accessible text of the enrolment when no target is known */
    return g_strdup_printf (_("%d enrolled"), (int) enrolled);
  else if (target > 0)
    /* Translators: accessible text of the enrolment when only the target is known */
    return g_strdup_printf (_("Enrolment not given, target %d"), (int) target);

  return g_strdup (_("Enrolment not given"));
}

int
connect_ui_natural_compare (const char *a,
                            const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *sa = a;
          const char *sb = b;
          gsize la;
          gsize lb;
          int cmp;

          while (*sa == '0' && g_ascii_isdigit (sa[1]))
            sa++;
          while (*sb == '0' && g_ascii_isdigit (sb[1]))
            sb++;
          a = sa;
          b = sb;
          while (g_ascii_isdigit (*a))
            a++;
          while (g_ascii_isdigit (*b))
            b++;
          la = a - sa;
          lb = b - sb;
          if (la != lb)
            return la < lb ? -1 : 1;
          cmp = strncmp (sa, sb, la);
          if (cmp != 0)
            return cmp;
          continue;
        }
      else
        {
          int ca = g_ascii_tolower (*a);
          int cb = g_ascii_tolower (*b);

          if (ca != cb)
            return ca < cb ? -1 : 1;
          a++;
          b++;
        }
    }

  return (*a != '\0') - (*b != '\0');
}

char *
connect_ui_format_date (const GDate *date)
{
  char buf[128];

  if (date == NULL || !g_date_valid (date))
    return NULL;

  /* Translators: a date, strftime format: "3 March 2025" */
  if (g_date_strftime (buf, sizeof buf, _("%-d %B %Y"), date) == 0)
    return NULL;

  return g_strdup (buf);
}
