/* sem-ical-prescan.c — a cheap check of an .ics before libical sees it
 *
 * libical accepts nearly anything and says little about where it went
 * wrong. This scan walks the unfolded lines once, enforces the caps on
 * hostile input and answers a malformed file with its line number.
 *
 * It is fed the file in chunks of any size (a whole file in memory is one
 * chunk, read in place), so a calendar of 50 MB is read in memory of one
 * chunk, one VEVENT and the lines outside the VEVENTs (the calendar's own
 * properties and its VTIMEZONEs: the "skeleton"). It hands each VEVENT of
 * the calendar, as it is in the file, to a callback.
 *
 * The errors are those of a scan of the whole text: one over the size cap
 * first, then the first byte that is not UTF-8 (or a NUL), then the first
 * line that breaks the rules. So a scan that found a bad line goes on
 * checking the UTF-8 of the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-ical-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sem-ical.h"
#include "sem-ical-import-private.h"

struct _SemIcalScanner
{
  char              *display_name;
  GCancellable      *cancellable;
  GString           *skeleton;       /* (nullable): receives the lines outside the VEVENTs */
  SemIcalVeventFunc  vevent_func;    /* (nullable) */
  gpointer           user_data;

  guint64            size;           /* bytes fed, a BOM included */
  char               head[3];        /* the first bytes, until it is known whether they are a BOM */
  guint              head_length;
  gboolean           started;        /* past the BOM */

  /* UTF-8: the start of a character cut by the end of a chunk. */
  guint8             carry[4];
  guint              carry_length;
  guint              carry_need;
  guint              utf8_line;      /* 1 + the newlines validated so far */

  /* Lines. */
  GString           *pending;        /* a physical line whose end is not fed yet */
  GString           *logical;        /* the logical line being unfolded */
  GString           *raw;            /* its physical lines, when outside a VEVENT */
  GString           *vevent;         /* the VEVENT being read, when there is a vevent_func */
  GString           *sink;           /* (nullable): raw, vevent or nothing */
  guint              line;
  guint              logical_line;
  guint              vevent_line;
  GPtrArray         *stack;          /* names of the open components */
  GArray            *properties;     /* guint per open component */
  guint              n_components;
  guint              n_vevents;
  gboolean           closed;
  gboolean           in_vevent;      /* a VEVENT of the calendar is open */
  gboolean           stopped;        /* the vevent_func said stop */

  GError            *final_error;    /* the size cap, or cancelled: nothing more is read */
  GError            *utf8_error;
  GError            *error;          /* the first bad line */
};

static void fail_at (SemIcalScanner  *self,
                     GError         **error,
                     int              code,
                     guint            line,
                     const char      *format,
                     ...) G_GNUC_PRINTF (5, 6);

static void
fail_at (SemIcalScanner  *self,
         GError         **error,
         int              code,
         guint            line,
         const char      *format,
         ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: an .ics file could not be imported. The first %s is the
   * file name, %u the line, the last %s what is wrong there. */
  g_set_error (error, SEM_ICAL_ERROR, code, _("%s: line %u: %s"),
               self->display_name, line, problem);
}

#define FAILED(self) ((self)->final_error != NULL || (self)->utf8_error != NULL || (self)->error != NULL)

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

static void
line_too_long (SemIcalScanner *self,
               guint           line)
{
  g_autofree char *max = g_format_size (SEM_ICAL_IMPORT_MAX_LINE);

  fail_at (self, &self->error, SEM_ICAL_ERROR_TOO_LARGE, line, _("the line is longer than %s"), max);
}

/* Checks the logical line just unfolded; sets @error when it breaks a rule. */
static void
check_line (SemIcalScanner *self)
{
  const char *text = self->logical->str;
  gsize length = self->logical->len;
  guint line = self->logical_line;
  GPtrArray *stack = self->stack;
  const char *colon;
  const char *value;
  gsize name_length, value_length;

  if (length == 0)
    return;

  if (self->closed)
    {
      fail_at (self, &self->error, SEM_ICAL_ERROR_SYNTAX, line, "%s",
               _("there is more after the calendar’s END:VCALENDAR"));
      return;
    }

  if (length > SEM_ICAL_IMPORT_MAX_LINE)
    {
      line_too_long (self, line);
      return;
    }

  if (stack->len == 0 && !has_prefix_ci (text, length, "BEGIN:VCALENDAR"))
    {
      fail_at (self, &self->error, SEM_ICAL_ERROR_SYNTAX, line, "%s",
               _("this is not an iCalendar file: it does not begin with BEGIN:VCALENDAR"));
      return;
    }

  colon = memchr (text, ':', length);
  if (colon == NULL)
    {
      g_autofree char *start = g_utf8_make_valid (text, MIN (length, 40));

      fail_at (self, &self->error, SEM_ICAL_ERROR_SYNTAX, line,
               _("“%s” is not an iCalendar line (NAME:value)"), start);
      return;
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
          fail_at (self, &self->error, SEM_ICAL_ERROR_TOO_LARGE, line,
                   _("components are nested more than %u deep"), SEM_ICAL_IMPORT_MAX_DEPTH);
          return;
        }
      if (++self->n_components > SEM_ICAL_IMPORT_MAX_COMPONENTS)
        {
          g_free (name);
          fail_at (self, &self->error, SEM_ICAL_ERROR_TOO_LARGE, line,
                   _("the file has more than %u components"), SEM_ICAL_IMPORT_MAX_COMPONENTS);
          return;
        }
      if (stack->len == 1 && g_str_equal (name, "VEVENT"))
        self->in_vevent = TRUE;
      g_ptr_array_add (stack, name);
      g_array_append_val (self->properties, zero);
      return;
    }

  if (name_length == 3 && g_ascii_strncasecmp (text, "END", 3) == 0)
    {
      g_autofree char *name = component_name (value, value_length);
      const char *open = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;

      if (open == NULL)
        {
          fail_at (self, &self->error, SEM_ICAL_ERROR_SYNTAX, line, _("END:%s without a BEGIN"), name);
          return;
        }
      if (!g_str_equal (open, name))
        {
          fail_at (self, &self->error, SEM_ICAL_ERROR_SYNTAX, line,
                   _("END:%s does not close BEGIN:%s"), name, open);
          return;
        }
      g_ptr_array_remove_index (stack, stack->len - 1);
      g_array_remove_index (self->properties, self->properties->len - 1);
      if (stack->len == 1 && g_str_equal (name, "VEVENT"))
        self->in_vevent = FALSE;
      if (stack->len == 0)
        self->closed = TRUE;
      return;
    }

  if (++g_array_index (self->properties, guint, self->properties->len - 1) > SEM_ICAL_IMPORT_MAX_PROPERTIES)
    fail_at (self, &self->error, SEM_ICAL_ERROR_TOO_LARGE, line,
             _("a %s has more than %u properties"),
             (const char *) g_ptr_array_index (stack, stack->len - 1),
             SEM_ICAL_IMPORT_MAX_PROPERTIES);
}

/* Checks the logical line that just ended, now that all its physical lines
 * are in, and sends them where they belong: the skeleton, the VEVENT being
 * read, or nowhere. */
static void
end_logical_line (SemIcalScanner *self)
{
  gboolean was_in_vevent = self->in_vevent;

  check_line (self);
  if (self->error != NULL)
    return;

  if (!was_in_vevent && self->in_vevent)
    {
      /* It opened a VEVENT: its text starts with this line. */
      GString *swap = self->vevent;

      self->n_vevents++;
      self->vevent_line = self->logical_line;
      self->vevent = self->raw;
      self->raw = swap;
    }
  else if (!was_in_vevent && self->skeleton != NULL)
    g_string_append_len (self->skeleton, self->raw->str, self->raw->len);
  else if (was_in_vevent && !self->in_vevent && self->vevent_func != NULL)
    {
      /* It closed the VEVENT, its folded rest included. */
      if (!self->vevent_func (self->vevent->str, self->vevent->len, self->vevent_line, self->user_data))
        self->stopped = TRUE;
    }

  g_string_truncate (self->raw, 0);
  if (!self->in_vevent)
    g_string_truncate (self->vevent, 0);
}

static void
sink_append (SemIcalScanner *self,
             const char     *text,
             gsize           length)
{
  if (self->sink != NULL)
    g_string_append_len (self->sink, text, length);
}

/* One physical line, of @size bytes with its newline if it has one. */
static void
physical_line (SemIcalScanner *self,
               const char     *p,
               gsize           size)
{
  gsize length = size;

  if (length > 0 && p[length - 1] == '\n')
    length--;
  if (length > 0 && p[length - 1] == '\r')
    length--;
  self->line++;

  if ((self->line & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, &self->final_error))
    return;

  if (length > 0 && (p[0] == ' ' || p[0] == '\t') && self->logical_line > 0)
    {
      /* A folded line continues the one before. */
      if (self->logical->len + length - 1 > SEM_ICAL_IMPORT_MAX_LINE)
        {
          line_too_long (self, self->logical_line);
          return;
        }
      g_string_append_len (self->logical, p + 1, length - 1);
      sink_append (self, p, size);
      return;
    }

  if (self->logical_line > 0)
    {
      end_logical_line (self);
      if (self->error != NULL)
        return;
    }
  g_string_truncate (self->logical, 0);
  if (length > SEM_ICAL_IMPORT_MAX_LINE)
    {
      line_too_long (self, self->line);
      return;
    }
  g_string_append_len (self->logical, p, length);
  self->logical_line = self->line;

  /* Inside a VEVENT every line is the VEVENT's; outside, it is not known
   * until the line is whole whether it opens one. */
  if (self->in_vevent)
    self->sink = self->vevent_func != NULL ? self->vevent : NULL;
  else
    self->sink = self->raw;
  sink_append (self, p, size);
}

/* How long the UTF-8 sequence that @c starts is; 0 when it starts none. */
static guint
utf8_sequence_length (guchar c)
{
  if ((c & 0xe0) == 0xc0)
    return 2;
  if ((c & 0xf0) == 0xe0)
    return 3;
  if ((c & 0xf8) == 0xf0)
    return 4;
  return 0;
}

static void
utf8_fail (SemIcalScanner *self)
{
  fail_at (self, &self->utf8_error, SEM_ICAL_ERROR_SYNTAX, self->utf8_line, "%s",
           _("the text is not valid UTF-8"));
}

static void
count_lines (SemIcalScanner *self,
             const char     *p,
             const char     *end)
{
  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      self->utf8_line++;
      p++;
    }
}

/* Validates the next @length bytes of the text, where a character may be
 * cut by the end of one chunk. A NUL is refused too. */
static void
validate (SemIcalScanner *self,
          const char     *data,
          gsize           length)
{
  const char *p = data;
  const char *end = data + length;
  const char *bad;

  if (self->utf8_error != NULL)
    return;

  if (self->carry_length > 0)
    {
      while (self->carry_length < MIN (self->carry_need, sizeof self->carry) && p < end)
        {
          if (((guchar) *p & 0xc0) != 0x80)
            {
              utf8_fail (self);
              return;
            }
          self->carry[self->carry_length++] = *p++;
        }
      if (self->carry_length < self->carry_need)
        return;
      if (!g_utf8_validate_len ((const char *) self->carry, self->carry_length, NULL))
        {
          utf8_fail (self);
          return;
        }
      self->carry_length = 0;
    }

  if (g_utf8_validate_len (p, end - p, &bad))
    {
      count_lines (self, p, end);
      return;
    }

  count_lines (self, p, bad);
  self->carry_need = utf8_sequence_length (*bad);
  if ((gsize) (end - bad) >= self->carry_need)
    {
      utf8_fail (self);
      return;
    }
  for (const char *q = bad + 1; q < end; q++)
    if (((guchar) *q & 0xc0) != 0x80)
      {
        utf8_fail (self);
        return;
      }
  /* The start of a character the next chunk ends. */
  self->carry_length = end - bad;
  memcpy (self->carry, bad, self->carry_length);
}

/* The text past the BOM. */
static void
scan (SemIcalScanner *self,
      const char     *data,
      gsize           length)
{
  const char *p = data;
  const char *end = data + length;

  validate (self, data, length);

  while (p < end && !FAILED (self) && !self->stopped)
    {
      const char *eol = memchr (p, '\n', end - p);

      if (eol == NULL)
        {
          /* The rest of a line comes with the next chunk. A line that
           * long is refused whatever follows: see physical_line (). */
          gsize room = SEM_ICAL_IMPORT_MAX_LINE + 3 - self->pending->len;

          g_string_append_len (self->pending, p, MIN (room, (gsize) (end - p)));
          if (self->pending->len >= SEM_ICAL_IMPORT_MAX_LINE + 3)
            {
              physical_line (self, self->pending->str, self->pending->len);
              g_assert (FAILED (self));
            }
          return;
        }

      if (self->pending->len > 0)
        {
          g_string_append_len (self->pending, p, eol + 1 - p);
          physical_line (self, self->pending->str, self->pending->len);
          g_string_truncate (self->pending, 0);
        }
      else
        physical_line (self, p, eol + 1 - p);
      p = eol + 1;
    }
}

/**
 * sem_ical_scanner_new:
 * @skeleton: (nullable): receives the text outside the VEVENTs of the calendar
 * @vevent_func: (nullable): called with each VEVENT of the calendar
 *
 * Returns: (transfer full): a scan of one file, to be fed its bytes
 */
SemIcalScanner *
sem_ical_scanner_new (const char        *display_name,
                      GCancellable      *cancellable,
                      GString           *skeleton,
                      SemIcalVeventFunc  vevent_func,
                      gpointer           user_data)
{
  SemIcalScanner *self = g_new0 (SemIcalScanner, 1);

  self->display_name = g_strdup (display_name);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->skeleton = skeleton;
  self->vevent_func = vevent_func;
  self->user_data = user_data;
  self->utf8_line = 1;
  self->pending = g_string_new (NULL);
  self->logical = g_string_new (NULL);
  self->raw = g_string_new (NULL);
  self->vevent = g_string_new (NULL);
  self->stack = g_ptr_array_new_with_free_func (g_free);
  self->properties = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
sem_ical_scanner_free (SemIcalScanner *self)
{
  if (self == NULL)
    return;
  g_free (self->display_name);
  g_clear_object (&self->cancellable);
  g_string_free (self->pending, TRUE);
  g_string_free (self->logical, TRUE);
  g_string_free (self->raw, TRUE);
  g_string_free (self->vevent, TRUE);
  g_ptr_array_unref (self->stack);
  g_array_unref (self->properties);
  g_clear_error (&self->final_error);
  g_clear_error (&self->utf8_error);
  g_clear_error (&self->error);
  g_free (self);
}

/**
 * sem_ical_scanner_feed:
 * @data: (array length=length): the next bytes of the file
 *
 * Returns: whether to go on feeding: %FALSE when the file is over the size
 *   cap, the scan was cancelled or the vevent_func asked to stop
 */
gboolean
sem_ical_scanner_feed (SemIcalScanner *self,
                       const char     *data,
                       gsize           length)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->final_error != NULL || self->stopped)
    return FALSE;

  if (self->size + length > SEM_ICAL_IMPORT_MAX_BYTES)
    {
      g_autofree char *max = g_format_size (SEM_ICAL_IMPORT_MAX_BYTES);

      g_set_error (&self->final_error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_TOO_LARGE,
                   _("%s: the file is larger than the %s a calendar may have"), self->display_name, max);
      return FALSE;
    }
  self->size += length;

  if (!self->started)
    {
      gsize n = MIN (3 - self->head_length, length);

      memcpy (self->head + self->head_length, data, n);
      self->head_length += n;
      data += n;
      length -= n;
      if (self->head_length < 3)
        return TRUE;
      self->started = TRUE;
      if (memcmp (self->head, "\xEF\xBB\xBF", 3) != 0)
        scan (self, self->head, 3);
    }

  /* After a bad line only the UTF-8 is still checked, after bad UTF-8
   * only the size. */
  if (self->utf8_error == NULL)
    scan (self, data, length);

  return self->final_error == NULL && !self->stopped;
}

/**
 * sem_ical_scanner_finish:
 *
 * Ends the scan once the whole file was fed.
 *
 * Returns: whether the file may be given to libical; if not, @error is set
 */
gboolean
sem_ical_scanner_finish (SemIcalScanner  *self,
                         GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->started && self->final_error == NULL)
    {
      self->started = TRUE;
      scan (self, self->head, self->head_length);
    }

  if (self->final_error == NULL && self->utf8_error == NULL)
    {
      if (self->carry_length > 0)
        utf8_fail (self);
      else if (self->error == NULL && !self->stopped)
        {
          if (self->pending->len > 0)
            physical_line (self, self->pending->str, self->pending->len);
          g_string_truncate (self->pending, 0);
          if (!FAILED (self) && self->logical_line > 0)
            end_logical_line (self);
        }
    }

  if (self->final_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->final_error));
      return FALSE;
    }
  if (self->utf8_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->utf8_error));
      return FALSE;
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  if (self->stopped)
    return TRUE;

  if (!self->closed)
    {
      if (self->n_components == 0)
        fail_at (self, error, SEM_ICAL_ERROR_SYNTAX, MAX (self->line, 1), "%s",
                 _("this is not an iCalendar file: it does not begin with BEGIN:VCALENDAR"));
      else
        fail_at (self, error, SEM_ICAL_ERROR_SYNTAX, MAX (self->line, 1),
                 _("the file ends inside a %s: it is cut short"),
                 (const char *) g_ptr_array_index (self->stack, self->stack->len - 1));
      return FALSE;
    }
  return TRUE;
}

/**
 * sem_ical_scanner_get_n_vevents:
 *
 * Returns: how many VEVENTs of the calendar were seen so far
 */
guint
sem_ical_scanner_get_n_vevents (SemIcalScanner *self)
{
  return self->n_vevents;
}
