/* sem-tab-stop.h — a bin that Tab enters and leaves in one step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEM_TYPE_TAB_STOP (sem_tab_stop_get_type ())

G_DECLARE_FINAL_TYPE (SemTabStop, sem_tab_stop, SEM, TAB_STOP, AdwBin)

G_END_DECLS
