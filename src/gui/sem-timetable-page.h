/* sem-timetable-page.h — the Timetable page: the event's days as tabs, a day's grid below
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-conflict-list.h"
#include "sem-event.h"
#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_TYPE_TIMETABLE_PAGE (sem_timetable_page_get_type ())

G_DECLARE_FINAL_TYPE (SemTimetablePage, sem_timetable_page, SEM, TIMETABLE_PAGE, AdwBin)

GtkWidget       *sem_timetable_page_new           (void);
SemPlan         *sem_timetable_page_get_plan      (SemTimetablePage *self);
void             sem_timetable_page_set_plan      (SemTimetablePage *self,
                                                   SemPlan          *plan);
SemEvent        *sem_timetable_page_get_event     (SemTimetablePage *self);
void             sem_timetable_page_set_event     (SemTimetablePage *self,
                                                   SemEvent         *event);
SemConflictList *sem_timetable_page_get_conflicts (SemTimetablePage *self);
void             sem_timetable_page_set_conflicts (SemTimetablePage *self,
                                                   SemConflictList  *conflicts);
void             sem_timetable_page_show_session  (SemTimetablePage *self,
                                                   const char       *session_id);

G_END_DECLS
