/* sem-cli-export.h — `sofia-seminars export`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sem_cli_export (int    argc,
                    char **argv);

G_END_DECLS
