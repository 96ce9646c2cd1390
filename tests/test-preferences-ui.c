/* test-preferences-ui.c — the preferences window changes the settings and follows them; the desktop file's types
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preferences-ui"

#include "config.h"

#include <adwaita.h>

#include "sem-application.h"
#include "sem-preferences-window.h"
#include "sem-test-ui.h"

static SemApplication *app;

/* Preferences */

static void
test_preferences (void)
{
  GSettings *settings = sem_test_app_settings (app);
  SemPreferencesWindow *preferences;
  AdwComboRow *timezone_row;
  GtkSpinButton *spin;
  GtkSwitch *toggle;
  GListModel *zones;
  guint brussels = GTK_INVALID_LIST_POSITION;

  sem_test_reset_settings (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = SEM_PREFERENCES_WINDOW (sem_test_wait_for_window (SEM_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  g_assert_true (sem_preferences_window_get_settings (preferences) == settings);

  timezone_row = ADW_COMBO_ROW (sem_test_find_named (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, NULL));
  spin = GTK_SPIN_BUTTON (sem_test_find_named (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, NULL));
  toggle = GTK_SWITCH (sem_test_find_named (GTK_WIDGET (preferences), GTK_TYPE_SWITCH, NULL));
  g_assert_nonnull (timezone_row);
  g_assert_nonnull (spin);
  g_assert_nonnull (toggle);

  /* The defaults are shown. */
  zones = adw_combo_row_get_model (timezone_row);
  g_assert_cmpuint (g_list_model_get_n_items (zones), >, 300);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (zones),
                                               adw_combo_row_get_selected (timezone_row)),
                   ==, "Europe/Sofia");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 30);
  g_assert_true (gtk_switch_get_active (toggle));

  /* Changing the widgets changes the settings. */
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (zones), i), "Europe/Brussels") == 0)
      brussels = i;
  g_assert_cmpuint (brussels, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (timezone_row, brussels);
  gtk_spin_button_set_value (spin, 45);
  gtk_widget_activate (GTK_WIDGET (toggle));
  {
    /* The switch moves with an animation, then changes state. */
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (gtk_switch_get_active (toggle) && g_get_monotonic_time () < deadline)
      sem_test_run_for (10);
  }

  {
    g_autofree char *zone = g_settings_get_string (settings, "default-timezone");

    g_assert_cmpstr (zone, ==, "Europe/Brussels");
  }
  g_assert_cmpint (g_settings_get_int (settings, "travel-buffer"), ==, 45);
  g_assert_false (g_settings_get_boolean (settings, "autosave"));

  /* And the other way round. */
  g_settings_set_int (settings, "travel-buffer", 10);
  g_settings_set_boolean (settings, "autosave", TRUE);
  g_settings_set_string (settings, "default-timezone", "Asia/Tokyo");
  sem_test_gui_iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 10);
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (zones),
                                               adw_combo_row_get_selected (timezone_row)),
                   ==, "Asia/Tokyo");

  gtk_window_close (GTK_WINDOW (preferences));
  sem_test_gui_iterate ();
  g_assert_null (sem_test_find_window (SEM_TYPE_PREFERENCES_WINDOW, NULL, TRUE));
  sem_test_reset_settings (app);
}

/* Files */

static void
test_desktop_mime (void)
{
  g_autofree char *desktop = g_test_build_filename (G_TEST_DIST, "..", "org.sofia.Seminars.desktop", NULL);
  g_autofree char *mime = g_test_build_filename (G_TEST_DIST, "..", "data", "org.sofia.Seminars.mime.xml.in", NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) types = NULL;
  g_autofree char *xml = NULL;

  g_assert_true (g_key_file_load_from_file (keys, desktop, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  types = g_key_file_get_string_list (keys, "Desktop Entry", "MimeType", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) types, "text/calendar"));
  g_assert_true (g_strv_contains ((const char * const *) types, "application/x-sofia-seminars-plan"));

  /* The type the desktop file claims is the one the MIME file defines. */
  xml = sem_test_read_file (mime, NULL);
  g_assert_nonnull (strstr (xml, "type=\"application/x-sofia-seminars-plan\""));
  g_assert_nonnull (strstr (xml, "org.sofia.Seminars.plan"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  app = sem_test_gui_init ();
  if (app == NULL)
    return 0;

  g_test_add_func ("/preferences-ui/desktop-mime", test_desktop_mime);
  g_test_add_func ("/preferences-ui/preferences", test_preferences);

  status = g_test_run ();

  g_object_unref (app);
  return status;
}
