/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "connect-cohort-detail.h"
#include "connect-links.h"
#include "connect-ui-text.h"
#include "connect-watchlist.h"

struct _ConnectCohortDetail
{
  AdwBin           parent_instance;

  ConnectFeed     *feed;
  ConnectCohort   *cohort;
  GSettings       *settings;
  char            *registry_url;
  char            *contact;
  gboolean         syncing_watch;

  /* Template widgets */
  GtkStack        *stack;
  GtkButton       *back_button;
  GtkLabel        *toolbar_title;
  GtkToggleButton *watch_button;
  GtkButton       *registry_button;
  GtkScrolledWindow *scrolled_window;
  GtkLabel        *title_label;
  GtkLabel        *subtitle_label;
  GtkLabel        *status_label;
  GtkBox          *groups_box;
};

G_DEFINE_FINAL_TYPE (ConnectCohortDetail, connect_cohort_detail, ADW_TYPE_BIN)

/* Helpers */

static gboolean
looks_like_email (const char *text)
{
  const char *at;

  if (text == NULL)
    return FALSE;

  at = strchr (text, '@');
  return at != NULL && at != text && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && strpbrk (text, " \t\n<>,;:\"'()[]\\") == NULL &&
         at[1] != '.' && text[strlen (text) - 1] != '.';
}

/* The registry page of a trial: its NCT number on ClinicalTrials.gov, else
 * its own https:// address; NULL otherwise. */
static char *
trial_registry_url (ConnectTrial *trial)
{
  const char *nct;
  const char *url;

  if (trial == NULL)
    return NULL;

  nct = connect_trial_get_nct (trial);
  if (nct != NULL && g_str_has_prefix (nct, "NCT") && strlen (nct) == 11)
    {
      gboolean digits = TRUE;

      for (const char *p = nct + 3; *p != '\0'; p++)
        digits = digits && g_ascii_isdigit (*p);
      if (digits)
        return g_strdup_printf ("https://clinicaltrials.gov/study/%s", nct);
    }

  url = connect_trial_get_url (trial);
  if (connect_link_is_safe (url))
    return g_strdup (url);

  return NULL;
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  return group;
}

/* A row of plain text: feed text never goes through Pango markup. */
static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *shown_title = connect_ui_display_text (title);
  g_autofree char *shown_subtitle = connect_ui_display_text (subtitle);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown_title ? shown_title : "");
  if (shown_subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown_subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

static GtkWidget *
suffix_button (const char *icon_name,
               const char *tooltip,
               const char *action_name,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

static GtkWidget *
progress_suffix (gint64 value,
                 gint64 max)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (max, 1));
  g_autofree char *accessible = connect_ui_enrolled_accessible (value, max);

  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (value, 0, MAX (max, 1)));
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 96, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return bar;
}

static char *
of_text (gint64 value,
         gint64 max)
{
  if (value >= 0 && max > 0)
    /* Translators: progress of a stage: "5 of 8" */
    return g_strdup_printf (_("%d of %d"), (int) value, (int) max);
  if (value >= 0)
    return g_strdup_printf ("%d", (int) value);
  return g_strdup (_("Not given"));
}

/* Layout: the detail asks for at most this natural width, so that in a
 * wide window the table beside it gets the room. */
#define NATURAL_WIDTH 420

static void
connect_cohort_detail_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child == NULL)
    return;

  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, NATURAL_WIDTH));
}

static void
connect_cohort_detail_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* Sections */

static void
add_warnings (ConnectCohortDetail *self)
{
  g_autoptr(GPtrArray) warnings = NULL;
  GtkWidget *group;

  warnings = connect_feed_get_entity_warnings (self->feed, CONNECT_ENTITY (self->cohort));
  if (warnings == NULL || warnings->len == 0)
    return;

  group = new_group (_("Feed Warnings"),
                     _("The feed flags this cohort: some of what is shown may be incomplete."));
  gtk_widget_add_css_class (group, "feed-warnings");
  for (guint i = 0; i < warnings->len; i++)
    {
      const ConnectIssue *issue = g_ptr_array_index (warnings, i);
      GtkWidget *row = add_row (group, issue->message, issue->path);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_box_append (self->groups_box, group);
}

static void
add_cohort_section (ConnectCohortDetail *self)
{
  ConnectCohort *cohort = self->cohort;
  const char *code = connect_cohort_get_tumor_code (cohort);
  const char *description = connect_cohort_get_biomarker_description (cohort);
  const char *alteration = connect_enum_to_label (CONNECT_TYPE_ALTERATION,
                                                  connect_cohort_get_alteration (cohort));
  g_autofree char *biomarker = connect_ui_biomarker_label (cohort);
  g_autoptr(GString) tumor = g_string_new (connect_cohort_get_tumor_name (cohort));
  GtkWidget *group;

  group = new_group (_("Cohort"), NULL);

  if (code != NULL)
    /* Translators: a tumour's OncoTree code after its name */
    g_string_append_printf (tumor, _(" (OncoTree %s)"), code);
  if (connect_cohort_get_tumor_agnostic (cohort))
    g_string_append_printf (tumor, " — %s", _("any solid tumour"));
  add_row (group, _("Tumour"), tumor->str);

  if (alteration != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", biomarker, alteration);

      add_row (group, _("Biomarker"), text);
    }
  else
    {
      add_row (group, _("Biomarker"), biomarker);
    }

  if (description != NULL)
    add_row (group, _("About the Biomarker"), description);

  gtk_box_append (self->groups_box, group);
}

static void
add_drugs_section (ConnectCohortDetail *self)
{
  const char * const *drugs = connect_cohort_get_drugs (self->cohort);
  GtkWidget *group;
  guint n = drugs ? g_strv_length ((char **) drugs) : 0;

  group = new_group (ngettext ("Drug", "Drugs", n), NULL);

  for (guint i = 0; i < n; i++)
    {
      ConnectDrug *drug = connect_feed_lookup_drug (self->feed, drugs[i]);
      g_autofree char *label = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *supplier_id;
      const char * const *targets;

      if (drug == NULL)
        {
          add_row (group, drugs[i], _("Not described in the feed"));
          continue;
        }

      label = connect_ui_drug_label (drug);
      supplier_id = connect_drug_get_supplier (drug);
      if (supplier_id != NULL)
        {
          ConnectPartner *supplier = connect_feed_lookup_partner (self->feed, supplier_id);

          /* Translators: who supplies a drug: "Supplied by Novartis" */
          g_string_append_printf (subtitle, _("Supplied by %s"),
                                  supplier ? connect_partner_get_name (supplier) : supplier_id);
        }
      targets = connect_drug_get_targets (drug);
      if (targets != NULL && targets[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) targets);

          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* Translators: the genes a drug targets: "Targets BRAF, MEK1" */
          g_string_append_printf (subtitle, _("Targets %s"), joined);
        }
      if (connect_drug_get_atc (drug) != NULL)
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* Translators: a drug's ATC code */
          g_string_append_printf (subtitle, _("ATC %s"), connect_drug_get_atc (drug));
        }

      add_row (group, label, subtitle->len > 0 ? subtitle->str : NULL);
    }

  gtk_box_append (self->groups_box, group);
}

static void
add_progress_section (ConnectCohortDetail *self)
{
  ConnectCohort *cohort = self->cohort;
  ConnectTrial *trial = connect_feed_lookup_trial (self->feed, connect_cohort_get_trial (cohort));
  ConnectCohortStage stage = connect_cohort_get_stage (cohort);
  ConnectOutcome outcome = connect_cohort_get_outcome (cohort);
  gint64 enrolled = connect_cohort_get_enrolled (cohort);
  gint64 target = connect_cohort_get_target (cohort);
  gint64 evaluable = connect_cohort_get_evaluable (cohort);
  gint64 benefit = connect_cohort_get_with_benefit (cohort);
  gint64 stage1 = 8;
  gint64 stage2 = 24;
  gint64 stage1_min = 1;
  gint64 expansion_min = 5;
  gint64 week = 16;
  g_autofree char *status = connect_ui_status_label (cohort);
  GtkWidget *group;
  GtkWidget *row;

  if (trial != NULL && connect_trial_has_design (trial))
    {
      if (connect_trial_get_stage1_patients (trial) > 0)
        stage1 = connect_trial_get_stage1_patients (trial);
      if (connect_trial_get_stage2_patients (trial) > 0)
        stage2 = connect_trial_get_stage2_patients (trial);
      if (connect_trial_get_stage1_min_benefit (trial) >= 0)
        stage1_min = connect_trial_get_stage1_min_benefit (trial);
      if (connect_trial_get_expansion_min_benefit (trial) >= 0)
        expansion_min = connect_trial_get_expansion_min_benefit (trial);
      if (connect_trial_get_evaluation_week (trial) > 0)
        week = connect_trial_get_evaluation_week (trial);
    }

  group = new_group (_("Status and Progress"), NULL);

  row = add_row (group, _("Status"), status);
  if (connect_cohort_get_status (cohort) == CONNECT_COHORT_STATUS_CLOSED &&
      outcome == CONNECT_OUTCOME_NONE)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Closed — outcome not given"));

  switch (stage)
    {
    case CONNECT_COHORT_STAGE_ONE:
      {
        gint64 max = target > 0 ? target : stage1;
        g_autofree char *one = of_text (enrolled, max);

        row = add_row (group, _("Stage 1"), one);
        if (enrolled >= 0)
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), progress_suffix (enrolled, max));
        add_row (group, _("Stage 2"), _("Not reached"));
      }
      break;
    case CONNECT_COHORT_STAGE_TWO:
    case CONNECT_COHORT_STAGE_EXPANSION:
      {
        g_autofree char *one = of_text (stage1, stage1);
        g_autofree char *two = NULL;
        gint64 max = stage == CONNECT_COHORT_STAGE_TWO && target > 0 ? target : stage2;

        row = add_row (group, _("Stage 1"), one);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), progress_suffix (stage1, stage1));
        if (stage == CONNECT_COHORT_STAGE_TWO)
          {
            two = of_text (enrolled, max);
            row = add_row (group, _("Stage 2"), two);
            if (enrolled >= 0)
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), progress_suffix (enrolled, max));
          }
        else
          {
            g_autofree char *expansion = of_text (enrolled, target);

            two = of_text (stage2, stage2);
            row = add_row (group, _("Stage 2"), two);
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), progress_suffix (stage2, stage2));
            row = add_row (group, _("Expansion"), expansion);
            if (enrolled >= 0 && target > 0)
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), progress_suffix (enrolled, target));
          }
      }
      break;
    case CONNECT_COHORT_STAGE_NONE:
    case CONNECT_COHORT_STAGE_UNKNOWN:
    default:
      {
        g_autofree char *text = of_text (enrolled, target);

        row = add_row (group, _("Enrolled"), text);
        if (enrolled >= 0 && target > 0)
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), progress_suffix (enrolled, target));
      }
      break;
    }

  {
    g_autofree char *text = NULL;
    g_autofree char *rule = NULL;

    if (benefit < 0)
      text = g_strdup (_("Not disclosed"));
    else if (evaluable >= 0)
      /* Translators: patients with benefit: "2 of 8 evaluable patients" */
      text = g_strdup_printf (ngettext ("%d of %d evaluable patient", "%d of %d evaluable patients", (int) evaluable),
                              (int) benefit, (int) evaluable);
    else
      text = g_strdup_printf (ngettext ("%d patient", "%d patients", (int) benefit), (int) benefit);

    /* Translators: the two-stage rule; numbers from the trial design */
    rule = g_strdup_printf (_("Disease control at week %d. Stage 1 expands with at least %d of %d; expansion needs at least %d of %d."),
                            (int) week, (int) stage1_min, (int) stage1, (int) expansion_min, (int) stage2);
    row = add_row (group, _("Benefit"), text);
    gtk_widget_set_tooltip_text (row, rule);
    if (evaluable >= 0)
      {
        g_autofree char *count = g_strdup_printf ("%d", (int) evaluable);

        add_row (group, _("Evaluable Patients"), count);
      }
  }

  gtk_box_append (self->groups_box, group);
}

static void
add_trial_section (ConnectCohortDetail *self)
{
  const char *trial_id = connect_cohort_get_trial (self->cohort);
  ConnectTrial *trial = connect_feed_lookup_trial (self->feed, trial_id);
  GtkWidget *group = new_group (_("Trial"), NULL);
  GtkWidget *row;

  if (trial == NULL)
    {
      add_row (group, trial_id, _("Not described in the feed"));
      gtk_box_append (self->groups_box, group);
      return;
    }

  add_row (group, connect_trial_get_name (trial), connect_trial_get_title (trial));

  if (connect_trial_get_nct (trial) != NULL)
    {
      row = add_row (group, _("ClinicalTrials.gov"), connect_trial_get_nct (trial));
      if (self->registry_url != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   suffix_button ("web-browser-symbolic", _("Open registry page"),
                                                  "detail.open-registry", NULL));
    }
  if (connect_trial_get_eudract (trial) != NULL)
    add_row (group, _("EudraCT"), connect_trial_get_eudract (trial));

  if (connect_trial_get_sponsor (trial) != NULL)
    {
      ConnectPartner *sponsor = connect_feed_lookup_partner (self->feed, connect_trial_get_sponsor (trial));

      add_row (group, _("Sponsor"),
               sponsor ? connect_partner_get_name (sponsor) : connect_trial_get_sponsor (trial));
    }

  if (connect_trial_get_status (trial) != CONNECT_TRIAL_STATUS_NONE)
    add_row (group, _("Trial Status"),
             connect_enum_to_label (CONNECT_TYPE_TRIAL_STATUS, connect_trial_get_status (trial)));

  gtk_box_append (self->groups_box, group);
}

static void
add_sites_section (ConnectCohortDetail *self)
{
  const char * const *sites = connect_cohort_get_sites (self->cohort);
  guint n = sites ? g_strv_length ((char **) sites) : 0;
  GtkWidget *group;

  group = new_group (ngettext ("Participating Site", "Participating Sites", n),
                     n == 0 ? _("The feed names no site for this cohort.") : NULL);

  for (guint i = 0; i < n; i++)
    {
      ConnectSite *site = connect_feed_lookup_site (self->feed, sites[i]);
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *subtitle = NULL;
      const char *region;
      GtkWidget *row;
      int recruiting;

      if (site == NULL)
        {
          add_row (group, sites[i], _("Not described in the feed"));
          continue;
        }

      if (connect_site_get_city (site) != NULL)
        g_ptr_array_add (parts, (gpointer) connect_site_get_city (site));
      region = connect_enum_to_label (CONNECT_TYPE_REGION, connect_site_get_region (site));
      if (region != NULL)
        g_ptr_array_add (parts, (gpointer) region);
      recruiting = connect_site_get_recruiting (site);
      if (recruiting == 1)
        g_ptr_array_add (parts, (gpointer) _("Recruiting"));
      else if (recruiting == 0)
        g_ptr_array_add (parts, (gpointer) _("Not recruiting"));
      g_ptr_array_add (parts, NULL);

      subtitle = g_strjoinv (" · ", (char **) parts->pdata);
      row = add_row (group, connect_site_get_name (site), subtitle[0] ? subtitle : NULL);

      if (recruiting == 1)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

          gtk_widget_add_css_class (icon, "success");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recruiting"),
                                          -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
    }

  gtk_box_append (self->groups_box, group);
}

static void
add_contact_section (ConnectCohortDetail *self)
{
  const char *contact = connect_cohort_get_contact (self->cohort);
  GtkWidget *group;
  GtkWidget *row;

  if (contact == NULL)
    return;

  group = new_group (_("Contact"), NULL);
  row = add_row (group, contact, NULL);
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);

  if (looks_like_email (contact))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               suffix_button ("mail-send-symbolic", _("Write an e-mail"),
                                              "detail.mail-contact", NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             suffix_button ("edit-copy-symbolic", _("Copy contact"),
                                            "detail.copy-contact", NULL));

  gtk_box_append (self->groups_box, group);
}

static void
add_date_row (GtkWidget   *group,
              const char  *title,
              const GDate *date,
              gboolean    *any)
{
  g_autofree char *text = connect_ui_format_date (date);

  if (text == NULL)
    return;

  add_row (group, title, text);
  *any = TRUE;
}

static void
add_dates_section (ConnectCohortDetail *self)
{
  GtkWidget *group = new_group (_("Dates"), NULL);
  GDateTime *updated = connect_cohort_get_updated (self->cohort);
  gboolean any = FALSE;

  add_date_row (group, _("Opened"), connect_cohort_get_opened (self->cohort), &any);
  add_date_row (group, _("Status Changed"), connect_cohort_get_status_changed (self->cohort), &any);
  add_date_row (group, _("Closed"), connect_cohort_get_closed (self->cohort), &any);

  if (updated != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (updated);
      /* Translators: date and time a cohort was last updated */
      g_autofree char *text = g_date_time_format (local, _("%e %B %Y, %H:%M"));

      add_row (group, _("Last Updated"), g_strstrip (text));
      any = TRUE;
    }

  if (any)
    gtk_box_append (self->groups_box, group);
  else
    g_object_unref (g_object_ref_sink (group));
}

static void
add_history_section (ConnectCohortDetail *self)
{
  GPtrArray *events;
  GtkWidget *group;

  events = connect_feed_get_cohort_events (self->feed,
                                           connect_entity_get_id (CONNECT_ENTITY (self->cohort)));
  if (events == NULL || events->len == 0)
    return;

  group = new_group (_("Status History"), NULL);

  /* Newest first */
  for (guint i = events->len; i > 0; i--)
    {
      ConnectEvent *event = g_ptr_array_index (events, i - 1);
      const char *to = connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS, connect_event_get_to (event));
      const char *from = connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS, connect_event_get_from (event));
      const char *stage = connect_enum_to_label (CONNECT_TYPE_COHORT_STAGE, connect_event_get_stage (event));
      g_autoptr(GDateTime) at = g_date_time_to_local (connect_event_get_at (event));
      /* Translators: date of a status change */
      g_autofree char *when = g_date_time_format (at, _("%e %B %Y"));
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (g_strstrip (when));

      if (from != NULL)
        /* Translators: a status change: "Planned → Open" */
        title = g_strdup_printf (_("%s → %s"), from, to ? to : _("Unknown"));
      else
        title = g_strdup (to ? to : _("Unknown"));

      if (stage != NULL)
        g_string_append_printf (subtitle, " · %s", stage);
      if (connect_event_get_reason (event) != NULL)
        g_string_append_printf (subtitle, " · %s", connect_event_get_reason (event));

      add_row (group, title, subtitle->str);
    }

  gtk_box_append (self->groups_box, group);
}

static void
add_notes_section (ConnectCohortDetail *self)
{
  const char *notes = connect_cohort_get_notes (self->cohort);
  g_autofree char *shown = NULL;
  GtkWidget *group;
  GtkWidget *label;
  gboolean cut;

  if (notes == NULL || notes[0] == '\0')
    return;

  /* A megabyte of notes would take GTK seconds to lay out. */
  shown = connect_ui_display_text_max (notes, CONNECT_UI_NOTES_MAX_CHARS, &cut);
  group = new_group (_("Notes"),
                     cut ? _("Only the beginning of the notes is shown: they are too long to show whole.") : NULL);
  label = gtk_label_new (shown);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "card");
  gtk_widget_add_css_class (label, "notes");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);

  gtk_box_append (self->groups_box, group);
}

static void
connect_cohort_detail_sync_watch (ConnectCohortDetail *self)
{
  gboolean watched = FALSE;

  if (self->cohort != NULL)
    watched = connect_watchlist_contains (self->settings,
                                          connect_entity_get_id (CONNECT_ENTITY (self->cohort)));

  self->syncing_watch = TRUE;
  gtk_toggle_button_set_active (self->watch_button, watched);
  self->syncing_watch = FALSE;
  gtk_button_set_icon_name (GTK_BUTTON (self->watch_button),
                            watched ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->watch_button),
                               watched ? _("Stop Watching") : _("Watch: get a notification when its status or stage changes"));
}

static void
connect_cohort_detail_rebuild (ConnectCohortDetail *self)
{
  GtkWidget *child;
  g_autofree char *biomarker = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  const char *classes[3] = { "status-pill", NULL, NULL };
  ConnectTrial *trial;
  const char *name;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  g_clear_pointer (&self->registry_url, g_free);
  g_clear_pointer (&self->contact, g_free);

  if (self->cohort == NULL || self->feed == NULL)
    {
      /* Without a feed (it is being read), nothing to say yet. */
      gtk_stack_set_visible_child_name (self->stack, self->feed != NULL ? "empty" : "no-feed");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-summary", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.open-registry", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-contact", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.mail-contact", FALSE);
      return;
    }

  trial = connect_feed_lookup_trial (self->feed, connect_cohort_get_trial (self->cohort));
  self->registry_url = trial_registry_url (trial);
  self->contact = g_strdup (connect_cohort_get_contact (self->cohort));

  biomarker = connect_ui_biomarker_label (self->cohort);
  name = connect_cohort_get_name (self->cohort);
  if (name != NULL)
    title = connect_ui_display_text (name);
  else
    {
      /* Translators: a cohort's heading: "BRAF V600E — Colorectal cancer" */
      g_autofree char *full = g_strdup_printf (_("%s — %s"), biomarker,
                                               connect_cohort_get_tumor_name (self->cohort));

      title = connect_ui_display_text (full);
    }
  gtk_label_set_text (self->title_label, title);

  /* Translators: under a cohort's heading: "IMP-001 · IMPRESS-Norway" */
  subtitle = g_strdup_printf (_("%s · %s"),
                              connect_entity_get_id (CONNECT_ENTITY (self->cohort)),
                              trial ? connect_trial_get_name (trial) : connect_cohort_get_trial (self->cohort));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->toolbar_title, connect_entity_get_id (CONNECT_ENTITY (self->cohort)));

  status = connect_ui_status_label (self->cohort);
  classes[1] = connect_ui_status_css_class (connect_cohort_get_status (self->cohort));
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label), classes);

  add_warnings (self);
  add_cohort_section (self);
  add_drugs_section (self);
  add_progress_section (self);
  add_sites_section (self);
  add_contact_section (self);
  add_trial_section (self);
  add_dates_section (self);
  add_history_section (self);
  add_notes_section (self);

  gtk_widget_set_visible (GTK_WIDGET (self->registry_button), self->registry_url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-summary", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.open-registry", self->registry_url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.copy-contact", self->contact != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.mail-contact", looks_like_email (self->contact));

  connect_cohort_detail_sync_watch (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->stack, "cohort");
}

/* Callbacks */

static void
watch_toggled_cb (ConnectCohortDetail *self)
{
  if (self->syncing_watch || self->cohort == NULL)
    return;

  connect_watchlist_set (self->settings,
                         connect_entity_get_id (CONNECT_ENTITY (self->cohort)),
                         gtk_toggle_button_get_active (self->watch_button));
}

static void
settings_changed_cb (ConnectCohortDetail *self,
                     const char          *key)
{
  if (g_strcmp0 (key, CONNECT_WATCHLIST_KEY) == 0)
    connect_cohort_detail_sync_watch (self);
}

static void
copy_text (GtkWidget  *widget,
           const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
show_toast (GtkWidget  *widget,
            const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConnectCohortDetail *self = CONNECT_COHORT_DETAIL (widget);
  g_autofree char *summary = NULL;

  if (self->cohort == NULL)
    return;

  summary = connect_cohort_detail_build_summary (self->feed, self->cohort);
  copy_text (widget, summary);
  show_toast (widget, _("Summary copied"));
}

static void
copy_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConnectCohortDetail *self = CONNECT_COHORT_DETAIL (widget);

  if (self->contact == NULL)
    return;

  copy_text (widget, self->contact);
  show_toast (widget, _("Contact copied"));
}

static void
mail_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConnectCohortDetail *self = CONNECT_COHORT_DETAIL (widget);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  if (!looks_like_email (self->contact))
    return;

  escaped = g_uri_escape_string (self->contact, "@", FALSE);
  uri = g_strconcat ("mailto:", escaped, NULL);
  if (!connect_link_is_safe (uri))
    return;
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

static void
open_registry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ConnectCohortDetail *self = CONNECT_COHORT_DETAIL (widget);

  /* Only ever hand https: links to the browser. */
  if (!connect_link_is_safe (self->registry_url))
    return;

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), self->registry_url, GDK_CURRENT_TIME);
}

static void
toggle_watch_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ConnectCohortDetail *self = CONNECT_COHORT_DETAIL (widget);

  if (self->cohort != NULL)
    gtk_toggle_button_set_active (self->watch_button,
                                  !gtk_toggle_button_get_active (self->watch_button));
}

/* GObject */

static void
connect_cohort_detail_dispose (GObject *object)
{
  ConnectCohortDetail *self = CONNECT_COHORT_DETAIL (object);

  /* AdwBin keeps a pointer to its child: let it go first, or the
   * template's disposal unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONNECT_TYPE_COHORT_DETAIL);

  g_clear_object (&self->cohort);
  g_clear_object (&self->feed);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (connect_cohort_detail_parent_class)->dispose (object);
}

static void
connect_cohort_detail_finalize (GObject *object)
{
  ConnectCohortDetail *self = CONNECT_COHORT_DETAIL (object);

  g_clear_pointer (&self->registry_url, g_free);
  g_clear_pointer (&self->contact, g_free);

  G_OBJECT_CLASS (connect_cohort_detail_parent_class)->finalize (object);
}

static void
connect_cohort_detail_class_init (ConnectCohortDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_cohort_detail_dispose;
  object_class->finalize = connect_cohort_detail_finalize;
  widget_class->measure = connect_cohort_detail_measure;
  widget_class->size_allocate = connect_cohort_detail_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-cohort-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortDetail, toolbar_title);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortDetail, watch_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortDetail, registry_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortDetail, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, watch_toggled_cb);

  gtk_widget_class_install_action (widget_class, "detail.copy-summary", NULL, copy_summary_action);
  gtk_widget_class_install_action (widget_class, "detail.copy-contact", NULL, copy_contact_action);
  gtk_widget_class_install_action (widget_class, "detail.mail-contact", NULL, mail_contact_action);
  gtk_widget_class_install_action (widget_class, "detail.open-registry", NULL, open_registry_action);
  gtk_widget_class_install_action (widget_class, "detail.toggle-watch", NULL, toggle_watch_action);

}

static void
connect_cohort_detail_init (ConnectCohortDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->settings = g_settings_new (BASE_APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);

  connect_cohort_detail_rebuild (self);
}

/* Public API */

GtkWidget *
connect_cohort_detail_new (void)
{
  return g_object_new (CONNECT_TYPE_COHORT_DETAIL, NULL);
}

/**
 * connect_cohort_detail_get_cohort:
 * @self: a detail
 *
 * Returns: (transfer none) (nullable): the cohort shown
 */
ConnectCohort *
connect_cohort_detail_get_cohort (ConnectCohortDetail *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORT_DETAIL (self), NULL);

  return self->cohort;
}

/**
 * connect_cohort_detail_set_cohort:
 * @self: a detail
 * @feed: (nullable): the feed @cohort belongs to
 * @cohort: (nullable): the cohort to show
 *
 * Shows @cohort, or the empty state for %NULL.
 */
void
connect_cohort_detail_set_cohort (ConnectCohortDetail *self,
                                  ConnectFeed         *feed,
                                  ConnectCohort       *cohort)
{
  g_return_if_fail (CONNECT_IS_COHORT_DETAIL (self));
  g_return_if_fail (feed == NULL || CONNECT_IS_FEED (feed));
  g_return_if_fail (cohort == NULL || CONNECT_IS_COHORT (cohort));

  if (self->feed == feed && self->cohort == cohort)
    return;

  g_set_object (&self->feed, feed);
  g_set_object (&self->cohort, cohort);
  connect_cohort_detail_rebuild (self);
}

void
connect_cohort_detail_set_folded (ConnectCohortDetail *self,
                                  gboolean             folded)
{
  g_return_if_fail (CONNECT_IS_COHORT_DETAIL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
}

void
connect_cohort_detail_focus (ConnectCohortDetail *self)
{
  g_return_if_fail (CONNECT_IS_COHORT_DETAIL (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->back_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->watch_button));
}

/**
 * connect_cohort_detail_build_summary:
 * @feed: the feed
 * @cohort: a cohort of @feed
 *
 * Builds a plain-text summary of @cohort for a referral: what it is, the
 * trial and its registry page, the drugs, the status with enrolment, the
 * sites, the contact and the date of the data.
 *
 * Returns: (transfer full): the text
 */
char *
connect_cohort_detail_build_summary (ConnectFeed   *feed,
                                     ConnectCohort *cohort)
{
  GString *str;
  ConnectTrial *trial;
  g_autofree char *biomarker = NULL;
  g_autofree char *drugs = NULL;
  g_autofree char *status = NULL;
  g_autofree char *registry = NULL;
  g_autofree char *generated = NULL;
  const char * const *sites;
  gint64 left;

  g_return_val_if_fail (CONNECT_IS_FEED (feed), NULL);
  g_return_val_if_fail (CONNECT_IS_COHORT (cohort), NULL);

  str = g_string_new (NULL);
  trial = connect_feed_lookup_trial (feed, connect_cohort_get_trial (cohort));
  biomarker = connect_ui_biomarker_label (cohort);
  drugs = connect_ui_cohort_drugs_label (feed, cohort);
  status = connect_ui_status_label (cohort);
  registry = trial_registry_url (trial);

  /* Translators: first line of a referral summary: "Cohort IMP-001: Colorectal cancer, BRAF V600E" */
  g_string_append_printf (str, _("Cohort %s: %s, %s"),
                          connect_entity_get_id (CONNECT_ENTITY (cohort)),
                          connect_cohort_get_tumor_name (cohort), biomarker);
  g_string_append_c (str, '\n');

  if (trial != NULL)
    {
      g_string_append_printf (str, _("Trial: %s"), connect_trial_get_name (trial));
      if (connect_trial_get_nct (trial) != NULL)
        g_string_append_printf (str, " (%s)", connect_trial_get_nct (trial));
      g_string_append_c (str, '\n');
    }
  if (registry != NULL)
    {
      g_string_append_printf (str, _("Registry: %s"), registry);
      g_string_append_c (str, '\n');
    }

  g_string_append_printf (str, _("Drugs: %s"), drugs);
  g_string_append_c (str, '\n');

  g_string_append_printf (str, _("Status: %s"), status);
  left = connect_ui_cohort_slots_left (cohort);
  if (connect_cohort_get_enrolled (cohort) >= 0 && connect_cohort_get_target (cohort) > 0)
    {
      g_autofree char *enrolled = connect_ui_enrolled_accessible (connect_cohort_get_enrolled (cohort),
                                                                  connect_cohort_get_target (cohort));

      g_string_append_printf (str, ", %s", enrolled);
    }
  if (left >= 0)
    {
      g_string_append (str, ", ");
      g_string_append_printf (str, ngettext ("%d slot left", "%d slots left", (int) left), (int) left);
    }
  g_string_append_c (str, '\n');

  sites = connect_cohort_get_sites (cohort);
  if (sites != NULL && sites[0] != NULL)
    {
      g_string_append (str, _("Sites:"));
      g_string_append_c (str, '\n');
      for (guint i = 0; sites[i] != NULL; i++)
        {
          ConnectSite *site = connect_feed_lookup_site (feed, sites[i]);

          g_string_append (str, "  - ");
          if (site == NULL)
            {
              g_string_append (str, sites[i]);
            }
          else
            {
              g_string_append (str, connect_site_get_name (site));
              if (connect_site_get_city (site) != NULL)
                g_string_append_printf (str, ", %s", connect_site_get_city (site));
              if (connect_site_get_recruiting (site) == 1)
                g_string_append_printf (str, " (%s)", _("recruiting"));
              else if (connect_site_get_recruiting (site) == 0)
                g_string_append_printf (str, " (%s)", _("not recruiting"));
            }
          g_string_append_c (str, '\n');
        }
    }

  if (connect_cohort_get_contact (cohort) != NULL)
    {
      g_string_append_printf (str, _("Contact: %s"), connect_cohort_get_contact (cohort));
      g_string_append_c (str, '\n');
    }

  /* Translators: date of the feed in a referral summary */
  generated = g_date_time_format (connect_feed_get_generated_at (feed), _("%e %B %Y"));
  /* Translators: last line of a referral summary */
  g_string_append_printf (str, _("Source: CONNECT cohort feed of %s"), g_strstrip (generated));
  g_string_append_c (str, '\n');

  return g_string_free (str, FALSE);
}
