/* sem-export-dialog.h — choose a calendar to export: what, in which language, where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-plan.h"
#include "sem-scope.h"

G_BEGIN_DECLS

#define SEM_TYPE_EXPORT_DIALOG (sem_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SemExportDialog, sem_export_dialog, SEM, EXPORT_DIALOG, AdwWindow)

SemExportDialog *sem_export_dialog_new            (GtkWindow       *parent,
                                                   SemPlan         *plan,
                                                   const char      *event_id);
SemPlan         *sem_export_dialog_get_plan       (SemExportDialog *self);
gboolean         sem_export_dialog_select         (SemExportDialog *self,
                                                   SemScope         scope,
                                                   const char      *id);
SemScope         sem_export_dialog_get_scope      (SemExportDialog *self);
const char      *sem_export_dialog_get_id         (SemExportDialog *self);
const char      *sem_export_dialog_get_language   (SemExportDialog *self);
guint            sem_export_dialog_get_count      (SemExportDialog *self);
char            *sem_export_dialog_suggest_name   (SemExportDialog *self);
void             sem_export_dialog_export_to_file (SemExportDialog *self,
                                                   GFile           *file);

G_END_DECLS
