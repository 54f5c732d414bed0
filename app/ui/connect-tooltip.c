/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "connect-tooltip.h"

#define TEXT_KEY "connect-tooltip-text"
#define CONNECTED_KEY "connect-tooltip-connected"

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_tooltip,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * connect_tooltip_set_text:
 * @widget: a widget
 * @text: (nullable): the tooltip, or %NULL or "" for none
 *
 * Gives @widget a plain-text tooltip without asking the display anything;
 * like a GTK tooltip, it is also the widget's accessible description.
 * Do not mix with gtk_widget_set_tooltip_text () on the same widget.
 */
void
connect_tooltip_set_text (GtkWidget  *widget,
                          const char *text)
{
  gboolean has = text != NULL && *text != '\0';

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (connect_tooltip_get_text (widget), has ? text : NULL) == 0)
    return;

  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY,
                          has ? g_strdup (text) : NULL, g_free);
  if (has && g_object_get_data (G_OBJECT (widget), CONNECTED_KEY) == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), CONNECTED_KEY, GINT_TO_POINTER (TRUE));
    }
  gtk_widget_set_has_tooltip (widget, has);
  /* As GTK does with a tooltip: it describes the widget. */
  if (has)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * connect_tooltip_get_text:
 * @widget: a widget
 *
 * Returns: (nullable): the text set with connect_tooltip_set_text ()
 */
const char *
connect_tooltip_get_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), TEXT_KEY);
}
