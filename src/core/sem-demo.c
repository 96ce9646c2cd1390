/* sem-demo.c — the bundled demo plan and the program's resources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-demo"

#include "config.h"

#include "sem-demo.h"
#include "sem-plan-codec.h"
#include "sem-resources.h"

/**
 * sem_resources_register:
 *
 * Makes the GResource under /org/sofia/Seminars available. The resources live
 * in a static library, so nothing registers them behind our back.
 */
void
sem_resources_register (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      sem_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

/**
 * sem_demo_get_bytes:
 *
 * Returns: (transfer full): the demo plan file, as bundled
 */
GBytes *
sem_demo_get_bytes (void)
{
  sem_resources_register ();
  return g_resources_lookup_data (SEM_DEMO_PLAN_RESOURCE, 0, NULL);
}

/**
 * sem_demo_load:
 *
 * Returns: (transfer full) (nullable): the demo plan
 */
SemPlan *
sem_demo_load (GError **error)
{
  g_autoptr(GBytes) bytes = sem_demo_get_bytes ();

  g_return_val_if_fail (bytes != NULL, NULL);

  return sem_plan_codec_load_bytes (bytes, "demo-plan.json", error);
}
