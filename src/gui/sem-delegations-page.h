/* sem-delegations-page.h — the event's city delegations and who attends what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-event-page.h"

G_BEGIN_DECLS

#define SEM_TYPE_DELEGATIONS_PAGE (sem_delegations_page_get_type ())

G_DECLARE_FINAL_TYPE (SemDelegationsPage, sem_delegations_page, SEM, DELEGATIONS_PAGE, SemEventPage)

GtkWidget *sem_delegations_page_new             (void);
void       sem_delegations_page_show_delegation (SemDelegationsPage *self,
                                                 const char         *delegation_id);

G_END_DECLS
