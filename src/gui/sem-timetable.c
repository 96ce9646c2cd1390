/* sem-timetable.c — one day of an event: rooms as lanes, sessions as blocks
 *
 * The day's hours run down, the rooms across. Each session of the day is a
 * focusable block widget (so focus, tooltips and accessibility come for
 * free); the grid lines and hour labels are drawn. Only the shown day's
 * sessions have blocks, and a rebuild reuses the blocks it already has.
 *
 * This file holds the widget, its rebuild from the plan and its API; the
 * block is in sem-timetable-block.c, the geometry, layout and drawing in
 * sem-timetable-layout.c, pointer and keyboard editing in
 * sem-timetable-edit.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-timetable"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-delegation.h"
#include "sem-session.h"
#include "sem-timetable-private.h"

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_EVENT,
  PROP_CONFLICTS,
  PROP_DAY,
  PROP_DAYS,
  PROP_N_SESSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SemTimetable, sem_timetable, GTK_TYPE_WIDGET)

static void rebuild (SemTimetable *self);

/* ------------------------------------------------------------------------ */
/* Rebuilding from the model */

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static int
compare_strings_cb (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* session id → GPtrArray of SemCity: the cities of the delegations attending it */
static GHashTable *
collect_attending_cities (SemTimetable *self)
{
  GHashTable *cities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  GListModel *delegations = sem_plan_get_collection (self->plan, SEM_COLLECTION_DELEGATIONS);
  const char *event_id = sem_entity_get_id (SEM_ENTITY (self->event));
  guint n = g_list_model_get_n_items (delegations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (delegations, i);
      const char * const *attendance = sem_delegation_get_attendance (delegation);
      const char *city_id = sem_delegation_get_city (delegation);
      SemCity *city;

      if (g_strcmp0 (sem_delegation_get_event (delegation), event_id) != 0 ||
          sem_delegation_get_status (delegation) == SEM_DELEGATION_STATUS_DECLINED ||
          attendance == NULL || city_id == NULL)
        continue;
      city = SEM_CITY (sem_plan_lookup (self->plan, SEM_COLLECTION_CITIES, city_id));
      if (city == NULL)
        continue;

      for (guint j = 0; attendance[j] != NULL; j++)
        {
          const char *session_id = strchr (attendance[j], ':');
          GPtrArray *list;

          if (session_id == NULL || !g_hash_table_contains (self->blocks, session_id + 1))
            continue;
          session_id++;
          list = g_hash_table_lookup (cities, session_id);
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (cities, g_strdup (session_id), list);
            }
          if (!g_ptr_array_find (list, city, NULL))
            g_ptr_array_add (list, g_object_ref (city));
        }
    }
  return cities;
}

static void
remove_block (SemTimetable      *self,
              SemTimetableBlock *block)
{
  if (self->drag_block == block)
    self->drag_block = NULL;
  gtk_widget_unparent (GTK_WIDGET (block));
}

static void
clear_blocks (SemTimetable *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      remove_block (self, value);
      g_hash_table_iter_remove (&iter);
    }
}

static void
update_now (SemTimetable *self)
{
  gboolean shown = FALSE;

  if (self->plan != NULL && self->day != NULL)
    {
      gint64 now = sem_plan_now (self->plan);
      gint64 grid_end = self->grid_start + (gint64) (self->last_hour - self->first_hour) * 3600;

      shown = now >= self->grid_start && now <= grid_end;
    }
  gtk_widget_set_visible (self->now_line, shown);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_days (SemTimetable *self,
          GStrv         days)
{
  if (strv_equal0 (self->days, days))
    {
      g_strfreev (days);
      return;
    }
  g_strfreev (self->days);
  self->days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS]);
}

static void
rebuild (SemTimetable *self)
{
  g_autoptr(GPtrArray) event_sessions = g_ptr_array_new ();
  g_autoptr(GPtrArray) day_sessions = g_ptr_array_new ();
  g_autoptr(GPtrArray) day_list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lane_ids = NULL;
  g_autoptr(GHashTable) cities = NULL;
  GHashTableIter iter;
  gpointer value;
  GListModel *sessions;
  const char *event_id;
  gint64 first = G_MAXINT64, last = G_MININT64;
  guint n;

  if (self->plan == NULL || self->event == NULL)
    {
      clear_blocks (self);
      g_ptr_array_set_size (self->lanes, 0);
      set_days (self, NULL);
      if (self->n_sessions != 0)
        {
          self->n_sessions = 0;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SESSIONS]);
        }
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  event_id = sem_entity_get_id (SEM_ENTITY (self->event));
  sessions = sem_plan_get_collection (self->plan, SEM_COLLECTION_SESSIONS);
  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      SemSession *session = g_list_model_get_item (sessions, i);

      /* The plan holds a reference for as long as the session is in it. */
      g_object_unref (session);
      if (g_strcmp0 (sem_session_get_event (session), event_id) == 0)
        g_ptr_array_add (event_sessions, session);
    }

  /* The days: the event's dates and any day a session starts on. */
  {
    const char *start_date = sem_event_get_start_date (self->event);
    const char *end_date = sem_event_get_end_date (self->event);
    g_autoptr(GDateTime) d = NULL;
    g_autoptr(GPtrArray) strv = NULL;

    if (start_date != NULL)
      {
        int y, m, dd;

        if (sscanf (start_date, "%4d-%2d-%2d", &y, &m, &dd) == 3)
          d = g_date_time_new_utc (y, m, dd, 0, 0, 0);
      }
    for (int i = 0; d != NULL && i < 366; i++)
      {
        g_autofree char *text = g_date_time_format (d, "%Y-%m-%d");
        GDateTime *next;

        g_ptr_array_add (day_list, g_steal_pointer (&text));
        if (end_date == NULL || strcmp (g_ptr_array_index (day_list, day_list->len - 1), end_date) >= 0)
          break;
        next = g_date_time_add_days (d, 1);
        g_date_time_unref (d);
        d = next;
      }
    for (guint i = 0; i < event_sessions->len; i++)
      {
        g_autofree char *day = _sem_timetable_day_of (self, sem_session_get_start (g_ptr_array_index (event_sessions, i)));

        if (!g_ptr_array_find_with_equal_func (day_list, day, g_str_equal, NULL))
          g_ptr_array_add (day_list, g_steal_pointer (&day));
      }
    g_ptr_array_sort (day_list, compare_strings_cb);
    strv = g_ptr_array_new ();
    for (guint i = 0; i < day_list->len; i++)
      g_ptr_array_add (strv, g_strdup (g_ptr_array_index (day_list, i)));
    g_ptr_array_add (strv, NULL);
    set_days (self, (GStrv) g_ptr_array_free (g_steal_pointer (&strv), FALSE));
  }

  if (self->n_sessions != event_sessions->len)
    {
      self->n_sessions = event_sessions->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SESSIONS]);
    }

  if (self->day == NULL || !g_strv_contains ((const char * const *) self->days, self->day))
    {
      g_free (self->day);
      self->day = self->days != NULL && self->days[0] != NULL ? g_strdup (self->days[0]) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
    }

  self->day_start = _sem_timetable_local_instant (self, self->day, 0);
  {
    /* The next local midnight, whatever the day's length. */
    g_autoptr(GDateTime) start = _sem_timetable_local_time (self, self->day_start);
    g_autoptr(GDateTime) next = g_date_time_add_days (start, 1);

    self->day_end = g_date_time_to_unix (next);
  }

  for (guint i = 0; i < event_sessions->len; i++)
    {
      SemSession *session = g_ptr_array_index (event_sessions, i);
      gint64 start = sem_session_get_start (session);

      if (start < self->day_start || start >= self->day_end)
        continue;
      g_ptr_array_add (day_sessions, session);
      first = MIN (first, start);
      last = MAX (last, MAX (sem_session_get_end (session), start + SNAP_SECONDS));
    }

  /* 08:00–19:00, wider when a session starts earlier (with an hour before
   * it) or ends later. */
  self->first_hour = 8;
  self->last_hour = 19;
  if (first != G_MAXINT64)
    {
      int first_hour = (int) ((first - self->day_start) / 3600) - 1;
      int last_hour = (int) ((MIN (last, self->day_end) - self->day_start + 3599) / 3600);

      self->first_hour = CLAMP (MIN (self->first_hour, first_hour), 0, 23);
      self->last_hour = CLAMP (MAX (self->last_hour, last_hour), self->first_hour + 1, 24);
    }
  self->grid_start = self->day_start + (gint64) self->first_hour * 3600;

  lane_ids = _sem_timetable_collect_lanes (self, event_sessions);
  _sem_timetable_set_lanes (self, lane_ids);

  /* Reuse the blocks there are; make the missing ones; drop the rest. */
  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    SEM_TIMETABLE_BLOCK (value)->seen = FALSE;

  for (guint i = 0; i < day_sessions->len; i++)
    {
      SemSession *session = g_ptr_array_index (day_sessions, i);
      const char *id = sem_entity_get_id (SEM_ENTITY (session));
      SemTimetableBlock *block = g_hash_table_lookup (self->blocks, id);

      if (block == NULL)
        {
          block = g_object_new (SEM_TYPE_TIMETABLE_BLOCK, NULL);
          block->session = g_object_ref (session);
          g_signal_connect (block, "query-tooltip", G_CALLBACK (_sem_timetable_block_query_tooltip_cb), NULL);
          gtk_widget_insert_before (GTK_WIDGET (block), GTK_WIDGET (self), self->now_line);
          g_hash_table_insert (self->blocks, g_strdup (id), block);
        }
      block->seen = TRUE;
      if (block != self->drag_block)
        {
          _sem_timetable_block_update (self, block);
          block->lane = _sem_timetable_lane_for_room (self, sem_session_get_room (session));
        }
    }

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!SEM_TIMETABLE_BLOCK (value)->seen)
      {
        remove_block (self, value);
        g_hash_table_iter_remove (&iter);
      }

  cities = collect_attending_cities (self);
  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SemTimetableBlock *block = value;
      GPtrArray *list = g_hash_table_lookup (cities, sem_entity_get_id (SEM_ENTITY (block->session)));

      g_clear_pointer (&block->cities, g_ptr_array_unref);
      block->cities = list != NULL ? g_ptr_array_ref (list) : NULL;
    }

  _sem_timetable_update_marks (self);
  update_now (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* GObject */

static void
plan_changed_cb (SemTimetable *self)
{
  rebuild (self);
}

static void
conflicts_changed_cb (SemTimetable *self)
{
  _sem_timetable_update_marks (self);
}

static void
vadjustment_changed_cb (SemTimetable *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
now_timer_cb (gpointer user_data)
{
  update_now (SEM_TIMETABLE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
sem_timetable_map (GtkWidget *widget)
{
  SemTimetable *self = SEM_TIMETABLE (widget);

  GTK_WIDGET_CLASS (sem_timetable_parent_class)->map (widget);
  update_now (self);
  if (self->now_timer_id == 0)
    self->now_timer_id = g_timeout_add_seconds (30, now_timer_cb, self);
}

static void
sem_timetable_unmap (GtkWidget *widget)
{
  SemTimetable *self = SEM_TIMETABLE (widget);

  g_clear_handle_id (&self->now_timer_id, g_source_remove);
  GTK_WIDGET_CLASS (sem_timetable_parent_class)->unmap (widget);
}

static void
sem_timetable_dispose (GObject *object)
{
  SemTimetable *self = SEM_TIMETABLE (object);

  sem_timetable_set_plan (self, NULL);
  sem_timetable_set_conflicts (self, NULL);
  sem_timetable_set_vadjustment (self, NULL);
  g_clear_handle_id (&self->now_timer_id, g_source_remove);
  g_clear_handle_id (&self->highlight_id_timeout, g_source_remove);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  if (self->blocks != NULL)
    clear_blocks (self);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->now_line, gtk_widget_unparent);
  g_clear_pointer (&self->header_bg, gtk_widget_unparent);
  g_clear_object (&self->event);
  G_OBJECT_CLASS (sem_timetable_parent_class)->dispose (object);
}

static void
sem_timetable_finalize (GObject *object)
{
  SemTimetable *self = SEM_TIMETABLE (object);

  g_clear_pointer (&self->blocks, g_hash_table_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->days, g_strfreev);
  g_free (self->day);
  g_free (self->highlight_id);
  G_OBJECT_CLASS (sem_timetable_parent_class)->finalize (object);
}

static void
sem_timetable_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SemTimetable *self = SEM_TIMETABLE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_CONFLICTS:
      g_value_set_object (value, self->conflicts);
      break;
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    case PROP_DAYS:
      g_value_set_boxed (value, self->days);
      break;
    case PROP_N_SESSIONS:
      g_value_set_uint (value, self->n_sessions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_timetable_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SemTimetable *self = SEM_TIMETABLE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      sem_timetable_set_plan (self, g_value_get_object (value));
      break;
    case PROP_EVENT:
      sem_timetable_set_event (self, g_value_get_object (value));
      break;
    case PROP_CONFLICTS:
      sem_timetable_set_conflicts (self, g_value_get_object (value));
      break;
    case PROP_DAY:
      sem_timetable_set_day (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_timetable_class_init (SemTimetableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sem_timetable_dispose;
  object_class->finalize = sem_timetable_finalize;
  object_class->get_property = sem_timetable_get_property;
  object_class->set_property = sem_timetable_set_property;
  widget_class->measure = _sem_timetable_measure;
  widget_class->size_allocate = _sem_timetable_size_allocate;
  widget_class->snapshot = _sem_timetable_snapshot;
  widget_class->map = sem_timetable_map;
  widget_class->unmap = sem_timetable_unmap;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SEM_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, SEM_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] =
    g_param_spec_object ("conflicts", NULL, NULL, SEM_TYPE_CONFLICT_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS] =
    g_param_spec_boxed ("days", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SESSIONS] =
    g_param_spec_uint ("n-sessions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timetable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
sem_timetable_init (SemTimetable *self)
{
  self->lanes = g_ptr_array_new_with_free_func (_sem_timetable_lane_free);
  self->blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tz = g_time_zone_new_utc ();
  self->first_hour = 8;
  self->last_hour = 19;
  self->scroll_to = -1;

  gtk_widget_add_css_class (GTK_WIDGET (self), "timetable");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timetable"), -1);

  self->now_line = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->now_line, "timetable-now");
  gtk_widget_set_can_target (self->now_line, FALSE);
  gtk_widget_set_visible (self->now_line, FALSE);
  gtk_widget_set_parent (self->now_line, GTK_WIDGET (self));

  self->header_bg = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->header_bg, "timetable-header");
  gtk_widget_set_parent (self->header_bg, GTK_WIDGET (self));
  _sem_timetable_init_editing (self);
}

/* ------------------------------------------------------------------------ */
/* API */

GtkWidget *
sem_timetable_new (void)
{
  return g_object_new (SEM_TYPE_TIMETABLE, NULL);
}

SemPlan *
sem_timetable_get_plan (SemTimetable *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return self->plan;
}

void
sem_timetable_set_plan (SemTimetable *self,
                        SemPlan      *plan)
{
  g_return_if_fail (SEM_IS_TIMETABLE (self));
  g_return_if_fail (plan == NULL || SEM_IS_PLAN (plan));

  if (self->plan == plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, plan_changed_cb, self);
  self->drag_block = NULL;
  clear_blocks (self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

SemEvent *
sem_timetable_get_event (SemTimetable *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return self->event;
}

void
sem_timetable_set_event (SemTimetable *self,
                         SemEvent     *event)
{
  const char *zone;

  g_return_if_fail (SEM_IS_TIMETABLE (self));
  g_return_if_fail (event == NULL || SEM_IS_EVENT (event));

  if (self->event == event)
    return;
  g_set_object (&self->event, event);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  zone = event != NULL ? sem_event_get_timezone (event) : NULL;
  self->tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;
  if (self->tz == NULL)
    self->tz = g_time_zone_new_utc ();
  self->drag_block = NULL;
  clear_blocks (self);
  g_clear_pointer (&self->day, g_free);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

SemConflictList *
sem_timetable_get_conflicts (SemTimetable *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return self->conflicts;
}

void
sem_timetable_set_conflicts (SemTimetable    *self,
                             SemConflictList *conflicts)
{
  g_return_if_fail (SEM_IS_TIMETABLE (self));
  g_return_if_fail (conflicts == NULL || SEM_IS_CONFLICT_LIST (conflicts));

  if (self->conflicts == conflicts)
    return;
  if (self->conflict_model != NULL)
    g_signal_handlers_disconnect_by_func (self->conflict_model, conflicts_changed_cb, self);
  g_clear_object (&self->conflict_model);
  g_set_object (&self->conflicts, conflicts);
  if (conflicts != NULL)
    {
      self->conflict_model = g_object_ref (sem_conflict_list_get_conflicts (conflicts));
      g_signal_connect_object (self->conflict_model, "items-changed",
                               G_CALLBACK (conflicts_changed_cb), self, G_CONNECT_SWAPPED);
    }
  _sem_timetable_update_marks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
}

const char *
sem_timetable_get_day (SemTimetable *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return self->day;
}

void
sem_timetable_set_day (SemTimetable *self,
                       const char   *day)
{
  g_return_if_fail (SEM_IS_TIMETABLE (self));

  if (g_strcmp0 (self->day, day) == 0)
    return;
  g_free (self->day);
  self->day = g_strdup (day);
  self->drag_block = NULL;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

const char * const *
sem_timetable_get_days (SemTimetable *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return (const char * const *) self->days;
}

char *
sem_timetable_dup_session_day (SemTimetable *self,
                               const char   *session_id)
{
  SemSession *session;

  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);

  if (self->plan == NULL || session_id == NULL)
    return NULL;
  session = SEM_SESSION (sem_plan_lookup (self->plan, SEM_COLLECTION_SESSIONS, session_id));
  return session != NULL ? _sem_timetable_day_of (self, sem_session_get_start (session)) : NULL;
}

void
sem_timetable_set_vadjustment (SemTimetable  *self,
                               GtkAdjustment *vadjustment)
{
  g_return_if_fail (SEM_IS_TIMETABLE (self));

  if (self->vadjustment == vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, vadjustment_changed_cb, self);
  g_set_object (&self->vadjustment, vadjustment);
  if (vadjustment != NULL)
    g_signal_connect_object (vadjustment, "value-changed",
                             G_CALLBACK (vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

GtkWidget *
sem_timetable_get_block (SemTimetable *self,
                         const char   *session_id)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return session_id != NULL ? g_hash_table_lookup (self->blocks, session_id) : NULL;
}

/**
 * sem_timetable_dup_tooltip:
 *
 * Returns: (transfer full) (nullable): the Pango markup of the tooltip of
 *   the block of @session_id on the shown day
 */
char *
sem_timetable_dup_tooltip (SemTimetable *self,
                           const char   *session_id)
{
  SemTimetableBlock *block;

  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);

  block = session_id != NULL ? g_hash_table_lookup (self->blocks, session_id) : NULL;
  return block != NULL ? _sem_timetable_block_dup_tooltip (self, block) : NULL;
}

static gboolean
unhighlight_cb (gpointer user_data)
{
  SemTimetable *self = user_data;
  SemTimetableBlock *block = g_hash_table_lookup (self->blocks, self->highlight_id);

  self->highlight_id_timeout = 0;
  if (block != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (block), "timetable-highlight");
  g_clear_pointer (&self->highlight_id, g_free);
  return G_SOURCE_REMOVE;
}

static gboolean
scroll_idle_cb (gpointer user_data)
{
  SemTimetable *self = user_data;

  self->scroll_idle_id = 0;
  if (self->vadjustment != NULL && self->scroll_to >= 0)
    gtk_adjustment_set_value (self->vadjustment, self->scroll_to);
  self->scroll_to = -1;
  return G_SOURCE_REMOVE;
}

gboolean
sem_timetable_focus_session (SemTimetable *self,
                             const char   *session_id)
{
  SemTimetableBlock *block;

  g_return_val_if_fail (SEM_IS_TIMETABLE (self), FALSE);

  block = session_id != NULL ? g_hash_table_lookup (self->blocks, session_id) : NULL;
  if (block == NULL)
    return FALSE;

  if (self->highlight_id != NULL)
    unhighlight_cb (self);
  g_clear_handle_id (&self->highlight_id_timeout, g_source_remove);
  self->highlight_id = g_strdup (session_id);
  gtk_widget_add_css_class (GTK_WIDGET (block), "timetable-highlight");
  self->highlight_id_timeout = g_timeout_add_seconds (3, unhighlight_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (block));

  /* After the next layout, when the scrolled window knows the new day's height. */
  self->scroll_to = MAX (0, _sem_timetable_y_for_instant (self, block->start) - GRID_TOP - 24);
  if (self->scroll_idle_id == 0)
    self->scroll_idle_id = g_timeout_add (50, scroll_idle_cb, self);
  return TRUE;
}
