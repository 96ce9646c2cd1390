/* sem-window-pages.c — the event's pages, each built when it is first shown
 *
 * The Timetable comes with the window, as the page a plan opens on. The
 * others are built, and given the plan and the event, the first time they are
 * shown, so that opening a plan pays only for what is on screen. A page out
 * of sight while another event is chosen catches up when it is shown again; a
 * page out of sight while another plan is opened lets go of the old one at
 * once, so that two plans are never held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-event.h"
#include "sem-window-private.h"

static const char * const page_names[SEM_WINDOW_N_PAGES] = {
  [SEM_WINDOW_PAGE_TIMETABLE] = "timetable",
  [SEM_WINDOW_PAGE_SESSIONS] = "sessions",
  [SEM_WINDOW_PAGE_DELEGATIONS] = "delegations",
  [SEM_WINDOW_PAGE_PEOPLE] = "people",
  [SEM_WINDOW_PAGE_ROOMS] = "rooms",
  [SEM_WINDOW_PAGE_CONFLICTS] = "conflicts",
  [SEM_WINDOW_PAGE_FEEDS] = "feeds",
};

/* The Subscriptions page: what they are for, and the way to manage them. */
static GtkWidget *
feeds_page_new (void)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Manage Subscriptions…"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.feeds");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-shared-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Calendar Subscriptions"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Subscribe to partners’ calendars, such as a Commission programme or a foundation’s courses: their events show as busy time beside your sessions, and the conflict check warns when someone is booked elsewhere."));
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);

  return status;
}

static GtkWidget *
build_page (SemWindow     *self,
            SemWindowPage  page)
{
  GtkWidget *widget = NULL;

  switch (page)
    {
    case SEM_WINDOW_PAGE_SESSIONS:
      widget = sem_sessions_page_new ();
      sem_sessions_page_set_conflicts (SEM_SESSIONS_PAGE (widget), self->conflict_list);
      break;

    case SEM_WINDOW_PAGE_DELEGATIONS:
      widget = sem_delegations_page_new ();
      break;

    case SEM_WINDOW_PAGE_PEOPLE:
      widget = sem_entity_list_page_new (SEM_COLLECTION_PEOPLE);
      break;

    case SEM_WINDOW_PAGE_ROOMS:
      widget = sem_entity_list_page_new (SEM_COLLECTION_ROOMS);
      break;

    case SEM_WINDOW_PAGE_CONFLICTS:
      widget = sem_conflicts_page_new ();
      sem_conflicts_page_set_conflicts (SEM_CONFLICTS_PAGE (widget), self->conflict_list);
      break;

    case SEM_WINDOW_PAGE_FEEDS:
      widget = feeds_page_new ();
      break;

    case SEM_WINDOW_PAGE_TIMETABLE:
    case SEM_WINDOW_N_PAGES:
    default:
      g_assert_not_reached ();
    }

  adw_bin_set_child (self->page_bins[page], widget);

  return widget;
}

static gboolean
follows_plan (GtkWidget *page)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (page), "plan") != NULL;
}

/* Gives @page the plan and the event shown (none, for a page let go). */
static void
bring_up_to_date (SemWindow *self,
                  GtkWidget *page,
                  gboolean   let_go)
{
  SemPlan *plan = let_go ? NULL : sem_window_get_plan (self);
  const char *event_id = sem_window_get_selected_event (self);
  SemEvent *event = NULL;
  g_autoptr(SemPlan) held = NULL;

  if (!follows_plan (page))
    return;

  if (plan != NULL && event_id != NULL)
    event = SEM_EVENT (sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, event_id));

  g_object_get (page, "plan", &held, NULL);
  /* The event first: a page never holds an event of another plan. */
  if (held != plan)
    g_object_set (page, "event", NULL, "plan", plan, NULL);
  g_object_set (page, "event", event, NULL);
}

static SemWindowPage
page_from_name (const char *name)
{
  for (guint i = 0; i < SEM_WINDOW_N_PAGES; i++)
    {
      if (g_strcmp0 (page_names[i], name) == 0)
        return i;
    }

  return SEM_WINDOW_N_PAGES;
}

/**
 * _sem_window_get_page_widget:
 * @page: which page
 *
 * Builds @page if it was never shown and brings it up to date.
 *
 * Returns: (transfer none): the page
 */
GtkWidget *
_sem_window_get_page_widget (SemWindow     *self,
                             SemWindowPage  page)
{
  g_return_val_if_fail (page < SEM_WINDOW_N_PAGES, NULL);

  if (self->pages[page] == NULL)
    self->pages[page] = build_page (self, page);
  bring_up_to_date (self, self->pages[page], FALSE);

  return self->pages[page];
}

/**
 * _sem_window_update_pages:
 *
 * After the plan, the event or the page shown changed: the page shown is
 * brought up to date (built if need be); the others wait until they are
 * shown, but let go of a plan that is no longer shown.
 */
void
_sem_window_update_pages (SemWindow *self)
{
  SemWindowPage shown = page_from_name (adw_view_stack_get_visible_child_name (self->view_stack));
  SemPlan *plan = sem_window_get_plan (self);

  for (guint i = 0; i < SEM_WINDOW_N_PAGES; i++)
    {
      g_autoptr(SemPlan) held = NULL;

      if (i == shown)
        {
          _sem_window_get_page_widget (self, i);
          continue;
        }
      if (self->pages[i] == NULL || !follows_plan (self->pages[i]))
        continue;

      g_object_get (self->pages[i], "plan", &held, NULL);
      if (held != NULL && held != plan)
        bring_up_to_date (self, self->pages[i], TRUE);
    }
}

/**
 * _sem_window_let_go_of_pages:
 *
 * Takes the plan from every page, before the window lets go of it.
 */
void
_sem_window_let_go_of_pages (SemWindow *self)
{
  for (guint i = 0; i < SEM_WINDOW_N_PAGES; i++)
    {
      if (self->pages[i] != NULL)
        bring_up_to_date (self, self->pages[i], TRUE);
    }
}

void
_sem_window_init_pages (SemWindow *self)
{
  self->page_bins[SEM_WINDOW_PAGE_SESSIONS] = self->sessions_bin;
  self->page_bins[SEM_WINDOW_PAGE_DELEGATIONS] = self->delegations_bin;
  self->page_bins[SEM_WINDOW_PAGE_PEOPLE] = self->people_bin;
  self->page_bins[SEM_WINDOW_PAGE_ROOMS] = self->rooms_bin;
  self->page_bins[SEM_WINDOW_PAGE_CONFLICTS] = self->conflicts_bin;
  self->page_bins[SEM_WINDOW_PAGE_FEEDS] = self->feeds_bin;
  self->pages[SEM_WINDOW_PAGE_TIMETABLE] = GTK_WIDGET (self->timetable_page);
  sem_timetable_page_set_conflicts (self->timetable_page, self->conflict_list);
}
