/* bench-sort.c — sorting a big table by title: the sessions page against plain GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-sort page N   the sessions page, in a window, showing one event of
 *                       N sessions in time order; time one sort by Title,
 *                       as a click on the column's header does, until the
 *                       page's model is in the new order
 *   bench-sort bare N   the same N titles as GtkStringObjects in a
 *                       GListStore, under a GtkSortListModel given a
 *                       GtkStringSorter on "string" (what plain GTK does),
 *                       timed from setting the sorter until nothing is
 *                       left pending
 * Each prints "SECONDS MAX_RSS_KIB" of the timed part, as the other
 * benchmarks do. Both initialise GTK (the page needs a display: run under
 * xvfb-run), and both check the order they got once the clock is stopped.
 */

#define G_LOG_DOMAIN "bench-sort"

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "sem-demo.h"
#include "sem-event.h"
#include "sem-plan-private.h"
#include "sem-session.h"
#include "sem-sessions-page.h"

#include "bench-common.h"

#define EVENT_ID "event-0"
#define TIMEOUT_SECONDS 120

/* The @i-th of @n titles: words of several scripts and cases, numbered in
 * a permutation, so that neither the title order nor the time order
 * follows the plan's. */
static char *
make_title (guint i,
            guint n)
{
  static const char *words[] = { "Workshop on", "plenary:", "Ábside", "coffee with", "Zoning",
                                 "Опера и", "énergie", "data for" };
  guint k = (guint) (((guint64) i * 7919) % n);

  return g_strdup_printf ("%s cities %06u", words[k % G_N_ELEMENTS (words)], k);
}

/* The generated plan's programme, rooms, people and one event, and N
 * sessions in that event, spliced in as a loaded plan's are. */
static SemPlan *
generate (guint n)
{
  SemPlan *plan = bench_generate_plan (1, FALSE);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 base = 1519113600;   /* 2018-02-20T08:00:00Z */

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("session-%u", i);
      g_autofree char *title = make_title (i, n);
      g_autofree char *room = g_strdup_printf ("room-%u", i % 20);
      gint64 start = base + (gint64) (((guint64) i * 37) % n) * 60;

      g_ptr_array_add (batch, g_object_new (SEM_TYPE_SESSION, "id", id, "event", EVENT_ID,
                                            "title-en", title, "title-bg", title,
                                            "start", start, "end", start + 1800, "room", room,
                                            "status", SEM_STATUS_CONFIRMED, NULL));
    }
  sem_plan_splice_loaded (plan, SEM_COLLECTION_SESSIONS, batch);
  return plan;
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_column_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The title column: the one whose sorter it is (the page's only expanding column). */
static GtkColumnViewColumn *
title_column (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_expand (column))
        return column;
    }
  g_error ("no title column");
}

static char *
title_key (const char *title)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);

  return g_utf8_collate_key (folded, -1);
}

/* Checks, once the clock is stopped, that @model holds @n items in the
 * order of their titles as @get_title gives them. */
static void
check_sorted (GListModel    *model,
              guint          n,
              const char *(*get_title) (gpointer item))
{
  g_autofree char *previous = NULL;

  if (g_list_model_get_n_items (model) != n)
    g_error ("%u items, not %u", g_list_model_get_n_items (model), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      char *key = title_key (get_title (item));

      if (previous != NULL && strcmp (previous, key) > 0)
        g_error ("not sorted at %u", i);
      g_free (previous);
      previous = key;
    }
}

static const char *
row_title (gpointer item)
{
  g_autoptr(SemSession) session = NULL;

  g_object_get (item, "session", &session, NULL);
  return sem_session_get_title (session, "en");  /* the plan holds it */
}

static const char *
string_object_title (gpointer item)
{
  return gtk_string_object_get_string (item);
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out");
  return G_SOURCE_REMOVE;
}

static void
bench_page (guint n)
{
  g_autoptr(SemPlan) plan = generate (n);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  SemSessionsPage *page = SEM_SESSIONS_PAGE (sem_sessions_page_new ());
  GtkColumnView *view;
  gint64 start;

  gtk_window_set_default_size (window, 1100, 1000);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  sem_event_page_set_plan (SEM_EVENT_PAGE (page), plan);
  sem_event_page_set_event (SEM_EVENT_PAGE (page),
                            SEM_EVENT (sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, EVENT_ID)));
  while (sem_sessions_page_get_n_shown (page) != n || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  view = GTK_COLUMN_VIEW (find_column_view (GTK_WIDGET (page)));
  if (view == NULL)
    g_error ("no column view");

  /* The page sorts its own store when the column view's sorter changes, at once. */
  start = g_get_monotonic_time ();
  gtk_column_view_sort_by_column (view, title_column (view), GTK_SORT_ASCENDING);
  bench_report (start);

  check_sorted (G_LIST_MODEL (gtk_column_view_get_model (view)), n, row_title);
  gtk_window_destroy (window);
  iterate ();
}

static void
bench_bare (guint n)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_full (n, g_object_unref);
  GtkSorter *sorter;
  gint64 start;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = make_title (i, n);

      g_ptr_array_add (batch, gtk_string_object_new (title));
    }
  g_list_store_splice (store, 0, 0, batch->pdata, batch->len);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (store)), NULL);
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT,
                                                                           NULL, "string")));

  start = g_get_monotonic_time ();
  gtk_sort_list_model_set_sorter (sorted, sorter);
  while (gtk_sort_list_model_get_pending (sorted) != 0)
    g_main_context_iteration (NULL, TRUE);
  bench_report (start);

  g_object_unref (sorter);
  check_sorted (G_LIST_MODEL (sorted), n, string_object_title);
}

int
main (int    argc,
      char **argv)
{
  guint n;

  if (argc != 3 || (!g_str_equal (argv[1], "page") && !g_str_equal (argv[1], "bare")))
    {
      g_printerr ("usage: bench-sort page|bare N\n");
      return 2;
    }
  n = atoi (argv[2]);
  if (n == 0)
    {
      g_printerr ("bench-sort: N must be a positive number\n");
      return 2;
    }

  gtk_init ();
  adw_init ();
  sem_resources_register ();
  g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, NULL);

  if (g_str_equal (argv[1], "page"))
    bench_page (n);
  else
    bench_bare (n);

  return 0;
}
