/* sem-windows-zones.h — Windows timezone names (Outlook) to IANA names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *sem_windows_zone_to_iana (const char *name);

G_END_DECLS
