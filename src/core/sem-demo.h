/* sem-demo.h — the bundled demo plan and the program's resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_DEMO_PLAN_RESOURCE "/org/sofia/Seminars/demo-plan.json"

void     sem_resources_register (void);
GBytes  *sem_demo_get_bytes     (void);
SemPlan *sem_demo_load          (GError **error);

G_END_DECLS
