/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cli-match.c: `connect-feed match FEED --tumor T --alteration A
 * [--alteration A …]`: what fits a patient, best first (the rules are in
 * connect-matcher.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-cli.h"
#include "connect-matcher.h"

static const char *
kind_nick (ConnectMatchKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CONNECT_TYPE_MATCH_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  /* nicks are static strings owned by the type */
  return value != NULL ? value->value_nick : "unknown";
}

static void
print_json (GListModel *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = g_list_model_get_n_items (results);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectMatchResult) result = g_list_model_get_item (results, i);
      ConnectCohort *cohort = connect_match_result_get_cohort (result);
      const char * const *drugs = connect_match_result_get_drugs (result);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind_nick (connect_match_result_get_kind (result)));
      json_builder_set_member_name (builder, "cohort");
      if (cohort != NULL)
        json_builder_add_string_value (builder, connect_entity_get_id (CONNECT_ENTITY (cohort)));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "trial");
      json_builder_add_string_value (builder, connect_match_result_get_trial (result));
      json_builder_set_member_name (builder, "drugs");
      json_builder_begin_array (builder);
      for (guint d = 0; drugs != NULL && drugs[d] != NULL; d++)
        json_builder_add_string_value (builder, drugs[d]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, connect_match_result_get_reason (result));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  connect_cli_print_json (root);
}

/* "dabrafenib + trametinib", ids where the feed lacks the drug. */
static char *
drugs_text (ConnectFeed        *feed,
            const char * const *drugs)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; drugs != NULL && drugs[i] != NULL; i++)
    {
      ConnectDrug *drug = connect_feed_lookup_drug (feed, drugs[i]);

      if (i > 0)
        g_string_append (text, " + ");
      g_string_append (text, drug != NULL ? connect_drug_get_name (drug) : drugs[i]);
    }

  return g_string_free (text, FALSE);
}

static void
print_text (ConnectFeed *feed,
            GListModel  *results)
{
  const char *headings[] = {
    [CONNECT_MATCH_KIND_OPEN] = _("Open cohorts"),
    [CONNECT_MATCH_KIND_NOT_OPEN] = _("Not open"),
    [CONNECT_MATCH_KIND_NEW_COHORT_CANDIDATE] = _("A new cohort could be proposed"),
    [CONNECT_MATCH_KIND_CLOSED_NO_BENEFIT] = _("Closed without benefit"),
  };
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (results);
  int current = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectMatchResult) result = g_list_model_get_item (results, i);
      ConnectMatchKind kind = connect_match_result_get_kind (result);
      ConnectCohort *cohort = connect_match_result_get_cohort (result);
      const char *trial_id = connect_match_result_get_trial (result);
      ConnectTrial *trial = connect_feed_lookup_trial (feed, trial_id);
      const char *trial_name = trial != NULL ? connect_trial_get_name (trial) : trial_id;
      g_autofree char *drugs = drugs_text (feed, connect_match_result_get_drugs (result));

      if ((int) kind != current)
        {
          if (current >= 0)
            g_string_append_c (out, '\n');
          g_string_append_printf (out, "%s\n", headings[kind]);
          current = kind;
        }

      if (cohort != NULL)
        {
          const char *contact = connect_cohort_get_contact (cohort);

          /* Translators: a cohort in `connect-feed match`: its id, its
           * drugs and its trial */
          g_string_append_printf (out, _("  %s: %s, %s\n"),
                                  connect_entity_get_id (CONNECT_ENTITY (cohort)),
                                  drugs, trial_name);
          g_string_append_printf (out, "    %s\n", connect_match_result_get_reason (result));
          if (contact != NULL)
            /* Translators: who to ask about a cohort */
            g_string_append_printf (out, _("    Contact: %s\n"), contact);
        }
      else
        {
          /* Translators: a drug that could be tried in a new cohort, and
           * the trial it is used in */
          g_string_append_printf (out, _("  %s, in %s\n"), drugs, trial_name);
          g_string_append_printf (out, "    %s\n", connect_match_result_get_reason (result));
        }
    }

  if (n == 0)
    g_string_append_printf (out, "%s\n",
                            _("Nothing fits: no cohort for this tumour and these "
                              "alterations, and no drug in a recruiting trial "
                              "targets these genes."));

  connect_cli_write_stdout (out->str, out->len);
  g_string_free (out, TRUE);
}

int
connect_cli_match (int    argc,
                   char **argv)
{
  g_autofree char *tumor = NULL;
  g_auto(GStrv) alteration_texts = NULL;
  const GOptionEntry entries[] = {
    { "tumor", 0, 0, G_OPTION_ARG_STRING, &tumor,
      N_("The patient’s tumour, by name or OncoTree code (required)"), N_("TUMOUR") },
    { "alteration", 0, 0, G_OPTION_ARG_STRING_ARRAY, &alteration_texts,
      N_("An alteration as written in the molecular report, such as “BRAF V600E” "
         "(at least one; repeat for more)"), N_("ALTERATION") },
    { NULL }
  };
  g_autoptr(GPtrArray) alterations = NULL;
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ConnectMatcher) matcher = NULL;
  g_autoptr(GListModel) results = NULL;
  ConnectCliFormat format;

  if (!connect_cli_parse_options (&argc, &argv, _("[FEED]"),
                                  _("Finds the cohorts that fit a patient, best first: "
                                    "open ones, those not open yet, drugs for which a "
                                    "new cohort could be proposed, and cohorts closed "
                                    "without benefit."),
                                  entries, &format))
    return CONNECT_CLI_EXIT_USAGE;

  if (argc > 2)
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("Too many arguments: match takes one FEED"));

  if (tumor == NULL || g_strstrip (tumor)[0] == '\0')
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("Missing --tumor: give the patient’s tumour, such as "
                                "--tumor \"Colorectal cancer\" or --tumor COADREAD"));

  if (alteration_texts == NULL || alteration_texts[0] == NULL)
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("Missing --alteration: give at least one, such as "
                                "--alteration \"BRAF V600E\""));

  alterations = g_ptr_array_new_with_free_func ((GDestroyNotify) connect_match_alteration_free);
  for (guint i = 0; alteration_texts[i] != NULL; i++)
    {
      ConnectMatchAlteration *alteration =
        connect_match_alteration_parse (alteration_texts[i], &error);

      if (alteration == NULL)
        return connect_cli_error (CONNECT_CLI_EXIT_USAGE, "%s", error->message);
      g_ptr_array_add (alterations, alteration);
    }

  feed = connect_cli_load_feed (argc > 1 ? argv[1] : NULL, &issue, &error);
  if (feed == NULL)
    {
      g_autofree char *message = issue != NULL ? connect_issue_to_string (issue)
                                               : g_strdup (error->message);

      return connect_cli_error (CONNECT_CLI_EXIT_FAILED, "%s", message);
    }

  matcher = connect_matcher_new (feed);
  results = connect_matcher_match (matcher, tumor,
                                   (const ConnectMatchAlteration * const *) alterations->pdata,
                                   alterations->len, &error);
  if (results == NULL)
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE, "%s", error->message);

  if (format == CONNECT_CLI_FORMAT_JSON)
    print_json (results);
  else
    print_text (feed, results);

  return CONNECT_CLI_EXIT_OK;
}
