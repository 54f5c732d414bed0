/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-chart-scale.h"
#include "connect-export.h"
#include "connect-links.h"
#include "connect-partner-stats.h"
#include "connect-partners-page.h"

struct _ConnectPartnersPage
{
  AdwBin               parent_instance;

  ConnectFeed         *feed;
  ConnectPartnerStats *stats;        /* the partner in the detail, or NULL */
  GPtrArray           *list_groups;  /* groups added to groups_box */
  GHashTable          *detail_rows;  /* group → GPtrArray of its rows */
  char                *website;      /* https only, or NULL */
  gboolean             reload_pending; /* a feed came while not on screen */
  gboolean             built;          /* the template's widgets exist */

  /* Template widgets */
  GtkStack            *stack;
  AdwLeaflet          *leaflet;
  GtkBox              *groups_box;
  GtkWidget           *detail_pane;
  GtkWidget           *toolbar;
  GtkLabel            *toolbar_title;
  GtkStack            *detail_stack;
  GtkScrolledWindow   *detail_scroller;
  GtkLabel            *name_label;
  GtkLabel            *kind_label;
  GtkLabel            *summary_label;
  GtkLabel            *slots_label;
  GtkLabel            *sites_label;
  GtkLabel            *sponsor_label;
  AdwActionRow        *membership_row;
  AdwActionRow        *joined_row;
  AdwActionRow        *website_row;
  GtkWidget           *website_button;
  AdwPreferencesGroup *drugs_group;
  AdwPreferencesGroup *commitments_group;
  AdwPreferencesGroup *cohorts_group;
  AdwPreferencesGroup *sites_group;
};

G_DEFINE_FINAL_TYPE (ConnectPartnersPage, connect_partners_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
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

static gboolean
is_https (const char *url)
{
  return connect_link_is_safe (url);
}

static const char *
kind_label (ConnectPartnerKind kind)
{
  const char *label = connect_enum_to_label (CONNECT_TYPE_PARTNER_KIND, kind);

  return label ? label : _("Kind not given");
}

static const char *
membership_label (ConnectMembership membership)
{
  const char *label = connect_enum_to_label (CONNECT_TYPE_MEMBERSHIP, membership);

  return label ? label : _("Membership not given");
}

/* "Member · joined 1 December 2020" */
static char *
partner_subtitle (ConnectPartner *partner)
{
  g_autofree char *joined = format_date (connect_partner_get_joined (partner));
  const char *membership = membership_label (connect_partner_get_membership (partner));

  if (joined != NULL)
    /* Translators: a partner's membership and when it joined: "Member · joined 1 December 2020" */
    return g_strdup_printf (_("%s · joined %s"), membership, joined);
  return g_strdup (membership);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Feed text is plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
detail_group_add (ConnectPartnersPage *self,
                  AdwPreferencesGroup *group,
                  GtkWidget           *row)
{
  GPtrArray *rows = g_hash_table_lookup (self->detail_rows, group);

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_hash_table_insert (self->detail_rows, group, rows);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

static void
detail_group_clear (ConnectPartnersPage *self,
                    AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_hash_table_lookup (self->detail_rows, group);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  if (rows != NULL)
    g_ptr_array_set_size (rows, 0);
}

static char *
drug_title (ConnectDrug *drug)
{
  const char * const *brands = connect_drug_get_brands (drug);

  if (brands != NULL && brands[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) brands);

      return g_strdup_printf ("%s (%s)", connect_drug_get_name (drug), joined);
    }
  return g_strdup (connect_drug_get_name (drug));
}

static void
show_detail_drugs (ConnectPartnersPage *self)
{
  ConnectPartnerStats *stats = self->stats;

  detail_group_clear (self, self->drugs_group);
  for (guint i = 0; i < stats->drugs->len; i++)
    {
      ConnectDrug *drug = g_ptr_array_index (stats->drugs, i);
      g_autofree char *title = drug_title (drug);
      const char * const *genes = connect_drug_get_targets (drug);
      g_autofree char *targets = NULL;

      if (genes != NULL && genes[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) genes);

          /* Translators: the genes a drug targets: "Targets BRAF, MEK1" */
          targets = g_strdup_printf (_("Targets %s"), joined);
        }
      detail_group_add (self, self->drugs_group, new_row (title, targets));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->drugs_group), stats->drugs->len > 0);
}

static void
show_detail_commitments (ConnectPartnersPage *self)
{
  ConnectPartnerStats *stats = self->stats;

  detail_group_clear (self, self->commitments_group);
  for (guint i = 0; i < stats->commitments->len; i++)
    {
      ConnectCommitment *commitment = g_ptr_array_index (stats->commitments, i);
      ConnectDrug *drug = connect_feed_lookup_drug (self->feed, connect_commitment_get_drug (commitment));
      ConnectTrial *trial = connect_feed_lookup_trial (self->feed, connect_commitment_get_trial (commitment));
      const char *state = connect_enum_to_label (CONNECT_TYPE_COMMITMENT_STATE,
                                                 connect_commitment_get_state (commitment));
      g_autofree char *title = NULL;
      g_autofree char *slots = NULL;
      g_autofree char *used = NULL;
      g_autofree char *reserved = NULL;
      g_autofree char *subtitle = NULL;
      gint64 n_used = MAX (connect_commitment_get_used (commitment), 0);
      gint64 n_slots = connect_commitment_get_slots (commitment);

      /* Translators: a commitment's drug and trial: "vemurafenib · IMPRESS-Norway" */
      title = g_strdup_printf (_("%s · %s"),
                               drug ? connect_drug_get_name (drug) : connect_commitment_get_drug (commitment),
                               trial ? connect_trial_get_name (trial) : connect_commitment_get_trial (commitment));
      slots = connect_format_count (n_slots);
      used = connect_format_count (n_used);
      reserved = connect_format_count (MAX (connect_commitment_get_reserved (commitment), 0));
      /* Translators: "14 of 24 slots used, 2 reserved · Active" */
      subtitle = g_strdup_printf (ngettext ("%s of %s slot used, %s reserved · %s",
                                            "%s of %s slots used, %s reserved · %s",
                                            (gulong) MIN (MAX (n_slots, 0), G_MAXUINT32)),
                                  used, slots, reserved, state ? state : _("state not given"));
      detail_group_add (self, self->commitments_group, new_row (title, subtitle));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->commitments_group), stats->commitments->len > 0);
}

static void
show_detail_cohorts (ConnectPartnersPage *self)
{
  ConnectPartnerStats *stats = self->stats;

  detail_group_clear (self, self->cohorts_group);
  for (guint i = 0; i < stats->cohorts->len; i++)
    {
      ConnectCohort *cohort = g_ptr_array_index (stats->cohorts, i);
      const char *id = connect_entity_get_id (CONNECT_ENTITY (cohort));
      const char *name = connect_cohort_get_name (cohort);
      const char *status = connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS, connect_cohort_get_status (cohort));
      const char *stage = connect_enum_to_label (CONNECT_TYPE_COHORT_STAGE, connect_cohort_get_stage (cohort));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a cohort's id and name: "IMP-001 · Colorectal cancer, BRAF V600E" */
      title = name ? g_strdup_printf (_("%s · %s"), id, name) : g_strdup (id);
      if (status != NULL && stage != NULL)
        subtitle = g_strdup_printf (_("%s · %s"), status, stage);
      else
        subtitle = g_strdup (status ? status : _("Status not given"));
      detail_group_add (self, self->cohorts_group, new_row (title, subtitle));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cohorts_group), stats->cohorts->len > 0);
}

static void
show_detail_sites (ConnectPartnersPage *self)
{
  ConnectPartnerStats *stats = self->stats;

  detail_group_clear (self, self->sites_group);
  for (guint i = 0; i < stats->sites->len; i++)
    {
      ConnectSite *site = g_ptr_array_index (stats->sites, i);
      const char *city = connect_site_get_city (site);
      const char *region = connect_enum_to_label (CONNECT_TYPE_REGION, connect_site_get_region (site));
      g_autofree char *subtitle = NULL;

      if (city != NULL && region != NULL)
        subtitle = g_strdup_printf (_("%s · %s"), city, region);
      else if (city != NULL || region != NULL)
        subtitle = g_strdup (city ? city : region);
      detail_group_add (self, self->sites_group, new_row (connect_site_get_name (site), subtitle));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sites_group), stats->sites->len > 0);
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
show_detail (ConnectPartnersPage *self,
             const char          *partner_id)
{
  ConnectPartner *partner;
  const char *url;
  const char *country;
  g_autofree char *kind = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *slots = NULL;
  g_autofree char *sites = NULL;
  g_autofree char *sponsor = NULL;

  g_clear_pointer (&self->stats, connect_partner_stats_free);
  if (self->feed != NULL && partner_id != NULL)
    self->stats = connect_partner_stats_new (self->feed, partner_id);

  if (self->stats == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      gtk_label_set_text (self->toolbar_title, "");
      return;
    }

  partner = self->stats->partner;
  gtk_label_set_text (self->name_label, connect_partner_get_name (partner));
  gtk_label_set_text (self->toolbar_title, connect_partner_get_name (partner));

  country = connect_partner_get_country (partner);
  if (country != NULL)
    kind = g_strdup_printf (_("%s · %s"), kind_label (connect_partner_get_kind (partner)), country);
  else
    kind = g_strdup (kind_label (connect_partner_get_kind (partner)));
  gtk_label_set_text (self->kind_label, kind);

  summary = connect_partner_stats_format_cohorts (self->stats);
  set_optional_label (self->summary_label, summary);
  slots = connect_partner_stats_format_slots (self->stats);
  set_optional_label (self->slots_label, slots);
  sites = connect_partner_stats_format_sites (self->stats);
  set_optional_label (self->sites_label, sites);
  sponsor = connect_partner_stats_format_sponsor (self->stats);
  set_optional_label (self->sponsor_label, sponsor);

  adw_action_row_set_subtitle (self->membership_row,
                               membership_label (connect_partner_get_membership (partner)));
  joined = format_date (connect_partner_get_joined (partner));
  adw_action_row_set_subtitle (self->joined_row, joined ? joined : _("Not given"));

  /* Only https: links are opened; others are shown as text. */
  url = connect_partner_get_url (partner);
  g_clear_pointer (&self->website, g_free);
  if (is_https (url))
    self->website = g_strdup (url);
  if (url == NULL)
    adw_action_row_set_subtitle (self->website_row, _("Not given"));
  else if (self->website != NULL)
    adw_action_row_set_subtitle (self->website_row, url);
  else
    {
      /* Translators: a website address that is not opened */
      g_autofree char *text = g_strdup_printf (_("%s — not opened: not a secure https: link"), url);

      adw_action_row_set_subtitle (self->website_row, text);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->website_row), self->website != NULL);
  gtk_widget_set_visible (self->website_button, self->website != NULL);

  show_detail_drugs (self);
  show_detail_commitments (self);
  show_detail_cohorts (self);
  show_detail_sites (self);

  gtk_stack_set_visible_child_name (self->detail_stack, "partner");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
}

static void
partner_button_clicked_cb (ConnectPartnersPage *self,
                           GtkButton           *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "partner-id");

  connect_partners_page_show_partner (self, id);
}

static void
rebuild_list (ConnectPartnersPage *self)
{
  g_autoptr(GPtrArray) partners = NULL;
  AdwPreferencesGroup *group = NULL;
  int group_kind = -1;

  for (guint i = 0; i < self->list_groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->list_groups, i));
  g_ptr_array_set_size (self->list_groups, 0);

  if (self->feed == NULL)
    {
      connect_export_set_rows (GTK_WIDGET (self), CONNECT_ENTITY_KIND_PARTNER, NULL, NULL);
      return;
    }

  partners = connect_partners_sorted_by_kind (self->feed);
  {
    g_autoptr(GListStore) shown = g_list_store_new (CONNECT_TYPE_PARTNER);

    /* win.export saves the partners in the order shown. */
    g_list_store_splice (shown, 0, 0, partners->pdata, partners->len);
    connect_export_set_rows (GTK_WIDGET (self), CONNECT_ENTITY_KIND_PARTNER, self->feed,
                             G_LIST_MODEL (shown));
  }
  for (guint i = 0; i < partners->len; i++)
    {
      ConnectPartner *partner = g_ptr_array_index (partners, i);
      ConnectPartnerKind kind = connect_partner_get_kind (partner);
      g_autofree char *subtitle = partner_subtitle (partner);
      g_autofree char *accessible = NULL;
      GtkWidget *row;
      GtkWidget *button;

      if (group == NULL || (int) kind != group_kind)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, kind_label (kind));
          gtk_box_append (self->groups_box, GTK_WIDGET (group));
          g_ptr_array_add (self->list_groups, group);
          group_kind = kind;
        }

      row = new_row (connect_partner_get_name (partner), subtitle);

      /* The row activates a button, so that keyboard, pointer and
       * assistive technologies all reach the detail the same way (not as
       * the activatable widget, which would add the row's title to the
       * button's accessible name). */
      button = gtk_button_new_from_icon_name ("go-next-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Show Details"));
      accessible = g_strdup_printf (_("Show details of %s"), connect_partner_get_name (partner));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "partner-id",
                              g_strdup (connect_entity_get_id (CONNECT_ENTITY (partner))), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (partner_button_clicked_cb),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (gtk_widget_activate),
                               button, G_CONNECT_SWAPPED);
      adw_preferences_group_add (group, row);
    }
}

static void
update_toolbar (ConnectPartnersPage *self)
{
  gtk_widget_set_visible (self->toolbar, adw_leaflet_get_folded (self->leaflet));
}

static void
leaflet_folded_cb (ConnectPartnersPage *self)
{
  update_toolbar (self);
}

static void
back_clicked_cb (ConnectPartnersPage *self)
{
  connect_partners_page_go_back (self);
}

static void
website_row_activated_cb (ConnectPartnersPage *self)
{
  GtkRoot *root;

  if (!connect_link_is_safe (self->website))
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->website, GDK_CURRENT_TIME);
}

static void
connect_partners_page_dispose (GObject *object)
{
  ConnectPartnersPage *self = CONNECT_PARTNERS_PAGE (object);

  /* AdwBin keeps a pointer to its child: let it go first, or the
   * template's disposal unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), CONNECT_TYPE_PARTNERS_PAGE);

  g_clear_object (&self->feed);

  G_OBJECT_CLASS (connect_partners_page_parent_class)->dispose (object);
}

static void
connect_partners_page_finalize (GObject *object)
{
  ConnectPartnersPage *self = CONNECT_PARTNERS_PAGE (object);

  g_clear_pointer (&self->stats, connect_partner_stats_free);
  g_clear_pointer (&self->list_groups, g_ptr_array_unref);
  g_clear_pointer (&self->detail_rows, g_hash_table_unref);
  g_clear_pointer (&self->website, g_free);

  G_OBJECT_CLASS (connect_partners_page_parent_class)->finalize (object);
}

static void
connect_partners_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ConnectPartnersPage *self = CONNECT_PARTNERS_PAGE (object);

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
connect_partners_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ConnectPartnersPage *self = CONNECT_PARTNERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      connect_partners_page_set_feed (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void connect_partners_page_flush (ConnectPartnersPage *self);

/* The widgets are made the first time the page is shown (or asked for a
 * partner): a window opens faster without the pages it does not show. */
static void
connect_partners_page_ensure_built (ConnectPartnersPage *self)
{
  if (self->built)
    return;
  self->built = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  update_toolbar (self);
  /* Whatever feed came before is shown now. */
  self->reload_pending = TRUE;
}

static void
connect_partners_page_map (GtkWidget *widget)
{
  connect_partners_page_ensure_built (CONNECT_PARTNERS_PAGE (widget));
  connect_partners_page_flush (CONNECT_PARTNERS_PAGE (widget));

  GTK_WIDGET_CLASS (connect_partners_page_parent_class)->map (widget);
}

static void
connect_partners_page_class_init (ConnectPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_partners_page_dispose;
  object_class->finalize = connect_partners_page_finalize;
  object_class->get_property = connect_partners_page_get_property;
  object_class->set_property = connect_partners_page_set_property;
  widget_class->map = connect_partners_page_map;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         CONNECT_TYPE_FEED,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, toolbar_title);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, slots_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, sites_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, sponsor_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, membership_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, joined_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, website_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, website_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, drugs_group);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, commitments_group);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, cohorts_group);
  gtk_widget_class_bind_template_child (widget_class, ConnectPartnersPage, sites_group);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, website_row_activated_cb);
}

static void
connect_partners_page_init (ConnectPartnersPage *self)
{
  self->list_groups = g_ptr_array_new ();
  self->detail_rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * connect_partners_page_new:
 *
 * Returns: (transfer floating): a partners page without data
 */
GtkWidget *
connect_partners_page_new (void)
{
  return g_object_new (CONNECT_TYPE_PARTNERS_PAGE, NULL);
}

ConnectFeed *
connect_partners_page_get_feed (ConnectPartnersPage *self)
{
  g_return_val_if_fail (CONNECT_IS_PARTNERS_PAGE (self), NULL);

  return self->feed;
}

void
connect_partners_page_set_feed (ConnectPartnersPage *self,
                                ConnectFeed         *feed)
{
  g_return_if_fail (CONNECT_IS_PARTNERS_PAGE (self));
  g_return_if_fail (feed == NULL || CONNECT_IS_FEED (feed));

  if (self->feed == feed)
    return;

  g_set_object (&self->feed, feed);
  self->reload_pending = TRUE;
  /* Until the rebuild, win.export must not save the old feed's rows. */
  connect_export_set_rows (GTK_WIDGET (self), CONNECT_ENTITY_KIND_PARTNER, NULL, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->built)
    connect_partners_page_flush (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

/* A page not on screen costs nothing when the feed is replaced: it is
 * rebuilt when it is mapped, or when a partner is asked for. */
static void
connect_partners_page_flush (ConnectPartnersPage *self)
{
  g_autofree char *keep_id = NULL;
  ConnectFeed *feed = self->feed;

  if (!self->reload_pending)
    return;
  if (!self->built)
    {
      /* Building marks the page for a rebuild again. */
      connect_partners_page_ensure_built (self);
    }
  self->reload_pending = FALSE;

  if (self->stats != NULL)
    keep_id = g_strdup (connect_entity_get_id (CONNECT_ENTITY (self->stats->partner)));

  rebuild_list (self);

  if (feed == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (g_list_model_get_n_items (connect_feed_get_partners (feed)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-partners");
  else
    gtk_stack_set_visible_child_name (self->stack, "partners");

  /* Keep the partner in the detail when the new feed still has it. */
  show_detail (self, keep_id);
}

gboolean
connect_partners_page_show_partner (ConnectPartnersPage *self,
                                    const char          *partner_id)
{
  g_return_val_if_fail (CONNECT_IS_PARTNERS_PAGE (self), FALSE);

  connect_partners_page_ensure_built (self);
  connect_partners_page_flush (self);
  if (self->feed == NULL || partner_id == NULL ||
      connect_feed_lookup_partner (self->feed, partner_id) == NULL)
    return FALSE;

  show_detail (self, partner_id);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);

  return TRUE;
}

gboolean
connect_partners_page_go_back (ConnectPartnersPage *self)
{
  g_return_val_if_fail (CONNECT_IS_PARTNERS_PAGE (self), FALSE);

  if (!self->built || !adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") != 0)
    return FALSE;

  return adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}
