/* sem-cli-import.h — `sofia-seminars import PLAN IN.ics`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sem_cli_import (int    argc,
                    char **argv);

G_END_DECLS
