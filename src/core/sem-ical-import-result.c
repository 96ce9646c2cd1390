/* sem-ical-import-result.c — what the parser found
 *
 * The SemIcalImport object the parser fills: the normalised events, the
 * events it refused and its warnings. Read-only once parsed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-ical-import"

#include "config.h"

#include "sem-ical-import-private.h"

G_DEFINE_FINAL_TYPE (SemIcalImport, sem_ical_import, G_TYPE_OBJECT)

void
sem_ical_event_free (SemIcalEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->uid);
  g_free (event->recurrence_id);
  g_free (event->summary);
  g_free (event->description);
  g_free (event->location);
  g_free (event);
}

SemIcalEvent *
sem_ical_event_copy (const SemIcalEvent *event)
{
  SemIcalEvent *copy = g_memdup2 (event, sizeof *event);

  copy->uid = g_strdup (event->uid);
  copy->recurrence_id = g_strdup (event->recurrence_id);
  copy->summary = g_strdup (event->summary);
  copy->description = g_strdup (event->description);
  copy->location = g_strdup (event->location);
  return copy;
}

static void
sem_ical_import_finalize (GObject *object)
{
  SemIcalImport *self = SEM_ICAL_IMPORT (object);

  g_free (self->display_name);
  g_ptr_array_unref (self->events);
  g_ptr_array_unref (self->skipped);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (sem_ical_import_parent_class)->finalize (object);
}

static void
sem_ical_import_class_init (SemIcalImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sem_ical_import_finalize;
}

static void
sem_ical_import_init (SemIcalImport *self)
{
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) sem_ical_event_free);
  self->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) sem_ical_report_entry_free);
  self->warnings = g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

const char *
sem_ical_import_get_display_name (SemIcalImport *self)
{
  g_return_val_if_fail (SEM_IS_ICAL_IMPORT (self), NULL);

  return self->display_name;
}

guint
sem_ical_import_get_n_events (SemIcalImport *self)
{
  g_return_val_if_fail (SEM_IS_ICAL_IMPORT (self), 0);

  return self->events->len;
}

/**
 * sem_ical_import_get_event:
 *
 * Returns: (transfer none): the @index-th event, in the file's order
 */
const SemIcalEvent *
sem_ical_import_get_event (SemIcalImport *self,
                           guint          index)
{
  g_return_val_if_fail (SEM_IS_ICAL_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);

  return g_ptr_array_index (self->events, index);
}

/**
 * sem_ical_import_get_warnings:
 *
 * Returns: (transfer none): what the file did that the user should know
 */
const char * const *
sem_ical_import_get_warnings (SemIcalImport *self)
{
  g_return_val_if_fail (SEM_IS_ICAL_IMPORT (self), NULL);

  return (const char * const *) self->warnings->pdata;
}

/**
 * sem_ical_import_get_n_lic_errors:
 *
 * Returns: how many X-LIC-ERROR properties the file had or libical added
 */
guint
sem_ical_import_get_n_lic_errors (SemIcalImport *self)
{
  g_return_val_if_fail (SEM_IS_ICAL_IMPORT (self), 0);

  return self->n_lic_errors;
}
