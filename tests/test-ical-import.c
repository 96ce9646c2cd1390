/* test-ical-import.c — iCalendar import: the corpus, the caps, merging, undo
 *
 * Each tests/data/NAME.ics is imported into the demo plan's event
 * dcc-brussels-2018; the report (warnings, one line per entry with the
 * session's UTC times, the totals) must equal tests/data/NAME.expected.
 * Run with SEM_TEST_REGENERATE=1 to rewrite the expected files after a
 * deliberate change, then read the diff.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ical-import"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "sem-demo.h"
#include "sem-ical.h"
#include "sem-ical-import.h"
#include "sem-session.h"
#include "sem-test-util.h"

#define EVENT "dcc-brussels-2018"

static SemPlan *
load_demo (void)
{
  g_autoptr(GError) error = NULL;
  SemPlan *plan = sem_demo_load (&error);

  g_assert_no_error (error);
  return plan;
}

static SemIcalImport *
parse_for_event (SemPlan     *plan,
                 GBytes      *bytes,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(SemIcalImportOptions) options = sem_ical_import_options_new_for_event (plan, EVENT, NULL);

  return sem_ical_import_parse (bytes, name, options, NULL, error);
}

static char *
report_to_text (SemPlan       *plan,
                SemIcalReport *report)
{
  GString *text = g_string_new (NULL);
  const char * const *warnings = sem_ical_report_get_warnings (report);
  g_autofree char *totals = sem_ical_report_format_totals (report);

  for (guint i = 0; warnings[i] != NULL; i++)
    g_string_append_printf (text, "warning: %s\n", warnings[i]);
  for (guint i = 0; i < sem_ical_report_get_n_entries (report); i++)
    {
      const SemIcalReportEntry *entry = sem_ical_report_get_entry (report, i);
      g_autofree char *line = sem_ical_report_format_entry (entry);
      SemEntity *session = entry->session_id
        ? sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, entry->session_id) : NULL;

      g_string_append (text, line);
      if (session != NULL)
        {
          g_autofree char *start = sem_instant_format (sem_session_get_start (SEM_SESSION (session)));
          g_autofree char *end = sem_instant_format (sem_session_get_end (SEM_SESSION (session)));
          g_string_append_printf (text, "  @ %s/%s", start, end);
        }
      g_string_append_c (text, '\n');
    }
  g_string_append_printf (text, "%s\n", totals);
  return g_string_free (text, FALSE);
}

/* ---- the corpus ------------------------------------------------------- */

static void
test_corpus_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *ics_name = g_strconcat (name, ".ics", NULL);
  g_autofree char *expected_name = g_strconcat (name, ".expected", NULL);
  g_autofree char *ics_path = g_test_build_filename (G_TEST_DIST, "data", ics_name, NULL);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", expected_name, NULL);
  g_autoptr(SemPlan) plan = load_demo ();
  g_autofree char *before = sem_plan_codec_to_data (plan, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemIcalImport) parsed = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (ics_path, &contents, &length, NULL));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    parsed = parse_for_event (plan, bytes, ics_name, &error);
  }

  if (parsed == NULL)
    {
      g_autofree char *after = sem_plan_codec_to_data (plan, NULL);

      g_assert_error (error, SEM_ICAL_ERROR, error->code);
      g_assert_cmpstr (after, ==, before);
      text = g_strdup_printf ("error: %s\n", error->message);
    }
  else
    {
      g_autoptr(SemIcalReport) report = sem_ical_import_apply (plan, parsed, EVENT, "en");
      text = report_to_text (plan, report);
    }

  if (g_getenv ("SEM_TEST_REGENERATE") != NULL)
    sem_test_write_file (expected_path, text, -1);
  expected = sem_test_read_file (expected_path, NULL);
  g_assert_cmpstr (text, ==, expected);
}

static const char * const corpus[] = {
  "bom", "lf-only", "outlook-windows-tz", "google-x-wr-timezone", "freeassociation-prefix",
  "floating", "no-uid", "duplicate-uid", "orphan-recurrence-id", "rrule-daily",
  "rrule-minutely", "rrule-huge", "x-lic-error", "truncated", "not-ical", "unbalanced",
};

/* ---- the same through a stream ----------------------------------------- */

/* A stream that cannot seek and hands out at most @chunk bytes per read. */
typedef struct
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         pos;
  gsize         chunk;
} ChunkedStream;

typedef GInputStreamClass ChunkedStreamClass;

static GType chunked_stream_get_type (void);
G_DEFINE_TYPE (ChunkedStream, chunked_stream, G_TYPE_INPUT_STREAM)

static gssize
chunked_stream_read (GInputStream  *stream,
                     void          *buffer,
                     gsize          count,
                     GCancellable  *cancellable,
                     GError       **error)
{
  ChunkedStream *self = (ChunkedStream *) stream;
  gsize size;
  const char *data = g_bytes_get_data (self->bytes, &size);
  gsize n = MIN (MIN (count, self->chunk), size - self->pos);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  if (n > 0)
    memcpy (buffer, data + self->pos, n);
  self->pos += n;
  return n;
}

static void
chunked_stream_finalize (GObject *object)
{
  g_bytes_unref (((ChunkedStream *) object)->bytes);
  G_OBJECT_CLASS (chunked_stream_parent_class)->finalize (object);
}

static void
chunked_stream_class_init (ChunkedStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chunked_stream_finalize;
  klass->read_fn = chunked_stream_read;
}

static void
chunked_stream_init (ChunkedStream *self)
{
}

static GInputStream *
chunked_stream_new (GBytes *bytes,
                    gsize   chunk)
{
  ChunkedStream *self = g_object_new (chunked_stream_get_type (), NULL);

  self->bytes = g_bytes_ref (bytes);
  self->chunk = chunk;
  return G_INPUT_STREAM (self);
}

/* What importing @bytes into the demo plan reports, or the error. */
static char *
import_text (GBytes       *bytes,
             GInputStream *stream,
             const char   *name)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autoptr(SemIcalImportOptions) options = sem_ical_import_options_new_for_event (plan, EVENT, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemIcalImport) parsed = NULL;
  g_autoptr(SemIcalReport) report = NULL;

  if (stream != NULL)
    parsed = sem_ical_import_parse_stream (stream, name, options, NULL, &error);
  else
    parsed = sem_ical_import_parse (bytes, name, options, NULL, &error);
  if (parsed == NULL)
    return g_strdup_printf ("error: %s\n", error->message);
  g_assert_no_error (error);
  g_assert_cmpfloat (sem_ical_import_options_get_fraction (options), ==, 1.0);
  report = sem_ical_import_apply (plan, parsed, EVENT, "en");
  return report_to_text (plan, report);
}

/* Every chunking of the text gives what the text in one piece gives. */
static void
assert_stream_equal (GBytes     *bytes,
                     const char *name)
{
  static const gsize chunks[] = { 1, 2, 3, 7, 4096 };
  g_autofree char *whole = import_text (bytes, NULL, name);

  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_autoptr(GInputStream) stream = chunked_stream_new (bytes, chunks[i]);
      g_autofree char *text = import_text (NULL, stream, name);

      if (g_strcmp0 (text, whole) != 0)
        g_error ("%s in chunks of %" G_GSIZE_FORMAT " bytes:\n%s\ninstead of\n%s",
                 name, chunks[i], text, whole);
    }

  /* A stream that seeks is read twice, in place. */
  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
    g_autofree char *text = import_text (NULL, stream, name);

    g_assert_cmpstr (text, ==, whole);
  }
}

static void
test_stream_corpus (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *name = g_strconcat (corpus[i], ".ics", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      assert_stream_equal (bytes, name);
    }
}

/* Refusals and their lines do not depend on where the chunks end: a
 * character cut in two, a BOM cut in two, bad UTF-8 after a bad line. */
static void
test_stream_hostile (void)
{
  static const char * const texts[] = {
    "BEGIN:VCALENDAR\nX-A:\xd0\xa1\xd0\xbe\xd1\x84\xd0\xb8\xd1\x8f \xe2\x80\x99 \xf0\x9f\x93\x85\nEND:VCALENDAR\n",
    "\xEF\xBB\xBF" "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
    "\xEF\xBB",
    "BEGIN:VCALENDAR\nX-A:\xd0\nEND:VCALENDAR\n",
    "BEGIN:VCALENDAR\nX-A:\xe2\x80\nEND:VCALENDAR\n",
    "BEGIN:VCALENDAR\nX-A:\xed\xa0\x80\nEND:VCALENDAR\n",
    "BEGIN:VCALENDAR\nX-A:ok\nEND:VCALENDAR\n\xf0\x9f",
    "BEGIN:VCALENDAR\nnot a line\nX-A:\xff\nEND:VCALENDAR\n",
    "BEGIN:VCALENDAR\nX-A:1\n\x00\nEND:VCALENDAR\n",
    "BEGIN:VCALENDAR\nEND:VCALENDAR\nX-AFTER:1\n",
    "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20180220T100000Z\n",
    "BEGIN:VCALENDAR\nBEG\n IN:VEVENT\nUID:f@x\nDTSTART:20180220T100000Z\nEND:VEV\n\tENT\n \nEND:VCALENDAR",
    "",
    " BEGIN:VCALENDAR\n",
  };
  static const gsize lengths[] = { 0, 0, 0, 0, 0, 0, 0, 0, 38, 0, 0, 0, 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (texts[i], lengths[i] ? lengths[i] : strlen (texts[i]));
      g_autofree char *name = g_strdup_printf ("hostile-%u.ics", i);

      assert_stream_equal (bytes, name);
    }
}

/* A VTIMEZONE after the VEVENTs that use it is read as if it came first. */
static void
test_stream_late_vtimezone (void)
{
  const char *text =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//late//EN\r\n"
    "BEGIN:VEVENT\r\nUID:late-1@x\r\nDTSTART;TZID=Custom Plus Two:20180220T120000\r\n"
    "DTEND;TZID=Custom Plus Two:20180220T130000\r\nSUMMARY:Late zone\r\nEND:VEVENT\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:Custom Plus Two\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0200\r\nTZNAME:X2\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    "END:VCALENDAR\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GInputStream) stream = chunked_stream_new (bytes, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemIcalImport) parsed = sem_ical_import_parse_stream (stream, "late.ics", NULL, NULL, &error);
  const SemIcalEvent *event;

  g_assert_no_error (error);
  g_assert_cmpuint (sem_ical_import_get_n_events (parsed), ==, 1);
  event = sem_ical_import_get_event (parsed, 0);
  g_assert_false (event->floating);
  g_assert_cmpint (event->start, ==, 1519120800);   /* 2018-02-20T10:00:00Z */
  g_assert_cmpint (event->end - event->start, ==, 3600);
  assert_stream_equal (bytes, "late.ics");
}

/* ---- hostile input made in the test ----------------------------------- */

static void
assert_refused (const char *text,
                gsize       length,
                int         code,
                const char *needle)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemIcalImport) parsed = sem_ical_import_parse (bytes, "hostile.ics", NULL, NULL, &error);

  g_assert_null (parsed);
  g_assert_error (error, SEM_ICAL_ERROR, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, needle);
}

static void
test_long_line (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-LONG:");

  /* Folded, so the cap applies to the unfolded line. */
  for (guint i = 0; i < SEM_ICAL_IMPORT_MAX_LINE / 70 + 1; i++)
    g_string_append (text, "0123456789012345678901234567890123456789012345678901234567890123456789\r\n ");
  g_string_append (text, "x\r\nEND:VCALENDAR\r\n");
  assert_refused (text->str, text->len, SEM_ICAL_ERROR_TOO_LARGE, "hostile.ics: line 3: the line is longer than");
}

static void
test_too_many_properties (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\n");

  for (guint i = 0; i <= SEM_ICAL_IMPORT_MAX_PROPERTIES; i++)
    g_string_append_printf (text, "X-P%u:x\n", i);
  g_string_append (text, "END:VEVENT\nEND:VCALENDAR\n");
  assert_refused (text->str, text->len, SEM_ICAL_ERROR_TOO_LARGE, "hostile.ics: line 1004: a VEVENT has more than 1000 properties");
}

static void
test_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\n");

  for (guint i = 0; i < SEM_ICAL_IMPORT_MAX_DEPTH; i++)
    g_string_append (text, "BEGIN:X-NEST\n");
  assert_refused (text->str, text->len, SEM_ICAL_ERROR_TOO_LARGE, "hostile.ics: line 11: components are nested more than 10 deep");

  /* libical also opens a component on a BEGIN with parameters. */
  g_string_assign (text, "BEGIN:VCALENDAR\n");
  for (guint i = 0; i < SEM_ICAL_IMPORT_MAX_DEPTH; i++)
    g_string_append (text, "BEGIN;X-A=1:VEVENT\n");
  assert_refused (text->str, text->len, SEM_ICAL_ERROR_TOO_LARGE, "hostile.ics: line 11: components are nested more than 10 deep");
}

static void
test_malformed (void)
{
  const char *no_colon = "BEGIN:VCALENDAR\nVERSION:2.0\nthis is not a property\nEND:VCALENDAR\n";
  const char *after_end = "BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR\n";
  const char *bad_utf8 = "BEGIN:VCALENDAR\nX-A:\xff\xfe\nEND:VCALENDAR\n";

  assert_refused (no_colon, strlen (no_colon), SEM_ICAL_ERROR_SYNTAX, "hostile.ics: line 3: “this is not a property” is not");
  assert_refused (after_end, strlen (after_end), SEM_ICAL_ERROR_SYNTAX, "hostile.ics: line 3: there is more after");
  assert_refused (bad_utf8, strlen (bad_utf8), SEM_ICAL_ERROR_SYNTAX, "hostile.ics: line 2: the text is not valid UTF-8");
  /* Bad UTF-8 anywhere wins over a bad line before it, as in one scan of the whole text. */
  assert_refused ("BEGIN:VCALENDAR\nnot a line\nX-A:\xff\n", 33, SEM_ICAL_ERROR_SYNTAX,
                  "hostile.ics: line 3: the text is not valid UTF-8");
  assert_refused ("", 0, SEM_ICAL_ERROR_SYNTAX, "hostile.ics: line 1: this is not an iCalendar file");
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sem-ical-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemIcalImport) parsed = NULL;
  FILE *out = g_fopen (path, "w");

  /* Sparse: the size is checked before anything is read. */
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, SEM_ICAL_IMPORT_MAX_BYTES, SEEK_SET), ==, 0);
  fputc ('x', out);
  fclose (out);

  parsed = sem_ical_import_parse_file (file, NULL, NULL, &error);
  g_assert_null (parsed);
  g_assert_error (error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_TOO_LARGE);
  sem_test_remove_tree (dir);
}

/* ---- recurrence caps -------------------------------------------------- */

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static gboolean
warnings_contain (const char * const *warnings,
                  const char         *needle)
{
  for (guint i = 0; warnings[i] != NULL; i++)
    if (strstr (warnings[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_instance_cap (void)
{
  g_autoptr(GBytes) bytes = read_data ("rrule-huge.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(SemIcalImport) parsed = NULL;

  /* No event: the file's own range, a year, which holds 8760 hours. */
  parsed = sem_ical_import_parse (bytes, "rrule-huge.ics", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sem_ical_import_get_n_events (parsed), ==, SEM_ICAL_IMPORT_MAX_INSTANCES);
  g_assert_true (warnings_contain (sem_ical_import_get_warnings (parsed), "the 1000 times that are imported"));
}

static void
test_time_budget (void)
{
  g_autoptr(GBytes) bytes = read_data ("rrule-huge.ics");
  g_autoptr(SemIcalImportOptions) options = sem_ical_import_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SemIcalImport) parsed = NULL;

  sem_ical_import_options_set_limits (options, 1000000, 0);
  parsed = sem_ical_import_parse (bytes, "rrule-huge.ics", options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sem_ical_import_get_n_events (parsed), <, 8760);
  g_assert_true (warnings_contain (sem_ical_import_get_warnings (parsed), "took too long"));
}

/* ---- merging ---------------------------------------------------------- */

static void
test_undo_is_one_step (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autoptr(GBytes) bytes = read_data ("rrule-daily.ics");
  g_autofree char *before = sem_test_normalised_data (plan);
  g_autofree char *after = NULL;
  g_autoptr(SemIcalImport) parsed = parse_for_event (plan, bytes, "rrule-daily.ics", NULL);
  g_autoptr(SemIcalReport) report = sem_ical_import_apply (plan, parsed, EVENT, "en");
  GListModel *sessions = sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS);
  guint n = g_list_model_get_n_items (sessions);

  g_assert_cmpuint (sem_ical_report_count (report, SEM_ICAL_OUTCOME_CREATED), ==, 11);
  g_assert_cmpstr (sem_history_get_undo_label (sem_plan_get_history (plan)), ==, "Import");
  g_assert_true (sem_plan_undo (plan));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n - 11);
  after = sem_test_normalised_data (plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (sem_plan_undo (plan));
}

/* A calendar as our own export writes one session, made with libical. */
static GBytes *
own_calendar (SemPlan    *plan,
              SemSession *session,
              gint64      sequence,
              gint64      shift)
{
  icalcomponent *calendar, *vevent;
  icaltimezone *zone;
  icaltimetype start, end;
  icalproperty *property;
  g_autofree char *uid = sem_ical_session_uid (plan, sem_entity_get_id (SEM_ENTITY (session)));
  char *text;

  sem_ical_lock ();
  zone = sem_ical_get_timezone ("Europe/Brussels");
  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Sofia Seminars tests//EN"));
  icalcomponent_add_component (calendar, sem_ical_new_vtimezone ("Europe/Brussels",
                                                                 sem_session_get_start (session),
                                                                 sem_session_get_end (session)));
  vevent = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  icalcomponent_set_uid (vevent, uid);
  icalcomponent_set_sequence (vevent, (int) sequence);
  start = sem_ical_time_from_instant (sem_session_get_start (session) + shift, zone);
  end = sem_ical_time_from_instant (sem_session_get_end (session) + shift, zone);
  property = icalproperty_new_dtstart (start);
  icalproperty_add_parameter (property, icalparameter_new_tzid ("Europe/Brussels"));
  icalcomponent_add_property (vevent, property);
  property = icalproperty_new_dtend (end);
  icalproperty_add_parameter (property, icalparameter_new_tzid ("Europe/Brussels"));
  icalcomponent_add_property (vevent, property);
  icalcomponent_add_property (vevent, icalproperty_new_lastmodified (
    sem_ical_time_from_instant (sem_entity_get_modified (SEM_ENTITY (session)), NULL)));
  icalcomponent_set_summary (vevent, sem_session_get_title (session, "en"));
  icalcomponent_set_description (vevent, "Not compared for our own sessions.\n\nFacilitators: someone");
  icalcomponent_set_location (vevent, "Not compared either");
  icalcomponent_set_status (vevent, ICAL_STATUS_CONFIRMED);
  icalcomponent_add_component (calendar, vevent);
  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  sem_ical_unlock ();

  return g_bytes_new_take (text, strlen (text));
}

static SemIcalReport *
import_bytes (SemPlan *plan,
              GBytes  *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemIcalImport) parsed = sem_ical_import_parse (bytes, "own.ics", NULL, NULL, &error);

  g_assert_no_error (error);
  return sem_ical_import_apply (plan, parsed, NULL, "en");
}

static void
test_round_trip_own (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  SemSession *session = SEM_SESSION (sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, EVENT "-opening"));
  gint64 revision = sem_entity_get_revision (SEM_ENTITY (session));
  gint64 start = sem_session_get_start (session);
  g_autofree char *before = sem_plan_codec_to_data (plan, NULL);
  g_autoptr(GBytes) same = own_calendar (plan, session, revision, 0);
  g_autoptr(GBytes) moved = own_calendar (plan, session, revision + 1, 3600);
  g_autoptr(SemIcalReport) unchanged = NULL;
  g_autoptr(SemIcalReport) updated = NULL;
  g_autoptr(SemIcalReport) older = NULL;
  g_autofree char *after = NULL;

  unchanged = import_bytes (plan, same);
  g_assert_cmpuint (sem_ical_report_count (unchanged, SEM_ICAL_OUTCOME_UNCHANGED), ==, 1);
  g_assert_cmpuint (sem_ical_report_get_n_entries (unchanged), ==, 1);
  g_assert_false (sem_ical_report_changed_plan (unchanged));
  after = sem_plan_codec_to_data (plan, NULL);
  g_assert_cmpstr (after, ==, before);

  updated = import_bytes (plan, moved);
  g_assert_cmpuint (sem_ical_report_count (updated, SEM_ICAL_OUTCOME_UPDATED), ==, 1);
  g_assert_cmpint (sem_session_get_start (session), ==, start + 3600);
  g_assert_cmpstr (sem_session_get_description (session, "en"), !=, "Not compared for our own sessions.");

  /* The first file again: now older than the plan. */
  older = import_bytes (plan, same);
  g_assert_cmpuint (sem_ical_report_count (older, SEM_ICAL_OUTCOME_SKIPPED), ==, 1);
  g_assert_cmpstr (sem_ical_report_get_entry (older, 0)->reason, ==, "older than the plan’s version");
  g_assert_cmpint (sem_session_get_start (session), ==, start + 3600);
}

static void
test_foreign_update (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  const char *first = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:f@x\nDTSTART:20180220T100000Z\n"
                      "DTEND:20180220T110000Z\nSUMMARY:First\nEND:VEVENT\nEND:VCALENDAR\n";
  const char *second = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:f@x\nDTSTART:20180220T100000Z\n"
                       "DTEND:20180220T120000Z\nSUMMARY:Second\nSEQUENCE:1\nEND:VEVENT\nEND:VCALENDAR\n";
  g_autoptr(GBytes) a = g_bytes_new_static (first, strlen (first));
  g_autoptr(GBytes) b = g_bytes_new_static (second, strlen (second));
  g_autoptr(SemIcalImport) parsed_a = parse_for_event (plan, a, "a.ics", NULL);
  g_autoptr(SemIcalImport) parsed_b = parse_for_event (plan, b, "b.ics", NULL);
  g_autoptr(SemIcalReport) created = sem_ical_import_apply (plan, parsed_a, EVENT, "bg");
  g_autoptr(SemIcalReport) again = sem_ical_import_apply (plan, parsed_a, NULL, "bg");
  g_autoptr(SemIcalReport) updated = sem_ical_import_apply (plan, parsed_b, NULL, "bg");
  const char *id = sem_ical_report_get_entry (created, 0)->session_id;
  SemSession *session = SEM_SESSION (sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, id));

  g_assert_cmpuint (sem_ical_report_count (created, SEM_ICAL_OUTCOME_CREATED), ==, 1);
  g_assert_cmpuint (sem_ical_report_count (again, SEM_ICAL_OUTCOME_UNCHANGED), ==, 1);
  g_assert_cmpuint (sem_ical_report_count (updated, SEM_ICAL_OUTCOME_UPDATED), ==, 1);
  g_assert_cmpstr (sem_session_get_ical_uid (session), ==, "f@x");
  g_assert_null (sem_session_get_ical_recurrence_id (session));
  g_assert_cmpstr (sem_session_get_title (session, "bg"), ==, "Second");
  g_assert_cmpint (sem_session_get_end (session) - sem_session_get_start (session), ==, 7200);
}

/* ---- the worker ------------------------------------------------------- */

static void
parsed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SemIcalImport **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sem_ical_import_parse_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rrule-daily.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SemIcalImportOptions) options = sem_ical_import_options_new ();
  g_autoptr(SemIcalImport) parsed = NULL;

  sem_ical_import_parse_async (file, options, NULL, parsed_cb, &parsed);
  while (parsed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (sem_ical_import_options_get_fraction (options), ==, 1.0);
  g_assert_cmpuint (sem_ical_import_get_n_events (parsed), >, 0);
  g_assert_finalize_object (g_steal_pointer (&parsed));
}

static void
test_cancel (void)
{
  g_autoptr(GBytes) bytes = read_data ("rrule-daily.ics");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SemIcalImport) parsed = NULL;

  g_cancellable_cancel (cancellable);
  parsed = sem_ical_import_parse (bytes, "rrule-daily.ics", NULL, cancellable, &error);
  g_assert_null (parsed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_unknown_event (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SemIcalImportOptions) options = sem_ical_import_options_new_for_event (plan, "nope", &error);

  g_assert_null (options);
  g_assert_error (error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_NOT_FOUND);
}

/* ---- the command ------------------------------------------------------ */

static int
run_cli (const char  *plan,
         const char  *ics,
         const char  *extra,
         char       **out)
{
  const char *argv[] = { g_getenv ("SEM_TEST_CLI"), "import", plan, ics, "--event", EVENT, extra, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "data", "bom.ics", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "truncated.ics", NULL);
  g_autofree char *out = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) demo = NULL;

  if (g_getenv ("SEM_TEST_CLI") == NULL)
    {
      g_test_skip ("SEM_TEST_CLI is not set");
      return;
    }
  dir = g_dir_make_tmp ("sem-ical-import-XXXXXX", NULL);
  plan = g_build_filename (dir, "plan.json", NULL);
  demo = sem_demo_get_bytes ();
  sem_test_write_file (plan, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo));
  before = sem_test_read_file (plan, NULL);

  g_assert_cmpint (run_cli (plan, ics, "--dry-run", &out), ==, 0);
  g_assert_nonnull (strstr (out, "created  bom-1@corpus.example  Delegation heads’ dinner\n"));
  g_assert_nonnull (strstr (out, "1 created, 0 updated, 0 unchanged, 0 skipped\n"));
  after = sem_test_read_file (plan, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&after, g_free);

  g_assert_cmpint (run_cli (plan, bad, NULL, &out), ==, 1);
  after = sem_test_read_file (plan, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&after, g_free);

  g_assert_cmpint (run_cli (plan, ics, NULL, &out), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (plan, ics, NULL, &out), ==, 0);
  g_assert_nonnull (strstr (out, "0 created, 0 updated, 1 unchanged, 0 skipped\n"));

  sem_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sem_resources_register ();

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ical-import/corpus/%s", corpus[i]);
      g_test_add_data_func (path, corpus[i], test_corpus_file);
    }
  g_test_add_func ("/ical-import/stream/corpus", test_stream_corpus);
  g_test_add_func ("/ical-import/stream/hostile", test_stream_hostile);
  g_test_add_func ("/ical-import/stream/late-vtimezone", test_stream_late_vtimezone);
  g_test_add_func ("/ical-import/hostile/long-line", test_long_line);
  g_test_add_func ("/ical-import/hostile/too-many-properties", test_too_many_properties);
  g_test_add_func ("/ical-import/hostile/too-deep", test_too_deep);
  g_test_add_func ("/ical-import/hostile/malformed", test_malformed);
  g_test_add_func ("/ical-import/hostile/too-large", test_too_large);
  g_test_add_func ("/ical-import/rrule/instance-cap", test_instance_cap);
  g_test_add_func ("/ical-import/rrule/time-budget", test_time_budget);
  g_test_add_func ("/ical-import/merge/undo-is-one-step", test_undo_is_one_step);
  g_test_add_func ("/ical-import/merge/round-trip-own", test_round_trip_own);
  g_test_add_func ("/ical-import/merge/foreign-update", test_foreign_update);
  g_test_add_func ("/ical-import/async", test_async);
  g_test_add_func ("/ical-import/cancel", test_cancel);
  g_test_add_func ("/ical-import/unknown-event", test_unknown_event);
  g_test_add_func ("/ical-import/cli", test_cli);

  return g_test_run ();
}
