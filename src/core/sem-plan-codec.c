/* sem-plan-codec.c — the plan file: versioned JSON through json-glib
 *
 * The field tables of the entities drive both directions, so a field is
 * declared once: sem-plan-reader.c reads one entity, sem-plan-loader.c a
 * whole file, sem-plan-writer.c writes it. Here: the error domain and the
 * small values every part checks and writes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-plan-codec"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "sem-plan-codec-private.h"

G_DEFINE_QUARK (sem-plan-error-quark, sem_plan_error)

gboolean
sem_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 200)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

gboolean
sem_date_is_valid (const char *text)
{
  unsigned y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's). */
static gint64
days_from_civil (gint64 y,
                 unsigned m,
                 unsigned d)
{
  gint64 era;
  unsigned yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

/**
 * sem_instant_parse:
 * @text: an ISO 8601 date and time with a zone, as written in plan files
 * @out: (out): Unix seconds
 *
 * Returns: whether @text was a valid instant
 */
gboolean
sem_instant_parse (const char *text,
                   gint64     *out)
{
  g_autoptr(GDateTime) dt = NULL;
  const char *p = text;

  /* The canonical "YYYY-MM-DDTHH:MM:SSZ" is read directly: plans hold
   * hundreds of thousands of them. */
  if (strlen (text) == 20 && p[4] == '-' && p[7] == '-' && p[10] == 'T' &&
      p[13] == ':' && p[16] == ':' && p[19] == 'Z')
    {
      static const guint8 digits[] = { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18 };
      unsigned y, mo, d, h, mi, s;
      gboolean ok = TRUE;

      for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
        ok &= g_ascii_isdigit (p[digits[i]]);
      if (ok)
        {
          y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
          mo = (p[5] - '0') * 10 + (p[6] - '0');
          d = (p[8] - '0') * 10 + (p[9] - '0');
          h = (p[11] - '0') * 10 + (p[12] - '0');
          mi = (p[14] - '0') * 10 + (p[15] - '0');
          s = (p[17] - '0') * 10 + (p[18] - '0');
          if (y < 1970 || !g_date_valid_dmy (d, mo, y) || h > 23 || mi > 59 || s > 59)
            return FALSE;
          *out = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
          return TRUE;
        }
    }

  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL || g_date_time_to_unix (dt) < 0)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

/* Writes "YYYY-MM-DDTHH:MM:SSZ" into @out, which holds at least 21 bytes. */
void
sem_instant_format_into (gint64 instant,
                         char   out[21])
{
  time_t t = (time_t) instant;
  struct tm tm;

  gmtime_r (&t, &tm);
  g_snprintf (out, 21, "%04d-%02d-%02dT%02d:%02d:%02dZ",
              tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/**
 * sem_instant_format:
 *
 * Returns: (transfer full): @instant as "YYYY-MM-DDTHH:MM:SSZ"
 */
char *
sem_instant_format (gint64 instant)
{
  char buffer[21];

  sem_instant_format_into (instant, buffer);
  return g_strdup (buffer);
}
