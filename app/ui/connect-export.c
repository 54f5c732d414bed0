/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "connect-csv.h"
#include "connect-csv-export.h"
#include "connect-export.h"

#define FEED_KEY "connect-export-feed"

typedef struct
{
  GWeakRef  parent;
  GBytes   *bytes;
  GFile    *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_weak_ref_clear (&data->parent);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
show_toast (GtkWidget  *parent,
            const char *text)
{
  GtkWidget *overlay;
  AdwToast *toast;

  if (parent == NULL)
    return;

  overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (parent);

      /* The window's content may be the overlay. */
      if (ADW_IS_APPLICATION_WINDOW (root))
        {
          GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (root));

          if (ADW_IS_TOAST_OVERLAY (content))
            overlay = content;
        }
    }

  if (overlay == NULL)
    {
      g_message ("%s", text);
      return;
    }

  {
    /* A toast's title is Pango markup in libadwaita 1.2; file names are
     * not. */
    g_autofree char *escaped = g_markup_escape_text (text, -1);

    toast = adw_toast_new (escaped);
  }
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
replace_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GtkWidget) parent = g_weak_ref_get (&data->parent);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_basename (data->file);

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    /* TRANSLATORS: a toast; %s is the file name, then the reason */
    text = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
  else
    /* TRANSLATORS: a toast; %s is the file name */
    text = g_strdup_printf (_("Saved “%s”"), name);

  show_toast (parent, text);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(ExportData) data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        {
          ExportData *write = g_steal_pointer (&data);

          write->file = g_steal_pointer (&file);
          /* g_file_replace_contents_bytes_async() writes in a worker thread. */
          g_file_replace_contents_bytes_async (write->file, write->bytes, NULL, FALSE,
                                               G_FILE_CREATE_REPLACE_DESTINATION,
                                               NULL, replace_cb, write);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
connect_export_csv (GtkWidget         *parent,
                    ConnectFeed       *feed,
                    ConnectEntityKind  kind,
                    GListModel        *rows)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkRoot *root;
  ExportData *data;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (CONNECT_IS_FEED (feed));
  g_return_if_fail (connect_csv_get_columns (kind) != NULL);
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));

  data = g_new0 (ExportData, 1);
  g_weak_ref_init (&data->parent, parent);
  /* What is shown now is what gets saved. */
  data->bytes = connect_csv_export (feed, kind, rows);

  root = gtk_widget_get_root (parent);
  chooser = gtk_file_chooser_native_new (_("Export as CSV"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     connect_csv_export_filename (kind));

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
rows_key (ConnectEntityKind kind)
{
  return g_strdup_printf ("connect-export-rows-%d", (int) kind);
}

void
connect_export_set_rows (GtkWidget         *view,
                         ConnectEntityKind  kind,
                         ConnectFeed       *feed,
                         GListModel        *rows)
{
  g_autofree char *key = rows_key (kind);

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (feed == NULL || CONNECT_IS_FEED (feed));
  g_return_if_fail (rows == NULL || G_IS_LIST_MODEL (rows));

  g_object_set_data_full (G_OBJECT (view), key,
                          rows != NULL ? g_object_ref (rows) : NULL,
                          rows != NULL ? g_object_unref : NULL);
  g_object_set_data_full (G_OBJECT (view), FEED_KEY,
                          feed != NULL ? g_object_ref (feed) : NULL,
                          feed != NULL ? g_object_unref : NULL);
}

/* The first widget under @widget (itself included) with data @key. */
static GtkWidget *
find_with_data (GtkWidget  *widget,
                const char *key)
{
  if (g_object_get_data (G_OBJECT (widget), key) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_data (child, key);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
connect_export_window_action (GtkWidget  *window,
                              const char *action_name,
                              GVariant   *parameter)
{
  g_autofree char *key = NULL;
  ConnectEntityKind kind;
  GtkWidget *view;
  ConnectFeed *feed;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (parameter != NULL);

  if (!connect_csv_kind_from_name (g_variant_get_string (parameter, NULL), &kind))
    {
      g_warning ("win.export: unknown list “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  key = rows_key (kind);
  view = find_with_data (window, key);
  if (view != NULL)
    {
      feed = g_object_get_data (G_OBJECT (view), FEED_KEY);
      if (feed != NULL)
        connect_export_csv (window, feed, kind, g_object_get_data (G_OBJECT (view), key));
      return;
    }

  /* No view shows that list: the feed's whole list. */
  view = find_with_data (window, FEED_KEY);
  feed = view != NULL ? g_object_get_data (G_OBJECT (view), FEED_KEY) : NULL;
  if (feed != NULL)
    connect_export_csv (window, feed, kind, NULL);
}
