/* sem-application-private.h — what only the application's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-application.h"

G_BEGIN_DECLS

void sem_application_install_actions (SemApplication *self);

G_END_DECLS
