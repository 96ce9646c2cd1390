/* test-ical-roundtrip.c — our own calendars imported back: nothing new, exactly one update
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ical-roundtrip"

#include "config.h"

#include <string.h>

#include "sem-demo.h"
#include "sem-ical-export.h"
#include "sem-ical-import.h"
#include "sem-scope.h"
#include "sem-session.h"
#include "sem-test-util.h"

#define EVENT "dcc-brussels-2018"

static gint64 fake_now = 1519900000;

static SemPlan *
load_demo (void)
{
  g_autoptr(GError) error = NULL;
  SemPlan *plan = sem_demo_load (&error);

  g_assert_no_error (error);
  sem_plan_set_clock (plan, sem_test_clock_cb, &fake_now);
  return plan;
}

static SemIcalReport *
import_text (SemPlan    *plan,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(SemIcalImportOptions) options = sem_ical_import_options_new_for_event (plan, EVENT, &error);
  g_autoptr(SemIcalImport) parsed = NULL;

  g_assert_no_error (error);
  parsed = sem_ical_import_parse (bytes, "export.ics", options, NULL, &error);
  g_assert_no_error (error);
  return sem_ical_import_apply (plan, parsed, EVENT, "en");
}

static guint
n_sessions_of (SemPlan *plan)
{
  g_autoptr(GPtrArray) sessions = sem_scope_sessions (plan, SEM_SCOPE_EVENT, EVENT);

  return sessions->len;
}

/* Export, then import into the same plan: every session unchanged, not a byte moved. */
static void
test_unchanged (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autofree char *before = sem_plan_codec_to_data (plan, NULL);
  g_autofree char *text = sem_ical_export (plan, SEM_SCOPE_EVENT, EVENT, NULL, "en", SEM_ICAL_EXPORT_NONE, NULL, NULL);
  g_autoptr(SemIcalReport) report = import_text (plan, text);
  g_autofree char *after = NULL;

  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_UNCHANGED), ==, n_sessions_of (plan));
  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_CREATED), ==, 0);
  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_UPDATED), ==, 0);
  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_SKIPPED), ==, 0);
  g_assert_false (sem_ical_report_changed_plan (report));

  after = sem_plan_codec_to_data (plan, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* One session moves in the newer plan: its export updates exactly that
 * session of an older copy of the plan. */
static void
test_one_update (void)
{
  g_autoptr(SemPlan) older = load_demo ();
  g_autoptr(SemPlan) newer = load_demo ();
  SemEntity *moved = sem_plan_lookup (newer, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-business");
  SemEntity *old_copy = sem_plan_lookup (older, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-business");
  gint64 new_start = sem_session_get_start (SEM_SESSION (moved)) + 1800;
  gint64 new_end = sem_session_get_end (SEM_SESSION (moved)) + 1800;
  g_autofree char *text = NULL;
  g_autoptr(SemIcalReport) report = NULL;
  const SemIcalReportEntry *updated = NULL;

  sem_plan_set (newer, moved, "start", new_start, "end", new_end, NULL);
  text = sem_ical_export (newer, SEM_SCOPE_EVENT, EVENT, NULL, "en", SEM_ICAL_EXPORT_NONE, NULL, NULL);

  report = import_text (older, text);
  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_UPDATED), ==, 1);
  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_UNCHANGED), ==, n_sessions_of (older) - 1);
  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_CREATED), ==, 0);

  for (guint i = 0; i < sem_ical_report_get_n_entries (report); i++)
    if (sem_ical_report_get_entry (report, i)->outcome == SEM_ICAL_OUTCOME_UPDATED)
      updated = sem_ical_report_get_entry (report, i);
  g_assert_nonnull (updated);
  g_assert_cmpstr (updated->session_id, ==, "dcc-brussels-2018-business");
  g_assert_cmpint (sem_session_get_start (SEM_SESSION (old_copy)), ==, new_start);
  g_assert_cmpint (sem_session_get_end (SEM_SESSION (old_copy)), ==, new_end);

  /* The same file again changes nothing more. */
  g_clear_object (&report);
  report = import_text (older, text);
  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_UNCHANGED), ==, n_sessions_of (older));
}

/* A programme's calendar also carries its events as all-day entries: they
 * are the plan's own events, not sessions to create. */
static void
test_programme_days_not_sessions (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autofree char *before = sem_plan_codec_to_data (plan, NULL);
  g_autofree char *text = sem_ical_export (plan, SEM_SCOPE_PROGRAMME, "dcc", NULL, "en", SEM_ICAL_EXPORT_NONE, NULL, NULL);
  g_autoptr(SemIcalReport) report = import_text (plan, text);
  g_autofree char *after = sem_plan_codec_to_data (plan, NULL);

  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_CREATED), ==, 0);
  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_UPDATED), ==, 0);
  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_SKIPPED), >, 0);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ical-roundtrip/unchanged", test_unchanged);
  g_test_add_func ("/ical-roundtrip/one-update", test_one_update);
  g_test_add_func ("/ical-roundtrip/programme-days-not-sessions", test_programme_days_not_sessions);

  return g_test_run ();
}
