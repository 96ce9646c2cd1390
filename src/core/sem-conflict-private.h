/* sem-conflict-private.h — what the conflict engine's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-conflict.h"

G_BEGIN_DECLS

typedef struct
{
  SemConflictOwner  owner_kind;
  char             *owner_id;
  char             *busy_id;
  gint64            start;
  gint64            end;
  char             *label;
} SemConflictBusy;

struct _SemConflictOptions
{
  gint64     travel_buffer;
  char      *lang;
  gboolean   use_feeds;
  GArray    *busy;   /* of SemConflictBusy */
};

SemConflict *sem_conflict_new_internal (SemConflictKind   kind,
                                        char             *id,
                                        gboolean          accepted,
                                        char             *explanation,
                                        gint64            start,
                                        GStrv             sessions,
                                        GStrv             people,
                                        GStrv             rooms,
                                        GStrv             delegations);

G_END_DECLS
