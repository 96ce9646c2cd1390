/* sem-conflicts-page.c — the shown event's conflicts as a page of their own
 *
 * The page shows what the window's SemConflictList found: the same model,
 * the same rows (with the Accept toggles) and the same activation, which
 * the window answers by selecting the sessions involved.
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
  GtkListBox      *list_box;
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

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SemConflictsPage *self = SEM_CONFLICTS_PAGE (user_data);

  return sem_conflict_list_create_row (self->conflicts, SEM_CONFLICT (item));
}

static void
row_activated_cb (SemConflictsPage *self,
                  GtkListBoxRow    *row)
{
  SemConflict *conflict = g_object_get_data (G_OBJECT (row), "sem-conflict");

  if (self->conflicts != NULL && conflict != NULL)
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

  if (self->conflicts != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->conflicts, self);
      g_signal_handlers_disconnect_by_data (sem_conflict_list_get_conflicts (self->conflicts), self);
    }
  g_set_object (&self->conflicts, conflicts);

  if (conflicts != NULL)
    {
      gtk_list_box_bind_model (self->list_box, sem_conflict_list_get_conflicts (conflicts),
                               create_row_cb, self, NULL);
      g_signal_connect_swapped (conflicts, "notify::summary", G_CALLBACK (update), self);
      g_signal_connect_swapped (sem_conflict_list_get_conflicts (conflicts), "items-changed",
                                G_CALLBACK (update), self);
    }
  else
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);

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
  gtk_widget_class_bind_template_child (widget_class, SemConflictsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, SemConflictsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SemConflictsPage, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
sem_conflicts_page_init (SemConflictsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
