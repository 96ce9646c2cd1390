/* sem-document.h — a plan and the file it lives in: loading, saving, autosave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_TYPE_DOCUMENT (sem_document_get_type ())

G_DECLARE_FINAL_TYPE (SemDocument, sem_document, SEM, DOCUMENT, GObject)

#define SEM_DOCUMENT_AUTOSAVE_DELAY_MS 2000

SemDocument *sem_document_new               (SemPlan              *plan,
                                             GFile                *file);
void         sem_document_read_ahead        (GFile                *file);
void         sem_document_load_async        (GFile                *file,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
SemDocument *sem_document_load_finish       (GAsyncResult         *result,
                                             GError              **error);
SemPlan     *sem_document_get_plan          (SemDocument          *self);
GFile       *sem_document_get_file          (SemDocument          *self);
void         sem_document_set_file          (SemDocument          *self,
                                             GFile                *file);
gboolean     sem_document_get_modified      (SemDocument          *self);
const char  *sem_document_get_save_error    (SemDocument          *self);
guint        sem_document_get_autosave_delay (SemDocument         *self);
void         sem_document_set_autosave_delay (SemDocument         *self,
                                             guint                 delay_ms);
gboolean     sem_document_get_autosave      (SemDocument          *self);
void         sem_document_set_autosave      (SemDocument          *self,
                                             gboolean              autosave);
gboolean     sem_document_save              (SemDocument          *self,
                                             GError              **error);
void         sem_document_save_async        (SemDocument          *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     sem_document_save_finish       (SemDocument          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
