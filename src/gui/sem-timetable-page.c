/* sem-timetable-page.c — the Timetable page: the event's days as tabs, a day's grid below
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-timetable-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-timetable.h"
#include "sem-timetable-page.h"

struct _SemTimetablePage
{
  AdwBin             parent_instance;

  /* template widgets */
  GtkWidget         *add_button;
  GtkBox            *day_box;
  GtkScrolledWindow *scrolled;
  GtkStack          *stack;
  GtkWidget         *status_button;
  AdwStatusPage     *status_page;
  SemTimetable      *timetable;

  /* owned */
  GPtrArray         *day_buttons;  /* GtkToggleButton, in the order of the days */
  gboolean           syncing;
};

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_EVENT,
  PROP_CONFLICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SemTimetablePage, sem_timetable_page, ADW_TYPE_BIN)

static GDateTime *
date_from_day (const char *day)
{
  int y, m, d;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_utc (y, m, d, 12, 0, 0);
}

static void
n_sessions_changed_cb (SemTimetablePage *self)
{
  gboolean has_event = sem_timetable_get_event (self->timetable) != NULL;
  guint n = 0;

  g_object_get (self->timetable, "n-sessions", &n, NULL);
  if (has_event && n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "grid");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (has_event)
    {
      adw_status_page_set_title (self->status_page, _("No Sessions Yet"));
      adw_status_page_set_description (self->status_page,
                                       _("Sessions of the event appear here, day by day and room by room"));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("No Event Chosen"));
      adw_status_page_set_description (self->status_page, _("Choose an event to see its timetable"));
    }
  gtk_widget_set_visible (self->status_button, has_event);
}

static void
day_toggled_cb (GtkToggleButton  *button,
                SemTimetablePage *self)
{
  const char *day = g_object_get_data (G_OBJECT (button), "day");

  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;
  sem_timetable_set_day (self->timetable, day);
}

static void
day_changed_cb (SemTimetablePage *self)
{
  const char *day = sem_timetable_get_day (self->timetable);

  self->syncing = TRUE;
  for (guint i = 0; i < self->day_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->day_buttons, i);

      gtk_toggle_button_set_active (button, g_strcmp0 (g_object_get_data (G_OBJECT (button), "day"), day) == 0);
    }
  self->syncing = FALSE;
}

static void
days_changed_cb (SemTimetablePage *self)
{
  const char * const *days = sem_timetable_get_days (self->timetable);
  GtkToggleButton *group = NULL;

  for (guint i = 0; i < self->day_buttons->len; i++)
    gtk_box_remove (self->day_box, g_ptr_array_index (self->day_buttons, i));
  g_ptr_array_set_size (self->day_buttons, 0);

  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    {
      g_autoptr(GDateTime) date = date_from_day (days[i]);
      g_autofree char *label = NULL;
      g_autofree char *full = NULL;
      GtkWidget *button;

      if (date == NULL)
        continue;
      /* Translators: a day's tab in the timetable, see g_date_time_format(); e.g. "Tue 20 Feb" */
      /* xgettext:no-c-format */
      label = g_date_time_format (date, _("%a %-e %b"));
      /* Translators: a day's tooltip in the timetable; e.g. "Tuesday, 20 February 2018" */
      /* xgettext:no-c-format */
      full = g_date_time_format (date, _("%A, %-e %B %Y"));

      button = gtk_toggle_button_new_with_label (label);
      gtk_widget_set_tooltip_text (button, full);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
      gtk_widget_add_css_class (button, "timetable-day");
      g_object_set_data_full (G_OBJECT (button), "day", g_strdup (days[i]), g_free);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (day_toggled_cb), self);
      gtk_box_append (self->day_box, button);
      g_ptr_array_add (self->day_buttons, button);
    }
  day_changed_cb (self);
}

static void
add_session_clicked_cb (SemTimetablePage *self)
{
  sem_timetable_add_session (self->timetable);
}

static void
sem_timetable_page_dispose (GObject *object)
{
  SemTimetablePage *self = SEM_TIMETABLE_PAGE (object);

  /* AdwBin unparents its child, the template's top widget. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  G_OBJECT_CLASS (sem_timetable_page_parent_class)->dispose (object);
}

static void
sem_timetable_page_finalize (GObject *object)
{
  SemTimetablePage *self = SEM_TIMETABLE_PAGE (object);

  g_clear_pointer (&self->day_buttons, g_ptr_array_unref);
  G_OBJECT_CLASS (sem_timetable_page_parent_class)->finalize (object);
}

static void
sem_timetable_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SemTimetablePage *self = SEM_TIMETABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, sem_timetable_page_get_plan (self));
      break;
    case PROP_EVENT:
      g_value_set_object (value, sem_timetable_page_get_event (self));
      break;
    case PROP_CONFLICTS:
      g_value_set_object (value, sem_timetable_page_get_conflicts (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_timetable_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SemTimetablePage *self = SEM_TIMETABLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      sem_timetable_page_set_plan (self, g_value_get_object (value));
      break;
    case PROP_EVENT:
      sem_timetable_page_set_event (self, g_value_get_object (value));
      break;
    case PROP_CONFLICTS:
      sem_timetable_page_set_conflicts (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_timetable_page_class_init (SemTimetablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sem_timetable_page_dispose;
  object_class->finalize = sem_timetable_page_finalize;
  object_class->get_property = sem_timetable_page_get_property;
  object_class->set_property = sem_timetable_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SEM_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, SEM_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] =
    g_param_spec_object ("conflicts", NULL, NULL, SEM_TYPE_CONFLICT_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SEM_TYPE_TIMETABLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-timetable-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SemTimetablePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SemTimetablePage, day_box);
  gtk_widget_class_bind_template_child (widget_class, SemTimetablePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SemTimetablePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SemTimetablePage, status_button);
  gtk_widget_class_bind_template_child (widget_class, SemTimetablePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, SemTimetablePage, timetable);
  gtk_widget_class_bind_template_callback (widget_class, add_session_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, days_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, n_sessions_changed_cb);
}

static void
sem_timetable_page_init (SemTimetablePage *self)
{
  self->day_buttons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  sem_timetable_set_vadjustment (self->timetable, gtk_scrolled_window_get_vadjustment (self->scrolled));
  n_sessions_changed_cb (self);
}

GtkWidget *
sem_timetable_page_new (void)
{
  return g_object_new (SEM_TYPE_TIMETABLE_PAGE, NULL);
}

SemPlan *
sem_timetable_page_get_plan (SemTimetablePage *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE_PAGE (self), NULL);
  return sem_timetable_get_plan (self->timetable);
}

void
sem_timetable_page_set_plan (SemTimetablePage *self,
                             SemPlan          *plan)
{
  g_return_if_fail (SEM_IS_TIMETABLE_PAGE (self));

  if (sem_timetable_get_plan (self->timetable) == plan)
    return;
  sem_timetable_set_plan (self->timetable, plan);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

SemEvent *
sem_timetable_page_get_event (SemTimetablePage *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE_PAGE (self), NULL);
  return sem_timetable_get_event (self->timetable);
}

void
sem_timetable_page_set_event (SemTimetablePage *self,
                              SemEvent         *event)
{
  g_return_if_fail (SEM_IS_TIMETABLE_PAGE (self));

  if (sem_timetable_get_event (self->timetable) == event)
    return;
  sem_timetable_set_event (self->timetable, event);
  n_sessions_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

SemConflictList *
sem_timetable_page_get_conflicts (SemTimetablePage *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE_PAGE (self), NULL);
  return sem_timetable_get_conflicts (self->timetable);
}

void
sem_timetable_page_set_conflicts (SemTimetablePage *self,
                                  SemConflictList  *conflicts)
{
  g_return_if_fail (SEM_IS_TIMETABLE_PAGE (self));

  if (sem_timetable_get_conflicts (self->timetable) == conflicts)
    return;
  sem_timetable_set_conflicts (self->timetable, conflicts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
}

/**
 * sem_timetable_page_show_session:
 *
 * Shows the day of @session_id, scrolls to its block and focuses it.
 */
void
sem_timetable_page_show_session (SemTimetablePage *self,
                                 const char       *session_id)
{
  g_autofree char *day = NULL;

  g_return_if_fail (SEM_IS_TIMETABLE_PAGE (self));

  day = sem_timetable_dup_session_day (self->timetable, session_id);
  if (day == NULL)
    return;
  sem_timetable_set_day (self->timetable, day);
  sem_timetable_focus_session (self->timetable, session_id);
}
