/* sem-application.h — the application: windows, app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEM_TYPE_APPLICATION (sem_application_get_type ())

G_DECLARE_FINAL_TYPE (SemApplication, sem_application, SEM, APPLICATION, AdwApplication)

SemApplication *sem_application_new                (void);
void            sem_application_read_ahead         (int             argc,
                                                    char           *argv[]);
GSettings      *sem_application_get_settings       (SemApplication *self);
GFile          *sem_application_get_default_plan   (SemApplication *self);
void            sem_application_remember_plan      (SemApplication *self,
                                                    GFile          *file);

G_END_DECLS
