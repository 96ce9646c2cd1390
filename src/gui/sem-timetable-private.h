/* sem-timetable-private.h — what the timetable's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-timetable.h"
#include "sem-timetable-block-private.h"
#include "sem-window-private.h"

G_BEGIN_DECLS

#define HEADER_HEIGHT   40
#define GRID_TOP        (HEADER_HEIGHT + 12)
#define GRID_BOTTOM_PAD 12
#define GUTTER_WIDTH    60
#define RIGHT_PAD       8
#define MIN_LANE_WIDTH  128
#define NAT_LANE_WIDTH  200
#define HANDLE_HEIGHT   6
#define SNAP_SECONDS    (15 * 60)
#define PX_PER_SECOND   (SEM_TIMETABLE_HOUR_HEIGHT / 3600.0)

typedef struct
{
  char      *room_id;  /* NULL: the sessions without a room */
  GtkWidget *header;
} Lane;

struct _SemTimetable
{
  GtkWidget        parent_instance;

  /* owned */
  SemPlan         *plan;
  SemEvent        *event;
  SemConflictList *conflicts;
  GListModel      *conflict_model;
  GtkAdjustment   *vadjustment;
  GTimeZone       *tz;
  char            *day;
  GStrv            days;
  GPtrArray       *lanes;          /* Lane */
  GHashTable      *blocks;         /* session id → SemTimetableBlock (a child) */
  GtkWidget       *now_line;       /* children, in this order: blocks, now line, */
  GtkWidget       *header_bg;      /* header background, room headers */
  GtkGesture      *drag;
  char            *highlight_id;
  guint            n_sessions;     /* of the event, all days */
  guint            now_timer_id;
  guint            highlight_id_timeout;
  guint            scroll_idle_id;
  double           scroll_to;      /* < 0: nothing pending */

  /* the day's grid, in the event's timezone */
  gint64           day_start;
  gint64           day_end;
  gint64           grid_start;
  int              first_hour;
  int              last_hour;

  /* a drag in progress */
  SemTimetableBlock *drag_block;
  gboolean         drag_resize;
  gboolean         dragging;
  gboolean         drag_cancelled;
  double           drag_x;
  double           drag_y;
};

static inline const char *
lang (void)
{
  return sem_window_ui_language ();
}

/* sem-timetable-block.c */
char       *_sem_timetable_block_dup_tooltip      (SemTimetable      *self,
                                                   SemTimetableBlock *block);
gboolean    _sem_timetable_block_query_tooltip_cb (GtkWidget         *widget,
                                                   int                x,
                                                   int                y,
                                                   gboolean           keyboard_mode,
                                                   GtkTooltip        *tooltip,
                                                   gpointer           user_data);
void        _sem_timetable_block_update           (SemTimetable      *self,
                                                   SemTimetableBlock *block);
void        _sem_timetable_update_marks           (SemTimetable      *self);

/* sem-timetable-layout.c: the event's time, the lanes, layout and drawing */
GDateTime  *_sem_timetable_local_time            (SemTimetable      *self,
                                                   gint64             instant);
char       *_sem_timetable_format_range          (GTimeZone         *tz,
                                                   gint64             start,
                                                   gint64             end);
char       *_sem_timetable_day_of                (SemTimetable      *self,
                                                   gint64             instant);
gint64      _sem_timetable_local_instant         (SemTimetable      *self,
                                                   const char        *day,
                                                   int                hour);
double      _sem_timetable_y_for_instant         (SemTimetable      *self,
                                                   gint64             instant);
double      _sem_timetable_lane_width            (SemTimetable      *self);
void        _sem_timetable_lane_free             (gpointer           data);
GPtrArray  *_sem_timetable_collect_lanes         (SemTimetable      *self,
                                                   GPtrArray         *event_sessions);
void        _sem_timetable_set_lanes             (SemTimetable      *self,
                                                   GPtrArray         *ids);
guint       _sem_timetable_lane_for_room         (SemTimetable      *self,
                                                   const char        *room_id);
void        _sem_timetable_measure               (GtkWidget         *widget,
                                                   GtkOrientation     orientation,
                                                   int                for_size,
                                                   int               *minimum,
                                                   int               *natural,
                                                   int               *minimum_baseline,
                                                   int               *natural_baseline);
void        _sem_timetable_size_allocate         (GtkWidget         *widget,
                                                   int                width,
                                                   int                height,
                                                   int                baseline);
void        _sem_timetable_snapshot              (GtkWidget         *widget,
                                                   GtkSnapshot       *snapshot);

/* sem-timetable-edit.c */
void        _sem_timetable_init_editing          (SemTimetable      *self);

G_END_DECLS
