/* sem-test-util.h — what several tests share: a rich plan, a fake clock, comparisons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-plan.h"
#include "sem-plan-codec.h"
#include "sem-event.h"

G_BEGIN_DECLS

/* A small plan that sets every kind of field at least once. */
extern const char *const sem_test_rich_plan_json;

SemPlan   *sem_test_load_rich_plan     (void);
gint64     sem_test_clock_cb           (gpointer   user_data);

/* Detached copies of every entity (and tombstone) of @plan, in order. */
GPtrArray *sem_test_snapshot           (SemPlan   *plan);
void       sem_test_assert_snapshot    (SemPlan   *plan,
                                        GPtrArray *snapshot);

/* The plan file text without the stamps: every "revision" and "modified",
 * and the tombstones' "deleted". */
char      *sem_test_normalised_data    (SemPlan   *plan);

char      *sem_test_read_file          (const char *path,
                                        gsize      *length);
void       sem_test_write_file         (const char *path,
                                        const char *data,
                                        gssize      length);
SemPlan   *sem_test_load_path          (const char *path);
/* The sessions of one event (SemSession, borrowed from @plan), by start. */
GPtrArray *sem_test_event_sessions     (SemPlan    *plan,
                                        const char *event_id);
void       sem_test_remove_tree        (const char *dir);

/* Counts notifications: connect with the address of a guint as data. */
void       sem_test_count_notify_cb    (GObject    *object,
                                        GParamSpec *pspec,
                                        guint      *count);

/* The Unix time of @iso ("2018-02-20T08:30:00Z"), failing the test if it does not parse. */
gint64     sem_test_utc                (const char *iso);
/* The Brussels academy seminar of the demo plan (borrowed from @plan), or NULL. */
SemEvent  *sem_test_find_brussels_seminar (SemPlan *plan);

G_END_DECLS
