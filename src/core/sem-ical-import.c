/* sem-ical-import.c — reading and normalising an .ics for import
 *
 * Everything here runs without a plan, so it may run on a worker thread;
 * libical is only used with the shared lock held. What the calendar apps of
 * the world write is folded into one shape: UTC instants, one entry per
 * occurrence, one winner per UID and RECURRENCE-ID.
 *
 * The options live in sem-ical-import-options.c, the result object in
 * sem-ical-import-result.c, file reading and the async API in
 * sem-ical-import-file.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-ical-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sem-event.h"
#include "sem-ical.h"
#include "sem-ical-import-private.h"
#include "sem-windows-zones.h"

static void
set_progress (SemIcalImportOptions *self,
              int                   per_mille)
{
  g_atomic_int_set (&self->progress, per_mille);
}

static void add_warning (SemIcalImport *self,
                         guint          line,
                         const char    *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_warning (SemIcalImport *self,
             guint          line,
             const char    *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    /* Translators: a warning about an imported file: file name, line, what */
    g_ptr_array_add (self->warnings, g_strdup_printf (_("%s: line %u: %s"), self->display_name, line, text));
  else
    g_ptr_array_add (self->warnings, g_strdup_printf ("%s: %s", self->display_name, text));
}

/* ---- timezones -------------------------------------------------------- */

/* An IANA zone behind a TZID, also behind prefixes such as libical's
 * "/freeassociation.sourceforge.net/Tzfile/Europe/Sofia" or
 * "/citadel.org/20190101_1/Europe/Sofia"; or a Windows name (Outlook). */
static icaltimezone *
zone_for_tzid (const char *tzid)
{
  icaltimezone *zone;
  const char *iana;

  if (tzid == NULL || *tzid == '\0')
    return NULL;

  for (const char *p = tzid; p != NULL && *p != '\0'; p = strchr (p, '/'), p = p ? p + 1 : NULL)
    {
      zone = sem_ical_get_timezone (p);
      if (zone != NULL)
        return zone;
    }

  iana = sem_windows_zone_to_iana (tzid);
  if (iana == NULL && tzid[0] == '"')
    {
      g_autofree char *unquoted = g_strndup (tzid + 1, strlen (tzid) - 1);

      if (g_str_has_suffix (unquoted, "\""))
        unquoted[strlen (unquoted) - 1] = '\0';
      iana = sem_windows_zone_to_iana (unquoted);
    }
  return iana != NULL ? sem_ical_get_timezone (iana) : NULL;
}

typedef struct
{
  SemIcalImport        *import;
  SemIcalImportOptions *options;
  icaltimezone         *wr_zone;        /* X-WR-TIMEZONE */
  icaltimezone         *fallback_zone;  /* the event's, for floating times */
  guint                 n_floating;
  guint                 n_lic_errors;   /* X-LIC-ERRORs seen in VEVENTs */
  GHashTable           *unknown_zones;  /* TZIDs already warned about */
  GHashTable           *zones;          /* TZID → icaltimezone or NULL */

  /* The VEVENTs read so far. */
  icalcomponent        *calendar;       /* without its VEVENTs */
  GCancellable         *cancellable;
  GHashTable           *seen;           /* dedup_key () → index in events */
  GArray               *recurring;      /* Recurring */
  gint64                first;
  gint64                last;
  guint                 index;
  guint                 n_vevents;
} Reader;

static icaltimezone *
cached_zone_for_tzid (Reader     *reader,
                      const char *tzid)
{
  gpointer zone;

  if (!g_hash_table_lookup_extended (reader->zones, tzid, NULL, &zone))
    {
      zone = zone_for_tzid (tzid);
      g_hash_table_insert (reader->zones, g_strdup (tzid), zone);
    }
  return zone;
}

/* The zone a DATE-TIME property is in: its TZID (IANA, Windows, or the
 * file's own VTIMEZONE), else UTC, else it floats. Returns NULL when it
 * stays floating. */
static icaltimezone *
zone_of (Reader       *reader,
         icalproperty *property,
         icaltimetype  time,
         guint         line,
         gboolean      count,
         gboolean     *floating)
{
  icalparameter *param = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  const char *tzid = param != NULL ? icalparameter_get_tzid (param) : NULL;
  icaltimezone *zone;

  *floating = FALSE;
  if (icaltime_is_utc (time))
    return icaltimezone_get_utc_timezone ();

  if (tzid != NULL && !time.is_date)
    {
      zone = cached_zone_for_tzid (reader, tzid);
      if (zone != NULL)
        return zone;
      if (time.zone != NULL)
        return (icaltimezone *) time.zone;   /* the file's VTIMEZONE */
      if (!g_hash_table_contains (reader->unknown_zones, tzid))
        {
          g_hash_table_add (reader->unknown_zones, g_strdup (tzid));
          add_warning (reader->import, line,
                       _("the timezone “%s” is unknown and not in the file; its times are read as floating times"),
                       tzid);
        }
    }

  if (reader->wr_zone != NULL)
    return reader->wr_zone;
  if (count && !time.is_date)
    reader->n_floating++;
  if (reader->fallback_zone != NULL)
    return reader->fallback_zone;
  *floating = TRUE;
  return NULL;
}

/* Unix seconds of @time in @zone; NULL: its wall clock read as UTC. */
static gint64
instant_of (icaltimetype  time,
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

/**
 * sem_ical_format_recurrence_id:
 *
 * Returns: (transfer full) (nullable): @instant as "YYYYMMDDTHHMMSSZ", or
 *   "YYYYMMDD"; %NULL outside the years 1 to 9999
 */
char *
sem_ical_format_recurrence_id (gint64   instant,
                               gboolean all_day)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (instant);

  if (time == NULL)
    return NULL;
  return g_date_time_format (time, all_day ? "%Y%m%d" : "%Y%m%dT%H%M%SZ");
}

/* ---- one VEVENT ------------------------------------------------------- */

static char *
content_uid (icalcomponent *vevent)
{
  icalproperty *dtstart = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
  const char *summary = icalcomponent_get_summary (vevent);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *start = dtstart != NULL ? icalproperty_as_ical_string_r (dtstart) : NULL;

  if (start != NULL)
    g_checksum_update (checksum, (const guchar *) start, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  if (summary != NULL)
    g_checksum_update (checksum, (const guchar *) summary, -1);
  return g_strconcat (g_checksum_get_string (checksum), "@import.sofia-seminars.invalid", NULL);
}

static void
skip (Reader     *reader,
      const char *uid,
      const char *recurrence_id,
      const char *summary,
      const char *reason)
{
  g_ptr_array_add (reader->import->skipped,
                   sem_ical_report_entry_new (SEM_ICAL_OUTCOME_SKIPPED, uid, recurrence_id,
                                              summary, reason));
}

static SemStatus
status_of (icalproperty *status)
{
  if (status == NULL)
    return SEM_STATUS_CONFIRMED;

  switch (icalproperty_get_status (status))
    {
    case ICAL_STATUS_TENTATIVE:
      return SEM_STATUS_TENTATIVE;
    case ICAL_STATUS_CANCELLED:
      return SEM_STATUS_CANCELLED;
    default:
      return SEM_STATUS_CONFIRMED;
    }
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The properties read_vevent () looks at, found in one pass over @vevent
 * rather than one search each: a big file has tens of thousands. */
typedef struct
{
  icalproperty *uid;
  icalproperty *summary;
  icalproperty *description;
  icalproperty *location;
  icalproperty *status;
  icalproperty *sequence;
  icalproperty *dtstart;
  icalproperty *dtend;
  icalproperty *duration;
  icalproperty *recurrence_id;
  icalproperty *last_modified;
} Props;

#define KEEP_FIRST(slot, property) G_STMT_START { if ((slot) == NULL) (slot) = (property); } G_STMT_END

static void
collect_props (Reader        *reader,
               icalcomponent *vevent,
               Props         *props)
{
  memset (props, 0, sizeof *props);

  for (icalproperty *p = icalcomponent_get_first_property (vevent, ICAL_ANY_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (vevent, ICAL_ANY_PROPERTY))
    switch (icalproperty_isa (p))
      {
      case ICAL_UID_PROPERTY: KEEP_FIRST (props->uid, p); break;
      case ICAL_SUMMARY_PROPERTY: KEEP_FIRST (props->summary, p); break;
      case ICAL_DESCRIPTION_PROPERTY: KEEP_FIRST (props->description, p); break;
      case ICAL_LOCATION_PROPERTY: KEEP_FIRST (props->location, p); break;
      case ICAL_STATUS_PROPERTY: KEEP_FIRST (props->status, p); break;
      case ICAL_SEQUENCE_PROPERTY: KEEP_FIRST (props->sequence, p); break;
      case ICAL_DTSTART_PROPERTY: KEEP_FIRST (props->dtstart, p); break;
      case ICAL_DTEND_PROPERTY: KEEP_FIRST (props->dtend, p); break;
      case ICAL_DURATION_PROPERTY: KEEP_FIRST (props->duration, p); break;
      case ICAL_RECURRENCEID_PROPERTY: KEEP_FIRST (props->recurrence_id, p); break;
      case ICAL_LASTMODIFIED_PROPERTY: KEEP_FIRST (props->last_modified, p); break;
      case ICAL_XLICERROR_PROPERTY: reader->n_lic_errors++; break;
      default: break;
      }

  /* Alarms and the like inside the event. */
  for (icalcomponent *c = icalcomponent_get_first_component (vevent, ICAL_ANY_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (vevent, ICAL_ANY_COMPONENT))
    reader->n_lic_errors += icalcomponent_count_errors (c);
}

#undef KEEP_FIRST

static const char *
text_of (icalproperty *property)
{
  return property != NULL ? icalvalue_get_text (icalproperty_get_value (property)) : NULL;
}

/* X-LIC-ERRORs outside the VEVENTs, which collect_props () counts. */
static guint
count_errors_outside_events (icalcomponent *calendar)
{
  guint n = 0;

  for (icalproperty *p = icalcomponent_get_first_property (calendar, ICAL_XLICERROR_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (calendar, ICAL_XLICERROR_PROPERTY))
    n++;
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       c != NULL; c = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    if (icalcomponent_isa (c) != ICAL_VEVENT_COMPONENT)
      n += icalcomponent_count_errors (c);
  return n;
}

/* Normalises @vevent. Returns NULL when it was refused (and reported). */
static SemIcalEvent *
read_vevent (Reader        *reader,
             icalcomponent *vevent,
             guint          line,
             icaltimetype  *out_dtstart,
             icaltimezone **out_zone)
{
  g_autoptr(SemIcalEvent) event = g_new0 (SemIcalEvent, 1);
  Props props;
  icalproperty *dtstart_prop, *dtend_prop, *duration_prop, *rid_prop, *modified_prop;
  icaltimetype dtstart;
  icaltimezone *zone;
  gboolean floating = FALSE;

  collect_props (reader, vevent, &props);
  dtstart_prop = props.dtstart;
  dtend_prop = props.dtend;
  duration_prop = props.duration;
  rid_prop = props.recurrence_id;
  modified_prop = props.last_modified;

  event->line = line;
  event->uid = dup_nonempty (props.uid != NULL ? icalproperty_get_uid (props.uid) : NULL);
  event->summary = dup_nonempty (text_of (props.summary));
  event->description = dup_nonempty (text_of (props.description));
  event->location = dup_nonempty (text_of (props.location));
  event->status = status_of (props.status);
  event->sequence = props.sequence != NULL ? MAX (icalproperty_get_sequence (props.sequence), 0) : 0;
  if (modified_prop != NULL)
    {
      icaltimetype modified = icalproperty_get_lastmodified (modified_prop);

      if (!icaltime_is_null_time (modified))
        event->last_modified = instant_of (modified, icaltime_is_utc (modified) ? NULL : reader->fallback_zone);
    }

  if (event->uid == NULL)
    {
      event->uid = content_uid (vevent);
      add_warning (reader->import, line, _("the event has no UID; it was given “%s”"), event->uid);
    }

  dtstart = dtstart_prop != NULL ? icalcomponent_get_dtstart (vevent) : icaltime_null_time ();
  if (icaltime_is_null_time (dtstart))
    {
      skip (reader, event->uid, NULL, event->summary, _("it has no valid start time (DTSTART)"));
      return NULL;
    }
  zone = zone_of (reader, dtstart_prop, dtstart, line, TRUE, &floating);
  event->all_day = dtstart.is_date;
  event->floating = floating;
  event->start = instant_of (dtstart, zone);

  if (dtend_prop != NULL && !icaltime_is_null_time (icalproperty_get_dtend (dtend_prop)))
    {
      icaltimetype dtend = icalcomponent_get_dtend (vevent);
      gboolean end_floating;
      icaltimezone *end_zone = zone_of (reader, dtend_prop, dtend, line, FALSE, &end_floating);

      /* A floating end beside a zoned start is read in the start's zone. */
      event->end = instant_of (dtend, end_floating ? zone : end_zone);
    }
  else if (duration_prop != NULL)
    event->end = event->start + icaldurationtype_as_int (icalproperty_get_duration (duration_prop));
  else
    event->end = event->start + (event->all_day ? 24 * 3600 : 0);

  if (event->end < event->start)
    {
      skip (reader, event->uid, NULL, event->summary, _("it ends before it starts"));
      return NULL;
    }

  /* Outside these the plan could be saved but not opened again. */
  if (event->start < 0 || event->end > SEM_ICAL_IMPORT_MAX_INSTANT)
    {
      skip (reader, event->uid, NULL, event->summary, _("its time is outside the years 1970 to 9999"));
      return NULL;
    }

  if (rid_prop != NULL)
    {
      icaltimetype rid = icalcomponent_get_recurrenceid (vevent);
      gboolean rid_floating;
      icaltimezone *rid_zone = zone_of (reader, rid_prop, rid, line, FALSE, &rid_floating);

      if (icaltime_is_null_time (rid))
        {
          skip (reader, event->uid, NULL, event->summary, _("its RECURRENCE-ID cannot be read"));
          return NULL;
        }
      event->recurrence_id = sem_ical_format_recurrence_id (instant_of (rid, rid_floating ? zone : rid_zone),
                                                            rid.is_date);
      if (event->recurrence_id == NULL)
        {
          skip (reader, event->uid, NULL, event->summary, _("its RECURRENCE-ID cannot be read"));
          return NULL;
        }
    }

  *out_dtstart = dtstart;
  *out_zone = zone;
  return g_steal_pointer (&event);
}

/* ---- one file --------------------------------------------------------- */

/* Hands libical a text a line at a time, straight from where it lies: no
 * copy of it just to add a NUL. */
typedef struct
{
  const char *pos;
  const char *end;
} LineSource;

static char *
next_line (char   *out,
           size_t  size,
           void   *data)
{
  LineSource *source = data;
  const char *newline;
  size_t n;

  if (source->pos >= source->end || size < 2)
    return NULL;
  newline = memchr (source->pos, '\n', source->end - source->pos);
  n = (newline != NULL ? newline + 1 : source->end) - source->pos;
  n = MIN (n, size - 1);
  memcpy (out, source->pos, n);
  out[n] = '\0';
  source->pos += n;
  return out;
}

static icalcomponent *
parse_text (const char *text,
            gsize       length)
{
  LineSource source = { text, text + length };
  icalparser *parser = icalparser_new ();
  icalcomponent *component;

  icalparser_set_gen_data (parser, &source);
  component = icalparser_parse (parser, next_line);
  icalparser_free (parser);
  return component;
}

typedef struct
{
  icalcomponent *vevent;
  SemIcalEvent  *master;   /* owned */
  icaltimetype   dtstart;
  icaltimezone  *zone;
} Recurring;

static void
recurring_clear (gpointer data)
{
  Recurring *recurring = data;

  sem_ical_event_free (recurring->master);
  icalcomponent_free (recurring->vevent);
}

static char *
dedup_key (const SemIcalEvent *event)
{
  return g_strconcat (event->uid, "\n", event->recurrence_id ? event->recurrence_id : "", NULL);
}

/* Whether @a is a newer version of the event than @b. */
static gboolean
newer (const SemIcalEvent *a,
       const SemIcalEvent *b)
{
  if (a->sequence != b->sequence)
    return a->sequence > b->sequence;
  if (a->last_modified != b->last_modified)
    return a->last_modified > b->last_modified;
  return a->line >= b->line;
}

/* Keeps one event per UID and RECURRENCE-ID: an explicit occurrence over a
 * generated one, else the newer. */
static void
add_event (Reader       *reader,
           GHashTable   *seen,
           SemIcalEvent *event)
{
  GPtrArray *events = reader->import->events;
  g_autofree char *key = dedup_key (event);
  gpointer found;
  SemIcalEvent *other, *loser;
  guint index;

  if (!g_hash_table_lookup_extended (seen, key, NULL, &found))
    {
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (events->len));
      g_ptr_array_add (events, event);
      return;
    }

  index = GPOINTER_TO_UINT (found);
  other = g_ptr_array_index (events, index);
  if (other->generated != event->generated)
    {
      if (event->generated)
        sem_ical_event_free (event);
      else
        {
          events->pdata[index] = event;
          sem_ical_event_free (other);
        }
      return;
    }

  if (newer (event, other))
    {
      events->pdata[index] = event;
      loser = other;
    }
  else
    loser = event;

  {
    SemIcalEvent *winner = loser == event ? other : event;
    g_autofree char *reason = g_strdup_printf (_("the same UID at line %u is newer"), winner->line);

    skip (reader, loser->uid, loser->recurrence_id, loser->summary, reason);
    sem_ical_event_free (loser);
  }
}

/* The calendar's own properties that change how its VEVENTs are read. */
static void
read_calendar_properties (Reader *reader)
{
  for (icalproperty *p = icalcomponent_get_first_property (reader->calendar, ICAL_X_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (reader->calendar, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (p), "X-WR-TIMEZONE") == 0)
      {
        const char *tzid = icalproperty_get_x (p);

        reader->wr_zone = zone_for_tzid (tzid);
        if (reader->wr_zone == NULL)
          add_warning (reader->import, 0, _("X-WR-TIMEZONE “%s” is not a known timezone"), tzid ? tzid : "");
      }
}

/* Reads one VEVENT of the calendar, as the scan hands them over: each is
 * parsed on its own, put into the calendar for as long as it is read
 * (libical resolves TZIDs against the VTIMEZONEs of the calendar holding
 * it) and let go at once, unless it recurs. Memory stays small and frees
 * stay cheap. A SemIcalVeventFunc. */
static gboolean
read_vevent_text (const char *text,
                  gsize       length,
                  guint       line,
                  gpointer    user_data)
{
  Reader *reader = user_data;
  guint index = reader->index++;
  icaltimetype dtstart;
  icaltimezone *zone = NULL;
  SemIcalEvent *event;
  icalcomponent *c;

  if ((index & 0xff) == 0)
    {
      if (g_cancellable_is_cancelled (reader->cancellable))
        return FALSE;
      set_progress (reader->options, 300 + 600 * index / MAX (reader->n_vevents, 1));
    }

  c = parse_text (text, length);
  if (c == NULL)
    return TRUE;
  if (icalcomponent_isa (c) != ICAL_VEVENT_COMPONENT)
    {
      /* Not read as a VEVENT after all: only its errors count. */
      reader->n_lic_errors += icalcomponent_count_errors (c);
      icalcomponent_free (c);
      return TRUE;
    }

  icalcomponent_add_component (reader->calendar, c);
  event = read_vevent (reader, c, line, &dtstart, &zone);
  icalcomponent_remove_component (reader->calendar, c);
  if (event == NULL)
    {
      icalcomponent_free (c);
      return TRUE;
    }
  reader->first = MIN (reader->first, event->start);
  reader->last = MAX (reader->last, event->end);

  if (event->recurrence_id == NULL &&
      icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY) != NULL)
    {
      Recurring r = { c, event, dtstart, zone };
      g_array_append_val (reader->recurring, r);
    }
  else
    {
      icalcomponent_free (c);
      add_event (reader, reader->seen, event);
    }
  return TRUE;
}

/* Expands the recurring VEVENTs, once all the others are in. */
static void
expand_recurring (Reader *reader)
{
  SemIcalImportOptions *options = reader->options;
  SemIcalExpansion expansion = { 0 };

  if (reader->recurring->len == 0)
    return;

  expansion.display_name = reader->import->display_name;
  expansion.max_instances = options->max_instances;
  expansion.deadline = g_get_monotonic_time () + options->budget_usec;
  if (options->window_end > options->window_start)
    {
      expansion.window_start = options->window_start;
      expansion.window_end = options->window_end;
    }
  else
    {
      /* No event to import into: the file's own range, at least a year. */
      expansion.window_start = reader->first;
      expansion.window_end = MAX (reader->last, reader->first + 366 * 24 * 3600);
    }

  for (guint i = 0; i < reader->recurring->len; i++)
    {
      Recurring *r = &g_array_index (reader->recurring, Recurring, i);
      g_autoptr(GPtrArray) instances = g_ptr_array_new ();
      g_autofree char *refused = NULL;

      if (g_cancellable_is_cancelled (reader->cancellable))
        return;
      icalcomponent_add_component (reader->calendar, r->vevent);
      refused = sem_ical_expand_rrule (&expansion, r->vevent, r->master, r->dtstart, r->zone,
                                       instances, reader->import->warnings);
      icalcomponent_remove_component (reader->calendar, r->vevent);
      if (refused != NULL)
        {
          skip (reader, r->master->uid, NULL, r->master->summary, refused);
          continue;
        }
      for (guint j = 0; j < instances->len; j++)
        add_event (reader, reader->seen, g_ptr_array_index (instances, j));
    }
}

/* ---- where the text comes from ---------------------------------------- */

#define READ_CHUNK (64 * 1024)

/* A file is read twice: once to check it and keep what lies outside its
 * VEVENTs, once for the VEVENTs, when all the VTIMEZONEs (wherever they
 * are in the file) and the calendar's properties are known. Bytes in
 * memory are read in place; a stream that cannot seek is copied to a
 * temporary file during the first pass. */
typedef struct
{
  GBytes        *bytes;
  GInputStream  *stream;
  GSeekable     *rewind;   /* (nullable): seeks @stream back to @start */
  goffset        start;
  GOutputStream *copy;     /* (nullable): receives what the first pass reads */
  GIOStream     *spool;    /* (nullable): the file @copy writes, read by the second pass */
} Source;

static gboolean
feed_scanner (Source          *source,
              SemIcalScanner  *scanner,
              const char      *display_name,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;

  if (source->bytes != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (source->bytes, &size);

      /* An empty GBytes has no data pointer at all. */
      sem_ical_scanner_feed (scanner, data != NULL ? data : "", size);
      return TRUE;
    }

  if (source->rewind != NULL &&
      !g_seekable_seek (source->rewind, source->start, G_SEEK_SET, cancellable, &local_error))
    goto failed;

  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n = g_input_stream_read (source->stream, buffer, READ_CHUNK, cancellable, &local_error);

      if (n < 0)
        goto failed;
      if (n == 0)
        break;
      if (source->copy != NULL &&
          !g_output_stream_write_all (source->copy, buffer, n, NULL, cancellable, &local_error))
        goto failed;
      if (!sem_ical_scanner_feed (scanner, buffer, n))
        break;
    }
  return TRUE;

failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, G_IO_ERROR, local_error->code,
                 _("%s: could not read the file: %s"), display_name, local_error->message);
  return FALSE;
}

static SemIcalImport *
parse_source (Source                *source,
              const char            *display_name,
              SemIcalImportOptions  *options,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr(SemIcalImportOptions) own_options = NULL;
  g_autoptr(SemIcalImport) self = NULL;
  g_autoptr(SemIcalScanner) scanner = NULL;
  g_autoptr(GString) skeleton = g_string_new (NULL);
  g_autoptr(GHashTable) unknown_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) recurring = g_array_new (FALSE, TRUE, sizeof (Recurring));
  Reader reader = { 0 };
  guint n_vevents;
  gboolean read;

  if (options == NULL)
    options = own_options = sem_ical_import_options_new ();
  set_progress (options, 0);

  /* The checks first, keeping the calendar without its VEVENTs. */
  scanner = sem_ical_scanner_new (display_name, cancellable, skeleton, NULL, NULL);
  if (!feed_scanner (source, scanner, display_name, cancellable, error) ||
      !sem_ical_scanner_finish (scanner, error))
    return NULL;
  n_vevents = sem_ical_scanner_get_n_vevents (scanner);
  g_clear_pointer (&scanner, sem_ical_scanner_free);
  set_progress (options, 200);

  self = g_object_new (SEM_TYPE_ICAL_IMPORT, NULL);
  self->display_name = g_strdup (display_name);

  /* The calendar's properties and VTIMEZONEs. */
  sem_ical_lock ();
  reader.calendar = parse_text (skeleton->str, skeleton->len);
  g_string_free (g_steal_pointer (&skeleton), TRUE);
  set_progress (options, 300);

  if (reader.calendar == NULL || icalcomponent_isa (reader.calendar) != ICAL_VCALENDAR_COMPONENT)
    {
      g_clear_pointer (&reader.calendar, icalcomponent_free);
      sem_ical_unlock ();
      g_set_error (error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_SYNTAX,
                   _("%s: this is not an iCalendar file"), display_name);
      return NULL;
    }

  reader.import = self;
  reader.options = options;
  reader.unknown_zones = unknown_zones;
  reader.zones = zones;
  reader.fallback_zone = sem_ical_get_timezone (options->timezone);
  reader.cancellable = cancellable;
  reader.seen = seen;
  reader.recurring = recurring;
  reader.first = G_MAXINT64;
  reader.last = G_MININT64;
  reader.n_vevents = n_vevents;
  g_array_set_clear_func (recurring, recurring_clear);
  read_calendar_properties (&reader);

  /* Then the VEVENTs, one at a time. */
  if (source->spool != NULL)
    {
      source->copy = NULL;
      source->stream = g_io_stream_get_input_stream (source->spool);
      source->rewind = G_SEEKABLE (source->spool);
      source->start = 0;
    }
  scanner = sem_ical_scanner_new (display_name, cancellable, NULL, read_vevent_text, &reader);
  read = feed_scanner (source, scanner, display_name, cancellable, error) &&
         sem_ical_scanner_finish (scanner, error);
  if (read && !g_cancellable_is_cancelled (cancellable))
    expand_recurring (&reader);

  self->n_lic_errors = reader.n_lic_errors + count_errors_outside_events (reader.calendar);
  g_array_set_size (recurring, 0);
  icalcomponent_free (reader.calendar);
  sem_ical_unlock ();

  if (!read || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (reader.n_floating > 0)
    {
      if (options->timezone != NULL)
        add_warning (self, 0, g_dngettext (GETTEXT_PACKAGE,
                                           "%u event has a floating time; it was read in %s",
                                           "%u events have floating times; they were read in %s",
                                           reader.n_floating),
                     reader.n_floating, options->timezone);
      else
        add_warning (self, 0, g_dngettext (GETTEXT_PACKAGE,
                                           "%u event has a floating time; it is read in its event’s timezone",
                                           "%u events have floating times; they are read in their event’s timezone",
                                           reader.n_floating),
                     reader.n_floating);
    }
  if (self->n_lic_errors > 0)
    add_warning (self, 0, g_dngettext (GETTEXT_PACKAGE,
                                       "libical found %u error in the file (X-LIC-ERROR); what it could not read was left out",
                                       "libical found %u errors in the file (X-LIC-ERROR); what it could not read was left out",
                                       self->n_lic_errors),
                 self->n_lic_errors);

  set_progress (options, 1000);
  return g_steal_pointer (&self);
}

/**
 * sem_ical_import_parse:
 * @bytes: the file's content
 * @display_name: the file's name, for messages
 * @options: (nullable): the timezone and window to use
 *
 * Reads an .ics without touching any plan; safe on a worker thread. A file
 * that breaks a cap or is not iCalendar is refused as a whole, with the
 * line where it goes wrong.
 *
 * Returns: (transfer full) (nullable): the events, or %NULL with @error set
 */
SemIcalImport *
sem_ical_import_parse (GBytes                *bytes,
                       const char            *display_name,
                       SemIcalImportOptions  *options,
                       GCancellable          *cancellable,
                       GError               **error)
{
  Source source = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  source.bytes = bytes;
  return parse_source (&source, display_name, options, cancellable, error);
}

/**
 * sem_ical_import_parse_stream:
 * @stream: the file's content, from where it stands to its end
 * @display_name: the file's name, for messages
 * @options: (nullable): the timezone and window to use
 *
 * Like sem_ical_import_parse (), reading @stream in chunks: the memory it
 * takes besides the events is that of one chunk, one VEVENT and what lies
 * outside the VEVENTs (the calendar's properties and VTIMEZONEs), however
 * big the file. A seekable stream is read twice; another is copied to an
 * unlinked temporary file on the way. Blocks: call it on a worker thread.
 *
 * Returns: (transfer full) (nullable): the events, or %NULL with @error set
 */
SemIcalImport *
sem_ical_import_parse_stream (GInputStream          *stream,
                              const char            *display_name,
                              SemIcalImportOptions  *options,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(GFileIOStream) spool = NULL;
  g_autoptr(GError) local_error = NULL;
  SemIcalImport *result;
  Source source = { 0 };

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  source.stream = stream;
  if (G_IS_SEEKABLE (stream) && g_seekable_can_seek (G_SEEKABLE (stream)))
    {
      source.rewind = G_SEEKABLE (stream);
      source.start = g_seekable_tell (G_SEEKABLE (stream));
      return parse_source (&source, display_name, options, cancellable, error);
    }

  {
    g_autoptr(GFile) file = g_file_new_tmp ("sofia-seminars-XXXXXX.ics", &spool, &local_error);

    if (file == NULL)
      {
        g_set_error (error, G_IO_ERROR, local_error->code,
                     _("%s: could not read the file: %s"), display_name, local_error->message);
        return NULL;
      }
    /* Unlinked at once: it goes when it is closed, whatever happens. */
    g_file_delete (file, NULL, NULL);
  }

  source.spool = G_IO_STREAM (spool);
  source.copy = g_io_stream_get_output_stream (source.spool);
  result = parse_source (&source, display_name, options, cancellable, error);
  g_io_stream_close (G_IO_STREAM (spool), NULL, NULL);
  return result;
}

/**
 * sem_ical_import_steal_event:
 *
 * Takes the @index-th event out of @self, for a caller that turns the
 * events into something else one at a time and would not hold both.
 * sem_ical_import_get_event () returns %NULL for it afterwards.
 *
 * Returns: (transfer full) (nullable): the event, free it with
 *   sem_ical_event_free (); %NULL when it was taken already
 */
SemIcalEvent *
sem_ical_import_steal_event (SemIcalImport *self,
                             guint          index)
{
  SemIcalEvent *event;

  g_return_val_if_fail (SEM_IS_ICAL_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);

  event = g_ptr_array_index (self->events, index);
  g_ptr_array_index (self->events, index) = NULL;
  return event;
}
