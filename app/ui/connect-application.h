/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "connect-store.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_APPLICATION (connect_application_get_type ())
G_DECLARE_FINAL_TYPE (ConnectApplication, connect_application, CONNECT, APPLICATION, AdwApplication)

ConnectApplication *connect_application_new           (void);
GFile              *connect_application_get_feed_file (ConnectApplication *self);
ConnectStore       *connect_application_get_store     (ConnectApplication *self);

G_END_DECLS
