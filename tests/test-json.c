/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "connect-json.h"

#define MAX_DEPTH 64

typedef struct
{
  const char *name;
  const char *json;
  gssize      length; /* -1 when @json is nul-terminated */
  guint       line;
  guint       column;
  const char *message;
} Rejection;

typedef struct
{
  const char *name;
  const char *json;
  gssize      length;
} Acceptance;

static const Rejection rejections[] = {
  /* The document as a whole */
  { "empty", "", -1, 1, 1, "The document is empty" },
  { "only-white-space", " \n\t ", -1, 2, 3, "The document is empty" },
  { "bom", "\xEF\xBB\xBF{}", -1, 1, 1, "A byte order mark is not allowed in JSON" },
  { "bom-only", "\xEF\xBB\xBF", -1, 1, 1, "A byte order mark is not allowed in JSON" },
  { "two-values", "{} {}", -1, 1, 4, "Unexpected content after the JSON value" },
  { "two-scalars", "1 2", -1, 1, 3, "Unexpected content after the JSON value" },
  { "closing-bracket-only", "]", -1, 1, 1, "Expected a JSON value" },

  /* UTF-8 */
  { "utf8-bad-continuation", "\"a\xC3\x28\"", -1, 1, 3, "Invalid UTF-8" },
  { "utf8-overlong-2", "\"\xC0\xAF\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-overlong-c1", "\"\xC1\xBF\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-overlong-3", "\"\xE0\x80\xAF\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-overlong-4", "\"\xF0\x80\x80\xAF\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-surrogate-high", "\"\xED\xA0\x80\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-surrogate-low", "\"\xED\xBF\xBF\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-above-10ffff", "\"\xF4\x90\x80\x80\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-lead-f5", "\"\xF5\x80\x80\x80\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-lead-ff", "\"\xFF\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-truncated-at-end", "\"\xE2\x82", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-truncated", "\"\xE2\x82\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-truncated-4", "\"\xF0\x9F\x98\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-stray-continuation", "\"\x80\"", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-outside-string", "[\xFF]", -1, 1, 2, "Invalid UTF-8" },
  { "utf8-after-multibyte", "\"æøå\xFF\"", -1, 1, 5, "Invalid UTF-8" },
  { "utf8-in-name", "{\"\xC3\": 1}", -1, 1, 3, "Invalid UTF-8" },
  { "utf8-latin1", "[\"caf\xE9\"]", -1, 1, 6, "Invalid UTF-8" },
  { "utf8-after-value", "{}\xC3", -1, 1, 3, "Invalid UTF-8" },

  /* NUL bytes */
  { "nul-between-values", "[1,\0 2]", 7, 1, 4, "NUL bytes are not allowed in JSON" },
  { "nul-after-value", "{}\0", 3, 1, 3, "NUL bytes are not allowed in JSON" },
  { "nul-first", "\0", 1, 1, 1, "NUL bytes are not allowed in JSON" },
  { "nul-in-string", "\"a\0\"", 4, 1, 3, "Control character U+0000 must be escaped in a string" },

  /* Comments */
  { "comment-line", "[1, // one\n2]", -1, 1, 5, "Comments are not allowed in JSON" },
  { "comment-block", "/* c */ {}", -1, 1, 1, "Comments are not allowed in JSON" },
  { "comment-hash", "{\"a\": 1 # c\n}", -1, 1, 9, "Comments are not allowed in JSON" },
  { "comment-after-value", "1 // c", -1, 1, 3, "Comments are not allowed in JSON" },
  { "comment-before-name", "{/* c */\"a\": 1}", -1, 1, 2, "Comments are not allowed in JSON" },
  { "comment-before-colon", "{\"a\" /**/: 1}", -1, 1, 6, "Comments are not allowed in JSON" },

  /* Strings and names */
  { "single-quoted-string", "['a']", -1, 1, 2, "Strings must be in double quotes" },
  { "single-quoted-name", "{'a': 1}", -1, 1, 2, "Strings must be in double quotes" },
  { "unquoted-name", "{a: 1}", -1, 1, 2, "Member names must be strings in double quotes" },
  { "unquoted-name-later", "{\"a\": 1, b: 2}", -1, 1, 10, "Member names must be strings in double quotes" },
  { "number-as-name", "{1: 2}", -1, 1, 2, "Member names must be strings in double quotes" },
  { "unterminated-string", "\"abc", -1, 1, 5, "Unterminated string, expected a closing '\"'" },
  { "unterminated-name", "{\"abc", -1, 1, 6, "Unterminated string, expected a closing '\"'" },
  { "control-newline", "\"a\nb\"", -1, 1, 3, "Control character U+000A must be escaped in a string" },
  { "control-tab", "\"\t\"", -1, 1, 2, "Control character U+0009 must be escaped in a string" },
  { "control-1f", "[\"\x1F\"]", -1, 1, 3, "Control character U+001F must be escaped in a string" },
  { "control-in-name", "{\"a\rb\": 1}", -1, 1, 4, "Control character U+000D must be escaped in a string" },

  /* Escapes */
  { "escape-x", "\"\\x41\"", -1, 1, 2, "Invalid escape sequence “\\x”" },
  { "escape-single-quote", "\"\\'\"", -1, 1, 2, "Invalid escape sequence “\\'”" },
  { "escape-capital-u", "\"\\U0041\"", -1, 1, 2, "Invalid escape sequence “\\U”" },
  { "escape-zero", "\"ab\\0\"", -1, 1, 4, "Invalid escape sequence “\\0”" },
  { "escape-multibyte", "\"\\æ\"", -1, 1, 2, "Invalid escape sequence “\\æ”" },
  { "escape-u-short", "\"\\u12\"", -1, 1, 2, "Expected four hexadecimal digits after “\\u”" },
  { "escape-u-short-at-end", "\"\\u12", -1, 1, 2, "Expected four hexadecimal digits after “\\u”" },
  { "escape-u-not-hex", "\"\\u12G4\"", -1, 1, 2, "Expected four hexadecimal digits after “\\u”" },
  { "escape-at-end", "\"\\", -1, 1, 3, "Unterminated string, expected a closing '\"'" },
  { "escape-control", "\"\\\n\"", -1, 1, 3, "Control character U+000A must be escaped in a string" },
  { "escape-invalid-utf8", "\"\\\xC3\"", -1, 1, 3, "Invalid UTF-8" },
  { "surrogate-lone-high", "\"\\ud800\"", -1, 1, 2, "Unpaired surrogate “\\ud800”" },
  { "surrogate-high-then-char", "[\"\\uD800x\"]", -1, 1, 3, "Unpaired surrogate “\\uD800”" },
  { "surrogate-high-high", "\"\\ud800\\ud800\"", -1, 1, 2, "Unpaired surrogate “\\ud800”" },
  { "surrogate-high-then-bmp", "\"\\ud800\\u0041\"", -1, 1, 2, "Unpaired surrogate “\\ud800”" },
  { "surrogate-high-then-escape", "\"\\ud800\\n\"", -1, 1, 2, "Unpaired surrogate “\\ud800”" },
  { "surrogate-low-first", "\"\\udc00\\ud800\"", -1, 1, 2, "Unpaired surrogate “\\udc00”" },
  { "surrogate-lone-low", "\"ab\\uDFFF\"", -1, 1, 4, "Unpaired surrogate “\\uDFFF”" },
  { "surrogate-in-name", "{\"\\ud83d\": 1}", -1, 1, 3, "Unpaired surrogate “\\ud83d”" },

  /* Separators */
  { "trailing-comma-array", "[1, 2,]", -1, 1, 6, "Trailing comma before ']'" },
  { "trailing-comma-object", "{\"a\": 1,}", -1, 1, 8, "Trailing comma before '}'" },
  { "trailing-comma-newline", "[1,\n]", -1, 1, 3, "Trailing comma before ']'" },
  { "missing-comma-array", "[1 2]", -1, 1, 4, "Expected ',' or ']' after an array element" },
  { "missing-comma-object", "{\"a\": 1 \"b\": 2}", -1, 1, 9, "Expected ',' or '}' after an object member" },
  { "missing-colon", "{\"a\" 1}", -1, 1, 6, "Expected ':' after a member name" },
  { "missing-colon-at-end", "{\"a\"", -1, 1, 5, "Expected ':' after a member name" },
  { "equals-for-colon", "{\"a\" = 1}", -1, 1, 6, "Expected ':' after a member name" },
  { "missing-member-value", "{\"a\":}", -1, 1, 6, "Expected a value after ':'" },
  { "missing-member-value-at-end", "{\"a\": ", -1, 1, 7, "Expected a value after ':'" },
  { "double-comma", "[1,,2]", -1, 1, 4, "Expected a value after ','" },
  { "leading-comma-array", "[,1]", -1, 1, 2, "Expected a value or ']'" },
  { "leading-comma-object", "{,}", -1, 1, 2, "Expected a member name in double quotes or '}'" },
  { "comma-then-brace", "{\"a\": 1, ]", -1, 1, 10, "Expected a member name in double quotes after ','" },
  { "comma-then-wrong-bracket", "[1,}", -1, 1, 4, "Expected a value after ','" },
  { "wrong-closing-bracket", "[1}", -1, 1, 3, "Expected ',' or ']' after an array element" },
  { "wrong-closing-brace", "{\"a\": 1]", -1, 1, 8, "Expected ',' or '}' after an object member" },
  { "unclosed-array", "[1, 2", -1, 1, 6, "Expected ',' or ']' after an array element" },
  { "unclosed-empty-array", "[", -1, 1, 2, "Expected a value or ']'" },
  { "unclosed-object", "{\"a\": 1", -1, 1, 8, "Expected ',' or '}' after an object member" },
  { "unclosed-empty-object", "{", -1, 1, 2, "Expected a member name in double quotes or '}'" },
  { "vertical-tab", "[1,\v2]", -1, 1, 4, "Expected a value after ','" },
  { "form-feed", "\f[]", -1, 1, 1, "Expected a JSON value" },
  { "no-break-space", "\xC2\xA0[]", -1, 1, 1, "Expected a JSON value" },
  { "bom-inside", "[\xEF\xBB\xBF]", -1, 1, 2, "Expected a value or ']'" },

  /* Numbers */
  { "plus", "+1", -1, 1, 1, "Numbers cannot start with '+'" },
  { "plus-in-array", "[1, +2]", -1, 1, 5, "Numbers cannot start with '+'" },
  { "leading-zero", "01", -1, 1, 1, "Leading zeros are not allowed in numbers" },
  { "leading-zero-negative", "-01", -1, 1, 2, "Leading zeros are not allowed in numbers" },
  { "double-zero", "[00]", -1, 1, 2, "Leading zeros are not allowed in numbers" },
  { "leading-dot", ".5", -1, 1, 1, "Expected a digit before the decimal point" },
  { "negative-leading-dot", "-.5", -1, 1, 2, "Expected a digit after '-'" },
  { "trailing-dot", "5.", -1, 1, 3, "Expected a digit after the decimal point" },
  { "trailing-dot-in-array", "[5.]", -1, 1, 4, "Expected a digit after the decimal point" },
  { "dot-then-exponent", "1.e5", -1, 1, 3, "Expected a digit after the decimal point" },
  { "empty-exponent", "1e", -1, 1, 3, "Expected a digit in the exponent" },
  { "exponent-sign-only", "[1E+]", -1, 1, 5, "Expected a digit in the exponent" },
  { "exponent-fraction", "1e2.5", -1, 1, 4, "Unexpected content after the JSON value" },
  { "minus-only", "-", -1, 1, 2, "Expected a digit after '-'" },
  { "minus-space", "[- 1]", -1, 1, 3, "Expected a digit after '-'" },
  { "hex", "0x1F", -1, 1, 1, "Hexadecimal numbers are not allowed in JSON" },
  { "hex-negative", "[-0X1f]", -1, 1, 2, "Hexadecimal numbers are not allowed in JSON" },
  { "nan", "NaN", -1, 1, 1, "NaN is not allowed in JSON" },
  { "nan-negative", "-NaN", -1, 1, 2, "Expected a digit after '-'" },
  { "infinity", "Infinity", -1, 1, 1, "Infinity is not allowed in JSON" },
  { "infinity-negative", "-Infinity", -1, 1, 1, "Infinity is not allowed in JSON" },
  { "infinity-in-array", "[1, -Infinity]", -1, 1, 5, "Infinity is not allowed in JSON" },
  { "trailing-letter", "[12a]", -1, 1, 4, "Expected ',' or ']' after an array element" },
  { "overflow", "1e400", -1, 1, 1, "Number 1e400 is out of range" },
  { "overflow-negative", "-1e400", -1, 1, 1, "Number -1e400 is out of range" },
  { "overflow-in-array", "[0, 1.5e309]", -1, 1, 5, "Number 1.5e309 is out of range" },
  { "overflow-just-above-max", "1.8e308", -1, 1, 1, "Number 1.8e308 is out of range" },
  { "overflow-huge-exponent", "{\"x\": 1E+99999999999999999999}", -1, 1, 7,
    "Number 1E+99999999999999999999 is out of range" },
  { "int64-overflow", "9223372036854775808", -1, 1, 1,
    "Number 9223372036854775808 is out of range" },
  { "int64-underflow", "-9223372036854775809", -1, 1, 1,
    "Number -9223372036854775809 is out of range" },
  { "int64-20-digits", "[12345678901234567890]", -1, 1, 2,
    "Number 12345678901234567890 is out of range" },
  { "int64-long", "100000000000000000000000000000000000000000000000000", -1, 1, 1,
    "Number 1000000000000000000000000000000000000000… is out of range" },

  /* Duplicate member names */
  { "duplicate", "{\"id\": 1, \"id\": 2}", -1, 1, 11, "Duplicate member name “id”" },
  { "duplicate-escaped", "{\"id\": 1, \"\\u0069d\": 2}", -1, 1, 11, "Duplicate member name “\\u0069d”" },
  { "duplicate-both-escaped", "{\"\\/\": 1, \"\\u002F\": 2}", -1, 1, 11, "Duplicate member name “\\u002F”" },
  { "duplicate-surrogates", "{\"😀\": 1, \"\\ud83d\\ude00\": 2}", -1, 1, 10,
    "Duplicate member name “\\ud83d\\ude00”" },
  { "duplicate-nested", "{\"a\": {\"b\": 1, \"b\": 2}}", -1, 1, 16, "Duplicate member name “b”" },
  { "duplicate-after-nested", "{\"a\": {\"x\": 1}, \"a\": 2}", -1, 1, 17, "Duplicate member name “a”" },
  { "duplicate-in-array", "[{\"a\": 1}, {\"a\": 1, \"a\": 2}]", -1, 1, 21, "Duplicate member name “a”" },
  { "duplicate-empty", "{\"\": 1, \"\": 2}", -1, 1, 9, "Duplicate member name “”" },
  { "duplicate-nul", "{\"a\\u0000\": 1, \"a\\u0000\": 2}", -1, 1, 16, "Duplicate member name “a\\u0000”" },
  { "duplicate-long", "{\"abcdefghijklmnopqrstuvwxyzæøåabcdefghijklmnopqrstuvwxyz\": 1, "
    "\"abcdefghijklmnopqrstuvwxyzæøåabcdefghijklmnopqrstuvwxyz\": 2}", -1, 1, 64,
    "Duplicate member name “abcdefghijklmnopqrstuvwxyzæøåabcdefghijk…”" },

  /* Literals */
  { "misspelt-true", "tru", -1, 1, 1, "Invalid literal “tru”, expected true, false or null" },
  { "misspelt-null", "[nul]", -1, 1, 2, "Invalid literal “nul”, expected true, false or null" },
  { "misspelt-false", "{\"a\": flase}", -1, 1, 7, "Invalid literal “flase”, expected true, false or null" },
  { "capital-true", "True", -1, 1, 1, "Invalid literal “True”, expected true, false or null" },
  { "capital-null", "[NULL]", -1, 1, 2, "Invalid literal “NULL”, expected true, false or null" },
  { "literal-too-long", "[nulll]", -1, 1, 2, "Invalid literal “nulll”, expected true, false or null" },
  { "literals-glued", "[truefalse]", -1, 1, 2, "Invalid literal “truefalse”, expected true, false or null" },
  { "literal-cut", "fals", -1, 1, 1, "Invalid literal “fals”, expected true, false or null" },
  { "undefined", "undefined", -1, 1, 1, "Invalid literal “undefined”, expected true, false or null" },

  /* Lines and columns */
  { "line-3", "{\n  \"a\": 1,\n  \"b\": tru\n}", -1, 3, 8,
    "Invalid literal “tru”, expected true, false or null" },
  { "line-crlf", "[\r\n1,\r\n2 3]", -1, 3, 3, "Expected ',' or ']' after an array element" },
  { "line-cr", "[\r1,\r2 3]", -1, 3, 3, "Expected ',' or ']' after an array element" },
  { "line-empty-lines", "\n\n\n[1,]", -1, 4, 3, "Trailing comma before ']'" },
  { "column-multibyte", "{\"æøå\": 1 x}", -1, 1, 11, "Expected ',' or '}' after an object member" },
  { "column-4-byte", "[\"😀\" 1]", -1, 1, 6, "Expected ',' or ']' after an array element" },
  { "column-multibyte-line-2", "[\"æ\",\n\"øå\",]", -1, 2, 5, "Trailing comma before ']'" },
  { "column-tab", "[\t\t1 2]", -1, 1, 6, "Expected ',' or ']' after an array element" },
};

static const Acceptance acceptances[] = {
  { "empty-object", "{}", -1 },
  { "empty-array", "[]", -1 },
  { "white-space", " \r\n\t{ \"a\" : [ 1 , 2 ] } \r\n", -1 },
  { "empty-containers-spaced", "[ ] ", -1 },
  { "zero", "0", -1 },
  { "negative-zero", "-0", -1 },
  { "negative-zero-fraction", "-0.0", -1 },
  { "fraction-exponent", "0.5e-3", -1 },
  { "exponent-plus", "1E+2", -1 },
  { "exponent", "1e2", -1 },
  { "exponent-minus", "-1E-2", -1 },
  { "exponent-zero-padded", "1e0002", -1 },
  { "largest-double", "1.7976931348623157e308", -1 },
  { "largest-double-negative", "-1.7976931348623157e308", -1 },
  { "underflow", "1e-400", -1 },
  { "zero-huge-exponent", "0e999999999999", -1 },
  { "small-mantissa-big-exponent", "0.000001e310", -1 },
  { "int64-max", "9223372036854775807", -1 },
  { "int64-min", "-9223372036854775808", -1 },
  { "long-fraction", "123456789012345678901234567890.0", -1 },
  { "numbers", "[0,1,-1,12.5,1e10,0.0,-0e-0,3.14159265358979323846264338327950288]", -1 },
  { "string", "\"\"", -1 },
  { "literals", "[true,false,null]", -1 },
  { "top-level-true", "true", -1 },
  { "top-level-null", " null ", -1 },
  { "escape-nul", "\"\\u0000\"", -1 },
  { "escapes", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", -1 },
  { "surrogate-pair", "\"\\ud83d\\ude00\"", -1 },
  { "surrogate-pair-upper", "\"\\uD83D\\uDE00\"", -1 },
  { "surrogate-pair-highest", "\"\\uDBFF\\uDFFF\"", -1 },
  { "escapes-bmp", "\"\\uFFFF\\u00e6\\u20AC\"", -1 },
  { "utf8", "\"😀 æøå 中文 \xEF\xBF\xBF \xF4\x8F\xBF\xBF\"", -1 },
  { "utf8-boundaries", "\"\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xF0\x90\x80\x80\"", -1 },
  { "bom-in-string", "\"\xEF\xBB\xBF\"", -1 },
  { "del-in-string", "\"\x7F\"", -1 },
  { "nested", "[{}, [], {\"x\": [{}, {\"y\": null}]}]", -1 },
  { "same-name-other-objects", "{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}}", -1 },
  { "same-name-sibling-objects", "[{\"a\": 1}, {\"a\": 1}]", -1 },
  { "names-differ-in-case", "{\"a\": 1, \"A\": 1}", -1 },
  { "names-differ-after-nul", "{\"a\\u0000\": 1, \"a\": 2}", -1 },
  { "names-escaped-distinct", "{\"\\u0061\": 1, \"b\": 1, \"\\/\": 1, \"/\\\\\": 1}", -1 },
  { "names-not-normalised", "{\"é\": 1, \"e\\u0301\": 2}", -1 },
  { "empty-name", "{\"\": 1}", -1 },
  { "crlf", "[\r\n1,\r\n2\r\n]\r\n", -1 },
};

static char *
repeat (const char *text,
        gsize       times)
{
  gsize length = strlen (text);
  char *out = g_malloc (length * times + 1);

  for (gsize i = 0; i < times; i++)
    memcpy (out + i * length, text, length);
  out[length * times] = '\0';

  return out;
}

static void
assert_rejected (const char *json,
                 gsize       length,
                 guint       max_depth,
                 guint       line,
                 guint       column,
                 const char *message)
{
  guint out_line = 0;
  guint out_column = 0;
  g_autofree char *out_message = NULL;

  g_assert_false (connect_json_check (json, length, max_depth,
                                      &out_line, &out_column, &out_message));
  g_assert_cmpstr (out_message, ==, message);
  g_assert_cmpuint (out_line, ==, line);
  g_assert_cmpuint (out_column, ==, column);
}

static void
assert_accepted (const char *json,
                 gsize       length,
                 guint       max_depth)
{
  guint line = 99;
  guint column = 99;
  g_autofree char *message = NULL;

  if (!connect_json_check (json, length, max_depth, &line, &column, &message))
    g_error ("rejected at %u:%u: %s", line, column, message);

  g_assert_null (message);
  g_assert_cmpuint (line, ==, 0);
  g_assert_cmpuint (column, ==, 0);
}

static void
test_reject (gconstpointer data)
{
  const Rejection *r = data;
  gsize length = r->length < 0 ? strlen (r->json) : (gsize) r->length;

  assert_rejected (r->json, length, MAX_DEPTH, r->line, r->column, r->message);
}

static void
test_accept (gconstpointer data)
{
  const Acceptance *a = data;
  gsize length = a->length < 0 ? strlen (a->json) : (gsize) a->length;

  assert_accepted (a->json, length, MAX_DEPTH);
}

static void
test_depth_exact (void)
{
  g_autofree char *open = repeat ("[", MAX_DEPTH);
  g_autofree char *close = repeat ("]", MAX_DEPTH);
  g_autofree char *json = g_strconcat (open, close, NULL);
  g_autofree char *deeper = g_strconcat ("[", json, "]", NULL);

  assert_accepted (json, strlen (json), MAX_DEPTH);
  assert_rejected (deeper, strlen (deeper), MAX_DEPTH,
                   1, MAX_DEPTH + 1, "Nesting deeper than 64 levels");
  /* One more level allowed, one more accepted */
  assert_accepted (deeper, strlen (deeper), MAX_DEPTH + 1);
}

static void
test_depth_objects (void)
{
  g_autofree char *open = repeat ("{\"a\":", MAX_DEPTH);
  g_autofree char *close = repeat ("}", MAX_DEPTH);
  g_autofree char *json = g_strconcat (open, "1", close, NULL);
  g_autofree char *deeper = g_strconcat (open, "{\"a\":1}", close, NULL);

  assert_accepted (json, strlen (json), MAX_DEPTH);
  assert_rejected (deeper, strlen (deeper), MAX_DEPTH,
                   1, 5 * MAX_DEPTH + 1, "Nesting deeper than 64 levels");
}

static void
test_depth_mixed (void)
{
  const char *json = "[{\"a\": [1, {}]}]";

  assert_accepted (json, strlen (json), 4);
  assert_rejected (json, strlen (json), 3, 1, 12, "Nesting deeper than 3 levels");
  assert_rejected (json, strlen (json), 2, 1, 8, "Nesting deeper than 2 levels");
  assert_rejected (json, strlen (json), 1, 1, 2, "Nesting deeper than 1 level");
  assert_rejected (json, strlen (json), 0, 1, 1, "Nesting deeper than 0 levels");
  assert_accepted ("\"scalar\"", 8, 0);
  /* Siblings do not add up */
  assert_accepted ("[[1], [2], [[3]]]", 17, 3);
}

static void
test_depth_huge (void)
{
  const gsize n = 10000000;
  g_autofree char *json = g_malloc (n);

  memset (json, '[', n);

  /* Refused at the first level too deep (its speed is measured by
   * tests/bench/bench-core, not here) */
  assert_rejected (json, n, MAX_DEPTH, 1, MAX_DEPTH + 1, "Nesting deeper than 64 levels");

  /* Without a limit the explicit stack copes: refused only at the end */
  assert_rejected (json, n, G_MAXUINT, 1, n + 1, "Expected a value or ']'");
}

static void
test_wide_object (void)
{
  const guint n = 100000;
  g_autoptr(GString) json = g_string_new ("{");
  g_autofree char *dup = NULL;
  guint dup_column;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s\"member%u\": %u", i > 0 ? ", " : "", i, i);
  g_string_append_c (json, '}');

  /* Its speed is measured by tests/bench/bench-core */
  assert_accepted (json->str, json->len, MAX_DEPTH);

  /* The first name again, at the end, escaped */
  g_string_truncate (json, json->len - 1);
  dup_column = json->len + 3;
  g_string_append (json, ", \"\\u006dember0\": 0}");
  assert_rejected (json->str, json->len, MAX_DEPTH,
                   1, dup_column, "Duplicate member name “\\u006dember0”");

  /* An escaped name recorded before the switch to hashing, found after */
  g_string_assign (json, "{\"\\u0041\": 0");
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (json, ", \"m%u\": {\"\\u0042\": 1, \"B\\u0000\": 2}", i);
  dup_column = json->len + 3;
  g_string_append (json, ", \"A\": 1}");
  assert_rejected (json->str, json->len, MAX_DEPTH,
                   1, dup_column, "Duplicate member name “A”");

  /* The same with the duplicate inside the linear range */
  dup = g_strdup ("{\"x\": 1, \"y\": {\"x\": 1}, \"\\u0078\": 2}");
  assert_rejected (dup, strlen (dup), MAX_DEPTH, 1, 25, "Duplicate member name “\\u0078”");
}

static void
test_many_objects (void)
{
  /* Many sibling objects with the same names, each at the hashing size */
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; i < 1000; i++)
    {
      g_string_append (json, i > 0 ? ",{" : "{");
      for (guint j = 0; j < 40; j++)
        g_string_append_printf (json, "%s\"n\\u00e6%u\":{\"a\":[]}", j > 0 ? "," : "", j);
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');

  assert_accepted (json->str, json->len, MAX_DEPTH);
}

static void
test_long_number (void)
{
  g_autofree char *zeros = repeat ("0", 309);
  g_autofree char *json = g_strconcat ("[2", zeros, ".0]", NULL);
  g_autofree char *fine = g_strconcat ("[0.", zeros, "1e300]", NULL);

  assert_rejected (json, strlen (json), MAX_DEPTH, 1, 2,
                   "Number 2000000000000000000000000000000000000000… is out of range");
  assert_accepted (fine, strlen (fine), MAX_DEPTH);
}

static void
test_optional_outputs (void)
{
  g_assert_false (connect_json_check ("[1,]", 4, MAX_DEPTH, NULL, NULL, NULL));
  g_assert_true (connect_json_check ("[1]", 3, MAX_DEPTH, NULL, NULL, NULL));
  /* The length is what counts, not a terminating NUL */
  g_assert_true (connect_json_check ("[1]xyz", 3, MAX_DEPTH, NULL, NULL, NULL));
  g_assert_false (connect_json_check (NULL, 0, MAX_DEPTH, NULL, NULL, NULL));
}

static char *
make_document (gsize size)
{
  GString *json = g_string_sized_new (size + 4096);
  guint i = 0;

  g_string_append (json, "{\"version\": 1, \"cohorts\": [\n");
  while (json->len < size)
    {
      g_string_append_printf (json,
                              "%s  {\"id\": \"c-%u\", \"name\": \"Kull %u – Tromsø \\u00e6\", "
                              "\"start\": \"2026-01-%02u\", \"size\": %u, \"ratio\": %u.%u5e-3, "
                              "\"active\": %s, \"lead\": null, \"tags\": [\"a\", \"bb\", \"ccc\"], "
                              "\"notes\": \"Line one\\nLine two \\\"quoted\\\" 😀\"}",
                              i > 0 ? ",\n" : "", i, i, i % 28 + 1, i % 1000,
                              i % 10, i % 7, i % 2 ? "true" : "false");
      i++;
    }
  g_string_append (json, "\n]}\n");

  return g_string_free (json, FALSE);
}

static void
test_throughput (void)
{
  const gsize size = 64 * 1024 * 1024;
  g_autofree char *json = make_document (size);
  gsize length = strlen (json);
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < 5; i++)
    {
      gint64 start = g_get_monotonic_time ();

      assert_accepted (json, length, MAX_DEPTH);
      best = MIN (best, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
    }

  g_test_minimized_result (best, "%.1f MB/s on %" G_GSIZE_FORMAT " bytes",
                           length / best / 1e6, length);
  g_test_message ("%.1f MB/s on %" G_GSIZE_FORMAT " bytes", length / best / 1e6, length);
}

int
main (int   argc,
      char *argv[])
{
  /* The messages are checked untranslated */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rejections); i++)
    {
      g_autofree char *path = g_strdup_printf ("/connect/json/reject/%s", rejections[i].name);

      g_test_add_data_func (path, &rejections[i], test_reject);
    }

  for (guint i = 0; i < G_N_ELEMENTS (acceptances); i++)
    {
      g_autofree char *path = g_strdup_printf ("/connect/json/accept/%s", acceptances[i].name);

      g_test_add_data_func (path, &acceptances[i], test_accept);
    }

  g_test_add_func ("/connect/json/depth/exact", test_depth_exact);
  g_test_add_func ("/connect/json/depth/objects", test_depth_objects);
  g_test_add_func ("/connect/json/depth/mixed", test_depth_mixed);
  g_test_add_func ("/connect/json/depth/huge", test_depth_huge);
  g_test_add_func ("/connect/json/names/wide-object", test_wide_object);
  g_test_add_func ("/connect/json/names/many-objects", test_many_objects);
  g_test_add_func ("/connect/json/number/long", test_long_number);
  g_test_add_func ("/connect/json/optional-outputs", test_optional_outputs);
  if (g_test_perf ())
    g_test_add_func ("/connect/json/throughput", test_throughput);

  return g_test_run ();
}
