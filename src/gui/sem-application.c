/* sem-application.c — placeholder, replaced by the GUI work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-application"

#include "config.h"

#include "sem-application.h"

struct _SemApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (SemApplication, sem_application, ADW_TYPE_APPLICATION)

static void
sem_application_class_init (SemApplicationClass *klass)
{
}

static void
sem_application_init (SemApplication *self)
{
}

SemApplication *
sem_application_new (void)
{
  return g_object_new (SEM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
