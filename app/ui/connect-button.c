/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "connect-button.h"

/**
 * connect_button_set_mnemonic_label:
 * @button: a button
 * @label: its label, with an underscore before the mnemonic
 *
 * Sets @button's label as gtk_button_set_label () with use-underline
 * would, with a clean accessible name.
 */
void
connect_button_set_mnemonic_label (GtkButton  *button,
                                   const char *label)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BUTTON (button));
  g_return_if_fail (label != NULL);

  child = gtk_label_new_with_mnemonic (label);
  gtk_label_set_mnemonic_widget (GTK_LABEL (child), GTK_WIDGET (button));
  gtk_button_set_child (button, child);
  /* A label set before left its raw text as the name. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  /* The padding GTK gives a button with a text label. */
  gtk_widget_add_css_class (GTK_WIDGET (button), "text-button");
}
