/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "connect-button.h"
#include "connect-cohort-detail.h"
#include "connect-cohort-query.h"
#include "connect-cohorts-page.h"
#include "connect-export.h"
#include "connect-genes.h"
#include "connect-tooltip.h"
#include "connect-ui-text.h"
#include "connect-watchlist.h"

/* Above this many rows, filtering and sorting run in steps so that the
 * window keeps responding. */
#define INCREMENTAL_THRESHOLD 50000
/* A new feed replaces the rows a few at a time, one step per frame: a
 * GtkListView keeps about 200 rows, and building or dropping them all at
 * once would freeze the window for a visible moment. A page not on
 * screen takes the new feed at once. */
#define SWAP_ROWS 12
#define SWAP_MAX_ROWS 240
/* How long the list must stay empty before the page works out which filter
 * to drop (it walks the feed once per filter). */
#define EMPTY_HINT_DELAY_MS 250

/* Wide enough for the longest status pill ("Open · Expansion"). */
#define STATUS_WIDTH 158
/* The columns shown depend on the list's width: every column from this
 * width on; below, all but ID and Enrolled (the detail shows both); below
 * MEDIUM_LIST_MIN_WIDTH, the tumour, biomarker and a short status. */
#define WIDE_LIST_MIN_WIDTH 780
#define MEDIUM_LIST_MIN_WIDTH 580
/* How long reading the feed may take before a spinner shows. */
#define LOADING_SPINNER_DELAY_MS 800

typedef enum
{
  COLUMNS_NARROW,
  COLUMNS_MEDIUM,
  COLUMNS_WIDE,
} ColumnsSet;

typedef enum
{
  FILTER_STATUS,
  FILTER_TUMOR,
  FILTER_GENE,
  FILTER_DRUG,
  FILTER_COMPANY,
  FILTER_REGION,
  FILTER_SITE,
  FILTER_WATCHED,
  N_FILTERS,
  /* Not a filter: the search text, for the empty-state hint. */
  FILTER_TEXT = N_FILTERS,
} FilterKind;

typedef struct
{
  const char *key;
  const char *title;
  const char *any;
} FilterInfo;

static const FilterInfo filter_info[N_FILTERS] = {
  [FILTER_STATUS] = { "filter-status", N_("_Status"), N_("Any status") },
  [FILTER_TUMOR] = { "filter-tumor", N_("_Tumour"), N_("Any tumour") },
  [FILTER_GENE] = { "filter-gene", N_("_Gene"), N_("Any gene") },
  [FILTER_DRUG] = { "filter-drug", N_("_Drug"), N_("Any drug") },
  [FILTER_COMPANY] = { "filter-company", N_("_Company"), N_("Any company") },
  [FILTER_REGION] = { "filter-region", N_("_Region"), N_("Any region") },
  [FILTER_SITE] = { "filter-site", N_("S_ite"), N_("Any site") },
  [FILTER_WATCHED] = { "filter-watched", N_("_Watched only"), NULL },
};

typedef enum
{
  COLUMN_WATCH,
  COLUMN_ID,
  COLUMN_TUMOR,
  COLUMN_BIOMARKER,
  COLUMN_DRUGS,
  COLUMN_STATUS,
  COLUMN_ENROLLED,
  COLUMN_SLOTS,
  N_COLUMNS
} ColumnKind;

/* What a feed needs before it is shown, built in a worker thread: the
 * folded search keys, the filter choices and the region of every cohort. */
typedef struct
{
  ConnectFeed        *feed;
  ConnectCohortIndex *index;
  GPtrArray          *choices[N_FILTERS];
  guint8             *region_masks;
} Prepared;

struct _ConnectCohortsPage
{
  AdwBin               parent_instance;

  ConnectFeed         *feed;
  ConnectCohortIndex  *index;
  ConnectCohortQuery  *query;
  /* A feed being prepared in a worker thread, and a cohort to show once
   * it is in. */
  ConnectFeed         *pending_feed;
  GCancellable        *prepare_cancellable;
  char                *pending_show_id;
  GSettings           *settings;

  /* Filter values as kept in the settings; NULL when not set. */
  char                *values[N_FILTERS];
  ConnectRegion        region;
  /* The region bits of each cohort's sites, by position; built on first
   * use of the region filter. */
  guint8              *region_masks;
  GHashTable          *watched;

  /* Choices offered per filter: labels for the drop-downs, values for
   * the settings. Rebuilt per feed. */
  GtkDropDown         *dropdowns[N_FILTERS];
  GtkToggleButton     *watched_check;
  GPtrArray           *choice_values[N_FILTERS];
  /* Given to the drop-downs when the filter popover opens: each would
   * build rows for its whole list at once. */
  GtkStringList       *choice_labels[N_FILTERS];
  gboolean             choices_dirty[N_FILTERS];
  gboolean             syncing_dropdowns;
  gboolean             filters_built;

  /* The columns the list's width has room for. */
  ColumnsSet           columns_set;
  guint                columns_idle;

  /* The list */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  /* The rows shown: all of them, except while a new feed is swapped in. */
  GtkSliceListModel   *slice;
  GtkSingleSelection  *selection;
  Prepared            *swap;              /* the feed to show next */
  char                *swap_selected_id;  /* the cohort shown before it */
  guint                swap_tick;
  gboolean             applying;
  /* The cohort for the detail, shown a step after the new feed's rows. */
  ConnectCohort       *swap_detail;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GHashTable          *bound_stars;
  /* Status labels on screen → their cohort */
  GHashTable          *bound_status;

  guint                empty_hint_source;
  int                  drop_filter;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filters_button;
  GtkPopover          *filters_popover;
  GtkGrid             *filters_grid;
  GtkBox              *toolbar;
  GtkBox              *toolbar_row;
  GtkFlowBox          *chips_box;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkSpinner          *loading_spinner;
  guint                loading_source;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *no_data_page;
  GtkButton           *drop_filter_button;
  GtkButton           *clear_filters_button;
  ConnectCohortDetail *detail;
};

G_DEFINE_FINAL_TYPE (ConnectCohortsPage, connect_cohorts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void connect_cohorts_page_update_count  (ConnectCohortsPage *self);
static void connect_cohorts_page_update_hidden (ConnectCohortsPage *self);
static void connect_cohorts_page_stop_swap_tick (ConnectCohortsPage *self);
static void connect_cohorts_page_unmap (GtkWidget *widget);
static void connect_cohorts_page_measure (GtkWidget      *widget,
                                          GtkOrientation  orientation,
                                          int             for_size,
                                          int            *minimum,
                                          int            *natural,
                                          int            *minimum_baseline,
                                          int            *natural_baseline);
static void connect_cohorts_page_size_allocate (GtkWidget *widget,
                                                int        width,
                                                int        height,
                                                int        baseline);

/* Filters */

static gboolean
is_set (const char *value)
{
  return value != NULL && value[0] != '\0';
}

static guint8 *
build_region_masks (ConnectFeed *feed)
{
  GListModel *cohorts = connect_feed_get_cohorts (feed);
  guint n = g_list_model_get_n_items (cohorts);
  guint8 *masks = g_new0 (guint8, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) cohort = g_list_model_get_item (cohorts, i);
      const char * const *sites = connect_cohort_get_sites (cohort);

      for (guint j = 0; sites != NULL && sites[j] != NULL; j++)
        {
          ConnectSite *site = connect_feed_lookup_site (feed, sites[j]);

          if (site != NULL)
            masks[i] |= 1 << connect_site_get_region (site);
        }
    }

  return masks;
}

/* Whether @cohort passes the filters the core query does not know: the
 * region of its sites and the watchlist. @skip is a filter to leave out. */
static gboolean
matches_extra (ConnectCohortsPage *self,
               ConnectCohort      *cohort,
               FilterKind          skip)
{
  if (skip != FILTER_REGION && self->region != CONNECT_REGION_NONE)
    {
      guint position = connect_entity_get_index (CONNECT_ENTITY (cohort));

      if (self->region_masks == NULL)
        self->region_masks = build_region_masks (self->feed);
      if ((self->region_masks[position] & (1 << self->region)) == 0)
        return FALSE;
    }

  if (skip != FILTER_WATCHED && is_set (self->values[FILTER_WATCHED]) &&
      !g_hash_table_contains (self->watched,
                              connect_entity_get_id (CONNECT_ENTITY (cohort))))
    return FALSE;

  return TRUE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ConnectCohortsPage *self = user_data;
  ConnectCohort *cohort = item;

  if (self->index == NULL)
    return FALSE;

  return connect_cohort_query_matches_cohort (self->query, self->index, cohort) &&
         matches_extra (self, cohort, N_FILTERS);
}

/* Sets one filter of @query from a settings value. */
static void
query_set_filter (ConnectCohortQuery *query,
                  FilterKind          kind,
                  const char         *value)
{
  switch (kind)
    {
    case FILTER_STATUS:
      if (is_set (value))
        connect_cohort_query_set_status_mask (query,
                                              1u << connect_enum_from_feed_string (CONNECT_TYPE_COHORT_STATUS, value));
      else
        connect_cohort_query_set_status_mask (query, 0);
      break;
    case FILTER_TUMOR:
      connect_cohort_query_set_tumor (query, value);
      break;
    case FILTER_GENE:
      connect_cohort_query_set_gene (query, value);
      break;
    case FILTER_DRUG:
      connect_cohort_query_set_drug (query, value);
      break;
    case FILTER_COMPANY:
      connect_cohort_query_set_partner (query, value);
      break;
    case FILTER_SITE:
      connect_cohort_query_set_site (query, value);
      break;
    case FILTER_REGION:
    case FILTER_WATCHED:
    case N_FILTERS:
    default:
      break;
    }
}

/* A text for a filter's chip and for the empty state: "Gene: BRAF". */
static char *
describe_filter (ConnectCohortsPage *self,
                 FilterKind          kind)
{
  const char *value = self->values[kind];
  const char *shown = value;
  g_autofree char *title = NULL;

  switch (kind)
    {
    case FILTER_STATUS:
      shown = connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS,
                                     connect_enum_from_feed_string (CONNECT_TYPE_COHORT_STATUS, value));
      break;
    case FILTER_REGION:
      shown = connect_enum_to_label (CONNECT_TYPE_REGION,
                                     connect_enum_from_feed_string (CONNECT_TYPE_REGION, value));
      break;
    case FILTER_DRUG:
      if (self->feed != NULL)
        {
          ConnectDrug *drug = connect_feed_lookup_drug (self->feed, value);

          if (drug != NULL)
            shown = connect_drug_get_name (drug);
        }
      break;
    case FILTER_COMPANY:
      if (self->feed != NULL)
        {
          ConnectPartner *partner = connect_feed_lookup_partner (self->feed, value);

          if (partner != NULL)
            shown = connect_partner_get_name (partner);
        }
      break;
    case FILTER_SITE:
      if (self->feed != NULL)
        {
          ConnectSite *site = connect_feed_lookup_site (self->feed, value);

          if (site != NULL)
            shown = connect_site_get_name (site);
        }
      break;
    case FILTER_WATCHED:
      return g_strdup (_("Watched only"));
    case FILTER_TUMOR:
    case FILTER_GENE:
    case N_FILTERS:
    default:
      break;
    }

  title = connect_ui_strip_mnemonic (_(filter_info[kind].title));

  /* Translators: a filter on a chip: "Gene: BRAF" */
  return g_strdup_printf (_("%s: %s"), title, shown ? shown : value);
}

static void
remove_chip_cb (GtkButton          *button,
                ConnectCohortsPage *self)
{
  FilterKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "filter-kind"));

  if (kind == FILTER_WATCHED)
    g_settings_set_boolean (self->settings, filter_info[kind].key, FALSE);
  else
    g_settings_set_string (self->settings, filter_info[kind].key, "");
}

static void
connect_cohorts_page_update_chips (ConnectCohortsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  for (guint kind = 0; kind < N_FILTERS; kind++)
    {
      g_autofree char *text = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *button;
      GtkWidget *box;
      GtkWidget *label;

      if (!is_set (self->values[kind]))
        continue;

      text = describe_filter (self, kind);
      /* Translators: accessible name of a filter chip's button */
      accessible = g_strdup_printf (_("Remove filter: %s"), text);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      label = gtk_label_new (text);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));

      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "filter-chip");
      gtk_widget_set_tooltip_text (button, accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_object_set_data (G_OBJECT (button), "filter-kind", GINT_TO_POINTER (kind));
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_chip_cb), self, 0);

      gtk_flow_box_append (self->chips_box, button);
      /* The flow box child itself needs no focus: the button has it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
}

/* Selects in the filter's drop-down the choice that matches its value. */
static void
connect_cohorts_page_sync_dropdown (ConnectCohortsPage *self,
                                    FilterKind          kind)
{
  GPtrArray *values = self->choice_values[kind];
  guint selected = 0;

  if (kind == FILTER_WATCHED)
    {
      self->syncing_dropdowns = TRUE;
      gtk_toggle_button_set_active (self->watched_check, is_set (self->values[kind]));
      self->syncing_dropdowns = FALSE;
      return;
    }

  /* Not given its choices yet: synced when they are. */
  if (values == NULL || self->dropdowns[kind] == NULL || self->choices_dirty[kind])
    return;

  for (guint i = 1; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), self->values[kind]) == 0)
      {
        selected = i;
        break;
      }

  self->syncing_dropdowns = TRUE;
  gtk_drop_down_set_selected (self->dropdowns[kind], selected);
  self->syncing_dropdowns = FALSE;
}

/* Reads one filter from the settings and applies it. */
static void
connect_cohorts_page_load_filter (ConnectCohortsPage *self,
                                  FilterKind          kind,
                                  gboolean            notify_filter)
{
  g_autofree char *value = NULL;
  gboolean was_set;
  gboolean now_set;

  if (kind == FILTER_WATCHED)
    value = g_settings_get_boolean (self->settings, filter_info[kind].key) ? g_strdup ("true") : NULL;
  else
    value = g_settings_get_string (self->settings, filter_info[kind].key);

  if (!is_set (value))
    g_clear_pointer (&value, g_free);

  if (g_strcmp0 (value, self->values[kind]) == 0)
    return;

  was_set = is_set (self->values[kind]);
  now_set = is_set (value);

  g_free (self->values[kind]);
  self->values[kind] = g_steal_pointer (&value);

  if (kind == FILTER_REGION)
    self->region = connect_enum_from_feed_string (CONNECT_TYPE_REGION, self->values[kind]);
  else
    query_set_filter (self->query, kind, self->values[kind]);

  connect_cohorts_page_sync_dropdown (self, kind);

  if (notify_filter)
    {
      GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

      if (!was_set && now_set)
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (was_set && !now_set)
        change = GTK_FILTER_CHANGE_LESS_STRICT;

      gtk_filter_changed (GTK_FILTER (self->filter), change);
      connect_cohorts_page_update_chips (self);
    }
}

static void
connect_cohorts_page_load_watched (ConnectCohortsPage *self)
{
  g_auto(GStrv) watched = g_settings_get_strv (self->settings, CONNECT_WATCHLIST_KEY);
  g_autoptr(GHashTable) old = g_steal_pointer (&self->watched);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  gboolean added = FALSE;
  gboolean removed = FALSE;
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  self->watched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; watched[i] != NULL; i++)
    {
      g_hash_table_add (self->watched, g_strdup (watched[i]));
      if (old == NULL || !g_hash_table_contains (old, watched[i]))
        added = TRUE;
    }
  if (old != NULL)
    {
      g_hash_table_iter_init (&iter, old);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (self->watched, key))
          removed = TRUE;
    }

  /* The stars of the rows on screen */
  g_hash_table_iter_init (&iter, self->bound_stars);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (key),
                                  g_hash_table_contains (self->watched, value));

  if (is_set (self->values[FILTER_WATCHED]) && (added || removed))
    {
      if (added && !removed)
        change = GTK_FILTER_CHANGE_LESS_STRICT;
      else if (removed && !added)
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      gtk_filter_changed (GTK_FILTER (self->filter), change);
    }
}

static void
settings_changed_cb (ConnectCohortsPage *self,
                     const char         *key,
                     GSettings          *settings)
{
  if (g_strcmp0 (key, CONNECT_WATCHLIST_KEY) == 0)
    {
      connect_cohorts_page_load_watched (self);
      return;
    }

  for (guint kind = 0; kind < N_FILTERS; kind++)
    if (g_strcmp0 (key, filter_info[kind].key) == 0)
      connect_cohorts_page_load_filter (self, kind, TRUE);
}

/* Drop-downs of the filter popover */

static void
dropdown_selected_cb (GtkDropDown        *dropdown,
                      GParamSpec         *pspec,
                      ConnectCohortsPage *self)
{
  FilterKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dropdown), "filter-kind"));
  GPtrArray *values = self->choice_values[kind];
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *value = "";

  if (self->syncing_dropdowns || values == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected < values->len && selected > 0)
    value = g_ptr_array_index (values, selected);

  /* Choosing "Any" for a filter set to a value this feed does not offer
   * keeps nothing selected: clear it. */
  g_settings_set_string (self->settings, filter_info[kind].key, value);
}

static void
watched_check_cb (GtkToggleButton    *check,
                  GParamSpec         *pspec,
                  ConnectCohortsPage *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (check),
                            gtk_toggle_button_get_active (check) ? "starred-symbolic"
                                                                 : "non-starred-symbolic");
  if (self->syncing_dropdowns)
    return;

  g_settings_set_boolean (self->settings, filter_info[FILTER_WATCHED].key,
                          gtk_toggle_button_get_active (check));
}

typedef struct
{
  char *label;
  char *value;
  char *sort_key;
} Choice;

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_free (choice->label);
  g_free (choice->value);
  g_free (choice->sort_key);
  g_free (choice);
}

static int
choice_compare (gconstpointer a,
                gconstpointer b)
{
  const Choice *ca = *(const Choice **) a;
  const Choice *cb = *(const Choice **) b;

  return strcmp (ca->sort_key, cb->sort_key);
}

static void
add_choice (GPtrArray  *choices,
            GHashTable *seen,
            const char *value,
            const char *label)
{
  Choice *choice;

  if (!is_set (value) || g_hash_table_contains (seen, value))
    return;

  choice = g_new0 (Choice, 1);
  choice->value = g_strdup (value);
  choice->label = g_strdup (label ? label : value);
  choice->sort_key = g_utf8_collate_key (choice->label, -1);
  g_ptr_array_add (choices, choice);
  g_hash_table_add (seen, choice->value);
}

/* Gives the drop-down of @kind its choices, when they changed. */
static void
connect_cohorts_page_show_choices (ConnectCohortsPage *self,
                                   FilterKind          kind)
{
  if (!self->choices_dirty[kind] || self->dropdowns[kind] == NULL)
    return;

  self->choices_dirty[kind] = FALSE;
  self->syncing_dropdowns = TRUE;
  gtk_drop_down_set_model (self->dropdowns[kind], G_LIST_MODEL (self->choice_labels[kind]));
  self->syncing_dropdowns = FALSE;
  connect_cohorts_page_sync_dropdown (self, kind);
}

static void connect_cohorts_page_build_filter_popover (ConnectCohortsPage *self);

static void
filters_popover_show_cb (ConnectCohortsPage *self)
{
  connect_cohorts_page_build_filter_popover (self);
  for (guint kind = 0; kind < N_FILTERS; kind++)
    connect_cohorts_page_show_choices (self, kind);
}

/* Fills the drop-down of @kind with the choices of the current feed. */
static void
connect_cohorts_page_set_choices (ConnectCohortsPage *self,
                                  FilterKind          kind,
                                  GPtrArray          *choices,
                                  gboolean            sort)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (sort)
    g_ptr_array_sort (choices, choice_compare);

  gtk_string_list_append (labels, _(filter_info[kind].any));
  g_ptr_array_add (values, g_strdup (""));

  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (choices, i);

      gtk_string_list_append (labels, choice->label);
      g_ptr_array_add (values, g_strdup (choice->value));
    }

  g_clear_pointer (&self->choice_values[kind], g_ptr_array_unref);
  self->choice_values[kind] = g_steal_pointer (&values);
  g_set_object (&self->choice_labels[kind], labels);
  self->choices_dirty[kind] = TRUE;

  if (gtk_widget_get_visible (GTK_WIDGET (self->filters_popover)))
    connect_cohorts_page_show_choices (self, kind);
}

/* Every choice each filter offers for @feed (may be NULL), sorted; runs
 * in a worker thread. */
static void
collect_choices (ConnectFeed  *feed,
                 GPtrArray   **choices)
{
  GHashTable *seen[N_FILTERS] = { NULL, };
  GListModel *cohorts;
  guint n;

  for (guint kind = 0; kind < N_FILTERS; kind++)
    {
      choices[kind] = g_ptr_array_new_with_free_func (choice_free);
      seen[kind] = g_hash_table_new (g_str_hash, g_str_equal);
    }

  for (int status = CONNECT_COHORT_STATUS_PLANNED; status <= CONNECT_COHORT_STATUS_CLOSED; status++)
    add_choice (choices[FILTER_STATUS], seen[FILTER_STATUS],
                connect_enum_to_feed_string (CONNECT_TYPE_COHORT_STATUS, status),
                connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS, status));

  for (int region = CONNECT_REGION_SOUTH_EAST; region <= CONNECT_REGION_NORTH; region++)
    add_choice (choices[FILTER_REGION], seen[FILTER_REGION],
                connect_enum_to_feed_string (CONNECT_TYPE_REGION, region),
                connect_enum_to_label (CONNECT_TYPE_REGION, region));

  if (feed != NULL)
    {
      GListModel *sites = connect_feed_get_sites (feed);
      GListModel *drugs = connect_feed_get_drugs (feed);

      cohorts = connect_feed_get_cohorts (feed);
      n = g_list_model_get_n_items (cohorts);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConnectCohort) cohort = g_list_model_get_item (cohorts, i);
          const char * const *genes = connect_cohort_get_genes (cohort);
          const char *tumor = connect_cohort_get_tumor_name (cohort);

          add_choice (choices[FILTER_TUMOR], seen[FILTER_TUMOR], tumor, tumor);
          for (guint j = 0; genes != NULL && genes[j] != NULL; j++)
            {
              const char *gene = connect_genes_canonical (genes[j]);

              add_choice (choices[FILTER_GENE], seen[FILTER_GENE], gene, gene);
            }
        }

      n = g_list_model_get_n_items (drugs);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConnectDrug) drug = g_list_model_get_item (drugs, i);
          g_autofree char *label = connect_ui_drug_label (drug);
          const char *supplier_id = connect_drug_get_supplier (drug);
          ConnectPartner *supplier = NULL;

          add_choice (choices[FILTER_DRUG], seen[FILTER_DRUG],
                      connect_entity_get_id (CONNECT_ENTITY (drug)), label);

          if (supplier_id != NULL)
            supplier = connect_feed_lookup_partner (feed, supplier_id);
          add_choice (choices[FILTER_COMPANY], seen[FILTER_COMPANY], supplier_id,
                      supplier ? connect_partner_get_name (supplier) : supplier_id);
        }

      n = g_list_model_get_n_items (sites);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ConnectSite) site = g_list_model_get_item (sites, i);

          add_choice (choices[FILTER_SITE], seen[FILTER_SITE],
                      connect_entity_get_id (CONNECT_ENTITY (site)),
                      connect_site_get_name (site));
        }
    }

  for (guint kind = 0; kind < N_FILTERS; kind++)
    {
      if (kind != FILTER_STATUS && kind != FILTER_REGION)
        g_ptr_array_sort (choices[kind], choice_compare);
      g_hash_table_unref (seen[kind]);
    }
}

static void
connect_cohorts_page_apply_choices (ConnectCohortsPage  *self,
                                    GPtrArray          **choices)
{
  for (guint kind = 0; kind < N_FILTERS; kind++)
    if (kind != FILTER_WATCHED)
      connect_cohorts_page_set_choices (self, kind, choices[kind], FALSE);
}

static void
prepared_free (gpointer data)
{
  Prepared *prepared = data;

  g_clear_object (&prepared->feed);
  g_clear_object (&prepared->index);
  for (guint kind = 0; kind < N_FILTERS; kind++)
    g_clear_pointer (&prepared->choices[kind], g_ptr_array_unref);
  g_clear_pointer (&prepared->region_masks, g_free);
  g_free (prepared);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ConnectFeed *feed = task_data;
  Prepared *prepared = g_new0 (Prepared, 1);

  prepared->feed = g_object_ref (feed);
  prepared->index = connect_cohort_index_new (feed);
  if (!g_cancellable_is_cancelled (cancellable))
    collect_choices (feed, prepared->choices);
  if (!g_cancellable_is_cancelled (cancellable))
    prepared->region_masks = build_region_masks (feed);

  if (g_task_return_error_if_cancelled (task))
    prepared_free (prepared);
  else
    g_task_return_pointer (task, prepared, prepared_free);
}

static void
sort_selected_cb (GtkDropDown        *dropdown,
                  GParamSpec         *pspec,
                  ConnectCohortsPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* 0: the feed's order; then the columns in order. */
  /* Narrow, some columns are out of the view: no sorting by them. */
  if (selected == 0 || selected > N_COLUMNS ||
      gtk_column_view_column_get_column_view (self->columns[selected - 1]) != self->column_view)
    gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
  else
    gtk_column_view_sort_by_column (self->column_view, self->columns[selected - 1],
                                    GTK_SORT_ASCENDING);
}

static GtkExpression *
string_object_expression (void)
{
  return gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
}

/* The star beside the Filters button. */
static void
connect_cohorts_page_build_watched_check (ConnectCohortsPage *self)
{
  g_autofree char *plain = connect_ui_strip_mnemonic (_(filter_info[FILTER_WATCHED].title));
  GtkWidget *check = gtk_toggle_button_new ();

  /* One click to the watchlist. */
  gtk_button_set_icon_name (GTK_BUTTON (check), "non-starred-symbolic");
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (check, _("Show Watched Cohorts Only"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Show only the cohorts on your watchlist"),
                                  -1);
  g_signal_connect_object (check, "notify::active", G_CALLBACK (watched_check_cb), self, 0);
  gtk_box_insert_child_after (self->toolbar_row, check, GTK_WIDGET (self->filters_button));
  self->watched_check = GTK_TOGGLE_BUTTON (check);
}

/* The drop-downs of the filter popover, made when it first opens: seven
 * drop-downs, each with a popover and a list of its own, would slow the
 * window's first frame. */
static void
connect_cohorts_page_build_filter_popover (ConnectCohortsPage *self)
{
  GtkWidget *clear;

  if (self->filters_built)
    return;
  self->filters_built = TRUE;

  for (guint kind = 0; kind < N_FILTERS; kind++)
    {
      GtkWidget *label;
      GtkWidget *dropdown;

      if (kind == FILTER_WATCHED)
        continue;

      label = gtk_label_new_with_mnemonic (_(filter_info[kind].title));
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      dropdown = gtk_drop_down_new (NULL, string_object_expression ());
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), kind != FILTER_STATUS && kind != FILTER_REGION);
      gtk_widget_set_hexpand (dropdown, TRUE);
      gtk_widget_set_size_request (dropdown, 240, -1);
      /* The label names the drop-down (labelled-by). */
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
      g_object_set_data (G_OBJECT (dropdown), "filter-kind", GINT_TO_POINTER (kind));
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self, 0);

      gtk_grid_attach (self->filters_grid, label, 0, kind, 1, 1);
      gtk_grid_attach (self->filters_grid, dropdown, 1, kind, 1, 1);
      self->dropdowns[kind] = GTK_DROP_DOWN (dropdown);
    }

  /* Sorting from the keyboard (the column headers take only clicks). */
  {
    const char *sort_names[] = {
      N_("Feed order"), N_("Watched first"), N_("ID"), N_("Tumour"), N_("Biomarker"),
      N_("Drugs"), N_("Status"), N_("Most enrolled"), N_("Most slots left"), NULL
    };
    g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
    GtkWidget *label = gtk_label_new_with_mnemonic (_("S_ort by"));
    GtkWidget *dropdown;

    for (guint i = 0; sort_names[i] != NULL; i++)
      gtk_string_list_append (names, _(sort_names[i]));
    dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), string_object_expression ());
    gtk_label_set_xalign (GTK_LABEL (label), 1);
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
    gtk_widget_set_margin_top (label, 6);
    gtk_widget_set_margin_top (dropdown, 6);
    g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (sort_selected_cb), self, 0);
    gtk_grid_attach (self->filters_grid, label, 0, N_FILTERS, 1, 1);
    gtk_grid_attach (self->filters_grid, dropdown, 1, N_FILTERS, 1, 1);
  }

  clear = gtk_button_new ();
  connect_button_set_mnemonic_label (GTK_BUTTON (clear), _("_Clear Filters"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "cohorts.clear-filters");
  gtk_widget_set_halign (clear, GTK_ALIGN_END);
  gtk_widget_set_margin_top (clear, 6);
  gtk_grid_attach (self->filters_grid, clear, 1, N_FILTERS + 1, 1, 1);
}

/* The count and the empty states */

static gboolean
any_filter_set (ConnectCohortsPage *self)
{
  for (guint kind = 0; kind < N_FILTERS; kind++)
    if (is_set (self->values[kind]))
      return TRUE;

  return is_set (connect_cohort_query_get_text (self->query));
}

/* How many cohorts would show with @skip left out. */
static guint
count_without (ConnectCohortsPage *self,
               FilterKind          skip)
{
  g_autoptr(ConnectCohortQuery) query = connect_cohort_query_new ();
  GListModel *cohorts = connect_feed_get_cohorts (self->feed);
  guint n = g_list_model_get_n_items (cohorts);
  guint count = 0;

  for (guint kind = 0; kind < N_FILTERS; kind++)
    if (kind != skip)
      query_set_filter (query, kind, self->values[kind]);
  if (skip != FILTER_TEXT)
    connect_cohort_query_set_text (query, connect_cohort_query_get_text (self->query));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) cohort = NULL;

      if (!connect_cohort_query_matches (query, self->index, i))
        continue;

      cohort = g_list_model_get_item (cohorts, i);
      if (matches_extra (self, cohort, skip))
        count++;
    }

  return count;
}

/* Still reading the feed after a while: say so. */
static void
loading_spinner_cb (gpointer user_data)
{
  ConnectCohortsPage *self = user_data;

  self->loading_source = 0;
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
}

static gboolean
empty_hint_cb (gpointer user_data)
{
  ConnectCohortsPage *self = user_data;
  g_autofree char *description = NULL;
  int best = -1;
  guint best_count = 0;

  self->empty_hint_source = 0;
  self->drop_filter = -1;

  if (self->feed == NULL || self->index == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    return G_SOURCE_REMOVE;

  /* Suggest dropping the filter that brings back most cohorts; clearing
   * the search only when no filter would help (what was typed is what the
   * person is looking for). */
  for (int kind = 0; kind <= FILTER_TEXT; kind++)
    {
      guint count;

      if (kind == FILTER_TEXT ? best >= 0 || !is_set (connect_cohort_query_get_text (self->query))
                              : !is_set (self->values[kind]))
        continue;

      count = count_without (self, kind);
      if (count > best_count)
        {
          best = kind;
          best_count = count;
        }
    }

  if (best == FILTER_TEXT)
    {
      /* Translators: the list is empty; %s is the search text */
      description = g_strdup_printf (ngettext ("Nothing matches “%s” with these filters. Clearing the search would show %u cohort.",
                                               "Nothing matches “%s” with these filters. Clearing the search would show %u cohorts.",
                                               best_count),
                                     connect_cohort_query_get_text (self->query), best_count);
      connect_button_set_mnemonic_label (self->drop_filter_button, _("Clear the _Search"));
    }
  else if (best >= 0)
    {
      g_autofree char *filter = describe_filter (self, best);
      g_autofree char *button = NULL;

      /* Translators: the list is empty; %s is a filter such as "Gene: BRAF" */
      description = g_strdup_printf (ngettext ("No cohort matches every filter. Removing “%s” would show %u cohort.",
                                               "No cohort matches every filter. Removing “%s” would show %u cohorts.",
                                               best_count),
                                     filter, best_count);
      /* Translators: button that removes one filter, "Remove Gene: BRAF" */
      button = g_strdup_printf (_("_Remove %s"), filter);
      connect_button_set_mnemonic_label (self->drop_filter_button, button);
    }
  else
    {
      description = g_strdup (_("No cohort matches. Removing any single filter would not help either: clear the search and the filters to start again."));
    }

  self->drop_filter = best;
  gtk_widget_set_visible (GTK_WIDGET (self->drop_filter_button), best >= 0);
  adw_status_page_set_description (self->empty_page, description);

  return G_SOURCE_REMOVE;
}

static void
connect_cohorts_page_update_count (ConnectCohortsPage *self)
{
  guint shown;
  guint total;
  g_autofree char *text = NULL;
  const char *page;

  if (self->feed == NULL)
    {
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
      if (self->loading_source == 0 && !gtk_spinner_get_spinning (self->loading_spinner))
        self->loading_source = g_timeout_add_once (LOADING_SPINNER_DELAY_MS, loading_spinner_cb, self);
      return;
    }
  g_clear_handle_id (&self->loading_source, g_source_remove);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  total = g_list_model_get_n_items (connect_feed_get_cohorts (self->feed));

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u cohort", "%u cohorts", total), total);
  else
    /* Translators: "12 of 40 cohorts" */
    text = g_strdup_printf (ngettext ("%u of %u cohort", "%u of %u cohorts", total), shown, total);
  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    page = "no-data";
  else if (shown == 0 && gtk_filter_list_model_get_pending (self->filter_model) == 0)
    page = "empty";
  else
    page = "list";

  if (g_strcmp0 (page, "empty") == 0)
    {
      if (self->empty_hint_source == 0 &&
          g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "empty") != 0)
        {
          adw_status_page_set_description (self->empty_page,
                                           any_filter_set (self) ? _("No cohort matches the search and the filters.") : NULL);
          gtk_widget_set_visible (GTK_WIDGET (self->drop_filter_button), FALSE);
        }
      g_clear_handle_id (&self->empty_hint_source, g_source_remove);
      self->empty_hint_source = g_timeout_add (EMPTY_HINT_DELAY_MS, empty_hint_cb, self);
    }
  else
    {
      g_clear_handle_id (&self->empty_hint_source, g_source_remove);
    }

  gtk_stack_set_visible_child_name (self->list_stack, page);
}

/* Cells */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), kind == COLUMN_SLOTS ? 1 : 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (kind == COLUMN_SLOTS || kind == COLUMN_ID)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ConnectCohortsPage       *self)
{
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  ConnectCohort *cohort = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (kind)
    {
    case COLUMN_ID:
      gtk_label_set_text (label, connect_entity_get_id (CONNECT_ENTITY (cohort)));
      return;
    case COLUMN_TUMOR:
      text = connect_ui_display_text (connect_cohort_get_tumor_name (cohort));
      break;
    case COLUMN_BIOMARKER:
      text = connect_ui_biomarker_label (cohort);
      break;
    case COLUMN_DRUGS:
      text = connect_ui_cohort_drugs_label (self->feed, cohort);
      break;
    case COLUMN_SLOTS:
      {
        gint64 left = connect_ui_cohort_slots_left (cohort);

        text = left >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, left) : g_strdup ("—");
        if (left < 0)
          gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unknown"),
                                          -1);
        else
          gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL);
      }
      break;
    case COLUMN_WATCH:
    case COLUMN_STATUS:
    case COLUMN_ENROLLED:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text);
  if (kind == COLUMN_DRUGS || kind == COLUMN_BIOMARKER)
    connect_tooltip_set_text (GTK_WIDGET (label), text);
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* In a narrow list, the pill says the status only; its accessible name
 * keeps the stage. */
static void
update_status_pill (ConnectCohortsPage *self,
                    GtkWidget          *label,
                    ConnectCohort      *cohort)
{
  g_autofree char *text = connect_ui_status_label (cohort);
  const char *status = connect_enum_to_label (CONNECT_TYPE_COHORT_STATUS,
                                              connect_cohort_get_status (cohort));

  if (self->columns_set == COLUMNS_NARROW && status != NULL)
    gtk_label_set_text (GTK_LABEL (label), status);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ConnectCohortsPage       *self)
{
  ConnectCohort *cohort = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *classes[] = { "status-pill", connect_ui_status_css_class (connect_cohort_get_status (cohort)), NULL };

  update_status_pill (self, label, cohort);
  gtk_widget_set_css_classes (label, classes);
  g_hash_table_insert (self->bound_status, label, cohort);
}

static void
unbind_status_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ConnectCohortsPage       *self)
{
  g_hash_table_remove (self->bound_status, gtk_list_item_get_child (item));
}

static void
setup_enrolled_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bar = gtk_level_bar_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_size_request (bar, 48, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_width_chars (GTK_LABEL (label), 7);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_enrolled_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ConnectCohortsPage       *self)
{
  ConnectCohort *cohort = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *bar = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  gint64 enrolled = connect_cohort_get_enrolled (cohort);
  gint64 target = connect_cohort_get_target (cohort);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (target > 0)
    {
      gtk_level_bar_set_max_value (GTK_LEVEL_BAR (bar), target);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (MAX (enrolled, 0), 0, target));
      gtk_widget_set_visible (bar, TRUE);
      text = g_strdup_printf ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, MAX (enrolled, 0), target);
    }
  else
    {
      gtk_widget_set_visible (bar, FALSE);
      text = enrolled >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, enrolled) : g_strdup ("—");
    }

  accessible = connect_ui_enrolled_accessible (enrolled, target);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
star_toggled_cb (GtkToggleButton    *button,
                 ConnectCohortsPage *self)
{
  const char *id = g_hash_table_lookup (self->bound_stars, button);
  gboolean active = gtk_toggle_button_get_active (button);

  gtk_button_set_icon_name (GTK_BUTTON (button),
                            active ? "starred-symbolic" : "non-starred-symbolic");

  if (id == NULL || active == g_hash_table_contains (self->watched, id))
    return;

  connect_watchlist_set (self->settings, id, active);
}

static void
setup_star_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ConnectCohortsPage       *self)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (button), "non-starred-symbolic");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "star-button");
  connect_tooltip_set_text (button, _("Watch: get a notification when its status or stage changes"));
  g_signal_connect_object (button, "toggled", G_CALLBACK (star_toggled_cb), self, 0);
  gtk_list_item_set_child (item, button);
}

static void
bind_star_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ConnectCohortsPage       *self)
{
  ConnectCohort *cohort = gtk_list_item_get_item (item);
  GtkWidget *button = gtk_list_item_get_child (item);
  const char *id = connect_entity_get_id (CONNECT_ENTITY (cohort));
  g_autofree char *label = NULL;

  /* Translators: accessible name of the star in a cohort's row */
  label = g_strdup_printf (_("Watch cohort %s"), id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  g_hash_table_remove (self->bound_stars, button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                g_hash_table_contains (self->watched, id));
  g_hash_table_insert (self->bound_stars, button, (gpointer) id);
}

static void
unbind_star_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                ConnectCohortsPage       *self)
{
  g_hash_table_remove (self->bound_stars, gtk_list_item_get_child (item));
}

/* Sorting */

static char *
tumor_key (ConnectCohort *cohort,
           gpointer       user_data)
{
  return cohort ? g_strdup (connect_cohort_get_tumor_name (cohort)) : NULL;
}

static char *
biomarker_key (ConnectCohort *cohort,
               gpointer       user_data)
{
  return cohort ? connect_ui_biomarker_label (cohort) : NULL;
}

static char *
drugs_key (ConnectCohort *cohort,
           gpointer       user_data)
{
  ConnectCohortsPage *self = user_data;

  return cohort ? connect_ui_cohort_drugs_label (self->feed, cohort) : NULL;
}

static int
status_key (ConnectCohort *cohort,
            gpointer       user_data)
{
  return cohort ? connect_ui_status_rank (cohort) : 0;
}

static gint64
enrolled_key (ConnectCohort *cohort,
              gpointer       user_data)
{
  return cohort ? connect_cohort_get_enrolled (cohort) : -1;
}

static gint64
slots_key (ConnectCohort *cohort,
           gpointer       user_data)
{
  return cohort ? connect_ui_cohort_slots_left (cohort) : -1;
}

static gboolean
watched_key (ConnectCohort *cohort,
             gpointer       user_data)
{
  ConnectCohortsPage *self = user_data;

  return cohort && g_hash_table_contains (self->watched, connect_entity_get_id (CONNECT_ENTITY (cohort)));
}

static int
id_compare (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  return connect_ui_natural_compare (connect_entity_get_id (CONNECT_ENTITY ((gpointer) a)),
                                     connect_entity_get_id (CONNECT_ENTITY ((gpointer) b)));
}

static GtkSorter *
string_sorter (GCallback callback,
               gpointer  user_data)
{
  GtkExpression *expression;
  GtkSorter *sorter;

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            callback, user_data, NULL);
  sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  gtk_string_sorter_set_ignore_case (GTK_STRING_SORTER (sorter), TRUE);

  return sorter;
}

static GtkSorter *
numeric_sorter (GType     type,
                GCallback callback,
                gpointer  user_data,
                gboolean  descending)
{
  GtkExpression *expression;
  GtkSorter *sorter;

  expression = gtk_cclosure_expression_new (type, NULL, 0, NULL,
                                            callback, user_data, NULL);
  sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  if (descending)
    gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);

  return sorter;
}

static void
connect_cohorts_page_add_column (ConnectCohortsPage *self,
                                 ColumnKind          kind,
                                 const char         *title,
                                 GtkSorter          *sorter,
                                 int                 fixed_width,
                                 gboolean            expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) owned_sorter = sorter;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (kind));

  switch (kind)
    {
    case COLUMN_WATCH:
      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_star_cb), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_star_cb), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_star_cb), self, 0);
      break;
    case COLUMN_STATUS:
      g_signal_connect (factory, "setup", G_CALLBACK (setup_status_cb), NULL);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_status_cb), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_status_cb), self, 0);
      break;
    case COLUMN_ENROLLED:
      g_signal_connect (factory, "setup", G_CALLBACK (setup_enrolled_cb), NULL);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_enrolled_cb), self, 0);
      break;
    case COLUMN_ID:
    case COLUMN_TUMOR:
    case COLUMN_BIOMARKER:
    case COLUMN_DRUGS:
    case COLUMN_SLOTS:
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_label_cb), self, 0);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_sorter (column, owned_sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, kind != COLUMN_WATCH);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);

  gtk_column_view_append_column (self->column_view, column);
  /* Kept: narrow layouts take some columns out of the view. */
  self->columns[kind] = g_object_ref (column);
}

static void
connect_cohorts_page_build_columns (ConnectCohortsPage *self)
{
  GtkSorter *sorter;

  /* Translators: title of the column of stars; keep it short */
  connect_cohorts_page_add_column (self, COLUMN_WATCH, C_("column", "Watch"),
                                   numeric_sorter (G_TYPE_BOOLEAN, G_CALLBACK (watched_key), self, TRUE),
                                   52, FALSE);
  sorter = GTK_SORTER (gtk_custom_sorter_new (id_compare, NULL, NULL));
  connect_cohorts_page_add_column (self, COLUMN_ID, _("ID"), sorter, 72, FALSE);
  connect_cohorts_page_add_column (self, COLUMN_TUMOR, _("Tumour"),
                                   string_sorter (G_CALLBACK (tumor_key), NULL), -1, TRUE);
  connect_cohorts_page_add_column (self, COLUMN_BIOMARKER, _("Biomarker"),
                                   string_sorter (G_CALLBACK (biomarker_key), NULL), -1, TRUE);
  connect_cohorts_page_add_column (self, COLUMN_DRUGS, _("Drugs"),
                                   string_sorter (G_CALLBACK (drugs_key), self), -1, TRUE);
  connect_cohorts_page_add_column (self, COLUMN_STATUS, _("Status"),
                                   numeric_sorter (G_TYPE_INT, G_CALLBACK (status_key), NULL, FALSE),
                                   STATUS_WIDTH, FALSE);
  connect_cohorts_page_add_column (self, COLUMN_ENROLLED, _("Enrolled"),
                                   numeric_sorter (G_TYPE_INT64, G_CALLBACK (enrolled_key), NULL, TRUE),
                                   120, FALSE);
  connect_cohorts_page_add_column (self, COLUMN_SLOTS, _("Slots Left"),
                                   numeric_sorter (G_TYPE_INT64, G_CALLBACK (slots_key), NULL, TRUE),
                                   96, FALSE);
}

/* Narrow layout: fewer columns */

/* The columns, the status pills and the count as the list's width and the
 * fold want them. */
static void
connect_cohorts_page_update_layout (ConnectCohortsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean narrow;

  /* Not built yet (during the template's construction). */
  if (self->bound_status == NULL || self->columns[COLUMN_ID] == NULL)
    return;

  /* As many columns as the list has room for (see WIDE_LIST_MIN_WIDTH).
   * (Taking them out rather than hiding them: GTK 4.8 keeps the room of
   * hidden columns in the rows.) */
  for (guint kind = 0; kind < N_COLUMNS; kind++)
    {
      gboolean present = gtk_column_view_column_get_column_view (self->columns[kind]) != NULL;
      gboolean wanted;

      switch (self->columns_set)
        {
        case COLUMNS_NARROW:
          wanted = kind != COLUMN_ID && kind != COLUMN_DRUGS &&
                   kind != COLUMN_ENROLLED && kind != COLUMN_SLOTS;
          break;
        case COLUMNS_MEDIUM:
          wanted = kind != COLUMN_ID && kind != COLUMN_ENROLLED;
          break;
        case COLUMNS_WIDE:
        default:
          wanted = TRUE;
          break;
        }

      if (wanted == present)
        continue;

      if (wanted)
        {
          guint position = 0;

          for (guint before = 0; before < kind; before++)
            if (gtk_column_view_column_get_column_view (self->columns[before]) != NULL)
              position++;
          gtk_column_view_insert_column (self->column_view, position, self->columns[kind]);
        }
      else
        {
          gtk_column_view_remove_column (self->column_view, self->columns[kind]);
        }
    }
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_STATUS],
                                          self->columns_set == COLUMNS_NARROW ? -1 : STATUS_WIDTH);
  {
    GHashTableIter iter;
    gpointer label;
    gpointer cohort;

    g_hash_table_iter_init (&iter, self->bound_status);
    while (g_hash_table_iter_next (&iter, &label, &cohort))
      update_status_pill (self, label, cohort);
  }
  connect_cohort_detail_set_folded (self->detail, folded);
  connect_cohorts_page_update_hidden (self);

  /* A narrow list: the count goes on a line of its own under the
   * filters. */
  narrow = self->columns_set == COLUMNS_NARROW;
  if (narrow == (gtk_widget_get_parent (GTK_WIDGET (self->count_label)) == GTK_WIDGET (self->toolbar_row)))
    {
      g_object_ref (self->count_label);
      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->count_label))),
                      GTK_WIDGET (self->count_label));
      gtk_box_append (narrow ? self->toolbar : self->toolbar_row, GTK_WIDGET (self->count_label));
      gtk_label_set_xalign (self->count_label, narrow ? 0 : 1);
      g_object_unref (self->count_label);
    }
}

/* GTK 4.8 tells assistive technologies nothing about pages a leaflet or
 * a revealer keeps off screen: mark them hidden, so that a screen reader
 * does not read them (and tests see what a person sees). */
static void
connect_cohorts_page_update_hidden (ConnectCohortsPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->list_pane),
                               GTK_ACCESSIBLE_STATE_HIDDEN, folded && visible != self->list_pane,
                               -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->detail),
                               GTK_ACCESSIBLE_STATE_HIDDEN, folded && visible != GTK_WIDGET (self->detail),
                               -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->search_bar),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !gtk_search_bar_get_search_mode (self->search_bar),
                               -1);
}

static void
leaflet_folded_cb (ConnectCohortsPage *self)
{
  connect_cohorts_page_update_layout (self);
}

static void
leaflet_visible_child_cb (ConnectCohortsPage *self)
{
  connect_cohorts_page_update_hidden (self);

  /* Back on the list: put the focus back on the table. */
  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) == self->list_pane)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Selection and opening */

static void
connect_cohorts_page_show_selected (ConnectCohortsPage *self)
{
  ConnectCohort *cohort = gtk_single_selection_get_selected_item (self->selection);

  connect_cohort_detail_set_cohort (self->detail, self->feed, cohort);
}

static void
selection_changed_cb (ConnectCohortsPage *self)
{
  /* Wide: the pane follows the selection. Narrow: only opening shows it.
   * While a feed is swapped in, the rows come and go: the pane stays. */
  if (self->swap == NULL && !self->applying &&
      !adw_leaflet_get_folded (self->leaflet))
    connect_cohorts_page_show_selected (self);
}

static void
connect_cohorts_page_open_position (ConnectCohortsPage *self,
                                    guint               position)
{
  g_autoptr(ConnectCohort) cohort = NULL;

  cohort = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (cohort == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  connect_cohort_detail_set_cohort (self->detail, self->feed, cohort);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  if (adw_leaflet_get_folded (self->leaflet))
    connect_cohort_detail_focus (self->detail);
}

static void
column_view_activate_cb (ConnectCohortsPage *self,
                         guint               position)
{
  connect_cohorts_page_open_position (self, position);
}

static void
filter_items_changed_cb (ConnectCohortsPage *self)
{
  connect_cohorts_page_update_count (self);
}

/* Search */

static void
search_changed_cb (ConnectCohortsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  ConnectQueryChange change;

  change = connect_cohort_query_set_text (self->query, text);

  switch (change)
    {
    case CONNECT_QUERY_CHANGE_NONE:
      return;
    case CONNECT_QUERY_CHANGE_MORE_STRICT:
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
      break;
    case CONNECT_QUERY_CHANGE_LESS_STRICT:
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      break;
    case CONNECT_QUERY_CHANGE_DIFFERENT:
    default:
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      break;
    }
}

static void
search_activate_cb (ConnectCohortsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  connect_cohorts_page_open_position (self, position);
}

static void
search_next_match_cb (ConnectCohortsPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Down in the search entry goes to the list. */
static gboolean
search_key_pressed_cb (ConnectCohortsPage    *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      return TRUE;
    }

  return FALSE;
}

static void
search_stop_cb (ConnectCohortsPage *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_cb (ConnectCohortsPage *self)
{
  connect_cohorts_page_update_hidden (self);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
drop_filter_clicked_cb (ConnectCohortsPage *self)
{
  if (self->drop_filter == FILTER_TEXT)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else if (self->drop_filter == FILTER_WATCHED)
    g_settings_set_boolean (self->settings, filter_info[FILTER_WATCHED].key, FALSE);
  else if (self->drop_filter >= 0)
    g_settings_set_string (self->settings, filter_info[self->drop_filter].key, "");
}

/* Actions */

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (widget);

  g_settings_delay (self->settings);
  for (guint kind = 0; kind < N_FILTERS; kind++)
    {
      if (kind == FILTER_WATCHED)
        g_settings_set_boolean (self->settings, filter_info[kind].key, FALSE);
      else
        g_settings_set_string (self->settings, filter_info[kind].key, "");
    }
  g_settings_apply (self->settings);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_popover_popdown (self->filters_popover);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  connect_cohorts_page_go_back (CONNECT_COHORTS_PAGE (widget));
}

static void
filters_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_menu_button_popup (self->filters_button);
}

static void
show_all_statuses_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (widget);

  if (is_set (self->values[FILTER_STATUS]))
    g_settings_set_string (self->settings, filter_info[FILTER_STATUS].key, "");
  else
    g_settings_set_string (self->settings, filter_info[FILTER_STATUS].key, "open");
}

static void
forward_detail_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (widget);

  if (g_str_equal (action_name, "cohorts.toggle-watch"))
    gtk_widget_activate_action (GTK_WIDGET (self->detail), "detail.toggle-watch", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->detail), "detail.copy-summary", NULL);
}

/* Shortcuts that work wherever the focus is in the window, as long as the
 * Cohorts view is shown. */
static void
connect_cohorts_page_add_shortcuts (ConnectCohortsPage *self)
{
  static const struct {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } shortcuts[] = {
    { GDK_KEY_l, GDK_CONTROL_MASK, "cohorts.filters" },
    { GDK_KEY_o, GDK_ALT_MASK, "cohorts.toggle-all-statuses" },
    { GDK_KEY_d, GDK_CONTROL_MASK, "cohorts.toggle-watch" },
    { GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "cohorts.copy-summary" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].keyval,
                                                                                    shortcuts[i].modifiers),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GObject */

static void
connect_cohorts_page_dispose (GObject *object)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (object);

  g_clear_handle_id (&self->empty_hint_source, g_source_remove);
  g_clear_handle_id (&self->columns_idle, g_source_remove);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  connect_cohorts_page_stop_swap_tick (self);
  g_clear_pointer (&self->swap, prepared_free);
  g_cancellable_cancel (self->prepare_cancellable);
  g_clear_object (&self->prepare_cancellable);
  g_clear_object (&self->pending_feed);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  /* AdwBin keeps a pointer to its child: let it go first, or the
   * template's disposal unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONNECT_TYPE_COHORTS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->swap_detail);
  g_clear_object (&self->slice);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->index);
  g_clear_object (&self->query);
  g_clear_object (&self->feed);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (connect_cohorts_page_parent_class)->dispose (object);
}

static void
connect_cohorts_page_finalize (GObject *object)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (object);

  for (guint kind = 0; kind < N_FILTERS; kind++)
    {
      g_clear_pointer (&self->values[kind], g_free);
      g_clear_pointer (&self->choice_values[kind], g_ptr_array_unref);
      g_clear_object (&self->choice_labels[kind]);
    }
  g_clear_pointer (&self->region_masks, g_free);
  g_clear_pointer (&self->swap_selected_id, g_free);
  g_clear_pointer (&self->pending_show_id, g_free);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_pointer (&self->bound_stars, g_hash_table_unref);
  g_clear_pointer (&self->bound_status, g_hash_table_unref);
  for (guint kind = 0; kind < N_COLUMNS; kind++)
    g_clear_object (&self->columns[kind]);

  G_OBJECT_CLASS (connect_cohorts_page_parent_class)->finalize (object);
}

static void
connect_cohorts_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      g_value_set_object (value, self->feed);
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, connect_cohorts_page_get_search_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_cohorts_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      connect_cohorts_page_set_feed (self, g_value_get_object (value));
      break;
    case PROP_SEARCH_MODE:
      connect_cohorts_page_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_cohorts_page_class_init (ConnectCohortsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_cohorts_page_dispose;
  object_class->finalize = connect_cohorts_page_finalize;
  object_class->get_property = connect_cohorts_page_get_property;
  object_class->set_property = connect_cohorts_page_set_property;
  widget_class->unmap = connect_cohorts_page_unmap;
  widget_class->measure = connect_cohorts_page_measure;
  widget_class->size_allocate = connect_cohorts_page_size_allocate;

  properties [PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL,
                         CONNECT_TYPE_FEED,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONNECT_TYPE_COHORT_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-cohorts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, filters_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, filters_popover);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, filters_grid);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, toolbar_row);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, chips_box);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, no_data_page);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, drop_filter_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectCohortsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, drop_filter_clicked_cb);

  gtk_widget_class_install_action (widget_class, "cohorts.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "cohorts.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "cohorts.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "cohorts.filters", NULL, filters_action);
  gtk_widget_class_install_action (widget_class, "cohorts.toggle-all-statuses", NULL, show_all_statuses_action);

  gtk_widget_class_install_action (widget_class, "cohorts.toggle-watch", NULL, forward_detail_action);
  gtk_widget_class_install_action (widget_class, "cohorts.copy-summary", NULL, forward_detail_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "cohorts.go-back", NULL);
}

static void
connect_cohorts_page_init (ConnectCohortsPage *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* measure () and size_allocate () below, which watch the list's width. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->drop_filter = -1;
  self->columns_set = COLUMNS_WIDE;
  connect_button_set_mnemonic_label (self->clear_filters_button, _("_Clear Search and Filters"));
  self->settings = g_settings_new (BASE_APP_ID);
  self->query = connect_cohort_query_new ();
  self->bound_stars = g_hash_table_new (NULL, NULL);
  self->bound_status = g_hash_table_new (NULL, NULL);

  connect_cohorts_page_build_columns (self);
  connect_cohorts_page_build_watched_check (self);
  connect_cohorts_page_add_shortcuts (self);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              sorter ? g_object_ref (sorter) : NULL);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)), 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filters_popover, "show",
                           G_CALLBACK (filters_popover_show_cb), self, G_CONNECT_SWAPPED);

  connect_cohorts_page_load_watched (self);
  for (guint kind = 0; kind < N_FILTERS; kind++)
    connect_cohorts_page_load_filter (self, kind, FALSE);
  {
    GPtrArray *choices[N_FILTERS] = { NULL, };

    collect_choices (NULL, choices);
    connect_cohorts_page_apply_choices (self, choices);
    for (guint kind = 0; kind < N_FILTERS; kind++)
      g_ptr_array_unref (choices[kind]);
  }
  connect_cohorts_page_update_chips (self);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_object (keys, "key-pressed",
                             G_CALLBACK (search_key_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  /* Typing in the list starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->list_pane);
  connect_cohorts_page_update_layout (self);
  connect_cohorts_page_update_count (self);
}

/* Public API */

/**
 * connect_cohorts_page_new:
 *
 * Returns: (transfer floating): a new page
 */
GtkWidget *
connect_cohorts_page_new (void)
{
  return g_object_new (CONNECT_TYPE_COHORTS_PAGE, NULL);
}

/**
 * connect_cohorts_page_get_feed:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the feed shown
 */
ConnectFeed *
connect_cohorts_page_get_feed (ConnectCohortsPage *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORTS_PAGE (self), NULL);

  return self->feed;
}

/* Shows a prepared feed (or none). */
static void
connect_cohorts_page_apply (ConnectCohortsPage *self,
                            Prepared           *prepared)
{
  ConnectFeed *feed = prepared ? prepared->feed : NULL;
  g_autofree char *selected_id = NULL;
  g_autofree char *show_id = g_steal_pointer (&self->pending_show_id);
  ConnectCohort *selected;
  gboolean large;

  /* The rows change under the selection: the detail follows below. */
  self->applying = TRUE;
  g_clear_object (&self->swap_detail);

  selected = connect_cohort_detail_get_cohort (self->detail);
  if (self->swap_selected_id != NULL)
    selected_id = g_steal_pointer (&self->swap_selected_id);
  else if (selected != NULL)
    selected_id = g_strdup (connect_entity_get_id (CONNECT_ENTITY (selected)));

  g_clear_object (&self->pending_feed);
  g_set_object (&self->feed, feed);
  g_clear_object (&self->index);
  g_clear_pointer (&self->region_masks, g_free);
  if (prepared != NULL)
    {
      self->index = g_steal_pointer (&prepared->index);
      self->region_masks = g_steal_pointer (&prepared->region_masks);
      connect_cohorts_page_apply_choices (self, prepared->choices);
    }
  else
    {
      GPtrArray *choices[N_FILTERS] = { NULL, };

      collect_choices (NULL, choices);
      connect_cohorts_page_apply_choices (self, choices);
      for (guint kind = 0; kind < N_FILTERS; kind++)
        g_ptr_array_unref (choices[kind]);
    }

  large = feed != NULL &&
          g_list_model_get_n_items (connect_feed_get_cohorts (feed)) > INCREMENTAL_THRESHOLD;
  gtk_filter_list_model_set_incremental (self->filter_model, large);
  gtk_sort_list_model_set_incremental (self->sort_model, large);
  gtk_filter_list_model_set_model (self->filter_model,
                                   feed ? connect_feed_get_cohorts (feed) : NULL);
  /* win.export saves the cohorts shown, in the order shown. */
  connect_export_set_rows (GTK_WIDGET (self), CONNECT_ENTITY_KIND_COHORT, feed,
                           feed ? G_LIST_MODEL (self->sort_model) : NULL);

  connect_cohorts_page_update_chips (self);
  connect_cohorts_page_update_count (self);

  if (show_id != NULL && connect_cohorts_page_show_cohort (self, show_id))
    ;
  else
    {
      ConnectCohort *cohort = NULL;

      if (selected_id != NULL && feed != NULL)
        cohort = connect_feed_lookup_cohort (feed, selected_id);
      if (cohort == NULL)
        cohort = gtk_single_selection_get_selected_item (self->selection);

      /* Swapping rows in step by step: the detail comes in a step of its
       * own. */
      if (self->swap_tick != 0 && cohort != NULL)
        g_set_object (&self->swap_detail, cohort);
      else
        connect_cohort_detail_set_cohort (self->detail, feed, cohort);
    }
  self->applying = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

/* Shows the cohort kept for the detail by the last swap, if any. */
static void
connect_cohorts_page_show_swap_detail (ConnectCohortsPage *self)
{
  g_autoptr(ConnectCohort) cohort = g_steal_pointer (&self->swap_detail);

  if (cohort != NULL)
    connect_cohort_detail_set_cohort (self->detail, self->feed, cohort);
}

/* Swapping a feed in: first the rows of the old feed go, SWAP_ROWS at a
 * time, then the new feed comes in with SWAP_ROWS rows, and then the
 * rest of its rows, a step at a time. */
static gboolean
swap_step_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  ConnectCohortsPage *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->slice);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->slice));

  if (self->swap == NULL && self->swap_detail != NULL)
    {
      connect_cohorts_page_show_swap_detail (self);
      return G_SOURCE_CONTINUE;
    }

  if (self->swap != NULL && n > SWAP_ROWS)
    {
      gtk_slice_list_model_set_size (self->slice, MIN (n, SWAP_MAX_ROWS) - SWAP_ROWS);
      return G_SOURCE_CONTINUE;
    }

  if (self->swap != NULL)
    {
      Prepared *prepared = g_steal_pointer (&self->swap);

      gtk_slice_list_model_set_size (self->slice, SWAP_ROWS);
      connect_cohorts_page_apply (self, prepared);
      prepared_free (prepared);
      return G_SOURCE_CONTINUE;
    }

  if (size >= SWAP_MAX_ROWS)
    {
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      self->swap_tick = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (self->slice, size + SWAP_ROWS);
  return G_SOURCE_CONTINUE;
}

static void
connect_cohorts_page_stop_swap_tick (ConnectCohortsPage *self)
{
  if (self->swap_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->swap_tick);
  self->swap_tick = 0;
}

/* Ends a swap under way at once: the page went off screen. */
static void
connect_cohorts_page_finish_swap (ConnectCohortsPage *self)
{
  Prepared *prepared = g_steal_pointer (&self->swap);

  connect_cohorts_page_stop_swap_tick (self);
  if (prepared != NULL)
    {
      connect_cohorts_page_apply (self, prepared);
      prepared_free (prepared);
    }
  connect_cohorts_page_show_swap_detail (self);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

/* Drops a swap under way: the feed it was to show is no longer wanted. */
static void
connect_cohorts_page_cancel_swap (ConnectCohortsPage *self)
{
  connect_cohorts_page_stop_swap_tick (self);
  g_clear_pointer (&self->swap, prepared_free);
  g_clear_pointer (&self->swap_selected_id, g_free);
  g_clear_object (&self->swap_detail);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static void
connect_cohorts_page_begin_swap (ConnectCohortsPage *self,
                                 Prepared           *prepared)
{
  g_clear_pointer (&self->swap, prepared_free);
  self->swap = prepared;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      connect_cohorts_page_finish_swap (self);
      return;
    }

  if (self->swap_tick != 0)
    return;

  if (self->swap_selected_id == NULL)
    {
      ConnectCohort *selected = connect_cohort_detail_get_cohort (self->detail);

      if (selected != NULL)
        self->swap_selected_id = g_strdup (connect_entity_get_id (CONNECT_ENTITY (selected)));
    }
  self->swap_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), swap_step_cb, self, NULL);
}

static gboolean
columns_idle_cb (gpointer user_data)
{
  ConnectCohortsPage *self = user_data;

  self->columns_idle = 0;
  connect_cohorts_page_update_layout (self);
  return G_SOURCE_REMOVE;
}

static void
connect_cohorts_page_measure (GtkWidget      *widget,
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
  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

/* As AdwBin does, and then: is the list wide enough for every column? */
static void
connect_cohorts_page_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  ColumnsSet set;
  int list_width;

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* Folded, the list may be out of sight: the page's width is its width. */
  list_width = adw_leaflet_get_folded (self->leaflet) ? width : gtk_widget_get_width (self->list_pane);
  if (list_width >= WIDE_LIST_MIN_WIDTH)
    set = COLUMNS_WIDE;
  else if (list_width >= MEDIUM_LIST_MIN_WIDTH)
    set = COLUMNS_MEDIUM;
  else
    set = COLUMNS_NARROW;
  if (set == self->columns_set)
    return;

  /* Columns change after this allocation, not during it. */
  self->columns_set = set;
  if (self->columns_idle == 0)
    self->columns_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, columns_idle_cb, self, NULL);
}

static void
connect_cohorts_page_unmap (GtkWidget *widget)
{
  connect_cohorts_page_finish_swap (CONNECT_COHORTS_PAGE (widget));

  GTK_WIDGET_CLASS (connect_cohorts_page_parent_class)->unmap (widget);
}

static void
prepare_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ConnectCohortsPage *self = CONNECT_COHORTS_PAGE (object);
  Prepared *prepared;

  prepared = g_task_propagate_pointer (G_TASK (result), NULL);
  if (prepared == NULL)
    return;

  /* A newer feed came while this one was prepared: it wins. */
  if (prepared->feed == self->pending_feed)
    connect_cohorts_page_begin_swap (self, prepared);
  else
    prepared_free (prepared);
}

/**
 * connect_cohorts_page_set_feed:
 * @self: a page
 * @feed: (nullable): the feed to show
 *
 * Shows the cohorts of @feed. Its search keys and filter choices are built
 * once, in a worker thread, not on every keystroke; until they are, the
 * page keeps showing the previous feed. The selected cohort stays
 * selected when the new feed still has it.
 */
void
connect_cohorts_page_set_feed (ConnectCohortsPage *self,
                               ConnectFeed        *feed)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CONNECT_IS_COHORTS_PAGE (self));
  g_return_if_fail (feed == NULL || CONNECT_IS_FEED (feed));

  if (feed == (self->pending_feed ? self->pending_feed : self->feed))
    return;

  g_cancellable_cancel (self->prepare_cancellable);
  g_clear_object (&self->prepare_cancellable);

  if (feed == NULL)
    {
      connect_cohorts_page_cancel_swap (self);
      connect_cohorts_page_apply (self, NULL);
      return;
    }

  g_set_object (&self->pending_feed, feed);
  self->prepare_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->prepare_cancellable, prepare_cb, NULL);
  g_task_set_source_tag (task, connect_cohorts_page_set_feed);
  g_task_set_task_data (task, g_object_ref (feed), g_object_unref);
  g_task_run_in_thread (task, prepare_thread);
}

gboolean
connect_cohorts_page_get_search_mode (ConnectCohortsPage *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORTS_PAGE (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
connect_cohorts_page_set_search_mode (ConnectCohortsPage *self,
                                      gboolean            search_mode)
{
  g_return_if_fail (CONNECT_IS_COHORTS_PAGE (self));

  if (search_mode == gtk_search_bar_get_search_mode (self->search_bar))
    return;

  if (search_mode)
    gtk_widget_activate_action (GTK_WIDGET (self), "cohorts.search", NULL);
  else
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/**
 * connect_cohorts_page_show_cohort:
 * @self: a page
 * @cohort_id: a cohort id
 *
 * Shows that cohort in the detail pane, selecting its row when the current
 * filters show it, and goes to the detail when the page is narrow.
 *
 * Returns: %FALSE when the feed has no such cohort
 */
gboolean
connect_cohorts_page_show_cohort (ConnectCohortsPage *self,
                                  const char         *cohort_id)
{
  ConnectCohort *cohort;
  guint n;

  g_return_val_if_fail (CONNECT_IS_COHORTS_PAGE (self), FALSE);
  g_return_val_if_fail (cohort_id != NULL, FALSE);

  /* Asked for before the feed is in (a notification at start-up): show
   * it once the feed is prepared. */
  if (self->pending_feed != NULL &&
      connect_feed_lookup_cohort (self->pending_feed, cohort_id) != NULL)
    {
      g_free (self->pending_show_id);
      self->pending_show_id = g_strdup (cohort_id);
      return TRUE;
    }

  if (self->feed == NULL)
    return FALSE;

  cohort = connect_feed_lookup_cohort (self->feed, cohort_id);
  if (cohort == NULL)
    return FALSE;

  /* Select its row when it is in the list (a walk of the shown rows, once
   * per request, not per keystroke). */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectCohort) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == cohort)
        {
          gtk_single_selection_set_selected (self->selection, i);
          /* GTK 4.8 has no gtk_column_view_scroll_to (): ask its list. */
          for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
               child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_LIST_VIEW (child))
              gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
          break;
        }
    }

  connect_cohort_detail_set_cohort (self->detail, self->feed, cohort);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  connect_cohort_detail_focus (self->detail);

  return TRUE;
}

/**
 * connect_cohorts_page_go_back:
 * @self: a page
 *
 * Closes the search, or goes back from the detail to the list when the
 * page is narrow.
 *
 * Returns: %TRUE when it did something
 */
gboolean
connect_cohorts_page_go_back (ConnectCohortsPage *self)
{
  g_return_val_if_fail (CONNECT_IS_COHORTS_PAGE (self), FALSE);

  if (adw_leaflet_get_folded (self->leaflet) &&
      adw_leaflet_get_visible_child (self->leaflet) != self->list_pane)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
      return TRUE;
    }

  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return TRUE;
    }

  return FALSE;
}
