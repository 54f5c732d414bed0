/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Cohorts view as a widget, with generated feeds of hundreds of
 * cohorts: a new feed replaces the rows step by step while the page is on
 * screen (never all of GtkListView's rows in one frame), ends with every
 * cohort in the list and the same cohort in the detail, and is taken at
 * once while the page is off screen. Also the list cells' tooltips, which
 * must not ask the display server anything when set. Run under xvfb-run
 * (suite "ui"). */
#include "config.h"

#include <adwaita.h>

#include "connect-cohort-detail.h"
#include "connect-cohorts-page.h"
#include "connect-feed-gen.h"
#include "connect-resources.h"
#include "connect-tooltip.h"

#define N_COHORTS 600
#define SEED 20261126

static ConnectFeed *
generated_feed (guint change_percent)
{
  g_autoptr(GBytes) bytes = connect_feed_gen_generate (N_COHORTS, SEED, change_percent, NULL);
  g_autoptr(GError) error = NULL;
  ConnectFeed *feed;

  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  return feed;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget           *window;
  ConnectCohortsPage  *page;
  GListModel          *rows;    /* the column view's model */
  ConnectCohortDetail *detail;
  guint                fewest;  /* fewest rows seen while waiting */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page = connect_cohorts_page_new ();

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = CONNECT_COHORTS_PAGE (page);
  fixture->rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW))));
  fixture->detail = CONNECT_COHORT_DETAIL (find_widget (page, CONNECT_TYPE_COHORT_DETAIL));

  /* Every cohort, whatever filters an earlier run left. */
  gtk_widget_activate_action (page, "cohorts.clear-filters", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
}

/* Runs the main loop until @feed is shown with all its rows. */
static void
wait_shown (Fixture     *fixture,
            ConnectFeed *feed)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  fixture->fewest = G_MAXUINT;
  while (connect_cohorts_page_get_feed (fixture->page) != feed ||
         g_list_model_get_n_items (fixture->rows) != N_COHORTS)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
      fixture->fewest = MIN (fixture->fewest, g_list_model_get_n_items (fixture->rows));
    }
  /* Let the last steps (the detail, the rest of the rows) run. */
  for (guint i = 0; i < 60; i++)
    {
      g_usleep (20000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

static void
test_swap_on_screen (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ConnectFeed) first = generated_feed (0);
  g_autoptr(ConnectFeed) second = generated_feed (10);
  g_autoptr(ConnectCohort) chosen = NULL;
  g_autofree char *chosen_id = NULL;
  ConnectCohort *shown;

  connect_cohorts_page_set_feed (fixture->page, first);
  wait_shown (fixture, first);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, N_COHORTS);

  /* A cohort further down is shown in the detail. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (fixture->rows), 7);
  chosen = g_list_model_get_item (fixture->rows, 7);
  chosen_id = g_strdup (connect_entity_get_id (CONNECT_ENTITY (chosen)));
  g_assert_true (connect_cohort_detail_get_cohort (fixture->detail) == chosen);

  connect_cohorts_page_set_feed (fixture->page, second);
  wait_shown (fixture, second);

  /* The rows went and came back a few at a time... */
  g_assert_cmpuint (fixture->fewest, <, 100);
  /* ... and every cohort of the new feed is in the list, in feed order. */
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, N_COHORTS);
  for (guint i = 0; i < N_COHORTS; i += 97)
    {
      g_autoptr(ConnectCohort) row = g_list_model_get_item (fixture->rows, i);
      g_autoptr(ConnectCohort) in_feed = g_list_model_get_item (connect_feed_get_cohorts (second), i);

      g_assert_true (row == in_feed);
    }

  /* The detail shows the same cohort, as the new feed has it. */
  shown = connect_cohort_detail_get_cohort (fixture->detail);
  g_assert_nonnull (shown);
  g_assert_cmpstr (connect_entity_get_id (CONNECT_ENTITY (shown)), ==, chosen_id);
  g_assert_true (shown == connect_feed_lookup_cohort (second, chosen_id));
}

static void
test_swap_off_screen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ConnectFeed) first = generated_feed (0);
  g_autoptr(ConnectFeed) second = generated_feed (10);

  connect_cohorts_page_set_feed (fixture->page, first);
  wait_shown (fixture, first);

  /* Off screen, nothing is drawn: the new feed comes in at once. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  connect_cohorts_page_set_feed (fixture->page, second);
  wait_shown (fixture, second);
  g_assert_cmpuint (fixture->fewest, ==, N_COHORTS);

  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (fixture->rows), ==, N_COHORTS);
}

/* The titles of the columns shown, joined with "|". */
static char *
column_titles (Fixture *fixture)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (i > 0)
        g_string_append_c (titles, '|');
      g_string_append (titles, gtk_column_view_column_get_title (column));
    }
  return g_string_free (titles, FALSE);
}

/* Resizes the window and waits for the columns to be @expected. */
static void
assert_columns_at (Fixture    *fixture,
                   int         width,
                   const char *expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autofree char *titles = NULL;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 700);
  for (;;)
    {
      g_free (titles);
      titles = column_titles (fixture);
      if (g_str_equal (titles, expected) || g_get_monotonic_time () > deadline)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_cmpstr (titles, ==, expected);
}

/* As many columns as the list has room for: never a list that scrolls
 * sideways and hides the slots left. */
static void
test_columns_follow_width (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ConnectFeed) feed = generated_feed (0);

  connect_cohorts_page_set_feed (fixture->page, feed);
  wait_shown (fixture, feed);

  assert_columns_at (fixture, 1300, "Watch|ID|Tumour|Biomarker|Drugs|Status|Enrolled|Slots Left");
  assert_columns_at (fixture, 950, "Watch|Tumour|Biomarker|Drugs|Status|Slots Left");
  assert_columns_at (fixture, 400, "Watch|Tumour|Biomarker|Status");
  assert_columns_at (fixture, 1300, "Watch|ID|Tumour|Biomarker|Drugs|Status|Enrolled|Slots Left");
}

/* While the feed is read: no "No Data" page flashing past, a spinner only
 * after a while, and neither once the feed is in. */
static void
test_loading (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(ConnectFeed) feed = generated_feed (0);
  GtkWidget *spinner = find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SPINNER);
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (spinner));
  gint64 until;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  until = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!gtk_spinner_get_spinning (GTK_SPINNER (spinner)) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  connect_cohorts_page_set_feed (fixture->page, feed);
  wait_shown (fixture, feed);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
}

static gboolean
query_tooltip (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 0, 0, FALSE, tooltip, &shown);
  return shown;
}

static void
test_tooltip (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("dabrafenib, trametinib"));

  g_assert_false (gtk_widget_get_has_tooltip (label));

  connect_tooltip_set_text (label, "dabrafenib, trametinib");
  g_assert_cmpstr (connect_tooltip_get_text (label), ==, "dabrafenib, trametinib");
  g_assert_true (gtk_widget_get_has_tooltip (label));
  /* Not GTK's own tooltip text, whose setter asks the display server. */
  g_assert_null (gtk_widget_get_tooltip_text (label));
  g_assert_true (query_tooltip (label));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "dabrafenib, trametinib");

  /* Rebound to another row: the new text. */
  connect_tooltip_set_text (label, "osimertinib");
  g_assert_cmpstr (connect_tooltip_get_text (label), ==, "osimertinib");

  /* None: no tooltip shows. */
  connect_tooltip_set_text (label, NULL);
  g_assert_null (connect_tooltip_get_text (label));
  g_assert_false (gtk_widget_get_has_tooltip (label));
  g_assert_false (query_tooltip (label));
  connect_tooltip_set_text (label, "");
  g_assert_false (gtk_widget_get_has_tooltip (label));

  g_object_unref (label);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_resources_register (connect_get_resource ());

  g_test_add_func ("/cohorts-ui/tooltip", test_tooltip);
  g_test_add ("/cohorts-ui/swap-on-screen", Fixture, NULL,
              fixture_set_up, test_swap_on_screen, fixture_tear_down);
  g_test_add ("/cohorts-ui/swap-off-screen", Fixture, NULL,
              fixture_set_up, test_swap_off_screen, fixture_tear_down);
  g_test_add ("/cohorts-ui/columns-follow-width", Fixture, NULL,
              fixture_set_up, test_columns_follow_width, fixture_tear_down);
  g_test_add ("/cohorts-ui/loading", Fixture, NULL,
              fixture_set_up, test_loading, fixture_tear_down);

  return g_test_run ();
}
