/* sem-preferences-window.c — the application's preferences
 *
 * Each row is bound to its GSettings key, so a change takes effect at once
 * in every window that follows the key (autosave, the travel buffer) and
 * is kept for the next start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-ical.h"
#include "sem-preferences-window.h"

struct _SemPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  GtkSwitch            *autosave_switch;
  AdwComboRow          *timezone_row;
  GtkAdjustment        *travel_buffer_adjustment;
  GtkSpinButton        *travel_buffer_spin;

  /* owned */
  GSettings            *settings;
  GtkStringList        *timezones;
};

G_DEFINE_FINAL_TYPE (SemPreferencesWindow, sem_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * sem_preferences_list_timezones:
 *
 * Returns: (transfer full): the IANA timezones libical knows, and UTC, in
 *   name order
 */
GStrv
sem_preferences_list_timezones (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  icalarray *zones;

  sem_ical_lock ();
  zones = icaltimezone_get_builtin_timezones ();
  for (size_t i = 0; zones != NULL && i < zones->num_elements; i++)
    {
      icaltimezone *zone = icalarray_element_at (zones, i);
      const char *location = icaltimezone_get_location (zone);

      if (location != NULL && strchr (location, '/') != NULL)
        g_ptr_array_add (names, g_strdup (location));
    }
  sem_ical_unlock ();

  g_ptr_array_add (names, g_strdup ("UTC"));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* "America/Argentina/Buenos_Aires" → "America/Argentina/Buenos Aires" */
static char *
timezone_display_name_cb (GtkStringObject *item)
{
  return g_strdelimit (g_strdup (gtk_string_object_get_string (item)), "_", ' ');
}

static gboolean
timezone_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  GListModel *timezones = user_data;
  const char *wanted = g_variant_get_string (variant, NULL);
  guint n = g_list_model_get_n_items (timezones);

  for (guint i = 0; i < n; i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (timezones), i);

      if (g_strcmp0 (name, wanted) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  /* Unknown here: GSettings falls back to the default, Europe/Sofia. */
  return FALSE;
}

static GVariant *
timezone_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  GtkStringList *timezones = user_data;
  const char *name = gtk_string_list_get_string (timezones, g_value_get_uint (value));

  return name != NULL ? g_variant_new_string (name) : NULL;
}

static gboolean
minutes_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
minutes_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) CLAMP (g_value_get_double (value), 0, 1440));
}

static void
bind_settings (SemPreferencesWindow *self)
{
  g_settings_bind_with_mapping (self->settings, "default-timezone",
                                self->timezone_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                timezone_get_mapping, timezone_set_mapping,
                                g_object_ref (self->timezones), g_object_unref);
  g_settings_bind_with_mapping (self->settings, "travel-buffer",
                                self->travel_buffer_adjustment, "value", G_SETTINGS_BIND_DEFAULT,
                                minutes_get_mapping, minutes_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "autosave", self->autosave_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
sem_preferences_window_constructed (GObject *object)
{
  SemPreferencesWindow *self = SEM_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (sem_preferences_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  bind_settings (self);
}

static void
sem_preferences_window_dispose (GObject *object)
{
  SemPreferencesWindow *self = SEM_PREFERENCES_WINDOW (object);

  /* The bindings go with the widgets: unbind first so that no change of a
   * widget being destroyed reaches the settings. */
  if (self->timezone_row != NULL)
    {
      g_settings_unbind (self->timezone_row, "selected");
      g_settings_unbind (self->travel_buffer_adjustment, "value");
      g_settings_unbind (self->autosave_switch, "active");
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SEM_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (sem_preferences_window_parent_class)->dispose (object);
}

static void
sem_preferences_window_finalize (GObject *object)
{
  SemPreferencesWindow *self = SEM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->timezones);

  G_OBJECT_CLASS (sem_preferences_window_parent_class)->finalize (object);
}

static void
sem_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SemPreferencesWindow *self = SEM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SemPreferencesWindow *self = SEM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_preferences_window_class_init (SemPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sem_preferences_window_constructed;
  object_class->dispose = sem_preferences_window_dispose;
  object_class->finalize = sem_preferences_window_finalize;
  object_class->get_property = sem_preferences_window_get_property;
  object_class->set_property = sem_preferences_window_set_property;

  /**
   * SemPreferencesWindow:settings:
   *
   * The application's settings (schema org.sofia.Seminars) the rows change.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SemPreferencesWindow, autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, SemPreferencesWindow, timezone_row);
  gtk_widget_class_bind_template_child (widget_class, SemPreferencesWindow, travel_buffer_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SemPreferencesWindow, travel_buffer_spin);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sem_preferences_window_init (SemPreferencesWindow *self)
{
  g_auto(GStrv) zones = sem_preferences_list_timezones ();
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->timezones = gtk_string_list_new ((const char * const *) zones);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (timezone_display_name_cb), NULL, NULL);
  adw_combo_row_set_expression (self->timezone_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->timezone_row, G_LIST_MODEL (self->timezones));
}

/**
 * sem_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: settings of the schema org.sofia.Seminars
 *
 * Returns: (transfer full): a preferences window, not yet shown
 */
SemPreferencesWindow *
sem_preferences_window_new (GtkWindow *parent,
                            GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SEM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

/**
 * sem_preferences_window_get_settings:
 *
 * Returns: (transfer none): the settings the window changes
 */
GSettings *
sem_preferences_window_get_settings (SemPreferencesWindow *self)
{
  g_return_val_if_fail (SEM_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
