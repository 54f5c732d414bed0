/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-cli-supply.c: `connect-feed supply FEED [--partner P]
 * [--today YYYY-MM-DD]`: committed slots and when they run out (the rules
 * are in connect-forecast.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "connect-cli.h"
#include "connect-forecast.h"

/* json-glib writes doubles with 17 significant digits (4.9 becomes
 * 4.9000000000000004): runway_months is written as a marker string and
 * replaced by its one-decimal text after generation. Ids cannot hold '@'. */
#define RUNWAY_MARKER "@@runway:"

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]) ||
      text[4] != '-' ||
      !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]) ||
      text[7] != '-' ||
      !g_ascii_isdigit (text[8]) || !g_ascii_isdigit (text[9]))
    return FALSE;

  year = (int) g_ascii_strtoll (text, NULL, 10);
  month = (int) g_ascii_strtoll (text + 5, NULL, 10);
  day = (int) g_ascii_strtoll (text + 8, NULL, 10);

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);

  return TRUE;
}

static char *
format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);

  return g_strdup (text);
}

/* The runway rounded to one decimal, as text: "4.9", "0.0". */
static char *
format_runway (double months)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (text, sizeof text, "%.1f", round (months * 10) / 10);

  return g_strdup (text);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (GListModel *forecasts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GRegex) marker = NULL;
  g_autofree char *text = NULL;
  g_autofree char *replaced = NULL;
  guint n = g_list_model_get_n_items (forecasts);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectForecast) forecast = g_list_model_get_item (forecasts, i);
      ConnectCommitment *commitment = connect_forecast_get_commitment (forecast);
      const GDate *exhausted_on = connect_forecast_get_exhausted_on (forecast);
      g_autofree char *date = exhausted_on != NULL ? format_date (exhausted_on) : NULL;
      g_autofree char *warning = connect_forecast_dup_warning_english (forecast);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "commitment",
                          connect_entity_get_id (CONNECT_ENTITY (commitment)));
      add_string_or_null (builder, "partner", connect_commitment_get_partner (commitment));
      add_string_or_null (builder, "drug", connect_commitment_get_drug (commitment));
      add_int (builder, "slots", connect_forecast_get_slots (forecast));
      add_int (builder, "used", connect_forecast_get_used (forecast));
      add_int (builder, "reserved", connect_forecast_get_reserved (forecast));
      add_int (builder, "remaining", connect_forecast_get_remaining (forecast));
      json_builder_set_member_name (builder, "runway_months");
      if (connect_forecast_has_runway (forecast))
        {
          g_autofree char *runway = format_runway (connect_forecast_get_runway_months (forecast));
          g_autofree char *value = g_strconcat (RUNWAY_MARKER, runway, "@@", NULL);

          json_builder_add_string_value (builder, value);
        }
      else
        json_builder_add_null_value (builder);
      add_string_or_null (builder, "exhausted_on", date);
      add_string_or_null (builder, "warning", warning);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);

  /* as connect_cli_print_json() writes it */
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  marker = g_regex_new ("\"" RUNWAY_MARKER "(-?[0-9]+\\.[0-9])@@\"", 0, 0, NULL);
  replaced = g_regex_replace (marker, text, -1, 0, "\\1", 0, NULL);

  connect_cli_write_stdout (replaced, strlen (replaced));
  connect_cli_write_stdout ("\n", 1);
}

enum {
  COL_COMMITMENT,
  COL_PARTNER,
  COL_DRUG,
  COL_SLOTS,
  COL_USED,
  COL_RESERVED,
  COL_REMAINING,
  COL_RUNWAY,
  COL_EXHAUSTED,
  COL_WARNING,
  N_COLUMNS
};

static gboolean
column_is_numeric (guint column)
{
  return column >= COL_SLOTS && column <= COL_RUNWAY;
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  guint len = g_utf8_strlen (text, -1);

  if (right)
    for (guint k = len; k < width; k++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint k = len; k < width; k++)
      g_string_append_c (out, ' ');
}

static void
print_text (GListModel *forecasts)
{
  const char *headers[N_COLUMNS] = {
    /* Translators: column headings of `connect-feed supply`, upper case */
    C_("column", "COMMITMENT"),
    C_("column", "PARTNER"),
    C_("column", "DRUG"),
    C_("column", "SLOTS"),
    C_("column", "USED"),
    C_("column", "RESERVED"),
    C_("column", "REMAINING"),
    C_("column", "RUNWAY (MONTHS)"),
    C_("column", "RUNS OUT"),
    C_("column", "WARNING"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GListModel) totals = connect_supply_totals_list_new (forecasts);
  guint widths[N_COLUMNS];
  guint n = g_list_model_get_n_items (forecasts);
  GString *out = g_string_new (NULL);

  {
    char **row = g_new0 (char *, N_COLUMNS + 1);

    for (guint c = 0; c < N_COLUMNS; c++)
      {
        row[c] = g_strdup (headers[c]);
        widths[c] = g_utf8_strlen (headers[c], -1);
      }
    g_ptr_array_add (rows, row);
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConnectForecast) forecast = g_list_model_get_item (forecasts, i);
      ConnectCommitment *commitment = connect_forecast_get_commitment (forecast);
      const GDate *exhausted_on = connect_forecast_get_exhausted_on (forecast);
      const char *warning = connect_forecast_get_warning_text (forecast);
      char **row = g_new0 (char *, N_COLUMNS + 1);

      row[COL_COMMITMENT] = g_strdup (connect_entity_get_id (CONNECT_ENTITY (commitment)));
      row[COL_PARTNER] = g_strdup (connect_commitment_get_partner (commitment));
      row[COL_DRUG] = g_strdup (connect_commitment_get_drug (commitment));
      row[COL_SLOTS] = g_strdup_printf ("%" G_GINT64_FORMAT, connect_forecast_get_slots (forecast));
      row[COL_USED] = g_strdup_printf ("%" G_GINT64_FORMAT, connect_forecast_get_used (forecast));
      row[COL_RESERVED] = g_strdup_printf ("%" G_GINT64_FORMAT, connect_forecast_get_reserved (forecast));
      row[COL_REMAINING] = g_strdup_printf ("%" G_GINT64_FORMAT, connect_forecast_get_remaining (forecast));
      row[COL_RUNWAY] = connect_forecast_has_runway (forecast)
                          ? format_runway (connect_forecast_get_runway_months (forecast))
                          : g_strdup ("–");
      row[COL_EXHAUSTED] = exhausted_on != NULL ? format_date (exhausted_on) : g_strdup ("–");
      row[COL_WARNING] = g_strdup (warning != NULL ? warning : "");

      for (guint c = 0; c < N_COLUMNS; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));

      g_ptr_array_add (rows, row);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      guint last = N_COLUMNS - 1;

      /* no trailing blanks: the last column is not padded */
      while (last > 0 && row[last][0] == '\0')
        last--;

      for (guint c = 0; c <= last; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          append_padded (out, row[c], c == last && !column_is_numeric (c) ? 0 : widths[c],
                         column_is_numeric (c));
        }
      g_string_append_c (out, '\n');
    }

  if (n == 0)
    g_string_append_printf (out, "%s\n", _("No commitments."));

  for (guint i = 0; i < g_list_model_get_n_items (totals); i++)
    {
      g_autoptr(ConnectSupplyTotals) sum = g_list_model_get_item (totals, i);

      if (i == 0)
        g_string_append_c (out, '\n');
      /* Translators: one partner's commitments added up in `connect-feed
       * supply`: partner id, then counts of slots */
      g_string_append_printf (out, _("%s: %lu slots, %lu used, %lu reserved, %lu remaining\n"),
                              connect_supply_totals_get_partner (sum),
                              (gulong) connect_supply_totals_get_slots (sum),
                              (gulong) connect_supply_totals_get_used (sum),
                              (gulong) connect_supply_totals_get_reserved (sum),
                              (gulong) connect_supply_totals_get_remaining (sum));
    }

  connect_cli_write_stdout (out->str, out->len);
  g_string_free (out, TRUE);
}

int
connect_cli_supply (int    argc,
                    char **argv)
{
  g_autofree char *partner = NULL;
  g_autofree char *today_text = NULL;
  const GOptionEntry entries[] = {
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner,
      N_("Only the commitments of this partner, by id or name"), N_("PARTNER") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Forecast as of this date instead of today"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(ConnectFeed) feed = NULL;
  g_autoptr(ConnectIssue) issue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) forecasts = NULL;
  const char *partner_id = NULL;
  ConnectCliFormat format;
  GDate today;

  if (!connect_cli_parse_options (&argc, &argv, _("[FEED]"),
                                  _("Shows, for each commitment, the slots used, reserved "
                                    "and remaining, and when they will run out at the "
                                    "pace so far."),
                                  entries, &format))
    return CONNECT_CLI_EXIT_USAGE;

  if (argc > 2)
    return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                              _("Too many arguments: supply takes one FEED"));

  g_date_clear (&today, 1);
  if (today_text != NULL)
    {
      if (!parse_date (today_text, &today))
        return connect_cli_error (CONNECT_CLI_EXIT_USAGE,
                                  _("Invalid --today “%s”: give a date as YYYY-MM-DD"),
                                  today_text);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  feed = connect_cli_load_feed (argc > 1 ? argv[1] : NULL, &issue, &error);
  if (feed == NULL)
    {
      g_autofree char *message = issue != NULL ? connect_issue_to_string (issue)
                                               : g_strdup (error->message);

      return connect_cli_error (CONNECT_CLI_EXIT_FAILED, "%s", message);
    }

  if (partner != NULL)
    {
      /* an id, else a name ignoring case; unknown: no commitments */
      ConnectPartner *found = connect_feed_lookup_partner (feed, partner);
      GListModel *partners = connect_feed_get_partners (feed);

      for (guint i = 0; found == NULL && i < g_list_model_get_n_items (partners); i++)
        {
          g_autoptr(ConnectPartner) candidate = g_list_model_get_item (partners, i);
          g_autofree char *a = g_utf8_casefold (connect_partner_get_name (candidate), -1);
          g_autofree char *b = g_utf8_casefold (partner, -1);

          if (g_strcmp0 (a, b) == 0)
            found = candidate;
        }

      partner_id = found != NULL ? connect_entity_get_id (CONNECT_ENTITY (found)) : partner;
    }

  forecasts = connect_forecast_list_new (feed, partner_id, &today);

  if (format == CONNECT_CLI_FORMAT_JSON)
    print_json (forecasts);
  else
    print_text (forecasts);

  return CONNECT_CLI_EXIT_OK;
}
