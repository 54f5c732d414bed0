/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "connect-about.h"
#include "connect-debug-info.h"
#include "connect-preferences-window.h"

char *
connect_about_debug_info (GtkWidget    *widget,
                          ConnectStore *store)
{
  g_autofree char *gtk = NULL;
  g_autofree char *adw = NULL;
  g_autofree char *display = NULL;
  const char *libraries[4];

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (store == NULL || CONNECT_IS_STORE (store), NULL);

  gtk = g_strdup_printf ("GTK %u.%u.%u", gtk_get_major_version (),
                         gtk_get_minor_version (), gtk_get_micro_version ());
  adw = g_strdup_printf ("libadwaita %u.%u.%u", adw_get_major_version (),
                         adw_get_minor_version (), adw_get_micro_version ());
  display = g_strdup_printf ("GDK display %s",
                             widget != NULL
                               ? G_OBJECT_TYPE_NAME (gtk_widget_get_display (widget))
                               : "none");
  libraries[0] = gtk;
  libraries[1] = adw;
  libraries[2] = display;
  libraries[3] = NULL;

  return connect_debug_info_format (store, libraries, NULL);
}

/* libadwaita 1.2 leaves a few controls of the About window without an
 * accessible name: the version button (a label child), the icon-only back
 * buttons of its subpages and the text views of the release notes and the
 * debugging information. */
static void
name_about_controls (GtkWidget  *widget,
                     const char *debug_info)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        {
          GtkWidget *content = gtk_button_get_child (GTK_BUTTON (child));
          const char *tooltip = gtk_widget_get_tooltip_text (child);
          g_autofree char *label = NULL;

          if (GTK_IS_LABEL (content) &&
              g_strcmp0 (gtk_label_get_text (GTK_LABEL (content)), PACKAGE_VERSION) == 0)
            /* Translators: the accessible name of the version button */
            label = g_strdup_printf (_("Version %s"), PACKAGE_VERSION);
          else if (GTK_IS_IMAGE (content) && tooltip != NULL)
            label = g_strdup (tooltip);
          else if (GTK_IS_IMAGE (content) &&
                   g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "go-previous-symbolic") == 0)
            label = g_strdup (_("Back"));

          if (label != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                            -1);
        }
      else if (GTK_IS_TEXT_VIEW (child))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child));
          GtkTextIter start, end;
          g_autofree char *text = NULL;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          g_strcmp0 (text, debug_info) == 0
                                            ? _("Debugging Information")
                                            : _("Release Notes"),
                                          -1);
        }

      name_about_controls (child, debug_info);
    }
}

/**
 * connect_about_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: (nullable): the application's store
 *
 * Returns: (transfer floating): a new #AdwAboutWindow
 */
GtkWidget *
connect_about_window_new (GtkWindow    *parent,
                          ConnectStore *store)
{
  static const char *developers[] = {
    "CONNECT Cohorts developers https://connectnorway.org/cohorts",
    NULL
  };
  static const char *libraries[] = {
    "GTK https://gtk.org/",
    "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
    "libsoup https://libsoup.org/",
    "json-glib https://gnome.pages.gitlab.gnome.org/json-glib/",
    "libsecret https://gnome.pages.gitlab.gnome.org/libsecret/",
    NULL
  };
  GtkWidget *about;
  g_autofree char *debug_info = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || CONNECT_IS_STORE (store), NULL);

  debug_info = connect_about_debug_info (parent != NULL ? GTK_WIDGET (parent) : NULL, store);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("CONNECT Cohorts"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("CONNECT Cohorts developers"),
                        "developers", developers,
                        /* Translators: your names, one per line, for example
                         * "Kari Nordmann <kari@example.org>" */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Find open cancer cohorts and follow drug supply in the Norwegian CONNECT partnership and IMPRESS-Norway."),
                        "copyright", _("© 2026 CONNECT Cohorts developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://connectnorway.org/",
                        "support-url", "https://connectnorway.org/cohorts/help",
                        "issue-url", "https://connectnorway.org/cohorts/issues",
                        "debug-info", debug_info,
                        "debug-info-filename", "connect-cohorts-debug-info.txt",
                        "release-notes-version", "0.1.0",
                        "release-notes", _("<p>First release: cohort browser, patient matching, strict feed validation, offline cache and the connect-feed command-line tool.</p>"),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Built With"), libraries);
  name_about_controls (about, debug_info);

  return about;
}

void
connect_about_present (GtkApplication *app)
{
  g_autoptr(ConnectStore) store = NULL;
  GtkWidget *about;

  g_return_if_fail (GTK_IS_APPLICATION (app));

  store = connect_ui_lookup_store (app);
  about = connect_about_window_new (gtk_application_get_active_window (app), store);
  gtk_window_present (GTK_WINDOW (about));
}
