/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-bar-chart.h"
#include "connect-chart-scale.h"
#include "connect-line-chart.h"
#include "connect-links.h"
#include "connect-trial-page.h"
#include "connect-trial-stats.h"

struct _ConnectTrialPage
{
  AdwBin             parent_instance;

  ConnectFeed       *feed;
  ConnectTrialStats *stats;
  GPtrArray         *trial_ids;   /* (element-type utf8) in selector order */
  GPtrArray         *drug_rows;   /* rows added to drugs_row */
  char              *trial_url;   /* https only, or NULL */
  gboolean           updating;
  gboolean           reload_pending; /* a feed came while not on screen */
  gboolean           built;          /* the template's widgets exist */

  /* Template widgets */
  GtkStack          *stack;
  GtkListBox        *selector_list;
  AdwComboRow       *trial_row;
  GtkLabel          *name_label;
  GtkLabel          *title_label;
  GtkLabel          *headline_label;
  GtkLabel          *as_of_label;
  GtkFlowBox        *figures_box;
  ConnectBarChart   *funnel_chart;
  GtkExpander       *funnel_expander;
  ConnectLineChart  *history_chart;
  GtkExpander       *history_expander;
  AdwBin            *status_bin;
  ConnectBarChart   *tumor_chart;
  GtkExpander       *tumor_expander;
  ConnectBarChart   *region_chart;
  GtkExpander       *region_expander;
  AdwPreferencesGroup *drugs_group;
  AdwExpanderRow    *drugs_row;
  AdwActionRow      *status_row;
  AdwActionRow      *sponsor_row;
  AdwActionRow      *registry_row;
  AdwActionRow      *started_row;
  AdwActionRow      *design_row;
  AdwActionRow      *link_row;
  GtkWidget         *link_button;
};

G_DEFINE_FINAL_TYPE (ConnectTrialPage, connect_trial_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
  PROP_TRIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;
  char *text;

  if (date == NULL || !g_date_valid (date))
    return NULL;

  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
  /* Translators: a date as in "3 March 2025" (g_date_time_format) */
  text = g_date_time_format (time, _("%-d %B %Y"));
  return g_strstrip (text);
}

/* Puts @table in @expander. Tables wrap their labels to fit a phone's
 * width rather than scroll sideways. */
static void
set_table (GtkExpander *expander,
           GtkWidget   *table)
{
  gtk_expander_set_child (expander, table);
}

static GtkWidget *
grid_label (const char *text,
            gboolean    heading,
            gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
show_figures (ConnectTrialPage *self)
{
  ConnectTrialStats *stats = self->stats;
  GtkWidget *child;
  g_autofree char *headline = NULL;
  g_autofree char *as_of = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_flow_box_remove (self->figures_box, child);

  headline = connect_trial_stats_format_headline (stats);
  gtk_label_set_text (self->headline_label,
                      headline ? headline : _("No figures have been published for this trial yet."));

  if (stats->latest != NULL)
    {
      g_autofree char *date = format_date (connect_snapshot_get_as_of (stats->latest));

      /* Translators: %s is a date */
      as_of = g_strdup_printf (_("Figures as of %s"), date);
    }
  gtk_label_set_text (self->as_of_label, as_of ? as_of : "");
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_label), as_of != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_box), stats->latest != NULL);

  if (stats->latest == NULL)
    return;

  for (guint step = 0; step < CONNECT_N_FUNNEL_STEPS; step++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *number, *caption, *rate;
      g_autofree char *count = NULL;
      g_autofree char *rate_text = NULL;
      g_autofree char *accessible = NULL;

      count = stats->funnel[step] >= 0 ? connect_format_count (stats->funnel[step])
                                       : g_strdup (C_("no value", "–"));
      if (stats->rates[step] >= 0)
        {
          g_autofree char *percent = connect_format_percent (stats->rates[step]);

          /* Translators: "67%" and "of screened patients" */
          rate_text = g_strdup_printf (_("%s %s"), percent, connect_funnel_step_rate_basis (step));
        }

      gtk_widget_add_css_class (box, "card");
      gtk_widget_set_margin_start (box, 0);

      number = grid_label (count, FALSE, FALSE);
      gtk_label_set_max_width_chars (GTK_LABEL (number), 10);
      gtk_widget_add_css_class (number, "title-2");
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_set_margin_top (number, 12);
      gtk_widget_set_margin_start (number, 12);
      gtk_widget_set_margin_end (number, 12);
      gtk_box_append (GTK_BOX (box), number);

      caption = grid_label (connect_funnel_step_to_label (step), FALSE, FALSE);
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 14);
      gtk_widget_add_css_class (caption, "heading");
      gtk_widget_set_margin_start (caption, 12);
      gtk_widget_set_margin_end (caption, 12);
      gtk_widget_set_margin_bottom (caption, rate_text ? 0 : 12);
      gtk_box_append (GTK_BOX (box), caption);

      if (rate_text != NULL)
        {
          rate = grid_label (rate_text, FALSE, FALSE);
          gtk_label_set_max_width_chars (GTK_LABEL (rate), 14);
          gtk_widget_add_css_class (rate, "dim-label");
          gtk_widget_add_css_class (rate, "caption");
          gtk_widget_set_margin_start (rate, 12);
          gtk_widget_set_margin_end (rate, 12);
          gtk_widget_set_margin_bottom (rate, 12);
          gtk_box_append (GTK_BOX (box), rate);
        }

      /* One phrase for a screen reader: "Screened: 2,290" */
      accessible = rate_text ? g_strdup_printf ("%s: %s, %s", connect_funnel_step_to_label (step), count, rate_text)
                             : g_strdup_printf ("%s: %s", connect_funnel_step_to_label (step), count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);

      gtk_flow_box_append (self->figures_box, box);
    }
}

static void
show_funnel (ConnectTrialPage *self)
{
  ConnectTrialStats *stats = self->stats;

  connect_bar_chart_clear (self->funnel_chart);
  if (stats->latest != NULL)
    {
      for (guint step = 0; step < CONNECT_N_FUNNEL_STEPS; step++)
        {
          g_autofree char *count = NULL;
          g_autofree char *text = NULL;

          if (stats->funnel[step] >= 0)
            {
              count = connect_format_count (stats->funnel[step]);
              if (stats->rates[step] >= 0)
                {
                  g_autofree char *percent = connect_format_percent (stats->rates[step]);

                  /* Translators: a count and its rate at a bar's end: "1,537 · 67%" */
                  text = g_strdup_printf (_("%s · %s"), count, percent);
                }
            }
          connect_bar_chart_append (self->funnel_chart, connect_funnel_step_to_label (step),
                                    stats->funnel[step], text ? text : count);
        }
    }
  set_table (self->funnel_expander,
             connect_bar_chart_build_table (self->funnel_chart, _("Step"), _("Patients")));
}

static void
show_history (ConnectTrialPage *self)
{
  ConnectTrialStats *stats = self->stats;

  connect_line_chart_clear (self->history_chart);
  if (stats->snapshots->len > 0)
    {
      for (guint step = 0; step < CONNECT_N_FUNNEL_STEPS; step++)
        {
          guint series = connect_line_chart_add_series (self->history_chart,
                                                        connect_funnel_step_to_label (step));

          for (guint i = 0; i < stats->snapshots->len; i++)
            {
              ConnectSnapshot *snapshot = g_ptr_array_index (stats->snapshots, i);

              connect_line_chart_add_point (self->history_chart, series,
                                            g_date_get_julian (connect_snapshot_get_as_of (snapshot)),
                                            connect_snapshot_get_step (snapshot, step));
            }
        }
    }
  set_table (self->history_expander,
             connect_line_chart_build_table (self->history_chart, _("Date")));
}

static void
show_cohorts (ConnectTrialPage *self)
{
  ConnectTrialStats *stats = self->stats;
  GtkWidget *grid = gtk_grid_new ();
  gboolean stage_used[CONNECT_N_COHORT_STAGES] = { FALSE, };
  int column = 1, row = 1;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cohorts by status and stage"),
                                  -1);

  /* Columns: the stages that occur (in order), then the total. */
  for (guint stage = 0; stage < CONNECT_N_COHORT_STAGES; stage++)
    stage_used[stage] = stats->by_stage[stage] > 0;

  gtk_grid_attach (GTK_GRID (grid), grid_label (_("Status"), TRUE, FALSE), 0, 0, 1, 1);
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  for (guint stage = CONNECT_COHORT_STAGE_ONE; stage < CONNECT_N_COHORT_STAGES + 2; stage++)
    {
      /* ONE, TWO, EXPANSION, then UNKNOWN and NONE last */
      guint s = stage < CONNECT_N_COHORT_STAGES ? stage : stage - CONNECT_N_COHORT_STAGES;
      const char *label = s == CONNECT_COHORT_STAGE_NONE ? _("No stage")
                                                         : connect_enum_to_label (CONNECT_TYPE_COHORT_STAGE, s);

      if (!stage_used[s])
        continue;
      gtk_grid_attach (GTK_GRID (grid), grid_label (label, TRUE, TRUE), column++, 0, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (grid), grid_label (_("Total"), TRUE, TRUE), column, 0, 1, 1);

  for (guint status = CONNECT_COHORT_STATUS_PLANNED; status < CONNECT_N_COHORT_STATUSES + 2; status++)
    {
      guint st = status < CONNECT_N_COHORT_STATUSES ? status : status - CONNECT_N_COHORT_STATUSES;
      const char *label = st == CONNECT_COHORT_STATUS_NONE ? _("No status")
                                                           : connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS, st);
      g_autofree char *total = NULL;

      if (stats->by_status[st] == 0)
        continue;

      column = 1;
      gtk_grid_attach (GTK_GRID (grid), grid_label (label, FALSE, FALSE), 0, row, 1, 1);
      for (guint stage = CONNECT_COHORT_STAGE_ONE; stage < CONNECT_N_COHORT_STAGES + 2; stage++)
        {
          guint s = stage < CONNECT_N_COHORT_STAGES ? stage : stage - CONNECT_N_COHORT_STAGES;
          g_autofree char *count = NULL;

          if (!stage_used[s])
            continue;
          count = connect_format_count (stats->by_status_stage[st][s]);
          gtk_grid_attach (GTK_GRID (grid), grid_label (count, FALSE, TRUE), column++, row, 1, 1);
        }
      total = connect_format_count (stats->by_status[st]);
      gtk_grid_attach (GTK_GRID (grid), grid_label (total, TRUE, TRUE), column, row, 1, 1);
      row++;
    }

  if (stats->n_cohorts == 0)
    {
      GtkWidget *none = grid_label (_("This trial has no cohorts yet."), FALSE, FALSE);

      gtk_widget_add_css_class (none, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), none, 0, 1, column + 1, 1);
    }

  adw_bin_set_child (self->status_bin, grid);

  connect_bar_chart_clear (self->tumor_chart);
  for (guint i = 0; i < stats->by_tumor->len; i++)
    {
      ConnectLabelCount *item = g_ptr_array_index (stats->by_tumor, i);

      connect_bar_chart_append (self->tumor_chart, item->label, item->count, NULL);
    }
  set_table (self->tumor_expander,
             connect_bar_chart_build_table (self->tumor_chart, _("Tumour type"), _("Cohorts")));
}

static void
show_sites (ConnectTrialPage *self)
{
  ConnectTrialStats *stats = self->stats;

  connect_bar_chart_clear (self->region_chart);
  for (guint region = CONNECT_REGION_SOUTH_EAST; region < CONNECT_N_REGIONS + 2; region++)
    {
      /* The four regions in order, always; then unknown and none when used */
      guint r = region < CONNECT_N_REGIONS ? region : region - CONNECT_N_REGIONS;
      const char *label = r == CONNECT_REGION_NONE ? _("Region not given")
                                                   : connect_enum_to_label (CONNECT_TYPE_REGION, r);

      if (r < CONNECT_REGION_SOUTH_EAST && stats->sites_by_region[r] == 0)
        continue;
      connect_bar_chart_append (self->region_chart, label, stats->sites_by_region[r], NULL);
    }
  if (stats->sites->len == 0)
    connect_bar_chart_clear (self->region_chart);
  set_table (self->region_expander,
             connect_bar_chart_build_table (self->region_chart, _("Region"), _("Sites")));
}

static void
show_drugs (ConnectTrialPage *self)
{
  ConnectTrialStats *stats = self->stats;
  g_autofree char *title = NULL;

  for (guint i = 0; i < self->drug_rows->len; i++)
    adw_expander_row_remove (self->drugs_row, g_ptr_array_index (self->drug_rows, i));
  g_ptr_array_set_size (self->drug_rows, 0);

  title = g_strdup_printf (ngettext ("%u drug in the trial's cohorts",
                                     "%u drugs in the trial's cohorts",
                                     stats->drugs->len),
                           stats->drugs->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->drugs_row), title);
  adw_expander_row_set_subtitle (self->drugs_row, _("Supplied by the partners free of charge"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->drugs_row), stats->drugs->len > 0);

  for (guint i = 0; i < stats->drugs->len; i++)
    {
      ConnectDrug *drug = g_ptr_array_index (stats->drugs, i);
      const char * const *brands = connect_drug_get_brands (drug);
      const char *supplier_id = connect_drug_get_supplier (drug);
      ConnectPartner *supplier = supplier_id ? connect_feed_lookup_partner (self->feed, supplier_id) : NULL;
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title_text = NULL;

      if (brands != NULL && brands[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) brands);

          title_text = g_strdup_printf ("%s (%s)", connect_drug_get_name (drug), joined);
        }
      else
        title_text = g_strdup (connect_drug_get_name (drug));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   supplier ? connect_partner_get_name (supplier)
                                            : supplier_id ? supplier_id : _("Supplier not given"));
      adw_expander_row_add_row (self->drugs_row, row);
      g_ptr_array_add (self->drug_rows, row);
    }
}

static void
show_about (ConnectTrialPage *self)
{
  ConnectTrial *trial = self->stats->trial;
  const char *status = connect_enum_to_label (CONNECT_TYPE_TRIAL_STATUS, connect_trial_get_status (trial));
  const char *nct = connect_trial_get_nct (trial);
  const char *eudract = connect_trial_get_eudract (trial);
  const char *url = connect_trial_get_url (trial);
  g_autofree char *registry = NULL;
  g_autofree char *started = format_date (connect_trial_get_started (trial));
  g_autofree char *design = connect_trial_stats_format_design (self->stats);

  adw_action_row_set_subtitle (self->status_row, status ? status : _("Not given"));

  if (self->stats->sponsor != NULL)
    adw_action_row_set_subtitle (self->sponsor_row, connect_partner_get_name (self->stats->sponsor));
  else
    adw_action_row_set_subtitle (self->sponsor_row,
                                 connect_trial_get_sponsor (trial) ? connect_trial_get_sponsor (trial)
                                                                   : _("Not given"));

  if (nct != NULL && eudract != NULL)
    /* Translators: registry numbers: "NCT04817956 · EudraCT 2020-004414-35" */
    registry = g_strdup_printf (_("%s · EudraCT %s"), nct, eudract);
  else if (nct != NULL)
    registry = g_strdup (nct);
  else if (eudract != NULL)
    registry = g_strdup_printf (_("EudraCT %s"), eudract);
  adw_action_row_set_subtitle (self->registry_row, registry ? registry : _("Not given"));

  adw_action_row_set_subtitle (self->started_row, started ? started : _("Not given"));
  adw_action_row_set_subtitle (self->design_row, design ? design : _("Not given"));

  /* Only https: and mailto: links are opened; others are shown as text. */
  g_clear_pointer (&self->trial_url, g_free);
  if (connect_link_is_safe (url))
    self->trial_url = g_strdup (url);
  gtk_widget_set_visible (GTK_WIDGET (self->link_row), url != NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->link_row), self->trial_url != NULL);
  if (url != NULL)
    adw_action_row_set_subtitle (self->link_row, url);
  gtk_widget_set_visible (self->link_button, self->trial_url != NULL);
}

static void
show_trial (ConnectTrialPage *self,
            const char       *trial_id)
{
  ConnectTrial *trial;
  const char *title;

  g_clear_pointer (&self->stats, connect_trial_stats_free);

  if (self->feed != NULL && trial_id != NULL)
    self->stats = connect_trial_stats_new (self->feed, trial_id);

  if (self->stats == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->feed ? "no-trials" : "empty");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRIAL]);
      return;
    }

  trial = self->stats->trial;
  gtk_label_set_text (self->name_label, connect_trial_get_name (trial));
  title = connect_trial_get_title (trial);
  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL);

  show_figures (self);
  show_funnel (self);
  show_history (self);
  show_cohorts (self);
  show_sites (self);
  show_drugs (self);
  show_about (self);

  gtk_stack_set_visible_child_name (self->stack, "trial");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRIAL]);
}

static void
trial_row_selected_cb (ConnectTrialPage *self,
                       GParamSpec       *pspec,
                       AdwComboRow      *row)
{
  guint selected;

  if (self->updating)
    return;

  selected = adw_combo_row_get_selected (row);
  if (selected < self->trial_ids->len)
    show_trial (self, g_ptr_array_index (self->trial_ids, selected));
}

static void
link_row_activated_cb (ConnectTrialPage *self)
{
  GtkRoot *root;

  if (!connect_link_is_safe (self->trial_url))
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->trial_url, GDK_CURRENT_TIME);
}

/* Fills the selector and shows @keep_id when the feed still has it, else
 * the first trial. */
static void
reload (ConnectTrialPage *self,
        const char       *keep_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->trial_ids, 0);

  if (self->feed != NULL)
    {
      GListModel *trials = connect_feed_get_trials (self->feed);
      guint n = g_list_model_get_n_items (trials);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConnectTrial) trial = g_list_model_get_item (trials, i);
          const char *id = connect_entity_get_id (CONNECT_ENTITY (trial));

          if (g_strcmp0 (id, keep_id) == 0)
            selected = i;
          g_ptr_array_add (self->trial_ids, g_strdup (id));
          gtk_string_list_append (names, connect_trial_get_name (trial));
        }
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->trial_row, G_LIST_MODEL (names));
  if (self->trial_ids->len > 0)
    adw_combo_row_set_selected (self->trial_row, selected);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->selector_list), self->trial_ids->len > 1);

  show_trial (self, self->trial_ids->len > 0 ? g_ptr_array_index (self->trial_ids, selected) : NULL);
}

static void
connect_trial_page_dispose (GObject *object)
{
  ConnectTrialPage *self = CONNECT_TRIAL_PAGE (object);

  /* AdwBin keeps a pointer to its child: let it go first, or the
   * template's disposal unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), CONNECT_TYPE_TRIAL_PAGE);

  g_clear_object (&self->feed);

  G_OBJECT_CLASS (connect_trial_page_parent_class)->dispose (object);
}

static void
connect_trial_page_finalize (GObject *object)
{
  ConnectTrialPage *self = CONNECT_TRIAL_PAGE (object);

  g_clear_pointer (&self->stats, connect_trial_stats_free);
  g_clear_pointer (&self->trial_ids, g_ptr_array_unref);
  g_clear_pointer (&self->drug_rows, g_ptr_array_unref);
  g_clear_pointer (&self->trial_url, g_free);

  G_OBJECT_CLASS (connect_trial_page_parent_class)->finalize (object);
}

static void
connect_trial_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ConnectTrialPage *self = CONNECT_TRIAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;
    case PROP_TRIAL:
      g_value_set_string (value, connect_trial_page_get_trial (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_trial_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ConnectTrialPage *self = CONNECT_TRIAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      connect_trial_page_set_feed (self, g_value_get_object (value));
      break;
    case PROP_TRIAL:
      connect_trial_page_set_trial (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A page not on screen costs nothing when the feed is replaced: it is
 * rebuilt when it is mapped, or when its trial is asked for. */
static void
connect_trial_page_ensure_built (ConnectTrialPage *self)
{
  if (self->built)
    return;
  self->built = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->trial_row, "notify::selected",
                           G_CALLBACK (trial_row_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
connect_trial_page_flush (ConnectTrialPage *self)
{
  g_autofree char *keep_id = NULL;

  if (!self->reload_pending)
    return;
  self->reload_pending = FALSE;

  connect_trial_page_ensure_built (self);
  if (self->stats != NULL)
    keep_id = g_strdup (connect_entity_get_id (CONNECT_ENTITY (self->stats->trial)));
  reload (self, keep_id);
}

static void
connect_trial_page_map (GtkWidget *widget)
{
  /* The widgets are made the first time the page is shown: a window
   * opens faster without the pages it does not show. */
  connect_trial_page_ensure_built (CONNECT_TRIAL_PAGE (widget));
  connect_trial_page_flush (CONNECT_TRIAL_PAGE (widget));

  GTK_WIDGET_CLASS (connect_trial_page_parent_class)->map (widget);
}

static void
connect_trial_page_class_init (ConnectTrialPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_trial_page_dispose;
  object_class->finalize = connect_trial_page_finalize;
  object_class->get_property = connect_trial_page_get_property;
  object_class->set_property = connect_trial_page_set_property;
  widget_class->map = connect_trial_page_map;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         CONNECT_TYPE_FEED,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TRIAL] =
    g_param_spec_string ("trial", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONNECT_TYPE_BAR_CHART);
  g_type_ensure (CONNECT_TYPE_LINE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-trial-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, selector_list);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, trial_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, funnel_chart);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, funnel_expander);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, history_chart);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, history_expander);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, status_bin);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, tumor_chart);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, tumor_expander);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, region_chart);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, region_expander);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, drugs_group);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, drugs_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, sponsor_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, registry_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, started_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, design_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, link_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectTrialPage, link_button);
  gtk_widget_class_bind_template_callback (widget_class, link_row_activated_cb);
}

static void
connect_trial_page_init (ConnectTrialPage *self)
{
  self->trial_ids = g_ptr_array_new_with_free_func (g_free);
  self->drug_rows = g_ptr_array_new ();
}

/**
 * connect_trial_page_new:
 *
 * Returns: (transfer floating): a trial page without data
 */
GtkWidget *
connect_trial_page_new (void)
{
  return g_object_new (CONNECT_TYPE_TRIAL_PAGE, NULL);
}

ConnectFeed *
connect_trial_page_get_feed (ConnectTrialPage *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL_PAGE (self), NULL);

  return self->feed;
}

void
connect_trial_page_set_feed (ConnectTrialPage *self,
                             ConnectFeed      *feed)
{
  g_autofree char *keep_id = NULL;

  g_return_if_fail (CONNECT_IS_TRIAL_PAGE (self));
  g_return_if_fail (feed == NULL || CONNECT_IS_FEED (feed));

  if (self->feed == feed)
    return;

  g_set_object (&self->feed, feed);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !self->built)
    {
      self->reload_pending = TRUE;
    }
  else
    {
      self->reload_pending = FALSE;
      if (self->stats != NULL)
        keep_id = g_strdup (connect_entity_get_id (CONNECT_ENTITY (self->stats->trial)));
      reload (self, keep_id);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

const char *
connect_trial_page_get_trial (ConnectTrialPage *self)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL_PAGE (self), NULL);

  connect_trial_page_flush (self);
  if (self->stats == NULL)
    return NULL;
  return connect_entity_get_id (CONNECT_ENTITY (self->stats->trial));
}

gboolean
connect_trial_page_set_trial (ConnectTrialPage *self,
                              const char       *trial_id)
{
  g_return_val_if_fail (CONNECT_IS_TRIAL_PAGE (self), FALSE);

  if (trial_id == NULL)
    return FALSE;

  connect_trial_page_flush (self);
  for (guint i = 0; i < self->trial_ids->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->trial_ids, i), trial_id))
        {
          if (g_strcmp0 (connect_trial_page_get_trial (self), trial_id) != 0)
            adw_combo_row_set_selected (self->trial_row, i);
          return TRUE;
        }
    }

  return FALSE;
}
