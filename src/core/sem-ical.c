/* sem-ical.c — what the iCalendar exporter and importer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-ical"

#include "config.h"

#include <string.h>

#include "sem-ical.h"

G_DEFINE_QUARK (sem-ical-error-quark, sem_ical_error)

static GRecMutex ical_lock;

void
sem_ical_lock (void)
{
  g_rec_mutex_lock (&ical_lock);
}

void
sem_ical_unlock (void)
{
  g_rec_mutex_unlock (&ical_lock);
}

/**
 * sem_ical_get_timezone:
 * @tzid: an IANA name such as "Europe/Brussels"
 *
 * Call with the lock held.
 *
 * Returns: (transfer none) (nullable): libical's zone, or %NULL if unknown
 */
icaltimezone *
sem_ical_get_timezone (const char *tzid)
{
  if (tzid == NULL)
    return NULL;
  if (g_str_equal (tzid, "UTC") || g_str_equal (tzid, "Etc/UTC"))
    return icaltimezone_get_utc_timezone ();
  return icaltimezone_get_builtin_timezone (tzid);
}

/* The truncated rules end at the last change in range (UNTIL). Calendar
 * apps read on past it: vobject then misses a change that falls on the
 * UNTIL itself and python-icalendar refuses the rule. Leave the last rule of
 * @kind open-ended, as time zone data itself does. */
static void
open_last_rules (icalcomponent     *vtimezone,
                 icalcomponent_kind kind)
{
  icalcomponent *last = NULL;
  icalproperty *rrule;

  for (icalcomponent *c = icalcomponent_get_first_component (vtimezone, kind);
       c != NULL;
       c = icalcomponent_get_next_component (vtimezone, kind))
    if (last == NULL || icaltime_compare (icalcomponent_get_dtstart (c), icalcomponent_get_dtstart (last)) > 0)
      last = c;

  rrule = last != NULL ? icalcomponent_get_first_property (last, ICAL_RRULE_PROPERTY) : NULL;
  if (rrule != NULL)
    {
      struct icalrecurrencetype recurrence = icalproperty_get_rrule (rrule);

      recurrence.until = icaltime_null_time ();
      icalproperty_set_rrule (rrule, recurrence);
    }
}

/**
 * sem_ical_new_vtimezone:
 * @tzid: an IANA name
 * @from: the first instant the calendar uses, Unix seconds
 * @until: the last one
 *
 * Builds the VTIMEZONE that calendar apps need, truncated to the years in use
 * in the form Outlook understands, with the plain IANA name as TZID (libical
 * would prefix it with "/freeassociation.sourceforge.net/"). Call with the
 * lock held.
 *
 * Returns: (transfer full) (nullable): the component, or %NULL if @tzid is unknown
 */
icalcomponent *
sem_ical_new_vtimezone (const char *tzid,
                        gint64      from,
                        gint64      until)
{
  icaltimezone *zone = sem_ical_get_timezone (tzid);
  icalcomponent *vtimezone;
  icalproperty *property;
  icaltimetype start;
  icaltimetype end;
  int from_year, until_year;

  if (zone == NULL || zone == icaltimezone_get_utc_timezone ())
    return NULL;

  vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));

  /* Whole years around what is used, so the text does not change with
   * every edit of a session's time. */
  from_year = icaltime_from_timet_with_zone ((time_t) from, FALSE, NULL).year;
  until_year = icaltime_from_timet_with_zone ((time_t) until, FALSE, NULL).year;
  start = icaltime_from_day_of_year (1, from_year);
  end = icaltime_from_day_of_year (1, until_year + 1);
  start.zone = end.zone = icaltimezone_get_utc_timezone ();
  icaltimezone_truncate_vtimezone (vtimezone, start, end, TRUE);
  open_last_rules (vtimezone, ICAL_XSTANDARD_COMPONENT);
  open_last_rules (vtimezone, ICAL_XDAYLIGHT_COMPONENT);

  property = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
  icalproperty_set_tzid (property, tzid);

  /* TZUNTIL (RFC 7808) and X-LIC-LOCATION mean nothing to calendar apps. */
  for (property = icalcomponent_get_first_property (vtimezone, ICAL_ANY_PROPERTY);
       property != NULL;)
    {
      icalproperty *next = icalcomponent_get_next_property (vtimezone, ICAL_ANY_PROPERTY);
      const char *name = icalproperty_get_property_name (property);

      if (g_strcmp0 (name, "TZUNTIL") == 0 || g_strcmp0 (name, "X-LIC-LOCATION") == 0)
        {
          icalcomponent_remove_property (vtimezone, property);
          icalproperty_free (property);
        }
      property = next;
    }

  return vtimezone;
}

/**
 * sem_ical_time_from_instant:
 * @zone: (nullable): the zone to show the time in; %NULL for UTC
 *
 * Returns: @instant as a DATE-TIME in @zone
 */
icaltimetype
sem_ical_time_from_instant (gint64        instant,
                            icaltimezone *zone)
{
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  icaltimetype time = icaltime_from_timet_with_zone ((time_t) instant, FALSE, zone != NULL ? zone : utc);

  /* libical 3.0 converts to the zone's wall time but leaves the result
   * marked as UTC: say which zone it is in. */
  return icaltime_set_timezone (&time, zone != NULL ? zone : utc);
}

/**
 * sem_ical_time_to_instant:
 * @fallback: (nullable): the zone of a floating time
 *
 * Returns: Unix seconds
 */
gint64
sem_ical_time_to_instant (icaltimetype  time,
                          icaltimezone *fallback)
{
  icaltimezone *zone = (icaltimezone *) time.zone;

  if (zone == NULL && !icaltime_is_utc (time))
    zone = fallback;
  return (gint64) icaltime_as_timet_with_zone (time, zone != NULL ? zone : icaltimezone_get_utc_timezone ());
}

static const char *
uid_domain (SemPlan *plan)
{
  const char *domain = sem_plan_get_uid_domain (plan);

  return domain != NULL ? domain : SEM_ICAL_DEFAULT_UID_DOMAIN;
}

/**
 * sem_ical_session_uid:
 *
 * The same UID for a session in every file and feed, for as long as the plan
 * lives: calendars replace what they have by UID.
 *
 * Returns: (transfer full): the UID
 */
char *
sem_ical_session_uid (SemPlan    *plan,
                      const char *session_id)
{
  return g_strconcat (session_id, "@", uid_domain (plan), NULL);
}

/**
 * sem_ical_event_uid:
 *
 * The UID of an event's own all-day entry in a programme's calendar: in a
 * domain of its own, so it never meets a session's.
 *
 * Returns: (transfer full): the UID
 */
char *
sem_ical_event_uid (SemPlan    *plan,
                    const char *event_id)
{
  return g_strconcat (event_id, "@events.", uid_domain (plan), NULL);
}

/**
 * sem_ical_uid_is_event:
 *
 * Returns: whether @uid is the all-day entry of one of this plan's events
 */
gboolean
sem_ical_uid_is_event (SemPlan    *plan,
                       const char *uid)
{
  const char *at = strrchr (uid, '@');

  return at != NULL && g_str_has_prefix (at + 1, "events.") &&
         g_str_equal (at + 1 + strlen ("events."), uid_domain (plan));
}

/**
 * sem_ical_uid_to_id:
 *
 * Returns: (transfer full) (nullable): the session id in a UID this plan
 *   made, or %NULL for a UID from elsewhere
 */
char *
sem_ical_uid_to_id (SemPlan    *plan,
                    const char *uid)
{
  const char *domain = uid_domain (plan);
  const char *at = strrchr (uid, '@');

  if (at == NULL || at == uid || !g_str_equal (at + 1, domain))
    return NULL;
  return g_strndup (uid, at - uid);
}
