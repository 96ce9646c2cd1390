/* sem-plan-codec.h — the plan file: versioned JSON through json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_PLAN_FORMAT          "org.sofia.Seminars.plan"
#define SEM_PLAN_FORMAT_VERSION  1
#define SEM_PLAN_MAX_BYTES       (512u * 1024u * 1024u)
#define SEM_PLAN_MAX_DEPTH       64

#define SEM_PLAN_ERROR (sem_plan_error_quark ())

typedef enum
{
  SEM_PLAN_ERROR_IO,
  SEM_PLAN_ERROR_TOO_LARGE,
  SEM_PLAN_ERROR_EMPTY,
  SEM_PLAN_ERROR_SYNTAX,
  SEM_PLAN_ERROR_TOO_DEEP,
  SEM_PLAN_ERROR_NOT_A_PLAN,
  SEM_PLAN_ERROR_VERSION,
  SEM_PLAN_ERROR_TYPE,
  SEM_PLAN_ERROR_MISSING,
  SEM_PLAN_ERROR_INVALID,
  SEM_PLAN_ERROR_DUPLICATE,
  SEM_PLAN_ERROR_DANGLING,
} SemPlanError;

GQuark    sem_plan_error_quark       (void);

SemPlan  *sem_plan_codec_load_bytes  (GBytes        *bytes,
                                      const char    *display_name,
                                      GError       **error);
SemPlan  *sem_plan_codec_load_file   (GFile         *file,
                                      gsize          max_bytes,
                                      GCancellable  *cancellable,
                                      GError       **error);
JsonNode *sem_plan_codec_entity_to_json (SemEntity   *entity);
char     *sem_plan_codec_to_data     (SemPlan       *plan,
                                      gsize         *length);
gboolean  sem_plan_codec_write_file  (const char    *path,
                                      const char    *data,
                                      gsize          length,
                                      GError       **error);

gboolean  sem_instant_parse          (const char    *text,
                                      gint64        *out);
char     *sem_instant_format         (gint64         instant);
gboolean  sem_date_is_valid          (const char    *text);
gboolean  sem_id_is_valid            (const char    *id);

G_END_DECLS
