/* sem-application.c — the application: windows, settings, app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sem-application-private.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-plan-codec.h"
#include "sem-window.h"

struct _SemApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;   /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (SemApplication, sem_application, ADW_TYPE_APPLICATION)

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  /* Running from the build tree the schema is not installed: go without. */
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; settings are not kept", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new (APPLICATION_ID);
}

/* Writes the bundled demo plan to @file so that a first start shows something. */
static gboolean
seed_from_demo (GFile   *file,
                GError **error)
{
  g_autoptr(GBytes) bytes = sem_demo_get_bytes ();
  g_autofree char *dir = g_path_get_dirname (g_file_peek_path (file));
  const char *data;
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &length);
  return sem_plan_codec_write_file (g_file_peek_path (file), data, length, error);
}

typedef struct
{
  GFile *last;     /* (nullable): the plan open last time */
  GFile *default_plan;
} ChoosePlan;

static void
choose_plan_free (ChoosePlan *choose)
{
  g_clear_object (&choose->last);
  g_clear_object (&choose->default_plan);
  g_free (choose);
}

/* On a worker thread, as it looks at files and may write one: the plan open
 * last time if it is still there, else the default plan, made from the demo
 * plan on the first start. */
static void
choose_plan_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ChoosePlan *choose = task_data;
  g_autoptr(GError) error = NULL;

  if (choose->last != NULL && g_file_peek_path (choose->last) != NULL &&
      g_file_query_exists (choose->last, NULL))
    {
      g_task_return_pointer (task, g_object_ref (choose->last), g_object_unref);
      return;
    }

  if (!g_file_query_exists (choose->default_plan, NULL) && !seed_from_demo (choose->default_plan, &error))
    g_warning ("Could not write the demo plan: %s", error->message);

  /* Opened all the same: if it is not there, the window says so. */
  g_task_return_pointer (task, g_object_ref (choose->default_plan), g_object_unref);
}

static void
plan_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SemWindow) window = user_data;
  g_autoptr(GFile) file = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Closed before the plan was chosen: a destroyed window has left the
   * application. */
  if (gtk_window_get_application (GTK_WINDOW (window)) == NULL)
    return;
  sem_window_open_file (window, file);
}

/* Opens the plan to start with in @window, chosen off the main thread. */
static void
open_plan_to_start_with (SemApplication *self,
                         SemWindow      *window)
{
  g_autoptr(GTask) task = NULL;
  ChoosePlan *choose = g_new0 (ChoosePlan, 1);

  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-plan");

      /* Accept a path or a URI: the key has held either. */
      if (last != NULL && last[0] != '\0')
        choose->last = g_file_new_for_commandline_arg (last);
    }
  choose->default_plan = sem_application_get_default_plan (self);

  task = g_task_new (self, NULL, plan_chosen_cb, g_object_ref (window));
  g_task_set_source_tag (task, open_plan_to_start_with);
  g_task_set_task_data (task, choose, (GDestroyNotify) choose_plan_free);
  g_task_run_in_thread (task, choose_plan_thread);
}

static void
sem_application_startup (GApplication *app)
{
  SemApplication *self = SEM_APPLICATION (app);

  /* Before chaining up: AdwApplication loads style.css and GtkApplication the
   * help overlay from our resource base path. */
  sem_resources_register ();

  G_APPLICATION_CLASS (sem_application_parent_class)->startup (app);

  g_set_application_name (_("Sofia Seminars"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = settings_new_if_installed ();
  sem_application_install_actions (self);
}

static void
sem_application_activate (GApplication *app)
{
  SemApplication *self = SEM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (sem_window_new (self));
  open_plan_to_start_with (self, SEM_WINDOW (window));
  gtk_window_present (window);
}

static gboolean
is_calendar_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *type = NULL;

  if (basename == NULL)
    return FALSE;
  type = g_content_type_guess (basename, NULL, 0, NULL);
  return g_content_type_is_a (type, "text/calendar");
}

/* Imports the calendars once the window shows a plan. */
static void
window_notify_document_cb (SemWindow  *window,
                           GParamSpec *pspec,
                           GPtrArray  *calendars)
{
  if (sem_window_get_document (window) == NULL)
    return;

  g_signal_handlers_disconnect_by_func (window, window_notify_document_cb, calendars);
  for (guint i = 0; i < calendars->len; i++)
    sem_window_import_file (window, g_ptr_array_index (calendars, i));
}

static void
calendars_free (gpointer  data,
                GClosure *closure)
{
  g_ptr_array_unref (data);
}

/* Plans open in windows of their own; calendars (.ics) are imported into
 * the plan shown in the active window, opening the usual plan first when
 * there is no window. */
static void
sem_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  SemApplication *self = SEM_APPLICATION (app);
  g_autoptr(GPtrArray) calendars = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *active;

  for (int i = 0; i < n_files; i++)
    {
      SemWindow *window;

      if (is_calendar_file (files[i]))
        {
          g_ptr_array_add (calendars, g_object_ref (files[i]));
          continue;
        }

      window = sem_window_new (self);
      sem_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }

  if (calendars->len == 0)
    return;

  active = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (!SEM_IS_WINDOW (active))
    {
      active = GTK_WINDOW (sem_window_new (self));
      open_plan_to_start_with (self, SEM_WINDOW (active));
    }
  gtk_window_present (active);

  if (sem_window_get_document (SEM_WINDOW (active)) != NULL)
    {
      for (guint i = 0; i < calendars->len; i++)
        sem_window_import_file (SEM_WINDOW (active), g_ptr_array_index (calendars, i));
    }
  else
    g_signal_connect_data (active, "notify::document", G_CALLBACK (window_notify_document_cb),
                           g_steal_pointer (&calendars), calendars_free, 0);
}

static void
sem_application_dispose (GObject *object)
{
  SemApplication *self = SEM_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sem_application_parent_class)->dispose (object);
}

static void
sem_application_class_init (SemApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sem_application_dispose;

  app_class->startup = sem_application_startup;
  app_class->activate = sem_application_activate;
  app_class->open = sem_application_open;
}

static void
sem_application_init (SemApplication *self)
{
}

/**
 * sem_application_new:
 *
 * Returns: (transfer full): the application
 */
SemApplication *
sem_application_new (void)
{
  return g_object_new (SEM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/sofia/Seminars",
                       NULL);
}

/**
 * sem_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the schema
 *   is not installed (running from the build tree)
 */
GSettings *
sem_application_get_settings (SemApplication *self)
{
  g_return_val_if_fail (SEM_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * sem_application_read_ahead:
 * @argc: the program's arguments
 * @argv: (array length=argc):
 *
 * When the command line names one plan (`sofia-seminars PLAN.json`), starts
 * reading it at once, so that it loads while GTK starts up and the window is
 * built. Call before g_application_run ().
 */
void
sem_application_read_ahead (int   argc,
                            char *argv[])
{
  g_autoptr(GFile) plan = NULL;

  if (argc != 2 || argv[1][0] == '-' || !g_str_has_suffix (argv[1], ".json"))
    return;

  plan = g_file_new_for_commandline_arg (argv[1]);
  sem_document_read_ahead (plan);
}

/**
 * sem_application_get_default_plan:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/org.sofia.Seminars/plan.json`
 */
GFile *
sem_application_get_default_plan (SemApplication *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SEM_IS_APPLICATION (self), NULL);

  path = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "plan.json", NULL);
  return g_file_new_for_path (path);
}

/**
 * sem_application_remember_plan:
 * @file: a plan that loaded or was saved
 *
 * Keeps @file as the plan to open at the next start.
 */
void
sem_application_remember_plan (SemApplication *self,
                               GFile          *file)
{
  g_return_if_fail (SEM_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->settings != NULL && g_file_peek_path (file) != NULL)
    g_settings_set_string (self->settings, "last-plan", g_file_peek_path (file));
}
