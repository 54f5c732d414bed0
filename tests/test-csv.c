/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "connect-csv.h"
#include "connect-feed.h"

static ConnectFeed *
load_fixture (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  ConnectFeed *feed;

  path = g_build_filename (g_getenv ("CONNECT_TEST_FEEDS"), "cli", "cohorts.json", NULL);
  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  feed = connect_feed_new_from_bytes (bytes, CONNECT_FEED_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);

  return feed;
}

static char *
field (const char *value)
{
  GString *out = g_string_new (NULL);

  connect_csv_append_field (out, value);

  return g_string_free (out, FALSE);
}

static void
test_field (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "\"", "\"\"\"\"" },
    { "line\nbreak", "\"line\nbreak\"" },
    { "carriage\rreturn", "\"carriage\rreturn\"" },
    { "crlf\r\n", "\"crlf\r\n\"" },
    { "Tromsø, Bodø og Ålesund", "\"Tromsø, Bodø og Ålesund\"" },
    { "æøå ÆØÅ", "æøå ÆØÅ" },
    { " spaces kept ", " spaces kept " },
    { "semi;colon", "semi;colon" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = field (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  {
    g_autofree char *out = field (NULL);

    g_assert_cmpstr (out, ==, "");
  }
}

static void
test_row (void)
{
  const char *fields[] = { "a", NULL, "", "b,c", "æ\"ø\"å" };
  g_autoptr(GString) out = g_string_new ("x");

  connect_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (out->str, ==, "xa,,,\"b,c\",\"æ\"\"ø\"\"å\"\r\n");

  g_string_truncate (out, 0);
  connect_csv_append_row (out, NULL, 0);
  g_assert_cmpstr (out->str, ==, "\r\n");
}

static void
test_kinds (void)
{
  ConnectEntityKind kind;

  g_assert_true (connect_csv_kind_from_name ("cohorts", &kind));
  g_assert_cmpint (kind, ==, CONNECT_ENTITY_KIND_COHORT);
  g_assert_true (connect_csv_kind_from_name ("commitments", &kind));
  g_assert_cmpint (kind, ==, CONNECT_ENTITY_KIND_COMMITMENT);
  g_assert_true (connect_csv_kind_from_name ("sites", &kind));
  g_assert_cmpint (kind, ==, CONNECT_ENTITY_KIND_SITE);
  g_assert_true (connect_csv_kind_from_name ("partners", &kind));
  g_assert_cmpint (kind, ==, CONNECT_ENTITY_KIND_PARTNER);
  g_assert_false (connect_csv_kind_from_name ("drugs", &kind));
  g_assert_false (connect_csv_kind_from_name ("Cohorts", &kind));
  g_assert_false (connect_csv_kind_from_name (NULL, &kind));

  g_assert_null (connect_csv_get_columns (CONNECT_ENTITY_KIND_DRUG));
  g_assert_cmpuint (g_strv_length ((char **) connect_csv_get_columns (CONNECT_ENTITY_KIND_COHORT)), ==, 21);
  g_assert_cmpuint (g_strv_length ((char **) connect_csv_get_columns (CONNECT_ENTITY_KIND_COMMITMENT)), ==, 13);
  g_assert_cmpuint (g_strv_length ((char **) connect_csv_get_columns (CONNECT_ENTITY_KIND_SITE)), ==, 6);
  g_assert_cmpuint (g_strv_length ((char **) connect_csv_get_columns (CONNECT_ENTITY_KIND_PARTNER)), ==, 7);
}

/* Splits the export into its lines (CRLF outside quotes). */
static GPtrArray *
records (const char *csv)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  const char *start = csv;

  for (const char *p = csv; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && p[0] == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (lines, g_strndup (start, p - start));
          start = p + 2;
          p++;
        }
      else if (!quoted)
        g_assert_cmpint (*p, !=, '\n');
    }
  g_assert_true (*start == '\0');
  g_assert_false (quoted);

  return lines;
}

static void
test_cohorts (void)
{
  g_autoptr(ConnectFeed) feed = load_fixture ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;

  connect_csv_write_cohorts (feed, NULL, out);
  g_assert_true (g_utf8_validate (out->str, out->len, NULL));
  lines = records (out->str);
  g_assert_cmpuint (lines->len, ==, 6);

  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "id,trial,name,status,stage,outcome,tumor,tumor_code,agnostic,genes,alteration,"
                   "variant,drugs,enrolled,target,evaluable,with_benefit,sites,opened,closed,contact");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==,
                   "IMP-001,IMPRESS,\"Vemurafenib + cobimetinib, BRAF V600 colorectal\",open,1,,"
                   "Colorectal cancer,COADREAD,false,BRAF,mutation,V600,vemurafenib;cobimetinib,5,8,,,"
                   "ous-rh;unn-tromso,2021-05-01,,\"Kari Nordmann \"\"KN\"\", OUS\"");
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==,
                   "IMP-002,IMPRESS,\"Trastuzumab + pertuzumab, ERBB2 amplified biliary\",evaluating,2,,"
                   "Gallbladder cancer,GBC,false,ERBB2,amplification,,trastuzumab;pertuzumab,24,24,20,6,"
                   "hus,2021-09-01,,\"Line one\r\nLine two\"");
  g_assert_cmpstr (g_ptr_array_index (lines, 3), ==,
                   "IMP-003,IMPRESS,Dabrafenib i lungekreft,closed,1,no-benefit,Non-Small Cell Lung Cancer,"
                   "NSCLC,false,BRAF,mutation,V600E,dabrafenib,8,8,8,0,ous-rh,2021-06-01,2023-02-01,");
  /* Absent values are empty fields; Norwegian letters pass as they are. */
  g_assert_cmpstr (g_ptr_array_index (lines, 4), ==,
                   "IMP-004,IMPRESS,\"Lorlatinib ved ALK-fusjon, Tromsø og Bodø: «æøå ÆØÅ»\",planned,,,"
                   "Solid tumour,,true,ALK,fusion,,lorlatinib,,,,,,,,");
  g_assert_cmpstr (g_ptr_array_index (lines, 5), ==,
                   "OLD-001,OLD,Étude pilote trastuzumab,suspended,expansion,,Brystkreft,BRCA,false,HER2,"
                   "amplification,,trastuzumab,3,24,,,unn-tromso,,,");
}

static void
test_filtered (void)
{
  g_autoptr(ConnectFeed) feed = load_fixture ();
  g_autoptr(GListStore) some = g_list_store_new (CONNECT_TYPE_COHORT);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GString) copy = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  GListModel *cohorts = connect_feed_get_cohorts (feed);

  /* A list of every cohort gives the same bytes as the whole feed. */
  for (guint i = 0; i < g_list_model_get_n_items (cohorts); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (cohorts, i);

      g_list_store_append (some, item);
    }
  connect_csv_write_cohorts (feed, NULL, all);
  connect_csv_write_cohorts (feed, G_LIST_MODEL (some), copy);
  g_assert_cmpstr (all->str, ==, copy->str);

  /* A filtered list: only its rows, in its order. */
  g_list_store_remove (some, 0);
  g_list_store_remove (some, 1);
  g_list_store_remove (some, 1);
  connect_csv_write (feed, CONNECT_ENTITY_KIND_COHORT, G_LIST_MODEL (some), out);
  lines = records (out->str);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 1), "IMP-002,"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (lines, 2), "OLD-001,"));

  /* An empty list: the header alone. */
  g_list_store_remove_all (some);
  g_string_truncate (out, 0);
  connect_csv_write_cohorts (feed, G_LIST_MODEL (some), out);
  g_assert_true (g_str_has_prefix (out->str, "id,trial,name,"));
  g_assert_true (g_str_has_suffix (out->str, ",contact\r\n"));
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = records (out->str);
  g_assert_cmpuint (lines->len, ==, 1);
}

static void
test_commitments (void)
{
  g_autoptr(ConnectFeed) feed = load_fixture ();
  g_autoptr(GString) out = g_string_new (NULL);

  connect_csv_write_commitments (feed, NULL, out);
  g_assert_cmpstr (out->str, ==,
                   "id,partner,drug,trial,cohorts,kind,slots,used,reserved,payer_after_week16,"
                   "valid_from,valid_until,state\r\n"
                   "C-ROCHE-1,roche,vemurafenib,IMPRESS,IMP-001,free-drug,24,5,2,regional-health-authority,"
                   "2021-01-01,2027-12-31,active\r\n"
                   "C-PFIZER-1,pfizer,lorlatinib,IMPRESS,IMP-004,free-drug,8,0,,,,,negotiating\r\n"
                   "C-NOV-1,novartis,dabrafenib,OLD,OLD-001,free-drug-first-16-weeks,4,1,0,none,"
                   "2020-01-01,2022-12-31,expired\r\n");
}

static void
test_sites (void)
{
  g_autoptr(ConnectFeed) feed = load_fixture ();
  g_autoptr(GString) out = g_string_new (NULL);

  connect_csv_write_sites (feed, NULL, out);
  g_assert_cmpstr (out->str, ==,
                   "id,name,partner,city,region,recruiting\r\n"
                   "ous-rh,\"Oslo universitetssykehus, Radiumhospitalet\",ous,Oslo,south-east,true\r\n"
                   "unn-tromso,UNN Tromsø,unn,Tromsø,north,false\r\n"
                   "hus,Haukeland universitetssjukehus,,Bergen,west,\r\n");
}

static void
test_partners (void)
{
  g_autoptr(ConnectFeed) feed = load_fixture ();
  g_autoptr(GString) out = g_string_new (NULL);

  connect_csv_write_partners (feed, NULL, out);
  g_assert_cmpstr (out->str, ==,
                   "id,name,kind,membership,joined,country,url\r\n"
                   "roche,Roche Norge AS,industry,member,2019-01-01,NO,https://www.roche.no/\r\n"
                   "novartis,Novartis Norge,industry,member,,NO,\r\n"
                   "pfizer,Pfizer,industry,member,,,\r\n"
                   "ous,Oslo universitetssykehus,university-hospital,member,2019-01-01,NO,\r\n"
                   "unn,Universitetssykehuset Nord-Norge,university-hospital,member,,NO,\r\n"
                   "fhi,Folkehelseinstituttet,public-agency,observer,,NO,\r\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/connect/csv/field", test_field);
  g_test_add_func ("/connect/csv/row", test_row);
  g_test_add_func ("/connect/csv/kinds", test_kinds);
  g_test_add_func ("/connect/csv/cohorts", test_cohorts);
  g_test_add_func ("/connect/csv/filtered", test_filtered);
  g_test_add_func ("/connect/csv/commitments", test_commitments);
  g_test_add_func ("/connect/csv/sites", test_sites);
  g_test_add_func ("/connect/csv/partners", test_partners);

  return g_test_run ();
}
