/* sem-conflict-options.c — what a conflict check takes besides the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-conflict"

#include "config.h"

#include "sem-conflict-private.h"

G_DEFINE_BOXED_TYPE (SemConflictOptions, sem_conflict_options,
                     sem_conflict_options_copy, sem_conflict_options_free)

static void
clear_busy (gpointer data)
{
  SemConflictBusy *busy = data;

  g_free (busy->owner_id);
  g_free (busy->busy_id);
  g_free (busy->label);
}

/**
 * sem_conflict_options_new:
 *
 * Returns: (transfer full): the defaults: a 30-minute travel buffer, the
 *   locale's language, busy time from the plan's feeds, no other busy time
 */
SemConflictOptions *
sem_conflict_options_new (void)
{
  SemConflictOptions *options = g_new0 (SemConflictOptions, 1);

  options->travel_buffer = SEM_CONFLICT_DEFAULT_TRAVEL_BUFFER;
  options->use_feeds = TRUE;
  options->busy = g_array_new (FALSE, FALSE, sizeof (SemConflictBusy));
  g_array_set_clear_func (options->busy, clear_busy);

  return options;
}

/**
 * sem_conflict_options_copy:
 *
 * Returns: (transfer full): a deep copy of @options
 */
SemConflictOptions *
sem_conflict_options_copy (const SemConflictOptions *options)
{
  SemConflictOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = sem_conflict_options_new ();
  copy->travel_buffer = options->travel_buffer;
  copy->lang = g_strdup (options->lang);
  copy->use_feeds = options->use_feeds;
  for (guint i = 0; i < options->busy->len; i++)
    {
      const SemConflictBusy *busy = &g_array_index (options->busy, SemConflictBusy, i);

      sem_conflict_options_add_busy (copy, busy->owner_kind, busy->owner_id, busy->busy_id,
                                     busy->start, busy->end, busy->label);
    }

  return copy;
}

void
sem_conflict_options_free (SemConflictOptions *options)
{
  if (options == NULL)
    return;

  g_array_unref (options->busy);
  g_free (options->lang);
  g_free (options);
}

/**
 * sem_conflict_options_set_travel_buffer:
 * @seconds: the least gap between sessions in different venues, at least 0
 */
void
sem_conflict_options_set_travel_buffer (SemConflictOptions *options,
                                        gint64              seconds)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (seconds >= 0);

  options->travel_buffer = seconds;
}

gint64
sem_conflict_options_get_travel_buffer (const SemConflictOptions *options)
{
  g_return_val_if_fail (options != NULL, SEM_CONFLICT_DEFAULT_TRAVEL_BUFFER);

  return options->travel_buffer;
}

/**
 * sem_conflict_options_set_language:
 * @lang: (nullable): "en" or "bg" for the explanations' titles and names;
 *   %NULL to follow the locale
 */
void
sem_conflict_options_set_language (SemConflictOptions *options,
                                   const char         *lang)
{
  g_return_if_fail (options != NULL);

  g_free (options->lang);
  options->lang = g_strdup (lang);
}

/**
 * sem_conflict_options_get_language:
 *
 * Returns: (transfer none) (nullable): the language set, or %NULL for the locale's
 */
const char *
sem_conflict_options_get_language (const SemConflictOptions *options)
{
  g_return_val_if_fail (options != NULL, NULL);

  return options->lang;
}

/**
 * sem_conflict_options_set_use_feeds:
 *
 * Whether every event cached in a feed of the plan is busy time of the
 * people and delegations the feed names.
 */
void
sem_conflict_options_set_use_feeds (SemConflictOptions *options,
                                    gboolean            use_feeds)
{
  g_return_if_fail (options != NULL);

  options->use_feeds = !!use_feeds;
}

gboolean
sem_conflict_options_get_use_feeds (const SemConflictOptions *options)
{
  g_return_val_if_fail (options != NULL, TRUE);

  return options->use_feeds;
}

/**
 * sem_conflict_options_add_busy:
 * @owner_kind: whether @owner_id names a person or a delegation
 * @owner_id: whose busy time it is
 * @busy_id: identifies the interval in conflict ids; stable across runs
 *   (a feed's "FEED/UID[/RECURRENCE-ID]")
 * @start: Unix seconds, UTC, included
 * @end: Unix seconds, UTC, excluded; an interval with @end ≤ @start is ignored
 * @label: (nullable): what the busy time is, for the explanation
 *
 * Adds an external busy interval.
 */
void
sem_conflict_options_add_busy (SemConflictOptions *options,
                               SemConflictOwner    owner_kind,
                               const char         *owner_id,
                               const char         *busy_id,
                               gint64              start,
                               gint64              end,
                               const char         *label)
{
  SemConflictBusy busy;

  g_return_if_fail (options != NULL);
  g_return_if_fail (owner_id != NULL);
  g_return_if_fail (busy_id != NULL);

  busy.owner_kind = owner_kind;
  busy.owner_id = g_strdup (owner_id);
  busy.busy_id = g_strdup (busy_id);
  busy.start = start;
  busy.end = end;
  busy.label = g_strdup (label);
  g_array_append_val (options->busy, busy);
}
