/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-json.h: a strict RFC 8259 syntax check run on the raw bytes before
 * json-glib (which is lenient and has no nesting limit) sees them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * connect_json_check:
 * @data: the bytes
 * @length: their length
 * @max_depth: the deepest nesting of arrays and objects allowed
 * @out_line: (out): 1-based line of the first error
 * @out_column: (out): 1-based column, in characters, of the first error
 * @out_message: (out) (transfer full): what is wrong there, translated
 *
 * Checks that @data is exactly one JSON text as RFC 8259 defines it: valid
 * UTF-8, no byte order mark, no comments, only double-quoted strings without
 * raw control characters and with valid escapes (surrogates paired), the
 * number grammar (no NaN, Infinity, hex, leading zeros or plus signs), no
 * number that overflows a double, no integer literal beyond 64 bits, no
 * member name twice in one object, nothing after the value but white space,
 * and nesting no deeper than @max_depth. Runs in linear time and constant
 * stack.
 *
 * Returns: %TRUE when the text is acceptable
 */
gboolean connect_json_check (const char  *data,
                             gsize        length,
                             guint        max_depth,
                             guint       *out_line,
                             guint       *out_column,
                             char       **out_message);

G_END_DECLS
