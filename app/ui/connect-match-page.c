/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-genes.h"
#include "connect-match-page.h"
#include "connect-matcher.h"

/* The result groups, in the order of the matching rules. */
typedef enum
{
  GROUP_OPEN,
  GROUP_NOT_OPEN,
  GROUP_CANDIDATE,
  GROUP_CLOSED_NO_BENEFIT,
  N_GROUPS
} Group;

/* Rows shown per group before a "Show More" row. */
#define GROUP_LIMIT 50

struct _ConnectMatchPage
{
  AdwBin              parent_instance;

  ConnectFeed        *feed;
  ConnectMatcher     *matcher;
  GCancellable       *cancellable;

  GtkEntryCompletion *tumour_completion;
  GtkEntryCompletion *alteration_completion;

  /* The alterations shown as chips, in the order they were added. */
  GPtrArray          *alterations;

  /* The results shown (element-type ConnectMatchResult), or NULL. */
  GListModel         *results;

  /* The query whose results are shown, re-run when the feed changes;
   * NULL when nothing was asked yet. */
  char               *shown_tumour;
  GStrv               shown_alterations;

  GtkWidget          *group_boxes[N_GROUPS];
  GtkListBox         *group_lists[N_GROUPS];

  /* The widgets are made, and the matcher built, the first time the page
   * is shown: a window opens faster, and a sync costs a hidden page
   * nothing. */
  gboolean            built;
  gboolean            rebuild_pending;

  /* Template widgets */
  GtkEntry           *tumour_entry;
  GtkEntry           *alteration_entry;
  GtkButton          *add_button;
  GtkFlowBox         *chips;
  GtkLabel           *tumour_error_label;
  GtkLabel           *error_label;
  GtkButton          *find_button;
  GtkStack           *stack;
  GtkBox             *results_box;
  GtkLabel           *summary_label;
  GtkWidget          *results_page;
};

G_DEFINE_FINAL_TYPE (ConnectMatchPage, connect_match_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void connect_match_page_run (ConnectMatchPage *self);
static void connect_match_page_ensure_built (ConnectMatchPage *self);

/* Helpers */

static const char *
group_title (Group group)
{
  switch (group)
    {
    case GROUP_OPEN:
      return _("Open Cohorts");
    case GROUP_NOT_OPEN:
      return _("Not Open");
    case GROUP_CANDIDATE:
      return _("A New Cohort Could Be Proposed");
    case GROUP_CLOSED_NO_BENEFIT:
      return _("Closed Without Benefit");
    case N_GROUPS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
group_description (Group group)
{
  switch (group)
    {
    case GROUP_OPEN:
      return _("Patients can be included now; most places left first.");
    case GROUP_NOT_OPEN:
      return _("Planned, evaluating or suspended cohorts that fit; ask the trial team when they open.");
    case GROUP_CANDIDATE:
      return _("No cohort fits yet, but a recruiting trial has a drug for this alteration: a cohort can be proposed at the molecular tumour board.");
    case GROUP_CLOSED_NO_BENEFIT:
      return _("These cohorts were tried and closed without benefit; they are shown so that nobody proposes them again.");
    case N_GROUPS:
    default:
      g_assert_not_reached ();
    }
}

static Group
group_for_kind (ConnectMatchKind kind)
{
  switch (kind)
    {
    case CONNECT_MATCH_KIND_OPEN:
      return GROUP_OPEN;
    case CONNECT_MATCH_KIND_NOT_OPEN:
      return GROUP_NOT_OPEN;
    case CONNECT_MATCH_KIND_NEW_COHORT_CANDIDATE:
      return GROUP_CANDIDATE;
    case CONNECT_MATCH_KIND_CLOSED_NO_BENEFIT:
      return GROUP_CLOSED_NO_BENEFIT;
    default:
      g_assert_not_reached ();
    }
}

/* Adds @text to @strings unless a spelling equal ignoring case is there. */
static void
add_unique (GHashTable *seen,
            GPtrArray  *strings,
            const char *text)
{
  char *key;

  if (text == NULL || *text == '\0')
    return;

  key = g_utf8_casefold (text, -1);
  if (g_hash_table_contains (seen, key))
    {
      g_free (key);
      return;
    }

  g_hash_table_add (seen, key);
  g_ptr_array_add (strings, g_strdup (text));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Letters and digits only, upper-cased: "B-RAF" and "BRAF" are one key. */
static char *
spelling_key (const char *text)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, g_unichar_toupper (c));
    }

  return g_string_free (key, FALSE);
}

/* Adds @gene and its aliases to the completions, each alone and with the
 * variant or kind of alteration; spellings that differ only in dashes or
 * spaces ("B-RAF") are left out. */
static void
add_gene_phrases (GHashTable        *seen,
                  GPtrArray         *strings,
                  const char        *gene,
                  const char        *variant,
                  ConnectAlteration  alteration)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *aliases;
  const char *kind = NULL;

  if (alteration != CONNECT_ALTERATION_SIGNATURE)
    kind = connect_enum_to_feed_string (CONNECT_TYPE_ALTERATION, alteration);

  aliases = connect_genes_aliases (connect_genes_canonical (gene));
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      char *key = spelling_key (aliases[i]);

      if (g_hash_table_contains (keys, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (keys, key);

      add_unique (seen, strings, aliases[i]);

      if (variant != NULL && *variant != '\0')
        {
          g_autofree char *phrase = g_strdup_printf ("%s %s", aliases[i], variant);
          add_unique (seen, strings, phrase);
        }
      else if (kind != NULL)
        {
          g_autofree char *phrase = g_strdup_printf ("%s %s", aliases[i], kind);
          add_unique (seen, strings, phrase);
        }
    }
}

/* Building the matcher and the completions, in a worker thread */

typedef struct
{
  ConnectFeed    *feed;
  ConnectMatcher *matcher;
  GPtrArray      *tumours;
  GPtrArray      *alterations;
} BuildData;

static void
build_data_free (gpointer data)
{
  BuildData *build = data;

  g_clear_object (&build->feed);
  g_clear_object (&build->matcher);
  g_clear_pointer (&build->tumours, g_ptr_array_unref);
  g_clear_pointer (&build->alterations, g_ptr_array_unref);
  g_free (build);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *build = task_data;
  g_autoptr(GHashTable) seen_tumours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_alterations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Exact strings and biomarkers already handled: most cohorts repeat
   * those of others, so each is folded and expanded once. */
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *cohorts;
  GListModel *drugs;
  guint n;

  build->matcher = connect_matcher_new (build->feed);
  build->tumours = g_ptr_array_new_with_free_func (g_free);
  build->alterations = g_ptr_array_new_with_free_func (g_free);

  cohorts = connect_feed_get_cohorts (build->feed);
  n = g_list_model_get_n_items (cohorts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (cohorts, i);
      const char * const *genes = connect_cohort_get_genes (cohort);
      const char *tumour_texts[] = {
        connect_cohort_get_tumor_name (cohort),
        connect_cohort_get_tumor_code (cohort),
      };
      const char *variant = connect_cohort_get_variant (cohort);
      ConnectAlteration alteration = connect_cohort_get_alteration (cohort);

      if (g_cancellable_is_cancelled (cancellable))
        break;

      for (guint t = 0; t < G_N_ELEMENTS (tumour_texts); t++)
        {
          char *key;

          if (tumour_texts[t] == NULL)
            continue;

          key = g_strconcat ("t\x1f", tumour_texts[t], NULL);
          if (!g_hash_table_add (done, key))
            continue;
          add_unique (seen_tumours, build->tumours, tumour_texts[t]);
        }

      for (guint g = 0; genes != NULL && genes[g] != NULL; g++)
        {
          char *key = g_strdup_printf ("g\x1f%s\x1f%s\x1f%d", genes[g],
                                       variant != NULL ? variant : "", alteration);

          if (!g_hash_table_add (done, key))
            continue;
          add_gene_phrases (seen_alterations, build->alterations, genes[g],
                            variant, alteration);
        }
    }

  drugs = connect_feed_get_drugs (build->feed);
  n = g_list_model_get_n_items (drugs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectDrug) drug = g_list_model_get_item (drugs, i);
      const char * const *targets = connect_drug_get_targets (drug);

      for (guint t = 0; targets != NULL && targets[t] != NULL; t++)
        add_gene_phrases (seen_alterations, build->alterations, targets[t],
                          NULL, CONNECT_ALTERATION_NONE);
    }

  g_ptr_array_sort (build->tumours, compare_strings);
  g_ptr_array_sort (build->alterations, compare_strings);

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_boolean (task, TRUE);
}

static GtkTreeModel *
completion_model (GPtrArray *strings)
{
  GtkListStore *store = gtk_list_store_new (1, G_TYPE_STRING);

  for (guint i = 0; i < strings->len; i++)
    gtk_list_store_insert_with_values (store, NULL, -1,
                                       0, g_ptr_array_index (strings, i),
                                       -1);

  return GTK_TREE_MODEL (store);
}

/* State */

static void
update_sensitivity (ConnectMatchPage *self)
{
  const char *pending = gtk_editable_get_text (GTK_EDITABLE (self->alteration_entry));
  gboolean has_text = FALSE;

  for (const char *p = pending; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != ',' && *p != ';')
      has_text = TRUE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->find_button), self->matcher != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), has_text);
}

static void
clear_error (ConnectMatchPage *self)
{
  GtkEntry *entries[] = { self->tumour_entry, self->alteration_entry };
  GtkLabel *labels[] = { self->tumour_error_label, self->error_label };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      if (!gtk_widget_get_visible (GTK_WIDGET (labels[i])))
        continue;

      gtk_widget_set_visible (GTK_WIDGET (labels[i]), FALSE);
      gtk_label_set_text (labels[i], "");
      gtk_widget_remove_css_class (GTK_WIDGET (entries[i]), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entries[i]),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (entries[i]),
                                     GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

/* Shows the matcher's message under the field it is about. */
static void
show_error (ConnectMatchPage *self,
            const GError     *error)
{
  GtkEntry *entry = self->alteration_entry;
  GtkLabel *label = self->error_label;

  clear_error (self);

  if (g_error_matches (error, CONNECT_MATCH_ERROR, CONNECT_MATCH_ERROR_INVALID_TUMOR))
    {
      entry = self->tumour_entry;
      label = self->tumour_error_label;
    }

  gtk_label_set_text (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                  -1);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

/* Chips */

static void
chip_clicked_cb (GtkButton        *button,
                 ConnectMatchPage *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "alteration");
  GtkWidget *flow_child = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_FLOW_BOX_CHILD);

  g_assert (text != NULL);

  for (guint i = 0; i < self->alterations->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->alterations, i), text) == 0)
        {
          g_ptr_array_remove_index (self->alterations, i);
          break;
        }
    }

  gtk_flow_box_remove (self->chips, flow_child);
  gtk_widget_set_visible (GTK_WIDGET (self->chips), self->alterations->len > 0);
  clear_error (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->alteration_entry));
}

static void
add_chip (ConnectMatchPage *self,
          const char       *text)
{
  g_autofree char *a11y = NULL;
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *icon;
  GtkWidget *flow_child;

  for (guint i = 0; i < self->alterations->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (self->alterations, i), text) == 0)
      return;

  g_ptr_array_add (self->alterations, g_strdup (text));

  label = gtk_label_new (text);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);

  button = gtk_button_new ();
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, _("Remove"));
  /* Translators: accessible name of the button that removes an
   * alteration such as "BRAF V600E" from the query */
  a11y = g_strdup_printf (_("Remove alteration: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "alteration", g_strdup (text), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (chip_clicked_cb), self, 0);

  gtk_flow_box_append (self->chips, button);
  flow_child = gtk_widget_get_parent (button);
  gtk_widget_set_focusable (flow_child, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->chips), TRUE);
}

/* Takes what is typed in the alteration entry (several may be separated
 * by commas or semicolons) into chips. An alteration the matcher cannot
 * read stays in the entry, with the reason shown under it. */
static gboolean
take_pending_alterations (ConnectMatchPage *self)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) rest = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  parts = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->alteration_entry)), ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;

      if (error == NULL)
        {
          g_autoptr(ConnectMatchAlteration) parsed = NULL;

          parsed = connect_match_alteration_parse (parts[i], &error);
          if (parsed != NULL)
            {
              add_chip (self, parts[i]);
              continue;
            }
        }

      if (rest->len > 0)
        g_string_append (rest, ", ");
      g_string_append (rest, parts[i]);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->alteration_entry), rest->str);

  if (error != NULL)
    {
      show_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Results */

static char *
drug_names (ConnectMatchPage   *self,
            const char * const *drug_ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; drug_ids != NULL && drug_ids[i] != NULL; i++)
    {
      ConnectDrug *drug = connect_feed_lookup_drug (self->feed, drug_ids[i]);

      if (names->len > 0)
        g_string_append (names, " + ");
      g_string_append (names, drug != NULL ? connect_drug_get_name (drug) : drug_ids[i]);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GtkWidget *
status_pill (ConnectMatchKind  kind,
             ConnectCohort    *cohort)
{
  const char *text;
  const char *style;
  GtkWidget *label;

  switch (kind)
    {
    case CONNECT_MATCH_KIND_OPEN:
      text = connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS, CONNECT_COHORT_STATUS_OPEN);
      style = "success";
      break;
    case CONNECT_MATCH_KIND_NOT_OPEN:
      text = connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS,
                                    cohort != NULL ? connect_cohort_get_status (cohort)
                                                   : CONNECT_COHORT_STATUS_UNKNOWN);
      style = "warning";
      break;
    case CONNECT_MATCH_KIND_NEW_COHORT_CANDIDATE:
      /* Translators: status of a drug for which a new cohort could be proposed */
      text = C_("match status", "Proposal");
      style = "accent";
      break;
    case CONNECT_MATCH_KIND_CLOSED_NO_BENEFIT:
      /* Translators: status of a cohort closed without benefit */
      text = C_("match status", "No Benefit");
      style = "dim-label";
      break;
    default:
      g_assert_not_reached ();
    }

  label = gtk_label_new (text);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, style);

  return label;
}

static GtkWidget *
result_row (ConnectMatchPage   *self,
            ConnectMatchResult *result)
{
  ConnectMatchKind kind = connect_match_result_get_kind (result);
  ConnectCohort *cohort = connect_match_result_get_cohort (result);
  const char *trial_id = connect_match_result_get_trial (result);
  ConnectTrial *trial = trial_id != NULL ? connect_feed_lookup_trial (self->feed, trial_id) : NULL;
  const char *reason = connect_match_result_get_reason (result);
  g_autofree char *drugs = drug_names (self, connect_match_result_get_drugs (result));
  g_autofree char *title = NULL;
  GtkWidget *row;

  if (cohort != NULL)
    {
      const char *tumour = connect_cohort_get_tumor_name (cohort);

      /* Translators: the title of a matching cohort: its id, tumour and drugs */
      title = g_strdup_printf (C_("match result", "%s · %s · %s"),
                               connect_entity_get_id (CONNECT_ENTITY (cohort)),
                               tumour, drugs);
    }
  else
    {
      const char *trial_name = trial != NULL ? connect_trial_get_name (trial) : trial_id;

      if (trial_name != NULL)
        /* Translators: the title of a drug for which a cohort could be
         * proposed: the drug and the recruiting trial that uses it */
        title = g_strdup_printf (C_("match result", "%s in %s"), drugs, trial_name);
      else
        title = g_strdup (drugs);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason != NULL ? reason : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_pill (kind, cohort));

  if (cohort != NULL)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open cohort"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "cohort-id",
                              g_strdup (connect_entity_get_id (CONNECT_ENTITY (cohort))),
                              g_free);
    }
  else
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }

  return row;
}

static void
clear_results (ConnectMatchPage *self)
{
  g_clear_object (&self->results);

  for (guint g = 0; g < N_GROUPS; g++)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->group_lists[g]))) != NULL)
        gtk_list_box_remove (self->group_lists[g], child);
      gtk_widget_set_visible (self->group_boxes[g], FALSE);
    }
}

static char *
query_description (const char         *tumour,
                   const char * const *alterations)
{
  g_autofree char *joined = g_strjoinv (", ", (char **) alterations);

  /* Translators: what was asked, e.g. "colorectal cancer with BRAF V600E, MSI-H" */
  return g_strdup_printf (_("%s with %s"), tumour, joined);
}

/* Appends the results of @group from the @first-th on; at most
 * GROUP_LIMIT of them unless @all, followed by a row that shows the rest. */
static void
fill_group (ConnectMatchPage *self,
            Group             group,
            guint             first,
            gboolean          all)
{
  guint n = g_list_model_get_n_items (self->results);
  guint in_group = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectMatchResult) result = g_list_model_get_item (self->results, i);

      if (group_for_kind (connect_match_result_get_kind (result)) != group)
        continue;

      if (in_group >= first && (all || in_group < first + GROUP_LIMIT))
        gtk_list_box_append (self->group_lists[group], result_row (self, result));

      in_group++;
    }

  if (!all && in_group > first + GROUP_LIMIT)
    {
      guint rest = in_group - first - GROUP_LIMIT;
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("view-more-symbolic");

      /* Translators: the last row of a long group of results */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More Result", "Show %u More Results", rest),
                               rest);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "show-more", GUINT_TO_POINTER (first + GROUP_LIMIT + 1));
      gtk_list_box_append (self->group_lists[group], row);
    }

  if (in_group > 0)
    gtk_widget_set_visible (self->group_boxes[group], TRUE);
}

static void
show_results (ConnectMatchPage *self,
              GListModel       *results)
{
  g_autofree char *asked = NULL;
  g_autofree char *summary = NULL;
  guint n = g_list_model_get_n_items (results);

  clear_results (self);
  g_set_object (&self->results, results);

  if (n == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  for (guint g = 0; g < N_GROUPS; g++)
    fill_group (self, g, 0, FALSE);

  asked = query_description (self->shown_tumour,
                             (const char * const *) self->shown_alterations);
  /* Translators: %u is the number of results, %s what was asked */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result for %s", "%u results for %s", n),
                             n, asked);
  gtk_label_set_text (self->summary_label, summary);

  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
connect_match_page_run_query (ConnectMatchPage *self)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (self->matcher != NULL);
  g_assert (self->shown_tumour != NULL);

  results = connect_matcher_match_text (self->matcher, self->shown_tumour,
                                        (const char * const *) self->shown_alterations,
                                        &error);
  if (results == NULL)
    {
      g_clear_pointer (&self->shown_tumour, g_free);
      g_clear_pointer (&self->shown_alterations, g_strfreev);
      clear_results (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      show_error (self, error);
      return;
    }

  show_results (self, results);
}

/* Runs the match for what is typed. */
static void
connect_match_page_run (ConnectMatchPage *self)
{
  g_autofree char *tumour = NULL;

  if (self->matcher == NULL)
    return;

  if (!take_pending_alterations (self))
    return;
  clear_error (self);

  tumour = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tumour_entry))));

  g_free (self->shown_tumour);
  self->shown_tumour = g_steal_pointer (&tumour);
  g_strfreev (self->shown_alterations);
  g_ptr_array_add (self->alterations, NULL);
  self->shown_alterations = g_strdupv ((char **) self->alterations->pdata);
  g_ptr_array_remove_index (self->alterations, self->alterations->len - 1);

  connect_match_page_run_query (self);
}

static void
build_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ConnectMatchPage *self = CONNECT_MATCH_PAGE (object);
  BuildData *build = g_task_get_task_data (G_TASK (result));
  g_autoptr(GtkTreeModel) tumours = NULL;
  g_autoptr(GtkTreeModel) alterations = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  /* A newer feed came while this one was being indexed. */
  if (build->feed != self->feed)
    return;

  g_set_object (&self->matcher, build->matcher);

  tumours = completion_model (build->tumours);
  alterations = completion_model (build->alterations);
  gtk_entry_completion_set_model (self->tumour_completion, tumours);
  gtk_entry_completion_set_model (self->alteration_completion, alterations);

  update_sensitivity (self);
  gtk_widget_set_sensitive (self->results_page, TRUE);

  /* The results shown came from the previous feed: ask again. */
  if (self->shown_tumour != NULL)
    connect_match_page_run_query (self);
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Nothing built from an older feed may be used. */
static void
connect_match_page_drop_matcher (ConnectMatchPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->matcher);
}

static void
connect_match_page_rebuild (ConnectMatchPage *self)
{
  g_autoptr(GTask) task = NULL;
  BuildData *build;

  connect_match_page_drop_matcher (self);
  update_sensitivity (self);

  /* Results of the previous feed stay greyed out until they are asked
   * again of the new one. */
  gtk_widget_set_sensitive (self->results_page, FALSE);

  if (self->feed == NULL)
    {
      clear_results (self);
      gtk_entry_completion_set_model (self->tumour_completion, NULL);
      gtk_entry_completion_set_model (self->alteration_completion, NULL);
      gtk_stack_set_visible_child_name (self->stack, "no-feed");
      return;
    }

  self->cancellable = g_cancellable_new ();

  build = g_new0 (BuildData, 1);
  build->feed = g_object_ref (self->feed);

  task = g_task_new (self, self->cancellable, build_cb, NULL);
  g_task_set_source_tag (task, connect_match_page_rebuild);
  g_task_set_task_data (task, build, build_data_free);
  g_task_run_in_thread (task, build_thread);
}

/* Callbacks */

static void
tumour_activate_cb (ConnectMatchPage *self)
{
  connect_match_page_run (self);
}

static void
alteration_activate_cb (ConnectMatchPage *self)
{
  connect_match_page_run (self);
}

static void
add_clicked_cb (ConnectMatchPage *self)
{
  if (take_pending_alterations (self))
    clear_error (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->alteration_entry));
}

static void
find_clicked_cb (ConnectMatchPage *self)
{
  connect_match_page_run (self);
}

static void
input_changed_cb (ConnectMatchPage *self)
{
  clear_error (self);
  update_sensitivity (self);
}

static void
row_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  ConnectMatchPage *self)
{
  const char *cohort_id = g_object_get_data (G_OBJECT (row), "cohort-id");
  guint show_more = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "show-more"));

  if (show_more > 0)
    {
      Group group = N_GROUPS;
      int index = gtk_list_box_row_get_index (row);

      for (guint g = 0; g < N_GROUPS; g++)
        if (self->group_lists[g] == list)
          group = g;
      g_assert (group != N_GROUPS);

      gtk_list_box_remove (list, GTK_WIDGET (row));
      fill_group (self, group, show_more - 1, TRUE);
      row = gtk_list_box_get_row_at_index (list, index);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      return;
    }

  if (cohort_id == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-cohort", "s", cohort_id);
}

/* Up and Down go on from one group's list into the next one's. */
static gboolean
keynav_failed_cb (GtkListBox       *list,
                  GtkDirectionType  direction,
                  ConnectMatchPage *self)
{
  int here = -1;

  if (direction != GTK_DIR_UP && direction != GTK_DIR_DOWN)
    return FALSE;

  for (int g = 0; g < N_GROUPS; g++)
    if (self->group_lists[g] == list)
      here = g;
  g_assert (here >= 0);

  if (direction == GTK_DIR_DOWN)
    {
      for (int g = here + 1; g < N_GROUPS; g++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->group_lists[g], 0);

          if (row != NULL && gtk_widget_get_visible (self->group_boxes[g]))
            return gtk_widget_grab_focus (GTK_WIDGET (row));
        }
    }
  else
    {
      for (int g = here - 1; g >= 0; g--)
        {
          GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (self->group_lists[g]));

          if (GTK_IS_LIST_BOX_ROW (last) && gtk_widget_get_visible (self->group_boxes[g]))
            return gtk_widget_grab_focus (last);
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (list));
  return TRUE;
}

/* GObject */

/* Focusing the page focuses where the clinician starts: the tumour. */
static gboolean
connect_match_page_grab_focus (GtkWidget *widget)
{
  ConnectMatchPage *self = CONNECT_MATCH_PAGE (widget);

  connect_match_page_ensure_built (self);
  return gtk_widget_grab_focus (GTK_WIDGET (self->tumour_entry));
}

static void
connect_match_page_map (GtkWidget *widget)
{
  ConnectMatchPage *self = CONNECT_MATCH_PAGE (widget);

  connect_match_page_ensure_built (self);
  if (self->rebuild_pending)
    {
      self->rebuild_pending = FALSE;
      connect_match_page_rebuild (self);
    }

  GTK_WIDGET_CLASS (connect_match_page_parent_class)->map (widget);
}

static void
connect_match_page_dispose (GObject *object)
{
  ConnectMatchPage *self = CONNECT_MATCH_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->matcher);
  g_clear_object (&self->results);
  g_clear_object (&self->feed);
  g_clear_object (&self->tumour_completion);
  g_clear_object (&self->alteration_completion);

  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), CONNECT_TYPE_MATCH_PAGE);

  G_OBJECT_CLASS (connect_match_page_parent_class)->dispose (object);
}

static void
connect_match_page_finalize (GObject *object)
{
  ConnectMatchPage *self = CONNECT_MATCH_PAGE (object);

  g_clear_pointer (&self->alterations, g_ptr_array_unref);
  g_clear_pointer (&self->shown_tumour, g_free);
  g_clear_pointer (&self->shown_alterations, g_strfreev);

  G_OBJECT_CLASS (connect_match_page_parent_class)->finalize (object);
}

static void
connect_match_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConnectMatchPage *self = CONNECT_MATCH_PAGE (object);

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
connect_match_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ConnectMatchPage *self = CONNECT_MATCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      connect_match_page_set_feed (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_match_page_class_init (ConnectMatchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_match_page_dispose;
  object_class->finalize = connect_match_page_finalize;
  object_class->get_property = connect_match_page_get_property;
  object_class->set_property = connect_match_page_set_property;

  widget_class->grab_focus = connect_match_page_grab_focus;
  widget_class->map = connect_match_page_map;

  /**
   * ConnectMatchPage:feed:
   *
   * The feed to match against, or %NULL while there is no data yet.
   */
  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         CONNECT_TYPE_FEED,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-match-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, tumour_entry);
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, alteration_entry);
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, chips);
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, tumour_error_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, find_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, results_box);
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectMatchPage, results_page);
  gtk_widget_class_bind_template_callback (widget_class, tumour_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, alteration_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
}

static GtkEntryCompletion *
new_completion (GtkEntry *entry)
{
  GtkEntryCompletion *completion = gtk_entry_completion_new ();

  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 2);
  gtk_entry_completion_set_popup_completion (completion, TRUE);
  gtk_entry_completion_set_inline_completion (completion, FALSE);
  gtk_entry_set_completion (entry, completion);

  return completion;
}

static void
connect_match_page_init (ConnectMatchPage *self)
{
  self->alterations = g_ptr_array_new_with_free_func (g_free);
}

static void
connect_match_page_ensure_built (ConnectMatchPage *self)
{
  if (self->built)
    return;
  self->built = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tumour_completion = new_completion (self->tumour_entry);
  self->alteration_completion = new_completion (self->alteration_entry);

  for (guint g = 0; g < N_GROUPS; g++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (group_title (g));
      GtkWidget *description = gtk_label_new (group_description (g));
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                      -1);

      gtk_label_set_xalign (GTK_LABEL (description), 0);
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_widget_add_css_class (description, "dim-label");
      gtk_widget_add_css_class (description, "caption");

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_widget_set_margin_top (list, 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, group_title (g),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, group_description (g),
                                      -1);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
      g_signal_connect_object (list, "keynav-failed", G_CALLBACK (keynav_failed_cb), self, 0);

      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), description);
      gtk_box_append (GTK_BOX (box), list);
      gtk_widget_set_visible (box, FALSE);
      gtk_box_append (self->results_box, box);

      self->group_boxes[g] = box;
      self->group_lists[g] = GTK_LIST_BOX (list);
    }

  gtk_stack_set_visible_child_name (self->stack, "no-feed");
}

/* Public API */

/**
 * connect_match_page_new:
 *
 * Creates a Match page without a feed.
 *
 * Returns: (transfer floating): the new page
 */
GtkWidget *
connect_match_page_new (void)
{
  return g_object_new (CONNECT_TYPE_MATCH_PAGE, NULL);
}

/**
 * connect_match_page_get_feed:
 * @self: a #ConnectMatchPage
 *
 * Returns: (transfer none) (nullable): the feed matched against
 */
ConnectFeed *
connect_match_page_get_feed (ConnectMatchPage *self)
{
  g_return_val_if_fail (CONNECT_IS_MATCH_PAGE (self), NULL);

  return self->feed;
}

/**
 * connect_match_page_set_feed:
 * @self: a #ConnectMatchPage
 * @feed: (nullable): the feed to match against
 *
 * Sets the feed. The matcher is built in a worker thread; results already
 * shown are asked again of the new feed, so that nothing stale stays.
 */
void
connect_match_page_set_feed (ConnectMatchPage *self,
                             ConnectFeed      *feed)
{
  g_return_if_fail (CONNECT_IS_MATCH_PAGE (self));
  g_return_if_fail (feed == NULL || CONNECT_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed))
    return;

  if (self->built && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->rebuild_pending = FALSE;
      connect_match_page_rebuild (self);
    }
  else
    {
      /* Rebuilt when the page is shown. */
      self->rebuild_pending = TRUE;
      connect_match_page_drop_matcher (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}
