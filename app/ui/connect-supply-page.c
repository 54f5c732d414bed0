/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "connect-export.h"
#include "connect-forecast.h"
#include "connect-line-chart.h"
#include "connect-stacked-bar.h"
#include "connect-supply-page.h"
#include "connect-supply.h"
#include "connect-tooltip.h"

struct _ConnectSupplyPage
{
  AdwBin               parent_instance;

  ConnectFeed         *feed;
  GSettings           *settings;
  GDate                today;

  GListStore          *forecasts;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;

  /* Dropdown positions → partner ids / states; position 0 is "all". */
  GPtrArray           *partner_ids;
  char                *partner;      /* NULL: every partner */
  int                  state;        /* -1: every state */
  gboolean             updating_dropdowns;
  gboolean             reload_pending; /* a feed came while not on screen */
  gboolean             built;          /* the template's widgets exist */

  GPtrArray           *detail_rows;  /* (element-type GtkWidget) rows to remove */
  ConnectForecast     *shown;

  /* Template widgets */
  GtkStack            *stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkWidget           *detail_pane;
  GtkDropDown         *partner_dropdown;
  GtkDropDown         *state_dropdown;
  GtkLabel            *count_label;
  GtkLabel            *totals_label;
  GtkExpander         *totals_expander;
  GtkBox              *totals_list;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkListView         *compact_view;
  GtkStack            *views_stack;
  GtkButton           *back_button;
  GtkStack            *detail_stack;
  GtkLabel            *detail_title;
  GtkLabel            *detail_subtitle;
  ConnectStackedBar   *detail_bar_chart;
  GtkLabel            *detail_slots;
  GtkWidget           *warning_box;
  GtkLabel            *warning_label;
  AdwPreferencesGroup *figures_group;
  AdwPreferencesGroup *chart_group;
  GtkBox              *chart_box;
  AdwPreferencesGroup *cohorts_group;
};

G_DEFINE_FINAL_TYPE (ConnectSupplyPage, connect_supply_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const ConnectCommitmentState states[] = {
  CONNECT_COMMITMENT_STATE_NEGOTIATING,
  CONNECT_COMMITMENT_STATE_ACTIVE,
  CONNECT_COMMITMENT_STATE_EXHAUSTED,
  CONNECT_COMMITMENT_STATE_EXPIRED,
  CONNECT_COMMITMENT_STATE_TERMINATED,
};

/* Helpers */

static const char *
enum_label (GType type,
            int   value)
{
  const char *label = connect_enum_to_label (type, value);

  /* TRANSLATORS: a value the feed does not give */
  return label != NULL ? label : _("Not given");
}

static GtkWidget *
new_label (gboolean dim)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  if (dim)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
    }

  return label;
}

static ConnectForecast *
item_forecast (GtkListItem *item)
{
  return CONNECT_FORECAST (gtk_list_item_get_item (item));
}

/* Columns */

typedef enum
{
  COLUMN_PARTNER,
  COLUMN_DRUG,
  COLUMN_KIND,
  COLUMN_SLOTS,
  COLUMN_VALIDITY,
  COLUMN_STATE,
  COLUMN_RUNWAY,
  COLUMN_WARNING,
  COLUMN_COMPACT,  /* everything in one cell, when narrow */
} Column;

static const char *column_ids[] = {
  "partner", "drug", "kind", "slots", "validity", "state", "runway", "warning", "runway",
};

typedef struct
{
  ConnectSupplyPage *self;
  Column             column;
} ColumnData;

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gtk_list_item_set_child (item, new_label (FALSE));
}

/* A label of up to two lines, wrapped near @user_data characters. */
static void
setup_wrap_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = new_label (FALSE);
  int chars = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "chars"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars + 6);
  gtk_label_set_width_chars (GTK_LABEL (label), chars);
  gtk_list_item_set_child (item, label);
}

static void
setup_slots_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bar = connect_stacked_bar_new ();
  GtkWidget *label = new_label (FALSE);

  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_size_request (bar, 60, -1);
  gtk_label_set_width_chars (GTK_LABEL (label), 7);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
setup_two_lines_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), new_label (FALSE));
  gtk_box_append (GTK_BOX (box), new_label (TRUE));
  gtk_list_item_set_child (item, box);
}

static void
setup_warning_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = new_label (FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                  -1);
  gtk_widget_add_css_class (image, "warning");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
setup_compact_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = new_label (FALSE);
  GtkWidget *subtitle = new_label (TRUE);
  GtkWidget *slots = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bar = connect_stacked_bar_new ();
  GtkWidget *slots_label = new_label (FALSE);
  GtkWidget *runway = new_label (FALSE);
  GtkWidget *warning = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *warning_label = new_label (FALSE);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap (GTK_LABEL (runway), TRUE);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_add_css_class (slots_label, "numeric");
  gtk_box_append (GTK_BOX (slots), bar);
  gtk_box_append (GTK_BOX (slots), slots_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"),
                                  -1);
  gtk_widget_add_css_class (image, "warning");
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (warning_label), TRUE);
  gtk_box_append (GTK_BOX (warning), image);
  gtk_box_append (GTK_BOX (warning), warning_label);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), slots);
  gtk_box_append (GTK_BOX (box), runway);
  gtk_box_append (GTK_BOX (box), warning);
  gtk_list_item_set_child (item, box);
}

static void
bind_compact (ConnectSupplyPage *self,
              ConnectForecast   *forecast,
              GtkWidget         *box)
{
  ConnectCommitment *commitment = connect_forecast_get_commitment (forecast);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *slots = gtk_widget_get_next_sibling (subtitle);
  GtkWidget *runway = gtk_widget_get_next_sibling (slots);
  GtkWidget *warning = gtk_widget_get_next_sibling (runway);
  GtkWidget *bar = gtk_widget_get_first_child (slots);
  g_autofree char *drug = connect_supply_drug_label (self->feed, connect_commitment_get_drug (commitment));
  g_autofree char *sub = NULL;
  g_autofree char *left = NULL;
  g_autofree char *runway_text = connect_supply_format_runway (forecast);
  g_autofree char *until = connect_supply_format_exhausted_on_short (forecast);
  g_autofree char *runway_line = NULL;
  const char *warning_text = connect_forecast_get_warning_text (forecast);

  gtk_label_set_text (GTK_LABEL (title), drug);
  sub = g_strdup_printf ("%s · %s",
                         connect_supply_partner_label (self->feed, connect_commitment_get_partner (commitment)),
                         enum_label (CONNECT_TYPE_COMMITMENT_STATE, connect_commitment_get_state (commitment)));
  gtk_label_set_text (GTK_LABEL (subtitle), sub);

  connect_stacked_bar_set_values (CONNECT_STACKED_BAR (bar),
                                  connect_forecast_get_slots (forecast),
                                  connect_forecast_get_used (forecast),
                                  connect_forecast_get_reserved (forecast));
  /* TRANSLATORS: slots left: "10 of 24 left" */
  left = g_strdup_printf (_("%" PRId64 " of %" PRId64 " left"),
                          connect_forecast_get_remaining (forecast),
                          connect_forecast_get_slots (forecast));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (bar)), left);

  /* TRANSLATORS: "Runway: 39.1 months, until 28 Feb 2030" */
  runway_line = until != NULL ? g_strdup_printf (_("Runway: %s, %s"), runway_text, until)
                              : g_strdup_printf (_("Runway: %s"), runway_text);
  gtk_label_set_text (GTK_LABEL (runway), runway_line);

  gtk_widget_set_visible (warning, warning_text != NULL);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (warning)),
                      warning_text != NULL ? warning_text : "");
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  ColumnData *data = user_data;
  ConnectSupplyPage *self = data->self;
  ConnectForecast *forecast = item_forecast (item);
  ConnectCommitment *commitment = connect_forecast_get_commitment (forecast);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (self->feed == NULL)
    return;

  switch (data->column)
    {
    case COLUMN_PARTNER:
      {
        const char *text = connect_supply_partner_label (self->feed, connect_commitment_get_partner (commitment));

        gtk_label_set_text (GTK_LABEL (child), text);
        connect_tooltip_set_text (child, text);
      }
      break;

    case COLUMN_DRUG:
      {
        g_autofree char *text = connect_supply_drug_label (self->feed, connect_commitment_get_drug (commitment));

        gtk_label_set_text (GTK_LABEL (child), text);
        connect_tooltip_set_text (child, text);
      }
      break;

    case COLUMN_KIND:
      gtk_label_set_text (GTK_LABEL (child),
                          enum_label (CONNECT_TYPE_COMMITMENT_KIND, connect_commitment_get_kind (commitment)));
      break;

    case COLUMN_SLOTS:
      {
        GtkWidget *bar = gtk_widget_get_first_child (child);
        GtkWidget *label = gtk_widget_get_next_sibling (bar);
        g_autofree char *text = NULL;

        connect_stacked_bar_set_values (CONNECT_STACKED_BAR (bar),
                                        connect_forecast_get_slots (forecast),
                                        connect_forecast_get_used (forecast),
                                        connect_forecast_get_reserved (forecast));
        /* TRANSLATORS: slots left of those committed, in a narrow column:
         * "10 / 24" */
        text = g_strdup_printf (_("%" PRId64 " / %" PRId64),
                                connect_forecast_get_remaining (forecast),
                                connect_forecast_get_slots (forecast));
        gtk_label_set_text (GTK_LABEL (label), text);
        gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                        -1);
        connect_tooltip_set_text (label, _("Slots left / committed"));
      }
      break;

    case COLUMN_VALIDITY:
      {
        g_autofree char *text = connect_supply_format_validity (commitment);

        gtk_label_set_text (GTK_LABEL (child), text != NULL ? text : _("Not given"));
      }
      break;

    case COLUMN_STATE:
      gtk_label_set_text (GTK_LABEL (child),
                          enum_label (CONNECT_TYPE_COMMITMENT_STATE, connect_commitment_get_state (commitment)));
      break;

    case COLUMN_RUNWAY:
      {
        GtkWidget *first = gtk_widget_get_first_child (child);
        GtkWidget *second = gtk_widget_get_next_sibling (first);
        g_autofree char *runway = connect_supply_format_runway (forecast);
        g_autofree char *until = connect_supply_format_exhausted_on_short (forecast);

        gtk_label_set_text (GTK_LABEL (first), runway);
        gtk_label_set_text (GTK_LABEL (second), until != NULL ? until : "");
        gtk_widget_set_visible (second, until != NULL);
      }
      break;

    case COLUMN_WARNING:
      {
        GtkWidget *image = gtk_widget_get_first_child (child);
        GtkWidget *label = gtk_widget_get_next_sibling (image);
        const char *warning = connect_forecast_get_warning_text (forecast);

        gtk_widget_set_visible (image, warning != NULL);
        gtk_label_set_text (GTK_LABEL (label), warning != NULL ? warning : "");
      }
      break;

    case COLUMN_COMPACT:
      bind_compact (self, forecast, child);
      break;

    default:
      g_assert_not_reached ();
    }
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  ColumnData *data = user_data;

  if (data->self->feed == NULL)
    return 0;

  return connect_supply_compare (data->self->feed, CONNECT_FORECAST ((gpointer) a),
                                 CONNECT_FORECAST ((gpointer) b), column_ids[data->column]);
}

static GtkColumnViewColumn *
add_column (ConnectSupplyPage *self,
            Column             column,
            const char        *title,
            GCallback          setup,
            int                wrap_chars,
            gboolean           expand,
            int                fixed_width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  ColumnData *data = g_new0 (ColumnData, 1);
  ColumnData *sort_data = g_new0 (ColumnData, 1);

  data->self = self;
  data->column = column;
  *sort_data = *data;

  g_object_set_data (G_OBJECT (factory), "chars", GINT_TO_POINTER (wrap_chars));
  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cb), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);

  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, sort_data, g_free));
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);

  return view_column;
}

/* Filtering and totals */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  ConnectSupplyPage *self = user_data;
  ConnectCommitment *commitment = connect_forecast_get_commitment (CONNECT_FORECAST (item));

  if (self->partner != NULL &&
      g_strcmp0 (connect_commitment_get_partner (commitment), self->partner) != 0)
    return FALSE;

  if (self->state >= 0 && (int) connect_commitment_get_state (commitment) != self->state)
    return FALSE;

  return TRUE;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
update_totals (ConnectSupplyPage *self)
{
  g_autoptr(GListModel) totals = NULL;
  GListModel *shown = G_LIST_MODEL (self->filter_model);
  guint n_shown = g_list_model_get_n_items (shown);
  guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->forecasts));
  guint n_partners;
  g_autofree char *count = NULL;

  if (n_shown == n_total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u commitment", "%u commitments", n_shown),
                             n_shown);
  else
    /* TRANSLATORS: "4 of 30 commitments" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u commitment", "%u of %u commitments", n_total),
                             n_shown, n_total);
  gtk_label_set_text (self->count_label, count);

  gtk_stack_set_visible_child_name (self->list_stack, n_shown > 0 ? "list" : "no-results");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supply.export", self->feed != NULL && n_shown > 0);

  clear_box (self->totals_list);
  totals = connect_supply_totals_list_new (shown);
  n_partners = g_list_model_get_n_items (totals);

  for (guint i = 0; i < n_partners; i++)
    {
      g_autoptr(ConnectSupplyTotals) t = g_list_model_get_item (totals, i);
      const char *name = connect_supply_partner_label (self->feed, connect_supply_totals_get_partner (t));
      g_autofree char *text = connect_supply_format_totals (t, name);

      if (n_partners == 1)
        {
          gtk_label_set_text (self->totals_label, text);
        }
      else
        {
          GtkWidget *label = new_label (FALSE);

          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_label_set_text (GTK_LABEL (label), text);
          gtk_box_append (self->totals_list, label);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->totals_label), n_partners == 1);
  gtk_widget_set_visible (GTK_WIDGET (self->totals_expander), n_partners > 1);
  if (n_partners > 1)
    {
      g_autofree char *title = g_strdup_printf (_("Totals per partner (%u)"), n_partners);

      gtk_expander_set_label (self->totals_expander, title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->totals_expander),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
    }
}

static void
refilter (ConnectSupplyPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_totals (self);
}

/* Detail */

static void
clear_detail_rows (ConnectSupplyPage *self)
{
  for (guint i = 0; i < self->detail_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->detail_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->detail_rows, 0);
  clear_box (self->chart_box);
}

static GtkWidget *
add_row (ConnectSupplyPage   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->detail_rows, row);

  return row;
}

static char *
cohort_summary (ConnectCohort *cohort)
{
  g_autoptr(GString) text = g_string_new (enum_label (CONNECT_TYPE_COHORT_STATUS,
                                                      connect_cohort_get_status (cohort)));
  const char *stage = connect_enum_to_label (CONNECT_TYPE_COHORT_STAGE, connect_cohort_get_stage (cohort));
  gint64 enrolled = connect_cohort_get_enrolled (cohort);
  gint64 target = connect_cohort_get_target (cohort);

  if (stage != NULL)
    g_string_append_printf (text, " · %s", stage);

  g_string_append (text, " · ");
  if (enrolled >= 0 && target >= 0)
    /* TRANSLATORS: enrolment of a cohort: "5 of 8 enrolled" */
    g_string_append_printf (text, _("%" PRId64 " of %" PRId64 " enrolled"),
                            enrolled, target);
  else if (enrolled >= 0)
    g_string_append_printf (text, _("%" PRId64 " enrolled"), enrolled);
  else
    g_string_append (text, _("Enrolment not given"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_chart (ConnectSupplyPage *self,
            ConnectForecast   *forecast)
{
  g_autoptr(GArray) actual = NULL;
  g_autoptr(GArray) projection = NULL;
  ConnectBurndownBasis basis;
  ConnectCommitment *commitment = connect_forecast_get_commitment (forecast);
  GtkWidget *chart, *basis_label, *expander, *table;
  guint used_series, committed_series;
  const GDate *until;
  guint32 last_day = 0;

  basis = connect_supply_get_burndown (forecast, &actual, &projection);

  if (basis != CONNECT_BURNDOWN_BASIS_NONE)
    {
      chart = connect_line_chart_new ();
      connect_chart_set_title (CONNECT_CHART (chart), _("Slots used over time"));
      gtk_widget_set_size_request (chart, -1, 200);
      gtk_widget_set_hexpand (chart, TRUE);

      used_series = connect_line_chart_add_series (CONNECT_LINE_CHART (chart), _("Slots used"));
      for (guint i = 0; i < actual->len; i++)
        {
          ConnectBurndownPoint *p = &g_array_index (actual, ConnectBurndownPoint, i);

          connect_line_chart_add_point (CONNECT_LINE_CHART (chart), used_series,
                                        g_date_get_julian (&p->date), p->used);
          last_day = MAX (last_day, g_date_get_julian (&p->date));
        }
      /* The projection continues from today's point, dashed. */
      for (guint i = 1; i < projection->len; i++)
        {
          ConnectBurndownPoint *p = &g_array_index (projection, ConnectBurndownPoint, i);

          connect_line_chart_add_point (CONNECT_LINE_CHART (chart), used_series,
                                        g_date_get_julian (&p->date), p->used);
          last_day = MAX (last_day, g_date_get_julian (&p->date));
        }
      if (projection->len > 1)
        connect_line_chart_set_dashed_from (CONNECT_LINE_CHART (chart), used_series, actual->len - 1);

      /* The committed slots as a flat line over the agreement. */
      until = connect_commitment_get_valid_until (commitment);
      if (until != NULL)
        last_day = MAX (last_day, g_date_get_julian (until));
      committed_series = connect_line_chart_add_series (CONNECT_LINE_CHART (chart), _("Committed"));
      connect_line_chart_add_point (CONNECT_LINE_CHART (chart), committed_series,
                                    g_date_get_julian (&g_array_index (actual, ConnectBurndownPoint, 0).date),
                                    connect_forecast_get_slots (forecast));
      connect_line_chart_add_point (CONNECT_LINE_CHART (chart), committed_series,
                                    last_day, connect_forecast_get_slots (forecast));

      connect_line_chart_set_today (CONNECT_LINE_CHART (chart), g_date_get_julian (&self->today));
      gtk_box_append (self->chart_box, chart);

      expander = gtk_expander_new (_("Show as Table"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show the chart as a table"),
                                      -1);
      table = connect_line_chart_build_table (CONNECT_LINE_CHART (chart), _("Date"));
      gtk_widget_set_margin_top (table, 6);
      gtk_expander_set_child (GTK_EXPANDER (expander), table);
      gtk_box_append (self->chart_box, expander);
    }

  basis_label = gtk_label_new (connect_supply_burndown_basis_text (basis, projection->len > 1));
  gtk_label_set_xalign (GTK_LABEL (basis_label), 0);
  gtk_label_set_wrap (GTK_LABEL (basis_label), TRUE);
  gtk_widget_add_css_class (basis_label, "dim-label");
  gtk_widget_add_css_class (basis_label, "caption");
  gtk_box_append (self->chart_box, basis_label);
}

static void
show_detail (ConnectSupplyPage *self,
             ConnectForecast   *forecast)
{
  ConnectCommitment *commitment;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autofree char *drug = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *slots = NULL;
  g_autofree char *runway = NULL;
  g_autofree char *runs_out = NULL;
  g_autofree char *validity = NULL;
  const char *warning;
  ConnectTrial *trial;

  if (self->shown == forecast)
    return;
  g_set_object (&self->shown, forecast);

  clear_detail_rows (self);

  if (forecast == NULL || self->feed == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  commitment = connect_forecast_get_commitment (forecast);
  drug = connect_supply_drug_label (self->feed, connect_commitment_get_drug (commitment));
  gtk_label_set_text (self->detail_title, drug);

  subtitle = g_strdup_printf ("%s · %s · %s",
                              connect_supply_partner_label (self->feed, connect_commitment_get_partner (commitment)),
                              enum_label (CONNECT_TYPE_COMMITMENT_KIND, connect_commitment_get_kind (commitment)),
                              enum_label (CONNECT_TYPE_COMMITMENT_STATE, connect_commitment_get_state (commitment)));
  gtk_label_set_text (self->detail_subtitle, subtitle);

  connect_stacked_bar_set_values (self->detail_bar_chart,
                                  connect_forecast_get_slots (forecast),
                                  connect_forecast_get_used (forecast),
                                  connect_forecast_get_reserved (forecast));
  slots = connect_supply_format_slots (connect_forecast_get_slots (forecast),
                                       connect_forecast_get_used (forecast),
                                       connect_forecast_get_reserved (forecast));
  gtk_label_set_text (self->detail_slots, slots);

  warning = connect_forecast_get_warning_text (forecast);
  gtk_widget_set_visible (self->warning_box, warning != NULL);
  gtk_label_set_text (self->warning_label, warning != NULL ? warning : "");

  runway = connect_supply_format_runway (forecast);
  add_row (self, self->figures_group, _("Runway"), runway);
  runs_out = connect_supply_format_date (connect_forecast_get_exhausted_on (forecast));
  add_row (self, self->figures_group, _("Runs out"), runs_out != NULL ? runs_out : _("Not enough data"));
  validity = connect_supply_format_validity (commitment);
  add_row (self, self->figures_group, _("Valid"), validity != NULL ? validity : _("Not given"));
  add_row (self, self->figures_group, _("Paid after week 16 by"),
           enum_label (CONNECT_TYPE_PAYER, connect_commitment_get_payer_after_week16 (commitment)));
  trial = connect_feed_lookup_trial (self->feed, connect_commitment_get_trial (commitment));
  add_row (self, self->figures_group, _("Trial"),
           trial != NULL ? connect_trial_get_name (trial) : connect_commitment_get_trial (commitment));
  add_row (self, self->figures_group, _("Commitment ID"),
           connect_entity_get_id (CONNECT_ENTITY (commitment)));
  if (connect_commitment_get_announced (commitment) != NULL)
    add_row (self, self->figures_group, _("Announced"), connect_commitment_get_announced (commitment));
  if (connect_commitment_get_notes (commitment) != NULL)
    add_row (self, self->figures_group, _("Notes"), connect_commitment_get_notes (commitment));

  show_chart (self, forecast);

  cohorts = connect_supply_get_cohorts (self->feed, commitment);
  for (guint i = 0; i < cohorts->len; i++)
    {
      ConnectCohort *cohort = g_ptr_array_index (cohorts, i);
      const char *id = connect_entity_get_id (CONNECT_ENTITY (cohort));
      const char *name = connect_cohort_get_name (cohort);
      g_autofree char *title = name != NULL ? g_strdup_printf ("%s · %s", id, name) : g_strdup (id);
      g_autofree char *summary = cohort_summary (cohort);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show cohort"),
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-cohort");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show this cohort in the Cohorts view"));
      adw_preferences_group_add (self->cohorts_group, row);
      g_ptr_array_add (self->detail_rows, row);
    }

  if (cohorts->len == 0)
    add_row (self, self->cohorts_group, _("No cohorts"),
             _("The commitment names no cohort, and no cohort of its trial uses its drug"));

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* Callbacks */

static void
selection_changed_cb (ConnectSupplyPage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  show_detail (self, item != NULL ? CONNECT_FORECAST (item) : NULL);
}

static void
row_activated_cb (ConnectSupplyPage *self,
                  guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
leaflet_folded_cb (ConnectSupplyPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
  /* No room for the count beside the filters on a phone. */
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !folded);
  gtk_list_view_set_single_click_activate (self->compact_view, folded);
  gtk_stack_set_visible_child_name (self->views_stack, folded ? "compact" : "table");
}

static void
partner_selected_cb (ConnectSupplyPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->partner_dropdown);
  const char *id = NULL;

  if (self->updating_dropdowns)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected < self->partner_ids->len)
    id = g_ptr_array_index (self->partner_ids, selected);

  g_free (self->partner);
  self->partner = g_strdup (id);
  g_settings_set_string (self->settings, "my-company", id != NULL ? id : "");
  refilter (self);
}

/* "My company" changed elsewhere (the preferences): follow it. */
static void
my_company_changed_cb (ConnectSupplyPage *self)
{
  g_autofree char *mine = g_settings_get_string (self->settings, "my-company");
  guint selected = 0;

  if (g_strcmp0 (*mine != '\0' ? mine : NULL, self->partner) == 0)
    return;

  for (guint i = 1; i < self->partner_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->partner_ids, i), mine) == 0)
      selected = i;

  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_selected (self->partner_dropdown, selected);
  self->updating_dropdowns = FALSE;

  g_free (self->partner);
  self->partner = selected > 0 ? g_strdup (g_ptr_array_index (self->partner_ids, selected)) : NULL;
  refilter (self);
}

static void
state_selected_cb (ConnectSupplyPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);

  if (self->updating_dropdowns)
    return;

  self->state = (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > G_N_ELEMENTS (states))
                ? -1 : (int) states[selected - 1];
  refilter (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ConnectSupplyPage *self = CONNECT_SUPPLY_PAGE (widget);

  if (self->feed == NULL)
    return;

  connect_export_csv (widget, self->feed, CONNECT_ENTITY_KIND_COMMITMENT,
                      G_LIST_MODEL (self->sort_model));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ConnectSupplyPage *self = CONNECT_SUPPLY_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Feed */

static int
compare_partner_names (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  ConnectFeed *feed = user_data;

  return g_utf8_collate (connect_supply_partner_label (feed, *(const char **) a),
                         connect_supply_partner_label (feed, *(const char **) b));
}

static void
fill_partners (ConnectSupplyPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *mine = g_settings_get_string (self->settings, "my-company");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->forecasts));
  guint selected = 0;

  g_ptr_array_set_size (self->partner_ids, 0);
  g_ptr_array_add (self->partner_ids, NULL);
  gtk_string_list_append (names, _("All partners"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectForecast) f = g_list_model_get_item (G_LIST_MODEL (self->forecasts), i);
      const char *id = connect_commitment_get_partner (connect_forecast_get_commitment (f));

      if (id != NULL && !g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) id);
    }
  g_ptr_array_sort_with_data (ids, compare_partner_names, self->feed);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      g_ptr_array_add (self->partner_ids, g_strdup (id));
      gtk_string_list_append (names, connect_supply_partner_label (self->feed, id));
      if (g_strcmp0 (id, mine) == 0)
        selected = i + 1;
    }

  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_model (self->partner_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->partner_dropdown, selected);
  self->updating_dropdowns = FALSE;

  g_free (self->partner);
  self->partner = selected > 0 ? g_strdup (g_ptr_array_index (self->partner_ids, selected)) : NULL;
}

static void
connect_supply_page_reload (ConnectSupplyPage *self)
{
  g_autoptr(GListModel) forecasts = NULL;
  guint n_old;

  g_clear_object (&self->shown);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->forecasts));

  if (self->feed == NULL)
    {
      g_list_store_remove_all (self->forecasts);
      connect_export_set_rows (GTK_WIDGET (self), CONNECT_ENTITY_KIND_COMMITMENT, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "supply.export", FALSE);
      return;
    }

  connect_supply_get_today (&self->today);
  forecasts = connect_forecast_list_new (self->feed, NULL, &self->today);

  {
    guint n = g_list_model_get_n_items (forecasts);
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (items, g_list_model_get_item (forecasts, i));
    g_list_store_splice (self->forecasts, 0, n_old, items->pdata, items->len);
  }

  fill_partners (self);
  refilter (self);
  connect_export_set_rows (GTK_WIDGET (self), CONNECT_ENTITY_KIND_COMMITMENT, self->feed,
                           G_LIST_MODEL (self->sort_model));

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->forecasts)) > 0
                                    ? "main" : "empty");
  selection_changed_cb (self);
}

static void connect_supply_page_ensure_built (ConnectSupplyPage *self);

/* A page not on screen costs nothing when the feed is replaced: the
 * forecasts are computed when it is mapped, or when its rows are asked for. */
static void
connect_supply_page_flush (ConnectSupplyPage *self)
{
  connect_supply_page_ensure_built (self);
  if (!self->reload_pending)
    return;
  self->reload_pending = FALSE;
  connect_supply_page_reload (self);
}

static void
connect_supply_page_map (GtkWidget *widget)
{
  connect_supply_page_flush (CONNECT_SUPPLY_PAGE (widget));

  GTK_WIDGET_CLASS (connect_supply_page_parent_class)->map (widget);
}

/* GObject */

static void
connect_supply_page_dispose (GObject *object)
{
  ConnectSupplyPage *self = CONNECT_SUPPLY_PAGE (object);

  /* AdwBin keeps a pointer to its child: let it go first, or the
   * template's disposal unparents it behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), CONNECT_TYPE_SUPPLY_PAGE);

  g_clear_object (&self->shown);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->forecasts);
  g_clear_object (&self->settings);
  g_clear_object (&self->feed);

  G_OBJECT_CLASS (connect_supply_page_parent_class)->dispose (object);
}

static void
connect_supply_page_finalize (GObject *object)
{
  ConnectSupplyPage *self = CONNECT_SUPPLY_PAGE (object);

  g_clear_pointer (&self->partner, g_free);
  g_clear_pointer (&self->partner_ids, g_ptr_array_unref);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (connect_supply_page_parent_class)->finalize (object);
}

static void
connect_supply_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ConnectSupplyPage *self = CONNECT_SUPPLY_PAGE (object);

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
connect_supply_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ConnectSupplyPage *self = CONNECT_SUPPLY_PAGE (object);

  switch (prop_id)
    {
    case PROP_FEED:
      connect_supply_page_set_feed (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
connect_supply_page_class_init (ConnectSupplyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = connect_supply_page_dispose;
  object_class->finalize = connect_supply_page_finalize;
  object_class->get_property = connect_supply_page_get_property;
  object_class->set_property = connect_supply_page_set_property;
  widget_class->map = connect_supply_page_map;

  properties[PROP_FEED] =
    g_param_spec_object ("feed", NULL, NULL, CONNECT_TYPE_FEED,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CONNECT_TYPE_STACKED_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/connectnorway/Cohorts/connect-supply-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, partner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, totals_expander);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, totals_list);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, compact_view);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, views_stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, detail_subtitle);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, detail_bar_chart);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, detail_slots);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, warning_box);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, figures_group);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, chart_group);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, ConnectSupplyPage, cohorts_group);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, state_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "supply.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "supply.go-back", NULL, go_back_action);
}

static void
setup_dropdown_item_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GtkWidget *label = new_label (FALSE);

  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_list_item_set_child (item, label);
}

static void
bind_dropdown_item_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *text = gtk_string_object_get_string (string);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  connect_tooltip_set_text (label, text);
}

static GtkListItemFactory *
dropdown_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_dropdown_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_dropdown_item_cb), NULL);
  return factory;
}

static void
connect_supply_page_init (ConnectSupplyPage *self)
{
  /* Built when first shown, or when its rows are asked for. */
  self->reload_pending = TRUE;
}

/* The widgets are made the first time the page is shown: a window opens
 * faster without the pages it does not show. */
static void
connect_supply_page_ensure_built (ConnectSupplyPage *self)
{
  g_autoptr(GtkStringList) state_names = NULL;
  g_autoptr(GtkListItemFactory) partner_factory = NULL;
  g_autoptr(GtkListItemFactory) state_factory = NULL;
  GtkSorter *view_sorter;

  if (self->built)
    return;
  self->built = TRUE;

  state_names = gtk_string_list_new (NULL);
  partner_factory = dropdown_factory ();
  state_factory = dropdown_factory ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APP_ID);
  g_signal_connect_object (self->settings, "changed::my-company",
                           G_CALLBACK (my_company_changed_cb), self, G_CONNECT_SWAPPED);
  self->partner_ids = g_ptr_array_new_with_free_func (g_free);
  self->detail_rows = g_ptr_array_new ();
  self->state = -1;
  connect_supply_get_today (&self->today);

  self->forecasts = g_list_store_new (CONNECT_TYPE_FORECAST);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->forecasts)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (view_sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* The figures people look for first come first; the rest may scroll. */
  add_column (self, COLUMN_PARTNER, _("Partner"), G_CALLBACK (setup_wrap_cb), 10, FALSE, -1);
  add_column (self, COLUMN_DRUG, _("Drug"), G_CALLBACK (setup_wrap_cb), 12, TRUE, -1);
  add_column (self, COLUMN_SLOTS, _("Slots Left"), G_CALLBACK (setup_slots_cb), 0, FALSE, 130);
  add_column (self, COLUMN_RUNWAY, _("Runway"), G_CALLBACK (setup_two_lines_cb), 0, FALSE, -1);
  add_column (self, COLUMN_WARNING, _("Warning"), G_CALLBACK (setup_warning_cb), 0, FALSE, -1);
  add_column (self, COLUMN_VALIDITY, _("Valid"), G_CALLBACK (setup_wrap_cb), 11, FALSE, -1);
  add_column (self, COLUMN_STATE, _("State"), G_CALLBACK (setup_label_cb), 0, FALSE, -1);
  add_column (self, COLUMN_KIND, _("Kind"), G_CALLBACK (setup_wrap_cb), 10, FALSE, -1);
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    ColumnData *data = g_new0 (ColumnData, 1);

    data->self = self;
    data->column = COLUMN_COMPACT;
    g_signal_connect (factory, "setup", G_CALLBACK (setup_compact_cb), NULL);
    g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cb), data,
                           (GClosureNotify) (void (*) (void)) g_free, 0);
    gtk_list_view_set_factory (self->compact_view, factory);
    gtk_list_view_set_model (self->compact_view, GTK_SELECTION_MODEL (self->selection));
  }

  gtk_drop_down_set_factory (self->partner_dropdown, partner_factory);
  gtk_drop_down_set_factory (self->state_dropdown, state_factory);
  /* GTK 4.8 does not pass a drop-down's name on to the toggle button
   * inside it, which is what assistive technologies reach. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->partner_dropdown))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Partner"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->state_dropdown))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("State"),
                                  -1);

  gtk_string_list_append (state_names, _("All states"));
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    gtk_string_list_append (state_names, enum_label (CONNECT_TYPE_COMMITMENT_STATE, states[i]));
  self->updating_dropdowns = TRUE;
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (state_names));
  self->updating_dropdowns = FALSE;

  leaflet_folded_cb (self);
}

/* Public API */

GtkWidget *
connect_supply_page_new (void)
{
  return g_object_new (CONNECT_TYPE_SUPPLY_PAGE, NULL);
}

ConnectFeed *
connect_supply_page_get_feed (ConnectSupplyPage *self)
{
  g_return_val_if_fail (CONNECT_IS_SUPPLY_PAGE (self), NULL);

  return self->feed;
}

void
connect_supply_page_set_feed (ConnectSupplyPage *self,
                              ConnectFeed       *feed)
{
  g_return_if_fail (CONNECT_IS_SUPPLY_PAGE (self));
  g_return_if_fail (feed == NULL || CONNECT_IS_FEED (feed));

  if (!g_set_object (&self->feed, feed))
    return;

  if (self->built && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->reload_pending = FALSE;
      connect_supply_page_reload (self);
    }
  else
    {
      self->reload_pending = TRUE;
      /* Until the rebuild, win.export must not save the old feed's rows. */
      connect_export_set_rows (GTK_WIDGET (self), CONNECT_ENTITY_KIND_COMMITMENT, NULL, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEED]);
}

/**
 * connect_supply_page_get_rows:
 *
 * Returns: (transfer none): the forecasts shown, filtered and sorted
 */
GListModel *
connect_supply_page_get_rows (ConnectSupplyPage *self)
{
  g_return_val_if_fail (CONNECT_IS_SUPPLY_PAGE (self), NULL);

  connect_supply_page_flush (self);
  return G_LIST_MODEL (self->sort_model);
}
