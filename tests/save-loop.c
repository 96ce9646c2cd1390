/* save-loop.c — the crash test's child: saves two plans in turn until killed
 *
 * Usage: save-loop TARGET PLAN-A PLAN-B
 * Loads both plans, says "ready" on stdout, then saves them alternately over
 * TARGET with sem_plan_codec_write_file() until it is killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "save-loop"

#include "config.h"

#include <stdio.h>

#include "sem-plan-codec.h"

static char *
load_and_serialise (const char *path,
                    gsize      *length)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_plan_codec_load_file (file, 0, NULL, &error);

  if (plan == NULL)
    {
      g_printerr ("save-loop: %s\n", error->message);
      exit (2);
    }
  return sem_plan_codec_to_data (plan, length);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data[2] = { NULL, NULL };
  gsize length[2];

  if (argc != 4)
    {
      g_printerr ("usage: save-loop TARGET PLAN-A PLAN-B\n");
      return 2;
    }

  data[0] = load_and_serialise (argv[2], &length[0]);
  data[1] = load_and_serialise (argv[3], &length[1]);
  printf ("ready\n");
  fflush (stdout);

  for (guint i = 0;; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!sem_plan_codec_write_file (argv[1], data[i % 2], length[i % 2], &error))
        {
          g_printerr ("save-loop: %s\n", error->message);
          return 1;
        }
    }
}
