/* bench-common.h — what the benchmarks share: a generated plan, timing, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-plan.h"

G_BEGIN_DECLS

void     bench_report        (gint64      start_us);
GBytes  *bench_read_file     (const char *path);
void     bench_write_durable (const char *path,
                              const char *data,
                              gsize       length);
SemPlan *bench_generate_plan (guint       n_sessions,
                              gboolean    with_sessions);

G_END_DECLS
