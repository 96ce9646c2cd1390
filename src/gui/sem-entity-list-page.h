/* sem-entity-list-page.h — a searchable list of the plan's people or rooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-event-page.h"

G_BEGIN_DECLS

#define SEM_TYPE_ENTITY_LIST_PAGE (sem_entity_list_page_get_type ())

G_DECLARE_FINAL_TYPE (SemEntityListPage, sem_entity_list_page, SEM, ENTITY_LIST_PAGE, SemEventPage)

/* @collection: SEM_COLLECTION_PEOPLE or SEM_COLLECTION_ROOMS */
GtkWidget     *sem_entity_list_page_new            (SemCollection      collection);
SemCollection  sem_entity_list_page_get_collection (SemEntityListPage *self);

G_END_DECLS
