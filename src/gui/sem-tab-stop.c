/* sem-tab-stop.c — a bin that Tab enters and leaves in one step
 *
 * GTK 4.8's GtkListBox takes Tab from row to row, selecting each on the way:
 * in a sidebar that switches what the window shows, someone tabbing towards
 * the content would pass through every event. Inside a SemTabStop, Tab
 * comes in at the selected row (or the first) and goes straight on to what
 * follows; the arrow keys still move from row to row.
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

static GtkListBox *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return GTK_LIST_BOX (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
sem_tab_stop_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  GtkListBox *list;
  GtkListBoxRow *row;

  if (child == NULL ||
      (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD))
    return GTK_WIDGET_CLASS (sem_tab_stop_parent_class)->focus (widget, direction);

  /* Already inside: Tab moves on. */
  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  list = find_list_box (child);
  row = list != NULL ? gtk_list_box_get_selected_row (list) : NULL;
  if (row == NULL && list != NULL)
    row = gtk_list_box_get_row_at_index (list, 0);
  if (row != NULL && gtk_widget_is_visible (GTK_WIDGET (row)))
    return gtk_widget_grab_focus (GTK_WIDGET (row));

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
