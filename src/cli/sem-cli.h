/* sem-cli.h — the headless commands of sofia-seminars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sem_cli_is_command (int    argc,
                             char **argv);
int      sem_cli_run        (int    argc,
                             char **argv);

G_END_DECLS
