/* sem-cli-feed.h — `sofia-seminars feed-add` and `sofia-seminars sync`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sem_cli_feed_add (int    argc,
                      char **argv);
int sem_cli_sync     (int    argc,
                      char **argv);

G_END_DECLS
