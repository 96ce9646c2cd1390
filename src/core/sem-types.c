/* sem-types.c — the enums shared by the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-types"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-types.h"

G_DEFINE_ENUM_TYPE (SemCityRole, sem_city_role,
  G_DEFINE_ENUM_VALUE (SEM_CITY_ROLE_PARTICIPANT, "participant"),
  G_DEFINE_ENUM_VALUE (SEM_CITY_ROLE_BLUEPRINT, "blueprint"),
  G_DEFINE_ENUM_VALUE (SEM_CITY_ROLE_PARTNER, "partner"))

G_DEFINE_ENUM_TYPE (SemEventKind, sem_event_kind,
  G_DEFINE_ENUM_VALUE (SEM_EVENT_KIND_ACADEMY_SEMINAR, "academy-seminar"),
  G_DEFINE_ENUM_VALUE (SEM_EVENT_KIND_OPENING_EVENT, "opening-event"),
  G_DEFINE_ENUM_VALUE (SEM_EVENT_KIND_WORKSHOP, "workshop"),
  G_DEFINE_ENUM_VALUE (SEM_EVENT_KIND_WEBINAR, "webinar"),
  G_DEFINE_ENUM_VALUE (SEM_EVENT_KIND_DISTANCE_COURSE, "distance-course"),
  G_DEFINE_ENUM_VALUE (SEM_EVENT_KIND_CONSULTATION, "consultation"),
  G_DEFINE_ENUM_VALUE (SEM_EVENT_KIND_STUDY_VISIT, "study-visit"))

G_DEFINE_ENUM_TYPE (SemEventMode, sem_event_mode,
  G_DEFINE_ENUM_VALUE (SEM_EVENT_MODE_IN_PERSON, "in-person"),
  G_DEFINE_ENUM_VALUE (SEM_EVENT_MODE_VIRTUAL, "virtual"),
  G_DEFINE_ENUM_VALUE (SEM_EVENT_MODE_HYBRID, "hybrid"))

G_DEFINE_ENUM_TYPE (SemStatus, sem_status,
  G_DEFINE_ENUM_VALUE (SEM_STATUS_TENTATIVE, "tentative"),
  G_DEFINE_ENUM_VALUE (SEM_STATUS_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (SEM_STATUS_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (SemSessionKind, sem_session_kind,
  G_DEFINE_ENUM_VALUE (SEM_SESSION_KIND_OPENING, "opening"),
  G_DEFINE_ENUM_VALUE (SEM_SESSION_KIND_PLENARY, "plenary"),
  G_DEFINE_ENUM_VALUE (SEM_SESSION_KIND_WORKSHOP, "workshop"),
  G_DEFINE_ENUM_VALUE (SEM_SESSION_KIND_SPECIAL, "special"),
  G_DEFINE_ENUM_VALUE (SEM_SESSION_KIND_TRAINING, "training"),
  G_DEFINE_ENUM_VALUE (SEM_SESSION_KIND_NETWORKING, "networking"),
  G_DEFINE_ENUM_VALUE (SEM_SESSION_KIND_BREAK, "break"))

G_DEFINE_ENUM_TYPE (SemAudience, sem_audience,
  G_DEFINE_ENUM_VALUE (SEM_AUDIENCE_ALL, "all"),
  G_DEFINE_ENUM_VALUE (SEM_AUDIENCE_DELEGATIONS, "delegations"),
  G_DEFINE_ENUM_VALUE (SEM_AUDIENCE_ROLES, "roles"))

G_DEFINE_ENUM_TYPE (SemDelegationStatus, sem_delegation_status,
  G_DEFINE_ENUM_VALUE (SEM_DELEGATION_STATUS_INVITED, "invited"),
  G_DEFINE_ENUM_VALUE (SEM_DELEGATION_STATUS_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (SEM_DELEGATION_STATUS_DECLINED, "declined"))

G_DEFINE_FLAGS_TYPE (SemPersonRole, sem_person_role,
  G_DEFINE_ENUM_VALUE (SEM_PERSON_ROLE_DELEGATE, "delegate"),
  G_DEFINE_ENUM_VALUE (SEM_PERSON_ROLE_EXPERT, "expert"),
  G_DEFINE_ENUM_VALUE (SEM_PERSON_ROLE_MENTOR, "mentor"),
  G_DEFINE_ENUM_VALUE (SEM_PERSON_ROLE_STAFF, "staff"))

/**
 * sem_enum_to_nick:
 * @enum_type: a registered enum type
 * @value: one of its values
 *
 * Returns: (transfer none) (nullable): the nick used in the plan file
 */
const char *
sem_enum_to_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

/**
 * sem_enum_to_label:
 * @enum_type: a registered enum type
 * @value: one of its values
 *
 * Returns: (transfer none): the translated name of @value, for people
 */
const char *
sem_enum_to_label (GType enum_type,
                   int   value)
{
  if (enum_type == SEM_TYPE_SESSION_KIND)
    {
      switch ((SemSessionKind) value)
        {
        case SEM_SESSION_KIND_OPENING: return C_("session kind", "Opening");
        case SEM_SESSION_KIND_PLENARY: return C_("session kind", "Plenary");
        case SEM_SESSION_KIND_WORKSHOP: return C_("session kind", "Workshop");
        case SEM_SESSION_KIND_SPECIAL: return C_("session kind", "Special session");
        case SEM_SESSION_KIND_TRAINING: return C_("session kind", "Training");
        case SEM_SESSION_KIND_NETWORKING: return C_("session kind", "Networking");
        case SEM_SESSION_KIND_BREAK: return C_("session kind", "Break");
        default: break;
        }
    }
  else if (enum_type == SEM_TYPE_EVENT_KIND)
    {
      switch ((SemEventKind) value)
        {
        case SEM_EVENT_KIND_ACADEMY_SEMINAR: return C_("event kind", "Academy seminar");
        case SEM_EVENT_KIND_OPENING_EVENT: return C_("event kind", "Opening event");
        case SEM_EVENT_KIND_WORKSHOP: return C_("event kind", "Workshop");
        case SEM_EVENT_KIND_WEBINAR: return C_("event kind", "Webinar");
        case SEM_EVENT_KIND_DISTANCE_COURSE: return C_("event kind", "Distance course");
        case SEM_EVENT_KIND_CONSULTATION: return C_("event kind", "Consultation");
        case SEM_EVENT_KIND_STUDY_VISIT: return C_("event kind", "Study visit");
        default: break;
        }
    }
  else if (enum_type == SEM_TYPE_EVENT_MODE)
    {
      switch ((SemEventMode) value)
        {
        case SEM_EVENT_MODE_IN_PERSON: return C_("event mode", "In person");
        case SEM_EVENT_MODE_VIRTUAL: return C_("event mode", "Online");
        case SEM_EVENT_MODE_HYBRID: return C_("event mode", "Hybrid");
        default: break;
        }
    }
  else if (enum_type == SEM_TYPE_STATUS)
    {
      switch ((SemStatus) value)
        {
        case SEM_STATUS_TENTATIVE: return C_("status", "Tentative");
        case SEM_STATUS_CONFIRMED: return C_("status", "Confirmed");
        case SEM_STATUS_CANCELLED: return C_("status", "Cancelled");
        default: break;
        }
    }
  else if (enum_type == SEM_TYPE_CITY_ROLE)
    {
      switch ((SemCityRole) value)
        {
        case SEM_CITY_ROLE_PARTICIPANT: return C_("city role", "Participant");
        case SEM_CITY_ROLE_BLUEPRINT: return C_("city role", "Blueprint city");
        case SEM_CITY_ROLE_PARTNER: return C_("city role", "Partner");
        default: break;
        }
    }
  else if (enum_type == SEM_TYPE_DELEGATION_STATUS)
    {
      switch ((SemDelegationStatus) value)
        {
        case SEM_DELEGATION_STATUS_INVITED: return C_("delegation status", "Invited");
        case SEM_DELEGATION_STATUS_CONFIRMED: return C_("delegation status", "Confirmed");
        case SEM_DELEGATION_STATUS_DECLINED: return C_("delegation status", "Declined");
        default: break;
        }
    }

  return sem_enum_to_nick (enum_type, value);
}
