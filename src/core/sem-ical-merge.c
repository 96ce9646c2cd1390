/* sem-ical-merge.c — merging parsed calendar events into a plan
 *
 * Runs on the main thread. A calendar event matches the session that came
 * from it (its UID and RECURRENCE-ID), or, for a UID this plan made, the
 * session with that id. Higher SEQUENCE, then later LAST-MODIFIED, wins;
 * the whole import is one undoable edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-ical-import"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-event.h"
#include "sem-ical.h"
#include "sem-ical-import-private.h"
#include "sem-plan-private.h"
#include "sem-session.h"

struct _SemIcalReport
{
  GObject    parent_instance;

  GPtrArray *entries;    /* SemIcalReportEntry */
  GPtrArray *warnings;   /* char *, NULL-terminated */
  guint      counts[SEM_ICAL_N_OUTCOMES];
};

G_DEFINE_FINAL_TYPE (SemIcalReport, sem_ical_report, G_TYPE_OBJECT)

SemIcalReportEntry *
sem_ical_report_entry_new (SemIcalOutcome  outcome,
                           const char     *uid,
                           const char     *recurrence_id,
                           const char     *title,
                           const char     *reason)
{
  SemIcalReportEntry *entry = g_new0 (SemIcalReportEntry, 1);

  entry->outcome = outcome;
  entry->uid = g_strdup (uid);
  entry->recurrence_id = g_strdup (recurrence_id);
  entry->title = g_strdup (title != NULL ? title : "");
  entry->reason = g_strdup (reason);
  return entry;
}

void
sem_ical_report_entry_free (SemIcalReportEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uid);
  g_free (entry->recurrence_id);
  g_free (entry->title);
  g_free (entry->reason);
  g_free (entry->session_id);
  g_free (entry);
}

static void
sem_ical_report_finalize (GObject *object)
{
  SemIcalReport *self = SEM_ICAL_REPORT (object);

  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (sem_ical_report_parent_class)->finalize (object);
}

static void
sem_ical_report_class_init (SemIcalReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sem_ical_report_finalize;
}

static void
sem_ical_report_init (SemIcalReport *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sem_ical_report_entry_free);
  self->warnings = g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

static SemIcalReportEntry *
report_add (SemIcalReport      *self,
            SemIcalReportEntry *entry)
{
  self->counts[entry->outcome]++;
  g_ptr_array_add (self->entries, entry);
  return entry;
}

guint
sem_ical_report_get_n_entries (SemIcalReport *self)
{
  g_return_val_if_fail (SEM_IS_ICAL_REPORT (self), 0);

  return self->entries->len;
}

/**
 * sem_ical_report_get_entry:
 *
 * Returns: (transfer none): the @index-th entry
 */
const SemIcalReportEntry *
sem_ical_report_get_entry (SemIcalReport *self,
                           guint          index)
{
  g_return_val_if_fail (SEM_IS_ICAL_REPORT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, index);
}

guint
sem_ical_report_count (SemIcalReport  *self,
                       SemIcalOutcome  outcome)
{
  g_return_val_if_fail (SEM_IS_ICAL_REPORT (self), 0);
  g_return_val_if_fail (outcome < SEM_ICAL_N_OUTCOMES, 0);

  return self->counts[outcome];
}

/**
 * sem_ical_report_get_warnings:
 *
 * Returns: (transfer none): the parser's warnings, then the merge's
 */
const char * const *
sem_ical_report_get_warnings (SemIcalReport *self)
{
  g_return_val_if_fail (SEM_IS_ICAL_REPORT (self), NULL);

  return (const char * const *) self->warnings->pdata;
}

gboolean
sem_ical_report_changed_plan (SemIcalReport *self)
{
  g_return_val_if_fail (SEM_IS_ICAL_REPORT (self), FALSE);

  return self->counts[SEM_ICAL_OUTCOME_CREATED] + self->counts[SEM_ICAL_OUTCOME_UPDATED] > 0;
}

static const char *
outcome_label (SemIcalOutcome outcome)
{
  switch (outcome)
    {
    case SEM_ICAL_OUTCOME_CREATED:
      return C_("import outcome", "created");
    case SEM_ICAL_OUTCOME_UPDATED:
      return C_("import outcome", "updated");
    case SEM_ICAL_OUTCOME_UNCHANGED:
      return C_("import outcome", "unchanged");
    case SEM_ICAL_OUTCOME_SKIPPED:
    case SEM_ICAL_N_OUTCOMES:
    default:
      return C_("import outcome", "skipped");
    }
}

/**
 * sem_ical_report_format_entry:
 *
 * Returns: (transfer full): "created  UID  title", or "skipped  UID  reason";
 *   an occurrence's UID is followed by its RECURRENCE-ID in brackets
 */
char *
sem_ical_report_format_entry (const SemIcalReportEntry *entry)
{
  g_autofree char *uid = entry->recurrence_id != NULL
    ? g_strdup_printf ("%s [%s]", entry->uid, entry->recurrence_id)
    : g_strdup (entry->uid);

  return g_strdup_printf ("%s  %s  %s", outcome_label (entry->outcome), uid,
                          entry->outcome == SEM_ICAL_OUTCOME_SKIPPED && entry->reason != NULL
                          ? entry->reason : entry->title);
}

/**
 * sem_ical_report_format_totals:
 *
 * Returns: (transfer full): "N created, N updated, N unchanged, N skipped"
 */
char *
sem_ical_report_format_totals (SemIcalReport *self)
{
  g_return_val_if_fail (SEM_IS_ICAL_REPORT (self), NULL);

  return g_strdup_printf (_("%u created, %u updated, %u unchanged, %u skipped"),
                          self->counts[SEM_ICAL_OUTCOME_CREATED], self->counts[SEM_ICAL_OUTCOME_UPDATED],
                          self->counts[SEM_ICAL_OUTCOME_UNCHANGED], self->counts[SEM_ICAL_OUTCOME_SKIPPED]);
}

/* ---- merging ---------------------------------------------------------- */

typedef struct
{
  SemPlan       *plan;
  SemIcalImport *parsed;
  SemIcalReport *report;
  SemEvent      *event;        /* where new sessions go; may be NULL */
  const char    *lang;
  GHashTable    *by_ical_id;   /* "UID\nRECURRENCE-ID" → SemSession */
  GHashTable    *zones;        /* event id → GTimeZone */

  /* The dates of the last event checked: imports go into one event, and
   * finding the window means loading its time zone. */
  SemEntity     *window_event;
  gint64         window_from;
  gint64         window_until;

  /* New sessions, added in one edit at the end so views change once. */
  GPtrArray     *created;
  GHashTable    *created_ids;
  guint          next_number;

  /* Per import, not per session. */
  char          *title_property;        /* "title-en" or "title-bg" */
  char          *description_property;
} Merge;

static char *
ical_key (const char *uid,
          const char *recurrence_id)
{
  return g_strconcat (uid, "\n", recurrence_id ? recurrence_id : "", NULL);
}

static void
index_sessions (Merge *merge)
{
  GListModel *sessions = sem_plan_get_collection (merge->plan, SEM_COLLECTION_SESSIONS);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (sessions, i);
      const char *uid = sem_session_get_ical_uid (session);

      if (uid != NULL)
        g_hash_table_insert (merge->by_ical_id,
                             ical_key (uid, sem_session_get_ical_recurrence_id (session)), session);
    }
}

static GTimeZone *
zone_of_event (Merge      *merge,
               const char *event_id)
{
  GTimeZone *tz = g_hash_table_lookup (merge->zones, event_id);
  SemEntity *event;

  if (tz == NULL)
    {
      event = sem_plan_lookup (merge->plan, SEM_COLLECTION_EVENTS, event_id);
      if (event != NULL)
        tz = g_time_zone_new_identifier (sem_event_get_timezone (SEM_EVENT (event)));
      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      g_hash_table_insert (merge->zones, g_strdup (event_id), tz);
    }
  return tz;
}

/* A wall-clock time written as UTC, read in @tz instead. */
static gint64
wall_clock_in (gint64     wall,
               GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wall);
  g_autoptr(GDateTime) local = g_date_time_new (tz, g_date_time_get_year (utc),
                                                g_date_time_get_month (utc),
                                                g_date_time_get_day_of_month (utc),
                                                g_date_time_get_hour (utc),
                                                g_date_time_get_minute (utc),
                                                g_date_time_get_second (utc));

  return local != NULL ? g_date_time_to_unix (local) : wall;
}

static char *
text_property (const char *field,
               const char *lang)
{
  return g_strdup_printf ("%s-%s", field, g_strcmp0 (lang, "bg") == 0 ? "bg" : "en");
}

static char *
get_text (SemSession *session,
          const char *property)
{
  char *value = NULL;

  g_object_get (session, property, &value, NULL);
  return value;
}

static void
warn_outside_dates (Merge              *merge,
                    const SemIcalEvent *ical,
                    SemSession         *session)
{
  SemEntity *event = sem_plan_lookup (merge->plan, SEM_COLLECTION_EVENTS, sem_session_get_event (session));

  if (event == NULL)
    return;
  if (event != merge->window_event)
    {
      sem_ical_event_window (SEM_EVENT (event), &merge->window_from, &merge->window_until);
      merge->window_event = event;
    }
  if (sem_session_get_start (session) < merge->window_from ||
      sem_session_get_end (session) > merge->window_until)
    g_ptr_array_add (merge->report->warnings,
                     g_strdup_printf (_("%s: line %u: “%s” is outside the dates of the event “%s”; it was imported anyway"),
                                      sem_ical_import_get_display_name (merge->parsed), ical->line,
                                      sem_session_get_title (session, merge->lang),
                                      sem_entity_get_id (event)));
}

/* "EVENT-import-N", free in the plan, its tombstones and this import.
 * Written by hand: printf is a good part of the cost of a session. */
static char *
new_session_id (Merge      *merge,
                const char *event_id)
{
  g_autoptr(GString) id = g_string_new (event_id);
  gsize prefix;

  if (merge->next_number == 0)
    merge->next_number = g_list_model_get_n_items (sem_plan_get_collection (merge->plan, SEM_COLLECTION_SESSIONS)) + 1;

  g_string_append (id, "-import-");
  prefix = id->len;
  for (;; merge->next_number++)
    {
      char digits[16];
      guint n = merge->next_number, i = sizeof digits;

      do
        digits[--i] = '0' + n % 10;
      while ((n /= 10) > 0);
      g_string_truncate (id, prefix);
      g_string_append_len (id, digits + i, sizeof digits - i);

      if (sem_plan_lookup (merge->plan, SEM_COLLECTION_SESSIONS, id->str) == NULL &&
          sem_plan_find_tombstone (merge->plan, id->str) == NULL &&
          !g_hash_table_contains (merge->created_ids, id->str))
        return g_string_free (g_steal_pointer (&id), FALSE);
    }
}

static void
create_session (Merge              *merge,
                const SemIcalEvent *ical,
                gint64              start,
                gint64              end)
{
  const char *event_id = sem_entity_get_id (SEM_ENTITY (merge->event));
  char *id = new_session_id (merge, event_id);
  g_autoptr(SemSession) session = sem_session_new (id);
  const char *title = ical->summary != NULL ? ical->summary : _("Untitled");
  SemIcalReportEntry *entry;

  g_object_set (session,
                "event", event_id,
                merge->title_property, title,
                merge->description_property, ical->description,
                "start", start,
                "end", end,
                "status", ical->status,
                /* A partner's event is a session of the plenary kind until someone says otherwise. */
                "kind", SEM_SESSION_KIND_PLENARY,
                "ical-uid", ical->uid,
                "ical-recurrence-id", ical->recurrence_id,
                NULL);
  g_ptr_array_add (merge->created, g_object_ref (session));

  entry = report_add (merge->report,
                      sem_ical_report_entry_new (SEM_ICAL_OUTCOME_CREATED, ical->uid, ical->recurrence_id,
                                                 sem_session_get_title (session, merge->lang), NULL));
  entry->session_id = g_strdup (id);
  /* The set owns the id from here. */
  g_hash_table_add (merge->created_ids, id);
  warn_outside_dates (merge, ical, session);
}

static void
merge_one (Merge              *merge,
           const SemIcalEvent *ical)
{
  g_autofree char *own_id = ical->recurrence_id == NULL ? sem_ical_uid_to_id (merge->plan, ical->uid) : NULL;
  const char *title_property = merge->title_property;
  const char *description_property = merge->description_property;
  g_autofree char *key = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  SemIcalReportEntry *entry;
  SemSession *session;
  gboolean own = own_id != NULL;
  gboolean same_title, same_description, equal, wins;
  gint64 start = ical->start, end = ical->end;

  /* A programme's calendar carries the plan's own events as all-day entries. */
  if (sem_ical_uid_is_event (merge->plan, ical->uid))
    {
      report_add (merge->report,
                  sem_ical_report_entry_new (SEM_ICAL_OUTCOME_SKIPPED, ical->uid, ical->recurrence_id,
                                             ical->summary,
                                             _("this is one of the plan’s own events, not a session")));
      return;
    }

  if (own)
    {
      session = (SemSession *) sem_plan_lookup (merge->plan, SEM_COLLECTION_SESSIONS, own_id);
      if (session == NULL)
        {
          report_add (merge->report,
                      sem_ical_report_entry_new (SEM_ICAL_OUTCOME_SKIPPED, ical->uid, NULL, ical->summary,
                                                 _("the plan no longer has this session")));
          return;
        }
    }
  else
    {
      key = ical_key (ical->uid, ical->recurrence_id);
      session = g_hash_table_lookup (merge->by_ical_id, key);
    }

  if (ical->floating)
    {
      const char *event_id = session != NULL ? sem_session_get_event (session)
                             : merge->event != NULL ? sem_entity_get_id (SEM_ENTITY (merge->event)) : NULL;

      if (event_id != NULL)
        {
          start = wall_clock_in (start, zone_of_event (merge, event_id));
          end = wall_clock_in (end, zone_of_event (merge, event_id));
        }
    }

  if (session == NULL)
    {
      if (merge->event == NULL)
        report_add (merge->report,
                    sem_ical_report_entry_new (SEM_ICAL_OUTCOME_SKIPPED, ical->uid, ical->recurrence_id,
                                               ical->summary,
                                               _("no event given for new sessions (use --event)")));
      else
        create_session (merge, ical, start, end);
      return;
    }

  /* Our own export writes the title in one language with a fallback, and a
   * description and location of its own making: compare what it round-trips. */
  title = own ? g_strdup (sem_session_get_title (session, merge->lang)) : get_text (session, title_property);
  same_title = ical->summary == NULL || g_strcmp0 (title, ical->summary) == 0;
  if (!own)
    description = get_text (session, description_property);
  same_description = own || g_strcmp0 (description, ical->description) == 0;
  equal = same_title && same_description &&
          sem_session_get_start (session) == start && sem_session_get_end (session) == end &&
          sem_session_get_status (session) == ical->status;

  if (own)
    {
      gint64 revision = sem_entity_get_revision (SEM_ENTITY (session));

      wins = ical->sequence > revision ||
             (ical->sequence == revision &&
              ical->last_modified > sem_entity_get_modified (SEM_ENTITY (session)));
    }
  else
    /* A foreign SEQUENCE is not kept; what the plan changed since wins. */
    wins = ical->last_modified == 0 ||
           ical->last_modified > sem_entity_get_modified (SEM_ENTITY (session));

  if (equal || !wins)
    {
      entry = report_add (merge->report,
                          sem_ical_report_entry_new (equal ? SEM_ICAL_OUTCOME_UNCHANGED : SEM_ICAL_OUTCOME_SKIPPED,
                                                     ical->uid, ical->recurrence_id,
                                                     sem_session_get_title (session, merge->lang),
                                                     equal ? NULL : _("older than the plan’s version")));
      entry->session_id = g_strdup (sem_entity_get_id (SEM_ENTITY (session)));
      return;
    }

  sem_plan_begin_group (merge->plan, C_("undo action", "Import"));
  sem_plan_set (merge->plan, SEM_ENTITY (session), "start", start, "end", end, "status", ical->status, NULL);
  if (!same_title)
    sem_plan_set (merge->plan, SEM_ENTITY (session), title_property, ical->summary, NULL);
  if (!same_description)
    sem_plan_set (merge->plan, SEM_ENTITY (session), description_property, ical->description, NULL);
  sem_plan_end_group (merge->plan);

  entry = report_add (merge->report,
                      sem_ical_report_entry_new (SEM_ICAL_OUTCOME_UPDATED, ical->uid, ical->recurrence_id,
                                                 sem_session_get_title (session, merge->lang), NULL));
  entry->session_id = g_strdup (sem_entity_get_id (SEM_ENTITY (session)));
  warn_outside_dates (merge, ical, session);
}

/**
 * sem_ical_import_apply:
 * @event_id: (nullable): the event new sessions go to; without one, events
 *   that match no session are skipped
 * @lang: (nullable): "en" or "bg", the language of the calendar's texts
 *
 * Merges what sem_ical_import_parse () found into @plan, as one undoable
 * edit labelled “Import”. Call on the main thread.
 *
 * Returns: (transfer full): what became of each calendar event
 */
SemIcalReport *
sem_ical_import_apply (SemPlan       *plan,
                       SemIcalImport *parsed,
                       const char    *event_id,
                       const char    *lang)
{
  g_autoptr(SemIcalReport) report = NULL;
  g_autoptr(GHashTable) by_ical_id = NULL;
  g_autoptr(GHashTable) zones = NULL;
  Merge merge = { 0 };

  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SEM_IS_ICAL_IMPORT (parsed), NULL);

  report = g_object_new (SEM_TYPE_ICAL_REPORT, NULL);
  by_ical_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);

  merge.plan = plan;
  merge.parsed = parsed;
  merge.report = report;
  merge.lang = g_strcmp0 (lang, "bg") == 0 ? "bg" : "en";
  merge.by_ical_id = by_ical_id;
  merge.zones = zones;
  if (event_id != NULL)
    {
      SemEntity *event = sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, event_id);

      g_return_val_if_fail (event != NULL, NULL);
      merge.event = SEM_EVENT (event);
    }

  for (guint i = 0; i < parsed->warnings->len; i++)
    g_ptr_array_add (report->warnings, g_strdup (parsed->warnings->pdata[i]));
  for (guint i = 0; i < parsed->skipped->len; i++)
    {
      const SemIcalReportEntry *skipped = g_ptr_array_index (parsed->skipped, i);

      report_add (report, sem_ical_report_entry_new (skipped->outcome, skipped->uid, skipped->recurrence_id,
                                                     skipped->title, skipped->reason));
    }

  index_sessions (&merge);

  merge.created = g_ptr_array_new_with_free_func (g_object_unref);
  merge.created_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  merge.title_property = text_property ("title", merge.lang);
  merge.description_property = text_property ("description", merge.lang);

  sem_plan_begin_group (plan, C_("undo action", "Import"));
  for (guint i = 0; i < parsed->events->len; i++)
    merge_one (&merge, g_ptr_array_index (parsed->events, i));
  sem_plan_add_all (plan, merge.created);
  sem_plan_end_group (plan);

  g_ptr_array_unref (merge.created);
  g_hash_table_unref (merge.created_ids);
  g_free (merge.title_property);
  g_free (merge.description_property);

  return g_steal_pointer (&report);
}
