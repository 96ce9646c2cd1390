/* sem-types.h — forward declarations and the enums shared by the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SemCity           SemCity;
typedef struct _SemCommand        SemCommand;
typedef struct _SemDelegation     SemDelegation;
typedef struct _SemDocument       SemDocument;
typedef struct _SemEntity         SemEntity;
typedef struct _SemEvent          SemEvent;
typedef struct _SemExternalEvent  SemExternalEvent;
typedef struct _SemFeed           SemFeed;
typedef struct _SemHistory        SemHistory;
typedef struct _SemPerson         SemPerson;
typedef struct _SemPlan           SemPlan;
typedef struct _SemProgramme      SemProgramme;
typedef struct _SemRoom           SemRoom;
typedef struct _SemSession        SemSession;
typedef struct _SemTombstone      SemTombstone;
typedef struct _SemVenue          SemVenue;

/* The plan's collections, in the order they are stored in the file. */
typedef enum
{
  SEM_COLLECTION_PROGRAMMES,
  SEM_COLLECTION_CITIES,
  SEM_COLLECTION_VENUES,
  SEM_COLLECTION_ROOMS,
  SEM_COLLECTION_PEOPLE,
  SEM_COLLECTION_EVENTS,
  SEM_COLLECTION_SESSIONS,
  SEM_COLLECTION_DELEGATIONS,
  SEM_COLLECTION_FEEDS,
  SEM_N_COLLECTIONS,
  SEM_COLLECTION_NONE = SEM_N_COLLECTIONS,
} SemCollection;

typedef enum
{
  SEM_CITY_ROLE_PARTICIPANT,
  SEM_CITY_ROLE_BLUEPRINT,
  SEM_CITY_ROLE_PARTNER,
} SemCityRole;

typedef enum
{
  SEM_EVENT_KIND_ACADEMY_SEMINAR,
  SEM_EVENT_KIND_OPENING_EVENT,
  SEM_EVENT_KIND_WORKSHOP,
  SEM_EVENT_KIND_WEBINAR,
  SEM_EVENT_KIND_DISTANCE_COURSE,
  SEM_EVENT_KIND_CONSULTATION,
  SEM_EVENT_KIND_STUDY_VISIT,
} SemEventKind;

typedef enum
{
  SEM_EVENT_MODE_IN_PERSON,
  SEM_EVENT_MODE_VIRTUAL,
  SEM_EVENT_MODE_HYBRID,
} SemEventMode;

typedef enum
{
  SEM_STATUS_TENTATIVE,
  SEM_STATUS_CONFIRMED,
  SEM_STATUS_CANCELLED,
} SemStatus;

typedef enum
{
  SEM_SESSION_KIND_OPENING,
  SEM_SESSION_KIND_PLENARY,
  SEM_SESSION_KIND_WORKSHOP,
  SEM_SESSION_KIND_SPECIAL,
  SEM_SESSION_KIND_TRAINING,
  SEM_SESSION_KIND_NETWORKING,
  SEM_SESSION_KIND_BREAK,
} SemSessionKind;

typedef enum
{
  SEM_AUDIENCE_ALL,
  SEM_AUDIENCE_DELEGATIONS,
  SEM_AUDIENCE_ROLES,
} SemAudience;

typedef enum
{
  SEM_DELEGATION_STATUS_INVITED,
  SEM_DELEGATION_STATUS_CONFIRMED,
  SEM_DELEGATION_STATUS_DECLINED,
} SemDelegationStatus;

typedef enum
{
  SEM_PERSON_ROLE_NONE     = 0,
  SEM_PERSON_ROLE_DELEGATE = 1 << 0,
  SEM_PERSON_ROLE_EXPERT   = 1 << 1,
  SEM_PERSON_ROLE_MENTOR   = 1 << 2,
  SEM_PERSON_ROLE_STAFF    = 1 << 3,
} SemPersonRole;

#define SEM_TYPE_CITY_ROLE         (sem_city_role_get_type ())
#define SEM_TYPE_EVENT_KIND        (sem_event_kind_get_type ())
#define SEM_TYPE_EVENT_MODE        (sem_event_mode_get_type ())
#define SEM_TYPE_STATUS            (sem_status_get_type ())
#define SEM_TYPE_SESSION_KIND      (sem_session_kind_get_type ())
#define SEM_TYPE_AUDIENCE          (sem_audience_get_type ())
#define SEM_TYPE_DELEGATION_STATUS (sem_delegation_status_get_type ())
#define SEM_TYPE_PERSON_ROLE       (sem_person_role_get_type ())

GType sem_city_role_get_type         (void) G_GNUC_CONST;
GType sem_event_kind_get_type        (void) G_GNUC_CONST;
GType sem_event_mode_get_type        (void) G_GNUC_CONST;
GType sem_status_get_type            (void) G_GNUC_CONST;
GType sem_session_kind_get_type      (void) G_GNUC_CONST;
GType sem_audience_get_type          (void) G_GNUC_CONST;
GType sem_delegation_status_get_type (void) G_GNUC_CONST;
GType sem_person_role_get_type       (void) G_GNUC_CONST;

const char *sem_enum_to_nick      (GType        enum_type,
                                   int          value);
const char *sem_enum_to_label     (GType        enum_type,
                                   int          value);

G_END_DECLS
