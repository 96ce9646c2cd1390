/* sem-event-page.h — the base of the pages that show one event of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-event.h"
#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_TYPE_EVENT_PAGE (sem_event_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SemEventPage, sem_event_page, SEM, EVENT_PAGE, AdwBin)

struct _SemEventPageClass
{
  AdwBinClass parent_class;

  /* The plan or the event is another one: show them afresh. @new_plan says
   * it is the plan, so nothing kept from the old one can be reused. */
  void (*rebind)       (SemEventPage *self,
                        gboolean      new_plan);
  /* The plan's "changed": an edit, an undo or a redo. */
  void (*plan_changed) (SemEventPage *self);
};

SemPlan  *sem_event_page_get_plan  (SemEventPage *self);
void      sem_event_page_set_plan  (SemEventPage *self,
                                    SemPlan      *plan);
SemEvent *sem_event_page_get_event (SemEventPage *self);
void      sem_event_page_set_event (SemEventPage *self,
                                    SemEvent     *event);

G_END_DECLS
