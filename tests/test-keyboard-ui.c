/* test-keyboard-ui.c — the window from the keyboard alone: Tab reaches every
 * part of a page and never traps, the shortcuts window tells the truth, and
 * Enter, Escape and Alt+arrows on a timetable block
 *
 * GTK 4 has no public way to make a key event, so the keys are checked where
 * they are bound: Tab is the window's own gtk_widget_child_focus, shortcuts
 * are the window class's bindings and the application's accelerators, and
 * the timetable's keys are its key controller's "key-pressed".
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-keyboard-ui"

#include "config.h"

#include <adwaita.h>

#include "sem-demo.h"
#include "sem-document.h"
#include "sem-entity-editor.h"
#include "sem-session.h"
#include "sem-timetable.h"
#include "sem-window.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"
#define MAX_TABS 300

static const char * const pages[] = {
  "timetable", "sessions", "delegations", "people", "rooms", "conflicts", "feeds",
};

static SemApplication *app;

/* The demo plan's window. */
typedef SemTestDemoWindow Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* Wide: the sidebar beside the content, the switcher in the header bar. */
  sem_test_demo_window_open (f, app, 1280, 800, EVENT_ID);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sem_test_demo_window_close (f);
}

/* ------------------------------------------------------------------------ */
/* Tab */

/* @widget or its first ancestor of @type, or NULL. */
static GtkWidget *
ancestor_of_type (GtkWidget *widget,
                  GType      type)
{
  return widget != NULL && G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
    ? widget : (widget != NULL ? gtk_widget_get_ancestor (widget, type) : NULL);
}

static gboolean
within (GtkWidget *widget,
        GtkWidget *container)
{
  return widget != NULL && container != NULL &&
         (widget == container || gtk_widget_is_ancestor (widget, container));
}

/* Presses Tab until focus comes back to where the first Tab put it: the
 * widgets focused, in order, the first one again at the end. */
static GPtrArray *
tab_around (SemWindow *window)
{
  GPtrArray *chain = g_ptr_array_new ();
  g_autofree char *event_id = g_strdup (sem_window_get_selected_event (window));
  gboolean moved_event = FALSE;

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  for (guint i = 0; i < MAX_TABS; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      sem_test_gui_iterate ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_get_mapped (focus));
      g_test_message ("tab %u: %s in %s", i, G_OBJECT_TYPE_NAME (focus),
                      G_OBJECT_TYPE_NAME (gtk_widget_get_parent (focus)));
      /* Passing through the sidebar must not show another event. Noted, and
       * undone so that the rest of the walk sees the event it started on. */
      if (g_strcmp0 (sem_window_get_selected_event (window), event_id) != 0)
        {
          if (!moved_event)
            g_test_fail_printf ("Tab onto a row of the sidebar showed event %s instead of %s",
                                sem_window_get_selected_event (window), event_id);
          moved_event = TRUE;
          sem_window_select_event (window, event_id);
          sem_test_gui_iterate ();
        }
      /* Tab always moves: nothing keeps it. */
      if (chain->len > 0)
        g_assert_true (focus != g_ptr_array_index (chain, chain->len - 1));
      g_ptr_array_add (chain, focus);
      if (chain->len > 1 && focus == g_ptr_array_index (chain, 0))
        return chain;
    }
  g_error ("Tab did not come back to where it started within %d presses", MAX_TABS);
  return NULL;
}

/* The first widget of @chain under @container (of @type, when given). */
static GtkWidget *
chain_find (GPtrArray  *chain,
            GtkWidget  *container,
            GType       type)
{
  for (guint i = 0; i < chain->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (chain, i);

      if (within (w, container) && (type == G_TYPE_INVALID || ancestor_of_type (w, type) != NULL))
        return w;
    }
  return NULL;
}

/* The shown main menu button (F10's) under @widget. */
static GtkWidget *
find_primary_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)) &&
      gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The timetable page: the sidebar's events, the header bar, the switcher
 * and a session block. */
static void
test_tab_timetable (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *events = sem_test_find_widget (window, GTK_TYPE_LIST_VIEW, "navigation-sidebar");
  GtkWidget *menu = find_primary_menu (window);
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) sessions = sem_test_event_sessions (f->plan, EVENT_ID);
  SemSession *session = g_ptr_array_index (sessions, 0);

  /* Undo is insensitive, so rightly skipped, until there is something to undo. */
  sem_plan_set (f->plan, SEM_ENTITY (session), "title-en", "Opening", NULL);
  sem_test_gui_iterate ();

  chain = tab_around (f->window);
  g_assert_nonnull (events);
  g_assert_nonnull (chain_find (chain, events, G_TYPE_INVALID));
  g_assert_nonnull (chain_find (chain, sem_test_find_action_button (window, "win.undo", TRUE), G_TYPE_INVALID));
  g_assert_nonnull (menu);
  g_assert_nonnull (chain_find (chain, menu, G_TYPE_INVALID));
  /* The header bar's switcher (the bottom one is hidden when wide). */
  g_assert_nonnull (chain_find (chain, window, ADW_TYPE_VIEW_SWITCHER));
  g_assert_nonnull (chain_find (chain, window, g_type_from_name ("SemTimetableBlock")));
}

/* The Sessions page: its list and, once searching, the search entry. */
static void
test_tab_sessions (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *page;
  GtkWidget *column_view;
  GtkWidget *search_entry;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) search_chain = NULL;

  g_assert_true (gtk_widget_activate_action (window, "win.page", "s", "sessions"));
  sem_test_gui_iterate ();
  page = sem_test_find_widget (window, g_type_from_name ("SemSessionsPage"), NULL);
  g_assert_nonnull (page);
  column_view = sem_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL);
  search_entry = sem_test_find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL);

  chain = tab_around (f->window);
  /* A row's cell, not only the column headers. */
  g_assert_nonnull (chain_find (chain, column_view, GTK_TYPE_LIST_VIEW));
  if (chain_find (chain, search_entry, G_TYPE_INVALID) == NULL)
    {
      /* Closed, the search bar is opened by its button (reachable) or Ctrl+F. */
      g_assert_nonnull (chain_find (chain, page, GTK_TYPE_TOGGLE_BUTTON));
      g_assert_true (gtk_widget_activate_action (window, "win.find", NULL));
      sem_test_gui_iterate ();
      search_chain = tab_around (f->window);
      g_assert_nonnull (chain_find (search_chain, search_entry, G_TYPE_INVALID));
      g_assert_nonnull (chain_find (search_chain, column_view, GTK_TYPE_LIST_VIEW));
    }
}

/* The Delegations page: the delegations and the attendance matrix's checks. */
static void
test_tab_delegations (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  GtkWidget *page;
  GtkWidget *check;
  g_autoptr(GPtrArray) chain = NULL;

  g_assert_true (gtk_widget_activate_action (window, "win.page", "s", "delegations"));
  sem_test_gui_iterate ();
  page = sem_test_find_widget (window, g_type_from_name ("SemDelegationsPage"), NULL);
  g_assert_nonnull (page);

  chain = tab_around (f->window);
  g_assert_nonnull (chain_find (chain, page, GTK_TYPE_LIST_BOX_ROW));
  check = chain_find (chain, page, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  g_assert_nonnull (gtk_widget_get_ancestor (check, GTK_TYPE_GRID));
}

/* ------------------------------------------------------------------------ */
/* The shortcuts window */

typedef struct
{
  guint            keyval;
  GdkModifierType  mods;
  char            *action;   /* "win.page::sessions" for a target */
} Binding;

static void
binding_free (Binding *b)
{
  g_free (b->action);
  g_free (b);
}

static void
add_binding (GPtrArray       *bindings,
             guint            keyval,
             GdkModifierType  mods,
             const char      *action,
             GVariant        *target)
{
  Binding *b = g_new0 (Binding, 1);

  b->keyval = gdk_keyval_to_lower (keyval);
  b->mods = mods & gtk_accelerator_get_default_mod_mask ();
  b->action = target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING)
    ? g_strconcat (action, "::", g_variant_get_string (target, NULL), NULL) : g_strdup (action);
  g_ptr_array_add (bindings, b);
}

/* The shortcuts of @widget's class (GTK 4.8 has no getter on the class: each
 * widget carries them in a controller of its own). */
static GListModel *
class_shortcuts (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "gtk-widget-class-shortcuts") == 0)
        return G_LIST_MODEL (controller);
    }
  g_error ("%s has no class shortcuts", G_OBJECT_TYPE_NAME (widget));
  return NULL;
}

/* Every key that runs an action: the window class's bindings and the
 * application's accelerators. */
static GPtrArray *
collect_bindings (SemWindow *window)
{
  GPtrArray *bindings = g_ptr_array_new_with_free_func ((GDestroyNotify) binding_free);
  GListModel *shortcuts = class_shortcuts (GTK_WIDGET (window));
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
      GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

      /* GTK's own signal bindings (Tab, the inspector) are not ours to list. */
      if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action))
        add_binding (bindings, gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                     gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)),
                     gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                     gtk_shortcut_get_arguments (shortcut));
    }

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType mods;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          add_binding (bindings, keyval, mods, actions[i], NULL);
        }
    }
  return bindings;
}

static void
collect_entries (GtkWidget *widget,
                 GPtrArray *entries)
{
  /* Only the sections' own: the window's search page holds copies. */
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_SECTION) != NULL)
    g_ptr_array_add (entries, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, entries);
}

/* Every entry of the shortcuts window is bound to exactly its action, and
 * every key bound to an action of ours is in the shortcuts window. */
static void
test_shortcuts_tell_the_truth (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) bindings = collect_bindings (f->window);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AdwViewStack *stack = ADW_VIEW_STACK (sem_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, NULL));
  guint n_pages = 0;

  g_assert_cmpuint (bindings->len, >=, 20);
  collect_entries (GTK_WIDGET (sem_window_get_shortcuts_window (f->window)), entries);
  g_assert_cmpuint (entries->len, >=, 20);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_autofree char *page_title = NULL;
      guint keyval;
      GdkModifierType mods;
      guint n_found = 0;

      g_object_get (g_ptr_array_index (entries, i), "action-name", &action,
                    "accelerator", &accelerator, "title", &title, NULL);
      g_assert_nonnull (accelerator);
      g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
      keyval = gdk_keyval_to_lower (keyval);
      g_hash_table_add (listed, g_strdup_printf ("%u/%u", keyval, mods));

      /* A page's entry names the page: Alt+N shows the switcher's Nth page. */
      if (action == NULL || *action == '\0')
        {
          guint n = keyval - GDK_KEY_1;

          g_assert_cmpuint (mods, ==, GDK_ALT_MASK);
          g_assert_cmpuint (n, <, G_N_ELEMENTS (pages));
          page_title = sem_test_strip_mnemonic (adw_view_stack_page_get_title (
                             adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, pages[n]))));
          g_assert_cmpstr (title, ==, page_title);
          action = g_strconcat ("win.page::", pages[n], NULL);
          n_pages++;
        }

      for (guint j = 0; j < bindings->len; j++)
        {
          Binding *b = g_ptr_array_index (bindings, j);

          if (b->keyval != keyval || b->mods != mods)
            continue;
          if (!g_str_equal (b->action, action))
            g_error ("The shortcuts window says %s is “%s” (%s), but it runs %s",
                     accelerator, title, action, b->action);
          n_found++;
        }
      if (n_found == 0)
        g_error ("The shortcuts window lists %s for “%s” (%s), but nothing binds it",
                 accelerator, title, action);
    }
  g_assert_cmpuint (n_pages, ==, G_N_ELEMENTS (pages));

  for (guint j = 0; j < bindings->len; j++)
    {
      Binding *b = g_ptr_array_index (bindings, j);
      g_autofree char *key = g_strdup_printf ("%u/%u", b->keyval, b->mods);
      g_autofree char *label = gtk_accelerator_name (b->keyval, b->mods);

      if (!g_hash_table_contains (listed, key))
        g_error ("%s runs %s, but the shortcuts window does not say so", label, b->action);
    }
}

/* ------------------------------------------------------------------------ */
/* The timetable's keys */

static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
    }
  g_error ("%s has no key controller", G_OBJECT_TYPE_NAME (widget));
  return FALSE;
}

/* Enter on a focused block opens its editor, Escape closes it untouched;
 * Alt+Down moves the session a quarter hour, Shift+Alt+Down lengthens it. */
static void
test_timetable_keys (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *timetable = sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_TIMETABLE, NULL);
  g_autoptr(GPtrArray) sessions = sem_test_event_sessions (f->plan, EVENT_ID);
  g_autoptr(GPtrArray) snapshot = NULL;
  SemSession *session = NULL;
  GtkWidget *block = NULL;
  GtkWidget *editor;
  gint64 start, end;

  g_assert_nonnull (timetable);
  for (guint i = 0; i < sessions->len && block == NULL; i++)
    {
      session = g_ptr_array_index (sessions, i);
      block = sem_timetable_get_block (SEM_TIMETABLE (timetable), sem_entity_get_id (SEM_ENTITY (session)));
    }
  g_assert_nonnull (block);
  g_assert_true (gtk_widget_grab_focus (block));
  start = sem_session_get_start (session);
  end = sem_session_get_end (session);
  snapshot = sem_test_snapshot (f->plan);

  g_assert_true (press_key (timetable, GDK_KEY_Return, 0));
  sem_test_gui_iterate ();
  editor = sem_test_find_toplevel (SEM_TYPE_ENTITY_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (editor));
  /* Escape is the editor's window.close; closing it unchanged changes nothing. */
  {
    GListModel *shortcuts = class_shortcuts (editor);
    gboolean bound = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (shortcuts) && !bound; i++)
      {
        g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
        GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
        GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

        bound = GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action) &&
                gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
                gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
                g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "window.close");
      }
    g_assert_true (bound);
  }
  g_assert_true (gtk_widget_activate_action (editor, "window.close", NULL));
  sem_test_gui_iterate ();
  g_assert_null (sem_test_find_toplevel (SEM_TYPE_ENTITY_EDITOR));
  sem_test_assert_snapshot (f->plan, snapshot);

  /* Alt+Down: a quarter hour later, the block keeps the focus; one undo. */
  /* Xvfb has no window manager to make the window active again, which would
   * restore the focus chain the editor's coming took: focus the block anew. */
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  g_assert_true (gtk_widget_grab_focus (block));
  g_assert_true (press_key (timetable, GDK_KEY_Down, GDK_ALT_MASK));
  sem_test_gui_iterate ();
  g_assert_cmpint (sem_session_get_start (session), ==, start + 15 * 60);
  g_assert_cmpint (sem_session_get_end (session), ==, end + 15 * 60);
  block = sem_timetable_get_block (SEM_TIMETABLE (timetable), sem_entity_get_id (SEM_ENTITY (session)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == block);

  /* Shift+Alt+Down: ends a quarter hour later still. */
  g_assert_true (press_key (timetable, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK));
  sem_test_gui_iterate ();
  g_assert_cmpint (sem_session_get_start (session), ==, start + 15 * 60);
  g_assert_cmpint (sem_session_get_end (session), ==, end + 30 * 60);

  /* Plain arrows scroll, they do not edit. */
  g_assert_false (press_key (timetable, GDK_KEY_Down, 0));
  g_assert_cmpint (sem_session_get_start (session), ==, start + 15 * 60);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  sem_test_gui_iterate ();
  sem_test_assert_snapshot (f->plan, snapshot);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = sem_test_gui_init ();
  if (app == NULL)
    return 0;
  /* A search bar opens at once, not over the next frames. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/keyboard/tab/timetable", Fixture, NULL, fixture_set_up, test_tab_timetable, fixture_tear_down);
  g_test_add ("/keyboard/tab/sessions", Fixture, NULL, fixture_set_up, test_tab_sessions, fixture_tear_down);
  g_test_add ("/keyboard/tab/delegations", Fixture, NULL, fixture_set_up, test_tab_delegations, fixture_tear_down);
  g_test_add ("/keyboard/shortcuts", Fixture, NULL, fixture_set_up, test_shortcuts_tell_the_truth, fixture_tear_down);
  g_test_add ("/keyboard/timetable-keys", Fixture, NULL, fixture_set_up, test_timetable_keys, fixture_tear_down);

  return g_test_run ();
}
