/* sem-timetable-edit.c — editing on the timetable with the pointer and the keyboard
 *
 * A block is dragged to another time or room, or by its bottom edge to
 * another end, and opened with a click; a double click on the grid adds
 * a session there; Alt and the arrows nudge the focused block. Each
 * change is one undoable step on the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-timetable"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "sem-entity-editor.h"
#include "sem-timetable-private.h"

/* ------------------------------------------------------------------------ */
/* Where the pointer is */

static int
lane_at (SemTimetable *self,
         double        x)
{
  int lane = (int) floor ((x - GUTTER_WIDTH) / _sem_timetable_lane_width (self));

  return CLAMP (lane, 0, (int) self->lanes->len - 1);
}

static gint64
snap (SemTimetable *self,
      gint64        instant)
{
  double steps = (instant - self->grid_start) / (double) SNAP_SECONDS;

  return self->grid_start + (gint64) round (steps) * SNAP_SECONDS;
}

static SemTimetableBlock *
block_at (SemTimetable *self,
          double        x,
          double        y,
          gboolean     *on_handle)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (on_handle != NULL)
    *on_handle = FALSE;
  for (GtkWidget *w = picked; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      if (SEM_IS_TIMETABLE_BLOCK (w))
        {
          if (on_handle != NULL)
            *on_handle = picked == SEM_TIMETABLE_BLOCK (w)->handle;
          return SEM_TIMETABLE_BLOCK (w);
        }
    }
  return NULL;
}

static SemTimetableBlock *
focused_block (SemTimetable *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return SEM_IS_TIMETABLE_BLOCK (child) ? SEM_TIMETABLE_BLOCK (child) : NULL;
}

/* ------------------------------------------------------------------------ */
/* Editing */

static void
open_block (SemTimetable      *self,
            SemTimetableBlock *block)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SemEntityEditor *editor;

  editor = sem_entity_editor_new_edit (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->plan, SEM_ENTITY (block->session));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
create_session (SemTimetable *self,
                guint         lane,
                gint64        start)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(SemSession) defaults = sem_session_new ("new-session");
  const Lane *l = lane < self->lanes->len ? g_ptr_array_index (self->lanes, lane) : NULL;
  SemEntityEditor *editor;

  g_object_set (defaults,
                "event", sem_entity_get_id (SEM_ENTITY (self->event)),
                "start", start,
                "end", start + 3600,
                "room", l != NULL ? l->room_id : NULL,
                NULL);
  editor = sem_entity_editor_new_create (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->plan, SEM_COLLECTION_SESSIONS, SEM_ENTITY (defaults));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Where a drag by (@dx, @dy) from the session's place puts it. */
static void
drag_result (SemTimetable      *self,
             SemTimetableBlock *block,
             gboolean           resize,
             double             dx,
             double             dy,
             gint64            *start,
             gint64            *end,
             guint             *lane)
{
  gint64 old_start = sem_session_get_start (block->session);
  gint64 old_end = MAX (sem_session_get_end (block->session), old_start);
  gint64 delta = (gint64) round (dy / PX_PER_SECOND);
  gint64 grid_end = self->grid_start + (gint64) (self->last_hour - self->first_hour) * 3600;
  double lane_w = _sem_timetable_lane_width (self);

  if (resize)
    {
      *start = old_start;
      *end = MAX (snap (self, old_end + delta), old_start + SNAP_SECONDS);
      *lane = _sem_timetable_lane_for_room (self, sem_session_get_room (block->session));
      return;
    }

  *start = snap (self, old_start + delta);
  *start = CLAMP (*start, self->grid_start, MAX (self->grid_start, grid_end - SNAP_SECONDS));
  *end = *start + (old_end - old_start);
  *lane = lane_at (self, GUTTER_WIDTH + (_sem_timetable_lane_for_room (self, sem_session_get_room (block->session)) + 0.5) * lane_w + dx);
}

/* Puts the session where the drag left it, as one undoable step. */
static void
commit (SemTimetable      *self,
        SemTimetableBlock *block,
        gboolean           resize,
        gint64             start,
        gint64             end,
        guint              lane)
{
  SemSession *session = block->session;
  const char *old_room = sem_session_get_room (session);
  const char *room = lane < self->lanes->len ? ((Lane *) g_ptr_array_index (self->lanes, lane))->room_id : old_room;

  if (start == sem_session_get_start (session) && end == sem_session_get_end (session) &&
      g_strcmp0 (room, old_room) == 0)
    {
      _sem_timetable_block_update (self, block);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  sem_plan_begin_group (self->plan, resize ? C_("undo action", "Resize Session")
                                           : C_("undo action", "Move Session"));
  if (g_strcmp0 (room, old_room) != 0)
    sem_plan_set (self->plan, SEM_ENTITY (session), "start", start, "end", end, "room", room, NULL);
  else
    sem_plan_set (self->plan, SEM_ENTITY (session), "start", start, "end", end, NULL);
  sem_plan_end_group (self->plan);
}

static void
finish_drag (SemTimetable      *self,
             SemTimetableBlock *block,
             gboolean           resize,
             double             dx,
             double             dy)
{
  gint64 start, end;
  guint lane;

  drag_result (self, block, resize, dx, dy, &start, &end, &lane);
  self->drag_block = NULL;
  gtk_widget_remove_css_class (GTK_WIDGET (block), "timetable-dragging");
  commit (self, block, resize, start, end, lane);
}

static void
cancel_drag (SemTimetable *self)
{
  SemTimetableBlock *block = self->drag_block;

  if (block == NULL)
    return;
  self->drag_cancelled = TRUE;
  self->drag_block = NULL;
  gtk_widget_remove_css_class (GTK_WIDGET (block), "timetable-dragging");
  _sem_timetable_block_update (self, block);
  block->lane = _sem_timetable_lane_for_room (self, sem_session_get_room (block->session));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SemTimetable   *self)
{
  gboolean on_handle;
  SemTimetableBlock *block = block_at (self, x, y, &on_handle);

  self->drag_block = block;
  self->drag_resize = on_handle;
  self->dragging = FALSE;
  self->drag_cancelled = FALSE;
  self->drag_x = x;
  self->drag_y = y;
  if (block == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (block));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SemTimetable   *self)
{
  SemTimetableBlock *block = self->drag_block;
  gint64 start, end;
  guint lane;

  if (block == NULL || self->drag_cancelled)
    return;
  if (!self->dragging)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), (int) self->drag_x, (int) self->drag_y,
                                     (int) (self->drag_x + dx), (int) (self->drag_y + dy)))
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_add_css_class (GTK_WIDGET (block), "timetable-dragging");
    }

  drag_result (self, block, self->drag_resize, dx, dy, &start, &end, &lane);
  block->start = start;
  block->end = end;
  block->lane = lane;
  {
    g_autofree char *range = _sem_timetable_format_range (self->tz, start, end);

    gtk_inscription_set_text (GTK_INSCRIPTION (block->time), range);
  }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SemTimetable   *self)
{
  SemTimetableBlock *block = self->drag_block;

  if (block == NULL || self->drag_cancelled)
    return;
  if (self->dragging)
    finish_drag (self, block, self->drag_resize, dx, dy);
  else
    {
      self->drag_block = NULL;
      open_block (self, block);
    }
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SemTimetable    *self)
{
  gint64 start;

  if (n_press != 2 || self->plan == NULL || self->event == NULL || y < GRID_TOP ||
      x < GUTTER_WIDTH || block_at (self, x, y, NULL) != NULL)
    return;

  /* The quarter hour that was clicked. */
  start = self->grid_start + (gint64) floor ((y - GRID_TOP) / PX_PER_SECOND / SNAP_SECONDS) * SNAP_SECONDS;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  create_session (self, lane_at (self, x), start);
}

/* Alt+Up/Down moves the focused session by a quarter hour, Alt+Left/Right to
 * the next room, Shift+Alt+Up/Down changes its end. */
static void
nudge (SemTimetable      *self,
       SemTimetableBlock *block,
       int                minutes,
       int                lanes,
       gboolean           resize)
{
  SemSession *session = block->session;
  gint64 start = sem_session_get_start (session);
  gint64 end = sem_session_get_end (session);
  int lane = (int) _sem_timetable_lane_for_room (self, sem_session_get_room (session)) + lanes;

  if (resize)
    end = MAX (end + minutes * 60, start + SNAP_SECONDS);
  else
    {
      start += minutes * 60;
      end += minutes * 60;
    }
  commit (self, block, resize, start, end, CLAMP (lane, 0, (int) self->lanes->len - 1));
  gtk_widget_grab_focus (GTK_WIDGET (block));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SemTimetable          *self)
{
  SemTimetableBlock *block;
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  if (keyval == GDK_KEY_Escape && self->drag_block != NULL)
    {
      cancel_drag (self);
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
      return GDK_EVENT_STOP;
    }

  block = focused_block (self);
  if (block == NULL || self->plan == NULL)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (alt)
        return GDK_EVENT_PROPAGATE;
      open_block (self, block);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!alt)
        return GDK_EVENT_PROPAGATE;
      nudge (self, block, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -15 : 15, 0, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (!alt || shift)
        return GDK_EVENT_PROPAGATE;
      nudge (self, block, 0, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1, FALSE);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* The pointer and keyboard controllers, made once by the timetable's init. */
void
_sem_timetable_init_editing (SemTimetable *self)
{
  GtkEventController *key;
  GtkGesture *click;

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

/* ------------------------------------------------------------------------ */
/* API */

void
sem_timetable_add_session (SemTimetable *self)
{
  g_return_if_fail (SEM_IS_TIMETABLE (self));

  if (self->plan == NULL || self->event == NULL || self->day == NULL)
    return;
  create_session (self, 0, self->day_start + 9 * 3600);
}

/* The same as the end of a pointer drag of the session's block by (@dx, @dy). */
void
sem_timetable_drag_session_for_test (SemTimetable *self,
                                     const char   *session_id,
                                     double        dx,
                                     double        dy)
{
  SemTimetableBlock *block;

  g_return_if_fail (SEM_IS_TIMETABLE (self));
  block = g_hash_table_lookup (self->blocks, session_id);
  g_return_if_fail (block != NULL);
  finish_drag (self, block, FALSE, dx, dy);
}

/* The same as the end of a pointer drag of the block's bottom edge by @dy. */
void
sem_timetable_resize_session_for_test (SemTimetable *self,
                                       const char   *session_id,
                                       double        dy)
{
  SemTimetableBlock *block;

  g_return_if_fail (SEM_IS_TIMETABLE (self));
  block = g_hash_table_lookup (self->blocks, session_id);
  g_return_if_fail (block != NULL);
  finish_drag (self, block, TRUE, 0, dy);
}
