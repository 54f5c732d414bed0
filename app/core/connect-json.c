/* SPDX-License-Identifier: GPL-3.0-or-later */
/* connect-json.c: a strict RFC 8259 syntax check on the raw bytes.
 *
 * One linear pass over the input with an explicit stack (no recursion), so
 * any nesting is refused in constant C stack. Nothing is allocated per
 * character: member names are compared in place, and only a name containing
 * escapes is decoded, into an arena shared by all open objects. Objects with
 * more than NAMES_LINEAR_MAX members switch to a hash table so that
 * pathological objects stay linear. Line and column are computed only when
 * an error is found. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "connect-json.h"

/* Members an object may have before its names go into a hash table */
#define NAMES_LINEAR_MAX 32

/* Characters of a name, word or number quoted in an error message */
#define QUOTE_MAX_CHARS 40

/* Decimal digits of the largest int64 */
#define INT64_DIGITS 19

typedef enum
{
  STATE_VALUE,       /* a value must come next */
  STATE_NAME,        /* a member name must come next */
  STATE_AFTER_VALUE, /* a value ended: ',', a closing bracket or the end */
} State;

typedef struct
{
  const guint8 *raw;    /* the name in the input when it has no escapes */
  gsize         offset; /* else where it is decoded in Checker.arena */
  gsize         length;
} Name;

typedef struct
{
  guint       names_base; /* first of this object's entries in names */
  guint       arena_base; /* first of this object's bytes in arena */
  GHashTable *table;      /* GBytes set, once the object has many members */
} ObjectFrame;

typedef struct
{
  const guint8 *data;
  const guint8 *end;
  guint         max_depth;

  /* '[' or '{' for each open level */
  guint8       *stack;
  gsize         depth;
  gsize         stack_size;

  GArray       *objects; /* ObjectFrame, one per open object */
  GArray       *names;   /* Name, the members of open objects so far */
  GByteArray   *arena;   /* decoded names that contained escapes */

  const guint8 *error_at;
  char         *error_message;
} Checker;

static inline gboolean
is_space (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline gboolean
is_digit (guint8 c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_word_start (guint8 c)
{
  return g_ascii_isalpha (c) || c == '_' || c == '$';
}

static inline gboolean
is_word_char (guint8 c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$';
}

static inline const guint8 *
skip_space (const guint8 *p,
            const guint8 *end)
{
  while (p < end && is_space (*p))
    p++;

  return p;
}

/* Length of the well-formed UTF-8 sequence (RFC 3629) at @p, or 0 when it is
 * not one: no overlong forms, no surrogates, nothing past U+10FFFF, nothing
 * truncated. */
static inline gsize
utf8_sequence_length (const guint8 *p,
                      const guint8 *end)
{
  guint8 c = p[0];
  gsize avail = end - p;
  guint8 lo = 0x80;
  guint8 hi = 0xBF;

  if (c < 0x80)
    return 1;

  if (c < 0xC2)
    return 0;

  if (c < 0xE0)
    return (avail >= 2 && p[1] >= 0x80 && p[1] <= 0xBF) ? 2 : 0;

  if (c < 0xF0)
    {
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;

      return (avail >= 3
              && p[1] >= lo && p[1] <= hi
              && p[2] >= 0x80 && p[2] <= 0xBF) ? 3 : 0;
    }

  if (c < 0xF5)
    {
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;

      return (avail >= 4
              && p[1] >= lo && p[1] <= hi
              && p[2] >= 0x80 && p[2] <= 0xBF
              && p[3] >= 0x80 && p[3] <= 0xBF) ? 4 : 0;
    }

  return 0;
}

static inline int
hex_value (guint8 c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The four hex digits at @p as a code unit, or -1 */
static inline int
hex4_value (const guint8 *p,
            const guint8 *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = (value << 4) | digit;
    }

  return value;
}

/* A copy of the valid UTF-8 at @p (up to @end) cut to QUOTE_MAX_CHARS
 * characters, with an ellipsis when cut. */
static char *
quote_text (const guint8 *p,
            const guint8 *end)
{
  const guint8 *q = p;
  guint chars = 0;

  while (q < end && chars < QUOTE_MAX_CHARS)
    {
      q += g_utf8_skip[*q];
      chars++;
    }

  if (q > end)
    q = end;

  if (q < end)
    return g_strdup_printf ("%.*s…", (int) (q - p), (const char *) p);

  return g_strndup ((const char *) p, q - p);
}

static gboolean G_GNUC_PRINTF (3, 4)
checker_fail (Checker      *self,
              const guint8 *at,
              const char   *format,
              ...)
{
  va_list args;

  g_assert (self->error_message == NULL);

  va_start (args, format);
  self->error_at = at;
  self->error_message = g_strdup_vprintf (format, args);
  va_end (args);

  return FALSE;
}

/* Fails at @p when what is there is wrong whatever was expected: a NUL byte,
 * invalid UTF-8 or a comment. Returns FALSE after failing. */
static gboolean
checker_check_special (Checker      *self,
                       const guint8 *p)
{
  if (p == self->end)
    return TRUE;

  if (*p == '\0')
    return checker_fail (self, p, _("NUL bytes are not allowed in JSON"));

  if (*p >= 0x80 && utf8_sequence_length (p, self->end) == 0)
    return checker_fail (self, p, _("Invalid UTF-8"));

  if (*p == '#'
      || (*p == '/' && p + 1 < self->end && (p[1] == '/' || p[1] == '*')))
    return checker_fail (self, p, _("Comments are not allowed in JSON"));

  return TRUE;
}

/* Fails at @p with @expected unless something more precise applies */
static gboolean
checker_fail_unexpected (Checker      *self,
                         const guint8 *p,
                         const char   *expected)
{
  if (!checker_check_special (self, p))
    return FALSE;

  return checker_fail (self, p, "%s", expected);
}

/* Fails on the bare word at @p where a value was expected */
static gboolean
checker_fail_word (Checker      *self,
                   const guint8 *p)
{
  const guint8 *q = p;
  g_autofree char *word = NULL;

  while (q < self->end && is_word_char (*q))
    q++;

  if (q - p == 3 && memcmp (p, "NaN", 3) == 0)
    return checker_fail (self, p, _("NaN is not allowed in JSON"));

  if (q - p == 8 && memcmp (p, "Infinity", 8) == 0)
    return checker_fail (self, p, _("Infinity is not allowed in JSON"));

  word = quote_text (p, q);

  /* Translators: %s is a bare word found where a value was expected */
  return checker_fail (self, p,
                       _("Invalid literal “%s”, expected true, false or null"),
                       word);
}

/* Fails at @p where a value was expected, after @prev: 0 at the top level,
 * or '[', ',' or ':' */
static gboolean
checker_fail_value (Checker      *self,
                    const guint8 *p,
                    guint8        prev)
{
  const char *expected;

  if (!checker_check_special (self, p))
    return FALSE;

  if (p < self->end)
    {
      if (*p == '\'')
        return checker_fail (self, p, _("Strings must be in double quotes"));

      if (*p == '+')
        return checker_fail (self, p, _("Numbers cannot start with '+'"));

      if (*p == '.')
        return checker_fail (self, p,
                             _("Expected a digit before the decimal point"));

      if (is_word_start (*p))
        return checker_fail_word (self, p);
    }

  switch (prev)
    {
    case '[':
      expected = _("Expected a value or ']'");
      break;
    case ',':
      expected = _("Expected a value after ','");
      break;
    case ':':
      expected = _("Expected a value after ':'");
      break;
    default:
      expected = _("Expected a JSON value");
      break;
    }

  return checker_fail (self, p, "%s", expected);
}

/* Fails at @p where a member name was expected, after '{' or ',' */
static gboolean
checker_fail_name (Checker      *self,
                   const guint8 *p,
                   guint8        prev)
{
  if (!checker_check_special (self, p))
    return FALSE;

  if (p < self->end)
    {
      if (*p == '\'')
        return checker_fail (self, p, _("Strings must be in double quotes"));

      if (is_word_start (*p) || is_digit (*p))
        return checker_fail (self, p,
                             _("Member names must be strings in double quotes"));
    }

  if (prev == '{')
    return checker_fail (self, p,
                         _("Expected a member name in double quotes or '}'"));

  return checker_fail (self, p,
                       _("Expected a member name in double quotes after ','"));
}

/* Checks the escape sequence at @p (a backslash). Returns where it ends, or
 * NULL after failing. */
static const guint8 *
checker_scan_escape (Checker      *self,
                     const guint8 *p)
{
  const guint8 *end = self->end;
  const guint8 *q = p + 1;
  gsize n;
  int unit;
  int low;

  if (q == end)
    {
      checker_fail (self, q, _("Unterminated string, expected a closing '\"'"));
      return NULL;
    }

  switch (*q)
    {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
      return q + 1;

    case 'u':
      unit = hex4_value (q + 1, end);
      if (unit < 0)
        {
          checker_fail (self, p,
                        _("Expected four hexadecimal digits after “\\u”"));
          return NULL;
        }

      if (unit >= 0xDC00 && unit <= 0xDFFF)
        {
          /* Translators: %.4s are the four hex digits of an escape */
          checker_fail (self, p, _("Unpaired surrogate “\\u%.4s”"),
                        (const char *) q + 1);
          return NULL;
        }

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          low = -1;
          if (end - (q + 5) >= 6 && q[5] == '\\' && q[6] == 'u')
            low = hex4_value (q + 7, end);

          if (low < 0xDC00 || low > 0xDFFF)
            {
              checker_fail (self, p, _("Unpaired surrogate “\\u%.4s”"),
                            (const char *) q + 1);
              return NULL;
            }

          return q + 11;
        }

      return q + 5;

    default:
      break;
    }

  if (*q < 0x20)
    {
      /* A raw control character is the graver fault */
      checker_fail (self, q,
                    _("Control character U+%04X must be escaped in a string"),
                    *q);
      return NULL;
    }

  n = utf8_sequence_length (q, end);
  if (n == 0)
    {
      checker_fail (self, q, _("Invalid UTF-8"));
      return NULL;
    }

  /* Translators: %.*s is the character after the backslash */
  checker_fail (self, p, _("Invalid escape sequence “\\%.*s”"),
                (int) n, (const char *) q);
  return NULL;
}

/* Checks the string whose opening quote is at @p. Returns where it ends
 * (after the closing quote), or NULL after failing. @out_escaped tells
 * whether it contains escape sequences. */
static const guint8 *
checker_scan_string (Checker      *self,
                     const guint8 *p,
                     gboolean     *out_escaped)
{
  const guint8 *end = self->end;
  gboolean escaped = FALSE;

  g_assert (*p == '"');
  p++;

  for (;;)
    {
      guint8 c;
      gsize n;

      while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
        p++;

      if (p == end)
        {
          checker_fail (self, p,
                        _("Unterminated string, expected a closing '\"'"));
          return NULL;
        }

      c = *p;

      if (c == '"')
        break;

      if (c == '\\')
        {
          escaped = TRUE;
          p = checker_scan_escape (self, p);
          if (p == NULL)
            return NULL;
          continue;
        }

      if (c < 0x20)
        {
          /* Translators: %04X is the hexadecimal code of the character */
          checker_fail (self, p,
                        _("Control character U+%04X must be escaped in a string"),
                        c);
          return NULL;
        }

      n = utf8_sequence_length (p, end);
      if (n == 0)
        {
          checker_fail (self, p, _("Invalid UTF-8"));
          return NULL;
        }
      p += n;
    }

  *out_escaped = escaped;

  return p + 1;
}

/* Appends the decoded form of the checked string contents [@p, @end) */
static void
decode_string (GByteArray   *out,
               const guint8 *p,
               const guint8 *end)
{
  while (p < end)
    {
      const guint8 *q = memchr (p, '\\', end - p);
      gunichar ch = 0;
      char utf8[6];
      int unit;

      if (q == NULL)
        q = end;
      if (q > p)
        g_byte_array_append (out, p, q - p);
      if (q == end)
        break;

      p = q + 1;
      switch (*p)
        {
        case 'b':
          ch = '\b';
          break;
        case 'f':
          ch = '\f';
          break;
        case 'n':
          ch = '\n';
          break;
        case 'r':
          ch = '\r';
          break;
        case 't':
          ch = '\t';
          break;
        case 'u':
          unit = hex4_value (p + 1, end);
          g_assert (unit >= 0);
          p += 4;
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low = hex4_value (p + 3, end);

              g_assert (low >= 0xDC00 && low <= 0xDFFF);
              unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          ch = unit;
          break;
        default:
          ch = *p; /* '"', '\\' or '/' */
          break;
        }
      p++;

      g_byte_array_append (out, (const guint8 *) utf8,
                           g_unichar_to_utf8 (ch, utf8));
    }
}

static void
object_frame_clear (ObjectFrame *frame)
{
  g_clear_pointer (&frame->table, g_hash_table_unref);
}

static const guint8 *
checker_name_bytes (Checker    *self,
                    const Name *name)
{
  return name->raw != NULL ? name->raw : self->arena->data + name->offset;
}

/* Moves the names of @frame into a hash table */
static void
checker_hash_names (Checker     *self,
                    ObjectFrame *frame)
{
  frame->table = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                        (GDestroyNotify) g_bytes_unref, NULL);

  for (guint i = frame->names_base; i < self->names->len; i++)
    {
      const Name *name = &g_array_index (self->names, Name, i);
      GBytes *key;

      if (name->raw != NULL)
        key = g_bytes_new_static (name->raw, name->length);
      else
        key = g_bytes_new (self->arena->data + name->offset, name->length);

      g_hash_table_add (frame->table, key);
    }

  g_array_set_size (self->names, frame->names_base);
  g_byte_array_set_size (self->arena, frame->arena_base);
}

/* Records the member name whose opening quote is at @start and whose closing
 * quote is at @stop - 1, failing if the innermost object already has it. */
static gboolean
checker_add_name (Checker      *self,
                  const guint8 *start,
                  const guint8 *stop,
                  gboolean      escaped)
{
  ObjectFrame *frame;
  const guint8 *bytes = start + 1;
  gsize length = stop - start - 2;
  guint mark = self->arena->len;
  gboolean duplicate = FALSE;
  g_autofree char *quoted = NULL;

  g_assert (self->objects->len > 0);
  frame = &g_array_index (self->objects, ObjectFrame, self->objects->len - 1);

  if (frame->table == NULL
      && self->names->len - frame->names_base >= NAMES_LINEAR_MAX)
    {
      checker_hash_names (self, frame);
      mark = self->arena->len;
    }

  if (escaped)
    {
      decode_string (self->arena, bytes, stop - 1);
      bytes = NULL;
      length = self->arena->len - mark;
    }

  if (frame->table != NULL)
    {
      GBytes *key;

      if (bytes != NULL)
        key = g_bytes_new_static (bytes, length);
      else
        key = g_bytes_new (self->arena->data + mark, length);

      duplicate = !g_hash_table_add (frame->table, key);
      g_byte_array_set_size (self->arena, mark);
    }
  else
    {
      const guint8 *name_bytes = bytes ? bytes : self->arena->data + mark;
      Name name = { bytes, mark, length };

      for (guint i = frame->names_base; i < self->names->len; i++)
        {
          const Name *other = &g_array_index (self->names, Name, i);

          if (other->length == length
              && memcmp (checker_name_bytes (self, other),
                         name_bytes, length) == 0)
            {
              duplicate = TRUE;
              break;
            }
        }

      g_array_append_val (self->names, name);
    }

  if (!duplicate)
    return TRUE;

  quoted = quote_text (start + 1, stop - 1);

  /* Translators: %s is the member name as written in the document */
  return checker_fail (self, start, _("Duplicate member name “%s”"), quoted);
}

/* Fails at @start, the first character of the number [@start, @stop) */
static gboolean
checker_fail_range (Checker      *self,
                    const guint8 *start,
                    const guint8 *stop)
{
  g_autofree char *quoted = quote_text (start, stop);

  /* Translators: %s is the number as written in the document */
  return checker_fail (self, start, _("Number %s is out of range"), quoted);
}

/* Whether the number [@start, @stop), checked, overflows a double */
static gboolean
number_overflows (const guint8 *start,
                  const guint8 *stop)
{
  char buffer[128];
  g_autofree char *copy = NULL;
  const char *text;
  gsize length = stop - start;

  if (length < sizeof buffer)
    {
      memcpy (buffer, start, length);
      buffer[length] = '\0';
      text = buffer;
    }
  else
    {
      copy = g_strndup ((const char *) start, length);
      text = copy;
    }

  return isinf (g_ascii_strtod (text, NULL));
}

/* Checks the number at @p. Returns where it ends, or NULL after failing. */
static const guint8 *
checker_scan_number (Checker      *self,
                     const guint8 *p)
{
  const guint8 *end = self->end;
  const guint8 *start = p;
  const guint8 *int_start;
  gsize int_digits;
  gboolean is_float = FALSE;
  gboolean negative = FALSE;
  gint64 exponent = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
      if (p == end || !is_digit (*p))
        {
          if (end - p >= 8 && memcmp (p, "Infinity", 8) == 0
              && (end - p == 8 || !is_word_char (p[8])))
            checker_fail (self, start, _("Infinity is not allowed in JSON"));
          else if (checker_check_special (self, p))
            checker_fail (self, p, _("Expected a digit after '-'"));
          return NULL;
        }
    }

  int_start = p;

  if (*p == '0')
    {
      p++;
      if (p < end && (*p == 'x' || *p == 'X'))
        {
          checker_fail (self, start,
                        _("Hexadecimal numbers are not allowed in JSON"));
          return NULL;
        }
      if (p < end && is_digit (*p))
        {
          checker_fail (self, p - 1,
                        _("Leading zeros are not allowed in numbers"));
          return NULL;
        }
    }
  else
    {
      while (p < end && is_digit (*p))
        p++;
    }

  int_digits = p - int_start;

  if (p < end && *p == '.')
    {
      is_float = TRUE;
      p++;
      if (p == end || !is_digit (*p))
        {
          if (checker_check_special (self, p))
            checker_fail (self, p,
                          _("Expected a digit after the decimal point"));
          return NULL;
        }
      while (p < end && is_digit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean exponent_negative = FALSE;

      is_float = TRUE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        {
          exponent_negative = *p == '-';
          p++;
        }
      if (p == end || !is_digit (*p))
        {
          if (checker_check_special (self, p))
            checker_fail (self, p, _("Expected a digit in the exponent"));
          return NULL;
        }
      while (p < end && is_digit (*p))
        {
          if (exponent < 1000000)
            exponent = exponent * 10 + (*p - '0');
          p++;
        }
      if (exponent_negative)
        exponent = -exponent;
    }

  if (is_float)
    {
      /* The value is below 10^(integer digits + exponent): only call strtod
       * when that bound could exceed DBL_MAX (about 1.8e308) */
      gint64 bound = exponent;

      if (*int_start != '0')
        bound += MIN (int_digits, (gsize) 1000000);

      if (bound > 308 && number_overflows (start, p))
        {
          checker_fail_range (self, start, p);
          return NULL;
        }
    }
  else if (int_digits > INT64_DIGITS
           || (int_digits == INT64_DIGITS
               && memcmp (int_start,
                          negative ? "9223372036854775808"
                                   : "9223372036854775807",
                          INT64_DIGITS) > 0))
    {
      checker_fail_range (self, start, p);
      return NULL;
    }

  return p;
}

/* Checks the literal @literal expected at @p. Returns where it ends, or NULL
 * after failing. */
static const guint8 *
checker_scan_literal (Checker      *self,
                      const guint8 *p,
                      const char   *literal,
                      gsize         length)
{
  if ((gsize) (self->end - p) >= length
      && memcmp (p, literal, length) == 0
      && (p + length == self->end || !is_word_char (p[length])))
    return p + length;

  checker_fail_word (self, p);
  return NULL;
}

static gboolean
checker_push (Checker      *self,
              const guint8 *p)
{
  if (self->depth >= self->max_depth)
    return checker_fail (self, p,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "Nesting deeper than %u level",
                                      "Nesting deeper than %u levels",
                                      self->max_depth),
                         self->max_depth);

  if (self->depth == self->stack_size)
    {
      self->stack_size = MAX (64, self->stack_size * 2);
      self->stack = g_realloc (self->stack, self->stack_size);
    }

  self->stack[self->depth++] = *p;

  if (*p == '{')
    {
      ObjectFrame frame = { self->names->len, self->arena->len, NULL };

      g_array_append_val (self->objects, frame);
    }

  return TRUE;
}

static void
checker_pop (Checker *self)
{
  g_assert (self->depth > 0);

  if (self->stack[--self->depth] == '{')
    {
      ObjectFrame *frame = &g_array_index (self->objects, ObjectFrame,
                                           self->objects->len - 1);

      g_array_set_size (self->names, frame->names_base);
      g_byte_array_set_size (self->arena, frame->arena_base);
      object_frame_clear (frame);
      g_array_set_size (self->objects, self->objects->len - 1);
    }
}

static gboolean
checker_run (Checker *self)
{
  const guint8 *p = self->data;
  const guint8 *end = self->end;
  const guint8 *start;
  State state = STATE_VALUE;
  guint8 prev = 0;
  gboolean escaped;
  gboolean in_array;

  if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
    return checker_fail (self, p,
                         _("A byte order mark is not allowed in JSON"));

  p = skip_space (p, end);
  if (p == end)
    return checker_fail (self, p, _("The document is empty"));

  for (;;)
    {
      switch (state)
        {
        case STATE_VALUE:
          /* p is past any white space */
          if (p == end)
            return checker_fail_value (self, p, prev);

          switch (*p)
            {
            case '{':
            case '[':
              if (!checker_push (self, p))
                return FALSE;
              start = p;
              p = skip_space (p + 1, end);
              if (p < end && *p == (*start == '{' ? '}' : ']'))
                {
                  checker_pop (self);
                  p++;
                  state = STATE_AFTER_VALUE;
                }
              else
                {
                  prev = *start;
                  state = *start == '{' ? STATE_NAME : STATE_VALUE;
                }
              break;

            case '"':
              p = checker_scan_string (self, p, &escaped);
              state = STATE_AFTER_VALUE;
              break;

            case '-':
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            case '8':
            case '9':
              p = checker_scan_number (self, p);
              state = STATE_AFTER_VALUE;
              break;

            case 't':
              p = checker_scan_literal (self, p, "true", 4);
              state = STATE_AFTER_VALUE;
              break;

            case 'f':
              p = checker_scan_literal (self, p, "false", 5);
              state = STATE_AFTER_VALUE;
              break;

            case 'n':
              p = checker_scan_literal (self, p, "null", 4);
              state = STATE_AFTER_VALUE;
              break;

            default:
              return checker_fail_value (self, p, prev);
            }

          if (p == NULL)
            return FALSE;
          break;

        case STATE_NAME:
          /* p is past any white space, after '{' or ',' */
          if (p == end || *p != '"')
            return checker_fail_name (self, p, prev);

          start = p;
          p = checker_scan_string (self, p, &escaped);
          if (p == NULL || !checker_add_name (self, start, p, escaped))
            return FALSE;

          p = skip_space (p, end);
          if (p == end || *p != ':')
            return checker_fail_unexpected (self, p,
                                            _("Expected ':' after a member name"));

          p = skip_space (p + 1, end);
          prev = ':';
          state = STATE_VALUE;
          break;

        case STATE_AFTER_VALUE:
          p = skip_space (p, end);

          if (self->depth == 0)
            {
              if (p == end)
                return TRUE;
              return checker_fail_unexpected (self, p,
                                              _("Unexpected content after the JSON value"));
            }

          in_array = self->stack[self->depth - 1] == '[';

          if (p < end && *p == ',')
            {
              start = p;
              p = skip_space (p + 1, end);

              if (p < end && in_array && *p == ']')
                return checker_fail (self, start, _("Trailing comma before ']'"));
              if (p < end && !in_array && *p == '}')
                return checker_fail (self, start, _("Trailing comma before '}'"));

              prev = ',';
              state = in_array ? STATE_VALUE : STATE_NAME;
            }
          else if (p < end && *p == (in_array ? ']' : '}'))
            {
              checker_pop (self);
              p++;
            }
          else if (in_array)
            {
              return checker_fail_unexpected (self, p,
                                              _("Expected ',' or ']' after an array element"));
            }
          else
            {
              return checker_fail_unexpected (self, p,
                                              _("Expected ',' or '}' after an object member"));
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* The 1-based line and column, in characters, of @at. Everything before it
 * is valid UTF-8, and line breaks (LF, CRLF or CR) only occur in white
 * space. */
static void
checker_locate (Checker      *self,
                const guint8 *at,
                guint        *out_line,
                guint        *out_column)
{
  const guint8 *line_start = self->data;
  gsize line = 1;
  gsize column = 1;

  for (const guint8 *q = self->data; q < at; q++)
    {
      if (*q == '\n'
          || (*q == '\r' && (q + 1 == self->end || q[1] != '\n')))
        {
          line++;
          line_start = q + 1;
        }
    }

  for (const guint8 *q = line_start; q < at; q++)
    {
      if ((*q & 0xC0) != 0x80)
        column++;
    }

  *out_line = MIN (line, G_MAXUINT);
  *out_column = MIN (column, G_MAXUINT);
}

static void
checker_clear (Checker *self)
{
  for (guint i = 0; i < self->objects->len; i++)
    object_frame_clear (&g_array_index (self->objects, ObjectFrame, i));

  g_clear_pointer (&self->stack, g_free);
  g_clear_pointer (&self->objects, g_array_unref);
  g_clear_pointer (&self->names, g_array_unref);
  g_clear_pointer (&self->arena, g_byte_array_unref);
  g_clear_pointer (&self->error_message, g_free);
}

/**
 * connect_json_check:
 * @data: the bytes
 * @length: their length
 * @max_depth: the deepest nesting of arrays and objects allowed
 * @out_line: (out) (optional): 1-based line of the first error
 * @out_column: (out) (optional): 1-based column, in characters, of the
 *   first error
 * @out_message: (out) (optional) (transfer full): what is wrong there,
 *   translated
 *
 * Checks that @data is exactly one JSON text as RFC 8259 defines it. On
 * success the line and column are set to 0 and the message to %NULL.
 *
 * Returns: %TRUE when the text is acceptable
 */
gboolean
connect_json_check (const char  *data,
                    gsize        length,
                    guint        max_depth,
                    guint       *out_line,
                    guint       *out_column,
                    char       **out_message)
{
  Checker checker = { 0, };
  guint line = 0;
  guint column = 0;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (data == NULL)
    data = "";

  checker.data = (const guint8 *) data;
  checker.end = checker.data + length;
  checker.max_depth = max_depth;
  checker.objects = g_array_new (FALSE, FALSE, sizeof (ObjectFrame));
  checker.names = g_array_new (FALSE, FALSE, sizeof (Name));
  checker.arena = g_byte_array_new ();

  ok = checker_run (&checker);

  if (!ok)
    {
      g_assert (checker.error_message != NULL);
      checker_locate (&checker, checker.error_at, &line, &column);
    }

  if (out_line != NULL)
    *out_line = line;
  if (out_column != NULL)
    *out_column = column;
  if (out_message != NULL)
    *out_message = g_steal_pointer (&checker.error_message);

  checker_clear (&checker);

  return ok;
}
