/* sem-ical-rrule.c — expanding a recurring VEVENT into sessions, with caps
 *
 * A plan holds sessions, not rules, so an RRULE becomes one session per
 * occurrence — but only inside a window (the event's dates), at most
 * max_instances of them, never more often than hourly, and within a time
 * budget shared by the whole file. Called with the libical lock held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-ical-import"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-ical.h"
#include "sem-ical-import-private.h"

static gboolean
has_several (const short *values)
{
  return values[0] != ICAL_RECURRENCE_ARRAY_MAX && values[1] != ICAL_RECURRENCE_ARRAY_MAX;
}

/* Why @rule makes occurrences less than an hour apart, or NULL. */
static const char *
too_frequent (const struct icalrecurrencetype *rule)
{
  if (rule->freq == ICAL_SECONDLY_RECURRENCE || rule->freq == ICAL_MINUTELY_RECURRENCE)
    return _("it repeats more often than once an hour, which is not imported");
  if (has_several (rule->by_minute) || has_several (rule->by_second))
    return _("it repeats more often than once an hour (BYMINUTE or BYSECOND), which is not imported");
  return NULL;
}

static gint64
instant_in (icaltimetype  time,
            icaltimezone *zone)
{
  time.zone = NULL;
  if (time.is_date)
    {
      time.is_date = 0;
      time.hour = time.minute = time.second = 0;
    }
  return (gint64) icaltime_as_timet_with_zone (time, zone != NULL ? zone : icaltimezone_get_utc_timezone ());
}

/* EXDATEs as instants, and as local dates for DATE-valued ones. */
static void
collect_exdates (icalcomponent *vevent,
                 icaltimezone  *zone,
                 GHashTable    *instants,
                 GHashTable    *dates)
{
  for (icalproperty *p = icalcomponent_get_first_property (vevent, ICAL_EXDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (vevent, ICAL_EXDATE_PROPERTY))
    {
      icaltimetype exdate = icalproperty_get_exdate (p);
      icalparameter *param = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);
      icaltimezone *exzone = zone;

      if (icaltime_is_null_time (exdate))
        continue;
      if (exdate.is_date)
        {
          g_hash_table_add (dates, g_strdup_printf ("%04d%02d%02d", exdate.year, exdate.month, exdate.day));
          continue;
        }
      if (icaltime_is_utc (exdate))
        exzone = icaltimezone_get_utc_timezone ();
      else if (param != NULL && exdate.zone != NULL)
        exzone = (icaltimezone *) exdate.zone;
      else if (param != NULL)
        {
          icaltimezone *named = sem_ical_get_timezone (icalparameter_get_tzid (param));
          if (named != NULL)
            exzone = named;
        }
      g_hash_table_add (instants, g_memdup2 (&(gint64) { instant_in (exdate, exzone) }, sizeof (gint64)));
    }
}

/**
 * sem_ical_expand_rrule:
 * @zone: (nullable): the zone of @dtstart; %NULL while it floats
 *
 * Returns: (transfer full) (nullable): why the rule is refused, or %NULL
 */
char *
sem_ical_expand_rrule (SemIcalExpansion   *expansion,
                       icalcomponent      *vevent,
                       const SemIcalEvent *master,
                       icaltimetype        dtstart,
                       icaltimezone       *zone,
                       GPtrArray          *out,
                       GPtrArray          *warnings)
{
  icalproperty *property = icalcomponent_get_first_property (vevent, ICAL_RRULE_PROPERTY);
  struct icalrecurrencetype rule = icalproperty_get_rrule (property);
  g_autoptr(GHashTable) ex_instants = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) ex_dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 duration = master->end - master->start;
  icalrecur_iterator *iterator;
  const char *refused;
  guint n = 0;

  if (rule.freq == ICAL_NO_RECURRENCE)
    return g_strdup (_("its RRULE cannot be read"));
  refused = too_frequent (&rule);
  if (refused != NULL)
    return g_strdup (refused);

  if (expansion->out_of_time)
    return g_strdup (_("there was no time left to expand its repetitions"));

  collect_exdates (vevent, zone, ex_instants, ex_dates);

  iterator = icalrecur_iterator_new (rule, dtstart);
  if (iterator == NULL)
    return g_strdup (_("its RRULE cannot be read"));

  /* Skip what lies before the window, where the rule allows it. */
  if (rule.count == 0 && master->start < expansion->window_start)
    {
      icaltimetype from = icaltime_from_timet_with_zone ((time_t) expansion->window_start, dtstart.is_date,
                                                         zone != NULL ? zone : icaltimezone_get_utc_timezone ());
      from.zone = dtstart.zone;
      icalrecur_iterator_set_start (iterator, from);
    }

  for (guint64 step = 0;; step++)
    {
      icaltimetype next = icalrecur_iterator_next (iterator);
      SemIcalEvent *occurrence;
      gint64 start;

      if (icaltime_is_null_time (next))
        break;
      if ((step & 0x3f) == 0x3f && g_get_monotonic_time () > expansion->deadline)
        {
          expansion->out_of_time = TRUE;
          g_ptr_array_add (warnings,
                           g_strdup_printf (_("%s: line %u: expanding repetitions took too long; only the first %u were imported"),
                                            expansion->display_name, master->line, n));
          break;
        }

      start = instant_in (next, zone);
      if (start >= expansion->window_end)
        break;
      if (start < expansion->window_start || start < 0)
        continue;
      /* A plan holds nothing later; a rule without a window would run on. */
      if (start + duration > SEM_ICAL_IMPORT_MAX_INSTANT)
        break;
      if (g_hash_table_contains (ex_instants, &start))
        continue;
      if (g_hash_table_size (ex_dates) > 0)
        {
          g_autofree char *date = g_strdup_printf ("%04d%02d%02d", next.year, next.month, next.day);
          if (g_hash_table_contains (ex_dates, date))
            continue;
        }
      if (n == expansion->max_instances)
        {
          g_ptr_array_add (warnings,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%s: line %u: the event repeats more often than the %u time that is imported; the rest was left out",
                                                         "%s: line %u: the event repeats more often than the %u times that are imported; the rest was left out",
                                                         expansion->max_instances),
                                            expansion->display_name, master->line, expansion->max_instances));
          break;
        }

      occurrence = sem_ical_event_copy (master);
      occurrence->start = start;
      occurrence->end = start + duration;
      occurrence->recurrence_id = sem_ical_format_recurrence_id (start, master->all_day);
      occurrence->generated = TRUE;
      g_ptr_array_add (out, occurrence);
      n++;
    }

  icalrecur_iterator_free (iterator);
  return NULL;
}
