/* sem-entity-editor-date.c — a DATE field's button in the entity editor
 *
 * Shows the day in the locale's long form on a button whose popover holds
 * a calendar (GtkCalendar starts the week as the locale does); the value
 * stays "YYYY-MM-DD", as the plan keeps it. An optional date can be
 * cleared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-entity-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sem-entity-editor-private.h"

struct _SemDateButton
{
  GtkWidget  parent_instance;

  /* owned: our children */
  GtkWidget *menu_button;
  GtkWidget *clear_button;

  /* borrowed: in the menu button's popover */
  GtkWidget *calendar;

  char      *date;     /* "YYYY-MM-DD", NULL when unset */
  gboolean   nullable;
};

G_DEFINE_FINAL_TYPE (SemDateButton, sem_date_button, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Noon that day, local; NULL when @date is not a real "YYYY-MM-DD". */
static GDateTime *
date_time_from_iso (const char *date)
{
  guint64 year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return NULL;

  year = g_ascii_strtoull (date, NULL, 10);
  month = g_ascii_strtoull (date + 5, NULL, 10);
  day = g_ascii_strtoull (date + 8, NULL, 10);
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static void
update_label (SemDateButton *self)
{
  g_autoptr(GDateTime) dt = date_time_from_iso (self->date);
  g_autofree char *text = NULL;

  if (self->date == NULL)
    text = g_strdup (C_("date", "Not set"));
  else if (dt == NULL)
    /* Not a day we can show: as the plan has it, for the error to explain. */
    text = g_strdup (self->date);
  else
    /* Translators: a date, see g_date_time_format(); e.g. "20 February 2018" */
    /* xgettext:no-c-format */
    text = g_date_time_format (dt, _("%-e %B %Y"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->menu_button), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  if (self->clear_button != NULL)
    gtk_widget_set_visible (self->clear_button, self->date != NULL);
}

static void
day_selected_cb (SemDateButton *self,
                 GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");

  sem_date_button_set_date (self, date);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
}

/* GtkCalendar says nothing when the day already selected is clicked, as
 * today is in an empty field: this button sets it. */
static void
today_clicked_cb (SemDateButton *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  sem_date_button_set_date (self, date);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
}

/* The calendar opens on the day the field holds. */
static void
popover_show_cb (SemDateButton *self)
{
  g_autoptr(GDateTime) dt = date_time_from_iso (self->date);

  if (dt == NULL)
    return;
  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), dt);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
}

static void
clear_clicked_cb (SemDateButton *self)
{
  /* The clear button hides: keep the focus in the row. */
  gtk_widget_grab_focus (self->menu_button);
  sem_date_button_set_date (self, NULL);
}

static gboolean
sem_date_button_grab_focus (GtkWidget *widget)
{
  SemDateButton *self = SEM_DATE_BUTTON (widget);

  return gtk_widget_grab_focus (self->menu_button);
}

static void
sem_date_button_dispose (GObject *object)
{
  SemDateButton *self = SEM_DATE_BUTTON (object);

  g_clear_pointer (&self->menu_button, gtk_widget_unparent);
  g_clear_pointer (&self->clear_button, gtk_widget_unparent);
  self->calendar = NULL;

  G_OBJECT_CLASS (sem_date_button_parent_class)->dispose (object);
}

static void
sem_date_button_finalize (GObject *object)
{
  SemDateButton *self = SEM_DATE_BUTTON (object);

  g_free (self->date);

  G_OBJECT_CLASS (sem_date_button_parent_class)->finalize (object);
}

static void
sem_date_button_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SemDateButton *self = SEM_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_date_button_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SemDateButton *self = SEM_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      sem_date_button_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_date_button_class_init (SemDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sem_date_button_dispose;
  object_class->finalize = sem_date_button_finalize;
  object_class->get_property = sem_date_button_get_property;
  object_class->set_property = sem_date_button_set_property;

  widget_class->grab_focus = sem_date_button_grab_focus;

  /**
   * SemDateButton:date:
   *
   * The day chosen, as "YYYY-MM-DD"; %NULL when none is.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
sem_date_button_init (SemDateButton *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *today = gtk_button_new_with_mnemonic (_("_Today"));
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->calendar = gtk_calendar_new ();
  gtk_box_append (GTK_BOX (box), self->calendar);
  gtk_widget_add_css_class (today, "flat");
  g_signal_connect_object (today, "clicked", G_CALLBACK (today_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), today);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);

  self->menu_button = gtk_menu_button_new ();
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  update_label (self);
}

/**
 * sem_date_button_new:
 * @label: the field's name, the button's accessible name
 * @nullable: whether the date may be cleared
 *
 * Returns: (transfer floating): a button choosing a day, unset at first
 */
GtkWidget *
sem_date_button_new (const char *label,
                     gboolean    nullable)
{
  SemDateButton *self = g_object_new (SEM_TYPE_DATE_BUTTON, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  self->nullable = nullable;
  if (nullable)
    {
      self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      gtk_widget_set_name (self->clear_button, "clear-date");
      gtk_widget_add_css_class (self->clear_button, "flat");
      gtk_widget_add_css_class (self->clear_button, "circular");
      gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (self->clear_button, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                      -1);
      g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_set_parent (self->clear_button, GTK_WIDGET (self));
      update_label (self);
    }

  return GTK_WIDGET (self);
}

/**
 * sem_date_button_get_date:
 *
 * Returns: (nullable): the day as "YYYY-MM-DD", or %NULL when unset
 */
const char *
sem_date_button_get_date (SemDateButton *self)
{
  g_return_val_if_fail (SEM_IS_DATE_BUTTON (self), NULL);

  return self->date;
}

/**
 * sem_date_button_set_date:
 * @date: (nullable): "YYYY-MM-DD"; %NULL or "" to unset
 */
void
sem_date_button_set_date (SemDateButton *self,
                          const char    *date)
{
  g_return_if_fail (SEM_IS_DATE_BUTTON (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * sem_date_button_get_menu_button:
 *
 * Returns: (transfer none): the button that opens the calendar
 */
GtkWidget *
sem_date_button_get_menu_button (SemDateButton *self)
{
  g_return_val_if_fail (SEM_IS_DATE_BUTTON (self), NULL);

  return self->menu_button;
}
