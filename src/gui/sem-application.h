/* sem-application.h — the application: windows, app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEM_TYPE_APPLICATION (sem_application_get_type ())

G_DECLARE_FINAL_TYPE (SemApplication, sem_application, SEM, APPLICATION, AdwApplication)

SemApplication *sem_application_new (void);

G_END_DECLS
