/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-button.h: a button whose label has a mnemonic ("_Retry").
 * GTK 4.8 names such a button, for assistive technologies, after its raw
 * label and its label's text together ("_Retry Retry"); here the label is
 * a child labelling the button, which is then named "Retry". */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void connect_button_set_mnemonic_label (GtkButton  *button,
                                        const char *label);

G_END_DECLS
