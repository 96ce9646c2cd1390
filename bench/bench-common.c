/* bench-common.c — what the benchmarks share: a generated plan, timing, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-common"

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "sem-city.h"
#include "sem-delegation.h"
#include "sem-event.h"
#include "sem-person.h"
#include "sem-plan-codec.h"
#include "sem-plan-private.h"
#include "sem-programme.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-venue.h"

#include "bench-common.h"

void
bench_report (gint64 start_us)
{
  double seconds = (g_get_monotonic_time () - start_us) / (double) G_USEC_PER_SEC;
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%.4f %ld\n", seconds, usage.ru_maxrss);
}

GBytes *
bench_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  return g_bytes_new_take (data, length);
}

static void
add (GPtrArray *array,
     gpointer   entity)
{
  sem_entity_touch (SEM_ENTITY (entity), 1519113600);
  g_ptr_array_add (array, entity);
}

/* A plan shaped like the real ones: a few programmes, events of a few days,
 * rooms, delegates; every session with both languages and facilitators. */
SemPlan *
bench_generate_plan (guint    n_sessions,
                     gboolean with_sessions)
{
  static const char *cities[] = { "sofia", "patras", "thessaloniki", "iasi", "laquila",
                                  "ventspils", "granada", "amsterdam", "espoo", "brussels" };
  g_autoptr(SemPlan) plan = sem_plan_new ();
  g_autoptr(GPtrArray) batch = NULL;
  guint n_events = MAX (1, n_sessions / 100);
  guint n_rooms = 20;
  guint n_people = 500;

  batch = g_ptr_array_new_with_free_func (g_object_unref);
  add (batch, g_object_new (SEM_TYPE_PROGRAMME, "id", "dcc", "name-en", "Digital Cities Challenge",
                            "name-bg", "Предизвикателството „Дигиталните градове“",
                            "organiser", "European Commission", NULL));
  sem_plan_splice_loaded (plan, SEM_COLLECTION_PROGRAMMES, batch);

  g_ptr_array_set_size (batch, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    add (batch, g_object_new (SEM_TYPE_CITY, "id", cities[i], "name-en", cities[i], "name-bg", cities[i],
                              "country", "BE", "timezone", "Europe/Brussels", NULL));
  sem_plan_splice_loaded (plan, SEM_COLLECTION_CITIES, batch);

  g_ptr_array_set_size (batch, 0);
  add (batch, g_object_new (SEM_TYPE_VENUE, "id", "venue", "name-en", "Square Meeting Centre",
                            "name-bg", "Конгресен център „Скуеър“", "city", "brussels",
                            "timezone", "Europe/Brussels", NULL));
  sem_plan_splice_loaded (plan, SEM_COLLECTION_VENUES, batch);

  g_ptr_array_set_size (batch, 0);
  for (guint i = 0; i < n_rooms; i++)
    {
      g_autofree char *id = g_strdup_printf ("room-%u", i);
      g_autofree char *name = g_strdup_printf ("Room %u", i);
      add (batch, g_object_new (SEM_TYPE_ROOM, "id", id, "venue", "venue", "name-en", name,
                                "name-bg", name, "capacity", 40 + i, NULL));
    }
  sem_plan_splice_loaded (plan, SEM_COLLECTION_ROOMS, batch);

  g_ptr_array_set_size (batch, 0);
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *id = g_strdup_printf ("person-%u", i);
      g_autofree char *name = g_strdup_printf ("Delegate %u", i);
      g_autofree char *email = g_strdup_printf ("delegate%u@example.org", i);
      add (batch, g_object_new (SEM_TYPE_PERSON, "id", id, "name", name, "email", email,
                                "city", cities[i % G_N_ELEMENTS (cities)], "language", "en",
                                "roles", SEM_PERSON_ROLE_DELEGATE, NULL));
    }
  sem_plan_splice_loaded (plan, SEM_COLLECTION_PEOPLE, batch);

  g_ptr_array_set_size (batch, 0);
  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *id = g_strdup_printf ("event-%u", i);
      g_autofree char *title = g_strdup_printf ("Academy seminar %u", i);
      add (batch, g_object_new (SEM_TYPE_EVENT, "id", id, "programme", "dcc", "title-en", title,
                                "title-bg", title, "venue", "venue", "timezone", "Europe/Brussels",
                                "start-date", "2018-02-20", "end-date", "2018-02-21", NULL));
    }
  sem_plan_splice_loaded (plan, SEM_COLLECTION_EVENTS, batch);

  g_ptr_array_set_size (batch, 0);
  /* Without sessions: the same events, ready to import them into. */
  for (guint i = 0; with_sessions && i < n_sessions; i++)
    {
      g_autofree char *id = g_strdup_printf ("session-%u", i);
      g_autofree char *event = g_strdup_printf ("event-%u", i % n_events);
      g_autofree char *room = g_strdup_printf ("room-%u", i % n_rooms);
      g_autofree char *f1 = g_strdup_printf ("person-%u", i % n_people);
      g_autofree char *f2 = g_strdup_printf ("person-%u", (i * 7 + 3) % n_people);
      const char *facilitators[] = { f1, f2, NULL };
      gint64 start = 1519113600 + (gint64) (i % 40) * 1800;

      add (batch, g_object_new (SEM_TYPE_SESSION, "id", id, "event", event,
                                "kind", (int) (i % 7),
                                "title-en", "Blueprint cities share their practice",
                                "title-bg", "Градовете-пример споделят своя опит",
                                "description-en", "Open data, interactive city applications and tech hubs.",
                                "description-bg", "Отворени данни, интерактивни градски приложения и технологични центрове.",
                                "start", start, "end", start + 3600, "room", room,
                                "facilitators", facilitators, "language", "en",
                                "capacity", 60, "status", SEM_STATUS_CONFIRMED, NULL));
    }
  sem_plan_splice_loaded (plan, SEM_COLLECTION_SESSIONS, batch);

  return g_steal_pointer (&plan);
}

void
bench_write_durable (const char *path,
               const char *data,
               gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &error))
    g_error ("%s", error->message);
}

