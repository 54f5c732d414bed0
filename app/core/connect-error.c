/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "connect-error.h"

G_DEFINE_QUARK (connect-error-quark, connect_error)
