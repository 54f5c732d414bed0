/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-links.h: which links from a feed the app may hand to the desktop. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean connect_link_is_safe (const char *uri);

G_END_DECLS
