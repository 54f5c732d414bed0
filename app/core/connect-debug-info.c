/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsecret/secret.h>
#include <libsoup/soup.h>

#include "connect-debug-info.h"
#include "connect-enums.h"
#include "connect-feed-url.h"

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : "unknown";
}

static void
append_time (GString    *text,
             const char *label,
             GDateTime  *time)
{
  g_autofree char *formatted = NULL;

  if (time != NULL)
    formatted = g_date_time_format_iso8601 (time);
  g_string_append_printf (text, "  %s: %s\n", label, formatted != NULL ? formatted : "never");
}

static void
append_feed (GString     *text,
             ConnectStore *store)
{
  ConnectFeed *feed = connect_store_get_feed (store);
  g_autofree char *url = connect_feed_url_for_display (connect_store_get_feed_url (store));
  GPtrArray *warnings;

  g_string_append (text, "Feed:\n");
  g_string_append_printf (text, "  URL: %s\n", url != NULL ? url : "(none: the sample data)");
  g_string_append_printf (text, "  Source: %s\n",
                          enum_nick (CONNECT_TYPE_FEED_SOURCE, connect_store_get_source (store)));
  if (feed == NULL)
    {
      g_string_append (text, "  Loaded: no\n");
      return;
    }

  append_time (text, "Generated at", connect_feed_get_generated_at (feed));
  g_string_append_printf (text, "  Format version: %d\n", connect_feed_get_version (feed));
  g_string_append_printf (text, "  Size: %" G_GSIZE_FORMAT " bytes\n", connect_feed_get_size (feed));
  if (connect_feed_get_checksum (feed) != NULL)
    g_string_append_printf (text, "  SHA-256: %s\n", connect_feed_get_checksum (feed));
  g_string_append_printf (text, "  Trials: %u, cohorts: %u, partners: %u\n",
                          g_list_model_get_n_items (connect_feed_get_trials (feed)),
                          g_list_model_get_n_items (connect_feed_get_cohorts (feed)),
                          g_list_model_get_n_items (connect_feed_get_partners (feed)));
  warnings = connect_feed_get_warnings (feed);
  g_string_append_printf (text, "  Warnings: %u\n", warnings != NULL ? warnings->len : 0);
}

static void
append_sync (GString      *text,
             ConnectStore *store,
             GDateTime    *now)
{
  const GError *error = connect_store_get_error (store);
  GTimeSpan age;

  g_string_append (text, "Sync:\n");
  g_string_append_printf (text, "  Can sync: %s\n", connect_store_get_can_sync (store) ? "yes" : "no");
  g_string_append_printf (text, "  State: %s\n",
                          enum_nick (CONNECT_TYPE_SYNC_STATE, connect_store_get_sync_state (store)));
  append_time (text, "Last success", connect_store_get_last_success (store));
  age = connect_store_get_data_age (store);
  if (age >= 0)
    g_string_append_printf (text, "  Data age: %" G_GINT64_FORMAT " minutes%s\n",
                            age / G_TIME_SPAN_MINUTE,
                            connect_store_get_stale (store) ? " (stale)" : "");
  if (error != NULL)
    {
      g_autoptr(GString) message = g_string_new (error->message);
      const char *raw_url = connect_store_get_feed_url (store);
      g_autofree char *url = connect_feed_url_for_display (raw_url);

      /* The message may quote the address: show it as in "URL:". */
      if (url != NULL)
        g_string_replace (message, raw_url, url, 0);
      g_string_append_printf (text, "  Last error: %s %d: %s\n",
                              g_quark_to_string (error->domain), error->code,
                              message->str);
    }
  else
    g_string_append (text, "  Last error: none\n");
  g_string_append_printf (text, "  Cache: %s\n",
                          connect_store_get_cache_dir (store) != NULL
                            ? connect_store_get_cache_dir (store) : "(none)");
  append_time (text, "Report made", now);
}

char *
connect_debug_info_format (ConnectStore       *store,
                           const char * const *libraries,
                           GDateTime          *now)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) local_now = NULL;
  g_autofree char *os = NULL;
  const char * const *languages;

  g_return_val_if_fail (store == NULL || CONNECT_IS_STORE (store), NULL);

  if (now == NULL)
    now = local_now = g_date_time_new_now_utc ();

  g_string_append_printf (text, "CONNECT Cohorts %s (%s)\n", PACKAGE_VERSION, APP_ID);
  g_string_append (text, "\n");

  g_string_append (text, "Libraries:\n");
  g_string_append_printf (text, "  GLib %u.%u.%u\n",
                          glib_major_version, glib_minor_version, glib_micro_version);
  for (guint i = 0; libraries != NULL && libraries[i] != NULL; i++)
    g_string_append_printf (text, "  %s\n", libraries[i]);
  g_string_append_printf (text, "  libsoup %u.%u.%u\n",
                          soup_get_major_version (), soup_get_minor_version (),
                          soup_get_micro_version ());
  /* json-glib 1.6 and libsecret 0.20 have no run-time version call. */
  g_string_append_printf (text, "  json-glib %s (build time)\n", JSON_VERSION_S);
  g_string_append_printf (text, "  libsecret %d.%d.%d (build time)\n",
                          SECRET_MAJOR_VERSION, SECRET_MINOR_VERSION, SECRET_MICRO_VERSION);
  g_string_append (text, "\n");

  g_string_append (text, "System:\n");
  os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
  g_string_append_printf (text, "  OS: %s\n", os != NULL ? os : "unknown");
  g_string_append_printf (text, "  Flatpak: %s\n",
                          g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ? "yes" : "no");
  languages = g_get_language_names ();
  g_string_append_printf (text, "  Language: %s\n", languages[0]);
  g_string_append (text, "\n");

  if (store != NULL)
    {
      append_feed (text, store);
      g_string_append (text, "\n");
      append_sync (text, store, now);
    }
  else
    {
      g_string_append (text, "Feed: not loaded\n");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
