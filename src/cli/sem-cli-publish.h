/* sem-cli-publish.h — `sofia-seminars publish` and `sofia-seminars serve`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sem_cli_publish (int    argc,
                     char **argv);
int sem_cli_serve   (int    argc,
                     char **argv);

G_END_DECLS
