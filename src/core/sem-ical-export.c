/* sem-ical-export.c — calendars for an event, a programme, a delegation, a person or a room
 *
 * What delegates' calendar apps need (DESIGN.md, "iCalendar rules"): one
 * stable UID per session in every file, SEQUENCE from the revision, stamps
 * from the last change so an unchanged plan gives the same bytes, IANA
 * TZIDs with their VTIMEZONEs, cancellations kept for a grace period, and
 * attendees only in a person's own file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-ical-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sem-city.h"
#include "sem-delegation.h"
#include "sem-entity-private.h"
#include "sem-event.h"
#include "sem-ical.h"
#include "sem-ical-export.h"
#include "sem-person.h"
#include "sem-programme.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-tombstone.h"
#include "sem-venue.h"

#define PRODID "-//City of Sofia//Sofia Seminars//EN"
#define REFRESH_INTERVAL "PT1H"

/* The words the calendars carry are in the delegate's language, not the
 * language of the program that writes them, so they live here beside each
 * other like the plan's own texts, not in the message catalogue. */
typedef struct
{
  const char *en;
  const char *bg;
} Words;

static const Words facilitators_words = { "Facilitators: ", "Водещи: " };
static const Words online_words = { "Online: ", "Онлайн: " };

static const Words session_kind_words[] = {
  [SEM_SESSION_KIND_OPENING] = { "Opening", "Откриване" },
  [SEM_SESSION_KIND_PLENARY] = { "Plenary", "Пленарна сесия" },
  [SEM_SESSION_KIND_WORKSHOP] = { "Workshop", "Работна среща" },
  [SEM_SESSION_KIND_SPECIAL] = { "Special session", "Специална сесия" },
  [SEM_SESSION_KIND_TRAINING] = { "Training", "Обучение" },
  [SEM_SESSION_KIND_NETWORKING] = { "Networking", "Работа в мрежа" },
  [SEM_SESSION_KIND_BREAK] = { "Break", "Почивка" },
};

static const Words event_kind_words[] = {
  [SEM_EVENT_KIND_ACADEMY_SEMINAR] = { "Academy seminar", "Семинар на академията" },
  [SEM_EVENT_KIND_OPENING_EVENT] = { "Opening event", "Откриващо събитие" },
  [SEM_EVENT_KIND_WORKSHOP] = { "Workshop", "Работна среща" },
  [SEM_EVENT_KIND_WEBINAR] = { "Webinar", "Уебинар" },
  [SEM_EVENT_KIND_DISTANCE_COURSE] = { "Distance course", "Дистанционен курс" },
  [SEM_EVENT_KIND_CONSULTATION] = { "Consultation", "Консултация" },
  [SEM_EVENT_KIND_STUDY_VISIT] = { "Study visit", "Учебно посещение" },
};

static const char *
words (const Words *w,
       const char  *lang)
{
  return g_strcmp0 (lang, "bg") == 0 ? w->bg : w->en;
}

typedef struct
{
  gint64 from;
  gint64 until;
} Range;

typedef struct
{
  SemPlan       *plan;
  SemScope       scope;
  const char    *id;
  const char    *within_event;   /* or NULL */
  SemEntity     *owner;
  const char    *lang;
  gboolean       resource;   /* one CalDAV resource: no calendar-wide properties */
  GHashTable    *zones;      /* IANA name → Range of the instants shown in it */
  GString       *out;        /* the calendar's text so far */
} Export;

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->zones, g_hash_table_unref);
  if (export->out != NULL)
    g_string_free (g_steal_pointer (&export->out), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

/* Calendar names without the characters some apps split or escape badly:
 * libical does not escape X- properties. "Seminar, Brussels" becomes
 * "Seminar – Brussels". */
static char *
plain_name (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  g_strdelimit (copy, ";\\\r\n\t", ' ');
  words = g_strsplit (copy, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = strlen (words[i]);
      gboolean comma = len > 0 && words[i][len - 1] == ',';

      g_strdelimit (words[i], ",", ' ');
      g_strstrip (words[i]);
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
      if (comma)
        g_string_append (out, " –");
    }
  if (g_str_has_suffix (out->str, " –"))
    g_string_truncate (out, out->len - strlen (" –"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
note_zone (Export     *export,
           const char *tzid,
           gint64      from,
           gint64      until)
{
  Range *range = g_hash_table_lookup (export->zones, tzid);

  if (range == NULL)
    {
      range = g_new (Range, 1);
      range->from = from;
      range->until = until;
      g_hash_table_insert (export->zones, g_strdup (tzid), range);
      return;
    }
  range->from = MIN (range->from, from);
  range->until = MAX (range->until, until);
}

/* Each VEVENT is written as soon as it is made and then let go: the text is
 * what libical would write for the whole calendar, without ever holding
 * every component of a big calendar at once. */
static void
emit (Export        *export,
      icalcomponent *vevent)
{
  char *text = icalcomponent_as_ical_string_r (vevent);

  g_string_append (export->out, text);
  free (text);
  icalcomponent_free (vevent);
}

static icalproperty *
zoned_time (icalproperty *(*new_property) (struct icaltimetype),
            gint64        instant,
            icaltimezone *zone,
            const char   *tzid)
{
  icaltimetype time = sem_ical_time_from_instant (instant, zone);
  icalproperty *property;

  /* The wall time in @zone, named by the IANA name that our VTIMEZONE
   * carries: given the zone itself, libical would name it
   * "/freeassociation.sourceforge.net/…". */
  time.zone = NULL;
  property = new_property (time);
  icalproperty_add_parameter (property, icalparameter_new_tzid (tzid));
  return property;
}

static void
add_stamps (icalcomponent *vevent,
            SemEntity     *entity)
{
  gint64 modified = sem_entity_get_modified (entity);
  icaltimetype stamp = sem_ical_time_from_instant (modified, NULL);

  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (vevent, icalproperty_new_lastmodified (stamp));
  icalcomponent_add_property (vevent, icalproperty_new_sequence ((int) MIN (sem_entity_get_revision (entity), G_MAXINT)));
}

static icalproperty_status
status_of (SemStatus status)
{
  switch (status)
    {
    case SEM_STATUS_TENTATIVE: return ICAL_STATUS_TENTATIVE;
    case SEM_STATUS_CANCELLED: return ICAL_STATUS_CANCELLED;
    case SEM_STATUS_CONFIRMED:
    default: return ICAL_STATUS_CONFIRMED;
    }
}

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, ", ");
  g_string_append (text, part);
}

/* "Room, Venue, Address" */
static char *
location_of (Export     *export,
             const char *room_id,
             const char *venue_id)
{
  GString *text = g_string_new (NULL);
  SemEntity *room = sem_plan_lookup (export->plan, SEM_COLLECTION_ROOMS, room_id);
  SemEntity *venue;

  if (room != NULL)
    {
      append_part (text, sem_room_get_name (SEM_ROOM (room), export->lang));
      venue_id = sem_room_get_venue (SEM_ROOM (room));
    }
  venue = sem_plan_lookup (export->plan, SEM_COLLECTION_VENUES, venue_id);
  if (venue != NULL)
    {
      append_part (text, sem_venue_get_name (SEM_VENUE (venue), export->lang));
      append_part (text, sem_venue_get_address (SEM_VENUE (venue)));
    }

  return g_string_free (text, text->len == 0);
}

static char *
description_of (Export     *export,
                SemSession *session,
                SemEvent   *event)
{
  GString *text = g_string_new (sem_session_get_description (session, export->lang));
  const char * const *facilitators = sem_session_get_facilitators (session);
  const char *link = sem_event_get_online_link (event);

  if (facilitators != NULL && facilitators[0] != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, words (&facilitators_words, export->lang));
      for (guint i = 0; facilitators[i] != NULL; i++)
        {
          SemEntity *person = sem_plan_lookup (export->plan, SEM_COLLECTION_PEOPLE, facilitators[i]);
          const char *organisation = person ? sem_person_get_organisation (SEM_PERSON (person)) : NULL;

          if (person == NULL)
            continue;
          g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", sem_person_get_name (SEM_PERSON (person)));
          if (organisation != NULL)
            g_string_append_printf (text, " (%s)", organisation);
        }
    }

  if (link != NULL && sem_event_get_mode (event) != SEM_EVENT_MODE_IN_PERSON)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append_printf (text, "%s%s", words (&online_words, export->lang), link);
    }

  return g_string_free (text, text->len == 0);
}

/* The person of a person's own calendar, as an ATTENDEE of @session. */
static void
add_attendee (Export        *export,
              icalcomponent *vevent,
              SemSession    *session)
{
  SemPerson *person = SEM_PERSON (export->owner);
  const char * const *facilitators = sem_session_get_facilitators (session);
  const char *email = sem_person_get_email (person);
  g_autofree char *address = NULL;
  icalproperty *attendee;

  if (email == NULL || *email == '\0')
    return;

  address = g_strconcat ("mailto:", email, NULL);
  attendee = icalproperty_new_attendee (address);
  icalproperty_add_parameter (attendee, icalparameter_new_cn (sem_person_get_name (person)));
  icalproperty_add_parameter (attendee,
                              icalparameter_new_role (facilitators != NULL &&
                                                      g_strv_contains (facilitators, export->id)
                                                      ? ICAL_ROLE_CHAIR
                                                      : ICAL_ROLE_REQPARTICIPANT));
  icalproperty_add_parameter (attendee, icalparameter_new_partstat (ICAL_PARTSTAT_ACCEPTED));
  icalcomponent_add_property (vevent, attendee);
}

static void
add_session (Export     *export,
             SemSession *session)
{
  SemEntity *event = sem_plan_lookup (export->plan, SEM_COLLECTION_EVENTS, sem_session_get_event (session));
  const char *tzid = sem_event_get_timezone (SEM_EVENT (event));
  icaltimezone *zone = sem_ical_get_timezone (tzid);
  g_autofree char *uid = sem_ical_session_uid (export->plan, sem_entity_get_id (SEM_ENTITY (session)));
  g_autofree char *description = NULL;
  g_autofree char *location = NULL;
  const char *link = sem_event_get_online_link (SEM_EVENT (event));
  SemSessionKind kind = sem_session_get_kind (session);
  icalcomponent *vevent;

  /* collect_zones () made sure libical knows it. */
  g_assert (zone != NULL);

  vevent = icalcomponent_new_vevent ();
  icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
  add_stamps (vevent, SEM_ENTITY (session));
  icalcomponent_add_property (vevent, zoned_time (icalproperty_new_dtstart, sem_session_get_start (session), zone, tzid));
  icalcomponent_add_property (vevent, zoned_time (icalproperty_new_dtend, sem_session_get_end (session), zone, tzid));

  icalcomponent_add_property (vevent, icalproperty_new_summary (sem_session_get_title (session, export->lang)));
  description = description_of (export, session, SEM_EVENT (event));
  if (description != NULL)
    icalcomponent_add_property (vevent, icalproperty_new_description (description));
  location = location_of (export, sem_session_get_room (session), sem_event_get_venue (SEM_EVENT (event)));
  if (location != NULL && sem_event_get_mode (SEM_EVENT (event)) != SEM_EVENT_MODE_VIRTUAL)
    icalcomponent_add_property (vevent, icalproperty_new_location (location));
  if (link != NULL && sem_event_get_mode (SEM_EVENT (event)) != SEM_EVENT_MODE_IN_PERSON)
    icalcomponent_add_property (vevent, icalproperty_new_url (link));
  if ((guint) kind < G_N_ELEMENTS (session_kind_words))
    icalcomponent_add_property (vevent, icalproperty_new_categories (words (&session_kind_words[kind], export->lang)));
  icalcomponent_add_property (vevent, icalproperty_new_status (status_of (sem_session_get_status (session))));

  if (export->scope == SEM_SCOPE_PERSON)
    add_attendee (export, vevent, session);

  emit (export, vevent);
}

/* A deleted session, announced as cancelled with a SEQUENCE above its last. */
static void
add_tombstone (Export       *export,
               SemTombstone *tombstone)
{
  SemEntity *event = sem_plan_lookup (export->plan, SEM_COLLECTION_EVENTS, sem_tombstone_get_event (tombstone));
  const char *tzid = event != NULL ? sem_event_get_timezone (SEM_EVENT (event)) : NULL;
  icaltimezone *zone = sem_ical_get_timezone (tzid);
  g_autofree char *uid = sem_ical_session_uid (export->plan, sem_entity_get_id (SEM_ENTITY (tombstone)));
  icalcomponent *vevent = icalcomponent_new_vevent ();
  const char *title = sem_tombstone_get_title (tombstone, export->lang);

  icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
  add_stamps (vevent, SEM_ENTITY (tombstone));
  if (zone != NULL)
    {
      icalcomponent_add_property (vevent, zoned_time (icalproperty_new_dtstart, sem_tombstone_get_start (tombstone), zone, tzid));
      icalcomponent_add_property (vevent, zoned_time (icalproperty_new_dtend, sem_tombstone_get_end (tombstone), zone, tzid));
    }
  else
    {
      /* Its event is gone too: UTC still tells calendars which one it was. */
      icalcomponent_add_property (vevent, icalproperty_new_dtstart (sem_ical_time_from_instant (sem_tombstone_get_start (tombstone), NULL)));
      icalcomponent_add_property (vevent, icalproperty_new_dtend (sem_ical_time_from_instant (sem_tombstone_get_end (tombstone), NULL)));
    }
  icalcomponent_add_property (vevent, icalproperty_new_summary (title != NULL ? title : ""));
  icalcomponent_add_property (vevent, icalproperty_new_status (ICAL_STATUS_CANCELLED));

  emit (export, vevent);
}

static icaltimetype
date_value (const char *date,
            int         days_after)
{
  icaltimetype t = icaltime_from_string (date);

  t.is_date = 1;
  icaltime_adjust (&t, days_after, 0, 0, 0);
  return t;
}

/* In a programme's calendar each event is also an all-day entry that does
 * not block time: VALUE=DATE with the exclusive end calendars expect. */
static void
add_event_day_span (Export   *export,
                    SemEvent *event)
{
  g_autofree char *id = sem_ical_event_uid (export->plan, sem_entity_get_id (SEM_ENTITY (event)));
  g_autofree char *location = location_of (export, NULL, sem_event_get_venue (event));
  SemEventKind kind = sem_event_get_kind (event);
  icalcomponent *vevent = icalcomponent_new_vevent ();
  icalproperty *property;

  icalcomponent_add_property (vevent, icalproperty_new_uid (id));
  add_stamps (vevent, SEM_ENTITY (event));
  property = icalproperty_new_dtstart (date_value (sem_event_get_start_date (event), 0));
  icalcomponent_add_property (vevent, property);
  property = icalproperty_new_dtend (date_value (sem_event_get_end_date (event), 1));
  icalcomponent_add_property (vevent, property);
  icalcomponent_add_property (vevent, icalproperty_new_summary (sem_event_get_title (event, export->lang)));
  if (location != NULL && sem_event_get_mode (event) != SEM_EVENT_MODE_VIRTUAL)
    icalcomponent_add_property (vevent, icalproperty_new_location (location));
  if ((guint) kind < G_N_ELEMENTS (event_kind_words))
    icalcomponent_add_property (vevent, icalproperty_new_categories (words (&event_kind_words[kind], export->lang)));
  icalcomponent_add_property (vevent, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (vevent, icalproperty_new_status (status_of (sem_event_get_status (event))));

  emit (export, vevent);
}

static char *
calendar_name (Export *export)
{
  SemEntity *owner = export->owner;
  SemEntity *other;

  switch (export->scope)
    {
    case SEM_SCOPE_EVENT:
      return g_strdup (sem_event_get_title (SEM_EVENT (owner), export->lang));
    case SEM_SCOPE_PROGRAMME:
      return g_strdup (sem_programme_get_name (SEM_PROGRAMME (owner), export->lang));
    case SEM_SCOPE_DELEGATION:
      other = sem_plan_lookup (export->plan, SEM_COLLECTION_CITIES, sem_delegation_get_city (SEM_DELEGATION (owner)));
      {
        SemEntity *event = sem_plan_lookup (export->plan, SEM_COLLECTION_EVENTS,
                                            sem_delegation_get_event (SEM_DELEGATION (owner)));
        return g_strdup_printf ("%s – %s",
                                other ? sem_city_get_name (SEM_CITY (other), export->lang) : "",
                                event ? sem_event_get_title (SEM_EVENT (event), export->lang) : "");
      }
    case SEM_SCOPE_PERSON:
      return g_strdup (sem_person_get_name (SEM_PERSON (owner)));
    case SEM_SCOPE_ROOM:
      other = sem_plan_lookup (export->plan, SEM_COLLECTION_VENUES, sem_room_get_venue (SEM_ROOM (owner)));
      return g_strdup_printf ("%s – %s", sem_room_get_name (SEM_ROOM (owner), export->lang),
                              other ? sem_venue_get_name (SEM_VENUE (other), export->lang) : "");
    default:
      g_assert_not_reached ();
    }
}

static void
add_calendar_properties (Export             *export,
                         icalcomponent      *calendar,
                         SemIcalExportFlags  flags)
{
  g_autofree char *name = calendar_name (export);
  SemEntity *event = sem_plan_lookup (export->plan, SEM_COLLECTION_EVENTS, export->within_event);
  g_autofree char *plain = NULL;
  icalproperty *property;

  if (event != NULL && export->scope != SEM_SCOPE_EVENT && export->scope != SEM_SCOPE_DELEGATION)
    {
      char *both = g_strdup_printf ("%s – %s", name, sem_event_get_title (SEM_EVENT (event), export->lang));

      g_free (name);
      name = both;
    }
  plain = plain_name (name);

  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  if (export->resource)
    return;
  if (!(flags & SEM_ICAL_EXPORT_FOR_CALDAV))
    icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  icalcomponent_add_property (calendar, icalproperty_new_name (plain));
  property = icalproperty_new_x (plain);
  icalproperty_set_x_name (property, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, property);

  property = icalproperty_new_refreshinterval (icaldurationtype_from_string (REFRESH_INTERVAL));
  icalproperty_add_parameter (property, icalparameter_new_value (ICAL_VALUE_DURATION));
  icalcomponent_add_property (calendar, property);
  property = icalproperty_new_x (REFRESH_INTERVAL);
  icalproperty_set_x_name (property, "X-PUBLISHED-TTL");
  icalcomponent_add_property (calendar, property);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static char *
not_found_message (SemScope    scope,
                   const char *id)
{
  switch (scope)
    {
    case SEM_SCOPE_EVENT: return g_strdup_printf (_("There is no event with the id “%s”"), id);
    case SEM_SCOPE_PROGRAMME: return g_strdup_printf (_("There is no programme with the id “%s”"), id);
    case SEM_SCOPE_DELEGATION: return g_strdup_printf (_("There is no delegation with the id “%s”"), id);
    case SEM_SCOPE_PERSON: return g_strdup_printf (_("There is no person with the id “%s”"), id);
    case SEM_SCOPE_ROOM: return g_strdup_printf (_("There is no room with the id “%s”"), id);
    default: g_assert_not_reached ();
    }
}

/* The zones the calendar shows times in, and over which instants; a
 * session whose event's zone libical does not know is an error. */
static gboolean
collect_zones (Export     *export,
               GPtrArray  *sessions,
               GPtrArray  *tombstones,
               GError    **error)
{
  for (guint i = 0; i < sessions->len; i++)
    {
      SemSession *session = g_ptr_array_index (sessions, i);
      SemEntity *event = sem_plan_lookup (export->plan, SEM_COLLECTION_EVENTS, sem_session_get_event (session));
      const char *tzid = sem_event_get_timezone (SEM_EVENT (event));

      if (g_hash_table_lookup (export->zones, tzid) == NULL && sem_ical_get_timezone (tzid) == NULL)
        {
          g_set_error (error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_TIMEZONE,
                       _("The time zone “%s” of the event “%s” is not known to the calendar library"),
                       tzid, sem_entity_get_id (event));
          return FALSE;
        }
      note_zone (export, tzid, sem_session_get_start (session), sem_session_get_end (session));
    }

  for (guint i = 0; i < tombstones->len; i++)
    {
      SemTombstone *tombstone = g_ptr_array_index (tombstones, i);
      SemEntity *event = sem_plan_lookup (export->plan, SEM_COLLECTION_EVENTS, sem_tombstone_get_event (tombstone));
      const char *tzid = event != NULL ? sem_event_get_timezone (SEM_EVENT (event)) : NULL;

      if (sem_ical_get_timezone (tzid) != NULL)
        note_zone (export, tzid, sem_tombstone_get_start (tombstone), sem_tombstone_get_end (tombstone));
    }

  return TRUE;
}

/* The calendar's properties and time zones: all of VCALENDAR but its end. */
static void
write_head (Export             *export,
            SemIcalExportFlags  flags)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();
  g_autofree gpointer *names = NULL;
  guint n_names;
  char *text;

  add_calendar_properties (export, calendar, flags);

  names = g_hash_table_get_keys_as_array (export->zones, &n_names);
  qsort (names, n_names, sizeof (gpointer), compare_names);
  for (guint i = 0; i < n_names; i++)
    {
      Range *range = g_hash_table_lookup (export->zones, names[i]);
      icalcomponent *vtimezone = sem_ical_new_vtimezone (names[i], range->from, range->until);

      if (vtimezone != NULL)
        icalcomponent_add_component (calendar, vtimezone);
    }

  text = icalcomponent_as_ical_string_r (calendar);
  g_assert (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_string_append_len (export->out, text, strlen (text) - strlen ("END:VCALENDAR\r\n"));
  free (text);
  icalcomponent_free (calendar);
}

/* The sessions and the cancellations still announced that the calendar holds. */
static void
collect_items (Export     *export,
               GPtrArray **sessions_out,
               GPtrArray **tombstones_out)
{
  GPtrArray *sessions = sem_scope_sessions (export->plan, export->scope, export->id);
  GPtrArray *tombstones = sem_scope_tombstones (export->plan, export->scope, export->id,
                                                sem_plan_now (export->plan) - SEM_ICAL_CANCEL_GRACE);

  if (export->within_event != NULL)
    {
      for (guint i = sessions->len; i > 0; i--)
        if (g_strcmp0 (sem_session_get_event (g_ptr_array_index (sessions, i - 1)), export->within_event) != 0)
          g_ptr_array_remove_index (sessions, i - 1);
      for (guint i = tombstones->len; i > 0; i--)
        if (g_strcmp0 (sem_tombstone_get_event (g_ptr_array_index (tombstones, i - 1)), export->within_event) != 0)
          g_ptr_array_remove_index (tombstones, i - 1);
    }

  *sessions_out = sessions;
  *tombstones_out = tombstones;
}

static gboolean
build (Export              *export,
       SemIcalExportFlags   flags,
       GError             **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) tombstones = NULL;
  guint s = 0, t = 0;

  collect_items (export, &sessions, &tombstones);

  if (!collect_zones (export, sessions, tombstones, error))
    return FALSE;

  /* The time zones first, in name order, then the events. */
  write_head (export, flags);

  if (export->scope == SEM_SCOPE_PROGRAMME)
    {
      GListModel *events = sem_plan_get_collection (export->plan, SEM_COLLECTION_EVENTS);

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(SemEvent) event = g_list_model_get_item (events, i);

          if (g_strcmp0 (sem_event_get_programme (event), export->id) == 0)
            add_event_day_span (export, event);
        }
    }

  /* Sessions and cancellations, merged by start time. */
  while (s < sessions->len || t < tombstones->len)
    {
      SemSession *session = s < sessions->len ? g_ptr_array_index (sessions, s) : NULL;
      SemTombstone *tombstone = t < tombstones->len ? g_ptr_array_index (tombstones, t) : NULL;

      if (session != NULL &&
          (tombstone == NULL || sem_session_get_start (session) <= sem_tombstone_get_start (tombstone)))
        {
          add_session (export, session);
          s++;
        }
      else
        {
          add_tombstone (export, tombstone);
          t++;
        }
    }

  g_string_append (export->out, "END:VCALENDAR\r\n");
  return TRUE;
}

static gboolean
export_init (Export      *export,
             SemPlan     *plan,
             SemScope     scope,
             const char  *id,
             const char  *within_event,
             const char  *lang,
             GError     **error)
{
  export->plan = plan;
  export->scope = scope;
  export->id = id;
  export->within_event = within_event;
  export->owner = sem_scope_lookup (plan, scope, id);
  if (export->owner == NULL || (within_event != NULL &&
                                sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, within_event) == NULL))
    {
      g_autofree char *message = export->owner == NULL
                                 ? not_found_message (scope, id)
                                 : not_found_message (SEM_SCOPE_EVENT, within_event);

      g_set_error_literal (error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_NOT_FOUND, message);
      return FALSE;
    }

  if (lang == NULL && scope == SEM_SCOPE_PERSON)
    lang = sem_person_get_language (SEM_PERSON (export->owner));
  export->lang = g_strcmp0 (lang, "bg") == 0 ? "bg" : "en";
  export->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  export->out = g_string_sized_new (4096);
  return TRUE;
}

/**
 * sem_ical_export:
 * @scope: what the calendar is for
 * @id: the id of that event, programme, delegation, person or room
 * @within_event: (nullable): only the sessions of this event
 * @lang: (nullable): "bg" or "en"; %NULL for the person's own language, or English
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full) (nullable): the iCalendar text, or %NULL with @error set
 */
char *
sem_ical_export (SemPlan             *plan,
                 SemScope             scope,
                 const char          *id,
                 const char          *within_event,
                 const char          *lang,
                 SemIcalExportFlags   flags,
                 gsize               *length,
                 GError             **error)
{
  g_auto(Export) export = { 0 };
  gboolean built;

  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!export_init (&export, plan, scope, id, within_event, lang, error))
    return NULL;

  sem_ical_lock ();
  built = build (&export, flags, error);
  sem_ical_unlock ();
  if (!built)
    return NULL;

  if (length != NULL)
    *length = export.out->len;
  return g_string_free (g_steal_pointer (&export.out), FALSE);
}

/**
 * sem_ical_resource_free:
 *
 * Frees a #SemIcalResource.
 */
void
sem_ical_resource_free (SemIcalResource *resource)
{
  if (resource == NULL)
    return;
  g_free (resource->uid);
  g_free (resource->text);
  g_free (resource);
}

static SemIcalResource *
resource_new (Export   *export,
              char     *uid,
              gboolean  cancelled)
{
  SemIcalResource *resource = g_new0 (SemIcalResource, 1);

  g_string_append (export->out, "END:VCALENDAR\r\n");
  resource->uid = uid;
  resource->cancelled = cancelled;
  resource->length = export->out->len;
  resource->text = g_string_free (g_steal_pointer (&export->out), FALSE);
  export->out = g_string_sized_new (4096);
  g_hash_table_remove_all (export->zones);
  return resource;
}

static gboolean
build_resources (Export     *export,
                 GPtrArray  *resources,
                 GError    **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) tombstones = NULL;

  collect_items (export, &sessions, &tombstones);

  for (guint i = 0; i < sessions->len; i++)
    {
      SemSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      g_ptr_array_add (one, session);
      if (!collect_zones (export, one, none, error))
        return FALSE;
      write_head (export, SEM_ICAL_EXPORT_FOR_CALDAV);
      add_session (export, session);
      g_ptr_array_add (resources,
                       resource_new (export,
                                     sem_ical_session_uid (export->plan, sem_entity_get_id (SEM_ENTITY (session))),
                                     sem_session_get_status (session) == SEM_STATUS_CANCELLED));
    }

  for (guint i = 0; i < tombstones->len; i++)
    {
      SemTombstone *tombstone = g_ptr_array_index (tombstones, i);
      g_autoptr(GPtrArray) none = g_ptr_array_new ();
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, tombstone);
      if (!collect_zones (export, none, one, error))
        return FALSE;
      write_head (export, SEM_ICAL_EXPORT_FOR_CALDAV);
      add_tombstone (export, tombstone);
      g_ptr_array_add (resources,
                       resource_new (export,
                                     sem_ical_session_uid (export->plan, sem_entity_get_id (SEM_ENTITY (tombstone))),
                                     TRUE));
    }

  return TRUE;
}

/**
 * sem_ical_export_resources:
 * @scope: what the sessions are chosen for
 * @id: the id of that event, programme, delegation, person or room
 * @within_event: (nullable): only the sessions of this event
 * @lang: (nullable): "bg" or "en"; %NULL for the person's own language, or English
 *
 * One calendar per session, as a CalDAV collection holds them: each
 * VCALENDAR carries one VEVENT and its VTIMEZONE, and no METHOD. Deleted
 * sessions still in their grace period come as cancelled ones.
 *
 * Returns: (transfer full) (element-type SemIcalResource) (nullable): the
 *   resources, or %NULL with @error set
 */
GPtrArray *
sem_ical_export_resources (SemPlan     *plan,
                           SemScope     scope,
                           const char  *id,
                           const char  *within_event,
                           const char  *lang,
                           GError     **error)
{
  g_auto(Export) export = { 0 };
  g_autoptr(GPtrArray) resources = NULL;
  gboolean built;

  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!export_init (&export, plan, scope, id, within_event, lang, error))
    return NULL;
  export.resource = TRUE;

  resources = g_ptr_array_new_with_free_func ((GDestroyNotify) sem_ical_resource_free);
  sem_ical_lock ();
  built = build_resources (&export, resources, error);
  sem_ical_unlock ();
  if (!built)
    return NULL;

  return g_steal_pointer (&resources);
}
