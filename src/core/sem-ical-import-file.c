/* sem-ical-import-file.c — reading an .ics file, also on a worker thread
 *
 * Caps the file's size before reading it and hands the bytes to
 * sem_ical_import_parse (); the async variant runs both in a GTask thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-ical-import"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-ical.h"
#include "sem-ical-import-private.h"

/**
 * sem_ical_import_parse_file:
 *
 * Like sem_ical_import_parse (), reading @file first; a file over
 * %SEM_ICAL_IMPORT_MAX_BYTES is refused before it is read.
 *
 * Returns: (transfer full) (nullable): the events, or %NULL with @error set
 */
SemIcalImport *
sem_ical_import_parse_file (GFile                 *file,
                            SemIcalImportOptions  *options,
                            GCancellable          *cancellable,
                            GError               **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info != NULL)
    {
      size = g_file_info_get_size (info);
      if (size < 0 || (guint64) size > SEM_ICAL_IMPORT_MAX_BYTES)
        {
          g_autofree char *size_text = g_format_size (size);
          g_autofree char *max_text = g_format_size (SEM_ICAL_IMPORT_MAX_BYTES);

          g_set_error (error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_TOO_LARGE,
                       _("%s: the file is %s, more than the %s a calendar may have"),
                       display_name, size_text, max_text);
          return NULL;
        }
      bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
    }
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, local_error->code,
                     _("%s: could not read the file: %s"), display_name, local_error->message);
      return NULL;
    }

  return sem_ical_import_parse (bytes, display_name, options, cancellable, error);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SemIcalImportOptions *options = g_object_get_data (G_OBJECT (task), "options");
  GError *error = NULL;
  SemIcalImport *result = sem_ical_import_parse_file (task_data, options, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

/**
 * sem_ical_import_parse_async:
 * @options: (nullable): poll sem_ical_import_options_get_fraction () on it
 *   for progress
 *
 * Parses @file on a worker thread.
 */
void
sem_ical_import_parse_async (GFile                *file,
                             SemIcalImportOptions *options,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sem_ical_import_parse_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "options",
                          options != NULL ? sem_ical_import_options_ref (options)
                                          : sem_ical_import_options_new (),
                          (GDestroyNotify) sem_ical_import_options_unref);
  g_task_run_in_thread (task, parse_thread);
}

/**
 * sem_ical_import_parse_finish:
 *
 * Returns: (transfer full) (nullable): the events, or %NULL with @error set
 */
SemIcalImport *
sem_ical_import_parse_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
