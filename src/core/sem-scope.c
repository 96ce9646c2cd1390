/* sem-scope.c — which sessions belong to an event, a delegation, a person…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-scope"

#include "config.h"

#include <string.h>

#include "sem-delegation.h"
#include "sem-entity-private.h"
#include "sem-event.h"
#include "sem-programme.h"
#include "sem-scope.h"
#include "sem-session.h"
#include "sem-tombstone.h"

static const char *
programme_role_of (SemPlan    *plan,
                   const char *event_id,
                   const char *city_id)
{
  SemEntity *event = sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, event_id);
  SemEntity *programme;
  const char * const *cities;
  gsize city_len = strlen (city_id);

  if (event == NULL)
    return NULL;
  programme = sem_plan_lookup (plan, SEM_COLLECTION_PROGRAMMES, sem_event_get_programme (SEM_EVENT (event)));
  if (programme == NULL)
    return NULL;

  cities = sem_programme_get_cities (SEM_PROGRAMME (programme));
  for (guint i = 0; cities != NULL && cities[i] != NULL; i++)
    if (strncmp (cities[i], city_id, city_len) == 0 && cities[i][city_len] == ':')
      return cities[i] + city_len + 1;
  return NULL;
}

/**
 * sem_scope_session_open_to:
 *
 * Returns: whether @delegation may attend @session: it is open to everyone,
 *   to this delegation, or to the role its city has in the programme
 */
gboolean
sem_scope_session_open_to (SemPlan       *plan,
                           SemSession    *session,
                           SemDelegation *delegation)
{
  const char * const *list;
  const char *role;

  if (g_strcmp0 (sem_session_get_event (session), sem_delegation_get_event (delegation)) != 0)
    return FALSE;

  switch (sem_session_get_audience (session))
    {
    case SEM_AUDIENCE_ALL:
      return TRUE;
    case SEM_AUDIENCE_DELEGATIONS:
      list = sem_session_get_audience_delegations (session);
      return list != NULL &&
             g_strv_contains (list, sem_entity_get_id (SEM_ENTITY (delegation)));
    case SEM_AUDIENCE_ROLES:
      list = sem_session_get_audience_roles (session);
      role = programme_role_of (plan, sem_session_get_event (session),
                                sem_delegation_get_city (delegation));
      return list != NULL && role != NULL && g_strv_contains (list, role);
    default:
      return FALSE;
    }
}

static gboolean
attendance_has (const char * const *pairs,
                const char         *person_id,
                const char         *session_id)
{
  gsize person_len = person_id != NULL ? strlen (person_id) : 0;

  /* A NULL @person_id matches anyone's attendance. */
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
    if ((person_id == NULL ||
         (strncmp (pairs[i], person_id, person_len) == 0 && pairs[i][person_len] == ':')) &&
        g_str_equal (strchr (pairs[i], ':') + 1, session_id))
      return TRUE;
  return FALSE;
}

/**
 * sem_scope_person_takes_part:
 *
 * Returns: whether the person facilitates @session or attends it with a delegation
 */
gboolean
sem_scope_person_takes_part (SemPlan    *plan,
                             SemSession *session,
                             const char *person_id)
{
  const char * const *facilitators = sem_session_get_facilitators (session);
  GListModel *delegations = sem_plan_get_collection (plan, SEM_COLLECTION_DELEGATIONS);
  const char *session_id = sem_entity_get_id (SEM_ENTITY (session));

  if (facilitators != NULL && g_strv_contains (facilitators, person_id))
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (delegations); i++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (delegations, i);

      if (attendance_has (sem_delegation_get_attendance (delegation), person_id, session_id))
        return TRUE;
    }
  return FALSE;
}

/**
 * sem_scope_people_of:
 *
 * Returns: (transfer full): the people whose own calendars hold @session
 */
GStrv
sem_scope_people_of (SemPlan    *plan,
                     SemSession *session)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *facilitators = sem_session_get_facilitators (session);
  GListModel *delegations = sem_plan_get_collection (plan, SEM_COLLECTION_DELEGATIONS);
  const char *session_id = sem_entity_get_id (SEM_ENTITY (session));

  for (guint i = 0; facilitators != NULL && facilitators[i] != NULL; i++)
    if (g_hash_table_add (seen, g_strdup (facilitators[i])))
      g_strv_builder_add (builder, facilitators[i]);

  for (guint i = 0; i < g_list_model_get_n_items (delegations); i++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (delegations, i);
      const char * const *pairs = sem_delegation_get_attendance (delegation);

      for (guint k = 0; pairs != NULL && pairs[k] != NULL; k++)
        {
          const char *colon = strchr (pairs[k], ':');
          g_autofree char *person = g_strndup (pairs[k], colon - pairs[k]);

          if (g_str_equal (colon + 1, session_id) && !g_hash_table_contains (seen, person))
            {
              g_strv_builder_add (builder, person);
              g_hash_table_add (seen, g_steal_pointer (&person));
            }
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * sem_scope_delegations_of:
 *
 * Returns: (transfer full): the delegations whose calendars hold @session
 */
GStrv
sem_scope_delegations_of (SemPlan    *plan,
                          SemSession *session)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *delegations = sem_plan_get_collection (plan, SEM_COLLECTION_DELEGATIONS);

  for (guint i = 0; i < g_list_model_get_n_items (delegations); i++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (delegations, i);

      if (sem_scope_session_open_to (plan, session, delegation) ||
          attendance_has (sem_delegation_get_attendance (delegation), NULL,
                          sem_entity_get_id (SEM_ENTITY (session))))
        g_strv_builder_add (builder, sem_entity_get_id (SEM_ENTITY (delegation)));
    }

  return g_strv_builder_end (builder);
}

/**
 * sem_scope_lookup:
 *
 * Returns: (transfer none) (nullable): the event, programme, delegation,
 *   person or room that @scope and @id name
 */
SemEntity *
sem_scope_lookup (SemPlan    *plan,
                  SemScope    scope,
                  const char *id)
{
  static const SemCollection collections[] = {
    [SEM_SCOPE_EVENT] = SEM_COLLECTION_EVENTS,
    [SEM_SCOPE_PROGRAMME] = SEM_COLLECTION_PROGRAMMES,
    [SEM_SCOPE_DELEGATION] = SEM_COLLECTION_DELEGATIONS,
    [SEM_SCOPE_PERSON] = SEM_COLLECTION_PEOPLE,
    [SEM_SCOPE_ROOM] = SEM_COLLECTION_ROOMS,
  };

  g_return_val_if_fail (scope < G_N_ELEMENTS (collections), NULL);

  return sem_plan_lookup (plan, collections[scope], id);
}

static gboolean
session_in_scope (SemPlan    *plan,
                  SemSession *session,
                  SemScope    scope,
                  SemEntity  *owner)
{
  const char *id = sem_entity_get_id (owner);
  SemEntity *event;

  switch (scope)
    {
    case SEM_SCOPE_EVENT:
      return g_strcmp0 (sem_session_get_event (session), id) == 0;
    case SEM_SCOPE_PROGRAMME:
      event = sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, sem_session_get_event (session));
      return event != NULL && g_strcmp0 (sem_event_get_programme (SEM_EVENT (event)), id) == 0;
    case SEM_SCOPE_DELEGATION:
      return sem_scope_session_open_to (plan, session, SEM_DELEGATION (owner)) ||
             attendance_has (sem_delegation_get_attendance (SEM_DELEGATION (owner)), NULL,
                             sem_entity_get_id (SEM_ENTITY (session)));
    case SEM_SCOPE_PERSON:
      return sem_scope_person_takes_part (plan, session, id);
    case SEM_SCOPE_ROOM:
      return g_strcmp0 (sem_session_get_room (session), id) == 0;
    default:
      g_assert_not_reached ();
    }
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  SemSession *x = *(SemSession **) a;
  SemSession *y = *(SemSession **) b;

  if (sem_session_get_start (x) != sem_session_get_start (y))
    return sem_session_get_start (x) < sem_session_get_start (y) ? -1 : 1;
  return strcmp (sem_entity_get_id (SEM_ENTITY (x)), sem_entity_get_id (SEM_ENTITY (y)));
}

/**
 * sem_scope_sessions:
 * @id: the id of the event, programme, delegation, person or room
 *
 * Returns: (transfer full) (element-type SemSession): the sessions in scope,
 *   by start time then id, or %NULL if @id names nothing
 */
GPtrArray *
sem_scope_sessions (SemPlan    *plan,
                    SemScope    scope,
                    const char *id)
{
  SemEntity *owner = sem_scope_lookup (plan, scope, id);
  GListModel *sessions = sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS);
  GPtrArray *result;

  if (owner == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (sessions, i);

      if (session_in_scope (plan, session, scope, owner))
        g_ptr_array_add (result, g_steal_pointer (&session));
    }
  g_ptr_array_sort (result, compare_by_start);

  return result;
}

/**
 * sem_scope_tombstones:
 * @since: only sessions deleted at or after this instant
 *
 * Returns: (transfer full) (element-type SemTombstone): the deleted sessions
 *   that the calendars of this scope held, by start time then id
 */
GPtrArray *
sem_scope_tombstones (SemPlan    *plan,
                      SemScope    scope,
                      const char *id,
                      gint64      since)
{
  GListModel *tombstones = sem_plan_get_tombstones (plan);
  SemEntity *owner = sem_scope_lookup (plan, scope, id);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; owner != NULL && i < g_list_model_get_n_items (tombstones); i++)
    {
      g_autoptr(SemTombstone) tombstone = g_list_model_get_item (tombstones, i);
      const char *event_id = sem_tombstone_get_event (tombstone);
      const char * const *list = NULL;
      SemEntity *event;
      gboolean in_scope = FALSE;

      if (sem_tombstone_get_deleted (tombstone) < since || sem_tombstone_get_start (tombstone) == 0)
        continue;

      switch (scope)
        {
        case SEM_SCOPE_EVENT:
          in_scope = g_strcmp0 (event_id, id) == 0;
          break;
        case SEM_SCOPE_PROGRAMME:
          event = sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, event_id);
          in_scope = event != NULL && g_strcmp0 (sem_event_get_programme (SEM_EVENT (event)), id) == 0;
          break;
        case SEM_SCOPE_DELEGATION:
          list = sem_tombstone_get_delegations (tombstone);
          in_scope = list != NULL && g_strv_contains (list, id);
          break;
        case SEM_SCOPE_PERSON:
          list = sem_tombstone_get_people (tombstone);
          in_scope = list != NULL && g_strv_contains (list, id);
          break;
        case SEM_SCOPE_ROOM:
          in_scope = g_strcmp0 (sem_tombstone_get_room (tombstone), id) == 0;
          break;
        default:
          g_assert_not_reached ();
        }

      if (in_scope)
        g_ptr_array_add (result, g_steal_pointer (&tombstone));
    }

  return result;
}
