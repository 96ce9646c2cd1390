/* sem-window-rows.c — the rows of the window's lists: events and sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-event.h"
#include "sem-programme.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-venue.h"
#include "sem-window-private.h"

static GDateTime *
date_time_from_date (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;

  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/**
 * sem_format_date_range:
 *
 * Returns: (transfer full) (nullable): e.g. "20–21 February 2018"
 */
char *
sem_format_date_range (const char *start_date,
                       const char *end_date)
{
  g_autoptr(GDateTime) start = date_time_from_date (start_date);
  g_autoptr(GDateTime) end = date_time_from_date (end_date);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (start == NULL)
    return NULL;

  /* Translators: a date, see g_date_time_format(); e.g. "20 February 2018" */
  /* xgettext:no-c-format */
  last = g_date_time_format (end != NULL ? end : start, _("%-e %B %Y"));
  if (end == NULL || g_date_time_compare (start, end) >= 0)
    return g_steal_pointer (&last);

  if (g_date_time_get_year (start) != g_date_time_get_year (end))
    /* xgettext:no-c-format */
    first = g_date_time_format (start, _("%-e %B %Y"));
  else if (g_date_time_get_month (start) != g_date_time_get_month (end))
    /* Translators: the first date of a range within one year, e.g. "28 February" */
    /* xgettext:no-c-format */
    first = g_date_time_format (start, _("%-e %B"));
  else
    /* Translators: the first day of a range within one month, e.g. "20" */
    /* xgettext:no-c-format */
    first = g_date_time_format (start, _("%-e"));

  /* Translators: a range of dates, e.g. "20–21 February 2018" */
  return g_strdup_printf (C_("date range", "%s–%s"), first, last);
}

static char *
describe_place (SemPlan  *plan,
                SemEvent *event,
                const char *lang)
{
  SemVenue *venue = NULL;
  SemCity *city = NULL;
  const char *venue_id = sem_event_get_venue (event);

  if (venue_id != NULL && *venue_id != '\0')
    venue = SEM_VENUE (sem_plan_lookup (plan, SEM_COLLECTION_VENUES, venue_id));
  if (venue != NULL && sem_venue_get_city (venue) != NULL)
    city = SEM_CITY (sem_plan_lookup (plan, SEM_COLLECTION_CITIES, sem_venue_get_city (venue)));

  if (venue != NULL && city != NULL)
    /* Translators: a venue and its city, e.g. "Square Meeting Centre, Brussels" */
    return g_strdup_printf (_("%s, %s"), sem_venue_get_name (venue, lang),
                            sem_city_get_name (city, lang));
  if (venue != NULL)
    return g_strdup (sem_venue_get_name (venue, lang));

  return g_strdup (sem_enum_to_label (SEM_TYPE_EVENT_MODE, sem_event_get_mode (event)));
}

static GtkWidget *
dim_caption_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static void
update_event_row (GtkWidget *row)
{
  SemWindow *self = g_object_get_data (G_OBJECT (row), "sem-window");
  SemEvent *event = g_object_get_data (G_OBJECT (row), "sem-event");
  SemPlan *plan = sem_window_get_plan (self);
  const char *lang = sem_window_get_language (self);
  g_autofree char *dates = NULL;
  g_autofree char *place = NULL;

  if (plan == NULL)
    return;

  dates = sem_format_date_range (sem_event_get_start_date (event), sem_event_get_end_date (event));
  place = describe_place (plan, event, lang);

  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "title-label"),
                       sem_event_get_title (event, lang));
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "dates-label"), dates);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "place-label"), place);
}

/**
 * sem_event_row_new:
 *
 * Returns: (transfer floating): a sidebar row for @event: its title, dates and place
 */
GtkWidget *
sem_event_row_new (SemWindow *self,
                   SemEvent  *event)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *dates = dim_caption_new ();
  GtkWidget *place = dim_caption_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), dates);
  gtk_box_append (GTK_BOX (box), place);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "sem-window", self);
  g_object_set_data_full (G_OBJECT (row), "sem-event", g_object_ref (event), g_object_unref);
  g_object_set_data (G_OBJECT (row), "title-label", title);
  g_object_set_data (G_OBJECT (row), "dates-label", dates);
  g_object_set_data (G_OBJECT (row), "place-label", place);

  g_signal_connect_object (event, "notify", G_CALLBACK (update_event_row), row, G_CONNECT_SWAPPED);
  update_event_row (row);

  return row;
}

/* Puts the programme's name above the first of its events. */
void
sem_event_row_header_cb (GtkListBoxRow *row,
                         GtkListBoxRow *before,
                         gpointer       user_data)
{
  SemWindow *self = user_data;
  SemPlan *plan = sem_window_get_plan (self);
  SemEvent *event = g_object_get_data (G_OBJECT (row), "sem-event");
  SemEvent *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "sem-event") : NULL;
  const char *programme_id = sem_event_get_programme (event);
  SemProgramme *programme;
  GtkWidget *header;

  if (previous != NULL && g_strcmp0 (programme_id, sem_event_get_programme (previous)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  programme = plan != NULL && programme_id != NULL
    ? SEM_PROGRAMME (sem_plan_lookup (plan, SEM_COLLECTION_PROGRAMMES, programme_id))
    : NULL;

  header = gtk_label_new (programme != NULL
                          ? sem_programme_get_name (programme, sem_window_get_language (self))
                          : _("Other Events"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_add_css_class (header, "sem-programme-header");
  gtk_list_box_row_set_header (row, header);
}

/* Session rows
 *
 * A row shows a day heading when its day differs from the previous item's.
 * That depends on a neighbour, so a row bound before its neighbour moved can
 * be stale: the factory keeps the rows that are bound (a screenful, never the
 * whole model) and the window asks it to update the headings of the positions
 * that changed.
 */

typedef struct
{
  SemWindow  *window;
  GHashTable *bound;  /* GtkListItem */
} SessionRows;

typedef struct
{
  GtkWidget *day;
  GtkWidget *card;
  GtkWidget *time;
  GtkWidget *title;
  GtkWidget *meta;
  GtkWidget *mark;
} SessionRow;

static void
session_rows_free (gpointer data)
{
  SessionRows *rows = data;

  g_hash_table_unref (rows->bound);
  g_free (rows);
}

static void
setup_session_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  SessionRow *row = g_new0 (SessionRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  row->day = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->day), 0);
  gtk_widget_add_css_class (row->day, "title-4");
  gtk_widget_add_css_class (row->day, "sem-day-header");

  row->card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (row->card, "sem-session-card");

  row->time = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->time), 0);
  gtk_widget_set_valign (row->time, GTK_ALIGN_START);
  gtk_widget_add_css_class (row->time, "numeric");
  gtk_widget_add_css_class (row->time, "sem-session-time");

  row->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->title), 0);
  gtk_label_set_wrap (GTK_LABEL (row->title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (row->title, "heading");
  gtk_widget_add_css_class (row->title, "sem-session-title");

  row->meta = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->meta), 0);
  gtk_label_set_wrap (GTK_LABEL (row->meta), TRUE);
  gtk_widget_add_css_class (row->meta, "dim-label");

  row->mark = gtk_image_new ();
  gtk_widget_set_valign (row->mark, GTK_ALIGN_START);
  gtk_widget_set_visible (row->mark, FALSE);
  gtk_widget_add_css_class (row->mark, "sem-conflict-mark");

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), row->title);
  gtk_box_append (GTK_BOX (text), row->meta);
  gtk_box_append (GTK_BOX (row->card), row->time);
  gtk_box_append (GTK_BOX (row->card), text);
  gtk_box_append (GTK_BOX (row->card), row->mark);
  gtk_box_append (GTK_BOX (box), row->day);
  gtk_box_append (GTK_BOX (box), row->card);

  g_object_set_data_full (G_OBJECT (item), "sem-row", row, g_free);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static GDateTime *
local_time (gint64     instant,
            GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return a != NULL && b != NULL &&
         g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* Reads the neighbour from the model, not from its row: it may not have one. */
static void
render_day (SemWindow   *self,
            GtkListItem *item)
{
  SessionRow *row = g_object_get_data (G_OBJECT (item), "sem-row");
  SemSession *session = gtk_list_item_get_item (item);
  GListModel *model = sem_window_get_session_model (self);
  GTimeZone *tz = sem_window_get_event_timezone (self);
  guint position = gtk_list_item_get_position (item);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) previous_start = NULL;

  if (session == NULL)
    return;

  start = local_time (sem_session_get_start (session), tz);
  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(SemSession) previous = g_list_model_get_item (model, position - 1);

      if (previous != NULL)
        previous_start = local_time (sem_session_get_start (previous), tz);
    }

  if (start != NULL && !same_day (start, previous_start))
    {
      /* Translators: a day heading, see g_date_time_format(); e.g. "Tuesday, 20 February 2018" */
      /* xgettext:no-c-format */
      g_autofree char *day = g_date_time_format (start, _("%A, %-e %B %Y"));

      gtk_label_set_label (GTK_LABEL (row->day), day);
      gtk_widget_set_visible (row->day, TRUE);
    }
  else
    gtk_widget_set_visible (row->day, FALSE);
}

/* The conflict marks: a coloured edge on the card and an icon. */
static void
render_marks (SemWindow   *self,
              GtkListItem *item)
{
  SessionRow *row = g_object_get_data (G_OBJECT (item), "sem-row");
  SemSession *session = gtk_list_item_get_item (item);
  SemConflictSeverity severity = SEM_CONFLICT_SEVERITY_WARNING;
  gboolean marked = FALSE;

  if (session != NULL)
    marked = sem_conflict_list_get_session_severity (self->conflict_list,
                                                     sem_entity_get_id (SEM_ENTITY (session)),
                                                     &severity);

  gtk_widget_remove_css_class (row->card, "conflict-error");
  gtk_widget_remove_css_class (row->card, "conflict-warning");
  gtk_widget_remove_css_class (row->mark, "error");
  gtk_widget_remove_css_class (row->mark, "warning");
  gtk_widget_set_visible (row->mark, marked);
  if (!marked)
    return;

  if (severity == SEM_CONFLICT_SEVERITY_ERROR)
    {
      gtk_widget_add_css_class (row->card, "conflict-error");
      gtk_widget_add_css_class (row->mark, "error");
      gtk_image_set_from_icon_name (GTK_IMAGE (row->mark), "dialog-error-symbolic");
      gtk_widget_set_tooltip_text (row->mark, _("This session has a conflict that must be fixed"));
    }
  else
    {
      gtk_widget_add_css_class (row->card, "conflict-warning");
      gtk_widget_add_css_class (row->mark, "warning");
      gtk_image_set_from_icon_name (GTK_IMAGE (row->mark), "dialog-warning-symbolic");
      gtk_widget_set_tooltip_text (row->mark, _("This session has a warning"));
    }
}

static void
render_session (SemWindow   *self,
                GtkListItem *item)
{
  SessionRow *row = g_object_get_data (G_OBJECT (item), "sem-row");
  SemSession *session = gtk_list_item_get_item (item);
  SemPlan *plan = sem_window_get_plan (self);
  GTimeZone *tz = sem_window_get_event_timezone (self);
  const char *lang = sem_window_get_language (self);
  g_autoptr(GDateTime) start = local_time (sem_session_get_start (session), tz);
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *start_text = NULL;
  g_autofree char *time_text = NULL;
  const char *room_id = sem_session_get_room (session);
  SemStatus status = sem_session_get_status (session);

  if (sem_session_get_end (session) > sem_session_get_start (session))
    end = local_time (sem_session_get_end (session), tz);

  render_day (self, item);

  if (start != NULL)
    start_text = g_date_time_format (start, "%H:%M");
  if (start != NULL && end != NULL)
    {
      g_autofree char *end_text = g_date_time_format (end, "%H:%M");

      /* Translators: a session's start and end time, e.g. "09:30–11:00" */
      time_text = g_strdup_printf (C_("time range", "%s–%s"), start_text, end_text);
    }
  gtk_label_set_label (GTK_LABEL (row->time), time_text != NULL ? time_text : start_text);

  gtk_label_set_label (GTK_LABEL (row->title), sem_session_get_title (session, lang));

  g_string_append (meta, sem_enum_to_label (SEM_TYPE_SESSION_KIND, sem_session_get_kind (session)));
  if (plan != NULL && room_id != NULL && *room_id != '\0')
    {
      SemRoom *room = SEM_ROOM (sem_plan_lookup (plan, SEM_COLLECTION_ROOMS, room_id));

      if (room != NULL)
        g_string_append_printf (meta, " · %s", sem_room_get_name (room, lang));
    }
  if (status != SEM_STATUS_CONFIRMED)
    g_string_append_printf (meta, " · %s", sem_enum_to_label (SEM_TYPE_STATUS, status));
  gtk_label_set_label (GTK_LABEL (row->meta), meta->str);

  if (status == SEM_STATUS_CANCELLED)
    gtk_widget_add_css_class (row->card, "sem-session-cancelled");
  else
    gtk_widget_remove_css_class (row->card, "sem-session-cancelled");

  render_marks (self, item);
}

static void
update_days (SessionRows *rows,
             guint        first,
             guint        last)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, rows->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      guint position = gtk_list_item_get_position (item);

      if (position >= first && position <= last)
        render_day (rows->window, item);
    }
}

static void
session_notify_cb (GtkListItem *item,
                   GParamSpec  *pspec)
{
  SessionRows *rows = g_object_get_data (G_OBJECT (item), "sem-rows");
  guint position = gtk_list_item_get_position (item);

  if (rows == NULL || gtk_list_item_get_item (item) == NULL)
    return;

  render_session (rows->window, item);
  /* A new start that keeps the order still changes the next row's heading. */
  if (g_str_equal (pspec->name, "start") && position != GTK_INVALID_LIST_POSITION)
    update_days (rows, position + 1, position + 1);
}

static void
bind_session_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  SessionRows *rows = user_data;
  SemSession *session = gtk_list_item_get_item (item);
  gulong handler;

  g_object_set_data (G_OBJECT (item), "sem-rows", rows);
  handler = g_signal_connect_object (session, "notify", G_CALLBACK (session_notify_cb),
                                     item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (item), "sem-notify", GSIZE_TO_POINTER (handler));
  g_hash_table_add (rows->bound, item);
  render_session (rows->window, item);
}

static void
unbind_session_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  SessionRows *rows = user_data;
  SemSession *session = gtk_list_item_get_item (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "sem-notify"));

  if (session != NULL && handler != 0)
    g_signal_handler_disconnect (session, handler);
  g_object_set_data (G_OBJECT (item), "sem-notify", NULL);
  g_hash_table_remove (rows->bound, item);
}

static void
teardown_session_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  SessionRows *rows = user_data;

  g_hash_table_remove (rows->bound, item);
}

/**
 * sem_session_factory_new:
 *
 * Returns: (transfer full): the factory of the session list's rows
 */
GtkListItemFactory *
sem_session_factory_new (SemWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  SessionRows *rows = g_new0 (SessionRows, 1);

  rows->window = self;
  rows->bound = g_hash_table_new (NULL, NULL);
  g_object_set_data_full (G_OBJECT (factory), "sem-rows", rows, session_rows_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_session_cb), rows);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_session_cb), rows);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_session_cb), rows);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_session_cb), rows);
  return factory;
}

/**
 * sem_session_factory_update_days:
 * @first: the first position whose heading may be stale
 * @last: the last one, inclusive
 *
 * Updates the day headings of the bound rows from @first to @last; rows
 * bound later compute theirs when they are bound.
 */
void
sem_session_factory_update_days (GtkListItemFactory *factory,
                                 guint               first,
                                 guint               last)
{
  SessionRows *rows = g_object_get_data (G_OBJECT (factory), "sem-rows");

  g_return_if_fail (rows != NULL);

  update_days (rows, first, last);
}

/**
 * sem_session_factory_update_marks:
 *
 * Updates the conflict marks of the bound rows from the window's conflict
 * list; rows bound later read theirs when they are bound.
 */
void
sem_session_factory_update_marks (GtkListItemFactory *factory)
{
  SessionRows *rows = g_object_get_data (G_OBJECT (factory), "sem-rows");
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (rows != NULL);

  g_hash_table_iter_init (&iter, rows->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    render_marks (rows->window, item);
}
