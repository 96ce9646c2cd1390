/* test-l10n-ui.c — the window in Bulgarian shows no English
 *
 * Starts the window with LANGUAGE=bg in bg_BG.UTF-8 (build-aux/setup makes
 * the locale: gettext ignores LANGUAGE under the C locale), walks every
 * page, the menus, the popovers, the shortcuts window, every dialog of the
 * menus, the entity editors of every kind (to edit and to create, nested
 * too) and the unsaved-changes question, and fails on any text — label,
 * tooltip, accessible label, placeholder, row, choice, window title — that
 * is an English message of ours shown untranslated. Every view is read
 * before the test fails, so one run lists all of them.
 *
 * SEM_TEST_SHOTS=DIR also saves each view as DIR/NAME.png, to look for
 * English that is not marked for translation at all.
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-l10n-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "sem-application.h"
#include "sem-conflict-list.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-entity-editor.h"
#include "sem-feed.h"
#include "sem-programme.h"
#include "sem-session.h"
#include "sem-window.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"
#define SESSION_ID "dcc-brussels-2018-opening"

static const char * const pages[] = {
  "timetable", "sessions", "delegations", "people", "rooms", "conflicts", "feeds",
};

/* Shown as they are in every language: names, and the languages' own
 * names beside the bilingual fields (msgctxt "autonym"). */
static const char * const allowed[] = {
  "iCalendar", "CalDAV", "URL", "UID", "English",
};

static SemApplication *app;

/* Whether widgets not on screen count too (the shortcuts window's). */
static gboolean walk_unmapped;

/* English texts found so far. */
static guint n_failures;

/* Our English messages: every msgid of po/bg.po whose Bulgarian differs. */
static GHashTable *english_messages;

/* The string of a po file's "…" line (C escapes undone). */
static char *
po_string (const char *line)
{
  const char *open = strchr (line, '"');
  const char *close = strrchr (line, '"');

  if (open == NULL || close <= open)
    return g_strdup ("");
  {
    g_autofree char *quoted = g_strndup (open + 1, close - open - 1);

    return g_strcompress (quoted);
  }
}

static void
load_english_messages (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "bg.po", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) msgid = g_string_new (NULL);
  g_autoptr(GString) msgstr = g_string_new (NULL);
  GString *current = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  english_messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *text = NULL;

      if (g_str_has_prefix (line, "msgid ") || g_str_has_prefix (line, "msgctxt ") || *line == '\0')
        {
          /* The entry before ends here. */
          if (msgid->len > 0 && g_strcmp0 (msgid->str, msgstr->str) != 0)
            g_hash_table_add (english_messages, g_strdup (msgid->str));
          g_string_truncate (msgid, 0);
          g_string_truncate (msgstr, 0);
          current = g_str_has_prefix (line, "msgid ") ? msgid : NULL;
        }
      else if (g_str_has_prefix (line, "msgstr") && current == msgid)
        current = msgstr;
      else if (g_str_has_prefix (line, "msgid_plural"))
        current = NULL;
      else if (*line != '"')
        continue;

      if (current == NULL)
        continue;
      /* Plural forms: only msgstr[0] is compared. */
      if (g_str_has_prefix (line, "msgstr[") && !g_str_has_prefix (line, "msgstr[0]"))
        {
          current = NULL;
          continue;
        }
      text = po_string (line);
      g_string_append (current, text);
    }
  g_assert_cmpuint (g_hash_table_size (english_messages), >, 100);
}

/* Whether @text is one of our English messages, shown as it is. */
static gboolean
is_untranslated (const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL || *text == '\0' || g_strv_contains (allowed, text))
    return FALSE;
  if (g_hash_table_contains (english_messages, text))
    return TRUE;

  /* Labels built from several messages: each line on its own. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[1] != NULL; i++)
    if (is_untranslated (lines[i]))
      return TRUE;
  return FALSE;
}

static void
check_text (const char *where,
            const char *text,
            GPtrArray  *english,
            guint      *n_texts)
{
  if (text == NULL || *text == '\0')
    return;
  (*n_texts)++;
  if (is_untranslated (text))
    g_ptr_array_add (english, g_strdup_printf ("%s: “%s”", where, text));
}

static void
check_menu (GMenuModel *model,
            GPtrArray  *english,
            guint      *n_texts)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text ("menu", label, english, n_texts);
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          check_menu (link, english, n_texts);
          g_object_unref (link);
        }
    }
}

/* Every string a drop-down or combo row offers, shown or not. */
static void
check_choices (GListModel *model,
               GPtrArray  *english,
               guint      *n_texts)
{
  if (!GTK_IS_STRING_LIST (model))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    check_text ("choice", gtk_string_list_get_string (GTK_STRING_LIST (model), i), english, n_texts);
}

/* The accessible name set on @widget: GTK 4.8 has no getter, but the test
 * AT context (GTK_A11Y=test) says what the value is when it is not another. */
static char *
dup_accessible_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "\x01 not a label \x01");
}

/* Every text a person can see or hear under @widget. */
static void
check_widget (GtkWidget *widget,
              GPtrArray *english,
              guint     *n_texts)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);
  g_autofree char *accessible = NULL;

  if (!gtk_widget_get_mapped (widget) && !walk_unmapped)
    return;

  if (GTK_IS_WINDOW (widget))
    check_text ("window title", gtk_window_get_title (GTK_WINDOW (widget)), english, n_texts);
  if (GTK_IS_LABEL (widget))
    check_text (type, gtk_label_get_label (GTK_LABEL (widget)), english, n_texts);
  if (GTK_IS_INSCRIPTION (widget))
    check_text (type, gtk_inscription_get_text (GTK_INSCRIPTION (widget)), english, n_texts);
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    check_text ("tooltip", gtk_widget_get_tooltip_text (widget), english, n_texts);
  accessible = dup_accessible_label (widget);
  check_text ("accessible label", accessible, english, n_texts);
  if (GTK_IS_TEXT (widget))
    check_text ("placeholder", gtk_text_get_placeholder_text (GTK_TEXT (widget)), english, n_texts);
  if (GTK_IS_BUTTON (widget))
    check_text ("button", gtk_button_get_label (GTK_BUTTON (widget)), english, n_texts);
  if (ADW_IS_PREFERENCES_ROW (widget))
    check_text ("row", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), english, n_texts);
  if (ADW_IS_ACTION_ROW (widget))
    check_text ("row subtitle", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), english, n_texts);
  if (ADW_IS_EXPANDER_ROW (widget))
    check_text ("row subtitle", adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)), english, n_texts);
  if (ADW_IS_PREFERENCES_GROUP (widget))
    {
      check_text ("group", adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), english, n_texts);
      check_text ("group", adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)),
                  english, n_texts);
    }
  if (ADW_IS_COMBO_ROW (widget))
    check_choices (adw_combo_row_get_model (ADW_COMBO_ROW (widget)), english, n_texts);
  if (GTK_IS_DROP_DOWN (widget))
    check_choices (gtk_drop_down_get_model (GTK_DROP_DOWN (widget)), english, n_texts);
  if (ADW_IS_STATUS_PAGE (widget))
    {
      check_text ("status", adw_status_page_get_title (ADW_STATUS_PAGE (widget)), english, n_texts);
      check_text ("status", adw_status_page_get_description (ADW_STATUS_PAGE (widget)), english, n_texts);
    }
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      check_text ("shortcut", title, english, n_texts);
    }
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    check_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), english, n_texts);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (child, english, n_texts);
}

/* With SEM_TEST_SHOTS=DIR, each view is also saved as DIR/NAME.png. */
static void
save_shot (GtkWidget  *widget,
           const char *where)
{
  const char *dir = g_getenv ("SEM_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  GtkNative *native = gtk_widget_get_native (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL || native == NULL || width <= 0 || height <= 0)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  name = g_strdelimit (g_strdup (where), " /", '-');
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_mkdir_with_parents (dir, 0755);
  gdk_texture_save_to_png (texture, path);
}

static void
assert_bulgarian_at_least (GtkWidget  *widget,
                           const char *where,
                           guint       min_texts)
{
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
  guint n_texts = 0;

  sem_test_gui_iterate ();
  check_widget (widget, english, &n_texts);
  save_shot (widget, where);
  for (guint i = 0; i < english->len; i++)
    g_test_message ("%s: English: %s", where, (char *) english->pdata[i]);
  g_test_message ("%s: %u texts", where, n_texts);
  g_assert_cmpuint (n_texts, >=, min_texts);
  /* Every view is read before the test fails: one run lists all. */
  if (english->len > 0)
    {
      n_failures += english->len;
      g_test_fail ();
    }
}

static void
assert_bulgarian (GtkWidget  *widget,
                  const char *where)
{
  assert_bulgarian_at_least (widget, where, 6);
}

static void
collect_popover_buttons (GtkWidget *widget,
                         GPtrArray *buttons)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) == NULL &&
      gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL)
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_popover_buttons (child, buttons);
}

/* Opens each popover under @widget in turn, as a click would. */
static void
assert_popovers_bulgarian (GtkWidget  *widget,
                           const char *where)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_popover_buttons (widget, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = buttons->pdata[i];
      g_autofree char *name = g_strdup_printf ("%s popover %u", where, i);

      gtk_menu_button_popup (button);
      sem_test_gui_iterate ();
      assert_bulgarian_at_least (GTK_WIDGET (gtk_menu_button_get_popover (button)), name, 1);
      gtk_menu_button_popdown (button);
      sem_test_gui_iterate ();
    }
}

/* Lets timeouts and workers finish: the conflict check, an import. */
static void
wait_a_while (void)
{
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (10000);
      sem_test_gui_iterate ();
    }
}

/* The window just opened: the shown toplevel not in @before. */
static GtkWindow *
new_window (GPtrArray *before)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  sem_test_gui_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!g_ptr_array_find (before, window, NULL) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }
  g_assert_nonnull (found);
  return found;
}

static GPtrArray *
windows_now (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *windows = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      g_ptr_array_add (windows, window);
    }
  return windows;
}

/* Reads the dialog @window (its popovers too), then closes it. */
static void
check_dialog (GtkWindow  *window,
              const char *where)
{
  assert_bulgarian (GTK_WIDGET (window), where);
  assert_popovers_bulgarian (GTK_WIDGET (window), where);
  /* The about window's subpages (details, credits) too; the texts that
   * libadwaita adds come from its own catalogue and are not ours. */
  if (ADW_IS_ABOUT_WINDOW (window))
    {
      walk_unmapped = TRUE;
      assert_bulgarian (GTK_WIDGET (window), "about, all pages");
      walk_unmapped = FALSE;
    }
  gtk_window_destroy (window);
  sem_test_gui_iterate ();
}

/* The dialogs of the window's menus, opened as a person does. */
static const struct
{
  const char *where;
  const char *action;
  const char *toggle;   /* a property action turned on first, then off */
} dialogs[] = {
  { "preferences", "app.preferences" },
  { "about", "app.about" },
  { "export", "win.export-calendar" },
  /* win.import-calendar opens a GtkFileChooserNative straight away (the
   * toolkit's, not ours): the import dialog is read below, after a drop. */
  { "subscriptions", "win.feeds" },
  { "publish", "win.publish" },
  /* Only while "Share Live Calendars" is on. */
  { "live calendar addresses", "win.live-urls", "win.live-feed" },
};

static const struct
{
  const char   *kind;
  SemCollection collection;
} kinds[] = {
  { "programme", SEM_COLLECTION_PROGRAMMES },
  { "event", SEM_COLLECTION_EVENTS },
  { "session", SEM_COLLECTION_SESSIONS },
  { "room", SEM_COLLECTION_ROOMS },
  { "person", SEM_COLLECTION_PEOPLE },
  { "delegation", SEM_COLLECTION_DELEGATIONS },
  { "venue", SEM_COLLECTION_VENUES },
  { "city", SEM_COLLECTION_CITIES },
};

/* The first button under @widget with @icon_name, or else @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *icon_name,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) &&
      ((icon_name != NULL && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0) ||
       (label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, icon_name, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks @button and reads the window it opens. */
static void
check_window_from_click (GtkWidget  *button,
                         const char *where)
{
  g_autoptr(GPtrArray) before = windows_now ();

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  check_dialog (new_window (before), where);
}

static void
check_editors (SemWindow *window,
               SemPlan   *plan)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(SemEntity) entity = g_list_model_get_item (sem_plan_get_collection (plan, kinds[i].collection), 0);
      g_autofree char *edit = g_strdup_printf ("%s editor", kinds[i].kind);
      g_autofree char *create = g_strdup_printf ("new %s editor", kinds[i].kind);
      GtkWindow *editor;

      g_assert_nonnull (entity);
      editor = GTK_WINDOW (sem_entity_editor_new_edit (GTK_WINDOW (window), plan, entity));
      gtk_window_present (editor);
      check_dialog (editor, edit);

      editor = GTK_WINDOW (sem_entity_editor_new_create (GTK_WINDOW (window), plan, kinds[i].collection, NULL));
      gtk_window_present (editor);
      sem_test_gui_iterate ();
      /* A reference row's "New…" button opens an editor over this one. */
      if (kinds[i].collection == SEM_COLLECTION_EVENTS)
        {
          g_autofree char *nested = g_strdup_printf ("%s, nested new", create);

          check_window_from_click (find_button (GTK_WIDGET (editor), "list-add-symbolic", NULL), nested);
        }
      check_dialog (editor, create);
    }
}

/* The unsaved-changes question, on a new plan of a second window. */
static void
check_unsaved_question (void)
{
  SemWindow *window = sem_window_new (app);
  g_autoptr(SemProgramme) programme = sem_programme_new ("l10n-programme");
  g_autoptr(GPtrArray) before = NULL;
  GtkWindow *question;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  sem_test_gui_iterate ();
  sem_plan_add (sem_document_get_plan (sem_window_get_document (window)), SEM_ENTITY (programme));

  before = windows_now ();
  gtk_window_close (GTK_WINDOW (window));
  question = new_window (before);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (question));
  assert_bulgarian_at_least (GTK_WIDGET (question), "unsaved changes", 5);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
  gtk_window_destroy (question);
  sem_test_gui_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  sem_test_gui_iterate ();
}

static void
test_window_in_bulgarian (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  g_autoptr(SemDocument) document = NULL;
  g_autoptr(GFile) calendar = NULL;
  g_autoptr(SemFeed) feed = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  SemSession *first;
  SemWindow *window;
  GtkWidget *conflicts;

  g_assert_no_error (error);

  /* The catalogue is there and in use: a message everyone sees. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Undo"), !=, "Undo");

  /* A subscription, so that its form can be opened to edit it. */
  feed = sem_feed_new ("l10n-feed");
  g_object_set (feed, "name", "Partners", "url", "https://127.0.0.1:9/partners.ics", "enabled", FALSE, NULL);
  sem_plan_add (plan, SEM_ENTITY (feed));

  /* A clash, so that the conflict list has something to say: the
   * event's second session moves onto the first's time and room. */
  sessions = sem_test_event_sessions (plan, EVENT_ID);
  g_assert_cmpuint (sessions->len, >=, 2);
  first = sessions->pdata[0];
  sem_plan_set (plan, SEM_ENTITY (sessions->pdata[1]), "start", sem_session_get_start (first),
                "end", sem_session_get_end (first), "room", sem_session_get_room (first), NULL);

  document = sem_document_new (plan, NULL);
  window = sem_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  sem_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  sem_window_select_event (window, EVENT_ID);

  wait_a_while ();
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", pages[i]));
      assert_bulgarian (GTK_WIDGET (window), pages[i]);
      assert_popovers_bulgarian (GTK_WIDGET (window), pages[i]);
    }

  /* The header's conflict list: the demo plan has conflicts. */
  conflicts = sem_test_find_widget (GTK_WIDGET (window), SEM_TYPE_CONFLICT_LIST, NULL);
  g_assert_cmpuint (sem_conflict_list_get_n_problems (SEM_CONFLICT_LIST (conflicts)), >, 0);
  sem_conflict_list_popup (SEM_CONFLICT_LIST (conflicts));
  wait_a_while ();
  assert_bulgarian (conflicts, "conflict list");
  sem_conflict_list_popdown (SEM_CONFLICT_LIST (conflicts));

  /* Shown, as Ctrl+? shows it (all on one page: GTK 4.8's page switcher
   * measures its labels at a negative width, a warning fatal here). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.shortcuts", NULL);
  wait_a_while ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sem_window_get_shortcuts_window (window))));
  assert_bulgarian (GTK_WIDGET (sem_window_get_shortcuts_window (window)), "shortcuts");
  gtk_window_close (sem_window_get_shortcuts_window (window));

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_autoptr(GPtrArray) before = windows_now ();
      GtkWindow *dialog;

      if (dialogs[i].toggle != NULL)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), dialogs[i].toggle, NULL));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), dialogs[i].action, NULL));
      dialog = new_window (before);
      /* The subscription form, for a new one and for the one there is. */
      if (g_str_equal (dialogs[i].action, "win.feeds"))
        {
          check_window_from_click (find_button (GTK_WIDGET (dialog), NULL, _("_Add…")), "add subscription");
          check_window_from_click (find_button (GTK_WIDGET (dialog), "document-edit-symbolic", NULL),
                                   "edit subscription");
        }
      check_dialog (dialog, dialogs[i].where);
      if (dialogs[i].toggle != NULL)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), dialogs[i].toggle, NULL));
    }

  /* The import dialog, as a calendar dropped on the window opens it. */
  {
    g_autoptr(GPtrArray) before = windows_now ();
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "floating.ics", NULL);
    GtkWindow *dialog;

    calendar = g_file_new_for_path (path);
    sem_window_import_file (window, calendar);
    dialog = new_window (before);
    wait_a_while ();
    check_dialog (dialog, "import");
  }

  check_editors (window, plan);
  check_unsaved_question ();

  gtk_window_destroy (GTK_WINDOW (window));
  sem_test_gui_iterate ();
  if (n_failures > 0)
    g_test_message ("%u texts in English", n_failures);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SEM_TEST_LOCALEDIR");

  g_setenv ("LANGUAGE", "bg", TRUE);
  g_setenv ("LC_ALL", "bg_BG.UTF-8", TRUE);
  /* The test AT context: it tells the accessible labels. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  /* build-aux/setup generates the locale: without it this is a failure. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sem_test_gui_init ();
  if (app == NULL)
    return 0;

  load_english_messages ();
  g_test_add_func ("/l10n-ui/window-in-bulgarian", test_window_in_bulgarian);

  return g_test_run ();
}
