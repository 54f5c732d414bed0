/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "connect-application.h"

G_BEGIN_DECLS

#define CONNECT_TYPE_WINDOW (connect_window_get_type ())
G_DECLARE_FINAL_TYPE (ConnectWindow, connect_window, CONNECT, WINDOW, AdwApplicationWindow)

ConnectWindow *connect_window_new         (ConnectApplication *application);
void           connect_window_show_cohort (ConnectWindow      *self,
                                           const char         *cohort_id);

G_END_DECLS
