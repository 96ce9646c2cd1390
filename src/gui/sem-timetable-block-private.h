/* sem-timetable-block-private.h — a session's block on the timetable
 *
 * For the timetable's own files, which read and set the block's fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sem-session.h"

G_BEGIN_DECLS

#define SEM_TYPE_TIMETABLE_BLOCK (sem_timetable_block_get_type ())
G_DECLARE_FINAL_TYPE (SemTimetableBlock, sem_timetable_block, SEM, TIMETABLE_BLOCK, GtkWidget)

struct _SemTimetableBlock
{
  GtkWidget   parent_instance;

  GtkWidget  *content;
  GtkWidget  *title;
  GtkWidget  *time;
  GtkWidget  *icon;
  GtkWidget  *handle;

  SemSession *session;
  GPtrArray  *cities;        /* SemCity: the attending delegations' cities */
  GPtrArray  *conflicts;     /* SemConflict: the session's, not accepted;
                              * explained only when a tooltip asks */
  gint64      start;         /* as shown: the model's, or a drag's preview */
  gint64      end;
  guint       lane;
  guint       column;        /* among the blocks overlapping it in its lane */
  guint       n_columns;
  guint       seen : 1;
};

G_END_DECLS
