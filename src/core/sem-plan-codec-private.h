/* sem-plan-codec-private.h — shared by the plan file's reader, loader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sem-entity.h"
#include "sem-plan-codec.h"

G_BEGIN_DECLS

/* The parsed tree of a big plan is far bigger than the caches: what is read
 * next is asked for while the current entry is read. */
#ifdef __GNUC__
#define SEM_PREFETCH(address) __builtin_prefetch (address)
#else
#define SEM_PREFETCH(address) ((void) (address))
#endif

/* Where in the document we are; lives on the stack, formatted only on error. */
typedef struct _Path Path;
struct _Path
{
  const Path *parent;
  const char *member;   /* or NULL, then index */
  guint       index;
};

typedef struct
{
  const char  *display_name;
  GError     **error;
  GHashTable  *known_zones;   /* time zone names already found good */
} Reader;

/* How the reader finds a class's fields by member name; built once per class
 * and kept for the life of the process (see sem-plan-reader.c). */
typedef struct _ClassIndex ClassIndex;

/* The fields that the checks of an entity look at, found once per class. */
typedef struct
{
  const SemFieldInfo *start;
  const SemFieldInfo *end;
  const SemFieldInfo *start_date;
  const SemFieldInfo *end_date;
  const SemFieldInfo *timezone;
  const ClassIndex   *index;
} Checks;

gboolean   sem_plan_reader_fail        (Reader       *reader,
                                        SemPlanError  code,
                                        const Path   *path,
                                        const char   *format,
                                        ...) G_GNUC_PRINTF (4, 5);
const char *sem_plan_reader_node_string (JsonNode    *node);
void       sem_plan_reader_checks_init (Checks         *checks,
                                        SemEntityClass *klass);
SemEntity *sem_plan_reader_read_entity (Reader       *reader,
                                        const Path   *path,
                                        JsonNode     *node,
                                        GType         type,
                                        const Checks *checks);
void       sem_instant_format_into     (gint64        instant,
                                        char          out[21]);

G_END_DECLS
