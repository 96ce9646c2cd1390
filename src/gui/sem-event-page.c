/* sem-event-page.c — the base of the pages that show one event of a plan
 *
 * The sessions, delegations, people and rooms pages all show what one
 * event of a plan holds and follow the plan live. This keeps their "plan"
 * and "event" properties and the plan's "changed" signal in one place, and
 * tells the page through its class's rebind() and plan_changed().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-event-page"

#include "config.h"

#include "sem-event-page.h"

typedef struct
{
  SemPlan  *plan;
  SemEvent *event;
  gulong    changed_id;
} SemEventPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SemEventPage, sem_event_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rebind (SemEventPage *self,
        gboolean      new_plan)
{
  SemEventPageClass *klass = SEM_EVENT_PAGE_GET_CLASS (self);

  if (klass->rebind != NULL)
    klass->rebind (self, new_plan);
}

static void
plan_changed_cb (SemEventPage *self)
{
  SemEventPageClass *klass = SEM_EVENT_PAGE_GET_CLASS (self);

  if (klass->plan_changed != NULL)
    klass->plan_changed (self);
}

/**
 * sem_event_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
SemPlan *
sem_event_page_get_plan (SemEventPage *self)
{
  SemEventPagePrivate *priv = sem_event_page_get_instance_private (self);

  g_return_val_if_fail (SEM_IS_EVENT_PAGE (self), NULL);

  return priv->plan;
}

/**
 * sem_event_page_set_plan:
 * @plan: (nullable): the plan to show, followed live
 */
void
sem_event_page_set_plan (SemEventPage *self,
                         SemPlan      *plan)
{
  SemEventPagePrivate *priv = sem_event_page_get_instance_private (self);

  g_return_if_fail (SEM_IS_EVENT_PAGE (self));
  g_return_if_fail (plan == NULL || SEM_IS_PLAN (plan));

  if (priv->plan == plan)
    return;

  g_clear_signal_handler (&priv->changed_id, priv->plan);
  g_set_object (&priv->plan, plan);
  if (plan != NULL)
    priv->changed_id = g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);
  rebind (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * sem_event_page_get_event:
 *
 * Returns: (transfer none) (nullable): the event shown
 */
SemEvent *
sem_event_page_get_event (SemEventPage *self)
{
  SemEventPagePrivate *priv = sem_event_page_get_instance_private (self);

  g_return_val_if_fail (SEM_IS_EVENT_PAGE (self), NULL);

  return priv->event;
}

/**
 * sem_event_page_set_event:
 * @event: (nullable): an event of the plan
 */
void
sem_event_page_set_event (SemEventPage *self,
                          SemEvent     *event)
{
  SemEventPagePrivate *priv = sem_event_page_get_instance_private (self);

  g_return_if_fail (SEM_IS_EVENT_PAGE (self));
  g_return_if_fail (event == NULL || SEM_IS_EVENT (event));

  if (!g_set_object (&priv->event, event))
    return;
  rebind (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

static void
sem_event_page_dispose (GObject *object)
{
  SemEventPage *self = SEM_EVENT_PAGE (object);
  SemEventPagePrivate *priv = sem_event_page_get_instance_private (self);

  g_clear_signal_handler (&priv->changed_id, priv->plan);

  G_OBJECT_CLASS (sem_event_page_parent_class)->dispose (object);
}

/* Not in dispose: a page's filters and sorters, kept until its finalize,
 * may still look things up in the plan while they go. */
static void
sem_event_page_finalize (GObject *object)
{
  SemEventPage *self = SEM_EVENT_PAGE (object);
  SemEventPagePrivate *priv = sem_event_page_get_instance_private (self);

  g_clear_object (&priv->plan);
  g_clear_object (&priv->event);

  G_OBJECT_CLASS (sem_event_page_parent_class)->finalize (object);
}

static void
sem_event_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SemEventPage *self = SEM_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, sem_event_page_get_plan (self));
      break;
    case PROP_EVENT:
      g_value_set_object (value, sem_event_page_get_event (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_event_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SemEventPage *self = SEM_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      sem_event_page_set_plan (self, g_value_get_object (value));
      break;
    case PROP_EVENT:
      sem_event_page_set_event (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_event_page_class_init (SemEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sem_event_page_dispose;
  object_class->finalize = sem_event_page_finalize;
  object_class->get_property = sem_event_page_get_property;
  object_class->set_property = sem_event_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SEM_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, SEM_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sem_event_page_init (SemEventPage *self)
{
}
