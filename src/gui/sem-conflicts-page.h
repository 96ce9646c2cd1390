/* sem-conflicts-page.h — the shown event's conflicts as a page of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-conflict-list.h"

G_BEGIN_DECLS

#define SEM_TYPE_CONFLICTS_PAGE (sem_conflicts_page_get_type ())

G_DECLARE_FINAL_TYPE (SemConflictsPage, sem_conflicts_page, SEM, CONFLICTS_PAGE, AdwBin)

GtkWidget       *sem_conflicts_page_new           (void);
SemConflictList *sem_conflicts_page_get_conflicts (SemConflictsPage *self);
void             sem_conflicts_page_set_conflicts (SemConflictsPage *self,
                                                   SemConflictList  *conflicts);

G_END_DECLS
