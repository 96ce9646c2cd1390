/* sem-test-ui.c — what the window tests share: a shown window, waiting, finding and driving widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-test"

#include "config.h"

#include <string.h>

#include "sem-demo.h"
#include "sem-test-ui.h"

SemApplication *
sem_test_gui_init (void)
{
  g_autoptr(GError) error = NULL;
  SemApplication *app;

  if (!gtk_init_check ())
    {
      /* A TAP plan of nothing, so meson reports a skip, not an error. */
      g_print ("1..0 # SKIP no display: run under xvfb-run -a dbus-run-session --\n");
      return NULL;
    }
  adw_init ();

  app = sem_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  return app;
}

void
sem_test_gui_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
sem_test_run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      sem_test_gui_iterate ();
      g_usleep (5 * 1000);
    }
}

gboolean
sem_test_wait_until (SemTestCondition condition,
                     gconstpointer    data,
                     guint            seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      if (condition (data))
        return TRUE;
      g_usleep (10 * 1000);
    }
  return FALSE;
}

SemPlan *
sem_test_load_demo (void)
{
  g_autoptr(GError) error = NULL;
  SemPlan *plan = sem_demo_load (&error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

SemWindow *
sem_test_window_new (SemApplication *app,
                     SemDocument    *document,
                     int             width,
                     int             height,
                     const char     *event_id)
{
  SemWindow *window = sem_window_new (app);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  sem_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  if (event_id != NULL)
    {
      sem_window_select_event (window, event_id);
      g_assert_cmpstr (sem_window_get_selected_event (window), ==, event_id);
    }
  return window;
}

void
sem_test_window_close (SemWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  sem_test_gui_iterate ();
}

void
sem_test_demo_window_open (SemTestDemoWindow *f,
                           SemApplication    *app,
                           int                width,
                           int                height,
                           const char        *event_id)
{
  f->plan = sem_test_load_demo ();
  f->document = sem_document_new (f->plan, NULL);
  f->window = sem_test_window_new (app, f->document, width, height, event_id);
  sem_test_gui_iterate ();
}

void
sem_test_demo_window_close (SemTestDemoWindow *f)
{
  sem_test_window_close (f->window);
  g_clear_object (&f->document);
  g_clear_object (&f->plan);
}

void
sem_test_show_page (SemWindow  *window,
                    const char *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", page));
  sem_test_gui_iterate ();
  g_assert_cmpstr (sem_window_get_page (window), ==, page);
}

GtkWidget *
sem_test_find_widget (GtkWidget  *widget,
                      GType       type,
                      const char *css_class)
{
  if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (widget, type)) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sem_test_find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
sem_test_collect_widgets (GtkWidget  *widget,
                          GType       type,
                          const char *css_class,
                          const char *data_key,
                          GPtrArray  *found)
{
  if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (widget, type)) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)) &&
      (data_key == NULL || g_object_get_data (G_OBJECT (widget), data_key) != NULL))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sem_test_collect_widgets (child, type, css_class, data_key, found);
}

/* Whether @widget's title, label, tooltip or name is @title. */
static gboolean
has_title (GtkWidget  *widget,
           const char *title)
{
  const char *label = NULL;
  g_autofree char *stripped = NULL;

  if (ADW_IS_PREFERENCES_ROW (widget))
    label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (ADW_IS_PREFERENCES_GROUP (widget))
    label = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_BUTTON (widget) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))))
    label = adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))));
  if (GTK_IS_BUTTON (widget) && label != NULL)
    stripped = sem_test_strip_mnemonic (label);

  return g_strcmp0 (label, title) == 0 || g_strcmp0 (stripped, title) == 0 ||
         g_strcmp0 (gtk_widget_get_name (widget), title) == 0 ||
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), title) == 0;
}

GtkWidget *
sem_test_find_titled (GtkWidget  *root,
                      GType       type,
                      const char *title,
                      gboolean    mapped_only)
{
  if (mapped_only && !gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (title == NULL || has_title (root, title)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sem_test_find_titled (child, type, title, mapped_only);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *title;
} Wanted;

static gboolean
wanted_shown (gconstpointer data)
{
  const Wanted *wanted = data;

  return sem_test_find_titled (wanted->root, wanted->type, wanted->title, TRUE) != NULL;
}

GtkWidget *
sem_test_find_shown (GtkWidget  *root,
                     GType       type,
                     const char *title)
{
  Wanted wanted = { root, type, title };

  if (!sem_test_wait_until (wanted_shown, &wanted, 10))
    g_error ("no %s “%s” is shown", g_type_name (type), title != NULL ? title : "");
  return sem_test_find_titled (root, type, title, TRUE);
}

void
sem_test_click (GtkWidget  *root,
                const char *label)
{
  GtkWidget *button = sem_test_find_shown (root, GTK_TYPE_BUTTON, label);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  sem_test_gui_iterate ();
}

GtkWidget *
sem_test_find_action_button (GtkWidget  *widget,
                             const char *action_name,
                             gboolean    mapped_only)
{
  if (GTK_IS_BUTTON (widget) && (!mapped_only || gtk_widget_get_mapped (widget)) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sem_test_find_action_button (child, action_name, mapped_only);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
sem_test_find_toplevel (GType type)
{
  return GTK_WIDGET (sem_test_find_window (type, NULL, FALSE));
}

GtkWindow *
sem_test_find_window (GType       type,
                      const char *title,
                      gboolean    visible_only)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (!visible_only || gtk_widget_get_visible (GTK_WIDGET (window))) &&
          (title == NULL || g_strcmp0 (gtk_window_get_title (window), title) == 0))
        return window;  /* GTK keeps it alive */
    }
  return NULL;
}

GtkWindow *
sem_test_wait_for_window (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GtkWindow *window;

      sem_test_gui_iterate ();
      if ((window = sem_test_find_window (type, NULL, TRUE)) != NULL)
        return window;
      g_usleep (10 * 1000);
    }
  return NULL;
}

GtkWidget *
sem_test_find_named (GtkWidget  *widget,
                     GType       type,
                     const char *name)
{
  if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (widget, type)) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sem_test_find_named (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GSettings *
sem_test_app_settings (SemApplication *app)
{
  GSettings *settings = sem_application_get_settings (app);

  g_assert_nonnull (settings);
  return settings;
}

void
sem_test_reset_settings (SemApplication *app)
{
  GSettings *settings = sem_test_app_settings (app);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

void
sem_test_collect_texts (GtkWidget    *widget,
                        const char   *css_class,
                        SemTestTexts  which,
                        GPtrArray    *texts)
{
  if (which == SEM_TEST_TEXTS_MAPPED && !gtk_widget_get_mapped (widget))
    return;
  if ((GTK_IS_LABEL (widget) || GTK_IS_INSCRIPTION (widget)) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)) &&
      (which != SEM_TEST_TEXTS_VISIBLE || gtk_widget_get_visible (widget)))
    g_ptr_array_add (texts, g_strdup (GTK_IS_LABEL (widget)
                                      ? gtk_label_get_text (GTK_LABEL (widget))
                                      : gtk_inscription_get_text (GTK_INSCRIPTION (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sem_test_collect_texts (child, css_class, which, texts);
}

guint
sem_test_count_shown (GtkWidget  *widget,
                      const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  sem_test_collect_texts (widget, NULL, SEM_TEST_TEXTS_MAPPED, texts);
  for (guint i = 0; i < texts->len; i++)
    n += strstr (texts->pdata[i], text) != NULL;
  return n;
}

gboolean
sem_test_wait_for_text (GtkWidget  *widget,
                        const char *text,
                        gboolean    shown)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      if (gtk_widget_get_mapped (widget) && (sem_test_count_shown (widget, text) > 0) == shown)
        return TRUE;
      g_usleep (10 * 1000);
    }
  g_test_message ("gave up waiting for “%s” to be %s", text, shown ? "shown" : "gone");
  return FALSE;
}

char *
sem_test_strip_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("", parts);
}

GtkWidget *
sem_test_find_row (GtkWidget  *root,
                   GType       type,
                   const char *group,
                   const char *title)
{
  GtkWidget *in = group != NULL ? sem_test_find_titled (root, ADW_TYPE_PREFERENCES_GROUP, group, FALSE)
                                : root;
  GtkWidget *found = in != NULL ? sem_test_find_titled (in, type, title, FALSE) : NULL;

  if (found == NULL)
    g_error ("no row “%s” in “%s” under %s", title, group, G_OBJECT_TYPE_NAME (root));
  return found;
}

void
sem_test_fill_row (GtkWidget  *root,
                   const char *group,
                   const char *title,
                   const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sem_test_find_row (root, ADW_TYPE_ENTRY_ROW, group, title)), text);
}

void
sem_test_choose (GtkWidget  *root,
                 const char *group,
                 const char *title,
                 const char *label)
{
  AdwComboRow *combo = ADW_COMBO_ROW (sem_test_find_row (root, ADW_TYPE_COMBO_ROW, group, title));
  GListModel *items = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), label))
        {
          adw_combo_row_set_selected (combo, i);
          return;
        }
    }
  g_error ("“%s” offers no “%s”", title, label);
}

void
sem_test_open_calendar (GtkMenuButton *button)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* A popover shows only once its window is on screen: on a busy machine a
   * freshly opened editor may not be yet. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (button)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));

  g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  while (!gtk_widget_get_mapped (popover) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (popover));
}

void
sem_test_pick_day (GtkMenuButton *button,
                   const char    *day)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkCalendar *calendar = GTK_CALENDAR (sem_test_find_widget (gtk_popover_get_child (popover), GTK_TYPE_CALENDAR, NULL));
  g_autofree char *iso = g_strconcat (day, "T12:00:00Z", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (date);
  sem_test_open_calendar (button);
  gtk_calendar_select_day (calendar, date);
  g_signal_emit_by_name (calendar, "day-selected");
  sem_test_gui_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

void
sem_test_click_save (GtkWindow *editor)
{
  GtkWidget *button = sem_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "suggested-action");
  g_autoptr(GtkWindow) keep = g_object_ref (editor);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  sem_test_gui_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
}
