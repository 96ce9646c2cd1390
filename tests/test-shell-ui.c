/* test-shell-ui.c — the window as a whole: its pages, its menus and shortcuts,
 * accessible names everywhere, and a new plan's first steps
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-shell-ui"

#include "config.h"

#include <adwaita.h>

#include "sem-application.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-window.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"

static const char * const pages[] = {
  "timetable", "sessions", "delegations", "people", "rooms", "conflicts", "feeds",
};

static SemApplication *app;

/* What win.new-entity creates (the rest have actions of their own). */
static const char * const creatable[] = { "people", "rooms", "venues", "cities" };

/* The demo plan's window. */
typedef SemTestDemoWindow Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  sem_test_demo_window_open (f, app, 1200, 800, EVENT_ID);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sem_test_demo_window_close (f);
}

/* Every action of a menu model, as "prefix.name", into @actions; one with a
 * string target also as "prefix.name::target". */
static void
collect_menu_actions (GMenuModel *model,
                      GHashTable *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        {
          if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &target))
            g_hash_table_add (actions, g_strconcat (action, "::", target, NULL));
          g_hash_table_add (actions, g_steal_pointer (&action));
        }

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          collect_menu_actions (link, actions);
          g_object_unref (link);
        }
    }
}

/* The menus' actions, under @widget: every menu button's model. */
static void
collect_widget_menus (GtkWidget  *widget,
                      GHashTable *actions)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    collect_menu_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), actions);
  if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
    g_hash_table_add (actions, g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widget_menus (child, actions);
}

/* The titles of the shortcuts window's entries, and the actions they name. */
static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *actions,
                   GPtrArray  *titles)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action = NULL;
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "action-name", &action, "title", &title, "accelerator", &accelerator, NULL);
      /* Each entry names its keys, or an action whose keys GTK looks up. */
      g_assert_true ((action != NULL && *action != '\0') || (accelerator != NULL && *accelerator != '\0'));
      if (action != NULL)
        g_hash_table_add (actions, g_steal_pointer (&action));
      g_ptr_array_add (titles, g_steal_pointer (&title));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, actions, titles);
}

/* Every window action is in a menu, on a button or in the shortcuts window. */
static void
test_actions_reachable (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) reachable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  GtkShortcutsWindow *overlay = GTK_SHORTCUTS_WINDOW (sem_window_get_shortcuts_window (f->window));
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (f->window);
  const char *action_name;
  GType owner;
  const GVariantType *parameter_type;
  const char *property_name;
  guint n_checked = 0;

  g_assert_nonnull (overlay);
  collect_widget_menus (GTK_WIDGET (f->window), reachable);
  collect_shortcuts (GTK_WIDGET (overlay), reachable, titles);
  /* The shortcuts window lists the pages and the basics by title. */
  g_assert_cmpuint (titles->len, >=, 20);

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action_name,
                                                   &parameter_type, &property_name); i++)
    {
      /* The pages have the switcher; the rest must be somewhere a person looks. */
      if (g_str_equal (action_name, "win.page"))
        continue;
      if (!g_str_has_prefix (action_name, "win."))
        continue;
      if (!g_hash_table_contains (reachable, action_name))
        g_error ("%s is in no menu, on no button and not in the shortcuts window", action_name);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 15);

  /* Everything a plan needs can be created: a room needs a venue, a
   * delegation a city. */
  for (guint i = 0; i < G_N_ELEMENTS (creatable); i++)
    {
      g_autofree char *detailed = g_strconcat ("win.new-entity::", creatable[i], NULL);

      if (!g_hash_table_contains (reachable, detailed))
        g_error ("No menu item creates %s", creatable[i]);
    }
}

/* Ctrl+? (app.shortcuts, win.shortcuts) shows the shortcuts window, built
 * only then; closing it hides it for next time. */
static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  GtkWindow *shortcuts;

  g_assert_null (sem_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  sem_test_gui_iterate ();
  shortcuts = GTK_WINDOW (sem_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_nonnull (shortcuts);
  g_assert_true (shortcuts == sem_window_get_shortcuts_window (f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (f->window));

  gtk_window_close (shortcuts);
  sem_test_gui_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (shortcuts == sem_window_get_shortcuts_window (f->window));
}

/* win.page shows each page, and the switcher's choice is its state. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.page", "s", pages[i]));
      sem_test_gui_iterate ();
      g_assert_cmpstr (sem_window_get_page (f->window), ==, pages[i]);
    }
}

static const char *
role_name (GtkWidget *widget)
{
  return g_type_name (G_OBJECT_TYPE (widget));
}

/* Whether @widget shows a text of its own (its label or a child label's). */
static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL;
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

/* Whether an ancestor of @widget up to a row names it (AdwActionRow's title). */
static gboolean
in_titled_row (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_PREFERENCES_ROW (w))
      return *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)) != '\0';
  return FALSE;
}

/* The controls under @widget without an accessible name, into @unnamed. */
static void
check_names (GtkWidget *widget,
             GPtrArray *unnamed,
             guint     *n_controls)
{
  /* GTK's own window buttons are GTK's to name. */
  if (!gtk_widget_get_mapped (widget) || GTK_IS_WINDOW_CONTROLS (widget))
    return;

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
      GTK_IS_SWITCH (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_DROP_DOWN (widget) ||
      GTK_IS_SPIN_BUTTON (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget) ||
      GTK_IS_LIST_BOX (widget))
    {
      /* The entry inside a spin button or a search entry is its parent's part. */
      GtkWidget *parent = gtk_widget_get_parent (widget);
      gboolean part = GTK_IS_TEXT (widget) && parent != NULL && GTK_IS_EDITABLE (parent);

      if (!part)
        {
          (*n_controls)++;
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
              !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
              !has_visible_text (widget) && !in_titled_row (widget) &&
              /* A list's rows speak for themselves. */
              !GTK_IS_LIST_BOX (widget) && !GTK_IS_LIST_VIEW (widget) && !GTK_IS_COLUMN_VIEW (widget))
            g_ptr_array_add (unnamed, g_strdup_printf ("%s in %s in %s (%s)", role_name (widget),
                                                       role_name (gtk_widget_get_parent (widget)),
                                                       role_name (gtk_widget_get_parent (gtk_widget_get_parent (widget))),
                                                       gtk_widget_get_tooltip_text (widget)
                                                       ? gtk_widget_get_tooltip_text (widget) : "no tooltip"));
        }
      /* A button's child is its content, not a control of its own. */
      if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_EDITABLE (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, unnamed, n_controls);
}

/* Every control on every page has an accessible name, and the pages have the
 * roles a screen reader expects of their main parts. */
static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
      guint n_controls = 0;

      sem_window_show_page (f->window, pages[i]);
      sem_test_gui_iterate ();
      check_names (GTK_WIDGET (f->window), unnamed, &n_controls);
      for (guint j = 0; j < unnamed->len; j++)
        g_test_message ("page %s: unnamed %s", pages[i], (char *) unnamed->pdata[j]);
      g_assert_cmpuint (n_controls, >, 3);
      g_assert_cmpuint (unnamed->len, ==, 0);
    }

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (f->window), GTK_ACCESSIBLE_ROLE_WINDOW));
}

/* A new plan: the empty state leads to a programme, then an event. */
static void
test_new_plan (Fixture       *f,
               gconstpointer  data)
{
  SemDocument *document;
  SemPlan *plan;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  sem_test_gui_iterate ();
  document = sem_window_get_document (f->window);
  g_assert_true (document != f->document);
  plan = sem_document_get_plan (document);
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS)), ==, 0);
  g_assert_nonnull (sem_plan_get_uid_domain (plan));
  g_assert_null (sem_window_get_selected_event (f->window));

  /* No programme yet: the empty state offers one first, then an event. */
  g_assert_nonnull (sem_test_find_action_button (GTK_WIDGET (f->window), "win.new-programme", TRUE));
  {
    g_autoptr(SemEntity) programme = g_object_new (g_type_from_name ("SemProgramme"), "id", "dcc",
                                                   "name-en", "Digital Cities Challenge", NULL);
    g_autoptr(SemEntity) event = g_object_new (g_type_from_name ("SemEvent"), "id", "brussels",
                                               "programme", "dcc", "title-en", "Academy seminar",
                                               "timezone", "Europe/Brussels",
                                               "start-date", "2018-02-20", "end-date", "2018-02-21",
                                               NULL);

    sem_plan_add (plan, programme);
    sem_test_gui_iterate ();
    g_assert_nonnull (sem_test_find_action_button (GTK_WIDGET (f->window), "win.new-event", TRUE));
    sem_plan_add (plan, event);
    sem_test_gui_iterate ();
  }
  /* The first event is shown as soon as it exists. */
  g_assert_cmpstr (sem_window_get_selected_event (f->window), ==, "brussels");
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend: it keeps what each widget reports. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);

  app = sem_test_gui_init ();
  if (app == NULL)
    return 0;

  g_test_add ("/shell/actions-reachable", Fixture, NULL, fixture_set_up, test_actions_reachable, fixture_tear_down);
  g_test_add ("/shell/shortcuts-window", Fixture, NULL, fixture_set_up, test_shortcuts_window, fixture_tear_down);
  g_test_add ("/shell/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/shell/accessible-names", Fixture, NULL, fixture_set_up, test_accessible_names, fixture_tear_down);
  g_test_add ("/shell/new-plan", Fixture, NULL, fixture_set_up, test_new_plan, fixture_tear_down);

  return g_test_run ();
}
