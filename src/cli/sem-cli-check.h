/* sem-cli-check.h — `sofia-seminars check`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sem_cli_check (int    argc,
                   char **argv);

G_END_DECLS
