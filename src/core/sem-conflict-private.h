/* sem-conflict-private.h — what the conflict engine's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-conflict.h"
#include "sem-delegation.h"
#include "sem-event.h"
#include "sem-external-event.h"
#include "sem-feed.h"
#include "sem-person.h"
#include "sem-room.h"
#include "sem-session.h"

G_BEGIN_DECLS

typedef struct
{
  SemConflictOwner  owner_kind;
  char             *owner_id;
  char             *busy_id;
  gint64            start;
  gint64            end;
  char             *label;
} SemConflictBusy;

struct _SemConflictOptions
{
  gint64     travel_buffer;
  char      *lang;
  gboolean   use_feeds;
  GArray    *busy;   /* of SemConflictBusy */
};

/* What a conflict needs to write its explanation when first asked. */
typedef struct _SemConflictPending SemConflictPending;

SemConflict *sem_conflict_new_internal (SemConflictKind     kind,
                                        char               *id,
                                        gboolean            accepted,
                                        SemConflictPending *pending,
                                        gint64              start,
                                        GStrv               sessions,
                                        GStrv               people,
                                        GStrv               rooms,
                                        GStrv               delegations);

/* The engine's working state, shared by sem-conflict-collect.c (reading the
 * plan into flat arrays), sem-conflict-check.c (the rules) and
 * sem-conflict-explain.c (the sentences). Resources are interned to
 * indexes into these arrays; SEM_CONFLICT_NONE stands for none. */

#define SEM_CONFLICT_NONE G_MAXUINT32

typedef struct
{
  SemEvent  *event;
  GTimeZone *tz;
  gint64     day_start;   /* G_MININT64 when the event has no start date */
  gint64     day_end;     /* G_MAXINT64 when it has no end date */
  GArray    *confirmed;   /* guint32 indexes of its confirmed delegations */
  gint64     confirmed_size;
} SemConflictEvent;

typedef struct
{
  SemSession         *session;
  const char         *id;
  const char * const *facilitators;
  const char * const *audience_list;  /* its delegations or roles, by audience */
  gint64              start;
  gint64              end;
  guint32             event;
  guint32             room;
  guint32             venue;
  guint32             n_attending;
  guint8              audience;       /* SemAudience */
  guint               cancelled : 1;
  guint               valid : 1;      /* not cancelled, end after start */
  guint               in_scope : 1;   /* of the event the check was asked for */
  guint               mandatory : 1;
} SemConflictSession;

typedef struct
{
  SemRoom *room;
  guint32  venue;
  int      capacity;
} SemConflictRoom;

typedef struct
{
  SemDelegation *delegation;
  const char    *id;
  guint32        event;
  gboolean       confirmed;
  gint64         stay_start;
  gint64         stay_end;
  gint64         size;
  const char    *role;
} SemConflictDelegation;

typedef struct
{
  const char *id;
  SemPerson  *person;   /* NULL for an id the plan does not hold */
} SemConflictPerson;

typedef struct
{
  gint64            start;
  gint64            end;
  const char       *label;
  SemFeed          *feed;       /* with ext, or… */
  SemExternalEvent *ext;
  const char       *busy_id;    /* …an interval of the options */
} SemConflictBusyTime;

/* One resource's use of a session, or of a busy interval. */
typedef struct
{
  guint32 key;
  guint32 index;    /* into sessions, or into busy */
  gint64  start;
  gint64  end;
  guint32 flags;
  guint32 delegation;
} SemConflictItem;

enum {
  SEM_CONFLICT_ITEM_FACILITATES = 1 << 0,
  SEM_CONFLICT_ITEM_ATTENDS     = 1 << 1,
  SEM_CONFLICT_ITEM_BUSY        = 1 << 2,
};

typedef struct
{
  SemConflictKind kind;
  guint32         a;          /* session */
  guint32         b;          /* second session, or SEM_CONFLICT_NONE */
  guint32         person;
  guint32         delegation;
  guint32         busy;
  gint64          number;     /* expected attendance, gap… */
} SemConflictFound;

/* Sessions by object: a slot is the index plus one, 0 when empty. */
typedef struct
{
  guint32 *slots;
  gsize    mask;
} SemConflictSessionMap;

/* People by id: a slot is hash << 32 | (index + 1), 0 when empty, and
 * the id is compared through the people array. */
typedef struct
{
  guint64 *slots;
  gsize    mask;
  guint    n;
} SemConflictIdTable;

typedef struct
{
  SemPlan                  *plan;
  const SemConflictOptions *options;
  const char               *lang;
  GArray                   *events;       /* SemConflictEvent */
  GArray                   *sessions;     /* SemConflictSession */
  GArray                   *rooms;        /* SemConflictRoom */
  GArray                   *venues;       /* SemVenue * */
  GArray                   *delegations;  /* SemConflictDelegation */
  GArray                   *people;       /* SemConflictPerson */
  GArray                   *busy;         /* SemConflictBusyTime */
  GHashTable               *event_index;
  GHashTable               *room_index;
  GHashTable               *venue_index;
  GHashTable               *delegation_index;
  SemConflictIdTable        person_index;
  GArray                   *person_items;       /* SemConflictItem: facilitators and attendance */
  GArray                   *attendance;         /* SemConflictItem: key = person, one per pair */
  GArray                   *delegation_items;   /* SemConflictItem */
  GArray                   *person_busy;        /* SemConflictItem */
  GArray                   *delegation_busy;    /* SemConflictItem */
  GArray                   *mandatory_attended; /* guint64: delegation << 32 | session */
  GArray                   *found;        /* SemConflictFound */
  GArray                   *active;       /* guint32, scratch for the sweeps */
} SemConflictRun;

#define SEM_CONFLICT_SESSION(c, i)    (&g_array_index ((c)->sessions, SemConflictSession, (i)))
#define SEM_CONFLICT_EVENT(c, i)      (&g_array_index ((c)->events, SemConflictEvent, (i)))
#define SEM_CONFLICT_ROOM(c, i)       (&g_array_index ((c)->rooms, SemConflictRoom, (i)))
#define SEM_CONFLICT_DELEGATION(c, i) (&g_array_index ((c)->delegations, SemConflictDelegation, (i)))
#define SEM_CONFLICT_PERSON(c, i)     (&g_array_index ((c)->people, SemConflictPerson, (i)))
#define SEM_CONFLICT_BUSY(c, i)       (&g_array_index ((c)->busy, SemConflictBusyTime, (i)))

/* sem-conflict-collect.c */
void         sem_conflict_run_init      (SemConflictRun           *run,
                                         SemPlan                  *plan,
                                         const SemConflictOptions *options);
void         sem_conflict_run_clear     (SemConflictRun           *run);
void         sem_conflict_run_collect   (SemConflictRun           *run,
                                         const char               *event_id);

/* sem-conflict-index.c */
void         sem_conflict_session_map_init   (SemConflictSessionMap       *map,
                                              guint                        n);
void         sem_conflict_session_map_insert (SemConflictSessionMap       *map,
                                              SemSession                  *session,
                                              guint32                      index);
guint32      sem_conflict_session_map_lookup (SemConflictRun              *run,
                                              const SemConflictSessionMap *map,
                                              SemEntity                   *session);
void         sem_conflict_id_table_init      (SemConflictIdTable          *table,
                                              guint                        n);
void         sem_conflict_id_table_clear     (SemConflictIdTable          *table);
guint32      sem_conflict_run_find_person_n  (SemConflictRun              *run,
                                              const char                  *id,
                                              gsize                        len);
guint32      sem_conflict_run_find_person    (SemConflictRun              *run,
                                              const char                  *id);
void         sem_conflict_run_set_person     (SemConflictRun              *run,
                                              const char                  *id,
                                              guint32                      index);
guint32      sem_conflict_run_intern_person  (SemConflictRun              *run,
                                              const char                  *id);

/* sem-conflict-explain.c */
const char  *sem_conflict_ui_language   (const SemConflictOptions *options);
SemConflict *sem_conflict_explain       (SemConflictRun           *run,
                                         const SemConflictFound   *found);
char        *sem_conflict_pending_build (SemConflictPending       *pending);
void         sem_conflict_pending_free  (SemConflictPending       *pending);

G_END_DECLS
