/* test-ical-export.c — calendars that delegates' apps accept and that update cleanly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ical-export"

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "sem-demo.h"
#include "sem-ical.h"
#include "sem-ical-export.h"
#include "sem-session.h"
#include "sem-test-util.h"

typedef struct
{
  SemScope    scope;
  const char *id;
} Case;

/* Every kind of calendar, on the demo plan. */
static const Case cases[] = {
  { SEM_SCOPE_EVENT, "dcc-brussels-2018" },
  { SEM_SCOPE_PROGRAMME, "dcc" },
  { SEM_SCOPE_DELEGATION, "dcc-brussels-2018-sofia" },
  { SEM_SCOPE_PERSON, "p-desislava-ivanova" },
  { SEM_SCOPE_ROOM, "room-brussels-silver-hall" },
};

static gint64 fake_now = 1519900000; /* 2018-03-01, after the seminar */

static SemPlan *
load_demo (void)
{
  g_autoptr(GError) error = NULL;
  SemPlan *plan = sem_demo_load (&error);

  g_assert_no_error (error);
  sem_plan_set_clock (plan, sem_test_clock_cb, &fake_now);
  return plan;
}

static char *
export (SemPlan    *plan,
        const Case *c,
        const char *lang)
{
  g_autoptr(GError) error = NULL;
  char *text = sem_ical_export (plan, c->scope, c->id, NULL, lang, SEM_ICAL_EXPORT_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* The VEVENT with @uid, BEGIN to END, as text, or NULL. */
static char *
vevent_text (const char *ics,
             const char *uid)
{
  g_autofree char *needle = g_strdup_printf ("BEGIN:VEVENT\r\nUID:%s\r\n", uid);
  const char *start = strstr (ics, needle);
  const char *end;

  if (start == NULL)
    return NULL;
  end = strstr (start, "END:VEVENT\r\n");
  g_assert_nonnull (end);
  return g_strndup (start, end + strlen ("END:VEVENT\r\n") - start);
}

/* libical reads it back without errors, and every rule of DESIGN.md holds. */
static void
assert_well_formed (const char *ics,
                    gboolean    person_file)
{
  icalcomponent *calendar;
  icalcomponent *event;
  guint n_events = 0;

  g_assert_null (strstr (ics, "freeassociation"));
  g_assert_nonnull (strstr (ics, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nCALSCALE:GREGORIAN\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nNAME:"));
  g_assert_nonnull (strstr (ics, "\r\nX-WR-CALNAME:"));
  g_assert_nonnull (strstr (ics, "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nX-PUBLISHED-TTL:PT1H\r\n"));
  g_assert_cmpint (person_file, ==, strstr (ics, "ATTENDEE") != NULL);
  g_assert_null (strstr (ics, "ORGANIZER"));

  sem_ical_lock ();
  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);
      icaltimetype start = icalcomponent_get_dtstart (event);

      n_events++;
      g_assert_nonnull (icalcomponent_get_uid (event));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_SEQUENCE_PROPERTY));

      if (icaltime_is_date (start))
        {
          /* All-day: the end is the day after the last day. */
          icaltimetype end = icalcomponent_get_dtend (event);
          g_assert_true (icaltime_is_date (end));
          g_assert_cmpint (icaltime_compare_date_only (end, start), >, 0);
          continue;
        }

      /* Never floating: a TZID naming a VTIMEZONE of the file. */
      g_assert_nonnull (tzid);
      g_assert_nonnull (icalcomponent_get_timezone (calendar, icalparameter_get_tzid (tzid)));
    }
  g_assert_cmpuint (n_events, >, 0);

  icalcomponent_free (calendar);
  sem_ical_unlock ();
}

static void
test_well_formed (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(SemPlan) plan = load_demo ();
  g_autofree char *first = export (plan, c, NULL);
  g_autofree char *second = export (plan, c, NULL);

  assert_well_formed (first, c->scope == SEM_SCOPE_PERSON);
  /* An unchanged plan exports the same bytes. */
  g_assert_cmpstr (first, ==, second);
}

static void
test_change_bumps_sequence (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  const Case *event_case = &cases[0];
  SemEntity *session = sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-business");
  g_autofree char *uid = sem_ical_session_uid (plan, "dcc-brussels-2018-business");
  g_autofree char *other_uid = sem_ical_session_uid (plan, "dcc-brussels-2018-opening");
  g_autofree char *before = export (plan, event_case, NULL);
  g_autofree char *after = NULL;
  g_autofree char *old_vevent = vevent_text (before, uid);
  g_autofree char *new_vevent = NULL;
  g_autofree char *old_other = vevent_text (before, other_uid);
  g_autofree char *new_other = NULL;
  g_autofree char *sequence = NULL;

  g_assert_nonnull (session);
  g_assert_nonnull (old_vevent);
  sem_plan_set (plan, session, "title-en", "What digitalisation means for business", NULL);

  after = export (plan, event_case, NULL);
  new_vevent = vevent_text (after, uid);
  new_other = vevent_text (after, other_uid);
  sequence = g_strdup_printf ("\r\nSEQUENCE:%" G_GINT64_FORMAT "\r\n", sem_entity_get_revision (session));

  g_assert_cmpint (sem_entity_get_revision (session), ==, 2);
  g_assert_nonnull (strstr (new_vevent, sequence));
  {
    g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (fake_now);
    g_autofree char *stamp = g_date_time_format (now, "\r\nLAST-MODIFIED:%Y%m%dT%H%M%SZ\r\n");
    g_assert_nonnull (strstr (new_vevent, stamp));
  }
  g_assert_nonnull (strstr (new_vevent, "\r\nSUMMARY:What digitalisation means for business\r\n"));
  /* Nothing else changed. */
  g_assert_cmpstr (old_other, ==, new_other);
  g_assert_cmpuint (strlen (before) - strlen (old_vevent), ==, strlen (after) - strlen (new_vevent));
}

static void
test_deleted_session_cancelled (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  const Case *person_case = &cases[3];
  g_autoptr(SemEntity) session = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *text = NULL;
  g_autofree char *vevent = NULL;
  g_autofree char *person_text = NULL;
  g_autofree char *room_text = NULL;
  gint64 revision;

  /* A session the person attends. */
  text = export (plan, person_case, NULL);
  g_assert_nonnull (strstr (text, "UID:dcc-brussels-2018-opening@"));
  g_clear_pointer (&text, g_free);

  session = g_object_ref (sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-opening"));
  revision = sem_entity_get_revision (session);
  uid = sem_ical_session_uid (plan, "dcc-brussels-2018-opening");
  sem_plan_remove (plan, session);

  text = export (plan, &cases[0], NULL);
  vevent = vevent_text (text, uid);
  g_assert_nonnull (vevent);
  g_assert_nonnull (strstr (vevent, "\r\nSTATUS:CANCELLED\r\n"));
  g_assert_nonnull (strstr (vevent, "\r\nDTSTART;TZID=Europe/Brussels:20180220T093000\r\n"));
  {
    g_autofree char *sequence = g_strdup_printf ("\r\nSEQUENCE:%" G_GINT64_FORMAT "\r\n", revision + 1);
    g_assert_nonnull (strstr (vevent, sequence));
  }
  assert_well_formed (text, FALSE);

  /* Also in the calendars of whoever had it, and not in a room that had not. */
  person_text = export (plan, person_case, NULL);
  g_assert_nonnull (strstr (person_text, uid));
  room_text = export (plan, &(Case) { SEM_SCOPE_ROOM, "room-brussels-foyer" }, NULL);
  g_assert_null (strstr (room_text, uid));

  /* After the grace period it is gone. */
  fake_now += SEM_ICAL_CANCEL_GRACE + 1;
  g_clear_pointer (&text, g_free);
  text = export (plan, &cases[0], NULL);
  g_assert_null (strstr (text, uid));
  fake_now -= SEM_ICAL_CANCEL_GRACE + 1;
}

static void
test_language (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  SemEntity *session = sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-business");
  g_autofree char *uid = sem_ical_session_uid (plan, "dcc-brussels-2018-business");
  g_autofree char *bg = export (plan, &cases[0], "bg");
  g_autofree char *vevent = vevent_text (bg, uid);
  g_autofree char *expected = g_strdup_printf ("SUMMARY:%s", sem_session_get_title (SEM_SESSION (session), "bg"));
  g_autofree char *fallback = NULL;
  g_autofree char *fallback_vevent = NULL;
  icalcomponent *component;

  /* Folded lines: compare what libical reads back. */
  sem_ical_lock ();
  component = icalparser_parse_string (vevent);
  g_assert_cmpstr (icalcomponent_get_summary (component), ==, expected + strlen ("SUMMARY:"));
  icalcomponent_free (component);
  sem_ical_unlock ();
  g_assert_nonnull (strstr (bg, "CATEGORIES:Специална сесия"));

  /* No Bulgarian title: the English one shows. */
  sem_plan_set (plan, session, "title-bg", NULL, NULL);
  fallback = export (plan, &cases[0], "bg");
  fallback_vevent = vevent_text (fallback, uid);
  g_assert_nonnull (strstr (fallback_vevent, "SUMMARY:Special session"));
}

static void
test_errors_and_caldav (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *caldav = NULL;

  text = sem_ical_export (plan, SEM_SCOPE_PERSON, "nobody", NULL, NULL, SEM_ICAL_EXPORT_NONE, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nobody"));

  caldav = sem_ical_export (plan, SEM_SCOPE_EVENT, "dcc-brussels-2018", NULL, NULL,
                            SEM_ICAL_EXPORT_FOR_CALDAV, NULL, NULL);
  g_assert_nonnull (caldav);
  g_assert_null (strstr (caldav, "METHOD:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ical-export/well-formed/%s", cases[i].id);
      g_test_add_data_func (path, &cases[i], test_well_formed);
    }
  g_test_add_func ("/ical-export/change-bumps-sequence", test_change_bumps_sequence);
  g_test_add_func ("/ical-export/deleted-session-cancelled", test_deleted_session_cancelled);
  g_test_add_func ("/ical-export/language", test_language);
  g_test_add_func ("/ical-export/errors-and-caldav", test_errors_and_caldav);

  return g_test_run ();
}
