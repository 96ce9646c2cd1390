/* sem-document.c — a plan and the file it lives in: loading, saving, autosave
 *
 * A document exists only for a plan that loaded (or a new one): a file that
 * failed to load never gets a document, so nothing can overwrite it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-document"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-document.h"
#include "sem-plan-codec.h"

struct _SemDocument
{
  GObject       parent_instance;

  SemPlan      *plan;
  GFile        *file;
  GCancellable *cancellable;

  char         *save_error;
  guint         autosave_delay;
  gboolean      autosave;
  guint         autosave_source;
  gulong        changed_handler;

  /* Bumped on every change; a save clears "modified" only if nothing changed
   * while it was being written. */
  guint64       generation;
  guint64       saved_generation;
  gboolean      saving;

  /* Writes happen on workers and on the main thread (a save on close); the
   * lock orders them, and an older generation never replaces a newer one. */
  GMutex        write_lock;
  guint64       written_generation;
  gboolean      save_again;
};

G_DEFINE_FINAL_TYPE (SemDocument, sem_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_AUTOSAVE_DELAY,
  PROP_AUTOSAVE,
  PROP_SAVE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void autosave (SemDocument *self);

static void
set_save_error (SemDocument  *self,
                const GError *error)
{
  const char *message = error != NULL ? error->message : NULL;

  if (g_strcmp0 (self->save_error, message) == 0)
    return;
  g_free (self->save_error);
  self->save_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
}

static void
set_generation (SemDocument *self,
                guint64      generation,
                guint64      saved_generation)
{
  gboolean was_modified = sem_document_get_modified (self);

  self->generation = generation;
  self->saved_generation = saved_generation;
  if (was_modified != sem_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static gboolean
autosave_cb (gpointer user_data)
{
  SemDocument *self = user_data;

  self->autosave_source = 0;
  autosave (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (SemDocument *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->autosave && self->autosave_delay > 0 && self->file != NULL)
    self->autosave_source = g_timeout_add (self->autosave_delay, autosave_cb, self);
}

static void
plan_changed_cb (SemDocument *self)
{
  set_generation (self, self->generation + 1, self->saved_generation);
  schedule_autosave (self);
}

static void
sem_document_dispose (GObject *object)
{
  SemDocument *self = SEM_DOCUMENT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->plan);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->save_error, g_free);

  G_OBJECT_CLASS (sem_document_parent_class)->dispose (object);
}

static void
sem_document_finalize (GObject *object)
{
  SemDocument *self = SEM_DOCUMENT (object);

  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (sem_document_parent_class)->finalize (object);
}

static void
sem_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SemDocument *self = SEM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, sem_document_get_modified (self));
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    case PROP_AUTOSAVE:
      g_value_set_boolean (value, self->autosave);
      break;
    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SemDocument *self = SEM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      if (self->plan == NULL)
        self->plan = sem_plan_new ();
      self->changed_handler = g_signal_connect_swapped (self->plan, "changed",
                                                        G_CALLBACK (plan_changed_cb), self);
      break;
    case PROP_FILE:
      sem_document_set_file (self, g_value_get_object (value));
      break;
    case PROP_AUTOSAVE_DELAY:
      sem_document_set_autosave_delay (self, g_value_get_uint (value));
      break;
    case PROP_AUTOSAVE:
      sem_document_set_autosave (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_document_class_init (SemDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sem_document_dispose;
  object_class->finalize = sem_document_finalize;
  object_class->get_property = sem_document_get_property;
  object_class->set_property = sem_document_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SEM_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 0, G_MAXUINT, SEM_DOCUMENT_AUTOSAVE_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SemDocument:autosave:
   *
   * Whether changes are saved #SemDocument:autosave-delay after the last
   * edit. When off, nothing is written until sem_document_save() or
   * sem_document_save_async() is called; "modified" stays set until then.
   */
  properties[PROP_AUTOSAVE] =
    g_param_spec_boolean ("autosave", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SemDocument:save-error:
   *
   * Why the last save failed, for people; %NULL once a save succeeds. The
   * changes stay in memory and are saved again after the next edit.
   */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sem_document_init (SemDocument *self)
{
  g_mutex_init (&self->write_lock);
  self->cancellable = g_cancellable_new ();
  self->autosave_delay = SEM_DOCUMENT_AUTOSAVE_DELAY_MS;
  self->autosave = TRUE;
}

/**
 * sem_document_new:
 * @plan: (nullable): the plan; %NULL for an empty one
 * @file: (nullable): where it is saved; %NULL until Save As
 *
 * Returns: (transfer full): a document
 */
SemDocument *
sem_document_new (SemPlan *plan,
                  GFile   *file)
{
  return g_object_new (SEM_TYPE_DOCUMENT, "plan", plan, "file", file, NULL);
}

/* A plan read while the application starts: see sem_document_read_ahead (). */
typedef struct
{
  GFile   *file;
  GThread *thread;  /* returns a LoadResult */
} ReadAhead;

typedef struct
{
  SemPlan *plan;
  GError  *error;
} LoadResult;

static ReadAhead *read_ahead;  /* until a load takes it */

static gpointer
read_ahead_thread (gpointer data)
{
  ReadAhead *ahead = data;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->plan = sem_plan_codec_load_file (ahead->file, 0, NULL, &result->error);
  return result;
}

/**
 * sem_document_read_ahead:
 * @file: the plan the application is about to open
 *
 * Starts reading @file on a thread of its own at once, so that the first
 * sem_document_load_async () of the same file, made once the application
 * has started up, finds it read (or waits for the rest). Call it once, early.
 */
void
sem_document_read_ahead (GFile *file)
{
  ReadAhead *ahead;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (read_ahead == NULL);

  ahead = g_new0 (ReadAhead, 1);
  ahead->file = g_object_ref (file);
  ahead->thread = g_thread_new ("sem-read-ahead", read_ahead_thread, ahead);
  g_atomic_pointer_set (&read_ahead, ahead);
}

/* On a load's worker: the plan read ahead, if it is @file's and no other
 * load took it. */
static gboolean
take_read_ahead (GFile       *file,
                 SemPlan    **plan,
                 GError     **error)
{
  ReadAhead *ahead = g_atomic_pointer_get (&read_ahead);
  LoadResult *result;

  if (ahead == NULL || !g_file_equal (ahead->file, file) ||
      !g_atomic_pointer_compare_and_exchange (&read_ahead, ahead, NULL))
    return FALSE;

  result = g_thread_join (ahead->thread);
  *plan = result->plan;
  if (result->error != NULL)
    g_propagate_error (error, result->error);
  g_object_unref (ahead->file);
  g_free (ahead);
  g_free (result);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;

  if (!take_read_ahead (file, &plan, &error))
    plan = sem_plan_codec_load_file (file, 0, cancellable, &error);

  if (plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&plan), g_object_unref);
}

/**
 * sem_document_load_async:
 *
 * Reads and checks @file on a worker thread.
 */
void
sem_document_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sem_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * sem_document_load_finish:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
SemDocument *
sem_document_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(SemPlan) plan = NULL;
  GFile *file;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  plan = g_task_propagate_pointer (G_TASK (result), error);
  if (plan == NULL)
    return NULL;

  file = g_task_get_task_data (G_TASK (result));
  return sem_document_new (plan, file);
}

/**
 * sem_document_get_plan:
 *
 * Returns: (transfer none): the plan
 */
SemPlan *
sem_document_get_plan (SemDocument *self)
{
  g_return_val_if_fail (SEM_IS_DOCUMENT (self), NULL);

  return self->plan;
}

/**
 * sem_document_get_file:
 *
 * Returns: (transfer none) (nullable): where the plan is saved
 */
GFile *
sem_document_get_file (SemDocument *self)
{
  g_return_val_if_fail (SEM_IS_DOCUMENT (self), NULL);

  return self->file;
}

void
sem_document_set_file (SemDocument *self,
                       GFile       *file)
{
  g_return_if_fail (SEM_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || g_file_peek_path (file) != NULL);

  if (g_set_object (&self->file, file))
    {
      g_mutex_lock (&self->write_lock);
      self->written_generation = 0;
      g_mutex_unlock (&self->write_lock);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

/**
 * sem_document_get_modified:
 *
 * Returns: whether the plan has changes not yet on disk
 */
gboolean
sem_document_get_modified (SemDocument *self)
{
  g_return_val_if_fail (SEM_IS_DOCUMENT (self), FALSE);

  return self->generation != self->saved_generation;
}

guint
sem_document_get_autosave_delay (SemDocument *self)
{
  g_return_val_if_fail (SEM_IS_DOCUMENT (self), 0);

  return self->autosave_delay;
}

/**
 * sem_document_set_autosave_delay:
 * @delay_ms: how long after the last edit to save; 0 turns autosave off
 */
void
sem_document_set_autosave_delay (SemDocument *self,
                                 guint        delay_ms)
{
  g_return_if_fail (SEM_IS_DOCUMENT (self));

  if (self->autosave_delay == delay_ms)
    return;

  self->autosave_delay = delay_ms;
  if (self->autosave_source != 0 || delay_ms == 0)
    schedule_autosave (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

gboolean
sem_document_get_autosave (SemDocument *self)
{
  g_return_val_if_fail (SEM_IS_DOCUMENT (self), FALSE);

  return self->autosave;
}

/**
 * sem_document_set_autosave:
 * @autosave: whether to save by itself after each edit
 *
 * Turning autosave on saves pending changes after the delay; turning it off
 * drops a save that was waiting (one already being written completes).
 */
void
sem_document_set_autosave (SemDocument *self,
                           gboolean     autosave)
{
  g_return_if_fail (SEM_IS_DOCUMENT (self));

  autosave = !!autosave;
  if (self->autosave == autosave)
    return;

  self->autosave = autosave;
  if (!autosave)
    {
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      self->save_again = FALSE;
    }
  else if (sem_document_get_modified (self))
    schedule_autosave (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE]);
}

typedef struct
{
  char    *path;
  char    *data;
  gsize    length;
  guint64  generation;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->path);
  g_free (job->data);
  g_free (job);
}

/* Writes @data unless a newer generation is already on disk. */
static gboolean
write_generation (SemDocument  *self,
                  const char   *path,
                  const char   *data,
                  gsize         length,
                  guint64       generation,
                  GError      **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->write_lock);

  if (generation < self->written_generation)
    return TRUE;
  if (!sem_plan_codec_write_file (path, data, length, error))
    return FALSE;
  self->written_generation = generation;
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (write_generation (source_object, job->path, job->data, job->length, job->generation, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * sem_document_save:
 *
 * Saves now, on the calling thread.
 *
 * Returns: whether the plan was saved
 */
gboolean
sem_document_save (SemDocument  *self,
                   GError      **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (SEM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  g_autoptr(GError) local_error = NULL;

  data = sem_plan_codec_to_data (self->plan, &length);
  if (!write_generation (self, g_file_peek_path (self->file), data, length, self->generation,
                         &local_error))
    {
      set_save_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  set_save_error (self, NULL);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  set_generation (self, self->generation, self->generation);
  return TRUE;
}

/**
 * sem_document_save_async:
 *
 * Serialises the plan now, then writes it durably on a worker thread.
 */
void
sem_document_save_async (SemDocument         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (SEM_IS_DOCUMENT (self));
  g_return_if_fail (self->file != NULL);

  /* The plan belongs to the main thread: turn it into text here. */
  job = g_new0 (SaveJob, 1);
  job->path = g_file_get_path (self->file);
  job->data = sem_plan_codec_to_data (self->plan, &job->length);
  job->generation = self->generation;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->saving = TRUE;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sem_document_save_async);
  g_task_set_task_data (task, job, save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
sem_document_save_finish (SemDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  SaveJob *job;
  gboolean saved;

  g_return_val_if_fail (SEM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  saved = g_task_propagate_boolean (G_TASK (result), &local_error);
  self->saving = FALSE;
  if (saved)
    set_generation (self, self->generation, job->generation);
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_save_error (self, local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  if (self->save_again)
    {
      self->save_again = FALSE;
      schedule_autosave (self);
    }

  return saved;
}

/* A failed autosave is reported through SemDocument:save-error. */
static void
autosave_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  sem_document_save_finish (SEM_DOCUMENT (object), result, NULL);
}

static void
autosave (SemDocument *self)
{
  if (!self->autosave || self->file == NULL || !sem_document_get_modified (self))
    return;

  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  sem_document_save_async (self, self->cancellable, autosave_done_cb, NULL);
}

/**
 * sem_document_get_save_error:
 *
 * Returns: (transfer none) (nullable): why the last save failed
 */
const char *
sem_document_get_save_error (SemDocument *self)
{
  g_return_val_if_fail (SEM_IS_DOCUMENT (self), NULL);

  return self->save_error;
}
