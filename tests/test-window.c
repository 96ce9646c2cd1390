/* test-window.c — SemWindow shows the sessions of the event one selects
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "sem-application.h"
#include "sem-city.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-event.h"
#include "sem-session.h"
#include "sem-venue.h"
#include "sem-window.h"

/* The Brussels academy seminar, or else the first academy seminar. */
static SemEvent *
find_seminar (SemPlan *plan)
{
  GListModel *events = sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS);
  SemEvent *first = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SemEvent) event = g_list_model_get_item (events, i);
      SemEntity *venue = sem_plan_lookup (plan, SEM_COLLECTION_VENUES, sem_event_get_venue (event));
      SemEntity *city = venue ? sem_plan_lookup (plan, SEM_COLLECTION_CITIES,
                                                 sem_venue_get_city (SEM_VENUE (venue))) : NULL;

      if (sem_event_get_kind (event) != SEM_EVENT_KIND_ACADEMY_SEMINAR)
        continue;
      if (city != NULL && g_strcmp0 (sem_city_get_name (SEM_CITY (city), "en"), "Brussels") == 0)
        return event;
      if (first == NULL)
        first = event;
    }
  return first;
}

static SemSession *
find_session (SemPlan        *plan,
              const char     *event_id,
              SemSessionKind  kind)
{
  GListModel *sessions = sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (sem_session_get_event (session), event_id) == 0 &&
          sem_session_get_kind (session) == kind)
        return session;
    }
  return NULL;
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  else if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)))
    g_ptr_array_add (texts, g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
shows_title (GPtrArray  *texts,
             SemSession *session)
{
  const char *en = sem_session_get_title (session, "en");
  const char *bg = sem_session_get_title (session, "bg");

  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (texts->pdata[i], en) == 0 || g_strcmp0 (texts->pdata[i], bg) == 0)
      return TRUE;
  return FALSE;
}

static void
test_seminar_sessions_shown (void)
{
  g_autoptr(SemApplication) app = sem_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  g_autoptr(SemDocument) document = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  SemSession *opening, *special;
  GListModel *session_model;
  SemWindow *window;
  SemEvent *seminar;
  gint64 deadline;
  gboolean found = FALSE;

  g_assert_no_error (error);
  seminar = find_seminar (plan);
  g_assert_nonnull (seminar);
  opening = find_session (plan, sem_entity_get_id (SEM_ENTITY (seminar)), SEM_SESSION_KIND_OPENING);
  special = find_session (plan, sem_entity_get_id (SEM_ENTITY (seminar)), SEM_SESSION_KIND_SPECIAL);
  g_assert_nonnull (opening);
  g_assert_nonnull (special);

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  document = sem_document_new (plan, NULL);
  window = sem_window_new (app);
  sem_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  sem_window_select_event (window, sem_entity_get_id (SEM_ENTITY (seminar)));
  g_assert_cmpstr (sem_window_get_selected_event (window), ==, sem_entity_get_id (SEM_ENTITY (seminar)));

  session_model = sem_window_get_session_model (window);
  g_assert_nonnull (session_model);
  g_assert_cmpuint (g_list_model_get_n_items (session_model), >=, 2);

  /* Rows appear once the window is mapped and laid out: iterate until both
   * titles are on screen, or give up after a while. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!found && g_get_monotonic_time () < deadline)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_clear_pointer (&texts, g_ptr_array_unref);
      texts = g_ptr_array_new_with_free_func (g_free);
      collect_texts (GTK_WIDGET (window), texts);
      found = gtk_widget_get_mapped (GTK_WIDGET (window)) &&
              shows_title (texts, opening) && shows_title (texts, special);
      if (!found)
        g_usleep (20 * 1000);
    }

  if (!found)
    for (guint i = 0; texts != NULL && i < texts->len; i++)
      g_test_message ("label: %s", (const char *) texts->pdata[i]);
  g_assert_true (shows_title (texts, opening));
  g_assert_true (shows_title (texts, special));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run -a dbus-run-session --\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/window/seminar-sessions-shown", test_seminar_sessions_shown);

  return g_test_run ();
}
