/* sem-import-dialog.h — the progress of a calendar import, then what it did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-ical-import.h"

G_BEGIN_DECLS

#define SEM_TYPE_IMPORT_DIALOG (sem_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SemImportDialog, sem_import_dialog, SEM, IMPORT_DIALOG, AdwWindow)

SemImportDialog *sem_import_dialog_new          (GtkWindow            *parent);
void             sem_import_dialog_begin        (SemImportDialog      *self,
                                                 const char           *display_name,
                                                 SemIcalImportOptions *options,
                                                 GCancellable         *cancellable);
void             sem_import_dialog_add_report   (SemImportDialog      *self,
                                                 const char           *display_name,
                                                 SemIcalReport        *report);
void             sem_import_dialog_add_error    (SemImportDialog      *self,
                                                 const char           *display_name,
                                                 const char           *message);
void             sem_import_dialog_finish       (SemImportDialog      *self);
gboolean         sem_import_dialog_get_busy     (SemImportDialog      *self);

G_END_DECLS
