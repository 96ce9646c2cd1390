/* sem-window-rows.c — the rows of the window's event list (the sidebar)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-event.h"
#include "sem-programme.h"
#include "sem-sidebar-model.h"
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

/* An inscription, not a label: measuring a line that may be ellipsized
 * takes no shaping of its text (a label shapes it for every size it is
 * asked about, and the list asks about every row before its first frame). */
static GtkWidget *
dim_caption_new (void)
{
  GtkWidget *caption = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (caption), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  return caption;
}

/* A row shows either a programme's heading or one of its events. */
typedef struct
{
  SemWindow *window;
  GtkWidget *heading;
  GtkWidget *event_box;
  GtkWidget *title;
  GtkWidget *dates;
  GtkWidget *place;
  GObject   *watched;  /* the event or programme shown, while bound */
} EventRow;

static void
update_event_row (GtkListItem *item)
{
  EventRow *row = g_object_get_data (G_OBJECT (item), "sem-event-row");
  gpointer shown = gtk_list_item_get_item (item);
  SemPlan *plan = sem_window_get_plan (row->window);
  const char *lang = sem_window_get_language (row->window);
  g_autofree char *dates = NULL;
  g_autofree char *place = NULL;
  SemEvent *event;

  if (plan == NULL || shown == NULL)
    return;

  if (SEM_IS_SIDEBAR_HEADING (shown))
    {
      const char *programme_id = sem_sidebar_heading_get_programme (shown);
      SemProgramme *programme = programme_id != NULL
        ? SEM_PROGRAMME (sem_plan_lookup (plan, SEM_COLLECTION_PROGRAMMES, programme_id))
        : NULL;

      gtk_label_set_label (GTK_LABEL (row->heading), programme != NULL
                           ? sem_programme_get_name (programme, lang)
                           : _("Other Events"));
      return;
    }

  event = SEM_EVENT (shown);
  dates = sem_format_date_range (sem_event_get_start_date (event), sem_event_get_end_date (event));
  place = describe_place (plan, event, lang);
  gtk_label_set_label (GTK_LABEL (row->title), sem_event_get_title (event, lang));
  gtk_inscription_set_text (GTK_INSCRIPTION (row->dates), dates);
  gtk_inscription_set_text (GTK_INSCRIPTION (row->place), place);
}

/* Folded, a click on an event goes on to its pages (Enter does too: the
 * list's "activate"). */
static void
event_row_released_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       GtkListItem     *item)
{
  EventRow *row = g_object_get_data (G_OBJECT (item), "sem-event-row");

  if (SEM_IS_EVENT (gtk_list_item_get_item (item)))
    _sem_window_show_content (row->window);
}

/**
 * _sem_window_event_row_setup_cb:
 *
 * The widgets of a sidebar row: a programme's heading, or an event's title,
 * dates and place.
 */
void
_sem_window_event_row_setup_cb (GtkListItemFactory *factory,
                                GtkListItem        *item,
                                SemWindow          *window)
{
  EventRow *row = g_new0 (EventRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkGesture *click = gtk_gesture_click_new ();

  row->window = window;
  row->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (row->heading), TRUE);
  gtk_widget_add_css_class (row->heading, "heading");
  gtk_widget_add_css_class (row->heading, "dim-label");
  gtk_widget_add_css_class (row->heading, "sem-programme-header");
  gtk_box_append (GTK_BOX (box), row->heading);

  row->event_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (row->event_box, 6);
  gtk_widget_set_margin_bottom (row->event_box, 6);
  gtk_widget_set_margin_start (row->event_box, 6);
  gtk_widget_set_margin_end (row->event_box, 6);
  row->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->title), 0);
  gtk_label_set_wrap (GTK_LABEL (row->title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (row->title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (row->title), PANGO_ELLIPSIZE_END);
  row->dates = dim_caption_new ();
  row->place = dim_caption_new ();
  gtk_box_append (GTK_BOX (row->event_box), row->title);
  gtk_box_append (GTK_BOX (row->event_box), row->dates);
  gtk_box_append (GTK_BOX (row->event_box), row->place);
  gtk_box_append (GTK_BOX (box), row->event_box);

  g_signal_connect (click, "released", G_CALLBACK (event_row_released_cb), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));

  g_object_set_data_full (G_OBJECT (item), "sem-event-row", row, g_free);
  gtk_list_item_set_child (item, box);
}

/**
 * _sem_window_event_row_bind_cb:
 *
 * Shows the row's item; headings can be neither selected nor activated.
 */
void
_sem_window_event_row_bind_cb (GtkListItemFactory *factory,
                               GtkListItem        *item,
                               SemWindow          *window)
{
  EventRow *row = g_object_get_data (G_OBJECT (item), "sem-event-row");
  gpointer shown = gtk_list_item_get_item (item);
  gboolean is_event = SEM_IS_EVENT (shown);
  SemPlan *plan = sem_window_get_plan (window);

  gtk_widget_set_visible (row->heading, !is_event);
  gtk_widget_set_visible (row->event_box, is_event);
  gtk_list_item_set_selectable (item, is_event);
  gtk_list_item_set_activatable (item, is_event);

  /* A renamed programme, a changed event: the row follows. */
  if (is_event)
    row->watched = g_object_ref (shown);
  else if (plan != NULL && sem_sidebar_heading_get_programme (shown) != NULL)
    row->watched = g_object_ref ((GObject *) sem_plan_lookup (plan, SEM_COLLECTION_PROGRAMMES,
                                                             sem_sidebar_heading_get_programme (shown)));
  if (row->watched != NULL)
    g_signal_connect_object (row->watched, "notify", G_CALLBACK (update_event_row), item, G_CONNECT_SWAPPED);
  update_event_row (item);
}

void
_sem_window_event_row_unbind_cb (GtkListItemFactory *factory,
                                 GtkListItem        *item,
                                 SemWindow          *window)
{
  EventRow *row = g_object_get_data (G_OBJECT (item), "sem-event-row");

  if (row->watched != NULL)
    g_signal_handlers_disconnect_by_func (row->watched, update_event_row, item);
  g_clear_object (&row->watched);
}
