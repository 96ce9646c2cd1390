/* sem-conflicts-page.c — the shown event's conflicts as a page of their own
 *
 * The page shows what the window's SemConflictList found: the same model,
 * the same rows (from the list's factory, with the Accept toggles) and the
 * same activation, which the window answers by selecting the sessions
 * involved. A list view: only the rows in sight have widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-conflicts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-conflicts-page.h"

struct _SemConflictsPage
{
  AdwBin           parent_instance;

  /* template widgets */
  GtkListView     *list_view;
  GtkStack        *stack;
  GtkLabel        *summary_label;

  /* owned */
  SemConflictList *conflicts;
};

G_DEFINE_FINAL_TYPE (SemConflictsPage, sem_conflicts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONFLICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The rows are made when the list first shows, not with the window. */
static void
list_map_cb (SemConflictsPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->conflicts == NULL || gtk_list_view_get_model (self->list_view) != NULL)
    return;

  selection = gtk_no_selection_new (g_object_ref (sem_conflict_list_get_conflicts (self->conflicts)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static void
list_activate_cb (SemConflictsPage *self,
                  guint             position,
                  GtkListView      *list_view)
{
  g_autoptr(SemConflict) conflict = NULL;

  if (self->conflicts == NULL)
    return;

  conflict = g_list_model_get_item (sem_conflict_list_get_conflicts (self->conflicts), position);
  if (conflict != NULL)
    sem_conflict_list_activate (self->conflicts, conflict);
}

static void
update (SemConflictsPage *self)
{
  GListModel *model = self->conflicts != NULL ? sem_conflict_list_get_conflicts (self->conflicts) : NULL;
  gboolean any = model != NULL && g_list_model_get_n_items (model) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "none");
  gtk_label_set_label (self->summary_label,
                       self->conflicts != NULL ? sem_conflict_list_get_summary (self->conflicts) : "");
}

GtkWidget *
sem_conflicts_page_new (void)
{
  return g_object_new (SEM_TYPE_CONFLICTS_PAGE, NULL);
}

SemConflictList *
sem_conflicts_page_get_conflicts (SemConflictsPage *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICTS_PAGE (self), NULL);

  return self->conflicts;
}

void
sem_conflicts_page_set_conflicts (SemConflictsPage *self,
                                  SemConflictList  *conflicts)
{
  g_return_if_fail (SEM_IS_CONFLICTS_PAGE (self));
  g_return_if_fail (conflicts == NULL || SEM_IS_CONFLICT_LIST (conflicts));

  if (self->conflicts == conflicts)
    return;

  /* The rows go before the list whose factory made them. */
  gtk_list_view_set_model (self->list_view, NULL);
  gtk_list_view_set_factory (self->list_view, NULL);
  if (self->conflicts != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->conflicts, self);
      g_signal_handlers_disconnect_by_data (sem_conflict_list_get_conflicts (self->conflicts), self);
    }
  g_set_object (&self->conflicts, conflicts);

  if (conflicts != NULL)
    {
      g_autoptr(GtkListItemFactory) factory = sem_conflict_list_create_factory (conflicts);

      gtk_list_view_set_factory (self->list_view, factory);
      if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
        list_map_cb (self);
      g_signal_connect_swapped (conflicts, "notify::summary", G_CALLBACK (update), self);
      g_signal_connect_swapped (sem_conflict_list_get_conflicts (conflicts), "items-changed",
                                G_CALLBACK (update), self);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
}

static void
sem_conflicts_page_dispose (GObject *object)
{
  SemConflictsPage *self = SEM_CONFLICTS_PAGE (object);

  sem_conflicts_page_set_conflicts (self, NULL);
  G_OBJECT_CLASS (sem_conflicts_page_parent_class)->dispose (object);
}

static void
sem_conflicts_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SemConflictsPage *self = SEM_CONFLICTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONFLICTS:
      g_value_set_object (value, self->conflicts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_conflicts_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SemConflictsPage *self = SEM_CONFLICTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONFLICTS:
      sem_conflicts_page_set_conflicts (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_conflicts_page_class_init (SemConflictsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sem_conflicts_page_dispose;
  object_class->get_property = sem_conflicts_page_get_property;
  object_class->set_property = sem_conflicts_page_set_property;

  properties[PROP_CONFLICTS] =
    g_param_spec_object ("conflicts", NULL, NULL, SEM_TYPE_CONFLICT_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-conflicts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SemConflictsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SemConflictsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SemConflictsPage, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_map_cb);
}

static void
sem_conflicts_page_init (SemConflictsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
