/* sem-timetable.h — one day of an event: rooms as lanes, sessions as blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-conflict-list.h"
#include "sem-event.h"
#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_TYPE_TIMETABLE (sem_timetable_get_type ())

G_DECLARE_FINAL_TYPE (SemTimetable, sem_timetable, SEM, TIMETABLE, GtkWidget)

GtkWidget          *sem_timetable_new                (void);
SemPlan            *sem_timetable_get_plan           (SemTimetable    *self);
void                sem_timetable_set_plan           (SemTimetable    *self,
                                                      SemPlan         *plan);
SemEvent           *sem_timetable_get_event          (SemTimetable    *self);
void                sem_timetable_set_event          (SemTimetable    *self,
                                                      SemEvent        *event);
SemConflictList    *sem_timetable_get_conflicts      (SemTimetable    *self);
void                sem_timetable_set_conflicts      (SemTimetable    *self,
                                                      SemConflictList *conflicts);
/* The shown day, "YYYY-MM-DD" in the event's timezone. */
const char         *sem_timetable_get_day            (SemTimetable    *self);
void                sem_timetable_set_day            (SemTimetable    *self,
                                                      const char      *day);
/* The event's days ("YYYY-MM-DD", sorted): its dates and any day one of its
 * sessions starts on. */
const char * const *sem_timetable_get_days           (SemTimetable    *self);
/* The day @session_id starts on, in the event's timezone, or %NULL. */
char               *sem_timetable_dup_session_day    (SemTimetable    *self,
                                                      const char      *session_id);
/* Keeps the room headers on top while @vadjustment scrolls the grid. */
void                sem_timetable_set_vadjustment    (SemTimetable    *self,
                                                      GtkAdjustment   *vadjustment);
/* Focuses and highlights the block of @session_id on the shown day, and
 * scrolls the grid to it. */
gboolean            sem_timetable_focus_session      (SemTimetable    *self,
                                                      const char      *session_id);
/* The Pango markup of the block's tooltip: title, times, home times, conflicts. */
char               *sem_timetable_dup_tooltip        (SemTimetable    *self,
                                                      const char      *session_id);
/* Opens an editor for a new session on the shown day at 09:00. */
void                sem_timetable_add_session        (SemTimetable    *self);
/* The block of @session_id on the shown day, or %NULL. */
GtkWidget          *sem_timetable_get_block          (SemTimetable    *self,
                                                      const char      *session_id);

/* For tests: what the end of a pointer drag by (@dx, @dy) pixels does. */
void                sem_timetable_drag_session_for_test   (SemTimetable *self,
                                                           const char   *session_id,
                                                           double        dx,
                                                           double        dy);
void                sem_timetable_resize_session_for_test (SemTimetable *self,
                                                           const char   *session_id,
                                                           double        dy);
/* The height of an hour on the grid, in pixels. */
#define SEM_TIMETABLE_HOUR_HEIGHT 72

G_END_DECLS
