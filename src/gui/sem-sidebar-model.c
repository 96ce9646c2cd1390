/* sem-sidebar-model.c — the window's sidebar: events under their programmes' headings
 *
 * A flat list for a GtkListView, which (in GTK 4.8) has no section
 * headers: each run of events of one programme is preceded by a
 * SemSidebarHeading. The events come from a model that keeps them grouped by
 * programme; on every change the list is worked out again (a plan has tens
 * of events, not thousands) and only the stretch that differs is announced,
 * so the rows of everything else stay as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <gtk/gtk.h>

#include "sem-event.h"
#include "sem-sidebar-model.h"

/* ------------------------------------------------------------------------ */
/* A programme's heading */

struct _SemSidebarHeading
{
  GObject  parent_instance;
  char    *programme;  /* NULL: the events of no programme */
};

G_DEFINE_FINAL_TYPE (SemSidebarHeading, sem_sidebar_heading, G_TYPE_OBJECT)

static void
sem_sidebar_heading_finalize (GObject *object)
{
  g_free (SEM_SIDEBAR_HEADING (object)->programme);
  G_OBJECT_CLASS (sem_sidebar_heading_parent_class)->finalize (object);
}

static void
sem_sidebar_heading_class_init (SemSidebarHeadingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sem_sidebar_heading_finalize;
}

static void
sem_sidebar_heading_init (SemSidebarHeading *self)
{
}

/**
 * sem_sidebar_heading_get_programme:
 *
 * Returns: (nullable): the id of the programme whose events follow; %NULL
 *   for events that belong to none
 */
const char *
sem_sidebar_heading_get_programme (SemSidebarHeading *self)
{
  g_return_val_if_fail (SEM_IS_SIDEBAR_HEADING (self), NULL);

  return self->programme;
}

/* ------------------------------------------------------------------------ */
/* The list */

struct _SemSidebarModel
{
  GObject     parent_instance;

  GListModel *events;    /* SemEvent, grouped by programme */
  GPtrArray  *items;     /* SemEvent and SemSidebarHeading */
  GHashTable *headings;  /* programme id, "" for none → SemSidebarHeading */
};

static GType
sem_sidebar_model_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
sem_sidebar_model_get_n_items (GListModel *model)
{
  return SEM_SIDEBAR_MODEL (model)->items->len;
}

static gpointer
sem_sidebar_model_get_item (GListModel *model,
                            guint       position)
{
  SemSidebarModel *self = SEM_SIDEBAR_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
sem_sidebar_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sem_sidebar_model_get_item_type;
  iface->get_n_items = sem_sidebar_model_get_n_items;
  iface->get_item = sem_sidebar_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SemSidebarModel, sem_sidebar_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sem_sidebar_model_list_model_init))

/* The one heading of @programme, made when first needed. */
static SemSidebarHeading *
get_heading (SemSidebarModel *self,
             const char      *programme)
{
  SemSidebarHeading *heading = g_hash_table_lookup (self->headings, programme != NULL ? programme : "");

  if (heading == NULL)
    {
      heading = g_object_new (SEM_TYPE_SIDEBAR_HEADING, NULL);
      heading->programme = g_strdup (programme);
      g_hash_table_insert (self->headings, g_strdup (programme != NULL ? programme : ""), heading);
    }
  return heading;
}

static void
rebuild (SemSidebarModel *self)
{
  g_autoptr(GPtrArray) old = self->items;
  guint n = self->events != NULL ? g_list_model_get_n_items (self->events) : 0;
  const char *programme = NULL;
  guint prefix = 0;
  guint suffix = 0;

  self->items = g_ptr_array_new_full (n + 4, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      SemEvent *event = g_list_model_get_item (self->events, i);

      if (i == 0 || g_strcmp0 (sem_event_get_programme (event), programme) != 0)
        g_ptr_array_add (self->items, g_object_ref (get_heading (self, sem_event_get_programme (event))));
      programme = sem_event_get_programme (event);
      g_ptr_array_add (self->items, event);
    }

  while (prefix < old->len && prefix < self->items->len &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (self->items, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < self->items->len - prefix &&
         g_ptr_array_index (old, old->len - 1 - suffix) ==
         g_ptr_array_index (self->items, self->items->len - 1 - suffix))
    suffix++;

  if (prefix + suffix < old->len || prefix + suffix < self->items->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix, self->items->len - prefix - suffix);
}

static void
events_changed_cb (SemSidebarModel *self)
{
  rebuild (self);
}

static void
sem_sidebar_model_dispose (GObject *object)
{
  SemSidebarModel *self = SEM_SIDEBAR_MODEL (object);

  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);
  G_OBJECT_CLASS (sem_sidebar_model_parent_class)->dispose (object);
}

static void
sem_sidebar_model_finalize (GObject *object)
{
  SemSidebarModel *self = SEM_SIDEBAR_MODEL (object);

  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->headings);
  G_OBJECT_CLASS (sem_sidebar_model_parent_class)->finalize (object);
}

static void
sem_sidebar_model_class_init (SemSidebarModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sem_sidebar_model_dispose;
  object_class->finalize = sem_sidebar_model_finalize;
}

static void
sem_sidebar_model_init (SemSidebarModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->headings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * sem_sidebar_model_new:
 * @events: the events, grouped by programme (a heading starts each group)
 *
 * Returns: (transfer full): the sidebar's list, following @events
 */
SemSidebarModel *
sem_sidebar_model_new (GListModel *events)
{
  SemSidebarModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (events), NULL);

  self = g_object_new (SEM_TYPE_SIDEBAR_MODEL, NULL);
  self->events = g_object_ref (events);
  g_signal_connect_swapped (events, "items-changed", G_CALLBACK (events_changed_cb), self);
  rebuild (self);
  return self;
}

/**
 * sem_sidebar_model_find_event:
 *
 * Returns: the position of the event @event_id, or %GTK_INVALID_LIST_POSITION
 */
guint
sem_sidebar_model_find_event (SemSidebarModel *self,
                              const char      *event_id)
{
  g_return_val_if_fail (SEM_IS_SIDEBAR_MODEL (self), GTK_INVALID_LIST_POSITION);

  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);

      if (SEM_IS_EVENT (item) && g_strcmp0 (sem_entity_get_id (item), event_id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}
