/* sem-conflict-explain.c — the ids and the translated sentence of one conflict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the conflicts found come here. Their ids are made at once (they
 * sort and deduplicate the result, and say whether a warning is accepted);
 * the sentence, which names the sessions (titles in the options'
 * language), people, rooms and venues with the times in the event's
 * timezone, costs far more and is mostly never read: the conflict keeps
 * the objects it names (not the plan) in a SemConflictPending and writes the sentence the
 * first time sem_conflict_get_explanation() asks for it.
 */

#define G_LOG_DOMAIN "sem-conflict"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sem-city.h"
#include "sem-conflict-private.h"
#include "sem-venue.h"

#define NONE SEM_CONFLICT_NONE

struct _SemConflictPending
{
  SemConflictKind   kind;
  char             *lang;
  SemSession       *a;            /* in the order the sentence tells them */
  SemSession       *b;            /* nullable */
  GTimeZone        *tz;           /* a's event's; nullable (UTC) */
  GTimeZone        *tz_b;
  gint64            a_start, a_end, b_start, b_end;
  gint64            date_at;      /* the day the sentence names */
  gint64            number;       /* expected attendance, gap… */
  gint64            travel_buffer;
  int               capacity;
  SemRoom          *room;         /* a's, for room clashes and capacity */
  SemVenue         *venue_a;
  SemVenue         *venue_b;
  char             *person_id;
  SemPerson        *person;       /* nullable: an id the plan does not hold */
  SemDelegation    *delegation;
  SemCity          *city;         /* the delegation's; nullable */
  GTimeZone        *stay_tz;
  gint64            stay_start, stay_end;
  SemEvent         *event;
  char             *busy_label;
  gint64            busy_start, busy_end;
};

void
sem_conflict_pending_free (SemConflictPending *p)
{
  g_free (p->lang);
  g_clear_object (&p->a);
  g_clear_object (&p->b);
  g_clear_pointer (&p->tz, g_time_zone_unref);
  g_clear_pointer (&p->tz_b, g_time_zone_unref);
  g_clear_object (&p->room);
  g_clear_object (&p->venue_a);
  g_clear_object (&p->venue_b);
  g_free (p->person_id);
  g_clear_object (&p->person);
  g_clear_object (&p->delegation);
  g_clear_object (&p->city);
  g_clear_pointer (&p->stay_tz, g_time_zone_unref);
  g_clear_object (&p->event);
  g_free (p->busy_label);
  g_free (p);
}

const char *
sem_conflict_ui_language (const SemConflictOptions *options)
{
  const char * const *names;

  if (options->lang != NULL)
    return options->lang;
  names = g_get_language_names ();
  return names[0] != NULL && g_str_has_prefix (names[0], "bg") ? "bg" : "en";
}

static char *
format_instant (GTimeZone  *tz,
                gint64      instant,
                const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) fallback = NULL;

  if (utc == NULL)
    return g_strdup ("?");
  if (tz == NULL)
    tz = fallback = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, format);
}

static char *
format_date (GTimeZone *tz,
             gint64     instant)
{
  /* Translators: a date in an explanation of a conflict, as in “on 20
   * February 2018”; see g_date_time_format() for the codes.
   * xgettext:no-c-format */
  return format_instant (tz, instant, _("%-d %B %Y"));
}

static char *
format_time (GTimeZone *tz,
             gint64     instant)
{
  return format_instant (tz, instant, "%H:%M");
}

/* “09:30–10:15” in the session's event's timezone. */
static char *
format_span (GTimeZone *tz,
             gint64     start,
             gint64     end)
{
  g_autofree char *first = format_time (tz, start);
  g_autofree char *last = format_time (tz, end);

  return g_strdup_printf ("%s–%s", first, last);
}

static const char *
session_title (SemConflictPending *p,
               SemSession         *s)
{
  const char *title = sem_session_get_title (s, p->lang);

  return title != NULL ? title : sem_entity_get_id (SEM_ENTITY (s));
}

static const char *
person_name (SemConflictPending *p)
{
  const char *name = p->person != NULL ? sem_person_get_name (p->person) : NULL;

  return name != NULL ? name : p->person_id;
}

static const char *
room_name (SemConflictPending *p)
{
  const char *name = sem_room_get_name (p->room, p->lang);

  return name != NULL ? name : sem_entity_get_id (SEM_ENTITY (p->room));
}

static const char *
venue_name (SemConflictPending *p,
            SemVenue           *venue)
{
  const char *name = sem_venue_get_name (venue, p->lang);

  return name != NULL ? name : sem_entity_get_id (SEM_ENTITY (venue));
}

static const char *
delegation_name (SemConflictPending *p)
{
  const char *name = p->city != NULL ? sem_city_get_name (p->city, p->lang) : NULL;

  return name != NULL ? name : sem_entity_get_id (SEM_ENTITY (p->delegation));
}

/* The sentence; called once, by sem_conflict_get_explanation(). */
char *
sem_conflict_pending_build (SemConflictPending *p)
{
  g_autofree char *span_a = format_span (p->tz, p->a_start, p->a_end);
  g_autofree char *span_b = p->b != NULL ? format_span (p->tz_b, p->b_start, p->b_end) : NULL;
  g_autofree char *date = format_date (p->tz, p->date_at);

  switch (p->kind)
    {
    case SEM_CONFLICT_ROOM_DOUBLE_BOOKED:
      /* Translators: a conflict. The room, the first session's title and
       * times, the second's, and the date. */
      return g_strdup_printf (_("%s is booked for “%s” (%s) and “%s” (%s) on %s"),
                              room_name (p), session_title (p, p->a), span_a,
                              session_title (p, p->b), span_b, date);

    case SEM_CONFLICT_PERSON_DOUBLE_BOOKED:
      /* Translators: a conflict. The person, the first session's title and
       * times, the second's, and the date. */
      return g_strdup_printf (_("%s is expected at “%s” (%s) and at “%s” (%s) on %s"),
                              person_name (p), session_title (p, p->a), span_a,
                              session_title (p, p->b), span_b, date);

    case SEM_CONFLICT_TRAVEL_TOO_SHORT:
      {
        int minutes = (int) (p->number / 60);

        /* Translators: a conflict. The person; the minutes between two
         * sessions; the first session's title, venue and times; the second's;
         * the date; the travel buffer in minutes. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s has %d minute between “%s” at %s (%s) and “%s” at %s (%s) on %s, less than the %d-minute travel buffer",
                                             "%s has %d minutes between “%s” at %s (%s) and “%s” at %s (%s) on %s, less than the %d-minute travel buffer",
                                             minutes),
                                person_name (p), minutes,
                                session_title (p, p->a), venue_name (p, p->venue_a), span_a,
                                session_title (p, p->b), venue_name (p, p->venue_b), span_b,
                                date, (int) (p->travel_buffer / 60));
      }

    case SEM_CONFLICT_OUTSIDE_STAY:
      {
        g_autofree char *arrival = NULL;
        g_autofree char *departure = NULL;

        arrival = p->stay_start != G_MININT64 ? format_date (p->stay_tz, p->stay_start) : g_strdup ("…");
        departure = p->stay_end != G_MAXINT64 ? format_date (p->stay_tz, p->stay_end - 1) : g_strdup ("…");
        /* Translators: a conflict. The person, the session's title, date and
         * times, the delegation (its city), its arrival and departure dates. */
        return g_strdup_printf (_("%s attends “%s” on %s (%s), outside the stay of the %s delegation from %s to %s"),
                                person_name (p), session_title (p, p->a), date, span_a,
                                delegation_name (p), arrival, departure);
      }

    case SEM_CONFLICT_OVER_CAPACITY:
      /* Translators: a conflict. The session's title, date and times, the
       * number of people expected, the room and how many it holds. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "“%s” on %s (%s) expects %d person but %s holds %d",
                                           "“%s” on %s (%s) expects %d people but %s holds %d",
                                           (gulong) p->number),
                              session_title (p, p->a), date, span_a, (int) p->number,
                              room_name (p), p->capacity);

    case SEM_CONFLICT_OUTSIDE_EVENT_DATES:
      {
        const char *event_title = sem_event_get_title (p->event, p->lang);
        const char *first = sem_event_get_start_date (p->event);
        const char *last = sem_event_get_end_date (p->event);

        /* Translators: a conflict. The session's title, date and times, the
         * event's title, its first and last days (YYYY-MM-DD). */
        return g_strdup_printf (_("“%s” on %s (%s) is outside the dates of “%s”, %s to %s"),
                                session_title (p, p->a), date, span_a,
                                event_title != NULL ? event_title : sem_entity_get_id (SEM_ENTITY (p->event)),
                                first != NULL ? first : "…", last != NULL ? last : "…");
      }

    case SEM_CONFLICT_ENDS_BEFORE_START:
      {
        g_autofree char *end_date = format_date (p->tz, p->a_end);
        g_autofree char *start_time = format_time (p->tz, p->a_start);
        g_autofree char *end_time = format_time (p->tz, p->a_end);

        /* Translators: a conflict. The session's title, the date and time
         * of its start, the date and time of its end. */
        return g_strdup_printf (_("“%s” starts on %s at %s but ends on %s at %s"),
                                session_title (p, p->a), date, start_time, end_date, end_time);
      }

    case SEM_CONFLICT_MANDATORY_MISSED:
      /* Translators: a conflict. The delegation (its city), the session's
       * title, date and times. */
      return g_strdup_printf (_("Nobody from the %s delegation attends “%s” on %s (%s), which every delegation must attend"),
                              delegation_name (p), session_title (p, p->a), date, span_a);

    case SEM_CONFLICT_BUSY_ELSEWHERE:
      {
        g_autofree char *busy_start = format_time (p->tz, p->busy_start);
        g_autofree char *busy_end = format_time (p->tz, p->busy_end);

        if (p->delegation == NULL)
          /* Translators: a conflict. The person, what they are busy with and
           * its times, the session's title and times, the date. */
          return g_strdup_printf (_("%s is busy with “%s” (%s–%s) during “%s” (%s) on %s"),
                                  person_name (p), p->busy_label, busy_start, busy_end,
                                  session_title (p, p->a), span_a, date);
        /* Translators: a conflict. The delegation (its city), what it is
         * busy with and its times, the session's title and times, the date. */
        return g_strdup_printf (_("The %s delegation is busy with “%s” (%s–%s) during “%s” (%s) on %s"),
                                delegation_name (p), p->busy_label, busy_start, busy_end,
                                session_title (p, p->a), span_a, date);
      }

    default:
      g_assert_not_reached ();
    }
}

static char *
busy_id (SemConflictBusyTime *busy)
{
  const char *rid;

  if (busy->ext == NULL)
    return g_strdup (busy->busy_id);
  rid = sem_external_event_get_recurrence_id (busy->ext);
  return g_strconcat (sem_entity_get_id (SEM_ENTITY (busy->feed)), "/",
                      sem_entity_get_id (SEM_ENTITY (busy->ext)),
                      rid != NULL ? "/" : NULL, rid, NULL);
}

static char *
pair_id (const char         *prefix,
         const char         *owner,
         SemConflictSession *a,
         SemConflictSession *b)
{
  gboolean swap = strcmp (a->id, b->id) > 0;

  return g_strconcat (prefix, ":", owner, ":", swap ? b->id : a->id, ":", swap ? a->id : b->id, NULL);
}

static GStrv
strv_of (const char *a,
         const char *b)
{
  GStrv strv = g_new0 (char *, 3);

  strv[0] = g_strdup (a);
  strv[1] = g_strdup (b);
  return strv;
}

static GTimeZone *
session_zone (SemConflictRun     *run,
              SemConflictSession *s)
{
  GTimeZone *tz = s->event != NONE ? SEM_CONFLICT_EVENT (run, s->event)->tz : NULL;

  return tz != NULL ? g_time_zone_ref (tz) : NULL;
}

static gpointer
ref_or_null (gpointer object)
{
  return object != NULL ? g_object_ref (object) : NULL;
}

SemConflict *
sem_conflict_explain (SemConflictRun         *run,
                      const SemConflictFound *f)
{
  SemConflictSession *a = SEM_CONFLICT_SESSION (run, f->a);
  SemConflictSession *b = f->b != NONE ? SEM_CONFLICT_SESSION (run, f->b) : NULL;
  SemConflictPending *p = g_new0 (SemConflictPending, 1);
  char *id = NULL;
  gint64 start;
  GStrv rooms = NULL;
  GStrv people = NULL;
  GStrv delegations = NULL;
  GStrv sessions;

  /* Pairs are told in the order they happen. */
  if (b != NULL && (b->start < a->start || (b->start == a->start && strcmp (b->id, a->id) < 0)) &&
      f->kind != SEM_CONFLICT_TRAVEL_TOO_SHORT)
    {
      SemConflictSession *t = a;

      a = b;
      b = t;
    }

  p->kind = f->kind;
  p->lang = g_strdup (run->lang);
  p->a = g_object_ref (a->session);
  p->tz = session_zone (run, a);
  p->a_start = a->start;
  p->a_end = a->end;
  p->date_at = start = a->start;
  p->number = f->number;
  if (b != NULL)
    {
      p->b = g_object_ref (b->session);
      p->tz_b = session_zone (run, b);
      p->b_start = b->start;
      p->b_end = b->end;
      p->date_at = start = MAX (a->start, b->start);
    }

  sessions = strv_of (a->id, b != NULL ? b->id : NULL);
  if (f->person != NONE)
    {
      SemConflictPerson *person = SEM_CONFLICT_PERSON (run, f->person);

      people = strv_of (person->id, NULL);
      p->person_id = g_strdup (person->id);
      p->person = ref_or_null (person->person);
    }
  if (f->delegation != NONE)
    {
      SemConflictDelegation *d = SEM_CONFLICT_DELEGATION (run, f->delegation);

      delegations = strv_of (d->id, NULL);
      p->delegation = g_object_ref (d->delegation);
      p->city = ref_or_null (sem_plan_lookup (run->plan, SEM_COLLECTION_CITIES,
                                              sem_delegation_get_city (d->delegation)));
    }

  switch (f->kind)
    {
    case SEM_CONFLICT_ROOM_DOUBLE_BOOKED:
      p->room = g_object_ref (SEM_CONFLICT_ROOM (run, a->room)->room);
      id = pair_id ("room", sem_entity_get_id (SEM_ENTITY (p->room)), a, b);
      rooms = strv_of (sem_entity_get_id (SEM_ENTITY (p->room)), NULL);
      break;

    case SEM_CONFLICT_PERSON_DOUBLE_BOOKED:
      id = pair_id ("person", p->person_id, a, b);
      break;

    case SEM_CONFLICT_TRAVEL_TOO_SHORT:
      p->date_at = b->start;
      start = a->end;
      p->venue_a = g_object_ref (g_array_index (run->venues, SemVenue *, a->venue));
      p->venue_b = g_object_ref (g_array_index (run->venues, SemVenue *, b->venue));
      p->travel_buffer = run->options->travel_buffer;
      id = pair_id ("travel", p->person_id, a, b);
      break;

    case SEM_CONFLICT_OUTSIDE_STAY:
      {
        SemConflictDelegation *d = SEM_CONFLICT_DELEGATION (run, f->delegation);

        p->date_at = a->start;
        p->stay_tz = d->event != NONE ? g_time_zone_ref (SEM_CONFLICT_EVENT (run, d->event)->tz)
                                      : (p->tz != NULL ? g_time_zone_ref (p->tz) : NULL);
        p->stay_start = d->stay_start;
        p->stay_end = d->stay_end;
        id = g_strconcat ("stay:", d->id, ":", p->person_id, ":", a->id, NULL);
        break;
      }

    case SEM_CONFLICT_OVER_CAPACITY:
      p->room = g_object_ref (SEM_CONFLICT_ROOM (run, a->room)->room);
      p->capacity = SEM_CONFLICT_ROOM (run, a->room)->capacity;
      id = g_strconcat ("capacity:", a->id, NULL);
      rooms = strv_of (sem_entity_get_id (SEM_ENTITY (p->room)), NULL);
      break;

    case SEM_CONFLICT_OUTSIDE_EVENT_DATES:
      p->event = g_object_ref (SEM_CONFLICT_EVENT (run, a->event)->event);
      id = g_strconcat ("dates:", a->id, NULL);
      break;

    case SEM_CONFLICT_ENDS_BEFORE_START:
      id = g_strconcat ("ends-before-start:", a->id, NULL);
      break;

    case SEM_CONFLICT_MANDATORY_MISSED:
      id = g_strconcat ("mandatory:", SEM_CONFLICT_DELEGATION (run, f->delegation)->id, ":", a->id, NULL);
      break;

    case SEM_CONFLICT_BUSY_ELSEWHERE:
      {
        SemConflictBusyTime *busy = SEM_CONFLICT_BUSY (run, f->busy);
        g_autofree char *what = busy_id (busy);

        p->busy_label = g_strdup (busy->label != NULL ? busy->label : what);
        p->busy_start = busy->start;
        p->busy_end = busy->end;
        p->date_at = start = MAX (a->start, busy->start);
        if (f->person != NONE)
          id = g_strconcat ("busy-person:", p->person_id, ":", a->id, ":", what, NULL);
        else
          id = g_strconcat ("busy-delegation:", SEM_CONFLICT_DELEGATION (run, f->delegation)->id, ":",
                            a->id, ":", what, NULL);
        break;
      }

    default:
      g_assert_not_reached ();
    }

  if (rooms == NULL && b != NULL && a->room != NONE && b->room != NONE &&
      f->kind == SEM_CONFLICT_TRAVEL_TOO_SHORT)
    rooms = strv_of (sem_entity_get_id (SEM_ENTITY (SEM_CONFLICT_ROOM (run, a->room)->room)),
                     sem_entity_get_id (SEM_ENTITY (SEM_CONFLICT_ROOM (run, b->room)->room)));

  return sem_conflict_new_internal (f->kind, id, sem_plan_get_conflict_accepted (run->plan, id),
                                    p, start, sessions, people, rooms, delegations);
}
