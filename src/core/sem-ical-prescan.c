/* sem-ical-prescan.c — a cheap check of an .ics before libical sees it
 *
 * libical accepts nearly anything and says little about where it went
 * wrong. This scan walks the unfolded lines once, enforces the caps on
 * hostile input and answers a malformed file with its line number. It also
 * removes a UTF-8 BOM and hands libical one NUL-terminated copy of the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-ical-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sem-ical.h"
#include "sem-ical-import-private.h"

typedef struct
{
  const char  *display_name;
  GError     **error;
} Scan;

static gboolean fail_at (Scan       *scan,
                         int         code,
                         guint       line,
                         const char *format,
                         ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail_at (Scan       *scan,
         int         code,
         guint       line,
         const char *format,
         ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: an .ics file could not be imported. The first %s is the
   * file name, %u the line, the last %s what is wrong there. */
  g_set_error (scan->error, SEM_ICAL_ERROR, code, _("%s: line %u: %s"),
               scan->display_name, line, problem);
  return FALSE;
}

/* The name after BEGIN: or END:, up to the value's end. */
static char *
component_name (const char *value,
                gsize       length)
{
  g_autofree char *name = g_strndup (value, MIN (length, 64));

  return g_ascii_strup (g_strstrip (name), -1);
}

static gboolean
has_prefix_ci (const char *line,
               gsize       length,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return length >= n && g_ascii_strncasecmp (line, prefix, n) == 0;
}

/* The length of the start of @text (of @length bytes) without any of @reject. */
static gsize
strcspn_len (const char *text,
             gsize       length,
             const char *reject)
{
  for (gsize i = 0; i < length; i++)
    if (strchr (reject, text[i]) != NULL)
      return i;
  return length;
}

/* Checks one unfolded content line; @line is where it starts, @offset and
 * @next_offset where it and the line after it start in the text. */
static gboolean
check_line (Scan       *scan,
            const char *text,
            gsize       length,
            guint       line,
            gsize       offset,
            gsize       next_offset,
            GPtrArray  *stack,
            GArray     *properties,
            guint      *n_components,
            gboolean   *closed,
            GArray     *vevents)
{
  const char *colon;
  const char *value;
  gsize name_length, value_length;

  if (length == 0)
    return TRUE;

  if (*closed)
    return fail_at (scan, SEM_ICAL_ERROR_SYNTAX, line, "%s",
                    _("there is more after the calendar’s END:VCALENDAR"));

  if (length > SEM_ICAL_IMPORT_MAX_LINE)
    {
      g_autofree char *max = g_format_size (SEM_ICAL_IMPORT_MAX_LINE);
      return fail_at (scan, SEM_ICAL_ERROR_TOO_LARGE, line,
                      _("the line is longer than %s"), max);
    }

  if (stack->len == 0 && !has_prefix_ci (text, length, "BEGIN:VCALENDAR"))
    return fail_at (scan, SEM_ICAL_ERROR_SYNTAX, line, "%s",
                    _("this is not an iCalendar file: it does not begin with BEGIN:VCALENDAR"));

  colon = memchr (text, ':', length);
  if (colon == NULL)
    {
      g_autofree char *start = g_utf8_make_valid (text, MIN (length, 40));
      return fail_at (scan, SEM_ICAL_ERROR_SYNTAX, line,
                      _("“%s” is not an iCalendar line (NAME:value)"), start);
    }

  /* The property name ends at the first ';' or ':': libical also takes
   * "BEGIN;X=1:VEVENT" for a component, so must this count. */
  name_length = strcspn_len (text, colon - text, ";");
  value = colon + 1;
  value_length = length - (value - text);

  if (name_length == 5 && g_ascii_strncasecmp (text, "BEGIN", 5) == 0)
    {
      char *name = component_name (value, value_length);
      guint zero = 0;

      if (stack->len >= SEM_ICAL_IMPORT_MAX_DEPTH)
        {
          g_free (name);
          return fail_at (scan, SEM_ICAL_ERROR_TOO_LARGE, line,
                          _("components are nested more than %u deep"),
                          SEM_ICAL_IMPORT_MAX_DEPTH);
        }
      if (++*n_components > SEM_ICAL_IMPORT_MAX_COMPONENTS)
        {
          g_free (name);
          return fail_at (scan, SEM_ICAL_ERROR_TOO_LARGE, line,
                          _("the file has more than %u components"),
                          SEM_ICAL_IMPORT_MAX_COMPONENTS);
        }
      if (stack->len == 1 && g_str_equal (name, "VEVENT"))
        {
          SemIcalVeventRange range = { offset, 0, line };

          g_array_append_val (vevents, range);
        }
      g_ptr_array_add (stack, name);
      g_array_append_val (properties, zero);
      return TRUE;
    }

  if (name_length == 3 && g_ascii_strncasecmp (text, "END", 3) == 0)
    {
      g_autofree char *name = component_name (value, value_length);
      const char *open = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;

      if (open == NULL)
        return fail_at (scan, SEM_ICAL_ERROR_SYNTAX, line,
                        _("END:%s without a BEGIN"), name);
      if (!g_str_equal (open, name))
        return fail_at (scan, SEM_ICAL_ERROR_SYNTAX, line,
                        _("END:%s does not close BEGIN:%s"), name, open);
      g_ptr_array_remove_index (stack, stack->len - 1);
      g_array_remove_index (properties, properties->len - 1);
      if (stack->len == 1 && g_str_equal (name, "VEVENT"))
        g_array_index (vevents, SemIcalVeventRange, vevents->len - 1).end = next_offset;
      if (stack->len == 0)
        *closed = TRUE;
      return TRUE;
    }

  if (++g_array_index (properties, guint, properties->len - 1) > SEM_ICAL_IMPORT_MAX_PROPERTIES)
    return fail_at (scan, SEM_ICAL_ERROR_TOO_LARGE, line,
                    _("a %s has more than %u properties"),
                    (const char *) g_ptr_array_index (stack, stack->len - 1),
                    SEM_ICAL_IMPORT_MAX_PROPERTIES);
  return TRUE;
}

/**
 * sem_ical_prescan:
 * @vevents: (element-type SemIcalVeventRange): receives where each VEVENT of
 *   the calendar lies
 *
 * @text: (out) (transfer none): the text to parse: inside @bytes, past any BOM
 * @text_length: (out): its length; it is not NUL-terminated
 *
 * Returns: whether the file may be given to libical; if not, @error is set
 */
gboolean
sem_ical_prescan (GBytes        *bytes,
                  const char    *display_name,
                  GArray        *vevents,
                  const char   **text,
                  gsize         *text_length,
                  GCancellable  *cancellable,
                  GError       **error)
{
  Scan scan = { display_name, error };
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) properties = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) logical = g_string_new (NULL);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *end;
  const char *p;
  const char *bad;
  guint line = 0, logical_line = 0, n_components = 0;
  gsize logical_offset = 0;
  gboolean closed = FALSE;

  if (size > SEM_ICAL_IMPORT_MAX_BYTES)
    {
      g_autofree char *max = g_format_size (SEM_ICAL_IMPORT_MAX_BYTES);
      g_set_error (error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_TOO_LARGE,
                   _("%s: the file is larger than the %s a calendar may have"), display_name, max);
      return FALSE;
    }

  /* An empty GBytes has no data pointer at all. */
  if (data == NULL)
    data = "";

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  end = data + size;

  if (!g_utf8_validate_len (data, size, &bad) || memchr (data, '\0', size) != NULL)
    {
      guint bad_line = 1;

      if (memchr (data, '\0', size) != NULL && (const char *) memchr (data, '\0', size) < bad)
        bad = memchr (data, '\0', size);
      for (p = data; p < bad; p++)
        bad_line += *p == '\n';
      fail_at (&scan, SEM_ICAL_ERROR_SYNTAX, bad_line, "%s",
               _("the text is not valid UTF-8"));
      return FALSE;
    }

  for (p = data; p < end;)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next = eol != NULL ? eol + 1 : end;
      gsize length = (eol != NULL ? eol : end) - p;

      line++;
      if (length > 0 && p[length - 1] == '\r')
        length--;

      if ((line & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (length > 0 && (p[0] == ' ' || p[0] == '\t') && logical_line > 0)
        {
          /* A folded line continues the one before. */
          if (logical->len + length - 1 > SEM_ICAL_IMPORT_MAX_LINE)
            {
              g_autofree char *max = g_format_size (SEM_ICAL_IMPORT_MAX_LINE);
              fail_at (&scan, SEM_ICAL_ERROR_TOO_LARGE, logical_line,
                       _("the line is longer than %s"), max);
              return FALSE;
            }
          g_string_append_len (logical, p + 1, length - 1);
        }
      else
        {
          if (logical_line > 0 &&
              !check_line (&scan, logical->str, logical->len, logical_line, logical_offset,
                           p - data, stack, properties, &n_components, &closed, vevents))
            return FALSE;
          g_string_truncate (logical, 0);
          if (length > SEM_ICAL_IMPORT_MAX_LINE)
            {
              g_autofree char *max = g_format_size (SEM_ICAL_IMPORT_MAX_LINE);
              fail_at (&scan, SEM_ICAL_ERROR_TOO_LARGE, line, _("the line is longer than %s"), max);
              return FALSE;
            }
          g_string_append_len (logical, p, length);
          logical_line = line;
          logical_offset = p - data;
        }
      p = next;
    }

  if (logical_line > 0 &&
      !check_line (&scan, logical->str, logical->len, logical_line, logical_offset, size,
                   stack, properties, &n_components, &closed, vevents))
    return FALSE;

  if (!closed)
    {
      if (n_components == 0)
        fail_at (&scan, SEM_ICAL_ERROR_SYNTAX, MAX (line, 1), "%s",
                 _("this is not an iCalendar file: it does not begin with BEGIN:VCALENDAR"));
      else
        fail_at (&scan, SEM_ICAL_ERROR_SYNTAX, MAX (line, 1),
                 _("the file ends inside a %s: it is cut short"),
                 (const char *) g_ptr_array_index (stack, stack->len - 1));
      return FALSE;
    }

  *text = data;
  *text_length = size;
  return TRUE;
}
