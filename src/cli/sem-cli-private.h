/* sem-cli-private.h — what the headless commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int         sem_cli_fail          (const char     *message);
int         sem_cli_fail_usage    (GOptionContext *context,
                                   const char     *message);
const char *sem_cli_user_language (void);

G_END_DECLS
