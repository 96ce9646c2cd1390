/* sem-conflict.h — the scheduling conflict engine: clashes of rooms, people, stays…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-plan.h"

G_BEGIN_DECLS

/**
 * SemConflictKind:
 * @SEM_CONFLICT_ROOM_DOUBLE_BOOKED: two overlapping sessions in one room (error)
 * @SEM_CONFLICT_PERSON_DOUBLE_BOOKED: a person facilitates or attends two overlapping
 *   sessions, across all events (error)
 * @SEM_CONFLICT_OUTSIDE_STAY: a delegate attends a session outside the delegation's
 *   arrival–departure days, in the event's timezone (warning)
 * @SEM_CONFLICT_OVER_CAPACITY: the expected attendance exceeds the room's capacity (warning)
 * @SEM_CONFLICT_OUTSIDE_EVENT_DATES: a session starts or ends outside its event's
 *   dates, in the event's timezone (error)
 * @SEM_CONFLICT_ENDS_BEFORE_START: a session whose end is not after its start (error)
 * @SEM_CONFLICT_MANDATORY_MISSED: a confirmed delegation has nobody in a session every
 *   delegation must attend (warning)
 * @SEM_CONFLICT_BUSY_ELSEWHERE: a person's or delegation's session overlaps their
 *   external busy time, e.g. from a linked feed (warning)
 * @SEM_CONFLICT_TRAVEL_TOO_SHORT: a person's consecutive sessions are in different
 *   venues with less than the travel buffer between them (warning)
 *
 * The nicks ("room-double-booked", …) are what `sofia-seminars check --json` prints.
 */
typedef enum
{
  SEM_CONFLICT_ROOM_DOUBLE_BOOKED,
  SEM_CONFLICT_PERSON_DOUBLE_BOOKED,
  SEM_CONFLICT_OUTSIDE_STAY,
  SEM_CONFLICT_OVER_CAPACITY,
  SEM_CONFLICT_OUTSIDE_EVENT_DATES,
  SEM_CONFLICT_ENDS_BEFORE_START,
  SEM_CONFLICT_MANDATORY_MISSED,
  SEM_CONFLICT_BUSY_ELSEWHERE,
  SEM_CONFLICT_TRAVEL_TOO_SHORT,
} SemConflictKind;

/**
 * SemConflictSeverity:
 * @SEM_CONFLICT_SEVERITY_WARNING: worth a look; the user may accept it
 * @SEM_CONFLICT_SEVERITY_ERROR: the plan cannot work as it is; cannot be accepted
 *
 * Ordered: a greater value is more severe.
 */
typedef enum
{
  SEM_CONFLICT_SEVERITY_WARNING,
  SEM_CONFLICT_SEVERITY_ERROR,
} SemConflictSeverity;

/**
 * SemConflictOwner:
 *
 * Whose external busy time an interval is.
 */
typedef enum
{
  SEM_CONFLICT_OWNER_PERSON,
  SEM_CONFLICT_OWNER_DELEGATION,
} SemConflictOwner;

#define SEM_TYPE_CONFLICT_KIND     (sem_conflict_kind_get_type ())
#define SEM_TYPE_CONFLICT_SEVERITY (sem_conflict_severity_get_type ())
#define SEM_TYPE_CONFLICT_OWNER    (sem_conflict_owner_get_type ())

GType sem_conflict_kind_get_type     (void) G_GNUC_CONST;
GType sem_conflict_severity_get_type (void) G_GNUC_CONST;
GType sem_conflict_owner_get_type    (void) G_GNUC_CONST;

/* Thirty minutes, the default of the "travel-buffer" setting. */
#define SEM_CONFLICT_DEFAULT_TRAVEL_BUFFER (30 * 60)

/**
 * SemConflictOptions:
 *
 * What a check takes besides the plan: the travel buffer, the language of
 * the explanations, and external busy intervals. By default the busy time
 * of the plan's feeds is used: every event cached in a feed is busy time
 * of the people and delegations the feed's `people` / `delegations` fields
 * name. Intervals added with sem_conflict_options_add_busy() come on top.
 */
typedef struct _SemConflictOptions SemConflictOptions;

#define SEM_TYPE_CONFLICT_OPTIONS (sem_conflict_options_get_type ())

GType               sem_conflict_options_get_type          (void) G_GNUC_CONST;
SemConflictOptions *sem_conflict_options_new               (void);
SemConflictOptions *sem_conflict_options_copy              (const SemConflictOptions *options);
void                sem_conflict_options_free              (SemConflictOptions       *options);
/* Seconds; at least 0. Default SEM_CONFLICT_DEFAULT_TRAVEL_BUFFER. */
void                sem_conflict_options_set_travel_buffer (SemConflictOptions       *options,
                                                            gint64                    seconds);
gint64              sem_conflict_options_get_travel_buffer (const SemConflictOptions *options);
/* "en" or "bg"; %NULL (the default) follows the user interface's locale. */
void                sem_conflict_options_set_language      (SemConflictOptions       *options,
                                                            const char               *lang);
const char         *sem_conflict_options_get_language      (const SemConflictOptions *options);
/* Whether the plan's feeds give busy time (default %TRUE). */
void                sem_conflict_options_set_use_feeds     (SemConflictOptions       *options,
                                                            gboolean                  use_feeds);
gboolean            sem_conflict_options_get_use_feeds     (const SemConflictOptions *options);
void                sem_conflict_options_add_busy          (SemConflictOptions       *options,
                                                            SemConflictOwner          owner_kind,
                                                            const char               *owner_id,
                                                            const char               *busy_id,
                                                            gint64                    start,
                                                            gint64                    end,
                                                            const char               *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SemConflictOptions, sem_conflict_options_free)

/**
 * SemConflict:
 *
 * One clash found by sem_conflict_check(); immutable. Its properties
 * ("kind", "severity", "id", "accepted", "explanation", "start") are read-only.
 *
 * - id: stable across runs and across unrelated edits, made of the kind and
 *   the involved ids, e.g. "room:ROOM:SESSION_A:SESSION_B" (session ids
 *   sorted), "person:PERSON:A:B", "stay:DELEGATION:PERSON:SESSION",
 *   "capacity:SESSION", "dates:SESSION", "ends-before-start:SESSION",
 *   "mandatory:DELEGATION:SESSION", "busy-person:PERSON:SESSION:BUSY_ID",
 *   "busy-delegation:DELEGATION:SESSION:BUSY_ID", "travel:PERSON:A:B".
 *   Give it to sem_plan_set_conflict_accepted() to accept a warning.
 * - accepted: a warning whose id the plan lists as accepted; errors never are.
 * - explanation: one translated sentence naming the sessions (titles in the
 *   options' language), people, rooms and the times in the event's timezone.
 * - start: the instant (Unix seconds, UTC) the clash begins, for sorting.
 * - sessions / people / rooms / delegations: the ids involved, each list
 *   sorted, never %NULL (maybe empty).
 */
#define SEM_TYPE_CONFLICT (sem_conflict_get_type ())

G_DECLARE_FINAL_TYPE (SemConflict, sem_conflict, SEM, CONFLICT, GObject)

SemConflictKind      sem_conflict_get_kind        (SemConflict *self);
SemConflictSeverity  sem_conflict_get_severity    (SemConflict *self);
const char          *sem_conflict_get_id          (SemConflict *self);
gboolean             sem_conflict_get_accepted    (SemConflict *self);
const char          *sem_conflict_get_explanation (SemConflict *self);
gboolean             sem_conflict_is_explained    (SemConflict *self);
gint64               sem_conflict_get_start       (SemConflict *self);
const char * const  *sem_conflict_get_sessions    (SemConflict *self);
const char * const  *sem_conflict_get_people      (SemConflict *self);
const char * const  *sem_conflict_get_rooms       (SemConflict *self);
const char * const  *sem_conflict_get_delegations (SemConflict *self);
gboolean             sem_conflict_involves_session (SemConflict *self,
                                                    const char  *session_id);

/* sem_conflict_check:
 * @event_id: (nullable): report only the conflicts involving a session of
 *   this event (people's clashes are still looked for across all events)
 * @options: (nullable): %NULL for the defaults
 *
 * Runs every rule over the plan in O(n log n + k): one sort-and-sweep per
 * room, person and delegation. Cancelled sessions and declined delegations
 * are left out; intervals are half-open, compared as UTC instants.
 *
 * Returns: (transfer full) (element-type SemConflict): the conflicts, errors
 *   first, then by start, then by id
 */
GPtrArray           *sem_conflict_check           (SemPlan                  *plan,
                                                   const char               *event_id,
                                                   const SemConflictOptions *options);
guint                sem_conflict_count_errors    (GPtrArray                *conflicts);
const char          *sem_conflict_kind_to_nick    (SemConflictKind           kind);

G_END_DECLS
