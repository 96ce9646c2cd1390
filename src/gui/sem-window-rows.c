/* sem-window-rows.c — the rows of the window's event list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-event.h"
#include "sem-programme.h"
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
