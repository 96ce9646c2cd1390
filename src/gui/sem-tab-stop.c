/* sem-tab-stop.c — a bin that Tab enters and leaves in one step
 *
 * GTK 4.8's GtkListBox takes Tab from row to row, selecting each on the way:
 * in a list that switches what the window shows, someone tabbing towards
 * the content would pass through every row. Its GtkListView does the
 * opposite: Tab passes it by until one of its rows has had the focus. Inside
 * a SemTabStop, Tab comes in at the selected row (or the first) and goes
 * straight on to what follows; the arrow keys still move from row to row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-tab-stop"

#include "config.h"

#include "sem-tab-stop.h"

struct _SemTabStop
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (SemTabStop, sem_tab_stop, ADW_TYPE_BIN)

/* The list box or list view under @widget. */
static GtkWidget *
find_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row of @list to focus: the selected one, else the first. A list
 * view's children are its rows on screen, a selected one flagged so. */
static GtkWidget *
find_row (GtkWidget *list)
{
  GtkWidget *first = NULL;

  if (GTK_IS_LIST_BOX (list))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));

      return GTK_WIDGET (row != NULL ? row : gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
    }

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!gtk_widget_get_visible (row) || !gtk_widget_get_focusable (row))
        continue;
      if (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED)
        return row;
      if (first == NULL)
        first = row;
    }
  return first;
}

static gboolean
sem_tab_stop_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  GtkWidget *list;
  GtkWidget *row;

  if (child == NULL ||
      (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD))
    return GTK_WIDGET_CLASS (sem_tab_stop_parent_class)->focus (widget, direction);

  /* Already inside: Tab moves on. */
  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  list = find_list (child);
  row = list != NULL ? find_row (list) : NULL;
  if (row != NULL && gtk_widget_is_visible (row) && gtk_widget_grab_focus (row))
    return TRUE;

  return gtk_widget_child_focus (child, direction);
}

static void
sem_tab_stop_class_init (SemTabStopClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->focus = sem_tab_stop_focus;
}

static void
sem_tab_stop_init (SemTabStop *self)
{
}
